package org.nivaran.grievance.examples.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.report.GradedUnit;
import org.nivaran.grievance.sla.Priority;

/**
 * The helpline's rules in the simulation: a 10-day run (both vacancies and their charges fall in
 * it), its figures checked against the events in its store, and their place in both reports.
 */
class HelplineRulesTest {
  @TempDir
  static Path dir;

  private static SimulationTest.Run run;
  /** Events in the store at the end of the run, by type. */
  private static final Map<String, Long> byType = new HashMap<>();
  private static long notReachableEvents;
  private static long firstResponseFlags;
  private static long eventsUnderCharge;
  private static long untouchedAtVacatedPosts;
  private static long complaintsAtVacatedPosts;

  /** Each vacated post with the officer who holds its charge. */
  private static final Map<PostId, String> CHARGED = Map.of(
      HelplineRules.VACATED.get(0), "OFF-REVENUE-L1-RAIPUR.ABHANPUR",
      HelplineRules.VACATED.get(1), "OFF-ENERGY-L1-DURG.DHAMDHA");

  @BeforeAll
  static void runTenDays() throws IOException {
    run = SimulationTest.run(Simulation.builder().days(10).complaints(400).seed(11).inspect(HelplineRulesTest::read),
        dir.resolve("ten-days.html"));
  }

  private static void read(DataSource ds) {
    try (Connection c = ds.getConnection()) {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT type, COUNT(*) FROM nivaran_event GROUP BY type")) {
        while (rs.next()) {
          byType.put(rs.getString(1), rs.getLong(2));
        }
      }
      notReachableEvents = count(c, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ContactRecorded'"
          + " AND payload LIKE '%NOT_REACHABLE%'");
      firstResponseFlags = count(c, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ComplaintFlagged'"
          + " AND payload LIKE '%FIRST_RESPONSE_MISSED%'");
      for (Map.Entry<PostId, String> e : CHARGED.entrySet()) {
        // the officer in charge acts from the vacated post
        eventsUnderCharge += count(c, "SELECT COUNT(*) FROM nivaran_event WHERE payload LIKE ?",
            "%\"officerId\":\"" + e.getValue() + "\",\"post\":\"" + e.getKey().code() + "\"%");
        complaintsAtVacatedPosts += count(c, "SELECT COUNT(DISTINCT complaint_id) FROM nivaran_event WHERE post_code = ?",
            e.getKey().code());
        // registered before Thursday 7 March: at least four working days before the end for someone to act
        untouchedAtVacatedPosts += count(c, "SELECT COUNT(*) FROM nivaran_complaint WHERE post_code = ?"
            + " AND status = 'ASSIGNED' AND registered_at < ?", e.getKey().code(),
            OffsetDateTime.ofInstant(Instant.parse("2024-03-06T18:30:00Z"), ZoneOffset.UTC));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static long count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long events(String type) {
    return byType.getOrDefault(type, 0L);
  }

  @Test
  void priorities_cover_every_complaint_and_the_raises_are_the_stores_priority_changes() {
    HelplineFigures h = run.result().helpline();
    assertThat(h.byPriority().keySet()).containsExactly(Priority.values());
    assertThat(h.byPriority().values()).allSatisfy(n -> {
      assertThat(n.received()).isPositive();
      assertThat(n.disposedWithinSla()).isLessThanOrEqualTo(n.disposed());
    });
    assertThat(h.byPriority().values().stream().mapToLong(HelplineFigures.PriorityCount::received).sum())
        .isEqualTo(run.result().received());
    assertThat(h.byPriority().values().stream().mapToLong(HelplineFigures.PriorityCount::disposed).sum())
        .isEqualTo(run.result().disposed());
    assertThat(h.prioritiesRaised()).isPositive().isEqualTo(events("PriorityChanged"));
  }

  @Test
  void first_responses_are_recorded_made_in_time_and_missed_as_the_store_and_the_grading_say() {
    HelplineFigures h = run.result().helpline();
    assertThat(h.contactsRecorded()).isPositive().isEqualTo(events("ContactRecorded"));
    assertThat(h.notReachable()).isPositive().isEqualTo(notReachableEvents).isLessThan(h.contactsRecorded());
    assertThat(h.firstResponsesMissed()).isPositive().isEqualTo(firstResponseFlags);
    assertThat(h.firstResponsesDue()).isPositive().isLessThanOrEqualTo(events("FirstResponseDueSet"))
        .isEqualTo(run.result().grading().departments().stream().mapToLong(u -> u.figures().firstResponsesDue()).sum());
    assertThat(h.firstResponsesInTime()).isPositive().isLessThan(h.firstResponsesDue())
        .isEqualTo(run.result().grading().departments().stream()
            .mapToLong((GradedUnit u) -> u.figures().firstResponsesInTime()).sum());
    assertThat(h.firstResponseRate()).hasValueSatisfying(r -> assertThat(r).isBetween(0.6, 0.95));
  }

  @Test
  void vacant_posts_are_held_by_an_additional_charge_and_nothing_waits_on_them() {
    HelplineFigures h = run.result().helpline();
    assertThat(h.chargesGiven()).isEqualTo(2);
    assertThat(h.chargesEnded()).isEqualTo(2);
    assertThat(h.actsUnderCharge()).isPositive().isEqualTo(eventsUnderCharge);
    assertThat(h.complaintsUnderCharge()).isPositive().isLessThanOrEqualTo(h.actsUnderCharge());
    assertThat(complaintsAtVacatedPosts).isGreaterThan(h.complaintsUnderCharge());
    assertThat(h.leftWaiting()).isZero();
    assertThat(untouchedAtVacatedPosts).isZero();
  }

  @Test
  void special_closures_are_requested_at_l1_and_decided_from_the_post_above() {
    HelplineFigures h = run.result().helpline();
    assertThat(h.specialClosuresRequested()).isPositive().isEqualTo(events("SpecialClosureRequested"));
    assertThat(h.specialClosuresApproved()).isPositive().isEqualTo(events("SpecialClosureApproved"));
    assertThat(h.specialClosuresRefused()).isEqualTo(events("SpecialClosureRefused"));
    assertThat(h.specialClosuresApproved() + h.specialClosuresRefused()).isLessThanOrEqualTo(h.specialClosuresRequested());
    assertThat(events("ComplaintSpeciallyClosed")).isEqualTo(h.specialClosuresApproved());
  }

  @Test
  void both_reports_show_the_helpline_figures() {
    HelplineFigures h = run.result().helpline();
    String out = run.out();
    assertThat(out).contains("  priority: urgent " + Format.count(h.byPriority().get(Priority.URGENT).received()) + " (")
        .contains(Format.count(h.prioritiesRaised()) + " raised by a supervisor")
        .contains("  first response: " + Format.count(h.firstResponsesDue()) + " due · "
            + Format.count(h.firstResponsesInTime()) + " in time (" + Format.percent(h.firstResponseRate()) + ")")
        .contains("  additional charge: 2 given · 2 ended · " + Format.count(h.actsUnderCharge()) + " acts on "
            + Format.count(h.complaintsUnderCharge()) + " complaints")
        .contains("  special closure: " + Format.count(h.specialClosuresRequested()) + " requested · "
            + Format.count(h.specialClosuresApproved()) + " approved · " + Format.count(h.specialClosuresRefused())
            + " refused");

    String html = run.text();
    String table = html.substring(html.indexOf("<table id=\"priorities\">"), html.indexOf("</table>",
        html.indexOf("<table id=\"priorities\">")));
    Matcher row = Pattern.compile("<tr data-priority=\"([A-Z]+)\"><td class=\"priority\">[a-z]+</td>"
        + "<td class=\"received\">([\\d,]+)</td><td class=\"disposed\">([\\d,]+)</td>").matcher(table);
    List<String> rows = new ArrayList<>();
    while (row.find()) {
      HelplineFigures.PriorityCount n = h.byPriority().get(Priority.valueOf(row.group(1)));
      assertThat(row.group(2)).isEqualTo(Format.count(n.received()));
      assertThat(row.group(3)).isEqualTo(Format.count(n.disposed()));
      rows.add(row.group(1));
    }
    assertThat(rows).containsExactly("URGENT", "HIGH", "NORMAL", "LOW");
    assertThat(html).contains("<dt id=\"first-response\">", "<dt id=\"additional-charge\">",
        "<dt id=\"special-closure\">", "<dt id=\"priorities-raised\">")
        .contains(Format.count(h.specialClosuresApproved()) + " approved and "
            + Format.count(h.specialClosuresRefused()) + " refused from the post above");
  }
}
