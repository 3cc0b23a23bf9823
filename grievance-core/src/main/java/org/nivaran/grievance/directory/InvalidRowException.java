package org.nivaran.grievance.directory;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A row of a registry file was refused: the exception names the {@link #source() source} (a file
 * name such as {@code categories.csv}, or {@code directory.json#posts} for a section of a JSON
 * directory), the 1-based {@link #row() row} (a CSV line number, or the index in a JSON array plus
 * one), the {@link #field() field} and the {@link #reason() reason}, e.g.
 * {@code categories.csv row 17, field department: unknown department 'XYZ'}. A problem with the
 * file as a whole (not valid JSON, a missing section) has row 0.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidRowException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the source. */
  private final String source;
  /** @serial the row, 1-based; 0 for the whole file. */
  private final int row;
  /** @serial the field. */
  private final String field;
  /** @serial the reason. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param source the file, and for a JSON directory its section, e.g. {@code directory.json#posts}
   * @param row the 1-based row, or 0 for a problem with the whole file
   * @param field the refused field, e.g. {@code department} or {@code holder.phone}
   * @param reason why it was refused, e.g. {@code unknown department 'XYZ'}
   */
  public InvalidRowException(String source, int row, String field, String reason) {
    this(source, row, field, reason, null);
  }

  /**
   * Creates the exception with the validation failure that caused it.
   *
   * @param source the file, and for a JSON directory its section
   * @param row the 1-based row, or 0 for a problem with the whole file
   * @param field the refused field
   * @param reason why it was refused
   * @param cause the underlying failure, or null
   */
  public InvalidRowException(String source, int row, String field, String reason, Throwable cause) {
    super(message(source, row, field, reason), cause);
    if (row < 0) {
      throw new IllegalArgumentException("row must be 0 or more (was " + row + ")");
    }
    this.source = source;
    this.row = row;
    this.field = field;
    this.reason = reason;
  }

  private static String message(String source, int row, String field, String reason) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    return source + (row > 0 ? " row " + row : "") + ", field " + field + ": " + reason;
  }

  /**
   * The file, and for a JSON directory its section.
   *
   * @return e.g. {@code categories.csv} or {@code directory.json#posts}
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based row: a CSV line number, or a JSON array index plus one; 0 for the whole file.
   *
   * @return the row
   */
  public int row() {
    return row;
  }

  /**
   * The refused field.
   *
   * @return e.g. {@code department}
   */
  public String field() {
    return field;
  }

  /**
   * Why it was refused, without the source, row and field.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}
