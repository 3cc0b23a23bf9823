package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.GeoBox;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The work lists of {@link JdbcComplaintStore}: keyset-paged scans of the complaint table's
 * indexes, the sweepers' claim on due complaints, and the nearby complaints; each one tenant's,
 * on indexes the tenant leads.
 *
 * <p>Thread-safe.
 */
final class WorkListQueries {
  private final Jdbc jdbc;
  private final StoreStatements sql;
  private final ComplaintRows rows;

  WorkListQueries(Jdbc jdbc, StoreStatements sql, ComplaintRows rows) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.rows = rows;
  }

  /** Binds a query's filter parameters from index 2 (the tenant is the first). */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  Page<Complaint> pendingAt(TenantId tenant, PostId post, PageRequest page) {
    Objects.requireNonNull(post, "post");
    return page(tenant, "the pending list of " + post, "post_code = ? AND is_open", "registered_at", false, page,
        ps -> ps.setString(2, post.code()), 1);
  }

  Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest page) {
    Objects.requireNonNull(at, "at");
    return page(tenant, "the overdue list", StoreStatements.DUE_BY + " AND is_open", "due_at", false, page, ps -> {
      Jdbc.setInstant(ps, 2, Jdbc.MIN);
      Jdbc.setInstant(ps, 3, at);
    }, 2);
  }

  Page<Complaint> flagged(TenantId tenant, ComplaintFlag flag, PageRequest page) {
    Objects.requireNonNull(flag, "flag");
    return page(tenant, "the complaints flagged " + flag, ComplaintRows.flagColumn(flag) + " AND is_open",
        "registered_at", false, page, ps -> {}, 0);
  }

  Page<Complaint> byStatus(TenantId tenant, Status status, String jurisdictionCode, PageRequest page) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return page(tenant, "complaints " + status + " in " + jurisdictionCode, "jurisdiction_code = ? AND status = ?",
        "registered_at", false, page, ps -> {
          ps.setString(2, jurisdictionCode);
          ps.setString(3, status.name());
        }, 2);
  }

  Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest page) {
    Objects.requireNonNull(phone, "phone");
    return page(tenant, "the complaints of a citizen", "citizen_phone = ?", "registered_at", true, page,
        ps -> ps.setString(2, phone.e164()), 1);
  }

  /** See {@link JdbcComplaintStore#openWithin}. */
  List<Complaint> openWithin(TenantId tenant, String categoryCode, GeoBox box, Instant since, int limit) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(since, "since");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    return jdbc.read("reading the open complaints of " + categoryCode + " in a box", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.openWithin(box.crossesAntimeridian()))) {
        ps.setString(1, tenant.value());
        ps.setString(2, categoryCode);
        ps.setDouble(3, box.south());
        ps.setDouble(4, box.north());
        ps.setDouble(5, box.west());
        ps.setDouble(6, box.east());
        Jdbc.setInstant(ps, 7, since);
        ps.setInt(8, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<Complaint> out = new ArrayList<>();
          while (rs.next()) {
            out.add(rows.complaint(rs.getString(1)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  /** See {@link JdbcComplaintStore#claimDue}. */
  List<Complaint> claimDue(TenantId tenant, Instant at, int limit, Duration lease) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(lease, "lease");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive (was " + lease + ")");
    }
    return jdbc.inTransaction("claiming due complaints", c -> {
      List<String> ids = new ArrayList<>();
      List<Complaint> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.claimDue())) {
        ps.setString(1, tenant.value());
        Jdbc.setInstant(ps, 2, Jdbc.MIN);
        Jdbc.setInstant(ps, 3, at);
        ps.setInt(4, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            claimed.add(rows.complaint(rs.getString(2)));
          }
        }
      }
      for (int from = 0; from < ids.size(); from += StoreStatements.IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + StoreStatements.IN_LIST));
        try (PreparedStatement ps = c.prepareStatement(sql.claim(chunk.size()))) {
          ps.setLong(1, Dialect.micros(lease));
          ps.setString(2, tenant.value());
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 3, chunk.get(i));
          }
          ps.executeUpdate();
        }
      }
      claimed.sort(Comparator.comparing((Complaint x) -> x.dueAt().orElseThrow()).thenComparing(Complaint::id));
      return List.copyOf(claimed);
    });
  }

  /**
   * A keyset page of a tenant's complaints: the tenant is bound first, the binder binds the
   * filter's {@code parameters} from index 2.
   */
  private Page<Complaint> page(TenantId tenant, String what, String where, String sortColumn, boolean newestFirst,
      PageRequest page, Binder binder, int parameters) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(page, "page");
    String text = sql.page(where, sortColumn, newestFirst, page.after().isPresent());
    return jdbc.read("reading " + what, c -> {
      try (PreparedStatement ps = c.prepareStatement(text)) {
        ps.setString(1, tenant.value());
        binder.bind(ps);
        int i = parameters + 2;
        if (page.after().isPresent()) {
          Jdbc.setInstant(ps, i++, page.after().get().at());
          ps.setString(i++, page.after().get().id().value());
        }
        ps.setInt(i, page.size() + 1);
        List<Complaint> items = new ArrayList<>();
        PageCursor last = null;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (items.size() == page.size()) {
              return new Page<>(items, Optional.of(last));
            }
            items.add(rows.complaint(rs.getString(3)));
            last = new PageCursor(Jdbc.getInstant(rs, sortColumn), ComplaintId.of(rs.getString(2)));
          }
        }
        return new Page<>(items, Optional.<PageCursor>empty());
      }
    });
  }
}
