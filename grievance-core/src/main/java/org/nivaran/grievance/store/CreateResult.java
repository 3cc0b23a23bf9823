package org.nivaran.grievance.store;

import java.util.Objects;
import org.nivaran.grievance.complaint.Complaint;

/**
 * The outcome of {@link ComplaintStore#create}: the complaint was stored, or an earlier request
 * with the same idempotency key had stored it already: the third of the four types one
 * registration travels through (see {@link org.nivaran.grievance.complaint.RegisterComplaint}).
 * Immutable and thread-safe.
 */
public sealed interface CreateResult permits CreateResult.Created, CreateResult.Replayed {

  /**
   * The complaint, new or earlier.
   *
   * @return the stored complaint
   */
  Complaint complaint();

  /**
   * The complaint was stored now.
   *
   * @param complaint the stored complaint
   */
  record Created(Complaint complaint) implements CreateResult {
    /**
     * Checks the field.
     *
     * @param complaint the stored complaint
     */
    public Created {
      Objects.requireNonNull(complaint, "complaint");
    }
  }

  /**
   * An earlier request with the same key and fingerprint stored this complaint; nothing new was
   * written.
   *
   * @param complaint the earlier complaint, as it is now
   */
  record Replayed(Complaint complaint) implements CreateResult {
    /**
     * Checks the field.
     *
     * @param complaint the earlier complaint, as it is now
     */
    public Replayed {
      Objects.requireNonNull(complaint, "complaint");
    }
  }
}
