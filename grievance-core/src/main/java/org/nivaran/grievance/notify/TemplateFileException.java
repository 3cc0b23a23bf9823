package org.nivaran.grievance.notify;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A templates file that cannot be used: a bad language tag in its name, an unknown kind, a bad
 * placeholder, a malformed line, or an English file without every kind. Names the file, the line
 * (1-based; 0 when the fault is the file as a whole) and the key (the kind, or empty when there is
 * none). Holds no citizen's data.
 *
 * <p>Immutable once thrown and may be shared between threads.
 */
public final class TemplateFileException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** The file, as named to the loader. */
  private final String file;
  /** The 1-based line, or 0 for the file as a whole. */
  private final int line;
  /** The kind named on the line, or empty. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param file the file, as named to the loader
   * @param line the 1-based line, or 0 for the file as a whole
   * @param key the kind named on the line, or empty
   * @param reason what is wrong
   */
  public TemplateFileException(String file, int line, String key, String reason) {
    super(message(file, line, key, reason));
    this.file = file;
    this.line = line;
    this.key = key;
  }

  private static String message(String file, int line, String key, String reason) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
    return file + (line > 0 ? ":" + line : "") + (key.isEmpty() ? "" : " " + key) + ": " + reason;
  }

  /**
   * The file.
   *
   * @return the file, as named to the loader
   */
  public String file() {
    return file;
  }

  /**
   * The line.
   *
   * @return the 1-based line, or 0 when the fault is the file as a whole
   */
  public int line() {
    return line;
  }

  /**
   * The key.
   *
   * @return the kind named on the line (as written), or empty when there is none
   */
  public String key() {
    return key;
  }
}
