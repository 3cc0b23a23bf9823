package org.nivaran.grievance.notify;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A {@link Notifier} could not hand a notification over for delivery. A {@link #permanent()}
 * failure (an invalid number, a template the provider rejected, a recipient who opted out) will
 * fail again, so the caller should record it and stop; a temporary one (a time-out, a rate limit,
 * the gateway being down) may succeed on a later try with the same {@link #notificationId()}.
 *
 * <p>Immutable once thrown and may be shared between threads.
 */
public final class NotificationFailedException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the id of the notification that failed. */
  private final String notificationId;
  /** @serial whether retrying cannot help. */
  private final boolean permanent;

  /**
   * Creates the exception.
   *
   * @param notificationId the {@link Notification#id()} of the notification that failed
   * @param permanent {@code true} if a retry cannot help
   * @param message what went wrong, for a human reader
   */
  public NotificationFailedException(String notificationId, boolean permanent, String message) {
    super(describe(notificationId, permanent, message));
    this.notificationId = notificationId;
    this.permanent = permanent;
  }

  /**
   * Creates the exception with its cause, e.g. the gateway client's exception.
   *
   * @param notificationId the {@link Notification#id()} of the notification that failed
   * @param permanent {@code true} if a retry cannot help
   * @param message what went wrong, for a human reader
   * @param cause the underlying failure
   */
  public NotificationFailedException(String notificationId, boolean permanent, String message, Throwable cause) {
    super(describe(notificationId, permanent, message), cause);
    this.notificationId = notificationId;
    this.permanent = permanent;
  }

  /**
   * The id of the notification that failed.
   *
   * @return the {@link Notification#id()}
   */
  public String notificationId() {
    return notificationId;
  }

  /**
   * Whether retrying cannot help: an invalid number or a rejected template, say.
   *
   * @return {@code true} for a permanent failure, {@code false} for a temporary one
   */
  public boolean permanent() {
    return permanent;
  }

  private static String describe(String notificationId, boolean permanent, String message) {
    return (permanent ? "permanent" : "temporary")
        + " failure sending notification "
        + Objects.requireNonNull(notificationId, "notificationId")
        + ": "
        + Objects.requireNonNull(message, "message");
  }
}
