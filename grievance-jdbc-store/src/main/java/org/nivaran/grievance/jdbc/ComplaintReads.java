package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The reads by name of {@link JdbcComplaintStore}: a tenant's complaint by id, its events, by
 * idempotency key and by external reference, each one lookup on a primary key the tenant leads.
 *
 * <p>Thread-safe.
 */
final class ComplaintReads {
  private final Jdbc jdbc;
  private final ComplaintRows rows;

  ComplaintReads(Jdbc jdbc, ComplaintRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  Optional<Complaint> find(TenantId tenant, ComplaintId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return jdbc.read("reading " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.FIND)) {
        ps.setString(1, tenant.value());
        ps.setString(2, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rows.complaint(rs.getString(1))) : Optional.<Complaint>empty();
        }
      }
    });
  }

  List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    return jdbc.read("reading the events of " + id, c -> EventRows.read(c, rows, tenant, id));
  }

  Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    return jdbc.read("reading an idempotency key", c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.BY_IDEMPOTENCY_KEY)) {
        ps.setString(1, tenant.value());
        ps.setString(2, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Complaint>empty();
          }
          if (!rs.getString(1).equals(fingerprint)) {
            throw new IdempotencyConflictException(key, ComplaintId.of(rs.getString(2)));
          }
          String state = rs.getString(3);
          return state == null ? Optional.<Complaint>empty() : Optional.of(rows.complaint(state));
        }
      }
    });
  }

  Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(reference, "reference");
    return jdbc.read("reading the holder of a reference of " + reference.source(), c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.BY_REFERENCE)) {
        ps.setString(1, tenant.value());
        ps.setString(2, reference.source());
        ps.setString(3, reference.id());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rows.complaint(rs.getString(1))) : Optional.<Complaint>empty();
        }
      }
    });
  }
}
