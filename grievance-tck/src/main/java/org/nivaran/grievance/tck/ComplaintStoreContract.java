package org.nivaran.grievance.tck;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.calendar.BusinessCalendar;
import org.nivaran.grievance.complaint.Attachment;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.Location;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ChangePriority;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Escalate;
import org.nivaran.grievance.complaint.ComplaintCommand.Flag;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Reassign;
import org.nivaran.grievance.complaint.ComplaintCommand.RecordContact;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.Reopen;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.SetFirstResponseDue;
import org.nivaran.grievance.complaint.ComplaintCommand.SetSlaTimer;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Transfer;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintEvent.ResolutionFiled;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.complaint.ContactOutcome;
import org.nivaran.grievance.complaint.Kind;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.notify.Recipient;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.directory.Language;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.CallerHistory;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateComplaintIdException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.store.TransactionalOutbox;
import org.nivaran.grievance.store.WorkLists;

/**
 * The contract of a {@link ComplaintStore}, as JUnit 5 tests: extend this class with the one
 * factory method {@link #newStore()} and every test below runs against your store.
 *
 * <pre>{@code
 * class JdbcComplaintStoreContractTest extends ComplaintStoreContract {
 *   @Override
 *   protected ComplaintStore newStore() {
 *     database.truncateAll();                 // each test starts from an empty store
 *     return JdbcComplaintStore.create(database.dataSource());
 *   }
 * }
 * }</pre>
 *
 * <p>What is checked: a create and the complaint and events it stores; duplicate ids; idempotency
 * keys (replay, conflict, {@link ComplaintStore#findByIdempotencyKey}) and creates racing on one
 * key; optimistic concurrency (stale and missing complaints, appends racing from one version);
 * events coming back in order and text coming back byte for byte (Devanagari, emoji, combining
 * marks, text not in NFC); {@link ComplaintStore#appendAll}; notifications refused by a store
 * that is not a {@link TransactionalOutbox} and stored by one that is. The optional capabilities
 * are checked when the store implements them: {@link WorkLists} ({@code overdue},
 * {@code claimDue}, {@code flagged}, {@code pendingAt} and their limits, every work list paged
 * through to its end) and {@link CallerHistory} ({@code registeredSince}, {@code newestRegistered},
 * {@code registrationInstants}, {@code registeredSince} of a category, the fake closures). A
 * test of a capability the store does not implement is skipped (a JUnit assumption); nothing else
 * is. The nested class {@link Tenants} runs the {@link TenantContract}: one store serving several
 * tenants with nothing crossing between them.
 *
 * <p>Complaints are made the way the library makes them: registered through {@link Grievances} or
 * decided by {@link Lifecycle} and written straight to the store. Every instant is a whole second
 * (a JDBC store keeps microseconds) and the data is small (tens of complaints), so the contract
 * runs in a few seconds on a database too. The concurrency tests use 8 threads, so a pooled store
 * needs a pool of 8 connections or more.
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ComplaintStoreContract {
  /** The instant every test starts at: a whole second, as every instant here. */
  private static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final BusinessCalendar ROUND_THE_CLOCK = BusinessCalendar.twentyFourSeven("TCK-24X7", ZoneOffset.UTC);
  private static final String PHONE_A = "+919876543210";
  private static final String PHONE_B = "+919123456780";
  private static final String WARD_12 = "CG.RAIPUR.WARD-12";
  private static final String WARD_13 = "CG.RAIPUR.WARD-13";
  private static final String ENERGY = "ENERGY";
  private static final String REVENUE = "REVENUE";
  private static final PostId AE = PostId.of("TCK-AE-RAIPUR-3");
  private static final PostId EE = PostId.of("TCK-EE-RAIPUR");
  private static final PostId TEHSILDAR = PostId.of("TCK-TEHSILDAR-RAIPUR");
  private static final Actor AGENT = Actor.agent("TCK-AGENT-17");
  private static final Actor SYSTEM = Actor.system("tck");
  private static final Actor SUPERVISOR = Actor.supervisor("TCK-OFF-0001", PostId.of("TCK-COLLECTOR-RAIPUR"));
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int THREADS = 8;
  private static final long TIMEOUT_SECONDS = 60;

  /** The store under test, fresh for each test. */
  private ComplaintStore store;
  /** The clock of {@link #grievances}, at {@link #T0} when a test starts. */
  private MutableClock clock;
  /** The entry point over {@link #store}, for the tests that register as an application does. */
  private Grievances grievances;

  /** For subclasses. */
  protected ComplaintStoreContract() {}

  /**
   * The store under test: a new, empty store for each test. Called once before every test, from
   * this class's {@link BeforeEach} method, so before any {@code @BeforeEach} method of the
   * subclass: empty the store here, not in the subclass's own set-up.
   *
   * @return the store
   */
  protected abstract ComplaintStore newStore();

  /**
   * Asks {@link #newStore()} for the store of this test and builds a {@link Grievances} over it
   * (without a notifier, so that a store that keeps an outbox is accepted). Called by JUnit before
   * each test.
   */
  @BeforeEach
  public void createStore() {
    store = Objects.requireNonNull(newStore(), "newStore() returned null");
    clock = new MutableClock(T0);
    grievances = Grievances.builder()
        .store(store)
        .clock(clock)
        .idScheme(ComplaintIdScheme.yearly("TCK", KOLKATA))
        .build();
  }

  // =============================================================================================
  // Create, find, events

  /** A complaint registered through {@link Grievances} is found as registered, with its one event. */
  @Test
  public void a_registered_complaint_is_found_with_its_registration_event() {
    RegisterComplaint request = request(PHONE_A, WARD_12, "तीन दिन से बिजली नहीं है।", Optional.empty());

    Complaint registered = grievances.register(request, AGENT);

    assertThat(registered.version()).isEqualTo(1);
    assertThat(store.find(TenantId.DEFAULT, registered.id())).contains(registered);
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, registered.id());
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintRegistered.class, r -> {
      assertThat(r.complaintId()).isEqualTo(registered.id());
      assertThat(r.sequence()).isEqualTo(1);
      assertThat(r.occurredAt()).isEqualTo(T0);
      assertThat(r.actor()).isEqualTo(AGENT);
      assertThat(r.citizen()).isEqualTo(request.citizen());
      assertThat(r.description()).isEqualTo(request.description());
      assertThat(r.attachments()).isEqualTo(request.attachments());
    });
    assertThat(Lifecycle.replay(events)).isEqualTo(registered);
  }

  /** {@link ComplaintStore#create} answers {@code Created} and stores the state and events given. */
  @Test
  public void a_created_complaint_round_trips_through_find_and_events() {
    RegisterComplaint request = request(PHONE_A, WARD_12, "नाली जाम है", Optional.empty());
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-1"), request, AGENT, T0);
    Complaint state = Lifecycle.start(r);

    CreateResult result = store.create(new NewComplaint(state, List.of(r), Optional.empty(), request.fingerprint()));

    assertThat(result).isInstanceOf(CreateResult.Created.class);
    assertThat(result.complaint()).isEqualTo(state);
    assertThat(store.find(TenantId.DEFAULT, state.id())).contains(state);
    assertThat(store.events(TenantId.DEFAULT, state.id())).containsExactly(r);
  }

  /** A complaint created with several first events (registered and assigned at once) keeps them all. */
  @Test
  public void a_complaint_created_with_several_events_keeps_them_all() {
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-1"), request(PHONE_A, WARD_12, "बिजली", Optional.empty()), AGENT, T0);
    Step assigned = decide(Lifecycle.start(r), new Assign(AE, ENERGY, Level.L1), SYSTEM, T0);
    List<ComplaintEvent> events = new ArrayList<>();
    events.add(r);
    events.addAll(assigned.events());

    store.create(new NewComplaint(assigned.after(), events, Optional.empty(), "fp"));

    assertThat(store.find(TenantId.DEFAULT, r.complaintId())).contains(assigned.after());
    assertThat(store.events(TenantId.DEFAULT, r.complaintId())).isEqualTo(events);
    whenWorkLists(w -> assertThat(Page.collect(p -> w.pendingAt(TenantId.DEFAULT, AE, p), 10)).containsExactly(assigned.after()));
  }

  /** An unknown id has no complaint and no events. */
  @Test
  public void an_unknown_id_has_no_complaint_and_no_events() {
    create("C-1", T0, request(PHONE_A, WARD_12, "बिजली", Optional.empty()));

    assertThat(store.find(TenantId.DEFAULT, ComplaintId.of("C-2"))).isEmpty();
    assertThat(store.events(TenantId.DEFAULT, ComplaintId.of("C-2"))).isEmpty();
  }

  /** A lifecycle run through {@link Grievances} is stored event by event, and its state replays. */
  @Test
  public void a_lifecycle_run_through_grievances_is_stored_event_by_event() {
    Complaint c = grievances.register(request(PHONE_A, WARD_12, "ट्रांसफ़ॉर्मर ख़राब है", Optional.empty()), AGENT);
    clock.advance(Duration.ofMinutes(5));
    c = grievances.execute(c.id(), new Assign(AE, ENERGY, Level.L1), SYSTEM);
    clock.advance(Duration.ofMinutes(5));
    c = grievances.execute(c.id(), c.version(), new StartWork(), officerAt(c));
    clock.advance(Duration.ofHours(1));
    c = grievances.execute(c.id(), new Resolve("ट्रांसफ़ॉर्मर बदल दिया गया", List.of()), officerAt(c));
    clock.advance(Duration.ofHours(1));
    c = grievances.execute(c.id(), new ConfirmSatisfied(Optional.of(5), Optional.of("धन्यवाद")), citizenOf(c));

    assertThat(c.status()).isEqualTo(Status.CLOSED);
    assertThat(c.version()).isEqualTo(5);
    assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
    assertThat(events).extracting(ComplaintEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(events).isEqualTo(grievances.history(c.id()));
    assertThat(Lifecycle.replay(events)).isEqualTo(c);
  }

  /**
   * A complaint's priority (set at registration, then changed) and an SLA timer whose budget
   * started before its {@code since} (a hand-over) are stored and read back as written.
   */
  @Test
  public void a_priority_its_change_and_a_handed_over_timer_round_trip() {
    RegisterComplaint request = RegisterComplaint.builder()
        .from(request(PHONE_A, WARD_12, "अस्पताल में बिजली नहीं है", Optional.empty()))
        .priority(Priority.HIGH)
        .build();
    Complaint c = grievances.register(request, AGENT);
    assertThat(c.priority()).isEqualTo(Priority.HIGH);
    clock.advance(Duration.ofMinutes(5));
    c = grievances.execute(c.id(), new Assign(AE, ENERGY, Level.L1), SYSTEM);
    clock.advance(Duration.ofMinutes(5));
    c = grievances.execute(c.id(), new ChangePriority(Priority.URGENT, "the district hospital"), SUPERVISOR);
    clock.advance(Duration.ofHours(3));
    SlaTimer fresh = timer(Level.L1, Duration.ofHours(4), clock.instant());
    SlaTimer handedOver = new SlaTimer(fresh.policy(), fresh.level(), fresh.budget(), fresh.consumed(), fresh.since(),
        fresh.running(), fresh.deadline(), fresh.since().minus(Duration.ofHours(1)));
    c = grievances.execute(c.id(), new SetSlaTimer(handedOver), SYSTEM);

    assertThat(c.priority()).isEqualTo(Priority.URGENT);
    assertThat(c.sla().orElseThrow().started()).isBefore(c.sla().orElseThrow().since());
    assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
    assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintRegistered.class,
        r -> assertThat(r.priority()).isEqualTo(Priority.HIGH));
    assertThat(events).filteredOn(ComplaintEvent.PriorityChanged.class::isInstance).singleElement()
        .isInstanceOfSatisfying(ComplaintEvent.PriorityChanged.class, e -> {
          assertThat(e.from()).isEqualTo(Priority.HIGH);
          assertThat(e.to()).isEqualTo(Priority.URGENT);
          assertThat(e.reason()).isEqualTo("the district hospital");
        });
    assertThat(Lifecycle.replay(events)).isEqualTo(c);
  }

  /**
   * A located complaint (coordinates with trailing zeros and eight decimal places, a Devanagari
   * address line and landmark) is stored and read back digit for digit, in its document and its
   * registration event; a retry with the same key and another place is a conflict.
   */
  @Test
  public void a_location_round_trips_digit_for_digit() {
    Location at = Location.of("21.25140000", "-81.62960")
        .withAddressLine("मकान नं. 12, गली 4, वार्ड 12, रायपुर")
        .withLandmark("श्री हनुमान मंदिर के पास");
    RegisterComplaint request = RegisterComplaint.builder()
        .from(request(PHONE_A, WARD_12, "गली की बत्ती नहीं जलती", Optional.of("call-located")))
        .location(at)
        .build();
    Complaint c = grievances.register(request, AGENT);
    clock.advance(Duration.ofMinutes(5));
    c = grievances.execute(c.id(), new Assign(AE, ENERGY, Level.L1), SYSTEM);

    Complaint found = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
    assertThat(found).isEqualTo(c);
    assertThat(found.location()).contains(at);
    assertThat(found.location().orElseThrow().latitude().toPlainString()).isEqualTo("21.25140000");
    assertThat(found.location().orElseThrow().longitude().toPlainString()).isEqualTo("-81.62960");
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
    assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintRegistered.class,
        r -> assertThat(r.location()).contains(at));
    assertThat(Lifecycle.replay(events)).isEqualTo(c);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-located", request.fingerprint())).contains(found);

    RegisterComplaint elsewhere = RegisterComplaint.builder().from(request)
        .location(Location.of("21.2514", "-81.6296")).build();
    assertThat(elsewhere.fingerprint()).isNotEqualTo(request.fingerprint());
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-ELSEWHERE"), elsewhere, AGENT, clock.instant());
    assertThatThrownBy(() -> store.create(new NewComplaint(
            Lifecycle.start(r), List.of(r), Optional.of("call-located"), elsewhere.fingerprint())))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  // =============================================================================================
  // Duplicate ids and idempotency

  /** A second complaint with an existing id is refused; the first is kept and nothing else is stored. */
  @Test
  public void a_duplicate_id_is_refused_and_stores_nothing() {
    Complaint first = create("C-1", T0, request(PHONE_A, WARD_12, "पहली शिकायत", Optional.empty()));
    RegisterComplaint other = request(PHONE_B, WARD_13, "दूसरी शिकायत", Optional.of("call-2"));
    ComplaintRegistered r = Lifecycle.register(first.id(), other, AGENT, T0.plusSeconds(60));

    assertThatThrownBy(() -> store.create(
            new NewComplaint(Lifecycle.start(r), List.of(r), Optional.of("call-2"), other.fingerprint())))
        .isInstanceOfSatisfying(DuplicateComplaintIdException.class,
            e -> assertThat(e.complaintId()).isEqualTo(first.id()));

    assertThat(store.find(TenantId.DEFAULT, first.id())).contains(first);
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(1);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-2", other.fingerprint())).as("the key was not claimed").isEmpty();
    whenWorkLists(w -> assertThat(w.byCitizen(TenantId.DEFAULT, PhoneNumber.parse(PHONE_B), PageRequest.first(10)).items()).isEmpty());
  }

  /**
   * A create with a used key and the same fingerprint answers {@code Replayed} with the first
   * complaint as it is now, and writes nothing.
   */
  @Test
  public void the_same_key_and_fingerprint_replay_the_first_complaint_and_write_nothing() {
    RegisterComplaint request = request(PHONE_A, WARD_12, "पानी नहीं आ रहा", Optional.of("call-1"));
    Complaint first = create("C-1", T0, request, Optional.of("call-1"));
    Complaint assigned = run(first, new Assign(AE, ENERGY, Level.L1), SYSTEM);
    ComplaintRegistered again = Lifecycle.register(ComplaintId.of("C-2"), request, AGENT, T0.plusSeconds(120));

    CreateResult result = store.create(
        new NewComplaint(Lifecycle.start(again), List.of(again), Optional.of("call-1"), request.fingerprint()));

    assertThat(result).isInstanceOf(CreateResult.Replayed.class);
    assertThat(result.complaint()).as("the first complaint, as it is now").isEqualTo(assigned);
    assertThat(store.find(TenantId.DEFAULT, ComplaintId.of("C-2"))).isEmpty();
    assertThat(store.events(TenantId.DEFAULT, ComplaintId.of("C-2"))).isEmpty();
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(2);
  }

  /** A registration retried through {@link Grievances} with its key returns the first complaint. */
  @Test
  public void a_retried_registration_through_grievances_returns_the_first_complaint() {
    RegisterComplaint request = request(PHONE_A, WARD_12, "सड़क टूटी है", Optional.of("wa-msg-7f3a"));

    Complaint first = grievances.register(request, AGENT);
    clock.advance(Duration.ofMinutes(1));
    Complaint second = grievances.register(request, AGENT);

    assertThat(second).isEqualTo(first);
    assertThat(store.events(TenantId.DEFAULT, first.id())).hasSize(1);
    whenWorkLists(w -> assertThat(w.byCitizen(TenantId.DEFAULT, PhoneNumber.parse(PHONE_A), PageRequest.first(10)).items()).containsExactly(first));
  }

  /** A create with a used key and another fingerprint is a conflict and writes nothing. */
  @Test
  public void the_same_key_with_another_fingerprint_is_a_conflict_and_writes_nothing() {
    RegisterComplaint request = request(PHONE_A, WARD_12, "पानी नहीं आ रहा", Optional.of("call-1"));
    Complaint first = create("C-1", T0, request, Optional.of("call-1"));
    RegisterComplaint changed = request(PHONE_A, WARD_12, "बिजली नहीं आ रही", Optional.of("call-1"));
    assertThat(changed.fingerprint()).isNotEqualTo(request.fingerprint());
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-2"), changed, AGENT, T0.plusSeconds(60));

    assertThatThrownBy(() -> store.create(
            new NewComplaint(Lifecycle.start(r), List.of(r), Optional.of("call-1"), changed.fingerprint())))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("call-1");
          assertThat(e.existing()).isEqualTo(first.id());
        });

    assertThat(store.find(TenantId.DEFAULT, ComplaintId.of("C-2"))).isEmpty();
    assertThat(store.find(TenantId.DEFAULT, first.id())).contains(first);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-1", request.fingerprint())).contains(first);
  }

  /**
   * {@link ComplaintStore#findByIdempotencyKey}: the complaint for its key and fingerprint, empty
   * for an unknown key, a conflict for another fingerprint; a complaint without a key claims none.
   */
  @Test
  public void find_by_idempotency_key_finds_the_complaint_its_key_registered() {
    RegisterComplaint keyed = request(PHONE_A, WARD_12, "पानी नहीं आ रहा", Optional.of("RPR:call-0017"));
    Complaint first = create("C-1", T0, keyed, Optional.of("RPR:call-0017"));
    RegisterComplaint keyless = request(PHONE_B, WARD_12, "बिजली नहीं आ रही", Optional.empty());
    create("C-2", T0, keyless);

    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "RPR:call-0017", keyed.fingerprint())).contains(first);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "RPR:call-0018", keyed.fingerprint())).isEmpty();
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "rpr:call-0017", keyed.fingerprint())).as("keys are case-sensitive").isEmpty();
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "C-2", keyless.fingerprint())).isEmpty();
    assertThatThrownBy(() -> store.findByIdempotencyKey(TenantId.DEFAULT, "RPR:call-0017", keyless.fingerprint()))
        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
          assertThat(e.idempotencyKey()).isEqualTo("RPR:call-0017");
          assertThat(e.existing()).isEqualTo(first.id());
        });

    Complaint assigned = run(first, new Assign(AE, ENERGY, Level.L1), SYSTEM);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "RPR:call-0017", keyed.fingerprint())).as("as it is now").contains(assigned);
  }

  /**
   * An idempotency key of the longest length ({@value RegisterComplaint#MAX_IDEMPOTENCY_KEY_LENGTH}
   * code points), in characters outside the Basic Multilingual Plane, claims its complaint and
   * finds it again; a key differing in its last character does not.
   */
  @Test
  public void an_idempotency_key_of_the_longest_length_in_four_byte_characters_works() {
    StringBuilder key = new StringBuilder();
    int[] codePoints = {0x1F511, 0x0915, 0x1F4DE};
    for (int i = 0; i < RegisterComplaint.MAX_IDEMPOTENCY_KEY_LENGTH; i++) {
      key.appendCodePoint(codePoints[i % codePoints.length]);
    }
    String longest = key.toString();
    RegisterComplaint request = request(PHONE_A, WARD_12, "लंबी कुंजी", Optional.of(longest));

    Complaint first = grievances.register(request, AGENT);
    Complaint again = grievances.register(request, AGENT);

    assertThat(again).isEqualTo(first);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, longest, request.fingerprint())).contains(first);
    String other = longest.substring(0, longest.offsetByCodePoints(0, RegisterComplaint.MAX_IDEMPOTENCY_KEY_LENGTH - 1)) + "🔒";
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, other, request.fingerprint())).isEmpty();
    assertSameText(((ComplaintRegistered) store.events(TenantId.DEFAULT, first.id()).get(0)).idempotencyKey().orElseThrow(), longest);
  }

  /**
   * Eight threads creating complaints with different ids under one key and one fingerprint: exactly
   * one complaint is stored, one caller gets {@code Created} and every caller gets that complaint.
   *
   * @throws Exception if the threads cannot be run
   */
  @Test
  public void racing_creates_with_one_key_store_exactly_one_complaint() throws Exception {
    RegisterComplaint request = request(PHONE_A, WARD_12, "एक ही कॉल, कई प्रयास", Optional.of("call-race"));
    List<NewComplaint> attempts = IntStream.range(0, THREADS).mapToObj(i -> {
      ComplaintRegistered r = Lifecycle.register(ComplaintId.of("K-" + i), request, AGENT, T0);
      return new NewComplaint(Lifecycle.start(r), List.of(r), Optional.of("call-race"), request.fingerprint());
    }).toList();

    List<Outcome<CreateResult>> outcomes = race(attempts.stream().<Callable<CreateResult>>map(a -> () -> store.create(a)).toList());

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).as("no caller fails").isNull());
    List<CreateResult> results = outcomes.stream().map(Outcome::value).toList();
    assertThat(results).filteredOn(r -> r instanceof CreateResult.Created).hasSize(1);
    Complaint winner = results.stream().filter(r -> r instanceof CreateResult.Created).findFirst().orElseThrow().complaint();
    assertThat(results).extracting(CreateResult::complaint).containsOnly(winner);
    List<ComplaintId> stored = attempts.stream().map(a -> a.state().id()).filter(id -> store.find(TenantId.DEFAULT, id).isPresent()).toList();
    assertThat(stored).containsExactly(winner.id());
    assertThat(store.find(TenantId.DEFAULT, winner.id())).contains(winner);
    assertThat(store.events(TenantId.DEFAULT, winner.id())).hasSize(1);
    assertThat(store.findByIdempotencyKey(TenantId.DEFAULT, "call-race", request.fingerprint())).contains(winner);
  }

  // =============================================================================================
  // Optimistic concurrency

  /**
   * An append whose expected version is behind or ahead of the stored one throws
   * {@link StaleVersionException} with both versions and writes nothing.
   */
  @Test
  public void an_append_at_a_stale_version_is_refused_and_writes_nothing() {
    Complaint registered = create("C-1", T0, request(PHONE_A, WARD_12, "बिजली", Optional.empty()));
    Complaint assigned = run(registered, new Assign(AE, ENERGY, Level.L1), SYSTEM);
    List<ComplaintEvent> before = store.events(TenantId.DEFAULT, assigned.id());

    // a caller who read version 1 decides too, after another stored version 2
    Step behind = decide(registered, new Assign(EE, ENERGY, Level.L1), AGENT, T0.plusSeconds(120));
    assertThatThrownBy(() -> store.append(Append.of(behind.after(), behind.events(), 1)))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.complaintId()).isEqualTo(assigned.id());
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        });
    assertThatThrownBy(() -> store.append(behind.append()))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.actualVersion()).isEqualTo(2));

    // a caller who believes in a version 3 that was never stored
    Step third = decide(assigned, new StartWork(), officerAt(assigned), T0.plusSeconds(180));
    Step ahead = decide(third.after(), new Resolve("हो गया", List.of()), officerAt(assigned), T0.plusSeconds(240));
    assertThatThrownBy(() -> store.append(Append.of(ahead.after(), ahead.events(), 3)))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(3);
          assertThat(e.actualVersion()).isEqualTo(2);
        });

    assertThat(store.find(TenantId.DEFAULT, assigned.id())).contains(assigned);
    assertThat(store.events(TenantId.DEFAULT, assigned.id())).isEqualTo(before);
    whenWorkLists(w -> {
      assertThat(Page.collect(p -> w.pendingAt(TenantId.DEFAULT, AE, p), 10)).containsExactly(assigned);
      assertThat(Page.collect(p -> w.pendingAt(TenantId.DEFAULT, EE, p), 10)).isEmpty();
    });

    store.append(third.append());
    assertThat(store.find(TenantId.DEFAULT, assigned.id())).contains(third.after());
  }

  /** An append to a complaint the store does not hold throws {@link ComplaintNotFoundException}. */
  @Test
  public void an_append_to_a_missing_complaint_is_not_found_and_stores_nothing() {
    create("C-1", T0, request(PHONE_A, WARD_12, "बिजली", Optional.empty()));
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-404"), request(PHONE_A, WARD_12, "पानी", Optional.empty()), AGENT, T0);
    Step assign = decide(Lifecycle.start(r), new Assign(AE, ENERGY, Level.L1), SYSTEM, T0.plusSeconds(60));

    assertThatThrownBy(() -> store.append(Append.of(assign.after(), assign.events(), 1)))
        .isInstanceOfSatisfying(ComplaintNotFoundException.class,
            e -> assertThat(e.complaintId()).isEqualTo(ComplaintId.of("C-404")));
    assertThatThrownBy(() -> store.append(assign.append())).isInstanceOf(ComplaintNotFoundException.class);

    assertThat(store.find(TenantId.DEFAULT, ComplaintId.of("C-404"))).isEmpty();
    assertThat(store.events(TenantId.DEFAULT, ComplaintId.of("C-404"))).isEmpty();
    whenWorkLists(w -> assertThat(Page.collect(p -> w.pendingAt(TenantId.DEFAULT, AE, p), 10)).isEmpty());
  }

  /**
   * Eight threads append to one complaint from the same version, round after round: each round
   * exactly one wins, every other gets {@link StaleVersionException} naming the winner's version,
   * and the log stays contiguous with the winners' events.
   *
   * @throws Exception if the threads cannot be run
   */
  @Test
  public void racing_appends_from_one_version_let_exactly_one_win() throws Exception {
    Complaint c = run(create("C-1", T0, request(PHONE_A, WARD_12, "बिजली", Optional.empty())),
        new Assign(AE, ENERGY, Level.L1), SYSTEM);
    List<ComplaintEvent> expectedLog = new ArrayList<>(store.events(TenantId.DEFAULT, c.id()));
    for (int round = 1; round <= 4; round++) {
      Complaint current = c;
      long version = current.version();
      Instant at = current.updatedAt().plusSeconds(60);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        steps.add(decide(current, new Reassign(PostId.of("TCK-R" + round + "-P" + i), Level.L1, "racer " + i), SYSTEM, at));
      }

      List<Outcome<Step>> outcomes = race(steps.stream().<Callable<Step>>map(s -> () -> {
        store.append(Append.of(s.after(), s.events(), version));
        return s;
      }).toList());

      List<Step> winners = outcomes.stream().filter(o -> o.failure() == null).map(Outcome::value).toList();
      assertThat(winners).as("round %d: winners", round).hasSize(1);
      assertThat(outcomes.stream().map(Outcome::failure).filter(Objects::nonNull).toList())
          .as("round %d: losers", round)
          .hasSize(THREADS - 1)
          .allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(StaleVersionException.class, e -> {
            assertThat(e.expectedVersion()).isEqualTo(version);
            assertThat(e.actualVersion()).isEqualTo(version + 1);
          }));
      Step winner = winners.get(0);
      expectedLog.addAll(winner.events());
      c = winner.after();
      assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
      List<ComplaintEvent> log = store.events(TenantId.DEFAULT, c.id());
      assertThat(log).extracting(ComplaintEvent::sequence)
          .isEqualTo(LongRange.closed(1, c.version()));
      assertThat(log).isEqualTo(expectedLog);
    }
  }

  // =============================================================================================
  // Event order and text

  /**
   * A long history, appended one and two events at a time, comes back in sequence order exactly
   * as appended, and replays to the stored state.
   */
  @Test
  public void events_come_back_in_sequence_order_exactly_as_appended() {
    Complaint c = create("C-1", T0, request(PHONE_A, WARD_12, "ट्रांसफ़ॉर्मर ख़राब है", Optional.empty()));
    List<ComplaintEvent> log = new ArrayList<>(store.events(TenantId.DEFAULT, c.id()));
    Complainant citizen = c.citizen();
    Actor citizenActor = Actor.citizen(citizen.phone());

    c = runLogged(log, c, new Assign(AE, ENERGY, Level.L1), SYSTEM);
    c = runLogged(log, c, new SetSlaTimer(timer(Level.L1, Duration.ofDays(7), c.updatedAt())), SYSTEM);
    c = runLogged(log, c, new RequestInformation("कृपया बिजली बिल की प्रति भेजें"), officerAt(c));
    c = runLogged(log, c, new ProvideInformation("बिल भेज दिया",
        List.of(Attachment.of("wa-media://BILL-1", "बिल.pdf"))), citizenActor);
    // two events in one append
    Step resolve = decide(c, new Resolve("ट्रांसफ़ॉर्मर बदल दिया गया", List.of()), officerAt(c), c.updatedAt().plusSeconds(60));
    Step returned = decide(resolve.after(), new ReturnReply("उत्तर अपूर्ण है"), SUPERVISOR, resolve.after().updatedAt().plusSeconds(60));
    List<ComplaintEvent> two = new ArrayList<>(resolve.events());
    two.addAll(returned.events());
    store.append(Append.of(returned.after(), two, c.version()));
    log.addAll(two);
    c = returned.after();
    c = runLogged(log, c, new Escalate(EE, "7 दिन बीत गए"), SYSTEM);
    c = runLogged(log, c, new Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, "बहुत स्थानांतरण", Optional.of(EE)), AGENT);
    c = runLogged(log, c, new Transfer(TEHSILDAR, REVENUE, Level.L1, "भूमि विवाद"), SUPERVISOR);
    c = runLogged(log, c, new Resolve("भूमि नापी गई", List.of()), officerAt(c));
    c = runLogged(log, c, new ReportDissatisfied(Optional.of(2), "अभी भी विवाद है"), citizenActor);
    c = runLogged(log, c, new Resolve("दोबारा नापी गई", List.of()), officerAt(c));
    c = runLogged(log, c, new ConfirmSatisfied(Optional.of(4), Optional.empty()), citizenActor);
    c = runLogged(log, c, new Reopen("फिर से विवाद"), citizenActor);
    c = runLogged(log, c, new Withdraw(Optional.of("आपस में सुलझ गया")), citizenActor);

    List<ComplaintEvent> stored = store.events(TenantId.DEFAULT, c.id());
    assertThat(stored).isEqualTo(log);
    assertThat(stored).extracting(ComplaintEvent::sequence).isEqualTo(LongRange.closed(1, c.version()));
    assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
    assertThat(Lifecycle.replay(stored)).isEqualTo(c);
    assertThat(c.status()).isEqualTo(Status.WITHDRAWN);
  }

  /**
   * Devanagari, emoji (surrogate pairs, modifiers, joiners), combining marks and text that is not
   * in NFC come back byte for byte, in the state and in the events: through {@link Grievances}
   * (which normalises a request to NFC) and written straight to the store (which must rewrite
   * nothing).
   */
  @Test
  public void unicode_text_round_trips_byte_for_byte() {
    String name = "सुनीता वर्मा 🙏🏽";
    String description = "सड़क पर पानी भरा है — वार्ड १२\n"
        + "नल 🚰 से 💧 नहीं आता; 👩🏽‍🔧 नहीं आई। 𝄞 𠀀\n"
        + "क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, ক্ষ, ਖ਼, Ελληνικά, العربية, 中文";
    RegisterComplaint request = RegisterComplaint.builder()
        .channel(Channel.WHATSAPP)
        .citizen(Complainant.builder().name(name).phone(PHONE_A).languageTag("hi").address("मकान नं. ४२, वार्ड १२, रायपुर").build())
        .categoryCode("WATER.SUPPLY")
        .jurisdictionCode(WARD_12)
        .description(description)
        .addAttachments(Attachment.of("wa-media://3EB0C7", "पानी 💧.jpg"))
        .build();

    Complaint viaGrievances = grievances.register(request, AGENT);
    Complaint found = store.find(TenantId.DEFAULT, viaGrievances.id()).orElseThrow();
    assertSameText(found.citizen().name(), request.citizen().name());
    assertSameText(found.citizen().name(), name);
    assertSameText(found.citizen().address().orElseThrow(), "मकान नं. ४२, वार्ड १२, रायपुर");
    assertSameText(found.description(), request.description());
    assertSameText(found.attachments().get(0).name(), "पानी 💧.jpg");
    ComplaintRegistered event = (ComplaintRegistered) store.events(TenantId.DEFAULT, viaGrievances.id()).get(0);
    assertSameText(event.citizen().name(), name);
    assertSameText(event.description(), request.description());
    assertThat(found).isEqualTo(viaGrievances);

    // straight to the store: text the domain accepts but NFC would rewrite
    String decomposed = "Cafe\u0301 — क\u093C — a\u0308\u0323 — Å — 🇮🇳 — e\u0301\u0301";
    assertThat(Normalizer.isNormalized(decomposed, Normalizer.Form.NFC)).as("the test text is not NFC").isFalse();
    ComplaintRegistered r = new ComplaintRegistered(ComplaintId.of("C-NFD"), 1, T0, AGENT, Kind.COMPLAINT, Channel.PHONE_CALL,
        request.citizen(), "WATER.SUPPLY", WARD_12, decomposed, List.of(), Optional.empty());
    Complaint c = Lifecycle.start(r);
    store.create(new NewComplaint(c, List.of(r), Optional.empty(), "fp-nfd"));
    Step assign = decide(c, new Assign(AE, ENERGY, Level.L1), SYSTEM, T0.plusSeconds(60));
    store.append(assign.append());
    String reply = "मरम्मत हो गई \u2014 " + decomposed + "\r\n\tधन्यवाद 🙏";
    ResolutionFiled filed = new ResolutionFiled(c.id(), 3, T0.plusSeconds(120), officerAt(assign.after()), reply, List.of());
    Complaint resolved = Lifecycle.evolve(assign.after(), filed);
    store.append(Append.of(resolved, List.of(filed), 2));

    Complaint back = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
    assertSameText(back.description(), decomposed);
    assertSameText(back.resolution().orElseThrow().reply(), reply);
    List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
    assertSameText(((ComplaintRegistered) events.get(0)).description(), decomposed);
    assertSameText(((ResolutionFiled) events.get(2)).reply(), reply);
    assertThat(events).containsExactly(r, assign.events().get(0), filed);
    assertThat(back).isEqualTo(resolved);
  }

  /**
   * A description of the longest length, in characters outside the Basic Multilingual Plane (two
   * UTF-16 units and four UTF-8 bytes each), comes back whole.
   */
  @Test
  public void a_description_of_the_longest_length_in_four_byte_characters_round_trips() {
    StringBuilder text = new StringBuilder();
    int[] codePoints = {0x1F6B0, 0x1F4A7, 0x1D11E, 0x20000, 0x1F64F};
    for (int i = 0; i < RegisterComplaint.MAX_DESCRIPTION_LENGTH; i++) {
      text.appendCodePoint(codePoints[i % codePoints.length]);
    }
    String description = text.toString();
    assertThat(description.codePointCount(0, description.length())).isEqualTo(RegisterComplaint.MAX_DESCRIPTION_LENGTH);

    Complaint c = grievances.register(request(PHONE_A, WARD_12, description, Optional.empty()), AGENT);

    assertSameText(store.find(TenantId.DEFAULT, c.id()).orElseThrow().description(), description);
    assertSameText(((ComplaintRegistered) store.events(TenantId.DEFAULT, c.id()).get(0)).description(), description);
  }

  // =============================================================================================
  // Batches and the outbox

  /**
   * {@link ComplaintStore#appendAll} writes the changes whose complaints are at their expected
   * versions and reports the others by id: stale ones with {@link StaleVersionException}, missing
   * ones with {@link ComplaintNotFoundException}.
   */
  @Test
  public void append_all_writes_the_current_changes_and_reports_the_others_by_id() {
    Complaint a = assigned("C-A", T0, AE);
    Complaint b = assigned("C-B", T0, AE);
    Complaint c = assigned("C-C", T0, AE);
    Instant at = T0.plusSeconds(600);
    Step changeA = decide(a, new StartWork(), officerAt(a), at);
    Step changeB = decide(b, new StartWork(), officerAt(b), at);
    Step changeC = decide(c, new Resolve("हो गया", List.of()), officerAt(c), at);
    Complaint bMovedOn = run(b, new Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, "बहुत बार", Optional.empty()), AGENT);
    ComplaintRegistered ghost = Lifecycle.register(ComplaintId.of("C-GHOST"), request(PHONE_A, WARD_12, "भूत", Optional.empty()), AGENT, T0);
    Step changeGhost = decide(Lifecycle.start(ghost), new Assign(AE, ENERGY, Level.L1), SYSTEM, at);

    Map<ComplaintId, RuntimeException> skipped =
        store.appendAll(List.of(changeA.append(), changeB.append(), changeGhost.append(), changeC.append()));

    assertThat(skipped).containsOnlyKeys(b.id(), ghost.complaintId());
    assertThat(skipped.get(b.id())).isInstanceOfSatisfying(StaleVersionException.class, e -> {
      assertThat(e.complaintId()).isEqualTo(b.id());
      assertThat(e.expectedVersion()).isEqualTo(2);
      assertThat(e.actualVersion()).isEqualTo(3);
    });
    assertThat(skipped.get(ghost.complaintId())).isInstanceOf(ComplaintNotFoundException.class);
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(changeA.after());
    assertThat(store.find(TenantId.DEFAULT, c.id())).contains(changeC.after());
    assertThat(store.find(TenantId.DEFAULT, b.id())).contains(bMovedOn);
    assertThat(store.find(TenantId.DEFAULT, ghost.complaintId())).isEmpty();
    assertThat(store.events(TenantId.DEFAULT, a.id())).hasSize(3).endsWith(changeA.events().get(0));
    assertThat(store.events(TenantId.DEFAULT, b.id())).hasSize(3).doesNotContain(changeB.events().get(0));
    assertThat(store.events(TenantId.DEFAULT, c.id())).hasSize(3).endsWith(changeC.events().get(0));

    assertThat(store.appendAll(List.of())).isEmpty();
    Step again = decide(changeA.after(), new Resolve("हो गया", List.of()), officerAt(a), at.plusSeconds(60));
    assertThat(store.appendAll(List.of(again.append()))).isEmpty();
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(again.after());
  }

  /** A batch that changes one complaint twice is refused with {@link IllegalArgumentException}. */
  @Test
  public void append_all_refuses_two_changes_to_one_complaint() {
    Complaint a = assigned("C-A", T0, AE);
    Step start = decide(a, new StartWork(), officerAt(a), T0.plusSeconds(600));
    Step resolve = decide(a, new Resolve("हो गया", List.of()), officerAt(a), T0.plusSeconds(600));

    assertThatThrownBy(() -> store.appendAll(List.of(start.append(), resolve.append())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * A store that is not a {@link TransactionalOutbox} refuses notifications, in an {@link Append}
   * and in a {@link NewComplaint}, and writes nothing then. A store that is one stores them with
   * the change (see the second case below).
   */
  @Test
  public void notifications_go_with_their_changes_exactly_when_the_store_keeps_an_outbox() {
    if (store instanceof TransactionalOutbox outbox) {
      aStoreWithAnOutboxStoresChangesWithTheirNotifications(outbox);
    } else {
      aStoreWithoutAnOutboxRefusesNotificationsAndWritesNothing();
    }
  }

  private void aStoreWithoutAnOutboxRefusesNotificationsAndWritesNothing() {
    Complaint a = assigned("C-A", T0, AE);
    Step start = decide(a, new StartWork(), officerAt(a), T0.plusSeconds(600));
    Notification told = notificationFor(start.after());

    assertThatThrownBy(() -> store.append(new Append(start.after(), start.events(), a.version(), List.of(told))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(a);
    assertThat(store.events(TenantId.DEFAULT, a.id())).hasSize(2);

    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-B"), request(PHONE_A, WARD_12, "पानी", Optional.empty()), AGENT, T0);
    Complaint b = Lifecycle.start(r);
    assertThatThrownBy(() -> store.create(new NewComplaint(b, List.of(r), Optional.empty(), "fp", List.of(notificationFor(b)))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.find(TenantId.DEFAULT, b.id())).isEmpty();

    store.append(start.append()); // without notifications it is an ordinary append
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(start.after());
  }

  /**
   * A store that keeps an outbox stores a create and an append with their notifications, accepts
   * {@link TransactionalOutbox#enqueue}, and still refuses a stale append with notifications.
   */
  private void aStoreWithAnOutboxStoresChangesWithTheirNotifications(TransactionalOutbox outbox) {
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of("C-A"), request(PHONE_A, WARD_12, "पानी", Optional.empty()), AGENT, T0);
    Complaint a = Lifecycle.start(r);
    store.create(new NewComplaint(a, List.of(r), Optional.empty(), "fp", List.of(notificationFor(a))));
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(a);

    Step assign = decide(a, new Assign(AE, ENERGY, Level.L1), SYSTEM, T0.plusSeconds(60));
    store.append(new Append(assign.after(), assign.events(), 1, List.of(notificationFor(assign.after()))));
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(assign.after());
    assertThat(store.events(TenantId.DEFAULT, a.id())).hasSize(2);

    Step stale = decide(a, new Assign(EE, ENERGY, Level.L1), SYSTEM, T0.plusSeconds(60));
    assertThatThrownBy(() -> store.append(new Append(stale.after(), stale.events(), 1, List.of(notificationFor(stale.after())))))
        .isInstanceOf(StaleVersionException.class);
    assertThat(store.find(TenantId.DEFAULT, a.id())).contains(assign.after());

    assertThatCode(() -> outbox.enqueue(List.of(notificationFor(assign.after())))).doesNotThrowAnyException();
  }

  // =============================================================================================
  // Indexed queries

  /**
   * {@link WorkLists#overdue}: exactly the complaints whose running deadline is not after the
   * instant, earliest deadline first and ties by id, at most the limit, each in its current state.
   */
  @Test
  public void overdue_lists_due_complaints_by_deadline_then_id_up_to_the_limit() {
    WorkLists lists = lists();
    Complaint d4 = dueAfter("D-4", T0, AE, Duration.ofHours(10));
    Complaint d3 = dueAfter("D-3", T0, AE, Duration.ofHours(3));
    Complaint d2 = dueAfter("D-2", T0, AE, Duration.ofHours(5));
    Complaint d1 = dueAfter("D-1", T0, EE, Duration.ofHours(3));
    create("R-0", T0, request(PHONE_A, WARD_12, "अभी सौंपी नहीं गई", Optional.empty()));
    assigned("A-5", T0, AE); // no timer
    Complaint resolved = dueAfter("X-6", T0, AE, Duration.ofHours(1));
    run(resolved, new Resolve("हो गया", List.of()), officerAt(resolved));
    Complaint blocked = dueAfter("F-7", T0, AE, Duration.ofHours(2));
    run(blocked, new Flag(ComplaintFlag.ESCALATION_BLOCKED, "ऊपर कोई पद नहीं", Optional.empty()), SYSTEM);
    Complaint bounced = dueAfter("T-8", T0, AE, Duration.ofHours(4));
    bounced = run(bounced, new Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, "बहुत बार", Optional.empty()), AGENT);

    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(3)).minusSeconds(1), p), 100))).isEmpty();
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(3)), p), 100))).containsExactly("D-1", "D-3");
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(5)), p), 100))).containsExactly("D-1", "D-3", "T-8", "D-2");
    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofDays(30)), p), 100)).containsExactly(d1, d3, bounced, d2, d4);
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofDays(30)), p), 3))).containsExactly("D-1", "D-3", "T-8");
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofDays(30)), p), 1))).containsExactly("D-1");
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofDays(30)), p), Integer.MAX_VALUE))).hasSize(5);
  }

  /**
   * {@link WorkLists#overdue} finds a complaint by the earlier of its SLA deadline and its pending
   * first-response deadline ({@link Complaint#dueAt()}); a recorded contact takes the first-response
   * deadline out, and a {@code FIRST_RESPONSE_MISSED} flag is listed by {@link WorkLists#flagged}
   * and leaves the SLA deadline due.
   */
  @Test
  public void overdue_follows_the_pending_first_response_deadline_and_its_flag() {
    WorkLists lists = lists();
    Complaint phoned = run(dueAfter("R-1", T0, AE, Duration.ofHours(48)),
        new SetFirstResponseDue(T0.plus(Duration.ofHours(2))), SYSTEM);
    Complaint flagged = run(dueAfter("R-2", T0, AE, Duration.ofHours(48)),
        new SetFirstResponseDue(T0.plus(Duration.ofHours(3))), SYSTEM);
    Instant at = T0.plus(Duration.ofHours(4));
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), 100))).containsExactly("R-1", "R-2");

    phoned = run(phoned, new RecordContact(ContactOutcome.NOT_REACHABLE, Optional.of("फ़ोन नहीं उठा")), officerAt(phoned));
    flagged = run(flagged, new Flag(ComplaintFlag.FIRST_RESPONSE_MISSED, "पहला संपर्क नहीं हुआ", Optional.of(EE)), SYSTEM);

    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), 100)).isEmpty();
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(48)), p), 100))).containsExactly("R-1", "R-2");
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.FIRST_RESPONSE_MISSED, p), 100)).containsExactly(flagged);
    assertThat(store.find(TenantId.DEFAULT, phoned.id())).contains(phoned);
    assertThat(store.find(TenantId.DEFAULT, flagged.id())).contains(flagged);
  }

  /**
   * {@link WorkLists#overdue} finds a complaint by its pending special-closure request's approval
   * deadline when that is its earliest ({@link Complaint#dueAt()}); the approval moved up keeps it
   * due at the new deadline, and a {@code SPECIAL_CLOSURE_OVERDUE} flag, listed by
   * {@link WorkLists#flagged}, stops the count and leaves the SLA deadline due.
   */
  @Test
  public void overdue_follows_a_pending_special_closure_deadline_and_its_flag() {
    WorkLists lists = lists();
    Complaint waiting = dueAfter("S-1", T0, AE, Duration.ofHours(48));
    waiting = run(waiting, new ComplaintCommand.RequestSpecialClosure(
        org.nivaran.grievance.complaint.SpecialClosureReason.SUB_JUDICE, "मामला न्यायालय में"), officerAt(waiting));
    waiting = run(waiting, new ComplaintCommand.SetSpecialClosureDue(Optional.empty(), T0.plus(Duration.ofHours(3))), SYSTEM);
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(3)), p), 100))).containsExactly("S-1");

    waiting = run(waiting, new ComplaintCommand.SetSpecialClosureDue(Optional.of(EE), T0.plus(Duration.ofHours(6))), SYSTEM);
    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(5)), p), 100)).isEmpty();
    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(6)), p), 100)).containsExactly(waiting);

    waiting = run(waiting, new Flag(ComplaintFlag.SPECIAL_CLOSURE_OVERDUE, "अनुमोदन लंबित", Optional.of(EE)), SYSTEM);
    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(47)), p), 100)).isEmpty();
    assertThat(Page.collect(p -> lists.overdue(TenantId.DEFAULT, T0.plus(Duration.ofHours(48)), p), 100)).containsExactly(waiting);
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.SPECIAL_CLOSURE_OVERDUE, p), 100)).containsExactly(waiting);
    assertThat(store.find(TenantId.DEFAULT, waiting.id())).contains(waiting);
  }

  /**
   * {@link WorkLists#claimDue} hands one sweeper the due complaints in deadline order; a
   * second claim leaves out at most those claimed before; writing a complaint ends its claim.
   */
  @Test
  public void claim_due_returns_the_due_complaints_and_a_write_ends_a_claim() {
    WorkLists lists = lists();
    dueAfter("D-4", T0, AE, Duration.ofHours(4));
    dueAfter("D-3", T0, AE, Duration.ofHours(3));
    dueAfter("D-2", T0, AE, Duration.ofHours(2));
    dueAfter("D-1", T0, AE, Duration.ofHours(1));
    dueAfter("D-9", T0, AE, Duration.ofHours(90));
    Instant at = T0.plus(Duration.ofHours(10));
    List<Complaint> due = Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), 100);
    assertThat(ids(due)).containsExactly("D-1", "D-2", "D-3", "D-4");

    List<Complaint> first = lists.claimDue(TenantId.DEFAULT, at, 2, LEASE);
    assertThat(first).as("an unclaimed store hands out the earliest due complaints").isEqualTo(due.subList(0, 2));

    List<Complaint> second = lists.claimDue(TenantId.DEFAULT, at, 100, LEASE);
    assertThat(second).as("a claim returns due complaints only").isSubsetOf(due);
    assertThat(second).as("in deadline order").isSortedAccordingTo(BY_DUE);
    assertThat(second).as("the complaints nobody claimed").containsAll(due.subList(2, 4));

    Complaint written = run(first.get(0), new Flag(ComplaintFlag.TRANSFER_LIMIT_REACHED, "बहुत बार", Optional.empty()), AGENT);
    assertThat(written.dueAt()).isPresent();
    List<Complaint> third = lists.claimDue(TenantId.DEFAULT, at, 100, LEASE);
    assertThat(third).as("a write ends the claim").contains(written);
    assertThat(third).isSortedAccordingTo(BY_DUE).isSubsetOf(Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), 100));
  }

  /**
   * {@link WorkLists#flagged}: the open complaints carrying the flag, oldest registration
   * first and ties by id, at most the limit; a move to another post or a closure clears the flag.
   */
  @Test
  public void flagged_lists_open_flagged_complaints_by_registration_then_id() {
    WorkLists lists = lists();
    Flag blocked = new Flag(ComplaintFlag.ESCALATION_BLOCKED, "ऊपर कोई पद नहीं", Optional.of(PostId.of("TCK-COLLECTOR-RAIPUR")));
    Complaint late = run(assigned("F-1", T0.plusSeconds(3600), AE), blocked, SYSTEM);
    Complaint b = run(assigned("F-3", T0, AE), blocked, SYSTEM);
    Complaint a = run(assigned("F-2", T0, EE), blocked, SYSTEM);
    Complaint moved = run(assigned("F-0", T0, AE), blocked, SYSTEM);
    Complaint withdrawn = run(assigned("F-5", T0, AE), blocked, SYSTEM);
    Complaint other = run(assigned("F-4", T0, EE), new Flag(ComplaintFlag.OVERDUE_AT_TOP, "सबसे ऊपर", Optional.empty()), SYSTEM);
    Complaint unrouted = run(create("F-6", T0, request(PHONE_A, WARD_12, "कहाँ भेजें?", Optional.empty())),
        new Flag(ComplaintFlag.UNROUTED, "कोई मार्ग नहीं", Optional.empty()), SYSTEM);
    assigned("F-9", T0, AE); // not flagged

    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.ESCALATION_BLOCKED, p), 100)).containsExactly(moved, a, b, withdrawn, late);
    run(moved, new Escalate(EE, "रास्ता खुला"), SYSTEM);
    run(withdrawn, new Withdraw(Optional.empty()), citizenOf(withdrawn));

    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.ESCALATION_BLOCKED, p), 100)).containsExactly(a, b, late);
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.ESCALATION_BLOCKED, p), 2)).containsExactly(a, b);
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.OVERDUE_AT_TOP, p), 100)).containsExactly(other);
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.UNROUTED, p), 100)).containsExactly(unrouted);
    assertThat(Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.TRANSFER_LIMIT_REACHED, p), 100)).isEmpty();
  }

  /**
   * {@link WorkLists#pendingAt}: the open complaints assigned to the post, whatever their
   * open state, oldest registration first and ties by id, at most the limit.
   */
  @Test
  public void pending_at_lists_the_open_complaints_of_a_post_by_registration_then_id() {
    WorkLists lists = lists();
    Complaint p3 = assigned("P-3", T0.plusSeconds(7200), AE);
    Complaint p2 = assigned("P-2", T0, AE);
    Complaint p1 = assigned("P-1", T0.plusSeconds(3600), AE);
    Complaint p0 = assigned("P-0", T0, AE);
    p0 = run(p0, new RequestInformation("बिल भेजें"), officerAt(p0));
    p1 = run(p1, new Resolve("हो गया", List.of()), officerAt(p1));
    Complaint closed = assigned("P-4", T0, AE);
    closed = run(closed, new Resolve("हो गया", List.of()), officerAt(closed));
    run(closed, new ConfirmSatisfied(Optional.empty(), Optional.empty()), citizenOf(closed));
    Complaint movedAway = run(assigned("P-5", T0, AE), new Reassign(EE, Level.L2, "छुट्टी पर"), AGENT);
    create("P-6", T0, request(PHONE_A, WARD_12, "अभी सौंपी नहीं गई", Optional.empty()));

    assertThat(Page.collect(p -> lists.pendingAt(TenantId.DEFAULT, AE, p), 100)).containsExactly(p0, p2, p1, p3);
    assertThat(Page.collect(p -> lists.pendingAt(TenantId.DEFAULT, AE, p), 3)).containsExactly(p0, p2, p1);
    assertThat(Page.collect(p -> lists.pendingAt(TenantId.DEFAULT, EE, p), 100)).containsExactly(movedAway);
    assertThat(Page.collect(p -> lists.pendingAt(TenantId.DEFAULT, TEHSILDAR, p), 100)).isEmpty();
  }

  /** Every query refuses a limit below 1, and {@code claimDue} a lease that is not positive. */
  @Test
  public void a_limit_below_one_or_a_lease_not_positive_is_refused() {
    WorkLists lists = lists();
    dueAfter("D-1", T0, AE, Duration.ofHours(1));
    Instant at = T0.plus(Duration.ofDays(1));
    for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), limit)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> lists.claimDue(TenantId.DEFAULT, at, limit, LEASE)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Page.collect(p -> lists.flagged(TenantId.DEFAULT, ComplaintFlag.UNROUTED, p), limit)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Page.collect(p -> lists.pendingAt(TenantId.DEFAULT, AE, p), limit)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> lists.claimDue(TenantId.DEFAULT, at, 10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lists.claimDue(TenantId.DEFAULT, at, 10, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(ids(Page.collect(p -> lists.overdue(TenantId.DEFAULT, at, p), 1))).containsExactly("D-1");
  }

  // =============================================================================================
  // Work lists (WorkLists)

  /**
   * Every work list of {@link WorkLists} ({@code pendingAt}, {@code overdue},
   * {@code byStatus}, {@code byCitizen}), paged through with several page sizes, visits each
   * matching complaint exactly once, in its documented order, in full pages but the last, and
   * ends with a page whose {@link Page#next()} is empty.
   */
  @Test
  public void every_work_list_pages_through_each_complaint_once_in_order() {
    WorkLists queries = lists();
    List<Complaint> all = seedWorkLists();
    Instant now = T0.plus(Duration.ofHours(5));
    Map<String, Function<PageRequest, Page<Complaint>>> lists = new LinkedHashMap<>();
    Map<String, List<Complaint>> expected = new LinkedHashMap<>();
    for (PostId post : List.of(AE, EE, TEHSILDAR)) {
      lists.put("pendingAt " + post, p -> queries.pendingAt(TenantId.DEFAULT, post, p));
      expected.put("pendingAt " + post, expect(all, c -> c.status().isOpen() && c.post().equals(Optional.of(post)), BY_REGISTRATION));
    }
    for (Instant at : List.of(now, T0.plus(Duration.ofDays(2)), T0)) {
      lists.put("overdue " + at, p -> queries.overdue(TenantId.DEFAULT, at, p));
      expected.put("overdue " + at, expect(all, c -> c.status().isOpen() && c.dueAt().filter(d -> !d.isAfter(at)).isPresent(), BY_DUE));
    }
    for (Status status : List.of(Status.REGISTERED, Status.ASSIGNED, Status.RESOLVED, Status.CLOSED, Status.REJECTED)) {
      for (String ward : List.of(WARD_12, WARD_13)) {
        lists.put("byStatus " + status + " " + ward, p -> queries.byStatus(TenantId.DEFAULT, status, ward, p));
        expected.put("byStatus " + status + " " + ward,
            expect(all, c -> c.status() == status && c.jurisdictionCode().equals(ward), BY_REGISTRATION));
      }
    }
    for (String phone : List.of(PHONE_A, PHONE_B, "+919811111111")) {
      PhoneNumber number = PhoneNumber.parse(phone);
      lists.put("byCitizen " + phone, p -> queries.byCitizen(TenantId.DEFAULT, number, p));
      expected.put("byCitizen " + phone, expect(all, c -> c.citizen().phone().equals(number), BY_REGISTRATION.reversed()));
    }
    // the seed reaches every kind of list: long, short and empty
    assertThat(expected.get("pendingAt " + AE)).hasSizeGreaterThan(5);
    assertThat(expected.get("overdue " + now)).hasSizeGreaterThan(3);
    assertThat(expected.get("byCitizen " + PHONE_A)).hasSizeGreaterThan(8);
    assertThat(expected.get("byStatus CLOSED " + WARD_12)).isNotEmpty();
    assertThat(expected.get("pendingAt " + TEHSILDAR)).isEmpty();

    for (Map.Entry<String, Function<PageRequest, Page<Complaint>>> list : lists.entrySet()) {
      List<Complaint> want = expected.get(list.getKey());
      for (int size : new int[] {1, 2, 3, 5, 1000}) {
        List<Complaint> got = readAll(list.getKey() + " by " + size, list.getValue(), size, want.size());
        assertThat(ids(got)).as("%s, pages of %d", list.getKey(), size).isEqualTo(ids(want));
        assertThat(got).as("%s, pages of %d: current states", list.getKey(), size).isEqualTo(want);
      }
    }
  }

  /**
   * A page's cursor, written as its {@link PageCursor#token()} and parsed back as a portal does,
   * continues the list where the page ended.
   */
  @Test
  public void a_page_cursor_token_continues_the_list_where_the_page_ended() {
    WorkLists queries = lists();
    List<Complaint> all = seedWorkLists();
    PhoneNumber phone = PhoneNumber.parse(PHONE_A);
    List<Complaint> want = expect(all, c -> c.citizen().phone().equals(phone), BY_REGISTRATION.reversed());

    List<Complaint> got = new ArrayList<>();
    PageRequest request = PageRequest.first(4);
    for (int pages = 0; pages <= want.size(); pages++) {
      Page<Complaint> page = queries.byCitizen(TenantId.DEFAULT, phone, request);
      got.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      request = PageRequest.after(4, PageCursor.parse(page.next().get().token()));
    }
    assertThat(got).isEqualTo(want);
  }

  /**
   * Keyset paging: a complaint that leaves a work list or joins it before the cursor between two
   * page reads neither repeats nor hides another; one that joins after the cursor is read.
   */
  @Test
  public void a_complaint_joining_or_leaving_a_work_list_between_pages_neither_repeats_nor_hides_another() {
    WorkLists queries = lists();
    List<Complaint> pending = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      pending.add(assigned("P-" + i, T0.plusSeconds(3600L * i), AE));
    }

    Page<Complaint> first = queries.pendingAt(TenantId.DEFAULT, AE, PageRequest.first(2));
    assertThat(ids(first.items())).containsExactly("P-1", "P-2");
    run(pending.get(1), new Withdraw(Optional.empty()), citizenOf(pending.get(1))); // P-2, on the page read
    run(pending.get(3), new Withdraw(Optional.empty()), citizenOf(pending.get(3))); // P-4, not read yet
    assigned("P-0", T0, AE); // joins before the cursor
    assigned("P-9", T0.plusSeconds(3600L * 9), AE); // joins after the cursor

    List<Complaint> rest = readAll("the rest", p -> queries.pendingAt(TenantId.DEFAULT, AE, p), 2, 10, first.nextRequest(2).orElseThrow());
    assertThat(ids(rest)).containsExactly("P-3", "P-5", "P-6", "P-9");
  }

  /** A page size outside 1 to {@link PageRequest#MAX_SIZE} is refused. */
  @Test
  public void a_page_size_out_of_range_is_refused() {
    WorkLists queries = lists();
    Complaint c = assigned("P-1", T0, AE);
    PageCursor cursor = new PageCursor(c.registeredAt(), c.id());

    for (int size : new int[] {0, -1, PageRequest.MAX_SIZE + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> PageRequest.first(size)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> PageRequest.after(size, cursor)).isInstanceOf(IllegalArgumentException.class);
    }
    Page<Complaint> page = queries.pendingAt(TenantId.DEFAULT, AE, PageRequest.first(PageRequest.MAX_SIZE));
    assertThat(page.items()).containsExactly(c);
    assertThat(page.next()).isEmpty();
    assertThat(queries.pendingAt(TenantId.DEFAULT, AE, PageRequest.after(1, cursor)).items()).isEmpty();
  }

  // =============================================================================================
  // Vocabulary

  /** A complaint's new events and the state they lead to, decided on {@code before}. */
  private record Step(Complaint before, Complaint after, List<ComplaintEvent> events) {
    Append append() {
      return Append.of(after, events, before.version());
    }
  }

  /** The outcome of one racing call: its value, or what it threw. */
  private record Outcome<T>(T value, Throwable failure) {}

  /** Sequence numbers 1 to n, for comparing with the sequences of a log. */
  private static final class LongRange {
    static List<Long> closed(long from, long to) {
      List<Long> out = new ArrayList<>();
      for (long i = from; i <= to; i++) {
        out.add(i);
      }
      return out;
    }
  }

  // =============================================================================================
  // Caller history (CallerHistory)

  /**
   * {@link CallerHistory#registeredSince}: a number's complaints registered at or after the
   * instant, open or not, newest first and ties by id descending; another number's never.
   */
  @Test
  public void registered_since_lists_a_numbers_complaints_newest_first_from_the_instant() {
    CallerHistory history = history();
    Complaint a1 = create("A-1", T0, request(PHONE_A, WARD_12, "पहली", Optional.empty()));
    Complaint a2 = create("A-2", T0.plus(Duration.ofHours(1)), request(PHONE_A, WARD_13, "दूसरी", Optional.empty()));
    create("B-1", T0.plus(Duration.ofHours(2)), request(PHONE_B, WARD_12, "किसी और की", Optional.empty()));
    Complaint a3 = create("A-3", T0.plus(Duration.ofHours(3)), request(PHONE_A, WARD_12, "तीसरी", Optional.empty()));
    a3 = run(a3, new Withdraw(Optional.of("हल हो गया")), AGENT);
    Complaint a5 = create("A-5", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "पाँचवीं", Optional.empty()));
    Complaint a4 = create("A-4", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "चौथी", Optional.empty()));
    PhoneNumber phoneA = PhoneNumber.parse(PHONE_A);

    assertThat(history.registeredSince(TenantId.DEFAULT, phoneA, T0)).containsExactly(a5, a4, a3, a2, a1);
    assertThat(history.registeredSince(TenantId.DEFAULT, phoneA, T0.plus(Duration.ofHours(1)))).containsExactly(a5, a4, a3, a2);
    assertThat(history.registeredSince(TenantId.DEFAULT, phoneA, T0.plus(Duration.ofHours(1)).plusSeconds(1))).containsExactly(a5, a4, a3);
    assertThat(history.registeredSince(TenantId.DEFAULT, phoneA, T0.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(history.registeredSince(TenantId.DEFAULT, PhoneNumber.parse(PHONE_B), T0.plus(Duration.ofHours(2)).plusSeconds(1))).isEmpty();
    assertThat(history.registeredSince(TenantId.DEFAULT, PhoneNumber.parse("+919000000001"), T0)).isEmpty();
  }

  /**
   * {@link CallerHistory#newestRegistered} and {@link CallerHistory#registrationInstants}: a
   * number's newest complaints registered within the interval (both ends included), open or not,
   * newest first and ties by id descending, at most {@code max}, and their registration instants;
   * the caller-limit policy relies on them being exactly the first {@code max} of
   * {@code registeredSince} within the interval, which is checked for every bound.
   */
  @Test
  public void newest_registered_lists_at_most_max_newest_first_within_the_interval() {
    CallerHistory history = history();
    Complaint a1 = create("A-1", T0, request(PHONE_A, WARD_12, "पहली", Optional.empty()));
    Complaint a2 = create("A-2", T0.plus(Duration.ofHours(1)), request(PHONE_A, WARD_13, "दूसरी", Optional.empty()));
    create("B-1", T0.plus(Duration.ofHours(2)), request(PHONE_B, WARD_12, "किसी और की", Optional.empty()));
    Complaint a3 = create("A-3", T0.plus(Duration.ofHours(3)), request(PHONE_A, WARD_12, "तीसरी", Optional.empty()));
    a3 = run(a3, new Withdraw(Optional.of("हल हो गया")), AGENT);
    Complaint a5 = create("A-5", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "पाँचवीं", Optional.empty()));
    Complaint a4 = create("A-4", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "चौथी", Optional.empty()));
    Complaint a6 = create("A-6", T0.plus(Duration.ofHours(5)), request(PHONE_A, WARD_12, "छठी", Optional.empty()));
    PhoneNumber phoneA = PhoneNumber.parse(PHONE_A);
    TenantId t = TenantId.DEFAULT;

    assertThat(history.newestRegistered(t, phoneA, T0, Instant.MAX, 2)).containsExactly(a6, a5);
    assertThat(history.newestRegistered(t, phoneA, T0, T0.plus(Duration.ofHours(4)), 2)).containsExactly(a5, a4);
    assertThat(history.newestRegistered(t, phoneA, T0, T0.plus(Duration.ofHours(4)), 10)).containsExactly(a5, a4, a3, a2, a1);
    assertThat(history.newestRegistered(t, phoneA, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)), 10))
        .containsExactly(a3, a2);
    assertThat(history.newestRegistered(t, phoneA, Instant.MIN, Instant.MAX, 3)).containsExactly(a6, a5, a4);
    assertThat(history.newestRegistered(t, phoneA, T0.plus(Duration.ofDays(1)), Instant.MAX, 3)).isEmpty();
    assertThat(history.newestRegistered(t, phoneA, T0, T0.minusSeconds(1), 3)).isEmpty();
    assertThat(history.newestRegistered(t, PhoneNumber.parse(PHONE_B), T0, Instant.MAX, 5)).hasSize(1);
    assertThat(history.newestRegistered(t, PhoneNumber.parse("+919000000001"), Instant.MIN, Instant.MAX, 5)).isEmpty();
    assertThatThrownBy(() -> history.newestRegistered(t, phoneA, T0, Instant.MAX, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.registrationInstants(t, phoneA, T0, Instant.MAX, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(history.registrationInstants(t, phoneA, T0, T0.plus(Duration.ofHours(4)), 3))
        .containsExactly(a5.registeredAt(), a4.registeredAt(), a3.registeredAt());
    List<Instant> bounds = new ArrayList<>(List.of(Instant.MIN, Instant.MAX));
    for (int h = -1; h <= 6; h++) {
      bounds.add(T0.plus(Duration.ofHours(h)));
      bounds.add(T0.plus(Duration.ofHours(h)).plusSeconds(1));
    }
    for (Instant since : bounds) {
      List<Complaint> all = history.registeredSince(t, phoneA, since);
      for (Instant until : bounds) {
        List<Complaint> within = all.stream().filter(c -> !c.registeredAt().isAfter(until)).toList();
        for (int max = 1; max <= 7; max++) {
          List<Complaint> newest = within.subList(0, Math.min(max, within.size()));
          assertThat(history.newestRegistered(t, phoneA, since, until, max)).as("since %s until %s max %s", since, until, max)
              .containsExactlyElementsOf(newest);
          assertThat(history.registrationInstants(t, phoneA, since, until, max)).as("instants since %s until %s max %s",
              since, until, max).containsExactlyElementsOf(newest.stream().map(Complaint::registeredAt).toList());
        }
      }
    }
  }

  /**
   * {@link CallerHistory#registeredSince(TenantId, PhoneNumber, String, String, Instant)}: a
   * number's complaints of exactly that category and jurisdiction (a category whose code starts
   * the same is another) registered at or after the instant, open or not, newest first and ties by
   * id descending; the duplicate policy relies on it being {@code registeredSince} with the other
   * codes left out, which is checked for every instant.
   */
  @Test
  public void registered_since_of_a_category_lists_only_that_category_and_jurisdiction() {
    CallerHistory history = history();
    String outage = "ENERGY.SUPPLY.OUTAGE";
    Complaint c1 = create("C-1", T0, request(PHONE_A, WARD_12, "पहली", Optional.empty()));
    Complaint c2 = create("C-2", T0.plus(Duration.ofHours(1)), ofCategory(PHONE_A, WARD_12, "WATER.SUPPLY", "पानी"));
    Complaint c3 = create("C-3", T0.plus(Duration.ofHours(2)), request(PHONE_A, WARD_13, "दूसरे वार्ड", Optional.empty()));
    create("B-1", T0.plus(Duration.ofHours(2)), request(PHONE_B, WARD_12, "किसी और की", Optional.empty()));
    Complaint c4 = run(create("C-4", T0.plus(Duration.ofHours(3)), request(PHONE_A, WARD_12, "बंद", Optional.empty())),
        new Withdraw(Optional.of("हल हो गया")), AGENT);
    Complaint c5 = create("C-5", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "पाँचवीं", Optional.empty()));
    Complaint c6 = create("C-6", T0.plus(Duration.ofHours(4)), request(PHONE_A, WARD_12, "छठी", Optional.empty()));
    Complaint c7 = create("C-7", T0.plus(Duration.ofHours(5)), ofCategory(PHONE_A, WARD_12, "ENERGY.SUPPLY", "ऊपर की श्रेणी"));
    PhoneNumber phoneA = PhoneNumber.parse(PHONE_A);
    TenantId t = TenantId.DEFAULT;

    assertThat(history.registeredSince(t, phoneA, outage, WARD_12, T0)).containsExactly(c6, c5, c4, c1);
    assertThat(history.registeredSince(t, phoneA, outage, WARD_12, T0.plus(Duration.ofHours(3)))).containsExactly(c6, c5, c4);
    assertThat(history.registeredSince(t, phoneA, outage, WARD_12, T0.plus(Duration.ofHours(3)).plusSeconds(1)))
        .containsExactly(c6, c5);
    assertThat(history.registeredSince(t, phoneA, outage, WARD_13, Instant.MIN)).containsExactly(c3);
    assertThat(history.registeredSince(t, phoneA, "WATER.SUPPLY", WARD_12, Instant.MIN)).containsExactly(c2);
    assertThat(history.registeredSince(t, phoneA, "ENERGY.SUPPLY", WARD_12, Instant.MIN)).containsExactly(c7);
    assertThat(history.registeredSince(t, phoneA, "WATER.SUPPLY", WARD_13, Instant.MIN)).isEmpty();
    assertThat(history.registeredSince(t, PhoneNumber.parse(PHONE_B), outage, WARD_12, T0.plus(Duration.ofHours(2)).plusSeconds(1)))
        .isEmpty();
    assertThat(history.registeredSince(t, PhoneNumber.parse("+919000000001"), outage, WARD_12, Instant.MIN)).isEmpty();
    for (int h = -1; h <= 6; h++) {
      Instant since = T0.plus(Duration.ofHours(h));
      for (String category : List.of(outage, "WATER.SUPPLY", "ENERGY.SUPPLY")) {
        for (String ward : List.of(WARD_12, WARD_13)) {
          assertThat(history.registeredSince(t, phoneA, category, ward, since)).as("%s %s since %s", category, ward, since)
              .containsExactlyElementsOf(history.registeredSince(t, phoneA, since).stream()
                  .filter(c -> c.categoryCode().equals(category) && c.jurisdictionCode().equals(ward)).toList());
        }
      }
    }
  }

  private static RegisterComplaint ofCategory(String phone, String jurisdiction, String category, String description) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name("सुनीता वर्मा").phone(phone).languageTag("hi").address("वार्ड 12, रायपुर").build())
        .categoryCode(category)
        .jurisdictionCode(jurisdiction)
        .description(description)
        .build();
  }

  /**
   * {@link CallerHistory#countFakeClosures} and {@link CallerHistory#fakeClosures}: a number's
   * complaints rejected as fake whose closing instant lies in the interval, both ends included;
   * other rejections, other numbers and open complaints never; any instant may bound the interval.
   */
  @Test
  public void fake_closures_are_counted_and_listed_by_number_and_closing_instant() {
    CallerHistory history = history();
    Complaint f1 = rejected("F-1", T0, PHONE_A, RejectionReason.FAKE);                           // closed T0 + 60 s
    rejected("N-2", T0.plus(Duration.ofHours(1)), PHONE_A, RejectionReason.OUT_OF_SCOPE);
    Complaint f3 = rejected("F-3", T0.plus(Duration.ofHours(2)), PHONE_A, RejectionReason.FAKE);  // closed T0 + 2 h + 60 s
    rejected("F-4", T0.plus(Duration.ofHours(2)), PHONE_B, RejectionReason.FAKE);
    create("O-5", T0.plus(Duration.ofHours(3)), request(PHONE_A, WARD_12, "खुली", Optional.empty()));
    PhoneNumber phoneA = PhoneNumber.parse(PHONE_A);
    Instant f1At = T0.plusSeconds(60);
    Instant f3At = T0.plus(Duration.ofHours(2)).plusSeconds(60);

    assertThat(history.countFakeClosures(TenantId.DEFAULT, phoneA, T0, T0.plus(Duration.ofDays(1)))).isEqualTo(2);
    assertThat(history.fakeClosures(TenantId.DEFAULT, phoneA, T0, T0.plus(Duration.ofDays(1)))).containsExactlyInAnyOrder(f1, f3);
    assertThat(history.countFakeClosures(TenantId.DEFAULT, phoneA, f1At, f1At)).isEqualTo(1);
    assertThat(history.countFakeClosures(TenantId.DEFAULT, phoneA, f1At.plusSeconds(1), f3At)).isEqualTo(1);
    assertThat(history.fakeClosures(TenantId.DEFAULT, phoneA, f1At.plusSeconds(1), f3At)).containsExactly(f3);
    assertThat(history.countFakeClosures(TenantId.DEFAULT, phoneA, T0, f1At.minusSeconds(1))).isZero();
    assertThat(history.countFakeClosures(TenantId.DEFAULT, phoneA, Instant.MIN, Instant.MAX)).isEqualTo(2);
    assertThat(history.countFakeClosures(TenantId.DEFAULT, PhoneNumber.parse(PHONE_B), Instant.MIN, Instant.MAX)).isEqualTo(1);
    assertThat(history.fakeClosures(TenantId.DEFAULT, PhoneNumber.parse("+919000000001"), Instant.MIN, Instant.MAX)).isEmpty();
  }

  /** Registered at {@code at} by {@code phone} and rejected a minute later with the reason. */
  private Complaint rejected(String id, Instant at, String phone, RejectionReason reason) {
    Complaint c = create(id, at, request(phone, WARD_12, "शिकायत " + id, Optional.empty()));
    return run(c, new Reject(reason, "जाँच में पाया", Optional.empty()), AGENT);
  }

  /** The store's caller history; a test of it does not apply to a store without. */
  private CallerHistory history() {
    Assumptions.assumeTrue(store instanceof CallerHistory, "the store does not implement CallerHistory");
    return (CallerHistory) store;
  }

  private static final Comparator<Complaint> BY_REGISTRATION =
      Comparator.comparing(Complaint::registeredAt).thenComparing(Complaint::id);
  private static final Comparator<Complaint> BY_DUE =
      Comparator.<Complaint, Instant>comparing(c -> c.dueAt().orElseThrow()).thenComparing(Complaint::id);

  /** The store's work lists; a test of them does not apply to a store without. */
  private WorkLists lists() {
    Assumptions.assumeTrue(store instanceof WorkLists, "the store does not implement WorkLists");
    return (WorkLists) store;
  }

  /** Runs checks of the work lists, if the store has them, within a test of something else. */
  private void whenWorkLists(java.util.function.Consumer<WorkLists> checks) {
    if (store instanceof WorkLists w) {
      checks.accept(w);
    }
  }

  private static RegisterComplaint request(String phone, String jurisdiction, String description, Optional<String> key) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.builder().name("सुनीता वर्मा").phone(phone).languageTag("hi").address("वार्ड 12, रायपुर").build())
        .categoryCode("ENERGY.SUPPLY.OUTAGE")
        .jurisdictionCode(jurisdiction)
        .description(description)
        .idempotencyKey(key)
        .build();
  }

  /** Registers a complaint straight into the store, without an idempotency key. */
  private Complaint create(String id, Instant at, RegisterComplaint request) {
    return create(id, at, request, Optional.empty());
  }

  private Complaint create(String id, Instant at, RegisterComplaint request, Optional<String> key) {
    ComplaintRegistered r = Lifecycle.register(ComplaintId.of(id), request, AGENT, at);
    Complaint c = Lifecycle.start(r);
    CreateResult result = store.create(new NewComplaint(c, List.of(r), key, request.fingerprint()));
    assertThat(result).as("create %s", id).isInstanceOf(CreateResult.Created.class);
    assertThat(result.complaint()).isEqualTo(c);
    return c;
  }

  /** Registered at {@code at} by citizen A in ward 12, and assigned to {@code post} a minute later. */
  private Complaint assigned(String id, Instant at, PostId post) {
    return run(create(id, at, request(PHONE_A, WARD_12, "शिकायत " + id, Optional.empty())), new Assign(post, ENERGY, Level.L1), SYSTEM);
  }

  /** Like {@link #assigned}, with an L1 clock of {@code budget} started at registration. */
  private Complaint dueAfter(String id, Instant at, PostId post, Duration budget) {
    Complaint c = assigned(id, at, post);
    return run(c, new SetSlaTimer(timer(Level.L1, budget, at)), SYSTEM);
  }

  private static SlaTimer timer(Level level, Duration budget, Instant start) {
    SlaPolicy policy = SlaPolicy.builder("TCK-" + budget.toMinutes() + "M", ROUND_THE_CLOCK.id())
        .otherwise(SlaBudget.openTime(budget))
        .build();
    return SlaTimer.start(policy, level, ROUND_THE_CLOCK, start);
  }

  private static Step decide(Complaint c, ComplaintCommand command, Actor actor, Instant at) {
    List<ComplaintEvent> events = Lifecycle.decide(c, command, actor, at);
    Complaint after = c;
    for (ComplaintEvent e : events) {
      after = Lifecycle.evolve(after, e);
    }
    return new Step(c, after, events);
  }

  /** Decides a command a minute after the complaint's latest event and appends it. */
  private Complaint run(Complaint c, ComplaintCommand command, Actor actor) {
    Step step = decide(c, command, actor, c.updatedAt().plusSeconds(60));
    store.append(Append.of(step.after(), step.events(), c.version()));
    return step.after();
  }

  private Complaint runLogged(List<ComplaintEvent> log, Complaint c, ComplaintCommand command, Actor actor) {
    Complaint after = run(c, command, actor);
    log.addAll(store.events(TenantId.DEFAULT, c.id()).subList((int) c.version(), (int) after.version()));
    assertThat(log.get(log.size() - 1).sequence()).isEqualTo(after.version());
    return after;
  }

  private static Actor officerAt(Complaint c) {
    PostId post = c.post().orElseThrow();
    return Actor.officer("TCK-OFF-" + post.code(), post);
  }

  private static Actor citizenOf(Complaint c) {
    return Actor.citizen(c.citizen().phone());
  }

  private static Notification notificationFor(Complaint c) {
    Recipient citizen = new Recipient(RecipientRole.CITIZEN, c.citizen().phone(), Optional.empty(), c.citizen().name());
    return new Notification(c.id() + "#" + c.version() + ":" + citizen.key(), c.id(), c.version(), NotificationKind.ASSIGNED,
        citizen, DeliveryChannel.SMS, Language.HINDI, "आपकी शिकायत " + c.id() + " पर कार्रवाई हुई", c.updatedAt());
  }

  private static List<String> ids(List<Complaint> complaints) {
    return complaints.stream().map(c -> c.id().value()).toList();
  }

  private static void assertSameText(String actual, String expected) {
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    assertThat(actual.codePoints().toArray()).isEqualTo(expected.codePoints().toArray());
  }

  private static List<Complaint> expect(List<Complaint> all, Predicate<Complaint> keep, Comparator<Complaint> order) {
    return all.stream().filter(keep).sorted(order).toList();
  }

  /**
   * 21 complaints for the work lists: two citizens, two wards, registrations that tie on the
   * instant (ids in another order than creation), deadlines that tie, every kind of state. Returns
   * their current states.
   */
  private List<Complaint> seedWorkLists() {
    List<Complaint> all = new ArrayList<>();
    List<Integer> order = IntStream.range(0, 21).boxed().collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(order); // created in the reverse of id order
    for (int i : order) {
      String id = String.format(Locale.ROOT, "W-%02d", i);
      Instant at = T0.plus(Duration.ofHours((i * 7L) % 4));
      String phone = i % 3 == 0 ? PHONE_B : PHONE_A;
      String ward = i % 2 == 0 ? WARD_12 : WARD_13;
      Complaint c = create(id, at, request(phone, ward, "शिकायत " + id, Optional.empty()));
      PostId post = i % 5 == 0 ? EE : AE;
      Duration budget = Duration.ofHours(1 + i % 3);
      c = switch (i % 7) {
        case 0 -> c;
        case 1, 2 -> run(run(c, new Assign(post, ENERGY, Level.L1), SYSTEM), new SetSlaTimer(timer(Level.L1, budget, at)), SYSTEM);
        case 3 -> {
          Complaint a = run(c, new Assign(post, ENERGY, Level.L1), SYSTEM);
          yield run(a, new Resolve("हो गया", List.of()), officerAt(a));
        }
        case 4 -> {
          Complaint a = run(c, new Assign(post, ENERGY, Level.L1), SYSTEM);
          a = run(a, new Resolve("हो गया", List.of()), officerAt(a));
          yield run(a, new ConfirmSatisfied(Optional.of(5), Optional.empty()), citizenOf(a));
        }
        case 5 -> run(c, new Reject(RejectionReason.OUT_OF_SCOPE, "निजी विवाद", Optional.empty()), AGENT);
        default -> run(c, new Assign(post, ENERGY, Level.L1), SYSTEM);
      };
      all.add(c);
    }
    for (Complaint c : all) {
      assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
    }
    return all;
  }

  private static List<Complaint> readAll(String what, Function<PageRequest, Page<Complaint>> list, int size, int expected) {
    return readAll(what, list, size, expected, PageRequest.first(size));
  }

  /**
   * Reads a work list from {@code request} to its end: every page but the last holds {@code size}
   * items; the last one (which may be empty only if it is not the first) has no next cursor.
   */
  private static List<Complaint> readAll(
      String what, Function<PageRequest, Page<Complaint>> list, int size, int expected, PageRequest request) {
    List<Complaint> out = new ArrayList<>();
    Set<ComplaintId> seen = new HashSet<>();
    int maxPages = expected / size + 2;
    for (int pages = 1; ; pages++) {
      if (pages > maxPages) {
        fail("%s: more than %d pages for %d complaints; read so far %s", what, maxPages, expected, ids(out));
      }
      Page<Complaint> page = list.apply(request);
      assertThat(page.items().size()).as("%s, page %d: size", what, pages).isLessThanOrEqualTo(size);
      for (Complaint c : page.items()) {
        assertThat(seen.add(c.id())).as("%s, page %d: %s read twice", what, pages, c.id()).isTrue();
      }
      out.addAll(page.items());
      Optional<PageRequest> next = page.nextRequest(size);
      if (next.isEmpty()) {
        return out;
      }
      assertThat(page.items()).as("%s, page %d: a page with a next cursor is full", what, pages).hasSize(size);
      request = next.get();
    }
  }

  /**
   * Runs the calls on {@link #THREADS} threads released at once, and returns each call's outcome.
   */
  private static <T> List<Outcome<T>> race(List<Callable<T>> calls) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch ready = new CountDownLatch(calls.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return call.call();
        }));
      }
      assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("threads started").isTrue();
      go.countDown();
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          outcomes.add(new Outcome<>(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), null));
        } catch (ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        } catch (TimeoutException e) {
          fail("a racing call did not finish within %d s", TIMEOUT_SECONDS);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  // =============================================================================================
  // The parts in files of their own, run as nested classes against the same store factory

  /** The tenant part: see {@link TenantContract}. */
  @Nested
  public class Tenants extends TenantContract {
    /** Created by JUnit. */
    public Tenants() {}

    @Override
    protected ComplaintStore newStore() {
      return ComplaintStoreContract.this.newStore();
    }
  }

  /** The external-reference part: see {@link ExternalReferenceContract}. */
  @Nested
  public class ExternalReferences extends ExternalReferenceContract {
    /** Created by JUnit. */
    public ExternalReferences() {}

    @Override
    protected ComplaintStore newStore() {
      return ComplaintStoreContract.this.newStore();
    }
  }

  /** The nearby-complaints part: see {@link NearbyComplaintsContract}. */
  @Nested
  public class Nearby extends NearbyComplaintsContract {
    /** Created by JUnit. */
    public Nearby() {}

    @Override
    protected ComplaintStore newStore() {
      return ComplaintStoreContract.this.newStore();
    }
  }
}
