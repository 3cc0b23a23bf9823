package org.nivaran.grievance.jdbc;

/**
 * The text an outbox row keeps in {@code last_error}, the reason of its last failure.
 *
 * <p>Stateless; thread-safe.
 */
final class LastError {
  private LastError() {}

  /** The most characters of a failure's message kept in {@code last_error}. */
  static final int MAX_LENGTH = 1000;

  /** A failure message fit for {@code last_error}: no NUL (PostgreSQL refuses it), at most 1000 chars. */
  static String text(String message) {
    String text = message == null ? "(no message)" : message.replace('\u0000', '\uFFFD');
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
