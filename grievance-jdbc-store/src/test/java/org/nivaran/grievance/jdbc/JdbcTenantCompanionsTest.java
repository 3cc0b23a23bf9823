package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.TenantFixtures.KANPUR;
import static org.nivaran.grievance.jdbc.TenantFixtures.LUCKNOW;
import static org.nivaran.grievance.jdbc.TenantFixtures.T0;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.report.EventLogGradingSource;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The store's companions serve one tenant each: the outbox relay and its administration, the
 * grading source and the id scheme never claim, count, list, grade or number another tenant's rows.
 */
class JdbcTenantCompanionsTest {

  private static long outboxRows(DataSource ds, TenantId tenant, String state) throws Exception {
    return TestDatabase.count(ds, "SELECT COUNT(*) FROM nivaran_outbox WHERE tenant_id = '" + tenant + "' AND state = '"
        + state + "'");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_tenants_relay_and_administration_see_only_that_tenants_messages(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      DataSource ds = db.dataSource();
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Complaint l = TenantFixtures.grievances(store, clock, LUCKNOW).register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint k = TenantFixtures.grievances(store, clock, KANPUR).register(SampleDistrict.request(2), SampleDistrict.AGENT);
      assertThat(k.id()).isEqualTo(l.id());
      long lucknowMessages = outboxRows(ds, LUCKNOW, "PENDING");
      long kanpurMessages = outboxRows(ds, KANPUR, "PENDING");
      assertThat(lucknowMessages).as("the outbox rows carry the complaint's tenant").isPositive();
      assertThat(kanpurMessages).isEqualTo(lucknowMessages);

      RecordingNotifier lucknowGateway = new RecordingNotifier();
      OutboxRelay lucknowRelay = OutboxFixtures.relay(ds, lucknowGateway, clock).tenant(LUCKNOW).build();
      assertThat(lucknowRelay.drain()).isEqualTo((int) lucknowMessages);
      assertThat(lucknowGateway.sent()).hasSize((int) lucknowMessages);
      assertThat(outboxRows(ds, KANPUR, "PENDING")).as("Kanpur's messages untouched").isEqualTo(kanpurMessages);
      assertThat(OutboxFixtures.relay(ds, new RecordingNotifier(), clock).build().drain())
          .as("the default tenant's relay has nothing to send").isZero();

      OutboxRelay kanpurRelay = OutboxFixtures.relay(ds, n -> {
        throw new NotificationFailedException(n.id(), true, "DLT template not approved");
      }, clock).tenant(KANPUR).build();
      kanpurRelay.drain();
      OutboxAdministration lucknowOutbox = OutboxAdministration.create(ds, LUCKNOW);
      OutboxAdministration kanpurOutbox = OutboxAdministration.create(ds, KANPUR);
      assertThat(lucknowOutbox.counts()).isEqualTo(new OutboxCounts(0, lucknowMessages, 0));
      assertThat(kanpurOutbox.counts()).isEqualTo(new OutboxCounts(0, 0, kanpurMessages));
      assertThat(OutboxAdministration.create(ds).counts()).isEqualTo(new OutboxCounts(0, 0, 0));
      assertThat(lucknowOutbox.dead(10)).isEmpty();
      List<DeadLetter> dead = kanpurOutbox.dead(10);
      assertThat(dead).hasSize((int) kanpurMessages)
          .allSatisfy(d -> assertThat(d.notification().complaintId()).isEqualTo(k.id()));
      assertThat(lucknowOutbox.redrive(dead.get(0).seq())).as("another tenant's seq is not found").isFalse();
      assertThat(lucknowOutbox.redriveAll()).isZero();
      assertThat(kanpurOutbox.purgeSent(T0.plus(Duration.ofDays(3650)))).isZero();
      assertThat(kanpurOutbox.redrive(dead.get(0).seq())).isTrue();
      assertThat(lucknowOutbox.purgeSent(T0.plus(Duration.ofDays(3650)))).isEqualTo((int) lucknowMessages);
      assertThat(kanpurOutbox.counts()).isEqualTo(new OutboxCounts(1, 0, kanpurMessages - 1));

      store.enqueue(KANPUR, List.of(OutboxFixtures.inTenant(KANPUR, OutboxFixtures.citizenMessage(9))));
      assertThat(kanpurOutbox.counts().pending()).isEqualTo(2);
      assertThat(lucknowOutbox.counts().total()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_tenants_grading_source_grades_that_tenants_complaints_only(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      MutableClock clock = new MutableClock(T0);
      Grievances lucknow = TenantFixtures.grievances(store, clock, LUCKNOW);
      Grievances kanpur = TenantFixtures.grievances(store, clock, KANPUR);
      Complaint l1 = lucknow.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      Complaint l2 = lucknow.register(SampleDistrict.request(4), SampleDistrict.AGENT);
      Complaint k1 = kanpur.register(SampleDistrict.request(6), SampleDistrict.AGENT);
      clock.advance(Duration.ofHours(2));
      lucknow.execute(l1.id(), new ComplaintCommand.StartWork(), SampleDistrict.officer(SampleDistrict.ENERGY_L1));
      GradingPeriod march = GradingPeriod.of(YearMonth.of(2024, 3), SampleDistrict.IST);

      EventLogGradingSource lucknowReplay = EventLogGradingSource.over(
          () -> List.of(store.events(LUCKNOW, l1.id()), store.events(LUCKNOW, l2.id())));
      EventLogGradingSource kanpurReplay = EventLogGradingSource.over(() -> List.of(store.events(KANPUR, k1.id())));
      assertThat(JdbcGradingSource.create(db.dataSource(), LUCKNOW).facts(march)).hasSize(2)
          .isEqualTo(lucknowReplay.facts(march));
      assertThat(JdbcGradingSource.create(db.dataSource(), KANPUR).facts(march)).hasSize(1)
          .isEqualTo(kanpurReplay.facts(march));
      assertThat(JdbcGradingSource.create(db.dataSource()).facts(march)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void each_tenant_numbers_its_complaints_from_one(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcIdScheme lucknow = JdbcIdScheme.yearly(db.dataSource(), LUCKNOW, "RPR", SampleDistrict.IST, 5);
      JdbcIdScheme kanpur = JdbcIdScheme.yearly(db.dataSource(), KANPUR, "RPR", SampleDistrict.IST, 5);
      JdbcIdScheme lucknowNode2 = JdbcIdScheme.yearly(db.dataSource(), LUCKNOW, r -> "RPR", SampleDistrict.IST, 5);

      assertThat(lucknow.next(SampleDistrict.request(1), T0).value()).isEqualTo("RPR-2024-000001");
      assertThat(kanpur.next(SampleDistrict.request(1), T0).value()).isEqualTo("RPR-2024-000001");
      assertThat(lucknowNode2.next(SampleDistrict.request(1), T0).value()).as("Lucknow's second block")
          .isEqualTo("RPR-2024-000006");
      assertThat(JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 5).next(SampleDistrict.request(1), T0)
          .value()).isEqualTo("RPR-2024-000001");
      assertThat(TestDatabase.count(db.dataSource(), "SELECT COUNT(*) FROM nivaran_id_block")).isEqualTo(3);
      assertThat(TestDatabase.count(db.dataSource(),
          "SELECT next_value FROM nivaran_id_block WHERE tenant_id = 'up-lucknow'")).isEqualTo(11);
    }
  }
}
