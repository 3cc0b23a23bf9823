package org.nivaran.grievance.benchmarks;

import org.nivaran.grievance.tenant.TenantId;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxCounts;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
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
   *     [--registrations N] [--warmup N] [--due N]}; {@code --help} lists them
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
    Results results = run(options, System.err);
    System.out.println(results.markdown());
  }

  // ---------------------------------------------------------------------------------------------
  // Options

  /**
   * What the harness runs against and how much.
   *
   * @param url a PostgreSQL JDBC URL, or {@code jdbc:h2:mem:} for a quick check
   * @param user the PostgreSQL user (needs CREATE on the database)
   * @param password the user's password, empty for trust authentication
   * @param rounds how many times each measurement is repeated
   * @param registrations how many registrations each registration measurement times
   * @param warmup how many registrations precede the timed ones
   * @param due how many complaints each escalation measurement drains
   */
  record Options(String url, String user, String password, int rounds, int registrations, int warmup, int due) {
    static final String USAGE = "java -cp benchmarks.jar org.nivaran.grievance.benchmarks.StoreLoadHarness\n"
        + "  [--url jdbc:postgresql://127.0.0.1:5432/test] [--user postgres] [--password '']\n"
        + "  [--rounds 3] [--registrations 4000] [--warmup 1000] [--due 20000]";

    Options {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (rounds < 1 || registrations < 1 || warmup < 0 || due < 1) {
        throw new IllegalArgumentException("rounds, registrations and due must be at least 1, warmup at least 0");
      }
    }

    /** The defaults: the local PostgreSQL, 3 rounds of 4,000 registrations and 20,000 due. */
    static Options defaults() {
      return new Options("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 3, 4000, 1000, 20_000);
    }

    static Options parse(String... args) {
      Options o = defaults();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("no value after " + name + "\n" + USAGE);
        }
        String v = args[++i];
        o = switch (name) {
          case "--url" -> new Options(v, o.user, o.password, o.rounds, o.registrations, o.warmup, o.due);
          case "--user" -> new Options(o.url, v, o.password, o.rounds, o.registrations, o.warmup, o.due);
          case "--password" -> new Options(o.url, o.user, v, o.rounds, o.registrations, o.warmup, o.due);
          case "--rounds" -> new Options(o.url, o.user, o.password, number(name, v), o.registrations, o.warmup, o.due);
          case "--registrations" -> new Options(o.url, o.user, o.password, o.rounds, number(name, v), o.warmup, o.due);
          case "--warmup" -> new Options(o.url, o.user, o.password, o.rounds, o.registrations, number(name, v), o.due);
          case "--due" -> new Options(o.url, o.user, o.password, o.rounds, o.registrations, o.warmup, number(name, v));
          default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
        };
      }
      return o;
    }

    private static int number(String name, String value) {
      try {
        return Integer.parseInt(value.replace("_", "").replace(",", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a number, not '" + value + "'", e);
      }
    }

    /** Connections per pool: enough for the most threads any measurement runs. */
    int poolSize() {
      return THREADS + 2;
    }
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
          Options small = new Options(o.url(), o.user(), o.password(), 1, 1, 0, complaints);
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
        what, s.count(), s.nanos() / 1e9, s.perSecond(), micros(s.cpu().jvm(), s.count()),
        micros(s.cpu().database(), s.count()), micros(s.cpu().other(), s.count()),
        s.disturbed() ? " (disturbed: other processes were busy)" : "");
    return s;
  }

  /** The 1-minute load average, or "?" where the OS does not tell. */
  private static String loadAverage() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "?" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static String micros(long cpuNanos, long ops) {
    return cpuNanos < 0 ? "?" : String.format(Locale.ROOT, "%,.0f", cpuNanos / 1e3 / ops);
  }

  // ---------------------------------------------------------------------------------------------
  // Registrations

  private static Grievances grievances(BenchDatabase db, JdbcComplaintStore store, Clock clock) {
    return SampleDistrict.grievances(store, clock)
        .idScheme(JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 100))
        .build();
  }

  /** Sample requests {@code from .. from + count - 1}, each with its own idempotency key. */
  private static RegisterComplaint[] requests(String keyPrefix, int from, int count) {
    RegisterComplaint[] out = new RegisterComplaint[count];
    for (int i = 0; i < count; i++) {
      out[i] = RegisterComplaint.builder()
          .from(SampleDistrict.request(from + i))
          .idempotencyKey(keyPrefix + "-" + (from + i))
          .build();
    }
    return out;
  }

  /** Registers through Nivaran: a warm-up, then the timed registrations; checks every one was stored. */
  static Sample registrations(BenchDatabase db, Options o, int threads) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint[] warm = requests("warm", 0, o.warmup());
    RegisterComplaint[] timed = requests("call", o.warmup(), o.registrations());
    forEachIndex(threads, warm.length, i -> g.register(warm[i], SampleDistrict.AGENT));
    Timed t = forEachIndex(threads, timed.length, i -> g.register(timed[i], SampleDistrict.AGENT));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", o.warmup() + o.registrations(), "complaints registered");
    return new Sample(o.registrations(), t);
  }

  /** Registers the due complaints on 8 threads (the clock at {@link #REGISTERED_AT}). */
  private static Sample seedDue(BenchDatabase db, Options o) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint[] due = requests("due", 0, o.due());
    Timed t = forEachIndex(THREADS, due.length, i -> g.register(due[i], SampleDistrict.AGENT));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", o.due(), "due complaints registered");
    return new Sample(o.due(), t);
  }

  /**
   * The ceiling: copies of one real registration's rows written by bare JDBC, a warm-up and then
   * the timed ones.
   */
  static Sample ceiling(BenchDatabase db, Options o, int threads, Results r) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint template = requests("template", 0, 1)[0];
    Complaint registered = g.register(template, SampleDistrict.AGENT);
    CeilingWriter writer = CeilingWriter.copying(
        db.dataSource(), registered.id().value(), template.idempotencyKey().orElseThrow());
    int events = store.events(TenantId.DEFAULT, registered.id()).size();
    if (writer.eventRows() != events) {
      throw new IllegalStateException("the store holds " + events + " events of " + registered.id() + " but "
          + writer.eventRows() + " event rows");
    }
    r.rowsPerRegistration = events + " events, " + writer.outboxRows() + " outbox rows, a " + writer.stateLength()
        + "-character JSON document";
    forEachIndex(threads, o.warmup(), i -> writer.register(db.dataSource(), "CEIL-W-" + i, "ceiling-warm-" + i));
    Timed t = forEachIndex(threads, o.registrations(),
        i -> writer.register(db.dataSource(), "CEIL-R-" + i, "ceiling-call-" + i));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", 1L + o.warmup() + o.registrations(), "ceiling complaints");
    expect(db, "SELECT COUNT(*) FROM nivaran_event", (1L + o.warmup() + o.registrations()) * events, "ceiling events");
    return new Sample(o.registrations(), t);
  }

  // ---------------------------------------------------------------------------------------------
  // Escalations

  /**
   * Drains the due complaints with {@code sweepers} escalators on as many threads, each sweeping
   * until a sweep escalates nothing; checks that exactly the due complaints were escalated, once.
   */
  static Sample escalations(BenchDatabase db, Options o, int sweepers) {
    JdbcComplaintStore store = db.store();
    MutableClock clock = new MutableClock(SWEEP_AT);
    String dueNow = "SELECT COUNT(*) FROM nivaran_complaint WHERE due_at <= ?";
    long due = db.count(dueNow, SWEEP_AT);
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint WHERE level = 1", due, "complaints at L1 before the sweeps");
    if (due != o.due()) {
      throw new IllegalStateException("expected " + o.due() + " complaints due at L1, found " + due);
    }
    Escalator[] escalators = new Escalator[sweepers];
    for (int s = 0; s < sweepers; s++) {
      escalators[s] = grievances(db, store, clock).escalator();
    }
    Timed t = onThreads(sweepers, s -> {
      long escalated = 0;
      while (true) {
        EscalationReport report = escalators[s].sweep(SWEEP_AT);
        long other = report.outcomes().size() - report.count(Action.ESCALATED);
        if (other != 0) {
          throw new IllegalStateException("a sweep did something other than escalate: " + report.outcomes().stream()
              .filter(x -> x.action() != Action.ESCALATED).limit(3).toList());
        }
        long n = report.count(Action.ESCALATED);
        if (n == 0) {
          return escalated;
        }
        escalated += n;
      }
    });
    long total = Arrays.stream(t.results()).sum();
    if (total != due) {
      throw new IllegalStateException(sweepers + " sweeper(s) escalated " + total + " complaints, but " + due
          + " were due (per sweeper: " + Arrays.toString(t.results()) + ")");
    }
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint WHERE level = 2", due, "complaints at L2 after the sweeps");
    if (db.count(dueNow, SWEEP_AT) != 0) {
      throw new IllegalStateException("complaints are still due after the sweeps");
    }
    return new Sample(total, t);
  }

  // ---------------------------------------------------------------------------------------------
  // Outbox

  /**
   * Delivers every pending outbox row with {@code relays} relays draining in parallel, to a
   * notifier that does nothing; checks that all were sent and none is left or dead.
   */
  static Sample outbox(BenchDatabase db, int relays) {
    long pending = db.count("SELECT COUNT(*) FROM nivaran_outbox WHERE state = 'PENDING'");
    if (pending == 0) {
      throw new IllegalStateException("the registrations left no outbox rows");
    }
    Notifier nothing = n -> {};
    // after every message the harness writes (registrations and escalations), so all are due
    Clock clock = Clock.fixed(SWEEP_AT.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    OutboxRelay[] relay = new OutboxRelay[relays];
    for (int i = 0; i < relays; i++) {
      relay[i] = OutboxRelay.builder()
          .dataSource(db.dataSource())
          .notifier(nothing)
          .clock(clock)
          .batchSize(RELAY_BATCH)
          .lease(Duration.ofMinutes(5))
          .maxAttempts(5)
          .build();
    }
    Timed t = onThreads(relays, i -> relay[i].drain());
    long sent = Arrays.stream(t.results()).sum();
    OutboxCounts counts = OutboxAdministration.create(db.dataSource()).counts();
    if (sent != pending || counts.pending() != 0 || counts.dead() != 0 || counts.sent() != pending) {
      throw new IllegalStateException(relays + " relay(s) sent " + sent + " of " + pending + " pending messages; "
          + "the outbox now holds " + counts);
    }
    return new Sample(sent, t);
  }

  // ---------------------------------------------------------------------------------------------
  // Threads

  /** The wall time of a parallel run and what each thread returned. */
  record Timed(long nanos, long[] results, CpuTime cpu) {}

  /**
   * Runs {@code work(t)} for {@code t = 0 .. threads - 1}, each on its own thread, all started
   * together; the time is from the start to the last one's end.
   */
  static Timed onThreads(int threads, IntToLongFunction work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "harness-" + r.hashCode());
      t.setDaemon(true);
      return t;
    });
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return work.applyAsLong(index);
        }));
      }
      ready.await();
      CpuTime cpu = CpuTime.now();
      long start = System.nanoTime();
      go.countDown();
      long[] results = new long[threads];
      for (int t = 0; t < threads; t++) {
        results[t] = futures.get(t).get();
      }
      return new Timed(System.nanoTime() - start, results, CpuTime.now().since(cpu));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code task(i)} for {@code i = 0 .. n - 1} on {@code threads} threads taking the next
   * index as they go; the first failure stops them all and is thrown.
   *
   * @return the wall time and how many each thread did
   */
  static Timed forEachIndex(int threads, int n, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    return onThreads(threads, t -> {
      long done = 0;
      for (int i = next.getAndIncrement(); i < n && !failed.get(); i = next.getAndIncrement()) {
        try {
          task.accept(i);
        } catch (RuntimeException | Error e) {
          failed.set(true);
          throw e;
        }
        done++;
      }
      return done;
    });
  }

  private static void expect(BenchDatabase db, String sql, long expected, String what) {
    long actual = db.count(sql);
    if (actual != expected) {
      throw new IllegalStateException(what + ": expected " + expected + ", found " + actual + " (" + sql + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  /**
   * One timed run.
   *
   * @param count how many operations it did
   * @param nanos how long it took
   * @param cpu the CPU time spent meanwhile
   */
  record Sample(long count, long nanos, CpuTime cpu) {
    /** The share of all CPUs that other processes may take before a run counts as disturbed. */
    static final double DISTURBED = 0.25;

    Sample(long count, Timed t) {
      this(count, t.nanos(), t.cpu());
    }

    double perSecond() {
      return count * 1e9 / nanos;
    }

    /** Whether processes other than this JVM and the database took a fair share of the CPUs meanwhile. */
    boolean disturbed() {
      return cpu.other() > DISTURBED * nanos * Runtime.getRuntime().availableProcessors();
    }
  }

  /** Every figure of a run, and its table. */
  static final class Results {
    final Options options;
    final List<Sample> nivaran1 = new ArrayList<>();
    final List<Sample> nivaran8 = new ArrayList<>();
    final List<Sample> ceiling1 = new ArrayList<>();
    final List<Sample> ceiling8 = new ArrayList<>();
    final List<Sample> escalation1 = new ArrayList<>();
    final List<Sample> escalation4 = new ArrayList<>();
    final List<Sample> relay1 = new ArrayList<>();
    final List<Sample> relay4 = new ArrayList<>();
    final List<Sample> seeding = new ArrayList<>();
    String product = "?";
    String rowsPerRegistration = "?";
    String loadBefore = "?";
    String loadAfter = "?";
    Duration elapsed = Duration.ZERO;

    Results(Options options) {
      this.options = options;
    }

    static double median(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double[] rates(List<Sample> samples) {
      return samples.stream().mapToDouble(Sample::perSecond).toArray();
    }

    /** Nivaran's rate as a percentage of the ceiling's, round by round. */
    static double[] ratios(List<Sample> nivaran, List<Sample> ceiling) {
      double[] out = new double[Math.min(nivaran.size(), ceiling.size())];
      for (int i = 0; i < out.length; i++) {
        out[i] = 100 * nivaran.get(i).perSecond() / ceiling.get(i).perSecond();
      }
      return out;
    }

    /** The table, with a heading that says what ran where. */
    String markdown() {
      StringBuilder md = new StringBuilder();
      Runtime rt = Runtime.getRuntime();
      md.append("## Nivaran store load harness\n\n");
      md.append(String.format(Locale.ROOT, "- Database: %s at `%s`%n", product, options.url()));
      md.append(String.format(Locale.ROOT, "- JVM: %s %s (%s), %d CPUs, max heap %d MiB; %s %s; "
          + "load average %s before, %s after%n",
          System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
          System.getProperty("java.vm.vendor"), rt.availableProcessors(), rt.maxMemory() >> 20,
          System.getProperty("os.name"), System.getProperty("os.arch"), loadBefore, loadAfter));
      md.append(String.format(Locale.ROOT, "- Rounds: %d; %,d timed registrations per run after %,d warm-up; %,d due "
          + "complaints per escalation run; pools of %d connections; wall time %ds%n",
          options.rounds(), options.registrations(), options.warmup(), options.due(), options.poolSize(),
          elapsed.toSeconds()));
      md.append("- A registration writes ").append(rowsPerRegistration).append('\n');
      if (!seeding.isEmpty()) {
        md.append(String.format(Locale.ROOT, "- Seeding the due complaints through Nivaran (%d threads, untimed "
            + "in the table): %s registrations/s%n", THREADS, list(rates(seeding), "")));
      }
      md.append('\n');
      md.append("| Measurement | Threads | Median | Rounds | CPU µs/op: JVM / DB / other | Target | Result |\n");
      md.append("|---|---:|---:|---|---:|---:|:---:|\n");
      row(md, "Registrations/s, Nivaran", 1, nivaran1, -1);
      row(md, "Registrations/s, bare JDBC ceiling", 1, ceiling1, -1);
      ratioRow(md, 1, nivaran1, ceiling1);
      row(md, "Registrations/s, Nivaran", THREADS, nivaran8, -1);
      row(md, "Registrations/s, bare JDBC ceiling", THREADS, ceiling8, -1);
      ratioRow(md, THREADS, nivaran8, ceiling8);
      row(md, "Escalations/s, 1 sweeper", 1, escalation1, -1);
      row(md, "Escalations/s, " + SWEEPERS + " sweepers", SWEEPERS, escalation4, TARGET_ESCALATIONS);
      row(md, "Outbox messages/s, 1 relay", 1, relay1, TARGET_OUTBOX);
      row(md, "Outbox messages/s, " + RELAYS + " relays", RELAYS, relay4, TARGET_OUTBOX);
      md.append('\n');
      md.append(String.format(Locale.ROOT, "Checks passed: every escalation run escalated exactly its %,d due "
          + "complaints (counted from the EscalationReports, confirmed in the table); every outbox run sent all "
          + "pending messages, none left pending or dead. Ratio median = median of the per-round ratios. "
          + "CPU µs/op: median CPU time per operation while timed, of this JVM, of the local PostgreSQL processes "
          + "and of everything else on the machine. A round marked * was disturbed: other processes took more "
          + "than %.0f %% of the machine's CPUs during it.%n",
          options.due(), Sample.DISTURBED * 100));
      return md.toString();
    }

    private static void row(StringBuilder md, String what, int threads, List<Sample> samples, int target) {
      double[] rates = rates(samples);
      double median = median(rates);
      String targetText = target < 0 ? "" : String.format(Locale.ROOT, "≥ %,d/s", target);
      String result = target < 0 ? "" : median >= target ? "PASS" : "MISS";
      String cpu = cpuMedian(samples, CpuTime::jvm) + " / " + cpuMedian(samples, CpuTime::database) + " / "
          + cpuMedian(samples, CpuTime::other);
      StringBuilder rounds = new StringBuilder();
      for (Sample x : samples) {
        rounds.append(rounds.length() == 0 ? "" : ", ")
            .append(String.format(Locale.ROOT, "%,.0f", x.perSecond())).append(x.disturbed() ? "*" : "");
      }
      md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %s | %s |%n",
          what, threads, median, rounds, cpu, targetText, result));
    }

    private static String cpuMedian(List<Sample> samples, java.util.function.ToLongFunction<CpuTime> part) {
      if (samples.stream().anyMatch(x -> part.applyAsLong(x.cpu()) < 0)) {
        return "?";
      }
      return String.format(Locale.ROOT, "%,.0f",
          median(samples.stream().mapToDouble(x -> part.applyAsLong(x.cpu()) / 1e3 / x.count()).toArray()));
    }

    private static void ratioRow(StringBuilder md, int threads, List<Sample> nivaran, List<Sample> ceiling) {
      double[] ratios = ratios(nivaran, ceiling);
      double median = median(ratios);
      StringBuilder rounds = new StringBuilder();
      for (int i = 0; i < ratios.length; i++) {
        rounds.append(rounds.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f %%", ratios[i]))
            .append(nivaran.get(i).disturbed() || ceiling.get(i).disturbed() ? "*" : "");
      }
      md.append(String.format(Locale.ROOT, "| **Nivaran / ceiling** | %d | **%.0f %%** | %s |  | ≥ %d %% | %s |%n",
          threads, median, rounds, TARGET_RATIO_PERCENT, median >= TARGET_RATIO_PERCENT ? "PASS" : "MISS"));
    }

    private static String list(double[] values, String unit) {
      StringBuilder s = new StringBuilder();
      for (double v : values) {
        s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f%s", v, unit));
      }
      return s.toString();
    }
  }
}
