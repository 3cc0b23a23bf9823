package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Posts;
import org.nivaran.grievance.fixtures.Fixtures;

/**
 * A reopened complaint, and one whose citizen is not satisfied, tell the holder of the post it is
 * now with, with the reason, in the holder's language; a dissatisfaction that moves the complaint
 * in the same change tells the new post once.
 */
class ReopenNotificationsTest {
  /** The system actor the verification policy acts as (see usecase.PolicyTransitions). */
  private static final Actor VERIFIER = Actor.system("verification-policy");
  private static final String NOT_SATISFIED = "the citizen is not satisfied with the reply";
  private static final String STILL_NO_POWER = "बिजली अभी भी नहीं आई";

  private final Posts posts = Story.posts();
  private final NotificationPolicy policy = NotificationPolicy.defaults();

  /** Resolved at the AE, then reported dissatisfied by the agent with a Hindi reason. */
  private static Story dissatisfiedAtAe(int[] from, String reason) {
    Story story = Story.atAe().run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER);
    from[0] = story.events.size();
    return story.run(new ComplaintCommand.ReportDissatisfied(Optional.of(2), reason), Fixtures.AGENT);
  }

  /** Resolved by {@code officer}, who holds the complaint's post, and closed as satisfied. */
  private static Story closedAt(Story story, Actor officer) {
    return story.run(Fixtures.command(CommandType.RESOLVE), officer)
        .run(Fixtures.command(CommandType.CONFIRM_SATISFIED), Fixtures.CITIZEN);
  }

  @Nested
  class Reopened {

    @Test
    void a_reopening_by_the_citizen_tells_the_holder_in_hindi_with_the_reason() {
      Story story = closedAt(Story.atAe(), Fixtures.AE_OFFICER).run(new ComplaintCommand.Reopen("supply failed again"), Fixtures.CITIZEN);

      assertThat(policy.notificationsFor(story.state, story.latest(), posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.REOPENED_TO_YOU);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#5:holder:AE-RAIPUR-ZONE-3");
        assertThat(n.recipient().role()).isEqualTo(RecipientRole.POST_HOLDER);
        assertThat(n.recipient().name()).isEqualTo(Story.AE_HOLDER.name());
        assertThat(n.language()).isEqualTo(Language.HINDI);
        assertThat(n.channel()).isEqualTo(DeliveryChannel.SMS);
        assertThat(n.body()).isEqualTo("शिकायत RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) स्तर L1 पर आपके पद सहायक अभियंता, जोन 3"
            + " के पास पुनः खोली गई है। कारण: supply failed again। निराकरण की समय-सीमा: -।");
      });
    }

    @Test
    void a_reopening_by_a_supervisor_tells_the_holder_in_english_on_whatsapp() {
      Story story = closedAt(Story.atEe(), Fixtures.EE_OFFICER).run(new ComplaintCommand.Reopen("reply was not verified on site"), Fixtures.COLLECTOR);

      assertThat(policy.notificationsFor(story.state, story.latest(), posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.REOPENED_TO_YOU);
        assertThat(n.recipient().post()).contains(Fixtures.EE);
        assertThat(n.channel()).isEqualTo(DeliveryChannel.WHATSAPP);
        assertThat(n.body()).isEqualTo("Complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) has been reopened with your post"
            + " Executive Engineer, Raipur City at L2. Reason: reply was not verified on site. Resolve by -.");
      });
    }

    @Test
    void a_disabled_reopened_kind_tells_no_one() {
      NotificationPolicy quiet = NotificationPolicy.builder()
          .enabledKinds(EnumSet.complementOf(EnumSet.of(NotificationKind.REOPENED_TO_YOU)))
          .build();
      Story story = closedAt(Story.atAe(), Fixtures.AE_OFFICER).run(Fixtures.command(CommandType.REOPEN), Fixtures.CITIZEN);

      assertThat(quiet.notificationsFor(story.state, story.latest(), posts)).isEmpty();
      assertThat(policy.notificationsFor(story.state, story.latest(), posts)).hasSize(1);
    }
  }

  @Nested
  class Dissatisfied {

    @Test
    void same_level_tells_the_holder_who_replied_with_the_citizens_devanagari_reason() {
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, STILL_NO_POWER);

      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.CITIZEN_DISSATISFIED);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#4:holder:AE-RAIPUR-ZONE-3");
        assertThat(n.language()).isEqualTo(Language.HINDI);
        assertThat(n.body()).isEqualTo("शिकायत RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) के उत्तर से नागरिक संतुष्ट नहीं है;"
            + " अब यह स्तर L1 पर आपके पद सहायक अभियंता, जोन 3 के पास है। नागरिक का कारण: बिजली अभी भी नहीं आई।"
            + " निराकरण की समय-सीमा: -।");
      });
    }

    @Test
    void next_level_tells_the_new_post_once_with_the_citizens_reason() {
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, STILL_NO_POWER)
          .run(new ComplaintCommand.Escalate(Fixtures.EE, NOT_SATISFIED), VERIFIER);

      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts))
          .extracting(Notification::kind, Notification::id)
          .containsExactly(tuple(NotificationKind.CITIZEN_DISSATISFIED, "RPR-2024-000123#4:holder:EE-RAIPUR-CITY"));
      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts).get(0).body())
          .isEqualTo("The citizen is not satisfied with the reply on complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE);"
              + " it is now with your post Executive Engineer, Raipur City at L2. Citizen's reason: बिजली अभी भी नहीं आई."
              + " Resolve by -.");
    }

    @Test
    void next_level_to_L3_still_tells_the_posts_above_the_new_one() {
      Story story = Story.atEe().run(Fixtures.command(CommandType.RESOLVE), Fixtures.EE_OFFICER);
      int from = story.events.size();
      story.run(new ComplaintCommand.ReportDissatisfied(Optional.empty(), STILL_NO_POWER), Fixtures.AGENT)
          .run(new ComplaintCommand.Escalate(Story.SE, NOT_SATISFIED), VERIFIER);

      assertThat(policy.notificationsFor(story.state, story.since(from), posts))
          .extracting(Notification::kind, n -> n.recipient().key())
          .containsExactly(
              tuple(NotificationKind.CITIZEN_DISSATISFIED, "holder:SE-RAIPUR"),
              tuple(NotificationKind.ESCALATED_SUPERVISOR, "supervisor:CE-ENERGY"));
    }

    @Test
    void an_appeal_tells_the_appellate_post_once_with_the_citizens_reason() {
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, STILL_NO_POWER)
          .run(new ComplaintCommand.Appeal(Story.SE, Fixtures.ENERGY, Level.L3, NOT_SATISFIED), VERIFIER);

      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.CITIZEN_DISSATISFIED);
        assertThat(n.recipient().key()).isEqualTo("holder:SE-RAIPUR");
        assertThat(n.body()).contains("नागरिक का कारण: " + STILL_NO_POWER + "।").contains("स्तर L3");
      });
    }

    @Test
    void closing_as_not_satisfied_in_the_same_change_tells_the_citizen_and_no_post() {
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, STILL_NO_POWER)
          .run(new ComplaintCommand.CloseUnverified(ClosureKind.NOT_SATISFIED, "reopened too often"), VERIFIER);

      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts))
          .extracting(Notification::kind)
          .containsExactly(NotificationKind.CLOSED);
      // the dissatisfaction alone, before the policy closed it, would have told the AE
      assertThat(policy.notificationsFor(story.state, story.since(from[0]).subList(0, 1), posts))
          .extracting(Notification::kind)
          .containsExactly(NotificationKind.CITIZEN_DISSATISFIED);
    }

    @Test
    void with_the_kind_disabled_the_escalation_tells_the_new_post_as_before() {
      NotificationPolicy noDissatisfied = NotificationPolicy.builder()
          .enabledKinds(EnumSet.complementOf(EnumSet.of(NotificationKind.CITIZEN_DISSATISFIED)))
          .build();
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, STILL_NO_POWER)
          .run(new ComplaintCommand.Escalate(Fixtures.EE, NOT_SATISFIED), VERIFIER);
      Story sameLevel = dissatisfiedAtAe(new int[1], STILL_NO_POWER);

      assertThat(noDissatisfied.notificationsFor(story.state, story.since(from[0]), posts))
          .extracting(Notification::kind, n -> n.recipient().key())
          .containsExactly(tuple(NotificationKind.ESCALATED_TO_YOU, "holder:EE-RAIPUR-CITY"));
      assertThat(noDissatisfied.notificationsFor(sameLevel.state, sameLevel.latest(), posts)).isEmpty();
      assertThat(policy.notificationsFor(sameLevel.state, sameLevel.latest(), posts))
          .extracting(Notification::kind)
          .containsExactly(NotificationKind.CITIZEN_DISSATISFIED);
    }

    @Test
    void the_citizens_phone_and_name_in_the_reason_are_masked_for_the_officer() {
      String reason = "सुनीता वर्मा says: call me on 98765 43210, still no power";
      int[] from = new int[1];
      Story story = dissatisfiedAtAe(from, reason);

      assertThat(policy.notificationsFor(story.state, story.since(from[0]), posts)).singleElement().satisfies(n -> {
        assertThat(n.body()).doesNotContain("सुनीता").doesNotContain("वर्मा").doesNotContain("98765").doesNotContain("43210")
            .contains("still no power").contains("3210");
        assertThat(n.body()).doesNotContain("{").doesNotContain(Fixtures.CITIZEN_PHONE);
      });
    }
  }

  @Test
  void the_new_texts_stay_within_a_few_sms_parts_with_the_longest_reason() {
    String longest = "क".repeat(NotificationPolicy.MAX_REASON_LENGTH + 40);
    String longestEnglish = "x".repeat(NotificationPolicy.MAX_REASON_LENGTH + 40);
    Story hindi = dissatisfiedAtAe(new int[1], longest);
    Story english = closedAt(Story.atEe(), Fixtures.EE_OFFICER).run(new ComplaintCommand.Reopen(longestEnglish), Fixtures.COLLECTOR);

    List<Notification> toHindi = policy.notificationsFor(hindi.state, hindi.latest(), posts);
    List<Notification> toEnglish = policy.notificationsFor(english.state, english.latest(), posts);

    assertThat(toHindi).singleElement().satisfies(n -> {
      assertThat(n.body()).contains("क".repeat(NotificationPolicy.MAX_REASON_LENGTH - 3) + "...");
      assertThat(SmsSegments.encodingOf(n.body())).isEqualTo(SmsEncoding.UCS_2);
      assertThat(n.smsSegments()).isBetween(2, 6); // 160 reason + about 140 text units, 67 to a part
    });
    assertThat(toEnglish).singleElement().satisfies(n -> {
      assertThat(SmsSegments.encodingOf(n.body())).isEqualTo(SmsEncoding.GSM_7); // no character forces UCS-2
      assertThat(n.smsSegments()).isBetween(2, 3);
    });
  }
}
