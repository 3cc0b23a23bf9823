package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.RELAYS;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.SWEEPERS;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.TARGET_ESCALATIONS;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.TARGET_OUTBOX;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.TARGET_RATIO_PERCENT;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.THREADS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Every figure of a {@link StoreLoadHarness} run, and its Markdown table; filled by one thread. */
final class Results {
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
