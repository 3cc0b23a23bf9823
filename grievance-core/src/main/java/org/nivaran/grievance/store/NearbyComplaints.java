package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.List;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * An optional capability of a {@link ComplaintStore}: the open complaints of one category with a
 * location inside a box, as a distance-matching {@code DuplicatePolicy} asks at registration. The
 * box is a prefilter: the store answers it from plain latitude and longitude columns or fields (an
 * index, not a scan of every complaint; no spatial extension needed), and the policy then keeps
 * those truly within its radius. {@code GrievancesBuilder} refuses a distance-matching policy for a
 * store without it.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NearbyComplaints {

  /**
   * A tenant's open complaints of a category, registered at or after an instant, whose location
   * lies in a box; newest registration first (ties by id, descending).
   *
   * @param tenant whose complaints
   * @param categoryCode the category
   * @param box where
   * @param since the earliest registration instant
   * @param limit the most to return, at least 1
   * @return the complaints
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  List<Complaint> openWithin(TenantId tenant, String categoryCode, GeoBox box, Instant since, int limit);
}
