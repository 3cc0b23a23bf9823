package org.nivaran.grievance.escalation;

import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.store.Append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.escalation.District.IST;
import static org.nivaran.grievance.escalation.EscalationEndToEndTest.ist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;

/**
 * A store that keeps no outbox and does not override appendAll: the SPI's default appendAll
 * appends one by one and lets any failure other than a stale version / not found escape after
 * the earlier appends are stored.
 */
class BatchPartialFailureTest {
  /** Delegates to the in-memory store; appends to the complaints in {@code failing} throw. */
  static class FlakyStore implements ComplaintStore, WorkLists {
    final InMemoryComplaintStore inner = new InMemoryComplaintStore();
    final Set<ComplaintId> failing = Collections.synchronizedSet(new java.util.HashSet<>());

    @Override public CreateResult create(NewComplaint r) { return inner.create(r); }
    @Override public void append(Append change) {
      if (failing.contains(change.state().id())) {
        throw new IllegalStateException("I/O error writing " + change.state().id());
      }
      inner.append(change);
    }
    @Override public Optional<Complaint> find(TenantId tenant, ComplaintId id) { return inner.find(tenant, id); }
    @Override public Optional<Complaint> findByReference(TenantId tenant, ExternalReference r) { return inner.findByReference(tenant, r); }
    @Override public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) { return inner.events(tenant, id); }
    @Override public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String k, String f) { return inner.findByIdempotencyKey(tenant, k, f); }
    @Override public Page<Complaint> pendingAt(TenantId tenant, PostId p, PageRequest r) { return inner.pendingAt(tenant, p, r); }
    @Override public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest r) { return inner.overdue(tenant, at, r); }
    @Override public Page<Complaint> flagged(TenantId tenant, ComplaintFlag f, PageRequest r) { return inner.flagged(tenant, f, r); }
    @Override public Page<Complaint> byStatus(TenantId tenant, Status s, String j, PageRequest r) { return inner.byStatus(tenant, s, j, r); }
    @Override public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber p, PageRequest r) { return inner.byCitizen(tenant, p, r); }
  }

  @Test
  void one_failing_append_in_a_batch_keeps_the_outcomes_and_notifications_of_the_others() {
    MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
    FlakyStore store = new FlakyStore();
    List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
    Grievances g = Grievances.builder()
        .store(store).clock(clock).idScheme(ComplaintIdScheme.yearly("RPR", IST))
        .directory(District.directory()).calendars(District.CALENDARS).escalationPolicies(District.POLICIES)
        .notifier(sent::add)
        .build();
    List<Complaint> cs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cs.add(g.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build(),
          Actor.agent("AGENT-7")));
    }
    Complaint first = cs.get(0);
    store.failing.add(cs.get(1).id()); // the second append of the batch fails
    sent.clear();

    clock.set(ist(2024, 4, 1, 10, 0));
    EscalationReport report = g.escalator().sweep();

    // the first complaint WAS escalated (stored at a higher level)...
    assertThat(g.get(first.id()).level()).isNotEqualTo(first.level());
    // ...so the report says so and its holder is told; the failing one is reported FAILED
    org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
    soft.assertThat(report.outcomes()).as("outcomes")
        .anyMatch(o -> o.complaintId().equals(cs.get(1).id()) && o.action() == EscalationReport.Action.FAILED);
    soft.assertThat(g.get(cs.get(2).id()).level()).as("the third still escalated").isNotEqualTo(cs.get(2).level());
    soft.assertThat(report.outcomes()).as("outcomes")
        .contains(new EscalationReport.Outcome(first.id(), first.level().orElseThrow(),
            EscalationReport.Action.ESCALATED, "EE-RAIPUR"));
    soft.assertThat(sent).as("notifications for the stored escalation of " + first.id())
        .anyMatch(n -> n.complaintId().equals(first.id()));
    soft.assertAll();
  }
}
