package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.fixtures.Fixtures;

/** Requests, citizens and commands refuse bad input naming the field, and store text normalised. */
class InputValidationTest {

  private static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith(field + " ");
        });
  }

  private static final String DEVANAGARI_4000 = "कि".repeat(2000); // 4000 code points, NFC already

  // ---------------------------------------------------------------------------------------------
  // The request

  @Test
  void a_description_of_4000_devanagari_code_points_passes_and_4001_fails() {
    assertThat(DEVANAGARI_4000.codePointCount(0, DEVANAGARI_4000.length())).isEqualTo(4000);

    assertThat(Fixtures.requestBuilder().description(DEVANAGARI_4000).build().description()).isEqualTo(DEVANAGARI_4000);
    refused(() -> Fixtures.requestBuilder().description(DEVANAGARI_4000 + "क").build(), "description");
  }

  @Test
  void a_description_of_4000_emoji_passes_though_it_is_8000_chars() {
    String emoji = "🙏".repeat(RegisterComplaint.MAX_DESCRIPTION_LENGTH);

    assertThat(Fixtures.requestBuilder().description(emoji).build().description()).hasSize(8000);
    refused(() -> Fixtures.requestBuilder().description(emoji + "🙏").build(), "description");
  }

  @Test
  void decomposed_input_is_stored_composed() {
    RegisterComplaint request =
        Fixtures.requestBuilder()
            .citizen(Complainant.builder().name("Jose\u0301 \u0930\u093C").phone("9876543210").address("ne\u0301e").build())
            .description("  \u0928\u093C \n \u0958  ")
            .build();

    assertThat(request.citizen().name()).isEqualTo("Jos\u00E9 \u0931");
    assertThat(request.citizen().address()).contains("n\u00E9e");
    assertThat(request.description()).isEqualTo("\u0929 \n \u0915\u093C"); // U+0958 decomposes: NFC excludes it
  }

  @Test
  void a_description_may_span_lines_and_tabs() {
    String multi = "पहली पंक्ति\nदूसरी\tपंक्ति\r\nतीसरी";

    assertThat(Fixtures.requestBuilder().description(multi).build().description()).isEqualTo(multi);
  }

  @Test
  void a_description_with_a_control_character_or_unpaired_surrogate_is_refused() {
    refused(() -> Fixtures.requestBuilder().description("बिजली\u0000नहीं").build(), "description");
    refused(() -> Fixtures.requestBuilder().description("बिजली\u001Bनहीं").build(), "description");
    refused(() -> Fixtures.requestBuilder().description("बिजली \uD83D").build(), "description");
  }

  @Test
  void a_blank_or_missing_description_is_refused() {
    refused(() -> Fixtures.requestBuilder().description(" \n\t ").build(), "description");
    refused(() -> RegisterComplaint.builder().channel(Channel.SMS).citizen(Fixtures.citizen())
        .categoryCode("A").jurisdictionCode("B").build(), "description");
  }

  @Test
  void malformed_codes_are_refused_naming_them() {
    refused(() -> Fixtures.requestBuilder().categoryCode("ENERGY SUPPLY").build(), "categoryCode");
    refused(() -> Fixtures.requestBuilder().categoryCode("").build(), "categoryCode");
    refused(() -> Fixtures.requestBuilder().jurisdictionCode("रायपुर").build(), "jurisdictionCode");
    refused(() -> Fixtures.requestBuilder().jurisdictionCode("X".repeat(65)).build(), "jurisdictionCode");
  }

  @Test
  void a_missing_channel_or_citizen_is_refused_naming_it() {
    refused(() -> RegisterComplaint.builder().citizen(Fixtures.citizen()).categoryCode("A").jurisdictionCode("B")
        .description("d").build(), "channel");
    refused(() -> RegisterComplaint.builder().channel(Channel.SMS).categoryCode("A").jurisdictionCode("B")
        .description("d").build(), "citizen");
  }

  @Test
  void an_idempotency_key_is_opaque_one_line_of_at_most_128_never_rewritten() {
    assertThat(Fixtures.requestBuilder().idempotencyKey("call-7f3a9c").build().idempotencyKey()).contains("call-7f3a9c");
    refused(() -> Fixtures.requestBuilder().idempotencyKey("  call-7f3a9c ").build(), "idempotencyKey");
    refused(() -> Fixtures.requestBuilder().idempotencyKey("Jose\u0301").build(), "idempotencyKey");
    assertThat(Fixtures.requestBuilder().idempotencyKey("k".repeat(128)).build().idempotencyKey()).isPresent();

    refused(() -> Fixtures.requestBuilder().idempotencyKey("k".repeat(129)).build(), "idempotencyKey");
    refused(() -> Fixtures.requestBuilder().idempotencyKey("call\n7f3a9c").build(), "idempotencyKey");
    refused(() -> Fixtures.requestBuilder().idempotencyKey("   ").build(), "idempotencyKey");
  }

  @Test
  void a_null_attachment_is_refused_naming_the_field_when_it_is_added() {
    Attachment photo = Attachment.of("s3://a/b.jpg", "b.jpg");

    refused(() -> Fixtures.requestBuilder().addAttachments(photo, null), "attachments");
    refused(() -> Fixtures.requestBuilder().attachments(java.util.Arrays.asList(photo, null)), "attachments");
    refused(() -> Fixtures.requestBuilder().addAllAttachments(java.util.Arrays.asList(null, photo)), "attachments");
    assertThat(Fixtures.requestBuilder().addAttachments(photo).build().attachments()).hasSize(2); // the fixture's and this
  }

  @Test
  void more_than_twenty_attachments_are_refused() {
    List<Attachment> twenty = Collections.nCopies(Attachment.MAX_PER_COMMAND, Attachment.of("s3://a/b.jpg", "b.jpg"));
    List<Attachment> twentyOne = Collections.nCopies(Attachment.MAX_PER_COMMAND + 1, Attachment.of("s3://a/b.jpg", "b.jpg"));

    assertThat(Fixtures.requestBuilder().attachments(twenty).build().attachments()).hasSize(20);
    refused(() -> Fixtures.requestBuilder().attachments(twentyOne).build(), "attachments");
    refused(() -> new ComplaintCommand.Resolve("done", twentyOne), "attachments");
    refused(() -> new ComplaintCommand.ProvideInformation("here", twentyOne), "attachments");
  }

  @Test
  void a_missing_attachment_in_a_command_is_refused_naming_attachments() {
    List<Attachment> withNull = java.util.Arrays.asList(Attachment.of("s3://a/b.jpg", "b.jpg"), null);

    refused(() -> new ComplaintCommand.Resolve("done", withNull), "attachments");
    refused(() -> new ComplaintCommand.ProvideInformation("here", withNull), "attachments");
    refused(() -> new ComplaintCommand.Resolve("done", null), "attachments");
  }

  @Test
  void attachment_fields_are_checked() {
    refused(() -> Attachment.of(" ", "a.jpg"), "attachment.reference");
    refused(() -> Attachment.of("s3://a\nb", "a.jpg"), "attachment.reference");
    refused(() -> Attachment.of("s3://a", "x".repeat(256)), "attachment.name");
    assertThat(Attachment.of(" s3://a ", " फ़ोटो.jpg ")).isEqualTo(Attachment.of("s3://a", "फ़ोटो.jpg"));
  }

  // ---------------------------------------------------------------------------------------------
  // The citizen

  @Test
  void a_citizen_name_is_one_line_of_at_most_100_code_points() {
    assertThat(Complainant.of("  सुनीता वर्मा  ", "9876543210", "hi").name()).isEqualTo("सुनीता वर्मा");
    assertThat(Complainant.of("क".repeat(100), "9876543210", "hi").name()).hasSize(100);

    refused(() -> Complainant.of("क".repeat(101), "9876543210", "hi"), "citizen.name");
    refused(() -> Complainant.of("सुनीता\nवर्मा", "9876543210", "hi"), "citizen.name");
    refused(() -> Complainant.of("सुनीता\u0007", "9876543210", "hi"), "citizen.name");
    refused(() -> Complainant.of("   ", "9876543210", "hi"), "citizen.name");
    refused(() -> Complainant.builder().phone("9876543210").build(), "citizen.name");
  }

  @Test
  void a_citizen_address_may_span_lines_up_to_500_code_points() {
    assertThat(Complainant.builder().name("रमेश").phone("9876543210").address("वार्ड 12\nरायपुर").build().address())
        .contains("वार्ड 12\nरायपुर");
    refused(() -> Complainant.builder().name("रमेश").phone("9876543210").address("अ".repeat(501)).build(), "citizen.address");
    refused(() -> Complainant.builder().name("रमेश").phone("9876543210").address(" ").build(), "citizen.address");
  }

  @Test
  void a_citizen_language_must_name_a_language() {
    assertThat(Complainant.of("रमेश", "9876543210", "hi-IN").language()).isEqualTo(Locale.forLanguageTag("hi-IN"));
    assertThat(Complainant.builder().name("रमेश").phone("9876543210").build().language().getLanguage()).isEqualTo("hi");

    refused(() -> Complainant.of("रमेश", "9876543210", "und"), "citizen.language");
    refused(() -> Complainant.of("रमेश", "9876543210", "!!"), "citizen.language");
    refused(() -> Complainant.of("रमेश", "9876543210", null), "citizen.language");
  }

  @Test
  void the_citizen_phone_is_normalised() {
    assertThat(Complainant.of("रमेश", "098765 43210", "hi").phone().e164()).isEqualTo("+919876543210");
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  @Test
  void command_texts_are_refused_naming_their_field() {
    String tooLong = "क".repeat(ComplaintCommand.MAX_REASON_LENGTH + 1);

    refused(() -> new ComplaintCommand.RequestInformation(" "), "note");
    refused(() -> new ComplaintCommand.ProvideInformation(tooLong, List.of()), "note");
    refused(() -> new ComplaintCommand.Resolve("क".repeat(ComplaintCommand.MAX_REPLY_LENGTH + 1), List.of()), "reply");
    refused(() -> new ComplaintCommand.ReturnReply("\u0000"), "reason");
    refused(() -> new ComplaintCommand.ConfirmSatisfied(Optional.empty(), Optional.of(" ")), "remark");
    refused(() -> new ComplaintCommand.ReportDissatisfied(Optional.empty(), tooLong), "reason");
    refused(() -> new ComplaintCommand.RecordUnreachable(Optional.of("a\u001Bb")), "remark");
    refused(() -> new ComplaintCommand.Escalate(Fixtures.EE, ""), "reason");
    refused(() -> new ComplaintCommand.Transfer(Fixtures.EE, "REVENUE", Level.L1, "\uDE00"), "reason");
    refused(() -> new ComplaintCommand.Reject(RejectionReason.FAKE, " ", Optional.empty()), "remark");
    refused(() -> new ComplaintCommand.SpecialClose(null), "reason");
    refused(() -> new ComplaintCommand.Withdraw(Optional.of("\t")), "reason");
    refused(() -> new ComplaintCommand.Reopen(tooLong), "reason");
  }

  @Test
  void a_reply_may_be_4000_code_points_and_a_reason_1000() {
    assertThat(new ComplaintCommand.Resolve("क".repeat(4000), List.of()).reply()).hasSize(4000);
    assertThat(new ComplaintCommand.Reopen("क".repeat(1000)).reason()).hasSize(1000);
  }

  @Test
  void command_texts_are_normalised() {
    assertThat(new ComplaintCommand.Reopen("  फिर से ख़राब\n ").reason()).isEqualTo("फिर से ख़राब");
    assertThat(new ComplaintCommand.ReturnReply(" cafe\u0301 ").reason()).isEqualTo("caf\u00E9");
    assertThat(new ComplaintCommand.Withdraw(Optional.of(" ok ")).reason()).contains("ok");
  }

  @Test
  void ratings_outside_one_to_five_are_refused() {
    refused(() -> new ComplaintCommand.ConfirmSatisfied(Optional.of(0), Optional.empty()), "rating");
    refused(() -> new ComplaintCommand.ReportDissatisfied(Optional.of(6), "no"), "rating");
    assertThat(new ComplaintCommand.ConfirmSatisfied(Optional.of(1), Optional.empty()).rating()).contains(1);
  }

  @Test
  void a_duplicate_rejection_needs_the_original_and_no_other_reason_may_name_one() {
    ComplaintId original = ComplaintId.of("RPR-2024-000001");

    refused(() -> new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "again", Optional.empty()), "duplicateOf");
    refused(() -> new ComplaintCommand.Reject(RejectionReason.FAKE, "prank", Optional.of(original)), "duplicateOf");
    refused(() -> new ComplaintCommand.Reject(null, "prank", Optional.empty()), "reason");
  }

  @Test
  void posts_departments_and_levels_are_checked() {
    refused(() -> new ComplaintCommand.Assign(null, "ENERGY", Level.L1), "post");
    refused(() -> new ComplaintCommand.Assign(Fixtures.AE, "ऊर्जा", Level.L1), "department");
    refused(() -> new ComplaintCommand.Assign(Fixtures.AE, "ENERGY", null), "level");
    refused(() -> new ComplaintCommand.Escalate(null, "late"), "toPost");
    refused(() -> new ComplaintCommand.Transfer(Fixtures.EE, "", Level.L1, "late"), "toDepartment");
    refused(() -> PostId.of("AE RAIPUR"), "post");
    refused(() -> Level.of(100), "level");
    refused(() -> Level.of(-1), "level");
    assertThat(Level.of(0).next()).isEqualTo(Level.L1);
    assertThat(Level.L2).hasToString("L2");
  }

  @Test
  void actors_are_checked_naming_their_field() {
    refused(() -> Actor.agent(" "), "actor.agentId");
    refused(() -> Actor.officer("OFF 1", Fixtures.AE), "actor.officerId");
    refused(() -> Actor.officer("OFF-1", null), "actor.post");
    refused(() -> Actor.citizen(null), "actor.phone");
    refused(() -> Actor.system(""), "actor.component");
  }
}
