package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/**
 * The caller limit on the JDBC store: counted from the one read of the caller's history, shared by
 * every node on the store, refusing with nothing stored; a retry of a stored key replays.
 */
class JdbcCallerLimitTest {
  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(SampleDistrict.IST).toInstant();
  }

  /** One id scheme for every node of a test, so that they do not issue the same id. */
  private final ComplaintIdScheme ids = ComplaintIdScheme.yearly("RPR", SampleDistrict.IST);

  private Grievances node(JdbcComplaintStore store, MutableClock clock) {
    return SampleDistrict.grievances(store, clock)
        .idScheme(ids)
        .callerLimitPolicy(CallerLimitPolicy.perCalendarMonth(2, SampleDistrict.IST))
        .build();
  }

  private static long counting(List<String> statements, String fragment) {
    return statements.stream().filter(s -> s.contains(fragment)).count();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_limit_holds_across_nodes_refuses_with_one_read_and_nothing_stored_and_a_retry_replays(
      TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      RecordingDataSource recording = new RecordingDataSource(db.dataSource());
      JdbcComplaintStore store = db.store(recording.dataSource());
      MutableClock clock = new MutableClock(ist(2024, 3, 31, 22, 0));
      RegisterComplaint keyed = RegisterComplaint.builder().from(SampleDistrict.request(0)).idempotencyKey("call-1").build();
      node(store, clock).submit(keyed, SampleDistrict.AGENT);
      clock.advance(Duration.ofMinutes(1));
      node(store, clock).register(SampleDistrict.request(1000), SampleDistrict.AGENT); // same caller, other node
      clock.advance(Duration.ofMinutes(1));
      recording.drain();

      CallerLimitReachedException e = catchThrowableOfType(CallerLimitReachedException.class,
          () -> node(store, clock).register(SampleDistrict.request(2000), SampleDistrict.AGENT));

      assertThat(e).isNotNull();
      assertThat(e.mayRegisterAgainAt()).isEqualTo(ist(2024, 4, 1, 0, 0));
      List<String> statements = recording.drain();
      assertThat(counting(statements, new StoreStatements(kind == TestDatabase.Kind.H2 ? Dialect.H2 : Dialect.POSTGRESQL).registrationInstants()))
          .as("one read of the newest registration instants").isEqualTo(1);
      assertThat(counting(statements, "SELECT state FROM nivaran_complaint WHERE tenant_id = ? AND citizen_phone = ?"))
          .as("no complaint of the caller read").isZero();
      assertThat(counting(statements, "INSERT")).as("nothing stored").isZero();
      assertThat(store.byCitizen(TenantId.DEFAULT, keyed.citizen().phone(), PageRequest.first(10)).items()).hasSize(2);

      Registration retry = node(store, clock).submit(keyed, SampleDistrict.AGENT);
      assertThat(retry.outcome()).isEqualTo(Registration.Outcome.REPLAYED);

      clock.set(ist(2024, 4, 1, 0, 0));
      assertThat(node(store, clock).submit(SampleDistrict.request(3000), SampleDistrict.AGENT).outcome())
          .isEqualTo(Registration.Outcome.CREATED);
    }
  }
}
