package org.nivaran.grievance.observe;

import java.time.Duration;
import java.util.Objects;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.tenant.TenantId;

/**
 * What became of one outbox message the notifier was handed, for {@link Instrumentation#delivered}:
 * as the relay decided when the notifier answered (a later loss of the message's lease, which drops
 * the outcome in favour of a newer attempt's, is counted in the relay's report, not here). The
 * recipient is not named.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tenant whose message
 * @param kind what it is about
 * @param channel how it travels
 * @param result sent, to be retried, or dead
 * @param latency from the notification's {@code createdAt} (when the event it reports happened, on
 *     the clock of the node that stored it) to the notifier's answer (on the relay's clock); zero if
 *     the clocks disagree so far that it would be negative
 * @param attempt which attempt this was, from 1
 */
public record DeliveryOutcome(
    TenantId tenant, NotificationKind kind, DeliveryChannel channel, Result result, Duration latency, int attempt) {

  /** What became of a message. */
  public enum Result {
    /** The notifier accepted it. */
    SENT,
    /** It failed for now and is due again after a back-off. */
    RETRIED,
    /** Given up on: a permanent failure, or a temporary one on the last attempt allowed. */
    DEAD
  }

  /**
   * Checks the parts.
   *
   * @param tenant whose message
   * @param kind what it is about
   * @param channel how it travels
   * @param result what became of it
   * @param latency from its creation to the notifier's answer, not negative
   * @param attempt which attempt, from 1
   * @throws NullPointerException if one is null
   * @throws IllegalArgumentException if the latency is negative or the attempt below 1
   */
  public DeliveryOutcome {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative() || attempt < 1) {
      throw new IllegalArgumentException(
          "latency must not be negative and attempt at least 1 (were " + latency + ", " + attempt + ")");
    }
  }
}
