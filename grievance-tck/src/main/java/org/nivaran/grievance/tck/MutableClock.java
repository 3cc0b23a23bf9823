package org.nivaran.grievance.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that a test sets and moves by hand, for SLA deadlines, escalation sweeps and retry
 * back-offs.
 *
 * <p>Thread-safe: every thread sees the latest {@link #set} or {@link #advance}.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  /**
   * A clock standing at an instant.
   *
   * @param start the instant
   */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Puts the clock at an instant (backwards too).
   *
   * @param instant the instant
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock on.
   *
   * @param d how far
   * @return the new instant
   */
  public Instant advance(Duration d) {
    Objects.requireNonNull(d, "d");
    return now.updateAndGet(t -> t.plus(d));
  }

  /**
   * The instant the clock stands at.
   *
   * @return the instant
   */
  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Always UTC.
   *
   * @return {@link ZoneOffset#UTC}
   */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Not supported: the clock is UTC only.
   *
   * @param zone ignored
   * @return never
   * @throws UnsupportedOperationException always
   */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a MutableClock is UTC only");
  }
}
