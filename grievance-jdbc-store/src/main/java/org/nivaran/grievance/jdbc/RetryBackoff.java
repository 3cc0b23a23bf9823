package org.nivaran.grievance.jdbc;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * How long a message waits for its next attempt after a temporary failure: exponential in the
 * attempts made, capped, with equal jitter (see {@link OutboxRelay.Builder#backoff}).
 *
 * <p>Thread-safe: the generator, which need not be, is called under a lock of this back-off's own.
 */
final class RetryBackoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;
  /** Guards {@link #random}, which need not be thread-safe. */
  private final Object randomLock = new Object();

  RetryBackoff(Duration base, Duration max, RandomGenerator random) {
    this.base = Objects.requireNonNull(base, "base");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The wait before the next attempt after {@code attempts} failed ones: the exponential delay
   * {@code min(max, base * 2^(attempts - 1))} with equal jitter, i.e. half the delay plus a
   * random part of up to the other half, in whole microseconds.
   */
  Duration delay(int attempts) {
    long micros = TimeUnit.MICROSECONDS.convert(exponentialDelay(base, max, attempts));
    long half = micros / 2;
    long jitter;
    synchronized (randomLock) {
      jitter = random.nextLong(micros - half + 1);
    }
    return Duration.of(half + jitter, ChronoUnit.MICROS);
  }

  /** {@code min(max, base * 2^(attempts - 1))}, without overflowing. */
  static Duration exponentialDelay(Duration base, Duration max, int attempts) {
    int doublings = Math.max(0, attempts - 1);
    if (doublings >= Long.SIZE - 2) {
      return max;
    }
    try {
      Duration delay = base.multipliedBy(1L << doublings);
      return delay.compareTo(max) > 0 ? max : delay;
    } catch (ArithmeticException overflow) {
      return max;
    }
  }
}
