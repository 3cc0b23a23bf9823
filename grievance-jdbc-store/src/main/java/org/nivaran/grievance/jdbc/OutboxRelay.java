package org.nivaran.grievance.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.jdbc.OutboxClaimer.Claim;
import org.nivaran.grievance.jdbc.OutboxClaimer.Claimed;
import org.nivaran.grievance.jdbc.OutboxSender.Outcome;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.internal.LogContext;
import org.nivaran.grievance.observe.DeliveryOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.observe.Instrumented;
import org.nivaran.grievance.observe.Operation;
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
 *       pending messages that are due on the database's clock, oldest due first, skipping rows
 *       another relay has locked ({@code FOR UPDATE SKIP LOCKED}), and leases them: it gives them a
 *       fresh lease token, counts the attempt, and moves their due time to the database's clock
 *       plus the {@link Builder#lease(Duration) lease}, so no other relay takes them while they
 *       are being sent.
 *   <li><b>Send.</b> Outside any transaction, each claimed message goes to the {@link Notifier},
 *       one after another, while the lease holds. Should the lease run out before a message's turn
 *       comes, that message and the rest of the batch are not sent but given back, due at once
 *       and their attempt not counted, for a relay to claim afresh.
 *   <li><b>Record.</b> One transaction records each outcome, guarded by the lease token: accepted
 *       messages become {@code SENT}; a permanent {@link NotificationFailedException} makes a
 *       message {@code DEAD}; any other failure (a temporary {@code NotificationFailedException}
 *       or any other runtime exception from the notifier) schedules a retry with exponential
 *       back-off and jitter, on the database's clock, or makes the message {@code DEAD} once it
 *       has had {@link Builder#maxAttempts(int) maxAttempts} attempts.
 * </ol>
 *
 * <h2>Quiet hours</h2>
 *
 * <p>A message with {@linkplain Notification#quietHours() quiet hours} (an SMS or WhatsApp message
 * to a citizen, under a {@link org.nivaran.grievance.notify.QuietHours} policy) that is due while
 * they last on the database's clock is not claimed but held: it stays {@code PENDING}, due again
 * when they end, its attempts not counted ({@link RelayReport#held()}). The check is made each
 * time the message is due, so a retry that falls in the night waits for the morning too.
 *
 * <h2>Delivery contract</h2>
 *
 * <p>Delivery is <b>at least once</b>, and the {@link Notification#id() notification id} is the
 * <b>idempotency key</b>. The id is stable (complaint, event sequence, recipient): every attempt
 * at a message carries the same id, so a notifier should hand it to its gateway as the
 * gateway's idempotency key (the examples' {@code HttpNotifier} sends it as
 * {@code Idempotency-Key}), and a gateway or a receiver should drop a message whose id it has
 * already accepted.
 *
 * <p>While a message's lease holds, no other relay can claim it, whatever the relays' clocks say
 * (see "Clocks"), so a message is normally handed to a notifier exactly once. It is handed over
 * again, with the same id, in two cases:
 *
 * <ul>
 *   <li>the relay crashes, or loses the database, after the notifier accepted the message but
 *       before the outcome was recorded: once the lease runs out, a relay claims it again;
 *   <li>the notifier takes so long over the message that the lease runs out while it has it, and
 *       another relay claims the message meanwhile.
 * </ul>
 *
 * <p>A lease that ran out and was taken over by another relay is a <b>lost lease</b>. The lease
 * token fences the record step: the late relay's outcome, whatever it is, is dropped and the
 * newer attempt's stands, so a late relay can neither mark sent a message that a newer attempt
 * failed, nor retry or kill one that a newer attempt sent. The messages of a batch that the relay
 * had not yet sent when its lease ran out are not sent by it at all but given back (see Send,
 * above). Both count in {@link RelayReport#lostLeases()} and are logged as warnings. Choose a lease
 * comfortably longer than sending a whole batch takes (batch size times the notifier's worst
 * time-out), and let the provider de-duplicate on the id. A notifier that throws an {@link Error}
 * stops the call: the outcomes so far are recorded, and the rest of the batch is retried when its
 * lease runs out.
 *
 * <h2>Clocks</h2>
 *
 * <p>The <b>database's clock governs delivery</b>. A message is due when its due time has passed
 * by {@code CURRENT_TIMESTAMP}; a lease, a back-off and a redrive each set the due time to
 * {@code CURRENT_TIMESTAMP} plus a duration, computed in SQL; a message the store enqueues is due
 * from the {@code CURRENT_TIMESTAMP} of the transaction that enqueues it. So relays on nodes
 * whose clocks disagree, by minutes even, never claim a message another relay holds under lease,
 * never find a message due before its back-off has passed, and never find one enqueued by a node
 * whose clock runs ahead not yet due.
 *
 * <p>A relay serves one tenant ({@link Builder#tenant}, the default tenant unless named): every
 * row it claims, sends and records is that tenant's, each statement naming it, so a relay per
 * tenant runs beside the others without touching or delaying their messages.
 *
 * <p>The relay's {@link Builder#clock(Clock) clock} decides nothing: it stamps when the notifier
 * answered ({@code sent_at}, {@code dead_at}), records for people that no relay reads. The
 * notification's {@link Notification#createdAt() createdAt} is the enqueuing node's. Whether a
 * lease still holds before each send is timed on the JVM's monotonic clock
 * ({@link System#nanoTime()}) from just before the claim, which no clock adjustment moves and
 * which runs out no later than the lease on the database's clock. The database's clock itself
 * should not jump: one that steps forward ends every lease early.
 *
 * <h2>Scheduling</h2>
 *
 * <p>The relay has no thread of its own: the host calls {@link #drain()} (or {@link #relayOnce()})
 * periodically, for example every few seconds from a scheduled executor. Any number of relays may
 * run at once, on one node or many, over the same database, whatever the nodes' clocks say: the
 * row locks and leases keep each claim to one relay.
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
 * <p>The relay only delivers. {@link OutboxAdministration} has the operator's tools: its
 * {@link OutboxAdministration#counts() counts()} show a growing backlog and its
 * {@link OutboxAdministration#dead(int) dead(limit)} the messages given up on;
 * {@link OutboxAdministration#purgeSent purgeSent} deletes old sent messages, on a schedule; and
 * {@link OutboxAdministration#redrive(long) redrive(seq)} and
 * {@link OutboxAdministration#redriveAll() redriveAll()} send dead messages again, with a fresh
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
 * <h2>Observability</h2>
 *
 * <p>Each message is handed to the notifier with the SLF4J MDC holding the tenant
 * ({@code nivaran.tenant}) and the complaint id ({@code nivaran.complaint}), never the recipient,
 * and as one operation observed by the builder's {@link Builder#instrumentation instrumentation},
 * which is told the outcome ({@link DeliveryOutcome}: sent, retried or dead, as decided when the
 * notifier answered, and the latency from the notification's creation).
 *
 * <p>Thread-safe: one instance may be called from several threads at once. Failures of the
 * database surface as {@link JdbcStoreException}; the transaction concerned is rolled back.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Jdbc jdbc;
  private final Clock clock;
  private final OutboxClaimer claimer;
  private final OutboxSender sender;
  private final OutboxRecorder recorder;
  /** The lease in nanoseconds, for timing it on {@link System#nanoTime()}. */
  private final long leaseNanos;
  private final TenantId tenant;
  private final Instrumented instrumented;

  private OutboxRelay(Builder b) {
    this.jdbc = new Jdbc(b.dataSource);
    this.clock = b.clock;
    this.leaseNanos = TimeUnit.NANOSECONDS.convert(b.lease);
    this.claimer = new OutboxClaimer(b.tenant, b.batchSize, b.lease);
    this.sender = new OutboxSender(b.notifier, b.clock, b.maxAttempts, b.retryBackoff());
    this.recorder = new OutboxRecorder(jdbc, b.tenant, b.lease, b.maxAttempts);
    this.tenant = b.tenant;
    this.instrumented = Instrumented.by(b.instrumentation);
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
   * Claims up to a batch of due messages, sends each through the notifier while the lease holds,
   * and records the outcomes (see the class description).
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
    // taken before the claim transaction starts, so the lease timed from it ends no later than the database's
    long leaseStarted = System.nanoTime();
    Instant claimedAt = Jdbc.now(clock);
    String token = UUID.randomUUID().toString();
    Claimed claimed = jdbc.inTransaction("claiming due outbox messages", c -> claimer.claim(c, claimedAt, token));
    List<Claim> claims = claimed.claims();
    int quarantined = claimed.quarantined();
    int held = claimed.deferred();
    if (claims.isEmpty()) {
      return quarantined == 0 && held == 0
          ? RelayReport.NOTHING : new RelayReport(quarantined, 0, 0, quarantined, 0, held);
    }
    List<Outcome> outcomes = new ArrayList<>(claims.size());
    List<Claim> unsent = List.of();
    try {
      for (int i = 0; i < claims.size(); i++) {
        if (System.nanoTime() - leaseStarted >= leaseNanos) {
          unsent = claims.subList(i, claims.size());
          break;
        }
        outcomes.add(deliver(claims.get(i)));
      }
    } catch (Error e) {
      try {
        recorder.record(outcomes, List.of(), token);
      } catch (RuntimeException recordingFailed) {
        e.addSuppressed(recordingFailed);
      }
      throw e;
    }
    RelayReport recorded = recorder.record(outcomes, unsent, token);
    RelayReport report = new RelayReport(recorded.claimed() + quarantined, recorded.sent(), recorded.retried(),
        recorded.dead() + quarantined, recorded.lostLeases(), held);
    LOG.debug("outbox relay: {}", report);
    return report;
  }

  /**
   * Sends one claimed message with the tenant and the complaint id in the MDC (never the
   * recipient), as one operation observed by the instrumentation, which is told the outcome.
   */
  private Outcome deliver(Claim claim) {
    Notification n = claim.notification();
    try (LogContext log = LogContext.of(tenant.value(), Optional.of(n.complaintId().value()))) {
      return instrumented.call(Operation.delivery(tenant, n.complaintId(), n.kind()), () -> {
        Outcome o = sender.send(claim);
        instrumented.report(i -> i.delivered(outcome(n, o, claim.attempts())));
        return o;
      });
    }
  }

  private DeliveryOutcome outcome(Notification n, Outcome o, int attempt) {
    DeliveryOutcome.Result result = switch (o.result()) {
      case SENT -> DeliveryOutcome.Result.SENT;
      case RETRY -> DeliveryOutcome.Result.RETRIED;
      case DEAD -> DeliveryOutcome.Result.DEAD;
    };
    Duration latency = Duration.between(n.createdAt(), o.at());
    return new DeliveryOutcome(tenant, n.kind(), n.channel(), result, latency.isNegative() ? Duration.ZERO : latency,
        Math.max(1, attempt));
  }

  /**
   * Calls {@link #relayOnce()} until a call claims and holds nothing, i.e. until no message is due,
   * and returns how many messages were sent. Messages that failed temporarily wait for their
   * back-off, and messages in their quiet hours until the hours end, and are not due again during
   * the drain, so it ends even when the notifier keeps failing; it
   * goes on only while new messages keep arriving, or messages come back unsent because a lease
   * ran out.
   *
   * @return the messages sent, in all calls together
   * @throws JdbcStoreException if a call fails; the messages sent before it stay recorded
   */
  public int drain() {
    int sent = 0;
    while (true) {
      RelayReport report = relayOnce();
      if (report.claimed() == 0 && report.held() == 0) {
        return sent;
      }
      sent += report.sent();
    }
  }

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
    private TenantId tenant = TenantId.DEFAULT;
    private Instrumentation instrumentation = Instrumentation.none();

    private Builder() {}

    /**
     * What observes the deliveries; {@link Instrumentation#none()} by default. Each message handed
     * to the notifier is one operation, and the instrumentation is told whether it was sent,
     * retried or dead and how long after its notification was made; an exception it throws is
     * logged and changes nothing the relay sends or records. It must be thread-safe.
     *
     * @param instrumentation the host's instrumentation
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder instrumentation(Instrumentation instrumentation) {
      this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
      return this;
    }

    /**
     * The tenant whose messages this relay delivers; {@link TenantId#DEFAULT} by default. A relay
     * claims, sends and records only that tenant's rows (every statement names it), so a platform
     * runs a relay per tenant (each with the tenant's notifier), and a relay of one tenant never
     * delays or sends another's messages.
     *
     * @param tenant the tenant
     * @return this builder
     * @throws NullPointerException if it is null
     */
    public Builder tenant(TenantId tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

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
     * The clock that stamps when the notifier answered ({@code sent_at} and {@code dead_at});
     * {@link Clock#systemUTC()} by default. Instants are kept to the microsecond, as the databases
     * store them. It decides nothing: what is due, and how long leases and back-offs last, is
     * decided on the database's clock (see the class description, "Clocks").
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
     * How long a claim keeps other relays off the claimed messages, on the database's clock; 1
     * minute by default. It should cover sending a whole batch: the messages whose turn comes after
     * it ran out are given back unsent, and a message the notifier still has when it runs out may
     * be sent twice (see the class description). A lease beyond 100 years counts as 100 years.
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
     * jitter"), so relays that failed together do not retry together. The wait runs on the
     * database's clock from when the failure is recorded; one beyond 100 years counts as 100 years.
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

    /** The back-off of these settings, on the generator given or else a new {@link SplittableRandom}. */
    RetryBackoff retryBackoff() {
      return new RetryBackoff(backoffBase, backoffMax, random != null ? random : new SplittableRandom());
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
