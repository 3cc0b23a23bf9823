package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.notify.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim step of {@link OutboxRelay#relayOnce()}: picks a batch of due messages, skipping rows
 * another relay has locked, and leases them; a due row that cannot be read back as a notification
 * is made dead instead.
 *
 * <p>Thread-safe.
 */
final class OutboxClaimer {
  /** The relay's logger: hosts set one level for everything delivery logs. */
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final int batchSize;
  private final Duration lease;
  /** The database's dialect, found on the first connection. */
  private volatile Dialect dialect;

  OutboxClaimer(int batchSize, Duration lease) {
    this.batchSize = batchSize;
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /**
   * Claims and leases a batch on the caller's transaction (the claim step of
   * {@link OutboxRelay#relayOnce()}); the rows stay locked until it ends.
   */
  Claimed claim(Connection c, Instant now, String token) throws SQLException {
    List<Claim> candidates = new ArrayList<>();
    int quarantined = 0;
    try (PreparedStatement ps = c.prepareStatement(OutboxStatements.claim(dialect(c)));
        PreparedStatement quarantine = c.prepareStatement(OutboxStatements.QUARANTINE)) {
      Jdbc.setInstant(ps, 1, now);
      ps.setInt(2, batchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong("seq");
          Notification notification;
          try {
            notification = OutboxRows.read(rs);
          } catch (RuntimeException unreadable) {
            String error = LastError.text("the stored row is not a valid notification: " + unreadable.getMessage());
            LOG.error("outbox message {} (seq {}) is dead: {}", rs.getString("message_id"), seq, error);
            Jdbc.setInstant(quarantine, 1, now);
            quarantine.setString(2, error);
            quarantine.setLong(3, seq);
            quarantine.addBatch();
            quarantined++;
            continue;
          }
          candidates.add(new Claim(seq, notification, rs.getInt("attempts") + 1, Jdbc.getInstant(rs, "next_attempt_at")));
        }
      }
      if (quarantined > 0) {
        quarantine.executeBatch();
      }
    }
    if (candidates.isEmpty()) {
      return new Claimed(List.of(), quarantined);
    }
    candidates.sort(Comparator.comparing(Claim::due).thenComparingLong(Claim::seq));
    return new Claimed(lease(c, candidates, now, token), quarantined);
  }

  /** Leases the candidates, in due order, and returns those whose rows were still as read. */
  private List<Claim> lease(Connection c, List<Claim> candidates, Instant now, String token) throws SQLException {
    Instant leasedUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
    int[] updated;
    try (PreparedStatement ps = c.prepareStatement(OutboxStatements.LEASE)) {
      for (Claim claim : candidates) {
        ps.setString(1, token);
        Jdbc.setInstant(ps, 2, leasedUntil);
        ps.setLong(3, claim.seq());
        Jdbc.setInstant(ps, 4, now);
        ps.setInt(5, claim.attempts() - 1);
        ps.addBatch();
      }
      updated = ps.executeBatch();
    }
    List<Claim> claims = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      if (updated[i] != 0) {
        claims.add(candidates.get(i));
      }
    }
    return List.copyOf(claims);
  }

  private Dialect dialect(Connection c) throws SQLException {
    Dialect d = dialect;
    if (d == null) {
      d = Dialect.of(c);
      dialect = d;
    }
    return d;
  }

  /** A message this relay leased: its row, its content, and its attempt count including this one. */
  record Claim(long seq, Notification notification, int attempts, Instant due) {}

  /** What a claim took: the leased messages, and how many unreadable rows it made dead instead. */
  record Claimed(List<Claim> claims, int quarantined) {}
}
