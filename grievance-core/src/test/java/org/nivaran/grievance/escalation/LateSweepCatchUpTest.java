package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.CE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.NODAL;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintFlagged;
import org.nivaran.grievance.complaint.ComplaintEvent.SlaTimerSet;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * A sweep that comes long after several deadlines (a node down for weeks) catches up in one pass,
 * and time spent waiting on the citizen never counts against any level.
 *
 * <p>Calendar: the district's office, Mon-Fri 10:00-18:00 IST, Holi on Monday 25 March 2024. The
 * MP ladder gives 7 working days a level, ending at the close of the 7th working day after the
 * date the level's clock starts. A complaint registered Tue 19 March 11:00 runs out at L1 on
 * Fri 29 March 18:00 (20, 21, 22, 26, 27, 28, 29 March: Holi skipped), at L2 on Tue 9 April
 * 18:00 (1-5, 8, 9 April), at L3 on Thu 18 April 18:00 (10-12, 15-18 April) and at L4 on Mon 29
 * April 18:00 (19, 22-26, 29 April).
 */
class LateSweepCatchUpTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor ESCALATOR = Actor.system("escalator");
  private static final Instant L1_RAN_OUT = ist(2024, 3, 29, 18, 0);
  private static final Instant L2_RAN_OUT = ist(2024, 4, 9, 18, 0);
  private static final Instant L3_RAN_OUT = ist(2024, 4, 18, 18, 0);
  private static final Instant L4_RAN_OUT = ist(2024, 4, 29, 18, 0);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

  private Grievances grievances(EscalationPolicies policies) {
    return Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", District.IST))
        .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(policies)
        .notifier(sent::add)
        .build();
  }

  private final Grievances grievances = grievances(District.POLICIES);

  private static RegisterComplaint energy() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  /** The events a sweep appended to a complaint that was at {@code version} before it. */
  private List<ComplaintEvent> appendedSince(Grievances g, Complaint before) {
    List<ComplaintEvent> history = g.history(before.id());
    return history.subList((int) before.version(), history.size());
  }

  private static List<Instant> stamps(List<ComplaintEvent> events) {
    return events.stream().map(ComplaintEvent::occurredAt).toList();
  }

  private static SlaTimer timer(ComplaintEvent e) {
    return ((SlaTimerSet) e).timer();
  }

  private static PostId to(ComplaintEvent e) {
    return ((ComplaintEscalated) e).to().post();
  }

  @Test
  void a_sweep_weeks_late_takes_a_complaint_from_l1_to_l4_and_flags_it_in_one_pass() {
    Complaint c = grievances.register(energy(), AGENT);
    sent.clear();

    clock.set(ist(2024, 4, 30, 10, 0)); // the node comes back after six weeks
    EscalationReport report = grievances.escalator().sweep();

    Complaint after = grievances.get(c.id());
    assertThat(after.post()).contains(CE);
    assertThat(after.level()).contains(Level.L4);
    assertThat(after.flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
    assertThat(after.dueAt()).isEmpty();
    assertThat(report.outcomes()).extracting(Outcome::from, Outcome::action).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Level.L1, Action.ESCALATED),
        org.assertj.core.groups.Tuple.tuple(Level.L2, Action.ESCALATED),
        org.assertj.core.groups.Tuple.tuple(Level.L3, Action.ESCALATED),
        org.assertj.core.groups.Tuple.tuple(Level.L4, Action.OVERDUE_AT_TOP));

    // one escalation per level, each stamped when that level's time ran out, each new level's
    // clock counting from there; then the flag, when the top's time ran out
    List<ComplaintEvent> appended = appendedSince(grievances, c);
    assertThat(appended).extracting(e -> e.getClass().getSimpleName()).containsExactly(
        "ComplaintEscalated", "SlaTimerSet", "ComplaintEscalated", "SlaTimerSet", "ComplaintEscalated", "SlaTimerSet",
        "ComplaintFlagged");
    assertThat(stamps(appended)).containsExactly(
        L1_RAN_OUT, L1_RAN_OUT, L2_RAN_OUT, L2_RAN_OUT, L3_RAN_OUT, L3_RAN_OUT, L4_RAN_OUT);
    assertThat(List.of(to(appended.get(0)), to(appended.get(2)), to(appended.get(4)))).containsExactly(EE, SE, CE);
    assertThat(List.of(timer(appended.get(1)), timer(appended.get(3)), timer(appended.get(5))))
        .extracting(SlaTimer::level, SlaTimer::since, t -> t.deadline().orElseThrow())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Level.L2, L1_RAN_OUT, L2_RAN_OUT),
            org.assertj.core.groups.Tuple.tuple(Level.L3, L2_RAN_OUT, L3_RAN_OUT),
            org.assertj.core.groups.Tuple.tuple(Level.L4, L3_RAN_OUT, L4_RAN_OUT));
    assertThat(appended.get(6)).isInstanceOfSatisfying(ComplaintFlagged.class,
        f -> assertThat(f.detail()).contains("L4 is the top rung"));
    assertThat(appended).allSatisfy(e -> assertThat(e.actor().role()).isEqualTo(ESCALATOR.role()));

    // the post it ended at is told, not the two it passed through
    assertThat(sent).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(NotificationKind.ESCALATED_TO_YOU);
      assertThat(n.recipient().post()).contains(CE);
    });

    // the log replays to the stored complaint; the next sweep has nothing to do
    assertThat(Lifecycle.replay(grievances.history(c.id()))).isEqualTo(after);
    clock.set(ist(2024, 5, 2, 10, 0));
    assertThat(grievances.escalator().sweep().outcomes()).isEmpty();
  }

  @Test
  void a_late_sweep_stops_at_the_level_with_time_left_and_tells_that_post_and_those_above_only() {
    Complaint c = grievances.register(energy(), AGENT);
    sent.clear();

    clock.set(ist(2024, 4, 12, 10, 0)); // L1 and L2 ran out; L3 has until Thu 18 April 18:00
    EscalationReport report = grievances.escalator().sweep();

    Complaint after = grievances.get(c.id());
    assertThat(after.post()).contains(SE);
    assertThat(after.flags()).isEmpty();
    assertThat(after.dueAt()).contains(L3_RAN_OUT);
    assertThat(report.count(Action.ESCALATED)).isEqualTo(2);
    assertThat(stamps(appendedSince(grievances, c))).containsExactly(L1_RAN_OUT, L1_RAN_OUT, L2_RAN_OUT, L2_RAN_OUT);
    assertThat(sent).extracting(Notification::kind, n -> n.recipient().post().orElseThrow()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NotificationKind.ESCALATED_TO_YOU, SE),
        org.assertj.core.groups.Tuple.tuple(NotificationKind.ESCALATED_SUPERVISOR, CE));
    assertThat(Lifecycle.replay(grievances.history(c.id()))).isEqualTo(after);
  }

  @Test
  void a_sweep_on_time_moves_one_level_stamped_when_the_level_ran_out() {
    Complaint c = grievances.register(energy(), AGENT);
    sent.clear();

    clock.set(ist(2024, 3, 30, 9, 0)); // the Saturday-morning sweep
    EscalationReport report = grievances.escalator().sweep();

    Complaint after = grievances.get(c.id());
    assertThat(after.post()).contains(EE);
    assertThat(after.dueAt()).contains(L2_RAN_OUT);
    assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.action()).isEqualTo(Action.ESCALATED));
    assertThat(stamps(appendedSince(grievances, c))).containsExactly(L1_RAN_OUT, L1_RAN_OUT);
    assertThat(sent).extracting(Notification::kind).containsExactly(NotificationKind.ESCALATED_TO_YOU);
  }

  @Test
  void a_vacant_post_part_way_up_stops_the_catch_up_flagged_when_that_levels_time_ran_out() {
    grievances.transferOfficer(SE, Optional.empty());
    Complaint c = grievances.register(energy(), AGENT);
    sent.clear();

    clock.set(ist(2024, 4, 30, 10, 0));
    EscalationReport report = grievances.escalator().sweep();

    Complaint after = grievances.get(c.id());
    assertThat(after.post()).contains(EE);
    assertThat(after.flags()).containsExactly(ComplaintFlag.ESCALATION_BLOCKED);
    assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(Action.ESCALATED, Action.BLOCKED);
    List<ComplaintEvent> appended = appendedSince(grievances, c);
    assertThat(stamps(appended)).containsExactly(L1_RAN_OUT, L1_RAN_OUT, L2_RAN_OUT);
    assertThat(appended.get(2)).isInstanceOfSatisfying(ComplaintFlagged.class, f -> {
      assertThat(f.flag()).isEqualTo(ComplaintFlag.ESCALATION_BLOCKED);
      assertThat(f.attention()).contains(NODAL);
    });
    assertThat(sent).extracting(Notification::kind, n -> n.recipient().post().orElseThrow()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NotificationKind.ESCALATED_TO_YOU, EE),
        org.assertj.core.groups.Tuple.tuple(NotificationKind.FLAGGED, NODAL));
    assertThat(grievances.stuck(10)).extracting(Complaint::id).containsExactly(c.id());
  }

  @Test
  void a_ladder_naming_the_head_of_department_tells_them_once_after_catching_up_to_the_top() {
    Grievances headed = grievances(EscalationPolicies.of(
        LadderPolicy.builder("MP", "OFFICE").otherwise(SlaBudget.workingDays(7)).pastTop(PastTop.NOTIFY_HEAD_OF_DEPARTMENT)
            .build(),
        District.UP));
    Complaint c = headed.register(energy(), AGENT);
    sent.clear();

    clock.set(ist(2024, 4, 30, 10, 0));
    headed.escalator().sweep();

    assertThat(headed.get(c.id()).flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
    assertThat(sent).extracting(Notification::kind, n -> n.recipient().role()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(NotificationKind.ESCALATED_TO_YOU, RecipientRole.POST_HOLDER),
        org.assertj.core.groups.Tuple.tuple(NotificationKind.OVERDUE_AT_TOP, RecipientRole.HEAD_OF_DEPARTMENT));
  }

  @Test
  void a_top_rung_that_restarts_is_restarted_once_with_the_clock_that_runs_at_the_sweep() {
    Grievances staying = grievances(EscalationPolicies.of(
        LadderPolicy.builder("MP", "OFFICE").otherwise(SlaBudget.workingDays(7)).top(Level.L1).pastTop(PastTop.STAY)
            .build(),
        District.UP));
    Complaint c = staying.register(energy(), AGENT);

    // the L1 clock ran out on 29 March, its restarts on 9 and 18 April; the one from 18 April runs
    clock.set(ist(2024, 4, 24, 10, 0));
    EscalationReport report = staying.escalator().sweep();

    assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.action()).isEqualTo(Action.RESTARTED_AT_TOP));
    Complaint after = staying.get(c.id());
    assertThat(after.post()).contains(AE);
    assertThat(after.sla().orElseThrow().since()).isEqualTo(L3_RAN_OUT);
    assertThat(after.dueAt()).contains(L4_RAN_OUT);
    assertThat(appendedSince(staying, c)).singleElement().satisfies(e -> {
      assertThat(e).isInstanceOf(SlaTimerSet.class);
      assertThat(e.occurredAt()).isEqualTo(L3_RAN_OUT);
    });
    assertThat(Lifecycle.replay(staying.history(c.id()))).isEqualTo(after);
  }

  /**
   * The officer asks the citizen for documents after the level's deadline, before any sweep acted
   * on it. The rule: the overdue level stays overdue (its breach instant is kept), and the next
   * level's clock counts from that breach as if it had been paused while the complaint waited on
   * the citizen: it is charged the open time the complaint sat late before the question and after
   * the answer, never the wait.
   *
   * <p>Worked by hand on the office calendar (Mon-Fri 10:00-18:00 IST; no holiday in April 2024),
   * with a ladder of 2 working days a level:
   *
   * <ul>
   *   <li>registered and assigned to the AE (L1) Mon 8 April 11:00; 2 working days: to the close
   *       of Wed 10 April, 7 + 8 + 8 = 23 open hours. L1 runs out Wed 10 April 18:00.
   *   <li>no sweep runs. Thu 11 April 12:00, 2 open hours late (10:00-12:00), the AE asks the
   *       citizen: the clock pauses, still run out at Wed 18:00.
   *   <li>the citizen answers Mon 15 April 15:00, after 6 (Thu 12-18) + 8 (Fri) + 5 (Mon 10-15) =
   *       19 open hours of waiting.
   *   <li>the sweep runs Mon 15 April 16:00. The escalation is stamped at the answer, Mon 15:00
   *       (never before the event it follows). L2 counts from Wed 10 April 18:00: 2 working days
   *       to the close of Fri 12 April, 16 open hours; charged the 2 late hours, 14 are left at
   *       Mon 15:00: Mon 15-18 (3), Tue 16 (8), Wed 17 10:00-13:00 (3). L2 runs out Wed 17 April
   *       13:00. (Charging the wait, L2 would have run out Fri 12 April 18:00, before it arrived.)
   * </ul>
   */
  @Test
  void a_wait_on_the_citizen_begun_after_the_deadline_is_charged_to_no_level() {
    Grievances twoDays = grievances(EscalationPolicies.of(
        LadderPolicy.builder("MP", "OFFICE").otherwise(SlaBudget.workingDays(2)).build(), District.UP));
    clock.set(ist(2024, 4, 8, 11, 0));
    Complaint c = twoDays.register(energy(), AGENT);
    assertThat(c.dueAt()).contains(ist(2024, 4, 10, 18, 0));

    clock.set(ist(2024, 4, 11, 12, 0));
    c = twoDays.execute(c.id(), new ComplaintCommand.RequestInformation("बिल की प्रति भेजें"), Actor.officer("OFF-AE-1", AE));
    assertThat(c.sla().orElseThrow().deadline()).as("overdue stays overdue").contains(ist(2024, 4, 10, 18, 0));
    assertThat(c.dueAt()).as("not due while waiting on the citizen").isEmpty();
    clock.set(ist(2024, 4, 15, 15, 0));
    c = twoDays.execute(c.id(), new ComplaintCommand.ProvideInformation("भेज दी", List.of()), AGENT);
    assertThat(c.dueAt()).contains(ist(2024, 4, 10, 18, 0));

    clock.set(ist(2024, 4, 15, 16, 0));
    EscalationReport report = twoDays.escalator().sweep();

    Complaint after = twoDays.get(c.id());
    assertThat(report.outcomes()).extracting(Outcome::action).containsExactly(Action.ESCALATED);
    assertThat(after.post()).contains(EE);
    SlaTimer l2 = after.sla().orElseThrow();
    assertThat(l2.level()).isEqualTo(Level.L2);
    assertThat(l2.budget()).isEqualTo(Duration.ofHours(16));
    assertThat(l2.consumed()).isEqualTo(Duration.ofHours(2));
    assertThat(l2.deadline()).contains(ist(2024, 4, 17, 13, 0));
    assertThat(appendedSince(twoDays, c)).extracting(ComplaintEvent::occurredAt)
        .containsOnly(ist(2024, 4, 15, 15, 0));
    assertThat(Lifecycle.replay(twoDays.history(c.id()))).isEqualTo(after);

    clock.set(ist(2024, 4, 17, 12, 59));
    twoDays.escalator().sweep();
    assertThat(twoDays.get(c.id()).post()).contains(EE);
    clock.set(ist(2024, 4, 17, 13, 0));
    twoDays.escalator().sweep();
    assertThat(twoDays.get(c.id()).post()).contains(SE);
  }
}
