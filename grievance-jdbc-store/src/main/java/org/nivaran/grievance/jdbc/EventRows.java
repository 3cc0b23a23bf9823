package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.report.EventMarks;

/**
 * How events map to rows of {@code nivaran_event}: each row's JSON payload, its link in the hash
 * chain, and the {@link EventMarks} the grading queries read. The marks are read off the payload,
 * which the hash covers, so they are not hashed again.
 *
 * <p>Stateless and thread-safe.
 */
final class EventRows {
  private EventRows() {}

  /** An event row: the hashed content, the chain, and the marks the grading queries read. */
  record EventRow(String complaintId, long sequence, String type, Instant occurredAt, String payload,
      String prevHash, String hash, EventMarks marks) {}

  /**
   * The rows of events that follow a complaint's version {@code expectedVersion}, chained from
   * the hash {@code previous}.
   *
   * @throws IllegalArgumentException if an event is not the complaint's or not the next in sequence
   */
  static List<EventRow> chain(ComplaintRows mapping, ComplaintId id, List<ComplaintEvent> events,
      long expectedVersion, String previous) {
    List<EventRow> rows = new ArrayList<>(events.size());
    long seq = expectedVersion;
    String prev = previous;
    for (ComplaintEvent e : events) {
      if (!e.complaintId().equals(id) || e.sequence() != ++seq) {
        throw new IllegalArgumentException(
            "event " + e.complaintId() + "#" + e.sequence() + " does not follow " + id + "#" + (seq - 1));
      }
      String payload = mapping.write(e);
      String type = e.getClass().getSimpleName();
      String hash = HashChain.hash(prev, id.value(), e.sequence(), type, payload);
      rows.add(new EventRow(id.value(), e.sequence(), type, e.occurredAt(), payload, prev, hash, EventMarks.of(e)));
      prev = hash;
    }
    return rows;
  }

  /** Inserts the rows in one batch, on the caller's transaction. */
  static void insert(Connection c, List<EventRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(StoreStatements.INSERT_EVENT)) {
      for (EventRow r : rows) {
        ps.setString(1, r.complaintId());
        ps.setLong(2, r.sequence());
        ps.setString(3, r.type());
        Jdbc.setInstant(ps, 4, r.occurredAt());
        ps.setString(5, r.payload());
        ps.setString(6, r.prevHash());
        ps.setString(7, r.hash());
        Optional<Assignment> movedTo = r.marks().movedTo();
        ps.setString(8, r.marks().status().map(Status::name).orElse(null));
        ps.setString(9, movedTo.map(a -> a.post().code()).orElse(null));
        ps.setString(10, movedTo.map(Assignment::department).orElse(null));
        if (movedTo.isPresent()) {
          ps.setInt(11, movedTo.get().level().rung());
        } else {
          ps.setNull(11, Types.SMALLINT);
        }
        ps.setBoolean(12, r.marks().clockChanged());
        Jdbc.setInstant(ps, 13, r.marks().deadline().orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
