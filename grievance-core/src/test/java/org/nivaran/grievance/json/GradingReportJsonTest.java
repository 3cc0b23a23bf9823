package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.report.GradingExamples;
import org.nivaran.grievance.report.Grading;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.GradingScheme;

/** The JSON form of a grading report: exact text, and its structure read back with Jackson. */
class GradingReportJsonTest {
  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private static String compact(String laidOut) {
    return laidOut.replaceAll("\\n\\s*", "");
  }

  /** {@link GradingExamples#report()}, worked out by hand there. */
  static final String EXPECTED = compact("""
      {"period":{"from":"2024-02-29T18:30:00Z","to":"2024-03-31T18:30:00Z"},
       "scheme":{"weights":{"disposal":25.0,"sla_compliance":25.0,"satisfaction":30.0,"returned":10.0,"reopened":10.0,"first_response":0.0},
       "bands":{"a":80.0,"b":60.0,"c":40.0},"peer_groups":[]},
       "departments":[
       {"kind":"DEPARTMENT","code":"REVENUE, LAND","rank":1,"grade":"A","score":100.00,
       "received":1,"disposed":1,"disposed_within_sla":1,"pending":0,
       "pending_beyond_sla":{},"pending_beyond_sla_total":0,
       "replies":0,"returns":0,"satisfied":0,"dissatisfied":0,"reopens":0,
       "disposal_rate":1.0000,"sla_compliance_rate":1.0000,"satisfaction_rate":null,"returned_rate":null,
       "reopened_rate":null,"median_resolution":"PT2H",
       "first_responses_due":0,"first_responses_in_time":0,"first_response_rate":null,
       "peer_group":{"number":1,"lowest":0,"highest":null,"label":"any volume"},"peer_rank":1,"peer_count":2,
       "breakdown":[{"indicator":"disposal","measure":1.0000,"weight":25.0,"points":50.00},
       {"indicator":"sla_compliance","measure":1.0000,"weight":25.0,"points":50.00},
       {"indicator":"satisfaction","measure":null,"weight":30.0,"points":0.00},
       {"indicator":"returned","measure":null,"weight":10.0,"points":0.00},
       {"indicator":"reopened","measure":null,"weight":10.0,"points":0.00},
       {"indicator":"first_response","measure":null,"weight":0.0,"points":0.00}]},
       {"kind":"DEPARTMENT","code":"ऊर्जा","rank":2,"grade":"A","score":87.50,
       "received":1,"disposed":1,"disposed_within_sla":1,"pending":1,
       "pending_beyond_sla":{"L2":1},"pending_beyond_sla_total":1,
       "replies":1,"returns":0,"satisfied":1,"dissatisfied":0,"reopens":0,
       "disposal_rate":0.5000,"sla_compliance_rate":1.0000,"satisfaction_rate":1.0000,"returned_rate":0.0000,
       "reopened_rate":0.0000,"median_resolution":"PT24H",
       "first_responses_due":0,"first_responses_in_time":0,"first_response_rate":null,
       "peer_group":{"number":1,"lowest":0,"highest":null,"label":"any volume"},"peer_rank":2,"peer_count":2,
       "breakdown":[{"indicator":"disposal","measure":0.5000,"weight":25.0,"points":12.50},
       {"indicator":"sla_compliance","measure":1.0000,"weight":25.0,"points":25.00},
       {"indicator":"satisfaction","measure":1.0000,"weight":30.0,"points":30.00},
       {"indicator":"returned","measure":1.0000,"weight":10.0,"points":10.00},
       {"indicator":"reopened","measure":1.0000,"weight":10.0,"points":10.00},
       {"indicator":"first_response","measure":null,"weight":0.0,"points":0.00}]}],
       "districts":[
       {"kind":"DISTRICT","code":"धार","rank":1,"grade":"A","score":87.50,
       "received":1,"disposed":1,"disposed_within_sla":1,"pending":1,
       "pending_beyond_sla":{"L2":1},"pending_beyond_sla_total":1,
       "replies":1,"returns":0,"satisfied":1,"dissatisfied":0,"reopens":0,
       "disposal_rate":0.5000,"sla_compliance_rate":1.0000,"satisfaction_rate":1.0000,"returned_rate":0.0000,
       "reopened_rate":0.0000,"median_resolution":"PT24H",
       "first_responses_due":0,"first_responses_in_time":0,"first_response_rate":null,
       "peer_group":{"number":1,"lowest":0,"highest":null,"label":"any volume"},"peer_rank":1,"peer_count":2,
       "breakdown":[{"indicator":"disposal","measure":0.5000,"weight":25.0,"points":12.50},
       {"indicator":"sla_compliance","measure":1.0000,"weight":25.0,"points":25.00},
       {"indicator":"satisfaction","measure":1.0000,"weight":30.0,"points":30.00},
       {"indicator":"returned","measure":1.0000,"weight":10.0,"points":10.00},
       {"indicator":"reopened","measure":1.0000,"weight":10.0,"points":10.00},
       {"indicator":"first_response","measure":null,"weight":0.0,"points":0.00}]},
       {"kind":"DISTRICT","code":"INDORE","rank":2,"grade":"B","score":75.00,
       "received":2,"disposed":1,"disposed_within_sla":1,"pending":1,
       "pending_beyond_sla":{},"pending_beyond_sla_total":0,
       "replies":0,"returns":0,"satisfied":0,"dissatisfied":0,"reopens":0,
       "disposal_rate":0.5000,"sla_compliance_rate":1.0000,"satisfaction_rate":null,"returned_rate":null,
       "reopened_rate":null,"median_resolution":"PT2H",
       "first_responses_due":0,"first_responses_in_time":0,"first_response_rate":null,
       "peer_group":{"number":1,"lowest":0,"highest":null,"label":"any volume"},"peer_rank":2,"peer_count":2,
       "breakdown":[{"indicator":"disposal","measure":0.5000,"weight":25.0,"points":25.00},
       {"indicator":"sla_compliance","measure":1.0000,"weight":25.0,"points":50.00},
       {"indicator":"satisfaction","measure":null,"weight":30.0,"points":0.00},
       {"indicator":"returned","measure":null,"weight":10.0,"points":0.00},
       {"indicator":"reopened","measure":null,"weight":10.0,"points":0.00},
       {"indicator":"first_response","measure":null,"weight":0.0,"points":0.00}]}]}
      """);

  @Test
  void the_small_report_is_written_exactly() {
    assertThat(NivaranJson.gradingReport(GradingExamples.report())).isEqualTo(EXPECTED);
  }

  @Test
  void a_mapper_with_the_module_writes_the_same() throws Exception {
    assertThat(mapper.writeValueAsString(GradingExamples.report())).isEqualTo(EXPECTED);
    assertThat(new ObjectMapper().registerModule(new NivaranJacksonModule()).writeValueAsString(GradingExamples.report()))
        .isEqualTo(EXPECTED);
  }

  @Test
  void read_back_rates_and_scores_are_numbers_empty_ones_null_and_levels_an_object() throws Exception {
    JsonNode root = mapper.readTree(NivaranJson.gradingReport(GradingExamples.report()));

    assertThat(root.fieldNames()).toIterable().containsExactly("period", "scheme", "departments", "districts");
    assertThat(root.at("/period/from").asText()).isEqualTo("2024-02-29T18:30:00Z");
    assertThat(root.at("/scheme/weights/satisfaction").asDouble()).isEqualTo(30.0);
    JsonNode urja = root.at("/departments/1");
    assertThat(urja.get("code").asText()).isEqualTo("ऊर्जा");
    assertThat(urja.get("score").isNumber()).isTrue();
    assertThat(urja.get("score").asDouble()).isEqualTo(87.5);
    assertThat(urja.get("disposal_rate").isNumber()).isTrue();
    assertThat(urja.get("disposal_rate").asDouble()).isEqualTo(0.5);
    assertThat(urja.get("pending_beyond_sla").isObject()).isTrue();
    assertThat(urja.at("/pending_beyond_sla/L2").asLong()).isEqualTo(1);
    JsonNode land = root.at("/departments/0");
    assertThat(land.get("satisfaction_rate").isNull()).isTrue();
    assertThat(land.get("returned_rate").isNull()).isTrue();
    assertThat(root.get("districts")).hasSize(2);
    assertThat(root.at("/districts/1/received").asLong()).isEqualTo(2);
  }

  @Test
  void a_unit_that_disposed_of_nothing_has_a_null_median() throws Exception {
    GradingReport report = Grading.grade(
        List.of(GradingExamples.facts("B-1", "DHAR-W1", "ENERGY", Level.L1, GradingExamples.ist(3, 1, 10),
            Status.ASSIGNED, null, false, false, 0, 0, 0, 0, 0)),
        GradingExamples.MARCH, GradingScheme.standard(), GradingExamples.DISTRICT_OF);

    JsonNode unit = mapper.readTree(NivaranJson.gradingReport(report)).at("/departments/0");

    assertThat(unit.has("median_resolution")).isTrue();
    assertThat(unit.get("median_resolution").isNull()).isTrue();
    assertThat(unit.get("disposal_rate").asText()).isEqualTo("0.0");
    assertThat(unit.get("score").asDouble()).isZero();
  }

  @Test
  void the_default_locale_does_not_change_the_numbers() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertThat(NivaranJson.gradingReport(GradingExamples.report())).isEqualTo(EXPECTED);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void a_missing_report_is_refused() {
    assertThatThrownBy(() -> NivaranJson.gradingReport(null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("report"));
  }
}
