package org.nivaran.grievance.escalation;

import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.CE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.WeeklySchedule;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.SpecialClosureDueSet;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.json.NivaranJson;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * A special-closure request that waits too long escalates like any other work: its approval
 * deadline is recorded when it is made, and when it passes the escalator moves the approval duty
 * one post up, stamped at the deadline, until there is no post further up.
 *
 * <p>Hand-worked deadlines. Calendar: the district's office, Mon-Fri 10:00-18:00 IST, Holi on
 * Monday 25 March 2024. The policy allows 2 working days, which end at the close of the 2nd working
 * day after the clock starts. The AE (L1) asks on Friday 22 March 2024 at 16:00: Saturday, Sunday
 * and Holi are closed, so the working days are Tuesday 26 and Wednesday 27: the EE (the post above)
 * has until Wed 27 March 18:00. Then the SE has Thu 28 and Fri 29: until Fri 29 March 18:00. Then
 * the Chief Engineer has Mon 1 and Tue 2 April: until Tue 2 April 18:00; above the CE there is no
 * post, so the complaint is flagged then. The MP ladder's L1 clock runs out on Wed 3 April 18:00.
 */
class SpecialClosureWaitTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_OFFICER = Actor.officer("OFF-AE-1", AE);
  private static final Actor EE_OFFICER = Actor.officer("OFF-EE", EE);
  private static final Actor SE_OFFICER = Actor.officer("OFF-SE", SE);
  private static final Actor CE_OFFICER = Actor.officer("OFF-CE", CE);
  private static final Instant REQUESTED = ist(2024, 3, 22, 16, 0);
  private static final Instant EE_DUE = ist(2024, 3, 27, 18, 0);
  private static final Instant SE_DUE = ist(2024, 3, 29, 18, 0);
  private static final Instant CE_DUE = ist(2024, 4, 2, 18, 0);
  private static final Instant L1_RAN_OUT = ist(2024, 4, 3, 18, 0);
  private static final SpecialClosurePolicy TWO_WORKING_DAYS =
      SpecialClosurePolicy.builder().approvalWithin(SlaBudget.workingDays(2), "OFFICE").build();
  private static final ComplaintCommand REQUEST =
      new ComplaintCommand.RequestSpecialClosure(SpecialClosureReason.POLICY_MATTER, "बिजली दर नीति का विषय है");

  private final MutableClock clock = new MutableClock(REQUESTED);
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
  private final Grievances g =
      District.grievances(store, clock).notifier(sent::add).specialClosurePolicy(TWO_WORKING_DAYS).build();

  private static RegisterComplaint energy() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  /** An energy complaint at the AE (L1), with the AE's request pending. */
  private Complaint requested() {
    Complaint c = g.register(energy(), AGENT);
    assertThat(c.post()).contains(AE);
    return g.execute(c.id(), REQUEST, AE_OFFICER);
  }

  private List<ComplaintEvent> appendedSince(Complaint before) {
    List<ComplaintEvent> history = g.history(before.id());
    return history.subList((int) before.version(), history.size());
  }

  private static List<String> names(List<ComplaintEvent> events) {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  private List<Notification> sentOf(NotificationKind kind) {
    return sent.stream().filter(n -> n.kind() == kind).toList();
  }

  @Nested
  class The_deadline {
    @Test
    void is_recorded_with_the_request_counting_working_days_around_a_holiday() {
      Complaint c = requested();

      List<ComplaintEvent> history = g.history(c.id());
      assertThat(names(history.subList(history.size() - 2, history.size())))
          .containsExactly("SpecialClosureRequested", "SpecialClosureDueSet");
      assertThat(history.get(history.size() - 1)).isInstanceOfSatisfying(SpecialClosureDueSet.class, e -> {
        assertThat(e.approver()).isEmpty();
        assertThat(e.dueAt()).isEqualTo(EE_DUE);
        assertThat(e.actor().role()).isEqualTo(org.nivaran.grievance.actor.Role.SYSTEM);
      });
      assertThat(c.specialClosureRequest()).hasValueSatisfying(r -> {
        assertThat(r.dueAt()).contains(EE_DUE);
        assertThat(r.approver()).isEmpty();
      });
      // the earliest deadline is what the stores index
      assertThat(c.slaDueAt()).contains(L1_RAN_OUT);
      assertThat(c.specialClosureDueAt()).contains(EE_DUE);
      assertThat(c.dueAt()).contains(EE_DUE);
      assertThat(Lifecycle.replay(history)).isEqualTo(c);
    }

    /**
     * DST: a London office, Mon-Fri 09:00-17:00 local. One working day from Friday 29 March 2024
     * 16:00 GMT ends at the close of Monday 1 April, 17:00 BST (clocks went forward on Sunday 31
     * March), which is 16:00 UTC, not 17:00 UTC.
     */
    @Test
    void follows_the_calendars_wall_clock_across_a_dst_change() {
      BusinessCalendar london = BusinessCalendar.builder("LONDON-OFFICE", java.time.ZoneId.of("Europe/London"))
          .schedule(WeeklySchedule.builder().hours(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build())
          .build();
      SpecialClosurePolicy oneDay =
          SpecialClosurePolicy.builder().approvalWithin(SlaBudget.workingDays(1), "LONDON-OFFICE").build();

      assertThat(oneDay.approvalDeadline(london, Instant.parse("2024-03-29T16:00:00Z")))
          .isEqualTo(Instant.parse("2024-04-01T16:00:00Z"));
      assertThatThrownBy(() -> oneDay.approvalDeadline(District.OFFICE, REQUESTED))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendar"));
    }

    @Test
    void is_not_recorded_without_a_wait_limit() {
      Grievances unlimited = District.grievances(store, clock).specialClosurePolicy(SpecialClosurePolicy.ofDefaults()).build();
      Complaint c = unlimited.register(energy(), AGENT);

      c = unlimited.execute(c.id(), REQUEST, AE_OFFICER);

      assertThat(c.specialClosureRequest()).hasValueSatisfying(r -> assertThat(r.dueAt()).isEmpty());
      assertThat(c.dueAt()).contains(L1_RAN_OUT);
      assertThat(names(unlimited.history(c.id()))).doesNotContain("SpecialClosureDueSet");
    }
  }

  @Nested
  class When_it_passes {
    @Test
    void the_approval_moves_one_post_up_stamped_at_the_deadline_never_early_and_its_holder_is_told() {
      Complaint c = requested();
      sent.clear();

      clock.set(EE_DUE.minusSeconds(1));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
      assertThat(g.history(c.id())).hasSize((int) c.version());

      clock.set(EE_DUE);
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::from, Outcome::action, Outcome::detail)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.L1, Action.SPECIAL_CLOSURE_ESCALATED, SE.toString()));
      assertThat(appendedSince(c)).singleElement().isInstanceOfSatisfying(SpecialClosureDueSet.class, e -> {
        assertThat(e.approver()).contains(SE);
        assertThat(e.dueAt()).isEqualTo(SE_DUE);
        assertThat(e.occurredAt()).isEqualTo(EE_DUE);
      });
      Complaint after = g.get(c.id());
      assertThat(after.post()).contains(AE); // the complaint stays; only the approval moved
      assertThat(after.specialClosureRequest()).hasValueSatisfying(r -> {
        assertThat(r.approver()).contains(SE);
        assertThat(r.dueAt()).contains(SE_DUE);
      });
      assertThat(after.dueAt()).contains(SE_DUE);
      assertThat(sentOf(NotificationKind.SPECIAL_CLOSURE_REQUESTED)).singleElement().satisfies(n -> {
        assertThat(n.recipient().post()).contains(SE);
        assertThat(n.body()).contains("POLICY_MATTER");
      });

      // once per deadline: a sweep before the SE's deadline does nothing more
      clock.set(SE_DUE.minusSeconds(1));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
      assertThat(g.history(c.id())).hasSize((int) after.version());
    }

    @Test
    void the_new_approver_approves_and_the_old_one_no_longer_can() {
      Complaint c = requested();
      clock.set(EE_DUE.plusSeconds(3600));
      g.escalator().sweep();

      assertThatThrownBy(() -> g.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("ठीक"), EE_OFFICER))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON))
          .hasMessageContaining(SE.toString());
      assertThatThrownBy(() -> g.execute(c.id(), new ComplaintCommand.RefuseSpecialClosure("नहीं"), EE_OFFICER))
          .isInstanceOf(ActorNotPermittedException.class);

      Complaint closed = g.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("नीति विषय, पुष्टि की"), SE_OFFICER);

      assertThat(closed.status()).isEqualTo(Status.CLOSED);
      assertThat(closed.dueAt()).isEmpty();
      assertThat(Lifecycle.replay(g.history(c.id()))).isEqualTo(closed);
    }

    @Test
    void with_no_post_further_up_the_complaint_is_flagged_once_for_the_last_approver_and_the_count_stops() {
      Complaint c = requested();
      clock.set(EE_DUE);
      g.escalator().sweep();
      clock.set(SE_DUE);
      g.escalator().sweep();
      Complaint atCe = g.get(c.id());
      assertThat(atCe.specialClosureRequest().flatMap(r -> r.approver())).contains(CE);
      sent.clear();

      clock.set(CE_DUE);
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(Action.SPECIAL_CLOSURE_OVERDUE);
      assertThat(appendedSince(atCe)).singleElement().isInstanceOfSatisfying(ComplaintFlagged.class, f -> {
        assertThat(f.flag()).isEqualTo(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE);
        assertThat(f.attention()).contains(CE);
        assertThat(f.occurredAt()).isEqualTo(CE_DUE);
      });
      Complaint flagged = g.get(c.id());
      assertThat(flagged.flags()).containsExactly(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE);
      assertThat(flagged.specialClosureDueAt()).isEmpty();
      assertThat(flagged.dueAt()).contains(L1_RAN_OUT);
      assertThat(sent).anySatisfy(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.FLAGGED);
        assertThat(n.recipient().post()).contains(CE);
      });

      clock.set(L1_RAN_OUT.minusSeconds(60));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();

      // the CE still answers the request; a refusal clears the flag with it
      Complaint refused = g.execute(c.id(), new ComplaintCommand.RefuseSpecialClosure("पहले जाँच करें"), CE_OFFICER);
      assertThat(refused.specialClosureRequest()).isEmpty();
      assertThat(refused.flags()).isEmpty();
      assertThat(Lifecycle.replay(g.history(c.id()))).isEqualTo(refused);
    }

    @Test
    void a_late_sweep_moves_up_once_per_deadline_passed_each_stamped_at_its_deadline_and_tells_only_the_last() {
      Complaint c = requested();
      sent.clear();

      clock.set(ist(2024, 4, 2, 19, 0)); // past the CE's deadline, before L1's
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(
          Action.SPECIAL_CLOSURE_ESCALATED, Action.SPECIAL_CLOSURE_ESCALATED, Action.SPECIAL_CLOSURE_OVERDUE);
      List<ComplaintEvent> appended = appendedSince(c);
      assertThat(names(appended)).containsExactly("SpecialClosureDueSet", "SpecialClosureDueSet", "ComplaintFlagged");
      assertThat(appended).extracting(ComplaintEvent::occurredAt).containsExactly(EE_DUE, SE_DUE, CE_DUE);
      assertThat(((SpecialClosureDueSet) appended.get(0)).approver()).contains(SE);
      assertThat(((SpecialClosureDueSet) appended.get(1)).approver()).contains(CE);
      assertThat(((SpecialClosureDueSet) appended.get(1)).dueAt()).isEqualTo(CE_DUE);
      assertThat(sentOf(NotificationKind.SPECIAL_CLOSURE_REQUESTED)).singleElement()
          .satisfies(n -> assertThat(n.recipient().post()).contains(CE));
      Complaint after = g.get(c.id());
      assertThat(Lifecycle.replay(g.history(c.id()))).isEqualTo(after);
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
    }

    @Test
    void deadlines_before_the_levels_are_acted_on_first_and_the_escalation_of_the_complaint_ends_the_request() {
      Complaint c = requested();

      clock.set(ist(2024, 4, 4, 10, 0)); // past L1's deadline too
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(
          Action.SPECIAL_CLOSURE_ESCALATED, Action.SPECIAL_CLOSURE_ESCALATED, Action.SPECIAL_CLOSURE_OVERDUE,
          Action.ESCALATED);
      List<ComplaintEvent> appended = appendedSince(c);
      assertThat(appended).extracting(ComplaintEvent::occurredAt).isSorted();
      Complaint after = g.get(c.id());
      assertThat(after.post()).contains(EE);
      assertThat(after.specialClosureRequest()).isEmpty();
      assertThat(after.flags()).isEmpty();
    }
  }

  @Nested
  class Its_form {
    @Test
    void the_request_and_its_event_survive_a_json_round_trip_and_an_older_document_still_reads() throws Exception {
      Complaint c = requested();
      clock.set(EE_DUE);
      g.escalator().sweep();
      Complaint after = g.get(c.id());
      ObjectMapper json = NivaranJson.objectMapper();

      String written = json.writeValueAsString(after);
      assertThat(written).contains("\"approver\":\"" + SE.code() + "\"");
      assertThat(json.readValue(written, Complaint.class)).isEqualTo(after);
      for (ComplaintEvent e : g.history(c.id())) {
        assertThat(json.readValue(json.writeValueAsString(e), ComplaintEvent.class)).isEqualTo(e);
      }
      // a document written before requests had deadlines: no approver, no dueAt
      ObjectNode older = (ObjectNode) json.readTree(written);
      ((ObjectNode) older.get("specialClosureRequest")).remove(List.of("approver", "dueAt"));
      Complaint read = json.treeToValue(older, Complaint.class);
      assertThat(read.specialClosureRequest()).hasValueSatisfying(r -> {
        assertThat(r.approver()).isEmpty();
        assertThat(r.dueAt()).isEmpty();
        assertThat(r.reason()).isEqualTo(SpecialClosureReason.POLICY_MATTER);
      });
    }
  }

  @Nested
  class Configuration {
    @Test
    void an_approval_calendar_that_is_not_registered_is_refused_naming_it() {
      SpecialClosurePolicy policy = SpecialClosurePolicy.builder().approvalWithin(SlaBudget.workingDays(2), "UP-SECRETARIAT").build();

      assertThatThrownBy(() -> District.grievances(store, clock).specialClosurePolicy(policy).build())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendars"))
          .hasMessageContaining("UP-SECRETARIAT");
    }

    @Test
    void a_wait_limit_needs_a_store_with_work_lists() {
      ComplaintStore plain = new ComplaintStore() {
        @Override
        public CreateResult create(NewComplaint registration) {
          return store.create(registration);
        }

        @Override
        public void append(Append change) {
          store.append(change);
        }

        @Override
        public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
          return store.find(TenantId.DEFAULT, id);
        }

        @Override
        public Optional<Complaint> findByReference(TenantId tenant, ExternalReference r) {
          return store.findByReference(tenant, r);
        }

        @Override
        public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
          return store.events(TenantId.DEFAULT, id);
        }

        @Override
        public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
          return store.findByIdempotencyKey(TenantId.DEFAULT, key, fingerprint);
        }
      };

      assertThatThrownBy(() -> Grievances.builder().store(plain).clock(clock).directory(District.directory())
              .calendars(District.CALENDARS).specialClosurePolicy(TWO_WORKING_DAYS).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("special-closure policy that limits the wait")
          .hasMessageContaining("WorkLists");
    }

    @Test
    void the_policy_says_its_wait_limit() {
      assertThat(TWO_WORKING_DAYS.limitsWait()).isTrue();
      assertThat(TWO_WORKING_DAYS.approvalCalendarId()).contains("OFFICE");
      assertThat(SpecialClosurePolicy.ofDefaults().limitsWait()).isFalse();
      assertThat(SpecialClosurePolicy.none().limitsWait()).isFalse();
      assertThat(TWO_WORKING_DAYS.approvalDeadline(District.OFFICE, REQUESTED)).isEqualTo(EE_DUE);
      assertThatThrownBy(() -> SpecialClosurePolicy.builder().approvalWithin(null, "OFFICE"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("approvalBudget"));
      assertThat(TWO_WORKING_DAYS).isNotEqualTo(SpecialClosurePolicy.ofDefaults());
    }
  }
}
