package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's tools for the transactional outbox that {@link OutboxRelay} delivers: counts of
 * the messages in each state, the list of dead letters, redrive, and the purge of old sent
 * messages.
 *
 * <p>Watch {@link #counts()} for a growing backlog and {@link #dead(int)} for messages given up
 * on, and {@link #purgeSent} old sent messages on a schedule; {@link #redrive(long)} and
 * {@link #redriveAll()} send dead messages again, with a fresh allowance of attempts, once their
 * cause is fixed.
 *
 * <pre>{@code
 * OutboxAdministration outbox = OutboxAdministration.create(dataSource);
 * if (outbox.counts().dead() > 0) {
 *   for (DeadLetter letter : outbox.dead(50)) {
 *     log.warn("given up on {}: {}", letter.notification().id(), letter.lastError());
 *   }
 * }
 * outbox.purgeSent(clock.instant().minus(Duration.ofDays(90)));
 * }</pre>
 *
 * <p>It may run beside any number of relays: it changes only dead rows (redrive) and sent rows
 * (purge), which a relay never touches. Its log lines go to the logger of this class.
 *
 * <p>It serves one tenant's outbox ({@link #create(DataSource, TenantId)}): every count, list,
 * redrive and purge names the tenant, and a seq of another tenant's message is not found.
 *
 * <p>Thread-safe: it holds only the data source and the tenant; each call takes a connection and gives it back.
 * Failures of the database surface as {@link JdbcStoreException}; the transaction concerned is
 * rolled back.
 */
public final class OutboxAdministration {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxAdministration.class);

  private final Jdbc jdbc;
  private final TenantId tenant;

  private OutboxAdministration(DataSource dataSource, TenantId tenant) {
    this.jdbc = new Jdbc(dataSource);
    this.tenant = tenant;
  }

  /**
   * The tools for the outbox of the {@linkplain TenantId#DEFAULT default tenant} in a database.
   * Nothing is read until a method is called. They need
   * no clock: a redriven message is due on the database's clock, as every due time of the outbox
   * is (see {@link OutboxRelay}, "Clocks").
   *
   * @param dataSource the database holding {@code nivaran_outbox}: PostgreSQL or H2, with the
   *     Nivaran schema
   * @return the tools
   * @throws NullPointerException if it is null
   */
  public static OutboxAdministration create(DataSource dataSource) {
    return create(dataSource, TenantId.DEFAULT);
  }

  /**
   * The tools for one tenant's outbox in a database: they count, list, redrive and purge only
   * that tenant's messages.
   *
   * @param dataSource the database holding {@code nivaran_outbox}: PostgreSQL or H2, with the
   *     Nivaran schema
   * @param tenant whose messages
   * @return the tools
   * @throws NullPointerException if either is null
   */
  public static OutboxAdministration create(DataSource dataSource, TenantId tenant) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(tenant, "tenant");
    return new OutboxAdministration(dataSource, tenant);
  }

  /**
   * The messages given up on, those that died first first. A dead row that cannot be read back as
   * a notification (see {@link OutboxRelay#relayOnce()}) is logged and left out.
   *
   * @param limit how many at most, 1 or more
   * @return the dead letters, oldest {@link DeadLetter#deadAt()} first (then by seq)
   * @throws IllegalArgumentException if {@code limit} is less than 1
   * @throws JdbcStoreException if the query fails
   */
  public List<DeadLetter> dead(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    return jdbc.read("listing dead outbox messages", c -> {
      try (PreparedStatement ps = c.prepareStatement(OutboxStatements.DEAD)) {
        ps.setString(1, tenant.value());
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<DeadLetter> out = new ArrayList<>();
          while (rs.next()) {
            Notification notification;
            try {
              notification = OutboxRows.read(rs);
            } catch (RuntimeException unreadable) {
              LOG.warn("dead outbox message seq {} left out of the list: its row is not a valid notification ({})",
                  rs.getLong("seq"), unreadable.getMessage());
              continue;
            }
            out.add(new DeadLetter(rs.getLong("seq"), notification, rs.getInt("attempts"),
                rs.getString("last_error"), Jdbc.getInstant(rs, "dead_at")));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  /**
   * Makes one dead message pending again: due now on the database's clock, so every relay finds
   * it due at once whatever its own clock says, and with its attempts reset to 0, so it gets
   * the relays' {@link OutboxRelay.Builder#maxAttempts} new attempts. Its last error is kept until a later attempt replaces it.
   *
   * @param seq the message's {@link DeadLetter#seq()}
   * @return {@code true} if the message was dead and is now pending; {@code false} if there is no
   *     such message or it is not dead
   * @throws JdbcStoreException if the update fails
   */
  public boolean redrive(long seq) {
    int changed = jdbc.inTransaction("redriving outbox message " + seq, c -> {
      try (PreparedStatement ps = c.prepareStatement(OutboxStatements.REDRIVE)) {
        ps.setString(1, tenant.value());
        ps.setLong(2, seq);
        return ps.executeUpdate();
      }
    });
    if (changed > 0) {
      LOG.info("outbox message seq {} redriven: pending again", seq);
    }
    return changed > 0;
  }

  /**
   * Makes every dead message pending again, as {@link #redrive(long)} does for one.
   *
   * @return how many messages were dead and are now pending
   * @throws JdbcStoreException if the update fails
   */
  public int redriveAll() {
    int changed = jdbc.inTransaction("redriving all dead outbox messages", c -> {
      try (PreparedStatement ps = c.prepareStatement(OutboxStatements.REDRIVE_ALL)) {
        ps.setString(1, tenant.value());
        return ps.executeUpdate();
      }
    });
    if (changed > 0) {
      LOG.info("{} dead outbox message(s) redriven: pending again", changed);
    }
    return changed;
  }

  /**
   * Deletes the messages sent before an instant: the outbox keeps every sent row (its id and text
   * are the record of what was told) until the operator purges them, and {@link #counts()} reads
   * the whole table, so purge on a schedule (say, rows older than 90 days).
   *
   * @param sentBefore the messages sent before this instant go
   * @return how many rows were deleted
   * @throws JdbcStoreException if the delete fails
   */
  public int purgeSent(Instant sentBefore) {
    Objects.requireNonNull(sentBefore, "sentBefore");
    int deleted = jdbc.inTransaction("purging sent outbox messages", c -> {
      try (PreparedStatement ps = c.prepareStatement(OutboxStatements.PURGE_SENT)) {
        ps.setString(1, tenant.value());
        Jdbc.setInstant(ps, 2, sentBefore);
        return ps.executeUpdate();
      }
    });
    if (deleted > 0) {
      LOG.info("{} sent outbox message(s) from before {} purged", deleted, sentBefore);
    }
    return deleted;
  }

  /**
   * Counts the messages in each state.
   *
   * @return the counts; {@link OutboxCounts#pending()} includes the messages being sent
   * @throws JdbcStoreException if the query fails
   */
  public OutboxCounts counts() {
    return jdbc.read("counting outbox messages", c -> {
      long pending = 0;
      long sent = 0;
      long dead = 0;
      try (PreparedStatement ps = c.prepareStatement(OutboxStatements.COUNTS)) {
        ps.setString(1, tenant.value());
        ResultSet rs = ps.executeQuery(); // closed with the statement
        while (rs.next()) {
          long n = rs.getLong("n");
          switch (rs.getString("state")) {
            case "PENDING" -> pending = n;
            case "SENT" -> sent = n;
            case "DEAD" -> dead = n;
            default -> LOG.warn("outbox rows in an unknown state '{}' ignored: {}", rs.getString("state"), n);
          }
        }
      }
      return new OutboxCounts(pending, sent, dead);
    });
  }
}
