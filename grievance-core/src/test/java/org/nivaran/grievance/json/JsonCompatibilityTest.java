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
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintWithdrawn;
import org.nivaran.grievance.complaint.Status;

/** The stability promise: readers ignore what they do not know, and tolerate what may be left out. */
class JsonCompatibilityTest {
  /** A strict mapper: unknown properties would fail any ordinary bean. */
  private final ObjectMapper strict = new ObjectMapper()
      .registerModule(new NivaranJacksonModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Adds fields of every JSON shape, as a newer writer might, to every object in the tree. */
  private static JsonNode withUnknownFieldsEverywhere(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(name -> withUnknownFieldsEverywhere(o.get(name)));
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

    JsonNode w = strict.valueToTree(withdrawn);
    JsonNode s = strict.valueToTree(satisfied);
    JsonNode c = strict.valueToTree(registered);

    assertThat(w.has("reason")).isFalse();
    assertThat(s.has("rating")).isFalse();
    assertThat(s.has("remark")).isFalse();
    assertThat(c.has("assignment") || c.has("resolution") || c.has("closure") || c.has("rating")).isFalse();
    assertThat(strict.treeToValue(w, ComplaintEvent.class)).isEqualTo(withdrawn);
    assertThat(strict.treeToValue(s, ComplaintEvent.class)).isEqualTo(satisfied);
    assertThat(strict.treeToValue(c, Complaint.class)).isEqualTo(registered);
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
