package org.nivaran.grievance.complaint;

import org.nivaran.grievance.internal.Texts;

/**
 * The human-readable id of a complaint, e.g. {@code RPR-2024-000123}, as issued by a
 * {@link ComplaintIdScheme}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value ASCII letters, digits, {@code . _ -}, at most 64 characters
 */
public record ComplaintId(String value) implements Comparable<ComplaintId> {
  /**
   * * Validates the id.
   *
   * @throws org.nivaran.grievance.InvalidInputException (field {@code complaintId}) if malformed
   *
   * @param value ASCII letters, digits, {@code . _ -}, at most 64 characters
   */
  public ComplaintId {
    Texts.code(value, "complaintId");
  }

  /**
   * Creates an id.
   *
   * @param value the id text
   * @return the id
   */
  public static ComplaintId of(String value) {
    return new ComplaintId(value);
  }

  @Override
  public int compareTo(ComplaintId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
