package org.nivaran.grievance.policy;

import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.Role;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.PageRequest;

/** How many complaints one number may register per period, and what is never refused. */
class CallerLimitPolicyTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor SUPERVISOR = Actor.supervisor("OFF-NODAL", District.NODAL);
  private static final PhoneNumber CALLER = PhoneNumber.parse(Fixtures.CITIZEN_PHONE);
  private static final String OTHER_PHONE = "9123456780";
  private static final List<String> CATEGORIES = List.of("ENERGY.SUPPLY", "REVENUE.LAND");

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private Grievances grievances(CallerLimitPolicy limit) {
    return District.grievances(store, clock).callerLimitPolicy(limit).build();
  }

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private static RegisterComplaint.Builder request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12");
  }

  private long stored(String phone) {
    return store.byCitizen(TenantId.DEFAULT, PhoneNumber.parse(phone), PageRequest.first(100)).items().size();
  }

  private Registration register(Grievances g, int i) {
    return g.submit(request().categoryCode(CATEGORIES.get(i % 2)).description("शिकायत " + i).build(), AGENT);
  }

  @Test
  void refused_until_from_instants_counts_the_period_only_and_names_the_limit_th_newest() {
    Instant at = Instant.parse("2024-03-20T06:30:00Z");
    CallerLimitPolicy window = CallerLimitPolicy.perWindow(2, Duration.ofHours(10));
    Instant start = at.minus(Duration.ofHours(10));
    // exactly at the window's start and after the registration: neither counts
    assertThat(window.refusedUntilRegisteredAt(List.of(start, at.plusSeconds(1), at.minusSeconds(5)), at)).isEmpty();
    assertThat(window.refusedUntilRegisteredAt(List.of(start.plusSeconds(1), at, at.minusSeconds(5)), at))
        .contains(at.minusSeconds(5).plus(Duration.ofHours(10)));
    CallerLimitPolicy month = CallerLimitPolicy.perCalendarMonth(2, District.IST);
    Instant firstOfMonth = LocalDateTime.of(2024, 3, 1, 0, 0).atZone(District.IST).toInstant();
    assertThat(month.refusedUntilRegisteredAt(List.of(firstOfMonth, at), at))
        .contains(LocalDateTime.of(2024, 4, 1, 0, 0).atZone(District.IST).toInstant());
    assertThat(month.refusedUntilRegisteredAt(List.of(firstOfMonth.minusSeconds(1), at), at)).isEmpty();
    assertThat(CallerLimitPolicy.none().refusedUntilRegisteredAt(List.of(at, at, at), at)).isEmpty();
  }

  @Test
  void a_calendar_month_in_IST_counts_from_the_first_at_midnight_IST_and_refuses_until_the_next_first() {
    Grievances g = grievances(CallerLimitPolicy.perCalendarMonth(3, District.IST));
    clock.set(ist(2024, 2, 29, 23, 59)); // the last minute of February in IST
    register(g, 0);
    clock.set(ist(2024, 3, 31, 22, 0)); // 16:30 UTC: in UTC too, still March
    for (int i = 1; i <= 3; i++) {
      assertThat(register(g, i).outcome()).isEqualTo(Registration.Outcome.CREATED);
    }

    CallerLimitReachedException e =
        catchThrowableOfType(CallerLimitReachedException.class, () -> register(g, 4));

    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("citizen.phone");
    assertThat(e.limit()).isEqualTo(3);
    assertThat(e.mayRegisterAgainAt()).isEqualTo(ist(2024, 4, 1, 0, 0)).isEqualTo(Instant.parse("2024-03-31T18:30:00Z"));
    assertThat(e.getMessage()).contains("2024-04-01T00:00+05:30");
    assertThat(stored(Fixtures.CITIZEN_PHONE)).as("nothing stored on refusal").isEqualTo(4);

    clock.set(ist(2024, 3, 31, 23, 59).plusSeconds(59));
    assertThatThrownBy(() -> register(g, 5)).isInstanceOf(CallerLimitReachedException.class);
    clock.set(ist(2024, 4, 1, 0, 0)); // still 31 March in UTC
    assertThat(register(g, 6).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_sliding_window_refuses_until_the_oldest_of_the_last_limit_registrations_is_a_window_old() {
    Grievances g = grievances(CallerLimitPolicy.perWindow(2, Duration.ofDays(7)));
    Instant t0 = clock.instant();
    register(g, 0);
    clock.set(t0.plus(Duration.ofDays(1)));
    register(g, 1);
    clock.set(t0.plus(Duration.ofDays(2)));

    CallerLimitReachedException first = catchThrowableOfType(CallerLimitReachedException.class, () -> register(g, 2));
    assertThat(first.mayRegisterAgainAt()).isEqualTo(t0.plus(Duration.ofDays(7)));

    clock.set(t0.plus(Duration.ofDays(7)).minusNanos(1));
    assertThatThrownBy(() -> register(g, 3)).isInstanceOf(CallerLimitReachedException.class);
    clock.set(t0.plus(Duration.ofDays(7)));
    assertThat(register(g, 4).outcome()).isEqualTo(Registration.Outcome.CREATED);

    clock.advance(Duration.ofMinutes(1));
    CallerLimitReachedException next = catchThrowableOfType(CallerLimitReachedException.class, () -> register(g, 5));
    assertThat(next.mayRegisterAgainAt()).isEqualTo(t0.plus(Duration.ofDays(8)));
    assertThat(stored(Fixtures.CITIZEN_PHONE)).isEqualTo(3);
  }

  @Test
  void walk_in_hearings_when_exempt_are_neither_refused_nor_counted() {
    Grievances g = grievances(
        CallerLimitPolicy.perCalendarMonth(1, District.IST).exemptingChannels(Channel.WALK_IN_HEARING));
    RegisterComplaint.Builder walkIn = request().channel(Channel.WALK_IN_HEARING);

    g.submit(walkIn.description("सुनवाई 1").build(), AGENT);
    g.submit(walkIn.categoryCode("REVENUE.LAND").description("सुनवाई 2").build(), AGENT);
    assertThat(register(g, 0).outcome()).as("the walk-ins did not count").isEqualTo(Registration.Outcome.CREATED);
    assertThatThrownBy(() -> register(g, 1)).isInstanceOf(CallerLimitReachedException.class);
    assertThat(g.submit(walkIn.description("सुनवाई 3").build(), AGENT).outcome())
        .isEqualTo(Registration.Outcome.CREATED);
    assertThat(stored(Fixtures.CITIZEN_PHONE)).isEqualTo(4);
  }

  @Test
  void a_supervisor_when_exempt_may_register_over_the_limit_and_others_may_not() {
    Grievances g = grievances(CallerLimitPolicy.perCalendarMonth(1, District.IST).exemptingRoles(Role.SUPERVISOR));
    register(g, 0);
    assertThatThrownBy(() -> register(g, 1)).isInstanceOf(CallerLimitReachedException.class);

    Registration r = g.submit(request().categoryCode("REVENUE.LAND").build(), SUPERVISOR);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(stored(Fixtures.CITIZEN_PHONE)).isEqualTo(2);
  }

  @Test
  void without_exemptions_a_walk_in_and_a_supervisor_are_refused_too() {
    Grievances g = grievances(CallerLimitPolicy.perCalendarMonth(1, District.IST));
    register(g, 0);
    assertThatThrownBy(() -> g.submit(request().channel(Channel.WALK_IN_HEARING).build(), AGENT))
        .isInstanceOf(CallerLimitReachedException.class);
    assertThatThrownBy(() -> g.submit(request().categoryCode("REVENUE.LAND").build(), SUPERVISOR))
        .isInstanceOf(CallerLimitReachedException.class);
  }

  @Test
  void a_retry_of_a_stored_registration_replays_it_even_at_the_limit() {
    Grievances g = grievances(CallerLimitPolicy.perCalendarMonth(1, District.IST));
    RegisterComplaint call = request().idempotencyKey("call-1").build();
    Complaint first = g.submit(call, AGENT).complaint();
    clock.advance(Duration.ofMinutes(5));

    Registration retry = g.submit(call, AGENT);

    assertThat(retry.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(retry.complaint().id()).isEqualTo(first.id());
    assertThatThrownBy(() -> g.submit(request().categoryCode("REVENUE.LAND").idempotencyKey("call-2").build(), AGENT))
        .isInstanceOf(CallerLimitReachedException.class);
    assertThat(stored(Fixtures.CITIZEN_PHONE)).isEqualTo(1);
  }

  @Test
  void a_repeat_linked_by_the_duplicate_policy_is_not_refused_and_does_not_count() {
    Grievances g = District.grievances(store, clock)
        .callerLimitPolicy(CallerLimitPolicy.perCalendarMonth(2, District.IST))
        .duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7)))
        .build();
    Complaint original = g.register(request().build(), AGENT);
    Complaint second = g.register(request().categoryCode("REVENUE.LAND").build(), AGENT);

    Registration repeat = g.submit(request().description("फिर से बिजली नहीं").build(), AGENT);
    Registration again = g.submit(request().categoryCode("REVENUE.LAND").description("फिर से").build(), AGENT);

    assertThat(repeat.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(repeat.complaint().id()).isEqualTo(original.id());
    assertThat(again.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(again.complaint().id()).isEqualTo(second.id());
    assertThatThrownBy(() -> g.submit(request().jurisdictionCode("RAIPUR").description("नई शिकायत").build(), AGENT))
        .isInstanceOf(CallerLimitReachedException.class);
    assertThat(stored(Fixtures.CITIZEN_PHONE)).isEqualTo(2);
  }

  @Test
  void each_number_has_its_own_limit() {
    Grievances g = grievances(CallerLimitPolicy.perCalendarMonth(1, District.IST));
    register(g, 0);

    Registration other = g.submit(request().citizen(Complainant.of("रमेश साहू", OTHER_PHONE, "hi")).build(), AGENT);

    assertThat(other.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThatThrownBy(() -> register(g, 1)).isInstanceOf(CallerLimitReachedException.class);
    assertThatThrownBy(() -> g.submit(request().categoryCode("REVENUE.LAND")
        .citizen(Complainant.of("रमेश साहू", OTHER_PHONE, "hi")).build(), AGENT)).isInstanceOf(CallerLimitReachedException.class);
  }

  @Test
  void the_refusal_shows_the_number_masked_and_never_in_full() {
    Grievances g = grievances(CallerLimitPolicy.perWindow(1, Duration.ofDays(30)));
    register(g, 0);

    CallerLimitReachedException e = catchThrowableOfType(CallerLimitReachedException.class, () -> register(g, 1));

    String national = CALLER.e164().substring(3);
    assertThat(e.getMessage())
        .contains(org.nivaran.grievance.actor.Masking.phone(CALLER))
        .doesNotContain(national)
        .doesNotContain(national.substring(0, 6))
        .contains("Asia/Kolkata");
  }

  @Test
  void a_limit_needs_a_store_with_the_callers_history() {
    ComplaintStore plain = new PlainStore(store);
    assertThatThrownBy(() -> org.nivaran.grievance.Grievances.builder().store(plain).clock(clock)
            .callerLimitPolicy(CallerLimitPolicy.perCalendarMonth(10, District.IST)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("caller-limit")
        .hasMessageContaining("CallerHistory");
    assertThat(org.nivaran.grievance.Grievances.builder().store(plain).clock(clock)
        .callerLimitPolicy(CallerLimitPolicy.none()).build()).isNotNull();
  }

  @Test
  void the_policy_refuses_a_limit_below_one_or_a_window_not_positive_naming_the_field() {
    assertThatThrownBy(() -> CallerLimitPolicy.perCalendarMonth(0, District.IST))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> CallerLimitPolicy.perWindow(3, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("window");
    assertThatThrownBy(() -> CallerLimitPolicy.none().exemptingRoles(Role.SUPERVISOR))
        .isInstanceOf(IllegalStateException.class);
    assertThat(CallerLimitPolicy.none().refusedUntil(List.of(), clock.instant())).isEmpty();
  }

  /** A store with none of the optional capabilities. */
  private record PlainStore(InMemoryComplaintStore d) implements ComplaintStore {
    @Override public CreateResult create(NewComplaint r) { return d.create(r); }
    @Override public void append(Append change) { d.append(change); }
    @Override public Optional<Complaint> find(TenantId tenant, ComplaintId id) { return d.find(tenant, id); }
    @Override public Optional<Complaint> findByReference(TenantId tenant, ExternalReference r) { return d.findByReference(tenant, r); }
    @Override public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) { return d.events(tenant, id); }
    @Override public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String k, String f) { return d.findByIdempotencyKey(tenant, k, f); }
  }
}
