package org.nivaran.grievance.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ControllableClock}: stands still, moves by hand, UTC only, safe from many threads. */
class ControllableClockTest {
  private static final Instant T0 = Instant.parse("2024-03-01T04:30:00Z");

  @Test
  void stands_at_its_start_until_set_or_advanced() {
    ControllableClock clock = ControllableClock.at(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());

    assertThat(clock.advance(Duration.ofDays(3))).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(clock.advance(Duration.ofHours(-1))).isEqualTo(T0.plus(Duration.ofDays(3)).minusSeconds(3600));
    assertThat(clock.advance(Duration.ofNanos(1))).as("to the nanosecond")
        .isEqualTo(T0.plus(Duration.ofDays(3)).minusSeconds(3600).plusNanos(1));
    clock.set(T0.plus(Duration.ofDays(400)));
    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(400)));
    clock.set(T0.minusSeconds(5));
    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(5));
    assertThat(clock).hasToString("ControllableClock[2024-03-01T04:29:55Z]");
  }

  @Test
  void is_utc_only_and_refuses_null_by_name() {
    ControllableClock clock = ControllableClock.at(T0);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThatThrownBy(() -> clock.withZone(ZoneId.of("Asia/Kolkata")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("a ControllableClock is UTC only");
    assertThatNullPointerException().isThrownBy(() -> ControllableClock.at(null)).withMessage("start");
    assertThatNullPointerException().isThrownBy(() -> clock.set(null)).withMessage("instant");
    assertThatNullPointerException().isThrownBy(() -> clock.advance(null)).withMessage("d");
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void no_advance_from_concurrent_threads_is_lost() throws Exception {
    ControllableClock clock = ControllableClock.at(T0);
    int threads = 4;
    int steps = 2000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        jobs.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofMillis(1));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> job : jobs) {
        job.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant()).isEqualTo(T0.plusMillis((long) threads * steps));
  }
}
