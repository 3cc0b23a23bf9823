package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * The caller's history on the JDBC store: "how many fake complaints from this number since T" is
 * one {@code COUNT} on the index of fake closures, and the fake complaints themselves are read only
 * when there are enough to block the number.
 */
class JdbcCallerHistoryTest {
  private static final Instant T0 = Instant.parse("2024-03-18T05:30:00Z");

  private static Grievances grievances(JdbcComplaintStore store, MutableClock clock, int blockAfter) {
    return SampleDistrict.grievances(store, clock)
        .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST))
        .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(blockAfter, Duration.ofDays(90)))
        .build();
  }

  /** Registers {@code total} complaints of one caller and rejects the first {@code fakes} as fake. */
  private static void history(Grievances g, MutableClock clock, int total, int fakes) {
    for (int i = 0; i < total; i++) {
      Complaint c = g.register(SampleDistrict.request(i * 1000), SampleDistrict.AGENT); // one caller
      if (i < fakes) {
        g.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "झूठी शिकायत", Optional.empty()),
            SampleDistrict.AGENT);
      }
      clock.advance(Duration.ofMinutes(5));
    }
  }

  private static long counting(List<String> statements, String fragment) {
    return statements.stream().filter(s -> s.contains(fragment)).count();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_registration_counts_the_callers_fakes_with_one_count_query_and_reads_none_below_the_limit(
      TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      RecordingDataSource recording = new RecordingDataSource(db.dataSource());
      JdbcComplaintStore store = db.store(recording.dataSource());
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(store, clock, 5);
      history(g, clock, 120, 3); // many complaints, a few fakes: below the limit of 5
      recording.drain();

      g.register(SampleDistrict.request(120_000), SampleDistrict.AGENT);

      List<String> statements = recording.drain();
      assertThat(counting(statements, StoreStatements.COUNT_FAKE_CLOSURES)).isEqualTo(1);
      assertThat(counting(statements, StoreStatements.FAKE_CLOSURES)).as("no fake complaint read").isZero();
      assertThat(counting(statements, "citizen_phone = ?")).as("no page of the caller's complaints").isEqualTo(1);
      PhoneNumber caller = SampleDistrict.request(0).citizen().phone();
      assertThat(store.countFakeClosures(TenantId.DEFAULT, caller, Instant.MIN, Instant.MAX)).isEqualTo(3);
      assertThat(store.countFakeClosures(TenantId.DEFAULT, caller, clock.instant(), Instant.MAX)).as("closed before").isZero();
      assertThat(store.fakeClosures(TenantId.DEFAULT, caller, T0, clock.instant())).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_caller_with_enough_fakes_is_refused_after_one_count_and_one_read_of_the_fakes(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      RecordingDataSource recording = new RecordingDataSource(db.dataSource());
      JdbcComplaintStore store = db.store(recording.dataSource());
      MutableClock clock = new MutableClock(T0);
      history(grievances(store, clock, 1000), clock, 10, 3); // a node whose limit is far off
      Grievances strict = grievances(store, clock, 3);
      recording.drain();

      RegisterComplaint again = SampleDistrict.request(10_000);
      assertThatThrownBy(() -> strict.register(again, SampleDistrict.AGENT)).isInstanceOf(BlockedNumberException.class);

      List<String> statements = recording.drain();
      assertThat(counting(statements, StoreStatements.COUNT_FAKE_CLOSURES)).isEqualTo(1);
      assertThat(counting(statements, StoreStatements.FAKE_CLOSURES)).isEqualTo(1);
      assertThat(counting(statements, "INSERT INTO nivaran_complaint")).as("nothing stored").isZero();
    }
  }

  @Test
  void postgresql_counts_fake_closures_on_the_index_by_number() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        Connection c = db.rawConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_seqscan = off"); // a small table would be scanned whole otherwise
      }
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + StoreStatements.COUNT_FAKE_CLOSURES)) {
        ps.setString(1, "up-lucknow");
        ps.setString(2, "+919000000000");
        ps.setObject(3, java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"));
        ps.setObject(4, java.time.OffsetDateTime.parse("2024-12-31T00:00:00Z"));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      assertThat(plan.toString()).contains("nivaran_complaint_fake").doesNotContain("Seq Scan");
    }
  }
}
