package org.nivaran.grievance.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.benchmarks.PreloadedRuns.Report;
import org.nivaran.grievance.benchmarks.PreloadedRuns.Timing;
import org.nivaran.grievance.benchmarks.StatementCapture.Bind;
import org.nivaran.grievance.benchmarks.StatementCapture.Captured;

/**
 * The preloaded run does not rot: on H2 in memory, and on PostgreSQL when reachable, with a preload
 * of a few hundred complaints at most (the only size CI runs) it fills the schema in the planned
 * mix, times every operation, and explains every query it captured; a sequential scan of a large
 * table is warned of.
 */
class PreloadedHarnessTest {
  private static final String PG_URL =
      System.getenv().getOrDefault("NIVARAN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER = System.getenv().getOrDefault("NIVARAN_PG_USER", "postgres");
  private static final String PG_PASSWORD = System.getenv().getOrDefault("NIVARAN_PG_PASSWORD", "");

  @Test
  void preloadsTheMixTimesEveryOperationAndExplainsItsQueries() {
    Options o = Options.parse("--url", "jdbc:h2:mem:", "--preload", "240", "--samples", "5", "--warmup", "5");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    Report r = PreloadedRuns.run(o, new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(r.preloaded.complaints()).isEqualTo(240);
    // 12 months of 20: 80 % of the 10 older months closed, 30 % of the 2 latest
    assertThat(r.preloaded.closed()).isEqualTo(160 + 12);
    assertThat(r.preloaded.heavyCaller()).isEqualTo(24); // n / 10
    assertThat(r.preloaded.heavyPostPending()).isEqualTo(60); // n / 4 of the open ones
    assertThat(r.preloaded.rows()).isGreaterThan(240L * 5);
    assertThat(r.backlog.count()).isGreaterThanOrEqualTo(2L * 240);
    assertThat(r.timings).extracting(Timing::operation).containsExactly(
        "register, new caller",
        "register, caller with many earlier complaints, fake check and caller limit on",
        "pending work list of a post, first page of 50",
        "grading facts, 2025-07 (current month)",
        "grading facts, 2025-01 (six months back)",
        "outbox counts()",
        "outbox delivery, 1 relay, no-op notifier",
        "escalation sweep, 1 sweeper");
    assertThat(r.timings.get(0).nanos()).hasSize(5);
    assertThat(r.timings.get(1).note()).isEqualTo("24 earlier complaints at the first");
    assertThat(r.timings.get(2).note()).isEqualTo("60 pending");
    assertThat(r.timings.get(6).count()).isGreaterThanOrEqualTo(2L * PreloadedRuns.DELIVERY_REGISTRATIONS - 500);
    assertThat(r.timings.get(7).count()).isPositive();
    // every operation's queries were captured and explained, the store's own SQL
    assertThat(r.plans).extracting(QueryPlans.Plan::operation).contains("register, new caller",
        "pending work list of a post, first page of 50", "outbox counts()", "outbox delivery, 1 relay",
        "escalation sweep, 1 sweeper");
    assertThat(r.plans).allSatisfy(p -> assertThat(p.plan()).isNotEmpty());
    assertThat(r.plans).anySatisfy(p -> assertThat(p.sql()).contains("FROM nivaran_outbox WHERE tenant_id = ?"));
    String md = r.markdown();
    assertThat(md).contains("## Nivaran store at 240 complaints", "rows/s", "| register, new caller | 5 |",
        "### Plans");
    assertThat(md).doesNotContain("9111111111");
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("preloaded 240 of 240 complaints");
  }

  @Test
  void explainsOnPostgresWithAnalyzeAndBuffers() {
    requirePostgres();
    Options o = Options.parse("--url", PG_URL, "--user", PG_USER, "--password", PG_PASSWORD, "--preload", "120",
        "--warmup", "3", "--samples", "3");

    Report r = PreloadedRuns.run(o, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(r.preloaded.complaints()).isEqualTo(120);
    assertThat(r.timings).hasSize(8);
    assertThat(r.plans).allSatisfy(p -> assertThat(String.join("\n", p.plan())).contains("Execution Time"));
    // the claims are explained too, in a transaction rolled back: the delivery after it still sent every message
    assertThat(r.plans).anySatisfy(p -> assertThat(p.sql()).contains("FOR UPDATE SKIP LOCKED"));
    // PostgreSQL prints the bound values in the plans: the callers' numbers are masked there too
    assertThat(r.markdown()).contains("PostgreSQL", "'+********1111'").doesNotContain("9111111111");
  }

  @Test
  void masksPhoneNumbersInPlanLines() {
    assertThat(QueryPlans.masked("Index Cond: (citizen_phone = '+919111111111'::text) AND (x = 42)"))
        .isEqualTo("Index Cond: (citizen_phone = '+********1111'::text) AND (x = 42)");
    assertThat(QueryPlans.masked("rows=500 loops=1")).isEqualTo("rows=500 loops=1");
  }

  @Test
  void warnsOfASequentialScanOfALargeTableOnly() throws Exception {
    Options o = Options.parse("--url", "jdbc:h2:mem:");
    try (BenchDatabase db = BenchDatabase.fresh(o)) {
      db.execute("CREATE TABLE big_t (v INT)");
      db.execute("INSERT INTO big_t SELECT X FROM SYSTEM_RANGE(1, 10001)");
      db.execute("CREATE TABLE small_t (v INT)");
      db.execute("INSERT INTO small_t SELECT X FROM SYSTEM_RANGE(1, 10000)");
      Method setInt = PreparedStatement.class.getMethod("setInt", int.class, int.class);
      List<Bind> five = List.of(new Bind(setInt, new Object[] {1, 5}));

      List<QueryPlans.Plan> plans = QueryPlans.explain(db, "scan", List.of(
          new Captured("SELECT v FROM big_t WHERE v = ?", five),
          new Captured("SELECT v FROM small_t WHERE v = ?", five)));

      assertThat(plans.get(0).warnings()).singleElement().asString()
          .startsWith("WARNING: sequential scan of big_t (10,001 rows)");
      assertThat(plans.get(1).warnings()).isEmpty(); // not more than 10,000 rows
      db.execute("CREATE INDEX big_t_v ON big_t (v)");
      assertThat(QueryPlans.explain(db, "scan", List.of(new Captured("SELECT v FROM big_t WHERE v = ?", five)))
          .get(0).warnings()).isEmpty();
    }
  }

  /** Skips the calling test when PostgreSQL is unreachable, or fails it when {@code CI=true}. */
  private static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.isValid(2);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + "; CI=true requires the PostgreSQL tests to run (see DEVELOPERS.md)");
      }
      Assumptions.abort(why + "; PostgreSQL tests skipped. To run them, start PostgreSQL on 127.0.0.1:5432 "
          + "with a database 'test' for user 'postgres', or set NIVARAN_PG_URL / NIVARAN_PG_USER / "
          + "NIVARAN_PG_PASSWORD");
    }
  }

  @Test
  void parsesThePreloadOptions() {
    Options o = Options.parse("--preload", "1,000,000", "--samples", "50");
    assertThat(o.preload()).isEqualTo(1_000_000);
    assertThat(o.samples()).isEqualTo(50);
    assertThat(Options.defaults().preload()).isZero();
  }
}
