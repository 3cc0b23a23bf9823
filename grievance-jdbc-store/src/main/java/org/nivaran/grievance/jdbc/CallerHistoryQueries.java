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
 * fake closures). The questions a registration asks read no document it does not use: the newest
 * few with a limit, those of one category with the codes filtered on the rows.
 *
 * <p>Thread-safe.
 */
final class CallerHistoryQueries {
  private final Jdbc jdbc;
  private final StoreStatements sql;
  private final ComplaintRows rows;

  CallerHistoryQueries(Jdbc jdbc, StoreStatements sql, ComplaintRows rows) {
    this.jdbc = jdbc;
    this.sql = sql;
    this.rows = rows;
  }

  List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    check(tenant, phone, since, until);
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
    }
    return jdbc.read("reading a citizen's newest complaints", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.newestRegistered())) {
        bind(ps, tenant, phone, since, until);
        ps.setInt(5, max);
        return states(ps);
      }
    });
  }

  List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    check(tenant, phone, since, until);
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
    }
    return jdbc.read("reading when a citizen's newest complaints were registered", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.registrationInstants())) {
        bind(ps, tenant, phone, since, until);
        ps.setInt(5, max);
        try (ResultSet rs = ps.executeQuery()) {
          List<Instant> out = new ArrayList<>();
          while (rs.next()) {
            out.add(Jdbc.getInstant(rs, "registered_at"));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, String categoryCode, String jurisdictionCode,
      Instant since) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return jdbc.read("reading a citizen's recent complaints of a category", c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.REGISTERED_SINCE_OF_CATEGORY)) {
        bind(ps, tenant, phone, since, null);
        ps.setString(4, categoryCode);
        ps.setString(5, jurisdictionCode);
        return states(ps);
      }
    });
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
        return states(ps);
      }
    });
  }

  private List<Complaint> states(PreparedStatement ps) throws java.sql.SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Complaint> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rows.complaint(rs.getString(1)));
      }
      return List.copyOf(out);
    }
  }
}
