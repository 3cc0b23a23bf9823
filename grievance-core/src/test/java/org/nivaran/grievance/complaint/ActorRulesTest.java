package org.nivaran.grievance.complaint;

import org.nivaran.grievance.actor.Level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.fixtures.ExpectedLifecycle;
import org.nivaran.grievance.fixtures.Fixtures;

/** Who may issue what: roles, post ownership, citizen ownership, and the data guards after them. */
class ActorRulesTest {

  /** A state the command is allowed in, assigned to {@link Fixtures#AE} where the command allows. */
  private static Complaint complaintAccepting(CommandType type) {
    Status status =
        ExpectedLifecycle.row(type).from().stream()
            .filter(s -> s != Status.REGISTERED)
            .sorted()
            .findFirst()
            .orElse(Status.REGISTERED);
    return Fixtures.complaintIn(status);
  }

  static Stream<CommandType> commandsOf(Role role) {
    return Arrays.stream(CommandType.values())
        .filter(t -> t != CommandType.REGISTER && ExpectedLifecycle.roles(t).contains(role));
  }

  static Stream<CommandType> officerCommands() {
    // approval and refusal of a special closure take the opposite rule: see SpecialClosureTest
    return commandsOf(Role.OFFICER).filter(t -> t != CommandType.APPROVE_SPECIAL_CLOSURE
        && t != CommandType.REFUSE_SPECIAL_CLOSURE);
  }

  static Stream<CommandType> citizenCommands() {
    return commandsOf(Role.CITIZEN);
  }

  @ParameterizedTest
  @EnumSource(value = CommandType.class, mode = EnumSource.Mode.EXCLUDE, names = "REGISTER")
  void every_role_not_listed_for_a_command_is_refused_by_rule_ROLE_MAY_ISSUE_COMMAND(CommandType type) {
    Complaint complaint = complaintAccepting(type);
    List<Actor> outsiders =
        Fixtures.actorsOfEveryRole().stream().filter(a -> !Lifecycle.rolesFor(type).contains(a.role())).toList();
    assertThat(outsiders).isNotEmpty();

    for (Actor actor : outsiders) {
      assertThatThrownBy(() -> Lifecycle.decide(complaint, Fixtures.command(type), actor, Fixtures.T0))
          .as("%s by %s", type, actor.role())
          .isInstanceOfSatisfying(ActorNotPermittedException.class, e -> {
            assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND);
            assertThat(e.command()).isEqualTo(type);
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.getMessage()).contains(actor.role().name());
          });
    }
  }

  @Test
  void special_close_is_refused_to_an_officer_even_of_the_assigned_post() {
    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.IN_PROGRESS), Fixtures.command(CommandType.SPECIAL_CLOSE),
                Fixtures.AE_OFFICER, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
  }

  @Test
  void a_citizen_may_not_escalate_resolve_or_transfer() {
    Complaint inProgress = Fixtures.complaintIn(Status.IN_PROGRESS);
    for (CommandType type : List.of(CommandType.ESCALATE, CommandType.RESOLVE, CommandType.TRANSFER)) {
      assertThatThrownBy(() -> Lifecycle.decide(inProgress, Fixtures.command(type), Fixtures.CITIZEN, Fixtures.T0))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
    }
  }

  @ParameterizedTest
  @MethodSource("officerCommands")
  void an_officer_of_another_post_is_refused_by_rule_OFFICER_HOLDS_ASSIGNED_POST(CommandType type) {
    Complaint complaint = complaintAccepting(type);
    assertThat(complaint.post()).contains(Fixtures.AE);

    for (Actor other : List.of(Fixtures.EE_OFFICER, Fixtures.TEHSILDAR_OFFICER)) {
      assertThatThrownBy(() -> Lifecycle.decide(complaint, Fixtures.command(type), other, Fixtures.T0))
          .as("%s by %s", type, other)
          .isInstanceOfSatisfying(ActorNotPermittedException.class, e -> {
            assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_ASSIGNED_POST);
            assertThat(e.command()).isEqualTo(type);
          });
    }
    assertThat(Lifecycle.decide(complaint, Fixtures.command(type), Fixtures.AE_OFFICER, Fixtures.T0)).hasSize(1);
  }

  @Test
  void the_post_not_the_person_holds_the_complaint_so_a_successor_may_act() {
    Actor successor = Actor.officer("OFF-9999", Fixtures.AE);

    assertThat(Lifecycle.decide(Fixtures.complaintIn(Status.ASSIGNED), new ComplaintCommand.StartWork(), successor, Fixtures.T0))
        .singleElement()
        .isInstanceOf(ComplaintEvent.WorkStarted.class);
  }

  @Test
  void after_an_escalation_only_the_new_posts_officer_may_act() {
    Complaint assigned = Fixtures.complaintIn(Status.ASSIGNED);
    Complaint escalated =
        Lifecycle.evolve(assigned,
            Lifecycle.decide(assigned, Fixtures.command(CommandType.ESCALATE), Fixtures.COLLECTOR, Fixtures.T0).get(0));
    assertThat(escalated.post()).contains(Fixtures.EE);

    assertThatThrownBy(() -> Lifecycle.decide(escalated, new ComplaintCommand.StartWork(), Fixtures.AE_OFFICER, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_ASSIGNED_POST));
    assertThat(Lifecycle.decide(escalated, new ComplaintCommand.StartWork(), Fixtures.EE_OFFICER, Fixtures.T0)).hasSize(1);
  }

  @Test
  void an_officer_may_not_reject_a_complaint_not_yet_assigned_to_any_post() {
    Complaint registered = Fixtures.complaintIn(Status.REGISTERED);

    assertThatThrownBy(() ->
            Lifecycle.decide(registered, Fixtures.command(CommandType.REJECT), Fixtures.AE_OFFICER, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_ASSIGNED_POST));
  }

  @ParameterizedTest
  @MethodSource("citizenCommands")
  void another_citizen_is_refused_by_rule_CITIZEN_OWNS_COMPLAINT(CommandType type) {
    Complaint complaint = complaintAccepting(type);

    assertThatThrownBy(() -> Lifecycle.decide(complaint, Fixtures.command(type), Fixtures.OTHER_CITIZEN, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class, e -> {
          assertThat(e.rule()).isEqualTo(AccessRule.CITIZEN_OWNS_COMPLAINT);
          assertThat(e.command()).isEqualTo(type);
          assertThat(e.actor()).isEqualTo(Fixtures.OTHER_CITIZEN);
        });
    assertThat(Lifecycle.decide(complaint, Fixtures.command(type), Fixtures.CITIZEN, Fixtures.T0)).hasSize(1);
  }

  @Test
  void the_citizen_is_recognised_however_their_number_was_typed() {
    Actor sameNumber = Actor.citizen(PhoneNumber.parse("०९८७६५-४३२१०"));

    assertThat(Lifecycle.decide(Fixtures.complaintIn(Status.RESOLVED), Fixtures.command(CommandType.CONFIRM_SATISFIED),
            sameNumber, Fixtures.T0))
        .singleElement()
        .isInstanceOf(ComplaintEvent.CitizenSatisfied.class);
  }

  @Test
  void a_citizen_registering_for_someone_elses_number_is_refused() {
    RegisterComplaint request = Fixtures.request(); // the citizen's number is +919876543210

    assertThatThrownBy(() -> Lifecycle.register(Fixtures.ID, request, Fixtures.OTHER_CITIZEN, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class, e -> {
          assertThat(e.rule()).isEqualTo(AccessRule.CITIZEN_OWNS_COMPLAINT);
          assertThat(e.command()).isEqualTo(CommandType.REGISTER);
        });
    assertThatThrownBy(() -> Lifecycle.authorizeRegistration(request, Fixtures.OTHER_CITIZEN))
        .isInstanceOf(ActorNotPermittedException.class);
  }

  @Test
  void a_citizen_may_register_for_their_own_number_and_anyone_else_for_any_number() {
    for (Actor actor : List.of(Fixtures.CITIZEN, Fixtures.AGENT, Fixtures.AE_OFFICER, Fixtures.COLLECTOR, Fixtures.ROUTER)) {
      ComplaintEvent.ComplaintRegistered registered =
          Lifecycle.register(Fixtures.ID, Fixtures.request(), actor, Fixtures.T0);
      assertThat(registered.actor()).isEqualTo(actor);
      assertThat(registered.sequence()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Order of the checks

  @Test
  void the_state_is_checked_before_the_role() {
    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.REGISTERED), Fixtures.command(CommandType.SPECIAL_CLOSE),
                Fixtures.AE_OFFICER, Fixtures.T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void the_role_is_checked_before_the_data() {
    ComplaintCommand toSamePost = new ComplaintCommand.Escalate(Fixtures.AE, "no reply in 7 days");

    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.ASSIGNED), toSamePost, Fixtures.AGENT, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.ROLE_MAY_ISSUE_COMMAND));
  }

  @Test
  void ownership_is_checked_before_the_data() {
    ComplaintCommand toSameDepartment =
        new ComplaintCommand.Transfer(Fixtures.TEHSILDAR, Fixtures.ENERGY, Level.L1, "wrong office");

    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.ASSIGNED), toSameDepartment, Fixtures.EE_OFFICER, Fixtures.T0))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_ASSIGNED_POST));
  }

  // ---------------------------------------------------------------------------------------------
  // Data guards

  @Test
  void an_escalation_to_the_current_post_is_refused_naming_toPost() {
    ComplaintCommand toSamePost = new ComplaintCommand.Escalate(Fixtures.AE, "no reply in 7 days");

    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.IN_PROGRESS), toSamePost, Fixtures.COLLECTOR, Fixtures.T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toPost"));
  }

  @Test
  void a_transfer_within_the_current_department_is_refused_naming_toDepartment() {
    ComplaintCommand toSameDepartment =
        new ComplaintCommand.Transfer(Fixtures.EE, Fixtures.ENERGY, Level.L1, "wrong office");

    assertThatThrownBy(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.RETURNED), toSameDepartment, Fixtures.AE_OFFICER, Fixtures.T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toDepartment"));
  }

  @Test
  void a_rejection_as_duplicate_of_itself_is_refused_naming_duplicateOf() {
    Complaint complaint = Fixtures.complaintIn(Status.ASSIGNED);
    ComplaintCommand ofItself =
        new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "same complaint", Optional.of(complaint.id()));

    assertThatThrownBy(() -> Lifecycle.decide(complaint, ofItself, Fixtures.AGENT, Fixtures.T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("duplicateOf"));
  }

  @Test
  void a_rejection_as_duplicate_of_another_complaint_is_accepted_and_recorded() {
    Complaint complaint = Fixtures.complaintIn(Status.ASSIGNED);
    ComplaintId original = ComplaintId.of("RPR-2024-000007");
    ComplaintEvent event =
        Lifecycle.decide(complaint,
                new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "see the first call", Optional.of(original)),
                Fixtures.AGENT, Fixtures.T0)
            .get(0);

    Closure closure = Lifecycle.evolve(complaint, event).closure().orElseThrow();
    assertThat(closure.kind()).isEqualTo(ClosureKind.DUPLICATE);
    assertThat(closure.duplicateOf()).contains(original);
  }

  @Test
  void an_escalation_past_the_top_rung_is_refused_naming_level() {
    Complaint registered = Fixtures.complaintIn(Status.REGISTERED);
    Complaint atTop =
        Lifecycle.evolve(registered,
            Lifecycle.decide(registered, new ComplaintCommand.Assign(Fixtures.AE, Fixtures.ENERGY, Level.of(99)),
                Fixtures.ROUTER, Fixtures.T0).get(0));

    assertThatThrownBy(() -> Lifecycle.decide(atTop, Fixtures.command(CommandType.ESCALATE), Fixtures.ROUTER, Fixtures.T0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("level"));
  }

  @Test
  void a_supervisor_needs_no_post_of_their_own_on_the_complaint() {
    assertThatCode(() ->
            Lifecycle.decide(Fixtures.complaintIn(Status.AWAITING_CITIZEN), Fixtures.command(CommandType.SPECIAL_CLOSE),
                Actor.supervisor("OFF-0002", Fixtures.TEHSILDAR), Fixtures.T0))
        .doesNotThrowAnyException();
  }

  @Test
  void a_special_closure_is_reopened_by_a_supervisor_only() {
    Complaint speciallyClosed = Lifecycle.replay(withEvent(
        Fixtures.historyIn(Status.ASSIGNED), Fixtures.command(CommandType.SPECIAL_CLOSE), Fixtures.COLLECTOR));
    ComplaintCommand reopen = Fixtures.command(CommandType.REOPEN);

    for (org.nivaran.grievance.actor.Actor actor : java.util.List.of(Fixtures.CITIZEN, Fixtures.AGENT)) {
      assertThatThrownBy(() -> Lifecycle.decide(speciallyClosed, reopen, actor, Fixtures.T0))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.SUPERVISOR_REOPENS_SPECIAL_CLOSURE));
    }
    assertThat(Lifecycle.decide(speciallyClosed, reopen, Fixtures.COLLECTOR, Fixtures.T0)).hasSize(1);
    assertThat(Lifecycle.decide(Fixtures.complaintIn(Status.CLOSED), reopen, Fixtures.CITIZEN, Fixtures.T0)).hasSize(1);
  }

  private static java.util.List<ComplaintEvent> withEvent(
      java.util.List<ComplaintEvent> history, ComplaintCommand command, org.nivaran.grievance.actor.Actor actor) {
    Complaint state = Lifecycle.replay(history);
    java.util.List<ComplaintEvent> all = new java.util.ArrayList<>(history);
    all.addAll(Lifecycle.decide(state, command, actor, state.updatedAt().plusSeconds(60)));
    return all;
  }
}
