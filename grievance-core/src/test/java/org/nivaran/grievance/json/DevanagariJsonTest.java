package org.nivaran.grievance.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReassigned;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintFlag;

/** Hindi text, with everything that makes Unicode hard, comes back exactly as it went in. */
class DevanagariJsonTest {
  /**
   * Conjuncts (virama U+094D), a half form forced by ZWJ (U+200D), an explicit virama forced by
   * ZWNJ (U+200C), nukta both decomposed (ज + U+093C) and precomposed (U+095B, which NFC would
   * decompose), candrabindu and anusvara, Devanagari digits and danda, an emoji with a skin-tone
   * modifier and a ZWJ family emoji (both outside the BMP).
   */
  static final String HARD_HINDI =
      "श्रीमती स्त्री क\u094D\u200Dष क\u094D\u200Cष ज\u093Cमीन \u095Bमीन माँ संत "
          + "१२३४ रुपये। धन्यवाद \uD83D\uDE4F\uD83C\uDFFD \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

  private final ObjectMapper mapper = NivaranJson.objectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private ComplaintRegistered registeredWith(String description) {
    ComplaintRegistered r = JsonExamples.registered();
    return new ComplaintRegistered(
        r.complaintId(), r.sequence(), r.occurredAt(), r.actor(), r.kind(), r.channel(), r.citizen(),
        r.categoryCode(), r.jurisdictionCode(), description, r.attachments(), r.idempotencyKey());
  }

  @Test
  void the_test_text_really_holds_the_hard_cases() {
    assertThat(HARD_HINDI).contains("\u200D", "\u200C", "\u093C", "\u095B", "\u094D", "\u0901");
    assertThat(HARD_HINDI.codePoints().filter(Character::isSupplementaryCodePoint).count()).isGreaterThanOrEqualTo(5);
    assertThat(Normalizer.isNormalized(HARD_HINDI, Normalizer.Form.NFC)).isFalse();
  }

  @Test
  void devanagari_description_round_trips_byte_for_byte() throws Exception {
    ComplaintRegistered event = registeredWith(HARD_HINDI);

    ComplaintEvent again = mapper.readValue(mapper.writeValueAsBytes(event), ComplaintEvent.class);

    assertThat(utf8(((ComplaintRegistered) again).description())).isEqualTo(utf8(HARD_HINDI));
    assertThat(again).isEqualTo(event);
  }

  @Test
  void devanagari_complaint_description_round_trips_byte_for_byte() throws Exception {
    Complaint complaint = Complaint.builder().from(JsonExamples.closedComplaint()).description(HARD_HINDI).build();

    Complaint again = mapper.readValue(mapper.writeValueAsBytes(complaint), Complaint.class);

    assertThat(utf8(again.description())).isEqualTo(utf8(HARD_HINDI));
  }

  @Test
  void devanagari_note_round_trips_byte_for_byte_through_a_string_too() throws Exception {
    InformationRequested event =
        new InformationRequested(JsonExamples.ID, 4, JsonExamples.T0, JsonExamples.OFFICER, HARD_HINDI);

    InformationRequested again = mapper.readValue(mapper.writeValueAsString(event), InformationRequested.class);

    assertThat(utf8(again.note())).isEqualTo(utf8(HARD_HINDI));
  }

  @Test
  void devanagari_flag_detail_and_reassignment_reason_round_trip_byte_for_byte() throws Exception {
    ComplaintFlagged flagged = new ComplaintFlagged(JsonExamples.ID, 14, JsonExamples.T0, JsonExamples.ESCALATOR,
        ComplaintFlag.OVERDUE_AT_TOP, HARD_HINDI, Optional.of(JsonExamples.COLLECTOR));
    ComplaintReassigned reassigned = new ComplaintReassigned(JsonExamples.ID, 13, JsonExamples.T0, JsonExamples.SUPERVISOR,
        JsonExamples.AT_TEHSILDAR, JsonExamples.AT_NAIB_TEHSILDAR, HARD_HINDI);

    ComplaintFlagged flaggedAgain = mapper.readValue(mapper.writeValueAsBytes(flagged), ComplaintFlagged.class);
    ComplaintReassigned reassignedAgain = mapper.readValue(mapper.writeValueAsString(reassigned), ComplaintReassigned.class);

    assertThat(utf8(flaggedAgain.detail())).isEqualTo(utf8(HARD_HINDI));
    assertThat(utf8(reassignedAgain.reason())).isEqualTo(utf8(HARD_HINDI));
    assertThat(flaggedAgain).isEqualTo(flagged);
    assertThat(reassignedAgain).isEqualTo(reassigned);
  }

  @Test
  void devanagari_description_of_a_complaint_with_a_timer_and_flags_round_trips_byte_for_byte() throws Exception {
    Complaint complaint = Complaint.builder().from(JsonExamples.flaggedComplaint()).description(HARD_HINDI).build();

    Complaint again = mapper.readValue(mapper.writeValueAsBytes(complaint), Complaint.class);

    assertThat(utf8(again.description())).isEqualTo(utf8(HARD_HINDI));
    assertThat(again).isEqualTo(complaint);
    assertThat(again.sla()).contains(JsonExamples.AT_EE_TIMER);
  }

  @Test
  void citizen_name_address_and_attachment_name_round_trip_byte_for_byte() throws Exception {
    // The domain NFC-normalises these fields, so what must survive is the normalised text.
    Complainant citizen = Complainant.builder()
        .name("ज\u093Cाकिर क\u094D\u200Dष \uD83D\uDE4F")
        .phone("+919876543210")
        .address(HARD_HINDI)
        .build();
    Attachment attachment = Attachment.of("wa-media://X1", "फ़ोटो क\u094D\u200Cष \uD83D\uDCF7.jpg");
    Complaint complaint = Complaint.builder().from(JsonExamples.closedComplaint())
        .citizen(citizen).attachments(List.of(attachment)).build();

    Complaint again = mapper.readValue(mapper.writeValueAsBytes(complaint), Complaint.class);

    assertThat(utf8(again.citizen().name())).isEqualTo(utf8(citizen.name()));
    assertThat(utf8(again.citizen().address().orElseThrow())).isEqualTo(utf8(citizen.address().orElseThrow()));
    assertThat(utf8(again.attachments().get(0).name())).isEqualTo(utf8(attachment.name()));
  }

  @Test
  void hindi_text_is_written_as_raw_utf8_not_as_escapes() throws Exception {
    String text = "ट्रांसफ़ॉर्मर ख़राब क\u094D\u200Dष \uD83D\uDE4F\uD83C\uDFFD";

    byte[] json = mapper.writeValueAsBytes(registeredWith(text));

    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"description\":\"" + text + "\"").doesNotContain("\\u");
  }

  @Test
  void a_mapper_that_escapes_emoji_still_round_trips_them_byte_for_byte() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new NivaranJacksonModule());
    ComplaintRegistered event = registeredWith(HARD_HINDI);

    ComplaintRegistered again = plain.readValue(plain.writeValueAsBytes(event), ComplaintRegistered.class);

    assertThat(utf8(again.description())).isEqualTo(utf8(HARD_HINDI));
    assertThat(again.idempotencyKey()).isEqualTo(Optional.of("call-7f3a9c"));
  }
}
