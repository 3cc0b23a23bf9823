package org.nivaran.grievance.complaint;

import org.nivaran.grievance.internal.Texts;

/**
 * A grievance's number in another system: the source that holds it (a portal, a helpline, a
 * hearing register) and that source's own id for it, such as a CPGRAMS registration number or a
 * CM Helpline 181 ticket. Within one tenant, a source's id names at most one complaint.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the other system, a code such as {@code CPGRAMS} or {@code CMH-181}: ASCII
 *     letters, digits, {@code . _ -}, at most 64 characters
 * @param id the other system's id for the grievance: 1 to {@value #MAX_ID_LENGTH} code points, no
 *     control characters or surrounding white space, kept exactly as given
 */
public record ExternalReference(String source, String id) {
  /** The most characters in a source's id. */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * Validates the fields.
   *
   * @param source the other system
   * @param id the other system's id for the grievance
   * @throws org.nivaran.grievance.InvalidInputException naming {@code reference.source} or
   *     {@code reference.id}
   */
  public ExternalReference {
    Texts.code(source, "reference.source");
    Texts.opaque(id, "reference.id", MAX_ID_LENGTH);
  }

  /**
   * A reference.
   *
   * @param source the other system
   * @param id the other system's id for the grievance
   * @return the reference
   */
  public static ExternalReference of(String source, String id) {
    return new ExternalReference(source, id);
  }

  /**
   * A copy of a list of references, checked: none null, at most one per source.
   *
   * @param references the references
   * @param field the field named in an error
   * @return an unmodifiable copy
   * @throws org.nivaran.grievance.InvalidInputException naming {@code field}
   */
  static java.util.List<ExternalReference> distinctSources(java.util.List<ExternalReference> references, String field) {
    java.util.List<ExternalReference> copy = java.util.List.copyOf(Texts.required(references, field));
    if (copy.stream().map(ExternalReference::source).distinct().count() != copy.size()) {
      throw new org.nivaran.grievance.InvalidInputException(field, "names a source more than once: " + copy);
    }
    return copy;
  }

  @Override
  public String toString() {
    return source + ":" + id;
  }
}
