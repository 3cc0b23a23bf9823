package org.nivaran.grievance.actor;

import java.util.regex.Pattern;
import org.nivaran.grievance.InvalidInputException;

/**
 * A phone number in E.164 form, e.g. {@code +919876543210}.
 *
 * <p>{@link #parse(String)} accepts what call-centre agents and chat bots actually receive: Indian
 * 10-digit numbers with or without {@code +91}, {@code 91} or a trunk {@code 0}; spaces, hyphens,
 * dots and parentheses between digits; digits in any Unicode script (Devanagari {@code ९८७...}
 * included); and international numbers written with {@code +} or {@code 00}. Indian numbers must
 * have 10 digits starting with 2 to 9 (mobiles start with 6 to 9, landlines with their STD code).
 *
 * <p>{@link #toString()} is {@linkplain #masked() masked}; use {@link #e164()} for the number.
 * Error messages never repeat the input. Immutable and thread-safe.
 *
 * @param e164 the normalised number, {@code +} then 8 to 15 digits
 */
public record PhoneNumber(String e164) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final Pattern INDIAN = Pattern.compile("\\+91[2-9][0-9]{9}");

  /**
   * Validates an already normalised number. An error message shows the value's shape (or, for an
   * E.164 number that is not a valid Indian one, its {@linkplain Masking masked} form), never the
   * value itself.
   *
   * @param e164 the normalised number, {@code +} then 8 to 15 digits
   * @throws InvalidInputException (field {@code phone}) if it is not E.164
   */
  public PhoneNumber {
    if (e164 == null || !E164.matcher(e164).matches()) {
      throw new InvalidInputException("phone", "must be E.164, '+' then 8 to 15 digits (was " + Masking.shape(e164) + ")");
    }
    if (e164.startsWith("+91") && !INDIAN.matcher(e164).matches()) {
      throw new InvalidInputException(
          "phone", "an Indian number must have 10 digits starting with 2-9 after +91 (was " + Masking.e164(e164) + ")");
    }
  }

  /**
   * Parses and normalises a phone number; errors name the field {@code phone}.
   *
   * @param raw the number as typed
   * @return the number in E.164
   * @throws InvalidInputException if it is not a valid number
   */
  public static PhoneNumber parse(String raw) {
    return parse(raw, "phone");
  }

  /**
   * Parses and normalises a phone number; errors name {@code field}.
   *
   * @param raw the number as typed
   * @param field the field name to report, e.g. {@code citizen.phone}
   * @return the number in E.164
   * @throws InvalidInputException if it is not a valid number
   */
  public static PhoneNumber parse(String raw, String field) {
    if (raw == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    String trimmed = raw.strip();
    boolean plus = trimmed.startsWith("+");
    StringBuilder digits = new StringBuilder();
    for (int i = plus ? 1 : 0; i < trimmed.length(); ) {
      int cp = trimmed.codePointAt(i);
      i += Character.charCount(cp);
      int digit = Character.digit(cp, 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      } else if (cp != ' ' && cp != '-' && cp != '.' && cp != '(' && cp != ')') {
        throw new InvalidInputException(
            field, "may hold only digits, spaces, '-', '.', '(' and ')' after an optional '+' (was " + Masking.shape(raw) + ")");
      }
    }
    String d = digits.toString();
    String e164;
    if (plus) {
      e164 = "+" + d;
    } else if (d.startsWith("00")) {
      e164 = "+" + d.substring(2);
    } else if (d.length() == 10) {
      e164 = "+91" + d;
    } else if (d.length() == 11 && d.startsWith("0")) {
      e164 = "+91" + d.substring(1);
    } else if (d.length() == 12 && d.startsWith("91")) {
      e164 = "+" + d;
    } else {
      throw new InvalidInputException(
          field,
          "must be a 10-digit Indian number (optionally with +91, 91 or 0) or an international number"
              + " starting with '+' (was " + Masking.shape(raw) + ")");
    }
    try {
      return new PhoneNumber(e164);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(field, e.reason());
    }
  }

  /**
   * The number {@linkplain Masking#phone masked} for logs and messages: its country code and its
   * last four digits, {@code +91******3210}.
   *
   * @return the masked number
   */
  public String masked() {
    return Masking.phone(this);
  }

  /**
   * The number {@linkplain #masked() masked}, {@code +91******3210}, so that a number logged or
   * put into a message by accident does not show; {@link #e164()} is the number itself.
   *
   * @return {@link #masked()}
   */
  @Override
  public String toString() {
    return masked();
  }
}
