package org.nivaran.grievance.policy;

import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.directory.BlockEntry;
import org.nivaran.grievance.directory.BlockedNumberException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.junit.jupiter.api.Test;

/** Fake complaints blocking their number, and repeat registrations linked to the open original. */
class FakeAndDuplicatePolicyTest {
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final PhoneNumber CALLER = PhoneNumber.parse(Fixtures.CITIZEN_PHONE);

  private final MutableClock clock = new MutableClock(ist(2024, 3, 19, 11, 0));
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  private Grievances grievances(FakeComplaintPolicy fakes, DuplicatePolicy duplicates) {
    return District.grievances(store, clock)
        .fakeComplaintPolicy(fakes)
        .duplicatePolicy(duplicates)
        .build();
  }

  private static Instant ist(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(District.IST).toInstant();
  }

  private static RegisterComplaint.Builder request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12");
  }

  private Complaint fake(Grievances g) {
    Complaint c = g.register(request().build(), AGENT);
    return g.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "कोई शिकायत नहीं, मज़ाक", Optional.empty()), AGENT);
  }

  // ---------------------------------------------------------------------------------------------
  // Fake complaints

  @Test
  void marking_a_complaint_fake_closes_it_with_that_reason() {
    Complaint c = fake(grievances(FakeComplaintPolicy.none(), DuplicatePolicy.none()));
    assertThat(c.status()).isEqualTo(Status.REJECTED);
    assertThat(c.closure().orElseThrow().kind()).isEqualTo(ClosureKind.FAKE);
    assertThat(c.closure().orElseThrow().remark()).contains("कोई शिकायत नहीं, मज़ाक");
  }

  @Test
  void two_fakes_within_90_days_block_the_number() {
    Grievances g = grievances(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90)), DuplicatePolicy.none());
    fake(g);
    assertThat(g.directory().orElseThrow().blocklist().activeEntry(CALLER, clock.instant())).isEmpty();
    clock.advance(Duration.ofDays(89));
    Complaint second = fake(g);
    BlockEntry entry = g.directory().orElseThrow().blocklist().activeEntry(CALLER, clock.instant()).orElseThrow();
    assertThat(entry.blockedBy()).isEqualTo("fake-complaint-policy");
    assertThat(entry.reason()).contains("2 complaints rejected as fake within 90 days").contains(second.id().value());
    assertThat(entry.expiresAt()).isEmpty();
    int before = store.size();
    assertThatThrownBy(() -> g.register(request().build(), AGENT)).isInstanceOf(BlockedNumberException.class);
    assertThat(store.size()).isEqualTo(before);
  }

  @Test
  void fakes_further_apart_than_the_window_do_not_block() {
    Grievances g = grievances(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90)), DuplicatePolicy.none());
    fake(g);
    clock.advance(Duration.ofDays(91));
    fake(g);
    assertThat(g.directory().orElseThrow().blocklist().all()).isEmpty();
    assertThat(g.register(request().build(), AGENT).status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void other_rejections_and_other_numbers_do_not_count() {
    Grievances g = grievances(FakeComplaintPolicy.blockAfter(2, Duration.ofDays(90)), DuplicatePolicy.none());
    fake(g);
    Complaint c = g.register(request().build(), AGENT);
    g.execute(c.id(), new ComplaintCommand.Reject(RejectionReason.OUT_OF_SCOPE, "निजी विवाद", Optional.empty()), AGENT);
    RegisterComplaint other = request().citizen(org.nivaran.grievance.complaint.Complainant.builder()
        .name("रमेश").phone("9123456780").languageTag("hi").build()).build();
    Complaint o = g.register(other, AGENT);
    g.execute(o.id(), new ComplaintCommand.Reject(RejectionReason.FAKE, "fake", Optional.empty()), AGENT);
    assertThat(g.directory().orElseThrow().blocklist().all()).isEmpty();
  }

  @Test
  void a_block_may_expire() {
    Grievances g = grievances(
        FakeComplaintPolicy.blockAfter(1, Duration.ofDays(90)).blockingFor(Duration.ofDays(30)), DuplicatePolicy.none());
    fake(g);
    assertThat(g.directory().orElseThrow().blocklist().activeEntry(CALLER, clock.instant())).isPresent();
    clock.advance(Duration.ofDays(30));
    assertThat(g.register(request().build(), AGENT).status()).isEqualTo(Status.ASSIGNED);
  }

  @Test
  void policy_settings_are_checked() {
    assertThatThrownBy(() -> FakeComplaintPolicy.blockAfter(0, Duration.ofDays(90)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fakes"));
    assertThatThrownBy(() -> FakeComplaintPolicy.blockAfter(2, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("within"));
    assertThatThrownBy(() -> DuplicatePolicy.linkWithin(Duration.ofDays(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("window"));
    assertThatThrownBy(() -> FakeComplaintPolicy.none().blockingFor(Duration.ofDays(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void searching_policies_need_a_store_that_answers_queries() {
    ComplaintStore bare = new ComplaintStore() {
      @Override
      public org.nivaran.grievance.store.CreateResult create(org.nivaran.grievance.store.NewComplaint r) {
        return store.create(r);
      }

      @Override
      public void append(Append change) {
        store.append(change);
      }

      @Override
      public Optional<Complaint> find(TenantId tenant, org.nivaran.grievance.complaint.ComplaintId id) {
        return store.find(TenantId.DEFAULT, id);
      }

      @Override
      public List<ComplaintEvent> events(TenantId tenant, org.nivaran.grievance.complaint.ComplaintId id) {
        return store.events(TenantId.DEFAULT, id);
      }

      @Override
      public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
        return store.findByIdempotencyKey(TenantId.DEFAULT, key, fingerprint);
      }

      @Override
      public Optional<Complaint> findByReference(TenantId tenant, org.nivaran.grievance.complaint.ExternalReference r) {
        return store.findByReference(tenant, r);
      }
    };
    assertThatThrownBy(() -> Grievances.builder().store(bare).directory(District.directory())
        .duplicatePolicy(DuplicatePolicy.linkWithin(Duration.ofDays(7))).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CallerHistory");
  }

  // ---------------------------------------------------------------------------------------------
  // Duplicates

  @Test
  void a_repeat_within_the_window_is_linked_to_the_open_original() {
    Grievances g = grievances(FakeComplaintPolicy.none(), DuplicatePolicy.linkWithin(Duration.ofDays(7)));
    Registration first = g.submit(request().build(), AGENT);
    assertThat(first.outcome()).isEqualTo(Registration.Outcome.CREATED);
    clock.advance(Duration.ofDays(3));
    Registration repeat = g.submit(request().channel(Channel.WHATSAPP).description("फिर से: बिजली नहीं").build(), AGENT);
    assertThat(repeat.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(repeat.complaint().id()).isEqualTo(first.complaint().id());
    assertThat(store.size()).isEqualTo(1);
    List<ComplaintEvent> log = g.history(first.complaint().id());
    assertThat(log.get(log.size() - 1)).isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class, d -> {
      assertThat(d.channel()).isEqualTo(Channel.WHATSAPP);
      assertThat(d.description()).isEqualTo("फिर से: बिजली नहीं");
      assertThat(d.actor()).isEqualTo(AGENT);
    });
    assertThat(repeat.complaint().status()).isEqualTo(first.complaint().status());
  }

  @Test
  void a_repeat_after_the_window_or_of_another_category_or_jurisdiction_creates_a_complaint() {
    Grievances g = grievances(FakeComplaintPolicy.none(), DuplicatePolicy.linkWithin(Duration.ofDays(7)));
    g.register(request().build(), AGENT);
    clock.advance(Duration.ofDays(1));
    assertThat(g.submit(request().categoryCode("REVENUE.LAND").build(), AGENT).outcome())
        .isEqualTo(Registration.Outcome.CREATED);
    assertThat(g.submit(request().jurisdictionCode("RAIPUR-TEHSIL").build(), AGENT).outcome())
        .isEqualTo(Registration.Outcome.CREATED);
    clock.advance(Duration.ofDays(7));
    assertThat(g.submit(request().build(), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(store.size()).isEqualTo(4);
  }

  @Test
  void a_repeat_of_a_closed_complaint_creates_a_new_one() {
    Grievances g = grievances(FakeComplaintPolicy.none(), DuplicatePolicy.linkWithin(Duration.ofDays(7)));
    Complaint c = g.register(request().build(), AGENT);
    g.execute(c.id(), new ComplaintCommand.Withdraw(Optional.empty()), AGENT);
    assertThat(g.submit(request().build(), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
  }

  @Test
  void a_retried_linked_registration_with_its_key_is_linked_once() {
    Grievances g = grievances(FakeComplaintPolicy.none(), DuplicatePolicy.linkWithin(Duration.ofDays(7)));
    Complaint original = g.register(request().build(), AGENT);
    RegisterComplaint repeat = request().idempotencyKey("wa-msg-91").build();
    assertThat(g.submit(repeat, AGENT).outcome()).isEqualTo(Registration.Outcome.LINKED);
    long version = g.get(original.id()).version();
    Registration retry = g.submit(repeat, AGENT);
    assertThat(retry.outcome()).isEqualTo(Registration.Outcome.LINKED);
    assertThat(g.get(original.id()).version()).isEqualTo(version);
    assertThat(g.history(original.id()).stream().filter(ComplaintEvent.DuplicateLinked.class::isInstance)).hasSize(1);
  }

  @Test
  void without_the_policy_every_registration_creates_a_complaint() {
    Grievances g = grievances(FakeComplaintPolicy.none(), DuplicatePolicy.none());
    g.register(request().build(), AGENT);
    assertThat(g.submit(request().build(), AGENT).outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(store.size()).isEqualTo(2);
  }
}
