package org.nivaran.grievance.escalation;

import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * What one sweep of the {@link Escalator} did.
 *
 * @param outcomes one entry per action, in the order acted on: one per complaint, but for a
 *     complaint a late sweep moved up several levels, one per level and then one for what
 *     happened at the last (blocked, overdue at the top, restarted)
 */
public record EscalationReport(List<Outcome> outcomes) {

  /**
   * Copies the list.
   *
   * @param outcomes one entry per action, in the order acted on
   *
   * @throws NullPointerException if it is null
   */
  public EscalationReport {
    outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
  }

  /** What was done to a due complaint. */
  public enum Action {
    /** Moved one level up. */
    ESCALATED,
    /** The escalation could not happen; flagged and on the stuck list. */
    BLOCKED,
    /** At the top rung: flagged overdue (and the head of department named, if so configured). */
    OVERDUE_AT_TOP,
    /** At the top rung: its clock started again. */
    RESTARTED_AT_TOP,
    /**
     * Its first-response deadline passed with no contact recorded: flagged for the post above (an
     * {@link #ESCALATED} outcome follows when the policy escalates).
     */
    FIRST_RESPONSE_MISSED,
    /**
     * A pending special-closure request's approval deadline passed: the approval duty moved one
     * post up (the detail names the post).
     */
    SPECIAL_CLOSURE_ESCALATED,
    /**
     * A pending special-closure request's approval deadline passed with no post further up: flagged
     * {@code SPECIAL_CLOSURE_OVERDUE} for the last approving post.
     */
    SPECIAL_CLOSURE_OVERDUE,
    /** The command failed (the detail says why); the complaint is left as it was. */
    FAILED
  }

  /**
   * One complaint acted on.
   *
   * @param complaintId the complaint
   * @param from the level it was at
   * @param action what was done
   * @param detail the reason recorded, or the post it moved to
   */
  public record Outcome(ComplaintId complaintId, Level from, Action action, String detail) {
    /**
     * Checks the parts.
     *
     * @param complaintId the complaint
     * @param from the level it was at
     * @param action what was done
     * @param detail the reason recorded, or the post it moved to
     *
     * @throws NullPointerException if one is null
     */
    public Outcome {
      Objects.requireNonNull(complaintId, "complaintId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * How many outcomes of an action the sweep had: for {@link Action#ESCALATED}, the levels
   * complaints were moved up; for the others, the complaints.
   *
   * @param action the action
   * @return the count
   */
  public long count(Action action) {
    return outcomes.stream().filter(o -> o.action() == action).count();
  }
}
