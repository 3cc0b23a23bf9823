package org.nivaran.grievance.notify;

import java.util.BitSet;
import java.util.Objects;

/**
 * How many SMS parts a text costs, the way a GSM network splits it.
 *
 * <p>A text whose every character is in the GSM 03.38 default alphabet or its extension table is
 * sent in {@linkplain SmsEncoding#GSM_7 GSM-7}: up to 160 septets go in one message; a longer one is
 * cut into parts of 153 septets (the other 7 carry the concatenation header). The extension
 * characters {@code { } [ ] ~ \ | ^ €} and form feed cost two septets, an escape and the character,
 * and the pair is never split between parts, so a part may hold only 152. Any other text is sent in
 * {@linkplain SmsEncoding#UCS_2 UCS-2}: up to 70 UTF-16 units in one message, else parts of 67, and
 * a surrogate pair (an emoji, say) is never split, so a part may hold only 66. An empty text is one
 * message.
 *
 * <p>Stateless and thread-safe.
 */
public final class SmsSegments {
  /** The most septets in a single GSM-7 message. */
  public static final int GSM_SINGLE = 160;
  /** The most septets in one part of a concatenated GSM-7 message. */
  public static final int GSM_PART = 153;
  /** The most UTF-16 units in a single UCS-2 message. */
  public static final int UCS2_SINGLE = 70;
  /** The most UTF-16 units in one part of a concatenated UCS-2 message. */
  public static final int UCS2_PART = 67;

  /** The GSM 03.38 default alphabet, less the escape code itself. */
  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** The extension table, each reached through the escape code. */
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
  private static final BitSet BASIC = bits(GSM_BASIC);
  private static final BitSet EXTENSION = bits(GSM_EXTENSION);

  private SmsSegments() {}

  /**
   * The alphabet a text would be sent in.
   *
   * @param body the text
   * @return {@link SmsEncoding#GSM_7} if every character is in the GSM default alphabet or its
   *     extension table, else {@link SmsEncoding#UCS_2}
   */
  public static SmsEncoding encodingOf(String body) {
    Objects.requireNonNull(body, "body");
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (!BASIC.get(c) && !EXTENSION.get(c)) {
        return SmsEncoding.UCS_2;
      }
    }
    return SmsEncoding.GSM_7;
  }

  /**
   * The number of SMS parts a text is sent in, at least 1.
   *
   * @param body the text
   * @return the part count
   */
  public static int count(String body) {
    return encodingOf(body) == SmsEncoding.GSM_7 ? gsmParts(body) : ucs2Parts(body);
  }

  /**
   * The septets a GSM-7 text takes: one per character, two per extension character.
   *
   * @param body a text in the GSM alphabet
   * @return the septet count
   * @throws IllegalArgumentException if the text is not in the GSM alphabet
   */
  public static int septets(String body) {
    if (encodingOf(body) != SmsEncoding.GSM_7) {
      throw new IllegalArgumentException("the text is not in the GSM 03.38 alphabet");
    }
    int septets = 0;
    for (int i = 0; i < body.length(); i++) {
      septets += septetsOf(body.charAt(i));
    }
    return septets;
  }

  private static int gsmParts(String body) {
    if (septets(body) <= GSM_SINGLE) {
      return 1;
    }
    int parts = 1;
    int used = 0;
    for (int i = 0; i < body.length(); i++) {
      int cost = septetsOf(body.charAt(i));
      if (used + cost > GSM_PART) { // an escape pair moves whole to the next part
        parts++;
        used = 0;
      }
      used += cost;
    }
    return parts;
  }

  private static int ucs2Parts(String body) {
    if (body.length() <= UCS2_SINGLE) {
      return 1;
    }
    int parts = 1;
    int used = 0;
    for (int i = 0; i < body.length(); ) {
      boolean pair =
          Character.isHighSurrogate(body.charAt(i))
              && i + 1 < body.length()
              && Character.isLowSurrogate(body.charAt(i + 1));
      int units = pair ? 2 : 1;
      if (used + units > UCS2_PART) { // a surrogate pair moves whole to the next part
        parts++;
        used = 0;
      }
      used += units;
      i += units;
    }
    return parts;
  }

  private static int septetsOf(char c) {
    return EXTENSION.get(c) ? 2 : 1;
  }

  private static BitSet bits(String chars) {
    BitSet set = new BitSet();
    chars.chars().forEach(set::set);
    return set;
  }
}
