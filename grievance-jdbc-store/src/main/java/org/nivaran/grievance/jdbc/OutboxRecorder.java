package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nivaran.grievance.jdbc.OutboxClaimer.Claim;
import org.nivaran.grievance.jdbc.OutboxSender.Outcome;
import org.nivaran.grievance.jdbc.OutboxSender.Result;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record step of {@link OutboxRelay#relayOnce()}: writes the outcomes of a batch in one
 * transaction, each guarded by the lease token, so a relay whose lease expired cannot overwrite a
 * newer attempt; gives back, under the same guard, the claimed messages the relay did not send
 * because its lease ran out first; counts what landed, and what was dropped or given back as a
 * lost lease, in a {@link RelayReport}. A retry is due again after its back-off on the database's
 * clock.
 *
 * <p>Thread-safe.
 */
final class OutboxRecorder {
  /** The relay's logger: hosts set one level for everything delivery logs. */
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Jdbc jdbc;
  private final Duration lease;
  private final int maxAttempts;
  private final TenantId tenant;

  OutboxRecorder(Jdbc jdbc, TenantId tenant, Duration lease, int maxAttempts) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.maxAttempts = maxAttempts;
  }

  /**
   * Records the outcomes of the messages leased with {@code token}, in seq order, gives back the
   * {@code unsent} ones (claimed with the same token, not sent because the lease ran out before
   * their turn), and logs each retry, death and lost lease.
   *
   * @return the report; {@link RelayReport#claimed()} counts the outcomes and the unsent messages,
   *     and {@link RelayReport#lostLeases()} the unsent ones too
   * @throws JdbcStoreException if the transaction fails; nothing is recorded then
   */
  RelayReport record(List<Outcome> outcomes, List<Claim> unsent, String token) {
    if (outcomes.isEmpty() && unsent.isEmpty()) {
      return RelayReport.NOTHING;
    }
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingLong(o -> o.claim().seq()));
    boolean[] landed = jdbc.inTransaction("recording outbox outcomes", c -> {
      boolean[] out = new boolean[sorted.size()];
      try (PreparedStatement sent = c.prepareStatement(OutboxStatements.MARK_SENT);
          PreparedStatement dead = c.prepareStatement(OutboxStatements.MARK_DEAD);
          PreparedStatement retry = c.prepareStatement(OutboxStatements.markRetry(Dialect.of(c)));
          PreparedStatement release = c.prepareStatement(OutboxStatements.RELEASE)) {
        List<Integer> sentRows = new ArrayList<>();
        List<Integer> deadRows = new ArrayList<>();
        List<Integer> retryRows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
          Outcome o = sorted.get(i);
          switch (o.result()) {
            case SENT -> {
              Jdbc.setInstant(sent, 1, o.at());
              sent.setLong(2, o.claim().seq());
              sent.setString(3, token);
              sent.setString(4, tenant.value());
              sent.addBatch();
              sentRows.add(i);
            }
            case DEAD -> {
              Jdbc.setInstant(dead, 1, o.at());
              dead.setString(2, o.error());
              dead.setLong(3, o.claim().seq());
              dead.setString(4, token);
              dead.setString(5, tenant.value());
              dead.addBatch();
              deadRows.add(i);
            }
            case RETRY -> {
              retry.setLong(1, Dialect.micros(o.retryAfter()));
              retry.setString(2, o.error());
              retry.setLong(3, o.claim().seq());
              retry.setString(4, token);
              retry.setString(5, tenant.value());
              retry.addBatch();
              retryRows.add(i);
            }
          }
        }
        landed(sent, sentRows, out);
        landed(dead, deadRows, out);
        landed(retry, retryRows, out);
        for (Claim claim : unsent) {
          release.setLong(1, claim.seq());
          release.setString(2, token);
          release.setString(3, tenant.value());
          release.addBatch();
        }
        if (!unsent.isEmpty()) {
          release.executeBatch();
        }
      }
      return out;
    });
    RelayReport recorded = report(sorted, landed);
    for (Claim claim : unsent) {
      LOG.warn("outbox message {} (seq {}) was not sent: this relay's lease ran out before its turn in the batch came, "
          + "so it is given back to be claimed again. Is the lease ({}) shorter than sending a batch takes?",
          claim.notification().id(), claim.seq(), lease);
    }
    return new RelayReport(recorded.claimed() + unsent.size(), recorded.sent(), recorded.retried(), recorded.dead(),
        recorded.lostLeases() + unsent.size());
  }

  /** Counts and logs the outcomes, {@code landed[i]} telling whether {@code sorted.get(i)} was recorded. */
  private RelayReport report(List<Outcome> sorted, boolean[] landed) {
    int sent = 0;
    int retried = 0;
    int dead = 0;
    int lost = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Outcome o = sorted.get(i);
      if (!landed[i]) {
        lost++;
        LOG.warn("outbox message {} (seq {}): the lease expired and another relay claimed the message before "
            + "this relay recorded its {} outcome, which is dropped; the message may have been sent twice. "
            + "Is the lease ({}) shorter than sending a batch takes?", o.claim().notification().id(),
            o.claim().seq(), o.result().name().toLowerCase(Locale.ROOT), lease);
        continue;
      }
      switch (o.result()) {
        case SENT -> sent++;
        case RETRY -> {
          retried++;
          log(o, "failed (attempt {} of {}), retrying in {}: {}", o.claim().attempts(), maxAttempts,
              o.retryAfter(), o.error());
        }
        case DEAD -> {
          dead++;
          log(o, "is dead after {} attempt(s): {}", o.claim().attempts(), o.error());
        }
      }
    }
    return new RelayReport(sorted.size(), sent, retried, dead, lost);
  }

  private static void landed(PreparedStatement ps, List<Integer> rows, boolean[] out) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int[] counts = ps.executeBatch();
    for (int j = 0; j < rows.size(); j++) {
      // SUCCESS_NO_INFO (-2) means the driver does not say; take it as recorded
      out[rows.get(j)] = counts[j] != 0;
    }
  }

  private static void log(Outcome o, String what, Object... args) {
    String message = "outbox message {} (seq {}) " + what;
    Object[] all = new Object[args.length + 2 + (o.unexpected() != null ? 1 : 0)];
    all[0] = o.claim().notification().id();
    all[1] = o.claim().seq();
    System.arraycopy(args, 0, all, 2, args.length);
    if (o.unexpected() != null) {
      all[all.length - 1] = LastError.forLog(o.unexpected(), o.claim().notification()); // broke its contract: keep the trace
      LOG.warn(message, all);
    } else if (o.result() == Result.DEAD) {
      LOG.warn(message, all);
    } else {
      LOG.info(message, all);
    }
  }
}
