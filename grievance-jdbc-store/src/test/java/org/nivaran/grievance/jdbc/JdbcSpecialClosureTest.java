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
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.SpecialClosureReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.policy.SpecialClosurePolicy;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * Two-person special closure on the JDBC store: the request and its approval are stored as events
 * that replay to the stored complaint, the pending request survives the stored complaint document,
 * and the outbox holds the citizen's notice before the closure's notification, in the same change.
 */
class JdbcSpecialClosureTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z"); // Mon 4 March 11:00 IST
  private static final PostId EE = PostId.of("EE-RAIPUR");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theCitizensNoticeIsInTheOutboxBeforeTheClosure(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = SampleDistrict.grievances(store, clock)
          .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST))
          .specialClosurePolicy(SpecialClosurePolicy.ofDefaults())
          .build();
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      assertThat(c.post()).contains(SampleDistrict.ENERGY_L1);

      Complaint requested = g.execute(c.id(), new ComplaintCommand.RequestSpecialClosure(
          SpecialClosureReason.SUB_JUDICE, "मामला उच्च न्यायालय में विचाराधीन"), SampleDistrict.officer(SampleDistrict.ENERGY_L1));
      assertThat(store.find(TenantId.DEFAULT, c.id()).orElseThrow()).isEqualTo(requested);
      assertThat(requested.specialClosureRequest()).isPresent();

      Complaint closed = g.execute(c.id(), new ComplaintCommand.ApproveSpecialClosure("याचिका देखी"),
          SampleDistrict.officer(EE));

      assertThat(closed.status()).isEqualTo(Status.CLOSED);
      assertThat(store.find(TenantId.DEFAULT, c.id()).orElseThrow()).isEqualTo(closed);
      List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
      assertThat(events.get(events.size() - 2)).isInstanceOf(ComplaintEvent.SpecialClosureApproved.class);
      assertThat(events.get(events.size() - 1)).isInstanceOf(ComplaintEvent.ComplaintSpeciallyClosed.class);
      assertThat(Lifecycle.replay(events)).isEqualTo(closed);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();

      List<String> told = new ArrayList<>();
      try (Connection conn = db.dataSource().getConnection();
          PreparedStatement ps = conn.prepareStatement(
              "SELECT kind, event_sequence FROM nivaran_outbox WHERE complaint_id = ? AND event_sequence > ? ORDER BY seq")) {
        ps.setString(1, c.id().value());
        ps.setLong(2, requested.version());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            told.add(rs.getString(1) + " " + rs.getLong(2));
          }
        }
      }
      assertThat(told).containsExactly(
          "SPECIAL_CLOSURE_NOTICE " + (requested.version() + 1), "CLOSED " + (requested.version() + 2));
    }
  }

  /**
   * A request that waits too long, on the JDBC store: its approval deadline is the complaint's
   * indexed due instant (the store finds it among the overdue ones by then, days before the level's
   * SLA), the escalator moves the approval up once per 24-hour deadline and then flags it; the flag
   * is listed, and the stored complaint, its columns and its log agree.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRequestThatWaitsTooLongMovesUpAndIsFlaggedAtTheTop(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = SampleDistrict.grievances(store, clock)
          .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST))
          .specialClosurePolicy(SpecialClosurePolicy.builder()
              .approvalWithin(SlaBudget.openTime(Duration.ofHours(24)), "24X7").build())
          .build();
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint requested = g.execute(c.id(), new ComplaintCommand.RequestSpecialClosure(
          SpecialClosureReason.POLICY_MATTER, "बिजली दर नीति का विषय"), SampleDistrict.officer(SampleDistrict.ENERGY_L1));
      Instant eeDue = T0.plus(Duration.ofHours(24));
      assertThat(requested.dueAt()).contains(eeDue);
      assertThat(store.find(TenantId.DEFAULT, c.id()).orElseThrow()).isEqualTo(requested);
      assertThat(Page.collect(p -> store.overdue(TenantId.DEFAULT, eeDue.minusSeconds(1), p), 10)).isEmpty();
      assertThat(Page.collect(p -> store.overdue(TenantId.DEFAULT, eeDue, p), 10)).extracting(Complaint::id).containsExactly(c.id());

      clock.set(T0.plus(Duration.ofHours(80)));
      EscalationReport report = g.escalator().sweep();

      assertThat(report.outcomes()).extracting(EscalationReport.Outcome::action).containsExactly(
          EscalationReport.Action.SPECIAL_CLOSURE_ESCALATED, EscalationReport.Action.SPECIAL_CLOSURE_ESCALATED,
          EscalationReport.Action.SPECIAL_CLOSURE_OVERDUE);
      Complaint flagged = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
      assertThat(flagged.specialClosureRequest().flatMap(r -> r.approver())).contains(PostId.of("CE-CG"));
      assertThat(flagged.flags()).containsExactly(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE);
      List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
      assertThat(events.subList(events.size() - 3, events.size())).extracting(ComplaintEvent::occurredAt)
          .containsExactly(eeDue, T0.plus(Duration.ofHours(48)), T0.plus(Duration.ofHours(72)));
      assertThat(Lifecycle.replay(events)).isEqualTo(flagged);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();
      assertThat(Page.collect(p -> store.flagged(TenantId.DEFAULT, ComplaintFlag.SPECIAL_CLOSURE_OVERDUE, p), 10))
          .containsExactly(flagged);
      assertThat(g.escalator().sweep().outcomes()).isEmpty();
    }
  }
}
