package org.nivaran.grievance.store;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintCommand.Assign;
import org.nivaran.grievance.complaint.ComplaintCommand.ConfirmSatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.Escalate;
import org.nivaran.grievance.complaint.ComplaintCommand.Flag;
import org.nivaran.grievance.complaint.ComplaintCommand.ProvideInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Reassign;
import org.nivaran.grievance.complaint.ComplaintCommand.Reject;
import org.nivaran.grievance.complaint.ComplaintCommand.Reopen;
import org.nivaran.grievance.complaint.ComplaintCommand.ReportDissatisfied;
import org.nivaran.grievance.complaint.ComplaintCommand.RequestInformation;
import org.nivaran.grievance.complaint.ComplaintCommand.Resolve;
import org.nivaran.grievance.complaint.ComplaintCommand.ReturnReply;
import org.nivaran.grievance.complaint.ComplaintCommand.SetSlaTimer;
import org.nivaran.grievance.complaint.ComplaintCommand.StartWork;
import org.nivaran.grievance.complaint.ComplaintCommand.Transfer;
import org.nivaran.grievance.complaint.ComplaintCommand.Withdraw;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.sla.SlaBudget;
import org.nivaran.grievance.sla.SlaPolicy;
import org.nivaran.grievance.sla.SlaTimer;

/**
 * The store's indexed work lists ({@code overdue}, {@code flagged}, {@code pendingAt}, read to a
 * limit with {@code Page.collect}) as complaints move through their lifecycle, and against a
 * brute-force filter after concurrent writers.
 */
class InMemoryComplaintStoreQueriesTest {
  private static final Instant T0 = Fixtures.T0;
  private static final PostId AE = Fixtures.AE;
  private static final PostId EE = Fixtures.EE;
  private static final PostId TEHSILDAR = Fixtures.TEHSILDAR;
  private static final Actor AGENT = Fixtures.AGENT;
  private static final Actor SYSTEM = Actor.system("test");
  private static final Actor SUPERVISOR = Fixtures.COLLECTOR;
  private static final Actor CITIZEN = Fixtures.CITIZEN;

  private final InMemoryComplaintStore store = new InMemoryComplaintStore();

  // ---------------------------------------------------------------------------------------------
  // A small vocabulary: complaints written straight through Lifecycle into the store

  private static Instant hours(double h) {
    return T0.plus(Duration.ofMinutes(Math.round(h * 60)));
  }

  /** A timer of {@code budget} around the clock at a level, started at {@code start}. */
  private static SlaTimer timer(Level level, Duration budget, Instant start) {
    SlaPolicy policy = SlaPolicy.builder("P-" + budget.toMinutes(), "24X7").otherwise(SlaBudget.openTime(budget)).build();
    return SlaTimer.start(policy, level, Fixtures.ROUND_THE_CLOCK, start);
  }

  private Complaint register(String id, Instant at) {
    ComplaintEvent.ComplaintRegistered r =
        Lifecycle.register(ComplaintId.of(id), Fixtures.request(), AGENT, at);
    Complaint c = Lifecycle.start(r);
    store.create(new NewComplaint(c, List.of(r), Optional.empty(), "fp-" + id));
    return c;
  }

  /** Decides a command on the stored complaint and appends its events. */
  private Complaint run(Complaint c, ComplaintCommand command, Actor actor) {
    return run(store, c, command, actor, c.updatedAt().plusSeconds(60));
  }

  private static Complaint run(ComplaintStore store, Complaint c, ComplaintCommand command, Actor actor, Instant at) {
    List<ComplaintEvent> events = Lifecycle.decide(c, command, actor, at);
    Complaint after = c;
    for (ComplaintEvent e : events) {
      after = Lifecycle.evolve(after, e);
    }
    store.append(Append.of(after, events, c.version()));
    return after;
  }

  /** Registered at {@code registeredAt}, assigned to {@code post} at L1 and due after {@code hoursAllowed}. */
  private Complaint dueAfter(String id, Instant registeredAt, PostId post, double hoursAllowed) {
    Complaint c = run(register(id, registeredAt), new Assign(post, Fixtures.ENERGY, Level.L1), SYSTEM);
    return run(c, new SetSlaTimer(timer(Level.L1, Duration.ofMinutes(Math.round(hoursAllowed * 60)), registeredAt)), SYSTEM);
  }

  private Complaint assigned(String id, Instant registeredAt, PostId post) {
    return run(register(id, registeredAt), new Assign(post, Fixtures.ENERGY, Level.L1), SYSTEM);
  }

  private static Actor officerAt(Complaint c) {
    return Actor.officer("OFF-" + c.post().orElseThrow().code(), c.post().orElseThrow());
  }

  private static Flag flag(ComplaintFlag flag) {
    return new Flag(flag, "test", Optional.empty());
  }

  private static List<String> ids(List<Complaint> complaints) {
    return complaints.stream().map(c -> c.id().value()).toList();
  }

  private List<String> due(Instant at) {
    return ids(Page.collect(r -> store.overdue(TenantId.DEFAULT, at, r), Integer.MAX_VALUE));
  }

  private List<String> pendingAt(PostId post) {
    return ids(Page.collect(r -> store.pendingAt(TenantId.DEFAULT, post, r), Integer.MAX_VALUE));
  }

  private List<String> flagged(ComplaintFlag flag) {
    return ids(Page.collect(r -> store.flagged(TenantId.DEFAULT, flag, r), Integer.MAX_VALUE));
  }

  // ---------------------------------------------------------------------------------------------
  // overdue

  @Test
  void find_due_returns_exactly_the_complaints_due_by_then_earliest_first_ties_by_id() {
    dueAfter("C-2", T0, AE, 5);
    dueAfter("C-3", T0, AE, 3);
    dueAfter("C-1", T0, EE, 3);
    dueAfter("C-4", T0, EE, 10);
    register("C-0", T0); // never assigned: no deadline
    assigned("C-5", T0, AE); // assigned, no timer yet

    assertThat(due(hours(3).minusNanos(1))).isEmpty();
    assertThat(due(hours(3))).containsExactly("C-1", "C-3");
    assertThat(due(hours(5))).containsExactly("C-1", "C-3", "C-2");
    assertThat(due(hours(9.99))).containsExactly("C-1", "C-3", "C-2");
    assertThat(due(hours(1000))).containsExactly("C-1", "C-3", "C-2", "C-4");
  }

  @Test
  void find_due_returns_the_current_state_and_honours_the_limit() {
    dueAfter("C-1", T0, AE, 1);
    dueAfter("C-2", T0, AE, 2);
    dueAfter("C-3", T0, AE, 3);

    assertThat(ids(Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), 1))).containsExactly("C-1");
    assertThat(ids(Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), 2))).containsExactly("C-1", "C-2");
    assertThat(ids(Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), 3))).containsExactly("C-1", "C-2", "C-3");
    assertThat(ids(Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), 4))).containsExactly("C-1", "C-2", "C-3");
    for (Complaint c : Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), 3)) {
      assertThat(store.find(TenantId.DEFAULT, c.id())).contains(c);
    }
  }

  @Test
  void a_resolved_complaint_leaves_the_due_list_and_comes_back_when_its_reply_is_returned() {
    Complaint c = dueAfter("C-1", T0, AE, 2);

    c = run(c, new Resolve("done", List.of()), officerAt(c));
    assertThat(due(hours(100))).isEmpty();

    c = run(c, new ReturnReply("incomplete"), AGENT);
    assertThat(c.status()).isEqualTo(Status.RETURNED);
    assertThat(due(hours(100))).containsExactly("C-1");
  }

  @Test
  void a_paused_clock_leaves_the_due_list_and_its_resume_puts_it_back_at_the_new_deadline() {
    Complaint c = dueAfter("C-1", T0, AE, 8);
    dueAfter("C-2", T0, AE, 9);
    SlaTimer t = c.sla().orElseThrow();

    c = run(c, new RequestInformation("send the bill"), officerAt(c));
    assertThat(due(hours(100))).as("awaiting the citizen").containsExactly("C-2");
    c = run(c, new SetSlaTimer(t.pause(Fixtures.ROUND_THE_CLOCK, hours(2))), SYSTEM);
    assertThat(due(hours(100))).containsExactly("C-2");

    c = run(c, new ProvideInformation("sent", List.of()), CITIZEN);
    assertThat(c.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(due(hours(100))).as("back at its post but the clock is paused").containsExactly("C-2");

    // resumed four hours after the pause: 6 hours were left, so due at 10 h
    c = run(c, new SetSlaTimer(c.sla().orElseThrow().resume(Fixtures.ROUND_THE_CLOCK, hours(6))), SYSTEM);
    assertThat(c.dueAt()).contains(hours(12));
    assertThat(due(hours(11.99))).containsExactly("C-2");
    assertThat(due(hours(12))).containsExactly("C-2", "C-1");
  }

  @Test
  void an_escalation_flag_takes_a_complaint_off_the_due_list_but_a_transfer_limit_flag_does_not() {
    Complaint blocked = dueAfter("C-1", T0, AE, 1);
    Complaint bounced = dueAfter("C-2", T0, AE, 1);
    Complaint atTop = dueAfter("C-3", T0, AE, 1);

    run(blocked, flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    run(bounced, flag(ComplaintFlag.TRANSFER_LIMIT_REACHED), SYSTEM);
    atTop = run(atTop, flag(ComplaintFlag.OVERDUE_AT_TOP), SYSTEM);
    assertThat(due(hours(100))).containsExactly("C-2");

    // a reply clears the escalation flag; the returned reply puts it back on the due list
    atTop = run(atTop, new Resolve("done", List.of()), officerAt(atTop));
    run(atTop, new ReturnReply("not done"), SUPERVISOR);
    assertThat(due(hours(100))).containsExactly("C-2", "C-3");
  }

  @Test
  void closed_rejected_and_withdrawn_complaints_leave_the_due_list_and_a_reopened_one_returns() {
    Complaint closed = dueAfter("C-1", T0, AE, 1);
    Complaint rejected = dueAfter("C-2", T0, AE, 2);
    Complaint withdrawn = dueAfter("C-3", T0, AE, 3);

    closed = run(closed, new Resolve("done", List.of()), officerAt(closed));
    closed = run(closed, new ConfirmSatisfied(Optional.of(5), Optional.empty()), CITIZEN);
    run(rejected, new Reject(RejectionReason.OUT_OF_SCOPE, "private dispute", Optional.empty()), AGENT);
    run(withdrawn, new Withdraw(Optional.empty()), CITIZEN);
    assertThat(due(hours(100))).isEmpty();

    run(closed, new Reopen("supply failed again"), CITIZEN);
    assertThat(due(hours(100))).containsExactly("C-1");
  }

  @Test
  void a_move_to_another_post_clears_the_timer_and_the_new_timer_sets_the_new_deadline() {
    Complaint c = dueAfter("C-1", T0, AE, 1);

    c = run(c, new Escalate(EE, "time ran out"), SYSTEM);
    assertThat(due(hours(100))).isEmpty();

    run(c, new SetSlaTimer(timer(Level.L2, Duration.ofHours(5), hours(1))), SYSTEM);
    assertThat(due(hours(5.99))).isEmpty();
    assertThat(due(hours(6))).containsExactly("C-1");
  }

  // ---------------------------------------------------------------------------------------------
  // flagged

  @Test
  void find_flagged_lists_flagged_complaints_by_registration_then_id_with_a_limit() {
    Complaint late = assigned("C-1", hours(1), AE);
    Complaint b = assigned("C-3", T0, AE);
    Complaint a = assigned("C-2", T0, EE);
    Complaint other = assigned("C-0", T0, EE);
    assigned("C-9", T0, AE); // not flagged

    run(late, flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    run(b, flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    run(a, flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    run(other, flag(ComplaintFlag.OVERDUE_AT_TOP), SYSTEM);

    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).containsExactly("C-2", "C-3", "C-1");
    assertThat(ids(Page.collect(r -> store.flagged(TenantId.DEFAULT, ComplaintFlag.ESCALATION_BLOCKED, r), 2))).containsExactly("C-2", "C-3");
    assertThat(flagged(ComplaintFlag.OVERDUE_AT_TOP)).containsExactly("C-0");
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).isEmpty();
  }

  @Test
  void every_move_to_another_post_takes_a_complaint_off_the_flagged_lists() {
    Complaint escalated = run(assigned("C-1", T0, AE), flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    Complaint transferred = run(assigned("C-2", T0, AE), flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    Complaint reassigned = run(assigned("C-3", T0, AE), flag(ComplaintFlag.TRANSFER_LIMIT_REACHED), SYSTEM);
    Complaint unrouted = run(register("C-4", T0), flag(ComplaintFlag.UNROUTED), SYSTEM);
    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).containsExactly("C-1", "C-2");
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).containsExactly("C-3");
    assertThat(flagged(ComplaintFlag.UNROUTED)).containsExactly("C-4");

    run(escalated, new Escalate(EE, "unblocked"), SYSTEM);
    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).containsExactly("C-2");
    run(transferred, new Transfer(TEHSILDAR, Fixtures.REVENUE, Level.L1, "land matter"), SUPERVISOR);
    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).isEmpty();
    run(reassigned, new Reassign(EE, Level.L2, "AE on leave"), SYSTEM);
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).isEmpty();
    run(unrouted, new Assign(AE, Fixtures.ENERGY, Level.L1), AGENT);
    assertThat(flagged(ComplaintFlag.UNROUTED)).isEmpty();
  }

  @Test
  void closures_take_a_complaint_off_every_flagged_list_and_a_reply_only_off_the_escalation_ones() {
    Complaint withdrawn = run(assigned("C-1", T0, AE), flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    withdrawn = run(withdrawn, flag(ComplaintFlag.TRANSFER_LIMIT_REACHED), SYSTEM);
    Complaint replied = run(assigned("C-2", T0, AE), flag(ComplaintFlag.ESCALATION_BLOCKED), SYSTEM);
    replied = run(replied, flag(ComplaintFlag.TRANSFER_LIMIT_REACHED), SYSTEM);

    run(withdrawn, new Withdraw(Optional.of("sorted out")), CITIZEN);
    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).containsExactly("C-2");
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).containsExactly("C-2");

    replied = run(replied, new Resolve("done", List.of()), officerAt(replied));
    assertThat(flagged(ComplaintFlag.ESCALATION_BLOCKED)).isEmpty();
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).containsExactly("C-2");

    run(replied, new ConfirmSatisfied(Optional.empty(), Optional.empty()), CITIZEN);
    assertThat(flagged(ComplaintFlag.TRANSFER_LIMIT_REACHED)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // pendingAt

  @Test
  void find_pending_at_lists_the_open_complaints_of_a_post_by_registration_then_id() {
    assigned("C-1", hours(2), AE);
    assigned("C-3", T0, AE);
    assigned("C-2", T0, AE);
    assigned("C-4", T0, EE);
    register("C-5", T0); // no post yet

    assertThat(pendingAt(AE)).containsExactly("C-2", "C-3", "C-1");
    assertThat(ids(Page.collect(r -> store.pendingAt(TenantId.DEFAULT, AE, r), 1))).containsExactly("C-2");
    assertThat(pendingAt(EE)).containsExactly("C-4");
    assertThat(pendingAt(TEHSILDAR)).isEmpty();
  }

  @Test
  void a_complaint_follows_its_post_through_escalation_transfer_and_reassignment() {
    Complaint c = assigned("C-1", T0, AE);
    assigned("C-2", T0, AE);

    c = run(c, new Escalate(EE, "time ran out"), SYSTEM);
    assertThat(pendingAt(AE)).containsExactly("C-2");
    assertThat(pendingAt(EE)).containsExactly("C-1");

    c = run(c, new Transfer(TEHSILDAR, Fixtures.REVENUE, Level.L1, "land matter"), SUPERVISOR);
    assertThat(pendingAt(EE)).isEmpty();
    assertThat(pendingAt(TEHSILDAR)).containsExactly("C-1");

    run(c, new Reassign(AE, Level.L1, "back to the AE"), AGENT);
    assertThat(pendingAt(TEHSILDAR)).isEmpty();
    assertThat(pendingAt(AE)).containsExactly("C-1", "C-2");
  }

  @Test
  void a_closed_complaint_is_no_longer_pending_and_a_reopened_one_is_again() {
    Complaint c = assigned("C-1", T0, AE);

    c = run(c, new RequestInformation("bill please"), officerAt(c));
    assertThat(pendingAt(AE)).as("awaiting the citizen is still pending").containsExactly("C-1");
    c = run(c, new ProvideInformation("sent", List.of()), CITIZEN);
    c = run(c, new Resolve("done", List.of()), officerAt(c));
    assertThat(pendingAt(AE)).as("resolved, awaiting confirmation").containsExactly("C-1");
    c = run(c, new ConfirmSatisfied(Optional.of(4), Optional.empty()), CITIZEN);
    assertThat(pendingAt(AE)).isEmpty();

    run(c, new Reopen("failed again"), CITIZEN);
    assertThat(pendingAt(AE)).containsExactly("C-1");
  }

  @Test
  void a_rejected_or_withdrawn_complaint_is_no_longer_pending() {
    run(assigned("C-1", T0, AE), new Reject(RejectionReason.FAKE, "no such address", Optional.empty()), AGENT);
    run(assigned("C-2", T0, AE), new Withdraw(Optional.empty()), CITIZEN);
    assigned("C-3", T0, AE);

    assertThat(pendingAt(AE)).containsExactly("C-3");
  }

  @Test
  void a_limit_below_one_is_refused_by_every_query() {
    dueAfter("C-1", T0, AE, 1);
    for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> Page.collect(r -> store.overdue(TenantId.DEFAULT, hours(10), r), limit)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Page.collect(r -> store.flagged(TenantId.DEFAULT, ComplaintFlag.UNROUTED, r), limit)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Page.collect(r -> store.pendingAt(TenantId.DEFAULT, AE, r), limit)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrency: the indexes agree with a brute-force filter

  private static final List<PostId> POSTS = List.of(AE, EE, TEHSILDAR, PostId.of("SE-RAIPUR"));

  /** One random command for {@code c}, with an actor allowed to issue it (the state may still refuse it). */
  private static ComplaintCommand randomCommand(SplittableRandom r, Complaint c, Instant at) {
    PostId post = POSTS.get(r.nextInt(POSTS.size()));
    Level level = c.level().orElse(Level.L1);
    return switch (r.nextInt(16)) {
      case 0 -> new Assign(post, Fixtures.ENERGY, Level.L1);
      case 1 -> new StartWork();
      case 2 -> new RequestInformation("more please");
      case 3 -> new ProvideInformation("here", List.of());
      case 4 -> new Resolve("done", List.of());
      case 5 -> new ReturnReply("incomplete");
      case 6 -> new ConfirmSatisfied(Optional.empty(), Optional.empty());
      case 7 -> new ReportDissatisfied(Optional.empty(), "not done");
      case 8 -> new Escalate(post, "time ran out");
      case 9 -> new Transfer(post, r.nextBoolean() ? Fixtures.REVENUE : Fixtures.ENERGY, Level.L1, "not ours");
      case 10 -> new Reassign(post, level, "on leave");
      case 11, 12 -> flag(ComplaintFlag.values()[r.nextInt(ComplaintFlag.values().length)]);
      case 13 -> {
        SlaTimer t = timer(level, Duration.ofHours(1 + r.nextInt(48)), at.minus(Duration.ofHours(r.nextInt(24))));
        yield new SetSlaTimer(r.nextInt(4) == 0 ? t.pause(Fixtures.ROUND_THE_CLOCK, at) : t);
      }
      case 14 -> new Reopen("again");
      default -> r.nextInt(8) == 0 ? new Withdraw(Optional.empty()) : new StartWork();
    };
  }

  private static Actor actorFor(ComplaintCommand command, Complaint c) {
    return switch (command.type()) {
      case START_WORK, REQUEST_INFORMATION, RESOLVE -> c.post().isPresent() ? officerAt(c) : SYSTEM;
      case PROVIDE_INFORMATION, CONFIRM_SATISFIED, REPORT_DISSATISFIED, WITHDRAW, REOPEN -> CITIZEN;
      case TRANSFER, RETURN_REPLY -> SUPERVISOR;
      default -> SYSTEM;
    };
  }

  @Test
  void after_concurrent_writers_every_index_answer_equals_a_brute_force_filter() throws Exception {
    int writers = 6;
    int complaintsPerWriter = 40;
    int stepsPerComplaint = 30;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<ComplaintId> allIds = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        jobs.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(1000 + writer);
          go.await();
          List<Complaint> mine = new ArrayList<>();
          for (int i = 0; i < complaintsPerWriter; i++) {
            Complaint c = register(String.format("W%d-%03d", writer, i), hours(r.nextInt(48)));
            allIds.add(c.id());
            mine.add(c);
          }
          // interleave: one step on each of this writer's complaints in turn
          for (int step = 0; step < stepsPerComplaint; step++) {
            for (int i = 0; i < mine.size(); i++) {
              Complaint c = mine.get(i);
              Instant at = c.updatedAt().plusSeconds(60);
              ComplaintCommand command = randomCommand(r, c, at);
              try {
                mine.set(i, run(store, c, command, actorFor(command, c), at));
              } catch (GrievanceException refused) {
                // not allowed in this state, or by this actor: try something else next time
              }
            }
          }
          return null;
        }));
      }
      Future<?> reader = pool.submit(() -> {
        go.await();
        while (writing.get()) {
          Instant at = hours(24);
          for (Complaint c : Page.collect(r -> store.overdue(TenantId.DEFAULT, at, r), 50)) {
            assertThat(c.dueAt()).hasValueSatisfying(d -> assertThat(d).isBeforeOrEqualTo(at));
          }
          for (Complaint c : Page.collect(r -> store.flagged(TenantId.DEFAULT, ComplaintFlag.ESCALATION_BLOCKED, r), 50)) {
            assertThat(c.flags()).contains(ComplaintFlag.ESCALATION_BLOCKED);
          }
          for (Complaint c : Page.collect(r -> store.pendingAt(TenantId.DEFAULT, AE, r), 50)) {
            assertThat(c.status().isOpen()).isTrue();
            assertThat(c.post()).contains(AE);
          }
        }
        return null;
      });
      go.countDown();
      for (Future<?> job : jobs) {
        job.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      reader.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }

    List<Complaint> all = allIds.stream().map(id -> store.find(TenantId.DEFAULT, id).orElseThrow()).toList();
    assertThat(all).hasSize(writers * complaintsPerWriter);
    // the random walk went some way and reached every kind of state the indexes care about
    assertThat(all.stream().mapToLong(Complaint::version).sum()).as("events stored").isGreaterThan(4L * all.size());
    assertThat(all).anyMatch(c -> c.dueAt().isPresent());
    assertThat(all).anyMatch(c -> !c.status().isOpen());
    assertThat(all).anyMatch(c -> !c.flags().isEmpty());

    Comparator<Complaint> byDue = Comparator.<Complaint, Instant>comparing(c -> c.dueAt().orElseThrow())
        .thenComparing(Complaint::id);
    Comparator<Complaint> byRegistration =
        Comparator.comparing(Complaint::registeredAt).thenComparing(c -> c.id().value());
    for (Instant at : List.of(T0, hours(12), hours(30), hours(60), hours(10_000))) {
      assertThat(Page.collect(r -> store.overdue(TenantId.DEFAULT, at, r), Integer.MAX_VALUE))
          .as("due at %s", at)
          .isEqualTo(bruteForce(all, c -> c.dueAt().filter(d -> !d.isAfter(at)).isPresent(), byDue));
    }
    for (ComplaintFlag f : ComplaintFlag.values()) {
      assertThat(Page.collect(r -> store.flagged(TenantId.DEFAULT, f, r), Integer.MAX_VALUE))
          .as("flagged %s", f)
          .isEqualTo(bruteForce(all, c -> c.flags().contains(f), byRegistration));
    }
    for (PostId post : POSTS) {
      assertThat(Page.collect(r -> store.pendingAt(TenantId.DEFAULT, post, r), Integer.MAX_VALUE))
          .as("pending at %s", post)
          .isEqualTo(bruteForce(all, c -> c.status().isOpen() && c.post().equals(Optional.of(post)), byRegistration));
    }
  }

  private static List<Complaint> bruteForce(List<Complaint> all, Predicate<Complaint> keep, Comparator<Complaint> order) {
    return all.stream().filter(keep).sorted(order).toList();
  }
}
