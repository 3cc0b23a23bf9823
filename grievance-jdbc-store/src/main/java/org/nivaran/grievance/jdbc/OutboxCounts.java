package org.nivaran.grievance.jdbc;

/**
 * How many outbox messages are in each state, as {@link OutboxAdministration#counts()} found them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pending the messages still to deliver: due now, waiting for a retry, or being sent
 *     under a relay's lease
 * @param sent the messages the notifier accepted
 * @param dead the messages given up on (see {@link OutboxAdministration#dead(int)})
 */
public record OutboxCounts(long pending, long sent, long dead) {
  /**
   * Checks the counts.
   *
   * @param pending the pending messages
   * @param sent the sent messages
   * @param dead the dead messages
   * @throws IllegalArgumentException if a count is negative
   */
  public OutboxCounts {
    if (pending < 0 || sent < 0 || dead < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative (were pending " + pending + ", sent " + sent + ", dead " + dead + ")");
    }
  }

  /**
   * All messages in the outbox.
   *
   * @return {@code pending + sent + dead}
   */
  public long total() {
    return pending + sent + dead;
  }
}
