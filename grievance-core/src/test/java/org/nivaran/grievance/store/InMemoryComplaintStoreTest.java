package org.nivaran.grievance.store;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;

/** The store contract, on the in-memory store. */
class InMemoryComplaintStoreTest {
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private static NewComplaint registration(Optional<String> key, String fingerprint) {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.REGISTERED);
    return new NewComplaint(Lifecycle.replay(log), log, key, fingerprint);
  }

  /** Stores the complaint at the registered state, then the rest of {@code log}. */
  private void storeLog(List<ComplaintEvent> log) {
    store.create(new NewComplaint(Lifecycle.replay(log.subList(0, 1)), log.subList(0, 1), Optional.empty(), "f"));
    if (log.size() > 1) {
      store.append(Append.of(Lifecycle.replay(log), log.subList(1, log.size()), 1));
    }
  }

  @Test
  void a_created_complaint_can_be_found_with_its_events() {
    CreateResult result = store.create(registration(Optional.empty(), "f"));

    assertThat(result).isInstanceOf(CreateResult.Created.class);
    assertThat(store.find(TenantId.DEFAULT, Fixtures.ID)).contains(result.complaint());
    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).isEqualTo(Fixtures.historyIn(Status.REGISTERED));
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void appended_events_come_back_in_order_exactly_as_given() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.RETURNED);
    storeLog(log);

    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).isEqualTo(log);
    assertThat(store.find(TenantId.DEFAULT, Fixtures.ID)).contains(Lifecycle.replay(log));
  }

  @Test
  void an_append_at_a_stale_version_is_refused_and_writes_nothing() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.RESOLVED); // registered, assigned, resolved
    storeLog(log.subList(0, 2));
    Complaint stored = store.find(TenantId.DEFAULT, Fixtures.ID).orElseThrow();

    ComplaintEvent resolvedAt3 = log.get(2);
    Complaint afterResolve = Lifecycle.replay(log);
    // a caller who read version 1 offers its event 2 after another caller stored event 2: stale
    List<ComplaintEvent> oneEvent = List.of(log.get(1));
    assertThatThrownBy(() -> store.append(Append.of(Lifecycle.replay(log.subList(0, 2)), oneEvent, 1)))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
          assertThat(e.complaintId()).isEqualTo(Fixtures.ID);
        });
    assertThat(store.find(TenantId.DEFAULT, Fixtures.ID)).contains(stored);
    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).hasSize(2);

    store.append(Append.of(afterResolve, List.of(resolvedAt3), 2));
    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).isEqualTo(log);
  }

  @Test
  void an_append_to_an_unknown_complaint_is_not_found() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.ASSIGNED);

    assertThatThrownBy(() -> store.append(Append.of(Lifecycle.replay(log), log.subList(1, 2), 1)))
        .isInstanceOfSatisfying(ComplaintNotFoundException.class, e -> assertThat(e.complaintId()).isEqualTo(Fixtures.ID));
    assertThat(store.size()).isZero();
  }

  @Test
  void events_that_do_not_follow_the_expected_version_are_refused() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.RESOLVED);
    storeLog(log.subList(0, 1));

    assertThatThrownBy(() -> store.append(Append.of(Lifecycle.replay(log), log.subList(2, 3), 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.append(Append.of(Lifecycle.replay(log.subList(0, 1)), List.of(), 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).hasSize(1);
  }

  @Test
  void a_second_complaint_with_the_same_id_is_refused_and_the_first_kept() {
    store.create(registration(Optional.empty(), "f1"));
    Complaint first = store.find(TenantId.DEFAULT, Fixtures.ID).orElseThrow();

    assertThatThrownBy(() -> store.create(registration(Optional.of("k"), "f2")))
        .isInstanceOf(DuplicateComplaintIdException.class);
    assertThat(store.find(TenantId.DEFAULT, Fixtures.ID)).contains(first);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "k", "f2")).isEmpty(); // the key was not claimed
  }

  @Test
  void the_same_key_and_fingerprint_replay_the_first_complaint_without_writing() {
    CreateResult first = store.create(registration(Optional.of("call-1"), "f"));
    List<ComplaintEvent> log = Fixtures.historyIn(Status.REGISTERED);
    ComplaintId otherId = ComplaintId.of("RPR-2024-000124");
    ComplaintEvent.ComplaintRegistered r = (ComplaintEvent.ComplaintRegistered) log.get(0);
    ComplaintEvent.ComplaintRegistered other =
        new ComplaintEvent.ComplaintRegistered(otherId, 1, r.occurredAt(), r.actor(), r.kind(), r.channel(),
            r.citizen(), r.categoryCode(), r.jurisdictionCode(), r.description(), r.attachments(), r.idempotencyKey());

    CreateResult second =
        store.create(new NewComplaint(Lifecycle.start(other), List.of(other), Optional.of("call-1"), "f"));

    assertThat(second).isInstanceOf(CreateResult.Replayed.class);
    assertThat(second.complaint()).isEqualTo(first.complaint());
    assertThat(store.find(TenantId.DEFAULT, otherId)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void the_same_key_with_another_fingerprint_is_a_conflict() {
    store.create(registration(Optional.of("call-1"), "f"));

    assertThatThrownBy(() -> store.findByIdempotencyKey(TenantId.DEFAULT, "call-1", "g"))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("call-1");
          assertThat(e.existing()).isEqualTo(Fixtures.ID);
        });
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-1", "f")).isPresent();
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-2", "f")).isEmpty();
  }

  @Test
  void a_new_complaint_needs_as_many_events_as_its_version() {
    List<ComplaintEvent> log = Fixtures.historyIn(Status.ASSIGNED);

    assertThatThrownBy(() -> new NewComplaint(Lifecycle.replay(log), log.subList(0, 1), Optional.empty(), "f"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NewComplaint(Lifecycle.replay(log), List.of(), Optional.empty(), "f"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_event_list_handed_out_cannot_change_the_store() {
    storeLog(Fixtures.historyIn(Status.ASSIGNED));
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, Fixtures.ID);

    assertThatThrownBy(() -> events.remove(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.events(TenantId.DEFAULT, Fixtures.ID)).hasSize(2);
  }
}
