package org.nivaran.grievance.tck;

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

/** {@link MutableClock}: standing still, moved by hand, UTC only, and safe to move from many threads. */
class MutableClockTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  @Test
  void a_new_clock_stands_at_its_start_until_moved() {
    MutableClock clock = new MutableClock(T0);

    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void advance_moves_the_clock_on_and_returns_the_new_instant() {
    MutableClock clock = new MutableClock(T0);

    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(clock.advance(Duration.ofNanos(1))).isEqualTo(T0.plus(Duration.ofHours(2)).plusNanos(1));
    assertThat(clock.advance(Duration.ofMinutes(-30))).as("a negative duration moves it back")
        .isEqualTo(T0.plus(Duration.ofMinutes(90)).plusNanos(1));
    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(90)).plusNanos(1));
  }

  @Test
  void set_puts_the_clock_at_any_instant_backwards_too() {
    MutableClock clock = new MutableClock(T0);

    clock.set(T0.plus(Duration.ofDays(400)));
    assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(400)));
    clock.set(T0.minusSeconds(1));
    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(1));
  }

  @Test
  void the_clock_is_utc_only() {
    MutableClock clock = new MutableClock(T0);

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThatThrownBy(() -> clock.withZone(ZoneId.of("Asia/Kolkata"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void null_is_refused() {
    assertThatNullPointerException().isThrownBy(() -> new MutableClock(null));
    MutableClock clock = new MutableClock(T0);
    assertThatNullPointerException().isThrownBy(() -> clock.set(null));
    assertThatNullPointerException().isThrownBy(() -> clock.advance(null));
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void advances_from_many_threads_are_none_of_them_lost() throws Exception {
    MutableClock clock = new MutableClock(T0);
    int threads = 8;
    int steps = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        jobs.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < steps; i++) {
            clock.advance(Duration.ofSeconds(1));
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

    assertThat(clock.instant()).isEqualTo(T0.plusSeconds((long) threads * steps));
  }
}
