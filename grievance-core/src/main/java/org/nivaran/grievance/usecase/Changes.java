package org.nivaran.grievance.usecase;

import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.EscalationPolicy;
import org.nivaran.grievance.escalation.Timekeeper;
import org.nivaran.grievance.sla.SlaPolicy;

/**
 * Starts {@link Change}s with the SLA timekeeping they need: the timekeeper over the calendars, and
 * the SLA terms a complaint's first assignment records (its category's escalation policy in the
 * directory in force). Immutable and thread-safe.
 */
final class Changes {
  private final Timekeeper timekeeper;
  private final EscalationPolicies policies;
  private final LiveDirectory directory;

  Changes(Timekeeper timekeeper, EscalationPolicies policies, LiveDirectory directory) {
    this.timekeeper = timekeeper;
    this.policies = policies;
    this.directory = directory;
  }

  Change from(Complaint stored) {
    return new Change(timekeeper, this::policyForNew, stored);
  }

  Change registering(ComplaintEvent.ComplaintRegistered registered) {
    return Change.registering(timekeeper, this::policyForNew, registered);
  }

  Timekeeper timekeeper() {
    return timekeeper;
  }

  private Optional<SlaPolicy> policyForNew(Complaint c) {
    return directory.current()
        .flatMap(d -> d.categories().find(c.categoryCode()))
        .flatMap(category -> policies.find(category.escalationPolicyId()))
        .map(EscalationPolicy::sla);
  }
}
