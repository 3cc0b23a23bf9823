package org.nivaran.grievance.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.District.TEHSILDAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.SamePriorityException;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.Categories;
import org.nivaran.grievance.directory.Category;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Priorities through {@code Grievances}: the category's default, the agent's choice, a
 * supervisor's change re-timing the level's clock, and who may change it. The office calendar is
 * District's (Mon-Fri 10:00-18:00 IST, Holi on Monday 25 March 2024); the ladder gives L1 1
 * working day if urgent and 3 if high, L2 1 working day if urgent, and 7 otherwise. Deadlines were
 * worked out by hand: N working days from t end at the close of the N-th working day after t's date.
 */
class PriorityEndToEndTest {
  static final LadderPolicy MP = LadderPolicy.builder("MP", "OFFICE")
      .budget(Level.L1, Priority.URGENT, SlaBudget.workingDays(1))
      .budget(Level.L1, Priority.HIGH, SlaBudget.workingDays(3))
      .budget(Level.L2, Priority.URGENT, SlaBudget.workingDays(1))
      .otherwise(SlaBudget.workingDays(7))
      .build();
  static final Actor AGENT = Actor.agent("AGENT-7");
  static final Actor EE_SUPERVISOR = Actor.supervisor("OFF-EE", EE);
  static final Actor TEHSILDAR_SUPERVISOR = Actor.supervisor("OFF-TEH", TEHSILDAR);
  static final Actor AE_VERMA = Actor.officer("OFF-AE-1", AE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances grievances = District.grievances(store, clock)
      .directory(withHospitalCategory(District.directory()))
      .escalationPolicies(EscalationPolicies.of(MP, District.UP))
      .build();

  /** The district's directory plus ENERGY.HOSPITAL, an energy category that is URGENT by default. */
  static Directory withHospitalCategory(Directory d) {
    List<Category> categories = new ArrayList<>(d.categories().all());
    categories.add(Category.of("ENERGY.HOSPITAL", "ENERGY", "Supply to a hospital", "अस्पताल की बिजली",
        List.of("aspatal"), Kind.COMPLAINT, "MP").withDefaultPriority(Priority.URGENT));
    return Directory.builder()
        .departments(d.departments())
        .jurisdictions(d.jurisdictions())
        .categories(Categories.of(categories, d.departments()))
        .posts(d.posts())
        .roster(d.roster())
        .blocklist(d.blocklist())
        .build();
  }

  static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(IST).toInstant();
  }

  static RegisterComplaint.Builder request(String category) {
    return Fixtures.requestBuilder().categoryCode(category).jurisdictionCode("WARD-12");
  }

  private static Instant deadline(Complaint c) {
    return c.sla().flatMap(SlaTimer::deadline).orElseThrow();
  }

  private Complaint change(Complaint c, Priority to, Instant at) {
    clock.set(at);
    return grievances.execute(c.id(), new ComplaintCommand.ChangePriority(to, "the outage is at the district hospital"),
        EE_SUPERVISOR);
  }

  @Test
  void a_complaint_takes_its_categorys_default_priority_unless_the_agent_sets_one() {
    Complaint hospital = grievances.register(request("ENERGY.HOSPITAL").build(), AGENT);
    Complaint street = grievances.register(request("ENERGY.SUPPLY").build(), AGENT);
    Complaint raised = grievances.register(request("ENERGY.SUPPLY").priority(Priority.HIGH).build(), AGENT);

    assertThat(hospital.priority()).isEqualTo(Priority.URGENT);
    assertThat(street.priority()).isEqualTo(Priority.NORMAL);
    assertThat(raised.priority()).isEqualTo(Priority.HIGH);
    assertThat(grievances.history(hospital.id()).get(0))
        .isInstanceOfSatisfying(ComplaintEvent.ComplaintRegistered.class,
            e -> assertThat(e.priority()).isEqualTo(Priority.URGENT));
    // registered Tue 19 Mar 11:00: urgent ends with Wednesday, high with Friday, normal after Holi
    assertThat(deadline(hospital)).isEqualTo(ist(2024, 3, 20, 18, 0));
    assertThat(deadline(raised)).isEqualTo(ist(2024, 3, 22, 18, 0));
    assertThat(deadline(street)).isEqualTo(ist(2024, 3, 29, 18, 0));
  }

  @Test
  void a_citizen_may_not_set_a_priority() {
    RegisterComplaint own = request("ENERGY.SUPPLY").priority(Priority.URGENT).build();

    assertThatThrownBy(() -> grievances.register(own, Actor.citizen(own.citizen().phone())))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.PRIORITY_SET_BY_STAFF));
    assertThat(store.size()).isZero();
    RegisterComplaint plain = request("ENERGY.HOSPITAL").build();
    assertThat(grievances.register(plain, Actor.citizen(plain.citizen().phone())).priority()).isEqualTo(Priority.URGENT);
  }

  @Test
  void raised_to_urgent_the_deadline_is_one_working_day_from_the_levels_start_and_back_to_normal_it_is_restored() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT); // Tue 19 Mar 11:00
    Instant normal = deadline(c);

    c = change(c, Priority.URGENT, ist(2024, 3, 20, 12, 0));

    assertThat(c.priority()).isEqualTo(Priority.URGENT);
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 20, 18, 0));
    assertThat(c.dueAt()).contains(ist(2024, 3, 20, 18, 0));
    List<ComplaintEvent> history = grievances.history(c.id());
    assertThat(history.get(history.size() - 2)).isInstanceOfSatisfying(ComplaintEvent.PriorityChanged.class, e -> {
      assertThat(e.from()).isEqualTo(Priority.NORMAL);
      assertThat(e.to()).isEqualTo(Priority.URGENT);
      assertThat(e.actor()).isEqualTo(EE_SUPERVISOR);
    });
    assertThat(history.get(history.size() - 1)).isInstanceOf(ComplaintEvent.SlaTimerSet.class);
    assertThat(Lifecycle.replay(history)).isEqualTo(c);

    c = change(c, Priority.NORMAL, ist(2024, 3, 20, 13, 0));
    assertThat(deadline(c)).isEqualTo(normal);
  }

  @Test
  void registered_high_before_holi_and_raised_to_urgent_after_it_is_due_the_first_working_day_after_the_holiday() {
    clock.set(ist(2024, 3, 22, 11, 0)); // Friday
    Complaint c = grievances.register(request("ENERGY.SUPPLY").priority(Priority.HIGH).build(), AGENT);
    // 3 working days after Friday, Holi skipped: Tue 26, Wed 27, Thu 28
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 28, 18, 0));

    c = change(c, Priority.URGENT, ist(2024, 3, 26, 10, 30));

    // 1 working day after Friday: Tuesday 26 (Monday is Holi); 7.5 of its 15 office hours are used
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 26, 18, 0));
  }

  @Test
  void raised_when_its_new_budget_is_spent_it_is_due_at_once_and_escalates_stamped_at_the_change() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT); // Tue 19 Mar 11:00
    Instant change = ist(2024, 3, 21, 15, 0); // urgent would have ended on Wednesday

    c = change(c, Priority.URGENT, change);
    assertThat(c.dueAt()).contains(change);

    clock.set(ist(2024, 3, 21, 15, 30));
    grievances.escalator().sweep();
    c = grievances.get(c.id());

    assertThat(c.post()).contains(EE);
    assertThat(c.level()).contains(Level.L2);
    assertThat(grievances.history(c.id())).filteredOn(ComplaintEvent.ComplaintEscalated.class::isInstance)
        .singleElement().satisfies(e -> assertThat(e.occurredAt()).isEqualTo(change));
    // L2's urgent budget, 1 working day, from Thursday 15:00: the close of Friday
    assertThat(c.sla().orElseThrow().started()).isEqualTo(change);
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 22, 18, 0));
  }

  @Test
  void changed_while_waiting_on_the_citizen_the_clock_stays_paused_with_the_new_budget() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT); // Tue 19 Mar 11:00
    clock.set(ist(2024, 3, 20, 11, 0));
    c = grievances.execute(c.id(), new ComplaintCommand.RequestInformation("बिल की प्रति"), AE_VERMA); // 8h used

    c = change(c, Priority.HIGH, ist(2024, 3, 21, 12, 0));
    assertThat(c.sla().orElseThrow().running()).isFalse();
    assertThat(c.dueAt()).isEmpty();

    clock.set(ist(2024, 3, 26, 10, 0)); // the day after Holi
    c = grievances.execute(c.id(), new ComplaintCommand.ProvideInformation("भेज दिया", List.of()), AGENT);
    // high: 3 working days after Tuesday 19 = 31 office hours, 23 left: Tue 8, Wed 8, Thu 7
    assertThat(deadline(c)).isEqualTo(ist(2024, 3, 28, 17, 0));
  }

  @Test
  void only_a_supervisor_within_reach_or_the_system_may_change_the_priority() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT);
    ComplaintCommand urgent = new ComplaintCommand.ChangePriority(Priority.URGENT, "hospital");

    for (Actor actor : List.of(AE_VERMA, AGENT, Actor.citizen(c.citizen().phone()))) {
      assertThatThrownBy(() -> grievances.execute(c.id(), urgent, actor))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
    }
    assertThatThrownBy(() -> grievances.execute(c.id(), urgent, TEHSILDAR_SUPERVISOR))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.SUPERVISOR_ACTS_WITHIN_SCOPE));
    assertThat(grievances.get(c.id())).isEqualTo(c);

    assertThat(grievances.execute(c.id(), urgent, Actor.system("priority-rule")).priority()).isEqualTo(Priority.URGENT);
  }

  @Test
  void a_change_to_the_same_priority_a_closed_complaint_and_a_blank_reason_are_refused() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT);

    assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.ChangePriority(Priority.NORMAL, "x"),
            EE_SUPERVISOR))
        .isInstanceOfSatisfying(SamePriorityException.class, e -> {
          assertThat(e.priority()).isEqualTo(Priority.NORMAL);
          assertThat(e.complaintId()).isEqualTo(c.id());
        });
    assertThatThrownBy(() -> new ComplaintCommand.ChangePriority(Priority.HIGH, "  "))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> new ComplaintCommand.ChangePriority(Priority.HIGH, "x".repeat(1001)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThatThrownBy(() -> new ComplaintCommand.ChangePriority(null, "hospital"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));

    Complaint closed = grievances.execute(c.id(), new ComplaintCommand.SpecialClose("sub judice"), EE_SUPERVISOR);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.ChangePriority(Priority.HIGH, "x"),
            EE_SUPERVISOR))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void a_log_whose_priority_change_starts_from_another_priority_is_refused_on_replay() {
    Complaint c = grievances.register(request("ENERGY.SUPPLY").build(), AGENT);
    List<ComplaintEvent> log = new ArrayList<>(grievances.history(c.id()));
    ComplaintEvent last = log.get(log.size() - 1);
    log.add(new ComplaintEvent.PriorityChanged(c.id(), last.sequence() + 1, last.occurredAt(), EE_SUPERVISOR,
        Priority.HIGH, Priority.URGENT, "hospital"));

    assertThatThrownBy(() -> Lifecycle.replay(log)).hasMessageContaining("changes the priority from HIGH");
    assertThatThrownBy(() -> new ComplaintEvent.PriorityChanged(c.id(), 9, last.occurredAt(), EE_SUPERVISOR,
        Priority.HIGH, Priority.HIGH, "hospital")).isInstanceOf(SamePriorityException.class);
  }
}
