/**
 * Escalation: when a level's SLA time runs out, the complaint climbs the post hierarchy.
 *
 * <ul>
 *   <li>{@link org.nivaran.grievance.escalation.EscalationPolicy}, the SPI: when the current
 *       level's time runs out and what happens then; {@link
 *       org.nivaran.grievance.escalation.LadderPolicy} the stock ladder (MP, UP, any depth) with
 *       its choice of calendar and what happens past the top rung.
 *   <li>{@link org.nivaran.grievance.escalation.Timekeeper}, which starts, pauses and resumes a
 *       level's SLA clock as commands move a complaint, recording the policy in force.
 *   <li>{@link org.nivaran.grievance.escalation.Escalator}, which finds due complaints through the
 *       store's deadline index and escalates each exactly once, recording escalations that cannot
 *       happen on the stuck list.
 *   <li>{@link org.nivaran.grievance.escalation.FollowUpSampler}, a reproducible sample of pending
 *       complaints per post for the call centre's reminder calls.
 * </ul>
 */
package org.nivaran.grievance.escalation;
