package org.nivaran.grievance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;

/**
 * Budgets per priority and the re-timing rule ({@link SlaTimer#retime}), deadline by hand-worked
 * deadline on a London office calendar: Monday to Friday 09:00-17:00, closed on Good Friday (29
 * March 2024) and Easter Monday (1 April 2024), with the clocks going forward on Sunday 31 March
 * (17:00 is 17:00Z before, 16:00Z after).
 */
class PriorityRetimingTest {
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final BusinessCalendar OFFICE = BusinessCalendar.builder("LONDON-OFFICE", LONDON)
      .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build())
      .holiday(LocalDate.of(2024, 3, 29), "Good Friday")
      .holiday(LocalDate.of(2024, 4, 1), "Easter Monday")
      .build();

  /** At L1: 1 working day if urgent, 2 if high, 10 if low; 5 otherwise and at every other level. */
  static final SlaPolicy POLICY = SlaPolicy.builder("LDN", "LONDON-OFFICE")
      .level(Level.L1, Priority.URGENT, SlaBudget.workingDays(1))
      .level(Level.L1, Priority.HIGH, SlaBudget.workingDays(2))
      .level(Level.L1, Priority.LOW, SlaBudget.workingDays(10))
      .otherwise(SlaBudget.workingDays(5))
      .build();

  static Instant london(String local) {
    return LocalDateTime.parse(local).atZone(LONDON).toInstant();
  }

  /** A NORMAL clock at L1 from Wednesday 27 March 10:00. */
  static SlaTimer normalFromWednesday() {
    return SlaTimer.start(POLICY, Level.L1, Priority.NORMAL, OFFICE, london("2024-03-27T10:00"));
  }

  @Test
  void a_budget_per_priority_falls_back_to_the_level_then_to_the_default() {
    SlaPolicy p = SlaPolicy.builder("P", "LONDON-OFFICE")
        .level(Level.L1, SlaBudget.workingDays(3))
        .level(Level.L1, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
        .level(Level.L2, Priority.HIGH, SlaBudget.workingDays(2))
        .otherwise(SlaBudget.workingDays(7))
        .build();

    assertThat(p.budgetAt(Level.L1, Priority.URGENT)).isEqualTo(SlaBudget.openTime(Duration.ofHours(4)));
    assertThat(p.budgetAt(Level.L1, Priority.LOW)).isEqualTo(SlaBudget.workingDays(3));
    assertThat(p.budgetAt(Level.L2, Priority.HIGH)).isEqualTo(SlaBudget.workingDays(2));
    assertThat(p.budgetAt(Level.L2, Priority.URGENT)).isEqualTo(SlaBudget.workingDays(7));
    assertThat(p.budgetAt(Level.L3, Priority.NORMAL)).isEqualTo(p.budgetAt(Level.L3));
    assertThat(p.priorities()).containsOnlyKeys(Level.L1, Level.L2);
    assertThat(p).isNotEqualTo(SlaPolicy.builder("P", "LONDON-OFFICE")
        .level(Level.L1, SlaBudget.workingDays(3)).otherwise(SlaBudget.workingDays(7)).build());
  }

  @Test
  void a_clock_starts_with_the_budget_of_its_priority_and_skips_the_easter_holidays() {
    // 5 working days after Wed 27 Mar: Thu 28, Tue 2, Wed 3, Thu 4, Fri 5 April, 17:00 BST
    assertThat(normalFromWednesday().deadline()).contains(london("2024-04-05T17:00"));
    assertThat(normalFromWednesday().deadline()).contains(Instant.parse("2024-04-05T16:00:00Z"));
    // 1 working day: the close of Thursday 28 March, 17:00 GMT
    assertThat(SlaTimer.start(POLICY, Level.L1, Priority.URGENT, OFFICE, london("2024-03-27T10:00")).deadline())
        .contains(Instant.parse("2024-03-28T17:00:00Z"));
    // the default priority of the old entry point is NORMAL
    assertThat(SlaTimer.start(POLICY, Level.L1, OFFICE, london("2024-03-27T10:00"))).isEqualTo(normalFromWednesday());
  }

  @Test
  void raised_to_high_while_running_the_deadline_is_two_working_days_from_the_same_start_across_easter_and_dst() {
    SlaTimer raised = normalFromWednesday().retime(Priority.HIGH, OFFICE, london("2024-03-28T11:00"));

    // 2 working days after Wed 27 Mar: Thu 28 Mar, then (Good Friday, the weekend, Easter Monday) Tue 2 Apr
    assertThat(raised.deadline()).contains(london("2024-04-02T17:00"));
    assertThat(raised.deadline()).contains(Instant.parse("2024-04-02T16:00:00Z")); // BST since Sunday
    // Wed 10-17 (7h) + Thu (8h) + Tue (8h), counted from the same start
    assertThat(raised.budget()).isEqualTo(Duration.ofHours(23));
    assertThat(raised.started()).isEqualTo(london("2024-03-27T10:00"));
    assertThat(raised.since()).isEqualTo(london("2024-03-27T10:00"));
    assertThat(raised.consumed()).isZero();
    assertThat(raised.running()).isTrue();
  }

  @Test
  void changed_while_paused_the_clock_keeps_its_pause_and_takes_the_new_budget() {
    SlaTimer paused = normalFromWednesday().pause(OFFICE, london("2024-03-28T10:00")); // 7h + 1h used

    SlaTimer raised = paused.retime(Priority.HIGH, OFFICE, london("2024-04-02T12:00"));

    assertThat(raised.running()).isFalse();
    assertThat(raised.deadline()).isEmpty();
    assertThat(raised.consumed()).isEqualTo(Duration.ofHours(8));
    assertThat(raised.budget()).isEqualTo(Duration.ofHours(23));
    // resumed Wed 3 Apr 09:00 with 15h left: Wednesday's 8, then 7 on Thursday
    assertThat(raised.resume(OFFICE, london("2024-04-03T09:00")).deadline()).contains(london("2024-04-04T16:00"));
  }

  @Test
  void a_new_budget_already_spent_makes_the_clock_due_at_the_change_not_before_it() {
    SlaTimer normal = normalFromWednesday();
    Instant change = london("2024-04-02T11:00"); // 7 + 8 + 2 = 17 office hours used; urgent allows 15

    SlaTimer urgent = normal.retime(Priority.URGENT, OFFICE, change);

    assertThat(urgent.deadline()).contains(change);
    assertThat(urgent.isBreached(change)).isTrue();
    assertThat(urgent.budget()).isEqualTo(Duration.ofHours(17));
    assertThat(urgent.started()).isEqualTo(normal.started());
    // the time past the deadline counts on from the change, as for any overdue clock
    assertThat(urgent.clock(OFFICE).overrun(london("2024-04-02T13:00"))).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void changed_on_a_closed_saturday_the_clock_is_due_at_the_change_itself() {
    Instant saturday = london("2024-03-30T12:00"); // 15 office hours used: exactly the urgent budget

    SlaTimer urgent = normalFromWednesday().retime(Priority.URGENT, OFFICE, saturday);

    assertThat(urgent.deadline()).contains(saturday);
    assertThat(urgent.budget()).isEqualTo(Duration.ofHours(15));
  }

  @Test
  void lowering_the_priority_of_an_overdue_clock_gives_it_the_longer_budget_from_the_same_start() {
    SlaTimer urgent = SlaTimer.start(POLICY, Level.L1, Priority.URGENT, OFFICE, london("2024-03-27T10:00"));
    assertThat(urgent.isBreached(london("2024-04-02T10:00"))).isTrue();

    SlaTimer high = urgent.retime(Priority.HIGH, OFFICE, london("2024-04-02T10:00"));

    assertThat(high.deadline()).contains(london("2024-04-02T17:00"));
    assertThat(high.isBreached(london("2024-04-02T10:00"))).isFalse();
  }

  @Test
  void an_overdue_clock_still_overdue_under_the_new_budget_keeps_its_deadline() {
    SlaTimer high = SlaTimer.start(POLICY, Level.L1, Priority.HIGH, OFFICE, london("2024-03-27T10:00"));

    SlaTimer urgent = high.retime(Priority.URGENT, OFFICE, london("2024-04-03T10:00"));

    assertThat(urgent).isEqualTo(high);
    assertThat(urgent.deadline()).contains(london("2024-04-02T17:00"));
  }

  @Test
  void back_to_the_first_priority_gives_back_the_first_deadline() {
    SlaTimer normal = normalFromWednesday();

    SlaTimer back = normal.retime(Priority.HIGH, OFFICE, london("2024-03-28T11:00"))
        .retime(Priority.NORMAL, OFFICE, london("2024-03-28T12:00"));

    assertThat(back).isEqualTo(normal);
  }

  @Test
  void a_hand_over_gives_the_level_above_its_budget_for_the_priority() {
    SlaPolicy twoLevels = SlaPolicy.builder("LDN2", "LONDON-OFFICE")
        .level(Level.L2, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
        .otherwise(SlaBudget.workingDays(5))
        .build();
    SlaTimer l1 = SlaTimer.start(twoLevels, Level.L1, Priority.URGENT, OFFICE, london("2024-03-27T10:00"));

    SlaTimer l2 = l1.handOver(Level.L2, Priority.URGENT, OFFICE, london("2024-03-28T09:00"));

    assertThat(l2.budget()).isEqualTo(Duration.ofHours(4));
    assertThat(l2.deadline()).contains(london("2024-03-28T13:00"));
  }

  @Test
  void a_timer_refuses_a_start_after_since() {
    SlaTimer t = normalFromWednesday();
    assertThatThrownBy(() -> new SlaTimer(t.policy(), t.level(), t.budget(), t.consumed(), t.since(), t.running(),
            t.deadline(), t.since().plusSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("started");
  }
}
