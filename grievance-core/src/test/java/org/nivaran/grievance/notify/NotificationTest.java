package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.Language;

/** The values a notifier receives refuse what no policy would make, and failures say if a retry helps. */
class NotificationTest {
  private static final PhoneNumber PHONE = PhoneNumber.parse("9826100011");
  private static final Recipient HOLDER = new Recipient(RecipientRole.POST_HOLDER, PHONE, Optional.of(PostId.of("EE-RAIPUR")), "Anita Rao");

  private static Notification notification(String id, long sequence, String body) {
    return new Notification(id, ComplaintId.of("RPR-2024-000001"), sequence, NotificationKind.ASSIGNED, HOLDER,
        DeliveryChannel.SMS, Language.ENGLISH, body, Instant.parse("2024-03-04T05:30:00Z"));
  }

  @Test
  void a_recipient_key_names_the_role_and_the_post_not_the_officer() {
    assertThat(HOLDER.key()).isEqualTo("holder:EE-RAIPUR");
    assertThat(new Recipient(RecipientRole.CITIZEN, PHONE, Optional.empty(), "सुनीता").key()).isEqualTo("citizen");
    assertThat(new Recipient(RecipientRole.NODAL_OFFICER, PHONE, Optional.of(PostId.of("DNO-RAIPUR")), "X").key())
        .isEqualTo("nodal:DNO-RAIPUR");
  }

  @Test
  void a_citizen_has_no_post_and_an_officer_has_one() {
    assertThatThrownBy(() -> new Recipient(RecipientRole.CITIZEN, PHONE, Optional.of(PostId.of("EE-RAIPUR")), "X"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("recipient.post"));
    assertThatThrownBy(() -> new Recipient(RecipientRole.SUPERVISOR, PHONE, Optional.empty(), "X"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("recipient.post"));
    assertThatThrownBy(() -> new Recipient(RecipientRole.SUPERVISOR, PHONE, Optional.of(PostId.of("SE")), " "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("recipient.name"));
  }

  @Test
  void a_notification_refuses_a_blank_body_a_negative_sequence_and_a_padded_id() {
    assertThat(notification("RPR-2024-000001#2:holder:EE-RAIPUR", 2, "text").smsSegments()).isEqualTo(1);
    assertThatThrownBy(() -> notification("x", 2, " "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("body"));
    assertThatThrownBy(() -> notification("x", -1, "text"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("eventSequence"));
    assertThatThrownBy(() -> notification(" x", 1, "text"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  @Test
  void a_failure_says_whether_it_is_permanent_and_which_notification_failed() {
    NotificationFailedException invalidNumber = new NotificationFailedException("N-1", true, "number not on WhatsApp");
    NotificationFailedException timeout =
        new NotificationFailedException("N-2", false, "gateway timed out", new java.io.IOException("read timed out"));

    assertThat(invalidNumber).isInstanceOf(GrievanceException.class);
    assertThat(invalidNumber.permanent()).isTrue();
    assertThat(invalidNumber.notificationId()).isEqualTo("N-1");
    assertThat(invalidNumber).hasMessage("permanent failure sending notification N-1: number not on WhatsApp");
    assertThat(timeout.permanent()).isFalse();
    assertThat(timeout).hasMessageContaining("temporary").hasCauseInstanceOf(java.io.IOException.class);
  }
}
