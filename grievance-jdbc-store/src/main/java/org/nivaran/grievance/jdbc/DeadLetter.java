package org.nivaran.grievance.jdbc;

import java.time.Instant;
import java.util.Objects;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.notify.Notification;

/**
 * An outbox message the {@link OutboxRelay} gave up on: it failed permanently, or temporarily on
 * each of its allowed attempts. It stays in the outbox until
 * {@linkplain OutboxAdministration#redrive(long) redriven}.
 *
 * <p>{@link #toString()} masks the recipient's number and name. Immutable and thread-safe.
 *
 * @param seq the outbox row's number, for {@link OutboxAdministration#redrive(long)}
 * @param notification the message, as it was stored
 * @param attempts how many times it was handed to the notifier since it was stored or last redriven
 * @param lastError the last failure's message (at most 1000 characters), or null if none was recorded
 * @param deadAt when the relay gave up
 */
public record DeadLetter(long seq, Notification notification, int attempts, String lastError, Instant deadAt) {
  /**
   * Checks the fields.
   *
   * @param seq the outbox row's number
   * @param notification the message
   * @param attempts the attempts made, 0 or more
   * @param lastError the last failure's message, or null
   * @param deadAt when the relay gave up
   * @throws NullPointerException if {@code notification} or {@code deadAt} is null
   * @throws IllegalArgumentException if {@code attempts} is negative
   */
  public DeadLetter {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(deadAt, "deadAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative (was " + attempts + ")");
    }
  }

  /**
   * The dead letter for logs and messages: the notification masked (see
   * {@link Notification#toString()}) and its recipient's number and name masked in the last error.
   *
   * @return the masked description
   */
  @Override
  public String toString() {
    return "DeadLetter[seq=" + seq + ", notification=" + notification + ", attempts=" + attempts + ", lastError="
        + Masking.scrub(lastError, notification.recipient().phone(), notification.recipient().name())
        + ", deadAt=" + deadAt + "]";
  }
}
