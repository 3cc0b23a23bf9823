package org.nivaran.grievance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Distance;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The candidates a {@code CONFIRM} rule names are exactly those a brute force over every earlier
 * complaint finds: open, of the category, registered within the window, with a location within
 * the radius by haversine; nearest first, then newest; at most ten. Centres anywhere, many near
 * the poles and the antimeridian.
 */
class NearbyRepeatsProperties {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final String ENERGY = "ENERGY.SUPPLY";
  private static final String WATER = "JAL.PIPE";
  private static final Instant NOW = Instant.parse("2024-03-19T05:30:00Z");
  private static final Duration WINDOW = Duration.ofDays(3);

  /** An earlier complaint: where (bearing, fraction of the radius), when (minutes before now), what, whether closed. */
  record Seed(double bearing, double fraction, int minutesBefore, boolean water, boolean closed) {}

  record Scene(double latitude, double longitude, double radius, List<Seed> seeds) {}

  @Provide
  Arbitrary<Scene> scenes() {
    Arbitrary<Double> latitudes = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.doubles().between(-60, 60).ofScale(6)),
        Tuple.of(1, Arbitraries.doubles().between(89.9, 90).ofScale(6)),
        Tuple.of(1, Arbitraries.doubles().between(-90, -89.9).ofScale(6)));
    Arbitrary<Double> longitudes = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.doubles().between(-180, 180).ofScale(6)),
        Tuple.of(1, Arbitraries.doubles().between(179.99, 180).ofScale(6)),
        Tuple.of(1, Arbitraries.doubles().between(-180, -179.99).ofScale(6)));
    Arbitrary<Seed> seeds = Combinators.combine(
        Arbitraries.doubles().between(0, 6.283185307).ofScale(9),
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.doubles().between(0, 2).ofScale(6)),
            Tuple.of(1, Arbitraries.doubles().between(0.995, 1.005).ofScale(6))),
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 5000)),
            Tuple.of(1, Arbitraries.integers().between(4315, 4325))),
        Arbitraries.integers().between(0, 4).map(i -> i == 0),
        Arbitraries.integers().between(0, 4).map(i -> i == 0))
        .as(Seed::new);
    return Combinators.combine(latitudes, longitudes, Arbitraries.doubles().between(20, 2_000).ofScale(2),
            seeds.list().ofMinSize(0).ofMaxSize(40))
        .as(Scene::new);
  }

  @Property(tries = 150)
  void the_flag_names_exactly_the_brute_force_candidates_nearest_then_newest(@ForAll("scenes") Scene scene) {
    MutableClock clock = new MutableClock(NOW);
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    Grievances seeding = District.grievances(store, clock).idScheme(ComplaintIdScheme.yearly("SEED", District.IST)).build();
    Grievances g = District.grievances(store, clock)
        .duplicatePolicy(DuplicatePolicy.none().byDistance(ENERGY, DistanceRule.confirm(scene.radius(), WINDOW)))
        .build();
    Location centre = location(scene.latitude(), scene.longitude());

    record Expected(ComplaintId id, double metres, Instant at) {}
    List<Expected> expected = new ArrayList<>();
    int i = 0;
    for (Seed s : scene.seeds()) {
      double[] p = org.nivaran.grievance.fixtures.GreatCircles.destination(scene.latitude(), scene.longitude(), s.bearing(), scene.radius() * s.fraction());
      Location where = location(p[0], p[1]);
      Instant at = NOW.minus(Duration.ofMinutes(s.minutesBefore()));
      clock.set(at);
      Complaint c = seeding.register(request(s.water() ? WATER : ENERGY, "98260" + String.format("%05d", i++), where), AGENT);
      if (s.closed()) {
        seeding.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "निजी", Optional.empty()), AGENT);
      }
      double metres = Distance.metres(centre.latitude().doubleValue(), centre.longitude().doubleValue(),
          where.latitude().doubleValue(), where.longitude().doubleValue());
      if (!s.water() && !s.closed() && !at.isBefore(NOW.minus(WINDOW)) && metres <= scene.radius()) {
        expected.add(new Expected(c.id(), metres, at));
      }
    }
    expected.sort(Comparator.comparingDouble(Expected::metres)
        .thenComparing(Expected::at, Comparator.reverseOrder())
        .thenComparing(e -> e.id().toString(), Comparator.reverseOrder()));
    clock.set(NOW);

    Complaint registered = g.submit(request(ENERGY, "9826099999", centre), AGENT).complaint();

    List<ComplaintId> named = g.history(registered.id()).stream()
        .filter(ComplaintEvent.ComplaintFlagged.class::isInstance).map(ComplaintEvent.ComplaintFlagged.class::cast)
        .filter(f -> f.flag() == ComplaintFlag.POSSIBLE_REPEAT)
        .findFirst().map(f -> DuplicatePolicy.candidatesIn(f.detail())).orElse(List.of());
    assertThat(named).containsExactlyElementsOf(expected.stream().limit(10).map(Expected::id).toList());
    assertThat(registered.flags().contains(ComplaintFlag.POSSIBLE_REPEAT)).isEqualTo(!expected.isEmpty());
    Statistics.label("candidates").collect(expected.size() > 10 ? "more than 10" : expected.isEmpty() ? "none" : "1 to 10");
  }

  private static Location location(double latitude, double longitude) {
    return Location.of(new BigDecimal(latitude).setScale(9, RoundingMode.HALF_EVEN),
        new BigDecimal(longitude).setScale(9, RoundingMode.HALF_EVEN));
  }

  private static RegisterComplaint request(String category, String phone, Location where) {
    return Fixtures.requestBuilder()
        .categoryCode(category)
        .jurisdictionCode("WARD-12")
        .citizen(Complainant.of("रमेश साहू", phone, "hi"))
        .location(where)
        .build();
  }
}
