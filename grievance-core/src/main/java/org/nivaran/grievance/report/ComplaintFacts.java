package org.nivaran.grievance.report;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.internal.Texts;

/**
 * What one complaint contributes to the grading of a {@link GradingPeriod}: the figures a
 * {@link GradingSource} reads off its event log, before they are summed per department and
 * district. Every source computes them by the same rules, so that a projection over the in-memory
 * store and one by SQL over a database give the same answers:
 *
 * <ul>
 *   <li>A complaint has facts for a period if it was registered before the period's end and is
 *       open at the end, or has at least one event inside the period.
 *   <li>"At the end" means after every event that occurred before {@link GradingPeriod#to()}.
 *   <li>{@code disposedAt}: the complaint is {@link Status#CLOSED} or {@link Status#REJECTED} at
 *       the end, and the event that closed or rejected it occurred inside the period. A withdrawn
 *       complaint is neither disposed nor pending.
 *   <li>{@code withinSla}: disposed, never escalated before the end, and answered in time: its
 *       answer (the last reply filed, or the closing event if no reply was filed) did not occur at
 *       or after the deadline of the SLA clock in force just before it. With no clock in force, it
 *       is in time.
 *   <li>{@code beyondSla}: at the end it waits on its post (assigned, in progress, returned or
 *       reopened) and its level's clock had run out: its deadline is at or before {@code to}.
 *   <li>{@code firstResponseDue}: its first-response deadline (recorded by a
 *       {@code FirstResponseDueSet} event before {@code to}) lies inside the period.
 *       {@code firstResponseInTime}: that, and a contact ({@code ContactRecorded}) was recorded after
 *       the deadline was set and at or before the deadline.
 *   <li>The counts are of events inside the period: replies filed, replies returned, citizens
 *       satisfied, citizens not satisfied, and reopenings (a citizen not satisfied, or a closed
 *       complaint reopened).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the complaint
 * @param jurisdictionCode its jurisdiction
 * @param department the department of its post at the end, if it was ever assigned
 * @param level the level of its post at the end, if it was ever assigned
 * @param registeredAt when it was registered
 * @param status its status at the end
 * @param disposedAt when it was disposed, if inside the period
 * @param withinSla whether disposed within its SLA
 * @param beyondSla whether pending beyond its SLA at the end
 * @param replies action-taken replies filed inside the period
 * @param returns replies returned as of poor quality inside the period
 * @param satisfied verifications inside the period where the citizen was satisfied
 * @param dissatisfied verifications inside the period where the citizen was not satisfied
 * @param reopens reopenings inside the period
 * @param firstResponseDue whether its first-response deadline lies inside the period
 * @param firstResponseInTime whether that first response was made by its deadline
 */
public record ComplaintFacts(
    ComplaintId id,
    String jurisdictionCode,
    Optional<String> department,
    Optional<Level> level,
    Instant registeredAt,
    Status status,
    Optional<Instant> disposedAt,
    boolean withinSla,
    boolean beyondSla,
    int replies,
    int returns,
    int satisfied,
    int dissatisfied,
    int reopens,
    boolean firstResponseDue,
    boolean firstResponseInTime) {

  /**
   * Checks the fields.
   *
   * @param id the complaint
   * @param jurisdictionCode its jurisdiction
   * @param department the department of its post at the end, if it was ever assigned
   * @param level the level of its post at the end, if it was ever assigned
   * @param registeredAt when it was registered
   * @param status its status at the end
   * @param disposedAt when it was disposed, if inside the period
   * @param withinSla whether disposed within its SLA
   * @param beyondSla whether pending beyond its SLA at the end
   * @param replies action-taken replies filed inside the period
   * @param returns replies returned as of poor quality inside the period
   * @param satisfied verifications inside the period where the citizen was satisfied
   * @param dissatisfied verifications inside the period where the citizen was not satisfied
   * @param reopens reopenings inside the period
   * @param firstResponseDue whether its first-response deadline lies inside the period
   * @param firstResponseInTime whether that first response was made by its deadline
   * @throws org.nivaran.grievance.InvalidInputException naming the field, if one is missing or a
   *     count is negative, {@code withinSla} is set for a complaint not disposed, or
   *     {@code firstResponseInTime} for one whose first response was not due in the period
   */
  public ComplaintFacts {
    Texts.required(id, "id");
    Texts.required(jurisdictionCode, "jurisdictionCode");
    Texts.required(department, "department");
    Texts.required(level, "level");
    Texts.required(registeredAt, "registeredAt");
    Texts.required(status, "status");
    Texts.required(disposedAt, "disposedAt");
    nonNegative(replies, "replies");
    nonNegative(returns, "returns");
    nonNegative(satisfied, "satisfied");
    nonNegative(dissatisfied, "dissatisfied");
    nonNegative(reopens, "reopens");
    if (withinSla && disposedAt.isEmpty()) {
      throw new org.nivaran.grievance.InvalidInputException("withinSla", "is set for complaint " + id + ", which was not disposed");
    }
    if (firstResponseInTime && !firstResponseDue) {
      throw new org.nivaran.grievance.InvalidInputException(
          "firstResponseInTime", "is set for complaint " + id + ", whose first response was not due in the period");
    }
  }

  /**
   * Facts with no first response due in the period.
   *
   * @param id the complaint
   * @param jurisdictionCode its jurisdiction
   * @param department the department of its post at the end, if it was ever assigned
   * @param level the level of its post at the end, if it was ever assigned
   * @param registeredAt when it was registered
   * @param status its status at the end
   * @param disposedAt when it was disposed, if inside the period
   * @param withinSla whether disposed within its SLA
   * @param beyondSla whether pending beyond its SLA at the end
   * @param replies action-taken replies filed inside the period
   * @param returns replies returned as of poor quality inside the period
   * @param satisfied verifications inside the period where the citizen was satisfied
   * @param dissatisfied verifications inside the period where the citizen was not satisfied
   * @param reopens reopenings inside the period
   * @throws org.nivaran.grievance.InvalidInputException as the canonical constructor does
   */
  public ComplaintFacts(ComplaintId id, String jurisdictionCode, Optional<String> department, Optional<Level> level,
      Instant registeredAt, Status status, Optional<Instant> disposedAt, boolean withinSla, boolean beyondSla,
      int replies, int returns, int satisfied, int dissatisfied, int reopens) {
    this(id, jurisdictionCode, department, level, registeredAt, status, disposedAt, withinSla, beyondSla,
        replies, returns, satisfied, dissatisfied, reopens, false, false);
  }

  /**
   * Whether the complaint was registered inside a period.
   *
   * @param period the period these facts are for
   * @return whether received in it
   */
  public boolean receivedIn(GradingPeriod period) {
    return period.contains(registeredAt);
  }

  /**
   * Whether the complaint is still open at the end of the period.
   *
   * @return whether pending
   */
  public boolean pending() {
    return status.isOpen();
  }

  private static void nonNegative(int count, String field) {
    if (count < 0) {
      throw new org.nivaran.grievance.InvalidInputException(field, "must not be negative (was " + count + ")");
    }
  }
}
