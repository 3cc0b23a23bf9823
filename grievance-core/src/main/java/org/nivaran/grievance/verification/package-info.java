/**
 * Citizen verification: the {@link org.nivaran.grievance.verification.VerificationPolicy} that
 * decides what a dissatisfied citizen or an unreachable one leads to, and the
 * {@link org.nivaran.grievance.verification.ReopenRefusedException} for a reopening it does not
 * allow. {@code Grievances.Builder.verificationPolicy} installs a policy.
 */
package org.nivaran.grievance.verification;
