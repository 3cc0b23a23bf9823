package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;

/**
 * The caller's history of {@link JdbcComplaintStore}: each question one query on an index by
 * number ({@code nivaran_complaint_citizen} for registrations, {@code nivaran_complaint_fake} for
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

  List<Complaint> registeredSince(PhoneNumber phone, Instant since) {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(since, "since");
    return states("reading a citizen's recent complaints", StoreStatements.REGISTERED_SINCE, phone, since, null);
  }

  int countFakeClosures(PhoneNumber phone, Instant since, Instant until) {
    check(phone, since, until);
    return jdbc.read("counting a citizen's fake complaints", c -> {
      try (PreparedStatement ps = c.prepareStatement(StoreStatements.COUNT_FAKE_CLOSURES)) {
        bind(ps, phone, since, until);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Math.toIntExact(rs.getLong(1));
        }
      }
    });
  }

  List<Complaint> fakeClosures(PhoneNumber phone, Instant since, Instant until) {
    check(phone, since, until);
    return states("reading a citizen's fake complaints", StoreStatements.FAKE_CLOSURES, phone, since, until);
  }

  private static void check(PhoneNumber phone, Instant since, Instant until) {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  /** Binds the number, then the instants given (clamped to what a column holds). */
  private static void bind(PreparedStatement ps, PhoneNumber phone, Instant since, Instant until)
      throws java.sql.SQLException {
    ps.setString(1, phone.e164());
    Jdbc.setInstant(ps, 2, since);
    if (until != null) {
      Jdbc.setInstant(ps, 3, until);
    }
  }

  private List<Complaint> states(String what, String sql, PhoneNumber phone, Instant since, Instant until) {
    return jdbc.read(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, phone, since, until);
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
