package org.nivaran.grievance.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.internal.Texts;

/**
 * How long the officer has to contact the complainant, timed apart from the resolution (Raipur's
 * officers phone the complainant first; helpdesks time "first response" apart from "solution"),
 * and what a missed first response leads to.
 *
 * <ul>
 *   <li><b>When the clock starts.</b> At the complaint's first assignment; the deadline is the
 *       {@linkplain #budget() budget} counted on the {@linkplain #calendarId() calendar} from that
 *       instant ({@link #deadline}), and is recorded in the complaint's log (a
 *       {@code FirstResponseDueSet} event), so a later change of this policy never moves it. There
 *       is one first response per complaint: a later escalation, transfer or reopening starts no
 *       new one, and the clock does not pause while the complaint waits on the citizen.
 *   <li><b>What meets it.</b> The officer of the assigned post records a contact
 *       ({@code ComplaintCommand.RecordContact}), a call made or a call that did not reach the
 *       complainant: either meets the duty, as an attempt is on record. Later contacts are recorded
 *       too; only the first counts.
 *   <li><b>What a miss does</b> ({@link OnMiss}), once, when the escalator's sweep finds the
 *       deadline passed with no contact recorded, stamped at the deadline:
 *       {@link OnMiss#FLAG_POST_ABOVE} flags the complaint {@code FIRST_RESPONSE_MISSED} with the
 *       post above as its attention (its holder is told); {@link OnMiss#ESCALATE} flags it the same
 *       way and escalates it one level up as a spent SLA would. The sweep acts only while the
 *       complaint waits on its post (assigned, in progress, returned or reopened), as for the SLA
 *       ({@code Complaint.firstResponseDueAt()}): a complaint resolved or awaiting the citizen with
 *       no contact on record is acted on if it comes back to its post.
 * </ul>
 *
 * <p>A policy names its calendar by id; {@code Grievances.builder().build()} refuses one whose
 * calendar is not registered. Immutable and thread-safe.
 *
 * <pre>{@code
 * FirstResponsePolicy raipur =
 *     FirstResponsePolicy.of(SlaBudget.openTime(Duration.ofHours(4)), "office", OnMiss.FLAG_POST_ABOVE);
 * }</pre>
 */
public final class FirstResponsePolicy {
  private static final FirstResponsePolicy NONE = new FirstResponsePolicy(null, null, null);

  private final SlaBudget budget;
  private final String calendarId;
  private final OnMiss onMiss;

  /** What a missed first response leads to. */
  public enum OnMiss {
    /**
     * The complaint is flagged {@code FIRST_RESPONSE_MISSED} for the attention of the post above
     * its post (the post its escalation policy would move it to). Where there is none (the top
     * rung, a post above not configured or vacant, no escalation policy), the attention is the
     * post a blocked escalation names, else the complaint's own post.
     */
    FLAG_POST_ABOVE,
    /**
     * The complaint is flagged {@code FIRST_RESPONSE_MISSED} and escalated one level up, as when
     * its level's SLA is spent; the new level's SLA clock starts at the first-response deadline.
     * Where the escalation cannot happen, it is flagged only, as for {@link #FLAG_POST_ABOVE}.
     */
    ESCALATE
  }

  private FirstResponsePolicy(SlaBudget budget, String calendarId, OnMiss onMiss) {
    this.budget = budget;
    this.calendarId = calendarId;
    this.onMiss = onMiss;
  }

  /**
   * No first-response duty (the default): no deadline is recorded and nothing is flagged. Officers
   * may still record contacts.
   *
   * @return the policy
   */
  public static FirstResponsePolicy none() {
    return NONE;
  }

  /**
   * A first-response duty.
   *
   * @param budget the time allowed from the first assignment
   * @param calendarId the id of the calendar the budget is counted on
   * @param onMiss what a miss leads to
   * @return the policy
   * @throws InvalidInputException naming a missing part or a calendar id that is not a code
   */
  public static FirstResponsePolicy of(SlaBudget budget, String calendarId, OnMiss onMiss) {
    Texts.required(budget, "budget");
    Texts.required(onMiss, "onMiss");
    return new FirstResponsePolicy(budget, Texts.code(calendarId, "calendarId"), onMiss);
  }

  /**
   * Whether the policy sets a duty (it is not {@link #none()}).
   *
   * @return whether active
   */
  public boolean active() {
    return budget != null;
  }

  /**
   * The time allowed from the first assignment.
   *
   * @return the budget, empty for {@link #none()}
   */
  public Optional<SlaBudget> budget() {
    return Optional.ofNullable(budget);
  }

  /**
   * The id of the calendar the budget is counted on.
   *
   * @return the calendar id, empty for {@link #none()}
   */
  public Optional<String> calendarId() {
    return Optional.ofNullable(calendarId);
  }

  /**
   * What a miss leads to.
   *
   * @return the action, empty for {@link #none()}
   */
  public Optional<OnMiss> onMiss() {
    return Optional.ofNullable(onMiss);
  }

  /**
   * When the first response is due for a complaint first assigned at {@code assignedAt}: the budget
   * counted on the calendar from then ({@link SlaStopwatch#start}).
   *
   * @param calendar the policy's calendar
   * @param assignedAt when the complaint was first assigned
   * @return the deadline
   * @throws IllegalStateException for {@link #none()}
   * @throws InvalidInputException if the calendar is not the policy's
   */
  public Instant deadline(BusinessCalendar calendar, Instant assignedAt) {
    if (!active()) {
      throw new IllegalStateException("FirstResponsePolicy.none() sets no deadline");
    }
    Texts.required(calendar, "calendar");
    Texts.required(assignedAt, "assignedAt");
    if (!calendar.id().equals(calendarId)) {
      throw new InvalidInputException(
          "calendar", "must be the first-response policy's calendar '" + calendarId + "' (was '" + calendar.id() + "')");
    }
    return SlaStopwatch.start(calendar, budget, assignedAt).deadline().orElseThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FirstResponsePolicy p && Objects.equals(budget, p.budget)
        && Objects.equals(calendarId, p.calendarId) && onMiss == p.onMiss;
  }

  @Override
  public int hashCode() {
    return Objects.hash(budget, calendarId, onMiss);
  }

  @Override
  public String toString() {
    return active() ? "FirstResponsePolicy[" + budget + " on " + calendarId + ", on miss " + onMiss + "]"
        : "FirstResponsePolicy[none]";
  }
}
