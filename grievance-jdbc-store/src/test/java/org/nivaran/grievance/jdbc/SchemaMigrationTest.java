package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.jdbc.EventRows.EventRow;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.GeoBox;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The upgrade of a version-1 database to version 2 (tenants), on both databases: rows written as
 * the version-1 store wrote them (raw SQL with version 1's columns, a valid hash chain, an
 * idempotency key, an outbox row and a block of complaint numbers) become the default tenant's,
 * and the store reads, audits, appends to and numbers after them; a second tenant may then hold
 * a complaint with the same id.
 */
class SchemaMigrationTest {
  private static final String V1 = "V1__nivaran_store.sql";
  private static final String V2 = "V2__nivaran_tenants.sql";
  private static final Location PLACE = Location.of("26.846700", "80.946200");

  /** Version 1's complaint columns, as its store bound them: the 18 indexed columns, then the rest. */
  private static final String V1_COMPLAINT = "INSERT INTO nivaran_complaint (status, is_open, category_code, "
      + "jurisdiction_code, citizen_phone, post_code, department_code, level, due_at, registered_at, updated_at, "
      + "flag_unrouted, flag_escalation_blocked, flag_overdue_at_top, flag_transfer_limit, flag_first_response, "
      + "flag_special_closure, fake_closed_at, head_hash, state, id, version) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String V1_EVENT = "INSERT INTO nivaran_event (complaint_id, sequence, type, occurred_at, "
      + "payload, prev_hash, hash, status_after, post_code, department_code, level, clock_changed, deadline_at, key_id) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String V1_KEY = "INSERT INTO nivaran_idempotency (idempotency_key, fingerprint, complaint_id, "
      + "created_at) VALUES (?, ?, ?, ?)";
  private static final String V1_OUTBOX = "INSERT INTO nivaran_outbox (message_id, complaint_id, event_sequence, kind, "
      + "recipient_role, recipient_phone, recipient_post, recipient_name, channel, language, body, created_at, "
      + "quiet_from, quiet_until, quiet_zone, state, attempts, next_attempt_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, CURRENT_TIMESTAMP)";
  private static final String V1_BLOCK = "INSERT INTO nivaran_id_block (prefix, id_year, next_value) VALUES ('RPR', 2024, 101)";

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_version_1_database_is_upgraded_in_place_and_its_rows_become_the_default_tenant(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.blank(kind, 4)) {
      DataSource ds = db.dataSource();
      assertThat(SchemaInstaller.installUpTo(ds, SchemaLayout.PLAIN, V1)).containsExactly(V1);
      Complaint old = writeVersion1Rows(ds);

      assertThat(SchemaInstaller.install(ds)).as("only version 2 is left to apply").containsExactly(V2);
      assertThat(SchemaInstaller.install(ds)).as("and nothing after").isEmpty();

      for (String table : List.of("nivaran_complaint", "nivaran_event", "nivaran_idempotency", "nivaran_outbox",
          "nivaran_id_block")) {
        assertThat(TestDatabase.count(ds, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id <> 'default'"))
            .as(table).isZero();
        assertThat(TestDatabase.count(ds, "SELECT COUNT(*) FROM " + table)).as(table).isPositive();
      }
      JdbcComplaintStore store = db.store();
      assertThat(store.find(TenantId.DEFAULT, old.id())).contains(old);
      assertThat(Lifecycle.replay(store.events(TenantId.DEFAULT, old.id()))).isEqualTo(old);
      assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-v1", request().fingerprint())).contains(old);
      assertThat(store.verifyLog(old.id()).findings()).isEmpty();
      AuditPage audit = store.audit().auditAll(Optional.empty(), 10);
      assertThat(audit.checked()).isEqualTo(1);
      assertThat(audit.altered()).isEmpty();
      assertThat(store.audit().auditReferences(10)).isEmpty();
      assertThat(store.audit().tenants()).containsExactly(TenantId.DEFAULT);
      assertThat(doubleColumn(ds, "latitude")).as("the location copied out of the state")
          .isEqualTo(PLACE.latitude().doubleValue());
      assertThat(doubleColumn(ds, "longitude")).isEqualTo(PLACE.longitude().doubleValue());
      assertThat(store.openWithin(TenantId.DEFAULT, SampleDistrict.ENERGY, new GeoBox(26, 27, 80, 81), Instant.EPOCH, 5))
          .containsExactly(old);
      assertThat(OutboxAdministration.create(ds).counts().pending()).isEqualTo(1);
      long lastSeq = TestDatabase.count(ds, "SELECT MAX(seq) FROM nivaran_outbox");
      store.enqueue(TenantId.DEFAULT, List.of(OutboxFixtures.citizenMessage(8)));
      store.enqueue(List.of(OutboxFixtures.inTenant(TenantFixtures.LUCKNOW, OutboxFixtures.citizenMessage(9))));
      assertThat(OutboxAdministration.create(ds).counts().pending()).as("the outbox still numbers its rows").isEqualTo(2);
      assertThat(TestDatabase.count(ds, "SELECT MIN(seq) FROM nivaran_outbox WHERE seq > " + lastSeq))
          .isGreaterThan(lastSeq);
      assertThat(OutboxAdministration.create(ds, TenantFixtures.LUCKNOW).counts().pending()).isEqualTo(1);
      assertThat(JdbcIdScheme.yearly(ds, "RPR", ZoneId.of("Asia/Kolkata"), 10)
          .next(request(), TenantFixtures.T0).value()).as("numbering goes on after version 1's block")
          .isEqualTo("RPR-2024-000101");

      Complaint started = TenantFixtures.run(store, old, new ComplaintCommand.StartWork(),
          SampleDistrict.officer(SampleDistrict.ENERGY_L1));
      assertThat(store.verifyLog(old.id()).findings()).as("appends chain on from version 1's rows").isEmpty();

      Complaint other = TenantFixtures.create(store, TenantFixtures.LUCKNOW, old.id().value(), TenantFixtures.T0,
          request(), Optional.of("call-v1"));
      assertThat(store.find(TenantFixtures.LUCKNOW, old.id())).contains(other);
      assertThat(store.find(TenantId.DEFAULT, old.id())).contains(started);
      assertThat(store.verifyLog(TenantFixtures.LUCKNOW, old.id()).findings()).isEmpty();
      assertThat(store.audit().tenants()).containsExactly(TenantId.DEFAULT, TenantFixtures.LUCKNOW);
    }
  }

  private static RegisterComplaint request() {
    return RegisterComplaint.builder().from(SampleDistrict.request(2)).idempotencyKey("call-v1").location(PLACE).build();
  }

  /** A registered and assigned complaint, its events, key, a notification and a number block, as version 1 wrote them. */
  private static Complaint writeVersion1Rows(DataSource ds) throws SQLException {
    ComplaintRows rows = new ComplaintRows();
    RegisterComplaint request = request();
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("RPR-2024-000007"), request, SampleDistrict.AGENT, TenantFixtures.T0);
    Complaint registered = Lifecycle.start(r);
    Append assign = TenantFixtures.decided(registered,
        new ComplaintCommand.Assign(SampleDistrict.ENERGY_L1, "ENERGY", Level.L1), TenantFixtures.SYSTEM);
    Complaint c = assign.state();
    List<ComplaintEvent> events = new java.util.ArrayList<>(List.of(r));
    events.addAll(assign.events());
    List<EventRow> chained = EventRows.chain(rows, ChainKeys.NONE, c.id(), events, 0, HashChain.GENESIS);
    try (Connection conn = ds.getConnection()) {
      try (PreparedStatement ps = conn.prepareStatement(V1_COMPLAINT)) {
        // version 2's bindColumns binds version 1's 18 columns first; the three after are overwritten
        ComplaintRows.bindColumns(ps, c);
        ps.setString(19, chained.get(chained.size() - 1).hash());
        ps.setString(20, rows.write(c));
        ps.setString(21, c.id().value());
        ps.setLong(22, c.version());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement(V1_EVENT)) {
        for (EventRow e : chained) {
          ps.setString(1, e.complaintId());
          ps.setLong(2, e.sequence());
          ps.setString(3, e.type());
          Jdbc.setInstant(ps, 4, e.occurredAt());
          ps.setString(5, e.payload());
          ps.setString(6, e.prevHash());
          ps.setString(7, e.hash());
          ps.setString(8, e.marks().status().map(Enum::name).orElse(null));
          ps.setString(9, e.marks().movedTo().map(a -> a.post().code()).orElse(null));
          ps.setString(10, e.marks().movedTo().map(a -> a.department()).orElse(null));
          if (e.marks().movedTo().isPresent()) {
            ps.setInt(11, e.marks().movedTo().get().level().rung());
          } else {
            ps.setNull(11, Types.SMALLINT);
          }
          ps.setBoolean(12, e.marks().clockChanged());
          Jdbc.setInstant(ps, 13, e.marks().deadline().orElse(null));
          ps.setString(14, null);
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = conn.prepareStatement(V1_KEY)) {
        ps.setString(1, "call-v1");
        ps.setString(2, request.fingerprint());
        ps.setString(3, c.id().value());
        Jdbc.setInstant(ps, 4, c.registeredAt());
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement(V1_OUTBOX)) {
        Notification n = OutboxFixtures.officerMessage(7);
        OutboxRows.bind(ps, new Notification(n.id(), c.id(), 2, n.kind(), n.recipient(), n.channel(), n.language(),
            n.body(), n.createdAt(), n.quietHours()));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = conn.prepareStatement(V1_BLOCK)) {
        ps.executeUpdate();
      }
    }
    return c;
  }

  private static double doubleColumn(DataSource ds, String column) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM nivaran_complaint");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getDouble(1);
    }
  }
}
