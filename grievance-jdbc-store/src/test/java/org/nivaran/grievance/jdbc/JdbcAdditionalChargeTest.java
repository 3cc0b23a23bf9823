package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * The additional charge of a vacant post on the JDBC store: a complaint stuck because the EE's post
 * fell vacant moves up on the next sweep once the SE gives the post's charge to the AE; the
 * complaint stays assigned to the EE's post (the store's pending list of that post has it), the
 * officer in charge is told through the outbox under the post, acts on it from the post and sees it
 * in their work list, until the charge runs out.
 */
class JdbcAdditionalChargeTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z"); // Mon 4 March 11:00 IST
  private static final PostId AE = SampleDistrict.ENERGY_L1;
  private static final PostId EE = PostId.of("EE-RAIPUR");
  private static final String IN_CHARGE = "OFF-AE-RAIPUR";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aComplaintStuckAtAVacantPostMovesUpToItsOfficerInChargeAndStaysWithThePost(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = SampleDistrict.grievances(store, clock)
          .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build();
      g.transferOfficer(EE, Optional.empty());
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      clock.set(T0.plus(Duration.ofDays(8)));
      g.escalator().sweep();
      assertThat(g.stuck(10)).extracting(Complaint::id).containsExactly(c.id());

      g.giveAdditionalCharge(SampleDistrict.supervisor(PostId.of("SE-RAIPUR")), EE, IN_CHARGE,
          T0.plus(Duration.ofDays(30)), "EE Raipur transferred; the AE holds the charge");
      clock.set(T0.plus(Duration.ofDays(9)));
      g.escalator().sweep();

      assertThat(store.find(TenantId.DEFAULT, c.id()).orElseThrow().post()).contains(EE);
      assertThat(g.stuck(10)).isEmpty();
      assertThat(store.pendingAt(TenantId.DEFAULT, EE, PageRequest.first(10)).items()).extracting(Complaint::id).containsExactly(c.id());
      assertThat(g.workListOf(IN_CHARGE)).containsOnlyKeys(AE, EE);
      assertThat(g.workListOf(IN_CHARGE).get(EE)).extracting(Complaint::id).containsExactly(c.id());
      assertThat(outbox(db, c)).contains("ESCALATED_TO_YOU EE-RAIPUR");

      Complaint resolved = g.execute(c.id(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()),
          Actor.officer(IN_CHARGE, EE));
      assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
      assertThat(store.find(TenantId.DEFAULT, c.id()).orElseThrow().post()).contains(EE);

      clock.set(T0.plus(Duration.ofDays(30)));
      assertThat(g.workListOf(IN_CHARGE)).containsOnlyKeys(AE);
      assertThatThrownBy(() -> g.execute(c.id(), new ComplaintCommand.Reopen("still no power"), Actor.officer(IN_CHARGE, EE)))
          .isInstanceOfSatisfying(ActorNotPermittedException.class,
              e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY));
    }
  }

  private static List<String> outbox(TestDatabase db, Complaint c) throws Exception {
    List<String> told = new ArrayList<>();
    try (Connection conn = db.dataSource().getConnection();
        PreparedStatement ps = conn.prepareStatement(
            "SELECT kind, recipient_post FROM nivaran_outbox WHERE complaint_id = ? ORDER BY seq")) {
      ps.setString(1, c.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          told.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    return told;
  }
}
