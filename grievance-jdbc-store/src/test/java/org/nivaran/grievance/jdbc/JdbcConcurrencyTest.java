package org.nivaran.grievance.jdbc;

import org.nivaran.grievance.tenant.TenantId;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationReport;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/** Many threads and many nodes on one database: optimistic concurrency, idempotency, claims. */
class JdbcConcurrencyTest {
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");

  static Grievances grievances(TestDatabase db, MutableClock clock) {
    return SampleDistrict.grievances(db.store(), clock)
        .idScheme(JdbcIdScheme.yearly(db.dataSource(), "RPR", SampleDistrict.IST, 100))
        .build();
  }

  static <T> List<T> runAll(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(task));
      }
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(5, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static long count(TestDatabase db, String sql) throws SQLException {
    return TestDatabase.count(db.dataSource(), sql);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void eightThreadsAppendingToOneComplaintCommitExactlyTheNonStaleOnes(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 10)) {
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(db, clock);
      JdbcComplaintStore store = db.store();
      Complaint c = g.register(SampleDistrict.request(2), SampleDistrict.AGENT);
      long start = c.version();
      Actor system = Actor.system("test");
      CyclicBarrier barrier = new CyclicBarrier(8);
      AtomicInteger firstRoundWins = new AtomicInteger();
      int rounds = 25;

      List<int[]> results = runAll(8, () -> {
        int won = 0;
        int stale = 0;
        for (int round = 0; round < rounds; round++) {
          Complaint read = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
          if (round == 0) {
            read = c;
            barrier.await();
          }
          try {
            g.execute(c.id(), read.version(), new ComplaintCommand.SetSlaTimer(read.sla().orElseThrow()), system);
            won++;
            if (round == 0) {
              firstRoundWins.incrementAndGet();
            }
          } catch (StaleVersionException e) {
            stale++;
          }
        }
        return new int[] {won, stale};
      });

      int won = results.stream().mapToInt(r -> r[0]).sum();
      int stale = results.stream().mapToInt(r -> r[1]).sum();
      assertThat(won + stale).isEqualTo(8 * rounds);
      assertThat(firstRoundWins.get()).as("eight racing on one version: one commits").isEqualTo(1);
      Complaint end = store.find(TenantId.DEFAULT, c.id()).orElseThrow();
      assertThat(end.version()).isEqualTo(start + won);
      List<ComplaintEvent> events = store.events(TenantId.DEFAULT, c.id());
      assertThat(events).hasSize((int) end.version());
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).sequence()).as("contiguous sequences").isEqualTo(i + 1L);
      }
      assertThat(store.verifyLog(c.id()).intact()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void eightThreadsRegisteringWithOneKeyStoreOneComplaint(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 10)) {
      MutableClock clock = new MutableClock(T0);
      Grievances g = grievances(db, clock);
      RegisterComplaint request = RegisterComplaint.builder().from(SampleDistrict.request(7))
          .idempotencyKey("wa-msg-3EB0C7F1").build();
      CyclicBarrier barrier = new CyclicBarrier(8);

      List<ComplaintId> ids = runAll(8, () -> {
        barrier.await();
        return g.register(request, SampleDistrict.AGENT).id();
      });

      assertThat(new HashSet<>(ids)).hasSize(1);
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_complaint")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_idempotency")).isEqualTo(1);
      Complaint c = g.find(ids.get(0)).orElseThrow();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event")).isEqualTo(c.version());
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ComplaintRegistered'")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_outbox")).as("one registration's notifications").isEqualTo(2);
    }
  }

  /**
   * Four sweepers, each its own Grievances and store on the shared database, drain 20,000 due
   * complaints while 20,000 are not yet due and an officer resolves due ones in between.
   */
  @Test
  void fourEscalatorsDrainTwentyThousandDueComplaintsEachOnceNoneEarlyNoneAfterResolution() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL, 12)) {
      int due = 20_000;
      MutableClock clock = new MutableClock(T0);
      Grievances registrar = grievances(db, clock);
      register(registrar, 0, due);
      clock.set(T0.plus(Duration.ofDays(3)));
      register(registrar, due, due);
      Instant sweepAt = T0.plus(Duration.ofDays(8)); // past the first 20,000 L1 deadlines (7 days), before the rest
      clock.set(sweepAt);

      JdbcComplaintStore reader = db.store();
      List<Complaint> toResolve = new ArrayList<>(Page.collect(p -> reader.overdue(TenantId.DEFAULT, sweepAt, p), 1000));
      Collections.shuffle(toResolve, new java.util.Random(7));
      AtomicBoolean sweeping = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(5);
      List<Future<Integer>> sweepers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Grievances node = grievances(db, clock);
        sweepers.add(pool.submit(() -> {
          int escalated = 0;
          while (true) {
            EscalationReport r = node.escalator().sweep(sweepAt);
            int n = (int) r.count(EscalationReport.Action.ESCALATED);
            assertThat(r.count(EscalationReport.Action.FAILED)).isZero();
            escalated += n;
            if (r.outcomes().isEmpty()) {
              return escalated;
            }
          }
        }));
      }
      Grievances officerNode = grievances(db, clock);
      Future<Integer> resolver = pool.submit(() -> {
        int resolved = 0;
        for (Complaint c : toResolve) {
          try {
            Complaint now = officerNode.find(c.id()).orElseThrow();
            officerNode.execute(c.id(), now.version(), new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of()),
                SampleDistrict.officer(now.post().orElseThrow()));
            resolved++;
          } catch (StaleVersionException e) {
            // an escalation got there first
          }
        }
        sweeping.set(false);
        return resolved;
      });
      int escalated = 0;
      for (Future<Integer> f : sweepers) {
        escalated += f.get(10, TimeUnit.MINUTES);
      }
      int resolved = resolver.get(10, TimeUnit.MINUTES);
      pool.shutdown();

      long resolvedAtL1 = count(db, "SELECT COUNT(*) FROM nivaran_complaint WHERE status = 'RESOLVED' AND level = 1");
      System.out.printf("4 sweepers: %d due, %d escalated, %d resolved (%d of them before escalation)%n",
          due, escalated, resolved, resolvedAtL1);
      assertThat(escalated).as("every due complaint escalated but those resolved first").isEqualTo(due - resolvedAtL1);
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ComplaintEscalated'")).isEqualTo(escalated);
      assertThat(count(db, "SELECT COUNT(*) FROM (SELECT complaint_id FROM nivaran_event WHERE type = 'ComplaintEscalated' "
          + "GROUP BY complaint_id HAVING COUNT(*) > 1) twice")).as("escalated twice").isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_complaint WHERE registered_at > '" + T0 + "' AND level <> 1"))
          .as("not yet due, not escalated").isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event e JOIN nivaran_event r ON r.complaint_id = e.complaint_id "
          + "AND r.type = 'ResolutionFiled' AND r.sequence < e.sequence WHERE e.type = 'ComplaintEscalated'"))
          .as("escalated after a resolution").isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_event WHERE type = 'ComplaintEscalated' AND occurred_at < '"
          + T0.plus(Duration.ofDays(7)) + "'")).as("escalated early").isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM nivaran_outbox WHERE kind = 'ESCALATED_TO_YOU'"))
          .as("one outbox row per escalation").isEqualTo(escalated);
      assertThat(resolved).isPositive();
      assertThat(sweeping.get()).isFalse();
    }
  }

  private static void register(Grievances g, int from, int count) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    runAll(8, () -> {
      int n;
      while ((n = next.getAndIncrement()) < from + count) {
        g.register(SampleDistrict.request(n), SampleDistrict.AGENT);
      }
      return null;
    });
  }
}
