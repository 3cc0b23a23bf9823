package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.TamperFixtures.T0;
import static org.nivaran.grievance.jdbc.TamperFixtures.closed;
import static org.nivaran.grievance.jdbc.TamperFixtures.exec;
import static org.nivaran.grievance.jdbc.TamperFixtures.grievances;
import static org.nivaran.grievance.jdbc.TamperFixtures.officerOf;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.complaint.RejectionReason;
import org.nivaran.grievance.escalation.Escalator;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/** Keyed chains and their rotation, checkpoints, the idempotency and outbox rows, and whole-store audits. */
class StoreAuditTest {
  static final byte[] KEY_A = "key A: thirty-two bytes or longer".getBytes(StandardCharsets.US_ASCII);
  static final byte[] KEY_B = "key B: thirty-two bytes or longer".getBytes(StandardCharsets.US_ASCII);

  // ---------------------------------------------------------------------------------------------
  // Keys

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void withAKeyAHistoryRehashedWithPlainSha256IsCaught(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0);
      JdbcComplaintStore plain = db.store(ds);
      JdbcComplaintStore keyed = db.builder(ds).chainKeys(ChainKeys.of("2024-01", KEY_A)).build();
      Complaint p = closed(grievances(plain, clock, "RPR"), clock, 2);
      Grievances signing = grievances(keyed, clock, "DRG");
      Complaint k = closed(signing, clock, 4);
      Complaint unkeyed = closed(signing, clock, 6);

      TamperFixtures.rewriteReply(ds, p.id(), null);
      TamperFixtures.rewriteReply(ds, k.id(), "2024-01");
      TamperFixtures.rewriteReply(ds, unkeyed.id(), null);

      assertThat(plain.verifyLog(p.id()).intact()).as("plain SHA-256 reveals only naive edits").isTrue();
      LogVerification caught = keyed.verifyLog(k.id());
      assertThat(caught.alterations()).containsExactly(Alteration.PAYLOAD);
      assertThat(caught.firstBadSequence()).contains(1L);
      assertThat(keyed.verifyLog(unkeyed.id()).alterations()).as("rows downgraded to no key").containsExactly(Alteration.KEY);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rotatedKeysVerifyTheRowsOfOldAndNewKeys(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0);
      ChainKeys january = ChainKeys.of("2024-01", KEY_A);
      ChainKeys rotated = january.and("2024-07", KEY_B).current("2024-07");
      JdbcComplaintStore before = db.builder(ds).chainKeys(january).build();
      JdbcComplaintStore after = db.builder(ds).chainKeys(rotated).build();
      Complaint old = grievances(before, clock, "RPR").register(SampleDistrict.request(2), SampleDistrict.AGENT);
      clock.advance(Duration.ofHours(1));
      Grievances g = grievances(after, clock, "DRG");
      g.execute(old.id(), new ComplaintCommand.Resolve(TamperFixtures.REPLY, List.of()), officerOf(old));
      Complaint fresh = g.register(SampleDistrict.request(4), SampleDistrict.AGENT);

      List<String> oldRows = keyIds(ds, old.id());
      assertThat(oldRows.subList(0, 3)).containsOnly("2024-01");
      assertThat(oldRows.subList(3, oldRows.size())).isNotEmpty().containsOnly("2024-07");
      assertThat(keyIds(ds, fresh.id())).containsOnly("2024-07");
      assertThat(after.verifyLog(old.id()).intact()).isTrue();
      assertThat(after.verifyLog(fresh.id()).intact()).isTrue();

      LogVerification withoutTheOldKey = db.builder(ds).chainKeys(ChainKeys.of("2024-07", KEY_B)).build()
          .verifyLog(old.id());
      assertThat(withoutTheOldKey.alterations()).containsExactly(Alteration.KEY);
      assertThat(withoutTheOldKey.findings()).extracting(f -> f.sequence().orElseThrow()).containsExactly(1L, 2L, 3L);
      assertThat(withoutTheOldKey.problem().orElseThrow()).contains("names key '2024-01', which this store was not given");
      assertThat(before.verifyLog(fresh.id()).alterations()).containsExactly(Alteration.KEY);
      assertThat(db.store(ds).verifyLog(fresh.id()).problem().orElseThrow())
          .contains("this store was given no keys");
      String key = new String(KEY_A, StandardCharsets.US_ASCII);
      assertThat(withoutTheOldKey.toString() + rotated).doesNotContain(key).doesNotContain("thirty-two");
      assertThat(rotated).hasToString("ChainKeys[current=2024-07, ids=[2024-01, 2024-07]]");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rowsWrittenWithoutAKeyAreAcceptedOnlyWhenTheHostSaysSo(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0);
      Complaint c = grievances(db.store(ds), clock, "RPR").register(SampleDistrict.request(2), SampleDistrict.AGENT);
      JdbcComplaintStore strict = db.builder(ds).chainKeys(ChainKeys.of("2024-01", KEY_A)).build();
      JdbcComplaintStore lenient = db.builder(ds)
          .chainKeys(ChainKeys.of("2024-01", KEY_A).acceptingUnkeyedRows()).build();
      clock.advance(Duration.ofHours(1));
      grievances(lenient, clock, "DRG").execute(c.id(), new ComplaintCommand.StartWork(), officerOf(c));

      List<String> rows = keyIds(ds, c.id());
      assertThat(rows.subList(0, 3)).containsOnlyNulls();
      assertThat(rows.subList(3, rows.size())).isNotEmpty().containsOnly("2024-01");
      assertThat(lenient.verifyLog(c.id()).intact()).isTrue();
      LogVerification v = strict.verifyLog(c.id());
      assertThat(v.alterations()).containsExactly(Alteration.KEY);
      assertThat(v.findings()).extracting(f -> f.sequence().orElseThrow()).containsExactly(1L, 2L, 3L);
      assertThat(v.problem().orElseThrow()).contains("written without a key");
    }
  }

  @Test
  void chainKeysRefuseWeakKeysAndBadIdsAndNeverShowAKey() {
    assertThatThrownBy(() -> ChainKeys.of("k", new byte[31])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> ChainKeys.of("a key", KEY_A)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainKeys.of("x".repeat(65), KEY_A)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainKeys.of("a", KEY_A).and("a", KEY_B)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainKeys.of("a", KEY_A).current("b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("thirty-two");
    byte[] bytes = KEY_A.clone();
    ChainKeys keys = ChainKeys.of("a", bytes);
    String before = keys.hash("a", HashChain.GENESIS, "C-1", 1, "T", "{}");
    bytes[0] ^= 1;
    assertThat(keys.hash("a", HashChain.GENESIS, "C-1", 1, "T", "{}")).as("the key was copied").isEqualTo(before);
    assertThat(keys.currentId()).isEqualTo("a");
    assertThat(keys.ids()).containsExactly("a");
    assertThat(keys.acceptsUnkeyedRows()).isFalse();
    assertThat(keys.acceptingUnkeyedRows()).hasToString("ChainKeys[current=a, ids=[a], accepting unkeyed rows]");
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoints

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aCheckpointCatchesARehashedHistoryAndAVanishedComplaint(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0);
      JdbcComplaintStore store = db.store(ds);
      Grievances g = grievances(store, clock);
      Complaint a = closed(g, clock, 2);
      Complaint b = closed(g, clock, 4);
      clock.advance(Duration.ofDays(3));
      Complaint c = closed(g, clock, 6);
      StoreAudit audit = store.audit();

      Checkpoint kept = audit.checkpoint();
      LocalDate first = LocalDate.parse("2024-03-04");
      LocalDate later = LocalDate.parse("2024-03-07");
      assertThat(kept.days()).containsOnlyKeys(first, later);
      assertThat(kept.days().get(first).events()).isEqualTo(a.version() + b.version());
      assertThat(kept.until()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
      assertThat(Checkpoint.parse(kept.toText())).isEqualTo(kept);
      assertThat(kept.toText()).startsWith("nivaran-checkpoint 1\nuntil ").endsWith("root " + kept.root() + "\n");
      assertThat(audit.verifyAgainst(kept)).isEmpty();
      Checkpoint partial = new Checkpoint(Instant.parse("2024-03-05T00:00:00Z"), new TreeMap<>(kept.days().headMap(later)));
      assertThat(audit.checkpoint(partial)).as("extended by the days since").isEqualTo(kept);
      assertThat(audit.checkpoint(kept)).isSameAs(kept);

      TamperFixtures.rewriteReply(ds, a.id(), null);
      assertThat(store.verifyLog(a.id()).intact()).as("consistent without keys").isTrue();
      List<Checkpoint.DayChange> changes = audit.verifyAgainst(Checkpoint.parse(kept.toText()));
      assertThat(changes).extracting(Checkpoint.DayChange::day).containsExactly(first);
      assertThat(changes.get(0).describe()).isEqualTo("2024-03-04: " + (a.version() + b.version()) + " events then, "
          + (a.version() + b.version()) + " now, with other hashes");

      for (String table : List.of("nivaran_event", "nivaran_outbox")) {
        exec(ds, "DELETE FROM " + table + " WHERE complaint_id = ?", c.id().value());
      }
      exec(ds, "DELETE FROM nivaran_complaint WHERE id = ?", c.id().value());
      assertThat(audit.auditReferences(10)).as("nothing left to refer to it").isEmpty();
      changes = audit.verifyAgainst(kept);
      assertThat(changes).extracting(Checkpoint.DayChange::day).containsExactly(first, later);
      assertThat(changes.get(1).now()).isEmpty();
      assertThat(changes.get(1).then().orElseThrow().events()).isEqualTo(c.version());

      assertThatThrownBy(() -> Checkpoint.parse(kept.toText().replaceFirst("day 2024-03-04 (\\d+)", "day 2024-03-04 1$1")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root does not match");
      assertThatThrownBy(() -> Checkpoint.parse("hello")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency and outbox rows, whole-store audits

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void idempotencyAndOutboxRowsAreCheckedAndTheWholeStoreIsAuditedByPages(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0);
      JdbcComplaintStore store = db.builder(ds).chainKeys(ChainKeys.of("2024-01", KEY_A)).build();
      Grievances g = grievances(store, clock);
      List<Complaint> cs = new ArrayList<>();
      for (int n = 0; n < 7; n++) {
        RegisterComplaint request = RegisterComplaint.builder().from(SampleDistrict.request(2 * n))
            .idempotencyKey("call-" + n).build();
        cs.add(g.register(request, SampleDistrict.AGENT));
      }
      for (Complaint c : cs) {
        assertThat(store.verifyLog(c.id()).intact()).isTrue();
      }
      assertThat(store.audit().auditReferences(10)).isEmpty();

      exec(ds, "UPDATE nivaran_idempotency SET fingerprint = 'x' WHERE idempotency_key = 'call-0'");
      exec(ds, "UPDATE nivaran_idempotency SET complaint_id = ? WHERE idempotency_key = 'call-1'", cs.get(2).id().value());
      exec(ds, "DELETE FROM nivaran_idempotency WHERE idempotency_key = 'call-3'");
      exec(ds, "UPDATE nivaran_outbox SET event_sequence = 99 WHERE complaint_id = ?", cs.get(4).id().value());
      exec(ds, "DELETE FROM nivaran_complaint WHERE id = ?", cs.get(5).id().value());
      exec(ds, "UPDATE nivaran_event SET occurred_at = ? WHERE complaint_id = ? AND sequence = 1",
          T0.minus(Duration.ofDays(40)), cs.get(6).id().value());

      for (int i : new int[] {0, 1, 3}) {
        assertThat(store.verifyLog(cs.get(i).id()).alterations()).as("complaint %d", i).containsExactly(Alteration.IDEMPOTENCY);
      }
      assertThat(store.verifyLog(cs.get(1).id()).problem().orElseThrow()).contains("points at " + cs.get(2).id());
      assertThat(store.verifyLog(cs.get(2).id()).intact()).as("the key re-pointed at it is another complaint's").isTrue();

      List<LogVerification> references = store.audit().auditReferences(10);
      assertThat(references).extracting(LogVerification::complaintId).containsExactly(cs.get(4).id(), cs.get(5).id());
      assertThat(references.get(0).alterations()).containsExactly(Alteration.OUTBOX);
      assertThat(references.get(0).firstBadSequence()).contains(99L);
      assertThat(references.get(1).alterations())
          .containsExactlyInAnyOrder(Alteration.OUTBOX, Alteration.IDEMPOTENCY, Alteration.DELETION);

      List<ComplaintId> altered = new ArrayList<>();
      int checked = 0;
      Optional<ComplaintId> after = Optional.empty();
      int pages = 0;
      do {
        AuditPage page = store.audit().auditAll(after, 2);
        page.altered().forEach(v -> altered.add(v.complaintId()));
        checked += page.checked();
        after = page.next();
        pages++;
      } while (after.isPresent());
      assertThat(checked).isEqualTo(6);
      assertThat(pages).isEqualTo(4); // 2, 2, 2, then an empty one: a full page cannot know it was the last
      assertThat(altered).containsExactly(cs.get(0).id(), cs.get(1).id(), cs.get(3).id(), cs.get(6).id());
      assertThatThrownBy(() -> store.audit().auditAll(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A busy district, every kind of command and escalations, audits clean, with keys. */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aBusyStoreAuditsClean(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DataSource ds = db.dataSource();
      MutableClock clock = new MutableClock(T0.plusNanos(123_456_789)); // not at the databases' precision
      JdbcComplaintStore store = db.builder(ds).chainKeys(ChainKeys.of("2024-01", KEY_A)).build();
      Grievances g = grievances(store, clock);
      Escalator escalator = g.escalator();
      Random rnd = new Random(15);
      List<ComplaintId> ids = new ArrayList<>();
      Instant nextSweep = clock.instant().plus(Duration.ofHours(6));
      while (clock.instant().isBefore(T0.plus(Duration.ofDays(21)))) {
        clock.advance(Duration.ofMinutes(1 + rnd.nextInt(90)).plusNanos(rnd.nextInt(1000)));
        if (!clock.instant().isBefore(nextSweep)) {
          escalator.sweep();
          nextSweep = nextSweep.plus(Duration.ofHours(6));
        }
        if (ids.size() < 40 && (ids.isEmpty() || rnd.nextInt(5) == 0)) {
          ids.add(g.register(RegisterComplaint.builder().from(SampleDistrict.request(ids.size()))
              .idempotencyKey("k-" + ids.size()).build(), SampleDistrict.AGENT).id());
        } else {
          act(g, g.get(ids.get(rnd.nextInt(ids.size()))), rnd.nextInt(100));
        }
      }
      long events = TestDatabase.count(ds, "SELECT COUNT(*) FROM nivaran_event");
      long types = TestDatabase.count(ds, "SELECT COUNT(DISTINCT type) FROM nivaran_event");
      assertThat(types).as("kinds of event").isGreaterThan(10);

      AuditPage all = store.audit().auditAll(Optional.empty(), 1000);
      assertThat(all.checked()).isEqualTo(ids.size());
      assertThat(all.altered()).isEmpty();
      assertThat(store.audit().auditReferences(100)).isEmpty();
      Checkpoint cp = store.audit().checkpoint();
      assertThat(cp.days().values().stream().mapToLong(Checkpoint.Day::events).sum()).isEqualTo(events);
      assertThat(store.audit().verifyAgainst(cp)).isEmpty();
    }
  }

  private static void act(Grievances g, Complaint c, int r) {
    ComplaintId id = c.id();
    Actor supervisor = SampleDistrict.supervisor(SampleDistrict.NODAL);
    switch (c.status()) {
      case ASSIGNED, RETURNED, REOPENED, IN_PROGRESS -> {
        if (r < 25 && c.status() != org.nivaran.grievance.complaint.Status.IN_PROGRESS) {
          g.execute(id, new ComplaintCommand.StartWork(), officerOf(c));
        } else if (r < 55) {
          g.execute(id, new ComplaintCommand.Resolve("काम पूरा हुआ " + r, List.of()), officerOf(c));
        } else if (r < 62) {
          g.execute(id, new ComplaintCommand.RequestInformation("बिल की प्रति भेजें"), officerOf(c));
        } else if (r < 65) {
          g.execute(id, new ComplaintCommand.Reject(RejectionReason.FAKE, "fake call", Optional.empty()), SampleDistrict.AGENT);
        } else if (r < 68) {
          g.execute(id, new ComplaintCommand.Withdraw(Optional.of("solved myself")), Actor.citizen(c.citizen().phone()));
        }
      }
      case AWAITING_CITIZEN -> {
        if (r < 60) {
          g.execute(id, new ComplaintCommand.ProvideInformation("बिल संलग्न", List.of()), SampleDistrict.AGENT);
        }
      }
      case RESOLVED -> {
        if (r < 35) {
          g.execute(id, new ComplaintCommand.ConfirmSatisfied(Optional.of(4), Optional.empty()), SampleDistrict.AGENT);
        } else if (r < 52) {
          g.execute(id, new ComplaintCommand.ReportDissatisfied(Optional.of(1), "नहीं सुधरा"), SampleDistrict.AGENT);
        } else if (r < 67) {
          g.execute(id, new ComplaintCommand.ReturnReply("reply says nothing"), SampleDistrict.AGENT);
        } else if (r < 77) {
          g.execute(id, new ComplaintCommand.RecordUnreachable(Optional.of("switched off")), SampleDistrict.AGENT);
        }
      }
      case CLOSED -> {
        if (r < 10 && c.reopenCount() < 2) {
          g.execute(id, new ComplaintCommand.Reopen("the problem is back"), supervisor);
        }
      }
      default -> { } // registered, rejected, withdrawn: nothing to do
    }
  }

  private static List<String> keyIds(DataSource ds, ComplaintId id) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT key_id FROM nivaran_event WHERE complaint_id = '" + id + "' ORDER BY sequence")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
