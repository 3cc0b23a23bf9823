package org.nivaran.grievance.examples.simulate;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.UnitFigures;

/** The summary and the grading tables, as plain text for the terminal. Stateless. */
final class TerminalReport {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
  private static final String ROW = "%4s  %-5s %6s  %-34s %8s %8s %7s  %-11s %9s %8s %8s %8s%n";

  private TerminalReport() {}

  static void print(RunFigures f, PrintStream out) {
    SimulationResult r = f.result();
    out.printf(Locale.ROOT, "Nivaran simulation: a Raipur-like district call centre, %d days from %s (seed %d)%n",
        f.days(), DAY.format(f.start()), r.seed());
    out.printf(Locale.ROOT, "  received %s · disposed %s (%s within SLA) · pending %s (%s beyond SLA)%n",
        Format.count(r.received()), Format.count(r.disposed()), Format.percent(r.withinSlaRate()),
        Format.count(r.pending()), Format.count(r.pendingBeyondSla()));
    out.printf(Locale.ROOT, "  escalations: %s to L2 · %s to L3 · %s to L4 · %s blocked by a vacant post%n",
        Format.count(r.escalationsTo(Level.L2)), Format.count(r.escalationsTo(Level.L3)),
        Format.count(r.escalationsTo(Level.L4)), Format.count(r.stuck()));
    out.printf(Locale.ROOT, "  verification calls: %s satisfied · %s not satisfied (reopened)"
            + " · %s unreachable (called again) · satisfaction %s%n", Format.count(r.satisfied()), Format.count(r.dissatisfied()),
        Format.count(r.unreachable()), Format.percent(r.satisfactionRate()));
    out.printf(Locale.ROOT, "  replies returned as poor quality %s · documents asked for %s · fake %s · repeats linked %s"
            + " · withdrawn %s%n", Format.count(r.returned()), Format.count(f.documentsRequested()),
        Format.count(r.fake()), Format.count(r.duplicates()), Format.count(r.withdrawn()));
    HelplineReport.print(r.helpline(), out);
    HelplineReport.printState(r.state(), out);
    out.printf(Locale.ROOT, "  outbox: %s notifications delivered%n", Format.count(r.outboxDelivered()));
    out.println();
    table(out, "Departments", "department", r.grading().departments(), code -> code + " " + f.departmentEn(code));
    out.println();
    table(out, "Districts", "district", r.grading().districts(), f::placeEn);
  }

  private static void table(PrintStream out, String title, String unit, List<GradedUnit> units,
      Function<String, String> name) {
    out.println(title);
    out.printf(Locale.ROOT, ROW, "rank", "grade", "score", unit, "received", "disposed", "in SLA", "beyond SLA",
        "satisfied", "returned", "reopened", "median");
    out.printf(Locale.ROOT, ROW, "", "", "", "", "", "", "", "L1/L2/L3/L4", "", "", "", "to close");
    for (GradedUnit u : units) {
      UnitFigures x = u.figures();
      String label = name.apply(x.code());
      out.printf(Locale.ROOT, ROW, u.rank(), u.grade(), Format.score(u.score()),
          label.length() > 34 ? label.substring(0, 33) + "…" : label, Format.count(x.received()),
          Format.count(x.disposed()), Format.percent(x.slaComplianceRate()), Format.byLevel(x.pendingBeyondSla()),
          Format.percent(x.satisfactionRate()), Format.percent(x.returnedRate()), Format.percent(x.reopenedRate()),
          Format.duration(x.medianResolution()));
    }
  }
}
