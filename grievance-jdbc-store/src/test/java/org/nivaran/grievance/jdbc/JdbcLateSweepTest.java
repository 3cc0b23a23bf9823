package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * A sweep weeks late catches a complaint up to the top in one pass on the JDBC store: one change,
 * one escalation per level stamped when that level ran out, one notification in the outbox.
 *
 * <p>{@link SampleDistrict}: the MP ladder, 7 days a level on a round-the-clock IST calendar; a
 * budget of 7 working days ends at the close (midnight IST) of the 7th day after the date the
 * clock starts. Registered Mon 4 March 2024 11:00 IST: L1 runs out at the end of Mon 11 March
 * (12 March 00:00 IST), L2 at the end of Tue 19 March, L3 at the end of Wed 27 March, L4 at the
 * end of Thu 4 April.
 */
class JdbcLateSweepTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z"); // Mon 4 March 11:00 IST
  private static final Instant L1_RAN_OUT = Instant.parse("2024-03-11T18:30:00Z");
  private static final Instant L2_RAN_OUT = Instant.parse("2024-03-19T18:30:00Z");
  private static final Instant L3_RAN_OUT = Instant.parse("2024-03-27T18:30:00Z");
  private static final Instant L4_RAN_OUT = Instant.parse("2024-04-04T18:30:00Z");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aSweepWeeksLateTakesAComplaintToTheTopInOneChange(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = SampleDistrict.grievances(store, clock)
          .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build();
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      assertThat(c.dueAt()).contains(L1_RAN_OUT);

      clock.set(T0.plus(Duration.ofDays(40))); // Sat 13 April: the sweeper was down since registration
      EscalationReport report = g.escalator().sweep();

      Complaint after = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
      assertThat(after.post()).contains(PostId.of("CE-CG"));
      assertThat(after.level()).contains(Level.L4);
      assertThat(after.flags()).containsExactly(ComplaintFlag.OVERDUE_AT_TOP);
      assertThat(report.count(EscalationReport.Action.ESCALATED)).isEqualTo(3);
      assertThat(report.count(EscalationReport.Action.OVERDUE_AT_TOP)).isEqualTo(1);
      List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
      List<ComplaintEvent> appended = events.subList((int) c.version(), events.size());
      assertThat(appended).extracting(ComplaintEvent::occurredAt).containsExactly(
          L1_RAN_OUT, L1_RAN_OUT, L2_RAN_OUT, L2_RAN_OUT, L3_RAN_OUT, L3_RAN_OUT, L4_RAN_OUT);
      assertThat(appended.stream().filter(e -> e instanceof ComplaintEvent.ComplaintEscalated)
          .map(e -> ((ComplaintEvent.ComplaintEscalated) e).to().post().code()))
          .containsExactly("EE-RAIPUR", "SE-RAIPUR", "CE-CG");
      assertThat(Lifecycle.replay(events)).isEqualTo(after);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();
      assertThat(store.claimDue(TenantId.DEFAULT, clock.instant(), 10, Duration.ofMinutes(5))).isEmpty();

      List<String> told = new ArrayList<>();
      try (Connection conn = db.dataSource().getConnection();
          PreparedStatement ps = conn.prepareStatement(
              "SELECT kind, recipient_post FROM nivaran_outbox WHERE complaint_id = ? AND event_sequence > ? ORDER BY seq")) {
        ps.setString(1, c.id().value());
        ps.setLong(2, c.version());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            told.add(rs.getString(1) + " " + rs.getString(2));
          }
        }
      }
      assertThat(told).as("the post it ended at, not those it passed through").containsExactly("ESCALATED_TO_YOU CE-CG");
    }
  }
}
