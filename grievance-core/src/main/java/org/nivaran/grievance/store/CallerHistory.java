package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.List;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * An optional capability of a {@link ComplaintStore}: what a caller's number has registered before,
 * as the duplicate, caller-limit and fake-complaint policies ask it at every registration. Each
 * question a registration asks is one query on an index by number whose cost does not grow with the
 * number's history: the caller-limit policy reads only when the newest few complaints of its
 * period were registered ({@link #registrationInstants}; with exempt channels the complaints,
 * {@link #newestRegistered}), the duplicate policy only those of the request's category and
 * jurisdiction ({@link #registeredSince(TenantId, PhoneNumber, String, String, Instant)}), the
 * fake-complaint policy a count ({@link #countFakeClosures}); a registration asks each at most once
 * (the caller-limit policy again, with a larger bound, only while exempt complaints fill what it
 * read). A number's history is counted within one tenant: a citizen who complains in two
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
   * A number's newest complaints registered within an interval, open or not, newest registration
   * first (ties by id, descending), at most {@code max} of them: the first {@code max} of what
   * {@link #registeredSince(TenantId, PhoneNumber, Instant)} lists from {@code since}, without those
   * registered after {@code until}. A store answers it with one query that reads at most {@code max}
   * rows of an index by tenant, number and registration instant. The default filters
   * {@link #registeredSince(TenantId, PhoneNumber, Instant)}, whose cost grows with the history.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest registration instant, inclusive
   * @param until the latest registration instant, inclusive
   * @param max how many at most, at least 1
   * @return the complaints
   * @throws IllegalArgumentException if {@code max} is below 1
   */
  default List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
    }
    return registeredSince(tenant, phone, since).stream()
        .filter(c -> !c.registeredAt().isAfter(until))
        .limit(max)
        .toList();
  }

  /**
   * When a number's newest complaints within an interval were registered: the registration
   * instants of exactly the complaints {@link #newestRegistered} lists, in its order (newest first,
   * at most {@code max}). A store answers it from its index by tenant, number and registration
   * instant alone, reading no complaint. The default maps {@link #newestRegistered}.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param since the earliest registration instant, inclusive
   * @param until the latest registration instant, inclusive
   * @param max how many at most, at least 1
   * @return the instants, newest first
   * @throws IllegalArgumentException if {@code max} is below 1
   */
  default List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    return newestRegistered(tenant, phone, since, until, max).stream().map(Complaint::registeredAt).toList();
  }

  /**
   * A number's complaints of one category in one jurisdiction registered at or after an instant,
   * open or not, newest registration first (ties by id, descending): what
   * {@link #registeredSince(TenantId, PhoneNumber, Instant)} lists, without the other categories and
   * jurisdictions (codes compared exactly). A store answers it with one query on an index by tenant
   * and number that filters the codes before it reads a complaint's document, so complaints of
   * other categories cost no document read. The default filters
   * {@link #registeredSince(TenantId, PhoneNumber, Instant)}, whose cost grows with the history.
   *
   * @param tenant whose complaints
   * @param phone the citizen's number
   * @param categoryCode the category code
   * @param jurisdictionCode the jurisdiction code
   * @param since the earliest registration instant, inclusive
   * @return the complaints
   */
  default List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, String categoryCode,
      String jurisdictionCode, Instant since) {
    return registeredSince(tenant, phone, since).stream()
        .filter(c -> c.categoryCode().equals(categoryCode) && c.jurisdictionCode().equals(jurisdictionCode))
        .toList();
  }

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
