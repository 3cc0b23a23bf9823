package org.nivaran.grievance.actor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides how a citizen's (or an officer's) phone number and name look outside
 * the data they belong to: in logs, exception messages and {@code toString()}. Everything Nivaran
 * prints goes through it; the JSON form, the stores and what a notifier sends keep the full values.
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>value</th><th>shown as</th><th>example</th></tr>
 *   <tr><td>a phone number</td><td>{@code +}, its country code, a {@code *} for each further digit
 *       but the last four, the last four</td><td>{@code +919876543210} → {@code +91******3210},
 *       {@code +442079460958} → {@code +44******0958}</td></tr>
 *   <tr><td>a name</td><td>its initials: the first letter of each word, with the marks and
 *       conjoined consonants that belong to it (an Indic syllable such as {@code सु} or
 *       {@code प्रि}), then {@code .}, joined by spaces</td><td>{@code सुनीता वर्मा} →
 *       {@code सु. व.}, {@code Sunita Verma} → {@code S. V.}, {@code रमेश} → {@code र.}</td></tr>
 *   <tr><td>input refused as a phone number</td><td>its shape only: how many characters and
 *       digits</td><td>{@code 98765abcde} → {@code 10 characters, 5 digits}</td></tr>
 *   <tr><td>free text the citizen wrote about themselves (an address)</td><td>its length
 *       only</td><td>{@code [redacted: 16 characters]}</td></tr>
 * </table>
 *
 * <p>{@link #scrub(String, PhoneNumber, String)} masks a known person's number and name wherever
 * they appear in a text: a gateway's error message, a notifier's failure, a description.
 *
 * <p>Officers' numbers and names are masked the same way: an officer is named in logs by the
 * employee id and the post, which is enough to find them; their mobile numbers are often personal.
 *
 * <p>Every method accepts {@code null} and then returns {@code "null"} (or {@code null} for
 * {@link #scrub}). Stateless and thread-safe.
 */
public final class Masking {
  /** Two-digit country codes (ITU-T E.164); 1 and 7 are the one-digit codes, every other is three digits. */
  private static final Set<String> TWO_DIGIT_CODES = Set.of(
      "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
      "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
      "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
  /** The digits of a number kept at its end. */
  private static final int KEPT_DIGITS = 4;
  /** The most separator characters between two digits of one written number, as in {@code (0771) 234}. */
  private static final int MAX_SEPARATORS = 3;
  private static final int ZWJ = 0x200D;
  private static final int ZWNJ = 0x200C;

  private Masking() {}

  /**
   * A phone number with its country code and its last four digits, every digit between them a
   * {@code *}: {@code +91******3210}.
   *
   * @param phone the number, or null
   * @return the masked number, or {@code "null"}
   */
  public static String phone(PhoneNumber phone) {
    return phone == null ? "null" : e164(phone.e164());
  }

  /**
   * A name as its initials: for each word (separated by white space), its first letter or digit
   * with what joins it in writing (combining vowel signs and other marks, joiners, and a
   * consonant conjoined by a virama, as in {@code प्र}), then a {@code .}. {@code सुनीता वर्मा}
   * gives {@code सु. व.}, {@code Sunita Verma} gives {@code S. V.}, {@code Ramesh} gives
   * {@code R.}, {@code 王小明} gives {@code 王.}; words without a letter or digit are left out, and
   * a name without any gives the empty string.
   *
   * @param name the name, or null
   * @return the initials, or {@code "null"}
   */
  public static String name(String name) {
    if (name == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (String word : words(name)) {
      String initial = initial(word);
      if (!initial.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(initial).append('.');
      }
    }
    return out.toString();
  }

  /**
   * The shape of a text refused as a phone number, for an error message that must not repeat it:
   * {@code 10 characters, 5 digits}.
   *
   * @param raw the text, or null
   * @return its length in code points and how many of them are digits, or {@code "null"}
   */
  public static String shape(String raw) {
    if (raw == null) {
      return "null";
    }
    int length = raw.codePointCount(0, raw.length());
    long digits = raw.codePoints().filter(cp -> Character.digit(cp, 10) >= 0).count();
    return length + (length == 1 ? " character" : " characters")
        + (digits == length ? "" : ", " + digits + (digits == 1 ? " digit" : " digits"));
  }

  /**
   * A personal free text (an address) as its length only: {@code [redacted: 16 characters]}.
   *
   * @param text the text, or null
   * @return the placeholder, or {@code "null"}
   */
  public static String redact(String text) {
    if (text == null) {
      return "null";
    }
    int length = text.codePointCount(0, text.length());
    return "[redacted: " + length + (length == 1 ? " character]" : " characters]");
  }

  /**
   * A text with one person's number and name masked wherever they appear in it:
   *
   * <ul>
   *   <li>every written number whose digits hold the number's national digits (with or without
   *       the country code, a {@code +}, {@code 00} or a trunk {@code 0}; with spaces, hyphens,
   *       dots, slashes or parentheses between digits; in any script's digits) becomes
   *       {@link #phone(PhoneNumber)};
   *   <li>the whole name, and then each word of it of two or more characters, standing as words
   *       (ignoring case), become their initials ({@link #name(String)}).
   * </ul>
   *
   * <p>Other people's numbers and names in the text are not recognised.
   *
   * @param text the text, or null
   * @param phone the number to mask, or null for none
   * @param name the name to mask, or null for none
   * @return the text masked, or null if {@code text} is null
   */
  public static String scrub(String text, PhoneNumber phone, String name) {
    if (text == null) {
      return null;
    }
    String out = phone == null ? text : scrubNumber(text, phone);
    if (name != null && !name.isBlank()) {
      out = replaceWords(out, name.strip(), name(name));
      List<String> words = new ArrayList<>(words(name));
      words.sort(Comparator.comparingInt(String::length).reversed());
      for (String word : words) {
        String bare = stripNonLetters(word);
        if (bare.codePointCount(0, bare.length()) >= 2) {
          out = replaceWords(out, bare, name(bare));
        }
      }
    }
    return out;
  }

  /** Masks a string of E.164 form ({@code +} and 8 to 15 digits); any other string becomes its shape. */
  static String e164(String e164) {
    if (e164 == null || e164.length() < 2 || e164.charAt(0) != '+' || !e164.substring(1).chars().allMatch(Masking::isAsciiDigit)) {
      return "(" + shape(e164) + ")";
    }
    String digits = e164.substring(1);
    int cc = countryCodeLength(digits);
    int kept = Math.min(KEPT_DIGITS, Math.max(0, digits.length() - cc - 1));
    int hidden = digits.length() - cc - kept;
    return "+" + digits.substring(0, cc) + "*".repeat(Math.max(0, hidden)) + digits.substring(digits.length() - kept);
  }

  /** How many leading digits of an E.164 number (without {@code +}) are its country code. */
  static int countryCodeLength(String digits) {
    if (digits.startsWith("1") || digits.startsWith("7")) {
      return 1;
    }
    if (digits.length() >= 2 && TWO_DIGIT_CODES.contains(digits.substring(0, 2))) {
      return 2;
    }
    return Math.min(3, digits.length());
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
      if (space && start >= 0) {
        words.add(name.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      words.add(name.substring(start));
    }
    return words;
  }

  /**
   * The first letter or digit of a word with what belongs to it in writing: the marks and joiners
   * after it, and a consonant joined to it by a virama (Unicode's extended grapheme cluster, with
   * its rule for Indic conjuncts), so {@code प्रिया} gives {@code प्रि}, not the half letter {@code प्}.
   */
  private static String initial(String word) {
    int i = 0;
    while (i < word.length() && !Character.isLetterOrDigit(word.codePointAt(i))) {
      i += Character.charCount(word.codePointAt(i));
    }
    if (i >= word.length()) {
      return "";
    }
    int start = i;
    i += Character.charCount(word.codePointAt(i));
    boolean linked = false;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      if (isMark(cp) || cp == ZWJ || cp == ZWNJ) {
        linked |= isLinkingVirama(cp);
      } else if (linked && Character.isLetter(cp)) {
        linked = false;
      } else {
        break;
      }
      i += Character.charCount(cp);
    }
    return word.substring(start, i);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The viramas that join the consonants around them into one written cluster (Unicode's InCB=Linker). */
  private static boolean isLinkingVirama(int cp) {
    return cp == 0x094D || cp == 0x09CD || cp == 0x0ACD || cp == 0x0B4D || cp == 0x0C4D || cp == 0x0D4D;
  }

  private static String stripNonLetters(String word) {
    int start = 0;
    while (start < word.length() && !Character.isLetterOrDigit(word.codePointAt(start))) {
      start += Character.charCount(word.codePointAt(start));
    }
    int end = word.length();
    while (end > start && !isWordPart(word.codePointBefore(end))) {
      end -= Character.charCount(word.codePointBefore(end));
    }
    return word.substring(start, end);
  }

  private static boolean isWordPart(int cp) {
    return Character.isLetterOrDigit(cp) || isMark(cp) || cp == ZWJ || cp == ZWNJ;
  }

  /** Replaces each occurrence of {@code target} that stands as words (ignoring case) by {@code replacement}. */
  private static String replaceWords(String text, String target, String replacement) {
    if (target.isEmpty() || text.length() < target.length()) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i + target.length() <= text.length(); ) {
      int end = i + target.length();
      if (text.regionMatches(true, i, target, 0, target.length())
          && (i == 0 || !isWordPart(text.codePointBefore(i)))
          && (end == text.length() || !isWordPart(text.codePointAt(end)))) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, i).append(replacement);
        copied = end;
        i = end;
      } else {
        i++;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * Replaces every written number (digits of any script, with up to {@value #MAX_SEPARATORS}
   * separators between two digits, and a {@code +} before it) whose digits hold the national
   * digits of {@code phone}.
   */
  private static String scrubNumber(String text, PhoneNumber phone) {
    String digits = phone.e164().substring(1);
    String national = digits.substring(countryCodeLength(digits));
    String masked = phone(phone);
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (Character.digit(cp, 10) < 0) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i > 0 && text.charAt(i - 1) == '+' ? i - 1 : i;
      StringBuilder run = new StringBuilder();
      int end = i;
      int j = i;
      while (j < text.length()) {
        int c = text.codePointAt(j);
        int d = Character.digit(c, 10);
        if (d >= 0) {
          run.append((char) ('0' + d));
          j += Character.charCount(c);
          end = j;
          continue;
        }
        int k = j;
        int separators = 0;
        while (k < text.length() && separators < MAX_SEPARATORS && isSeparator(text.charAt(k))) {
          k++;
          separators++;
        }
        if (separators > 0 && k < text.length() && Character.digit(text.codePointAt(k), 10) >= 0) {
          j = k;
        } else {
          break;
        }
      }
      if (run.indexOf(national) >= 0) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, start).append(masked);
        copied = end;
      }
      i = end;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\u00A0' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
  }
}
