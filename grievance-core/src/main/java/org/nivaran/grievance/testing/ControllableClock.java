package org.nivaran.grievance.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC {@link Clock} that a test sets and moves by hand, to pass to
 * {@code Grievances.builder().clock(...)} and then reach SLA deadlines, escalation sweeps and retry
 * back-offs without waiting.
 *
 * <pre>{@code
 * ControllableClock clock = ControllableClock.at(Instant.parse("2024-03-01T04:30:00Z"));
 * Grievances grievances = Grievances.builder().clock(clock) ... .build();
 * clock.advance(Duration.ofDays(3));   // the L1 deadline has passed
 * }</pre>
 *
 * <p>Needs only the JDK: no test framework comes with it.
 *
 * <p>Thread-safe: every thread sees the latest {@link #set} or {@link #advance}, and
 * {@link #advance} is atomic, so concurrent advances all count.
 */
public class ControllableClock extends Clock {
  private final AtomicReference<Instant> now;

  /**
   * A clock standing at an instant; subclasses may extend it (the TCK's {@code MutableClock}
   * does).
   *
   * @param start the instant
   * @throws NullPointerException naming {@code start} if it is null
   */
  protected ControllableClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * A clock standing at an instant.
   *
   * @param start the instant
   * @return the clock
   * @throws NullPointerException naming {@code start} if it is null
   */
  public static ControllableClock at(Instant start) {
    return new ControllableClock(start);
  }

  /**
   * Puts the clock at an instant (backwards too, to test clock skew).
   *
   * @param instant the instant
   * @throws NullPointerException naming {@code instant} if it is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock on (or back, for a negative duration), atomically.
   *
   * @param d how far
   * @return the new instant
   * @throws NullPointerException naming {@code d} if it is null
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
   * Not supported: the clock is UTC only, and a copy in another zone would not follow this one.
   *
   * @param zone ignored
   * @return never
   * @throws UnsupportedOperationException always
   */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a " + getClass().getSimpleName() + " is UTC only");
  }

  /**
   * Names the instant the clock stands at.
   *
   * @return e.g. {@code ControllableClock[2024-03-01T04:30:00Z]}
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + now.get() + "]";
  }
}
