package org.nivaran.grievance.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.tenant.TenantId;

/**
 * An optional capability of a {@link ComplaintStore}: the paged work lists a portal shows and the
 * escalator sweeps (an officer's pending complaints, the overdue list, a flag's list such as the
 * stuck list, a district's complaints in one status, a citizen's complaints). Each list has a fixed
 * order with the complaint id as the tie-break, and its pages are read by
 * {@linkplain PageRequest keyset}, so a complaint that joins or leaves the list between pages
 * neither repeats nor hides another. Implementations answer each page from an index, never by
 * reading every complaint. {@code Grievances} needs it for the escalator, the stuck list,
 * handovers and follow-ups. Every list is of one tenant's complaints.
 *
 * <p>Implementations must be thread-safe.
 */
public interface WorkLists {

  /**
   * The open complaints assigned to a post (its pending work, which a successor inherits), oldest
   * registration first.
   *
   * @param tenant whose complaints
   * @param post the post
   * @param page which page
   * @return the page
   */
  Page<Complaint> pendingAt(TenantId tenant, PostId post, PageRequest page);

  /**
   * The open complaints whose running deadline ({@link Complaint#dueAt()}) is not after an
   * instant, earliest deadline first: the complaints due for escalation.
   *
   * @param tenant whose complaints
   * @param at the instant, usually now
   * @param page which page
   * @return the page
   */
  Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest page);

  /**
   * The open complaints carrying a flag, oldest registration first; for instance the stuck list
   * ({@link ComplaintFlag#ESCALATION_BLOCKED}).
   *
   * @param tenant whose complaints
   * @param flag the flag
   * @param page which page
   * @return the page
   */
  Page<Complaint> flagged(TenantId tenant, ComplaintFlag flag, PageRequest page);

  /**
   * The complaints in one status registered in one jurisdiction (its exact code), oldest
   * registration first.
   *
   * @param tenant whose complaints
   * @param status the status
   * @param jurisdictionCode the jurisdiction's code
   * @param page which page
   * @return the page
   */
  Page<Complaint> byStatus(TenantId tenant, Status status, String jurisdictionCode, PageRequest page);

  /**
   * A citizen's complaints, open or not, newest registration first.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param page which page
   * @return the page
   */
  Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest page);

  /**
   * Claims the complaints due for escalation at an instant for one sweeper: the first {@code limit} of
   * {@link #overdue}, but a store shared by several nodes leaves out the complaints another
   * sweeper claimed within its lease, and holds these for {@code lease} (the JDBC store does so
   * with {@code FOR UPDATE SKIP LOCKED}). Writing a complaint ends its claim. A claim only shares
   * out the work: two sweepers that do get the same complaint are still kept apart by the expected
   * version of their appends. This default reads them from {@link #overdue}, for a store
   * that one node uses.
   *
   * @param tenant whose complaints
   * @param at the instant
   * @param limit the most complaints to return, at least 1
   * @param lease how long the claim keeps other sweepers away, positive
   * @return the claimed complaints, earliest deadline first
   * @throws IllegalArgumentException if {@code limit} is less than 1 or the lease not positive
   */
  default List<Complaint> claimDue(TenantId tenant, Instant at, int limit, Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive (was " + lease + ")");
    }
    return Page.collect(page -> overdue(tenant, at, page), limit);
  }
}
