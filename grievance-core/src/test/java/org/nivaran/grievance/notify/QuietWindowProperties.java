package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The end of quiet hours, for any window, zone (with and without daylight saving) and instant: never
 * earlier than asked, never itself quiet, the instant itself when it is not quiet, and quiet all the
 * way there.
 */
class QuietWindowProperties {
  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of("Asia/Kolkata", "America/New_York", "Europe/London", "Australia/Lord_Howe",
        "Pacific/Chatham", "America/Santiago", "UTC", "Asia/Kathmandu").map(ZoneId::of);
  }

  @Property(tries = 2000)
  void the_next_allowed_instant_is_not_quiet_and_everything_before_it_is(
      @ForAll @IntRange(min = 0, max = 86_399) int fromSecond, @ForAll @IntRange(min = 0, max = 86_399) int untilSecond,
      @ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = 1_577_836_800L, max = 1_893_456_000L) long epochSecond) {
    Assume.that(fromSecond != untilSecond);
    QuietWindow w = new QuietWindow(LocalTime.ofSecondOfDay(fromSecond), LocalTime.ofSecondOfDay(untilSecond), zone);
    Instant due = Instant.ofEpochSecond(epochSecond);

    Instant next = w.nextAllowed(due);

    assertThat(next).isAfterOrEqualTo(due);
    assertThat(w.contains(next)).as("%s is quiet under %s", next, w).isFalse();
    if (!w.contains(due)) {
      assertThat(next).isEqualTo(due);
    } else {
      // a day and a clock change, or two days when a clock change skips a day's whole allowed time
      assertThat(Duration.between(due, next)).isLessThanOrEqualTo(Duration.ofHours(50));
      Duration step = Duration.between(due, next).dividedBy(7);
      for (int i = 0; i < 7; i++) {
        Instant between = due.plus(step.multipliedBy(i));
        assertThat(w.contains(between)).as("%s, on the way from %s to %s under %s", between, due, next, w).isTrue();
      }
    }
  }
}
