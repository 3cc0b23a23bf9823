package org.nivaran.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.DuplicateComplaintIdException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.StaleVersionException;

/** The entry point over the in-memory store, one thread at a time. */
class GrievancesTest {
  private InMemoryComplaintStore store;
  private Grievances grievances;

  @BeforeEach
  void setUp() {
    store = new InMemoryComplaintStore();
    grievances = Fixtures.grievances(store);
  }

  private Complaint run(Complaint c, CommandType type, Actor actor) {
    return grievances.execute(c.id(), c.version(), Fixtures.command(type), actor);
  }

  @Test
  void registering_stores_the_complaint_and_its_registration_event() {
    Complaint c = grievances.register(Fixtures.request(), Fixtures.AGENT);

    assertThat(c.id()).isEqualTo(ComplaintId.of("RPR-2024-000001"));
    assertThat(c.status()).isEqualTo(Status.REGISTERED);
    assertThat(c.version()).isEqualTo(1);
    assertThat(c.registeredAt()).isEqualTo(Fixtures.T0);
    assertThat(store.size()).isEqualTo(1);
    assertThat(grievances.get(c.id())).isEqualTo(c);
    assertThat(grievances.find(c.id())).contains(c);
    assertThat(grievances.history(c.id()))
        .singleElement()
        .isInstanceOfSatisfying(ComplaintEvent.ComplaintRegistered.class, e -> {
          assertThat(e.actor()).isEqualTo(Fixtures.AGENT);
          assertThat(e.sequence()).isEqualTo(1);
          assertThat(e.description()).isEqualTo(Fixtures.request().description());
        });
  }

  @Test
  void each_registration_gets_the_next_id() {
    ComplaintId first = grievances.register(Fixtures.request(), Fixtures.AGENT).id();
    ComplaintId second = grievances.register(Fixtures.request(), Fixtures.CITIZEN).id();

    assertThat(first).isEqualTo(ComplaintId.of("RPR-2024-000001"));
    assertThat(second).isEqualTo(ComplaintId.of("RPR-2024-000002"));
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void a_complaint_runs_from_registration_to_closure_and_its_history_replays_to_it() {
    Complaint c = grievances.register(Fixtures.request(), Fixtures.CITIZEN);
    c = run(c, CommandType.ASSIGN, Fixtures.ROUTER);
    c = run(c, CommandType.START_WORK, Fixtures.AE_OFFICER);
    c = run(c, CommandType.REQUEST_INFORMATION, Fixtures.AE_OFFICER);
    c = run(c, CommandType.PROVIDE_INFORMATION, Fixtures.CITIZEN);
    c = run(c, CommandType.RESOLVE, Fixtures.AE_OFFICER);
    c = run(c, CommandType.RETURN_REPLY, Fixtures.COLLECTOR);
    c = run(c, CommandType.RESOLVE, Fixtures.AE_OFFICER);
    c = run(c, CommandType.CONFIRM_SATISFIED, Fixtures.CITIZEN);

    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.version()).isEqualTo(9);
    assertThat(c.returnCount()).isEqualTo(1);
    assertThat(grievances.get(c.id())).isEqualTo(c);
    List<ComplaintEvent> history = grievances.history(c.id());
    assertThat(history).extracting(Lifecycle::commandOf).containsExactly(
        CommandType.REGISTER, CommandType.ASSIGN, CommandType.START_WORK, CommandType.REQUEST_INFORMATION,
        CommandType.PROVIDE_INFORMATION, CommandType.RESOLVE, CommandType.RETURN_REPLY, CommandType.RESOLVE,
        CommandType.CONFIRM_SATISFIED);
    assertThat(history).extracting(ComplaintEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(Lifecycle.replay(history)).isEqualTo(c);
  }

  @Test
  void executing_on_the_latest_version_without_naming_it_works_too() {
    Complaint c = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Complaint assigned = grievances.execute(c.id(), Fixtures.command(CommandType.ASSIGN), Fixtures.AGENT);

    assertThat(assigned.status()).isEqualTo(Status.ASSIGNED);
    assertThat(grievances.get(c.id())).isEqualTo(assigned);
  }

  @Test
  void a_stale_expected_version_is_refused_and_nothing_is_written() {
    Complaint registered = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Complaint assigned = run(registered, CommandType.ASSIGN, Fixtures.ROUTER);
    List<ComplaintEvent> historyBefore = grievances.history(registered.id());

    assertThatThrownBy(() ->
            grievances.execute(registered.id(), registered.version(), Fixtures.command(CommandType.WITHDRAW), Fixtures.CITIZEN))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.complaintId()).isEqualTo(registered.id());
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThat(grievances.get(registered.id())).isEqualTo(assigned);
    assertThat(grievances.history(registered.id())).isEqualTo(historyBefore).hasSize(2);
  }

  @Test
  void a_version_from_the_future_is_stale_too() {
    Complaint c = grievances.register(Fixtures.request(), Fixtures.AGENT);

    assertThatThrownBy(() -> grievances.execute(c.id(), 5, Fixtures.command(CommandType.ASSIGN), Fixtures.AGENT))
        .isInstanceOf(StaleVersionException.class);
    assertThat(grievances.get(c.id())).isEqualTo(c);
  }

  @Test
  void a_refused_command_stores_nothing() {
    Complaint c = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Complaint assigned = run(c, CommandType.ASSIGN, Fixtures.ROUTER);

    assertThatThrownBy(() -> run(assigned, CommandType.CONFIRM_SATISFIED, Fixtures.CITIZEN))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> run(assigned, CommandType.START_WORK, Fixtures.EE_OFFICER))
        .isInstanceOf(ActorNotPermittedException.class);
    assertThatThrownBy(() ->
            grievances.execute(c.id(), assigned.version(), new ComplaintCommand.Escalate(Fixtures.AE, "late"), Fixtures.ROUTER))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toPost"));

    assertThat(grievances.get(c.id())).isEqualTo(assigned);
    assertThat(grievances.history(c.id())).hasSize(2);
  }

  @Test
  void an_unknown_complaint_is_not_found() {
    ComplaintId unknown = ComplaintId.of("RPR-2024-999999");

    assertThat(grievances.find(unknown)).isEmpty();
    assertThat(grievances.history(unknown)).isEmpty();
    assertThatThrownBy(() -> grievances.get(unknown))
        .isInstanceOfSatisfying(ComplaintNotFoundException.class, e -> assertThat(e.complaintId()).isEqualTo(unknown));
    assertThatThrownBy(() -> grievances.execute(unknown, 1, Fixtures.command(CommandType.ASSIGN), Fixtures.AGENT))
        .isInstanceOf(ComplaintNotFoundException.class);
    assertThatThrownBy(() -> grievances.execute(unknown, Fixtures.command(CommandType.ASSIGN), Fixtures.AGENT))
        .isInstanceOf(ComplaintNotFoundException.class);
    assertThat(store.size()).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Refused registrations store nothing

  @Test
  void a_citizen_registering_for_someone_elses_number_stores_nothing() {
    assertThatThrownBy(() -> grievances.register(Fixtures.request(), Fixtures.OTHER_CITIZEN))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.CITIZEN_OWNS_COMPLAINT));

    assertThat(store.size()).isZero();
  }

  @Test
  void a_request_refused_by_validation_never_reaches_the_store() {
    assertThatThrownBy(() -> grievances.register(Fixtures.requestBuilder().description("\u0000").build(), Fixtures.AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
    assertThatThrownBy(() -> grievances.register(
            Fixtures.requestBuilder().citizen(Complainant.of("रमेश", "12345", "hi")).build(), Fixtures.AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("citizen.phone"));
    assertThatThrownBy(() -> grievances.register(
            Fixtures.requestBuilder().categoryCode("बिजली").build(), Fixtures.AGENT))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("categoryCode"));

    assertThat(store.size()).isZero();
  }

  @Test
  void an_id_issued_twice_is_refused_and_the_first_complaint_kept() {
    Grievances sameId =
        Grievances.builder().store(store).clock(Fixtures.clock()).idScheme((r, t) -> Fixtures.ID).build();
    Complaint first = sameId.register(Fixtures.request(), Fixtures.AGENT);

    assertThatThrownBy(() -> sameId.register(Fixtures.requestBuilder().description("दूसरी").build(), Fixtures.AGENT))
        .isInstanceOfSatisfying(DuplicateComplaintIdException.class, e -> assertThat(e.complaintId()).isEqualTo(Fixtures.ID));
    assertThat(store.size()).isEqualTo(1);
    assertThat(sameId.get(Fixtures.ID)).isEqualTo(first);
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency

  private static RegisterComplaint keyed(String key) {
    return Fixtures.requestBuilder().idempotencyKey(key).build();
  }

  @Test
  void the_same_key_and_request_return_the_first_complaint_and_store_one_event() {
    Complaint first = grievances.register(keyed("call-7f3a9c"), Fixtures.AGENT);
    Complaint again = grievances.register(keyed("call-7f3a9c"), Fixtures.AGENT);

    assertThat(again).isEqualTo(first);
    assertThat(store.size()).isEqualTo(1);
    assertThat(grievances.history(first.id())).hasSize(1);
  }

  @Test
  void the_same_request_written_differently_is_the_same_request() {
    Complaint first = grievances.register(keyed("call-7f3a9c"), Fixtures.AGENT);
    RegisterComplaint retyped =
        Fixtures.requestBuilder()
            .citizen(Complainant.builder().from(Fixtures.citizen()).phone("+91 98765-43210").name(" सुनीता वर्मा ").build())
            .description("  " + Fixtures.request().description() + "\n")
            .idempotencyKey("call-7f3a9c")
            .build();

    assertThat(grievances.register(retyped, Fixtures.AGENT)).isEqualTo(first);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void a_retry_returns_the_complaint_as_it_is_now() {
    Complaint first = grievances.register(keyed("wa-3EB0C7"), Fixtures.CITIZEN);
    Complaint assigned = run(first, CommandType.ASSIGN, Fixtures.ROUTER);

    assertThat(grievances.register(keyed("wa-3EB0C7"), Fixtures.CITIZEN)).isEqualTo(assigned);
    assertThat(store.size()).isEqualTo(1);
    assertThat(grievances.history(first.id())).hasSize(2);
  }

  @Test
  void the_same_key_with_a_different_request_is_a_conflict_and_stores_nothing() {
    Complaint first = grievances.register(keyed("call-7f3a9c"), Fixtures.AGENT);
    RegisterComplaint different =
        Fixtures.requestBuilder().description("पानी नहीं आ रहा").idempotencyKey("call-7f3a9c").build();

    assertThatThrownBy(() -> grievances.register(different, Fixtures.AGENT))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("call-7f3a9c");
          assertThat(e.existing()).isEqualTo(first.id());
        });
    assertThat(store.size()).isEqualTo(1);
    assertThat(grievances.get(first.id()).description()).isEqualTo(first.description());
  }

  @Test
  void requests_without_a_key_are_never_deduplicated() {
    grievances.register(Fixtures.request(), Fixtures.AGENT);
    grievances.register(Fixtures.request(), Fixtures.AGENT);

    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void different_keys_register_different_complaints() {
    Complaint a = grievances.register(keyed("call-1"), Fixtures.AGENT);
    Complaint b = grievances.register(keyed("call-2"), Fixtures.AGENT);

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void the_fingerprint_ignores_the_key_but_not_the_content() {
    RegisterComplaint a = keyed("k1");

    assertThat(a.fingerprint()).isEqualTo(keyed("k2").fingerprint()).isEqualTo(Fixtures.request().fingerprint());
    assertThat(a.fingerprint()).matches("[0-9a-f]{64}");
    assertThat(Fixtures.requestBuilder().jurisdictionCode("CG.RAIPUR.WARD-13").build().fingerprint())
        .isNotEqualTo(a.fingerprint());
    assertThat(Fixtures.requestBuilder().citizen(Complainant.of("सुनीता वर्मा", "9123456780", "hi")).build().fingerprint())
        .isNotEqualTo(Fixtures.requestBuilder().citizen(Complainant.of("सुनीता वर्मा", "9876543210", "hi")).build().fingerprint());
    assertThat(Fixtures.requestBuilder().attachments(List.of()).build().fingerprint()).isNotEqualTo(a.fingerprint());
  }

  @Test
  void the_builder_refuses_fewer_than_one_attempt() {
    assertThatThrownBy(() -> Grievances.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void events_are_stamped_by_the_injected_clock() {
    Instant fixed = Fixtures.T0;
    Complaint c = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Complaint assigned = run(c, CommandType.ASSIGN, Fixtures.ROUTER);

    assertThat(grievances.history(c.id())).extracting(ComplaintEvent::occurredAt).containsOnly(fixed);
    assertThat(assigned.assignment().orElseThrow().since()).isEqualTo(fixed);
  }

  @Test
  void an_event_is_never_stamped_before_the_one_it_follows_even_if_the_clock_lags() {
    java.time.Instant late = Fixtures.T0.plusSeconds(3600);
    Grievances ahead = Grievances.builder().store(store).clock(java.time.Clock.fixed(late, java.time.ZoneOffset.UTC))
        .idScheme(org.nivaran.grievance.complaint.ComplaintIdScheme.yearly("AHD", java.time.ZoneId.of("Asia/Kolkata"))).build();
    Complaint registered = ahead.register(Fixtures.request(), Fixtures.AGENT);

    Complaint assigned = grievances.execute(registered.id(), Fixtures.command(CommandType.ASSIGN), Fixtures.ROUTER);

    assertThat(assigned.updatedAt()).isEqualTo(late);
    assertThat(grievances.history(registered.id()).get(1).occurredAt()).isEqualTo(late);
  }
}
