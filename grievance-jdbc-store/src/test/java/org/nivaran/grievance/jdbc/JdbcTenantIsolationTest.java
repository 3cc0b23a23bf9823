package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.TenantFixtures.KANPUR;
import static org.nivaran.grievance.jdbc.TenantFixtures.LUCKNOW;
import static org.nivaran.grievance.jdbc.TenantFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.tenant.TenantId;

/** Two districts as two tenants of one JDBC store: no read, list, claim or history crosses from one to the other. */
class JdbcTenantIsolationTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void two_tenants_hold_the_same_complaint_id_and_the_same_idempotency_key_apart(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances lucknow = TenantFixtures.grievances(store, clock, LUCKNOW);
      Grievances kanpur = TenantFixtures.grievances(store, clock, KANPUR);
      RegisterComplaint request = TenantFixtures.keyed(2, "call-1");

      Complaint inLucknow = lucknow.register(request, SampleDistrict.AGENT);
      clock.advance(Duration.ofMinutes(1));
      Complaint inKanpur = kanpur.register(TenantFixtures.keyed(4, "call-1"), SampleDistrict.AGENT);

      assertThat(inKanpur.id()).as("each tenant numbers its own complaints").isEqualTo(inLucknow.id());
      assertThat(inLucknow.tenant()).isEqualTo(LUCKNOW);
      assertThat(inKanpur.tenant()).isEqualTo(KANPUR);
      assertThat(store.find(LUCKNOW, inLucknow.id())).contains(inLucknow);
      assertThat(store.find(KANPUR, inKanpur.id())).contains(inKanpur);
      assertThat(store.find(TenantId.DEFAULT, inLucknow.id())).isEmpty();
      assertThat(store.events(LUCKNOW, inLucknow.id())).hasSize((int) inLucknow.version());
      assertThat(store.events(KANPUR, inKanpur.id()).get(0).occurredAt()).isEqualTo(inKanpur.registeredAt());
      assertThat(store.events(TenantId.of("up-agra"), inLucknow.id())).isEmpty();

      assertThat(store.findByIdempotencyKey(LUCKNOW, "call-1", request.fingerprint())).contains(inLucknow);
      assertThat(store.findByIdempotencyKey(TenantId.of("up-agra"), "call-1", request.fingerprint())).isEmpty();
      assertThatThrownBy(() -> store.findByIdempotencyKey(KANPUR, "call-1", request.fingerprint()))
          .as("Kanpur's key is for Kanpur's request").isInstanceOf(IdempotencyConflictException.class);
      assertThat(lucknow.register(request, SampleDistrict.AGENT)).as("a retry in Lucknow replays Lucknow's")
          .isEqualTo(inLucknow);
      assertThat(store.verifyLog(LUCKNOW, inLucknow.id()).findings()).isEmpty();
      assertThat(store.verifyLog(KANPUR, inKanpur.id()).findings()).isEmpty();
      assertThat(store.audit().tenants()).containsExactly(KANPUR, LUCKNOW);
      assertThat(store.audit().auditAll(KANPUR, Optional.empty(), 10).checked()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void work_lists_sweeps_and_the_callers_history_are_each_of_one_tenant(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances lucknow = TenantFixtures.grievances(store, clock, LUCKNOW);
      Grievances kanpur = TenantFixtures.grievances(store, clock, KANPUR);
      Complaint l1 = lucknow.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint l2 = lucknow.register(SampleDistrict.request(4), SampleDistrict.AGENT);
      Complaint k1 = kanpur.register(SampleDistrict.request(2), SampleDistrict.AGENT); // the same citizen, in Kanpur
      Instant late = k1.dueAt().orElseThrow().plusSeconds(1);

      assertThat(Page.collect(p -> store.pendingAt(LUCKNOW, SampleDistrict.ENERGY_L1, p), 10)).containsExactly(l1, l2);
      assertThat(Page.collect(p -> store.pendingAt(KANPUR, SampleDistrict.ENERGY_L1, p), 10)).containsExactly(k1);
      assertThat(Page.collect(p -> store.overdue(KANPUR, late, p), 10)).containsExactly(k1);
      assertThat(Page.collect(p -> store.byStatus(LUCKNOW, Status.ASSIGNED, SampleDistrict.WARD, p), 10))
          .containsExactly(l1, l2);
      assertThat(Page.collect(p -> store.byCitizen(KANPUR, k1.citizen().phone(), p), 10)).containsExactly(k1);
      assertThat(store.byCitizen(TenantId.DEFAULT, k1.citizen().phone(), PageRequest.first(10)).items()).isEmpty();
      assertThat(store.registeredSince(LUCKNOW, l1.citizen().phone(), T0.minusSeconds(1))).containsExactly(l1);
      assertThat(store.registeredSince(KANPUR, l1.citizen().phone(), T0.minusSeconds(1))).containsExactly(k1);

      assertThat(store.claimDue(KANPUR, late, 10, Duration.ofMinutes(5))).containsExactly(k1);
      assertThat(store.claimDue(LUCKNOW, late, 10, Duration.ofMinutes(5)))
          .as("Kanpur's sweep claimed none of Lucknow's complaints").containsExactly(l1, l2);
      assertThat(store.claimDue(KANPUR, late, 10, Duration.ofMinutes(5))).isEmpty();

      Complaint fake = TenantFixtures.run(store, TenantFixtures.create(store, KANPUR, "C-FAKE", T0,
              SampleDistrict.request(2), Optional.empty()),
          new ComplaintCommand.Reject(RejectionReason.FAKE, "जाँच में पाया", Optional.empty()), SampleDistrict.AGENT);
      Instant closed = fake.updatedAt();
      assertThat(store.countFakeClosures(KANPUR, k1.citizen().phone(), T0, closed)).isEqualTo(1);
      assertThat(store.fakeClosures(KANPUR, k1.citizen().phone(), T0, closed)).containsExactly(fake);
      assertThat(store.countFakeClosures(LUCKNOW, k1.citizen().phone(), T0, closed)).isZero();
      assertThat(store.fakeClosures(LUCKNOW, k1.citizen().phone(), T0, closed)).isEmpty();
      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofMinutes(5))).isEmpty();
      List<Complaint> flaggedNowhere = store.flagged(TenantId.DEFAULT,
          ComplaintFlag.POSSIBLE_REPEAT, PageRequest.first(10)).items();
      assertThat(flaggedNowhere).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_batch_is_of_one_tenant_and_a_change_finds_its_complaint_only_in_its_own_tenant(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      Complaint l = TenantFixtures.create(store, LUCKNOW, "C-1", T0, SampleDistrict.request(2), Optional.empty());
      Complaint k = TenantFixtures.create(store, KANPUR, "C-2", T0, SampleDistrict.request(4), Optional.empty());
      Append toLucknow = TenantFixtures.decided(l,
          new ComplaintCommand.Assign(SampleDistrict.ENERGY_L1, "ENERGY", Level.L1),
          TenantFixtures.SYSTEM);
      Append toKanpur = TenantFixtures.decided(k,
          new ComplaintCommand.Assign(SampleDistrict.ENERGY_L1, "ENERGY", Level.L1),
          TenantFixtures.SYSTEM);

      assertThatThrownBy(() -> store.appendAll(List.of(toLucknow, toKanpur)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one tenant");
      assertThat(store.events(LUCKNOW, l.id())).hasSize(1);
      assertThat(store.events(KANPUR, k.id())).hasSize(1);

      Complaint elsewhere = Complaint.builder().from(toLucknow.state()).tenant(KANPUR).build();
      assertThatThrownBy(() -> store.append(new Append(elsewhere, toLucknow.events(),
          toLucknow.expectedVersion(), List.of())))
          .as("Kanpur has no C-1").isInstanceOf(ComplaintNotFoundException.class);
      assertThat(store.find(LUCKNOW, l.id())).contains(l);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_checkpoint_covers_every_tenant_and_finds_a_changed_row_in_any(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Complaint l = TenantFixtures.grievances(store, clock, LUCKNOW).register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint k = TenantFixtures.grievances(store, clock, KANPUR).register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Checkpoint kept = store.audit().checkpoint();
      assertThat(kept.days().values().stream().mapToLong(Checkpoint.Day::events).sum())
          .isEqualTo(l.version() + k.version());
      assertThat(store.audit().verifyAgainst(kept)).isEmpty();

      TamperFixtures.exec(db.dataSource(), "UPDATE nivaran_event SET hash = prev_hash WHERE tenant_id = 'up-kanpur' "
          + "AND complaint_id = ? AND sequence = 1", k.id().value());
      assertThat(store.audit().verifyAgainst(kept)).hasSize(1);
    }
  }
}
