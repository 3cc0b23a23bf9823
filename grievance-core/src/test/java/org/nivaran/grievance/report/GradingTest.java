package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.nivaran.grievance.report.GradingExamples.MARCH;
import static org.nivaran.grievance.report.GradingExamples.facts;
import static org.nivaran.grievance.report.GradingExamples.figures;
import static org.nivaran.grievance.report.GradingExamples.ist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Jurisdictions;

/** Summing facts per unit, the median, competition ranking, the district function, and refusals. */
class GradingTest {
  private static final Function<String, String> SAME = code -> code;
  private final GradingScheme standard = GradingScheme.standard();

  /** A complaint of a department in a district, closed on 10 March after {@code hours} hours. */
  private static ComplaintFacts closedAfter(String id, String department, String district, long hours) {
    return facts(id, district, department, Level.L1, ist(3, 10, 10).minus(Duration.ofHours(hours)), Status.CLOSED,
        ist(3, 10, 10), true, false, 0, 0, 0, 0, 0);
  }

  @Nested
  class Ranking {
    @Test
    void equal_scores_share_a_rank_and_the_next_rank_skips_1_2_2_4() {
      // scores by disposal alone (1 of 1 disposed in time and so on): 100, 75, 75, 50
      List<UnitFigures> units = List.of(
          figures("D", 1, 1, 1, 0, 0, 0, 0, 0),   // disposal 1/2, SLA 1: 75
          figures("A", 1, 0, 1, 0, 0, 0, 0, 0),   // disposal 1/2, SLA 0: 25
          figures("C", 1, 1, 0, 0, 0, 0, 0, 0),   // 100
          figures("B", 1, 1, 1, 0, 0, 0, 0, 0),   // 75
          figures("E", 1, 0, 0, 0, 0, 0, 0, 0));  // disposal 1, SLA 0: 50

      assertThat(Grading.rank(units, standard))
          .extracting(GradedUnit::code, GradedUnit::score, GradedUnit::rank, GradedUnit::grade)
          .containsExactly(
              tuple("C", 100.0, 1, Grade.A),
              tuple("B", 75.0, 2, Grade.B),
              tuple("D", 75.0, 2, Grade.B),
              tuple("E", 50.0, 4, Grade.C),
              tuple("A", 25.0, 5, Grade.D));
    }

    @Test
    void scores_are_compared_after_rounding_to_2_places() {
      // satisfaction alone: 20001/30000 = 66.67% and 6667/10000 = 66.67%; 2/3 = 66.666...% -> 66.67 too
      List<UnitFigures> units = List.of(
          figures("X", 0, 0, 0, 0, 0, 20001, 9999, 0),
          figures("Y", 0, 0, 0, 0, 0, 6667, 3333, 0),
          figures("Z", 0, 0, 0, 0, 0, 2, 1, 0),
          figures("W", 0, 0, 0, 0, 0, 6666, 3334, 0));

      assertThat(Grading.rank(units, standard))
          .extracting(GradedUnit::code, GradedUnit::score, GradedUnit::rank)
          .containsExactly(
              tuple("X", 66.67, 1), tuple("Y", 66.67, 1), tuple("Z", 66.67, 1), tuple("W", 66.66, 4));
    }

    @Test
    void refuses_units_of_two_kinds_or_a_code_twice() {
      UnitFigures department = figures("A", 0, 0, 0, 0, 0, 0, 0, 0);
      UnitFigures district = new UnitFigures(UnitKind.DISTRICT, "B", 0, 0, 0, 0, new TreeMap<>(), 0, 0, 0, 0, 0,
          Optional.empty());

      UnitFiguresTest.assertField(() -> Grading.rank(List.of(department, district), standard), "units[1].kind");
      UnitFiguresTest.assertField(() -> Grading.rank(List.of(department, department), standard), "units[1].code");
      UnitFiguresTest.assertField(() -> Grading.rank(null, standard), "units");
      UnitFiguresTest.assertField(() -> Grading.rank(List.of(department), null), "scheme");
      assertThat(Grading.rank(List.of(), standard)).isEmpty();
    }
  }

  @Nested
  class Summing {
    @Test
    void a_complaint_without_a_department_counts_only_for_its_district() {
      GradingReport report = GradingExamples.report();

      assertThat(report.departments()).extracting(GradedUnit::code)
          .containsExactly(GradingExamples.LAND, GradingExamples.URJA);
      assertThat(report.district("INDORE").orElseThrow().figures().received()).isEqualTo(2); // A-3 and unrouted A-4
      assertThat(report.department(GradingExamples.LAND).orElseThrow().figures().received()).isEqualTo(1);
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_one() {
      List<ComplaintFacts> facts = List.of(
          closedAfter("A-1", "E", "D", 5), closedAfter("A-2", "E", "D", 1), closedAfter("A-3", "E", "D", 30));

      assertThat(medianOf(facts)).contains(Duration.ofHours(5));
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two_truncated_to_the_second() {
      // 1h, 2h 0m 1s, 10h, 40h: the mean of 2h 0m 1s and 10h is 6h 0m 0.5s -> 6h
      List<ComplaintFacts> facts = new ArrayList<>(List.of(
          closedAfter("A-1", "E", "D", 40), closedAfter("A-2", "E", "D", 1), closedAfter("A-3", "E", "D", 10)));
      facts.add(facts("A-4", "D", "E", Level.L1, ist(3, 10, 10).minus(Duration.ofHours(2)).minusSeconds(1),
          Status.CLOSED, ist(3, 10, 10), true, false, 0, 0, 0, 0, 0));

      assertThat(medianOf(facts)).contains(Duration.ofHours(6));
    }

    @Test
    void the_median_is_empty_when_nothing_was_disposed() {
      List<ComplaintFacts> facts = List.of(
          facts("A-1", "D", "E", Level.L1, ist(3, 1, 10), Status.ASSIGNED, null, false, false, 0, 0, 0, 0, 0));

      assertThat(medianOf(facts)).isEmpty();
    }

    private Optional<Duration> medianOf(List<ComplaintFacts> facts) {
      return Grading.grade(facts, MARCH, standard, SAME).departments().get(0).figures().medianResolution();
    }

    @Test
    void pending_beyond_sla_is_counted_by_the_level_each_complaint_waits_at() {
      List<ComplaintFacts> facts = List.of(
          facts("A-1", "D", "E", Level.L1, ist(3, 1, 10), Status.ASSIGNED, null, false, true, 0, 0, 0, 0, 0),
          facts("A-2", "D", "E", Level.L3, ist(3, 1, 10), Status.REOPENED, null, false, true, 0, 0, 0, 0, 1),
          facts("A-3", "D", "E", Level.L1, ist(3, 1, 10), Status.RETURNED, null, false, true, 1, 1, 0, 0, 0),
          facts("A-4", "D", "E", Level.L1, ist(3, 1, 10), Status.AWAITING_CITIZEN, null, false, false, 0, 0, 0, 0, 0));

      UnitFigures f = Grading.grade(facts, MARCH, standard, SAME).departments().get(0).figures();

      assertThat(f.pending()).isEqualTo(4);
      assertThat(f.pendingBeyondSla()).containsExactly(Map.entry(Level.L1, 2L), Map.entry(Level.L3, 1L));
    }

    @Test
    void the_source_is_asked_for_the_period_being_graded() {
      List<GradingPeriod> asked = new ArrayList<>();
      GradingSource source = period -> {
        asked.add(period);
        return GradingExamples.facts();
      };

      assertThat(Grading.grade(source, MARCH, standard, GradingExamples.DISTRICT_OF))
          .isEqualTo(GradingExamples.report());
      assertThat(asked).containsExactly(MARCH);
    }
  }

  @Nested
  class Districts_of_a_jurisdiction_tree {
    private final Function<String, String> districtOf = Grading.districtsOf(TwoDistricts.jurisdictions());

    @Test
    void a_ward_belongs_to_its_district_and_a_district_to_itself() {
      assertThat(districtOf.apply("DHAR-W1")).isEqualTo("DHAR");
      assertThat(districtOf.apply("INDORE")).isEqualTo("INDORE");
    }

    @Test
    void a_state_or_an_unknown_code_stands_for_itself() {
      assertThat(districtOf.apply("MP")).isEqualTo("MP");
      assertThat(districtOf.apply("GWALIOR-W9")).isEqualTo("GWALIOR-W9");
    }

    @Test
    void refuses_a_missing_tree() {
      UnitFiguresTest.assertField(() -> Grading.districtsOf((Jurisdictions) null), "jurisdictions");
    }
  }

  @Nested
  class Refusals {
    private final ComplaintFacts ok =
        facts("A-1", "D", "E", Level.L1, ist(3, 1, 10), Status.ASSIGNED, null, false, false, 0, 0, 0, 0, 0);

    private void refuses(ComplaintFacts bad, String field) {
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(ok, bad), MARCH, standard, SAME), field);
    }

    @Test
    void names_the_missing_argument() {
      UnitFiguresTest.assertField(() -> Grading.grade((List<ComplaintFacts>) null, MARCH, standard, SAME), "facts");
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(), null, standard, SAME), "period");
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(), MARCH, null, SAME), "scheme");
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(), MARCH, standard, null), "districtOf");
      UnitFiguresTest.assertField(() -> Grading.grade((GradingSource) null, MARCH, standard, SAME), "source");
      List<ComplaintFacts> withNull = new ArrayList<>();
      withNull.add(null);
      UnitFiguresTest.assertField(() -> Grading.grade(withNull, MARCH, standard, SAME), "facts[0]");
    }

    @Test
    void refuses_a_complaint_given_twice() {
      refuses(ok, "facts[1].id");
    }

    @Test
    void refuses_a_district_function_that_gives_none() {
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(ok), MARCH, standard, code -> null), "districtOf");
      UnitFiguresTest.assertField(() -> Grading.grade(List.of(ok), MARCH, standard, code -> " "), "districtOf");
    }

    @Test
    void refuses_facts_that_break_the_rules() {
      // registered at the period's end
      refuses(facts("A-2", "D", "E", Level.L1, MARCH.to(), Status.ASSIGNED, null, false, false, 0, 0, 0, 0, 0),
          "facts[1].registeredAt");
      // disposed after the period
      refuses(facts("A-2", "D", "E", Level.L1, ist(3, 1, 10), Status.CLOSED, MARCH.to(), false, false, 0, 0, 0, 0, 0),
          "facts[1].disposedAt");
      // disposed before its registration
      refuses(facts("A-2", "D", "E", Level.L1, ist(3, 2, 10), Status.CLOSED, ist(3, 1, 10), false, false, 0, 0, 0, 0, 0),
          "facts[1].disposedAt");
      // disposed, but withdrawn
      refuses(facts("A-2", "D", "E", Level.L1, ist(3, 1, 10), Status.WITHDRAWN, ist(3, 2, 10), false, false,
          0, 0, 0, 0, 0), "facts[1].disposedAt");
      // beyond SLA, but closed
      refuses(facts("A-2", "D", "E", Level.L1, ist(3, 1, 10), Status.CLOSED, null, false, true, 0, 0, 0, 0, 0),
          "facts[1].beyondSla");
      // beyond SLA without a level
      refuses(facts("A-2", "D", null, null, ist(3, 1, 10), Status.ASSIGNED, null, false, true, 0, 0, 0, 0, 0),
          "facts[1].level");
    }
  }
}
