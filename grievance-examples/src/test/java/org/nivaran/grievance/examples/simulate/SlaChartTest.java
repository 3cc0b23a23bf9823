package org.nivaran.grievance.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA chart's value axis: it starts where the data does and ends at 100%. */
class SlaChartTest {

  @Test
  void when_every_share_is_high_the_axis_starts_below_the_lowest_not_at_0() {
    SlaChart.Axis axis = SlaChart.Axis.over(List.of(0.97, 0.82, 0.91));

    assertThat(axis.start()).isEqualTo(70);
    assertThat(axis.ticks()).containsExactly(70, 80, 90, 100);
    assertThat(axis.position(0.82)).isEqualTo(12.0 / 30, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(axis.position(1.0)).isEqualTo(1.0);
  }

  @Test
  void the_lowest_bar_keeps_at_least_5_points_of_length() {
    assertThat(SlaChart.Axis.over(List.of(0.80, 0.99)).start()).isEqualTo(70);
    assertThat(SlaChart.Axis.over(List.of(0.86, 0.99)).start()).isEqualTo(80);
    assertThat(SlaChart.Axis.over(List.of(0.85, 0.99)).start()).isEqualTo(80);
    assertThat(SlaChart.Axis.over(List.of(0.84, 0.99)).start()).isEqualTo(70);
  }

  @Test
  void all_shares_at_100_percent_get_an_axis_from_90_with_ticks_every_2() {
    SlaChart.Axis axis = SlaChart.Axis.over(List.of(1.0, 1.0));

    assertThat(axis.start()).isEqualTo(90);
    assertThat(axis.ticks()).containsExactly(90, 92, 94, 96, 98, 100);
  }

  @Test
  void a_narrow_range_gets_ticks_every_5_and_a_wide_one_every_10() {
    assertThat(SlaChart.Axis.over(List.of(0.88)).ticks()).containsExactly(80, 85, 90, 95, 100);
    assertThat(SlaChart.Axis.over(List.of(0.40)).ticks()).containsExactly(30, 40, 50, 60, 70, 80, 90, 100);
  }

  @Test
  void a_low_share_or_no_shares_start_the_axis_at_0_in_quarters() {
    assertThat(SlaChart.Axis.over(List.of(0.34, 0.95))).isEqualTo(new SlaChart.Axis(0, 25));
    assertThat(SlaChart.Axis.over(List.of())).isEqualTo(new SlaChart.Axis(0, 25));
    assertThat(SlaChart.Axis.over(List.of(0.0, 0.9)).ticks()).containsExactly(0, 25, 50, 75, 100);
    assertThat(SlaChart.Axis.over(List.of(0.0)).position(0.0)).isZero();
  }
}
