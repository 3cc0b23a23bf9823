package org.nivaran.grievance.tck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.DeadlineRounding;
import org.nivaran.grievance.tck.calendar.Cases.Case;

/**
 * The algebra of open time on random calendars (DST zones, breaks, 24:00 ends, holidays,
 * overrides, schedule changes): {@code plus} and {@code between} are inverse, monotonic and
 * additive; {@code isOpen}, {@code nextOpen} and the deadline rounding agree with them.
 */
class BusinessCalendarProperties {

  @Provide
  Arbitrary<Case> cases() {
    return Cases.cases();
  }

  @Provide
  Arbitrary<Case> minuteCases() {
    return Cases.minuteCases();
  }

  @Property(tries = 400)
  void between_undoes_plus(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    Instant deadline = cal.plus(c.t(), c.a());
    assertThat(deadline).isAfterOrEqualTo(c.t());
    assertThat(cal.between(c.t(), deadline)).isEqualTo(c.a());
  }

  @Property(tries = 300)
  void plus_is_monotonic_in_the_start(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    assertThat(cal.plus(c.t(), c.a())).isBeforeOrEqualTo(cal.plus(c.later(), c.a()));
  }

  @Property(tries = 300)
  void plus_is_strictly_monotonic_in_the_duration(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    Duration small = c.a().compareTo(c.b()) <= 0 ? c.a() : c.b();
    Duration large = c.a().compareTo(c.b()) <= 0 ? c.b() : c.a();
    Instant first = cal.plus(c.t(), small);
    Instant second = cal.plus(c.t(), large);
    if (small.equals(large)) {
      assertThat(first).isEqualTo(second);
    } else {
      assertThat(first).isBefore(second);
    }
  }

  @Property(tries = 300)
  void plus_is_additive(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    assertThat(cal.plus(cal.plus(c.t(), c.a()), c.b())).isEqualTo(cal.plus(c.t(), c.a().plus(c.b())));
  }

  @Property(tries = 300)
  void between_is_additive_and_never_more_than_the_real_time(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    Instant u = c.later();
    Instant mid = c.t().plus(c.shift().dividedBy(3));
    Duration open = cal.between(c.t(), u);
    assertThat(open).isEqualTo(cal.between(c.t(), mid).plus(cal.between(mid, u)));
    assertThat(open).isBetween(Duration.ZERO, c.shift());
  }

  @Property(tries = 400)
  void a_minute_is_open_exactly_when_its_start_is(@ForAll("minuteCases") Case c) {
    BusinessCalendar cal = c.calendar();
    Instant t = c.t();
    Duration minute = cal.between(t, t.plusSeconds(60));
    assertThat(minute).isEqualTo(cal.isOpen(t) ? Duration.ofMinutes(1) : Duration.ZERO);
  }

  @Property(tries = 300)
  void next_open_is_open_and_nothing_before_it_is(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    Instant next = cal.nextOpen(c.t());
    assertThat(cal.isOpen(next)).isTrue();
    assertThat(next).isAfterOrEqualTo(c.t());
    assertThat(cal.between(c.t(), next)).isEqualTo(Duration.ZERO);
    if (cal.isOpen(c.t())) {
      assertThat(next).isEqualTo(c.t());
    }
  }

  /** For any positive duration; see the note on zero inside. */
  @Property(tries = 300)
  void next_opening_rounding_never_gives_a_closed_instant(@ForAll("cases") Case c) {
    BusinessCalendar cal = c.calendar();
    // zero is documented to return t itself, open or not, whatever the rounding
    assertThat(cal.plus(c.t(), Duration.ZERO, DeadlineRounding.NEXT_OPENING)).isEqualTo(c.t());
    Duration d = c.a().isZero() ? Duration.ofMinutes(1) : c.a();
    Instant atClose = cal.plus(c.t(), d, DeadlineRounding.AT_CLOSE);
    Instant rounded = cal.plus(c.t(), d, DeadlineRounding.NEXT_OPENING);
    assertThat(atClose).isEqualTo(cal.plus(c.t(), d));
    assertThat(cal.isOpen(rounded)).isTrue();
    assertThat(rounded).isEqualTo(cal.nextOpen(atClose));
    assertThat(cal.between(c.t(), rounded)).isEqualTo(d);
  }

  @Property(tries = 200)
  void round_the_clock_open_time_is_real_time(@ForAll("cases") Case c) {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("TCK-24x7", c.calendar().zone());
    assertThat(always.plus(c.t(), c.a())).isEqualTo(c.t().plus(c.a()));
    assertThat(always.between(c.t(), c.later())).isEqualTo(c.shift());
    assertThat(always.isOpen(c.t())).isTrue();
  }
}
