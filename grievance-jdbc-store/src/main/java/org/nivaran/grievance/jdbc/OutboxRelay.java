package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the transactional outbox: the notifications the JDBC store wrote to
 * {@code nivaran_outbox} in the same transactions as the events that caused them.
 *
 * <p>Each {@link #relayOnce()} works in three steps, so no transaction stays open while the
 * notifier talks to a gateway:
 *
 * <ol>
 *   <li><b>Claim.</b> One short transaction picks up to {@link Builder#batchSize(int) batchSize}
 *       pending messages that are due, oldest due first, skipping rows another relay has locked
 *       ({@code FOR UPDATE SKIP LOCKED}), and leases them: it gives them a fresh lease token,
 *       counts the attempt, and moves their due time a {@link Builder#lease(Duration) lease}
 *       ahead, so no other relay takes them while they are being sent.
 *   <li><b>Send.</b> Outside any transaction, each claimed message goes to the {@link Notifier}.
 *   <li><b>Record.</b> One transaction records each outcome, guarded by the lease token: accepted
 *       messages become {@code SENT}; a permanent {@link NotificationFailedException} makes a
 *       message {@code DEAD}; any other failure (a temporary {@code NotificationFailedException}
 *       or any other runtime exception from the notifier) schedules a retry with exponential
 *       back-off and jitter, or makes the message {@code DEAD} once it has had
 *       {@link Builder#maxAttempts(int) maxAttempts} attempts.
 * </ol>
 *
 * <h2>Delivery guarantees</h2>
 *
 * <p>Delivery is at least once. A message is sent again, with the same {@link Notification#id()},
 * when the relay crashes (or loses the database) after sending but before recording, or when its
 * lease expires before its outcome is recorded and another relay claims it meanwhile. In the
 * latter case the late relay's outcome is dropped, the newer attempt's stands, and the report
 * counts it in {@link RelayReport#lostLeases()}. Choose a lease comfortably longer than sending a
 * whole batch takes (batch size times the notifier's worst time-out), and let the notifier's
 * provider de-duplicate on the id. A notifier that throws an {@link Error} stops the call: the
 * outcomes so far are recorded, and the rest of the batch is retried when its lease expires.
 *
 * <h2>Scheduling</h2>
 *
 * <p>The relay has no thread of its own: the host calls {@link #drain()} (or {@link #relayOnce()})
 * periodically, for example every few seconds from a scheduled executor. Any number of relays may
 * run at once, on one node or many, over the same database: the row locks and leases keep each
 * claim to one relay.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.builder()
 *     .dataSource(dataSource)
 *     .notifier(smsGateway)
 *     .build();
 * ScheduledExecutorService relayThread = Executors.newSingleThreadScheduledExecutor();
 * relayThread.scheduleWithFixedDelay(() -> {
 *   try {
 *     relay.drain();
 *   } catch (RuntimeException e) {
 *     // a JdbcStoreException when the database is away; catch it, or the executor stops the task
 *     log.warn("outbox relay failed; trying again at the next run", e);
 *   }
 * }, 0, 5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Watch {@link #counts()} for a growing backlog and {@link #dead(int)} for messages given up
 * on, and {@link #purgeSent} old sent messages on a schedule; {@link #redrive(long)} and {@link #redriveAll()} send dead messages again, with a fresh
 * allowance of attempts, once their cause is fixed.
 *
 * <h2>Databases</h2>
 *
 * <p>PostgreSQL claims with {@code ORDER BY next_attempt_at, seq LIMIT n FOR UPDATE SKIP LOCKED},
 * which locks just the rows it returns. H2 (2.3) accepts that statement too, but with an
 * {@code ORDER BY} it locks every row that matches before sorting and limiting, so one relay's
 * claim would lock all due messages and a concurrent relay would find nothing to claim. On H2 the
 * relay therefore leaves out the {@code ORDER BY} and scans the due-time index
 * ({@code USE INDEX (nivaran_outbox_due)}), which yields the rows in due order and stops, skipping
 * locked rows, once it has the batch.
 *
 * <p>Thread-safe: one instance may be called from several threads at once. Failures of the
 * database surface as {@link JdbcStoreException}; the transaction concerned is rolled back.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  /** The most characters of a failure's message kept in {@code last_error}. */
  static final int MAX_ERROR_LENGTH = 1000;

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
  private static final String LEASE = "UPDATE nivaran_outbox"
      + " SET lease_token = ?, next_attempt_at = ?, attempts = attempts + 1"
      + " WHERE seq = ? AND state = 'PENDING' AND next_attempt_at <= ? AND attempts = ?";
  private static final String MARK_SENT = "UPDATE nivaran_outbox"
      + " SET state = 'SENT', sent_at = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  private static final String MARK_DEAD = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  private static final String MARK_RETRY = "UPDATE nivaran_outbox"
      + " SET next_attempt_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING' AND lease_token = ?";
  /** Sets aside a row that cannot be read back as a notification, so it cannot block the outbox. */
  private static final String QUARANTINE = "UPDATE nivaran_outbox"
      + " SET state = 'DEAD', dead_at = ?, last_error = ?, lease_token = NULL"
      + " WHERE seq = ? AND state = 'PENDING'";
  private static final String DEAD = "SELECT " + OutboxRows.COLUMNS + ", attempts, last_error, dead_at"
      + " FROM nivaran_outbox WHERE state = 'DEAD' ORDER BY dead_at, seq LIMIT ?";
  private static final String REDRIVE_ALL = "UPDATE nivaran_outbox"
      + " SET state = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = NULL, lease_token = NULL"
      + " WHERE state = 'DEAD'";
  private static final String REDRIVE = REDRIVE_ALL + " AND seq = ?";
  private static final String COUNTS = "SELECT state, COUNT(*) AS n FROM nivaran_outbox GROUP BY state";

  private final Jdbc jdbc;
  private final Notifier notifier;
  private final Clock clock;
  private final int batchSize;
  private final Duration lease;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final RandomGenerator random;
  /** Guards {@link #random}, which need not be thread-safe. */
  private final Object randomLock = new Object();
  /** The database's dialect, found on the first connection. */
  private volatile Dialect dialect;

  private OutboxRelay(Builder b) {
    this.jdbc = new Jdbc(b.dataSource);
    this.notifier = b.notifier;
    this.clock = b.clock;
    this.batchSize = b.batchSize;
    this.lease = b.lease;
    this.maxAttempts = b.maxAttempts;
    this.backoffBase = b.backoffBase;
    this.backoffMax = b.backoffMax;
    this.random = b.random != null ? b.random : new SplittableRandom();
  }

  /**
   * Starts a builder; {@link Builder#dataSource} and {@link Builder#notifier} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Claims up to a batch of due messages, sends each through the notifier and records the
   * outcomes (see the class description).
   *
   * <p>A due row that cannot be read back as a {@link Notification} (edited by hand, say, or
   * written under validation rules since tightened) is made {@code DEAD} at once, with the reason
   * in its last error, rather than blocking the outbox; it counts as claimed and dead.
   *
   * @return what was claimed and what became of it; {@link RelayReport#claimed()} is 0 if nothing
   *     was due or every due message was claimed by another relay
   * @throws JdbcStoreException if claiming or recording fails; claimed messages whose outcome
   *     was not recorded are claimed again once their lease expires
   */
  public RelayReport relayOnce() {
    Instant claimedAt = now();
    String token = UUID.randomUUID().toString();
    Claimed claimed = jdbc.inTransaction("claiming due outbox messages", c -> claim(c, claimedAt, token));
    List<Claim> claims = claimed.claims();
    int quarantined = claimed.quarantined();
    if (claims.isEmpty()) {
      return quarantined == 0 ? RelayReport.NOTHING : new RelayReport(quarantined, 0, 0, quarantined, 0);
    }
    List<Outcome> outcomes = new ArrayList<>(claims.size());
    try {
      for (Claim claim : claims) {
        outcomes.add(send(claim));
      }
    } catch (Error e) {
      try {
        record(outcomes, token);
      } catch (RuntimeException recordingFailed) {
        e.addSuppressed(recordingFailed);
      }
      throw e;
    }
    RelayReport recorded = record(outcomes, token);
    RelayReport report = new RelayReport(recorded.claimed() + quarantined, recorded.sent(), recorded.retried(),
        recorded.dead() + quarantined, recorded.lostLeases());
    LOG.debug("outbox relay: {}", report);
    return report;
  }

  /**
   * Calls {@link #relayOnce()} until a call claims nothing, i.e. until no message is due, and
   * returns how many messages were sent. Messages that failed temporarily wait for their back-off
   * and are not due again during the drain, so it ends even when the notifier keeps failing; it
   * goes on only while new messages keep arriving.
   *
   * @return the messages sent, in all calls together
   * @throws JdbcStoreException if a call fails; the messages sent before it stay recorded
   */
  public int drain() {
    int sent = 0;
    while (true) {
      RelayReport report = relayOnce();
      if (report.claimed() == 0) {
        return sent;
      }
      sent += report.sent();
    }
  }

  /**
   * The messages given up on, those that died first first. A dead row that cannot be read back as
   * a notification (see {@link #relayOnce()}) is logged and left out.
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
      try (PreparedStatement ps = c.prepareStatement(DEAD)) {
        ps.setInt(1, limit);
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
   * Makes one dead message pending again: due now, with its attempts reset to 0, so it gets
   * {@code maxAttempts} new attempts. Its last error is kept until a later attempt replaces it.
   *
   * @param seq the message's {@link DeadLetter#seq()}
   * @return {@code true} if the message was dead and is now pending; {@code false} if there is no
   *     such message or it is not dead
   * @throws JdbcStoreException if the update fails
   */
  public boolean redrive(long seq) {
    Instant at = now();
    int changed = jdbc.inTransaction("redriving outbox message " + seq, c -> {
      try (PreparedStatement ps = c.prepareStatement(REDRIVE)) {
        Jdbc.setInstant(ps, 1, at);
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
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM nivaran_outbox WHERE state = 'SENT' AND sent_at < ?")) {
        Jdbc.setInstant(ps, 1, sentBefore);
        return ps.executeUpdate();
      }
    });
    if (deleted > 0) {
      LOG.info("{} sent outbox message(s) from before {} purged", deleted, sentBefore);
    }
    return deleted;
  }

  /**
   * Makes every dead message pending again, as {@link #redrive(long)} does for one.
   *
   * @return how many messages were dead and are now pending
   * @throws JdbcStoreException if the update fails
   */
  public int redriveAll() {
    Instant at = now();
    int changed = jdbc.inTransaction("redriving all dead outbox messages", c -> {
      try (PreparedStatement ps = c.prepareStatement(REDRIVE_ALL)) {
        Jdbc.setInstant(ps, 1, at);
        return ps.executeUpdate();
      }
    });
    if (changed > 0) {
      LOG.info("{} dead outbox message(s) redriven: pending again", changed);
    }
    return changed;
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
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COUNTS)) {
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

  /**
   * The wait before the next attempt after {@code attempts} failed ones: the exponential delay
   * {@code min(max, base * 2^(attempts - 1))} with equal jitter, i.e. half the delay plus a
   * random part of up to the other half, in whole microseconds.
   */
  Duration retryDelay(int attempts) {
    long micros = TimeUnit.MICROSECONDS.convert(exponentialDelay(backoffBase, backoffMax, attempts));
    long half = micros / 2;
    long jitter;
    synchronized (randomLock) {
      jitter = random.nextLong(micros - half + 1);
    }
    return Duration.of(half + jitter, ChronoUnit.MICROS);
  }

  /** {@code min(max, base * 2^(attempts - 1))}, without overflowing. */
  static Duration exponentialDelay(Duration base, Duration max, int attempts) {
    int doublings = Math.max(0, attempts - 1);
    if (doublings >= Long.SIZE - 2) {
      return max;
    }
    try {
      Duration delay = base.multipliedBy(1L << doublings);
      return delay.compareTo(max) > 0 ? max : delay;
    } catch (ArithmeticException overflow) {
      return max;
    }
  }

  // --- the three steps -------------------------------------------------------------------------

  /**
   * Claims and leases a batch on the caller's transaction (the claim step of {@link #relayOnce()});
   * the rows stay locked until it ends.
   */
  Claimed claim(Connection c, Instant now, String token) throws SQLException {
    List<Claim> candidates = new ArrayList<>();
    int quarantined = 0;
    try (PreparedStatement ps = c.prepareStatement(dialect(c) == Dialect.H2 ? CLAIM_H2 : CLAIM_POSTGRESQL);
        PreparedStatement quarantine = c.prepareStatement(QUARANTINE)) {
      Jdbc.setInstant(ps, 1, now);
      ps.setInt(2, batchSize);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong("seq");
          Notification notification;
          try {
            notification = OutboxRows.read(rs);
          } catch (RuntimeException unreadable) {
            String error = errorText("the stored row is not a valid notification: " + unreadable.getMessage());
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
    Instant leasedUntil = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
    int[] updated;
    try (PreparedStatement ps = c.prepareStatement(LEASE)) {
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
    return new Claimed(List.copyOf(claims), quarantined);
  }

  private Outcome send(Claim claim) {
    String id = claim.notification().id();
    try {
      notifier.send(claim.notification());
      return new Outcome(claim, Result.SENT, now(), null, null, null);
    } catch (NotificationFailedException e) {
      if (e.permanent()) {
        return new Outcome(claim, Result.DEAD, now(), null, errorText(e.getMessage()), null);
      }
      return afterTemporaryFailure(claim, errorText(e.getMessage()), null);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
      return afterTemporaryFailure(claim, errorText("unexpected failure sending notification " + id + ": " + message), e);
    }
  }

  private Outcome afterTemporaryFailure(Claim claim, String error, RuntimeException unexpected) {
    Instant at = now();
    if (claim.attempts() >= maxAttempts) {
      return new Outcome(claim, Result.DEAD, at, null, error, unexpected);
    }
    return new Outcome(claim, Result.RETRY, at, at.plus(retryDelay(claim.attempts())), error, unexpected);
  }

  private RelayReport record(List<Outcome> outcomes, String token) {
    if (outcomes.isEmpty()) {
      return RelayReport.NOTHING;
    }
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingLong(o -> o.claim().seq()));
    boolean[] landed = jdbc.inTransaction("recording outbox outcomes", c -> {
      boolean[] out = new boolean[sorted.size()];
      try (PreparedStatement sent = c.prepareStatement(MARK_SENT);
          PreparedStatement dead = c.prepareStatement(MARK_DEAD);
          PreparedStatement retry = c.prepareStatement(MARK_RETRY)) {
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
              sent.addBatch();
              sentRows.add(i);
            }
            case DEAD -> {
              Jdbc.setInstant(dead, 1, o.at());
              dead.setString(2, o.error());
              dead.setLong(3, o.claim().seq());
              dead.setString(4, token);
              dead.addBatch();
              deadRows.add(i);
            }
            case RETRY -> {
              Jdbc.setInstant(retry, 1, o.retryAt());
              retry.setString(2, o.error());
              retry.setLong(3, o.claim().seq());
              retry.setString(4, token);
              retry.addBatch();
              retryRows.add(i);
            }
          }
        }
        landed(sent, sentRows, out);
        landed(dead, deadRows, out);
        landed(retry, retryRows, out);
      }
      return out;
    });
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
          log(o, "failed (attempt {} of {}), retrying at {}: {}", o.claim().attempts(), maxAttempts,
              o.retryAt(), o.error());
        }
        case DEAD -> {
          dead++;
          log(o, "is dead after {} attempt(s): {}", o.claim().attempts(), o.error());
        }
      }
    }
    return new RelayReport(outcomes.size(), sent, retried, dead, lost);
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
      all[all.length - 1] = o.unexpected(); // the notifier broke its contract: keep the stack trace
      LOG.warn(message, all);
    } else if (o.result() == Result.DEAD) {
      LOG.warn(message, all);
    } else {
      LOG.info(message, all);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The clock's instant, in the microseconds both databases store. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Dialect dialect(Connection c) throws SQLException {
    Dialect d = dialect;
    if (d == null) {
      d = Dialect.of(c);
      dialect = d;
    }
    return d;
  }

  /** A failure message fit for {@code last_error}: no NUL (PostgreSQL refuses it), at most 1000 chars. */
  static String errorText(String message) {
    String text = message == null ? "(no message)" : message.replace('\u0000', '\uFFFD');
    if (text.length() <= MAX_ERROR_LENGTH) {
      return text;
    }
    int end = MAX_ERROR_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** A message this relay leased: its row, its content, and its attempt count including this one. */
  record Claim(long seq, Notification notification, int attempts, Instant due) {}

  /** What a claim took: the leased messages, and how many unreadable rows it made dead instead. */
  record Claimed(List<Claim> claims, int quarantined) {}

  private enum Result {
    SENT,
    RETRY,
    DEAD
  }

  /** What became of one claimed message, to record. */
  private record Outcome(
      Claim claim, Result result, Instant at, Instant retryAt, String error, RuntimeException unexpected) {}

  /**
   * Configures an {@link OutboxRelay}. Not thread-safe; {@link #build()} may be called more than
   * once, each relay getting the settings of the moment.
   */
  public static final class Builder {
    private DataSource dataSource;
    private Notifier notifier;
    private Clock clock = Clock.systemUTC();
    private int batchSize = 100;
    private Duration lease = Duration.ofMinutes(1);
    private int maxAttempts = 8;
    private Duration backoffBase = Duration.ofSeconds(10);
    private Duration backoffMax = Duration.ofHours(1);
    private RandomGenerator random;

    private Builder() {}

    /**
     * The database holding {@code nivaran_outbox}: PostgreSQL or H2, with the Nivaran schema.
     * Required. Each call borrows one connection at a time and returns it before sending.
     *
     * @param dataSource the data source, normally a connection pool
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Where messages go: the SMS or WhatsApp gateway. Required. It is called from whichever
     * thread calls the relay, outside any transaction, and must be thread-safe if several threads
     * do.
     *
     * @param notifier the notifier
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder notifier(Notifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /**
     * The clock that decides what is due and stamps outcomes; {@link Clock#systemUTC()} by
     * default. Instants are kept to the microsecond, as the databases store them.
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The most messages one {@link OutboxRelay#relayOnce()} claims and sends; 100 by default.
     *
     * @param batchSize 1 or more
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1 (was " + batchSize + ")");
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * How long a claim keeps other relays off the claimed messages; 1 minute by default. It must
     * cover sending a whole batch, or messages may be sent twice (see the class description).
     *
     * @param lease at least 1 ms
     * @return this builder
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is shorter than 1 ms
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("lease must be at least 1 ms (was " + lease + ")");
      }
      this.lease = lease;
      return this;
    }

    /**
     * How many times a message is handed to the notifier before a temporary failure makes it
     * dead; 8 by default. A permanent failure makes it dead at once.
     *
     * @param maxAttempts 1 or more
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The wait before retrying after a temporary failure; 10 s and 1 h by default. After the
     * {@code n}th failed attempt the delay is {@code min(max, base * 2^(n - 1))}, and the message
     * is due again after half that delay plus a random part of up to the other half ("equal
     * jitter"), so relays that failed together do not retry together.
     *
     * @param base the delay after the first failure, at least 1 ms
     * @param max the longest delay, at least {@code base}
     * @return this builder
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if {@code base} is shorter than 1 ms or {@code max} shorter
     *     than {@code base}
     */
    public Builder backoff(Duration base, Duration max) {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(max, "max");
      if (base.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("backoff base must be at least 1 ms (was " + base + ")");
      }
      if (max.compareTo(base) < 0) {
        throw new IllegalArgumentException("backoff max must be at least the base " + base + " (was " + max + ")");
      }
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /**
     * The source of the back-off jitter; by default a new {@link SplittableRandom} for each relay.
     * Pass a seeded generator for repeatable tests. The relay calls it under a lock of its own, so
     * it need not be thread-safe, but it must not be used elsewhere meanwhile, nor by a second
     * relay (build each relay with its own generator).
     *
     * @param random the generator
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the relay.
     *
     * @return a new relay
     * @throws IllegalStateException if the data source or the notifier was not given
     */
    public OutboxRelay build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required");
      }
      if (notifier == null) {
        throw new IllegalStateException("notifier is required");
      }
      return new OutboxRelay(this);
    }
  }
}
