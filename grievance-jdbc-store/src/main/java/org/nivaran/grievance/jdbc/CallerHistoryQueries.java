package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The caller's history of {@link JdbcComplaintStore}: each question one query on an index by
 * tenant and number ({@code nivaran_complaint_citizen} for registrations, {@code nivaran_complaint_fake} for
 * fake closures), whatever the number's history holds.
 *
 * <p>Thread-safe.
 */
final class CallerHistoryQueries {
  private final Jdbc jdbc;
  private final ComplaintRows rows;

  CallerHistoryQueries(Jdbc jdbc, ComplaintRows rows) {
    this.jdbc = jdbc;
    this.rows = rows;
  }

  List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(since, "since");
    return states("reading a citizen's recent complaints", StoreStatements.REGISTERED_SINCE, tenant, phone, since, null);
  }

  int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    check(tenant, phone, since, until);
    return jdbc.read("counting a citizen's fake complaints", c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.COUNT_FAKE_CLOSURES)) {
        bind(ps, tenant, phone, since, until);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Math.toIntExact(rs.getLong(1));
        }
      }
    });
  }

  List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    check(tenant, phone, since, until);
    return states("reading a citizen's fake complaints", StoreStatements.FAKE_CLOSURES, tenant, phone, since, until);
  }

  private static void check(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  /** Binds the tenant, the number, then the instants given (clamped to what a column holds). */
  private static void bind(PreparedStatement ps, TenantId tenant, PhoneNumber phone, Instant since, Instant until)
      throws java.sql.SQLException {
    ps.setString(1, tenant.value());
    ps.setString(2, phone.e164());
    Jdbc.setInstant(ps, 3, since);
    if (until != null) {
      Jdbc.setInstant(ps, 4, until);
    }
  }

  private List<Complaint> states(String what, String sql, TenantId tenant, PhoneNumber phone, Instant since,
      Instant until) {
    return jdbc.read(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, tenant, phone, since, until);
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
}
