package org.nivaran.grievance.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.sla.FirstResponsePolicy.OnMiss;

/** Hand-worked first-response deadlines: office hours, a holiday, a change of clocks. */
class FirstResponsePolicyTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** Mon-Fri 09:00-17:00 in New York; clocks go forward on Sunday 10 March 2024 (EST -5 to EDT -4). */
  private static final BusinessCalendar NEW_YORK_OFFICE =
      BusinessCalendar.builder("NY-OFFICE", NEW_YORK)
          .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build())
          .build();

  /** Mon-Fri 10:00-18:00 IST, Holi on Monday 25 March 2024. */
  private static final BusinessCalendar RAIPUR_OFFICE =
      BusinessCalendar.builder("RAIPUR-OFFICE", IST)
          .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-18:00").build())
          .holiday(LocalDate.of(2024, 3, 25), "Holi")
          .build();

  private static Instant at(ZoneId zone, int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(zone).toInstant();
  }

  @Test
  void four_office_hours_from_friday_16_00_skip_the_weekend_and_holi_to_tuesday_12_00() {
    FirstResponsePolicy p =
        FirstResponsePolicy.of(SlaBudget.openTime(Duration.ofHours(4)), "RAIPUR-OFFICE", OnMiss.FLAG_POST_ABOVE);

    // Fri 16:00-18:00 (2 h); Sat, Sun closed; Mon 25 March Holi; Tue 10:00-12:00 (2 h)
    assertThat(p.deadline(RAIPUR_OFFICE, at(IST, 2024, 3, 22, 16, 0))).isEqualTo(at(IST, 2024, 3, 26, 12, 0));
    assertThat(p.deadline(RAIPUR_OFFICE, at(IST, 2024, 3, 26, 12, 0))).isEqualTo(Instant.parse("2024-03-26T10:30:00Z"));
  }

  @Test
  void ten_office_hours_across_the_spring_forward_end_at_14_00_new_york_daylight_time() {
    FirstResponsePolicy p = FirstResponsePolicy.of(SlaBudget.openTime(Duration.ofHours(10)), "NY-OFFICE", OnMiss.ESCALATE);

    // Fri 8 March 12:00 EST (17:00Z): 5 h to 17:00; Mon 11 March 09:00-14:00 EDT (13:00Z-18:00Z)
    Instant due = p.deadline(NEW_YORK_OFFICE, Instant.parse("2024-03-08T17:00:00Z"));

    assertThat(due).isEqualTo(Instant.parse("2024-03-11T18:00:00Z"));
    assertThat(due).isEqualTo(at(NEW_YORK, 2024, 3, 11, 14, 0));
  }

  @Test
  void one_working_day_across_the_spring_forward_ends_at_the_close_of_monday_in_daylight_time() {
    FirstResponsePolicy p = FirstResponsePolicy.of(SlaBudget.workingDays(1), "NY-OFFICE", OnMiss.FLAG_POST_ABOVE);

    // the close of the next working day: Mon 11 March 17:00 EDT, 21:00Z (it would be 22:00Z in EST)
    assertThat(p.deadline(NEW_YORK_OFFICE, Instant.parse("2024-03-08T17:00:00Z")))
        .isEqualTo(Instant.parse("2024-03-11T21:00:00Z"));
  }
}
