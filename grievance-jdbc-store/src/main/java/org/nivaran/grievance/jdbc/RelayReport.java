package org.nivaran.grievance.jdbc;

/**
 * What one {@link OutboxRelay#relayOnce()} did. Every claimed message is counted once more in
 * exactly one of the other fields but {@code held}, so
 * {@code claimed == sent + retried + dead + lostLeases}; a message held for its quiet hours was due
 * but not claimed, and counts in {@code held} only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param claimed the messages claimed (due, pending and not leased by another relay)
 * @param sent the messages the notifier accepted, now {@code SENT}
 * @param retried the messages that failed temporarily and wait, {@code PENDING}, for a later attempt
 * @param dead the messages now {@code DEAD}: failed permanently, or temporarily on the last
 *     allowed attempt, or stored in a row that cannot be read back as a notification
 * @param lostLeases the messages whose lease ran out before this relay was done with them: those
 *     another relay claimed before their outcome here was recorded, whose outcome was dropped in
 *     favour of the newer attempt's (and each may have been sent twice); and those whose turn in
 *     the batch came after the lease ran out, given back unsent for a relay to claim afresh
 * @param held the messages due in their {@linkplain org.nivaran.grievance.notify.Notification#quietHours()
 *     quiet hours}, left {@code PENDING} and due again when the hours end
 */
public record RelayReport(int claimed, int sent, int retried, int dead, int lostLeases, int held) {
  /** A report of a call that claimed nothing. */
  static final RelayReport NOTHING = new RelayReport(0, 0, 0, 0, 0, 0);

  /**
   * Checks the counts.
   *
   * @param claimed the messages claimed
   * @param sent the messages sent
   * @param retried the messages to retry
   * @param dead the messages given up
   * @param lostLeases the messages whose outcome was dropped
   * @param held the messages held for their quiet hours
   * @throws IllegalArgumentException if a count is negative
   */
  public RelayReport {
    if (claimed < 0 || sent < 0 || retried < 0 || dead < 0 || lostLeases < 0 || held < 0) {
      throw new IllegalArgumentException("counts must not be negative (were claimed " + claimed + ", sent " + sent
          + ", retried " + retried + ", dead " + dead + ", lostLeases " + lostLeases + ", held " + held + ")");
    }
  }

  /**
   * A report in which no message was held for its quiet hours.
   *
   * @param claimed the messages claimed
   * @param sent the messages sent
   * @param retried the messages to retry
   * @param dead the messages given up
   * @param lostLeases the messages whose outcome was dropped
   * @throws IllegalArgumentException if a count is negative
   */
  public RelayReport(int claimed, int sent, int retried, int dead, int lostLeases) {
    this(claimed, sent, retried, dead, lostLeases, 0);
  }
}
