package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

class JdbcComplaintStoreTest {
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  private static Grievances grievances(JdbcComplaintStore store, MutableClock clock) {
    return SampleDistrict.grievances(store, clock).idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void registrationIsStoredWithItsEventsAndNotificationsInTheOutbox(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Complaint c = grievances(store, clock).register(SampleDistrict.request(2), SampleDistrict.AGENT);

      assertThat(c.status()).isEqualTo(Status.ASSIGNED);
      assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
      List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
      assertThat(events).hasSize((int) c.version());
      assertThat(events.get(0).sequence()).isEqualTo(1);
      assertThat(store.verifyLog(c.id()).intact()).isTrue();
      assertThat(Page.collect(p -> store.pendingAt(TenantId.DEFAULT, SampleDistrict.ENERGY_L1, p), 10)).containsExactly(c);
      assertThat(store.pendingAt(TenantId.DEFAULT, SampleDistrict.ENERGY_L1, PageRequest.first(10)).items()).containsExactly(c);
      try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM nivaran_outbox WHERE complaint_id = '" + c.id() + "'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("registered to the citizen, assigned to the post holder").isEqualTo(2);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void dueComplaintsAreClaimedOnceWithinTheLease(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint a = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Instant late = a.dueAt().orElseThrow().plusSeconds(1);

      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofMillis(700))).containsExactly(a);
      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofMinutes(5))).as("claimed by the first sweeper").isEmpty();
      assertThat(store.claimDue(TenantId.DEFAULT, late.plus(Duration.ofDays(30)), 10, Duration.ofMinutes(5)))
          .as("a sweep for a later instant is kept away too: the lease runs on the database's clock").isEmpty();
      assertThat(Page.collect(p -> store.overdue(TenantId.DEFAULT, late, p), 10)).as("finding is not claiming").containsExactly(a);
      Thread.sleep(1000);
      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofMinutes(5))).as("lease expired").containsExactly(a);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aLeaseOfAThousandYearsHoldsItsClaimInsteadOfWrappingAround(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      Complaint a = grievances(store, new MutableClock(T0)).register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Instant late = a.dueAt().orElseThrow().plusSeconds(1);

      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofDays(365_000))).containsExactly(a);
      assertThat(store.claimDue(TenantId.DEFAULT, late, 10, Duration.ofMinutes(5))).as("still claimed: capped at 100 years, not wrapped").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void alteredOrRemovedEventRowsAreFoundByVerifyLog(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      clock.advance(Duration.ofHours(1));
      c = g.execute(c.id(), new ComplaintCommand.StartWork(), SampleDistrict.officer(SampleDistrict.ENERGY_L1));
      long version = c.version();
      assertThat(store.verifyLog(c.id()).intact()).isTrue();

      try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement()) {
        s.executeUpdate("UPDATE nivaran_event SET payload = REPLACE(payload, 'बिजली', 'पानी') WHERE complaint_id = '"
            + c.id() + "' AND sequence = 1");
      }
      LogVerification altered = store.verifyLog(c.id());
      assertThat(altered.intact()).isFalse();
      assertThat(altered.firstBadSequence()).contains(1L);
      assertThat(altered.problem().orElseThrow()).contains("altered");

      Complaint d = g.register(SampleDistrict.request(4), SampleDistrict.AGENT);
      try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement()) {
        s.executeUpdate("DELETE FROM nivaran_event WHERE complaint_id = '" + d.id() + "' AND sequence = " + d.version());
      }
      LogVerification removed = store.verifyLog(d.id());
      assertThat(removed.firstBadSequence()).contains(d.version());
      assertThat(removed.problem().orElseThrow()).contains("missing");
      assertThat(version).isGreaterThan(1);
      assertThatThrownBy(() -> store.verifyLog(org.nivaran.grievance.complaint.ComplaintId.of("NOPE-1")))
          .isInstanceOf(ComplaintNotFoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBatchWritesTheCurrentChangesAndSkipsTheStaleAndTheMissing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock);
      Complaint a = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint b = g.register(SampleDistrict.request(4), SampleDistrict.AGENT);
      clock.advance(Duration.ofHours(1));
      org.nivaran.grievance.actor.Actor officer =
          SampleDistrict.officer(SampleDistrict.ENERGY_L1);
      Complaint bMoved = g.execute(b.id(), new ComplaintCommand.StartWork(), officer); // b is now stale for the batch

      java.util.function.Function<Complaint, org.nivaran.grievance.store.Append> startWork = c -> {
        List<ComplaintEvent> events = org.nivaran.grievance.complaint.Lifecycle.decide(
            c, new ComplaintCommand.StartWork(), officer, clock.instant());
        Complaint after = c;
        for (ComplaintEvent e : events) {
          after = org.nivaran.grievance.complaint.Lifecycle.evolve(after, e);
        }
        return org.nivaran.grievance.store.Append.of(after, events, c.version());
      };
      var skipped = store.appendAll(List.of(startWork.apply(a), startWork.apply(b)));

      assertThat(skipped).containsOnlyKeys(b.id());
      assertThat(skipped.get(b.id())).isInstanceOf(org.nivaran.grievance.store.StaleVersionException.class);
      assertThat(store.find(TenantId.DEFAULT, a.id()).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
      assertThat(store.find(TenantId.DEFAULT, b.id())).contains(bMoved);
      assertThat(store.verifyLog(a.id()).intact()).isTrue();
      assertThat(store.verifyLog(b.id()).intact()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void grievancesGivesNotificationsToTheOutboxAndRefusesADirectNotifier(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      assertThatThrownBy(() -> SampleDistrict.grievances(store, clock).notifier(n -> {}).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("outbox");
      Grievances g = grievances(store, clock);
      g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      g.transferOfficer(SampleDistrict.ENERGY_L1, java.util.Optional.of(new org.nivaran.grievance.directory.Officer(
          "OFF-NEW", "नई अधिकारी", org.nivaran.grievance.actor.PhoneNumber.parse("9826000099"), true,
          org.nivaran.grievance.directory.Language.HINDI)));
      try (Connection conn = db.dataSource().getConnection(); Statement s = conn.createStatement();
          var rs = s.executeQuery("SELECT recipient_phone, body FROM nivaran_outbox WHERE kind = 'HANDOVER'")) {
        assertThat(rs.next()).as("the handover list is in the outbox").isTrue();
        assertThat(rs.getString(1)).isEqualTo("+919826000099");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void onH2TheDueQueriesReadOnlyAboutWhatTheyReturn() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2); Connection c = db.dataSource().getConnection()) {
      int closed = 20_000;
      try (java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO nivaran_complaint (id, version, status, "
          + "is_open, category_code, jurisdiction_code, citizen_phone, due_at, registered_at, updated_at, head_hash, state) "
          + "VALUES (?, 1, ?, ?, 'C', 'J', '+919000000000', ?, ?, ?, 'h', '{}')")) {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.ofInstant(T0, java.time.ZoneOffset.UTC);
        for (int i = 0; i < closed + 10; i++) {
          boolean isClosed = i < closed;
          ins.setString(1, String.format(java.util.Locale.ROOT, "RPR-2024-%06d", i));
          ins.setString(2, isClosed ? "CLOSED" : "ASSIGNED");
          ins.setBoolean(3, !isClosed);
          ins.setObject(4, isClosed ? null : t.plusMinutes(i));
          ins.setObject(5, t);
          ins.setObject(6, t);
          ins.addBatch();
        }
        ins.executeBatch();
      }
      // the claim JdbcComplaintStore.claimDue issues on H2, with its lower bound on the deadline
      String claim = "SELECT id, state FROM nivaran_complaint USE INDEX (nivaran_complaint_due) WHERE tenant_id = 'default' "
          + "AND due_at >= TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00Z' AND due_at <= TIMESTAMP WITH TIME ZONE "
          + "'2030-01-01 00:00:00Z' AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP) FETCH FIRST 5 ROWS ONLY";
      try (Statement s = c.createStatement(); var rs = s.executeQuery("EXPLAIN ANALYZE " + claim)) {
        rs.next();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(rs.getString(1));
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("rows read to claim 5 of 20,010").isLessThan(100);
      }
    }
  }
}
