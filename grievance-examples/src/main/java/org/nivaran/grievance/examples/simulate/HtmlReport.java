package org.nivaran.grievance.examples.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.Indicator;
import org.nivaran.grievance.report.IndicatorScore;
import org.nivaran.grievance.report.UnitFigures;

/**
 * The run as one self-contained HTML file: inline CSS and SVG, no scripts, fonts, images or links,
 * so it opens in a browser without a network; UTF-8, every text escaped. It holds no wall-clock
 * time and no random id, so the same run writes the same bytes. Stable ids for tests and readers:
 * {@code summary}, {@code chart-per-day} (one {@code rect.received} and one {@code rect.disposed}
 * per day), {@code chart-sla} (one {@code g.unit} per department, see {@link SlaChart}), {@code ranking} and
 * {@code districts} (one {@code tr} with {@code data-code} per unit, its {@code td.peer-group}
 * and {@code td.peer-rank}, and in {@code td.breakdown} one {@code rect.segment} per indicator with
 * {@code data-indicator} and {@code data-points}). Devanagari text is set in a font stack that
 * names the Linux fonts (Noto Sans Devanagari, Lohit Devanagari) beside the Windows ones (Nirmala
 * UI, Mangal). Stateless.
 */
final class HtmlReport {
  private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private static final String CSS = """
      :root { --received: #3b6fb6; --disposed: #2e9e5b; --closed: #eef0f3; --ink: #1f2328; --muted: #59636e;
              --a: #1a7f37; --b: #7aa116; --c: #d4a72c; --d: #cf222e; }
      * { box-sizing: border-box; }
      body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
             font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Devanagari",
                   "Lohit Devanagari", "Nirmala UI", Mangal, sans-serif; }
      :lang(hi) { font-family: "Noto Sans Devanagari", "Lohit Devanagari", "Nirmala UI", Mangal, "Noto Sans",
                  sans-serif; }
      header { border-bottom: 3px solid var(--received); margin-bottom: 20px; }
      h1 { font-size: 24px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 32px 0 8px; }
      .hi { color: var(--muted); font-weight: normal; }
      .sub { color: var(--muted); margin: 0 0 12px; }
      .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 4px; padding: 0; list-style: none; }
      .cards li { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; min-width: 140px; }
      .cards .n { display: block; font-size: 22px; font-weight: 600; }
      .cards .l { color: var(--muted); font-size: 13px; }
      svg { display: block; max-width: 100%; height: auto; font-size: 12px; }
      svg text { fill: var(--ink); }
      svg .axis { stroke: #8c959f; stroke-width: 1; }
      svg .grid { stroke: #d8dee4; stroke-width: 1; }
      svg .received { fill: var(--received); }
      svg .disposed { fill: var(--disposed); }
      svg .closed { fill: var(--closed); }
      svg .track { fill: #f3f4f6; }
      svg .muted { fill: var(--muted); }
      svg .axis-label { fill: var(--muted); font-size: 13px; }
      .legend { display: flex; gap: 16px; color: var(--muted); font-size: 13px; margin: 4px 0; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px;
                vertical-align: -1px; }
      table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
      th, td { padding: 5px 10px; border-bottom: 1px solid #d8dee4; text-align: right; white-space: nowrap; }
      th { background: #f6f8fa; font-weight: 600; font-size: 13px; }
      td.name, th.name { text-align: left; white-space: normal; }
      td.grade { text-align: center; font-weight: 700; color: #fff; border-radius: 3px; }
      .grade-A td.grade, .fill-A { background: var(--a); fill: var(--a); }
      .grade-B td.grade, .fill-B { background: var(--b); fill: var(--b); }
      .grade-C td.grade, .fill-C { background: var(--c); fill: var(--c); }
      .grade-D td.grade, .fill-D { background: var(--d); fill: var(--d); }
      td.breakdown svg { display: inline-block; vertical-align: middle; }
      .peer-note { color: var(--muted); font-size: 13px; margin: 4px 0; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; }
      footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
      """;

  /** The colours of the indicators' segments, in indicator order (repeating if there are more). */
  private static final List<String> INDICATOR_COLOURS =
      List.of("#3b6fb6", "#2e9e5b", "#8250df", "#d4a72c", "#cf6a2e", "#57606a");

  private HtmlReport() {}

  /** Writes the report, creating the file's folders as needed. */
  static void write(RunFigures f, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(f), StandardCharsets.UTF_8);
  }

  /** The report's text. */
  static String render(RunFigures f) {
    SimulationResult r = f.result();
    LocalDate last = f.start().plusDays(f.days() - 1L);
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc("Nivaran simulation: " + f.days() + " days of a district call centre"))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

    h.append("<header>\n<h1>").append(esc("A district call centre, simulated through Nivaran"))
        .append(" <span class=\"hi\" lang=\"hi\">").append(esc("जन समस्या निवारण")).append("</span></h1>\n")
        .append("<p class=\"sub\">").append(esc(f.days() + " days, " + LONG_DAY.format(f.start()) + " to "
            + LONG_DAY.format(last) + " (Asia/Kolkata) · about " + Format.count(f.target()) + " calls aimed at · seed "
            + r.seed() + " · districts " + f.placeEn(RaipurDistrict.RAIPUR) + " and " + f.placeEn(RaipurDistrict.DURG)))
        .append(" (<span lang=\"hi\">").append(esc(f.placeHi(RaipurDistrict.RAIPUR) + ", " + f.placeHi(RaipurDistrict.DURG)))
        .append("</span>)</p>\n</header>\n");

    summary(h, f);
    perDay(h, f);
    SlaChart.render(h, f);
    h.append("<section>\n<h2>Department ranking</h2>\n");
    table(h, "ranking", "Department", r.grading().departments(), f::departmentEn, f::departmentHi);
    h.append("</section>\n<section>\n<h2>Districts</h2>\n");
    table(h, "districts", "District", r.grading().districts(), f::placeEn, f::placeHi);
    h.append("</section>\n");
    HelplineReport.section(h, r.helpline(), r.state());
    details(h, f);
    h.append("<footer>").append(esc("Written by Nivaran's simulate example from seed " + r.seed() + ". Every complaint "
        + "went through the library and its JDBC store; the figures are the grading of the event log for the simulated "
        + "period, and a run with the same options writes this file again byte for byte."))
        .append("</footer>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, RunFigures f) {
    SimulationResult r = f.result();
    h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"cards\">\n");
    card(h, "received", Format.count(r.received()), "complaints received");
    card(h, "disposed", Format.count(r.disposed()), "disposed (closed or rejected)");
    card(h, "within-sla", Format.percent(r.withinSlaRate()), "of disposals within SLA");
    card(h, "pending", Format.count(r.pending()), "pending, " + Format.count(r.pendingBeyondSla()) + " beyond SLA");
    card(h, "satisfaction", Format.percent(r.satisfactionRate()), "of citizens reached were satisfied");
    card(h, "escalations", Format.count(r.escalationsTo(Level.L2)) + " · " + Format.count(r.escalationsTo(Level.L3))
        + " · " + Format.count(r.escalationsTo(Level.L4)), "escalations to L2 · L3 · L4");
    card(h, "outbox", Format.count(r.outboxDelivered()), "notifications delivered by the outbox");
    h.append("</ul>\n</section>\n");
  }

  private static void card(StringBuilder h, String id, String number, String label) {
    h.append("<li id=\"card-").append(id).append("\"><span class=\"n\">").append(esc(number))
        .append("</span><span class=\"l\">").append(esc(label)).append("</span></li>\n");
  }

  /** Chart 1: received and disposed per day, office-closed days shaded. */
  private static void perDay(StringBuilder h, RunFigures f) {
    List<RunFigures.DayCount> days = f.perDay();
    long max = 1;
    for (RunFigures.DayCount d : days) {
      max = Math.max(max, Math.max(d.received(), d.disposed()));
    }
    long tick = niceStep(max);
    long top = (max + tick - 1) / tick * tick;
    double left = 44;
    double plotTop = 12;
    double plotHeight = 220;
    double group = Math.max(6, Math.min(30, 900.0 / days.size()));
    double width = left + group * days.size() + 12;
    double height = plotTop + plotHeight + 40;
    double bar = Math.max(1, (group - 4) / 2);
    h.append("<section>\n<h2>Complaints per day</h2>\n<div class=\"legend\">")
        .append("<span><span class=\"swatch\" style=\"background:var(--received)\"></span>received</span>")
        .append("<span><span class=\"swatch\" style=\"background:var(--disposed)\"></span>disposed</span>")
        .append("<span><span class=\"swatch\" style=\"background:var(--closed);border:1px solid #d0d7de\"></span>")
        .append("offices closed (Sunday, 2nd/4th Saturday, holiday)</span></div>\n");
    h.append(String.format(Locale.ROOT, "<svg id=\"chart-per-day\" viewBox=\"0 0 %.1f %.1f\" width=\"%.0f\" height=\"%.0f\""
        + " role=\"img\" aria-label=\"%s\">%n", width, height, width, height,
        esc("Complaints received and disposed on each of the " + days.size() + " days")));
    for (long y = 0; y <= top; y += tick) {
      double py = plotTop + plotHeight - plotHeight * y / top;
      h.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
              + "<text class=\"muted\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
          left, py, width - 8, py, left - 6, py + 4, y));
    }
    int labelEvery = group >= 14 ? 1 : (int) Math.ceil(14 / group);
    for (int i = 0; i < days.size(); i++) {
      RunFigures.DayCount d = days.get(i);
      double x = left + group * i;
      boolean closed = RaipurDistrict.OFFICE.hoursOn(d.date()).isEmpty();
      String holiday = RaipurDistrict.OFFICE.holidays().getOrDefault(d.date(), "");
      h.append("<g class=\"day\" data-date=\"").append(d.date()).append("\"><title>")
          .append(esc(SHORT_DAY.format(d.date()) + (holiday.isEmpty() ? "" : " (" + holiday + ")") + ": "
              + d.received() + " received, " + d.disposed() + " disposed"))
          .append("</title>");
      if (closed) {
        h.append(String.format(Locale.ROOT, "<rect class=\"closed\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
            x, plotTop, group, plotHeight));
      }
      h.append(bar("received", x + 2, bar, d.received(), top, plotTop, plotHeight))
          .append(bar("disposed", x + 2 + bar, bar, d.disposed(), top, plotTop, plotHeight));
      if (i % labelEvery == 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
            x + group / 2, plotTop + plotHeight + 14, d.date().getDayOfMonth()));
        h.append(String.format(Locale.ROOT, "<text class=\"muted\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
            x + group / 2, plotTop + plotHeight + 27, d.date().getDayOfWeek().toString().substring(0, 1)));
      }
      h.append("</g>\n");
    }
    h.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n",
        left, plotTop + plotHeight, width - 8, plotTop + plotHeight));
    h.append("</svg>\n</section>\n");
  }

  private static String bar(String cls, double x, double w, long n, long top, double plotTop, double plotHeight) {
    double bh = plotHeight * n / top;
    return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
        cls, x, plotTop + plotHeight - bh, w, bh);
  }

  /** A step of 1, 2 or 5 times a power of ten that divides {@code max} into at most 6 parts. */
  private static long niceStep(long max) {
    long step = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if (max / (step * m) < 6) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  private static void table(StringBuilder h, String id, String unit, List<GradedUnit> units,
      Function<String, String> nameEn, Function<String, String> nameHi) {
    h.append("<div class=\"legend\">Score by indicator:");
    for (Indicator i : Indicator.values()) {
      h.append(" <span><span class=\"swatch\" style=\"background:").append(colour(i)).append("\"></span>")
          .append(esc(i.label())).append("</span>");
    }
    h.append("</div>\n<p class=\"peer-note\">").append(esc("Peers: the units of a similar volume, by complaints "
        + "received; the peer rank is the place among them."))
        .append("</p>\n");
    h.append("<table id=\"").append(id).append("\">\n<thead><tr><th>Rank</th><th class=\"name\">").append(unit)
        .append("</th><th>Grade</th><th>Score</th><th class=\"name\">Score by indicator</th>")
        .append("<th>Peer group</th><th>Peer rank</th><th>Received</th><th>Disposed</th><th>Within SLA</th>")
        .append("<th>Pending beyond SLA<br>L1/L2/L3/L4</th><th>Satisfied</th><th>Returned</th><th>Reopened</th>")
        .append("<th>Median to close</th></tr></thead>\n<tbody>\n");
    for (GradedUnit u : units) {
      UnitFigures x = u.figures();
      h.append("<tr class=\"grade-").append(u.grade()).append("\" data-code=\"").append(esc(x.code())).append("\">")
          .append(td("rank", String.valueOf(u.rank())))
          .append("<td class=\"name\">").append(esc(nameEn.apply(x.code())))
          .append(" <span class=\"hi\" lang=\"hi\">").append(esc(nameHi.apply(x.code()))).append("</span></td>")
          .append(td("grade", u.grade().name()))
          .append(td("score", Format.score(u.score())));
      breakdown(h, u);
      h.append(td("peer-group", u.peerGroup().label()))
          .append(td("peer-rank", u.peerRank() + " of " + u.peerCount()))
          .append(td("received", Format.count(x.received())))
          .append(td("disposed", Format.count(x.disposed())))
          .append(td("within-sla", Format.percent(x.slaComplianceRate())))
          .append(td("beyond-sla", Format.byLevel(x.pendingBeyondSla())))
          .append(td("satisfied", Format.percent(x.satisfactionRate())))
          .append(td("returned", Format.percent(x.returnedRate())))
          .append(td("reopened", Format.percent(x.reopenedRate())))
          .append(td("median", Format.duration(x.medianResolution())))
          .append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** A unit's score as a bar of 0 to 100 points, one segment per indicator, in indicator order. */
  private static void breakdown(StringBuilder h, GradedUnit u) {
    h.append("<td class=\"breakdown\"><svg viewBox=\"0 0 100 12\" width=\"160\" height=\"14\" role=\"img\"")
        .append(" aria-label=\"").append(esc("Score " + Format.score(u.score()) + " by indicator")).append("\">")
        .append("<rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"12\"/>");
    double x = 0;
    for (IndicatorScore s : u.breakdown()) {
      h.append(String.format(Locale.ROOT, "<rect class=\"segment\" data-indicator=\"%s\" data-points=\"%s\""
              + " x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"12\" style=\"fill:%s\"><title>%s</title></rect>",
          s.indicator().key(), Format.score(s.points()), x, s.points(), colour(s.indicator()),
          esc(s.indicator().label() + ": " + Format.score(s.points()) + " points (measure "
              + Format.percent(s.measure()) + ", weight " + Format.score(s.weight()) + ")")));
      x += s.points();
    }
    h.append("</svg></td>");
  }

  /** The colour of an indicator's segment: a fixed palette, in indicator order. */
  private static String colour(Indicator i) {
    return INDICATOR_COLOURS.get(i.ordinal() % INDICATOR_COLOURS.size());
  }

  private static String td(String cls, String text) {
    return "<td class=\"" + cls + "\">" + esc(text) + "</td>";
  }

  /** The run's other figures and the model's assumptions. */
  private static void details(StringBuilder h, RunFigures f) {
    SimulationResult r = f.result();
    h.append("<section id=\"details\">\n<h2>What happened</h2>\n<dl class=\"facts\">\n");
    fact(h, "Verification calls", Format.count(r.satisfied()) + " satisfied, " + Format.count(r.dissatisfied())
        + " not satisfied (reopened), " + Format.count(r.unreachable()) + " unreachable (called again a day later)");
    fact(h, "Replies returned", Format.count(r.returned()) + " as of poor quality by the call centre's reviewer");
    fact(h, "Documents asked for", Format.count(f.documentsRequested()) + " times, the SLA clock paused meanwhile");
    fact(h, "Rejected", Format.count(r.fake()) + " fake after a field check, " + Format.count(r.duplicates())
        + " repeat calls linked to the open complaint they repeat");
    fact(h, "Withdrawn", Format.count(r.withdrawn()) + " by the caller");
    StringBuilder esc = new StringBuilder();
    for (Map.Entry<Level, Long> e : r.escalations().entrySet()) {
      esc.append(esc.length() == 0 ? "" : ", ").append(Format.count(e.getValue())).append(" to ").append(e.getKey());
    }
    fact(h, "Escalations", (esc.length() == 0 ? "none" : esc.toString()) + "; " + Format.count(r.stuck())
        + " blocked by a vacant post above, still waiting at the end");
    StringBuilder outbox = new StringBuilder();
    for (Map.Entry<NotificationKind, Long> e : f.outbox().entrySet()) {
      outbox.append(outbox.length() == 0 ? "" : ", ").append(Format.count(e.getValue())).append(' ')
          .append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    fact(h, "Outbox deliveries", Format.count(r.outboxDelivered()) + (outbox.length() == 0 ? "" : ": " + outbox));
    h.append("</dl>\n<h2>The model</h2>\n<ul>\n");
    for (String line : List.of(
        "Calls reach the call centre from 08:00 to 20:00 every day, most on Mondays and fewest on Sundays and holidays;"
            + " each is registered and routed to its department's L1 post at once.",
        "Offices work Monday to Saturday, 10:00 to 18:00, closed on the 2nd and 4th Saturdays and on holidays"
            + " (Mahashivratri, Holi and Good Friday in March 2024).",
        "Each level has 7 working days (the MP CM Helpline ladder, L1 to L4), 3 for a HIGH complaint and 1 for an"
            + " URGENT one; a complaint not answered in time moves to the post above.",
        "Energy officers reply fastest, the municipal corporation slowest; most replies take 1 to 3 working days, a"
            + " share of each department's complaints waits a week or more, and " + Behaviour.SLOW_OFFICERS.size()
            + " L1 officers take " + Behaviour.SLOW_FACTOR + " times as long as their colleagues.",
        "The post of " + f.postTitle(Behaviour.VACANT_POST) + " (L2) falls vacant on the second day: escalations"
            + " to it are blocked and wait on the stuck list.",
        "The reviewer returns " + pct(Behaviour.RETURN_RATE) + " of replies; verification calls find "
            + pct(Behaviour.SATISFIED_RATE) + " satisfied, " + pct(Behaviour.DISSATISFIED_RATE)
            + " not satisfied (the complaint reopens) and "
            + pct(1 - Behaviour.SATISFIED_RATE - Behaviour.DISSATISFIED_RATE) + " unreachable (called again a day later).",
        pct(Behaviour.FAKE_RATE) + " of callers are fake, " + pct(Behaviour.REPEAT_RATE) + " call again about the same"
            + " problem (linked to the first by the duplicate policy), " + pct(Behaviour.WITHDRAW_RATE) + " withdraw.")) {
      h.append("<li>").append(esc(line)).append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  private static String pct(double rate) {
    return Format.percent(Optional.of(rate)).replace(".0%", "%");
  }

  private static void fact(StringBuilder h, String term, String text) {
    h.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(text)).append("</dd>\n");
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
