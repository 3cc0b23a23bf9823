package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;

/** The tenant and the external references travel in the JSON form; the default tenant is left out. */
class TenantJsonTest {
  private static final TenantId DURG = TenantId.of("cg-durg");
  private static final List<ExternalReference> REFERENCES =
      List.of(ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345"), ExternalReference.of("CMH-181", "१८१-७७"));

  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private static ComplaintRegistered inDurg() {
    ComplaintRegistered r = JsonExamples.registered();
    return new ComplaintRegistered(
        r.complaintId(), r.sequence(), r.occurredAt(), r.actor(), r.kind(), r.channel(), r.citizen(),
        r.categoryCode(), r.jurisdictionCode(), r.description(), r.attachments(), r.idempotencyKey(),
        r.priority(), r.location(), DURG, REFERENCES);
  }

  @Test
  void the_registration_carries_its_tenant_and_references() throws Exception {
    String json = mapper.writeValueAsString(inDurg());

    assertThat(json).contains("\"tenant\":\"cg-durg\",\"references\":[{\"source\":\"CPGRAMS\",\"id\":\"DARPG/E/2024/0012345\"},"
        + "{\"source\":\"CMH-181\",\"id\":\"१८१-७७\"}]");
    assertThat(mapper.readValue(json, ComplaintEvent.class)).isEqualTo(inDurg());
  }

  @Test
  void the_complaint_document_carries_its_tenant_and_references() throws Exception {
    Complaint c = Complaint.builder().from(JsonExamples.closedComplaint()).tenant(DURG).references(REFERENCES).build();

    String json = mapper.writeValueAsString(c);

    assertThat(json).contains("\"tenant\":\"cg-durg\"");
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(c);
  }

  @Test
  void the_default_tenant_is_left_out_and_read_back_as_default() throws Exception {
    String json = mapper.writeValueAsString(JsonExamples.registered());

    assertThat(json).doesNotContain("\"tenant\"").doesNotContain("\"references\"");
    ComplaintRegistered again = (ComplaintRegistered) mapper.readValue(json, ComplaintEvent.class);
    assertThat(again.tenant()).isEqualTo(TenantId.DEFAULT);
    assertThat(again.references()).isEmpty();
  }

  @Test
  void a_bad_tenant_or_a_repeated_source_is_refused_naming_the_field() throws Exception {
    String json = mapper.writeValueAsString(inDurg());

    assertThatThrownBy(() -> mapper.readValue(json.replace("\"cg-durg\"", "\"दुर्ग\""), ComplaintEvent.class))
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> mapper.readValue(json.replace("\"CMH-181\"", "\"CPGRAMS\""), ComplaintEvent.class))
        .hasMessageContaining("references");
  }

  @Test
  void a_repeat_from_another_caller_keeps_the_caller_in_the_json_form() throws Exception {
    ComplaintRegistered r = JsonExamples.registered();
    var neighbour = org.nivaran.grievance.complaint.Complainant.builder().name("रमेश साहू").phone("9826022222")
        .languageTag("hi").build();
    var linked = new ComplaintEvent.DuplicateLinked(r.complaintId(), 2, r.occurredAt().plusSeconds(60), r.actor(),
        r.channel(), "वही नाली फिर जाम", List.of(), java.util.Optional.empty(), REFERENCES.subList(0, 1),
        java.util.Optional.of(neighbour));

    String json = mapper.writeValueAsString(linked);

    assertThat(json).contains("\"caller\":{").contains("रमेश साहू");
    assertThat(mapper.readValue(json, ComplaintEvent.class)).isEqualTo(linked);
    assertThat(linked.toString()).doesNotContain("9826022222").doesNotContain("रमेश साहू");
  }
}
