package org.nivaran.grievance.policy;

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
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.internal.Texts;

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
 * <p>{@link #none()} (the default) accepts no requests: today's one-step special closure by a
 * supervisor only. A policy whose approver is the post above needs a directory (refused at
 * {@code GrievancesBuilder.build()} otherwise).
 *
 * <p>Immutable and thread-safe.
 */
public final class SpecialClosurePolicy {
  private static final SpecialClosurePolicy NONE = new SpecialClosurePolicy(Set.of(), Optional.empty());

  private final Set<Level> levels;
  private final Optional<Role> approverRole;

  private SpecialClosurePolicy(Set<Level> levels, Optional<Role> approverRole) {
    this.levels = levels;
    this.approverRole = approverRole;
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
   * @param postAbove the post one level above the complaint's, if the directory has one and it is
   *     held; ignored when an approver role is configured
   * @throws ActorNotPermittedException (rule {@link AccessRule#SPECIAL_CLOSURE_BY_SECOND_PERSON})
   */
  public void checkApprover(Complaint complaint, CommandType command, Actor actor, Optional<PostId> postAbove) {
    Objects.requireNonNull(complaint, "complaint");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(postAbove, "postAbove");
    String who;
    boolean ok;
    if (approverRole.isPresent()) {
      ok = actor.role() == approverRole.get();
      who = "an actor of the role " + approverRole.get();
    } else if (postAbove.isPresent()) {
      ok = actingFrom(actor).filter(postAbove.get()::equals).isPresent();
      who = "the holder of the post one level up, " + postAbove.get();
    } else {
      ok = actor.role() == Role.SUPERVISOR;
      who = "a supervisor (the post one level up is missing or vacant)";
    }
    if (!ok) {
      throw new ActorNotPermittedException(AccessRule.SPECIAL_CLOSURE_BY_SECOND_PERSON, actor, command,
          "the special closure of complaint " + complaint.id() + " is approved or refused by " + who + " only");
    }
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
    return o instanceof SpecialClosurePolicy p && levels.equals(p.levels) && approverRole.equals(p.approverRole);
  }

  @Override
  public int hashCode() {
    return Objects.hash(levels, approverRole);
  }

  @Override
  public String toString() {
    return requests()
        ? "SpecialClosurePolicy{levels=" + levels + ", approver=" + approverRole.map(Role::toString).orElse("post above") + "}"
        : "SpecialClosurePolicy{none}";
  }

  /** Builds a {@link SpecialClosurePolicy}; not thread-safe. */
  public static final class Builder {
    private final Set<Level> levels = new TreeSet<>(Set.of(Level.L1));
    private Optional<Role> approverRole = Optional.empty();

    private Builder() {}

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
      return new SpecialClosurePolicy(Collections.unmodifiableSet(new TreeSet<>(levels)), approverRole);
    }
  }
}
