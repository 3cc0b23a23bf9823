package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.tenant.TenantId;

/**
 * How a complaint's {@linkplain ExternalReference external references} map to rows of
 * {@code nivaran_reference}, whose primary key (tenant, source, source's id) lets one complaint of a
 * tenant hold a reference. The store claims a complaint's new references in the transaction that
 * writes it: it reads who holds them, refuses one another complaint holds
 * ({@link DuplicateReferenceException}, which rolls the transaction back), and inserts the rest. A
 * concurrent transaction that claimed one in between makes the insert break the primary key:
 * {@link Taken} is thrown to roll back, and the caller names the holder once that transaction has
 * committed ({@link #holder}).
 *
 * <p>Stateless and thread-safe.
 */
final class ReferenceRows {
  static final String INSERT = "INSERT INTO nivaran_reference (tenant_id, source, ref_id, complaint_id) VALUES (?, ?, ?, ?)";
  static final String HOLDER = "SELECT complaint_id FROM nivaran_reference WHERE tenant_id = ? AND source = ? AND ref_id = ?";
  /** A complaint's rows, for the audit. */
  static final String OF_COMPLAINT =
      "SELECT source, ref_id FROM nivaran_reference WHERE tenant_id = ? AND complaint_id = ? ORDER BY source, ref_id";

  private ReferenceRows() {}

  /** A reference another transaction claimed between this one's read and its insert; thrown to roll back. */
  static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExternalReference reference;

    Taken(ExternalReference reference) {
      super(null, null, false, false);
      this.reference = reference;
    }

    ExternalReference reference() {
      return reference;
    }
  }

  /**
   * Claims for a complaint the references it does not hold yet, on the caller's transaction.
   *
   * @throws DuplicateReferenceException if another complaint of the tenant holds one (nothing
   *     inserted; the caller's transaction must roll back)
   * @throws Taken if a concurrent transaction claimed one meanwhile
   */
  static void claim(Connection c, TenantId tenant, ComplaintId id, List<ExternalReference> references)
      throws SQLException {
    if (references.isEmpty()) {
      return;
    }
    List<ExternalReference> gained = new ArrayList<>();
    Map<ExternalReference, String> held = holders(c, tenant, references);
    for (ExternalReference r : references) {
      String holder = held.get(r);
      if (holder == null) {
        gained.add(r);
      } else if (!holder.equals(id.value())) {
        throw new DuplicateReferenceException(r, ComplaintId.of(holder));
      }
    }
    if (gained.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (ExternalReference r : gained) {
        ps.setString(1, tenant.value());
        ps.setString(2, r.source());
        ps.setString(3, r.id());
        ps.setString(4, id.value());
        try {
          ps.executeUpdate(); // one at a time: the violation names the reference
        } catch (SQLException e) {
          if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new Taken(r);
          }
          throw e;
        }
      }
    }
  }

  /** Who holds each of some references in a tenant (those no complaint holds are absent). */
  private static Map<ExternalReference, String> holders(Connection c, TenantId tenant, List<ExternalReference> references)
      throws SQLException {
    Map<ExternalReference, String> held = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(HOLDER)) {
      for (ExternalReference r : references) {
        ps.setString(1, tenant.value());
        ps.setString(2, r.source());
        ps.setString(3, r.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            held.put(r, rs.getString(1));
          }
        }
      }
    }
    return held;
  }

  /** The complaint of a tenant that holds a reference, if any. */
  static Optional<ComplaintId> holder(Connection c, TenantId tenant, ExternalReference reference) throws SQLException {
    return Optional.ofNullable(holders(c, tenant, List.of(reference)).get(reference)).map(ComplaintId::of);
  }

  /** A complaint's rows as references, in source and id order. */
  static List<ExternalReference> of(Connection c, TenantId tenant, ComplaintId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(OF_COMPLAINT)) {
      ps.setString(1, tenant.value());
      ps.setString(2, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        List<ExternalReference> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new ExternalReference(rs.getString(1), rs.getString(2)));
        }
        return out;
      }
    }
  }
}
