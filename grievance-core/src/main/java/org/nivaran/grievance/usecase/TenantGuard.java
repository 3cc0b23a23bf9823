package org.nivaran.grievance.usecase;

import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Checks what a store answered against the tenant the use cases serve, before anything is done with
 * it: a complaint of another tenant is refused with {@link CrossTenantException}. A store that
 * keeps the contract never trips it. Stateless.
 */
final class TenantGuard {
  private TenantGuard() {}

  static Complaint own(TenantId tenant, Complaint c) {
    CrossTenantException.check(tenant, c.tenant(), "complaint " + c.id());
    return c;
  }

  static Optional<Complaint> own(TenantId tenant, Optional<Complaint> c) {
    c.ifPresent(x -> own(tenant, x));
    return c;
  }

  static List<Complaint> own(TenantId tenant, List<Complaint> cs) {
    for (Complaint c : cs) {
      own(tenant, c);
    }
    return cs;
  }

  /** A log is the tenant's if its registration says so. */
  static List<ComplaintEvent> ownLog(TenantId tenant, List<ComplaintEvent> log) {
    if (!log.isEmpty() && log.get(0) instanceof ComplaintEvent.ComplaintRegistered r) {
      CrossTenantException.check(tenant, r.tenant(), "complaint " + r.complaintId());
    }
    return log;
  }
}
