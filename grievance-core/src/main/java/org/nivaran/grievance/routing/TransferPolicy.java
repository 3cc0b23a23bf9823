package org.nivaran.grievance.routing;

import org.nivaran.grievance.InvalidInputException;

/**
 * How often an officer may transfer a complaint to another department before it is flagged for
 * the district's nodal officer instead ("not my department" bouncing). A transfer by a
 * supervisor (the nodal officer sorting it out) is not limited.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxTransfers the most transfers by officers a complaint may have had; a further one is
 *     not made, and the complaint is flagged {@code TRANSFER_LIMIT_REACHED} instead
 */
public record TransferPolicy(int maxTransfers) {

  /**
   * Checks the limit.
   *
   * @param maxTransfers the most transfers by officers a complaint may have had; a further one is
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
