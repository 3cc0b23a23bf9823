package org.nivaran.grievance.jdbc;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * What {@link JdbcComplaintStore#verifyLog} found when it walked a complaint's hash chain.
 *
 * <p>Immutable and thread-safe.
 *
 * @param complaintId the complaint
 * @param eventsChecked how many event rows were read
 * @param firstBadSequence the sequence of the first event row that was altered or is missing;
 *     empty if the chain is intact
 * @param problem what is wrong at that row, for a human reader; empty if intact
 */
public record LogVerification(
    ComplaintId complaintId, long eventsChecked, Optional<Long> firstBadSequence, Optional<String> problem) {
  /**
   * Checks the fields.
   *
   * @param complaintId the complaint
   * @param eventsChecked how many rows were read
   * @param firstBadSequence the first bad sequence, or empty
   * @param problem what is wrong, or empty
   */
  public LogVerification {
    Objects.requireNonNull(complaintId, "complaintId");
    Objects.requireNonNull(firstBadSequence, "firstBadSequence");
    Objects.requireNonNull(problem, "problem");
    if (firstBadSequence.isPresent() != problem.isPresent()) {
      throw new IllegalArgumentException("a bad sequence and its problem come together");
    }
  }

  /**
   * Whether every event row is as it was written and none is missing.
   *
   * @return true if the chain is intact
   */
  public boolean intact() {
    return firstBadSequence.isEmpty();
  }

  static LogVerification intact(ComplaintId id, long checked) {
    return new LogVerification(id, checked, Optional.empty(), Optional.empty());
  }

  static LogVerification broken(ComplaintId id, long checked, long sequence, String problem) {
    return new LogVerification(id, checked, Optional.of(sequence), Optional.of(problem));
  }
}
