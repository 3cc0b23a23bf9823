package org.nivaran.grievance.jdbc;

/**
 * Every statement on {@code nivaran_outbox} of {@link OutboxRelay} and
 * {@link OutboxAdministration}, and the one difference between the dialects: the claim. Which
 * values a statement binds, in which order, is the job of the class that runs it.
 *
 * <p>Constants only; thread-safe.
 */
final class OutboxStatements {
  private OutboxStatements() {}

  private static final String CLAIMED_COLUMNS = OutboxRows.COLUMNS + ", attempts, next_attempt_at";
  private static final String CLAIM_POSTGRESQL = "SELECT " + CLAIMED_COLUMNS + " FROM nivaran_outbox"
      + " WHERE state = 'PENDING' AND next_attempt_at <= ?"
      + " ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED";
  /** With an ORDER BY, H2 locks every matching row, not just the batch; the index scan gives the order. */
  private static final String CLAIM_H2 = "SELECT " + CLAIMED_COLUMNS + " FROM nivaran_outbox"
      + " USE INDEX (nivaran_outbox_due)"
      + " WHERE state = 'PENDING' AND next_attempt_at <= ?"
      + " LIMIT ? FOR UPDATE SKIP LOCKED";

  /** Re-checks what the claim read, in case a database handed out a stale row version. */
  static final String LEASE = "UPDATE nivaran_outbox"
      + " SET lease_token = ?, next_attempt_at = ?, attempts = attempts + 1"
      + " WHERE seq = ? AND state = 'PENDING' AND next_attempt_at <= ? AND attempts = ?";
  static final String MARK_SENT = "UPDATE nivaran_outbox"
      + " SET state = 'SENT', sent_at = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  static final String MARK_DEAD = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  static final String MARK_RETRY = "UPDATE nivaran_outbox"
      + " SET next_attempt_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  /** Sets aside a row that cannot be read back as a notification, so it cannot block the outbox. */
  static final String QUARANTINE = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING'";

  static final String DEAD = "SELECT " + OutboxRows.COLUMNS + ", attempts, last_error, dead_at"
      + " FROM nivaran_outbox WHERE state = 'DEAD' ORDER BY dead_at, seq LIMIT ?";
  static final String REDRIVE_ALL = "UPDATE nivaran_outbox"
      + " SET state = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL, lease_token = NULL"
      + " WHERE state = 'DEAD'";
  static final String REDRIVE = REDRIVE_ALL + " AND seq = ?";
  static final String PURGE_SENT = "DELETE FROM nivaran_outbox WHERE state = 'SENT' AND sent_at < ?";
  static final String COUNTS = "SELECT state, COUNT(*) AS n FROM nivaran_outbox GROUP BY state";

  /**
   * The claim of a batch of due messages in a dialect: PostgreSQL orders and limits; H2 scans the
   * due-time index instead, since with an {@code ORDER BY} it would lock every due row (see
   * {@link OutboxRelay}, "Databases").
   */
  static String claim(Dialect dialect) {
    return dialect == Dialect.H2 ? CLAIM_H2 : CLAIM_POSTGRESQL;
  }
}
