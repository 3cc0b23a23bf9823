package org.nivaran.grievance;

import java.util.Objects;

/**
 * Input was refused by validation. The exception names the offending {@link #field() field} (a
 * dotted path such as {@code citizen.phone}) and the {@link #reason() reason}; nothing was stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidInputException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the field. */
  private final String field;
  /** @serial the reason. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param field the dotted path of the refused field, e.g. {@code citizen.phone}
   * @param reason why the value was refused, e.g. {@code "must not be blank (was '')"}
   */
  public InvalidInputException(String field, String reason) {
    super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(reason, "reason"));
    this.field = field;
    this.reason = reason;
  }

  /**
   * The dotted path of the refused field.
   *
   * @return the field, e.g. {@code citizen.phone}
   */
  public String field() {
    return field;
  }

  /**
   * Why the value was refused, without the field name.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
