package org.nivaran.grievance.jdbc;


/**
 * Every statement on {@code nivaran_outbox} of {@link OutboxRelay} and
 * {@link OutboxAdministration}, and the differences between the dialects: the claim, and adding a
 * duration to the database's clock. Which values a statement binds, in which order, is the job of
 * the class that runs it.
 *
 * <p>Every due time is the database's: a row is due when {@code next_attempt_at <=
 * CURRENT_TIMESTAMP}, and leases, back-offs and redrives set {@code next_attempt_at} from
 * {@code CURRENT_TIMESTAMP} plus a duration bound in microseconds, so no relay's clock decides
 * what is due (see {@link OutboxRelay}, "Clocks").
 *
 * <p>Every statement names one tenant ({@code tenant_id = ?}): a relay and an administration
 * serve one tenant's rows, and its statements read one range of indexes the tenant leads (one
 * partition, one shard). In the updates of one row, the tenant is bound last.
 *
 * <p>Constants only; thread-safe.
 */
final class OutboxStatements {
  private OutboxStatements() {}

  private static final String CLAIMED_COLUMNS =
      OutboxRows.COLUMNS + ", attempts, next_attempt_at, CURRENT_TIMESTAMP AS db_now";
  private static final String CLAIM_POSTGRESQL = "SELECT " + CLAIMED_COLUMNS + " FROM nivaran_outbox"
      + " WHERE tenant_id = ? AND state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP"
      + " ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED";
  /** With an ORDER BY, H2 locks every matching row, not just the batch; the index scan gives the order. */
  private static final String CLAIM_H2 = "SELECT " + CLAIMED_COLUMNS + " FROM nivaran_outbox"
      + " USE INDEX (nivaran_outbox_due)"
      + " WHERE tenant_id = ? AND state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP"
      + " LIMIT ? FOR UPDATE SKIP LOCKED";

  static final String MARK_SENT = "UPDATE nivaran_outbox"
      + " SET state = 'SENT', sent_at = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ? AND tenant_id = ?";
  static final String MARK_DEAD = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ? AND tenant_id = ?";
  /**
   * Gives back a claimed message that was not sent because the lease ran out first: due at once,
   * the attempt not counted.
   */
  static final String RELEASE = "UPDATE nivaran_outbox"
      + " SET next_attempt_at = CURRENT_TIMESTAMP, attempts = attempts - 1, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ? AND tenant_id = ?";
  /** Sets aside a row that cannot be read back as a notification, so it cannot block the outbox. */
  static final String QUARANTINE = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND tenant_id = ?";

  static final String DEAD = "SELECT " + OutboxRows.COLUMNS + ", attempts, last_error, dead_at"
      + " FROM nivaran_outbox WHERE tenant_id = ? AND state = 'DEAD' ORDER BY dead_at, seq LIMIT ?";
  static final String REDRIVE_ALL = "UPDATE nivaran_outbox"
      + " SET state = 'PENDING', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, dead_at = NULL, lease_token = NULL"
      + " WHERE tenant_id = ? AND state = 'DEAD'";
  static final String REDRIVE = REDRIVE_ALL + " AND seq = ?";
  static final String PURGE_SENT = "DELETE FROM nivaran_outbox WHERE tenant_id = ? AND state = 'SENT' AND sent_at < ?";
  static final String COUNTS = "SELECT state, COUNT(*) AS n FROM nivaran_outbox WHERE tenant_id = ? GROUP BY state";

  /**
   * The claim of a batch of one tenant's due messages in a dialect, binding the tenant and the
   * batch size: PostgreSQL orders
   * and limits; H2 scans the due-time index instead, since with an {@code ORDER BY} it would lock
   * every due row (see {@link OutboxRelay}, "Databases").
   */
  static String claim(Dialect dialect) {
    return dialect == Dialect.H2 ? CLAIM_H2 : CLAIM_POSTGRESQL;
  }

  /**
   * Leases a claimed row until the database's clock plus the lease, giving it a fresh lease token
   * and counting the attempt; binds the token, the lease ({@link Dialect#micros}), the seq, the
   * attempts read and the tenant. It re-checks what the claim read, in case a database handed out a stale row
   * version.
   */
  static String lease(Dialect dialect) {
    return "UPDATE nivaran_outbox SET lease_token = ?, next_attempt_at = " + dialect.nowPlusMicros()
        + ", attempts = attempts + 1"
        + " WHERE seq = ? AND state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP AND attempts = ? AND tenant_id = ?";
  }

  /**
   * Holds a claimed-for message in its quiet hours: due again when they end, a wait from the
   * database's clock, the attempt not counted (it is not leased). Binds the wait
   * ({@link Dialect#micros}), the seq and the tenant.
   */
  static String holdForQuietHours(Dialect dialect) {
    return "UPDATE nivaran_outbox SET next_attempt_at = " + dialect.nowPlusMicros()
        + " WHERE seq = ? AND state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP AND tenant_id = ?";
  }

  /**
   * Schedules a retry after a back-off on the database's clock, if the lease still holds; binds
   * the back-off ({@link Dialect#micros}), the error, the seq, the lease token and the tenant.
   */
  static String markRetry(Dialect dialect) {
    return "UPDATE nivaran_outbox SET next_attempt_at = " + dialect.nowPlusMicros() + ", last_error = ?, lease_token = NULL"
        + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ? AND tenant_id = ?";
  }

}
