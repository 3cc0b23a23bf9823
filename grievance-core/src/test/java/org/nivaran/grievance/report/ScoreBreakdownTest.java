package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;

/** The score broken down by indicator, worked out by hand. */
class ScoreBreakdownTest {
  @Test
  void equal_cut_off_parts_give_the_missing_hundredth_to_the_first_indicator() {
    // three indicators of weight 1, each measure 1: 33.333... points each, 99.99 cut down, score 100
    GradingScheme thirds = GradingScheme.builder().disposalWeight(1).slaComplianceWeight(1).satisfactionWeight(1)
        .returnedWeight(0).reopenedWeight(0).build();
    UnitFigures f = GradingExamples.figures("A", 2, 2, 0, 1, 0, 3, 0, 0);

    assertThat(thirds.breakdown(f)).extracting(IndicatorScore::indicator, IndicatorScore::weight, IndicatorScore::points)
        .containsExactly(
            tuple(Indicator.DISPOSAL, 1.0, 33.34),
            tuple(Indicator.SLA_COMPLIANCE, 1.0, 33.33),
            tuple(Indicator.SATISFACTION, 1.0, 33.33),
            tuple(Indicator.RETURNED, 0.0, 0.0),
            tuple(Indicator.REOPENED, 0.0, 0.0),
            tuple(Indicator.FIRST_RESPONSE, 0.0, 0.0));
    assertThat(thirds.roundedScore(f)).isEqualByComparingTo("100.00");
  }

  @Test
  void a_measure_left_out_or_weighted_0_gets_no_points_but_keeps_its_measure() {
    // no verifications: satisfaction left out; returned weighted 0 though measured (1 − 1/2)
    GradingScheme s = GradingScheme.builder().returnedWeight(0).build();
    UnitFigures f = GradingExamples.figures("A", 1, 0, 1, 2, 1, 0, 0, 0);
    // weights present: disposal 25, SLA 25, reopened 10 = 60; disposal 100·25·(1/2)/60 = 20.833...,
    // SLA 0, reopened 100·10·1/60 = 16.666...; 37.499... cut down 37.49, score 37.50: the hundredth
    // goes to reopened (0.666 of a hundredth beats 0.333)
    assertThat(s.breakdown(f)).extracting(IndicatorScore::indicator, IndicatorScore::measure, IndicatorScore::points)
        .containsExactly(
            tuple(Indicator.DISPOSAL, Optional.of(0.5), 20.83),
            tuple(Indicator.SLA_COMPLIANCE, Optional.of(0.0), 0.0),
            tuple(Indicator.SATISFACTION, Optional.empty(), 0.0),
            tuple(Indicator.RETURNED, Optional.of(0.5), 0.0),
            tuple(Indicator.REOPENED, Optional.of(1.0), 16.67),
            tuple(Indicator.FIRST_RESPONSE, Optional.empty(), 0.0));
    assertThat(s.roundedScore(f)).isEqualByComparingTo("37.50");
  }

  @Test
  void nothing_to_judge_gives_0_points_everywhere() {
    UnitFigures f = GradingExamples.figures("A", 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(GradingScheme.standard().breakdown(f)).extracting(IndicatorScore::points).containsOnly(0.0);
    assertThat(GradingScheme.standard().breakdown(f)).extracting(IndicatorScore::measure).containsOnly(Optional.empty());
  }

  @Test
  void the_weights_can_be_set_by_indicator() {
    GradingScheme s = GradingScheme.builder().weight(Indicator.SATISFACTION, 50).build();

    assertThat(s.weight(Indicator.SATISFACTION)).isEqualTo(50).isEqualTo(s.satisfactionWeight());
    assertThat(s).isEqualTo(GradingScheme.builder().satisfactionWeight(50).build());
    for (Indicator i : Indicator.values()) {
      assertThat(GradingScheme.standard().weight(i)).isEqualTo(i.standardWeight());
    }
    assertThatThrownBy(() -> GradingScheme.builder().weight(null, 1))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("indicator"));
  }

  @Test
  void an_indicator_score_refuses_impossible_values() {
    assertThatThrownBy(() -> new IndicatorScore(Indicator.DISPOSAL, Optional.of(1.5), 1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("measure"));
    assertThatThrownBy(() -> new IndicatorScore(Indicator.DISPOSAL, Optional.empty(), -1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("weight"));
    assertThatThrownBy(() -> new IndicatorScore(Indicator.DISPOSAL, Optional.empty(), 1, 100.01))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("points"));
    assertThatThrownBy(() -> new IndicatorScore(null, Optional.empty(), 1, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("indicator"));
  }
}
