package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;

/** Scores stay in 0..100, ranks follow scores, and the districts account for every complaint. */
class GradingProperties {
  static final GradingPeriod MARCH = GradingExamples.MARCH;
  static final Function<String, String> DISTRICT_OF = Map.of("J1", "D1", "J2", "D1", "J3", "D2")::get;

  @Provide
  Arbitrary<UnitFigures> figures() {
    Arbitrary<Long> n = Arbitraries.longs().between(0, 40);
    Arbitrary<Integer> percent = Arbitraries.integers().between(0, 100);
    return Combinators.combine(n, n, n, n, n, n, n, percent)
        .as((disposed, pending, replies, returns, satisfied, dissatisfied, reopens, p) -> new UnitFigures(
            UnitKind.DEPARTMENT, "U", 0, disposed, disposed * p / 100, pending,
            new TreeMap<>(Map.of(Level.L1, pending * p / 100)), replies, returns, satisfied, dissatisfied, reopens,
            disposed > 0 ? Optional.of(Duration.ofMinutes(p)) : Optional.empty()));
  }

  @Provide
  Arbitrary<GradingScheme> schemes() {
    Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 100));
    Arbitrary<List<Integer>> bands =
        Arbitraries.integers().between(0, 100).set().ofSize(3).map(s -> s.stream().sorted(Comparator.reverseOrder()).toList());
    return Combinators.combine(weight, weight, weight, weight, weight, bands)
        .filter((a, b, c, d, e, bs) -> a + b + c + d + e > 0)
        .as((a, b, c, d, e, bs) -> GradingScheme.builder()
            .disposalWeight(a).slaComplianceWeight(b).satisfactionWeight(c).returnedWeight(d).reopenedWeight(e)
            .bands(bs.get(0), bs.get(1), bs.get(2))
            .build());
  }

  @Property(tries = 500)
  void a_score_lies_between_0_and_100_and_has_a_grade(
      @ForAll("figures") UnitFigures figures, @ForAll("schemes") GradingScheme scheme) {
    double score = scheme.score(figures);

    assertThat(score).isBetween(0.0, 100.0);
    assertThat(scheme.grade(score)).isNotNull();
  }

  @Property(tries = 300)
  void ranks_follow_scores_equal_scores_share_a_rank_and_lists_are_sorted_by_rank_then_code(
      @ForAll("unitLists") List<UnitFigures> units, @ForAll("schemes") GradingScheme scheme) {
    List<GradedUnit> graded = Grading.rank(units, scheme);

    assertThat(graded).hasSameSizeAs(units);
    for (GradedUnit u : graded) {
      long higher = graded.stream().filter(v -> v.score() > u.score()).count();
      assertThat(u.rank()).isEqualTo(higher + 1);
      assertThat(u.grade()).isEqualTo(scheme.grade(u.score()));
      // the exact score rounded once; within rounding of the double score
      assertThat(u.score()).isEqualTo(scheme.roundedScore(u.figures()).doubleValue());
      assertThat(u.score()).isCloseTo(scheme.score(u.figures()), org.assertj.core.api.Assertions.within(0.00501));
    }
    for (int i = 1; i < graded.size(); i++) {
      GradedUnit a = graded.get(i - 1);
      GradedUnit b = graded.get(i);
      assertThat(a.rank()).isLessThanOrEqualTo(b.rank());
      assertThat(a.rank() == b.rank()).isEqualTo(a.score() == b.score());
      if (a.rank() == b.rank()) {
        assertThat(a.code()).isLessThan(b.code());
      }
    }
  }

  @Provide
  Arbitrary<List<UnitFigures>> unitLists() {
    return figures().list().ofMaxSize(12).map(list -> {
      List<UnitFigures> coded = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        UnitFigures f = list.get(i);
        // codes that do not sort as the list does
        coded.add(new UnitFigures(f.kind(), "U" + ((i * 7) % 13), f.received(), f.disposed(), f.disposedWithinSla(),
            f.pending(), f.pendingBeyondSla(), f.replies(), f.returns(), f.satisfied(), f.dissatisfied(), f.reopens(),
            f.medianResolution()));
      }
      return coded;
    });
  }

  @Provide
  Arbitrary<List<ComplaintFacts>> factLists() {
    Arbitrary<Optional<String>> department = Arbitraries.of(Optional.of("E1"), Optional.of("E2"), Optional.empty());
    Arbitrary<String> jurisdiction = Arbitraries.of("J1", "J2", "J3");
    Arbitrary<Status> status = Arbitraries.of(Status.class);
    Arbitrary<Long> hours = Arbitraries.longs().between(-240, 24 * 31 - 1);
    Arbitrary<Integer> count = Arbitraries.integers().between(0, 3);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<int[]> counts = Combinators.combine(count, count, count, count, count)
        .as((a, b, c, d, e) -> new int[] {a, b, c, d, e});
    Arbitrary<ComplaintFacts> one = Combinators.combine(department, jurisdiction, status, hours, hours, flag, flag, counts)
        .as((dept, place, st, registered, disposed, within, beyond, cs) -> {
          Instant registeredAt = MARCH.from().plus(Duration.ofHours(registered));
          Instant earliest = registeredAt.isBefore(MARCH.from()) ? MARCH.from() : registeredAt;
          boolean isDisposed = st == Status.CLOSED || st == Status.REJECTED;
          Instant disposedAt = earliest.plus(Duration.ofHours(Math.abs(disposed) % 24));
          Optional<Instant> disposal = isDisposed && disposedAt.isBefore(MARCH.to()) ? Optional.of(disposedAt)
              : Optional.empty();
          Optional<Level> level = dept.map(d -> Level.L1);
          return new ComplaintFacts(ComplaintId.of("X-0"), place, dept, level, registeredAt, st, disposal,
              within && disposal.isPresent(), beyond && st.isOpen() && level.isPresent(), cs[0], cs[1], cs[2], cs[3],
              cs[4]);
        });
    return one.list().ofMaxSize(30).map(list -> {
      List<ComplaintFacts> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        ComplaintFacts f = list.get(i);
        numbered.add(new ComplaintFacts(ComplaintId.of("X-" + i), f.jurisdictionCode(), f.department(), f.level(),
            f.registeredAt(), f.status(), f.disposedAt(), f.withinSla(), f.beyondSla(), f.replies(), f.returns(),
            f.satisfied(), f.dissatisfied(), f.reopens()));
      }
      return numbered;
    });
  }

  @Property(tries = 300)
  void the_districts_account_for_every_complaint_and_the_departments_for_every_assigned_one(
      @ForAll("factLists") List<ComplaintFacts> facts) {
    GradingReport report = Grading.grade(facts, MARCH, GradingScheme.standard(), DISTRICT_OF);
    List<ComplaintFacts> assigned = facts.stream().filter(f -> f.department().isPresent()).toList();

    for (var figure : List.<Map.Entry<ToLongFunction<UnitFigures>, ToLongFunction<ComplaintFacts>>>of(
        Map.entry(UnitFigures::received, f -> f.receivedIn(MARCH) ? 1 : 0),
        Map.entry(UnitFigures::disposed, f -> f.disposedAt().isPresent() ? 1 : 0),
        Map.entry(UnitFigures::disposedWithinSla, f -> f.withinSla() ? 1 : 0),
        Map.entry(UnitFigures::pending, f -> f.pending() ? 1 : 0),
        Map.entry(UnitFigures::pendingBeyondSlaTotal, f -> f.beyondSla() ? 1 : 0),
        Map.entry(UnitFigures::replies, ComplaintFacts::replies),
        Map.entry(UnitFigures::returns, ComplaintFacts::returns),
        Map.entry(UnitFigures::satisfied, ComplaintFacts::satisfied),
        Map.entry(UnitFigures::dissatisfied, ComplaintFacts::dissatisfied),
        Map.entry(UnitFigures::reopens, ComplaintFacts::reopens))) {
      assertThat(sum(report.districts(), figure.getKey())).isEqualTo(facts.stream().mapToLong(figure.getValue()).sum());
      assertThat(sum(report.departments(), figure.getKey()))
          .isEqualTo(assigned.stream().mapToLong(figure.getValue()).sum());
    }
    assertThat(report.districts()).extracting(GradedUnit::code)
        .containsExactlyInAnyOrderElementsOf(facts.stream().map(f -> DISTRICT_OF.apply(f.jurisdictionCode())).distinct().toList());
  }

  private static long sum(List<GradedUnit> units, ToLongFunction<UnitFigures> figure) {
    return units.stream().mapToLong(u -> figure.applyAsLong(u.figures())).sum();
  }
}
