package org.nivaran.grievance.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.internal.Texts;

/**
 * What the outcomes of citizen verification do, beyond the lifecycle's own rules. The call centre
 * records each attempt to reach the citizen after a reply is filed: reached and satisfied
 * ({@code ConfirmSatisfied}: the complaint closes), reached and not satisfied
 * ({@code ReportDissatisfied}), or not reachable ({@code RecordUnreachable}). This policy decides:
 *
 * <ul>
 *   <li>where a dissatisfied citizen's complaint goes: back to the same post
 *       ({@link Reopening#SAME_LEVEL}), one level up the escalation ladder
 *       ({@link Reopening#NEXT_LEVEL}, an {@code ComplaintEscalated} event after the
 *       {@code CitizenDissatisfied}; at the top, or with no post above, it stays at its level), or to
 *       a named appellate post ({@link Reopening#APPEAL}, a {@code ComplaintAppealed} event);
 *   <li>how often a complaint may be reopened ({@link #reopenLimit()}, counting dissatisfied
 *       verifications and reopenings of closed complaints): a dissatisfied verification beyond the
 *       limit is recorded and the complaint then closes as {@code NOT_SATISFIED}
 *       ({@code ComplaintClosedUnverified}); a {@code Reopen} beyond it is refused with
 *       {@link ReopenRefusedException};
 *   <li>how long after closing a complaint may be reopened ({@link #reopenWindow()}): later, a
 *       {@code Reopen} by the citizen or an agent is refused with {@link ReopenRefusedException}; a
 *       supervisor may still reopen;
 *   <li>what {@link #unreachableAttempts()} failed attempts in a row do: close the complaint as
 *       {@code UNCONFIRMED} ("closed without confirmation", a {@code ComplaintClosedUnverified}
 *       event after the last {@code CitizenUnreachable}), or nothing, so that the call centre keeps
 *       trying ({@link AfterUnreachable#KEEP_TRYING}). A new reply starts the count again.
 * </ul>
 *
 * <p>Every outcome is an event in the complaint's log, made by the system actor
 * {@code verification-policy} in the same change as the verification that caused it.
 * {@link #standard()} keeps the lifecycle as it is: same level, no window, no limit, keep trying.
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationPolicy {

  /** Where a dissatisfied citizen's complaint goes. */
  public enum Reopening {
    /** Back to the post that replied, at the same level. */
    SAME_LEVEL,
    /** One level up the complaint's escalation ladder, as if its level's time had run out. */
    NEXT_LEVEL,
    /** To the policy's appellate post. */
    APPEAL
  }

  /** What happens after the allowed number of failed attempts to reach the citizen. */
  public enum AfterUnreachable {
    /** Close the complaint as closed without confirmation. */
    CLOSE_WITHOUT_CONFIRMATION,
    /** Nothing; the call centre keeps trying. */
    KEEP_TRYING
  }

  private static final VerificationPolicy STANDARD = builder().build();

  private final Reopening reopening;
  private final Optional<PostId> appellatePost;
  private final Optional<Duration> reopenWindow;
  private final Optional<Integer> reopenLimit;
  private final int unreachableAttempts;
  private final AfterUnreachable afterUnreachable;

  private VerificationPolicy(Builder b) {
    this.reopening = b.reopening;
    this.appellatePost = b.appellatePost;
    this.reopenWindow = b.reopenWindow;
    this.reopenLimit = b.reopenLimit;
    this.unreachableAttempts = b.unreachableAttempts;
    this.afterUnreachable = b.afterUnreachable;
  }

  /**
   * The lifecycle as it is: a dissatisfied citizen's complaint goes back to the same post, closed
   * complaints may be reopened at any time and any number of times, and the call centre keeps
   * trying an unreachable citizen.
   *
   * @return the standard policy
   */
  public static VerificationPolicy standard() {
    return STANDARD;
  }

  /**
   * A builder starting from {@link #standard()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where a dissatisfied citizen's complaint goes.
   *
   * @return the reopening
   */
  public Reopening reopening() {
    return reopening;
  }

  /**
   * The appellate post, for {@link Reopening#APPEAL}.
   *
   * @return the post, present exactly when the reopening is an appeal
   */
  public Optional<PostId> appellatePost() {
    return appellatePost;
  }

  /**
   * How long after closing a complaint the citizen or an agent may reopen it.
   *
   * @return the window, or empty for no limit
   */
  public Optional<Duration> reopenWindow() {
    return reopenWindow;
  }

  /**
   * How many times a complaint may be reopened (dissatisfied verifications and reopenings of a
   * closed complaint together).
   *
   * @return the limit, or empty for no limit
   */
  public Optional<Integer> reopenLimit() {
    return reopenLimit;
  }

  /**
   * How many failed attempts in a row to reach the citizen trigger {@link #afterUnreachable()}.
   *
   * @return at least 1
   */
  public int unreachableAttempts() {
    return unreachableAttempts;
  }

  /**
   * What the failed attempts trigger.
   *
   * @return the action
   */
  public AfterUnreachable afterUnreachable() {
    return afterUnreachable;
  }

  /** What a citizen's "not satisfied" leads to under this policy; see {@link #afterDissatisfied}. */
  public enum Dissatisfied {
    /** Back to the post that replied: the lifecycle's own REOPENED. */
    REOPEN_SAME_LEVEL,
    /** One level up the ladder ({@link Reopening#NEXT_LEVEL}). */
    ESCALATE,
    /** To the appellate post ({@link Reopening#APPEAL}). */
    APPEAL,
    /** Closed as not satisfied: the complaint was reopened as often as the limit allows. */
    CLOSE_NOT_SATISFIED
  }

  /**
   * Refuses a reopening this policy does not allow: past the reopen limit, or (for anyone but a
   * supervisor) after the reopen window. Asked only of a {@code Reopen} the lifecycle allows.
   *
   * @param closed the closed complaint
   * @param actor who reopens it
   * @param now when
   * @throws ReopenRefusedException naming the rule
   */
  public void checkReopen(Complaint closed, Actor actor, Instant now) {
    Objects.requireNonNull(closed, "closed");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(now, "now");
    if (reopenLimit.filter(limit -> closed.reopenCount() >= limit).isPresent()) {
      throw new ReopenRefusedException(closed.id(), ReopenRefusedException.Reason.LIMIT_REACHED,
          "complaint " + closed.id() + " was reopened " + closed.reopenCount() + " time(s), the most the verification policy allows");
    }
    Instant closedAt = closed.closure().orElseThrow().at();
    if (reopenWindow.isPresent() && actor.role() != Role.SUPERVISOR && now.isAfter(closedAt.plus(reopenWindow.get()))) {
      throw new ReopenRefusedException(closed.id(), ReopenRefusedException.Reason.WINDOW_PASSED,
          "complaint " + closed.id() + " closed at " + closedAt + "; the verification policy allows reopening within "
              + reopenWindow.get() + ", until " + closedAt.plus(reopenWindow.get()));
    }
  }

  /**
   * What a citizen's "not satisfied" leads to, decided on the complaint as it was before.
   *
   * @param before the resolved complaint the citizen is not satisfied with
   * @return the consequence
   */
  public Dissatisfied afterDissatisfied(Complaint before) {
    if (reopenLimit.filter(limit -> before.reopenCount() >= limit).isPresent()) {
      return Dissatisfied.CLOSE_NOT_SATISFIED;
    }
    return switch (reopening) {
      case SAME_LEVEL -> Dissatisfied.REOPEN_SAME_LEVEL;
      case NEXT_LEVEL -> Dissatisfied.ESCALATE;
      case APPEAL -> Dissatisfied.APPEAL;
    };
  }

  /**
   * Whether a failed call closes the complaint without confirmation.
   *
   * @param after the complaint after the failed call was recorded
   * @return true if this was the last attempt the policy allows and it closes such complaints
   */
  public boolean closesAfterUnreachable(Complaint after) {
    return afterUnreachable == AfterUnreachable.CLOSE_WITHOUT_CONFIRMATION && after.unreachableAttempts() >= unreachableAttempts;
  }

  @Override
  public String toString() {
    return "VerificationPolicy[reopening=" + reopening + appellatePost.map(p -> " to " + p).orElse("")
        + ", window=" + reopenWindow.map(Duration::toString).orElse("none")
        + ", limit=" + reopenLimit.map(String::valueOf).orElse("none")
        + ", after " + unreachableAttempts + " unreachable: " + afterUnreachable + "]";
  }

  /** Builds a {@link VerificationPolicy}. Not thread-safe; build once and share the policy. */
  public static final class Builder {
    private Reopening reopening = Reopening.SAME_LEVEL;
    private Optional<PostId> appellatePost = Optional.empty();
    private Optional<Duration> reopenWindow = Optional.empty();
    private Optional<Integer> reopenLimit = Optional.empty();
    private int unreachableAttempts = 3;
    private AfterUnreachable afterUnreachable = AfterUnreachable.KEEP_TRYING;

    private Builder() {}

    /**
     * A dissatisfied citizen's complaint goes back to the same post (the default).
     *
     * @return this builder
     */
    public Builder reopenAtSameLevel() {
      this.reopening = Reopening.SAME_LEVEL;
      this.appellatePost = Optional.empty();
      return this;
    }

    /**
     * A dissatisfied citizen's complaint goes one level up its escalation ladder.
     *
     * @return this builder
     */
    public Builder reopenAtNextLevel() {
      this.reopening = Reopening.NEXT_LEVEL;
      this.appellatePost = Optional.empty();
      return this;
    }

    /**
     * A dissatisfied citizen's complaint goes to an appellate post, which must be a post of the
     * directory {@code Grievances} is built with.
     *
     * @param post the appellate post
     * @return this builder
     */
    public Builder appealTo(PostId post) {
      this.appellatePost = Optional.of(Texts.required(post, "appellatePost"));
      this.reopening = Reopening.APPEAL;
      return this;
    }

    /**
     * How long after closing a complaint the citizen or an agent may reopen it.
     *
     * @param window positive
     * @return this builder
     * @throws InvalidInputException (field {@code reopenWindow}) if not positive
     */
    public Builder reopenWindow(Duration window) {
      this.reopenWindow = Optional.of(Texts.positive(window, "reopenWindow"));
      return this;
    }

    /**
     * How many times a complaint may be reopened.
     *
     * @param limit zero or more
     * @return this builder
     * @throws InvalidInputException (field {@code reopenLimit}) if negative
     */
    public Builder reopenLimit(int limit) {
      if (limit < 0) {
        throw new InvalidInputException("reopenLimit", "must not be negative (was " + limit + ")");
      }
      this.reopenLimit = Optional.of(limit);
      return this;
    }

    /**
     * After this many failed attempts in a row, close the complaint as closed without confirmation.
     *
     * @param attempts at least 1
     * @return this builder
     * @throws InvalidInputException (field {@code unreachableAttempts}) if below 1
     */
    public Builder closeAfterUnreachable(int attempts) {
      this.unreachableAttempts = checkAttempts(attempts);
      this.afterUnreachable = AfterUnreachable.CLOSE_WITHOUT_CONFIRMATION;
      return this;
    }

    /**
     * Never close for want of an answer: the call centre keeps trying (the default).
     *
     * @return this builder
     */
    public Builder keepTrying() {
      this.afterUnreachable = AfterUnreachable.KEEP_TRYING;
      return this;
    }

    private static int checkAttempts(int attempts) {
      if (attempts < 1) {
        throw new InvalidInputException("unreachableAttempts", "must be at least 1 (was " + attempts + ")");
      }
      return attempts;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public VerificationPolicy build() {
      Objects.requireNonNull(reopening);
      return new VerificationPolicy(this);
    }
  }
}
