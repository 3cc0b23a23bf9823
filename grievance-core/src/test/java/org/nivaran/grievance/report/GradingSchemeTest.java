package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nivaran.grievance.report.GradingExamples.figures;

import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nivaran.grievance.InvalidInputException;

/** Weights, the score formula with missing measures, and the grade bands at their edges. */
class GradingSchemeTest {
  private final GradingScheme standard = GradingScheme.standard();

  @Nested
  class The_standard_scheme {
    @Test
    void weighs_disposal_25_sla_25_satisfaction_30_returned_10_reopened_10_with_bands_80_60_40() {
      assertThat(standard.disposalWeight()).isEqualTo(25);
      assertThat(standard.slaComplianceWeight()).isEqualTo(25);
      assertThat(standard.satisfactionWeight()).isEqualTo(30);
      assertThat(standard.returnedWeight()).isEqualTo(10);
      assertThat(standard.reopenedWeight()).isEqualTo(10);
      assertThat(standard.bandA()).isEqualTo(80);
      assertThat(standard.bandB()).isEqualTo(60);
      assertThat(standard.bandC()).isEqualTo(40);
      assertThat(GradingScheme.builder().build()).isEqualTo(standard).hasSameHashCodeAs(standard);
      assertThat(standard.toBuilder().build()).isEqualTo(standard);
    }
  }

  @Nested
  class Scores {
    @Test
    void a_unit_perfect_on_every_measure_scores_100_and_one_failing_every_measure_0() {
      // disposed 4 of 4, all in time, 3 satisfied, no return, no reopening
      assertThat(standard.score(figures("A", 4, 4, 0, 4, 0, 3, 0, 0))).isEqualTo(100);
      // nothing disposed of 5 pending, no one satisfied, every reply returned and reopened
      assertThat(standard.score(figures("A", 0, 0, 5, 2, 2, 0, 2, 2))).isEqualTo(0);
    }

    @Test
    void is_the_weighted_mean_of_all_five_measures_when_all_are_present() {
      // disposal 3/4, SLA 2/3, satisfaction 1/2, returned 1/4, reopened 2/4
      // 25×0.75 + 25×(2/3) + 30×0.5 + 10×0.75 + 10×0.5 = 18.75 + 16.667 + 15 + 7.5 + 5 = 62.9167
      UnitFigures f = figures("A", 3, 2, 1, 4, 1, 1, 1, 2);

      assertThat(standard.score(f)).isCloseTo(46.25 + 50.0 / 3, within(1e-9));
    }

    @Test
    void leaves_out_a_measure_without_a_rate_numerator_and_denominator_alike() {
      // no reply and no verification: only disposal 1/2 and SLA 1/1 count
      // 100 × (25×0.5 + 25×1) / (25 + 25) = 75
      assertThat(standard.score(figures("A", 1, 1, 1, 0, 0, 0, 0, 0))).isEqualTo(75);
      // only satisfaction: 2 of 4 satisfied, nothing disposed or pending
      assertThat(standard.score(figures("A", 0, 0, 0, 0, 0, 2, 2, 0))).isEqualTo(50);
    }

    @Test
    void is_0_when_no_measure_is_present() {
      assertThat(standard.score(figures("A", 0, 0, 0, 0, 0, 0, 0, 0))).isZero();
    }

    @Test
    void is_0_when_only_measures_of_weight_0_are_present() {
      GradingScheme satisfactionOnly = GradingScheme.builder()
          .disposalWeight(0).slaComplianceWeight(0).returnedWeight(0).reopenedWeight(0).build();

      assertThat(satisfactionOnly.score(figures("A", 1, 1, 1, 1, 0, 0, 0, 0))).isZero();
      assertThat(satisfactionOnly.score(figures("A", 1, 1, 1, 1, 0, 3, 1, 0))).isEqualTo(75);
    }

    @Test
    void counts_a_returned_or_reopened_rate_above_1_as_1() {
      // 1 reply in the period, 3 returns and 2 reopenings of older replies: both measures are 0
      // 100 × (25×1 + 25×1 + 10×0 + 10×0) / 70 = 71.43
      UnitFigures f = figures("A", 1, 1, 0, 1, 3, 0, 0, 2);

      assertThat(f.returnedRate()).contains(3.0);
      assertThat(standard.score(f)).isCloseTo(5000.0 / 70, within(1e-9));
    }

    @Test
    void refuses_missing_figures() {
      assertThatThrownBy(() -> standard.score(null))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("figures"));
    }
  }

  @Nested
  class Grades {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "100, A", "80, A", "79.995, A", "79.994, B", "79.99, B", "60, B", "59.99, C", "40, C", "39.995, C",
        "39.99, D", "0, D"})
    void the_bands_include_their_lower_edge_after_rounding_to_2_places(double score, Grade grade) {
      assertThat(standard.grade(score)).isEqualTo(grade);
    }

    @Test
    void other_bands_move_the_edges() {
      GradingScheme strict = GradingScheme.builder().bands(90, 75, 50).build();

      assertThat(strict.grade(89.99)).isEqualTo(Grade.B);
      assertThat(strict.grade(90)).isEqualTo(Grade.A);
      assertThat(strict.grade(74.99)).isEqualTo(Grade.C);
      assertThat(strict.grade(49.99)).isEqualTo(Grade.D);
    }

    @Test
    void a_c_band_from_0_leaves_no_score_a_d() {
      GradingScheme lenient = GradingScheme.builder().bands(50, 10, 0).build();

      assertThat(lenient.grade(0)).isEqualTo(Grade.C);
    }

    @ParameterizedTest
    @CsvSource({"-0.01", "100.01", "NaN", "Infinity"})
    void a_score_outside_0_to_100_is_refused(double score) {
      assertThatThrownBy(() -> standard.grade(score))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("score"));
    }
  }

  @Nested
  class The_builder {
    private void refuses(Consumer<GradingScheme.Builder> change, String field) {
      GradingScheme.Builder b = GradingScheme.builder();
      change.accept(b);
      assertThatThrownBy(b::build)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refuses_a_negative_or_non_finite_weight_naming_it() {
      refuses(b -> b.disposalWeight(-1), "disposalWeight");
      refuses(b -> b.slaComplianceWeight(Double.NaN), "slaComplianceWeight");
      refuses(b -> b.satisfactionWeight(Double.POSITIVE_INFINITY), "satisfactionWeight");
      refuses(b -> b.returnedWeight(-0.5), "returnedWeight");
      refuses(b -> b.reopenedWeight(Double.NEGATIVE_INFINITY), "reopenedWeight");
    }

    @Test
    void refuses_weights_that_are_all_0_or_add_up_to_infinity() {
      refuses(b -> b.disposalWeight(0).slaComplianceWeight(0).satisfactionWeight(0).returnedWeight(0).reopenedWeight(0),
          "weights");
      refuses(b -> b.disposalWeight(Double.MAX_VALUE).slaComplianceWeight(Double.MAX_VALUE), "weights");
    }

    @Test
    void accepts_weights_some_of_which_are_0_and_bands_at_the_limits() {
      GradingScheme s = GradingScheme.builder().returnedWeight(0).reopenedWeight(0).bands(100, 50, 0).build();

      assertThat(s.returnedWeight()).isZero();
      assertThat(s.bandA()).isEqualTo(100);
      assertThat(s.bandC()).isZero();
    }

    @Test
    void refuses_bands_not_in_order_naming_the_band() {
      refuses(b -> b.bands(100.5, 60, 40), "bandA");
      refuses(b -> b.bands(Double.NaN, 60, 40), "bandA");
      refuses(b -> b.bands(80, 80, 40), "bandB");
      refuses(b -> b.bands(80, 90, 40), "bandB");
      refuses(b -> b.bands(80, 60, 60), "bandC");
      refuses(b -> b.bands(80, 60, -1), "bandC");
      refuses(b -> b.bands(0, 0, 0), "bandB");
    }

    @Test
    void is_copied_by_build() {
      GradingScheme.Builder b = GradingScheme.builder().satisfactionWeight(50);
      GradingScheme first = b.build();
      b.satisfactionWeight(10);

      assertThat(first.satisfactionWeight()).isEqualTo(50);
      assertThat(first).isNotEqualTo(b.build());
      assertThat(first.toString()).contains("satisfaction 50.0");
    }
  }

  /** 71.875 exactly, reached by two routes; in doubles one of them is 71.87499999999999. */
  @Test
  void equal_scores_round_alike_and_share_a_rank() {
    UnitFigures x = exactUnit("XDEPT", 1, 1, 0, 1, 3);   // 100·(25 + 25 + 30·1/4)/80
    UnitFigures y = exactUnit("YDEPT", 11, 11, 3, 3, 4); // 100·(25·11/14 + 25 + 30·3/7)/80
    GradingScheme s = GradingScheme.standard();
    assertThat(s.roundedScore(x)).isEqualByComparingTo("71.88");
    assertThat(s.roundedScore(y)).isEqualByComparingTo("71.88");
    java.util.List<GradedUnit> ranked = Grading.rank(java.util.List.of(x, y), s);
    assertThat(ranked).extracting(GradedUnit::score).containsExactly(71.88, 71.88);
    assertThat(ranked).extracting(GradedUnit::rank).containsExactly(1, 1);
  }

  @Test
  void the_first_response_rate_counts_only_when_given_a_weight() {
    // disposal 1/1, SLA 1/1; first responses 1 of 4 in time
    UnitFigures f = new UnitFigures(UnitKind.DEPARTMENT, "U", 1, 1, 1, 0, new java.util.TreeMap<>(), 0, 0, 0, 0, 0,
        java.util.Optional.of(java.time.Duration.ofHours(1)), 4, 1);
    GradingScheme standard = GradingScheme.standard();
    GradingScheme raipur = GradingScheme.builder().firstResponseWeight(50).build();

    assertThat(standard.firstResponseWeight()).isZero();
    assertThat(standard.score(f)).isEqualTo(100);
    // 100 × (25 + 25 + 50 × 1/4) / (25 + 25 + 50) = 62.5
    assertThat(raipur.score(f)).isEqualTo(62.5);
    assertThat(raipur.roundedScore(f)).isEqualByComparingTo("62.50");
    assertThat(raipur).isNotEqualTo(standard);
    assertThat(raipur.toString()).contains("first response 50.0");
    assertThat(raipur.toBuilder().build()).isEqualTo(raipur);
    assertThatThrownBy(() -> GradingScheme.builder().firstResponseWeight(-1).build())
        .isInstanceOfSatisfying(org.nivaran.grievance.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("firstResponseWeight"));
    assertThatThrownBy(() -> new UnitFigures(UnitKind.DEPARTMENT, "U", 0, 0, 0, 0, new java.util.TreeMap<>(), 0, 0, 0,
            0, 0, java.util.Optional.empty(), 1, 2))
        .isInstanceOfSatisfying(org.nivaran.grievance.InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("firstResponsesInTime"));
  }

  private static UnitFigures exactUnit(String code, long disposed, long within, long pending, long sat, long dissat) {
    return new UnitFigures(UnitKind.DEPARTMENT, code, 0, disposed, within, pending, new java.util.TreeMap<>(), 0, 0,
        sat, dissat, 0, java.util.Optional.of(java.time.Duration.ofHours(1)));
  }
}
