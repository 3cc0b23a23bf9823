package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.store.ComplaintNotFoundException;

/**
 * Audits a complaint's event log against its hash chain: the work behind
 * {@link JdbcComplaintStore#verifyLog}.
 *
 * <p>Thread-safe.
 */
final class LogAuditor {
  private final Jdbc jdbc;

  LogAuditor(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  /** Walks the log of a complaint; see {@link JdbcComplaintStore#verifyLog}. */
  LogVerification verify(ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read("verifying the log of " + id, c -> {
      long version;
      String head;
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.HEAD)) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new ComplaintNotFoundException(id);
          }
          version = rs.getLong(1);
          head = rs.getString(2);
        }
      }
      return walk(c, id, version, head);
    });
  }

  private static LogVerification walk(Connection c, ComplaintId id, long version, String head) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(StoreStatements.CHAIN)) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        String prev = HashChain.GENESIS;
        long expected = 1;
        long checked = 0;
        while (rs.next()) {
          long seq = rs.getLong(1);
          checked++;
          if (seq != expected) {
            return LogVerification.broken(id, checked, expected, "event " + expected + " is missing (next row is " + seq + ")");
          }
          if (!rs.getString(4).equals(prev)) {
            return LogVerification.broken(id, checked, seq, "event " + seq + " does not link to event " + (seq - 1));
          }
          String hash = HashChain.hash(prev, id.value(), seq, rs.getString(2), rs.getString(3));
          if (!hash.equals(rs.getString(5))) {
            return LogVerification.broken(id, checked, seq, "event " + seq + " was altered (its hash does not match)");
          }
          prev = hash;
          expected++;
        }
        if (expected - 1 < version) {
          return LogVerification.broken(id, checked, expected,
              "events " + expected + ".." + version + " are missing (the complaint is at version " + version + ")");
        }
        if (expected - 1 > version || !prev.equals(head)) {
          return LogVerification.broken(id, checked, expected - 1,
              "event " + (expected - 1) + " is not the head the complaint row records");
        }
        return LogVerification.intact(id, checked);
      }
    }
  }
}
