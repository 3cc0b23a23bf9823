package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.escalation.Timekeeper;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * A complaint's state and the events that lead to it from the stored version: what one call to
 * the store writes. Each command run on it is decided by the {@link Lifecycle}, and the SLA timer
 * is kept in step with each event by the {@link Timekeeper}, which also gives the first-response
 * deadline a first assignment records and the approval deadline a special-closure request records. Not thread-safe: one per decision.
 */
final class Change {
  private static final Actor TIMEKEEPER = Actor.system("timekeeper");

  private final Timekeeper timekeeper;
  private final Function<Complaint, Optional<SlaPolicy>> policyForNew;
  private final long fromVersion;
  private Complaint state;
  private final List<ComplaintEvent> events = new ArrayList<>();

  Change(Timekeeper timekeeper, Function<Complaint, Optional<SlaPolicy>> policyForNew, Complaint stored) {
    this.timekeeper = timekeeper;
    this.policyForNew = policyForNew;
    this.state = stored;
    this.fromVersion = stored.version();
  }

  /** A change that starts with a complaint's registration. */
  static Change registering(
      Timekeeper timekeeper, Function<Complaint, Optional<SlaPolicy>> policyForNew, ComplaintEvent.ComplaintRegistered e) {
    Change change = new Change(timekeeper, policyForNew, Lifecycle.start(e));
    change.events.add(e);
    return change;
  }

  Complaint state() {
    return state;
  }

  List<ComplaintEvent> events() {
    return events;
  }

  /** The stored version the change was decided on (for a registration, its own first version). */
  long fromVersion() {
    return fromVersion;
  }

  /** Whether the change leaves the complaint as it was. */
  boolean isEmpty() {
    return events.isEmpty();
  }

  /** Decides a command on the state so far, and keeps the SLA timer in step with each event. */
  void run(ComplaintCommand command, Actor actor, Instant now) {
    for (ComplaintEvent e : Lifecycle.decide(state, command, actor, now)) {
      Complaint before = state;
      add(e);
      Optional<SlaTimer> timer = timekeeper.after(before, e, state, () -> policyForNew.apply(state));
      timer.ifPresent(t -> keep(new ComplaintCommand.SetSlaTimer(t), now));
      timekeeper.firstResponseDue(before, e).ifPresent(due -> keep(new ComplaintCommand.SetFirstResponseDue(due), now));
      timekeeper.specialClosureDue(before, e)
          .ifPresent(due -> keep(new ComplaintCommand.SetSpecialClosureDue(Optional.empty(), due), now));
    }
  }

  /** Decides the timekeeper's own command on the state so far and adds its events. */
  private void keep(ComplaintCommand command, Instant now) {
    for (ComplaintEvent t : Lifecycle.decide(state, command, TIMEKEEPER, now)) {
      add(t);
    }
  }

  private void add(ComplaintEvent e) {
    state = Lifecycle.evolve(state, e);
    events.add(e);
  }
}
