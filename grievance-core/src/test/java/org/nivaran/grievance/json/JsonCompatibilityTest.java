package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenSatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaTimer;

/** The stability promise: readers ignore what they do not know, and tolerate what may be left out. */
class JsonCompatibilityTest {
  /** A strict mapper: unknown properties would fail any ordinary bean. */
  private final ObjectMapper strict = new ObjectMapper()
      .registerModule(new NivaranJacksonModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Adds fields of every JSON shape, as a newer writer might, to every object in the tree, except
   * to a map whose keys are data (an SLA policy's {@code levels}), whose values it still visits.
   */
  private static JsonNode withUnknownFieldsEverywhere(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> {
        if (name.equals("levels") && o.has("otherwise")) {
          o.get(name).forEach(JsonCompatibilityTest::withUnknownFieldsEverywhere);
        } else {
          withUnknownFieldsEverywhere(o.get(name));
        }
      });
      o.put("addedInAFutureVersion", "नया क्षेत्र");
      o.put("someCount", 42);
      o.putNull("nothingYet");
      o.putArray("moreThings").add(1).addObject().put("nested", true);
      o.putObject("extension").put("x-source", "IVR");
    } else if (node instanceof ArrayNode a) {
      a.forEach(JsonCompatibilityTest::withUnknownFieldsEverywhere);
    }
    return node;
  }

  @Test
  void unknown_fields_are_ignored_on_read_even_with_fail_on_unknown_properties_enabled() throws Exception {
    assertThat(strict.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
    for (ComplaintEvent event : JsonExamples.oneOfEachType()) {
      JsonNode tree = withUnknownFieldsEverywhere(strict.valueToTree(event));
      assertThat(tree.get("actor").has("addedInAFutureVersion")).isTrue();

      assertThat(strict.treeToValue(tree, ComplaintEvent.class)).isEqualTo(event);
      assertThat(strict.readValue(strict.writeValueAsString(tree), ComplaintEvent.class)).isEqualTo(event);
    }
    Complaint complaint = JsonExamples.closedComplaint();
    JsonNode tree = withUnknownFieldsEverywhere(strict.valueToTree(complaint));
    assertThat(tree.at("/resolution/attachments/0").has("extension")).isTrue();

    assertThat(strict.readValue(strict.writeValueAsString(tree), Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void unknown_fields_are_ignored_inside_sla_timers_policies_and_budgets() throws Exception {
    Complaint complaint = JsonExamples.flaggedComplaint();
    JsonNode tree = withUnknownFieldsEverywhere(strict.valueToTree(complaint));
    assertThat(tree.at("/sla").has("addedInAFutureVersion")).isTrue();
    assertThat(tree.at("/sla/policy").has("addedInAFutureVersion")).isTrue();
    assertThat(tree.at("/sla/policy/levels/L1").has("addedInAFutureVersion")).isTrue();
    assertThat(tree.at("/sla/policy/otherwise").has("addedInAFutureVersion")).isTrue();

    assertThat(strict.readValue(strict.writeValueAsString(tree), Complaint.class)).isEqualTo(complaint);
    assertThat(strict.treeToValue(withUnknownFieldsEverywhere(strict.valueToTree(JsonExamples.PAUSED_TIMER)), SlaTimer.class))
        .isEqualTo(JsonExamples.PAUSED_TIMER);
  }

  /** A complaint as written before complaints had an SLA timer and flags. */
  private static final String COMPLAINT_WITHOUT_SLA_AND_FLAGS = """
      {"id":"RPR-2024-000123","kind":"COMPLAINT","channel":"PHONE_CALL",
       "citizen":{"name":"सुनीता वर्मा","phone":"+919876543210","language":"hi","address":"वार्ड 12, रायपुर"},
       "categoryCode":"ENERGY.SUPPLY.OUTAGE","jurisdictionCode":"CG.RAIPUR.WARD-12",
       "description":"तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।",
       "attachments":[{"reference":"wa-media://3EB0C7","name":"ट्रांसफ़ॉर्मर.jpg"}],
       "status":"IN_PROGRESS",
       "assignment":{"post":"EE-RAIPUR-CITY","department":"ENERGY","level":"L2","since":"2024-03-04T15:30:00Z"},
       "returnCount":0,"reopenCount":0,"transferCount":0,"unreachableAttempts":0,
       "registeredAt":"2024-03-04T05:30:00Z","updatedAt":"2024-03-04T16:30:00Z","version":5}
      """;

  @Test
  void a_complaint_written_before_sla_and_flags_existed_reads_with_no_timer_and_no_flags() throws Exception {
    Complaint read = strict.readValue(COMPLAINT_WITHOUT_SLA_AND_FLAGS, Complaint.class);

    assertThat(read.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(read.assignment()).contains(JsonExamples.AT_EE);
    assertThat(read.sla()).isEmpty();
    assertThat(read.flags()).isEmpty();
    assertThat(read.dueAt()).isEmpty();
    assertThat(strict.readValue(strict.writeValueAsString(read), Complaint.class)).isEqualTo(read);
    ObjectNode closedBefore = strict.valueToTree(JsonExamples.closedComplaint());
    closedBefore.remove("flags");
    assertThat(strict.treeToValue(closedBefore, Complaint.class)).isEqualTo(JsonExamples.closedComplaint());
  }

  @Test
  void flags_and_levels_written_as_null_read_as_empty() throws Exception {
    ObjectNode tree = strict.valueToTree(JsonExamples.flaggedComplaint());
    tree.putNull("flags");
    ((ObjectNode) tree.at("/sla/policy")).putNull("levels");

    Complaint read = strict.treeToValue(tree, Complaint.class);

    assertThat(read.flags()).isEmpty();
    assertThat(read.sla().orElseThrow().policy().levels()).isEmpty();
    assertThat(read.sla().orElseThrow().policy().otherwise()).isEqualTo(JsonExamples.ENERGY_SLA.otherwise());
  }

  @Test
  void a_durations_other_iso_forms_and_an_offset_deadline_read_as_the_same_values() throws Exception {
    ObjectNode tree = strict.valueToTree(JsonExamples.AT_EE_TIMER);
    tree.put("budget", "P2DT8H");
    tree.put("deadline", "2024-03-13T18:00:00+05:30");

    SlaTimer read = strict.treeToValue(tree, SlaTimer.class);

    assertThat(read).isEqualTo(JsonExamples.AT_EE_TIMER);
    assertThat(strict.valueToTree(read).get("budget").textValue()).isEqualTo("PT56H");
  }

  @Test
  void unknown_fields_are_ignored_inside_a_host_record_too() throws Exception {
    record Envelope(String source, Complaint complaint, List<ComplaintEvent> events) {}
    ObjectMapper mapper = NivaranJson.objectMapper();
    Envelope envelope = new Envelope("IVR", JsonExamples.closedComplaint(), JsonExamples.oneOfEachType());
    ObjectNode tree = mapper.valueToTree(envelope);
    tree.put("hostAddedThis", 1);
    withUnknownFieldsEverywhere(tree.get("complaint"));

    assertThat(mapper.treeToValue(tree, Envelope.class)).isEqualTo(envelope);
  }

  @Test
  void empty_optional_fields_are_omitted_and_read_back_as_empty() throws Exception {
    ComplaintWithdrawn withdrawn = new ComplaintWithdrawn(
        JsonExamples.ID, 2, JsonExamples.T0, JsonExamples.CITIZEN, Optional.empty());
    CitizenSatisfied satisfied = new CitizenSatisfied(
        JsonExamples.ID, 4, JsonExamples.T0, JsonExamples.CITIZEN, Optional.empty(), Optional.empty());
    Complaint registered = Complaint.builder().from(JsonExamples.closedComplaint())
        .status(Status.REGISTERED).assignment(Optional.empty()).resolution(Optional.empty())
        .closure(Optional.empty()).rating(Optional.empty()).build();
    ComplaintFlagged flagged = new ComplaintFlagged(
        JsonExamples.ID, 3, JsonExamples.T0, JsonExamples.ROUTER, ComplaintFlag.UNROUTED, "कोई पद नहीं मिला", Optional.empty());

    JsonNode w = strict.valueToTree(withdrawn);
    JsonNode s = strict.valueToTree(satisfied);
    JsonNode c = strict.valueToTree(registered);
    JsonNode f = strict.valueToTree(flagged);
    JsonNode paused = strict.valueToTree(JsonExamples.PAUSED_TIMER);

    assertThat(w.has("reason")).isFalse();
    assertThat(s.has("rating")).isFalse();
    assertThat(s.has("remark")).isFalse();
    assertThat(c.has("assignment") || c.has("resolution") || c.has("closure") || c.has("rating") || c.has("sla")).isFalse();
    assertThat(c.get("flags").isArray() && c.get("flags").isEmpty()).isTrue();
    assertThat(f.has("attention")).isFalse();
    assertThat(paused.has("deadline")).isFalse();
    assertThat(strict.treeToValue(w, ComplaintEvent.class)).isEqualTo(withdrawn);
    assertThat(strict.treeToValue(s, ComplaintEvent.class)).isEqualTo(satisfied);
    assertThat(strict.treeToValue(c, Complaint.class)).isEqualTo(registered);
    assertThat(strict.treeToValue(f, ComplaintEvent.class)).isEqualTo(flagged);
    assertThat(strict.treeToValue(paused, SlaTimer.class)).isEqualTo(JsonExamples.PAUSED_TIMER);
  }

  @Test
  void an_optional_field_written_as_null_reads_as_empty() throws Exception {
    ObjectNode tree = strict.valueToTree(JsonExamples.registered());
    tree.putNull("idempotencyKey");

    ComplaintRegistered read = (ComplaintRegistered) strict.treeToValue(tree, ComplaintEvent.class);

    assertThat(read.idempotencyKey()).isEmpty();
  }

  @Test
  void absent_attachments_read_as_none_and_absent_language_as_hindi() throws Exception {
    ObjectNode tree = strict.valueToTree(JsonExamples.registered());
    tree.remove("attachments");
    ((ObjectNode) tree.get("citizen")).remove("language");

    ComplaintRegistered read = (ComplaintRegistered) strict.treeToValue(tree, ComplaintEvent.class);

    assertThat(read.attachments()).isEmpty();
    assertThat(read.citizen().language()).isEqualTo(Locale.forLanguageTag("hi"));
  }

  @Test
  void instants_with_an_offset_are_read_as_the_same_instant() throws Exception {
    ObjectNode tree = strict.valueToTree(JsonExamples.registered());
    tree.put("occurredAt", "2024-03-04T11:00:00+05:30");

    ComplaintEvent read = strict.treeToValue(tree, ComplaintEvent.class);

    assertThat(read.occurredAt()).isEqualTo(Instant.parse("2024-03-04T05:30:00Z"));
    assertThat(strict.valueToTree(read).get("occurredAt").textValue()).isEqualTo("2024-03-04T05:30:00Z");
  }
}
