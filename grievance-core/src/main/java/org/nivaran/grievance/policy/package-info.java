/**
 * The policies a state sets on the lifecycle, each a small immutable value with the rule that reads
 * it beside it: {@link org.nivaran.grievance.policy.VerificationPolicy} (what a dissatisfied or
 * unreachable citizen leads to, with {@link org.nivaran.grievance.policy.ReopenRefusedException}
 * for a reopening it does not allow), {@link org.nivaran.grievance.policy.TransferPolicy} (how
 * often officers may transfer a complaint), {@link org.nivaran.grievance.policy.DuplicatePolicy}
 * (repeat registrations linked to the open complaint),
 * {@link org.nivaran.grievance.policy.FakeComplaintPolicy} (fake complaints block the number) and
 * {@link org.nivaran.grievance.policy.CallerLimitPolicy} (how many complaints a number may register
 * per period, with {@link org.nivaran.grievance.policy.CallerLimitReachedException} for a
 * registration over the limit) and {@link org.nivaran.grievance.policy.SpecialClosurePolicy}
 * (who may ask for a special closure and who approves it: two-person special closure).
 * {@code PolicyTransitions} lists, in one table, every transition a
 * policy drives. {@code GrievancesBuilder} installs the policies; the use cases in
 * {@code org.nivaran.grievance.usecase} apply them. Every type here is immutable and thread-safe.
 */
package org.nivaran.grievance.policy;
