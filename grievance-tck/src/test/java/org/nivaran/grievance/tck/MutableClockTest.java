package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.testing.ControllableClock;

/**
 * {@link MutableClock}: the TCK's name for core's {@code ControllableClock}, whose own test covers
 * moving it, its zone and its threads; here, that the TCK's class is that clock from its start.
 */
class MutableClockTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  @Test
  void a_mutable_clock_is_a_controllable_clock_standing_at_its_start() {
    MutableClock clock = new MutableClock(T0);

    assertThat(clock).isInstanceOf(ControllableClock.class);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThatNullPointerException().isThrownBy(() -> new MutableClock(null)).withMessage("start");
  }
}
