package org.nivaran.grievance.jdbc;

import java.util.Objects;

/**
 * Every statement of {@link JdbcComplaintStore} and the differences between its dialects, in one
 * place. Which columns a statement binds, in which order, is {@link ComplaintRows}'s and
 * {@link EventRows}'s job.
 *
 * <p>Immutable and thread-safe.
 */
final class StoreStatements {
  /** The most ids one {@code IN (...)} list binds. */
  static final int IN_LIST = 500;

  static final String INSERT_IDEMPOTENCY = "INSERT INTO nivaran_idempotency "
      + "(tenant_id, idempotency_key, fingerprint, complaint_id, created_at) VALUES (?, ?, ?, ?, ?)";
  static final String INSERT_COMPLAINT = "INSERT INTO nivaran_complaint (" + ComplaintRows.COLUMNS
      + ", head_hash, state, tenant_id, id, version) VALUES (" + "?, ".repeat(ComplaintRows.COLUMN_COUNT) + "?, ?, ?, ?, ?)";
  static final String UPDATE_COMPLAINT = "UPDATE nivaran_complaint SET "
      + String.join(" = ?, ", ComplaintRows.COLUMNS.split(", ")) + " = ?"
      + ", head_hash = ?, state = ?, version = ?, claimed_until = NULL WHERE tenant_id = ? AND id = ? AND version = ?";
  static final String INSERT_EVENT = "INSERT INTO nivaran_event (tenant_id, complaint_id, sequence, type, occurred_at, "
      + "payload, prev_hash, hash, status_after, post_code, department_code, level, clock_changed, deadline_at, key_id) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String FIND = "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND id = ?";
  static final String EVENTS = "SELECT payload FROM nivaran_event WHERE tenant_id = ? AND complaint_id = ? ORDER BY sequence";
  static final String BY_IDEMPOTENCY_KEY = "SELECT i.fingerprint, i.complaint_id, c.state FROM nivaran_idempotency i "
      + "LEFT JOIN nivaran_complaint c ON c.tenant_id = i.tenant_id AND c.id = i.complaint_id "
      + "WHERE i.tenant_id = ? AND i.idempotency_key = ?";
  static final String BY_REFERENCE = "SELECT c.state FROM nivaran_reference r "
      + "JOIN nivaran_complaint c ON c.tenant_id = r.tenant_id AND c.id = r.complaint_id "
      + "WHERE r.tenant_id = ? AND r.source = ? AND r.ref_id = ?";

  /** The lower bound of {@code due_at} in range queries, which keeps H2's index off rows with none. */
  static final String DUE_BY = "due_at >= ? AND due_at <= ?";

  static final String REGISTERED_SINCE = "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
      + "AND registered_at >= ? ORDER BY registered_at DESC, id DESC";
  /**
   * A number's complaints of a category in a jurisdiction from an instant: the index by tenant,
   * number and registration instant bounds the range, and the codes are filtered on the rows before
   * any document is read or sent.
   */
  static final String REGISTERED_SINCE_OF_CATEGORY = "SELECT state FROM nivaran_complaint WHERE tenant_id = ? "
      + "AND citizen_phone = ? AND registered_at >= ? AND category_code = ? AND jurisdiction_code = ? "
      + "ORDER BY registered_at DESC, id DESC";
  static final String COUNT_FAKE_CLOSURES = "SELECT COUNT(*) FROM nivaran_complaint WHERE tenant_id = ? "
      + "AND citizen_phone = ? AND fake_closed_at >= ? AND fake_closed_at <= ?";
  static final String FAKE_CLOSURES = "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
      + "AND fake_closed_at >= ? AND fake_closed_at <= ?";

  private final Dialect dialect;

  StoreStatements(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** Locks {@code n} complaints' rows of a tenant, in id order, and reads their versions and head hashes. */
  static String lockHeads(int n) {
    return "SELECT id, version, head_hash FROM nivaran_complaint WHERE tenant_id = ? AND id IN (" + Jdbc.placeholders(n)
        + ") ORDER BY id FOR UPDATE";
  }

  /**
   * A tenant's open complaints of a category in a box, newest first: the tenant, the category,
   * the south and north edges, then two longitude bounds (west and east; a box across the
   * antimeridian takes longitudes at or east of the first OR at or west of the second), the
   * earliest registration, then the limit. The partial index {@code nivaran_complaint_nearby}
   * answers the tenant, category and latitude band; the longitude is filtered on the rows found.
   */
  String openWithin(boolean acrossAntimeridian) {
    return "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND category_code = ? AND is_open "
        + "AND latitude IS NOT NULL AND latitude >= ? AND latitude <= ? AND "
        + (acrossAntimeridian ? "(longitude >= ? OR longitude <= ?)" : "longitude >= ? AND longitude <= ?")
        + " AND registered_at >= ? ORDER BY registered_at DESC, id DESC " + limit();
  }

  /**
   * A number's newest complaints registered within an interval: the tenant, the number, the
   * earliest and latest instant, then the limit; read backwards on the index by tenant, number and
   * registration instant, so it stops after the limit.
   */
  String newestRegistered() {
    return newestRegistered("state");
  }

  /**
   * When a number's newest complaints within an interval were registered, with the parameters of
   * {@link #newestRegistered()}: every column it reads is in {@code nivaran_complaint_citizen}, so
   * PostgreSQL answers it with an index-only scan and no complaint's row or document is read.
   */
  String registrationInstants() {
    return newestRegistered("registered_at");
  }

  private String newestRegistered(String column) {
    return "SELECT " + column + " FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ? "
        + "AND registered_at >= ? AND registered_at <= ? ORDER BY registered_at DESC, id DESC " + limit();
  }

  /** The clause that limits a query to the number bound as its last parameter. */
  String limit() {
    return dialect == Dialect.H2 ? "FETCH FIRST ? ROWS ONLY" : "LIMIT ?";
  }

  /**
   * Selects and locks a tenant's due complaints no other sweeper holds: the tenant, the lower and
   * upper bound of the deadline, then the limit. H2 locks every matching row before it sorts and limits, so there the
   * due index's order stands in for {@code ORDER BY} (and the caller sorts the batch); PostgreSQL
   * locks only what it returns. Claims run on the database's clock, not the sweep's instant, so a
   * catch-up sweep or a node whose clock lags still keeps the others away for the whole lease.
   */
  String claimDue() {
    return dialect == Dialect.H2
        ? "SELECT id, state FROM nivaran_complaint USE INDEX (nivaran_complaint_due) WHERE tenant_id = ? AND " + DUE_BY
            + " AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP) FETCH FIRST ? ROWS ONLY "
            + "FOR UPDATE SKIP LOCKED"
        : "SELECT id, state FROM nivaran_complaint WHERE tenant_id = ? AND " + DUE_BY
            + " AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP) ORDER BY due_at, id LIMIT ? "
            + "FOR UPDATE SKIP LOCKED";
  }

  /**
   * Marks {@code n} complaints of a tenant claimed until the lease ends on the database's clock: the
   * lease is bound first ({@link Dialect#micros}), then the tenant, then the ids.
   */
  String claim(int n) {
    return "UPDATE nivaran_complaint SET claimed_until = " + dialect.nowPlusMicros() + " WHERE tenant_id = ? AND id IN ("
        + Jdbc.placeholders(n) + ")";
  }

  /**
   * A keyset page of a tenant's complaints: the tenant bound first, then those matching
   * {@code where}, after the cursor if there is one ({@code (sortColumn, id)} bound after the
   * filter's parameters), then the limit.
   */
  String page(String where, String sortColumn, boolean newestFirst, boolean afterCursor) {
    String cmp = newestFirst ? "<" : ">";
    String dir = newestFirst ? " DESC" : "";
    return "SELECT " + sortColumn + ", id, state FROM nivaran_complaint WHERE tenant_id = ? AND " + where
        + (afterCursor ? " AND (" + sortColumn + ", id) " + cmp + " (?, ?)" : "")
        + " ORDER BY " + sortColumn + dir + ", id" + dir + " " + limit();
  }
}
