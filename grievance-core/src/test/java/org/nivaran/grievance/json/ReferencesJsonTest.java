package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.DuplicateLinked;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;

/** External references and the tenant travel in the JSON form of repeats and complaints. */
class ReferencesJsonTest {
  private static final ExternalReference JAN_SUNWAI = ExternalReference.of("JAN-SUNWAI", "जनसुनवाई/रायपुर/२०२४/४२");
  private static final ExternalReference CMH = ExternalReference.of("CMH-181", "T-2024-778899");

  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private static DuplicateLinked linked(List<ExternalReference> references) {
    DuplicateLinked d = (DuplicateLinked) JsonExamples.oneOfEachType().stream()
        .filter(DuplicateLinked.class::isInstance).findFirst().orElseThrow();
    return new DuplicateLinked(d.complaintId(), d.sequence(), d.occurredAt(), d.actor(), d.channel(), d.description(),
        d.attachments(), d.idempotencyKey(), references);
  }

  @Test
  void a_repeat_round_trips_its_references_with_devanagari_ids_exactly() throws Exception {
    DuplicateLinked event = linked(List.of(CMH, JAN_SUNWAI));
    String json = mapper.writeValueAsString(event);
    assertThat(json).endsWith("\"references\":[{\"source\":\"CMH-181\",\"id\":\"T-2024-778899\"},"
        + "{\"source\":\"JAN-SUNWAI\",\"id\":\"जनसुनवाई/रायपुर/२०२४/४२\"}]}");
    DuplicateLinked again = (DuplicateLinked) mapper.readValue(json, ComplaintEvent.class);
    assertThat(again).isEqualTo(event);
    assertThat(again.references().get(1).id()).isEqualTo(JAN_SUNWAI.id());
  }

  @Test
  void a_repeat_without_references_is_written_as_before_and_absent_reads_as_none() throws Exception {
    DuplicateLinked event = linked(List.of());
    String json = mapper.writeValueAsString(event);
    assertThat(json).doesNotContain("references");
    assertThat(((DuplicateLinked) mapper.readValue(json, ComplaintEvent.class)).references()).isEmpty();
  }

  @Test
  void a_repeat_naming_a_source_twice_is_refused_naming_the_field() throws Exception {
    ObjectNode tree = mapper.valueToTree(linked(List.of(CMH)));
    tree.withArray("references").addObject().put("source", "CMH-181").put("id", "T-2");
    assertThatThrownBy(() -> mapper.treeToValue(tree, ComplaintEvent.class))
        .hasMessageContaining("references");
  }

  @Test
  void a_complaint_round_trips_its_tenant_and_references() throws Exception {
    Complaint c = Complaint.builder().from(JsonExamples.closedComplaint())
        .tenant(TenantId.of("raipur")).references(List.of(CMH, JAN_SUNWAI)).build();
    String json = mapper.writeValueAsString(c);
    assertThat(json).startsWith("{\"id\":\"RPR-2024-000123\",\"tenant\":\"raipur\",\"references\":[");
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(c);
  }
}
