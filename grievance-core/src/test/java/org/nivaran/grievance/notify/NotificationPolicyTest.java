package org.nivaran.grievance.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.directory.Posts;

/** Each event tells the right people, in their language, on their channel, under a stable id. */
class NotificationPolicyTest {
  private static final Instant DEADLINE = Instant.parse("2024-03-12T12:00:00Z"); // 17:30 IST
  private final Posts posts = Story.posts();
  private final NotificationPolicy policy = NotificationPolicy.defaults();

  private List<Notification> told(Story story) {
    return policy.notificationsFor(story.state, story.latest(), posts);
  }

  @Nested
  class To_the_citizen {

    @Test
    void registration_tells_the_citizen_the_complaint_number_in_hindi_by_sms() {
      Story story = Story.registered();

      assertThat(policy.notificationsFor(story.state, story.events, posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.REGISTERED);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#1:citizen");
        assertThat(n.complaintId()).isEqualTo(Fixtures.ID);
        assertThat(n.eventSequence()).isEqualTo(1);
        assertThat(n.recipient()).isEqualTo(new Recipient(
            RecipientRole.CITIZEN, PhoneNumber.parse(Fixtures.CITIZEN_PHONE), Optional.empty(), "सुनीता वर्मा"));
        assertThat(n.channel()).isEqualTo(DeliveryChannel.SMS);
        assertThat(n.language()).isEqualTo(Language.HINDI);
        assertThat(n.createdAt()).isEqualTo(Fixtures.T0);
        assertThat(n.body()).isEqualTo(
            "आपकी शिकायत RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) दर्ज कर ली गई है। आगे की जानकारी के लिए यही क्रमांक बताएँ।");
      });
    }

    @Test
    void a_whatsapp_complaint_from_an_english_speaker_is_answered_in_english_on_whatsapp() {
      Story story = Story.registered(Fixtures.requestBuilder()
          .channel(Channel.WHATSAPP)
          .citizen(Complainant.of("Ravi Kumar", "9123456780", "en"))
          .build());

      assertThat(policy.notificationsFor(story.state, story.events, posts)).singleElement().satisfies(n -> {
        assertThat(n.channel()).isEqualTo(DeliveryChannel.WHATSAPP);
        assertThat(n.language()).isEqualTo(Language.ENGLISH);
        assertThat(n.body()).isEqualTo(
            "Your complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) has been registered. Please quote this number in any enquiry.");
      });
    }

    @Test
    void a_regional_hindi_tag_counts_as_hindi_and_other_languages_get_english() {
      Story hiIn = Story.registered(Fixtures.requestBuilder().citizen(Complainant.of("Ravi", "9123456780", "hi-IN")).build());
      Story marathi = Story.registered(Fixtures.requestBuilder().citizen(Complainant.of("Ravi", "9123456780", "mr")).build());

      assertThat(policy.notificationsFor(hiIn.state, hiIn.events, posts).get(0).language()).isEqualTo(Language.HINDI);
      assertThat(policy.notificationsFor(marathi.state, marathi.events, posts).get(0).language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void a_filed_resolution_tells_the_citizen() {
      Story story = Story.atAe().run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER);

      assertThat(told(story)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.RESOLVED);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#3:citizen");
        assertThat(n.body()).isEqualTo("सुनीता वर्मा जी, आपकी शिकायत RPR-2024-000123 पर निराकरण दर्ज किया गया है।"
            + " आपकी संतुष्टि जानने के लिए आपसे संपर्क किया जाएगा।");
      });
    }

    @Test
    void satisfaction_closes_with_a_remark_in_the_citizens_language() {
      Story story = Story.atAe()
          .run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER)
          .run(new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), Fixtures.CITIZEN);

      assertThat(told(story)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.CLOSED);
        assertThat(n.body()).isEqualTo("आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: आपकी संतुष्टि पर निराकृत।");
      });
    }

    @Test
    void special_closure_rejection_and_withdrawal_each_close_with_their_reason() {
      Story special = Story.atAe().run(new ComplaintCommand.SpecialClose("sub judice"), Fixtures.COLLECTOR);
      Story rejected = Story.registered()
          .run(new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "private dispute", Optional.empty()), Fixtures.AGENT);
      Story duplicate = Story.registered()
          .run(new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "same transformer",
              Optional.of(ComplaintId.of("RPR-2024-000100"))), Fixtures.AGENT);
      Story withdrawn = Story.atAe().run(new ComplaintCommand.Withdraw(Optional.of("बिजली आ गई")), Fixtures.CITIZEN);
      Story withdrawnSilently = Story.atAe().run(new ComplaintCommand.Withdraw(Optional.empty()), Fixtures.CITIZEN);

      assertThat(List.of(special, rejected, duplicate, withdrawn, withdrawnSilently))
          .extracting(s -> told(s).get(0))
          .allSatisfy(n -> assertThat(n.kind()).isEqualTo(NotificationKind.CLOSED))
          .extracting(Notification::body)
          .containsExactly(
              "आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: sub judice।",
              "आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: विषय क्षेत्र से बाहर - private dispute।",
              "आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: शिकायत RPR-2024-000100 की पुनरावृत्ति - same transformer।",
              "आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: बिजली आ गई।",
              "आपकी शिकायत RPR-2024-000123 बंद कर दी गई है। टिप्पणी: आपके अनुरोध पर वापस ली गई।");
    }

    @Test
    void an_english_citizen_hears_of_a_rejection_in_english() {
      Story story = Story.registered(Fixtures.requestBuilder().citizen(Complainant.of("Ravi Kumar", "9123456780", "en")).build())
          .run(new ComplaintCommand.Reject(RejectionReason.FAKE, "no such connection", Optional.empty()), Fixtures.AGENT);

      assertThat(told(story)).extracting(Notification::body)
          .containsExactly("Your complaint RPR-2024-000123 has been closed. Remark: found to be false - no such connection.");
    }
  }

  @Nested
  class To_the_holder_of_the_post {

    @Test
    void assignment_tells_the_holder_in_their_language_with_the_deadline() {
      NotificationPolicy withDeadline = NotificationPolicy.builder().deadlines(c -> Optional.of(DEADLINE)).build();
      Story story = Story.atAe();

      assertThat(withDeadline.notificationsFor(story.state, story.latest(), posts)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.ASSIGNED);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#2:holder:AE-RAIPUR-ZONE-3");
        assertThat(n.recipient()).isEqualTo(new Recipient(
            RecipientRole.POST_HOLDER, Story.AE_HOLDER.phone(), Optional.of(Fixtures.AE), "राजेश साहू"));
        assertThat(n.channel()).isEqualTo(DeliveryChannel.SMS);
        assertThat(n.language()).isEqualTo(Language.HINDI);
        assertThat(n.body()).isEqualTo("नई शिकायत RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) आपके पद सहायक अभियंता, जोन 3"
            + " को स्तर L1 पर सौंपी गई है। निराकरण की समय-सीमा: 12 Mar 2024 17:30।");
      });
    }

    @Test
    void escalation_to_L2_tells_the_new_holder_on_whatsapp_and_no_supervisor() {
      Story story = Story.atEe();

      assertThat(told(story)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATED_TO_YOU);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#3:holder:EE-RAIPUR-CITY");
        assertThat(n.channel()).isEqualTo(DeliveryChannel.WHATSAPP);
        assertThat(n.language()).isEqualTo(Language.ENGLISH);
        assertThat(n.body()).isEqualTo("Complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) escalated to your post Executive"
            + " Engineer, Raipur City at L2. Reason: 7 working days at L1 elapsed. Resolve by -.");
      });
    }

    @Test
    void transfer_tells_the_holder_of_the_new_post() {
      Officer tehsildar = new Officer("EMP-2001", "Meena Patel", PhoneNumber.parse("9826100021"), false, Language.ENGLISH);
      Posts staffed = posts.withHolder(Fixtures.TEHSILDAR, Optional.of(tehsildar));
      Story story = Story.atAe().run(Fixtures.command(CommandType.TRANSFER), Fixtures.COLLECTOR);

      assertThat(policy.notificationsFor(story.state, story.latest(), staffed)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.TRANSFERRED_TO_YOU);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#3:holder:TEHSILDAR-RAIPUR");
        assertThat(n.recipient().name()).isEqualTo("Meena Patel");
        assertThat(n.body()).isEqualTo("Complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) transferred to your post तहसीलदार,"
            + " रायपुर. Reason: land dispute, not an energy matter. Resolve by -.");
      });
    }

    @Test
    void a_transfer_to_a_vacant_post_tells_no_one() {
      Story story = Story.atAe().run(Fixtures.command(CommandType.TRANSFER), Fixtures.COLLECTOR);

      assertThat(told(story)).isEmpty();
    }

    @Test
    void a_returned_reply_tells_the_holder_why() {
      Story story = Story.atAe()
          .run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER)
          .run(new ComplaintCommand.ReturnReply("उत्तर अपूर्ण है"), Fixtures.COLLECTOR);

      assertThat(told(story)).singleElement().satisfies(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.RETURNED);
        assertThat(n.id()).isEqualTo("RPR-2024-000123#4:holder:AE-RAIPUR-ZONE-3");
        assertThat(n.body()).isEqualTo(
            "शिकायत RPR-2024-000123 पर आपका उत्तर लौटाया गया है। कारण: उत्तर अपूर्ण है। कृपया - तक उचित उत्तर दर्ज करें।");
      });
    }

    @Test
    void a_post_missing_from_the_registry_tells_no_one() {
      Story story = Story.atAe();

      assertThat(policy.notificationsFor(story.state, story.latest(), Story.postsWithout(Fixtures.AE))).isEmpty();
    }

    @Test
    void a_vacant_post_tells_no_one() {
      Story story = Story.atAe();

      assertThat(policy.notificationsFor(story.state, story.latest(), posts.withHolder(Fixtures.AE, Optional.empty()))).isEmpty();
    }
  }

  @Nested
  class To_the_supervisors {

    @Test
    void escalation_to_L3_tells_the_new_holder_and_every_holder_above() {
      Story story = Story.atSe();

      assertThat(told(story))
          .extracting(Notification::kind, n -> n.recipient().role(), Notification::id, Notification::channel, Notification::language)
          .containsExactly(
              tuple(NotificationKind.ESCALATED_TO_YOU, RecipientRole.POST_HOLDER, "RPR-2024-000123#4:holder:SE-RAIPUR",
                  DeliveryChannel.WHATSAPP, Language.HINDI),
              tuple(NotificationKind.ESCALATED_SUPERVISOR, RecipientRole.SUPERVISOR, "RPR-2024-000123#4:supervisor:CE-ENERGY",
                  DeliveryChannel.SMS, Language.ENGLISH));
      assertThat(told(story).get(1).body()).isEqualTo("For your attention: complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE)"
          + " escalated to अधीक्षण अभियंता, रायपुर (SE-RAIPUR) at L3. Reason: 7 working days at L2 elapsed.");
    }

    @Test
    void a_vacant_supervisor_post_is_skipped() {
      Story story = Story.atSe();

      assertThat(policy.notificationsFor(story.state, story.latest(), posts.withHolder(Story.CE, Optional.empty())))
          .extracting(Notification::kind)
          .containsExactly(NotificationKind.ESCALATED_TO_YOU);
    }

    @Test
    void escalations_given_at_once_tell_only_the_last_post_and_those_above_it() {
      Story story = Story.atAe();
      int from = story.events.size();
      story.run(new ComplaintCommand.Escalate(Fixtures.EE, "7 working days at L1 elapsed"), Story.ESCALATOR)
          .run(new ComplaintCommand.Escalate(Story.SE, "7 working days at L2 elapsed"), Story.ESCALATOR);

      // a late sweep's catch-up: the EE it passed through is told nothing
      assertThat(policy.notificationsFor(story.state, story.since(from), posts))
          .extracting(Notification::kind, Notification::id)
          .containsExactly(
              tuple(NotificationKind.ESCALATED_TO_YOU, "RPR-2024-000123#4:holder:SE-RAIPUR"),
              tuple(NotificationKind.ESCALATED_SUPERVISOR, "RPR-2024-000123#4:supervisor:CE-ENERGY"));
    }

    @Test
    void escalation_to_the_top_has_no_one_above_to_tell() {
      Story story = Story.atSe().run(new ComplaintCommand.Escalate(Story.CE, "7 working days at L3 elapsed"), Story.ESCALATOR);

      assertThat(told(story))
          .extracting(Notification::kind, Notification::id)
          .containsExactly(tuple(NotificationKind.ESCALATED_TO_YOU, "RPR-2024-000123#5:holder:CE-ENERGY"));
    }
  }

  @Nested
  class In_general {

    @Test
    void events_that_concern_no_one_make_no_notification() {
      Story story = Story.atAe();
      List<ComplaintEvent> quiet = new ArrayList<>();
      story.run(new ComplaintCommand.StartWork(), Fixtures.AE_OFFICER);
      quiet.addAll(story.latest());
      story.run(Fixtures.command(CommandType.REQUEST_INFORMATION), Fixtures.AE_OFFICER);
      quiet.addAll(story.latest());
      story.run(Fixtures.command(CommandType.PROVIDE_INFORMATION), Fixtures.CITIZEN);
      quiet.addAll(story.latest());
      story.run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER);
      story.run(Fixtures.command(CommandType.RECORD_UNREACHABLE), Fixtures.AGENT);
      quiet.addAll(story.latest());
      // a dissatisfied citizen and a reopening tell the post holder: see ReopenNotificationsTest

      assertThat(quiet).hasSize(4);
      assertThat(policy.notificationsFor(story.state, quiet, posts)).isEmpty();
    }

    @Test
    void several_events_are_told_in_order_each_about_the_post_of_its_time() {
      Story story = Story.atAe()
          .run(Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER);
      int from = story.events.size();
      story.run(new ComplaintCommand.ReturnReply("incomplete"), Fixtures.COLLECTOR)
          .run(new ComplaintCommand.Escalate(Fixtures.EE, "returned twice"), Story.ESCALATOR);

      assertThat(policy.notificationsFor(story.state, story.since(from), posts))
          .extracting(Notification::kind, Notification::id)
          .containsExactly(
              tuple(NotificationKind.RETURNED, "RPR-2024-000123#4:holder:AE-RAIPUR-ZONE-3"),
              tuple(NotificationKind.ESCALATED_TO_YOU, "RPR-2024-000123#5:holder:EE-RAIPUR-CITY"));
    }

    @Test
    void registration_and_assignment_together_tell_the_citizen_and_the_holder() {
      Story story = Story.atAe();

      assertThat(policy.notificationsFor(story.state, story.events, posts))
          .extracting(Notification::id)
          .containsExactly("RPR-2024-000123#1:citizen", "RPR-2024-000123#2:holder:AE-RAIPUR-ZONE-3");
    }

    @Test
    void ids_are_stable_for_the_same_input_and_differ_between_recipients() {
      Story story = Story.atSe();
      List<Notification> first = policy.notificationsFor(story.state, story.events, posts);
      List<Notification> again = NotificationPolicy.defaults().notificationsFor(story.state, story.events, Story.posts());

      assertThat(again).isEqualTo(first);
      // the whole log given at once: the escalation to the EE, followed by another, tells no one
      assertThat(first).extracting(Notification::id).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void a_disabled_kind_is_not_made() {
      NotificationPolicy noSupervisors = NotificationPolicy.builder()
          .enabledKinds(EnumSet.complementOf(EnumSet.of(NotificationKind.ESCALATED_SUPERVISOR, NotificationKind.REGISTERED)))
          .build();
      Story story = Story.atSe();

      assertThat(noSupervisors.notificationsFor(story.state, story.events, posts))
          .extracting(Notification::kind)
          .containsExactly(NotificationKind.ASSIGNED, NotificationKind.ESCALATED_TO_YOU);
      assertThat(NotificationPolicy.builder().enabledKinds(Set.of()).build().notificationsFor(story.state, story.events, posts))
          .isEmpty();
    }

    @Test
    void an_event_of_another_complaint_is_refused() {
      Story story = Story.atAe();
      ComplaintEvent foreign = new ComplaintEvent.WorkStarted(ComplaintId.of("RPR-2024-000999"), 3, Fixtures.T0, Fixtures.AE_OFFICER);

      assertThatThrownBy(() -> policy.notificationsFor(story.state, List.of(foreign), posts))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("events");
            assertThat(e.reason()).contains("RPR-2024-000999");
          });
    }

    @Test
    void dates_show_in_the_configured_zone_with_ascii_digits() {
      assertThat(policy.format(DEADLINE)).isEqualTo("12 Mar 2024 17:30");
      assertThat(NotificationPolicy.builder().zone(ZoneOffset.UTC).build().format(DEADLINE)).isEqualTo("12 Mar 2024 12:00");
      assertThat(policy.format(Instant.parse("2024-09-01T20:35:00Z"))).isEqualTo("2 Sep 2024 02:05");
    }

    @Test
    void a_long_reason_is_cut_to_one_line_of_at_most_160_code_points() {
      String longReason = "line one\nline two " + "क".repeat(300);
      String cut = NotificationPolicy.shorten(longReason);

      assertThat(cut).startsWith("line one line two क").endsWith("...").doesNotContain("\n");
      assertThat(cut.codePointCount(0, cut.length())).isEqualTo(NotificationPolicy.MAX_REASON_LENGTH);
      assertThat(NotificationPolicy.shorten("short")).isEqualTo("short");
    }
  }

  @Nested
  class Handover {
    private final Post ee = posts.get(Fixtures.EE);
    private final Officer successor = new Officer("EMP-3001", "सुरेश यादव", PhoneNumber.parse("9826100031"), true, Language.HINDI);

    private List<ComplaintId> pending(int n) {
      return IntStream.rangeClosed(1, n).mapToObj(i -> ComplaintId.of(String.format("RPR-2024-%06d", i))).toList();
    }

    @Test
    void lists_the_first_twenty_pending_complaints_and_counts_the_rest() {
      Notification n = policy.handover(ee, successor, pending(25), Fixtures.T0);

      assertThat(n.kind()).isEqualTo(NotificationKind.HANDOVER);
      assertThat(n.id()).isEqualTo("handover:EE-RAIPUR-CITY:EMP-3001@2024-03-04T05:30:00Z");
      assertThat(n.complaintId()).isEqualTo(ComplaintId.of("RPR-2024-000001"));
      assertThat(n.eventSequence()).isZero();
      assertThat(n.recipient()).isEqualTo(new Recipient(
          RecipientRole.POST_HOLDER, successor.phone(), Optional.of(Fixtures.EE), "सुरेश यादव"));
      assertThat(n.channel()).isEqualTo(DeliveryChannel.WHATSAPP);
      assertThat(n.body()).isEqualTo("आपने पद Executive Engineer, Raipur City (EE-RAIPUR-CITY) का प्रभार ग्रहण किया है।"
          + " लंबित शिकायतें: 25। क्रमांक: " + String.join(", ", pending(20).stream().map(ComplaintId::value).toList())
          + " +5 और");
    }

    @Test
    void lists_all_when_twenty_or_fewer() {
      Officer english = new Officer("EMP-3002", "Arun Das", PhoneNumber.parse("9826100032"), false, Language.ENGLISH);

      assertThat(policy.handover(ee, english, pending(20), Fixtures.T0).body()).doesNotContain("more").endsWith("RPR-2024-000020");
      assertThat(policy.handover(ee, english, pending(2), Fixtures.T0).body()).isEqualTo(
          "You have taken charge of the post Executive Engineer, Raipur City (EE-RAIPUR-CITY). Pending complaints: 2."
              + " Numbers: RPR-2024-000001, RPR-2024-000002");
      assertThat(policy.handover(ee, english, pending(21), Fixtures.T0).body()).endsWith("RPR-2024-000020 +1 more");
    }

    @Test
    void needs_something_pending() {
      assertThatThrownBy(() -> policy.handover(ee, successor, List.of(), Fixtures.T0))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("pending"));
    }
  }

  @Nested
  class To_a_post_directly {

    @Test
    void tells_the_head_of_department_that_a_complaint_is_overdue_at_the_top() {
      Story story = Story.atSe().run(new ComplaintCommand.Escalate(Story.CE, "7 working days at L3 elapsed"), Story.ESCALATOR);
      Post ce = posts.get(Story.CE);

      Optional<Notification> n = policy.toPost(NotificationKind.OVERDUE_AT_TOP, story.state, ce,
          RecipientRole.HEAD_OF_DEPARTMENT, "7 working days at L4 elapsed", story.state.version(), Fixtures.T0);

      assertThat(n).get().satisfies(x -> {
        assertThat(x.id()).isEqualTo("RPR-2024-000123#5:overdue_at_top:head:CE-ENERGY");
        assertThat(x.kind()).isEqualTo(NotificationKind.OVERDUE_AT_TOP);
        assertThat(x.recipient().role()).isEqualTo(RecipientRole.HEAD_OF_DEPARTMENT);
        assertThat(x.recipient().post()).contains(Story.CE);
        assertThat(x.channel()).isEqualTo(DeliveryChannel.SMS);
        assertThat(x.body()).isEqualTo("Complaint RPR-2024-000123 (ENERGY.SUPPLY.OUTAGE) is past its deadline (-) at the top"
            + " level L4, post CE-ENERGY. Reason: 7 working days at L4 elapsed.");
      });
    }

    @Test
    void a_flag_and_an_overdue_notice_for_the_same_version_have_different_ids() {
      Story story = Story.atSe();
      Post ce = posts.get(Story.CE);

      Notification overdue = policy.toPost(NotificationKind.OVERDUE_AT_TOP, story.state, ce, RecipientRole.NODAL_OFFICER,
          "x", 4, Fixtures.T0).orElseThrow();
      Notification flagged = policy.toPost(NotificationKind.FLAGGED, story.state, ce, RecipientRole.NODAL_OFFICER,
          "x", 4, Fixtures.T0).orElseThrow();

      assertThat(overdue.id()).isNotEqualTo(flagged.id());
      assertThat(flagged.id()).isEqualTo("RPR-2024-000123#4:flagged:nodal:CE-ENERGY");
    }

    @Test
    void a_vacant_post_or_a_disabled_kind_gives_nothing() {
      Story story = Story.atSe();
      Post vacant = posts.get(Story.CE).withHolder(Optional.empty());
      NotificationPolicy noFlags = NotificationPolicy.builder()
          .enabledKinds(EnumSet.complementOf(EnumSet.of(NotificationKind.FLAGGED))).build();

      assertThat(policy.toPost(NotificationKind.FLAGGED, story.state, vacant, RecipientRole.HEAD_OF_DEPARTMENT, "x", 4, Fixtures.T0))
          .isEmpty();
      assertThat(noFlags.toPost(NotificationKind.FLAGGED, story.state, posts.get(Story.CE), RecipientRole.HEAD_OF_DEPARTMENT,
          "x", 4, Fixtures.T0)).isEmpty();
    }

    @Test
    void the_citizen_is_not_a_post_role() {
      Story story = Story.atSe();

      assertThatThrownBy(() -> policy.toPost(NotificationKind.FLAGGED, story.state, posts.get(Story.CE), RecipientRole.CITIZEN,
          "x", 4, Fixtures.T0))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }
  }

  @Test
  void notifications_report_their_sms_cost() {
    Story story = Story.atSe();
    List<Notification> all = policy.notificationsFor(story.state, story.events, posts);

    assertThat(all).allSatisfy(n -> assertThat(n.smsSegments()).isEqualTo(SmsSegments.count(n.body())).isPositive());
    assertThat(all.get(0).smsSegments()).isEqualTo(2); // the Hindi registration text: 109 UTF-16 units
  }
}
