package org.nivaran.grievance.tck.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaStopwatch;
import org.nivaran.grievance.tck.calendar.CalendarArbitraries;

/**
 * The "by the last working day of the week" budget on random calendars: the deadline is the close
 * of the last working day of the assignment's week or of the first later week that has one, never
 * before the assignment.
 */
class LastWorkingDayOfWeekProperties {

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return CalendarArbitraries.calendars();
  }

  @Provide
  Arbitrary<Instant> instants() {
    return CalendarArbitraries.instants();
  }

  @Property(tries = 300)
  void the_deadline_closes_the_last_working_day_of_the_first_week_with_time_left(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant assigned) {
    SlaStopwatch clock = SlaStopwatch.start(calendar, SlaBudget.lastWorkingDayOfWeek(), assigned);
    Instant deadline = clock.deadline().orElseThrow();

    assertThat(deadline).as("deadline").isAfter(assigned);
    assertThat(clock.budget()).as("budget").isPositive().isEqualTo(calendar.between(assigned, deadline));
    // a closing instant: open just before it
    assertThat(calendar.isOpen(deadline.minusNanos(1))).as("open just before %s", deadline).isTrue();

    LocalDate assignedMonday = monday(calendar, assigned);
    LocalDate deadlineMonday = monday(calendar, deadline.minusNanos(1));
    assertThat(deadlineMonday).as("the deadline's week").isAfterOrEqualTo(assignedMonday);
    // nothing open in the deadline's week after it: it closes that week's last working day
    Instant nextMonday = deadlineMonday.plusWeeks(1).atStartOfDay(calendar.zone()).toInstant();
    assertThat(calendar.between(deadline, nextMonday)).as("open time after the deadline in its week").isZero();
    // a later week only when nothing was left open in the weeks before it
    if (deadlineMonday.isAfter(assignedMonday)) {
      Instant weekStart = deadlineMonday.atStartOfDay(calendar.zone()).toInstant();
      assertThat(calendar.between(assigned, weekStart)).as("open time skipped before the deadline's week")
          .isEqualTo(Duration.ZERO);
    }
  }

  private static LocalDate monday(BusinessCalendar calendar, Instant t) {
    return LocalDate.ofInstant(t, calendar.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
