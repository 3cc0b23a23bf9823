package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.List;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * An optional capability of a {@link ComplaintStore}: what a caller's number has registered before,
 * as the duplicate and fake-complaint policies ask it at every registration. Each question is one
 * query on an index by number, whatever the number's history holds; a registration asks each at
 * most once. A number's history is counted within one tenant: a citizen who complains in two
 * districts has two histories. {@code GrievancesBuilder} refuses a linking {@code DuplicatePolicy} or a blocking
 * {@code FakeComplaintPolicy} for a store without it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CallerHistory {

  /**
   * A number's complaints registered at or after an instant, open or not, newest registration
   * first (ties by id, descending).
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest registration instant
   * @return the complaints
   */
  List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since);

  /**
   * How many of a number's complaints were closed as fake (rejected with reason {@code FAKE})
   * within an interval.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest closing instant, inclusive
   * @param until the latest closing instant, inclusive
   * @return the count
   */
  int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until);

  /**
   * A number's complaints closed as fake within an interval, in no particular order: read only
   * when {@link #countFakeClosures} says there are enough of them to block the number.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest closing instant, inclusive
   * @param until the latest closing instant, inclusive
   * @return the complaints
   */
  List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until);
}
