package org.nivaran.grievance.json;

import org.nivaran.grievance.GrievanceException;

/**
 * A JSON document given to one of {@link NivaranJson}'s readers could not be read: it is not JSON,
 * or not a complaint or history in Nivaran's format, or the domain refused a value in it. Unchecked,
 * so a host does not handle Jackson's checked exceptions; the Jackson exception is the
 * {@linkplain #getCause() cause}.
 *
 * <p>The exception names the place: {@link #what()} is what was being read ({@code complaint} or
 * {@code history}), {@link #path()} the path to the offending element ({@code [2]} for the third
 * event of a history, empty for the document itself), and the message adds the line and column
 * and the reader's reason, e.g. {@code cannot read history at [2] (line 1, column 312): Cannot
 * read ComplaintEvent: missing required field 'actor'}.
 *
 * <p>Immutable, so thread-safe.
 */
public final class JsonReadException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial what was being read. */
  private final String what;
  /** @serial the path of the offending element. */
  private final String path;

  JsonReadException(String what, String path, String message, Throwable cause) {
    super(message, cause);
    this.what = what;
    this.path = path;
  }

  /**
   * What was being read.
   *
   * @return {@code complaint} or {@code history}
   */
  public String what() {
    return what;
  }

  /**
   * Where in the document the problem is, in the notation of the readers' errors.
   *
   * @return e.g. {@code [2]} or {@code [0].citizen}; empty for the document as a whole
   */
  public String path() {
    return path;
  }
}
