package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.Flag;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.SetSlaTimer;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Registration;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.WorkLists;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The tenant part of the {@link ComplaintStoreContract}: one store serves many tenants, and
 * nothing crosses from one to another. Two districts share the store, each through its own
 * {@link Grievances} with the same id scheme, so their first complaints have the same id; the
 * tests check that every read, list, claim and count of the store answers for the tenant asked
 * about only. A store that ignores the tenant fails here: it refuses the second district's
 * complaint as a duplicate id, replays one district's idempotency key for the other, or lists one
 * district's complaints to the other.
 *
 * <p>{@link ComplaintStoreContract} runs these tests as its nested class {@code Tenants}; extend
 * this class directly only to run them alone. Not thread-safe; JUnit creates one instance per
 * test.
 */
public abstract class TenantContract {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final TenantId RAIPUR = TenantId.of("cg-raipur");
  private static final TenantId DURG = TenantId.of("cg-durg");
  private static final TenantId BASTAR = TenantId.of("cg-bastar");
  private static final PostId AE = PostId.of("TCK-AE-3");
  private static final Actor AGENT = Actor.agent("TCK-AGENT-17");
  private static final Actor SYSTEM = Actor.system("tck");
  private static final String PHONE = "+919876543210";

  private ComplaintStore store;
  private MutableClock clock;
  private Grievances raipur;
  private Grievances durg;

  /** For subclasses. */
  protected TenantContract() {}

  /**
   * The store under test: a new, empty store for each test.
   *
   * @return the store
   */
  protected abstract ComplaintStore newStore();

  /** Builds the two districts' entry points over one new store. Called by JUnit before each test. */
  @BeforeEach
  public void createTenants() {
    store = Objects.requireNonNull(newStore(), "newStore() returned null");
    clock = new MutableClock(T0);
    raipur = district(RAIPUR);
    durg = district(DURG);
  }

  private Grievances district(TenantId tenant) {
    return Grievances.builder().tenant(tenant).store(store).clock(clock)
        .idScheme(ComplaintIdScheme.yearly("TCK", KOLKATA)).build();
  }

  /** Two tenants' complaints with the same id are two complaints, each found in its own tenant only. */
  @Test
  public void two_tenants_keep_complaints_with_the_same_id_apart() {
    Complaint inRaipur = raipur.register(request("रायपुर में बिजली नहीं", Optional.empty()), AGENT);
    Complaint inDurg = durg.register(request("दुर्ग में पानी नहीं", Optional.empty()), AGENT);

    assertThat(inDurg.id()).isEqualTo(inRaipur.id());
    assertThat(inRaipur.tenant()).isEqualTo(RAIPUR);
    assertThat(inDurg.tenant()).isEqualTo(DURG);
    assertThat(store.find(RAIPUR, inRaipur.id())).contains(inRaipur);
    assertThat(store.find(DURG, inDurg.id())).contains(inDurg);
    assertThat(store.find(BASTAR, inRaipur.id())).isEmpty();
    assertThat(store.find(TenantId.DEFAULT, inRaipur.id())).isEmpty();
    assertThat(store.events(RAIPUR, inRaipur.id())).singleElement()
        .isInstanceOfSatisfying(ComplaintRegistered.class, r -> {
          assertThat(r.tenant()).isEqualTo(RAIPUR);
          assertThat(r.description()).isEqualTo("रायपुर में बिजली नहीं");
        });
    assertThat(store.events(BASTAR, inRaipur.id())).isEmpty();
  }

  /** A change to one tenant's complaint leaves the other tenant's complaint of the same id as it was. */
  @Test
  public void a_change_in_one_tenant_leaves_the_other_alone() {
    Complaint inRaipur = raipur.register(request("बिजली", Optional.empty()), AGENT);
    Complaint inDurg = durg.register(request("पानी", Optional.empty()), AGENT);

    Complaint assigned = raipur.execute(inRaipur.id(), new Assign(AE, "ENERGY", Level.L1), SYSTEM);

    assertThat(assigned.status()).isEqualTo(Status.ASSIGNED);
    assertThat(store.find(DURG, inDurg.id())).contains(inDurg);
    assertThat(store.events(DURG, inDurg.id())).hasSize(1);
    assertThat(durg.get(inDurg.id()).status()).isEqualTo(Status.REGISTERED);
  }

  /** An append for a tenant that has no complaint with the id is refused, whatever another tenant holds. */
  @Test
  public void an_append_in_a_tenant_without_the_complaint_is_refused() {
    Complaint inRaipur = raipur.register(request("बिजली", Optional.empty()), AGENT);
    Complaint elsewhere = Complaint.builder().from(inRaipur).tenant(BASTAR).build();
    List<org.nivaran.grievance.complaint.ComplaintEvent> events =
        org.nivaran.grievance.complaint.Lifecycle.decide(elsewhere, new Assign(AE, "ENERGY", Level.L1), SYSTEM, T0.plusSeconds(60));
    Complaint after = elsewhere;
    for (var e : events) {
      after = org.nivaran.grievance.complaint.Lifecycle.evolve(after, e);
    }
    Append change = Append.of(after, events, elsewhere.version());

    assertThatThrownBy(() -> store.append(change)).isInstanceOf(ComplaintNotFoundException.class);
    assertThat(store.find(RAIPUR, inRaipur.id())).contains(inRaipur);
    assertThat(store.find(BASTAR, inRaipur.id())).isEmpty();
  }

  /** A command through one tenant's entry point does not reach another tenant's complaint. */
  @Test
  public void one_tenants_entry_point_does_not_find_anothers_complaint() {
    durg.register(request("पानी", Optional.empty()), AGENT);
    Grievances bastar = district(BASTAR);
    Complaint inDurg = durg.register(request("सड़क", Optional.empty()), AGENT);

    assertThatThrownBy(() -> bastar.execute(inDurg.id(), new Assign(AE, "ENERGY", Level.L1), SYSTEM))
        .isInstanceOf(ComplaintNotFoundException.class)
        .hasMessageContaining(inDurg.id().value()).hasMessageContaining(BASTAR.value());
    assertThat(bastar.find(inDurg.id())).isEmpty();
    assertThat(store.find(DURG, inDurg.id())).contains(inDurg);
  }

  /** The same idempotency key in two tenants makes two complaints; within a tenant it replays. */
  @Test
  public void idempotency_keys_are_per_tenant() {
    RegisterComplaint request = request("बिजली", Optional.of("portal-key-1"));

    Registration first = raipur.submit(request, AGENT);
    Registration other = durg.submit(request, AGENT);
    Registration again = raipur.submit(request, AGENT);

    assertThat(first.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(other.outcome()).isEqualTo(Registration.Outcome.CREATED);
    assertThat(other.complaint().tenant()).isEqualTo(DURG);
    assertThat(again.outcome()).isEqualTo(Registration.Outcome.REPLAYED);
    assertThat(again.complaint()).isEqualTo(first.complaint());
    assertThat(store.findByIdempotencyKey(RAIPUR, "portal-key-1", request.fingerprint())).contains(first.complaint());
    assertThat(store.findByIdempotencyKey(DURG, "portal-key-1", request.fingerprint())).contains(other.complaint());
    assertThat(store.findByIdempotencyKey(BASTAR, "portal-key-1", request.fingerprint())).isEmpty();
  }

  /** Every work list and every sweep claim answers for its tenant only. */
  @Test
  public void work_lists_and_sweep_claims_do_not_cross_tenants() {
    WorkLists lists = lists();
    Complaint r = due(raipur, "रायपुर");
    Complaint d = due(durg, "दुर्ग");
    Instant later = T0.plus(Duration.ofHours(3));

    assertThat(Page.collect(p -> lists.pendingAt(RAIPUR, AE, p), 10)).containsExactly(r);
    assertThat(Page.collect(p -> lists.pendingAt(DURG, AE, p), 10)).containsExactly(d);
    assertThat(Page.collect(p -> lists.pendingAt(BASTAR, AE, p), 10)).isEmpty();
    assertThat(Page.collect(p -> lists.overdue(RAIPUR, later, p), 10)).containsExactly(r);
    assertThat(Page.collect(p -> lists.overdue(BASTAR, later, p), 10)).isEmpty();
    assertThat(Page.collect(p -> lists.byStatus(DURG, Status.ASSIGNED, "CG.RAIPUR.WARD-12", p), 10)).containsExactly(d);
    assertThat(Page.collect(p -> lists.byCitizen(RAIPUR, PhoneNumber.parse(PHONE), p), 10)).containsExactly(r);
    assertThat(lists.claimDue(BASTAR, later, 10, Duration.ofMinutes(5))).isEmpty();
    assertThat(lists.claimDue(DURG, later, 10, Duration.ofMinutes(5))).containsExactly(d);
    assertThat(lists.claimDue(RAIPUR, later, 10, Duration.ofMinutes(5))).containsExactly(r);

    Complaint flagged = raipur.execute(r.id(), new Flag(ComplaintFlag.UNROUTED, "जाँच", Optional.empty()), AGENT);
    assertThat(Page.collect(p -> lists.flagged(RAIPUR, ComplaintFlag.UNROUTED, p), 10)).containsExactly(flagged);
    assertThat(Page.collect(p -> lists.flagged(DURG, ComplaintFlag.UNROUTED, p), 10)).isEmpty();
  }

  /** A number's history is counted within one tenant: complaints in another district do not count. */
  @Test
  public void a_callers_history_is_per_tenant() {
    CallerHistory history = history();
    Complaint r = raipur.register(request("बिजली", Optional.empty()), AGENT);
    durg.register(request("पानी", Optional.empty()), AGENT);
    clock.advance(Duration.ofMinutes(1));
    Complaint fake = raipur.execute(r.id(), new Reject(RejectionReason.FAKE, "जाँच में झूठी", Optional.empty()), AGENT);
    PhoneNumber phone = PhoneNumber.parse(PHONE);

    assertThat(history.registeredSince(RAIPUR, phone, T0)).containsExactly(fake);
    assertThat(history.registeredSince(DURG, phone, T0)).hasSize(1).allSatisfy(c -> assertThat(c.tenant()).isEqualTo(DURG));
    assertThat(history.registeredSince(BASTAR, phone, T0)).isEmpty();
    assertThat(history.newestRegistered(RAIPUR, phone, T0, Instant.MAX, 5)).containsExactly(fake);
    assertThat(history.newestRegistered(DURG, phone, T0, Instant.MAX, 5)).hasSize(1)
        .allSatisfy(c -> assertThat(c.tenant()).isEqualTo(DURG));
    assertThat(history.newestRegistered(BASTAR, phone, T0, Instant.MAX, 5)).isEmpty();
    assertThat(history.registrationInstants(RAIPUR, phone, T0, Instant.MAX, 5)).containsExactly(fake.registeredAt());
    assertThat(history.registrationInstants(BASTAR, phone, T0, Instant.MAX, 5)).isEmpty();
    assertThat(history.registeredSince(RAIPUR, phone, fake.categoryCode(), fake.jurisdictionCode(), T0)).containsExactly(fake);
    assertThat(history.registeredSince(BASTAR, phone, fake.categoryCode(), fake.jurisdictionCode(), T0)).isEmpty();
    history.registeredSince(DURG, phone, fake.categoryCode(), fake.jurisdictionCode(), T0)
        .forEach(c -> assertThat(c.tenant()).isEqualTo(DURG));
    Instant until = T0.plus(Duration.ofDays(1));
    assertThat(history.countFakeClosures(RAIPUR, phone, T0, until)).isEqualTo(1);
    assertThat(history.countFakeClosures(DURG, phone, T0, until)).isZero();
    assertThat(history.fakeClosures(DURG, phone, T0, until)).isEmpty();
  }

  /** A batch may not mix tenants: it is refused before anything is written. */
  @Test
  public void a_batch_mixing_tenants_is_refused() {
    Complaint r = raipur.register(request("बिजली", Optional.empty()), AGENT);
    Complaint d = durg.register(request("पानी", Optional.empty()), AGENT);
    d = durg.register(request("सड़क", Optional.empty()), AGENT);

    Append inRaipur = assignment(r);
    Append inDurg = assignment(d);

    assertThatThrownBy(() -> store.appendAll(List.of(inRaipur, inDurg))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(RAIPUR, r.id())).contains(r);
    assertThat(store.find(DURG, d.id())).contains(d);
  }

  /** A batch of one tenant's changes leaves another tenant's complaint of the same id and version alone. */
  @Test
  public void a_batch_changes_its_own_tenants_complaints_only() {
    Complaint r = raipur.register(request("बिजली", Optional.empty()), AGENT);
    Complaint d = durg.register(request("पानी", Optional.empty()), AGENT);

    assertThat(store.appendAll(List.of(assignment(d)))).isEmpty();

    assertThat(store.find(DURG, d.id()).orElseThrow().status()).isEqualTo(Status.ASSIGNED);
    assertThat(store.find(RAIPUR, r.id())).contains(r);
    assertThat(store.events(RAIPUR, r.id())).hasSize(1);
  }

  private static Append assignment(Complaint c) {
    var events = org.nivaran.grievance.complaint.Lifecycle.decide(c, new Assign(AE, "ENERGY", Level.L1), SYSTEM, T0.plusSeconds(60));
    Complaint after = c;
    for (var e : events) {
      after = org.nivaran.grievance.complaint.Lifecycle.evolve(after, e);
    }
    return Append.of(after, events, c.version());
  }

  /** Registered, assigned to {@link #AE} and due two hours later, in one tenant. */
  private Complaint due(Grievances district, String description) {
    Complaint c = district.register(request(description, Optional.empty()), AGENT);
    c = district.execute(c.id(), new Assign(AE, "ENERGY", Level.L1), SYSTEM);
    BusinessCalendar always = BusinessCalendar.twentyFourSeven("TCK-24X7", ZoneOffset.UTC);
    SlaPolicy policy = SlaPolicy.builder("TCK-120M", always.id()).otherwise(SlaBudget.openTime(Duration.ofHours(2))).build();
    return district.execute(c.id(), new SetSlaTimer(SlaTimer.start(policy, Level.L1, always, T0)), SYSTEM);
  }

  private WorkLists lists() {
    Assumptions.assumeThat(store).as("the store implements WorkLists").isInstanceOf(WorkLists.class);
    return (WorkLists) store;
  }

  private CallerHistory history() {
    Assumptions.assumeThat(store).as("the store implements CallerHistory").isInstanceOf(CallerHistory.class);
    return (CallerHistory) store;
  }

  private static RegisterComplaint request(String description, Optional<String> key) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name("सुनीता वर्मा").phone(PHONE).languageTag("hi").build())
        .categoryCode("ENERGY.SUPPLY.OUTAGE")
        .jurisdictionCode("CG.RAIPUR.WARD-12")
        .description(description)
        .idempotencyKey(key)
        .build();
  }
}
