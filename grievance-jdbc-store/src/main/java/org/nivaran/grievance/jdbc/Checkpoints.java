package org.nivaran.grievance.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nivaran.grievance.jdbc.Checkpoint.Day;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Computes the days of a {@link Checkpoint}: it finds the next day with events by the
 * {@code occurred_at} index, then reads that day's events in tenant, complaint and sequence order
 * and digests them as they stream by: a line per event, its complaint id, sequence and hash,
 * after its tenant unless that is the default (so a store of one tenant digests as before
 * tenants). A checkpoint covers every tenant. Memory holds one day's digest at a time; the cost is one pass
 * over the covered events' ids and hashes.
 *
 * <p>Stateless and thread-safe.
 */
final class Checkpoints {
  private static final String NEXT = "SELECT MIN(occurred_at) FROM nivaran_event WHERE tenant_id = ? "
      + "AND occurred_at >= ? AND occurred_at < ?";
  private static final String DAY = "SELECT complaint_id, sequence, hash FROM nivaran_event "
      + "WHERE tenant_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY complaint_id, sequence";
  private static final int FETCH_SIZE = 1_000;

  private Checkpoints() {}

  /**
   * The days with events from {@code from} (a UTC midnight, or {@link Jdbc#MIN}) to {@code until}.
   * Each query names a tenant, so it reads a range of the {@code (tenant_id, occurred_at)} index.
   */
  static SortedMap<LocalDate, Day> days(Connection c, Instant from, Instant until) throws SQLException {
    List<String> tenants = Jdbc.tenants(c, "nivaran_event");
    SortedMap<LocalDate, Day> days = new TreeMap<>();
    Instant at = from;
    try (PreparedStatement next = c.prepareStatement(NEXT); PreparedStatement day = c.prepareStatement(DAY)) {
      day.setFetchSize(FETCH_SIZE); // PostgreSQL streams, in a transaction
      while (at.isBefore(until)) {
        Instant first = null;
        for (String tenant : tenants) {
          next.setString(1, tenant);
          Jdbc.setInstant(next, 2, at);
          Jdbc.setInstant(next, 3, until);
          try (ResultSet rs = next.executeQuery()) {
            OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            if (t != null && (first == null || t.toInstant().isBefore(first))) {
              first = t.toInstant();
            }
          }
        }
        if (first == null) {
          break;
        }
        LocalDate date = LocalDate.ofInstant(first, ZoneOffset.UTC);
        Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plusSeconds(86_400);
        MessageDigest sha = HashChain.newSha256();
        long events = 0;
        for (String tenant : tenants) { // in tenant order, as the digest's lines go
          day.setString(1, tenant);
          Jdbc.setInstant(day, 2, start);
          Jdbc.setInstant(day, 3, end);
          String prefix = TenantId.DEFAULT.value().equals(tenant) ? "" : tenant + ' ';
          try (ResultSet rs = day.executeQuery()) {
            while (rs.next()) {
              String line = prefix + rs.getString(1) + ' ' + rs.getLong(2) + ' ' + rs.getString(3) + '\n';
              sha.update(line.getBytes(StandardCharsets.UTF_8));
              events++;
            }
          }
        }
        if (events > 0) {
          days.put(date, new Day(events, HashChain.hex(sha.digest())));
        }
        at = end;
      }
    }
    return days;
  }
}
