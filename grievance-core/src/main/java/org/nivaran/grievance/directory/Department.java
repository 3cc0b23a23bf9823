package org.nivaran.grievance.directory;

import org.nivaran.grievance.internal.Texts;

/**
 * A government department that owns complaint categories and posts, e.g. {@code energy} (ऊर्जा
 * विभाग).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the department's code: ASCII letters, digits, {@code . _ -}, at most 64 characters
 * @param nameEn its English name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param nameHi its Hindi name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 */
public record Department(String code, String nameEn, String nameHi) {
  /** The most code points in a name. */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * Validates the department; the names are stripped and NFC-normalised.
   *
   * @throws org.nivaran.grievance.InvalidInputException naming {@code code}, {@code nameEn} or
   *     {@code nameHi}
   * @param code the department's code
   * @param nameEn its English name
   * @param nameHi its Hindi name
   */
  public Department {
    Texts.code(code, "code");
    nameEn = Texts.singleLine(nameEn, "nameEn", MAX_NAME_LENGTH);
    nameHi = Texts.singleLine(nameHi, "nameHi", MAX_NAME_LENGTH);
  }
}
