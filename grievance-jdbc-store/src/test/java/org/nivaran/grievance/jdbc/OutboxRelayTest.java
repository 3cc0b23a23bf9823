package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.OutboxFixtures.T0;
import static org.nivaran.grievance.jdbc.OutboxFixtures.citizenMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.databaseNow;
import static org.nivaran.grievance.jdbc.OutboxFixtures.elapse;
import static org.nivaran.grievance.jdbc.OutboxFixtures.insert;
import static org.nivaran.grievance.jdbc.OutboxFixtures.officerMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.relay;
import static org.nivaran.grievance.jdbc.OutboxFixtures.rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.jdbc.OutboxFixtures.Row;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.RecordingNotifier;

class OutboxRelayTest {
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Duration PAST_MAX_BACKOFF = Duration.ofHours(1).plusSeconds(1);

  // --- delivery ----------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void sendsEachPendingMessageOnceAndMarksItSent(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0.plusSeconds(5));
      List<Notification> messages = List.of(citizenMessage(1), officerMessage(1), citizenMessage(2));
      insert(db.dataSource(), messages);
      RecordingNotifier notifier = new RecordingNotifier();
      OutboxRelay relay = relay(db.dataSource(), notifier, clock).build();
      OutboxAdministration outbox = OutboxAdministration.create(db.dataSource());

      RelayReport report = relay.relayOnce();

      assertThat(report).isEqualTo(new RelayReport(3, 3, 0, 0, 0));
      assertThat(notifier.sent()).containsExactlyElementsOf(messages);
      assertThat(notifier.sent()).extracting(Notification::id)
          .containsExactly("RPR-2024-000001#1:citizen", "RPR-2024-000001#1:holder:EE-RAIPUR", "RPR-2024-000002#1:citizen");
      assertThat(notifier.sent().get(0).body()).isEqualTo("नमस्ते सुनीता जी, आपकी शिकायत RPR-2024-000001 दर्ज कर ली गई है।");
      assertThat(notifier.sent().get(1).body()).isEqualTo("புகார் RPR-2024-000001 உங்களுக்கு ஒதுக்கப்பட்டது. உரிய நேரத்தில் தீர்க்கவும்.");
      assertThat(notifier.sent().get(1).language().tag()).isEqualTo("ta-IN");
      for (Row row : rows(db.dataSource()).values()) {
        assertThat(row.state()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isEqualTo(clock.instant());
        assertThat(row.leaseToken()).isNull();
        assertThat(row.lastError()).isNull();
      }
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 3, 0));
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(0, 0, 0, 0, 0));
      assertThat(notifier.sent()).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void flakyNotifierLeavesEveryMessageSentOrDeadAndNoneLost(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = IntStream.rangeClosed(1, 1000)
          .mapToObj(i -> i % 3 == 0 ? officerMessage(i) : citizenMessage(i)).toList();
      insert(db.dataSource(), messages);
      FlakyNotifier notifier = new FlakyNotifier(20240601L);
      int maxAttempts = 3;
      OutboxRelay relay = relay(db.dataSource(), notifier, clock)
          .maxAttempts(maxAttempts).random(new SplittableRandom(7)).build();
      OutboxAdministration outbox = OutboxAdministration.create(db.dataSource());

      List<RelayReport> reports = new ArrayList<>();
      int rounds = 0;
      while (outbox.counts().pending() > 0) {
        assertThat(++rounds).as("rounds").isLessThan(100);
        reports.add(relay.relayOnce());
        elapse(db.dataSource(), PAST_MAX_BACKOFF);
      }

      Map<String, Row> rows = rows(db.dataSource());
      OutboxCounts counts = outbox.counts();
      assertThat(rows).hasSize(1000);
      assertThat(counts.sent() + counts.dead()).isEqualTo(1000);
      assertThat(counts.pending()).isZero();
      Set<String> sent = idsIn(rows, "SENT");
      Set<String> dead = idsIn(rows, "DEAD");
      assertThat(sent.size() + dead.size()).isEqualTo(1000);
      // every SENT message was delivered, and every delivered one is SENT
      assertThat(notifier.delivered).isEqualTo(sent);
      // each attempt in the database is one call of the notifier
      rows.forEach((id, row) -> assertThat(row.attempts()).as(id).isEqualTo(notifier.calls(id)));
      assertThat(reports.stream().mapToInt(RelayReport::claimed).sum())
          .isEqualTo(notifier.calls.values().stream().mapToInt(AtomicInteger::get).sum());
      // a permanent failure is final: dead, no further attempt
      assertThat(notifier.permanentAt).isNotEmpty();
      notifier.permanentAt.forEach((id, attempt) -> {
        assertThat(rows.get(id).state()).as(id).isEqualTo("DEAD");
        assertThat(rows.get(id).attempts()).as(id).isEqualTo(attempt);
        assertThat(rows.get(id).lastError()).as(id).startsWith("permanent failure");
      });
      long deadAtFirstAttempt = notifier.permanentAt.values().stream().filter(a -> a == 1).count();
      assertThat(deadAtFirstAttempt).isGreaterThan(100);
      notifier.permanentAt.entrySet().stream().filter(e -> e.getValue() == 1)
          .forEach(e -> assertThat(rows.get(e.getKey()).attempts()).isEqualTo(1));
      // the others died of temporary failures on every allowed attempt
      Set<String> exhausted = new HashSet<>(dead);
      exhausted.removeAll(notifier.permanentAt.keySet());
      assertThat(exhausted).isNotEmpty();
      for (String id : exhausted) {
        assertThat(rows.get(id).attempts()).as(id).isEqualTo(maxAttempts);
        assertThat(rows.get(id).lastError()).as(id).startsWith("temporary failure");
      }
      // reports add up, and no SENT message was ever reported dead
      assertThat(reports.stream().mapToInt(RelayReport::sent).sum()).isEqualTo(sent.size());
      assertThat(reports.stream().mapToInt(RelayReport::dead).sum()).isEqualTo(dead.size());
      assertThat(reports.stream().mapToInt(RelayReport::lostLeases).sum()).isZero();
      for (RelayReport r : reports) {
        assertThat(r.sent() + r.retried() + r.dead() + r.lostLeases()).isEqualTo(r.claimed());
      }
      Set<String> listedDead = outbox.dead(5000).stream().map(d -> d.notification().id()).collect(Collectors.toSet());
      assertThat(listedDead).isEqualTo(dead).doesNotContainAnyElementsOf(sent);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void fourRelaysOnFourThreadsDeliverEachMessageExactlyOnce(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 5)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = IntStream.rangeClosed(1, 2000)
          .mapToObj(i -> i % 2 == 0 ? officerMessage(i) : citizenMessage(i)).toList();
      insert(db.dataSource(), messages);
      RecordingNotifier notifier = new RecordingNotifier();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> claimed = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          OutboxRelay relay = relay(db.dataSource(), notifier, clock).batchSize(50).build();
          claimed.add(threads.submit(() -> {
            start.await();
            int total = 0;
            RelayReport report;
            do {
              report = relay.relayOnce();
              assertThat(report.lostLeases()).isZero();
              total += report.claimed();
            } while (report.claimed() > 0);
            return total;
          }));
        }
        start.countDown();
        int totalClaimed = 0;
        for (Future<Integer> f : claimed) {
          totalClaimed += f.get(60, TimeUnit.SECONDS);
        }
        assertThat(totalClaimed).isEqualTo(2000);
      } finally {
        threads.shutdownNow();
      }
      List<String> sentIds = notifier.sent().stream().map(Notification::id).toList();
      assertThat(sentIds).hasSize(2000).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(messages.stream().map(Notification::id).toList());
      OutboxAdministration observer = OutboxAdministration.create(db.dataSource());
      assertThat(observer.counts()).isEqualTo(new OutboxCounts(0, 2000, 0));
      assertThat(rows(db.dataSource()).values()).allSatisfy(row -> assertThat(row.attempts()).isEqualTo(1));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aClaimSkipsRowsLockedByAnotherTransactionInsteadOfWaitingOrComingBackEmpty(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = List.of(citizenMessage(1), citizenMessage(2), citizenMessage(3));
      insert(db.dataSource(), messages);
      RecordingNotifier notifier = new RecordingNotifier();
      OutboxRelay relay = relay(db.dataSource(), notifier, clock).batchSize(2).build();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try (Connection locker = db.rawConnection()) {
        locker.setAutoCommit(false);
        try (PreparedStatement ps = locker.prepareStatement("SELECT seq FROM nivaran_outbox WHERE seq = ? FOR UPDATE")) {
          ps.setLong(1, rows(db.dataSource()).get(messages.get(0).id()).seq());
          ps.executeQuery().close();
        }
        // the oldest due row is locked: the claim takes the next two instead
        RelayReport report = thread.submit(relay::relayOnce).get(5, TimeUnit.SECONDS);
        assertThat(report).isEqualTo(new RelayReport(2, 2, 0, 0, 0));
        assertThat(notifier.sent()).containsExactly(messages.get(1), messages.get(2));
        locker.rollback();
      } finally {
        thread.shutdownNow();
      }
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
      assertThat(notifier.sent()).containsExactlyInAnyOrderElementsOf(messages);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aClaimLocksOnlyTheRowsItTakesSoAConcurrentRelayClaimsTheNextOnes(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = IntStream.rangeClosed(1, 5).mapToObj(OutboxFixtures::citizenMessage).toList();
      insert(db.dataSource(), messages);
      RecordingNotifier notifier = new RecordingNotifier();
      OutboxRelay a = relay(db.dataSource(), notifier, clock).batchSize(2).build();
      OutboxRelay b = relay(db.dataSource(), notifier, clock).batchSize(2).build();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try (Connection open = db.rawConnection()) {
        open.setAutoCommit(false);
        // A's claim transaction, held open
        OutboxClaimer claimerOfA = new OutboxClaimer(TenantId.DEFAULT, 2, LEASE);
        List<OutboxClaimer.Claim> claimedByA = claimerOfA.claim(open, clock.instant(), "lease-held-open").claims();
        assertThat(claimedByA).extracting(claim -> claim.notification().id())
            .containsExactly(messages.get(0).id(), messages.get(1).id());
        RelayReport report = thread.submit(b::relayOnce).get(5, TimeUnit.SECONDS);
        assertThat(report).isEqualTo(new RelayReport(2, 2, 0, 0, 0));
        assertThat(notifier.sent()).containsExactly(messages.get(2), messages.get(3));
        open.rollback();
      } finally {
        thread.shutdownNow();
      }
      assertThat(a.drain()).isEqualTo(3);
      assertThat(notifier.sent()).hasSize(5).containsExactlyInAnyOrderElementsOf(messages);
    }
  }

  // --- leases ------------------------------------------------------------------------------------

  /** What the relay that lost its lease finally hears from its notifier. */
  enum LateOutcome {
    SUCCESS,
    TEMPORARY_FAILURE,
    PERMANENT_FAILURE,
    UNEXPECTED_EXCEPTION
  }

  static Stream<Arguments> kindsAndLateOutcomes() {
    return Stream.of(TestDatabase.Kind.values())
        .flatMap(kind -> Stream.of(LateOutcome.values()).map(outcome -> Arguments.of(kind, outcome)));
  }

  /** Holds each send until released, then succeeds or fails as told. */
  static final class GatedNotifier implements Notifier {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private final LateOutcome outcome;

    GatedNotifier(LateOutcome outcome) {
      this.outcome = outcome;
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
      switch (outcome) {
        case SUCCESS -> delivered.add(n);
        case TEMPORARY_FAILURE -> throw new NotificationFailedException(n.id(), false, "gateway timed out");
        case PERMANENT_FAILURE -> throw new NotificationFailedException(n.id(), true, "number unreachable");
        case UNEXPECTED_EXCEPTION -> throw new IllegalStateException("gateway client broke");
      }
    }
  }

  @ParameterizedTest(name = "{0}, late {1}")
  @MethodSource("kindsAndLateOutcomes")
  void aRelayWhoseLeaseExpiredCannotOverwriteTheNewerAttemptThatSentTheMessage(
      TestDatabase.Kind kind, LateOutcome late) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      Notification message = officerMessage(7);
      insert(db.dataSource(), List.of(message));
      GatedNotifier slow = new GatedNotifier(late);
      RecordingNotifier fast = new RecordingNotifier();
      OutboxRelay a = relay(db.dataSource(), slow, clock).lease(LEASE).build();
      OutboxRelay b = relay(db.dataSource(), fast, clock).lease(LEASE).build();
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        Instant beforeA = databaseNow(db.dataSource());
        Future<RelayReport> aReport = thread.submit(a::relayOnce);
        assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
        Instant afterA = databaseNow(db.dataSource());
        Row leasedByA = rows(db.dataSource()).get(message.id());
        assertThat(leasedByA.attempts()).isEqualTo(1);
        assertThat(leasedByA.leaseToken()).isNotNull();
        // leased until the database's clock at the claim plus the lease
        assertThat(leasedByA.nextAttemptAt()).isBetween(beforeA.plus(LEASE), afterA.plus(LEASE));

        assertThat(b.relayOnce().claimed()).as("claimed while A's lease holds").isZero();
        elapse(db.dataSource(), LEASE.plusSeconds(1));
        Instant bSentAt = clock.advance(LEASE.plusSeconds(1));
        assertThat(b.relayOnce()).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
        Row sentByB = rows(db.dataSource()).get(message.id());
        assertThat(sentByB.state()).isEqualTo("SENT");
        assertThat(sentByB.attempts()).isEqualTo(2);
        assertThat(sentByB.sentAt()).isEqualTo(bSentAt);

        clock.advance(Duration.ofMinutes(5));
        slow.release.countDown();
        assertThat(aReport.get(30, TimeUnit.SECONDS)).isEqualTo(new RelayReport(1, 0, 0, 0, 1));
        assertThat(rows(db.dataSource()).get(message.id())).isEqualTo(sentByB);
      } finally {
        slow.release.countDown();
        thread.shutdownNow();
      }
      assertThat(fast.sent()).containsExactly(message);
      assertThat(OutboxAdministration.create(db.dataSource()).counts()).isEqualTo(new OutboxCounts(0, 1, 0));
    }
  }

  @ParameterizedTest(name = "{0}, late {1}")
  @MethodSource("kindsAndLateOutcomes")
  void aRelayWhoseLeaseExpiredCannotOverwriteTheNewerAttemptStillInFlight(TestDatabase.Kind kind, LateOutcome late)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      Notification message = citizenMessage(8);
      insert(db.dataSource(), List.of(message));
      GatedNotifier slowA = new GatedNotifier(late);
      GatedNotifier slowB = new GatedNotifier(LateOutcome.SUCCESS);
      OutboxRelay a = relay(db.dataSource(), slowA, clock).lease(LEASE).build();
      OutboxRelay b = relay(db.dataSource(), slowB, clock).lease(LEASE).build();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<RelayReport> aReport = threads.submit(a::relayOnce);
        assertThat(slowA.entered.await(10, TimeUnit.SECONDS)).isTrue();
        String tokenA = rows(db.dataSource()).get(message.id()).leaseToken();
        elapse(db.dataSource(), LEASE.plusSeconds(1));
        clock.advance(LEASE.plusSeconds(1));
        Instant beforeB = databaseNow(db.dataSource());
        Future<RelayReport> bReport = threads.submit(b::relayOnce);
        assertThat(slowB.entered.await(10, TimeUnit.SECONDS)).isTrue();
        Instant afterB = databaseNow(db.dataSource());
        Row leasedByB = rows(db.dataSource()).get(message.id());
        assertThat(leasedByB.state()).isEqualTo("PENDING");
        assertThat(leasedByB.attempts()).isEqualTo(2);
        assertThat(leasedByB.leaseToken()).isNotNull().isNotEqualTo(tokenA);
        assertThat(leasedByB.nextAttemptAt()).isBetween(beforeB.plus(LEASE), afterB.plus(LEASE));

        // A finishes first, within B's lease: its outcome must not touch B's attempt
        clock.advance(Duration.ofSeconds(10));
        slowA.release.countDown();
        assertThat(aReport.get(30, TimeUnit.SECONDS)).isEqualTo(new RelayReport(1, 0, 0, 0, 1));
        assertThat(rows(db.dataSource()).get(message.id())).isEqualTo(leasedByB);

        clock.advance(Duration.ofSeconds(10));
        Instant bSentAt = clock.instant();
        slowB.release.countDown();
        assertThat(bReport.get(30, TimeUnit.SECONDS)).isEqualTo(new RelayReport(1, 1, 0, 0, 0));
        Row sent = rows(db.dataSource()).get(message.id());
        assertThat(sent.state()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(bSentAt);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.deadAt()).isNull();
        assertThat(sent.leaseToken()).isNull();
      } finally {
        slowA.release.countDown();
        slowB.release.countDown();
        threads.shutdownNow();
      }
      assertThat(slowB.delivered).containsExactly(message);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRelayWhoseLeaseRunsOutMidBatchGivesBackTheMessagesItHasNotSent(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = IntStream.rangeClosed(1, 4).mapToObj(OutboxFixtures::citizenMessage).toList();
      insert(db.dataSource(), messages);
      Duration lease = Duration.ofSeconds(2);
      RecordingNotifier recording = new RecordingNotifier();
      AtomicInteger calls = new AtomicInteger();
      Notifier slowFirst = n -> {
        if (calls.incrementAndGet() == 1) {
          try {
            Thread.sleep(lease.plusMillis(300).toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
          }
        }
        recording.send(n);
      };
      OutboxRelay relay = relay(db.dataSource(), slowFirst, clock).lease(lease).batchSize(4).build();

      // the first message took longer than the lease: the other three are not sent but given back
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(4, 1, 0, 0, 3));
      assertThat(recording.sent()).containsExactly(messages.get(0));
      Map<String, Row> rows = rows(db.dataSource());
      assertThat(rows.get(messages.get(0).id()).state()).isEqualTo("SENT");
      Instant now = databaseNow(db.dataSource());
      for (Notification given : messages.subList(1, 4)) {
        Row row = rows.get(given.id());
        assertThat(row.state()).isEqualTo("PENDING");
        assertThat(row.attempts()).as("the attempt not made is not counted").isZero();
        assertThat(row.leaseToken()).isNull();
        assertThat(row.nextAttemptAt()).as("due at once").isBeforeOrEqualTo(now);
      }

      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(3, 3, 0, 0, 0));
      assertThat(recording.sent()).containsExactlyElementsOf(messages);
      assertThat(rows(db.dataSource()).values()).allSatisfy(row -> {
        assertThat(row.state()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
      });
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void leasesAndBackoffsBeyondAHundredYearsCountAsAHundredYears(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      Notification message = citizenMessage(1);
      insert(db.dataSource(), List.of(message));
      Duration eons = Duration.ofDays(365L * 100_000);
      Duration hundredYears = Dialect.LONGEST_WAIT;
      AtomicReference<Row> leased = new AtomicReference<>();
      Notifier busy = n -> {
        leased.set(rows(db.dataSource()).get(n.id()));
        throw new NotificationFailedException(n.id(), false, "gateway busy");
      };
      OutboxRelay relay = relay(db.dataSource(), busy, clock).lease(eons).backoff(eons, eons).build();

      Instant before = databaseNow(db.dataSource());
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 0, 1, 0, 0));
      Instant after = databaseNow(db.dataSource());
      assertThat(leased.get().nextAttemptAt()).isBetween(before.plus(hundredYears), after.plus(hundredYears));
      assertThat(rows(db.dataSource()).get(message.id()).nextAttemptAt())
          .isBetween(before.plus(hundredYears), after.plus(hundredYears));
      assertThat(Dialect.micros(eons)).isEqualTo(TimeUnit.MICROSECONDS.convert(hundredYears));
      assertThat(Dialect.micros(Duration.ofNanos(1500))).isEqualTo(1);
    }
  }

  // --- retries -----------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void backoffGrowsExponentiallyWithJitterThenTheMessageDies(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      Notification message = citizenMessage(3);
      insert(db.dataSource(), List.of(message));
      AtomicInteger calls = new AtomicInteger();
      Notifier alwaysBusy = n -> {
        calls.incrementAndGet();
        throw new NotificationFailedException(n.id(), false, "gateway busy, try later");
      };
      Duration base = Duration.ofSeconds(10);
      Duration max = Duration.ofSeconds(60);
      OutboxRelay relay = relay(db.dataSource(), alwaysBusy, clock)
          .backoff(base, max).maxAttempts(5).random(new SplittableRandom(11)).build();

      // the same generator, seeded alike, gives the delays the relay draws
      RetryBackoff expected = new RetryBackoff(base, max, new SplittableRandom(11));
      for (int attempt = 1; attempt <= 4; attempt++) {
        Instant before = databaseNow(db.dataSource());
        assertThat(relay.relayOnce()).as("attempt " + attempt).isEqualTo(new RelayReport(1, 0, 1, 0, 0));
        Instant after = databaseNow(db.dataSource());
        Row row = rows(db.dataSource()).get(message.id());
        assertThat(row.state()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(attempt);
        assertThat(row.leaseToken()).isNull();
        assertThat(row.lastError()).contains("gateway busy, try later");
        Duration delay = base.multipliedBy(1L << (attempt - 1));
        if (delay.compareTo(max) > 0) {
          delay = max;
        }
        Duration drawn = expected.delay(attempt);
        assertThat(drawn).as("wait after attempt " + attempt).isBetween(delay.dividedBy(2), delay);
        // due the drawn wait after the failure was recorded, on the database's clock
        assertThat(row.nextAttemptAt().minus(drawn)).isBetween(before, after);
        // not due while some of the wait is left; due once it has passed
        elapse(db.dataSource(), drawn.minusSeconds(30));
        assertThat(relay.relayOnce().claimed()).isZero();
        elapse(db.dataSource(), Duration.ofSeconds(30));
        clock.advance(drawn);
      }
      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(1, 0, 0, 1, 0));
      Row dead = rows(db.dataSource()).get(message.id());
      assertThat(dead.state()).isEqualTo("DEAD");
      assertThat(dead.attempts()).isEqualTo(5);
      // stamped by the relay's clock
      assertThat(dead.deadAt()).isEqualTo(clock.instant());
      assertThat(dead.lastError()).isEqualTo(
          "temporary failure sending notification RPR-2024-000003#1:citizen: gateway busy, try later");
      assertThat(calls).hasValue(5);
      elapse(db.dataSource(), Duration.ofDays(1));
      assertThat(relay.relayOnce().claimed()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void unexpectedExceptionsAreRetriedWithTheirMessageCleanedAndCut(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      insert(db.dataSource(), List.of(citizenMessage(1), citizenMessage(2)));
      String huge = "socket closed\u0000" + "ज".repeat(1000);
      Notifier broken = n -> {
        throw new IllegalStateException(huge);
      };
      OutboxRelay relay = relay(db.dataSource(), broken, clock).maxAttempts(2).build();

      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(2, 0, 2, 0, 0));
      Row row = rows(db.dataSource()).get("RPR-2024-000001#1:citizen");
      assertThat(row.state()).isEqualTo("PENDING");
      assertThat(row.lastError()).hasSize(1000)
          .startsWith("unexpected failure sending notification RPR-2024-000001#1:citizen: "
              + "java.lang.IllegalStateException: socket closed\uFFFDज")
          .doesNotContain("\u0000");

      elapse(db.dataSource(), PAST_MAX_BACKOFF);
      assertThat(relay.relayOnce()).as("second and last attempt").isEqualTo(new RelayReport(2, 0, 0, 2, 0));
      assertThat(OutboxAdministration.create(db.dataSource()).counts()).isEqualTo(new OutboxCounts(0, 0, 2));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void drainRelaysEverythingDueAndStopsAtMessagesWaitingForARetry(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      insert(db.dataSource(), IntStream.rangeClosed(1, 250).mapToObj(OutboxFixtures::citizenMessage).toList());
      RecordingNotifier notifier = new RecordingNotifier();
      assertThat(relay(db.dataSource(), notifier, clock).batchSize(100).build().drain()).isEqualTo(250);
      assertThat(notifier.sent()).hasSize(250);

      insert(db.dataSource(), IntStream.rangeClosed(251, 255).mapToObj(OutboxFixtures::citizenMessage).toList());
      AtomicInteger calls = new AtomicInteger();
      Notifier down = n -> {
        calls.incrementAndGet();
        throw new NotificationFailedException(n.id(), false, "gateway down");
      };
      OutboxRelay failing = relay(db.dataSource(), down, clock).batchSize(2).build();
      assertThat(failing.drain()).isZero();
      assertThat(calls).hasValue(5);
      assertThat(OutboxAdministration.create(db.dataSource()).counts()).isEqualTo(new OutboxCounts(5, 250, 0));
      elapse(db.dataSource(), PAST_MAX_BACKOFF);
      assertThat(failing.drain()).isZero();
      assertThat(calls).hasValue(10);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRowThatIsNoLongerAValidNotificationIsMadeDeadInsteadOfBlockingTheOutbox(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 4)) {
      MutableClock clock = new MutableClock(T0);
      List<Notification> messages = List.of(citizenMessage(1), citizenMessage(2), citizenMessage(3));
      insert(db.dataSource(), messages);
      new Jdbc(db.dataSource()).inTransaction("spoiling a row", c -> {
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE nivaran_outbox SET recipient_phone = '12345' WHERE message_id = ?")) {
          ps.setString(1, messages.get(1).id());
          return ps.executeUpdate();
        }
      });
      RecordingNotifier notifier = new RecordingNotifier();
      OutboxRelay relay = relay(db.dataSource(), notifier, clock).build();
      OutboxAdministration outbox = OutboxAdministration.create(db.dataSource());

      assertThat(relay.relayOnce()).isEqualTo(new RelayReport(3, 2, 0, 1, 0));
      assertThat(notifier.sent()).containsExactly(messages.get(0), messages.get(2));
      Row spoiled = rows(db.dataSource()).get(messages.get(1).id());
      assertThat(spoiled.state()).isEqualTo("DEAD");
      assertThat(spoiled.attempts()).isZero();
      assertThat(spoiled.deadAt()).isEqualTo(T0);
      assertThat(spoiled.lastError()).startsWith("the stored row is not a valid notification").contains("phone");
      assertThat(outbox.counts()).isEqualTo(new OutboxCounts(0, 2, 1));
      assertThat(outbox.dead(10)).as("left out of the list, not failing it").isEmpty();
      assertThat(relay.relayOnce().claimed()).isZero();
    }
  }

  // --- configuration and back-off arithmetic -----------------------------------------------------

  @Test
  void builderRefusesMissingAndInvalidSettings() {
    DataSource ds = new JdbcDataSource();
    Notifier notifier = new RecordingNotifier();
    assertThatThrownBy(() -> OutboxRelay.builder().notifier(notifier).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataSource");
    assertThatThrownBy(() -> OutboxRelay.builder().dataSource(ds).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("notifier");
    OutboxRelay.Builder b = OutboxRelay.builder();
    assertThatThrownBy(() -> b.batchSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> b.lease(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> b.lease(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> b.backoff(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff base");
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(10), Duration.ofSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff max");
    assertThatThrownBy(() -> b.dataSource(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
    assertThatThrownBy(() -> b.notifier(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("notifier");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    assertThatThrownBy(() -> b.random(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("random");
    assertThatThrownBy(() -> b.lease(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("lease");
    assertThatThrownBy(() -> b.backoff(null, Duration.ofHours(1))).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("base");
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(1), null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("max");

    // the defaults are accepted, and so are the smallest valid settings
    OutboxRelay.builder().dataSource(ds).notifier(notifier).build();
    OutboxRelay.builder().dataSource(ds).notifier(notifier).batchSize(1).maxAttempts(1)
        .lease(Duration.ofMillis(1)).backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
  }

  @Test
  void retryDelayIsHalfTheExponentialDelayPlusJitterOfUpToTheOtherHalf() {
    Duration base = Duration.ofSeconds(10);
    Duration max = Duration.ofHours(1);
    assertThat(RetryBackoff.exponentialDelay(base, max, 1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryBackoff.exponentialDelay(base, max, 2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryBackoff.exponentialDelay(base, max, 9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(RetryBackoff.exponentialDelay(base, max, 10)).isEqualTo(max);
    assertThat(RetryBackoff.exponentialDelay(base, max, Integer.MAX_VALUE)).isEqualTo(max);
    Duration huge = Duration.ofDays(365L * 100_000);
    assertThat(RetryBackoff.exponentialDelay(huge, huge.multipliedBy(4), 40)).isEqualTo(huge.multipliedBy(4));

    RetryBackoff backoff = OutboxRelay.builder().random(new SplittableRandom(3)).retryBackoff();
    for (int attempts = 1; attempts <= 12; attempts++) {
      Duration delay = RetryBackoff.exponentialDelay(base, max, attempts);
      Duration low = delay;
      Duration high = Duration.ZERO;
      for (int i = 0; i < 2000; i++) {
        Duration d = backoff.delay(attempts);
        assertThat(d).isBetween(delay.dividedBy(2), delay);
        low = d.compareTo(low) < 0 ? d : low;
        high = d.compareTo(high) > 0 ? d : high;
      }
      // the jitter spreads over the whole upper half
      assertThat(low).isLessThan(delay.multipliedBy(11).dividedBy(20));
      assertThat(high).isGreaterThan(delay.multipliedBy(19).dividedBy(20));
    }
    RetryBackoff seededA = OutboxRelay.builder().random(new SplittableRandom(99)).retryBackoff();
    RetryBackoff seededB = OutboxRelay.builder().random(new SplittableRandom(99)).retryBackoff();
    for (int attempts = 1; attempts <= 8; attempts++) {
      assertThat(seededA.delay(attempts)).isEqualTo(seededB.delay(attempts));
    }
  }

  @Test
  void errorTextIsCutToTheColumnWithoutSplittingACharacter() {
    assertThat(LastError.text(null)).isEqualTo("(no message)");
    assertThat(LastError.text("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(LastError.text("x".repeat(1000))).hasSize(1000);
    assertThat(LastError.text("x".repeat(999) + "\uD83D\uDE00")).isEqualTo("x".repeat(999));
  }

  // --- fixtures ------------------------------------------------------------------------------------

  private static Set<String> idsIn(Map<String, Row> rows, String state) {
    return rows.entrySet().stream().filter(e -> e.getValue().state().equals(state)).map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /**
   * Fails 30% of its calls, half of those temporarily and half permanently. Each call's fate is
   * drawn from a generator seeded by the seed, the message id and the attempt, so it does not
   * depend on the order the relay sends in.
   */
  static final class FlakyNotifier implements Notifier {
    private final long seed;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Set<String> delivered = ConcurrentHashMap.newKeySet();
    /** The attempt on which a message failed permanently. */
    final Map<String, Integer> permanentAt = new ConcurrentHashMap<>();

    FlakyNotifier(long seed) {
      this.seed = seed;
    }

    int calls(String id) {
      AtomicInteger n = calls.get(id);
      return n == null ? 0 : n.get();
    }

    @Override
    public void send(Notification n) {
      int attempt = calls.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
      double draw = new SplittableRandom(seed * 1_000_003L + n.id().hashCode() * 131L + attempt).nextDouble();
      if (draw < 0.15) {
        throw new NotificationFailedException(n.id(), false, "SMS gateway timed out");
      }
      if (draw < 0.30) {
        permanentAt.put(n.id(), attempt);
        throw new NotificationFailedException(n.id(), true, "number is not a mobile");
      }
      delivered.add(n.id());
    }
  }
}
