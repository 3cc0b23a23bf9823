package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Which messages quiet hours hold: the citizen's SMS and WhatsApp messages, not officers', not
 * urgent kinds, each in the citizen's zone; and what {@code Grievances} refuses.
 */
class QuietHoursTest {
  private static final LocalTime NINE_PM = LocalTime.of(21, 0);
  private static final LocalTime EIGHT_AM = LocalTime.of(8, 0);
  private final QuietHours night = QuietHours.between(NINE_PM, EIGHT_AM).build();

  private static List<Notification> told(QuietHours quiet, Story story) {
    return NotificationPolicy.builder().quietHours(quiet).build()
        .notificationsFor(story.state, story.latest(), Story.posts());
  }

  @Test
  void the_citizens_message_gets_a_window_in_the_policys_zone_and_the_officers_none() {
    Story story = Story.registered();
    assertThat(told(night, story)).singleElement().satisfies(n -> {
      assertThat(n.recipient().role()).isEqualTo(RecipientRole.CITIZEN);
      assertThat(n.quietHours()).contains(new QuietWindow(NINE_PM, EIGHT_AM, NotificationPolicy.DEFAULT_ZONE));
      assertThat(n.toString()).contains("quietHours=21:00-08:00 Asia/Kolkata");
    });
    List<Notification> assigned = told(night, story.run(
        new org.nivaran.grievance.complaint.ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY,
            org.nivaran.grievance.actor.Level.L1), Fixtures.ROUTER));
    assertThat(assigned).isNotEmpty().allSatisfy(n -> {
      assertThat(n.recipient().role()).isNotEqualTo(RecipientRole.CITIZEN);
      assertThat(n.quietHours()).isEmpty();
    });
  }

  @Test
  void without_quiet_hours_no_message_has_a_window() {
    assertThat(told(QuietHours.none(), Story.registered())).singleElement()
        .satisfies(n -> assertThat(n.quietHours()).isEmpty());
    assertThat(QuietHours.none().isQuiet()).isFalse();
    assertThat(NotificationPolicy.defaults().quietHours()).isSameAs(QuietHours.none());
  }

  @Test
  void urgent_kinds_and_channels_not_listed_go_at_any_hour() {
    QuietHours urgentRegistration = QuietHours.between(NINE_PM, EIGHT_AM)
        .urgent(Set.of(NotificationKind.REGISTERED)).build();
    assertThat(told(urgentRegistration, Story.registered())).singleElement()
        .satisfies(n -> assertThat(n.quietHours()).isEmpty());
    QuietHours whatsAppOnly = QuietHours.between(NINE_PM, EIGHT_AM).channels(Set.of(DeliveryChannel.WHATSAPP)).build();
    assertThat(told(whatsAppOnly, Story.registered())).singleElement()
        .satisfies(n -> assertThat(n.channel()).isEqualTo(DeliveryChannel.SMS))
        .satisfies(n -> assertThat(n.quietHours()).isEmpty());
  }

  @Test
  void the_zone_of_the_complaints_jurisdiction_comes_first_then_the_policys_own() {
    ZoneId andaman = ZoneId.of("Asia/Kolkata");
    ZoneId nepal = ZoneId.of("Asia/Kathmandu");
    Story story = Story.registered();
    QuietHours byPlace = QuietHours.between(NINE_PM, EIGHT_AM).zone(nepal)
        .zone(story.state.jurisdictionCode(), andaman).build();
    assertThat(told(byPlace, story)).singleElement()
        .satisfies(n -> assertThat(n.quietHours().orElseThrow().zone()).isEqualTo(andaman));
    QuietHours elsewhere = QuietHours.between(NINE_PM, EIGHT_AM).zone(nepal).zone("SOMEWHERE-ELSE", andaman).build();
    assertThat(told(elsewhere, story)).singleElement()
        .satisfies(n -> assertThat(n.quietHours().orElseThrow().zone()).isEqualTo(nepal));
  }

  @Test
  void bad_settings_are_refused_naming_the_field() {
    assertThatThrownBy(() -> QuietHours.between(EIGHT_AM, EIGHT_AM))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quietHours.until"));
    assertThatThrownBy(() -> QuietHours.between(NINE_PM, EIGHT_AM).channels(Set.of()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("quietHours.channels"));
    assertThatThrownBy(() -> QuietHours.between(NINE_PM, EIGHT_AM).zone("bad code!", ZoneId.of("UTC")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("quietHours.jurisdiction"));
  }

  @Test
  void grievances_refuses_quiet_hours_for_a_jurisdiction_it_does_not_know_and_without_an_outbox() {
    NotificationPolicy unknownPlace = NotificationPolicy.builder()
        .quietHours(QuietHours.between(NINE_PM, EIGHT_AM).zone("ATLANTIS", ZoneId.of("UTC")).build()).build();
    assertThatThrownBy(() -> District.grievances(new InMemoryComplaintStore(), Clock.systemUTC())
            .notificationPolicy(unknownPlace).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("quietHours.jurisdiction");
          assertThat(e.getMessage()).contains("'ATLANTIS'");
        });
    NotificationPolicy quiet = NotificationPolicy.builder().quietHours(night).build();
    assertThatThrownBy(() -> District.grievances(new InMemoryComplaintStore(), Clock.systemUTC())
            .notificationPolicy(quiet).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TransactionalOutbox")
        .hasMessageContaining(InMemoryComplaintStore.class.getName());
  }
}
