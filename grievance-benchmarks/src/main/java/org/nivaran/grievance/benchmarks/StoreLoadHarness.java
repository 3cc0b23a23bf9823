package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.EscalationRuns.escalations;
import static org.nivaran.grievance.benchmarks.OutboxRuns.outbox;
import static org.nivaran.grievance.benchmarks.RegistrationRuns.ceiling;
import static org.nivaran.grievance.benchmarks.RegistrationRuns.registrations;
import static org.nivaran.grievance.benchmarks.RegistrationRuns.seedDue;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * A load harness of the JDBC store: how many registrations, escalations and outbox messages per
 * second Nivaran sustains on a real database, next to the same inserts done by bare JDBC.
 *
 * <p>Each measurement runs on a fresh schema ({@code nivaran_bench_<random>}, dropped after) and
 * is repeated for {@code --rounds} rounds, interleaved; the table gives the median and every
 * round:
 *
 * <ol>
 *   <li><b>Registrations</b> through {@link Grievances} ({@link SampleDistrict}, ids from a
 *       {@link JdbcIdScheme} reserving blocks of 100, a unique idempotency key per request), on 1
 *       and on 8 threads, each after a warm-up of {@code --warmup} registrations;
 *   <li><b>the ceiling</b>: the same rows written by bare JDBC ({@link CeilingWriter}: one
 *       transaction per registration, the same columns, JSON text, event and outbox rows, batched
 *       as the store batches them), on 1 and 8 threads; Nivaran's rate as a percentage of it
 *       (target at least {@value #TARGET_RATIO_PERCENT} %);
 *   <li><b>escalations</b>: {@code --due} complaints registered on 8 threads, the clock moved 8
 *       days on so all are due at L1, then the drain timed with 1 sweeper (sweeps until one
 *       escalates nothing) and, on a fresh copy, with 4 sweepers on 4 threads, each with its own
 *       {@code Grievances} and {@link Escalator} on the shared store, cooperating through
 *       {@code claimDue}; the escalations are counted from the {@link EscalationReport}s and must
 *       be exactly the due complaints (target at least {@value #TARGET_ESCALATIONS}/s with 4);
 *   <li><b>outbox messages</b>: the two notifications per complaint the registrations of (1)
 *       left, delivered by {@link OutboxRelay#drain()} (batches of {@value #RELAY_BATCH}, a notifier
 *       that does nothing) with 1 relay and with 4 in parallel (target at least
 *       {@value #TARGET_OUTBOX}/s).
 * </ol>
 *
 * <p>Before the first round the JVM warms up, untimed, on {@value #JVM_WARMUP_FACTOR} times
 * {@code --warmup} complaints registered, escalated and relayed. On PostgreSQL the due complaints
 * are registered once per run, into a seed schema, and each escalation measurement gets a
 * server-side copy of it, so the seeding is not repeated.
 *
 * <p>Each timed run also records CPU time: this JVM's, the local PostgreSQL processes' and the
 * rest of the machine's (Linux {@code /proc}); a round in which other processes were busy is
 * marked as disturbed, since on a small shared machine they skew the figures.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl grievance-benchmarks -am package -DskipTests
 * java -cp grievance-benchmarks/target/benchmarks.jar org.nivaran.grievance.benchmarks.StoreLoadHarness \
 *     --url jdbc:postgresql://127.0.0.1:5432/test --user postgres --rounds 3 --registrations 4000 --due 20000
 * }</pre>
 *
 * <p>With {@code --preload N} (N above 0) the harness runs none of the above but {@link
 * PreloadedRuns}: one schema filled with N complaints by {@link Preloader}, then the latency of
 * each per-request operation, the rates of the background ones and the {@code EXPLAIN} of every
 * query they run, at that size.
 *
 * <p>The classes by job: {@link Options}, {@link RegistrationRuns}, {@link EscalationRuns},
 * {@link OutboxRuns}, {@link Threads}, {@link Sample} and {@link Results}.
 *
 * <p>Progress goes to standard error, the Markdown table to standard output. A check that fails
 * (fewer escalations than due complaints, an outbox not drained) ends the run with an exception.
 */
public final class StoreLoadHarness {
  /** The lowest acceptable Nivaran registration rate, as a percentage of the bare-JDBC ceiling. */
  public static final int TARGET_RATIO_PERCENT = 70;
  /** The lowest acceptable escalation rate with 4 sweepers, per second. */
  public static final int TARGET_ESCALATIONS = 5_000;
  /** The lowest acceptable outbox delivery rate, per second. */
  public static final int TARGET_OUTBOX = 2_000;
  /** The outbox relay's batch size. */
  public static final int RELAY_BATCH = 500;

  /**
   * Before the first round the JVM warms up on this many times {@code --warmup} complaints,
   * registered, escalated and relayed; each registration measurement then has its own warm-up.
   */
  static final int JVM_WARMUP_FACTOR = 5;
  /** How many threads register in the multi-threaded runs (and seed the due complaints). */
  static final int THREADS = 8;
  /** How many sweepers drain the due complaints in parallel. */
  static final int SWEEPERS = 4;
  /** How many outbox relays drain in parallel. */
  static final int RELAYS = 4;
  /** The instant every complaint is registered at. */
  static final Instant REGISTERED_AT = Instant.parse("2025-01-06T04:30:00Z");
  /** Where the clock stands for the escalation sweeps: 8 days on, one past the L1 deadline. */
  static final Instant SWEEP_AT = REGISTERED_AT.plus(Duration.ofDays(8));

  private StoreLoadHarness() {}

  /**
   * Runs the harness and prints its table.
   *
   * @param args {@code [--url URL] [--user USER] [--password PASSWORD] [--rounds N]
   *     [--registrations N] [--warmup N] [--due N] [--preload N] [--samples N]}; {@code --help} lists
   *     them; with {@code --preload} above 0 it runs {@link PreloadedRuns} instead of the rounds
   * @throws Exception if a measurement or a check fails
   */
  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(Options.USAGE);
      return;
    }
    Options options = Options.parse(args);
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (options.preload() > 0) {
      System.out.println(PreloadedRuns.run(options, System.err).markdown());
      return;
    }
    Results results = run(options, System.err);
    System.out.println(results.markdown());
  }

  // ---------------------------------------------------------------------------------------------
  // The run

  /**
   * Runs every measurement for every round.
   *
   * @param o what to run
   * @param log where progress goes
   * @return the figures
   */
  static Results run(Options o, PrintStream log) {
    long started = System.nanoTime();
    Results r = new Results(o);
    BenchDatabase seed = null;
    try {
      String product;
      try (BenchDatabase probe = BenchDatabase.fresh(o)) {
        product = probe.product();
      }
      r.product = product;
      if (!o.url().startsWith("jdbc:h2:")) {
        seed = BenchDatabase.fresh(o);
        log.printf("seeding %,d due complaints into %s (%d threads)%n", o.due(), seed, THREADS);
        r.seeding.add(seedDue(seed, o));
        seed.analyze();
      }
      r.loadBefore = loadAverage();
      if (o.warmup() > 0) { // the JIT's warm-up, untimed: registration, escalation and relay paths
        try (BenchDatabase db = BenchDatabase.fresh(o)) {
          int complaints = JVM_WARMUP_FACTOR * o.warmup();
          log.printf("warming up: registering, escalating and relaying %,d complaints%n", complaints);
          Options small = o.withCounts(1, 1, 0, complaints, 0, 1);
          seedDue(db, small);
          escalations(db, small, 1);
          outbox(db, 1);
        }
      }
      for (int round = 1; round <= o.rounds(); round++) {
        log.printf("round %d of %d%n", round, o.rounds());
        try (BenchDatabase db = BenchDatabase.fresh(o)) {
          r.nivaran1.add(log(log, "registrations, Nivaran, 1 thread", registrations(db, o, 1)));
          r.relay1.add(log(log, "outbox, 1 relay", outbox(db, 1)));
        }
        try (BenchDatabase db = BenchDatabase.fresh(o)) {
          r.nivaran8.add(log(log, "registrations, Nivaran, " + THREADS + " threads", registrations(db, o, THREADS)));
          r.relay4.add(log(log, "outbox, " + RELAYS + " relays", outbox(db, RELAYS)));
        }
        try (BenchDatabase db = BenchDatabase.fresh(o)) {
          r.ceiling1.add(log(log, "registrations, bare JDBC, 1 thread", ceiling(db, o, 1, r)));
        }
        try (BenchDatabase db = BenchDatabase.fresh(o)) {
          r.ceiling8.add(log(log, "registrations, bare JDBC, " + THREADS + " threads", ceiling(db, o, THREADS, r)));
        }
        for (int sweepers : new int[] {1, SWEEPERS}) {
          try (BenchDatabase db = BenchDatabase.fresh(o)) {
            if (seed != null) {
              db.copyFrom(seed);
              db.analyze();
            } else {
              r.seeding.add(seedDue(db, o));
            }
            Sample s = log(log, "escalations, " + sweepers + " sweeper(s)", escalations(db, o, sweepers));
            (sweepers == 1 ? r.escalation1 : r.escalation4).add(s);
          }
        }
      }
    } finally {
      if (seed != null) {
        seed.close();
      }
    }
    r.elapsed = Duration.ofNanos(System.nanoTime() - started);
    r.loadAfter = loadAverage();
    return r;
  }

  private static Sample log(PrintStream log, String what, Sample s) {
    log.printf(Locale.ROOT, "  %-38s %,7d in %6.2f s = %,7.0f/s; CPU µs/op JVM %s, database %s, other %s%s%n",
        what, s.count(), s.nanos() / 1e9, s.perSecond(), CpuTime.microsPerOp(s.cpu().jvm(), s.count()),
        CpuTime.microsPerOp(s.cpu().database(), s.count()), CpuTime.microsPerOp(s.cpu().other(), s.count()),
        s.disturbed() ? " (disturbed: other processes were busy)" : "");
    return s;
  }

  /** The 1-minute load average, or "?" where the OS does not tell. */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }
}
