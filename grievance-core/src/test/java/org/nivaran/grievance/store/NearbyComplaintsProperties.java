package org.nivaran.grievance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Distance;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The store's box prefilter followed by the haversine check finds exactly the complaints a brute
 * force over every stored point finds: random centres (many near the poles and the antimeridian),
 * random points around them (many near the rim of the circle), on the in-memory store.
 */
class NearbyComplaintsProperties {
  private static final Instant T0 = Fixtures.T0;
  private static final String CATEGORY = "ROADS.POTHOLE";

  /** A centre and radius, and stored points around it. */
  record Scene(double latitude, double longitude, double radius, List<double[]> points) {}

  @Provide
  Arbitrary<Scene> scenes() {
    Arbitrary<Double> latitudes = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.doubles().between(-90, 90).ofScale(7)),
        Tuple.of(2, Arbitraries.doubles().between(89.9, 90).ofScale(7)),
        Tuple.of(2, Arbitraries.doubles().between(-90, -89.9).ofScale(7)));
    Arbitrary<Double> longitudes = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.doubles().between(-180, 180).ofScale(7)),
        Tuple.of(2, Arbitraries.doubles().between(179.99, 180).ofScale(7)),
        Tuple.of(2, Arbitraries.doubles().between(-180, -179.99).ofScale(7)));
    Arbitrary<Double> radii = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.doubles().between(5, 500).ofScale(3)),
        Tuple.of(1, Arbitraries.doubles().between(500, 50_000).ofScale(3)));
    Arbitrary<double[]> offsets = Combinators.combine(
        Arbitraries.doubles().between(0, 6.283185307).ofScale(9),
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.doubles().between(0, 3).ofScale(6)),
            Tuple.of(2, Arbitraries.doubles().between(0.99, 1.01).ofScale(6))))
        .as((bearing, fraction) -> new double[] {bearing, fraction});
    return Combinators.combine(latitudes, longitudes, radii, offsets.list().ofMinSize(1).ofMaxSize(25))
        .as((lat, lon, radius, offs) -> {
          List<double[]> points = new ArrayList<>();
          for (double[] o : offs) {
            double[] p = org.nivaran.grievance.fixtures.GreatCircles.destination(lat, lon, o[0], radius * o[1]);
            // a location keeps at most 15 decimal places: 12 here (far below a millimetre)
            Location l = Location.of(new java.math.BigDecimal(p[0]).setScale(12, java.math.RoundingMode.HALF_EVEN),
                new java.math.BigDecimal(p[1]).setScale(12, java.math.RoundingMode.HALF_EVEN));
            points.add(new double[] {l.latitude().doubleValue(), l.longitude().doubleValue()});
          }
          return new Scene(lat, lon, radius, points);
        });
  }

  @Property(tries = 300)
  void the_box_then_haversine_finds_exactly_the_complaints_within_the_radius(@ForAll("scenes") Scene scene) {
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    for (int i = 0; i < scene.points().size(); i++) {
      double[] p = scene.points().get(i);
      create(store, "NEAR-" + i, Location.of(java.math.BigDecimal.valueOf(p[0]), java.math.BigDecimal.valueOf(p[1])), T0.plusSeconds(i));
    }
    GeoBox box = GeoBox.around(scene.latitude(), scene.longitude(), scene.radius());

    Set<String> found = store.openWithin(TenantId.DEFAULT, CATEGORY, box, T0, 1000).stream()
        .filter(c -> Distance.metres(scene.latitude(), scene.longitude(),
            c.location().orElseThrow().latitude().doubleValue(), c.location().orElseThrow().longitude().doubleValue())
            <= scene.radius())
        .map(c -> c.id().toString())
        .collect(Collectors.toSet());

    Set<String> bruteForce = new java.util.HashSet<>();
    for (int i = 0; i < scene.points().size(); i++) {
      double[] p = scene.points().get(i);
      if (Distance.metres(scene.latitude(), scene.longitude(), p[0], p[1]) <= scene.radius()) {
        bruteForce.add("NEAR-" + i);
      }
    }
    assertThat(found).isEqualTo(bruteForce);
    Statistics.label("within").collect(bruteForce.isEmpty() ? "none" : bruteForce.size() == scene.points().size() ? "all" : "some");
  }

  static Complaint create(InMemoryComplaintStore store, String id, Location location, Instant at) {
    RegisterComplaint request = Fixtures.requestBuilder().categoryCode(CATEGORY).location(location).build();
    ComplaintRegistered r = Lifecycle.register(TenantId.DEFAULT, ComplaintId.of(id), request, Fixtures.AGENT, at, Priority.NORMAL);
    Complaint state = Lifecycle.start(r);
    store.create(new NewComplaint(state, List.of(r), Optional.empty(), request.fingerprint()));
    return state;
  }

}
