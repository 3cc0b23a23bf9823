package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.Priority;

/** A change of priority tells the holder of the complaint's post, in their language, the citizen masked. */
class PriorityNotificationTest {
  private static List<Notification> told(Story story) {
    return NotificationPolicy.defaults().notificationsFor(story.state, story.latest(), Story.posts());
  }

  @Test
  void the_holder_of_the_post_hears_the_old_and_new_priority_and_the_reason() {
    Story story = Story.atAe().run(
        new ComplaintCommand.ChangePriority(Priority.URGENT, "the outage is at the district hospital"), Fixtures.COLLECTOR);

    assertThat(told(story)).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.PRIORITY_CHANGED);
      assertThat(n.recipient().role()).isEqualTo(RecipientRole.POST_HOLDER);
      assertThat(n.recipient().post()).contains(Fixtures.AE);
      assertThat(n.language()).isEqualTo(Story.AE_HOLDER.language());
      assertThat(n.body()).contains("NORMAL से URGENT; कारण: the outage is at the district hospital")
          .contains(story.state.id().value());
      assertThat(n.quietHours()).isEmpty();
    });
  }

  @Test
  void the_citizens_number_in_the_reason_is_masked_and_the_kind_can_be_switched_off() {
    Story story = Story.atEe().run(new ComplaintCommand.ChangePriority(Priority.LOW,
        "caller " + Fixtures.CITIZEN_PHONE + " says it can wait"), Fixtures.COLLECTOR);

    assertThat(told(story)).singleElement().satisfies(n -> {
      assertThat(n.recipient().post()).contains(Fixtures.EE);
      assertThat(n.body()).contains("from NORMAL to LOW; reason: caller ").doesNotContain(Fixtures.CITIZEN_PHONE);
    });
    NotificationPolicy off = NotificationPolicy.builder()
        .enabledKinds(java.util.EnumSet.complementOf(java.util.EnumSet.of(NotificationKind.PRIORITY_CHANGED))).build();
    assertThat(off.notificationsFor(story.state, story.latest(), Story.posts())).isEmpty();
  }
}
