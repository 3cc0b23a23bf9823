package org.nivaran.grievance.escalation;

/** What a ladder does when the time of its top rung runs out. */
public enum PastTop {
  /**
   * The complaint stays at the top rung and its clock starts again with the rung's budget, so it
   * comes due again after another full budget.
   */
  STAY,
  /** The complaint is flagged {@code OVERDUE_AT_TOP}; it leaves the due list. */
  FLAG_OVERDUE,
  /**
   * As {@link #FLAG_OVERDUE}, and the flag names the head of the department's post, whose holder
   * the notification policy alerts.
   */
  NOTIFY_HEAD_OF_DEPARTMENT
}
