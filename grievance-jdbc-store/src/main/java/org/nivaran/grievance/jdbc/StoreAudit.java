package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.jdbc.LogVerification.Finding;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The tamper checks of a {@link JdbcComplaintStore} ({@link JdbcComplaintStore#audit()}): every
 * column that replay or grading reads is covered by the hash chain or checked against what it
 * covers, and each alteration found is named by its {@link LogVerification.Alteration kind}.
 *
 * <p>What a complaint's audit ({@link #verifyLog}) checks:
 * <ul>
 *   <li>its event rows against the hash chain: each row's hash covers the previous row's hash and
 *       the row's complaint id, sequence, type and payload; the complaint row's
 *       {@code head_hash} and {@code version} must be the last row's hash and sequence;
 *   <li>each row's {@code occurred_at}, {@code type} and grading marks ({@code status_after},
 *       {@code post_code}, {@code department_code}, {@code level}, {@code clock_changed},
 *       {@code deadline_at}) against its payload, which the hash covers: the marks are
 *       {@link org.nivaran.grievance.report.EventMarks#of} of the payload's event. They are
 *       verified rather than hashed so that the chain is independent of what grading reads today;
 *   <li>if the log is intact, the complaint row's {@code state} against the replay of the log,
 *       and its indexed columns (status, post, department, level, deadline, flags...) against that
 *       state, as the store writes them;
 *   <li>that the tenant the complaint's rows are filed under ({@code tenant_id}) is the tenant its
 *       registration names, which the hash chain covers ({@link LogVerification.Alteration#TENANT});
 *   <li>if the log is intact, that the complaint's rows in {@code nivaran_reference} are the
 *       external references the replayed state holds ({@link LogVerification.Alteration#REFERENCE});
 *   <li>if the registration carries an idempotency key, that the key's row exists, points at the
 *       complaint, and holds the fingerprint of the request the registration records (as
 *       {@code Grievances} stores it; a complaint stored with another fingerprint by a host's own
 *       code is reported too).
 * </ul>
 * {@link #auditReferences} checks what no complaint's audit reaches: outbox rows that refer to a
 * complaint or event that is not stored, idempotency and reference rows of a complaint that is not
 * stored, and event rows whose complaint row is gone.
 *
 * <p>A complaint is audited within its tenant ({@link #verifyLog(TenantId, ComplaintId)},
 * {@link #auditAll(TenantId, Optional, int)}); {@link #tenants()}, {@link #auditReferences} and the
 * checkpoints cover the whole store, every tenant.
 *
 * <p>What is not checked: the outbox's content and delivery state (body, recipient, attempts,
 * sent or dead; rendered once, changed by the relay, purged when sent: operational, not
 * evidence), so a removed or edited notification is not found; an extra idempotency row pointing
 * at a complaint whose registration did not carry its key; {@code claimed_until} (a lease) and
 * {@code nivaran_id_block} (counters; a wrong one at worst makes a registration fail on the
 * unique id).
 *
 * <p>Without {@link ChainKeys} the chain is plain SHA-256, which anyone who can write the tables
 * can recompute: it then reveals accidental and naive edits only. With keys it reveals any edit
 * by someone without the key, except two that keep every remaining row consistent: removing a
 * complaint whole, and cutting a log back to an earlier event (with the complaint row set back
 * to match). A {@link Checkpoint} kept outside the database catches those, and a history
 * rewritten without keys: take one daily ({@link #checkpoint()}), and verify against the kept
 * ones ({@link #verifyAgainst}).
 *
 * <p>Reads take no locks. Thread-safe.
 */
public final class StoreAudit {
  private static final String PAGE_AFTER = "SELECT id FROM nivaran_complaint WHERE tenant_id = ? AND id > ? ORDER BY id ";
  private static final String ORPHAN_OUTBOX = "SELECT o.seq, o.complaint_id, o.event_sequence, c.id FROM nivaran_outbox o "
      + "LEFT JOIN nivaran_complaint c ON c.tenant_id = o.tenant_id AND c.id = o.complaint_id "
      + "LEFT JOIN nivaran_event e ON e.tenant_id = o.tenant_id AND e.complaint_id = o.complaint_id "
      + "AND e.sequence = o.event_sequence "
      + "WHERE c.id IS NULL OR (o.event_sequence > 0 AND e.complaint_id IS NULL) ORDER BY o.seq ";
  private static final String ORPHAN_KEYS = "SELECT i.complaint_id, COUNT(*) FROM nivaran_idempotency i "
      + "LEFT JOIN nivaran_complaint c ON c.tenant_id = i.tenant_id AND c.id = i.complaint_id WHERE c.id IS NULL "
      + "GROUP BY i.complaint_id ORDER BY i.complaint_id ";
  private static final String ORPHAN_EVENTS = "SELECT e.complaint_id, COUNT(*) FROM nivaran_event e "
      + "LEFT JOIN nivaran_complaint c ON c.tenant_id = e.tenant_id AND c.id = e.complaint_id WHERE c.id IS NULL "
      + "GROUP BY e.complaint_id ORDER BY e.complaint_id ";
  private static final String ORPHAN_REFERENCES = "SELECT r.complaint_id, COUNT(*) FROM nivaran_reference r "
      + "LEFT JOIN nivaran_complaint c ON c.tenant_id = r.tenant_id AND c.id = r.complaint_id WHERE c.id IS NULL "
      + "GROUP BY r.complaint_id ORDER BY r.complaint_id ";
  /** How long after midnight {@link #checkpoint()} waits before covering the day: transactions that read the clock before it. */
  private static final Duration SETTLE = Duration.ofHours(1);

  private final Jdbc jdbc;
  private final StoreStatements sql;
  private final LogAuditor auditor;
  private final Clock clock;

  StoreAudit(Jdbc jdbc, StoreStatements sql, ComplaintRows rows, ChainKeys keys) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.sql = Objects.requireNonNull(sql, "sql");
    this.auditor = new LogAuditor(rows, keys);
    this.clock = Clock.systemUTC();
  }

  /**
   * Audits one complaint: its event rows, its row and its registration's idempotency row (see
   * above). Five short reads (more if appends to the complaint come in meanwhile), no locks.
   *
   * @param id the complaint
   * @return what was found
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws JdbcStoreException if the database fails
   */
  public LogVerification verifyLog(ComplaintId id) {
    return verifyLog(TenantId.DEFAULT, id);
  }

  /**
   * Audits one complaint of a tenant, as {@link #verifyLog(ComplaintId)} does for the default
   * tenant; also that the tenant its rows are filed under is the one its registration names, and
   * that its reference rows are the references its state holds.
   *
   * @param tenant whose complaint
   * @param id the complaint
   * @return what was found
   * @throws ComplaintNotFoundException if the tenant has no such complaint
   * @throws JdbcStoreException if the database fails
   */
  public LogVerification verifyLog(TenantId tenant, ComplaintId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return jdbc.read("verifying the log of " + id, c -> auditor.verify(c, tenant, id));
  }

  /**
   * The tenants that hold complaints, in order: what to pass to
   * {@link #auditAll(TenantId, Optional, int)} to audit the whole store. One seek on the complaint
   * table's primary key per tenant (every partition or shard).
   *
   * @return the tenants
   * @throws JdbcStoreException if the database fails
   */
  public List<TenantId> tenants() {
    return jdbc.read("listing the tenants",
        c -> Jdbc.tenants(c, "nivaran_complaint").stream().map(TenantId::of).toList());
  }

  /**
   * Audits a page of the {@linkplain TenantId#DEFAULT default tenant}'s complaints; the same as
   * {@code auditAll(TenantId.DEFAULT, after, limit)}.
   *
   * @param after the last complaint of the previous page ({@link AuditPage#next()}); empty for the first
   * @param limit the most complaints to audit, at least 1
   * @return the page
   * @throws JdbcStoreException if the database fails
   */
  public AuditPage auditAll(Optional<ComplaintId> after, int limit) {
    return auditAll(TenantId.DEFAULT, after, limit);
  }

  /**
   * Audits a page of a tenant's complaints, in id order, on one connection.
   *
   * <pre>{@code
   * for (TenantId tenant : audit.tenants()) {
   *   Optional<ComplaintId> after = Optional.empty();
   *   do {
   *     AuditPage page = audit.auditAll(tenant, after, 500);
   *     page.altered().forEach(v -> log.warn("{} altered: {}", v.complaintId(), v.findings()));
   *     after = page.next();
   *   } while (after.isPresent());
   * }
   * }</pre>
   *
   * @param tenant whose complaints
   * @param after the last complaint of the previous page ({@link AuditPage#next()}); empty for the first
   * @param limit the most complaints to audit, at least 1
   * @return the page
   * @throws JdbcStoreException if the database fails
   */
  public AuditPage auditAll(TenantId tenant, Optional<ComplaintId> after, int limit) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    return jdbc.read("auditing the complaints after " + after.map(ComplaintId::value).orElse("the start"), c -> {
      List<ComplaintId> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(PAGE_AFTER + sql.limit())) {
        ps.setString(1, tenant.value());
        ps.setString(2, after.map(ComplaintId::value).orElse(""));
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(ComplaintId.of(rs.getString(1)));
          }
        }
      }
      List<LogVerification> altered = new ArrayList<>();
      for (ComplaintId id : ids) {
        try {
          LogVerification v = auditor.verify(c, tenant, id);
          if (!v.intact()) {
            altered.add(v);
          }
        } catch (ComplaintNotFoundException gone) {
          // removed since the page was read: auditReferences reports event rows left behind
        }
      }
      Optional<ComplaintId> next = ids.size() < limit ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
      return new AuditPage(altered, ids.size(), next);
    });
  }

  /**
   * Finds the rows that refer to what is not stored: outbox rows whose complaint, or event (an
   * {@code event_sequence} above 0), is missing ({@link Alteration#OUTBOX}), idempotency rows whose
   * complaint is missing ({@link Alteration#IDEMPOTENCY}), and event rows whose complaint row is
   * missing ({@link Alteration#DELETION}), and reference rows whose complaint is missing
   * ({@link Alteration#REFERENCE}); a row refers to the complaint of its own tenant. Four queries,
   * each scanning its table once, across every tenant.
   *
   * @param limit the most rows of each kind to report, at least 1
   * @return what was found, one verification per complaint named, in id order; empty if nothing
   * @throws JdbcStoreException if the database fails
   */
  public List<LogVerification> auditReferences(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    return jdbc.read("auditing the outbox and idempotency rows", c -> {
      SortedMap<String, List<Finding>> found = new TreeMap<>();
      try (PreparedStatement ps = c.prepareStatement(ORPHAN_OUTBOX + sql.limit())) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long seq = rs.getLong(1);
            long event = rs.getLong(3);
            String what = rs.getString(4) == null ? "its complaint, which is not stored" : "event " + event + ", which is not stored";
            add(found, rs.getString(2), new Finding(Alteration.OUTBOX, event > 0 ? Optional.of(event) : Optional.empty(),
                "outbox row " + seq + " refers to " + what));
          }
        }
      }
      orphans(c, ORPHAN_KEYS, limit, found, n -> new Finding(Alteration.IDEMPOTENCY, Optional.empty(),
          n + " idempotency key(s) point at the complaint, which is not stored"));
      orphans(c, ORPHAN_EVENTS, limit, found, n -> new Finding(Alteration.DELETION, Optional.empty(),
          "the complaint's row is missing; " + n + " of its event rows remain"));
      orphans(c, ORPHAN_REFERENCES, limit, found, n -> new Finding(Alteration.REFERENCE, Optional.empty(),
          n + " reference row(s) name the complaint, which is not stored"));
      List<LogVerification> out = new ArrayList<>();
      found.forEach((id, findings) -> out.add(new LogVerification(ComplaintId.of(id), 0, findings)));
      return List.copyOf(out);
    });
  }

  private void orphans(Connection c, String query, int limit, Map<String, List<Finding>> found,
      LongFunction<Finding> finding) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query + sql.limit())) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          add(found, rs.getString(1), finding.apply(rs.getLong(2)));
        }
      }
    }
  }

  private static void add(Map<String, List<Finding>> found, String complaintId, Finding f) {
    found.computeIfAbsent(complaintId, k -> new ArrayList<>()).add(f);
  }

  /**
   * A checkpoint of every UTC day that ended at least an hour ago (so that a transaction that read
   * the clock before midnight has committed): one pass over the event rows' ids and hashes, a day
   * at a time.
   *
   * @return the checkpoint
   * @throws JdbcStoreException if the database fails
   */
  public Checkpoint checkpoint() {
    return take(Jdbc.MIN, Map.of());
  }

  /**
   * A checkpoint that extends an earlier one with the days that ended since (see
   * {@link #checkpoint()}), reading only those days: the earlier days are copied, not re-read (and
   * not verified: that is {@link #verifyAgainst}'s job).
   *
   * @param previous an earlier checkpoint of this store
   * @return the checkpoint; {@code previous} if no day ended since
   * @throws JdbcStoreException if the database fails
   */
  public Checkpoint checkpoint(Checkpoint previous) {
    Objects.requireNonNull(previous, "previous");
    return until().isAfter(previous.until()) ? take(previous.until(), previous.days()) : previous;
  }

  private Checkpoint take(Instant from, Map<LocalDate, Checkpoint.Day> carried) {
    Instant until = until();
    return jdbc.inTransaction("taking a checkpoint of the events before " + until, c -> {
      SortedMap<LocalDate, Checkpoint.Day> days = new TreeMap<>(carried);
      days.putAll(Checkpoints.days(c, from, until));
      return new Checkpoint(until, days);
    });
  }

  private Instant until() {
    return LocalDate.ofInstant(clock.instant().minus(SETTLE), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * Recomputes the days a checkpoint covers and names those that differ from it: events altered,
   * removed, re-hashed, added or moved to another day since it was taken. One pass over the
   * covered events' ids and hashes.
   *
   * @param checkpoint a checkpoint of this store, kept outside it
   * @return the days that changed, in date order; empty if none did
   * @throws JdbcStoreException if the database fails
   */
  public List<Checkpoint.DayChange> verifyAgainst(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    SortedMap<LocalDate, Checkpoint.Day> now = jdbc.inTransaction("verifying the events before " + checkpoint.until(),
        c -> Checkpoints.days(c, Jdbc.MIN, checkpoint.until()));
    return Checkpoint.changes(checkpoint.days(), now);
  }
}
