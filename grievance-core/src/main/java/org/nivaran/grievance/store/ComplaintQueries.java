package org.nivaran.grievance.store;

import java.time.Instant;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Status;

/**
 * The paged work lists a portal shows: an officer's pending complaints, the overdue list, a
 * district's complaints in one status, a citizen's complaints. Implemented by
 * {@link InMemoryComplaintStore} and the JDBC store; each list has a fixed order with the
 * complaint id as the tie-break, and its pages are read by {@linkplain PageRequest keyset}, so a
 * complaint that joins or leaves the list between pages neither repeats nor hides another.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ComplaintQueries {

  /**
   * The open complaints assigned to a post, oldest registration first.
   *
   * @param post the post
   * @param page which page
   * @return the page
   */
  Page<Complaint> pendingAt(PostId post, PageRequest page);

  /**
   * The open complaints whose running deadline ({@link Complaint#dueAt()}) is not after an
   * instant, earliest deadline first.
   *
   * @param at the instant, usually now
   * @param page which page
   * @return the page
   */
  Page<Complaint> overdue(Instant at, PageRequest page);

  /**
   * The complaints in one status registered in one jurisdiction (its exact code), oldest
   * registration first.
   *
   * @param status the status
   * @param jurisdictionCode the jurisdiction's code
   * @param page which page
   * @return the page
   */
  Page<Complaint> byStatus(Status status, String jurisdictionCode, PageRequest page);

  /**
   * A citizen's complaints, open or not, newest registration first.
   *
   * @param phone the citizen's number
   * @param page which page
   * @return the page
   */
  Page<Complaint> byCitizen(PhoneNumber phone, PageRequest page);
}
