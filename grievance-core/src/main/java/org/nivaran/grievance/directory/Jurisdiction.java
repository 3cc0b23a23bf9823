package org.nivaran.grievance.directory;

import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A place in the administrative tree: a state, district, block, tehsil, panchayat or ward.
 *
 * <pre>{@code
 * Jurisdiction ward = new Jurisdiction("RAIPUR-W12", JurisdictionType.WARD, Optional.of("RAIPUR-TEHSIL"),
 *     "Ward 12, Raipur", "वार्ड 12, रायपुर");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the jurisdiction's code: ASCII letters, digits, {@code . _ -}, at most 64 characters
 * @param type its type
 * @param parent the code of the jurisdiction above it; empty for a root
 * @param nameEn its English name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 * @param nameHi its Hindi name, 1 to {@value #MAX_NAME_LENGTH} characters on one line
 */
public record Jurisdiction(String code, JurisdictionType type, Optional<String> parent, String nameEn, String nameHi) {
  /** The most code points in a name. */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * Validates the jurisdiction; the names are stripped and NFC-normalised.
   *
   * @throws InvalidInputException naming {@code code}, {@code type}, {@code parent}, {@code nameEn}
   *     or {@code nameHi}
   * @param code the jurisdiction's code
   * @param type its type
   * @param parent the code of the jurisdiction above it
   * @param nameEn its English name
   * @param nameHi its Hindi name
   */
  public Jurisdiction {
    Texts.code(code, "code");
    Texts.required(type, "type");
    Texts.required(parent, "parent").ifPresent(p -> Texts.code(p, "parent"));
    if (parent.isPresent() && parent.get().equals(code)) {
      throw new InvalidInputException("parent", "must not be the jurisdiction itself (was '" + code + "')");
    }
    nameEn = Texts.singleLine(nameEn, "nameEn", MAX_NAME_LENGTH);
    nameHi = Texts.singleLine(nameHi, "nameHi", MAX_NAME_LENGTH);
  }
}
