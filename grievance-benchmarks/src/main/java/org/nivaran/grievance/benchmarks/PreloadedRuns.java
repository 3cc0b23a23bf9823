package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.RELAYS;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.THREADS;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcGradingSource;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.jdbc.OutboxAdministration;
import org.nivaran.grievance.jdbc.OutboxCounts;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The harness at a preloaded size ({@code --preload N}): one fresh schema filled by
 * {@link Preloader}, the backlog of notifications the preload left delivered, then, on one
 * thread and one at a time, the latency (p50, p99) of each per-request operation and the rate of
 * the background ones, with the JVM's and PostgreSQL's CPU time per operation, and the plan
 * ({@link QueryPlans}) of every query each of them runs, with a warning on any sequential scan of
 * a large table.
 *
 * <p>Operations: a registration from a new caller; a registration from {@link Preloader#HEAVY_CALLER}
 * with the fake-complaint check ({@code blockAfter(3, 365 days)}) and a caller limit
 * ({@code perWindow(100,000, 366 days)}, which reads every earlier complaint of the year); the
 * first page of {@value #PAGE} of {@link Preloader#HEAVY_POST}'s pending work list; grading facts
 * ({@link JdbcGradingSource}) for the current month and for the month six months back;
 * {@link OutboxAdministration#counts()}; outbox delivery with 1 relay and a no-op notifier; and
 * an escalation sweep with 1 sweeper of the complaints due at {@link Preloader#NOW}.
 *
 * <p>Each operation's queries are captured ({@link StatementCapture}) on one untimed run and
 * explained at once, before the timed runs. Not thread-safe.
 */
final class PreloadedRuns {
  /** The work list's page size. */
  static final int PAGE = 50;
  /** Grading is timed at most this many times per month (seconds each at a million complaints). */
  static final int GRADING_SAMPLES = 5;
  /**
   * Untimed runs before the timed ones of a per-request operation (registrations, the work list):
   * enough for the JIT to have compiled that path, which the preload's calls do not all take.
   */
  static final int WARMUP = 500;
  /** Untimed runs before the timed {@code counts()} (a scan of the outbox: seconds at 1 M). */
  static final int COUNTS_WARMUP = 10;
  /** Registrations made, untimed, to leave notifications for the timed delivery. */
  static final int DELIVERY_REGISTRATIONS = 2000;
  /** The escalation sweep is timed over at most this many escalations. */
  static final int ESCALATION_CAP = 20_000;

  private PreloadedRuns() {}

  /**
   * One operation's timings.
   *
   * @param operation what was timed
   * @param nanos each run's wall time, or a single element for a rate
   * @param count operations done (for a rate, many per run)
   * @param cpu the CPU time of all the timed runs together
   * @param note what the operation saw (sizes, counts)
   */
  record Timing(String operation, long[] nanos, long count, CpuTime cpu, String note) {
    long percentile(double p) {
      long[] v = nanos.clone();
      java.util.Arrays.sort(v);
      return v[Math.max(0, (int) Math.ceil(p * v.length) - 1)];
    }

    double perSecond() {
      return count * 1e9 / java.util.Arrays.stream(nanos).sum();
    }

    boolean isRate() {
      return count != nanos.length;
    }
  }

  /** The figures of a preloaded run, and its Markdown; filled by one thread. */
  static final class Report {
    final Options options;
    final String product;
    Preloader.Preloaded preloaded;
    Sample backlog;
    final List<Timing> timings = new ArrayList<>();
    final List<QueryPlans.Plan> plans = new ArrayList<>();

    Report(Options options, String product) {
      this.options = options;
      this.product = product;
    }

    /** Every warning line of every plan. */
    List<String> warnings() {
      return plans.stream().flatMap(p -> p.warnings().stream().map(w -> w + " [" + p.operation() + "]")).toList();
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      Preloader.Preloaded p = preloaded;
      md.append(String.format(Locale.ROOT, "## Nivaran store at %,d complaints%n%n", p.complaints()));
      md.append(String.format(Locale.ROOT, "- Database: %s at `%s`; JVM %s, %d CPUs%n", product, options.url(),
          System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors()));
      md.append(String.format(Locale.ROOT, "- Preload through Nivaran's API (%d threads): %,d complaints (%,d closed, "
          + "over %d months), %,d rows in %.1f s = **%,.0f rows/s**; caller %s has %,d complaints, post %s has %,d "
          + "pending%n", THREADS, p.complaints(), p.closed(), Preloader.MONTHS, p.rows(), p.nanos() / 1e9,
          p.rowsPerSecond(), Preloader.HEAVY_CALLER.masked(), p.heavyCaller(),
          Preloader.HEAVY_POST.code(), p.heavyPostPending()));
      md.append(String.format(Locale.ROOT, "- The preload's %,d notifications delivered by %d relays at %,.0f/s "
          + "(untimed in the table)%n%n", backlog.count(), RELAYS, backlog.perSecond()));
      md.append("| operation | runs | p50 | p99 | rate | CPU µs/op: JVM / DB | seen |\n");
      md.append("|---|---:|---:|---:|---:|---:|---|\n");
      for (Timing t : timings) {
        String cpu = CpuTime.microsPerOp(t.cpu().jvm(), t.count()) + " / " + CpuTime.microsPerOp(t.cpu().database(), t.count());
        if (t.isRate()) {
          md.append(String.format(Locale.ROOT, "| %s | %,d | | | %,.0f/s | %s | %s |%n", t.operation(), t.count(),
              t.perSecond(), cpu, t.note()));
        } else {
          md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | | %s | %s |%n", t.operation(), t.count(),
              millis(t.percentile(0.5)), millis(t.percentile(0.99)), cpu, t.note()));
        }
      }
      List<String> warnings = warnings();
      md.append(String.format(Locale.ROOT, "%n### Plans (%s)%n%n", warnings.isEmpty()
          ? "no sequential scan of a table of more than " + QueryPlans.LARGE_TABLE_ROWS + " rows"
          : warnings.size() + " warning(s)"));
      for (String w : warnings) {
        md.append(w).append("\n\n");
      }
      for (QueryPlans.Plan plan : plans) {
        md.append("#### ").append(plan.operation()).append("\n\n```\n").append(plan.sql().strip()).append("\n\n");
        plan.plan().forEach(line -> md.append(line).append('\n'));
        md.append("```\n\n");
      }
      return md.toString();
    }

    private static String millis(long nanos) {
      return String.format(Locale.ROOT, nanos >= 100_000_000 ? "%,.0f ms" : "%.2f ms", nanos / 1e6);
    }

  }

  /**
   * Preloads a fresh schema and measures every operation on it; the schema is dropped after.
   *
   * @param o where, how many complaints ({@code preload}) and how many timed runs ({@code samples})
   * @param log where progress and warnings go
   * @return the figures and plans
   */
  static Report run(Options o, PrintStream log) {
    try (BenchDatabase db = BenchDatabase.fresh(o)) {
      Report r = new Report(o, db.product());
      log.printf(Locale.ROOT, "preloading %,d complaints into %s%n", o.preload(), db);
      r.preloaded = Preloader.preload(db, o.preload(), log);
      log.printf(Locale.ROOT, "  %,d rows in %.1f s = %,.0f rows/s%n", r.preloaded.rows(), r.preloaded.nanos() / 1e9,
          r.preloaded.rowsPerSecond());
      r.backlog = OutboxRuns.outbox(db, RELAYS);
      log.printf(Locale.ROOT, "  the preload's %,d notifications delivered at %,.0f/s%n", r.backlog.count(),
          r.backlog.perSecond());
      db.vacuumAnalyze(); // the preload updated every outbox row and most complaints once or twice
      measure(db, o, r, log);
      for (String w : r.warnings()) {
        log.println(w);
      }
      return r;
    }
  }

  private static void measure(BenchDatabase db, Options o, Report r, PrintStream log) {
    StatementCapture capture = new StatementCapture(db.dataSource());
    MutableClock clock = new MutableClock(Preloader.NOW);
    Sides plain = new Sides(db, capture, clock, false);
    Sides guarded = new Sides(db, capture, clock, true);
    int warm = Math.min(WARMUP, o.warmup());
    AtomicInteger next = new AtomicInteger();

    latency(r, log, capture, db, "register, new caller", o.samples(), warm,
        k -> plain.of(k).register(request(next.getAndIncrement(), false), SampleDistrict.AGENT), "");
    long earlier = db.count("SELECT COUNT(*) FROM nivaran_complaint WHERE citizen_phone = '"
        + Preloader.HEAVY_CALLER.e164() + "'");
    latency(r, log, capture, db, "register, caller with many earlier complaints, fake check and caller limit on",
        o.samples(), warm, k -> guarded.of(k).register(request(next.getAndIncrement(), true), SampleDistrict.AGENT),
        String.format(Locale.ROOT, "%,d earlier complaints at the first", earlier));

    long pending = db.count("SELECT COUNT(*) FROM nivaran_complaint WHERE is_open AND post_code = '"
        + Preloader.HEAVY_POST.code() + "'");
    int expected = (int) Math.min(PAGE, pending);
    latency(r, log, capture, db, "pending work list of a post, first page of " + PAGE, o.samples(), warm, k -> {
      int size = plain.store(k).pendingAt(TenantId.DEFAULT, Preloader.HEAVY_POST, PageRequest.first(PAGE))
          .items().size();
      if (size != expected) {
        throw new IllegalStateException("the work list's first page held " + size + ", not " + expected);
      }
    }, String.format(Locale.ROOT, "%,d pending", pending));

    YearMonth current = YearMonth.from(Preloader.NOW.atZone(SampleDistrict.IST));
    for (YearMonth month : List.of(current, current.minusMonths(6))) {
      GradingPeriod period = GradingPeriod.of(month, SampleDistrict.IST);
      int facts = JdbcGradingSource.create(db.dataSource()).facts(period).size();
      latency(r, log, capture, db, "grading facts, " + month + (month.equals(current) ? " (current month)"
          : " (six months back)"), Math.min(GRADING_SAMPLES, o.samples()), 1,
          k -> JdbcGradingSource.create(k < 0 ? capture.dataSource() : db.dataSource()).facts(period),
          String.format(Locale.ROOT, "%,d facts", facts));
    }

    OutboxCounts counts = OutboxAdministration.create(db.dataSource()).counts();
    latency(r, log, capture, db, "outbox counts()", o.samples(), Math.min(COUNTS_WARMUP, warm),
        k -> OutboxAdministration.create(k < 0 ? capture.dataSource() : db.dataSource()).counts(),
        String.format(Locale.ROOT, "%,d rows, %,d sent", counts.total(), counts.sent()));

    delivery(db, r, log, capture, plain, next);
    escalation(db, r, log, capture, plain, clock);
  }

  /** A Grievances and a store on the database, and another pair on the capturing data source. */
  private static final class Sides {
    private final JdbcComplaintStore store;
    private final JdbcComplaintStore capturingStore;
    private final Grievances grievances;
    private final Grievances capturing;

    Sides(BenchDatabase db, StatementCapture capture, Clock clock, boolean guarded) {
      this.store = db.store();
      this.capturingStore = db.store(capture.dataSource());
      this.grievances = grievances(db, db.dataSource(), store, clock, guarded);
      this.capturing = grievances(db, capture.dataSource(), capturingStore, clock, guarded);
    }

    /** The capturing side for the untimed run ({@code k < 0}), else the plain one. */
    Grievances of(int k) {
      return k < 0 ? capturing : grievances;
    }

    JdbcComplaintStore store(int k) {
      return k < 0 ? capturingStore : store;
    }

    private static Grievances grievances(BenchDatabase db, DataSource ds, JdbcComplaintStore store, Clock clock,
        boolean guarded) {
      var builder = SampleDistrict.grievances(store, clock)
          .idScheme(JdbcIdScheme.yearly(ds, "RPR", SampleDistrict.IST, 100));
      if (guarded) {
        builder.fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(3, Duration.ofDays(365)))
            .callerLimitPolicy(CallerLimitPolicy.perWindow(100_000, Duration.ofDays(366)));
      }
      return builder.build();
    }
  }

  /**
   * Runs {@code task(-1)} once with the capture on and explains its queries, {@code task(k)}
   * {@code warm} times untimed, then {@code runs} times timed one by one.
   */
  private static void latency(Report r, PrintStream log, StatementCapture capture, BenchDatabase db, String operation,
      int runs, int warm, IntConsumer task, String note) {
    capture.clear();
    task.accept(-1);
    r.plans.addAll(QueryPlans.explain(db, operation, capture.queries()));
    for (int k = 0; k < warm; k++) {
      task.accept(k);
    }
    long[] nanos = new long[runs];
    CpuTime cpu = CpuTime.now();
    for (int k = 0; k < runs; k++) {
      long start = System.nanoTime();
      task.accept(warm + k);
      nanos[k] = System.nanoTime() - start;
    }
    Timing t = new Timing(operation, nanos, runs, CpuTime.now().since(cpu), note);
    r.timings.add(t);
    log.printf(Locale.ROOT, "  %-80s p50 %8.2f ms, p99 %8.2f ms%n", operation, t.percentile(0.5) / 1e6,
        t.percentile(0.99) / 1e6);
  }

  /** Leaves notifications by registering, then times their delivery by one relay to a notifier that does nothing. */
  private static void delivery(BenchDatabase db, Report r, PrintStream log, StatementCapture capture, Sides plain,
      AtomicInteger next) {
    int base = next.getAndAdd(DELIVERY_REGISTRATIONS);
    Threads.forEachIndex(THREADS, DELIVERY_REGISTRATIONS,
        i -> plain.of(0).register(request(base + i, false), SampleDistrict.AGENT));
    String pendingSql = "SELECT COUNT(*) FROM nivaran_outbox WHERE state = 'PENDING'";
    capture.clear();
    long sentOnce = relay(capture.dataSource()).relayOnce().sent();
    r.plans.addAll(QueryPlans.explain(db, "outbox delivery, 1 relay", capture.queries()));
    long pending = db.count(pendingSql);
    long sent = db.count("SELECT COUNT(*) FROM nivaran_outbox WHERE state = 'SENT'");
    OutboxRelay relay = relay(db.dataSource());
    CpuTime cpu = CpuTime.now();
    long start = System.nanoTime();
    long delivered = relay.drain();
    long nanos = System.nanoTime() - start;
    if (delivered != pending || db.count(pendingSql) != 0) {
      throw new IllegalStateException("1 relay delivered " + delivered + " of " + pending + " pending messages");
    }
    r.timings.add(new Timing("outbox delivery, 1 relay, no-op notifier", new long[] {nanos}, delivered,
        CpuTime.now().since(cpu), String.format(Locale.ROOT, "%,d sent rows kept (%,d in the untimed first batch)",
            sent, sentOnce)));
    log.printf(Locale.ROOT, "  outbox delivery, 1 relay: %,d at %,.0f/s%n", delivered, delivered * 1e9 / nanos);
  }

  private static OutboxRelay relay(DataSource ds) {
    return OutboxRuns.noOpRelay(ds, Clock.fixed(Preloader.NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
  }

  /**
   * Times one sweeper handling the complaints due at {@link Preloader#NOW} (at most
   * {@value #ESCALATION_CAP}): sweeps until one finds nothing. A complaint whose every deadline has
   * long passed climbs the ladder in one sweep (an outcome per rung) and may end flagged overdue at
   * the top rung; the rate counts complaints handled, the note how many outcomes of each kind.
   */
  private static void escalation(BenchDatabase db, Report r, PrintStream log, StatementCapture capture, Sides plain,
      MutableClock clock) {
    clock.set(Preloader.NOW);
    long due = db.count("SELECT COUNT(*) FROM nivaran_complaint WHERE due_at <= ?", Preloader.NOW);
    Map<Action, Long> outcomes = new EnumMap<>(Action.class);
    // the captured sweep runs at the earliest deadline, so it handles a few and leaves the rest to time
    Instant earliest = db.first("SELECT MIN(due_at) FROM nivaran_complaint");
    capture.clear();
    long first = handled(plain.of(-1).escalator().sweep(earliest == null ? Preloader.NOW : earliest), outcomes);
    r.plans.addAll(QueryPlans.explain(db, "escalation sweep, 1 sweeper", capture.queries()));
    Escalator escalator = plain.of(0).escalator();
    CpuTime cpu = CpuTime.now();
    long start = System.nanoTime();
    long handled = 0;
    for (long n = -1; n != 0 && handled < ESCALATION_CAP; handled += n) {
      n = handled(escalator.sweep(Preloader.NOW), outcomes);
    }
    long nanos = System.nanoTime() - start;
    // the first sweep's complaints are due again at NOW (their next rung), so only the timed ones are bounded
    if (handled > due || outcomes.getOrDefault(Action.ESCALATED, 0L) == 0 && due > 0) {
      throw new IllegalStateException("handled " + handled + " complaints (" + outcomes + "), but " + due
          + " were due");
    }
    r.timings.add(new Timing("escalation sweep, 1 sweeper", new long[] {nanos}, Math.max(1, handled),
        CpuTime.now().since(cpu), String.format(Locale.ROOT, "%,d due, %,d in the untimed first sweep; outcomes %s",
            due, first, outcomes)));
    log.printf(Locale.ROOT, "  escalation sweep, 1 sweeper: %,d at %,.0f/s%n", handled, handled * 1e9 / nanos);
  }

  private static long handled(EscalationReport report, Map<Action, Long> outcomes) {
    report.outcomes().forEach(x -> outcomes.merge(x.action(), 1L, Long::sum));
    return report.outcomes().stream().map(x -> x.complaintId()).distinct().count();
  }

  /** A water registration with its own idempotency key, from a new caller or from the heavy one. */
  private static RegisterComplaint request(int k, boolean heavy) {
    PhoneNumber phone = heavy ? Preloader.HEAVY_CALLER : PhoneNumber.parse(String.valueOf(7_000_000_000L + k));
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name("नागरिक " + k).phone(phone).languageTag(Language.HINDI.tag()).build())
        .categoryCode(SampleDistrict.WATER) // the heavy post (energy) keeps the pending list the preload left
        .jurisdictionCode(SampleDistrict.WARD)
        .description("मापन " + k)
        .idempotencyKey("measure-" + k)
        .build();
  }
}
