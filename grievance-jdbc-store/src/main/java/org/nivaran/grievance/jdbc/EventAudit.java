package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.jdbc.LogVerification.Finding;
import org.nivaran.grievance.report.EventMarks;

/**
 * Audits a complaint's event rows: walks the hash chain, and checks every column that replay or
 * grading reads but the hash does not cover ({@code occurred_at}, {@code type} and the marks)
 * against the row's payload, which it does.
 *
 * <p>The walk names each alteration once, where it is:
 * <ul>
 *   <li>a row whose hash does not match its content is {@link Alteration#HASH} if its recomputed
 *       hash is what the next row (or the complaint's head) links to, so only the hash column
 *       changed, and {@link Alteration#PAYLOAD} otherwise;
 *   <li>a row whose {@code prev_hash} does not link to the previous row is {@link Alteration#LINK}
 *       (if its hash matches with the right link, only the link column changed);
 *   <li>a gap is {@link Alteration#DELETION}, missing last rows {@link Alteration#TRUNCATION},
 *       rows beyond the version or of another complaint {@link Alteration#INSERTION}, a row holding
 *       another position's event {@link Alteration#REORDER}; the row after a gap or a misplaced row
 *       is not also reported for its link;
 *   <li>a row's {@code occurred_at}, {@code type} and marks are compared with its payload only
 *       when the payload is authentic.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class EventAudit {
  /** The columns {@link #read} reads, in order. */
  static final String SELECT = "SELECT sequence, type, occurred_at, payload, prev_hash, hash, key_id, status_after, "
      + "post_code, department_code, level, clock_changed, deadline_at FROM nivaran_event WHERE tenant_id = ? AND complaint_id = ? "
      + "ORDER BY sequence";

  private static final Duration PRECISION = Duration.ofNanos(1_000); // microseconds, as both databases keep them

  private EventAudit() {}

  /** An event row as stored. */
  record StoredEvent(long sequence, String type, Instant occurredAt, String payload, String prevHash, String hash,
      String keyId, String statusAfter, String postCode, String departmentCode, Integer level, boolean clockChanged,
      Instant deadlineAt) {}

  /**
   * What the walk found.
   *
   * @param findings the alterations
   * @param events the events the payloads hold, in order; complete only if {@code logIntact}
   * @param logIntact whether rows 1 to the version are all there, authentic, linked and in place (the
   *     columns checked against the payloads may still be altered): the log can then be replayed
   * @param registration the first event, if its row is authentic
   */
  record Walk(List<Finding> findings, List<ComplaintEvent> events, boolean logIntact,
      Optional<ComplaintRegistered> registration) {}

  static List<StoredEvent> read(Connection c, TenantId tenant, ComplaintId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, tenant.value());
      ps.setString(2, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        List<StoredEvent> rows = new ArrayList<>();
        while (rs.next()) {
          int level = rs.getInt("level");
          Integer atLevel = rs.wasNull() ? null : level;
          rows.add(new StoredEvent(rs.getLong("sequence"), rs.getString("type"), Jdbc.getInstant(rs, "occurred_at"),
              rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id"),
              rs.getString("status_after"), rs.getString("post_code"), rs.getString("department_code"), atLevel,
              rs.getBoolean("clock_changed"), Jdbc.getInstant(rs, "deadline_at")));
        }
        return rows;
      }
    }
  }

  /**
   * Walks the rows of complaint {@code id}, whose row records {@code version} and {@code head}.
   */
  static Walk walk(ComplaintId id, long version, String head, List<StoredEvent> rows, ChainKeys keys,
      ComplaintRows mapping) {
    List<Finding> found = new ArrayList<>();
    List<ComplaintEvent> events = new ArrayList<>();
    ComplaintRegistered registration = null;
    boolean logIntact = true;
    String prevAuthentic = HashChain.GENESIS; // the hash the previous row was written with
    String atVersion = null;                  // the same, of the row at the version
    long expected = 1;
    boolean resync = false;                   // after a gap or a misplaced row: no link to check
    for (int i = 0; i < rows.size(); i++) {
      StoredEvent r = rows.get(i);
      long s = r.sequence();
      if (s > version) {
        found.add(at(Alteration.INSERTION, s, "event " + s + " is beyond the complaint's version " + version));
        logIntact = false;
        continue;
      }
      if (s != expected) {
        found.add(at(Alteration.DELETION, expected, s == expected + 1 ? "event " + expected + " is missing"
            : "events " + expected + ".." + (s - 1) + " are missing"));
        resync = true;
        logIntact = false;
      }
      expected = s + 1;
      String nextLink = i + 1 < rows.size() && rows.get(i + 1).sequence() <= version ? rows.get(i + 1).prevHash()
          : s == version ? head : null;
      Optional<ComplaintEvent> parsed = parse(mapping, r.payload());
      Finding misplaced = parsed.isEmpty() ? at(Alteration.PAYLOAD, s, "event " + s + " is not a readable event")
          : misplaced(id, s, parsed.get());
      if (misplaced != null) {
        found.add(misplaced);
        prevAuthentic = r.hash();
        resync = true;
        logIntact = false;
        continue;
      }
      ComplaintEvent e = parsed.get();
      String type = e.getClass().getSimpleName();
      boolean linkBroken = !resync && !r.prevHash().equals(prevAuthentic);
      resync = false;
      String keyProblem = keys.problemWith(r.keyId());
      if (keyProblem != null) {
        found.add(at(Alteration.KEY, s, "event " + s + " " + keyProblem));
        if (linkBroken) {
          found.add(at(Alteration.LINK, s, "event " + s + " does not link to event " + (s - 1)));
        }
        prevAuthentic = r.hash();
        logIntact = false;
        continue;
      }
      Checked checked = checkHash(id, r, type, prevAuthentic, linkBroken, nextLink, keys, found);
      boolean authentic = checked.authentic();
      prevAuthentic = checked.hash();
      if (authentic) {
        columns(r, e, type, found);
        if (s == 1 && e instanceof ComplaintRegistered first) {
          registration = first;
        }
      }
      logIntact &= authentic && !linkBroken;
      events.add(e);
      if (s == version) {
        atVersion = prevAuthentic;
      }
    }
    if (expected <= version) {
      found.add(at(Alteration.TRUNCATION, expected, (expected == version ? "event " + version + " is"
          : "events " + expected + ".." + version + " are") + " missing (the complaint is at version " + version + ")"));
      logIntact = false;
    } else if (atVersion != null && !atVersion.equals(head)) {
      found.add(new Finding(Alteration.HEAD, Optional.empty(),
          "the complaint row's head_hash is not the hash of event " + version + ", its last"));
      logIntact = false;
    }
    return new Walk(found, events, logIntact, Optional.ofNullable(registration));
  }

  /** The hash a row was written with, as far as the walk can tell, and whether its content is as written. */
  private record Checked(String hash, boolean authentic) {}

  /**
   * Checks a row's hash (and, if broken, its link): a row whose content matches its hash is intact;
   * one that matches with the previous row's hash in place of its link had its link altered; one
   * whose recomputed hash is what the next row (or the head) links to had its hash altered; any
   * other had its content altered.
   */
  private static Checked checkHash(ComplaintId id, StoredEvent r, String type, String prevAuthentic, boolean linkBroken,
      String nextLink, ChainKeys keys, List<Finding> found) {
    long s = r.sequence();
    String own = keys.hash(r.keyId(), r.prevHash(), id.value(), s, type, r.payload());
    if (own.equals(r.hash())) {
      if (linkBroken) { // this row is as written, so the one before it is not what it was chained to
        found.add(at(Alteration.LINK, s, "event " + s + " does not link to event " + (s - 1)
            + " (event " + (s - 1) + " was rewritten, or removed and replaced)"));
      }
      return new Checked(r.hash(), true);
    }
    if (linkBroken && keys.hash(r.keyId(), prevAuthentic, id.value(), s, type, r.payload()).equals(r.hash())) {
      found.add(at(Alteration.LINK, s, "event " + s + "'s link to event " + (s - 1) + " was altered"));
      return new Checked(r.hash(), true);
    }
    if (own.equals(nextLink)) {
      found.add(at(Alteration.HASH, s, "event " + s + "'s hash was altered (its content is intact)"));
      if (linkBroken) {
        found.add(at(Alteration.LINK, s, "event " + s + " does not link to event " + (s - 1)));
      }
      return new Checked(own, true);
    }
    found.add(at(Alteration.PAYLOAD, s, "event " + s + " was altered (its hash does not match its content)"));
    return new Checked(r.hash(), false);
  }

  /** Why a readable event is not this row's, or null if it is. */
  private static Finding misplaced(ComplaintId id, long sequence, ComplaintEvent e) {
    if (!e.complaintId().equals(id)) {
      return at(Alteration.INSERTION, sequence,
          "row " + sequence + " holds an event of another complaint, " + e.complaintId() + "#" + e.sequence());
    }
    if (e.sequence() != sequence) {
      return at(Alteration.REORDER, sequence, "event " + e.sequence() + " is stored as event " + sequence);
    }
    return null;
  }

  private static Optional<ComplaintEvent> parse(ComplaintRows mapping, String payload) {
    try {
      return Optional.of(mapping.read(payload, ComplaintEvent.class));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Compares the columns the hash does not cover with what the (authentic) payload says. */
  private static void columns(StoredEvent r, ComplaintEvent e, String type, List<Finding> found) {
    long s = r.sequence();
    if (!type.equals(r.type())) {
      found.add(at(Alteration.TYPE, s, "event " + s + "'s type is " + r.type() + ", its payload holds a " + type));
    }
    if (!sameInstant(r.occurredAt(), e.occurredAt())) {
      found.add(at(Alteration.TIME, s, "event " + s + "'s occurred_at is " + r.occurredAt()
          + ", its payload says " + e.occurredAt()));
    }
    EventMarks m = EventMarks.of(e);
    Optional<Assignment> to = m.movedTo();
    List<String> wrong = new ArrayList<>();
    compare(wrong, "status_after", r.statusAfter(), m.status().map(Status::name).orElse(null));
    compare(wrong, "post_code", r.postCode(), to.map(a -> a.post().code()).orElse(null));
    compare(wrong, "department_code", r.departmentCode(), to.map(Assignment::department).orElse(null));
    compare(wrong, "level", r.level(), to.map(a -> a.level().rung()).orElse(null));
    compare(wrong, "clock_changed", r.clockChanged(), m.clockChanged());
    Instant deadline = m.deadline().orElse(null);
    if (!sameInstant(r.deadlineAt(), deadline)) {
      wrong.add("deadline_at is " + r.deadlineAt() + ", the payload says " + deadline);
    }
    if (!wrong.isEmpty()) {
      found.add(at(Alteration.MARKS, s, "event " + s + "'s marks disagree with its payload: " + String.join(", ", wrong)));
    }
  }

  private static void compare(List<String> wrong, String column, Object stored, Object expected) {
    if (!Objects.equals(stored, expected)) {
      wrong.add(column + " is " + stored + ", the payload says " + expected);
    }
  }

  /** Whether a column holds an instant, as {@link Jdbc#setInstant} stores it (clamped, to the microsecond). */
  static boolean sameInstant(Instant column, Instant expected) {
    if (column == null || expected == null) {
      return column == expected;
    }
    Instant stored = expected.isAfter(Jdbc.MAX) ? Jdbc.MAX : expected.isBefore(Jdbc.MIN) ? Jdbc.MIN : expected;
    return Duration.between(stored, column).abs().compareTo(PRECISION) < 0;
  }

  private static Finding at(Alteration alteration, long sequence, String detail) {
    return new Finding(alteration, Optional.of(sequence), detail);
  }
}
