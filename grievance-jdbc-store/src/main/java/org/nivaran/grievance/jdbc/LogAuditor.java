package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.jdbc.EventAudit.StoredEvent;
import org.nivaran.grievance.jdbc.EventAudit.Walk;
import org.nivaran.grievance.jdbc.LogVerification.Finding;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Audits one complaint of a tenant: its event rows ({@link EventAudit}), then, if its log is
 * intact, its row and its reference rows against the replay of the log, the tenant its rows are
 * filed under against the tenant its registration names, and its registration's idempotency row
 * ({@link StateAudit}).
 *
 * <p>It reads without locks: the complaint row, the event rows, then the complaint row again; if
 * an append came in between (the version or head moved), it reads again, so a busy complaint is
 * not reported for rows that were simply committed mid-audit.
 *
 * <p>Thread-safe.
 */
final class LogAuditor {
  private static final String COMPLAINT_ROW = "SELECT version, head_hash, state FROM nivaran_complaint WHERE tenant_id = ? AND id = ?";
  private static final int ATTEMPTS = 5;

  private final ComplaintRows rows;
  private final ChainKeys keys;

  LogAuditor(ComplaintRows rows, ChainKeys keys) {
    this.rows = Objects.requireNonNull(rows, "rows");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  private record Row(long version, String head, String state) {}

  /**
   * Audits a complaint on a connection.
   *
   * @throws ComplaintNotFoundException if there is no such complaint
   */
  LogVerification verify(Connection c, TenantId tenant, ComplaintId id) throws SQLException {
    Row row = row(c, tenant, id);
    List<StoredEvent> events = EventAudit.read(c, tenant, id);
    for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
      Row again = row(c, tenant, id);
      if (again.version() == row.version() && again.head().equals(row.head())) {
        break;
      }
      row = again;
      events = EventAudit.read(c, tenant, id);
    }
    Walk walk = EventAudit.walk(id, row.version(), row.head(), events, keys, rows);
    List<Finding> found = new ArrayList<>(walk.findings());
    if (walk.logIntact()) {
      found.addAll(StateAudit.state(c, rows, tenant, id, row.state(), walk.events()));
    }
    if (walk.registration().isPresent()) {
      found.addAll(StateAudit.tenant(tenant, walk.registration().get()));
      found.addAll(StateAudit.idempotency(c, tenant, id, walk.registration().get()));
    }
    return new LogVerification(id, events.size(), found);
  }

  private static Row row(Connection c, TenantId tenant, ComplaintId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(COMPLAINT_ROW)) {
      ps.setString(1, tenant.value());
      ps.setString(2, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ComplaintNotFoundException(id);
        }
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3));
      }
    }
  }
}
