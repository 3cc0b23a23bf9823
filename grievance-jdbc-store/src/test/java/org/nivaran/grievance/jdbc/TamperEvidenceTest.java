package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.TamperFixtures.exec;
import static org.nivaran.grievance.jdbc.TamperFixtures.sequenceOf;
import static org.nivaran.grievance.jdbc.TamperFixtures.string;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.tck.MutableClock;

/**
 * Each kind of alteration, made by hand with SQL on a closed complaint's rows, is reported as that
 * kind and nothing else, on H2 and PostgreSQL, with and without chain keys.
 */
class TamperEvidenceTest {
  static final ChainKeys KEYS = ChainKeys.of("2024-01", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  /** An edit of a complaint's rows and what the audit must call it. */
  enum Edit {
    /** The registration's description, in its payload. */
    PAYLOAD(Alteration.PAYLOAD) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET payload = REPLACE(payload, 'बिजली', 'पानी') WHERE complaint_id = ? AND sequence = 1",
            c.id().value());
      }
    },
    /** The auditor's case: the closing event moved 40 days back, which changes the department's grading. */
    TIME(Alteration.TIME) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        long closing = Long.parseLong(string(ds, "SELECT MIN(sequence) FROM nivaran_event WHERE complaint_id = ? "
            + "AND status_after = 'CLOSED'", c.id().value()));
        Instant closedAt = c.updatedAt();
        exec(ds, "UPDATE nivaran_event SET occurred_at = ? WHERE complaint_id = ? AND sequence = ?",
            closedAt.minus(Duration.ofDays(40)), c.id().value(), closing);
      }
    },
    /** The closing event no longer closes, for grading. */
    MARKS_STATUS(Alteration.MARKS) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET status_after = 'RESOLVED' WHERE complaint_id = ? AND status_after = 'CLOSED'",
            c.id().value());
      }
    },
    /** The SLA deadline a month later, for grading. */
    MARKS_DEADLINE(Alteration.MARKS) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        long timer = sequenceOf(ds, c.id(), "SlaTimerSet");
        exec(ds, "UPDATE nivaran_event SET deadline_at = ? WHERE complaint_id = ? AND sequence = ?",
            Instant.parse("2024-04-30T00:00:00Z"), c.id().value(), timer);
      }
    },
    /** The complaint's JSON document. */
    STATE_DOCUMENT(Alteration.STATE) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_complaint SET state = REPLACE(state, 'बिजली', 'पानी') WHERE id = ?", c.id().value());
      }
    },
    /** The indexed status: the closed complaint back on the post's work list. */
    STATE_COLUMNS(Alteration.STATE) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_complaint SET status = 'ASSIGNED', is_open = TRUE WHERE id = ?", c.id().value());
      }
    },
    /** The reply's type column (grading counts replies by type). */
    TYPE(Alteration.TYPE) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET type = 'WorkStarted' WHERE complaint_id = ? AND type = 'ResolutionFiled'",
            c.id().value());
      }
    },
    HASH(Alteration.HASH) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET hash = ? WHERE complaint_id = ? AND sequence = 2", "f".repeat(64), c.id().value());
      }
    },
    /** The last row's hash, which the complaint's head vouches for. */
    HASH_OF_THE_LAST(Alteration.HASH) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET hash = ? WHERE complaint_id = ? AND sequence = ?", "f".repeat(64), c.id().value(),
            c.version());
      }
    },
    LINK(Alteration.LINK) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_event SET prev_hash = ? WHERE complaint_id = ? AND sequence = 3", "e".repeat(64), c.id().value());
      }
    },
    DELETION(Alteration.DELETION) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "DELETE FROM nivaran_event WHERE complaint_id = ? AND sequence = 2", c.id().value());
      }
    },
    /** A copy of the last event appended after it, linked to it. */
    INSERTION(Alteration.INSERTION) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "INSERT INTO nivaran_event (complaint_id, sequence, type, occurred_at, payload, prev_hash, hash, "
            + "clock_changed) SELECT complaint_id, sequence + 1, type, occurred_at, payload, hash, hash, clock_changed "
            + "FROM nivaran_event WHERE complaint_id = ? AND sequence = ?", c.id().value(), c.version());
      }
    },
    /** Events 2 and 3 swapped. */
    REORDER(Alteration.REORDER) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        String id = c.id().value();
        exec(ds, "UPDATE nivaran_event SET sequence = -2 WHERE complaint_id = ? AND sequence = 2", id);
        exec(ds, "UPDATE nivaran_event SET sequence = 2 WHERE complaint_id = ? AND sequence = 3", id);
        exec(ds, "UPDATE nivaran_event SET sequence = 3 WHERE complaint_id = ? AND sequence = -2", id);
      }
    },
    /** The closing event removed. */
    TRUNCATION(Alteration.TRUNCATION) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "DELETE FROM nivaran_event WHERE complaint_id = ? AND sequence = ?", c.id().value(), c.version());
      }
    },
    /** The head moved back one event. */
    HEAD(Alteration.HEAD) {
      @Override
      void apply(DataSource ds, Complaint c) throws SQLException {
        exec(ds, "UPDATE nivaran_complaint SET head_hash = (SELECT hash FROM nivaran_event WHERE complaint_id = ? "
            + "AND sequence = ?) WHERE id = ?", c.id().value(), c.version() - 1, c.id().value());
      }
    };

    final Alteration expected;

    Edit(Alteration expected) {
      this.expected = expected;
    }

    abstract void apply(DataSource ds, Complaint c) throws SQLException;
  }

  static Stream<Arguments> edits() {
    return Arrays.stream(TestDatabase.Kind.values())
        .flatMap(kind -> Arrays.stream(Edit.values()).map(edit -> Arguments.of(kind, edit)));
  }

  /** One database of each kind for the class: each test has complaints of its own, under its own id prefix. */
  private static final Map<TestDatabase.Kind, TestDatabase> DATABASES = new EnumMap<>(TestDatabase.Kind.class);

  private static synchronized TestDatabase database(TestDatabase.Kind kind) {
    return DATABASES.computeIfAbsent(kind, TestDatabase::create);
  }

  @AfterAll
  static synchronized void closeDatabases() {
    DATABASES.values().forEach(TestDatabase::close);
    DATABASES.clear();
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("edits")
  void eachAlterationIsReportedAsItsKind(TestDatabase.Kind kind, Edit edit) throws Exception {
    TestDatabase db = database(kind);
    MutableClock clock = new MutableClock(TamperFixtures.T0);
    JdbcComplaintStore plain = db.store();
    JdbcComplaintStore keyed = db.builder().chainKeys(KEYS).build();
    Complaint unkeyedOne = TamperFixtures.closed(TamperFixtures.grievances(plain, clock, "P" + edit.ordinal()), clock, 2);
    Grievances signing = TamperFixtures.grievances(keyed, clock, "K" + edit.ordinal());
    Complaint keyedOne = TamperFixtures.closed(signing, clock, 4);
    Complaint untouched = TamperFixtures.closed(signing, clock, 6);
    assertThat(unkeyedOne.version()).isGreaterThan(4);
    record Written(JdbcComplaintStore store, Complaint c) {}
    for (Written w : List.of(new Written(plain, unkeyedOne), new Written(keyed, keyedOne))) {
      JdbcComplaintStore store = w.store();
      Complaint c = w.c();
      assertThat(store.verifyLog(c.id()).intact()).isTrue();

      edit.apply(db.dataSource(), c);

      LogVerification v = store.verifyLog(c.id());
      assertThat(v.intact()).isFalse();
      assertThat(v.alterations()).as("%s", v.findings()).containsExactly(edit.expected);
      assertThat(v.problem()).isPresent();
    }
    assertThat(keyed.verifyLog(untouched.id()).intact()).as("another complaint's rows").isTrue();
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theFindingsNameTheRowAndWhatIsWrong(TestDatabase.Kind kind) throws Exception {
    TestDatabase db = database(kind);
    MutableClock clock = new MutableClock(TamperFixtures.T0);
    JdbcComplaintStore store = db.builder().chainKeys(KEYS).build();
    Complaint c = TamperFixtures.closed(TamperFixtures.grievances(store, clock, "FND"), clock, 2);
    DataSource ds = db.dataSource();
    Edit.TIME.apply(ds, c);
    Edit.MARKS_STATUS.apply(ds, c);
    Edit.STATE_COLUMNS.apply(ds, c);
    long closing = c.version();

    LogVerification v = store.verifyLog(c.id());

    assertThat(v.findings()).extracting(LogVerification.Finding::alteration)
        .containsExactly(Alteration.TIME, Alteration.MARKS, Alteration.STATE);
    assertThat(v.findings().get(0).sequence()).contains(closing);
    assertThat(v.findings().get(0).detail()).contains("occurred_at is 2024-01-", "its payload says 2024-03-04T07:30");
    assertThat(v.findings().get(1).detail()).contains("status_after is RESOLVED, the payload says CLOSED");
    assertThat(v.findings().get(2).sequence()).isEmpty();
    assertThat(v.findings().get(2).detail()).contains("status, is_open");
    assertThat(v.firstBadSequence()).contains(closing);
    assertThat(v.eventsChecked()).isEqualTo(c.version());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void theOldReportsStayAsTheyWere(TestDatabase.Kind kind) throws Exception {
    TestDatabase db = database(kind);
    MutableClock clock = new MutableClock(TamperFixtures.T0);
    JdbcComplaintStore store = db.store();
    Complaint c = TamperFixtures.closed(TamperFixtures.grievances(store, clock, "OLD"), clock, 2);
    Edit.TRUNCATION.apply(db.dataSource(), c);
    LogVerification v = store.verifyLog(c.id());
    assertThat(v.firstBadSequence()).contains(c.version());
    assertThat(v.problem().orElseThrow()).contains("missing");
    assertThat(v.eventsChecked()).isEqualTo(c.version() - 1);
    ComplaintId gone = ComplaintId.of("NOPE-1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.verifyLog(gone))
        .isInstanceOf(org.nivaran.grievance.store.ComplaintNotFoundException.class);
  }

  static Stream<TestDatabase.Kind> kinds() {
    return Arrays.stream(TestDatabase.Kind.values());
  }
}
