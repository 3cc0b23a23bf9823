package org.nivaran.grievance.escalation;

import org.nivaran.grievance.GrievancesBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.escalation.District.AE;
import static org.nivaran.grievance.escalation.District.EE;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.District.SE;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.NotificationPolicy;
import org.nivaran.grievance.notify.Template;
import org.nivaran.grievance.notify.Templates;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/** What a sweep and the entry point do when one complaint, a command or a collaborator misbehaves. */
class EscalatorRobustnessTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", AE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final List<Notification> sent = Collections.synchronizedList(new ArrayList<>());

  private GrievancesBuilder builder() {
    return Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", IST))
        .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(District.POLICIES)
        .notifier(sent::add);
  }

  private final Grievances grievances = builder().build();

  private static RegisterComplaint energy() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  @Test
  void a_stuck_complaint_waiting_on_the_citizen_is_left_alone_and_the_sweep_goes_on() {
    grievances.transferOfficer(EE, Optional.empty());
    Complaint stuck = grievances.register(energy(), AGENT);
    clock.set(ist(2024, 4, 1, 10, 0));
    grievances.escalator().sweep();
    grievances.execute(stuck.id(), new ComplaintCommand.RequestInformation("मीटर नंबर बताएं"), AE_VERMA);
    grievances.transferOfficer(EE, Optional.of(District.officer("OFF-EE-2", "नए ईई", "9826000098")));

    clock.set(ist(2024, 4, 2, 10, 0));
    EscalationReport report = grievances.escalator().sweep();

    assertThat(report.outcomes()).isEmpty();
    assertThat(grievances.get(stuck.id()).post()).contains(AE);
    // once the citizen answers, the next sweep moves it up
    grievances.execute(stuck.id(), new ComplaintCommand.ProvideInformation("1234", List.of()), AGENT);
    clock.set(ist(2024, 4, 2, 10, 30));
    assertThat(grievances.escalator().sweep().count(EscalationReport.Action.ESCALATED)).isEqualTo(1);
    assertThat(grievances.get(stuck.id()).post()).contains(EE);
  }

  @Test
  void a_command_that_fails_for_one_complaint_is_reported_and_the_others_are_escalated() {
    Complaint first = grievances.register(energy(), AGENT);
    Complaint second = grievances.register(energy(), AGENT);
    Escalator escalator = Escalator.builder()
        .store(store).policies(District.POLICIES).directory(grievances.directory()::orElseThrow)
        .timekeeper(new Timekeeper(District.CALENDARS)).clock(clock)
        .gateway((id, version, command, actor) -> {
          if (id.equals(first.id())) {
            throw new IllegalStateException("the portal's audit hook is down");
          }
          return grievances.execute(id, version, command, actor);
        })
        .batchSize(1)
        .build();
    clock.set(ist(2024, 4, 1, 10, 0));

    EscalationReport report = escalator.sweep();

    assertThat(report.count(EscalationReport.Action.FAILED)).isEqualTo(1);
    assertThat(report.outcomes()).filteredOn(o -> o.action() == EscalationReport.Action.FAILED)
        .singleElement().satisfies(o -> assertThat(o.detail()).contains("audit hook"));
    assertThat(grievances.get(first.id()).post()).contains(AE);
    assertThat(grievances.get(second.id()).post()).contains(EE);
  }

  @Test
  void a_sweep_cannot_act_ahead_of_the_clock_that_stamps_its_events() {
    grievances.register(energy(), AGENT);
    assertThatThrownBy(() -> grievances.escalator().sweep(ist(2024, 4, 1, 10, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the clock");
    assertThat(grievances.escalator().sweep(ist(2024, 3, 19, 10, 0)).outcomes()).isEmpty();
  }

  @Test
  void a_supervisor_escalator_restarts_the_top_rung_as_the_system() {
    Grievances staying = builder()
        .escalationPolicies(EscalationPolicies.of(LadderPolicy.builder("MP", "OFFICE")
            .otherwise(SlaBudget.workingDays(7)).top(Level.L1).pastTop(PastTop.STAY).build(), District.UP))
        .build();
    Complaint c = staying.register(energy(), AGENT);
    Escalator escalator = Escalator.builder()
        .store(store).policies(EscalationPolicies.of(LadderPolicy.builder("MP", "OFFICE")
            .otherwise(SlaBudget.workingDays(7)).top(Level.L1).pastTop(PastTop.STAY).build()))
        .directory(staying.directory()::orElseThrow).timekeeper(new Timekeeper(District.CALENDARS))
        .gateway(staying::execute).clock(clock).actor(Actor.supervisor("OFF-NODAL", District.NODAL))
        .build();
    clock.set(ist(2024, 4, 1, 10, 0));

    assertThat(escalator.sweep().count(EscalationReport.Action.RESTARTED_AT_TOP)).isEqualTo(1);
    Complaint after = staying.get(c.id());
    assertThat(after.level()).contains(Level.L1);
    // the top rung's 7 working days run again from Fri 29 March 18:00
    assertThat(after.sla().orElseThrow().deadline()).contains(ist(2024, 4, 9, 18, 0));
  }

  @Test
  void moves_to_posts_the_directory_does_not_have_or_at_another_level_are_refused_naming_the_field() {
    Complaint c = grievances.register(energy(), AGENT);
    Actor collector = Actor.supervisor("OFF-NODAL", District.NODAL); // the district's nodal officer, as the directory has it

    assertThatThrownBy(() -> grievances.execute(c.id(),
            new ComplaintCommand.Transfer(PostId.of("TYPO-POST"), "REVENUE", Level.L1, "wrong desk"), collector))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toPost"));
    assertThatThrownBy(() -> grievances.execute(c.id(),
            new ComplaintCommand.Transfer(District.TEHSILDAR, "ENERGY-X", Level.L1, "wrong desk"), collector))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toDepartment"));
    assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.Reassign(EE, Level.L1, "AE on leave"), AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("level"));
    assertThatThrownBy(() -> grievances.execute(c.id(), new ComplaintCommand.Escalate(SE, "skip a rung"), collector))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("level"));
    assertThat(grievances.history(c.id())).hasSize(3); // registered, assigned, timer
    // a reassignment the directory agrees with is made, and the clock starts at the new level
    Complaint moved = grievances.execute(c.id(), new ComplaintCommand.Reassign(EE, Level.L2, "AE on leave"), AGENT);
    assertThat(moved.post()).contains(EE);
    assertThat(moved.sla().orElseThrow().level()).isEqualTo(Level.L2);
  }

  @Test
  void a_notification_policy_that_fails_does_not_turn_a_stored_registration_into_an_error() {
    Templates huge = Templates.defaults().with(
        new Template(NotificationKind.REGISTERED, Language.ENGLISH, "{citizenName} ".repeat(25)));
    Grievances g = builder().notificationPolicy(NotificationPolicy.builder().templates(huge).build()).build();
    RegisterComplaint request = Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12")
        .citizen(org.nivaran.grievance.complaint.Complainant.of("क".repeat(100), "9876543210", "en"))
        .build();

    Complaint c = g.register(request, AGENT);

    assertThat(store.size()).isEqualTo(1);
    assertThat(c.status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void a_retry_with_the_same_key_returns_the_stored_complaint_even_after_the_number_is_blocked() {
    RegisterComplaint request = Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12")
        .idempotencyKey("call-42").build();
    Complaint first = grievances.register(request, AGENT);
    grievances.block(new BlockEntry(request.citizen().phone(), "fake complaints", "COLLECTOR-RAIPUR",
        clock.instant(), Optional.empty()));

    assertThat(grievances.register(request, AGENT).id()).isEqualTo(first.id());
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void policies_on_a_calendar_that_is_not_registered_are_refused_when_built() {
    assertThatThrownBy(() -> builder().calendars(CalendarRegistry.of()).build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("calendars");
          assertThat(e.getMessage()).contains("OFFICE");
        });
  }

  @Test
  void an_event_log_with_timers_and_flags_replays_to_the_stored_complaint() {
    grievances.transferOfficer(EE, Optional.empty());
    Complaint c = grievances.register(energy(), AGENT);
    clock.set(ist(2024, 4, 1, 10, 0));
    grievances.escalator().sweep();
    List<ComplaintEvent> history = grievances.history(c.id());
    assertThat(org.nivaran.grievance.complaint.Lifecycle.replay(history)).isEqualTo(grievances.get(c.id()));
    assertThat(grievances.get(c.id()).flags()).containsExactly(ComplaintFlag.ESCALATION_BLOCKED);
  }
}
