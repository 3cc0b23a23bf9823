package org.nivaran.grievance.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.fixtures.ComplaintArbitraries;
import org.nivaran.grievance.fixtures.ComplaintArbitraries.Step;
import org.nivaran.grievance.fixtures.ExpectedLifecycle;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.InMemoryComplaintStore;

/**
 * Stateful properties: random sequences of commands by random actors, run through
 * {@link Grievances} over an {@link InMemoryComplaintStore}, never break the lifecycle's
 * invariants, and are accepted or refused exactly as an independent oracle (the hand-written
 * {@link ExpectedLifecycle} table plus the access rules and data guards) predicts.
 */
class LifecycleProperties {

  // ---------------------------------------------------------------------------------------------
  // Moves: a random step, or a step guided towards what the current state allows so that walks
  // reach the deep states (closed, reopened, returned...) instead of dying in REGISTERED.

  sealed interface Move permits RandomMove, GuidedMove {
    Step step(Complaint current);
  }

  /** A command of any type by any actor, with random data. */
  record RandomMove(Step step) implements Move {
    @Override
    public Step step(Complaint current) {
      return step;
    }
  }

  /**
   * One of the commands the table allows in the current state (any command in a final state), by
   * one of the actors whose role may issue it; the data is {@link Fixtures#command}'s, but for
   * some rejections as duplicates and some flags {@code POSSIBLE_REPEAT}. Three picks in four avoid the commands that end a complaint for
   * good, so walks go deeper. A pending special-closure request is approved or refused half the
   * time.
   */
  record GuidedMove(int pick) implements Move {
    private static final Set<CommandType> ENDING = EnumSet.of(CommandType.REJECT, CommandType.WITHDRAW);

    @Override
    public Step step(Complaint current) {
      List<CommandType> candidates =
          Lifecycle.commandsAllowedIn(current.status()).stream().sorted().toList();
      if (pick % 4 != 0 && candidates.stream().anyMatch(t -> !ENDING.contains(t))) {
        candidates = candidates.stream().filter(t -> !ENDING.contains(t)).toList();
      }
      if (candidates.isEmpty()) {
        candidates = Arrays.stream(CommandType.values()).filter(t -> t != CommandType.REGISTER).toList();
      }
      CommandType type = current.specialClosureRequest().isPresent() && pick % 2 == 0
          // a pending special closure is answered (or timed) half the time, so approvals happen at all
          ? (pick % 4 == 0 ? CommandType.APPROVE_SPECIAL_CLOSURE
              : pick % 8 == 2 ? CommandType.REFUSE_SPECIAL_CLOSURE : CommandType.SET_SPECIAL_CLOSURE_DUE)
          : candidates.get((pick / 4) % candidates.size());
      List<Actor> issuers =
          ComplaintArbitraries.ACTORS.stream().filter(a -> Lifecycle.rolesFor(type).contains(a.role())).toList();
      // two times in three a pending special closure is answered by a supervisor (Fixtures.grievances'
      // approver), and an officer's command comes from the officer of the complaint's post, so that
      // commands only they may issue (a special-closure request, say) are accepted often enough
      boolean answer = type == CommandType.APPROVE_SPECIAL_CLOSURE || type == CommandType.REFUSE_SPECIAL_CLOSURE;
      List<Actor> preferred = issuers.stream().filter(a -> answer
              ? a.role() == Role.SUPERVISOR
              : a instanceof Actor.Officer o && current.post().filter(o.post()::equals).isPresent())
          .toList();
      if (pick % 3 != 0 && !preferred.isEmpty()) {
        issuers = preferred;
      }
      Actor actor = issuers.get((pick / 4 / candidates.size()) % issuers.size());
      return new Step(command(type, current), actor);
    }

    /** {@link Fixtures#command}, but two rejections in three are as duplicates: of itself or another. */
    private ComplaintCommand command(CommandType type, Complaint current) {
      if (type == CommandType.REJECT && pick % 3 != 0) {
        ComplaintId original = pick % 3 == 1 ? current.id() : ComplaintId.of("RPR-2023-000042");
        return new ComplaintCommand.Reject(RejectionReason.DUPLICATE, "दोबारा दर्ज", Optional.of(original));
      }
      if (type == CommandType.FLAG && pick % 2 == 1) {
        // a flag the agent clears by hand, so that CLEAR_FLAG is accepted at all
        return new ComplaintCommand.Flag(ComplaintFlag.POSSIBLE_REPEAT, "possible repeat of: RPR-2023-000042 (12 m)",
            Optional.empty());
      }
      return Fixtures.command(type);
    }
  }

  @Provide
  Arbitrary<List<Move>> walks() {
    Arbitrary<Move> random = ComplaintArbitraries.steps().map(RandomMove::new);
    Arbitrary<Move> guided = Arbitraries.integers().between(0, 9_999).map(GuidedMove::new);
    return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(3, guided)).list().ofMaxSize(40);
  }

  // ---------------------------------------------------------------------------------------------
  // The oracle

  /** What the oracle expects of a command: accepted, or the refusal it names. */
  private static String expectedOutcome(Complaint c, ComplaintCommand command, Actor actor) {
    CommandType type = command.type();
    if (!ExpectedLifecycle.allows(c.status(), type)) {
      return "illegal transition";
    }
    if (!ExpectedLifecycle.roles(type).contains(actor.role())) {
      return "refused by " + AccessRule.ROLE_MAY_ISSUE_COMMAND;
    }
    boolean secondPerson = type == CommandType.APPROVE_SPECIAL_CLOSURE || type == CommandType.REFUSE_SPECIAL_CLOSURE;
    if (secondPerson && actor instanceof Actor.Officer o && c.post().equals(Optional.of(o.post()))) {
      return "refused by " + AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON;
    }
    if (!secondPerson && actor instanceof Actor.Officer o && !c.post().equals(Optional.of(o.post()))) {
      return "refused by " + AccessRule.OFFICER_HOLDS_ASSIGNED_POST;
    }
    if (actor instanceof Actor.Citizen citizen && !citizen.phone().equals(c.citizen().phone())) {
      return "refused by " + AccessRule.CITIZEN_OWNS_COMPLAINT;
    }
    if (type == CommandType.REOPEN && actor.role() != Role.SUPERVISOR
        && c.closure().map(Closure::kind).equals(Optional.of(ClosureKind.SPECIAL_CLOSURE))) {
      return "refused by " + AccessRule.SUPERVISOR_REOPENS_SPECIAL_CLOSURE;
    }
    Assignment at = c.assignment().orElse(null);
    if (command instanceof ComplaintCommand.Escalate e && e.toPost().equals(at.post())) {
      return "invalid toPost";
    }
    if (command instanceof ComplaintCommand.Reassign r && r.toPost().equals(at.post())) {
      return "invalid toPost";
    }
    if (command instanceof ComplaintCommand.Appeal a && a.toPost().equals(at.post())) {
      return "invalid toPost";
    }
    if (command instanceof ComplaintCommand.Flag f && c.flags().contains(f.flag())) {
      return "invalid flag";
    }
    if (command instanceof ComplaintCommand.ClearFlag f && !c.flags().contains(f.flag())) {
      return "invalid flag";
    }
    if (command instanceof ComplaintCommand.SetFirstResponseDue && c.firstResponse().isPresent()) {
      return "invalid dueAt";
    }
    if (command instanceof ComplaintCommand.SetSlaTimer t && !t.timer().level().equals(at.level())) {
      return "invalid timer.level";
    }
    if (command instanceof ComplaintCommand.Escalate && at.level().rung() == 99) {
      return "invalid level";
    }
    if (command instanceof ComplaintCommand.Transfer t && t.toDepartment().equals(at.department())) {
      return "invalid toDepartment";
    }
    if (command instanceof ComplaintCommand.Reject r && r.duplicateOf().equals(Optional.of(c.id()))) {
      return "invalid duplicateOf";
    }
    if (type == CommandType.REQUEST_SPECIAL_CLOSURE) {
      if (c.specialClosureRequest().isPresent()) {
        return "invalid specialClosureRequest";
      }
      if (!at.level().equals(org.nivaran.grievance.actor.Level.L1)) { // Fixtures.grievances: L1 asks
        return "refused by " + AccessRule.SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL;
      }
    }
    if ((secondPerson || type == CommandType.SET_SPECIAL_CLOSURE_DUE) && c.specialClosureRequest().isEmpty()) {
      return "invalid specialClosureRequest";
    }
    if (secondPerson && actor.role() != Role.SUPERVISOR) { // Fixtures.grievances: a supervisor approves
      return "refused by " + AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON;
    }
    if (command instanceof ComplaintCommand.ChangePriority p && p.to() == c.priority()) {
      return "same priority";
    }
    return "accepted";
  }

  private static String outcomeOf(GrievanceException e) {
    if (e instanceof IllegalTransitionException) {
      return "illegal transition";
    }
    if (e instanceof ActorNotPermittedException a) {
      return "refused by " + a.rule();
    }
    if (e instanceof InvalidInputException i) {
      return "invalid " + i.field();
    }
    if (e instanceof SamePriorityException) {
      return "same priority";
    }
    throw e; // anything else (a stale version, a store error) is a failure of the property
  }

  // ---------------------------------------------------------------------------------------------
  // The properties

  @Property(tries = 1000)
  void random_commands_by_random_actors_never_break_the_lifecycle(
      @ForAll("walks") List<Move> walk, @ForAll boolean idIsTheRandomDuplicatesTarget) {
    InMemoryComplaintStore store = new InMemoryComplaintStore();
    // with prefix RPR the first complaint is RPR-2024-000001, the id random DUPLICATE rejections
    // name, so the "duplicate of itself" guard is exercised too
    Grievances grievances = Fixtures.grievances(store, idIsTheRandomDuplicatesTarget ? "RPR" : "NVR");
    Complaint current = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Set<Status> visited = EnumSet.of(current.status());
    checkStored(grievances, current);

    for (Move move : walk) {
      Step step = move.step(current);
      CommandType type = step.command().type();
      Complaint before = current;
      List<ComplaintEvent> historyBefore = grievances.history(before.id());
      String expected = expectedOutcome(before, step.command(), step.actor());

      String actual;
      try {
        Complaint after = grievances.execute(before.id(), before.version(), step.command(), step.actor());
        actual = "accepted";
        checkAccepted(grievances, before, historyBefore, step, after);
        current = after;
        visited.add(after.status());
        Statistics.label("accepted").collect(type);
      } catch (GrievanceException e) {
        actual = outcomeOf(e);
        // a refused command changed nothing
        assertThat(grievances.get(before.id())).isEqualTo(before);
        assertThat(grievances.history(before.id())).isEqualTo(historyBefore);
        assertThat(store.size()).isEqualTo(1);
        Statistics.label("refusals").collect(actual);
      }
      assertThat(actual).as("%s by %s in %s", step.command(), step.actor(), before.status()).isEqualTo(expected);
      checkStored(grievances, current);
    }
    visited.forEach(s -> Statistics.label("states reached").collect(s));

    Statistics.label("states reached").coverage(c -> {
      for (Status s : Status.values()) {
        c.check(s).count(n -> n > 0);
      }
    });
    Statistics.label("accepted").coverage(c -> {
      for (CommandType t : CommandType.values()) {
        if (t != CommandType.REGISTER) {
          c.check(t).count(n -> n > 0);
        }
      }
    });
    Statistics.label("refusals").coverage(c -> {
      for (String refusal :
          List.of("illegal transition", "refused by ROLE_MAY_ISSUE_COMMAND", "refused by OFFICER_HOLDS_ASSIGNED_POST",
              "refused by CITIZEN_OWNS_COMPLAINT", "invalid toPost", "invalid toDepartment", "invalid duplicateOf")) {
        c.check(refusal).count(n -> n > 0);
      }
    });
  }

  /** What every accepted command must satisfy, against the state it was issued in. */
  private static void checkAccepted(
      Grievances grievances, Complaint before, List<ComplaintEvent> historyBefore, Step step, Complaint after) {
    CommandType type = step.command().type();
    // allowed by the table for the state it was issued in, by a role the table lists
    assertThat(Lifecycle.allows(before.status(), type)).isTrue();
    assertThat(Lifecycle.rolesFor(type)).contains(step.actor().role());
    // nothing is accepted in a final state; only REOPEN in CLOSED
    assertThat(ExpectedLifecycle.FINAL).doesNotContain(before.status());
    if (before.status() == Status.CLOSED) {
      assertThat(type).isEqualTo(CommandType.REOPEN);
    }
    // it led to the command's target, one event further on (an approved special closure closes it)
    boolean approval = type == CommandType.APPROVE_SPECIAL_CLOSURE;
    assertThat(after.status()).isEqualTo(approval ? Status.CLOSED : Lifecycle.target(type).orElse(before.status()));
    // one event, followed by the SLA clock's when the command starts, pauses or resumes it
    List<ComplaintEvent> history = grievances.history(before.id());
    int added = history.size() - historyBefore.size();
    assertThat(added).isBetween(1, 2);
    assertThat(after.version()).isEqualTo(before.version() + added);
    assertThat(history).startsWith(historyBefore.toArray(ComplaintEvent[]::new));
    ComplaintEvent event = history.get(historyBefore.size());
    assertThat(Lifecycle.commandOf(event)).isEqualTo(type);
    assertThat(event.actor()).isEqualTo(step.actor());
    assertThat(event.sequence()).isEqualTo(before.version() + 1);
    if (approval) {
      assertThat(history.get(history.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.ComplaintSpeciallyClosed.class,
          closed -> assertThat(closed.actor()).isEqualTo(Lifecycle.SPECIAL_CLOSURE));
    } else if (added == 2) {
      assertThat(history.get(history.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.SlaTimerSet.class, t -> {
        assertThat(t.actor()).isEqualTo(Actor.system("timekeeper"));
        assertThat(t.timer().level()).isEqualTo(after.level().orElseThrow());
      });
      assertThat(before.sla().isPresent() || after.sla().isPresent()).isTrue();
    }
    // the priority moves only with its command, to the command's priority
    if (step.command() instanceof ComplaintCommand.ChangePriority p) {
      assertThat(after.priority()).isEqualTo(p.to()).isNotEqualTo(before.priority());
    } else {
      assertThat(after.priority()).isEqualTo(before.priority());
    }
    // what a complaint is never changes
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.citizen()).isEqualTo(before.citizen());
    assertThat(after.description()).isEqualTo(before.description());
    assertThat(after.registeredAt()).isEqualTo(before.registeredAt());
    // the counters move only with their commands
    assertThat(after.transferCount()).isEqualTo(before.transferCount() + (type == CommandType.TRANSFER ? 1 : 0));
    assertThat(after.returnCount()).isEqualTo(before.returnCount() + (type == CommandType.RETURN_REPLY ? 1 : 0));
    assertThat(after.reopenCount())
        .isEqualTo(before.reopenCount()
            + (type == CommandType.REOPEN || type == CommandType.REPORT_DISSATISFIED ? 1 : 0));
    if (type == CommandType.ESCALATE) {
      assertThat(after.level()).contains(before.level().orElseThrow().next());
      assertThat(after.assignment().orElseThrow().department())
          .isEqualTo(before.assignment().orElseThrow().department());
    } else if (type == CommandType.REASSIGN) {
      assertThat(after.assignment().orElseThrow().department())
          .isEqualTo(before.assignment().orElseThrow().department());
      assertThat(after.post()).isNotEqualTo(before.post());
    } else if (type != CommandType.ASSIGN && type != CommandType.TRANSFER && type != CommandType.APPEAL) {
      assertThat(after.assignment()).isEqualTo(before.assignment());
    }
    if (type == CommandType.RECORD_UNREACHABLE) {
      assertThat(after.unreachableAttempts()).isEqualTo(before.unreachableAttempts() + 1);
    } else if (type == CommandType.RESOLVE) {
      assertThat(after.unreachableAttempts()).isZero();
    }
  }

  /** What must hold of the stored complaint after every step, accepted or not. */
  private static void checkStored(Grievances grievances, Complaint current) {
    Complaint stored = grievances.get(current.id());
    List<ComplaintEvent> history = grievances.history(current.id());

    assertThat(stored).isEqualTo(current);
    assertThat(stored.version()).isEqualTo(history.size());
    assertThat(history).extracting(ComplaintEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, history.size()).boxed().toList());
    assertThat(Lifecycle.replay(history)).isEqualTo(stored);
    assertThat(stored.closure().isPresent()).isEqualTo(!stored.status().isOpen());
    if (stored.status() != Status.REGISTERED && stored.status().isOpen()) {
      assertThat(stored.assignment()).isPresent();
    }
  }

  /**
   * Event logs grown by random walks through {@link Lifecycle} alone: each event's command was
   * allowed, by the hand-written table, in the state it followed and led to that command's target.
   */
  @Property(tries = 300)
  void every_event_of_a_random_history_follows_the_documented_table(
      @ForAll("histories") List<ComplaintEvent> history) {
    Complaint state = Lifecycle.start((ComplaintEvent.ComplaintRegistered) history.get(0));
    for (ComplaintEvent e : history.subList(1, history.size())) {
      CommandType type = Lifecycle.commandOf(e);
      assertThat(ExpectedLifecycle.allows(state.status(), type))
          .as("%s in %s", type, state.status())
          .isTrue();
      if (e instanceof ComplaintEvent.ComplaintSpeciallyClosed && e.actor().equals(Lifecycle.SPECIAL_CLOSURE)) {
        // the closure an approval makes: by the system, never by a command (the table lists supervisors)
        assertThat(history.get((int) e.sequence() - 2)).isInstanceOf(ComplaintEvent.SpecialClosureApproved.class);
      } else {
        assertThat(ExpectedLifecycle.roles(type)).contains(e.actor().role());
      }
      Status before = state.status();
      state = Lifecycle.evolve(state, e);
      assertThat(state.status()).isEqualTo(ExpectedLifecycle.target(type).orElse(before));
    }
    assertThat(Lifecycle.replay(history)).isEqualTo(state);
    assertThat(state.version()).isEqualTo(history.size());
  }

  @Provide
  Arbitrary<List<ComplaintEvent>> histories() {
    return ComplaintArbitraries.histories();
  }
}
