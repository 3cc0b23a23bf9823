package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.THREADS;
import static org.nivaran.grievance.benchmarks.Threads.forEachIndex;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * Fills a fresh schema with a given number of complaints in a realistic mix, through Nivaran's
 * own API ({@link Grievances#register} and {@link Grievances#execute}, 8 threads in parallel
 * batches), so every row is one the store wrote itself: the complaint row and JSON document, the
 * hash-chained events, the outbox rows. On PostgreSQL it writes through a pool of its own whose
 * commits do not wait for the WAL flush ({@link BenchDatabase#loader}); the measurements after it
 * use the durable pool.
 *
 * <p>The mix, for {@code n} complaints:
 * <ul>
 *   <li>registered across the {@value #MONTHS} months up to {@link #NOW} (the same number per
 *       month, oldest first, in batches whose clock moves on through the month);
 *   <li>closed (resolved by the post's officer an hour after registration, confirmed by the
 *       citizen an hour later): 80 % of those older than two months, 30 % of the two latest;
 *       the rest stay open at their level-1 post (so those older than the level-1 deadline are
 *       due for escalation at {@link #NOW});
 *   <li>two level-1 posts (energy: {@link #HEAVY_POST}; water: {@code JAL-L1}): the first
 *       {@code min(10,000, n / 4)} open complaints go to the heavy post, the other open ones to
 *       water, the closed ones alternate;
 *   <li>callers: {@link #HEAVY_CALLER} has {@code min(1,000, n / 10)} complaints spread over the
 *       months; every other caller has about 3 ({@code n / 3} numbers).
 * </ul>
 *
 * <p>Not thread-safe; it runs its own threads.
 */
final class Preloader {
  /** The harness's "now" at the preloaded size: the 15th of a month, noon in India. */
  static final Instant NOW = Instant.parse("2025-07-15T06:30:00Z");
  /** How many months back the complaints are spread over, the current one included. */
  static final int MONTHS = 12;
  /** The caller with many earlier complaints. */
  static final PhoneNumber HEAVY_CALLER = PhoneNumber.parse("9111111111");
  /** The post with many pending complaints. */
  static final PostId HEAVY_POST = SampleDistrict.ENERGY_L1;
  /** How many complaints are registered together, on {@value StoreLoadHarness#THREADS} threads, at one clock. */
  static final int BATCH = 2000;

  private Preloader() {}

  /**
   * What was preloaded and how fast.
   *
   * @param complaints complaints registered
   * @param closed of which closed
   * @param heavyCaller complaints of {@link #HEAVY_CALLER}
   * @param heavyPostPending open complaints at {@link #HEAVY_POST}
   * @param rows rows in the Nivaran tables afterwards
   * @param nanos how long the preload took
   */
  record Preloaded(int complaints, int closed, int heavyCaller, int heavyPostPending, long rows, long nanos) {
    /** Rows written per second. */
    double rowsPerSecond() {
      return rows * 1e9 / nanos;
    }
  }

  /** The plan of complaint {@code i}: its month, caller, post and whether it ends closed. */
  private record Plan(int monthsBack, boolean heavyCaller, boolean energy, boolean closed) {}

  /**
   * Preloads {@code n} complaints.
   *
   * @param db a fresh database
   * @param n how many complaints
   * @param log where progress goes
   * @return what was written
   */
  static Preloaded preload(BenchDatabase db, int n, PrintStream log) {
    List<AutoCloseable> pools = new ArrayList<>();
    try {
      return preload(db, db.loader(pools), n, log);
    } finally {
      for (AutoCloseable pool : pools) {
        try {
          pool.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not close the loader's pool", e);
        }
      }
    }
  }

  private static Preloaded preload(BenchDatabase db, BenchDatabase.Loader loader, int n, PrintStream log) {
    Plan[] plans = plan(n);
    MutableClock clock = new MutableClock(NOW);
    Grievances g = SampleDistrict.grievances(loader.store(), clock)
        .idScheme(JdbcIdScheme.yearly(loader.dataSource(), "RPR", SampleDistrict.IST, 100))
        .build();
    ComplaintId[] ids = new ComplaintId[n];
    long started = System.nanoTime();
    int from = 0;
    for (int back = MONTHS - 1; back >= 0; back--) {
      int to = from;
      while (to < n && plans[to].monthsBack() == back) {
        to++;
      }
      Instant monthStart = YearMonth.from(NOW.atZone(SampleDistrict.IST)).minusMonths(back).atDay(1)
          .atStartOfDay(SampleDistrict.IST).toInstant().plus(Duration.ofDays(1));
      Instant monthEnd = back == 0 ? NOW.minus(Duration.ofHours(3)) : monthStart.plus(Duration.ofDays(26));
      int batches = Math.max(1, (to - from + BATCH - 1) / BATCH);
      Duration step = Duration.between(monthStart, monthEnd).dividedBy(batches);
      for (int b = 0; b < batches; b++) {
        int lo = from + b * BATCH;
        int hi = Math.min(to, lo + BATCH);
        Instant at = monthStart.plus(step.multipliedBy(b));
        clock.set(at);
        forEachIndex(THREADS, hi - lo,
            k -> ids[lo + k] = g.register(request(lo + k, plans[lo + k], n), SampleDistrict.AGENT).id());
        clock.set(at.plus(Duration.ofHours(1)));
        forEachIndex(THREADS, hi - lo, k -> {
          if (plans[lo + k].closed()) {
            PostId post = plans[lo + k].energy() ? SampleDistrict.ENERGY_L1 : SampleDistrict.WATER_L1;
            g.execute(ids[lo + k], new Resolve("काम पूरा हुआ", List.of()), SampleDistrict.officer(post));
          }
        });
        clock.set(at.plus(Duration.ofHours(2)));
        forEachIndex(THREADS, hi - lo, k -> {
          if (plans[lo + k].closed()) {
            g.execute(ids[lo + k], new ConfirmSatisfied(Optional.of(4), Optional.empty()),
                Actor.citizen(phone(lo + k, plans[lo + k], n)));
          }
        });
      }
      log.printf(Locale.ROOT, "  preloaded %,d of %,d complaints (%s)%n", to, n,
          YearMonth.from(monthStart.atZone(SampleDistrict.IST)));
      from = to;
    }
    long nanos = System.nanoTime() - started;
    long rows = 0;
    for (String table : List.of("nivaran_complaint", "nivaran_event", "nivaran_outbox", "nivaran_idempotency",
        "nivaran_reference", "nivaran_id_block")) {
      rows += db.count("SELECT COUNT(*) FROM " + table);
    }
    int closed = 0;
    for (Plan p : plans) {
      closed += p.closed() ? 1 : 0;
    }
    return new Preloaded(n, closed, (int) db.count("SELECT COUNT(*) FROM nivaran_complaint WHERE citizen_phone = '"
        + HEAVY_CALLER.e164() + "'"), (int) db.count("SELECT COUNT(*) FROM nivaran_complaint WHERE is_open AND "
        + "post_code = '" + HEAVY_POST.code() + "'"), rows, nanos);
  }

  private static Plan[] plan(int n) {
    Plan[] plans = new Plan[n];
    int heavyCalls = Math.max(1, Math.min(1000, n / 10));
    int stride = Math.max(1, n / heavyCalls);
    int heavyPending = Math.min(10_000, n / 4);
    int openEnergy = 0;
    for (int i = 0; i < n; i++) {
      int back = MONTHS - 1 - (int) ((long) i * MONTHS / n);
      boolean closed = back >= 2 ? i % 5 != 0 : i % 10 < 3;
      boolean energy = closed ? i % 2 == 0 : openEnergy < heavyPending;
      if (!closed && energy) {
        openEnergy++;
      }
      plans[i] = new Plan(back, i % stride == 0 && i / stride < heavyCalls, energy, closed);
    }
    return plans;
  }

  private static PhoneNumber phone(int i, Plan p, int n) {
    return p.heavyCaller() ? HEAVY_CALLER : PhoneNumber.parse(String.valueOf(8_000_000_000L + i % Math.max(1, n / 3)));
  }

  private static RegisterComplaint request(int i, Plan p, int n) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder()
            .name("नागरिक " + i)
            .phone(phone(i, p, n))
            .languageTag(Language.HINDI.tag())
            .build())
        .categoryCode(p.energy() ? SampleDistrict.ENERGY : SampleDistrict.WATER)
        .jurisdictionCode(SampleDistrict.WARD)
        .description((p.energy() ? "बिजली नहीं है" : "पाइपलाइन से पानी बह रहा है") + " — शिकायत " + i)
        .build();
  }
}
