package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.report.EventMarks;
import org.nivaran.grievance.tenant.TenantId;

/**
 * How events map to rows of {@code nivaran_event}: each row's JSON payload, its link in the hash
 * chain (signed with the current key of {@link ChainKeys}, if any, whose id the row records), and
 * the {@link EventMarks} the grading queries read. The marks, like {@code occurred_at} and
 * {@code type}, are read off the payload, which the hash covers, so they are not hashed again: the
 * audit ({@link EventAudit}) recomputes them from the payload and compares.
 *
 * <p>Stateless and thread-safe.
 */
final class EventRows {
  private EventRows() {}

  /** An event row: the hashed content, the chain, and the marks the grading queries read. */
  record EventRow(String complaintId, long sequence, String type, Instant occurredAt, String payload,
      String prevHash, String hash, String keyId, EventMarks marks) {}

  /** A complaint's version and the hash of its last event, as its row records them. */
  record Head(long version, String hash) {}

  /**
   * The rows of events that follow a complaint's version {@code expectedVersion}, chained from
   * the hash {@code previous}.
   *
   * @throws IllegalArgumentException if an event is not the complaint's or not the next in sequence
   */
  static List<EventRow> chain(ComplaintRows mapping, ChainKeys keys, ComplaintId id, List<ComplaintEvent> events,
      long expectedVersion, String previous) {
    List<EventRow> rows = new ArrayList<>(events.size());
    String keyId = keys.signingId();
    long seq = expectedVersion;
    String prev = previous;
    for (ComplaintEvent e : events) {
      if (!e.complaintId().equals(id) || e.sequence() != ++seq) {
        throw new IllegalArgumentException(
            "event " + e.complaintId() + "#" + e.sequence() + " does not follow " + id + "#" + (seq - 1));
      }
      String payload = mapping.write(e);
      String type = e.getClass().getSimpleName();
      String hash = keys.hash(keyId, prev, id.value(), e.sequence(), type, payload);
      rows.add(new EventRow(id.value(), e.sequence(), type, e.occurredAt(), payload, prev, hash, keyId, EventMarks.of(e)));
      prev = hash;
    }
    return rows;
  }

  /** Inserts a tenant's rows in one batch, on the caller's transaction. */
  static void insert(Connection c, TenantId tenant, List<EventRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(StoreStatements.INSERT_EVENT)) {
      for (EventRow r : rows) {
        ps.setString(1, tenant.value());
        ps.setString(2, r.complaintId());
        ps.setLong(3, r.sequence());
        ps.setString(4, r.type());
        Jdbc.setInstant(ps, 5, r.occurredAt());
        ps.setString(6, r.payload());
        ps.setString(7, r.prevHash());
        ps.setString(8, r.hash());
        Optional<Assignment> movedTo = r.marks().movedTo();
        ps.setString(9, r.marks().status().map(Status::name).orElse(null));
        ps.setString(10, movedTo.map(a -> a.post().code()).orElse(null));
        ps.setString(11, movedTo.map(Assignment::department).orElse(null));
        if (movedTo.isPresent()) {
          ps.setInt(12, movedTo.get().level().rung());
        } else {
          ps.setNull(12, Types.SMALLINT);
        }
        ps.setBoolean(13, r.marks().clockChanged());
        Jdbc.setInstant(ps, 14, r.marks().deadline().orElse(null));
        ps.setString(15, r.keyId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A complaint's events, in sequence order, as their payloads hold them. */
  static List<ComplaintEvent> read(Connection c, ComplaintRows mapping, TenantId tenant, ComplaintId id)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(StoreStatements.EVENTS)) {
      ps.setString(1, tenant.value());
      ps.setString(2, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        List<ComplaintEvent> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapping.read(rs.getString(1), ComplaintEvent.class));
        }
        return List.copyOf(out);
      }
    }
  }

  /** Locks a tenant's complaints' rows, in id order, and reads their heads; a missing complaint has none. */
  static Map<ComplaintId, Head> lockHeads(Connection c, TenantId tenant, Set<ComplaintId> ids) throws SQLException {
    List<String> sorted = ids.stream().map(ComplaintId::value).sorted().toList();
    Map<ComplaintId, Head> heads = new HashMap<>();
    for (int from = 0; from < sorted.size(); from += StoreStatements.IN_LIST) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + StoreStatements.IN_LIST));
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.lockHeads(chunk.size()))) {
        ps.setString(1, tenant.value());
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            heads.put(ComplaintId.of(rs.getString(1)), new Head(rs.getLong(2), rs.getString(3)));
          }
        }
      }
    }
    return heads;
  }
}
