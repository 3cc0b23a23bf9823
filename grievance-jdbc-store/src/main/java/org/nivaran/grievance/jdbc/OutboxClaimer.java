package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim step of {@link OutboxRelay#relayOnce()}: picks a batch of its tenant's due messages, skipping rows
 * another relay has locked, and leases them; a due row that cannot be read back as a notification
 * is made dead instead, and a message due in its {@linkplain Notification#quietHours() quiet hours}
 * is held, not leased, until they end. What is due, whether it is night for a message, and until
 * when a lease holds, is decided on the database's clock ({@code CURRENT_TIMESTAMP}), never on the
 * relay's.
 *
 * <p>Thread-safe.
 */
final class OutboxClaimer {
  /** The relay's logger: hosts set one level for everything delivery logs. */
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final int batchSize;
  private final Duration lease;
  private final TenantId tenant;
  /** The database's dialect, found on the first connection. */
  private volatile Dialect dialect;

  OutboxClaimer(TenantId tenant, int batchSize, Duration lease) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.batchSize = batchSize;
    this.lease = Objects.requireNonNull(lease, "lease");
  }

  /**
   * Claims and leases a batch on the caller's transaction (the claim step of
   * {@link OutboxRelay#relayOnce()}); the rows stay locked until it ends.
   *
   * @param now the relay's clock, which only stamps the {@code dead_at} of unreadable rows
   */
  Claimed claim(Connection c, Instant now, String token) throws SQLException {
    List<Claim> candidates = new ArrayList<>();
    List<Held> held = new ArrayList<>();
    int quarantined = 0;
    Dialect d = dialect(c);
    try (PreparedStatement ps = c.prepareStatement(OutboxStatements.claim(d));
        PreparedStatement quarantine = c.prepareStatement(OutboxStatements.QUARANTINE)) {
      ps.setString(1, tenant.value());
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
            quarantine.setString(4, tenant.value());
            quarantine.addBatch();
            quarantined++;
            continue;
          }
          Claim claim = new Claim(seq, notification, rs.getInt("attempts") + 1, Jdbc.getInstant(rs, "next_attempt_at"));
          Instant dbNow = Jdbc.getInstant(rs, "db_now");
          Duration quiet = Duration.between(dbNow, notification.deliverableFrom(dbNow));
          if (!quiet.isNegative() && !quiet.isZero()) {
            held.add(new Held(seq, quiet));
          } else {
            candidates.add(claim);
          }
        }
      }
      if (quarantined > 0) {
        quarantine.executeBatch();
      }
    }
    int deferred = hold(c, d, held);
    if (candidates.isEmpty()) {
      return new Claimed(List.of(), quarantined, deferred);
    }
    candidates.sort(Comparator.comparing(Claim::due).thenComparingLong(Claim::seq));
    return new Claimed(lease(c, d, candidates, token), quarantined, deferred);
  }

  /**
   * Holds the messages due in their quiet hours until the hours end, a wait from the database's
   * clock as the claim read it, and returns how many were held.
   */
  private int hold(Connection c, Dialect d, List<Held> held) throws SQLException {
    if (held.isEmpty()) {
      return 0;
    }
    int count = 0;
    try (PreparedStatement ps = c.prepareStatement(OutboxStatements.holdForQuietHours(d))) {
      for (Held h : held) {
        ps.setLong(1, Dialect.micros(h.quiet()));
        ps.setLong(2, h.seq());
        ps.setString(3, tenant.value());
        ps.addBatch();
      }
      for (int n : ps.executeBatch()) {
        count += n != 0 ? 1 : 0;
      }
    }
    return count;
  }

  /**
   * Leases the candidates, in due order, until the database's clock plus the lease, and returns
   * those whose rows were still as read.
   */
  private List<Claim> lease(Connection c, Dialect d, List<Claim> candidates, String token) throws SQLException {
    long leaseMicros = Dialect.micros(lease);
    int[] updated;
    try (PreparedStatement ps = c.prepareStatement(OutboxStatements.lease(d))) {
      for (Claim claim : candidates) {
        ps.setString(1, token);
        ps.setLong(2, leaseMicros);
        ps.setLong(3, claim.seq());
        ps.setInt(4, claim.attempts() - 1);
        ps.setString(5, tenant.value());
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

  /** A due message in its quiet hours, and how long they last from the database's clock. */
  private record Held(long seq, Duration quiet) {}

  /**
   * What a claim took: the leased messages, how many unreadable rows it made dead instead, and how
   * many messages it held for their quiet hours.
   */
  record Claimed(List<Claim> claims, int quarantined, int deferred) {}
}
