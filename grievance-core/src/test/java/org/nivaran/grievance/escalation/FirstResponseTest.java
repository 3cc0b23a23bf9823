package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.NODAL;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.District.TEHSILDAR;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.time.Duration;
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
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ContactOutcome;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.FirstResponsePolicy.OnMiss;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * The first response, timed apart from the resolution: its deadline recorded at the first
 * assignment, met by the officer's recorded contact, and acted on once by the escalator when missed.
 *
 * <p>Calendar: the district's office, Mon-Fri 10:00-18:00 IST, Holi on Monday 25 March 2024. With
 * a budget of 4 office hours, a complaint registered (and assigned at once) on Friday 22 March 2024
 * at 16:00 has 2 hours that Friday (16:00-18:00); Saturday, Sunday and Holi are closed, so the other
 * 2 hours run Tuesday 26 March 10:00-12:00: the first response is due Tue 26 March 12:00 IST. The MP
 * ladder's L1 clock (7 working days) runs out on Wed 3 April 18:00 (26-29 March, 1-3 April).
 */
class FirstResponseTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_OFFICER = Actor.officer("OFF-AE-1", AE);
  private static final Actor EE_OFFICER = Actor.officer("OFF-EE", EE);
  private static final Instant REGISTERED = ist(2024, 3, 22, 16, 0);
  private static final Instant FIRST_RESPONSE_DUE = ist(2024, 3, 26, 12, 0);
  private static final Instant L1_RAN_OUT = ist(2024, 4, 3, 18, 0);
  private static final SlaBudget FOUR_OFFICE_HOURS = SlaBudget.openTime(Duration.ofHours(4));

  private final MutableClock clock = new MutableClock(REGISTERED);
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

  private Grievances grievances(FirstResponsePolicy policy) {
    return District.grievances(store, clock).notifier(sent::add).firstResponsePolicy(policy).build();
  }

  private static RegisterComplaint energy() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  private static RegisterComplaint land() {
    return Fixtures.requestBuilder().categoryCode("REVENUE.LAND").jurisdictionCode("WARD-12").build();
  }

  private static List<ComplaintEvent> appendedSince(Grievances g, Complaint before) {
    List<ComplaintEvent> history = g.history(before.id());
    return history.subList((int) before.version(), history.size());
  }

  private static List<String> names(List<ComplaintEvent> events) {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  @Nested
  class The_deadline {
    @Test
    void is_recorded_at_the_first_assignment_counting_office_hours_around_a_holiday() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));

      Complaint c = g.register(energy(), AGENT);

      assertThat(c.post()).contains(AE);
      assertThat(c.firstResponse()).hasValueSatisfying(f -> {
        assertThat(f.dueAt()).isEqualTo(FIRST_RESPONSE_DUE);
        assertThat(f.pending()).isTrue();
      });
      assertThat(names(g.history(c.id())))
          .containsExactly("ComplaintRegistered", "ComplaintAssigned", "SlaTimerSet", "FirstResponseDueSet");
      // the earlier of the two deadlines is what the stores index
      assertThat(c.slaDueAt()).contains(L1_RAN_OUT);
      assertThat(c.firstResponseDueAt()).contains(FIRST_RESPONSE_DUE);
      assertThat(c.dueAt()).contains(FIRST_RESPONSE_DUE);
    }

    @Test
    void is_not_recorded_under_the_default_policy() {
      Grievances g = grievances(FirstResponsePolicy.none());

      Complaint c = g.register(energy(), AGENT);

      assertThat(c.firstResponse()).isEmpty();
      assertThat(c.dueAt()).contains(L1_RAN_OUT);
      assertThat(names(g.history(c.id()))).containsExactly("ComplaintRegistered", "ComplaintAssigned", "SlaTimerSet");
    }

    @Test
    void is_met_by_either_outcome_of_the_officers_contact_and_only_the_first_counts() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
      Complaint c = g.register(energy(), AGENT);
      Instant called = ist(2024, 3, 26, 11, 0);
      clock.set(called);

      c = g.execute(c.id(), new ComplaintCommand.RecordContact(ContactOutcome.NOT_REACHABLE, Optional.empty()), AE_OFFICER);
      clock.set(ist(2024, 3, 27, 11, 0));
      c = g.execute(c.id(), new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.of("spoke")), AE_OFFICER);

      assertThat(c.firstResponse()).hasValueSatisfying(f -> {
        assertThat(f.firstContactAt()).contains(called);
        assertThat(f.metInTime()).isTrue();
        assertThat(f.pending()).isFalse();
      });
      assertThat(c.firstResponseDueAt()).isEmpty();
      assertThat(c.dueAt()).contains(L1_RAN_OUT);
      assertThat(c.status()).isEqualTo(org.nivaran.grievance.complaint.Status.ASSIGNED);

      clock.set(ist(2024, 3, 28, 10, 0));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
    }
  }

  @Nested
  class A_miss {
    @Test
    void flags_the_complaint_for_the_post_above_once_stamped_at_the_deadline_and_tells_its_holder() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
      Complaint c = g.register(energy(), AGENT);
      sent.clear();

      clock.set(ist(2024, 3, 26, 15, 0));
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::from, Outcome::action)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Level.L1, Action.FIRST_RESPONSE_MISSED));
      List<ComplaintEvent> appended = appendedSince(g, c);
      assertThat(appended).singleElement().isInstanceOfSatisfying(ComplaintFlagged.class, f -> {
        assertThat(f.flag()).isEqualTo(ComplaintFlag.FIRST_RESPONSE_MISSED);
        assertThat(f.attention()).contains(EE);
        assertThat(f.occurredAt()).isEqualTo(FIRST_RESPONSE_DUE);
      });
      Complaint after = g.get(c.id());
      assertThat(after.post()).contains(AE);
      assertThat(after.flags()).containsExactly(ComplaintFlag.FIRST_RESPONSE_MISSED);
      assertThat(after.firstResponse()).hasValueSatisfying(f -> assertThat(f.missedActedOn()).isTrue());
      // the flag does not stop the resolution clock: the complaint is still due at L1's deadline
      assertThat(after.dueAt()).contains(L1_RAN_OUT);
      assertThat(sent).anySatisfy(n -> {
        assertThat(n.kind()).isEqualTo(NotificationKind.FLAGGED);
        assertThat(n.recipient().post()).contains(EE);
      });

      clock.set(ist(2024, 3, 27, 15, 0));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
      assertThat(g.history(c.id())).hasSize((int) after.version());
    }

    @Test
    void escalates_the_complaint_one_level_up_when_the_policy_says_so() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.ESCALATE));
      Complaint c = g.register(energy(), AGENT);

      clock.set(ist(2024, 3, 26, 15, 0));
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action)
          .containsExactly(Action.FIRST_RESPONSE_MISSED, Action.ESCALATED);
      List<ComplaintEvent> appended = appendedSince(g, c);
      assertThat(names(appended)).containsExactly("ComplaintFlagged", "ComplaintEscalated", "SlaTimerSet");
      assertThat(appended).extracting(ComplaintEvent::occurredAt).containsOnly(FIRST_RESPONSE_DUE);
      Complaint after = g.get(c.id());
      assertThat(after.post()).contains(EE);
      assertThat(after.level()).contains(Level.L2);
      assertThat(after.flags()).isEmpty(); // a move clears the flags; the miss stays on record
      assertThat(after.firstResponse()).hasValueSatisfying(f -> assertThat(f.missedActedOn()).isTrue());
      assertThat(after.sla()).hasValueSatisfying(t -> assertThat(t.since()).isEqualTo(FIRST_RESPONSE_DUE));

      // the EE's contact is recorded, but late: it does not count as in time
      after = g.execute(c.id(), new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.empty()), EE_OFFICER);
      assertThat(after.firstResponse()).hasValueSatisfying(f -> assertThat(f.metInTime()).isFalse());
      clock.set(ist(2024, 3, 27, 15, 0));
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
    }

    @Test
    void with_no_post_above_flags_for_the_post_a_blocked_escalation_names_and_does_not_escalate() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.ESCALATE));
      Complaint c = g.register(land(), AGENT);
      assertThat(c.post()).contains(TEHSILDAR);

      clock.set(ist(2024, 3, 26, 15, 0));
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(Action.FIRST_RESPONSE_MISSED);
      assertThat(appendedSince(g, c)).singleElement().isInstanceOfSatisfying(ComplaintFlagged.class,
          f -> assertThat(f.attention()).contains(NODAL));
      Complaint after = g.get(c.id());
      assertThat(after.post()).contains(TEHSILDAR);
      assertThat(after.flags()).containsExactly(ComplaintFlag.FIRST_RESPONSE_MISSED);
    }

    @Test
    void after_a_level_that_ran_out_first_is_acted_on_in_deadline_order_in_one_sweep() {
      // 10 working days to phone, longer than L1's 7
      Grievances g = grievances(FirstResponsePolicy.of(SlaBudget.workingDays(10), "OFFICE", OnMiss.FLAG_POST_ABOVE));
      Complaint c = g.register(energy(), AGENT);
      // from Fri 22 March: 26, 27, 28, 29 March, 1, 2, 3, 4, 5, 8 April -> the close of Mon 8 April
      Instant firstResponseDue = ist(2024, 4, 8, 18, 0);
      assertThat(c.firstResponse()).hasValueSatisfying(f -> assertThat(f.dueAt()).isEqualTo(firstResponseDue));

      clock.set(ist(2024, 4, 9, 10, 0));
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(Outcome::action)
          .containsExactly(Action.ESCALATED, Action.FIRST_RESPONSE_MISSED);
      List<ComplaintEvent> appended = appendedSince(g, c);
      assertThat(names(appended)).containsExactly("ComplaintEscalated", "SlaTimerSet", "ComplaintFlagged");
      assertThat(appended).extracting(ComplaintEvent::occurredAt)
          .containsExactly(L1_RAN_OUT, L1_RAN_OUT, firstResponseDue);
      // by then the complaint is with the EE: the post above is the SE
      assertThat(((ComplaintFlagged) appended.get(2)).attention()).contains(SE);
    }
  }

  @Nested
  class Refusals {
    @Test
    void a_contact_by_an_officer_of_another_post_or_by_an_agent() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
      Complaint c = g.register(energy(), AGENT);
      ComplaintCommand contact = new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.empty());

      assertThatThrownBy(() -> g.execute(c.id(), contact, EE_OFFICER)).isInstanceOf(ActorNotPermittedException.class);
      assertThatThrownBy(() -> g.execute(c.id(), contact, AGENT)).isInstanceOf(ActorNotPermittedException.class);
      assertThat(g.get(c.id()).firstResponse()).hasValueSatisfying(f -> assertThat(f.pending()).isTrue());
    }

    @Test
    void a_remark_too_long_or_blank_naming_it_and_the_remark_never_appears_in_to_string() {
      assertThatThrownBy(() -> new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.of("x".repeat(1001))))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("remark"));
      assertThatThrownBy(() -> new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.of("  ")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("remark"));
      assertThatThrownBy(() -> new ComplaintCommand.RecordContact(null, Optional.empty()))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome"));

      String remark = "सुनीता वर्मा से 9876543210 पर बात हुई";
      ComplaintCommand.RecordContact command = new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.of(remark));
      ComplaintEvent.ContactRecorded event = new ComplaintEvent.ContactRecorded(
          org.nivaran.grievance.complaint.ComplaintId.of("RPR-2024-000001"), 5, REGISTERED, AE_OFFICER,
          ContactOutcome.CALL_MADE, Optional.of(remark));
      assertThat(command.toString()).doesNotContain("9876543210").doesNotContain("सुनीता")
          .contains("CALL_MADE").contains("(" + remark.codePointCount(0, remark.length()) + " chars)");
      assertThat(event.toString()).doesNotContain("9876543210").doesNotContain("सुनीता").contains("CALL_MADE");
    }

    @Test
    void a_contact_on_a_closed_complaint() {
      Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
      Complaint c = g.register(energy(), AGENT);
      g.execute(c.id(), new ComplaintCommand.Resolve("transformer replaced", List.of()), AE_OFFICER);
      g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), AGENT);

      assertThatThrownBy(() -> g.execute(
              c.id(), new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.empty()), AE_OFFICER))
          .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_policy_whose_calendar_is_not_registered_naming_it() {
      assertThatThrownBy(() -> grievances(
              FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "CALL-CENTRE", OnMiss.FLAG_POST_ABOVE)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("calendars");
            assertThat(e.getMessage()).contains("'CALL-CENTRE'").contains("first-response policy");
          });
    }

    @Test
    void a_policy_without_its_parts() {
      assertThatThrownBy(() -> FirstResponsePolicy.of(null, "OFFICE", OnMiss.ESCALATE))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("budget"));
      assertThatThrownBy(() -> FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", null))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("onMiss"));
      assertThatThrownBy(() -> FirstResponsePolicy.of(FOUR_OFFICE_HOURS, " ", OnMiss.ESCALATE))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendarId"));
    }

    @Test
    void a_deadline_on_another_calendar() {
      FirstResponsePolicy policy = FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.ESCALATE);
      assertThatThrownBy(() -> policy.deadline(Fixtures.ROUND_THE_CLOCK, REGISTERED))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("calendar"));
      assertThatThrownBy(() -> FirstResponsePolicy.none().deadline(District.OFFICE, REGISTERED))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void grading_counts_the_first_responses_due_in_the_period_and_those_made_by_their_deadline() {
    Grievances g = grievances(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
    Complaint phoned = g.register(energy(), AGENT);
    Complaint missed = g.register(energy(), AGENT);
    Complaint land = g.register(land(), AGENT);
    clock.set(ist(2024, 3, 26, 12, 0)); // at the deadline: in time
    g.execute(phoned.id(), new ComplaintCommand.RecordContact(ContactOutcome.CALL_MADE, Optional.empty()), AE_OFFICER);
    clock.set(ist(2024, 3, 26, 12, 1)); // a minute late: recorded, not in time
    g.execute(missed.id(), new ComplaintCommand.RecordContact(ContactOutcome.NOT_REACHABLE, Optional.empty()), AE_OFFICER);
    // registered on the 29th: its deadline (Mon 1 April 12:00) falls in April
    clock.set(ist(2024, 3, 29, 16, 0));
    g.register(energy(), AGENT);
    clock.set(ist(2024, 4, 2, 10, 0));
    g.escalator().sweep();

    org.nivaran.grievance.report.GradingReport march = org.nivaran.grievance.report.Grading.grade(
        org.nivaran.grievance.report.EventLogGradingSource.of(store),
        org.nivaran.grievance.report.GradingPeriod.of(java.time.YearMonth.of(2024, 3), District.IST),
        org.nivaran.grievance.report.GradingScheme.standard(), code -> "RAIPUR");

    assertThat(march.department("ENERGY")).hasValueSatisfying(u -> {
      assertThat(u.figures().firstResponsesDue()).isEqualTo(2);
      assertThat(u.figures().firstResponsesInTime()).isEqualTo(1);
      assertThat(u.figures().firstResponseRate()).contains(0.5);
    });
    assertThat(march.department("REVENUE")).hasValueSatisfying(u -> {
      assertThat(u.figures().firstResponsesDue()).isEqualTo(1); // never phoned, flagged
      assertThat(u.figures().firstResponseRate()).contains(0.0);
    });
    assertThat(g.get(land.id()).flags()).contains(ComplaintFlag.FIRST_RESPONSE_MISSED);
    assertThat(march.toCsv().split("\r\n")[0]).contains(",first_responses_due,first_responses_in_time,first_response_rate,")
        .endsWith(",points_first_response");
  }

  @Test
  void the_default_policy_has_no_parts_and_policies_compare_by_value() {
    assertThat(FirstResponsePolicy.none().active()).isFalse();
    assertThat(FirstResponsePolicy.none().calendarId()).isEmpty();
    assertThat(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.ESCALATE))
        .isEqualTo(FirstResponsePolicy.of(SlaBudget.openTime(Duration.ofHours(4)), "OFFICE", OnMiss.ESCALATE))
        .isNotEqualTo(FirstResponsePolicy.of(FOUR_OFFICE_HOURS, "OFFICE", OnMiss.FLAG_POST_ABOVE));
  }
}
