package org.nivaran.grievance.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/** The walk-in duty roster: fixed days, or posts in turn over a calendar's working days. */
class DutyRosterTest {
  static final PostId ADC1 = PostId.of("ADC-1");
  static final PostId ADC2 = PostId.of("ADC-2");
  static final PostId ADC3 = PostId.of("ADC-3");

  /** Monday to Friday, and Saturdays but the 2nd and 4th; Buddha Purnima (23 May 2024) a holiday. */
  static BusinessCalendar collectorate() {
    return BusinessCalendar.builder("CG-COLLECTORATE", ZoneId.of("Asia/Kolkata"))
        .schedule(WeeklySchedule.builder()
            .hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "10:00-17:30")
            .hours(DayOfWeek.SATURDAY, "10:00-14:00")
            .closedSaturdays(2, 4)
            .build())
        .holiday(LocalDate.of(2024, 5, 23), "Buddha Purnima")
        .build();
  }

  private static LocalDate may(int day) {
    return LocalDate.of(2024, 5, day);
  }

  @Test
  void rotating_gives_working_days_to_the_posts_in_turn_and_skips_closed_days() {
    // 6-11 May 2024: Mon-Fri open, Sat 11 is the 2nd Saturday (closed), Sun 12 closed.
    // 20-25 May: Thu 23 is a holiday, Sat 25 is the 4th Saturday; Sat 4 May (1st) is open.
    DutyRoster roster = DutyRoster.rotating(List.of(ADC1, ADC2, ADC3), collectorate(), may(4), may(25));

    Map<LocalDate, PostId> expected = new HashMap<>();
    PostId[] turns = {ADC1, ADC2, ADC3};
    int turn = 0;
    for (int day : new int[] {4, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 20, 21, 22, 24}) {
      expected.put(may(day), turns[turn++ % 3]);
    }
    assertThat(roster.asMap()).isEqualTo(expected);
    assertThat(roster.onDuty(may(4))).contains(ADC1);
    assertThat(roster.onDuty(may(6))).contains(ADC2);
    assertThat(roster.onDuty(may(11))).isEmpty();
    assertThat(roster.onDuty(may(12))).isEmpty();
    assertThat(roster.onDuty(may(13))).contains(ADC1);
    assertThat(roster.onDuty(may(23))).isEmpty();
    assertThat(roster.onDuty(may(24))).contains(ADC1);
    assertThat(roster.onDuty(may(26))).isEmpty();
    assertThat(List.copyOf(roster.asMap().keySet())).isSorted();
  }

  @Test
  void a_single_day_range_and_a_closed_range() {
    assertThat(DutyRoster.rotating(List.of(ADC1), collectorate(), may(6), may(6)).asMap()).containsExactly(Map.entry(may(6), ADC1));
    assertThat(DutyRoster.rotating(List.of(ADC1), collectorate(), may(11), may(12)).asMap()).isEmpty();
  }

  @Test
  void rotating_refuses_no_posts_and_a_backward_range() {
    assertThatThrownBy(() -> DutyRoster.rotating(List.of(), collectorate(), may(6), may(10)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("posts"));
    assertThatThrownBy(() -> DutyRoster.rotating(List.of(ADC1), collectorate(), may(10), may(6)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
  }

  @Test
  void of_copies_its_map() {
    Map<LocalDate, PostId> days = new HashMap<>(Map.of(may(6), ADC1));
    DutyRoster roster = DutyRoster.of(days);
    days.put(may(7), ADC2);

    assertThat(roster.onDuty(may(7))).isEmpty();
    assertThat(roster.asMap()).containsExactly(Map.entry(may(6), ADC1));
    assertThatThrownBy(() -> roster.asMap().put(may(8), ADC3)).isInstanceOf(UnsupportedOperationException.class);
  }
}
