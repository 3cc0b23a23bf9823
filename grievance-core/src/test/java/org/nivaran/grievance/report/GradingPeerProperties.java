package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The breakdown adds up to the score, and peer ranks rank each volume band on its own. */
class GradingPeerProperties {
  @Provide
  Arbitrary<UnitFigures> figures() {
    Arbitrary<Long> n = Arbitraries.longs().between(0, 40);
    Arbitrary<Integer> percent = Arbitraries.integers().between(0, 100);
    return Combinators.combine(n.list().ofSize(8), percent).as((c, p) -> new UnitFigures(
        UnitKind.DISTRICT, "U", c.get(0), c.get(1), c.get(1) * p / 100, c.get(2), new TreeMap<>(), c.get(3), c.get(4),
        c.get(5), c.get(6), c.get(7), c.get(1) > 0 ? Optional.of(Duration.ofMinutes(p)) : Optional.empty()));
  }

  @Provide
  Arbitrary<GradingScheme> schemes() {
    Arbitrary<Double> weight = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 100),
        Arbitraries.integers().between(1, 9).map(Integer::doubleValue));
    Arbitrary<long[]> bounds = Arbitraries.longs().between(0, 45).set().ofMaxSize(4)
        .map(s -> s.stream().sorted().mapToLong(Long::longValue).toArray());
    return Combinators.combine(weight.list().ofSize(Indicator.values().length), bounds)
        .filter((ws, bs) -> ws.stream().mapToDouble(Double::doubleValue).sum() > 0)
        .as((ws, bs) -> {
          GradingScheme.Builder b = GradingScheme.builder().peerGroups(bs);
          for (Indicator i : Indicator.values()) {
            b.weight(i, ws.get(i.ordinal()));
          }
          return b.build();
        });
  }

  @Provide
  Arbitrary<List<UnitFigures>> unitLists() {
    return figures().list().ofMaxSize(15).map(list -> IntStream.range(0, list.size()).mapToObj(i -> {
      UnitFigures f = list.get(i);
      return new UnitFigures(f.kind(), "U" + ((i * 7) % 17), f.received(), f.disposed(), f.disposedWithinSla(),
          f.pending(), f.pendingBeyondSla(), f.replies(), f.returns(), f.satisfied(), f.dissatisfied(), f.reopens(),
          f.medianResolution());
    }).toList());
  }

  @Property(tries = 500)
  void the_points_add_up_to_the_rounded_score_and_each_is_within_a_hundredth_of_its_share(
      @ForAll("figures") UnitFigures figures, @ForAll("schemes") GradingScheme scheme) {
    List<IndicatorScore> breakdown = scheme.breakdown(figures);

    assertThat(breakdown).extracting(IndicatorScore::indicator).containsExactly(Indicator.values());
    BigDecimal sum = breakdown.stream().map(s -> BigDecimal.valueOf(s.points())).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum).isEqualByComparingTo(scheme.roundedScore(figures));
    double weights = breakdown.stream().filter(s -> s.measure().isPresent()).mapToDouble(IndicatorScore::weight).sum();
    for (IndicatorScore s : breakdown) {
      assertThat(s.weight()).isEqualTo(scheme.weight(s.indicator()));
      assertThat(s.measure()).isEqualTo(s.indicator().measure(figures));
      double share = s.measure().isEmpty() || weights == 0 ? 0 : 100 * s.weight() * s.measure().get() / weights;
      assertThat(s.points()).isCloseTo(share, within(0.01 + 1e-9));
      assertThat(BigDecimal.valueOf(s.points()).scale()).isLessThanOrEqualTo(2);
    }
  }

  @Property(tries = 300)
  void a_peer_rank_is_one_more_than_the_peers_with_a_higher_score_and_distinct_scores_rank_1_to_n(
      @ForAll("unitLists") List<UnitFigures> units, @ForAll("schemes") GradingScheme scheme) {
    List<GradedUnit> graded = Grading.rank(units, scheme);

    for (GradedUnit u : graded) {
      List<GradedUnit> peers = graded.stream().filter(v -> v.peerGroup().equals(u.peerGroup())).toList();
      assertThat(u.peerGroup()).isEqualTo(scheme.peerGroupOf(u.figures()));
      assertThat(u.peerGroup().contains(u.figures().received())).isTrue();
      assertThat(u.peerCount()).isEqualTo(peers.size());
      assertThat(u.peerRank()).isEqualTo(peers.stream().filter(v -> v.score() > u.score()).count() + 1)
          .isLessThanOrEqualTo(u.rank());
    }
    for (PeerGroup g : scheme.peerGroups()) {
      List<GradedUnit> peers = graded.stream().filter(v -> v.peerGroup().equals(g)).toList();
      if (peers.stream().map(GradedUnit::score).distinct().count() == peers.size()) {
        assertThat(peers).extracting(GradedUnit::peerRank)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, peers.size()).boxed().toList());
      }
      List<Integer> ranks = new ArrayList<>(peers.stream().map(GradedUnit::peerRank).toList());
      assertThat(ranks).isSortedAccordingTo(Comparator.naturalOrder()); // in the list's rank order
    }
  }
}
