package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.SWEEP_AT;
import static org.nivaran.grievance.benchmarks.Threads.expect;
import static org.nivaran.grievance.benchmarks.Threads.onThreads;

import java.util.Arrays;
import org.nivaran.grievance.benchmarks.Threads.Timed;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.escalation.EscalationReport.Action;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.tck.MutableClock;

/** The escalation measurement of {@link StoreLoadHarness}: due complaints drained by sweepers. Stateless. */
final class EscalationRuns {
  private EscalationRuns() {}

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
      escalators[s] = RegistrationRuns.grievances(db, store, clock).escalator();
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
}
