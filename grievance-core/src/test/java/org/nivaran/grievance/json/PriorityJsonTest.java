package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.CsvTables;
import org.nivaran.grievance.directory.Department;
import org.nivaran.grievance.directory.Departments;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.directory.InvalidRowException;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/** The JSON and CSV forms of priorities: complaints, registrations, SLA policies, timers, categories. */
class PriorityJsonTest {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new NivaranJacksonModule());

  private static ComplaintRegistered urgentRegistration() {
    ComplaintRegistered r = JsonExamples.registered();
    return new ComplaintRegistered(r.complaintId(), r.sequence(), r.occurredAt(), r.actor(), r.kind(), r.channel(),
        r.citizen(), r.categoryCode(), r.jurisdictionCode(), r.description(), r.attachments(), r.idempotencyKey(),
        Priority.URGENT);
  }

  @Test
  void a_registration_and_a_complaint_of_a_priority_round_trip_and_normal_is_left_out() throws Exception {
    ComplaintRegistered urgent = urgentRegistration();
    Complaint complaint = org.nivaran.grievance.complaint.Lifecycle.start(urgent);

    JsonNode event = mapper.valueToTree(urgent);
    JsonNode state = mapper.valueToTree(complaint);

    assertThat(event.get("priority").asText()).isEqualTo("URGENT");
    assertThat(state.get("priority").asText()).isEqualTo("URGENT");
    assertThat(mapper.treeToValue(event, ComplaintEvent.class)).isEqualTo(urgent);
    assertThat(mapper.treeToValue(state, Complaint.class)).isEqualTo(complaint);
    assertThat(mapper.valueToTree(JsonExamples.registered()).has("priority")).isFalse();
  }

  @Test
  void documents_written_before_priorities_read_as_normal() throws Exception {
    ObjectNode event = mapper.valueToTree(urgentRegistration());
    event.remove("priority");
    ObjectNode state = mapper.valueToTree(JsonExamples.closedComplaint());
    state.remove("priority");

    assertThat(((ComplaintRegistered) mapper.treeToValue(event, ComplaintEvent.class)).priority())
        .isEqualTo(Priority.NORMAL);
    assertThat(mapper.treeToValue(state, Complaint.class).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void a_priority_change_round_trips_and_an_unknown_priority_is_refused_naming_the_field() throws Exception {
    ComplaintEvent changed = JsonExamples.oneOfEachType().stream()
        .filter(ComplaintEvent.PriorityChanged.class::isInstance).findFirst().orElseThrow();
    ObjectNode tree = mapper.valueToTree(changed);

    assertThat(mapper.treeToValue(tree, ComplaintEvent.class)).isEqualTo(changed);
    tree.put("to", "CRITICAL");
    assertThatThrownBy(() -> mapper.treeToValue(tree, ComplaintEvent.class)).hasMessageContaining("'to'");
    tree.put("to", "NORMAL"); // the same as from
    assertThatThrownBy(() -> mapper.treeToValue(tree, ComplaintEvent.class)).hasMessageContaining("NORMAL already");
  }

  @Test
  void an_sla_policy_with_budgets_per_priority_round_trips() throws Exception {
    SlaPolicy policy = SlaPolicy.builder("CG-ENERGY", "CG-OFFICE")
        .level(Level.L1, Priority.URGENT, SlaBudget.openTime(Duration.ofHours(4)))
        .level(Level.L1, Priority.HIGH, SlaBudget.workingDays(2))
        .level(Level.of(2), Priority.LOW, SlaBudget.lastWorkingDayOfWeek())
        .otherwise(SlaBudget.workingDays(7))
        .build();

    JsonNode tree = mapper.valueToTree(policy);

    assertThat(tree.at("/priorities/L1/URGENT/openTime").asText()).isEqualTo("PT4H");
    assertThat(tree.at("/priorities/L2/LOW/lastWorkingDayOfWeek").asBoolean()).isTrue();
    assertThat(mapper.treeToValue(tree, SlaPolicy.class)).isEqualTo(policy);
    ((ObjectNode) tree.at("/priorities/L1")).putObject("SOON").put("workingDays", 1);
    assertThatThrownBy(() -> mapper.treeToValue(tree, SlaPolicy.class)).hasMessageContaining("priorities.L1.SOON");
  }

  @Test
  void a_timer_keeps_its_start_and_one_without_it_starts_at_since() throws Exception {
    SlaTimer t = JsonExamples.oneOfEachType().stream()
        .filter(ComplaintEvent.SlaTimerSet.class::isInstance).map(e -> ((ComplaintEvent.SlaTimerSet) e).timer())
        .findFirst().orElseThrow();
    SlaTimer handedOver = new SlaTimer(t.policy(), t.level(), t.budget(), t.consumed(), t.since(), t.running(),
        t.deadline(), t.since().minusSeconds(3600));

    JsonNode tree = mapper.valueToTree(handedOver);

    assertThat(tree.get("started").asText()).isEqualTo(t.since().minusSeconds(3600).toString());
    assertThat(mapper.treeToValue(tree, SlaTimer.class)).isEqualTo(handedOver);
    assertThat(mapper.valueToTree(t).has("started")).isFalse();
    assertThat(mapper.treeToValue(mapper.valueToTree(t), SlaTimer.class).started()).isEqualTo(t.since());
  }

  private static final String DIRECTORY = """
      {
        "departments": [{"code": "energy", "nameEn": "Energy", "nameHi": "ऊर्जा"}],
        "jurisdictions": [{"code": "CG", "type": "STATE", "nameEn": "Chhattisgarh", "nameHi": "छत्तीसगढ़"}],
        "categories": [
          {"code": "energy.hospital", "department": "energy", "nameEn": "Hospital supply", "nameHi": "अस्पताल",
           "defaultKind": "COMPLAINT", "slaPolicy": "cg-7d", "defaultPriority": "URGENT"},
          {"code": "energy.streetlight", "department": "energy", "nameEn": "Streetlight", "nameHi": "स्ट्रीटलाइट",
           "defaultKind": "COMPLAINT", "slaPolicy": "cg-7d"}
        ]
      }
      """;

  @Test
  void a_categorys_default_priority_is_read_from_json_normal_when_absent() {
    Directory d = DirectoryJson.read(DIRECTORY);

    assertThat(d.categories().find("energy.hospital").orElseThrow().defaultPriority()).isEqualTo(Priority.URGENT);
    assertThat(d.categories().find("energy.streetlight").orElseThrow().defaultPriority()).isEqualTo(Priority.NORMAL);
    assertThatThrownBy(() -> DirectoryJson.read(DIRECTORY.replace("\"URGENT\"", "\"ASAP\"")))
        .hasMessageContaining("defaultPriority");
  }

  private static final Departments ENERGY = Departments.of(List.of(new Department("energy", "Energy", "ऊर्जा")));

  @Test
  void a_categorys_default_priority_is_read_from_csv_with_or_without_the_column() {
    Categories with = CsvTables.categories(new StringReader("""
        code,parent,department,nameEn,nameHi,aliases,defaultKind,slaPolicy,defaultPriority
        energy.hospital,,energy,Hospital supply,अस्पताल,,COMPLAINT,cg-7d,urgent
        energy.streetlight,,energy,Streetlight,स्ट्रीटलाइट,,COMPLAINT,cg-7d,
        """), "categories.csv", ENERGY);
    Categories without = CsvTables.categories(new StringReader("""
        code,parent,department,nameEn,nameHi,aliases,defaultKind,slaPolicy
        energy.hospital,,energy,Hospital supply,अस्पताल,,COMPLAINT,cg-7d
        """), "categories.csv", ENERGY);

    assertThat(with.find("energy.hospital").orElseThrow().defaultPriority()).isEqualTo(Priority.URGENT);
    assertThat(with.find("energy.streetlight").orElseThrow().defaultPriority()).isEqualTo(Priority.NORMAL);
    assertThat(without.find("energy.hospital").orElseThrow().defaultPriority()).isEqualTo(Priority.NORMAL);
    assertThatThrownBy(() -> CsvTables.categories(new StringReader("""
        code,parent,department,nameEn,nameHi,aliases,defaultKind,slaPolicy,defaultPriority
        energy.hospital,,energy,Hospital supply,अस्पताल,,COMPLAINT,cg-7d,asap
        """), "categories.csv", ENERGY))
        .isInstanceOf(InvalidRowException.class)
        .hasMessageContaining("defaultPriority");
  }
}
