/**
 * Observability without a vendor: {@link org.nivaran.grievance.observe.Instrumentation}, the SPI a
 * host implements to see Nivaran's work (Micrometer metrics and observations in the Spring Boot
 * starter), and the outcome values it is told of.
 *
 * <p>Four operations are observed, each wrapped as one unit of work
 * ({@link org.nivaran.grievance.observe.Instrumentation#observe}) and then reported:
 *
 * <ul>
 *   <li>a registration ({@code Grievances.submit}/{@code register}):
 *       {@link org.nivaran.grievance.observe.RegistrationOutcome};
 *   <li>a command ({@code Grievances.execute}): {@link org.nivaran.grievance.observe.CommandOutcome};
 *   <li>an escalation sweep ({@code Escalator.sweep}): one
 *       {@link org.nivaran.grievance.observe.EscalationOutcome} per action, with the SLA breach it
 *       records if any, then one {@link org.nivaran.grievance.observe.SweepOutcome};
 *   <li>an outbox delivery (the JDBC store's {@code OutboxRelay}, one per message handed to the
 *       notifier): {@link org.nivaran.grievance.observe.DeliveryOutcome}.
 * </ul>
 *
 * <p>Nothing here carries a citizen's number, name or text: the outcome values hold the tenant,
 * enum names, levels, rule names and durations, all of few values, fit for metric tags; the
 * complaint id (an {@link org.nivaran.grievance.observe.Operation}'s, a registration's) is many
 * valued, for a trace, never for a tag. {@link org.nivaran.grievance.observe.Instrumented} is how
 * Nivaran's modules run work under an instrumentation so that its failures never change the work's
 * result.
 */
package org.nivaran.grievance.observe;
