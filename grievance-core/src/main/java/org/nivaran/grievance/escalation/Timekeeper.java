package org.nivaran.grievance.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.calendar.CalendarRegistry;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintEvent.CitizenDissatisfied;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintEscalated;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintReopened;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationProvided;
import org.nivaran.grievance.complaint.ComplaintEvent.InformationRequested;
import org.nivaran.grievance.complaint.ComplaintEvent.PriorityChanged;
import org.nivaran.grievance.complaint.ComplaintEvent.ReplyReturned;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.FirstResponsePolicy;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * Keeps a complaint's SLA clock in step with its lifecycle: says, after each event, what the
 * clock of the current level becomes.
 *
 * <table>
 *   <caption>Events and the clock</caption>
 *   <tr><th>event</th><th>clock</th></tr>
 *   <tr><td>assigned, transferred, reassigned, appealed</td><td>starts at the new level, with the
 *       budget of the policy the complaint recorded (at its first assignment, the policy its
 *       category names)</td></tr>
 *   <tr><td>escalated</td><td>starts at the new level from the instant the old level's time ran
 *       out (or the escalation, if earlier), so late sweeps do not shift later deadlines; time the
 *       old level spent waiting on the citizen after its deadline counts against neither level
 *       ({@link SlaTimer#handOver}); from the escalation itself, with the whole budget, when the
 *       complaint was on the stuck list</td></tr>
 *   <tr><td>information requested, reply filed</td><td>pauses</td></tr>
 *   <tr><td>information provided, reply returned</td><td>resumes with the budget left</td></tr>
 *   <tr><td>citizen dissatisfied, reopened</td><td>starts again at the same level</td></tr>
 *   <tr><td>priority changed</td><td>re-timed for the new priority, running or paused
 *       ({@link SlaTimer#retime})</td></tr>
 *   <tr><td>anything else</td><td>unchanged</td></tr>
 * </table>
 *
 * <p>It also gives the deadlines that events start apart from the clock: a first assignment's
 * first-response deadline ({@link #firstResponseDue}) and a special-closure request's approval
 * deadline ({@link #specialClosureDue}), which the use cases record in the log.
 *
 * <p>Every budget is the policy's budget for the level and the complaint's {@linkplain
 * Complaint#priority() priority} ({@link SlaPolicy#budgetAt(org.nivaran.grievance.actor.Level,
 * org.nivaran.grievance.sla.Priority)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Timekeeper {
  private final CalendarRegistry calendars;
  private final FirstResponsePolicy firstResponse;
  private final SpecialClosurePolicy specialClosure;

  /**
   * A timekeeper counting on the given calendars, with no first-response duty.
   *
   * @param calendars the calendars policies name
   */
  public Timekeeper(CalendarRegistry calendars) {
    this(calendars, FirstResponsePolicy.none());
  }

  /**
   * A timekeeper counting on the given calendars, that also records the first-response deadline
   * of a first assignment ({@link #firstResponseDue}).
   *
   * @param calendars the calendars policies name
   * @param firstResponse the first-response policy
   */
  public Timekeeper(CalendarRegistry calendars, FirstResponsePolicy firstResponse) {
    this(calendars, firstResponse, SpecialClosurePolicy.none());
  }

  /**
   * A timekeeper counting on the given calendars, that also records the first-response deadline
   * of a first assignment ({@link #firstResponseDue}) and the approval deadline of a special-closure
   * request ({@link #specialClosureDue}).
   *
   * @param calendars the calendars policies name
   * @param firstResponse the first-response policy
   * @param specialClosure the special-closure policy, whose approval budget times requests
   */
  public Timekeeper(CalendarRegistry calendars, FirstResponsePolicy firstResponse, SpecialClosurePolicy specialClosure) {
    this.calendars = Objects.requireNonNull(calendars, "calendars");
    this.firstResponse = Objects.requireNonNull(firstResponse, "firstResponse");
    this.specialClosure = Objects.requireNonNull(specialClosure, "specialClosure");
  }

  /**
   * The special-closure policy whose approval budget this timekeeper applies.
   *
   * @return the policy
   */
  public SpecialClosurePolicy specialClosurePolicy() {
    return specialClosure;
  }

  /**
   * The approval deadline an event starts: for a special-closure request, the policy's approval
   * budget counted from the request; nothing for any other event, or when the policy sets no wait
   * limit.
   *
   * @param before the complaint before the event
   * @param event the event
   * @return the deadline to record, if any
   * @throws org.nivaran.grievance.calendar.UnknownCalendarException if the policy's calendar is not
   *     registered
   */
  public Optional<Instant> specialClosureDue(Complaint before, ComplaintEvent event) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(event, "event");
    if (!specialClosure.limitsWait() || !(event instanceof ComplaintEvent.SpecialClosureRequested)) {
      return Optional.empty();
    }
    return Optional.of(approvalDeadline(event.occurredAt()));
  }

  /**
   * The approval deadline of a request whose approval duty moved up at {@code from}: the whole
   * approval budget again, counted from then.
   *
   * @param from when the duty moved up
   * @return the deadline
   * @throws IllegalStateException if the special-closure policy sets no wait limit
   */
  Instant approvalDeadline(Instant from) {
    if (!specialClosure.limitsWait()) {
      throw new IllegalStateException("the special-closure policy sets no approval deadline");
    }
    return specialClosure.approvalDeadline(calendars.get(specialClosure.approvalCalendarId().orElseThrow()), from);
  }

  /**
   * The first-response policy this timekeeper applies.
   *
   * @return the policy
   */
  public FirstResponsePolicy firstResponsePolicy() {
    return firstResponse;
  }

  /**
   * The first-response deadline an event starts: for the complaint's first assignment (an
   * assignment of a complaint that has recorded no first response), the policy's budget counted
   * from the assignment; nothing for any other event, or under {@link FirstResponsePolicy#none()}.
   *
   * @param before the complaint before the event
   * @param event the event
   * @return the deadline to record, if any
   * @throws org.nivaran.grievance.calendar.UnknownCalendarException if the policy's calendar is not
   *     registered
   */
  public Optional<Instant> firstResponseDue(Complaint before, ComplaintEvent event) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(event, "event");
    if (!firstResponse.active() || !(event instanceof ComplaintEvent.ComplaintAssigned)
        || before.firstResponse().isPresent()) {
      return Optional.empty();
    }
    BusinessCalendar calendar = calendars.get(firstResponse.calendarId().orElseThrow());
    return Optional.of(firstResponse.deadline(calendar, event.occurredAt()));
  }

  /**
   * The clock after an event, if the event changes it.
   *
   * @param before the complaint before the event
   * @param event the event
   * @param after the complaint after the event
   * @param policyForNew the SLA policy for a complaint that has recorded none (looked up only then)
   * @return the new timer, or empty if the clock does not change (or no policy applies)
   * @throws org.nivaran.grievance.calendar.UnknownCalendarException if the policy's calendar is not
   *     registered
   */
  public Optional<SlaTimer> after(
      Complaint before, ComplaintEvent event, Complaint after, Supplier<Optional<SlaPolicy>> policyForNew) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(policyForNew, "policyForNew");
    Instant at = event.occurredAt();
    Optional<SlaTimer> current = before.sla();
    if (event instanceof ComplaintEscalated) {
      if (current.isPresent() && after.level().isPresent()
          && !before.flags().contains(ComplaintFlag.ESCALATION_BLOCKED)) {
        SlaTimer timer = current.get();
        return Optional.of(timer.handOver(after.level().get(), after.priority(), calendarOf(timer.policy()), at));
      }
      // no clock yet, or it waited on the stuck list: the new level gets its whole budget from now
      return start(current.map(SlaTimer::policy).or(policyForNew), after, at);
    }
    if (Lifecycle.movedTo(event).isPresent()) { // assigned, transferred, reassigned, appealed
      return start(current.map(SlaTimer::policy).or(policyForNew), after, at);
    }
    if (event instanceof CitizenDissatisfied || event instanceof ComplaintReopened) {
      return start(current.map(SlaTimer::policy), after, at);
    }
    if (current.isEmpty()) {
      return Optional.empty();
    }
    SlaTimer timer = current.get();
    if ((event instanceof InformationRequested || event instanceof ResolutionFiled) && timer.running()) {
      return Optional.of(timer.pause(calendarOf(timer.policy()), at));
    }
    if ((event instanceof InformationProvided || event instanceof ReplyReturned) && !timer.running()) {
      return Optional.of(timer.resume(calendarOf(timer.policy()), at));
    }
    if (event instanceof PriorityChanged e) {
      return Optional.of(timer.retime(e.to(), calendarOf(timer.policy()), at));
    }
    return Optional.empty();
  }

  /**
   * Starts the clock of a complaint's current level again (a ladder that keeps a complaint at
   * its top rung).
   *
   * @param complaint the complaint, with a recorded timer
   * @param start when the new budget starts
   * @return the new timer, or empty if the complaint has no timer
   */
  public Optional<SlaTimer> restart(Complaint complaint, Instant start) {
    Objects.requireNonNull(start, "start");
    return start(complaint.sla().map(SlaTimer::policy), complaint, start);
  }

  /**
   * Starts the clock of a complaint's current level again once its time has run out (a ladder
   * that keeps a complaint at its top rung), as an escalation hands over to the level above
   * ({@link SlaTimer#handOver}): from the instant the old budget ran out, charged with the time
   * the old clock ran past it but never with time spent waiting on the citizen.
   *
   * @param complaint the complaint, with a recorded timer
   * @param at when the restart takes effect, not before the timer's {@code since}
   * @return the new timer, or empty if the complaint has no timer or no level
   * @throws org.nivaran.grievance.calendar.UnknownCalendarException if the policy's calendar is not
   *     registered
   */
  public Optional<SlaTimer> rollOver(Complaint complaint, Instant at) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(at, "at");
    if (complaint.sla().isEmpty() || complaint.level().isEmpty()) {
      return Optional.empty();
    }
    SlaTimer timer = complaint.sla().get();
    return Optional.of(timer.handOver(complaint.level().get(), complaint.priority(), calendarOf(timer.policy()), at));
  }

  private Optional<SlaTimer> start(Optional<SlaPolicy> policy, Complaint after, Instant start) {
    if (policy.isEmpty() || after.level().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        SlaTimer.start(policy.get(), after.level().get(), after.priority(), calendarOf(policy.get()), start));
  }

  private BusinessCalendar calendarOf(SlaPolicy policy) {
    return calendars.get(policy.calendarId());
  }
}
