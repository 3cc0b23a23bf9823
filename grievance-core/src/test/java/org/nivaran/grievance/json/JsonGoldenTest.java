package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.sla.SlaTimer;

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
       "flags":[],
       "registeredAt":"2024-03-04T05:30:00Z",
       "updatedAt":"2024-03-04T12:30:00Z",
       "version":4}
      """);

  static final String FLAGGED_COMPLAINT = compact("""
      {"id":"RPR-2024-000123",
       "kind":"COMPLAINT",
       "channel":"PHONE_CALL",
       "citizen":{"name":"सुनीता वर्मा","phone":"+919876543210","language":"hi","address":"वार्ड 12, रायपुर"},
       "categoryCode":"ENERGY.SUPPLY.OUTAGE",
       "jurisdictionCode":"CG.RAIPUR.WARD-12",
       "description":"तीन दिन से बिजली नहीं है। ट्रांसफ़ॉर्मर ख़राब है।",
       "attachments":[{"reference":"wa-media://3EB0C7","name":"ट्रांसफ़ॉर्मर.jpg"}],
       "status":"ASSIGNED",
       "assignment":{"post":"EE-RAIPUR-CITY","department":"ENERGY","level":"L2","since":"2024-03-04T15:30:00Z"},
       "returnCount":0,
       "reopenCount":0,
       "transferCount":0,
       "unreachableAttempts":0,
       "sla":{"policy":{"id":"CG-ENERGY","calendar":"CG-OFFICE",
       "levels":{"L1":{"workingDays":3}},
       "otherwise":{"workingDays":7}},
       "level":"L2","budget":"PT56H","consumed":"PT0S","since":"2024-03-04T15:30:00Z","running":true,
       "deadline":"2024-03-13T12:30:00Z"},
       "flags":["ESCALATION_BLOCKED"],
       "registeredAt":"2024-03-04T05:30:00Z",
       "updatedAt":"2024-03-13T12:30:00Z",
       "version":7}
      """);

  static final String FLAGGED = compact("""
      {"type":"ComplaintFlagged",
       "complaintId":"RPR-2024-000123",
       "sequence":14,
       "occurredAt":"2024-03-04T18:30:00Z",
       "actor":{"role":"SYSTEM","component":"escalator"},
       "flag":"ESCALATION_BLOCKED",
       "detail":"ENERGY विभाग में L3 का कोई पद नहीं",
       "attention":"COLLECTOR-RAIPUR"}
      """);

  static final String SLA_TIMER_SET = compact("""
      {"type":"SlaTimerSet",
       "complaintId":"RPR-2024-000123",
       "sequence":15,
       "occurredAt":"2024-03-04T19:30:00Z",
       "actor":{"role":"SYSTEM","component":"timekeeper"},
       "timer":{"policy":{"id":"CG-ENERGY","calendar":"CG-OFFICE",
       "levels":{"L1":{"workingDays":3}},
       "otherwise":{"workingDays":7}},
       "level":"L2","budget":"PT56H","consumed":"PT0S","since":"2024-03-04T15:30:00Z","running":true,
       "deadline":"2024-03-13T12:30:00Z"}}
      """);

  static final String PAUSED_TIMER = compact("""
      {"policy":{"id":"RAIPUR-24H","calendar":"24X7","levels":{},"otherwise":{"openTime":"PT24H"}},
       "level":"L1","budget":"PT24H","consumed":"PT3H","since":"2024-03-04T09:30:00Z","running":false}
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
  void complaint_with_a_running_sla_timer_and_a_flag_is_written_exactly_as_pinned() throws Exception {
    byte[] json = mapper.writeValueAsBytes(JsonExamples.flaggedComplaint());

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(FLAGGED_COMPLAINT);
  }

  @Test
  void complaint_flagged_and_sla_timer_set_are_written_exactly_as_pinned() throws Exception {
    assertThat(mapper.writeValueAsString(event(ComplaintFlagged.class))).isEqualTo(FLAGGED);
    assertThat(mapper.writeValueAsString(event(SlaTimerSet.class))).isEqualTo(SLA_TIMER_SET);
  }

  static final String SPECIAL_CLOSURE_DUE_SET = compact("""
      {"type":"SpecialClosureDueSet",
       "complaintId":"RPR-2024-000123",
       "sequence":27,
       "occurredAt":"2024-03-05T07:30:00Z",
       "actor":{"role":"SYSTEM","component":"escalator"},
       "approver":"SE-RAIPUR",
       "dueAt":"2024-03-06T07:30:00Z"}
      """);

  @Test
  void special_closure_due_set_is_written_exactly_as_pinned_and_reads_back() throws Exception {
    ComplaintEvent event = event(ComplaintEvent.SpecialClosureDueSet.class);

    assertThat(mapper.writeValueAsString(event)).isEqualTo(SPECIAL_CLOSURE_DUE_SET);
    assertThat(mapper.readValue(SPECIAL_CLOSURE_DUE_SET, ComplaintEvent.class)).isEqualTo(event);
  }

  @Test
  void a_paused_timer_is_written_exactly_as_pinned_without_a_deadline() throws Exception {
    assertThat(mapper.writeValueAsString(JsonExamples.PAUSED_TIMER)).isEqualTo(PAUSED_TIMER);
  }

  @Test
  void the_pinned_json_reads_back_to_the_same_values() throws Exception {
    assertThat(mapper.readValue(REGISTERED, ComplaintEvent.class)).isEqualTo(JsonExamples.registered());
    assertThat(mapper.readValue(CLOSED_COMPLAINT, Complaint.class)).isEqualTo(JsonExamples.closedComplaint());
    assertThat(mapper.readValue(FLAGGED_COMPLAINT, Complaint.class)).isEqualTo(JsonExamples.flaggedComplaint());
    assertThat(mapper.readValue(FLAGGED, ComplaintEvent.class)).isEqualTo(event(ComplaintFlagged.class));
    assertThat(mapper.readValue(SLA_TIMER_SET, ComplaintEvent.class)).isEqualTo(event(SlaTimerSet.class));
    assertThat(mapper.readValue(PAUSED_TIMER, SlaTimer.class)).isEqualTo(JsonExamples.PAUSED_TIMER);
  }

  private static ComplaintEvent event(Class<? extends ComplaintEvent> type) {
    return JsonExamples.oneOfEachType().stream().filter(type::isInstance).findFirst().orElseThrow();
  }

  @Test
  void a_plain_mapper_with_the_module_writes_the_same_pinned_text() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new NivaranJacksonModule());

    assertThat(plain.writeValueAsString(JsonExamples.registered())).isEqualTo(REGISTERED);
    assertThat(plain.writeValueAsString(JsonExamples.closedComplaint())).isEqualTo(CLOSED_COMPLAINT);
    assertThat(plain.writeValueAsString(JsonExamples.flaggedComplaint())).isEqualTo(FLAGGED_COMPLAINT);
  }
}
