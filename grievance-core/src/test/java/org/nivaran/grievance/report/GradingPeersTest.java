package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Csv;
import org.nivaran.grievance.json.NivaranJson;

/** Peer groups by volume received: the bands, the peer ranks beside the overall ranks, and their forms. */
class GradingPeersTest {
  /** 0–9, 10–19, 20 or more complaints received. */
  private static final GradingScheme BANDED = GradingScheme.builder().peerGroups(9, 19).build();

  /**
   * A unit that disposed of {@code disposed} complaints, all within SLA, and has {@code pending}
   * open, with no replies or verifications: score {@code 100·(25·d/(d+p) + 25·1)/50 = 50 + 50·d/(d+p)}.
   */
  private static UnitFigures unit(String code, long received, long disposed, long pending) {
    return new UnitFigures(UnitKind.DEPARTMENT, code, received, disposed, disposed, pending, new TreeMap<>(), 0, 0, 0, 0,
        0, disposed > 0 ? Optional.of(Duration.ofHours(5)) : Optional.empty());
  }

  /**
   * By hand: A (9 received) 100, E (0) 75 in group 1; B (10) 62.5, C (19) 75, G (12) 75 in group 2;
   * D (20) 100, F (25) 62.5 in group 3. Overall: A, D 1; C, E, G 3; B, F 6.
   */
  private static final List<UnitFigures> UNITS = List.of(
      unit("A", 9, 1, 0), unit("B", 10, 1, 3), unit("C", 19, 1, 1), unit("D", 20, 1, 0), unit("E", 0, 1, 1),
      unit("F", 25, 1, 3), unit("G", 12, 1, 1));

  @Test
  void units_at_the_bounds_fall_in_the_group_the_bound_closes_and_the_next_one_opens() {
    assertThat(BANDED.peerGroups()).extracting(PeerGroup::number, PeerGroup::lowest, PeerGroup::highest, PeerGroup::label)
        .containsExactly(
            tuple(1, 0L, Optional.of(9L), "0–9 received"),
            tuple(2, 10L, Optional.of(19L), "10–19 received"),
            tuple(3, 20L, Optional.empty(), "20 or more received"));
    assertThat(BANDED.peerGroupOf(unit("X", 0, 0, 0)).number()).isEqualTo(1);
    assertThat(BANDED.peerGroupOf(unit("X", 9, 0, 0)).number()).isEqualTo(1);
    assertThat(BANDED.peerGroupOf(unit("X", 10, 0, 0)).number()).isEqualTo(2);
    assertThat(BANDED.peerGroupOf(unit("X", 19, 0, 0)).number()).isEqualTo(2);
    assertThat(BANDED.peerGroupOf(unit("X", 20, 0, 0)).number()).isEqualTo(3);
    assertThat(BANDED.peerGroupOf(unit("X", Long.MAX_VALUE, 0, 0)).number()).isEqualTo(3);
  }

  @Test
  void units_are_ranked_among_their_peers_by_the_rule_of_the_overall_rank() {
    List<GradedUnit> graded = Grading.rank(UNITS, BANDED);

    assertThat(graded).extracting(GradedUnit::code, GradedUnit::score, GradedUnit::rank, GradedUnit::peerGroup,
            GradedUnit::peerRank, GradedUnit::peerCount)
        .containsExactly(
            tuple("A", 100.0, 1, BANDED.peerGroups().get(0), 1, 2),
            tuple("D", 100.0, 1, BANDED.peerGroups().get(2), 1, 2),
            tuple("C", 75.0, 3, BANDED.peerGroups().get(1), 1, 3),
            tuple("E", 75.0, 3, BANDED.peerGroups().get(0), 2, 2),
            tuple("G", 75.0, 3, BANDED.peerGroups().get(1), 1, 3),
            tuple("B", 62.5, 6, BANDED.peerGroups().get(1), 3, 3),
            tuple("F", 62.5, 6, BANDED.peerGroups().get(2), 2, 2));
  }

  @Test
  void the_standard_scheme_has_one_group_so_the_peer_rank_is_the_rank() {
    List<GradedUnit> graded = Grading.rank(UNITS, GradingScheme.standard());

    assertThat(GradingScheme.standard().peerGroups()).containsExactly(PeerGroup.ALL);
    assertThat(PeerGroup.ALL.label()).isEqualTo("any volume");
    assertThat(graded).allSatisfy(u -> {
      assertThat(u.peerGroup()).isEqualTo(PeerGroup.ALL);
      assertThat(u.peerRank()).isEqualTo(u.rank());
      assertThat(u.peerCount()).isEqualTo(UNITS.size());
    });
  }

  @Test
  void a_bound_of_0_makes_a_group_of_the_units_that_received_nothing() {
    GradingScheme s = GradingScheme.builder().peerGroups(0).build();

    assertThat(s.peerGroups()).extracting(PeerGroup::label).containsExactly("0–0 received", "1 or more received");
    assertThat(Grading.rank(UNITS, s)).filteredOn(u -> u.code().equals("E"))
        .extracting(GradedUnit::peerRank, GradedUnit::peerCount).containsExactly(tuple(1, 1));
  }

  @Test
  void the_csv_has_the_peer_group_and_rank_of_each_unit() {
    GradingReport report = new GradingReport(GradingExamples.MARCH, BANDED, Grading.rank(UNITS, BANDED), List.of());
    Csv.Table table = Csv.parse(report.toCsv());
    List<String> header = table.header().fields();
    int group = header.indexOf("peer_group");

    assertThat(header.subList(group, group + 5))
        .containsExactly("peer_group", "peer_group_lowest", "peer_group_highest", "peer_rank", "peer_count");
    assertThat(table.rows()).extracting(r -> r.get(1) + " " + String.join(",", r.fields().subList(group, group + 5)))
        .containsExactly("A 1,0,9,1,2", "D 3,20,,1,2", "C 2,10,19,1,3", "E 1,0,9,2,2", "G 2,10,19,1,3",
            "B 2,10,19,3,3", "F 3,20,,2,2");
  }

  @Test
  void the_json_has_the_bounds_in_the_scheme_and_the_peer_group_and_rank_of_each_unit() throws Exception {
    GradingReport report = new GradingReport(GradingExamples.MARCH, BANDED, Grading.rank(UNITS, BANDED), List.of());
    JsonNode root = new ObjectMapper().readTree(NivaranJson.gradingReport(report));

    assertThat(root.at("/scheme/peer_groups").toString()).isEqualTo("[9,19]");
    JsonNode d = root.at("/departments/1");
    assertThat(d.get("code").asText()).isEqualTo("D");
    assertThat(d.get("peer_group").toString())
        .isEqualTo("{\"number\":3,\"lowest\":20,\"highest\":null,\"label\":\"20 or more received\"}");
    assertThat(d.get("peer_rank").asInt()).isEqualTo(1);
    assertThat(d.get("peer_count").asInt()).isEqualTo(2);
    assertThat(root.at("/departments/5/peer_group/highest").asLong()).isEqualTo(19);
    assertThat(root.at("/departments/5/peer_rank").asInt()).isEqualTo(3);
  }

  /** The README's example, with the small report's facts. */
  @Test
  void the_readme_example_runs() {
    GradingScheme scheme = GradingScheme.builder()
        .peerGroups(99, 499)
        .weight(Indicator.SATISFACTION, 40)
        .build();
    GradingReport report = Grading.grade(GradingExamples.facts(), GradingExamples.MARCH, scheme,
        GradingExamples.DISTRICT_OF);
    StringBuilder out = new StringBuilder();
    for (GradedUnit d : report.departments()) {
      out.append(String.format(java.util.Locale.ROOT, "%s: %d of %d in %s (overall %d)%n",
          d.code(), d.peerRank(), d.peerCount(), d.peerGroup().label(), d.rank()));
      for (IndicatorScore s : d.breakdown()) {
        out.append(String.format(java.util.Locale.ROOT, "  %s %.2f%n", s.indicator().key(), s.points()));
      }
    }

    assertThat(out.toString()).startsWith("REVENUE, LAND: 1 of 2 in 0–99 received (overall 1)\n  disposal 50.00\n")
        .contains("  satisfaction 0.00\n");
  }

  @Nested
  class The_scheme {
    private void refuses(Consumer<GradingScheme.Builder> change, String field) {
      GradingScheme.Builder b = GradingScheme.builder();
      change.accept(b);
      assertThatThrownBy(b::build)
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refuses_bounds_that_are_negative_or_not_strictly_increasing_naming_the_bound() {
      refuses(b -> b.peerGroups(-1), "peerGroups[0]");
      refuses(b -> b.peerGroups(10, 10), "peerGroups[1]");
      refuses(b -> b.peerGroups(10, 50, 20), "peerGroups[2]");
      refuses(b -> b.peerGroups(Long.MAX_VALUE), "peerGroups[0]");
      assertThatThrownBy(() -> GradingScheme.builder().peerGroups((long[]) null))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("upperBounds"));
    }

    @Test
    void keeps_its_bounds_through_to_builder_and_tells_them_apart() {
      long[] bounds = {9, 19};
      GradingScheme.Builder b = GradingScheme.builder().peerGroups(bounds);
      bounds[0] = 15; // the builder copied them
      GradingScheme s = b.build();

      assertThat(s.peerGroupBounds()).containsExactly(9L, 19L);
      assertThat(s).isEqualTo(BANDED).hasSameHashCodeAs(BANDED).isNotEqualTo(GradingScheme.standard());
      assertThat(s.toBuilder().build()).isEqualTo(s);
      assertThat(s.toBuilder().peerGroups().build()).isEqualTo(GradingScheme.standard());
      assertThat(s.toString()).contains("peer groups: 0–9 received, 10–19 received, 20 or more received");
    }
  }

  @Test
  void a_peer_group_refuses_impossible_bounds() {
    assertThatThrownBy(() -> new PeerGroup(0, 0, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("number"));
    assertThatThrownBy(() -> new PeerGroup(1, -1, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lowest"));
    assertThatThrownBy(() -> new PeerGroup(1, 5, Optional.of(4L)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("highest"));
    assertThat(new PeerGroup(2, 5, Optional.of(5L)).contains(5)).isTrue();
  }
}
