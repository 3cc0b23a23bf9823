package org.nivaran.grievance.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.benchmarks.PreloadedRuns.Report;
import org.nivaran.grievance.benchmarks.PreloadedRuns.Timing;

/**
 * The preloaded run does not rot: on H2 in memory with a preload of a few hundred complaints (the
 * only size CI runs) it fills the schema in the planned mix, times every operation, and explains
 * every query it captured.
 */
class PreloadedHarnessTest {

  @Test
  void preloadsTheMixTimesEveryOperationAndExplainsItsQueries() {
    Options o = Options.parse("--url", "jdbc:h2:mem:", "--preload", "240", "--samples", "5");
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
  void parsesThePreloadOptions() {
    Options o = Options.parse("--preload", "1,000,000", "--samples", "50");
    assertThat(o.preload()).isEqualTo(1_000_000);
    assertThat(o.samples()).isEqualTo(50);
    assertThat(Options.defaults().preload()).isZero();
  }
}
