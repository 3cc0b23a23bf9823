package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.report.UnitFiguresTest.assertField;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;

/** What {@link GradingPeriod} and {@link ComplaintFacts} accept and refuse. */
class GradingPeriodAndFactsTest {
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  @Nested
  class Periods {
    @Test
    void a_month_in_kolkata_runs_from_its_first_midnight_ist_to_the_next_months() {
      GradingPeriod march = GradingPeriod.of(YearMonth.of(2024, 3), KOLKATA);

      assertThat(march.from()).isEqualTo(Instant.parse("2024-02-29T18:30:00Z")); // 2024 is a leap year
      assertThat(march.to()).isEqualTo(Instant.parse("2024-03-31T18:30:00Z"));
    }

    @Test
    void december_ends_at_the_new_year_in_kolkata() {
      GradingPeriod december = GradingPeriod.of(YearMonth.of(2023, 12), KOLKATA);

      assertThat(december.from()).isEqualTo(Instant.parse("2023-11-30T18:30:00Z"));
      assertThat(december.to()).isEqualTo(Instant.parse("2023-12-31T18:30:00Z"));
      assertThat(GradingPeriod.of(YearMonth.of(2024, 1), KOLKATA).from()).isEqualTo(december.to());
    }

    @Test
    void contains_its_start_but_not_its_end() {
      GradingPeriod march = GradingPeriod.of(YearMonth.of(2024, 3), KOLKATA);

      assertThat(march.contains(march.from())).isTrue();
      assertThat(march.contains(march.from().minusNanos(1))).isFalse();
      assertThat(march.contains(march.to().minusNanos(1))).isTrue();
      assertThat(march.contains(march.to())).isFalse();
    }

    @Test
    void refuses_missing_bounds_and_an_end_not_after_the_start() {
      Instant t = Instant.parse("2024-03-01T00:00:00Z");

      assertField(() -> new GradingPeriod(null, t), "from");
      assertField(() -> new GradingPeriod(t, null), "to");
      assertField(() -> new GradingPeriod(t, t), "to");
      assertField(() -> new GradingPeriod(t, t.minusSeconds(1)), "to");
      assertField(() -> GradingPeriod.of(null, KOLKATA), "month");
      assertField(() -> GradingPeriod.of(YearMonth.of(2024, 3), null), "zone");
    }
  }

  @Nested
  class Facts {
    private final ComplaintId id = ComplaintId.of("MPH-2024-000001");
    private final Instant at = Instant.parse("2024-03-05T04:30:00Z");

    private ComplaintFacts make(
        ComplaintId id, String jurisdiction, Optional<String> department, Optional<Level> level, Instant registeredAt,
        Status status, Optional<Instant> disposedAt, boolean withinSla, int replies, int returns, int satisfied,
        int dissatisfied, int reopens) {
      return new ComplaintFacts(id, jurisdiction, department, level, registeredAt, status, disposedAt, withinSla, false,
          replies, returns, satisfied, dissatisfied, reopens);
    }

    private final Optional<String> energy = Optional.of("ENERGY");
    private final Optional<Level> l1 = Optional.of(Level.L1);

    @Test
    void names_each_missing_field() {
      assertField(() -> make(null, "DHAR-W1", energy, l1, at, Status.ASSIGNED, Optional.empty(), false, 0, 0, 0, 0, 0),
          "id");
      assertField(() -> make(id, null, energy, l1, at, Status.ASSIGNED, Optional.empty(), false, 0, 0, 0, 0, 0),
          "jurisdictionCode");
      assertField(() -> make(id, "DHAR-W1", null, l1, at, Status.ASSIGNED, Optional.empty(), false, 0, 0, 0, 0, 0),
          "department");
      assertField(() -> make(id, "DHAR-W1", energy, null, at, Status.ASSIGNED, Optional.empty(), false, 0, 0, 0, 0, 0),
          "level");
      assertField(() -> make(id, "DHAR-W1", energy, l1, null, Status.ASSIGNED, Optional.empty(), false, 0, 0, 0, 0, 0),
          "registeredAt");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, null, Optional.empty(), false, 0, 0, 0, 0, 0),
          "status");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, null, false, 0, 0, 0, 0, 0),
          "disposedAt");
    }

    @Test
    void names_each_negative_count() {
      Optional<Instant> none = Optional.empty();
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, none, false, -1, 0, 0, 0, 0), "replies");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, none, false, 0, -1, 0, 0, 0), "returns");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, none, false, 0, 0, -1, 0, 0), "satisfied");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, none, false, 0, 0, 0, -1, 0),
          "dissatisfied");
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, none, false, 0, 0, 0, 0, -1), "reopens");
    }

    @Test
    void refuses_within_sla_without_a_disposal() {
      assertField(() -> make(id, "DHAR-W1", energy, l1, at, Status.ASSIGNED, Optional.empty(), true, 0, 0, 0, 0, 0),
          "withinSla");
    }

    @Test
    void accepts_a_complaint_never_assigned_and_says_whether_it_was_received_and_is_pending() {
      ComplaintFacts f = make(id, "DHAR-W1", Optional.empty(), Optional.empty(), at, Status.REGISTERED,
          Optional.empty(), false, 0, 0, 0, 0, 0);

      assertThat(f.pending()).isTrue();
      assertThat(f.receivedIn(GradingPeriod.of(YearMonth.of(2024, 3), KOLKATA))).isTrue();
      assertThat(f.receivedIn(GradingPeriod.of(YearMonth.of(2024, 2), KOLKATA))).isFalse();
      assertThat(make(id, "DHAR-W1", energy, l1, at, Status.WITHDRAWN, Optional.empty(), false, 0, 0, 0, 0, 0)
          .pending()).isFalse();
    }
  }
}
