package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;

/**
 * Pins the exact bytes of the format. If one of these tests fails, the JSON format changed: that
 * is a compatibility decision (see docs/json-format.md), not a test to update in passing.
 */
class JsonGoldenTest {
  private final ObjectMapper mapper = NivaranJson.objectMapper();

  /** The golden text is laid out one field group per line; the format itself has no white space. */
  private static String compact(String laidOut) {
    return laidOut.replaceAll("\\n\\s*", "");
  }

  static final String REGISTERED = compact("""
      {"type":"ComplaintRegistered",
       "complaintId":"RPR-2024-000123",
       "sequence":1,
       "occurredAt":"2024-03-04T05:30:00Z",
       "actor":{"role":"CALL_CENTRE_AGENT","agentId":"AGENT-17"},
       "kind":"COMPLAINT",
       "channel":"PHONE_CALL",
       "citizen":{"name":"सुनीता वर्मा","phone":"+919876543210","language":"hi","address":"वार्ड 12, रायपुर"},
       "categoryCode":"ENERGY.SUPPLY.OUTAGE",
       "jurisdictionCode":"CG.RAIPUR.WARD-12",
       "description":"तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।",
       "attachments":[{"reference":"wa-media://3EB0C7","name":"ट्रांसफ़ॉर्मर.jpg"}],
       "idempotencyKey":"call-7f3a9c"}
      """);

  static final String CLOSED_COMPLAINT = compact("""
      {"id":"RPR-2024-000123",
       "kind":"COMPLAINT",
       "channel":"PHONE_CALL",
       "citizen":{"name":"सुनीता वर्मा","phone":"+919876543210","language":"hi","address":"वार्ड 12, रायपुर"},
       "categoryCode":"ENERGY.SUPPLY.OUTAGE",
       "jurisdictionCode":"CG.RAIPUR.WARD-12",
       "description":"तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।",
       "attachments":[{"reference":"wa-media://3EB0C7","name":"ट्रांसफ़ॉर्मर.jpg"}],
       "status":"CLOSED",
       "assignment":{"post":"AE-RAIPUR-ZONE-3","department":"ENERGY","level":"L1","since":"2024-03-04T06:30:00Z"},
       "resolution":{"reply":"ट्रांसफ़ॉर्मर बदल दिया गया है, आपूर्ति बहाल।",
       "attachments":[{"reference":"s3://nivaran/atr/123.jpg","name":"नया ट्रांसफ़ॉर्मर.jpg"}],
       "post":"AE-RAIPUR-ZONE-3","filedAt":"2024-03-04T10:30:00Z"},
       "closure":{"kind":"SATISFIED","remark":"धन्यवाद 🙏","at":"2024-03-04T12:30:00Z"},
       "rating":5,
       "returnCount":0,
       "reopenCount":0,
       "transferCount":0,
       "unreachableAttempts":0,
       "registeredAt":"2024-03-04T05:30:00Z",
       "updatedAt":"2024-03-04T12:30:00Z",
       "version":4}
      """);

  @Test
  void complaint_registered_is_written_exactly_as_pinned() throws Exception {
    byte[] json = mapper.writeValueAsBytes(JsonExamples.registered());

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(REGISTERED);
  }

  @Test
  void complaint_is_written_exactly_as_pinned() throws Exception {
    byte[] json = mapper.writeValueAsBytes(JsonExamples.closedComplaint());

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(CLOSED_COMPLAINT);
  }

  @Test
  void the_pinned_json_reads_back_to_the_same_values() throws Exception {
    assertThat(mapper.readValue(REGISTERED, ComplaintEvent.class)).isEqualTo(JsonExamples.registered());
    assertThat(mapper.readValue(CLOSED_COMPLAINT, Complaint.class)).isEqualTo(JsonExamples.closedComplaint());
  }

  @Test
  void a_plain_mapper_with_the_module_writes_the_same_pinned_text() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new NivaranJacksonModule());

    assertThat(plain.writeValueAsString(JsonExamples.registered())).isEqualTo(REGISTERED);
    assertThat(plain.writeValueAsString(JsonExamples.closedComplaint())).isEqualTo(CLOSED_COMPLAINT);
  }
}
