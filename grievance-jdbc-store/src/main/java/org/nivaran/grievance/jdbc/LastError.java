package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.notify.Notification;

/**
 * The text an outbox row keeps in {@code last_error}, the reason of its last failure, and what the
 * relay logs of a failure: a notifier's message may quote the recipient (a gateway echoing
 * "invalid recipient 919876543210"), so the recipient's number and name are
 * {@linkplain Masking#scrub masked} in both.
 *
 * <p>Stateless; thread-safe.
 */
final class LastError {
  private LastError() {}

  /** The most characters of a failure's message kept in {@code last_error}. */
  static final int MAX_LENGTH = 1000;
  /** The most causes of a failure the relay's log follows. */
  private static final int MAX_CAUSES = 16;

  /**
   * A notifier's failure message fit for {@code last_error} and the log: the recipient of
   * {@code about} masked, then as {@link #text(String)}.
   */
  static String text(String message, Notification about) {
    return text(Masking.scrub(message, about.recipient().phone(), about.recipient().name()));
  }

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

  /**
   * A notifier's exception as the relay logs it: the same class names, stack traces, causes and
   * suppressed exceptions, with the recipient of {@code about} masked in every message.
   */
  static Throwable forLog(Throwable failure, Notification about) {
    return failure == null ? null : new Masked(failure, about, 0);
  }

  /** A stand-in for a thrown exception whose messages are masked; only ever logged. */
  private static final class Masked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the class name of the exception stood in for. */
    private final String type;

    Masked(Throwable original, Notification about, int depth) {
      super(Masking.scrub(original.getMessage(), about.recipient().phone(), about.recipient().name()),
          original.getCause() == null || original.getCause() == original || depth >= MAX_CAUSES
              ? null : new Masked(original.getCause(), about, depth + 1),
          true, true);
      this.type = original.getClass().getName();
      setStackTrace(original.getStackTrace());
      if (depth < MAX_CAUSES) {
        for (Throwable suppressed : original.getSuppressed()) {
          addSuppressed(new Masked(suppressed, about, depth + 1));
        }
      }
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? type : type + ": " + message;
    }
  }
}
