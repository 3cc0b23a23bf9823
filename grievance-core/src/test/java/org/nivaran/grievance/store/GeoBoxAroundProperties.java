package org.nivaran.grievance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.complaint.Distance;
import org.nivaran.grievance.fixtures.GreatCircles;

/**
 * The box around a circle never misses a point within the radius, checked against the haversine
 * distance by brute force: centres anywhere, and many near the poles (|latitude| above 89.9) and
 * near the antimeridian (longitude near ±180); points scattered around the centre, many at the rim.
 */
class GeoBoxAroundProperties {

  /** A centre, a radius and a point to test, the point at a random bearing and distance (up to twice the radius). */
  record Case(double latitude, double longitude, double radius, double pointLatitude, double pointLongitude) {}

  @Provide
  Arbitrary<Double> latitudes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-90, 90).ofScale(9)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(89.9, 90).ofScale(9)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-90, -89.9).ofScale(9)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(-90.0, 90.0, 0.0, 89.99, -89.99)));
  }

  @Provide
  Arbitrary<Double> longitudes() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-180, 180).ofScale(9)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(179.9, 180).ofScale(9)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-180, -179.9).ofScale(9)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(-180.0, 180.0, 0.0)));
  }

  @Provide
  Arbitrary<Double> radii() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(1, 500).ofScale(9)),
        net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(500, 100_000).ofScale(9)),
        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(100_000, 25_000_000).ofScale(9)));
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(latitudes(), longitudes(), radii(), Arbitraries.doubles().between(0, 6.283185307).ofScale(9),
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0, 2).ofScale(9)),
            net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0.999, 1.001).ofScale(9))))
        .as((lat, lon, radius, bearing, fraction) -> {
          double[] p = GreatCircles.destination(lat, lon, bearing, radius * fraction);
          return new Case(lat, lon, radius, p[0], p[1]);
        });
  }

  @Property(tries = 5000)
  void the_box_holds_every_point_within_the_radius(@ForAll("cases") Case c) {
    GeoBox box = GeoBox.around(c.latitude(), c.longitude(), c.radius());
    double metres = Distance.metres(c.latitude(), c.longitude(), c.pointLatitude(), c.pointLongitude());
    boolean within = metres <= c.radius();
    if (within) {
      assertThat(box.contains(c.pointLatitude(), c.pointLongitude()))
          .as("%s: %.6f m from the centre, box %s", c, metres, box).isTrue();
    }
    Statistics.label("point").collect(within ? "within" : "outside");
    Statistics.label("box").collect(box.west() == -180 && box.east() == 180 ? "all longitudes"
        : box.crossesAntimeridian() ? "across the antimeridian" : "plain");
  }

  @Property(tries = 2000)
  void the_same_meridian_written_as_180_or_minus_180_is_in_or_out_of_the_box_together(@ForAll("cases") Case c) {
    GeoBox box = GeoBox.around(c.latitude(), c.longitude(), c.radius());
    double lat = Math.max(box.south(), Math.min(box.north(), c.pointLatitude()));
    if (Distance.metres(c.latitude(), c.longitude(), lat, 180) <= c.radius()) {
      assertThat(box.contains(lat, 180)).isTrue();
      assertThat(box.contains(lat, -180)).isTrue();
    }
  }

  @Property(tries = 1000)
  void a_small_circle_away_from_the_poles_gets_a_box_hardly_wider_than_itself(
      @ForAll("cases") Case c) {
    if (Math.abs(c.latitude()) > 80 || c.radius() > 10_000) {
      return;
    }
    GeoBox box = GeoBox.around(c.latitude(), c.longitude(), c.radius());
    double latSpanMetres = (box.north() - box.south()) * Math.PI / 180 * Distance.EARTH_RADIUS_METRES;
    assertThat(latSpanMetres).isLessThanOrEqualTo(2 * c.radius() + 0.01);
    double lonSpan = box.crossesAntimeridian() ? box.east() + 360 - box.west() : box.east() - box.west();
    double lonSpanMetres = lonSpan * Math.PI / 180 * Distance.EARTH_RADIUS_METRES * Math.cos(Math.toRadians(c.latitude()));
    assertThat(lonSpanMetres).isLessThanOrEqualTo(2 * c.radius() * 1.01 + 0.01);
  }

  @Example
  void a_circle_reaching_a_pole_spans_every_longitude() {
    GeoBox north = GeoBox.around(89.95, 10, 6_000);
    assertThat(north.north()).isEqualTo(90);
    assertThat(north.west()).isEqualTo(-180);
    assertThat(north.east()).isEqualTo(180);
    GeoBox south = GeoBox.around(-90, 0, 1);
    assertThat(south.south()).isEqualTo(-90);
    assertThat(south.west()).isEqualTo(-180);
    assertThat(south.east()).isEqualTo(180);
  }

  @Example
  void a_circle_near_the_antimeridian_gets_a_box_across_it() {
    GeoBox box = GeoBox.around(-17.7, 179.999, 500);
    assertThat(box.crossesAntimeridian()).isTrue();
    assertThat(box.west()).isCloseTo(179.999 - 0.00471, org.assertj.core.api.Assertions.within(0.0001));
    assertThat(box.east()).isCloseTo(-180 + 0.00371, org.assertj.core.api.Assertions.within(0.0001));
    assertThat(box.contains(-17.7, -179.998)).isTrue();
    assertThat(box.contains(-17.7, 179.99)).isFalse();
    assertThat(box.contains(-17.7, -179.99)).isFalse();
  }

  @Example
  void a_circle_of_about_a_kilometre_at_raipur_spans_about_0_018_degrees_of_latitude() {
    GeoBox box = GeoBox.around(21.2514, 81.6296, 1_000);
    assertThat(box.north() - box.south()).isCloseTo(2 * 1_000 / 111_195.08, org.assertj.core.api.Assertions.within(1e-8));
    assertThat(box.crossesAntimeridian()).isFalse();
  }

  @Example
  void a_bad_centre_or_radius_is_refused_by_name() {
    assertThatThrownBy(() -> GeoBox.around(91, 0, 10)).hasMessageContaining("latitude");
    assertThatThrownBy(() -> GeoBox.around(0, 181, 10)).hasMessageContaining("longitude");
    assertThatThrownBy(() -> GeoBox.around(0, 0, 0)).hasMessageContaining("radiusMetres");
    assertThatThrownBy(() -> GeoBox.around(0, 0, Double.NaN)).hasMessageContaining("radiusMetres");
    assertThatThrownBy(() -> GeoBox.around(0, 0, Double.POSITIVE_INFINITY)).hasMessageContaining("radiusMetres");
  }
}
