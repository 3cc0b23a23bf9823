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
import org.nivaran.grievance.directory.Post;
import org.nivaran.grievance.escalation.Escalator.Step;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.EscalationReport.Outcome;
import java.util.function.Supplier;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * What the {@link Escalator} does to one due complaint: the steps (escalations, each stamped at the
 * deadline it answers, then a flag or a restart where the ladder stops; a missed first response's
 * flag, and escalation if its policy says so; a pending special-closure request's approval moved
 * up, or flagged overdue, once per approval deadline passed; in the order of the deadlines) and
 * their outcomes, worked out on a copy of the complaint as the gateway will leave it. The escalator
 * stores the steps.
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
    if (c.level().isEmpty()) {
      return Optional.empty();
    }
    Level level = c.level().get();
    if (stuckRetry) {
      if (c.sla().isEmpty() || !c.flags().contains(ComplaintFlag.ESCALATION_BLOCKED) || policy.isEmpty()
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
    if (c.dueAt().filter(d -> !d.isAfter(now)).isEmpty()) {
      return Optional.empty(); // not due (any more)
    }
    List<Step> steps = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    Complaint state = c;
    Optional<Instant> slaDue = c.slaDueAt().filter(d -> !d.isAfter(now));
    Optional<Instant> firstDue = c.firstResponseDueAt().filter(d -> !d.isAfter(now));
    // approval deadlines that passed before the level's or the first response's: acted on first
    Optional<Instant> otherDue = slaDue.isEmpty() ? firstDue
        : firstDue.filter(f -> f.isBefore(slaDue.get())).or(() -> slaDue);
    state = approvalCatchUp(state, now, otherDue, dir, steps, outcomes);
    if (firstDue.isPresent() && slaDue.filter(d -> d.isBefore(firstDue.get())).isEmpty()) {
      state = firstResponseMissed(state, firstDue.get(), now, dir, policy, steps, outcomes);
    }
    if (state.slaDueAt().filter(d -> !d.isAfter(now)).isPresent()) {
      if (policy.isEmpty()) {
        String reason = "escalation policy '" + state.sla().get().policy().id() + "' is not configured";
        EscalationStep.Blocked b = new EscalationStep.Blocked(reason, Optional.empty());
        Step blocked = blockedStep(b, stamp(state.slaDueAt().get(), state));
        steps.add(blocked);
        outcomes.add(blocked(state, level, b));
        state = simulate(state, blocked, Optional.empty());
      } else {
        Decision sla = catchUp(state, now, dir, policy.get());
        steps.addAll(sla.steps());
        outcomes.addAll(sla.outcomes());
        for (Step step : sla.steps()) {
          state = simulate(state, step, policy.map(EscalationPolicy::sla));
        }
      }
    }
    Optional<Instant> firstLater = state.firstResponseDueAt().filter(d -> !d.isAfter(now));
    if (firstLater.isPresent()) { // its level's time ran out before the first response was due
      state = firstResponseMissed(state, firstLater.get(), now, dir, policy, steps, outcomes);
    }
    approvalCatchUp(state, now, Optional.empty(), dir, steps, outcomes); // if the request is still pending
    return steps.isEmpty() ? Optional.empty() : Optional.of(new Decision(steps, outcomes));
  }

  /**
   * The steps for a missed first response ({@link FirstResponsePolicy.OnMiss}): the
   * {@link ComplaintFlag#FIRST_RESPONSE_MISSED} flag for the post above (else the post a blocked
   * escalation names, else the complaint's own post), then, under {@code ESCALATE}, the escalation
   * one level up if there is a post to move to; all stamped at the deadline (never before the
   * complaint's latest event). Whether the post above is answered for (held, or under an
   * additional charge) is asked at the sweep's {@code now}, as in {@link #catchUp}.
   *
   * @return the complaint as the steps leave it
   */
  private Complaint firstResponseMissed(Complaint c, Instant due, Instant now, Directory dir,
      Optional<EscalationPolicy> policy, List<Step> steps, List<Outcome> outcomes) {
    Instant at = stamp(due, c);
    Level level = c.level().orElseThrow();
    Optional<EscalationStep> above = policy.map(p -> p.onDeadline(c, dir, now));
    Optional<PostId> attention = above.flatMap(EscalationPlanner::attentionAbove).or(c::post);
    String detail = "first response was due at " + due + " and no contact with the complainant was recorded";
    Step flag = new Step(new ComplaintCommand.Flag(ComplaintFlag.FIRST_RESPONSE_MISSED, detail, attention), actor,
        Optional.of(at));
    steps.add(flag);
    outcomes.add(new Outcome(c.id(), level, Action.FIRST_RESPONSE_MISSED, detail));
    Optional<SlaPolicy> sla = policy.map(EscalationPolicy::sla);
    Complaint state = simulate(c, flag, sla);
    boolean escalates = timekeeper.firstResponsePolicy().onMiss().filter(FirstResponsePolicy.OnMiss.ESCALATE::equals)
        .isPresent();
    if (escalates && above.orElse(null) instanceof EscalationStep.MoveUp up
        && Lifecycle.allows(state.status(), CommandType.ESCALATE)) {
      Step escalate = new Step(escalate(state, up, level, "first response missed at " + level), actor, Optional.of(at));
      steps.add(escalate);
      outcomes.add(escalated(state, up, level));
      state = simulate(state, escalate, sla);
    }
    return state;
  }

  /**
   * The steps for a pending special-closure request whose approval deadlines passed by {@code now}
   * (and before {@code before}, if given): for each, the approval duty moves to the post above the
   * approving post ({@code SetSpecialClosureDue} naming it, with the whole approval budget again
   * from the stamp), while that post exists and someone answers for it then; else the
   * {@link ComplaintFlag#SPECIAL_CLOSURE_OVERDUE} flag for the last approving post, which stops the
   * count. Each is stamped at the deadline it answers (never before the complaint's latest event).
   *
   * @return the complaint as the steps leave it
   */
  private Complaint approvalCatchUp(Complaint c, Instant now, Optional<Instant> before, Directory dir, List<Step> steps,
      List<Outcome> outcomes) {
    Complaint state = c;
    for (int n = 0; n < MAX_CATCH_UP_LEVELS; n++) {
      Optional<Instant> due = state.specialClosureDueAt().filter(d -> !d.isAfter(now))
          .filter(d -> before.filter(b -> !d.isBefore(b)).isEmpty());
      if (due.isEmpty() || state.level().isEmpty()) {
        break;
      }
      Complaint waiting = state;
      Instant at = stamp(due.get(), waiting);
      Level level = waiting.level().get();
      Optional<PostId> approving = waiting.specialClosureRequest().flatMap(r -> r.approver())
          .or(() -> waiting.post().flatMap(p -> dir.posts().supervisorOf(p)).map(Post::id));
      Optional<Post> next = approving.flatMap(p -> dir.posts().supervisorOf(p))
          .filter(p -> dir.posts().answering(p.id(), now).isPresent());
      Step step;
      if (next.isPresent()) {
        ComplaintCommand move = new ComplaintCommand.SetSpecialClosureDue(Optional.of(next.get().id()),
            timekeeper.approvalDeadline(at));
        step = new Step(move, SYSTEM, Optional.of(at));
        outcomes.add(new Outcome(state.id(), level, Action.SPECIAL_CLOSURE_ESCALATED, next.get().id().toString()));
      } else {
        String detail = "the special-closure request waited on " + approving.map(PostId::toString).orElse("its approver")
            + " past its approval deadline " + due.get() + "; no post further up has someone answering for it";
        step = new Step(new ComplaintCommand.Flag(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE, detail, approving.or(waiting::post)),
            actor, Optional.of(at));
        outcomes.add(new Outcome(state.id(), level, Action.SPECIAL_CLOSURE_OVERDUE, detail));
      }
      steps.add(step);
      state = simulate(state, step, Optional.empty());
    }
    return state;
  }

  /** The post above that an escalation policy's decision names. */
  private static Optional<PostId> attentionAbove(EscalationStep step) {
    if (step instanceof EscalationStep.MoveUp up) {
      return Optional.of(up.to().id());
    } else if (step instanceof EscalationStep.Blocked b) {
      return b.attention();
    }
    return ((EscalationStep.AtTop) step).attention();
  }

  private Complaint simulate(Complaint c, Step step, Optional<SlaPolicy> sla) {
    return simulate(c, step.command(), step.actor(), step.at().orElse(c.updatedAt()), () -> sla);
  }

  /**
   * The steps for a due complaint: up one level for each level whose time has run out by
   * {@code now}, each stamped at the instant that level's time ran out (never before the event it
   * follows), the next level's clock counting from there; then, if the last level reached cannot
   * be left or is the top and its time ran out too, the flag or restart that applies there.
   *
   * <p>Whether a post above is answered for is asked at {@code now}, not at the stamp: the
   * complaint arrives there now, so a vacant post whose additional charge has ended by now blocks
   * (the stuck list then holds it) even if the charge was in force when the time ran out.
   */
  private Decision catchUp(Complaint read, Instant now, Directory dir, EscalationPolicy policy) {
    List<Step> steps = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    Complaint c = read;
    for (int n = 0; n < MAX_CATCH_UP_LEVELS; n++) {
      Optional<Instant> due = c.slaDueAt().filter(d -> !d.isAfter(now));
      if (due.isEmpty()) {
        break; // caught up: the level reached still has time
      }
      Instant at = stamp(due.get(), c);
      Level level = c.level().orElseThrow();
      EscalationStep step = policy.onDeadline(c, dir, now);
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
    return simulate(c, command, by, at, () -> Optional.of(policy.sla()));
  }

  private Complaint simulate(
      Complaint c, ComplaintCommand command, Actor by, Instant at, Supplier<Optional<SlaPolicy>> policyForNew) {
    Complaint state = c;
    for (ComplaintEvent e : Lifecycle.decide(state, command, by, at)) {
      Complaint before = state;
      state = Lifecycle.evolve(state, e);
      Optional<SlaTimer> timer = timekeeper.after(before, e, state, policyForNew);
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
