package org.nivaran.grievance.policy;

import org.nivaran.grievance.InvalidInputException;

/**
 * How often a complaint may be transferred between departments before an officer's further
 * transfer is refused and the complaint is flagged for the district's nodal officer instead ("not
 * my department" bouncing). Every transfer counts ({@code Complaint.transferCount()}), but only
 * officers are held to the limit: a supervisor (the nodal officer sorting it out) may always
 * transfer. An officer's transfer refused this way returns the complaint unchanged but for the
 * {@code TRANSFER_LIMIT_REACHED} flag (set once).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxTransfers the most transfers (by anyone) a complaint may have had for an officer to transfer it again; a further one is
 *     not made, and the complaint is flagged {@code TRANSFER_LIMIT_REACHED} instead
 */
public record TransferPolicy(int maxTransfers) {

  /**
   * Checks the limit.
   *
   * @param maxTransfers the most transfers (by anyone) a complaint may have had for an officer to transfer it again; a further one is
   *     not made, and the complaint is flagged {@code TRANSFER_LIMIT_REACHED} instead
   *
   * @throws InvalidInputException if it is negative
   */
  public TransferPolicy {
    if (maxTransfers < 0) {
      throw new InvalidInputException("maxTransfers", "must not be negative (was " + maxTransfers + ")");
    }
  }

  /**
   * No limit.
   *
   * @return the policy
   */
  public static TransferPolicy unlimited() {
    return new TransferPolicy(Integer.MAX_VALUE);
  }

  /**
   * Whether one more transfer is allowed after {@code transfersSoFar}.
   *
   * @param transfersSoFar the transfers the complaint has had
   * @return whether another is allowed
   */
  public boolean allowsAnother(int transfersSoFar) {
    return transfersSoFar < maxTransfers;
  }
}
