package org.nivaran.grievance.examples.simulate;

import static org.nivaran.grievance.examples.simulate.HtmlReport.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.UnitFigures;

/**
 * The report's second chart: the share of each department's disposals within SLA, one bar per
 * department in ranking order, on a value axis that starts where the data does (not at 0 when every
 * share is high) and ends at 100%, with its ticks and an axis label. Stable names for tests and
 * readers: {@code svg#chart-sla} with {@code data-axis-start} (the percent the axis starts at), one
 * {@code g.unit} per department, {@code text.tick} with {@code data-value} per tick and
 * {@code text.axis-label}. Stateless.
 */
final class SlaChart {
  private static final double LABEL = 290;
  private static final double TRACK = 420;
  private static final double ROW = 40;

  private SlaChart() {}

  /**
   * The value axis, in whole percent: it runs from {@code start} to 100 with a tick every
   * {@code step}.
   *
   * @param start where the axis starts, a multiple of 10 from 0 to 90
   * @param step the distance between ticks, dividing {@code 100 - start}
   */
  record Axis(int start, int step) {
    /**
     * The axis for some shares (0 to 1): it starts a little below the lowest share, rounded down to
     * a multiple of 10, so that the lowest bar still shows; at 0 if that would be below 30%, where
     * cutting the axis would hide little and mislead more.
     */
    static Axis over(List<Double> shares) {
      double lowest = shares.stream().mapToDouble(s -> s * 100).min().orElse(0);
      int start = (int) Math.floor((lowest - 5) / 10) * 10;
      if (start < 30) {
        return new Axis(0, 25);
      }
      start = Math.min(start, 90);
      int range = 100 - start;
      return new Axis(start, range >= 30 ? 10 : range > 10 ? 5 : 2);
    }

    /** The tick values, from {@code start} to 100. */
    List<Integer> ticks() {
      List<Integer> ticks = new ArrayList<>();
      for (int t = start; t <= 100; t += step) {
        ticks.add(t);
      }
      return ticks;
    }

    /** Where a share (0 to 1) falls along the axis, from 0 (its start) to 1 (100%). */
    double position(double share) {
      return Math.max(0, Math.min(1, (share * 100 - start) / (100 - start)));
    }
  }

  /** Appends the chart's section. */
  static void render(StringBuilder h, RunFigures f) {
    List<GradedUnit> units = f.result().grading().departments();
    Axis axis = Axis.over(units.stream().map(u -> u.figures().slaComplianceRate())
        .flatMap(Optional::stream).toList());
    double width = LABEL + TRACK + 70;
    double axisY = ROW * units.size() + 8;
    double height = axisY + 40;
    String label = "Share of disposals within SLA"
        + (axis.start() == 0 ? "" : " (the axis starts at " + axis.start() + "%, not 0)");
    h.append("<section>\n<h2>Disposed within SLA, by department</h2>\n");
    h.append(String.format(Locale.ROOT, "<svg id=\"chart-sla\" data-axis-start=\"%d\" viewBox=\"0 0 %.0f %.0f\""
        + " width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"%s\">%n", axis.start(), width, height, width, height,
        esc("Share of each department's disposals that were within SLA, on an axis from " + axis.start() + "% to 100%")));
    for (int t : axis.ticks()) {
      double px = LABEL + TRACK * (t - axis.start()) / (100 - axis.start());
      h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
          px, px, axisY));
    }
    for (int i = 0; i < units.size(); i++) {
      unit(h, f, units.get(i), axis, ROW * i + 4);
    }
    h.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
        LABEL, axisY, LABEL + TRACK, axisY));
    for (int t : axis.ticks()) {
      double px = LABEL + TRACK * (t - axis.start()) / (100 - axis.start());
      h.append(String.format(Locale.ROOT,
          "<text class=\"muted tick\" data-value=\"%d\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d%%</text>%n",
          t, px, axisY + 14, t));
    }
    h.append(String.format(Locale.ROOT,
        "<text class=\"axis-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
        LABEL + TRACK / 2, axisY + 32, esc(label)));
    h.append("</svg>\n</section>\n");
  }

  private static void unit(StringBuilder h, RunFigures f, GradedUnit u, Axis axis, double y) {
    UnitFigures x = u.figures();
    double share = x.slaComplianceRate().orElse(0.0);
    h.append("<g class=\"unit\" data-code=\"").append(esc(x.code())).append("\"><title>")
        .append(esc(f.departmentEn(x.code()) + ": " + x.disposedWithinSla() + " of " + x.disposed()
            + " disposals within SLA"))
        .append("</title>")
        .append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\">%s</text>", y + 13, esc(f.departmentEn(x.code()))))
        .append(String.format(Locale.ROOT, "<text class=\"muted\" x=\"0\" y=\"%.1f\" lang=\"hi\">%s</text>", y + 28,
            esc(f.departmentHi(x.code()))))
        .append(String.format(Locale.ROOT, "<rect class=\"track\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"22\"/>",
            LABEL, y + 5, TRACK))
        .append(String.format(Locale.ROOT,
            "<rect class=\"bar fill-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"22\"/>",
            u.grade(), LABEL, y + 5, TRACK * axis.position(share)))
        .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", LABEL + TRACK + 6, y + 21,
            esc(Format.percent(x.slaComplianceRate()))))
        .append("</g>\n");
  }
}
