package org.nivaran.grievance.notify;

/**
 * The alphabet an SMS is sent in, which fixes how much text fits in one part; see
 * {@link SmsSegments}.
 *
 * <p>Immutable and thread-safe.
 */
public enum SmsEncoding {
  /**
   * The GSM 03.38 7-bit default alphabet with its extension table: 160 septets in a single
   * message, 153 per part of a longer one; an extension character costs two septets.
   */
  GSM_7,
  /**
   * UCS-2 (UTF-16 units): 70 units in a single message, 67 per part of a longer one. Any text with
   * a character outside the GSM alphabet, Devanagari for instance, is sent this way.
   */
  UCS_2
}
