package org.nivaran.grievance.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;

/**
 * Validation and normalisation of text input. Every method either returns the normalised value or
 * throws {@link InvalidInputException} naming the field. Stateless and thread-safe.
 */
public final class Texts {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /** The longest code (category, jurisdiction, department, post) accepted. */
  public static final int MAX_CODE_LENGTH = 64;

  private Texts() {}

  /**
   * Checks that a required duration is present and positive.
   *
   * @param value the duration
   * @param field the field name for the error
   * @return the duration
   * @throws InvalidInputException naming the field if it is missing, zero or negative
   */
  public static java.time.Duration positive(java.time.Duration value, String field) {
    required(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(field, "must be positive (was " + value + ")");
    }
    return value;
  }

  /**
   * Checks that a required value is present.
   *
   * @param value the value
   * @param field the field name for the error
   * @param <T> the value type
   * @return the value
   */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    return value;
  }

  /**
   * A one-line text: stripped of surrounding white space, NFC-normalised, 1 to {@code maxLength}
   * code points; no control characters, no line or paragraph separators (U+2028, U+2029), no
   * bidirectional embedding, override or isolate controls, no byte-order mark.
   *
   * @param value the raw text
   * @param field the field name for the error
   * @param maxLength the most code points allowed
   * @return the normalised text
   */
  public static String singleLine(String value, String field, int maxLength) {
    return text(value, field, maxLength, false);
  }

  /**
   * A multi-line text: like {@link #singleLine} but line feeds, carriage returns and tabs are
   * allowed inside it.
   *
   * @param value the raw text
   * @param field the field name for the error
   * @param maxLength the most code points allowed
   * @return the normalised text
   */
  public static String multiLine(String value, String field, int maxLength) {
    return text(value, field, maxLength, true);
  }

  /**
   * A code such as a category or jurisdiction code: ASCII letters, digits, {@code . _ -}, starting
   * with a letter or digit, at most {@link #MAX_CODE_LENGTH} characters.
   *
   * @param value the raw code
   * @param field the field name for the error
   * @return the code, unchanged
   */
  public static String code(String value, String field) {
    required(value, field);
    if (value.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank (was '')");
    }
    if (value.length() > MAX_CODE_LENGTH) {
      throw new InvalidInputException(
          field, "must be at most " + MAX_CODE_LENGTH + " characters (was " + value.length() + ")");
    }
    if (!CODE.matcher(value).matches()) {
      throw new InvalidInputException(
          field,
          "must be ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (was '"
              + printable(value)
              + "')");
    }
    return value;
  }

  /**
   * An opaque token such as an idempotency key: 1 to {@code maxLength} code points, no control or
   * format characters, no surrounding white space. Never rewritten: two keys are the same only if
   * they are equal as given.
   *
   * @param value the token
   * @param field the field name for the error
   * @param maxLength the most code points allowed
   * @return the token, unchanged
   */
  public static String opaque(String value, String field, int maxLength) {
    String checked = singleLine(value, field, maxLength);
    if (!checked.equals(value)) {
      throw new InvalidInputException(
          field, "must be given without surrounding white space and in Unicode NFC (was '" + printable(value) + "')");
    }
    return value;
  }

  private static String text(String raw, String field, int maxLength, boolean multiLine) {
    String value = stripBlank(required(raw, field));
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        throw new InvalidInputException(field, "contains an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)) {
        throw new InvalidInputException(field, "contains an unpaired surrogate at index " + i);
      }
      if (Character.getType(c) == Character.CONTROL
          && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
        throw new InvalidInputException(
            field, String.format(Locale.ROOT, "contains control character U+%04X at index %d", (int) c, i));
      }
      if (isBidiControlOrBom(c)) {
        throw new InvalidInputException(
            field, String.format(Locale.ROOT, "contains bidirectional control or byte-order mark U+%04X at index %d", (int) c, i));
      }
      if (!multiLine && (c == '\u2028' || c == '\u2029')) {
        throw new InvalidInputException(
            field, String.format(Locale.ROOT, "contains line separator U+%04X at index %d", (int) c, i));
      }
    }
    String normalised = Normalizer.normalize(value, Normalizer.Form.NFC);
    if (normalised.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank (was '" + printable(value) + "')");
    }
    int length = normalised.codePointCount(0, normalised.length());
    if (length > maxLength) {
      throw new InvalidInputException(
          field, "must be at most " + maxLength + " characters (was " + length + ")");
    }
    return normalised;
  }

  /**
   * Strips white space from both ends, except control characters other than tab, line feed and
   * carriage return: those are refused wherever they stand.
   */
  private static String stripBlank(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isStrippable(s.charAt(start))) {
      start++;
    }
    while (end > start && isStrippable(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isStrippable(char c) {
    return (Character.isWhitespace(c) || Character.isSpaceChar(c))
        && (Character.getType(c) != Character.CONTROL || c == '\t' || c == '\n' || c == '\r');
  }

  /**
   * Embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069) can make text
   * display differently from what it says; a byte-order mark has no place inside text. The marks
   * LRM and RLM and the joiners ZWJ and ZWNJ, which Indic and Urdu text needs, stay allowed.
   */
  private static boolean isBidiControlOrBom(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
  }

  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    StringBuilder out = new StringBuilder();
    shown.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}
