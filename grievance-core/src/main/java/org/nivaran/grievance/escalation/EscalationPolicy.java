package org.nivaran.grievance.escalation;

import java.time.Instant;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.directory.Directory;
import org.nivaran.grievance.sla.SlaPolicy;

/**
 * The escalation SPI: for a complaint, when its current level's time runs out (its {@linkplain
 * #sla() SLA policy}: the calendar and the budget of each level) and what happens then ({@link
 * #onDeadline}). Categories name a policy by {@link #id()}; {@link LadderPolicy} is the stock
 * implementation. The SLA policy is recorded on each complaint when it is first assigned, and the
 * deadline of its level is recorded with each change of its clock ({@link Complaint#dueAt()}), so
 * a later change of the configuration never rewrites the deadlines of complaints already running,
 * and stores find due complaints by an index on that instant.
 *
 * <p>Implementations must be immutable and thread-safe: the escalator calls them from any
 * thread.
 */
public interface EscalationPolicy {

  /**
   * The policy's id, which categories name.
   *
   * @return the id
   */
  String id();

  /**
   * The budgets per level and the calendar they are counted on.
   *
   * @return the SLA policy
   */
  SlaPolicy sla();

  /**
   * The level routing assigns new complaints at (L1 in MP; L0, the department, in UP).
   *
   * @return the entry level
   */
  Level entryLevel();

  /**
   * What happens to a complaint whose level's time has run out.
   *
   * @param complaint the complaint, assigned
   * @param directory the registries as configured now (posts, jurisdictions, ...)
   * @return the step: up one level, blocked with a reason, or at the top
   */
  EscalationStep onDeadline(Complaint complaint, Directory directory);

  /**
   * What happens to a complaint whose level's time has run out, decided at an instant: the
   * escalator and the verification policy ask this one, so that a vacant post whose
   * {@linkplain org.nivaran.grievance.directory.AdditionalCharge additional charge} is in force
   * then ({@link org.nivaran.grievance.directory.Posts#answering}) can be escalated to. The
   * default ignores the instant and asks {@link #onDeadline(Complaint, Directory)}.
   *
   * @param complaint the complaint, assigned
   * @param directory the registries as configured now
   * @param now the instant the step is decided at
   * @return the step
   */
  default EscalationStep onDeadline(Complaint complaint, Directory directory, Instant now) {
    return onDeadline(complaint, directory);
  }
}
