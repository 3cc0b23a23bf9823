package org.nivaran.grievance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.CommandType;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.fixtures.Fixtures;
import org.nivaran.grievance.store.InMemoryComplaintStore;
import org.nivaran.grievance.store.StaleVersionException;

/**
 * Threads racing on one complaint or one idempotency key. Every thread waits at a barrier so they
 * start together; nothing sleeps and nothing is timed (the timeouts only keep a deadlock from
 * hanging the build).
 */
class GrievancesConcurrencyTest {
  private static final int THREADS = 8;

  private ExecutorService pool;
  private InMemoryComplaintStore store;
  private Grievances grievances;

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(THREADS);
    store = new InMemoryComplaintStore();
    grievances = Fixtures.grievances(store);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code task(i)} on {@value #THREADS} threads released together; returns the results. */
  private <T> List<T> race(Function<Integer, Callable<T>> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<T> body = task.apply(i);
      futures.add(pool.submit(() -> {
        start.await(10, TimeUnit.SECONDS);
        return body.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @RepeatedTest(20)
  void eight_threads_registering_with_one_key_store_one_complaint_with_one_event() throws Exception {
    RegisterComplaint request = Fixtures.requestBuilder().idempotencyKey("call-7f3a9c").build();

    List<Complaint> results = race(i -> () -> grievances.register(request, Fixtures.AGENT));

    assertThat(results).hasSize(THREADS);
    assertThat(Set.copyOf(results)).hasSize(1);
    Complaint only = results.get(0);
    assertThat(store.size()).isEqualTo(1);
    assertThat(grievances.history(only.id())).hasSize(1);
    assertThat(grievances.get(only.id())).isEqualTo(only);
  }

  @RepeatedTest(5)
  void eight_threads_registering_without_keys_store_eight_complaints_with_distinct_ids() throws Exception {
    List<Complaint> results = race(i -> () -> grievances.register(Fixtures.request(), Fixtures.AGENT));

    assertThat(results.stream().map(Complaint::id).distinct()).hasSize(THREADS);
    assertThat(store.size()).isEqualTo(THREADS);
  }

  /**
   * The command each racer issues on the state it read: a cycle through the lifecycle that never
   * ends, so every command is legal on the version it was decided for.
   */
  private static ComplaintCommand nextCommand(Complaint c) {
    return switch (c.status()) {
      case REGISTERED -> Fixtures.command(CommandType.ASSIGN);
      case ASSIGNED -> Fixtures.command(CommandType.REQUEST_INFORMATION);
      case AWAITING_CITIZEN -> Fixtures.command(CommandType.PROVIDE_INFORMATION);
      case IN_PROGRESS -> Fixtures.command(CommandType.RESOLVE);
      case RESOLVED -> switch ((int) (c.version() % 3)) {
        case 0 -> Fixtures.command(CommandType.RECORD_UNREACHABLE);
        case 1 -> Fixtures.command(CommandType.RETURN_REPLY);
        default -> Fixtures.command(CommandType.REPORT_DISSATISFIED);
      };
      case RETURNED, REOPENED -> Fixtures.command(CommandType.START_WORK);
      default -> throw new AssertionError("the cycle never reaches " + c.status());
    };
  }

  private static Actor actorFor(ComplaintCommand command) {
    return switch (command.type()) {
      case ASSIGN, RECORD_UNREACHABLE -> Fixtures.ROUTER;
      case REQUEST_INFORMATION, RESOLVE, START_WORK -> Fixtures.AE_OFFICER;
      case PROVIDE_INFORMATION, REPORT_DISSATISFIED -> Fixtures.CITIZEN;
      case RETURN_REPLY -> Fixtures.COLLECTOR;
      default -> throw new AssertionError(command.type().toString());
    };
  }

  @RepeatedTest(5)
  void racing_commands_on_one_complaint_either_apply_or_are_stale_and_none_is_lost() throws Exception {
    Complaint registered = grievances.register(Fixtures.request(), Fixtures.AGENT);
    int attemptsPerThread = 40;
    AtomicInteger stale = new AtomicInteger();
    Set<Long> appliedVersions = ConcurrentHashMap.newKeySet();

    List<Integer> appliedPerThread = race(i -> () -> {
      int applied = 0;
      for (int n = 0; n < attemptsPerThread; n++) {
        Complaint read = grievances.get(registered.id());
        ComplaintCommand command = nextCommand(read);
        try {
          Complaint after = grievances.execute(read.id(), read.version(), command, actorFor(command));
          assertThat(after.version()).isEqualTo(read.version() + 1);
          assertThat(appliedVersions.add(after.version())).as("version %d applied twice", after.version()).isTrue();
          applied++;
        } catch (StaleVersionException e) {
          assertThat(e.expectedVersion()).isEqualTo(read.version());
          stale.incrementAndGet();
        }
        // any other exception fails the future, and with it the test
      }
      return applied;
    });

    int applied = appliedPerThread.stream().mapToInt(Integer::intValue).sum();
    assertThat(applied + stale.get()).isEqualTo(THREADS * attemptsPerThread);
    assertThat(applied).isPositive();

    Complaint stored = grievances.get(registered.id());
    List<ComplaintEvent> history = grievances.history(registered.id());
    assertThat(stored.version()).isEqualTo(1L + applied);
    assertThat(history).extracting(ComplaintEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.version()).boxed().toList());
    assertThat(appliedVersions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, stored.version()).boxed().toList());
    assertThat(Lifecycle.replay(history)).isEqualTo(stored);

    // every stored command was decided on the very state it followed
    Complaint state = Lifecycle.start((ComplaintEvent.ComplaintRegistered) history.get(0));
    for (ComplaintEvent e : history.subList(1, history.size())) {
      assertThat(Lifecycle.commandOf(e)).as("event %d", e.sequence()).isEqualTo(nextCommand(state).type());
      state = Lifecycle.evolve(state, e);
    }
  }

  @Test
  void racing_the_same_repeatable_command_with_retries_applies_every_one() throws Exception {
    Grievances retrying = Grievances.builder().store(store).clock(Fixtures.clock()).maxAttempts(THREADS).build();
    Complaint c = retrying.register(Fixtures.request(), Fixtures.AGENT);
    c = retrying.execute(c.id(), Fixtures.command(CommandType.ASSIGN), Fixtures.ROUTER);
    Complaint resolved = retrying.execute(c.id(), Fixtures.command(CommandType.RESOLVE), Fixtures.AE_OFFICER);

    // each lost race means another thread won, so THREADS attempts always suffice
    race(i -> () -> retrying.execute(resolved.id(), Fixtures.command(CommandType.RECORD_UNREACHABLE), Fixtures.ROUTER));

    Complaint stored = retrying.get(resolved.id());
    assertThat(stored.unreachableAttempts()).isEqualTo(THREADS);
    assertThat(stored.version()).isEqualTo(resolved.version() + THREADS);
    assertThat(Lifecycle.replay(retrying.history(resolved.id()))).isEqualTo(stored);
  }

  @RepeatedTest(5)
  void a_command_that_lost_a_race_is_decided_again_on_the_newer_state() throws Exception {
    Complaint registered = grievances.register(Fixtures.request(), Fixtures.AGENT);
    Grievances retrying = Grievances.builder().store(store).clock(Fixtures.clock()).maxAttempts(THREADS).build();

    List<String> outcomes = race(i -> () -> {
      try {
        retrying.execute(registered.id(), Fixtures.command(CommandType.ASSIGN), Fixtures.ROUTER);
        return "assigned";
      } catch (IllegalTransitionException e) {
        assertThat(e.status()).isEqualTo(Status.ASSIGNED);
        return "refused";
      }
    });

    assertThat(outcomes).containsOnlyOnce("assigned");
    assertThat(outcomes).filteredOn("refused"::equals).hasSize(THREADS - 1);
    assertThat(grievances.history(registered.id())).hasSize(2);
  }
}
