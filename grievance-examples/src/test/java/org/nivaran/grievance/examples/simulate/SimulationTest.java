package org.nivaran.grievance.examples.simulate;

import java.util.TreeMap;
import java.util.Map;
import java.sql.Statement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Connection;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.examples.DefaultRun;
import org.nivaran.grievance.json.NivaranJson;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.report.GradingReport;
import org.nivaran.grievance.report.Indicator;

/** The simulation: reproducible from its seed, its HTML report, and the Raipur-sized default run. */
class SimulationTest {
  private static final int SHORT_DAYS = 6;

  @TempDir
  static Path dir;

  /** A short run (6 days, 250 calls, seed 7), shared by the tests that only read it. */
  private static Run shortRun;

  /** What one run returned and printed. */
  record Run(SimulationResult result, String out, String err, byte[] html) {
    String text() {
      return new String(html, StandardCharsets.UTF_8);
    }
  }

  static Run run(Simulation.Builder options, Path output) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SimulationResult result = options.output(output).animatedProgress(false).build()
        .run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        Files.readAllBytes(output));
  }

  static Simulation.Builder shortOptions(long seed) {
    return Simulation.builder().days(SHORT_DAYS).complaints(250).seed(seed);
  }

  @BeforeAll
  static void runShort() throws IOException {
    shortRun = run(shortOptions(7), dir.resolve("short-a.html"));
  }

  /** Under a locale with its own digits and another time zone, the same seed gives the same report. */
  @Test
  void the_report_does_not_depend_on_the_default_locale_or_zone() throws IOException {
    Run plain = run(shortOptions(7), dir.resolve("root.html"));
    java.util.Locale locale = java.util.Locale.getDefault();
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
      Run elsewhere = run(shortOptions(7), dir.resolve("ar.html"));
      assertThat(elsewhere.html()).isEqualTo(plain.html());
      assertThat(elsewhere.out().replace("ar.html", "root.html")).isEqualTo(plain.out());
    } finally {
      java.util.Locale.setDefault(locale);
      java.util.TimeZone.setDefault(zone);
    }
  }

  @Test
  void the_same_seed_gives_the_same_grading_and_the_same_report_bytes_and_another_seed_does_not() throws IOException {
    Run again = run(shortOptions(7), dir.resolve("short-b.html"));
    Run other = run(shortOptions(8), dir.resolve("short-c.html"));

    assertThat(again.result().grading().toCsv()).isEqualTo(shortRun.result().grading().toCsv());
    assertThat(NivaranJson.gradingReport(again.result().grading()))
        .isEqualTo(NivaranJson.gradingReport(shortRun.result().grading()));
    assertThat(again.html()).isEqualTo(shortRun.html());
    assertThat(again.out().replace(again.result().report().toUri().toString(), ""))
        .isEqualTo(shortRun.out().replace(shortRun.result().report().toUri().toString(), ""));
    assertThat(again.result().received()).isEqualTo(shortRun.result().received());

    assertThat(other.result().grading().toCsv()).isNotEqualTo(shortRun.result().grading().toCsv());
    assertThat(other.html()).isNotEqualTo(shortRun.html());
  }

  @Test
  void the_html_report_has_one_bar_per_day_and_per_department_and_the_ranking_of_the_grading() {
    String html = shortRun.text();
    List<GradedUnit> departments = shortRun.result().grading().departments();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
    String perDay = element(html, "<svg id=\"chart-per-day\"", "</svg>");
    assertThat(count(perDay, "<rect class=\"received\"")).isEqualTo(SHORT_DAYS);
    assertThat(count(perDay, "<rect class=\"disposed\"")).isEqualTo(SHORT_DAYS);
    assertThat(all(perDay, "<g class=\"day\" data-date=\"([0-9-]+)\"")).containsExactly(
        "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08", "2024-03-09");

    String sla = element(html, "<svg id=\"chart-sla\"", "</svg>");
    assertThat(all(sla, "<g class=\"unit\" data-code=\"([A-Z]+)\""))
        .containsExactlyElementsOf(departments.stream().map(u -> u.figures().code()).toList());
    assertThat(count(sla, "<rect class=\"bar ")).isEqualTo(departments.size());

    String ranking = element(html, "<table id=\"ranking\">", "</table>");
    Matcher row = Pattern.compile("<tr class=\"grade-([ABCD])\" data-code=\"([A-Z]+)\"><td class=\"rank\">(\\d+)</td>"
        + ".*?<td class=\"grade\">([ABCD])</td><td class=\"score\">([0-9.]+)</td>").matcher(ranking);
    List<String> rows = new ArrayList<>();
    while (row.find()) {
      assertThat(row.group(1)).isEqualTo(row.group(4));
      rows.add(row.group(2) + " " + row.group(3) + " " + row.group(4) + " " + row.group(5));
    }
    assertThat(rows).containsExactlyElementsOf(departments.stream()
        .map(u -> u.figures().code() + " " + u.rank() + " " + u.grade() + " " + Format.score(u.score())).toList());
    assertThat(count(element(html, "<table id=\"districts\">", "</table>"), "<tr class=\"grade-"))
        .isEqualTo(shortRun.result().grading().districts().size()).isGreaterThanOrEqualTo(2);

    assertThat(html).contains("ऊर्जा विभाग", "रायपुर", "id=\"summary\"");
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<img", "url(", "@import");
  }

  @Test
  void the_css_names_linux_and_windows_devanagari_fonts_before_the_generic_family() {
    String css = element(shortRun.text(), "<style>", "</style>");
    Matcher stacks = Pattern.compile("font(?:-family)?:\\s*([^;]+);").matcher(css);
    List<String> devanagari = new ArrayList<>();
    while (stacks.find()) {
      String stack = stacks.group(1).replaceAll("\\s+", " ");
      if (stack.contains("Devanagari")) {
        devanagari.add(stack);
      }
    }

    assertThat(devanagari).hasSize(2).allSatisfy(stack -> {
      assertThat(stack).contains("\"Noto Sans Devanagari\"", "\"Lohit Devanagari\"", "\"Nirmala UI\"", "Mangal")
          .endsWith("sans-serif");
      assertThat(stack.indexOf("Lohit Devanagari")).isLessThan(stack.indexOf("sans-serif"));
    });
    assertThat(css).contains(":lang(hi) { font-family: \"Noto Sans Devanagari\", \"Lohit Devanagari\"");
  }

  @Test
  void the_sla_chart_axis_starts_where_the_shares_do_and_is_labelled() {
    List<GradedUnit> departments = shortRun.result().grading().departments();
    SlaChart.Axis axis = SlaChart.Axis.over(departments.stream()
        .flatMap(u -> u.figures().slaComplianceRate().stream()).toList());
    String sla = element(shortRun.text(), "<svg id=\"chart-sla\"", "</svg>");

    assertThat(all(sla, "<svg id=\"chart-sla\" data-axis-start=\"(\\d+)\"")).containsExactly(String.valueOf(axis.start()));
    assertThat(all(sla, "<text class=\"muted tick\" data-value=\"(\\d+)\"")).containsExactlyElementsOf(
        axis.ticks().stream().map(String::valueOf).toList());
    assertThat(all(sla, "text-anchor=\"middle\">(\\d+%)</text>")).containsExactlyElementsOf(
        axis.ticks().stream().map(t -> t + "%").toList());
    assertThat(all(sla, "<text class=\"axis-label\"[^>]*>([^<]+)</text>")).singleElement().asString()
        .startsWith("Share of disposals within SLA")
        .contains(axis.start() == 0 ? "SLA" : "the axis starts at " + axis.start() + "%, not 0");
    double lowest = departments.stream().flatMap(u -> u.figures().slaComplianceRate().stream())
        .mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(lowest * 100).isGreaterThanOrEqualTo(axis.start() + 5);
  }

  /** In the default month every department disposes of more than 80% within SLA: no bar may start at 0. */
  @Test
  void the_default_months_sla_chart_starts_its_axis_near_the_lowest_department_not_at_0() {
    String sla = element(DefaultRun.get().html(), "<svg id=\"chart-sla\"", "</svg>");
    List<Double> shares = all(sla, "<text x=\"[0-9.]+\" y=\"[0-9.]+\">([0-9.]+)%</text></g>").stream()
        .map(Double::parseDouble).toList();
    int start = Integer.parseInt(all(sla, "data-axis-start=\"(\\d+)\"").get(0));

    assertThat(shares).hasSize(DefaultRun.get().html().split("<g class=\"unit\"").length - 1);
    assertThat(start).isPositive().isLessThanOrEqualTo((int) (Collections.min(shares) - 5));
    assertThat(all(sla, "data-value=\"(\\d+)\"")).first().isEqualTo(String.valueOf(start));
    assertThat(all(sla, "data-value=\"(\\d+)\"")).last().isEqualTo("100");
    assertThat(sla).contains("the axis starts at " + start + "%, not 0");
  }

  @Test
  void the_html_tables_show_each_units_peer_group_and_rank_and_its_score_by_indicator() {
    String html = shortRun.text();
    GradingReport grading = shortRun.result().grading();
    assertThat(grading.scheme()).isEqualTo(Simulation.scheme(250));
    assertThat(grading.scheme().peerGroups()).hasSize(2);

    for (String id : List.of("ranking", "districts")) {
      String table = element(html, "<table id=\"" + id + "\">", "</table>");
      List<GradedUnit> units = id.equals("ranking") ? grading.departments() : grading.districts();
      assertThat(table).contains("<th>Peer group</th><th>Peer rank</th>");
      for (GradedUnit u : units) {
        String row = element(table, "data-code=\"" + u.code() + "\">", "</tr>");
        assertThat(row).contains("<td class=\"peer-group\">" + HtmlReport.esc(u.peerGroup().label()) + "</td>")
            .contains("<td class=\"peer-rank\">" + u.peerRank() + " of " + u.peerCount() + "</td>");
        List<String> indicators = all(row, "data-indicator=\"([a-z_]+)\"");
        assertThat(indicators).containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::key).toList());
        BigDecimal points = all(row, "data-points=\"([0-9.]+)\"").stream().map(BigDecimal::new)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(points).isEqualByComparingTo(Format.score(u.score()));
      }
    }
    // both groups have departments in them: 18% of 250 is 45 received
    assertThat(grading.departments()).extracting(u -> u.peerGroup().number()).contains(1, 2);
    assertThat(grading.departments()).allMatch(u -> u.peerRank() <= u.rank());
  }

  @Test
  void text_is_escaped_for_html() {
    assertThat(HtmlReport.esc("<b>\"Ram & Shyam's\"</b> रायपुर")).isEqualTo(
        "&lt;b&gt;&quot;Ram &amp; Shyam&#39;s&quot;&lt;/b&gt; रायपुर");
  }

  @Test
  void without_a_console_progress_is_a_few_plain_lines() {
    assertThat(shortRun.err().lines().toList()).hasSize(2).allMatch(l -> l.matches("day \\d+/6 · [\\d,]+ complaints"));
    assertThat(shortRun.err()).doesNotContain("\r");
  }

  /** The two districts are two tenants of the one store, with places and portal grievances. */
  @Test
  void the_two_districts_are_two_tenants_of_one_store() throws IOException {
    Map<String, Long> byTenant = new TreeMap<>();
    long[] located = new long[1];
    long[] referenced = new long[1];
    Run run = run(shortOptions(7).inspect(ds -> {
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        try (ResultSet rs = st.executeQuery("SELECT tenant_id, COUNT(*) FROM nivaran_complaint GROUP BY tenant_id")) {
          while (rs.next()) {
            byTenant.put(rs.getString(1), rs.getLong(2));
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM nivaran_complaint WHERE latitude IS NOT NULL")) {
          rs.next();
          located[0] = rs.getLong(1);
        }
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM nivaran_reference WHERE source = 'JANSUNWAI-CG'")) {
          rs.next();
          referenced[0] = rs.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }), dir.resolve("tenants.html"));
    StateFigures state = run.result().state();

    assertThat(byTenant).containsOnlyKeys("cg-raipur", "cg-durg");
    assertThat(byTenant.get("cg-raipur")).isEqualTo(state.received(Districts.RAIPUR)).isPositive();
    assertThat(byTenant.get("cg-durg")).isEqualTo(state.received(Districts.DURG)).isPositive();
    assertThat(state.received(Districts.RAIPUR) + state.received(Districts.DURG)).isEqualTo(run.result().received());
    assertThat(located[0]).isEqualTo(state.located()).isPositive();
    assertThat(referenced[0]).isEqualTo(state.viaPortal()).isPositive();
    assertThat(run.out()).contains("two districts as two tenants of one store: Raipur ");
    assertThat(run.text()).contains("<dl class=\"facts\" id=\"state\">", "Jan Sunwai portal");
  }

  @Test
  void the_default_run_reaches_the_raipur_numbers_and_escalates_some_complaints() {
    DefaultRun run = DefaultRun.get(); // no arguments: 26 days, about 1,100 calls, seed 2024

    long received = number(run.out(), "received ([\\d,]+) · disposed");
    long toL2 = number(run.out(), "escalations: ([\\d,]+) to L2");
    assertThat(received).isBetween(1_000L, 1_200L);
    assertThat(toL2).isPositive();
    assertThat(number(run.out(), "· disposed ([\\d,]+) ")).isGreaterThan(received / 2);
    assertThat(count(element(run.html(), "<table id=\"ranking\">", "</table>"), "<tr class=\"grade-")).isEqualTo(6);
    assertThat(count(element(run.html(), "<table id=\"districts\">", "</table>"), "<tr class=\"grade-")).isEqualTo(2);
    assertThat(run.err()).contains("day 5/26 · ", "day 26/26 · ");
    // the district's policies are at work: repeat calls are linked, fake callers are found out
    assertThat(number(run.out(), "· repeats linked ([\\d,]+) ")).isPositive();
    assertThat(number(run.out(), "· fake ([\\d,]+) ")).isPositive();
    // and the helpline's rules: priorities, first response, additional charge, two-person closure
    assertThat(number(run.out(), "· ([\\d,]+) raised by a supervisor")).isPositive();
    assertThat(number(run.out(), "first response: ([\\d,]+) due")).isPositive();
    assertThat(number(run.out(), "· ([\\d,]+) missed, flagged")).isPositive();
    assertThat(run.out()).contains("  additional charge: 2 given · 2 ended · ").contains(" · 0 left waiting");
    assertThat(number(run.out(), "special closure: ([\\d,]+) requested")).isPositive();
    assertThat(number(run.out(), "· ([\\d,]+) approved · ")).isPositive();
    // and the state platform: places, the portal, a portal number quoted on a call answered with its complaint
    assertThat(number(run.out(), "· ([\\d,]+) with a place")).isPositive();
    assertThat(number(run.out(), "· ([\\d,]+) from the Jan Sunwai portal")).isPositive();
    assertThat(number(run.out(), "· ([\\d,]+) calls quoting a portal number already known")).isPositive();
    System.out.println("default run, " + run.millis() + " ms:\n" + run.out().lines().limit(11).reduce("", (a, l) -> a + l + "\n"));
  }

  private static long number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in %s", regex, text).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static String element(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as("%s in the report", start).isNotNegative();
    return html.substring(from, html.indexOf(end, from) + end.length());
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }

  private static List<String> all(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
