package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Great-circle distances worked by hand (the cross-product form of the central angle on the same
 * radius, computed apart from the code) and known city pairs.
 */
class DistanceTest {

  @Test
  void one_degree_along_a_meridian_is_the_radius_times_pi_over_180() {
    assertThat(Distance.metres(10, 81, 11, 81)).isCloseTo(111_195.080, within(0.01));
    assertThat(Distance.metres(-0.5, 0, 0.5, 0)).isCloseTo(111_195.080, within(0.01));
  }

  @Test
  void london_to_paris_is_about_343_6_km() {
    assertThat(Distance.metres(51.5074, -0.1278, 48.8566, 2.3522)).isCloseTo(343_556.53, within(1.0));
  }

  @Test
  void new_delhi_to_mumbai_is_about_1148_km() {
    assertThat(Distance.metres(28.6139, 77.2090, 19.0760, 72.8777)).isCloseTo(1_148_096.46, within(1.0));
  }

  @Test
  void raipur_to_indore_measured_between_locations_is_about_617_km() {
    Location raipur = Location.of("21.2514", "81.6296");
    Location indore = Location.of("22.7196", "75.8577");
    assertThat(raipur.metresTo(indore)).isCloseTo(617_062.47, within(1.0));
    assertThat(indore.metresTo(raipur)).isEqualTo(raipur.metresTo(indore));
  }

  @Test
  void two_points_either_side_of_the_antimeridian_are_111_metres_apart_not_half_the_world() {
    assertThat(Distance.metres(0, 179.9995, 0, -179.9995)).isCloseTo(111.195, within(0.001));
    assertThat(Distance.metres(0, 180, 0, -180)).isCloseTo(0, within(1e-6));
  }

  @Test
  void across_the_north_pole_two_points_a_tenth_of_a_millidegree_from_it_are_22_metres_apart() {
    assertThat(Distance.metres(89.9999, 0, 89.9999, 180)).isCloseTo(22.239, within(0.001));
    assertThat(Distance.metres(90, 0, 90, 123)).isCloseTo(0, within(1e-6));
  }

  @Test
  void antipodes_are_half_the_circumference_apart() {
    assertThat(Distance.metres(0, 0, 0, 180)).isCloseTo(Math.PI * Distance.EARTH_RADIUS_METRES, within(0.01));
    assertThat(Distance.metres(90, 0, -90, 0)).isCloseTo(20_015_114.44, within(0.01));
  }

  @Test
  void a_point_is_no_distance_from_itself() {
    assertThat(Distance.metres(21.2514, 81.6296, 21.2514, 81.6296)).isZero();
  }

  @Test
  void a_coordinate_out_of_range_is_refused_by_name() {
    assertThatThrownBy(() -> Distance.metres(90.5, 0, 0, 0)).hasMessageContaining("latitude1");
    assertThatThrownBy(() -> Distance.metres(0, 0, 0, -180.01)).hasMessageContaining("longitude2");
    assertThatThrownBy(() -> Distance.metres(Double.NaN, 0, 0, 0)).hasMessageContaining("latitude1");
  }
}
