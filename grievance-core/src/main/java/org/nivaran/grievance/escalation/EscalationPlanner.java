package org.nivaran.grievance.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.escalation.Escalator.Step;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * What the {@link Escalator} does to one due complaint: the steps (escalations, each stamped at the
 * deadline it answers, then a flag or a restart where the ladder stops) and their outcomes, worked
 * out on a copy of the complaint as the gateway will leave it. The escalator stores the steps.
 *
 * <p>Immutable and thread-safe.
 */
final class EscalationPlanner {
  /** The most levels one sweep moves a complaint up (ladders are a handful of rungs). */
  private static final int MAX_CATCH_UP_LEVELS = 64;
  /** The most times one sweep counts a top rung's restarted clock out; the next sweep goes on. */
  private static final int MAX_RESTARTS = 10_000;
  /** Restarts a top rung's clock, a command only the system may issue. */
  private static final Actor SYSTEM = Actor.system("escalator");

  private final EscalationPolicies policies;
  private final Timekeeper timekeeper;
  private final Actor actor;

  EscalationPlanner(EscalationPolicies policies, Timekeeper timekeeper, Actor actor) {
    this.policies = policies;
    this.timekeeper = timekeeper;
    this.actor = actor;
  }

  /** The steps for one complaint and what each does, in order. */
  record Decision(List<Step> steps, List<Outcome> outcomes) {
    static Decision of(Step step, Outcome outcome) {
      return new Decision(List.of(step), List.of(outcome));
    }
  }

  Optional<Decision> decide(Complaint c, Instant now, Directory dir, boolean stuckRetry) {
    Optional<EscalationPolicy> policy = policies.forComplaint(c, dir.categories());
    if (c.level().isEmpty() || c.sla().isEmpty()) {
      return Optional.empty();
    }
    Level level = c.level().get();
    if (stuckRetry) {
      if (!c.flags().contains(ComplaintFlag.ESCALATION_BLOCKED) || policy.isEmpty()
          || !Lifecycle.allows(c.status(), CommandType.ESCALATE)) {
        return Optional.empty();
      }
      EscalationStep step = policy.get().onDeadline(c, dir, now);
      if (step instanceof EscalationStep.MoveUp up) {
        // it waited on the stuck list: stamped now, and the new level gets its whole budget from now
        ComplaintCommand escalate = escalate(c, up, level, "stuck escalation unblocked");
        return Optional.of(Decision.of(new Step(escalate, actor, Optional.empty()), escalated(c, up, level)));
      }
      return Optional.empty();
    }
    Optional<Instant> due = c.dueAt().filter(d -> !d.isAfter(now));
    if (due.isEmpty()) {
      return Optional.empty(); // not due (any more)
    }
    if (policy.isEmpty()) {
      String reason = "escalation policy '" + c.sla().get().policy().id() + "' is not configured";
      EscalationStep.Blocked b = new EscalationStep.Blocked(reason, Optional.empty());
      return Optional.of(Decision.of(blockedStep(b, stamp(due.get(), c)), blocked(c, level, b)));
    }
    return Optional.of(catchUp(c, now, dir, policy.get()));
  }

  /**
   * The steps for a due complaint: up one level for each level whose time has run out by
   * {@code now}, each stamped at the instant that level's time ran out (never before the event it
   * follows), the next level's clock counting from there; then, if the last level reached cannot
   * be left or is the top and its time ran out too, the flag or restart that applies there.
   */
  private Decision catchUp(Complaint read, Instant now, Directory dir, EscalationPolicy policy) {
    List<Step> steps = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    Complaint c = read;
    for (int n = 0; n < MAX_CATCH_UP_LEVELS; n++) {
      Optional<Instant> due = c.dueAt().filter(d -> !d.isAfter(now));
      if (due.isEmpty()) {
        break; // caught up: the level reached still has time
      }
      Instant at = stamp(due.get(), c);
      Level level = c.level().orElseThrow();
      EscalationStep step = policy.onDeadline(c, dir, at);
      if (step instanceof EscalationStep.MoveUp up) {
        ComplaintCommand escalate = escalate(c, up, level, level + " time ran out");
        steps.add(new Step(escalate, actor, Optional.of(at)));
        outcomes.add(escalated(c, up, level));
        c = simulate(c, escalate, actor, at, policy);
        continue;
      }
      if (step instanceof EscalationStep.Blocked b) {
        steps.add(blockedStep(b, at));
        outcomes.add(blocked(c, level, b));
      } else if (((EscalationStep.AtTop) step).action() == PastTop.STAY) {
        restart(c, at, now, policy, steps, outcomes);
      } else {
        EscalationStep.AtTop top = (EscalationStep.AtTop) step;
        String detail = level + " is the top rung and its time ran out at " + due.get();
        steps.add(new Step(new ComplaintCommand.Flag(ComplaintFlag.OVERDUE_AT_TOP, detail, top.attention()), actor,
            Optional.of(at)));
        outcomes.add(new Outcome(c.id(), level, Action.OVERDUE_AT_TOP, detail));
      }
      break;
    }
    return new Decision(steps, outcomes);
  }

  /**
   * Starts the top rung's clock again, as often as its time has run out by {@code now}, as one
   * step: the clock that runs at {@code now}, stamped when it started.
   */
  private void restart(Complaint top, Instant at, Instant now, EscalationPolicy policy, List<Step> steps,
      List<Outcome> outcomes) {
    Complaint c = top;
    Instant stamp = at;
    SlaTimer restarted = timekeeper.rollOver(c, stamp).orElseThrow();
    for (int n = 1; n < MAX_RESTARTS; n++) {
      Optional<Instant> again = restarted.running()
          ? restarted.deadline().filter(d -> !d.isAfter(now)) : Optional.empty();
      if (again.isEmpty()) {
        break;
      }
      c = simulate(c, new ComplaintCommand.SetSlaTimer(restarted), SYSTEM, stamp, policy);
      stamp = stamp(again.get(), c);
      restarted = timekeeper.rollOver(c, stamp).orElseThrow();
    }
    steps.add(new Step(new ComplaintCommand.SetSlaTimer(restarted), SYSTEM, Optional.of(stamp)));
    outcomes.add(new Outcome(top.id(), top.level().orElseThrow(), Action.RESTARTED_AT_TOP,
        "deadline now " + restarted.deadline().orElseThrow()));
  }

  /**
   * The complaint as the gateway will leave it after a command at an instant: the lifecycle's
   * events, and the clock the timekeeper sets after each (as {@code usecase.Change} does).
   */
  private Complaint simulate(Complaint c, ComplaintCommand command, Actor by, Instant at, EscalationPolicy policy) {
    Complaint state = c;
    for (ComplaintEvent e : Lifecycle.decide(state, command, by, at)) {
      Complaint before = state;
      state = Lifecycle.evolve(state, e);
      Optional<SlaTimer> timer = timekeeper.after(before, e, state, () -> Optional.of(policy.sla()));
      if (timer.isPresent()) {
        for (ComplaintEvent t : Lifecycle.decide(state, new ComplaintCommand.SetSlaTimer(timer.get()), SYSTEM, at)) {
          state = Lifecycle.evolve(state, t);
        }
      }
    }
    return state;
  }

  /** When a step answering a deadline is stamped: at the deadline, but never before the complaint's latest event. */
  private static Instant stamp(Instant deadline, Complaint c) {
    return deadline.isBefore(c.updatedAt()) ? c.updatedAt() : deadline;
  }

  private static ComplaintCommand escalate(Complaint c, EscalationStep.MoveUp up, Level level, String why) {
    return new ComplaintCommand.Escalate(up.to().id(),
        why + "; escalated from " + c.post().orElseThrow() + " (" + level + ") to " + up.to().id());
  }

  private static Outcome escalated(Complaint c, EscalationStep.MoveUp up, Level level) {
    return new Outcome(c.id(), level, Action.ESCALATED, up.to().id().toString());
  }

  private Step blockedStep(EscalationStep.Blocked b, Instant at) {
    return new Step(new ComplaintCommand.Flag(ComplaintFlag.ESCALATION_BLOCKED, b.reason(), b.attention()), actor,
        Optional.of(at));
  }

  private static Outcome blocked(Complaint c, Level level, EscalationStep.Blocked b) {
    return new Outcome(c.id(), level, Action.BLOCKED, b.reason());
  }
}
