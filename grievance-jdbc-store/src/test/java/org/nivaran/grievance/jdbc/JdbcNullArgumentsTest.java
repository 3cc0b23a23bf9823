package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.NullArguments;
import org.nivaran.grievance.tck.RecordingNotifier;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * Every public entry point of grievance-jdbc-store names the parameter it was given {@code null}
 * for ({@link NullArguments} over the module, on a store on H2 in memory).
 */
class JdbcNullArgumentsTest {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  @Test
  void every_public_entry_point_of_the_jdbc_store_names_the_parameter_it_was_given_null_for() {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      MutableClock clock = new MutableClock(T0);
      JdbcComplaintStore store = db.store();
      Complaint complaint = SampleDistrict.grievances(store, clock).build()
          .register(SampleDistrict.request(2), SampleDistrict.AGENT);
      byte[] key = new byte[32];

      NullArguments.Report report = NullArguments.of(JdbcComplaintStore.class)
          .sample(DataSource.class, db.dataSource())
          .sample(Instant.class, T0)
          .sample(Duration.class, Duration.ofMinutes(1))
          .sample(ZoneId.class, SampleDistrict.IST)
          .sample(Clock.class, clock)
          .sample(Notifier.class, new RecordingNotifier())
          .sample(PhoneNumber.class, complaint.citizen().phone())
          .sample(PostId.class, SampleDistrict.ENERGY_L1)
          .sample(ComplaintId.class, complaint.id())
          .sample(Complaint.class, complaint)
          .sample(PageRequest.class, PageRequest.first(10))
          .sample(byte[].class, key)
          .sample(JdbcComplaintStore.class, store)
          .sample(JdbcComplaintStore.Builder.class, db.builder())
          .sample(ChainKeys.class, ChainKeys.of("k1", key))
          .sample(StoreAudit.class, store.audit())
          .sample(OutboxRelay.class, OutboxRelay.builder().dataSource(db.dataSource()).notifier(new RecordingNotifier()).build())
          .sample(OutboxRelay.Builder.class, OutboxRelay.builder())
          .sample(OutboxAdministration.class, OutboxAdministration.create(db.dataSource()))
          .sample(JdbcGradingSource.class, JdbcGradingSource.create(db.dataSource()))
          .sample(JdbcIdScheme.class, JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 10))
          .check();

      assertThat(report.calls()).as("calls with one null argument").isGreaterThan(60);
      assertThat(report.unnamed()).as("entry points that do not name the null parameter").isEmpty();
    }
  }
}
