package org.nivaran.grievance.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.AccessRule;
import org.nivaran.grievance.complaint.ActorNotPermittedException;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.directory.Officer;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.escalation.District;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.fixtures.MutableClock;

/** Two districts as two tenants on one store, through their own {@code Grievances}. */
class TenantsTest {
  private static final TenantId RAIPUR = TenantId.of("cg-raipur");
  private static final TenantId DURG = TenantId.of("cg-durg");
  private static final Actor AGENT = Actor.agent("AGENT-7");
  private static final Actor AE_VERMA = Actor.officer("OFF-AE-1", District.AE);

  private final MutableClock clock =
      new MutableClock(LocalDateTime.of(2024, 3, 19, 11, 0).atZone(District.IST).toInstant());
  private final InMemoryComplaintStore store = new InMemoryComplaintStore();
  private final Grievances raipur = District.grievances(store, clock).tenant(RAIPUR).build();
  private final Grievances durg = District.grievances(store, clock).tenant(DURG).build();

  private static org.nivaran.grievance.complaint.RegisterComplaint request() {
    return Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").build();
  }

  @Test
  void a_single_tenant_setup_names_no_tenant() {
    Grievances plain = District.grievances(new InMemoryComplaintStore(), clock).build();
    Complaint c = plain.register(request(), AGENT);

    assertThat(plain.tenant()).isEqualTo(TenantId.DEFAULT);
    assertThat(c.tenant()).isEqualTo(TenantId.DEFAULT);
    assertThat(c.toString()).doesNotContain("tenant=");
  }

  @Test
  void each_district_registers_into_its_own_tenant_with_its_own_numbers() {
    Complaint r = raipur.register(request(), AGENT);
    Complaint d = durg.register(request(), AGENT);

    assertThat(r.id()).isEqualTo(d.id());
    assertThat(r.tenant()).isEqualTo(RAIPUR);
    assertThat(d.tenant()).isEqualTo(DURG);
    assertThat(raipur.get(r.id())).isEqualTo(r);
    assertThat(durg.get(d.id())).isEqualTo(d);
    assertThat(raipur.history(r.id()).get(0)).isInstanceOfSatisfying(ComplaintEvent.ComplaintRegistered.class,
        e -> assertThat(e.tenant()).isEqualTo(RAIPUR));
    assertThat(r.toString()).contains("tenant=cg-raipur");
  }

  @Test
  void an_officer_acting_through_another_district_does_not_reach_the_complaint() {
    Complaint r = raipur.register(request(), AGENT);
    Grievances bastar = District.grievances(store, clock).tenant(TenantId.of("cg-bastar")).build();

    assertThatThrownBy(() -> bastar.execute(r.id(), new ComplaintCommand.StartWork(), AE_VERMA))
        .isInstanceOf(ComplaintNotFoundException.class)
        .hasMessage("no complaint " + r.id() + " in tenant cg-bastar");
    assertThat(raipur.get(r.id())).isEqualTo(r);
  }

  @Test
  void an_officer_of_another_district_is_refused_by_this_districts_directory() {
    Complaint r = raipur.register(request(), AGENT);
    Officer durgAe = new Officer("OFF-DURG-AE-9", "रमेश साहू", PhoneNumber.parse("9826000099"), false, Language.HINDI);
    durg.transferOfficer(District.AE, Optional.of(durgAe));
    Actor fromDurg = Actor.officer(durgAe.id(), District.AE);

    assertThatThrownBy(() -> raipur.execute(r.id(), new ComplaintCommand.StartWork(), fromDurg))
        .isInstanceOfSatisfying(ActorNotPermittedException.class,
            e -> assertThat(e.rule()).isEqualTo(AccessRule.OFFICER_HOLDS_POST_IN_DIRECTORY));
    assertThat(raipur.get(r.id())).isEqualTo(r);
    assertThat(raipur.execute(r.id(), new ComplaintCommand.StartWork(), AE_VERMA).status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void notifications_of_two_districts_complaints_with_the_same_id_have_different_ids() {
    List<Notification> sent = new java.util.ArrayList<>();
    InMemoryComplaintStore shared = new InMemoryComplaintStore();
    Grievances a = District.grievances(shared, clock).tenant(RAIPUR).notifier(sent::add).build();
    Grievances b = District.grievances(shared, clock).tenant(DURG).notifier(sent::add).build();

    Complaint r = a.register(request(), AGENT);
    Complaint d = b.register(request(), AGENT);

    assertThat(r.id()).isEqualTo(d.id());
    assertThat(sent).isNotEmpty();
    assertThat(sent).extracting(Notification::id).doesNotHaveDuplicates();
    assertThat(sent).filteredOn(n -> n.tenant().equals(DURG)).isNotEmpty()
        .allSatisfy(n -> assertThat(n.id()).startsWith("cg-durg/" + d.id() + "#"));
    assertThat(sent).filteredOn(n -> n.tenant().equals(RAIPUR)).isNotEmpty()
        .allSatisfy(n -> assertThat(n.id()).startsWith("cg-raipur/" + r.id() + "#"));
  }

  @Test
  void a_sweep_escalates_its_own_tenants_complaints_only() {
    Complaint r = raipur.register(request(), AGENT);
    Complaint d = durg.register(request(), AGENT);
    clock.set(r.sla().flatMap(t -> t.deadline()).orElseThrow().plus(Duration.ofMinutes(1)));

    EscalationReport durgSweep = durg.escalator().sweep();

    assertThat(durgSweep.outcomes()).extracting(EscalationReport.Outcome::complaintId).containsExactly(d.id());
    assertThat(raipur.get(r.id()).level()).isEqualTo(r.level());
    assertThat(durg.get(d.id()).level()).isNotEqualTo(d.level());
    assertThat(raipur.escalator().sweep().outcomes()).hasSize(1);
    assertThat(raipur.get(r.id()).level()).isNotEqualTo(r.level());
  }

  @Test
  void a_store_that_answers_with_another_tenants_complaint_is_refused() {
    Complaint r = raipur.register(request(), AGENT);
    Grievances leaky = Grievances.builder().store(new LeakyStore(store, RAIPUR)).clock(clock).tenant(DURG).build();

    assertThatThrownBy(() -> leaky.find(r.id()))
        .isInstanceOf(CrossTenantException.class)
        .hasMessageContaining("belongs to tenant cg-raipur, not to tenant cg-durg");
    assertThatThrownBy(() -> leaky.execute(r.id(), new ComplaintCommand.StartWork(), AE_VERMA))
        .isInstanceOf(CrossTenantException.class)
        .satisfies(e -> {
          assertThat(((CrossTenantException) e).expected()).isEqualTo(DURG);
          assertThat(((CrossTenantException) e).found()).isEqualTo(RAIPUR);
        });
    assertThat(raipur.get(r.id()).status()).isEqualTo(Status.ASSIGNED);
    assertThat(raipur.history(r.id())).hasSize((int) r.version());
  }

  @Test
  void external_references_are_carried_from_the_request_to_the_complaint() {
    ExternalReference cpgrams = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345");
    Complaint r = raipur.register(Fixtures.requestBuilder().categoryCode("ENERGY.SUPPLY").jurisdictionCode("WARD-12").reference(cpgrams).build(), AGENT);

    assertThat(r.references()).containsExactly(cpgrams);
    assertThat(store.findByReference(RAIPUR, cpgrams)).contains(r);
    assertThat(store.findByReference(DURG, cpgrams)).isEmpty();
  }

  /** Answers every question from one tenant's complaints, whatever tenant is asked about. */
  private static final class LeakyStore implements ComplaintStore {
    private final InMemoryComplaintStore inner;
    private final TenantId always;

    LeakyStore(InMemoryComplaintStore inner, TenantId always) {
      this.inner = inner;
      this.always = always;
    }

    @Override
    public CreateResult create(NewComplaint registration) {
      return inner.create(registration);
    }

    @Override
    public void append(Append change) {
      inner.append(change);
    }

    @Override
    public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
      return inner.find(always, id);
    }

    @Override
    public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
      return inner.events(always, id);
    }

    @Override
    public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
      return inner.findByIdempotencyKey(always, key, fingerprint);
    }

    @Override
    public Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
      return inner.findByReference(always, reference);
    }
  }
}
