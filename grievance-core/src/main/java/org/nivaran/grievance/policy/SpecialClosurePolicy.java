package org.nivaran.grievance.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.SpecialClosureRequest;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaStopwatch;

/**
 * Two-person special closure (UP IGRS, MP CM Helpline): which officers may ask for a special
 * closure, and who approves or refuses it.
 *
 * <p>Officers never close a complaint specially alone: the lifecycle gives {@code SPECIAL_CLOSE} to
 * supervisors only. Under this policy an officer at one of its {@linkplain #levels() levels} (by
 * default {@link Level#L1}) may instead {@code RequestSpecialClosure(reason, remark)} with a reason
 * code ({@code PROHIBITED_SUBJECT}, {@code POLICY_MATTER}, {@code OUT_OF_JURISDICTION},
 * {@code SUB_JUDICE}); an officer elsewhere is refused ({@link
 * AccessRule#SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL}) and a supervisor closes in one step, as
 * before. The request is approved or refused, with a remark, by:
 *
 * <ul>
 *   <li>by default, the officer or supervisor acting from the post one level above the complaint's
 *       post in the directory ({@code reportsTo}); if that post is missing or vacant, by a
 *       supervisor within reach of the complaint, so a request never waits on nobody; or
 *   <li>with {@link Builder#approverRole approverRole(SUPERVISOR)}, any supervisor within reach
 *       of the complaint.
 * </ul>
 *
 * <p>Anyone else is refused ({@link AccessRule#SPECIAL_CLOSURE_BY_SECOND_PERSON}), and so is
 * the complaint's own post whatever the policy. An approval tells the citizen the reason
 * ({@code SPECIAL_CLOSURE_NOTICE}) and closes the complaint in the same change, the notice first:
 * the notice period is zero. A refusal leaves the complaint with its post, which is told the
 * remark. The complaint's SLA clock runs while the request waits; the request lapses if the
 * complaint moves to another post, a reply is filed, or it leaves the open states.
 *
 * <p><b>How long a request waits.</b> With {@link Builder#approvalWithin approvalWithin(budget,
 * calendarId)}, a request escalates like any other work: its approval deadline, the budget counted on
 * the calendar from the request, is recorded when it is made ({@code SpecialClosureDueSet}); when it
 * passes, the escalator moves the approval duty one post up, to the post above the approving post in
 * the directory ({@code reportsTo}; at first the approving post is the one above the complaint's,
 * whatever the approver role), stamped at the deadline; the holder of the new post is told
 * ({@code SPECIAL_CLOSURE_REQUESTED}), approves or refuses from then on instead of the earlier
 * approver (a supervisor within reach if that post is vacant), and gets the whole budget again from
 * the stamp. When there is no post further up, or nobody answers for it, the complaint is flagged
 * {@code SPECIAL_CLOSURE_OVERDUE} for the last approving post and the deadline stops counting. A
 * sweep that comes late moves up once per deadline that has passed. Without a wait limit (the
 * default, and {@link #ofDefaults()}) a request waits until it is answered or lapses. The calendar
 * must be registered, and the escalator must be able to find due complaints (a store with work
 * lists): both are refused at {@code GrievancesBuilder.build()} otherwise.
 *
 * <p>{@link #none()} (the default) accepts no requests: today's one-step special closure by a
 * supervisor only. A policy whose approver is the post above needs a directory (refused at
 * {@code GrievancesBuilder.build()} otherwise).
 *
 * <p>Immutable and thread-safe.
 */
public final class SpecialClosurePolicy {
  private static final SpecialClosurePolicy NONE =
      new SpecialClosurePolicy(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());

  private final Set<Level> levels;
  private final Optional<Role> approverRole;
  private final Optional<SlaBudget> approvalBudget;
  private final Optional<String> approvalCalendarId;

  private SpecialClosurePolicy(Set<Level> levels, Optional<Role> approverRole, Optional<SlaBudget> approvalBudget,
      Optional<String> approvalCalendarId) {
    this.levels = levels;
    this.approverRole = approverRole;
    this.approvalBudget = approvalBudget;
    this.approvalCalendarId = approvalCalendarId;
  }

  /**
   * No officer's requests: only a supervisor closes specially, in one step (the default).
   *
   * @return the policy
   */
  public static SpecialClosurePolicy none() {
    return NONE;
  }

  /**
   * Requests by L1 officers, approved or refused from the post one level up.
   *
   * @return the policy
   */
  public static SpecialClosurePolicy ofDefaults() {
    return builder().build();
  }

  /**
   * A builder, starting from {@link #ofDefaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The levels whose officers may ask for a special closure; empty for {@link #none()}.
   *
   * @return an unmodifiable set
   */
  public Set<Level> levels() {
    return levels;
  }

  /**
   * The role that approves, if configured; empty when the post one level up approves.
   *
   * @return the role
   */
  public Optional<Role> approverRole() {
    return approverRole;
  }

  /**
   * How long a request waits on its approving post before the duty moves one post up.
   *
   * @return the budget; empty when requests wait without limit (the default)
   */
  public Optional<SlaBudget> approvalBudget() {
    return approvalBudget;
  }

  /**
   * The id of the calendar the {@linkplain #approvalBudget() approval budget} is counted on.
   *
   * @return the calendar id; empty when requests wait without limit
   */
  public Optional<String> approvalCalendarId() {
    return approvalCalendarId;
  }

  /**
   * Whether a request's wait is limited (an approval budget is set, on a policy that takes
   * requests).
   *
   * @return true if pending requests have a deadline
   */
  public boolean limitsWait() {
    return requests() && approvalBudget.isPresent();
  }

  /**
   * The approval deadline of a request made (or moved up) at {@code from}: the approval budget
   * counted on the calendar from then.
   *
   * @param calendar the policy's approval calendar
   * @param from when the request was made, or when the duty moved up
   * @return the deadline
   * @throws IllegalStateException if the wait is not limited
   * @throws InvalidInputException (field {@code calendar}) if the calendar is not the policy's
   */
  public Instant approvalDeadline(BusinessCalendar calendar, Instant from) {
    if (!limitsWait()) {
      throw new IllegalStateException("this special-closure policy sets no approval deadline");
    }
    Texts.required(calendar, "calendar");
    Texts.required(from, "from");
    if (!calendar.id().equals(approvalCalendarId.get())) {
      throw new InvalidInputException("calendar", "must be the special-closure policy's approval calendar '"
          + approvalCalendarId.get() + "' (was '" + calendar.id() + "')");
    }
    return SlaStopwatch.start(calendar, approvalBudget.get(), from).deadline().orElseThrow();
  }

  /**
   * Whether this policy accepts requests at all (not {@link #none()}).
   *
   * @return true if some level's officers may ask
   */
  public boolean requests() {
    return !levels.isEmpty();
  }

  /**
   * Whether the approver is the post one level above the complaint's (which needs a directory).
   *
   * @return true unless an approver role is configured, or the policy is {@link #none()}
   */
  public boolean approvedFromPostAbove() {
    return requests() && approverRole.isEmpty();
  }

  /**
   * Refuses an officer's request for a special closure on a complaint at a level this policy does
   * not name.
   *
   * @param complaint the complaint, as it is before the request
   * @param actor the officer
   * @throws ActorNotPermittedException (rule {@link AccessRule#SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL})
   */
  public void checkRequest(Complaint complaint, Actor actor) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(actor, "actor");
    Optional<Level> level = complaint.level();
    if (level.isEmpty() || !levels.contains(level.get())) {
      throw new ActorNotPermittedException(AccessRule.SPECIAL_CLOSURE_REQUEST_AT_POLICY_LEVEL, actor,
          CommandType.REQUEST_SPECIAL_CLOSURE, "complaint " + complaint.id() + " is at "
              + level.map(Level::toString).orElse("no level") + "; the special-closure policy takes requests at "
              + (levels.isEmpty() ? "no level" : levels.toString()) + " only; a supervisor closes specially in one step");
    }
  }

  /**
   * Refuses an approval or refusal of a complaint's pending special closure by anyone but its
   * approver.
   *
   * @param complaint the complaint
   * @param command {@code APPROVE_SPECIAL_CLOSURE} or {@code REFUSE_SPECIAL_CLOSURE}
   * @param actor who approves or refuses (already checked to hold the post they act from, and a
   *     supervisor to reach the complaint)
   * @param postAbove the approving post, if the directory has it and someone answers for it: the
   *     post the duty moved up to ({@link SpecialClosureRequest#approver()}), else the post one level
   *     above the complaint's; ignored when an approver role is configured and the duty has not
   *     moved
   * @throws ActorNotPermittedException (rule {@link AccessRule#SPECIAL_CLOSURE_BY_SECOND_PERSON})
   */
  public void checkApprover(Complaint complaint, CommandType command, Actor actor, Optional<PostId> postAbove) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(postAbove, "postAbove");
    // a second person: never the officer who asked (from whatever post they act), never the complaint's own post
    Optional<String> requester = complaint.specialClosureRequest().flatMap(SpecialClosureRequest::requesterId);
    if (requester.isPresent() && requester.equals(officerIdOf(actor))) {
      throw new ActorNotPermittedException(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON, actor, command,
          "officer " + requester.get() + " asked for the special closure of complaint " + complaint.id()
              + " and may not approve or refuse it, from any post");
    }
    if (actingFrom(actor).isPresent() && actingFrom(actor).equals(complaint.post())) {
      throw new ActorNotPermittedException(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON, actor, command,
          "the special closure of complaint " + complaint.id() + " is not approved or refused from its own post "
              + complaint.post().get());
    }
    String who;
    boolean ok;
    boolean moved = complaint.specialClosureRequest().flatMap(SpecialClosureRequest::approver).isPresent();
    if (approverRole.isPresent() && !moved) {
      ok = actor.role() == approverRole.get();
      who = "an actor of the role " + approverRole.get();
    } else if (postAbove.isPresent()) {
      ok = actingFrom(actor).filter(postAbove.get()::equals).isPresent();
      who = (moved ? "the holder of the approving post the request moved up to, " : "the holder of the post one level up, ")
          + postAbove.get();
    } else {
      ok = actor.role() == Role.SUPERVISOR;
      who = moved ? "a supervisor (the approving post the request moved up to is vacant)"
          : "a supervisor (the post one level up is missing or vacant)";
    }
    if (!ok) {
      throw new ActorNotPermittedException(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON, actor, command,
          "the special closure of complaint " + complaint.id() + " is approved or refused by " + who + " only");
    }
  }

  private static Optional<String> officerIdOf(Actor actor) {
    if (actor instanceof Actor.Officer o) {
      return Optional.of(o.officerId());
    }
    if (actor instanceof Actor.Supervisor s) {
      return Optional.of(s.officerId());
    }
    return Optional.empty();
  }

  private static Optional<PostId> actingFrom(Actor actor) {
    if (actor instanceof Actor.Officer o) {
      return Optional.of(o.post());
    }
    if (actor instanceof Actor.Supervisor s) {
      return Optional.of(s.post());
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecialClosurePolicy p && levels.equals(p.levels) && approverRole.equals(p.approverRole)
        && approvalBudget.equals(p.approvalBudget) && approvalCalendarId.equals(p.approvalCalendarId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(levels, approverRole, approvalBudget, approvalCalendarId);
  }

  @Override
  public String toString() {
    return requests()
        ? "SpecialClosurePolicy{levels=" + levels + ", approver=" + approverRole.map(Role::toString).orElse("post above")
            + approvalBudget.map(b -> ", approvalWithin=" + b + " on " + approvalCalendarId.get()).orElse("") + "}"
        : "SpecialClosurePolicy{none}";
  }

  /** Builds a {@link SpecialClosurePolicy}; not thread-safe. */
  public static final class Builder {
    private final Set<Level> levels = new TreeSet<>(Set.of(Level.L1));
    private Optional<Role> approverRole = Optional.empty();
    private Optional<SlaBudget> approvalBudget = Optional.empty();
    private Optional<String> approvalCalendarId = Optional.empty();

    private Builder() {}

    /**
     * Limits how long a request waits on its approving post: when the budget, counted on the
     * calendar from the request (or from the last move up), runs out, the approval duty moves one
     * post up (no limit unless set).
     *
     * @param budget how long the approving post has, e.g. {@code SlaBudget.workingDays(2)}
     * @param calendarId the id of the calendar it is counted on, which {@code GrievancesBuilder.build()}
     *     checks is registered
     * @return this builder
     * @throws InvalidInputException (field {@code approvalBudget} or {@code calendarId}) if missing,
     *     or the calendar id is not a code
     */
    public Builder approvalWithin(SlaBudget budget, String calendarId) {
      this.approvalBudget = Optional.of(Texts.required(budget, "approvalBudget"));
      this.approvalCalendarId = Optional.of(Texts.code(calendarId, "calendarId"));
      return this;
    }

    /**
     * The levels whose officers may ask for a special closure ({@link Level#L1} unless set).
     *
     * @param levels at least one level
     * @return this builder
     * @throws InvalidInputException (field {@code levels}) if empty or holding null
     */
    public Builder levels(Set<Level> levels) {
      Texts.required(levels, "levels").forEach(l -> Texts.required(l, "levels"));
      if (levels.isEmpty()) {
        throw new InvalidInputException("levels", "must name at least one level (use SpecialClosurePolicy.none() for none)");
      }
      this.levels.clear();
      this.levels.addAll(levels);
      return this;
    }

    /**
     * Approval by any actor of a role instead of the post one level up. Only
     * {@link Role#SUPERVISOR} approves: the lifecycle gives approval to officers and supervisors,
     * and an officer other than the post above is no second person of standing.
     *
     * @param role {@link Role#SUPERVISOR}
     * @return this builder
     * @throws InvalidInputException (field {@code approverRole}) for any other role
     */
    public Builder approverRole(Role role) {
      Texts.required(role, "approverRole");
      if (role != Role.SUPERVISOR) {
        throw new InvalidInputException("approverRole", "must be SUPERVISOR (was " + role + ")");
      }
      this.approverRole = Optional.of(role);
      return this;
    }

    /**
     * The policy.
     *
     * @return a new policy
     */
    public SpecialClosurePolicy build() {
      return new SpecialClosurePolicy(Collections.unmodifiableSet(new TreeSet<>(levels)), approverRole, approvalBudget,
          approvalCalendarId);
    }
  }
}
