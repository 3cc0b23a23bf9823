package org.nivaran.grievance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.TenantId;

/** A registration naming an external reference that a complaint of the tenant already holds. */
class ReferencePolicyTest {
  private static final Actor AGENT = Fixtures.AGENT;
  private static final ExternalReference CPGRAMS = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345");
  private static final ExternalReference CMH = ExternalReference.of("CMH-181", "T-2024-778899");

  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private Grievances grievances(ComplaintStore on, ReferencePolicy policy, TenantId tenant) {
    return Grievances.builder()
        .tenant(tenant)
        .store(on)
        .clock(Fixtures.clock())
        .idScheme(ComplaintIdScheme.yearly("RPR", java.time.ZoneId.of("Asia/Kolkata")))
        .referencePolicy(policy)
        .build();
  }

  private Grievances grievances(ReferencePolicy policy) {
    return grievances(store, policy, TenantId.DEFAULT);
  }

  private static RegisterComplaint.Builder request(ExternalReference... refs) {
    return Fixtures.requestBuilder().references(List.of(refs));
  }

  @Test
  void return_existing_is_the_default() {
    assertThat(ReferencePolicy.defaults()).isEqualTo(ReferencePolicy.RETURN_EXISTING);
  }

  @Test
  void return_existing_answers_a_known_reference_with_the_holder_and_stores_nothing() {
    Grievances g = Grievances.builder().store(store).clock(Fixtures.clock()).build(); // the default policy
    Registration first = g.submit(request(CPGRAMS).build(), AGENT);
    assertThat(first.outcome()).isEqualTo(Registration.Outcome.CREATED);
    int events = store.events(TenantId.DEFAULT, first.complaint().id()).size();

    // resent by the portal with another text and a second reference: the reference decides
    Registration again = g.submit(request(CMH, CPGRAMS).description("बिजली फिर गई, कृपया जल्दी करें").build(), AGENT);

    assertThat(again.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(again.complaint().id()).isEqualTo(first.complaint().id());
    assertThat(again.complaint().description()).isEqualTo(first.complaint().description());
    assertThat(again.complaint().references()).containsExactly(CPGRAMS);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.events(TenantId.DEFAULT, first.complaint().id())).hasSize(events);
    assertThat(store.findByReference(TenantId.DEFAULT, CMH)).isEmpty();
  }

  @Test
  void the_same_reference_in_another_tenant_is_another_grievance() {
    Grievances raipur = grievances(store, ReferencePolicy.RETURN_EXISTING, TenantId.of("raipur"));
    Grievances durg = grievances(store, ReferencePolicy.RETURN_EXISTING, TenantId.of("durg"));
    Registration a = raipur.submit(request(CPGRAMS).build(), AGENT);
    Registration b = durg.submit(request(CPGRAMS).build(), AGENT);
    assertThat(a.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(b.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(store.findByReference(TenantId.of("raipur"), CPGRAMS).orElseThrow().tenant()).isEqualTo(TenantId.of("raipur"));
    assertThat(store.findByReference(TenantId.of("durg"), CPGRAMS).orElseThrow().tenant()).isEqualTo(TenantId.of("durg"));
  }

  @Test
  void link_records_the_request_from_a_second_portal_and_the_complaint_gains_its_reference() {
    Grievances g = grievances(ReferencePolicy.LINK);
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();

    Registration linked = g.submit(request(CMH, CPGRAMS).channel(Channel.WEB_PORTAL)
        .description("१८१ पर दोबारा शिकायत: ट्रांसफ़ॉर्मर जला").build(), AGENT);

    assertThat(linked.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(linked.complaint().id()).isEqualTo(first.id());
    assertThat(linked.complaint().references()).containsExactly(CPGRAMS, CMH);
    assertThat(store.findByReference(TenantId.DEFAULT, CMH).orElseThrow().id()).isEqualTo(first.id());
    ComplaintEvent last = lastEvent(first.id());
    assertThat(last).isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class, d -> {
      assertThat(d.references()).containsExactly(CMH);
      assertThat(d.description()).isEqualTo("१८१ पर दोबारा शिकायत: ट्रांसफ़ॉर्मर जला");
      assertThat(d.channel()).isEqualTo(Channel.WEB_PORTAL);
    });
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void link_stores_nothing_for_a_resent_request_whose_sources_are_all_held() {
    Grievances g = grievances(ReferencePolicy.LINK);
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();
    g.submit(request(CMH, CPGRAMS).build(), AGENT);
    int events = store.events(TenantId.DEFAULT, first.id()).size();

    Registration resent = g.submit(request(CMH, CPGRAMS).build(), AGENT);
    Registration resentFirst = g.submit(request(CPGRAMS).build(), AGENT);

    assertThat(resent.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(resentFirst.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(resent.complaint().id()).isEqualTo(first.id());
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(events);
  }

  @Test
  void link_does_not_take_a_reference_another_complaint_holds_nor_replace_a_source_held() {
    Grievances g = grievances(ReferencePolicy.LINK);
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();
    Complaint other = g.submit(request(CMH).citizen(org.nivaran.grievance.complaint.Complainant.of(
        "रमेश साहू", "9123456780", "hi")).build(), AGENT).complaint();
    ExternalReference otherCpgrams = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0099999");
    ExternalReference jan = ExternalReference.of("JAN-SUNWAI", "JS/RPR/42");

    // names CPGRAMS (held by first), CMH (held by other), JAN-SUNWAI (new) and, for CPGRAMS, a second id
    Registration r = g.submit(request(CPGRAMS, CMH, jan).build(), AGENT);
    assertThat(r.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(r.complaint().id()).isEqualTo(first.id());
    assertThat(r.complaint().references()).containsExactly(CPGRAMS, jan);

    Registration second = g.submit(request(jan, otherCpgrams).build(), AGENT);
    assertThat(second.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(store.find(TenantId.DEFAULT, first.id()).orElseThrow().references()).containsExactly(CPGRAMS, jan);
    assertThat(store.find(TenantId.DEFAULT, other.id()).orElseThrow().references()).containsExactly(CMH);
  }

  @Test
  void link_returns_a_closed_holder_as_it_is() {
    Grievances g = grievances(ReferencePolicy.LINK);
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();
    g.execute(first.id(), new ComplaintCommand.Withdraw(Optional.of("समाधान हो गया")), AGENT);
    int events = store.events(TenantId.DEFAULT, first.id()).size();

    Registration r = g.submit(request(CMH, CPGRAMS).build(), AGENT);

    assertThat(r.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(r.complaint().status()).isEqualTo(Status.WITHDRAWN);
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(events);
  }

  @Test
  void a_repeat_linked_by_the_duplicate_policy_brings_its_references_and_a_resend_then_finds_them() {
    Grievances g = Grievances.builder().store(store).clock(Fixtures.clock())
        .duplicatePolicy(DuplicatePolicy.linkWithin(java.time.Duration.ofDays(7))).build();
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();

    // the same caller's grievance from the helpline, which knows nothing of the CPGRAMS number
    Registration linked = g.submit(request(CMH).description("१८१ से: वही शिकायत").build(), AGENT);
    assertThat(linked.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(linked.complaint().references()).containsExactly(CPGRAMS, CMH);
    assertThat(lastEvent(first.id())).isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class,
        d -> assertThat(d.references()).containsExactly(CMH));

    int events = store.events(TenantId.DEFAULT, first.id()).size();
    Registration resent = g.submit(request(CMH).description("१८१ से: वही शिकायत").build(), AGENT);
    assertThat(resent.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(events);
  }

  @Test
  void a_repeat_that_another_system_numbers_differently_is_registered_rather_than_linked() {
    Grievances g = Grievances.builder().store(store).clock(Fixtures.clock())
        .duplicatePolicy(DuplicatePolicy.linkWithin(java.time.Duration.ofDays(7))).build();
    Complaint first = g.submit(request(CPGRAMS).build(), AGENT).complaint();
    ExternalReference second = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0099999");

    Registration other = g.submit(request(second).description("दूसरी शिकायत").build(), AGENT);

    assertThat(other.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(other.complaint().references()).containsExactly(second);
    assertThat(store.findByReference(TenantId.DEFAULT, second)).contains(other.complaint());
    assertThat(store.find(TenantId.DEFAULT, first.id())).contains(first);
  }

  @ParameterizedTest
  @EnumSource(ReferencePolicy.class)
  void a_registration_that_loses_the_race_for_a_reference_resolves_to_the_winner(ReferencePolicy policy) {
    // the second registration reads "unknown" just before the first one's create lands
    StaleReads stale = new StaleReads(store);
    Grievances g = grievances(stale, policy, TenantId.DEFAULT);
    Complaint winner = g.submit(request(CPGRAMS).build(), AGENT).complaint();
    stale.staleReadsLeft.set(1);

    Registration loser = g.submit(request(CPGRAMS).build(), AGENT);

    assertThat(stale.refusedCreates.get()).isEqualTo(1);
    assertThat(loser.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(loser.complaint().id()).isEqualTo(winner.id());
    assertThat(store.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(ReferencePolicy.class)
  void concurrent_first_registrations_with_one_reference_make_one_complaint(ReferencePolicy policy) throws Exception {
    Grievances g = grievances(policy);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Registration>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return g.submit(request(CPGRAMS).build(), AGENT);
        }));
      }
      start.countDown();
      Set<ComplaintId> ids = new HashSet<>();
      int created = 0;
      for (Future<Registration> f : results) {
        Registration r = f.get(30, TimeUnit.SECONDS);
        ids.add(r.complaint().id());
        created += r.outcome() == Registration.Outcome.CREATED ? 1 : 0;
      }
      assertThat(ids).hasSize(1);
      assertThat(created).isEqualTo(1);
      assertThat(store.size()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private ComplaintEvent lastEvent(ComplaintId id) {
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, id);
    return events.get(events.size() - 1);
  }

  /** A store whose reference look-ups answer "unknown" while stale reads are left, as a racing reader sees. */
  private static final class StaleReads implements ComplaintStore {
    private final InMemoryComplaintStore d;
    final AtomicInteger staleReadsLeft;
    final AtomicInteger refusedCreates = new AtomicInteger();

    StaleReads(InMemoryComplaintStore d) {
      this.d = d;
      this.staleReadsLeft = new AtomicInteger(0);
    }

    @Override
    public CreateResult create(NewComplaint r) {
      try {
        return d.create(r);
      } catch (org.nivaran.grievance.store.DuplicateReferenceException e) {
        refusedCreates.incrementAndGet();
        throw e;
      }
    }

    @Override public void append(Append change) { d.append(change); }
    @Override public Optional<Complaint> find(TenantId t, ComplaintId id) { return d.find(t, id); }
    @Override public List<ComplaintEvent> events(TenantId t, ComplaintId id) { return d.events(t, id); }
    @Override public Optional<Complaint> findByIdempotencyKey(TenantId t, String k, String f) { return d.findByIdempotencyKey(t, k, f); }

    @Override
    public Optional<Complaint> findByReference(TenantId t, ExternalReference r) {
      return staleReadsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.empty() : d.findByReference(t, r);
    }
  }
}
