package org.nivaran.grievance.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/** Two districts of one state as two tenants of one store, and complaints written straight into a store. */
final class TenantFixtures {
  static final TenantId LUCKNOW = TenantId.of("up-lucknow");
  static final TenantId KANPUR = TenantId.of("up-kanpur");
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  static final Actor SYSTEM = Actor.system("tenant-tests");

  private TenantFixtures() {}

  /** The sample district's {@code Grievances} for one tenant, numbering {@code RPR-YYYY-NNNNNN} as every tenant does. */
  static Grievances grievances(ComplaintStore store, MutableClock clock, TenantId tenant) {
    return SampleDistrict.grievances(store, clock).tenant(tenant)
        .idScheme(ComplaintIdScheme.yearly("RPR", SampleDistrict.IST)).build();
  }

  /** Registers a complaint straight into a store, in a tenant, with an idempotency key if given. */
  static Complaint create(ComplaintStore store, TenantId tenant, String id, Instant at, RegisterComplaint request,
      Optional<String> key) {
    ComplaintRegistered r = Lifecycle.register(tenant, ComplaintId.of(id), request, SampleDistrict.AGENT, at, Priority.NORMAL);
    Complaint c = Lifecycle.start(r);
    CreateResult result = store.create(new NewComplaint(c, List.of(r), key, request.fingerprint()));
    if (!(result instanceof CreateResult.Created)) {
      throw new AssertionError("expected " + id + " created, was " + result);
    }
    return c;
  }

  /** Decides a command a minute after the complaint's latest event and appends it. */
  static Complaint run(ComplaintStore store, Complaint c, ComplaintCommand command, Actor actor) {
    Append change = decided(c, command, actor);
    store.append(change);
    return change.state();
  }

  /** The append a command makes of a complaint, a minute after its latest event (not written). */
  static Append decided(Complaint c, ComplaintCommand command, Actor actor) {
    List<ComplaintEvent> events = Lifecycle.decide(c, command, actor, c.updatedAt().plus(Duration.ofMinutes(1)));
    Complaint after = c;
    for (ComplaintEvent e : events) {
      after = Lifecycle.evolve(after, e);
    }
    return Append.of(after, events, c.version());
  }

  /** Assigns a complaint to the sample district's energy post. */
  static Complaint assigned(ComplaintStore store, Complaint c) {
    return run(store, c, new ComplaintCommand.Assign(SampleDistrict.ENERGY_L1, "ENERGY", Level.L1), SYSTEM);
  }

  /** The sample request {@code n} with an idempotency key. */
  static RegisterComplaint keyed(int n, String key) {
    return RegisterComplaint.builder().from(SampleDistrict.request(n)).idempotencyKey(key).build();
  }

  static PostId energyPost() {
    return SampleDistrict.ENERGY_L1;
  }
}
