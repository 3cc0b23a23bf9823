package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ComplaintIdScheme;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tck.SampleDistrict;

/** Complaints to tamper with, and the hand edits an attacker with write access to the tables makes. */
final class TamperFixtures {
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z");
  static final String REPLY = "लाइन ठीक की गई";

  private TamperFixtures() {}

  static Grievances grievances(JdbcComplaintStore store, MutableClock clock) {
    return grievances(store, clock, "RPR");
  }

  /** Gateways on one database need id prefixes of their own (each counts on its own). */
  static Grievances grievances(JdbcComplaintStore store, MutableClock clock, String prefix) {
    return SampleDistrict.grievances(store, clock).idScheme(ComplaintIdScheme.yearly(prefix, SampleDistrict.IST)).build();
  }

  static Actor officerOf(Complaint c) {
    PostId post = c.post().orElseThrow();
    return Actor.officer("OFF-" + post.code(), post);
  }

  /** Registered (events 1-3), replied to an hour later, closed satisfied an hour after that. */
  static Complaint closed(Grievances g, MutableClock clock, int n) {
    Complaint c = g.register(SampleDistrict.request(n), SampleDistrict.AGENT);
    clock.advance(Duration.ofHours(1));
    c = g.execute(c.id(), new ComplaintCommand.Resolve(REPLY, List.of()), officerOf(c));
    clock.advance(Duration.ofHours(1));
    return g.execute(c.id(), new ComplaintCommand.ConfirmSatisfied(Optional.of(5), Optional.empty()), SampleDistrict.AGENT);
  }

  static int exec(DataSource ds, String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : params[i]);
      }
      return ps.executeUpdate();
    }
  }

  static String string(DataSource ds, String sql, Object... params) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** The sequence of a complaint's event of a type. */
  static long sequenceOf(DataSource ds, ComplaintId id, String type) throws SQLException {
    return Long.parseLong(string(ds, "SELECT MIN(sequence) FROM nivaran_event WHERE complaint_id = ? AND type = ?",
        id.value(), type));
  }

  /**
   * What someone who can write the tables and knows the algorithm does after an edit: recomputes
   * every row's link and plain SHA-256 hash, and the complaint's head, so that the chain is
   * consistent again; {@code keyId} is what the rows then name.
   */
  static void rehash(DataSource ds, ComplaintId id, String keyId) throws SQLException {
    try (Connection c = ds.getConnection()) {
      record Row(long sequence, String type, String payload) {}
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT sequence, type, payload FROM nivaran_event WHERE complaint_id = ? ORDER BY sequence")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
      String prev = HashChain.GENESIS;
      for (Row r : rows) {
        String hash = HashChain.hash(prev, id.value(), r.sequence(), r.type(), r.payload());
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE nivaran_event SET prev_hash = ?, hash = ?, key_id = ? WHERE complaint_id = ? AND sequence = ?")) {
          ps.setString(1, prev);
          ps.setString(2, hash);
          ps.setString(3, keyId);
          ps.setString(4, id.value());
          ps.setLong(5, r.sequence());
          ps.executeUpdate();
        }
        prev = hash;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE nivaran_complaint SET head_hash = ? WHERE id = ?")) {
        ps.setString(1, prev);
        ps.setString(2, id.value());
        ps.executeUpdate();
      }
    }
  }

  /** Rewrites the reply in the complaint's payloads and state, then re-hashes its log. */
  static void rewriteReply(DataSource ds, ComplaintId id, String keyId) throws SQLException {
    exec(ds, "UPDATE nivaran_event SET payload = REPLACE(payload, ?, 'कुछ नहीं किया') WHERE complaint_id = ?", REPLY, id.value());
    exec(ds, "UPDATE nivaran_complaint SET state = REPLACE(state, ?, 'कुछ नहीं किया') WHERE id = ?", REPLY, id.value());
    rehash(ds, id, keyId);
  }
}
