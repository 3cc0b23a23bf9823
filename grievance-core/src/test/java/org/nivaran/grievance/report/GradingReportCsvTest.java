package org.nivaran.grievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.nivaran.grievance.report.GradingExamples.DHAR;
import static org.nivaran.grievance.report.GradingExamples.LAND;
import static org.nivaran.grievance.report.GradingExamples.MARCH;
import static org.nivaran.grievance.report.GradingExamples.URJA;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.internal.Csv;

/** The CSV form of a grading report: exact text, quoting, level columns, any default locale. */
class GradingReportCsvTest {
  static final String PEER_AND_POINTS = "peer_group,peer_group_lowest,peer_group_highest,peer_rank,peer_count,"
      + "points_disposal,points_sla_compliance,points_satisfaction,points_returned,points_reopened,"
      + "points_first_response";

  static final String HEADER =
      "kind,code,rank,grade,score,received,disposed,disposed_within_sla,pending,pending_beyond_sla,"
          + "beyond_l1,beyond_l2,beyond_l3,beyond_l4,replies,returns,satisfied,dissatisfied,reopens,"
          + "disposal_rate,sla_compliance_rate,satisfaction_rate,returned_rate,reopened_rate,median_resolution,"
          + "first_responses_due,first_responses_in_time,first_response_rate," + PEER_AND_POINTS;

  /** {@link GradingExamples#report()}, worked out by hand there. */
  static final String EXPECTED = String.join("\r\n",
      HEADER,
      "DEPARTMENT,\"REVENUE, LAND\",1,A,100.00,1,1,1,0,0,0,0,0,0,0,0,0,0,0,1.0000,1.0000,,,,PT2H,0,0,,1,0,,1,2,50.00,50.00,0.00,0.00,0.00,0.00",
      "DEPARTMENT,ऊर्जा,2,A,87.50,1,1,1,1,1,0,1,0,0,1,0,1,0,0,0.5000,1.0000,1.0000,0.0000,0.0000,PT24H,0,0,,"
          + "1,0,,2,2,12.50,25.00,30.00,10.00,10.00,0.00",
      "DISTRICT,धार,1,A,87.50,1,1,1,1,1,0,1,0,0,1,0,1,0,0,0.5000,1.0000,1.0000,0.0000,0.0000,PT24H,0,0,,"
          + "1,0,,1,2,12.50,25.00,30.00,10.00,10.00,0.00",
      "DISTRICT,INDORE,2,B,75.00,2,1,1,1,0,0,0,0,0,0,0,0,0,0,0.5000,1.0000,,,,PT2H,0,0,,1,0,,2,2,25.00,50.00,0.00,0.00,0.00,0.00",
      "");

  @Test
  void the_small_report_is_written_exactly() {
    assertThat(GradingExamples.report().toCsv()).isEqualTo(EXPECTED);
  }

  @Test
  void the_csv_reads_back_with_the_devanagari_codes_and_the_quoted_comma_intact() {
    Csv.Table table = Csv.parse(GradingExamples.report().toCsv());

    assertThat(table.header().fields()).hasSize(39).startsWith("kind", "code").contains("median_resolution", "first_response_rate")
        .endsWith(PEER_AND_POINTS.split(","));
    assertThat(table.rows()).extracting(r -> r.get(1)).containsExactly(LAND, URJA, DHAR, "INDORE");
    assertThat(table.rows()).extracting(r -> r.get(0))
        .containsExactly("DEPARTMENT", "DEPARTMENT", "DISTRICT", "DISTRICT");
  }

  @Test
  void a_report_without_units_is_the_header_alone() {
    GradingReport empty = Grading.grade(List.of(), MARCH, GradingScheme.standard(), c -> c);

    assertThat(empty.departments()).isEmpty();
    assertThat(empty.toCsv()).isEqualTo(HEADER + "\r\n");
  }

  @Test
  void levels_beyond_l1_to_l4_get_columns_of_their_own_in_level_order() {
    UnitFigures ladder = new UnitFigures(UnitKind.DEPARTMENT, "JAL", 0, 0, 0, 5,
        new TreeMap<>(Map.of(Level.of(5), 2L, Level.of(0), 1L, Level.L3, 0L)), 0, 0, 0, 0, 0, Optional.empty());
    GradingReport report = new GradingReport(MARCH, GradingScheme.standard(),
        List.of(graded(ladder)), List.of());

    assertThat(report.beyondSlaLevels()).containsExactly(Level.of(0), Level.L1, Level.L2, Level.L3, Level.L4, Level.of(5));
    assertThat(report.toCsv()).isEqualTo(String.join("\r\n",
        "kind,code,rank,grade,score,received,disposed,disposed_within_sla,pending,pending_beyond_sla,"
            + "beyond_l0,beyond_l1,beyond_l2,beyond_l3,beyond_l4,beyond_l5,replies,returns,satisfied,dissatisfied,"
            + "reopens,disposal_rate,sla_compliance_rate,satisfaction_rate,returned_rate,reopened_rate,"
            + "median_resolution,first_responses_due,first_responses_in_time,first_response_rate," + PEER_AND_POINTS,
        "DEPARTMENT,JAL,1,D,0.00,0,0,0,5,3,1,0,0,0,0,2,0,0,0,0,0,0.0000,,,,,,0,0,,1,0,,1,1,0.00,0.00,0.00,0.00,0.00,0.00",
        ""));
  }

  @Test
  void the_median_is_written_to_the_second_and_rates_and_points_round_half_up() {
    // disposal 2/3 = 0.66666..., SLA 1/8 = 0.125 exactly -> 0.1250; satisfaction 1/3 -> 0.3333
    // points (weights 25 + 25 + 30 = 80 present): disposal 100·25·(2/3)/80 = 20.8333..., SLA
    // 100·25·(1/8)/80 = 3.90625, satisfaction 100·30·(1/3)/80 = 12.5; score 37.239583... -> 37.24 (D).
    // Cut down to hundredths they make 20.83 + 3.90 + 12.50 = 37.23: the hundredth missing goes to
    // SLA, whose cut-off part (0.625 of a hundredth) is the largest: 3.91. First responses 5/6 =
    // 0.8333..., weighted 0 in the standard scheme: no points.
    UnitFigures f = new UnitFigures(UnitKind.DISTRICT, "DHAR", 3, 8, 1, 4, new TreeMap<>(), 0, 0, 1, 2, 0,
        Optional.of(Duration.ofHours(30).plusMinutes(15).plusSeconds(9).plusMillis(999)), 6, 5);
    GradingReport report = new GradingReport(MARCH, GradingScheme.standard(), List.of(),
        List.of(graded(f)));

    String row = report.toCsv().split("\r\n")[1];

    assertThat(row).isEqualTo("DISTRICT,DHAR,1,D,37.24,3,8,1,4,0,0,0,0,0,0,0,1,2,0,0.6667,0.1250,0.3333,,,PT30H15M9S,6,5,0.8333,"
        + "1,0,,1,1,20.83,3.91,12.50,0.00,0.00,0.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mr-IN-u-nu-deva", "ar-EG-u-nu-arab", "hi-IN-u-nu-deva", "fa-IR"})
  void numbers_are_written_with_ascii_digits_whatever_the_default_locale(String tag) {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag(tag));
      // the locale really has other digits, or the test proves nothing
      assumeThat(String.format("%d", 7)).isNotEqualTo("7");

      String csv = GradingExamples.report().toCsv();

      assertThat(csv).isEqualTo(EXPECTED);
      assertThat(csv.codePoints().filter(Character::isDigit)).allMatch(c -> c >= '0' && c <= '9');
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void a_report_refuses_a_unit_in_the_wrong_list_or_twice() {
    UnitFigures energy = GradingExamples.figures("ENERGY", 1, 1, 0, 0, 0, 0, 0, 0);
    GradedUnit unit = graded(energy);

    assertThatThrownBy(() -> new GradingReport(MARCH, GradingScheme.standard(), List.of(), List.of(unit)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("districts[0].kind"));
    assertThatThrownBy(() -> new GradingReport(MARCH, GradingScheme.standard(), List.of(unit, unit), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("departments[1].code"));
    assertThatThrownBy(() -> new GradingReport(null, GradingScheme.standard(), List.of(), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("period"));
    assertThatThrownBy(() -> new GradingReport(MARCH, null, List.of(), List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scheme"));
    assertThatThrownBy(() -> new GradingReport(MARCH, GradingScheme.standard(), null, List.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("departments"));
  }

  @Test
  void a_report_finds_its_units_by_code() {
    GradingReport report = GradingExamples.report();

    assertThat(report.department(URJA)).hasValueSatisfying(u -> assertThat(u.rank()).isEqualTo(2));
    assertThat(report.district(DHAR)).hasValueSatisfying(u -> assertThat(u.grade()).isEqualTo(Grade.A));
    assertThat(report.department("NONE")).isEmpty();
  }

  /** A unit graded alone under the standard scheme. */
  static GradedUnit graded(UnitFigures figures) {
    return Grading.rank(List.of(figures), GradingScheme.standard()).get(0);
  }
}
