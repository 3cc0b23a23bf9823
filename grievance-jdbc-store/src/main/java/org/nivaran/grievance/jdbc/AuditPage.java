package org.nivaran.grievance.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * One page of a whole-store audit ({@link StoreAudit#auditAll}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param altered the audits of the page's complaints that found something, in id order
 * @param checked how many complaints the page audited
 * @param next where the next page starts (pass it as {@code after}); empty after the last page
 */
public record AuditPage(List<LogVerification> altered, int checked, Optional<ComplaintId> next) {
  /**
   * Checks the fields and copies the list.
   *
   * @param altered the audits that found something
   * @param checked how many complaints were audited
   * @param next where the next page starts, or empty
   */
  public AuditPage {
    altered = List.copyOf(Objects.requireNonNull(altered, "altered"));
    Objects.requireNonNull(next, "next");
  }
}
