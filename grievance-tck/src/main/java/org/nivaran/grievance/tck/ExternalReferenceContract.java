package org.nivaran.grievance.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The contract of a {@link ComplaintStore} for external references (a grievance's number in
 * another system): {@link ComplaintStore#findByReference} finds the complaint that holds one,
 * within its tenant only; a reference is unique per tenant and source, so a create or an append
 * whose state holds a reference another complaint of the tenant holds throws
 * {@link DuplicateReferenceException} and writes nothing; the same reference in two tenants names
 * two complaints; a complaint gains references by an append (a repeat from another source,
 * {@code DuplicateLinked}); creates racing for one reference leave one winner.
 *
 * <p>{@link ComplaintStoreContract} runs it as a nested group; extend it on its own with the one
 * factory method {@link #newStore()} to run only these tests.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ExternalReferenceContract {
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  private static final Actor AGENT = Actor.agent("TCK-AGENT-17");
  private static final TenantId RAIPUR = TenantId.of("tck-raipur");
  private static final TenantId DURG = TenantId.of("tck-durg");
  private static final ExternalReference CPGRAMS = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012345");
  private static final ExternalReference CMH = ExternalReference.of("CMH-181", "T-2024-778899");
  private static final ExternalReference JAN_SUNWAI = ExternalReference.of("JAN-SUNWAI", "जनसुनवाई/रायपुर/२०२४/४२");
  private static final int THREADS = 8;
  private static final long TIMEOUT_SECONDS = 60;

  /** The store under test, fresh for each test. */
  private ComplaintStore store;

  /** For subclasses. */
  protected ExternalReferenceContract() {}

  /**
   * The store under test: a new, empty store for each test, called once before every test.
   *
   * @return the store
   */
  protected abstract ComplaintStore newStore();

  /** Asks {@link #newStore()} for the store of this test. Called by JUnit before each test. */
  @BeforeEach
  public void createReferenceStore() {
    store = Objects.requireNonNull(newStore(), "newStore() returned null");
  }

  /** findByReference finds a complaint by each reference it holds, in its own tenant only. */
  @Test
  public void a_complaint_is_found_by_each_of_its_references_within_its_tenant_only() {
    Complaint c = create(RAIPUR, "TCK-2024-000001", CPGRAMS, JAN_SUNWAI);

    assertThat(store.findByReference(RAIPUR, CPGRAMS)).contains(c);
    assertThat(store.findByReference(RAIPUR, JAN_SUNWAI)).contains(c);
    assertThat(store.findByReference(RAIPUR, CPGRAMS).orElseThrow().references()).containsExactly(CPGRAMS, JAN_SUNWAI);
    assertThat(store.findByReference(RAIPUR, CMH)).isEmpty();
    assertThat(store.findByReference(DURG, CPGRAMS)).as("another tenant's query").isEmpty();
    assertThat(store.findByReference(RAIPUR, ExternalReference.of("CPGRAMS", "DARPG/E/2024/0012346")))
        .as("another id of the source").isEmpty();
  }

  /** A source's id in Devanagari comes back byte for byte, on the complaint and its registration. */
  @Test
  public void a_reference_id_comes_back_byte_for_byte() {
    create(RAIPUR, "TCK-2024-000001", JAN_SUNWAI);
    ExternalReference back = store.findByReference(RAIPUR, JAN_SUNWAI).orElseThrow().references().get(0);
    assertThat(back.id().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(JAN_SUNWAI.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ComplaintRegistered first = (ComplaintRegistered) store.events(RAIPUR, ComplaintId.of("TCK-2024-000001")).get(0);
    assertThat(first.references()).containsExactly(JAN_SUNWAI);
  }

  /** One reference in two tenants names a complaint in each. */
  @Test
  public void the_same_reference_in_two_tenants_names_two_complaints() {
    Complaint raipur = create(RAIPUR, "TCK-2024-000001", CPGRAMS);
    Complaint durg = create(DURG, "TCK-2024-000002", CPGRAMS);

    assertThat(store.findByReference(RAIPUR, CPGRAMS)).contains(raipur);
    assertThat(store.findByReference(DURG, CPGRAMS)).contains(durg);
  }

  /** Another id of a source a complaint holds is free for another complaint. */
  @Test
  public void another_id_of_a_source_held_is_another_grievance() {
    create(RAIPUR, "TCK-2024-000001", CPGRAMS);
    ExternalReference other = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0099999");
    Complaint second = create(RAIPUR, "TCK-2024-000002", other);
    assertThat(store.findByReference(RAIPUR, other)).contains(second);
  }

  /** A create holding a reference another complaint holds throws DuplicateReferenceException and writes nothing, claiming none of its references. */
  @Test
  public void a_create_holding_a_reference_another_complaint_holds_is_refused_and_writes_nothing() {
    Complaint holder = create(RAIPUR, "TCK-2024-000001", CPGRAMS);
    Complaint refused = complaint(RAIPUR, "TCK-2024-000002", CMH, CPGRAMS);

    assertThatThrownBy(() -> store.create(new NewComplaint(refused, List.of(registered(refused)), Optional.empty(),
            request(CMH, CPGRAMS).fingerprint())))
        .isInstanceOfSatisfying(DuplicateReferenceException.class, e -> {
          assertThat(e.reference()).isEqualTo(CPGRAMS);
          assertThat(e.holder()).isEqualTo(holder.id());
        });

    assertThat(store.find(RAIPUR, refused.id())).isEmpty();
    assertThat(store.findByReference(RAIPUR, CMH)).as("its other reference is not claimed").isEmpty();
    assertThat(store.findByReference(RAIPUR, CPGRAMS)).contains(holder);
    // and the reference it failed to take stays free for the rightful complaint to gain later
    Complaint later = create(RAIPUR, "TCK-2024-000003", CMH);
    assertThat(store.findByReference(RAIPUR, CMH)).contains(later);
  }

  /** An append whose state holds new references makes them findable. */
  @Test
  public void a_complaint_gains_references_by_an_append() {
    Complaint c = create(RAIPUR, "TCK-2024-000001", CPGRAMS);
    Complaint after = linkRepeat(c, CMH, JAN_SUNWAI);

    assertThat(after.references()).containsExactly(CPGRAMS, CMH, JAN_SUNWAI);
    assertThat(store.findByReference(RAIPUR, CMH)).contains(after);
    assertThat(store.findByReference(RAIPUR, JAN_SUNWAI)).contains(after);
    assertThat(store.find(RAIPUR, c.id())).contains(after);
    ComplaintEvent last = store.events(RAIPUR, c.id()).get((int) after.version() - 1);
    assertThat(last).isInstanceOfSatisfying(ComplaintEvent.DuplicateLinked.class,
        d -> assertThat(d.references()).containsExactly(CMH, JAN_SUNWAI));
  }

  /** An append gaining a reference another complaint holds throws DuplicateReferenceException and writes nothing. */
  @Test
  public void an_append_gaining_a_reference_another_complaint_holds_is_refused_and_writes_nothing() {
    Complaint holder = create(RAIPUR, "TCK-2024-000001", CMH);
    Complaint c = create(RAIPUR, "TCK-2024-000002", CPGRAMS);
    List<ComplaintEvent> events = Lifecycle.decide(c, linkCommand(JAN_SUNWAI, CMH), AGENT, c.updatedAt().plusSeconds(60));
    Complaint after = evolve(c, events);

    assertThatThrownBy(() -> store.append(Append.of(after, events, c.version())))
        .isInstanceOfSatisfying(DuplicateReferenceException.class, e -> {
          assertThat(e.reference()).isEqualTo(CMH);
          assertThat(e.holder()).isEqualTo(holder.id());
        });

    assertThat(store.find(RAIPUR, c.id())).contains(c);
    assertThat(store.events(RAIPUR, c.id())).hasSize((int) c.version());
    assertThat(store.findByReference(RAIPUR, JAN_SUNWAI)).as("its other reference is not claimed").isEmpty();
    assertThat(store.findByReference(RAIPUR, CMH)).contains(holder);
  }

  /**
   * Creates racing for one reference leave one winner; every loser is told the winner.
   *
   * @throws Exception if a racing call cannot be awaited
   */
  @Test
  public void creates_racing_for_one_reference_leave_one_complaint() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<CreateResult>> futures = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    try {
      for (int i = 1; i <= THREADS; i++) {
        Complaint c = complaint(RAIPUR, String.format("TCK-2024-%06d", i), CPGRAMS);
        NewComplaint create = new NewComplaint(c, List.of(registered(c)), Optional.empty(), request(CPGRAMS).fingerprint());
        futures.add(pool.submit(() -> {
          go.await();
          return store.create(create);
        }));
      }
      go.countDown();
      int won = 0;
      List<ComplaintId> losers = new ArrayList<>();
      ComplaintId winner = null;
      for (Future<CreateResult> f : futures) {
        try {
          winner = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).complaint().id();
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(DuplicateReferenceException.class);
          losers.add(((DuplicateReferenceException) e.getCause()).holder());
        } catch (java.util.concurrent.TimeoutException e) {
          fail("a racing create did not finish within %d s", TIMEOUT_SECONDS);
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(losers).hasSize(THREADS - 1).containsOnly(winner);
      assertThat(store.findByReference(RAIPUR, CPGRAMS).orElseThrow().id()).isEqualTo(winner);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static RegisterComplaint request(ExternalReference... references) {
    return RegisterComplaint.builder()
        .channel(Channel.WEB_PORTAL)
        .citizen(Complainant.builder().name("सुनीता वर्मा").phone("+919876543210").languageTag("hi").build())
        .categoryCode("ENERGY.SUPPLY.OUTAGE")
        .jurisdictionCode("CG.RAIPUR.WARD-12")
        .description("तीन दिन से बिजली नहीं है")
        .references(List.of(references))
        .build();
  }

  private static Complaint complaint(TenantId tenant, String id, ExternalReference... references) {
    return Lifecycle.start(Lifecycle.register(tenant, ComplaintId.of(id), request(references), AGENT, T0, Priority.NORMAL));
  }

  private static ComplaintRegistered registered(Complaint c) {
    return Lifecycle.register(c.tenant(), c.id(), request(c.references().toArray(ExternalReference[]::new)), AGENT, T0,
        Priority.NORMAL);
  }

  /** Registers a complaint straight into the store. */
  private Complaint create(TenantId tenant, String id, ExternalReference... references) {
    RegisterComplaint request = request(references);
    ComplaintRegistered r = Lifecycle.register(tenant, ComplaintId.of(id), request, AGENT, T0, Priority.NORMAL);
    Complaint c = Lifecycle.start(r);
    CreateResult result = store.create(new NewComplaint(c, List.of(r), Optional.empty(), request.fingerprint()));
    assertThat(result).as("create %s", id).isInstanceOf(CreateResult.Created.class);
    return c;
  }

  private static ComplaintCommand.LinkDuplicate linkCommand(ExternalReference... references) {
    return new ComplaintCommand.LinkDuplicate(Channel.PHONE_CALL, "181 पर दोबारा", List.of(), Optional.empty(),
        List.of(references));
  }

  /** Records a repeat bringing these references, a minute after the complaint's latest event. */
  private Complaint linkRepeat(Complaint c, ExternalReference... references) {
    List<ComplaintEvent> events = Lifecycle.decide(c, linkCommand(references), AGENT, c.updatedAt().plusSeconds(60));
    Complaint after = evolve(c, events);
    store.append(Append.of(after, events, c.version()));
    return after;
  }

  private static Complaint evolve(Complaint c, List<ComplaintEvent> events) {
    Complaint after = c;
    for (ComplaintEvent e : events) {
      after = Lifecycle.evolve(after, e);
    }
    return after;
  }
}
