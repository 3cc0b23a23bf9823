package org.nivaran.grievance.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.jdbc.OutboxClaimer.Claim;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;

/**
 * The send step of {@link OutboxRelay#relayOnce()}: hands one claimed message to the notifier,
 * outside any transaction, and decides what becomes of it: sent; retried after a back-off; or
 * dead, after a permanent failure or a temporary one on the last allowed attempt. It writes
 * nothing; {@link OutboxRecorder} records the outcomes. The relay's clock stamps when the notifier
 * answered; a retry's due time is left to the database's clock, as a delay from when the outcome
 * is recorded.
 *
 * <p>Thread-safe if the notifier is.
 */
final class OutboxSender {
  private final Notifier notifier;
  private final Clock clock;
  private final int maxAttempts;
  private final RetryBackoff backoff;

  OutboxSender(Notifier notifier, Clock clock, int maxAttempts, RetryBackoff backoff) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxAttempts = maxAttempts;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /**
   * Sends the message and returns its outcome. A runtime exception of the notifier's is an
   * outcome (a temporary failure); an {@link Error} propagates.
   */
  Outcome send(Claim claim) {
    String id = claim.notification().id();
    try {
      if (claim.notification().channel() == DeliveryChannel.SOURCE && !notifier.deliversToSources()) {
        // a source system's message, never to be sent to a person: kept, dead, for a routing relay
        throw new NotificationFailedException(id, true, "a message for source "
            + claim.notification().recipient().post().map(p -> p.code()).orElse("?") + ", and this relay's notifier"
            + " does not deliver to sources (give the relay SourceAdapters.routing(...)); redrive it from a relay that does");
      }
      notifier.send(claim.notification());
      return new Outcome(claim, Result.SENT, Jdbc.now(clock), null, null, null);
    } catch (NotificationFailedException e) {
      if (e.permanent()) {
        return new Outcome(
            claim, Result.DEAD, Jdbc.now(clock), null, LastError.text(e.getMessage(), claim.notification()), null);
      }
      return afterTemporaryFailure(claim, LastError.text(e.getMessage(), claim.notification()), null);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
      return afterTemporaryFailure(
          claim,
          LastError.text("unexpected failure sending notification " + id + ": " + message, claim.notification()),
          e);
    }
  }

  private Outcome afterTemporaryFailure(Claim claim, String error, RuntimeException unexpected) {
    Instant at = Jdbc.now(clock);
    if (claim.attempts() >= maxAttempts) {
      return new Outcome(claim, Result.DEAD, at, null, error, unexpected);
    }
    return new Outcome(claim, Result.RETRY, at, backoff.delay(claim.attempts()), error, unexpected);
  }

  /** What a claimed message is to become. */
  enum Result {
    SENT,
    RETRY,
    DEAD
  }

  /**
   * What became of one claimed message, to record.
   *
   * @param claim the message, as leased
   * @param result what it becomes
   * @param at when the notifier answered, on the relay's clock
   * @param retryAfter how long a {@link Result#RETRY} waits, on the database's clock from when it is
   *     recorded, until it is due again; null otherwise
   * @param error the failure's text for {@code last_error}; null if sent
   * @param unexpected the runtime exception of a notifier that broke its contract, for the log; or null
   */
  record Outcome(Claim claim, Result result, Instant at, Duration retryAfter, String error,
      RuntimeException unexpected) {}
}
