package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.report.GradingExamples.figures;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;

/** The rates of a unit's figures, and what the figures refuse. */
class UnitFiguresTest {

  private static UnitFigures withBeyond(long pending, SortedMap<Level, Long> beyond) {
    return new UnitFigures(UnitKind.DISTRICT, "DHAR", 0, 0, 0, pending, beyond, 0, 0, 0, 0, 0, Optional.empty());
  }

  @Nested
  class Rates {
    @Test
    void are_the_documented_fractions() {
      // disposed 3, within 2, pending 1, replies 4, returns 1, satisfied 3, dissatisfied 1, reopens 2
      UnitFigures f = figures("ENERGY", 3, 2, 1, 4, 1, 3, 1, 2);

      assertThat(f.disposalRate()).contains(0.75);
      assertThat(f.slaComplianceRate()).contains(2.0 / 3);
      assertThat(f.satisfactionRate()).contains(0.75);
      assertThat(f.returnedRate()).contains(0.25);
      assertThat(f.reopenedRate()).contains(0.5);
    }

    @Test
    void are_empty_when_their_denominator_is_0() {
      UnitFigures nothing = figures("ENERGY", 0, 0, 0, 0, 3, 0, 0, 1);

      assertThat(nothing.disposalRate()).isEmpty();
      assertThat(nothing.slaComplianceRate()).isEmpty();
      assertThat(nothing.satisfactionRate()).isEmpty();
      assertThat(nothing.returnedRate()).isEmpty();
      assertThat(nothing.reopenedRate()).isEmpty();
    }

    @Test
    void are_0_not_empty_when_only_the_numerator_is_0() {
      UnitFigures f = figures("ENERGY", 0, 0, 2, 1, 0, 0, 1, 0);

      assertThat(f.disposalRate()).contains(0.0);
      assertThat(f.satisfactionRate()).contains(0.0);
      assertThat(f.returnedRate()).contains(0.0);
      assertThat(f.slaComplianceRate()).isEmpty();
    }

    @Test
    void returned_and_reopened_may_exceed_1() {
      UnitFigures f = figures("ENERGY", 0, 0, 0, 2, 5, 0, 0, 3);

      assertThat(f.returnedRate()).contains(2.5);
      assertThat(f.reopenedRate()).contains(1.5);
    }
  }

  @Nested
  class Pending_beyond_sla {
    @Test
    void keeps_only_levels_with_a_count_above_0_in_level_order_and_totals_them() {
      SortedMap<Level, Long> given = new TreeMap<>(Comparator.reverseOrder());
      given.putAll(Map.of(Level.L4, 1L, Level.L1, 2L, Level.L2, 0L));

      UnitFigures f = withBeyond(5, given);

      assertThat(f.pendingBeyondSla()).containsExactly(Map.entry(Level.L1, 2L), Map.entry(Level.L4, 1L));
      assertThat(f.pendingBeyondSlaTotal()).isEqualTo(3);
    }

    @Test
    void is_an_unmodifiable_copy() {
      SortedMap<Level, Long> given = new TreeMap<>(Map.of(Level.L1, 1L));
      UnitFigures f = withBeyond(2, given);
      given.put(Level.L2, 1L);

      assertThat(f.pendingBeyondSla()).containsOnlyKeys(Level.L1);
      assertThatThrownBy(() -> f.pendingBeyondSla().put(Level.L3, 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void may_not_total_more_than_pending_nor_hold_a_negative_or_missing_count() {
      assertField(() -> withBeyond(2, new TreeMap<>(Map.of(Level.L1, 2L, Level.L2, 1L))), "pendingBeyondSla");
      assertField(() -> withBeyond(2, new TreeMap<>(Map.of(Level.L2, -1L))), "pendingBeyondSla.L2");
      TreeMap<Level, Long> withNull = new TreeMap<>();
      withNull.put(Level.L3, null);
      assertField(() -> withBeyond(2, withNull), "pendingBeyondSla.L3");
      assertField(() -> withBeyond(2, null), "pendingBeyondSla");
    }
  }

  @Nested
  class Validation {
    private UnitFigures make(UnitKind kind, String code, long received, long disposed, long within, long pending,
        long replies, long returns, long satisfied, long dissatisfied, long reopens, Optional<Duration> median) {
      return new UnitFigures(kind, code, received, disposed, within, pending, new TreeMap<>(), replies, returns,
          satisfied, dissatisfied, reopens, median);
    }

    private final Optional<Duration> hour = Optional.of(Duration.ofHours(1));

    @Test
    void names_the_missing_or_negative_field() {
      assertField(() -> make(null, "A", 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "kind");
      assertField(() -> make(UnitKind.DEPARTMENT, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "code");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", -1, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "received");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, -1, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "disposed");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 1, -1, 0, 0, 0, 0, 0, 0, hour), "disposedWithinSla");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, -1, 0, 0, 0, 0, 0, Optional.empty()), "pending");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, -1, 0, 0, 0, 0, Optional.empty()), "replies");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, -1, 0, 0, 0, Optional.empty()), "returns");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, 0, -1, 0, 0, Optional.empty()), "satisfied");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, 0, 0, -1, 0, Optional.empty()), "dissatisfied");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, 0, 0, 0, -1, Optional.empty()), "reopens");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, 0, 0, 0, 0, null), "medianResolution");
    }

    @Test
    void refuses_more_disposed_within_sla_than_disposed() {
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 1, 2, 0, 0, 0, 0, 0, 0, hour), "disposedWithinSla");
    }

    @Test
    void refuses_a_median_without_disposals_or_below_0() {
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 0, 0, 0, 0, 0, 0, 0, 0, hour), "medianResolution");
      assertField(() -> make(UnitKind.DEPARTMENT, "A", 0, 1, 0, 0, 0, 0, 0, 0, 0, Optional.of(Duration.ofSeconds(-1))),
          "medianResolution");
    }

    @Test
    void accepts_a_code_in_any_script_but_not_a_blank_one_or_one_with_a_line_break() {
      assertThat(make(UnitKind.DEPARTMENT, "ऊर्जा", 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()).code()).isEqualTo("ऊर्जा");
      assertField(() -> make(UnitKind.DEPARTMENT, " ", 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "code");
      assertField(() -> make(UnitKind.DEPARTMENT, "A\nB", 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "code");
      assertField(() -> make(UnitKind.DEPARTMENT, " A", 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "code");
      assertField(() -> make(UnitKind.DEPARTMENT, "A".repeat(65), 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()), "code");
    }
  }

  @Test
  void a_graded_unit_refuses_a_score_outside_0_to_100_a_rank_below_1_and_peer_fields_that_do_not_fit() {
    UnitFigures f = figures("A", 0, 0, 0, 0, 0, 0, 0, 0);
    PeerGroup all = PeerGroup.ALL;
    List<IndicatorScore> zero = GradingScheme.standard().breakdown(f);

    assertField(() -> new GradedUnit(f, 100.5, Grade.A, 1, all, 1, 1, zero), "score");
    assertField(() -> new GradedUnit(f, Double.NaN, Grade.A, 1, all, 1, 1, zero), "score");
    assertField(() -> new GradedUnit(f, 0, Grade.C, 0, all, 1, 1, zero), "rank");
    assertField(() -> new GradedUnit(f, 0, null, 1, all, 1, 1, zero), "grade");
    assertField(() -> new GradedUnit(null, 0, Grade.C, 1, all, 1, 1, zero), "figures");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, null, 1, 1, zero), "peerGroup");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, new PeerGroup(2, 1, Optional.empty()), 1, 1, zero), "peerGroup");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 3, all, 0, 4, zero), "peerRank");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 3, all, 2, 1, zero), "peerRank");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, all, 2, 4, zero), "peerRank");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, all, 1, 0, zero), "peerCount");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, all, 1, 1, null), "breakdown");
    assertField(() -> new GradedUnit(f, 50, Grade.C, 1, all, 1, 1, zero), "breakdown");
    assertField(() -> new GradedUnit(f, 0, Grade.D, 1, all, 1, 1, List.of(zero.get(0), zero.get(0))),
        "breakdown[1].indicator");
    GradedUnit u = new GradedUnit(f, 0, Grade.D, 3, all, 2, 4, zero);
    assertThat(u.code()).isEqualTo("A");
    assertThat(u.breakdown()).hasSize(Indicator.values().length);
  }

  static void assertField(Supplier<?> make, String field) {
    assertThatThrownBy(make::get)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
