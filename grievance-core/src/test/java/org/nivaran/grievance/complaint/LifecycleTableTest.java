package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.fixtures.ExpectedLifecycle;
import org.nivaran.grievance.fixtures.Fixtures;

/**
 * The transition table: its content against a hand-written copy, and every state times every
 * command through {@link Lifecycle#decide}.
 */
class LifecycleTableTest {

  private static final List<CommandType> COMMANDS =
      Arrays.stream(CommandType.values()).filter(t -> t != CommandType.REGISTER).toList();

  static Stream<Arguments> everyStateAndCommand() {
    return Arrays.stream(Status.values())
        .flatMap(s -> COMMANDS.stream().map(t -> Arguments.of(s, t)));
  }

  /**
   * For every state and command, by every fixture actor whose role may issue the command (the
   * complaint's own officer and own citizen): exactly one event leading to the target when the
   * table allows it, an {@link IllegalTransitionException} naming state and command otherwise.
   */
  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("everyStateAndCommand")
  void a_command_yields_one_event_to_its_target_exactly_when_the_table_allows_it(Status status, CommandType type) {
    boolean secondPerson = type == CommandType.APPROVE_SPECIAL_CLOSURE || type == CommandType.REFUSE_SPECIAL_CLOSURE;
    boolean needsRequest = secondPerson || type == CommandType.SET_SPECIAL_CLOSURE_DUE;
    Complaint base = needsRequest && Lifecycle.allows(status, type)
        ? Fixtures.withSpecialClosureRequest(Fixtures.complaintIn(status)) : Fixtures.complaintIn(status);
    // a cleared flag must be set
    Complaint complaint = type == CommandType.CLEAR_FLAG && Lifecycle.allows(status, type) ? withPossibleRepeat(base) : base;
    ComplaintCommand command = Fixtures.command(type);
    Instant now = complaint.updatedAt().plusSeconds(60);
    List<Actor> issuers = new ArrayList<>();
    for (Actor actor : Fixtures.actorsOfEveryRole()) {
      if (!Lifecycle.rolesFor(type).contains(actor.role())) {
        continue;
      }
      if (Lifecycle.allows(status, type) && actor instanceof Actor.Officer && complaint.post().isEmpty()) {
        continue; // no officer holds the post of an unassigned complaint; see ActorRulesTest
      }
      if (secondPerson && Lifecycle.allows(status, type) && actor instanceof Actor.Officer) {
        continue; // the fixture officer holds the complaint's post: not a second person; see SpecialClosureTest
      }
      issuers.add(actor);
      if (Lifecycle.allows(status, type)) {
        List<ComplaintEvent> events = Lifecycle.decide(complaint, command, actor, now);

        assertThat(events).hasSize(type == CommandType.APPROVE_SPECIAL_CLOSURE ? 2 : 1);
        ComplaintEvent event = events.get(0);
        assertThat(event).isInstanceOf(ExpectedLifecycle.row(type).event());
        assertThat(Lifecycle.commandOf(event)).isEqualTo(type);
        assertThat(event.complaintId()).isEqualTo(complaint.id());
        assertThat(event.sequence()).isEqualTo(complaint.version() + 1);
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(event.actor()).isEqualTo(actor);
        Complaint after = Lifecycle.evolve(complaint, event);
        assertThat(Lifecycle.target(type)).isEqualTo(ExpectedLifecycle.target(type));
        assertThat(after.status()).isEqualTo(Lifecycle.target(type).orElse(status));
        assertThat(after.version()).isEqualTo(complaint.version() + 1);
        assertThat(after.updatedAt()).isEqualTo(now);
        assertThat(after.id()).isEqualTo(complaint.id());
      } else {
        IllegalTransitionException e =
            catchThrowableOfType(
                IllegalTransitionException.class, () -> Lifecycle.decide(complaint, command, actor, now));
        assertThat(e).as("%s in %s by %s", type, status, actor).isNotNull();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.command()).isEqualTo(type);
        assertThat(e.complaintId()).isEqualTo(complaint.id());
        assertThat(e.getMessage()).contains(status.name()).contains(type.name());
      }
    }
    assertThat(issuers).as("actors who could issue %s in %s", type, status).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(CommandType.class)
  void the_table_holds_the_documented_states_target_and_roles_of_each_command(CommandType type) {
    ExpectedLifecycle.Row expected = ExpectedLifecycle.row(type);

    assertThat(Lifecycle.allowedIn(type)).containsExactlyInAnyOrderElementsOf(expected.from());
    assertThat(Lifecycle.target(type)).isEqualTo(java.util.Optional.ofNullable(expected.to()));
    assertThat(Lifecycle.rolesFor(type)).containsExactlyInAnyOrderElementsOf(expected.roles());
    for (Status s : Status.values()) {
      assertThat(Lifecycle.allows(s, type)).as("%s allowed in %s", type, s).isEqualTo(expected.from().contains(s));
    }
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void the_commands_allowed_in_a_state_are_those_whose_row_lists_it(Status status) {
    Set<CommandType> expected =
        Arrays.stream(CommandType.values())
            .filter(t -> ExpectedLifecycle.allows(status, t))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CommandType.class)));

    assertThat(Lifecycle.commandsAllowedIn(status)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rejected_and_withdrawn_accept_nothing_and_closed_accepts_only_reopen() {
    assertThat(Lifecycle.commandsAllowedIn(Status.REJECTED)).isEmpty();
    assertThat(Lifecycle.commandsAllowedIn(Status.WITHDRAWN)).isEmpty();
    assertThat(Lifecycle.commandsAllowedIn(Status.CLOSED)).containsExactly(CommandType.REOPEN);
  }

  @ParameterizedTest
  @EnumSource(value = Status.class, names = {"REJECTED", "WITHDRAWN"})
  void a_final_complaint_refuses_every_command_from_every_actor(Status status) {
    Complaint complaint = Fixtures.complaintIn(status);
    List<Actor> everyone =
        List.of(Fixtures.CITIZEN, Fixtures.OTHER_CITIZEN, Fixtures.AGENT, Fixtures.AE_OFFICER,
            Fixtures.EE_OFFICER, Fixtures.COLLECTOR, Fixtures.ROUTER);
    for (CommandType type : COMMANDS) {
      for (Actor actor : everyone) {
        assertThatThrownBy(() -> Lifecycle.decide(complaint, Fixtures.command(type), actor, Fixtures.T0))
            .as("%s by %s", type, actor)
            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.status()).isEqualTo(status));
      }
    }
  }

  @Test
  void a_closed_complaint_refuses_everything_but_reopen_even_from_a_supervisor() {
    Complaint closed = Fixtures.complaintIn(Status.CLOSED);
    for (CommandType type : COMMANDS) {
      if (type == CommandType.REOPEN) {
        assertThat(Lifecycle.decide(closed, Fixtures.command(type), Fixtures.COLLECTOR, Fixtures.T0))
            .singleElement()
            .isInstanceOf(ComplaintEvent.ComplaintReopened.class);
      } else {
        assertThatThrownBy(() -> Lifecycle.decide(closed, Fixtures.command(type), Fixtures.COLLECTOR, Fixtures.T0))
            .as("%s", type)
            .isInstanceOf(IllegalTransitionException.class);
      }
    }
  }

  @Test
  void only_closed_rejected_and_withdrawn_are_not_open() {
    assertThat(Arrays.stream(Status.values()).filter(s -> !s.isOpen()))
        .containsExactlyInAnyOrder(Status.CLOSED, Status.REJECTED, Status.WITHDRAWN);
  }

  @Test
  void register_is_allowed_in_no_state_and_may_be_issued_by_every_role() {
    assertThat(Lifecycle.allowedIn(CommandType.REGISTER)).isEmpty();
    assertThat(Lifecycle.rolesFor(CommandType.REGISTER)).containsExactlyInAnyOrder(Role.values());
    assertThat(Lifecycle.target(CommandType.REGISTER)).contains(Status.REGISTERED);
  }

  @Test
  void the_table_cannot_be_changed_through_the_sets_it_hands_out() {
    assertThatThrownBy(() -> Lifecycle.allowedIn(CommandType.REOPEN).add(Status.REJECTED))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Lifecycle.rolesFor(CommandType.SPECIAL_CLOSE).add(Role.OFFICER))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Lifecycle.commandsAllowedIn(Status.CLOSED).add(CommandType.WITHDRAW))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Lifecycle.allowedIn(CommandType.REOPEN)).containsExactly(Status.CLOSED);
    assertThat(Lifecycle.rolesFor(CommandType.SPECIAL_CLOSE)).containsExactly(Role.SUPERVISOR);
  }

  @Test
  void every_event_kind_maps_back_to_the_command_that_produced_it() {
    for (CommandType type : COMMANDS) {
      Status from = ExpectedLifecycle.row(type).from().stream().sorted().findFirst().orElseThrow();
      Complaint complaint = Fixtures.withSpecialClosureRequest(Fixtures.complaintIn(from));
      Actor actor = Fixtures.actorOf(ExpectedLifecycle.roles(type).stream().sorted().findFirst().orElseThrow());
      if (type == CommandType.APPROVE_SPECIAL_CLOSURE || type == CommandType.REFUSE_SPECIAL_CLOSURE) {
        actor = Fixtures.actorOf(Role.SUPERVISOR); // a second person
      } else if (type == CommandType.REQUEST_SPECIAL_CLOSURE) {
        complaint = Fixtures.complaintIn(from);
      } else if (type == CommandType.CLEAR_FLAG) {
        complaint = withPossibleRepeat(complaint);
      }
      ComplaintEvent event = Lifecycle.decide(complaint, Fixtures.command(type), actor, Fixtures.T0).get(0);
      assertThat(Lifecycle.commandOf(event)).isEqualTo(type);
    }
    assertThat(Lifecycle.commandOf(Fixtures.historyIn(Status.REGISTERED).get(0))).isEqualTo(CommandType.REGISTER);
  }

  private static Complaint withPossibleRepeat(Complaint c) {
    return Complaint.builder().from(c).addFlags(ComplaintFlag.POSSIBLE_REPEAT).build();
  }
}
