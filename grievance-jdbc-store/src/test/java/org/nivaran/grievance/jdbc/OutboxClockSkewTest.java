package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.OutboxFixtures.citizenMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.databaseNow;
import static org.nivaran.grievance.jdbc.OutboxFixtures.insert;
import static org.nivaran.grievance.jdbc.OutboxFixtures.officerMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.rows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.jdbc.OutboxFixtures.Row;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;

/**
 * Relays on nodes whose clocks disagree, on one database: the database's clock decides what is
 * due and how long a lease lasts, so a node whose clock runs ahead cannot take a message another
 * node holds under lease, nor retry a message early, and a node whose clock runs behind cannot
 * hand out leases that have already run out for everyone else.
 *
 * <p>The nodes' clocks are the system clock and the system clock shifted by a skew; the database
 * (H2 in this JVM, or the PostgreSQL of {@link TestDatabase}) keeps its own time.
 */
class OutboxClockSkewTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration SKEW = Duration.ofMinutes(5);

  static Stream<Arguments> kindsAndSkews() {
    return Stream.of(TestDatabase.Kind.values())
        .flatMap(kind -> Stream.of(SKEW, SKEW.negated()).map(skew -> Arguments.of(kind, skew)));
  }

  /**
   * Two rounds of 60 messages. In each, one node claims a batch of 10 and holds its first delivery
   * until the other node has drained the outbox; in the first round node A (on time) holds, in the
   * second node B (skewed by {@code skewOfB}) does. No lease runs out on the database's clock, so
   * every message is sent exactly once, by whoever leased it.
   */
  @ParameterizedTest(name = "{0}, node B {1} off")
  @MethodSource("kindsAndSkews")
  void aNodeWhoseClockDisagreesNeverTakesAMessageAnotherNodeHoldsUnderLease(TestDatabase.Kind kind, Duration skewOfB)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 6)) {
      Clock clockOfA = Clock.systemUTC();
      Clock clockOfB = Clock.offset(Clock.systemUTC(), skewOfB);
      Deliveries deliveries = new Deliveries();
      List<RelayReport> reports = new CopyOnWriteArrayList<>();
      List<Notification> all = new ArrayList<>();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        for (int round = 0; round < 2; round++) {
          List<Notification> messages = IntStream.rangeClosed(round * 60 + 1, round * 60 + 60)
              .mapToObj(i -> i % 2 == 0 ? officerMessage(i) : citizenMessage(i)).toList();
          insert(db.dataSource(), messages);
          all.addAll(messages);
          boolean aHolds = round == 0;
          HoldingNotifier holding = new HoldingNotifier(deliveries.of(aHolds ? "A" : "B"));
          OutboxRelay holder = relay(db.dataSource(), holding, aHolds ? clockOfA : clockOfB).batchSize(10).build();
          OutboxRelay other = relay(db.dataSource(), deliveries.of(aHolds ? "B" : "A"), aHolds ? clockOfB : clockOfA)
              .batchSize(25).build();

          Future<RelayReport> held = thread.submit(holder::relayOnce);
          assertThat(holding.entered.await(10, TimeUnit.SECONDS)).as("the holder is sending").isTrue();
          // the other node drains everything it may take while the holder's lease runs
          RelayReport report;
          do {
            report = other.relayOnce();
            reports.add(report);
          } while (report.claimed() > 0);
          holding.release.countDown();
          reports.add(held.get(30, TimeUnit.SECONDS));
          // what is left, by either node
          reports.add(relay(db.dataSource(), deliveries.of("A"), clockOfA).build().relayOnce());
          reports.add(relay(db.dataSource(), deliveries.of("B"), clockOfB).build().relayOnce());
        }
      } finally {
        thread.shutdownNow();
      }

      Map<String, List<String>> sends = deliveries.byId;
      List<String> sentTwice = sends.entrySet().stream().filter(e -> e.getValue().size() > 1)
          .map(e -> e.getKey() + " by " + e.getValue()).toList();
      assertThat(sentTwice).as("%d of %d messages sent more than once", sentTwice.size(), all.size()).isEmpty();
      assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(all.stream().map(Notification::id).toList());
      assertThat(reports.stream().mapToInt(RelayReport::lostLeases).sum()).isZero();
      assertThat(reports.stream().mapToInt(RelayReport::sent).sum()).isEqualTo(all.size());
      assertThat(rows(db.dataSource()).values()).allSatisfy(row -> {
        assertThat(row.state()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
      });
    }
  }

  /**
   * At least once: when a lease does run out on the database's clock, another relay takes the
   * message over, even on a node whose clock runs behind and finds nothing due by its own; the
   * message then goes out twice, with the same id, and the late relay's outcome is dropped.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aLeaseThatRunsOutOnTheDatabasesClockIsTakenOverAndTheMessageResentWithTheSameId(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      Notification message = officerMessage(7);
      insert(db.dataSource(), List.of(message));
      Deliveries deliveries = new Deliveries();
      HoldingNotifier holding = new HoldingNotifier(deliveries.of("A"));
      OutboxRelay a = relay(db.dataSource(), holding, Clock.systemUTC()).build();
      OutboxRelay b = relay(db.dataSource(), deliveries.of("B"), Clock.offset(Clock.systemUTC(), SKEW.negated()))
          .build();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        Future<RelayReport> held = thread.submit(a::relayOnce);
        assertThat(holding.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.relayOnce().claimed()).as("claimed while A's lease holds").isZero();

        OutboxFixtures.elapse(db.dataSource(), LEASE.plusSeconds(1));
        assertThat(b.relayOnce()).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
        holding.release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo(new RelayReport(1, 0, 0, 0, 1));
      } finally {
        holding.release.countDown();
        thread.shutdownNow();
      }
      assertThat(deliveries.byId).containsOnlyKeys(message.id());
      assertThat(deliveries.byId.get(message.id())).containsExactly("B", "A");
      Row row = rows(db.dataSource()).get(message.id());
      assertThat(row.state()).isEqualTo("SENT");
      assertThat(row.attempts()).isEqualTo(2);
    }
  }

  /**
   * Six relays on three nodes (on time, 5 minutes ahead, 5 minutes behind), two threads each,
   * draining 300 messages at once through a notifier that takes a little while: no lease runs out,
   * so each message is sent exactly once.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void relaysOnThreeNodesWithSkewedClocksDeliverEachMessageExactlyOnce(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 8)) {
      List<Notification> messages = IntStream.rangeClosed(1, 300)
          .mapToObj(i -> i % 3 == 0 ? officerMessage(i) : citizenMessage(i)).toList();
      insert(db.dataSource(), messages);
      Deliveries deliveries = new Deliveries();
      Map<String, Clock> nodes = Map.of("on time", Clock.systemUTC(),
          "ahead", Clock.offset(Clock.systemUTC(), SKEW), "behind", Clock.offset(Clock.systemUTC(), SKEW.negated()));
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Future<Integer>> lost = new ArrayList<>();
      int lostLeases = 0;
      try {
        CountDownLatch start = new CountDownLatch(1);
        for (Map.Entry<String, Clock> node : nodes.entrySet()) {
          Notifier slow = slowly(deliveries.of(node.getKey()));
          for (int t = 0; t < 2; t++) {
            OutboxRelay relay = relay(db.dataSource(), slow, node.getValue()).batchSize(10).build();
            lost.add(threads.submit(() -> {
              start.await();
              int lostHere = 0;
              int idle = 0;
              // keep going until every thread has seen an empty outbox a few times in a row
              while (idle < 3) {
                RelayReport report = relay.relayOnce();
                lostHere += report.lostLeases();
                idle = report.claimed() == 0 ? idle + 1 : 0;
                if (report.claimed() == 0) {
                  Thread.sleep(5);
                }
              }
              return lostHere;
            }));
          }
        }
        start.countDown();
        for (Future<Integer> f : lost) {
          lostLeases += f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
      List<String> sentTwice = deliveries.byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
          .map(e -> e.getKey() + " by " + e.getValue()).toList();
      assertThat(sentTwice).as("%d of %d messages sent more than once", sentTwice.size(), messages.size()).isEmpty();
      assertThat(lostLeases).isZero();
      assertThat(deliveries.byId.keySet())
          .containsExactlyInAnyOrderElementsOf(messages.stream().map(Notification::id).toList());
      assertThat(rows(db.dataSource()).values()).allSatisfy(row -> assertThat(row.state()).isEqualTo("SENT"));
    }
  }

  static Stream<Arguments> kindsAndNodes() {
    Duration ahead = SKEW;
    Duration behind = SKEW.negated();
    return Stream.of(TestDatabase.Kind.values()).flatMap(kind -> Stream.of(
        Arguments.of(kind, Duration.ZERO, ahead),
        Arguments.of(kind, behind, Duration.ZERO),
        Arguments.of(kind, ahead, Duration.ZERO)));
  }

  /**
   * A message that failed waits out its back-off on the database's clock: a node whose clock runs
   * ahead does not find it due early; a node whose clock runs behind does not schedule the retry
   * in the past, where the other nodes would find it due at once; nor does a node whose clock runs
   * ahead schedule it later than its back-off.
   */
  @ParameterizedTest(name = "{0}, failing node {1} off, other node {2} off")
  @MethodSource("kindsAndNodes")
  void aFailedMessageIsNotRetriedBeforeItsBackoffHasPassedOnTheDatabasesClock(TestDatabase.Kind kind,
      Duration skewOfFailingNode, Duration skewOfOtherNode) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      Duration base = Duration.ofMinutes(2);
      Duration max = Duration.ofMinutes(2);
      List<Notification> messages = IntStream.rangeClosed(1, 20).mapToObj(OutboxFixtures::citizenMessage).toList();
      insert(db.dataSource(), messages);
      AtomicInteger failures = new AtomicInteger();
      Notifier busy = n -> {
        failures.incrementAndGet();
        throw new NotificationFailedException(n.id(), false, "gateway busy, try later");
      };
      OutboxRelay failing = relay(db.dataSource(), busy, Clock.offset(Clock.systemUTC(), skewOfFailingNode))
          .backoff(base, max).build();

      Instant before = databaseNow(db.dataSource());
      assertThat(failing.drain()).isZero();
      Instant after = databaseNow(db.dataSource());
      assertThat(failures).hasValue(20);
      for (Row row : rows(db.dataSource()).values()) {
        assertThat(row.state()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(1);
        // half the delay at least, the whole delay at most, after the failure on the database's clock
        assertThat(row.nextAttemptAt()).isBetween(before.plus(max.dividedBy(2)), after.plus(max));
      }

      Deliveries deliveries = new Deliveries();
      OutboxRelay other =
          relay(db.dataSource(), deliveries.of("other"), Clock.offset(Clock.systemUTC(), skewOfOtherNode)).build();
      assertThat(other.drain()).as("retried early by the node %s off", skewOfOtherNode).isZero();
      assertThat(failing.drain()).isZero();
      assertThat(deliveries.byId).isEmpty();
      assertThat(failures).hasValue(20);
    }
  }

  /**
   * A message enqueued on a node whose clock runs ahead is due at once for every relay: its due
   * time is the database's, not the enqueuing node's.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMessageEnqueuedOnANodeWhoseClockRunsAheadIsDueAtOnce(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      Instant aheadNow = Clock.offset(Clock.systemUTC(), SKEW).instant();
      Notification early = citizenMessage(1);
      Notification fromTheFuture = new Notification(early.id(), early.complaintId(), early.eventSequence(),
          early.kind(), early.recipient(), early.channel(), early.language(), early.body(), aheadNow);
      insert(db.dataSource(), List.of(fromTheFuture));
      Deliveries deliveries = new Deliveries();

      assertThat(relay(db.dataSource(), deliveries.of("on time"), Clock.systemUTC()).build().drain()).isEqualTo(1);
      assertThat(deliveries.byId).containsOnlyKeys(early.id());
    }
  }

  // --- fixtures ------------------------------------------------------------------------------------

  private static OutboxRelay.Builder relay(DataSource ds, Notifier notifier, Clock clock) {
    return OutboxRelay.builder().dataSource(ds).notifier(notifier).clock(clock).lease(LEASE);
  }

  /** A notifier that takes about a millisecond per message. */
  private static Notifier slowly(Notifier notifier) {
    return n -> {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotificationFailedException(n.id(), false, "interrupted");
      }
      notifier.send(n);
    };
  }

  /** Every send, by message id: which node sent it, once per send. */
  private static final class Deliveries {
    final Map<String, List<String>> byId = new ConcurrentHashMap<>();

    Notifier of(String node) {
      return n -> byId.computeIfAbsent(n.id(), k -> new CopyOnWriteArrayList<>()).add(node);
    }
  }

  /** Holds its first send until released, then passes every send on. */
  private static final class HoldingNotifier implements Notifier {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Notifier next;

    HoldingNotifier(Notifier next) {
      this.next = next;
    }

    @Override
    public void send(Notification n) {
      entered.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new AssertionError("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      next.send(n);
    }
  }
}
