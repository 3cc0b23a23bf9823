package org.nivaran.grievance.benchmarks;

import static org.nivaran.grievance.benchmarks.StoreLoadHarness.REGISTERED_AT;
import static org.nivaran.grievance.benchmarks.StoreLoadHarness.THREADS;
import static org.nivaran.grievance.benchmarks.Threads.expect;
import static org.nivaran.grievance.benchmarks.Threads.forEachIndex;

import java.time.Clock;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.benchmarks.Threads.Timed;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.JdbcIdScheme;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The registration measurements of {@link StoreLoadHarness}: through Nivaran, and the bare-JDBC
 * ceiling; also the seeding of due complaints. Stateless.
 */
final class RegistrationRuns {
  private RegistrationRuns() {}

  static Grievances grievances(BenchDatabase db, JdbcComplaintStore store, Clock clock) {
    return SampleDistrict.grievances(store, clock)
        .idScheme(JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 100))
        .build();
  }

  /** Sample requests {@code from .. from + count - 1}, each with its own idempotency key. */
  static RegisterComplaint[] requests(String keyPrefix, int from, int count) {
    RegisterComplaint[] out = new RegisterComplaint[count];
    for (int i = 0; i < count; i++) {
      out[i] = RegisterComplaint.builder()
          .from(SampleDistrict.request(from + i))
          .idempotencyKey(keyPrefix + "-" + (from + i))
          .build();
    }
    return out;
  }

  /** Registers through Nivaran: a warm-up, then the timed registrations; checks every one was stored. */
  static Sample registrations(BenchDatabase db, Options o, int threads) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint[] warm = requests("warm", 0, o.warmup());
    RegisterComplaint[] timed = requests("call", o.warmup(), o.registrations());
    forEachIndex(threads, warm.length, i -> g.register(warm[i], SampleDistrict.AGENT));
    Timed t = forEachIndex(threads, timed.length, i -> g.register(timed[i], SampleDistrict.AGENT));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", o.warmup() + o.registrations(), "complaints registered");
    return new Sample(o.registrations(), t);
  }

  /** Registers the due complaints on 8 threads (the clock at {@link #REGISTERED_AT}). */
  static Sample seedDue(BenchDatabase db, Options o) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint[] due = requests("due", 0, o.due());
    Timed t = forEachIndex(THREADS, due.length, i -> g.register(due[i], SampleDistrict.AGENT));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", o.due(), "due complaints registered");
    return new Sample(o.due(), t);
  }

  /**
   * The ceiling: copies of one real registration's rows written by bare JDBC, a warm-up and then
   * the timed ones.
   */
  static Sample ceiling(BenchDatabase db, Options o, int threads, Results r) {
    JdbcComplaintStore store = db.store();
    Grievances g = grievances(db, store, new MutableClock(REGISTERED_AT));
    RegisterComplaint template = requests("template", 0, 1)[0];
    Complaint registered = g.register(template, SampleDistrict.AGENT);
    CeilingWriter writer = CeilingWriter.copying(
        db.dataSource(), registered.id().value(), template.idempotencyKey().orElseThrow());
    int events = store.events(TenantId.DEFAULT, registered.id()).size();
    if (writer.eventRows() != events) {
      throw new IllegalStateException("the store holds " + events + " events of " + registered.id() + " but "
          + writer.eventRows() + " event rows");
    }
    r.rowsPerRegistration = events + " events, " + writer.outboxRows() + " outbox rows, a " + writer.stateLength()
        + "-character JSON document";
    forEachIndex(threads, o.warmup(), i -> writer.register(db.dataSource(), "CEIL-W-" + i, "ceiling-warm-" + i));
    Timed t = forEachIndex(threads, o.registrations(),
        i -> writer.register(db.dataSource(), "CEIL-R-" + i, "ceiling-call-" + i));
    expect(db, "SELECT COUNT(*) FROM nivaran_complaint", 1L + o.warmup() + o.registrations(), "ceiling complaints");
    expect(db, "SELECT COUNT(*) FROM nivaran_event", (1L + o.warmup() + o.registrations()) * events, "ceiling events");
    return new Sample(o.registrations(), t);
  }
}
