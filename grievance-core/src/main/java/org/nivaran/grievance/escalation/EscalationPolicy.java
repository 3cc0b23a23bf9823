package org.nivaran.grievance.escalation;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.routing.Directory;
import org.nivaran.grievance.sla.SlaPolicy;

/**
 * The escalation SPI: for a complaint, when its current level's time runs out and what happens
 * then. Categories name a policy by {@link #id()}; {@link LadderPolicy} is the stock
 * implementation. A policy's {@linkplain #sla() SLA policy} is recorded on each complaint when
 * it is first assigned, so a later change of the configuration never rewrites the deadlines of
 * complaints already running.
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
   * When the complaint's current level's time runs out: by default the deadline of its recorded
   * SLA clock, while it waits on its post ({@link Complaint#dueAt()}).
   *
   * @param complaint the complaint
   * @return the instant, or empty if its time is not running
   */
  default Optional<Instant> deadline(Complaint complaint) {
    return complaint.dueAt();
  }

  /**
   * What happens to a complaint whose level's time has run out.
   *
   * @param complaint the complaint, assigned
   * @param directory the registries as configured now (posts, jurisdictions, ...)
   * @return the step: up one level, blocked with a reason, or at the top
   */
  EscalationStep onDeadline(Complaint complaint, Directory directory);
}
