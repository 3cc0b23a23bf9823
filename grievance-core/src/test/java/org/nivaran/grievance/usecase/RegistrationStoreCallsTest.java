package org.nivaran.grievance.usecase;

import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.directory.BlockedNumberException;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.policy.DuplicatePolicy;
import org.nivaran.grievance.policy.FakeComplaintPolicy;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.WorkLists;

/**
 * How often one registration asks the store about the caller: the citizen's history is read at most
 * once, whatever policies are on (the duplicate and caller-limit policies share the read), and the fake-complaint guard asks one count unless the number has
 * enough fakes to be blocked.
 */
class RegistrationStoreCallsTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final PhoneNumber CALLER = PhoneNumber.parse(Fixtures.CITIZEN_PHONE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final CountingStore store = new CountingStore();
  private final Grievances grievances = District.grievances(store, clock)
      .duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7)))
      .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90)))
      .callerLimitPolicy(CallerLimitPolicy.perCalendarMonth(300, District.IST)) // from 1 March: before the 7 days
      .build();

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private static RegisterComplaint.Builder request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12");
  }

  @Test
  void a_new_registration_with_a_key_and_every_policy_on_asks_each_bounded_question_once_and_counts_fakes_once() {
    Grievances plain = District.grievances(store, clock) // no policy: every one a new complaint
        .idScheme(org.nivaran.grievance.complaint.ComplaintIdScheme.yearly("OLD", District.IST)).build();
    for (int i = 0; i < 250; i++) { // more than two pages of the citizen's earlier complaints, none a repeat
      plain.register(request().categoryCode("REVENUE.LAND").description("पुरानी शिकायत " + i).build(), AGENT);
      clock.advance(Duration.ofMinutes(1));
    }
    store.calls.clear();

    Registration r = grievances.submit(request().idempotencyKey("call-1").build(), AGENT);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(store.count("registeredSince")).as("never the whole history").isZero();
    assertThat(store.count("registeredSinceOfCategory")).as("the duplicate policy's question").isEqualTo(1);
    assertThat(store.count("registrationInstants")).as("the caller limit's question").isEqualTo(1);
    assertThat(store.count("newestRegistered")).as("no exempt channel: no complaint read").isZero();
    assertThat(store.count("byCitizen")).isZero();
    assertThat(store.count("countFakeClosures")).isEqualTo(1);
    assertThat(store.count("fakeClosures")).isZero();
    assertThat(store.count("events")).as("no repeat to read the log of").isZero();
  }

  @Test
  void a_linked_repeat_with_a_key_reads_the_repeats_once_and_the_log_of_the_one_repeated_complaint() {
    Complaint original = grievances.register(request().build(), AGENT);
    clock.advance(Duration.ofHours(1));
    store.calls.clear();

    Registration r = grievances.submit(request().idempotencyKey("call-2").description("फिर से").build(), AGENT);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(r.complaint().id()).isEqualTo(original.id());
    assertThat(store.count("registeredSince")).isZero();
    assertThat(store.count("registeredSinceOfCategory")).isEqualTo(1);
    assertThat(store.count("registrationInstants")).as("linked before the limit is checked").isZero();
    assertThat(store.count("byCitizen")).isZero();
    assertThat(store.count("countFakeClosures")).isEqualTo(1);
    assertThat(store.count("events")).as("the repeated complaint's log, for an earlier link with the key").isEqualTo(2);
  }

  @Test
  void a_number_with_enough_fakes_is_blocked_after_one_count_and_one_read_of_its_fakes() {
    for (int i = 0; i < 2; i++) {
      Complaint c = grievances.register(request().categoryCode(i == 0 ? "ENERGY.SUPPLY" : "REVENUE.LAND").build(), AGENT);
      grievances.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "मज़ाक", Optional.empty()), AGENT);
      clock.advance(Duration.ofHours(1));
    }
    store.calls.clear();

    assertThatThrownBy(() -> grievances.submit(request().idempotencyKey("call-3").build(), AGENT))
        .isInstanceOf(BlockedNumberException.class);
    assertThat(store.count("countFakeClosures")).isZero(); // blocked by the blocklist the rejections filled
    assertThat(store.count("registeredSinceOfCategory")).isEqualTo(1); // was this key linked before?
    assertThat(store.count("registeredSince")).isZero();

    Grievances otherNode = District.grievances(store, clock)
        .fakeComplaintPolicy(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90))).build();
    store.calls.clear();
    assertThatThrownBy(() -> otherNode.submit(request().build(), AGENT)).isInstanceOf(BlockedNumberException.class);
    assertThat(store.count("countFakeClosures")).isEqualTo(1);
    assertThat(store.count("fakeClosures")).isEqualTo(1);
    assertThat(store.count("registeredSince")).isZero();
    assertThat(store.count("registeredSinceOfCategory")).isZero();
    assertThat(store.count("registrationInstants")).isZero();
  }

  @Test
  void a_registration_over_the_caller_limit_reads_the_newest_once_and_stores_nothing() {
    Grievances limited = District.grievances(store, clock)
        .duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7)))
        .callerLimitPolicy(CallerLimitPolicy.perWindow(3, Duration.ofDays(30)))
        .build();
    for (int i = 0; i < 3; i++) {
      limited.register(request().categoryCode(i % 2 == 0 ? "ENERGY.SUPPLY" : "REVENUE.LAND").jurisdictionCode(
          i == 2 ? "RAIPUR" : "WARD-12").build(), AGENT);
      clock.advance(Duration.ofDays(3)); // the oldest beyond the duplicate policy's 7 days by the end
    }
    store.calls.clear();

    assertThatThrownBy(() -> limited.submit(
        request().categoryCode("REVENUE.LAND").jurisdictionCode("RAIPUR").idempotencyKey("call-4").build(), AGENT))
        .isInstanceOf(CallerLimitReachedException.class);
    assertThat(store.count("registeredSince")).isZero();
    assertThat(store.count("registeredSinceOfCategory")).isEqualTo(1);
    assertThat(store.count("registrationInstants")).as("the newest 3 decide").isEqualTo(1);
    assertThat(store.count("newestRegistered")).isZero();
    assertThat(store.count("create")).isZero();
    assertThat(store.count("append")).isZero();
  }

  /** The in-memory store, counting the calls of each method by name. */
  static final class CountingStore implements ComplaintStore, WorkLists, CallerHistory {
    final InMemoryComplaintStore d = new InMemoryComplaintStore();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    int count(String method) {
      return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    private void called(String method) {
      calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override public CreateResult create(NewComplaint r) { called("create"); return d.create(r); }
    @Override public void append(Append change) { called("append"); d.append(change); }
    @Override public Optional<Complaint> find(TenantId tenant, ComplaintId id) { called("find"); return d.find(tenant, id); }
    @Override public Optional<Complaint> findByReference(TenantId tenant, ExternalReference r) { return d.findByReference(tenant, r); }
    @Override public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) { called("events"); return d.events(tenant, id); }
    @Override public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String k, String f) {
      called("findByIdempotencyKey");
      return d.findByIdempotencyKey(tenant, k, f);
    }
    @Override public Page<Complaint> pendingAt(TenantId tenant, PostId p, PageRequest r) { called("pendingAt"); return d.pendingAt(tenant, p, r); }
    @Override public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest r) { called("overdue"); return d.overdue(tenant, at, r); }
    @Override public Page<Complaint> flagged(TenantId tenant, ComplaintFlag f, PageRequest r) { called("flagged"); return d.flagged(tenant, f, r); }
    @Override public Page<Complaint> byStatus(TenantId tenant, Status s, String j, PageRequest r) { called("byStatus"); return d.byStatus(tenant, s, j, r); }
    @Override public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber p, PageRequest r) { called("byCitizen"); return d.byCitizen(tenant, p, r); }
    @Override public List<Complaint> registeredSince(TenantId tenant, PhoneNumber p, Instant since) {
      called("registeredSince");
      return d.registeredSince(tenant, p, since);
    }
    @Override public List<Complaint> newestRegistered(TenantId tenant, PhoneNumber p, Instant since, Instant until,
        int max) {
      called("newestRegistered");
      return d.newestRegistered(tenant, p, since, until, max);
    }
    @Override public List<Instant> registrationInstants(TenantId tenant, PhoneNumber p, Instant since, Instant until,
        int max) {
      called("registrationInstants");
      return d.registrationInstants(tenant, p, since, until, max);
    }
    @Override public List<Complaint> registeredSince(TenantId tenant, PhoneNumber p, String category,
        String jurisdiction, Instant since) {
      called("registeredSinceOfCategory");
      return d.registeredSince(tenant, p, category, jurisdiction, since);
    }
    @Override public int countFakeClosures(TenantId tenant, PhoneNumber p, Instant since, Instant until) {
      called("countFakeClosures");
      return d.countFakeClosures(tenant, p, since, until);
    }
    @Override public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber p, Instant since, Instant until) {
      called("fakeClosures");
      return d.fakeClosures(tenant, p, since, until);
    }
  }
}
