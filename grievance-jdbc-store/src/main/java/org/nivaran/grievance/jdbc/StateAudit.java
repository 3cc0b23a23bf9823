package org.nivaran.grievance.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.jdbc.LogVerification.Finding;

/**
 * Audits a complaint's row and its idempotency row against its (authentic) event log: the
 * {@code state} document must be the replay of the log, each indexed column what that state says
 * (what {@link ComplaintRows#bindColumns} binds for it, instants to the microsecond the databases keep),
 * and the registration's idempotency key must have its row, pointing at this complaint, with the
 * fingerprint of the request the registration records. The complaint's rows in
 * {@code nivaran_reference} must be the references its state holds, and the tenant its rows are
 * filed under the one its registration names.
 *
 * <p>Stateless and thread-safe.
 */
final class StateAudit {
  private static final List<String> COLUMNS = List.of(ComplaintRows.COLUMNS.split(", "));
  private static final String READ_COLUMNS = "SELECT " + ComplaintRows.COLUMNS + " FROM nivaran_complaint WHERE tenant_id = ? AND id = ?";
  private static final String IDEMPOTENCY_ROW =
      "SELECT fingerprint, complaint_id FROM nivaran_idempotency WHERE tenant_id = ? AND idempotency_key = ?";

  private StateAudit() {}

  /**
   * The complaint row's alterations: its state and indexed columns against the replay of
   * {@code events}, which must be the whole authentic log.
   */
  static List<Finding> state(Connection c, ComplaintRows mapping, TenantId tenant, ComplaintId id, String stateJson,
      List<ComplaintEvent> events) throws SQLException {
    Complaint replayed;
    try {
      replayed = Lifecycle.replay(events);
    } catch (RuntimeException e) {
      return List.of(finding(Alteration.PAYLOAD, "the log does not replay to a complaint (" + e.getClass().getSimpleName() + ")"));
    }
    List<Finding> found = new ArrayList<>();
    Optional<Complaint> stored = readable(mapping, stateJson);
    if (stored.isEmpty()) {
      found.add(finding(Alteration.STATE, "the state column is not a readable complaint"));
    } else if (!stored.get().equals(replayed)) {
      found.add(finding(Alteration.STATE, "the state column is not the replay of the log; it differs in "
          + differingFields(mapping, stateJson, mapping.write(replayed))));
    }
    Map<Integer, Object> expected = boundColumns(replayed);
    List<String> wrong = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(READ_COLUMNS)) {
      ps.setString(1, tenant.value());
      ps.setString(2, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next(); // the caller read the row
        for (int k = 1; k <= COLUMNS.size(); k++) {
          if (!holds(rs, k, expected.get(k))) {
            wrong.add(COLUMNS.get(k - 1));
          }
        }
      }
    }
    if (!wrong.isEmpty()) {
      found.add(finding(Alteration.STATE, "the indexed column(s) " + String.join(", ", wrong)
          + " disagree with the replay of the log"));
    }
    found.addAll(references(c, tenant, id, replayed));
    return found;
  }

  /**
   * The reference rows' alterations: the complaint's rows in {@code nivaran_reference} must be
   * the references its (replayed) state holds, no more and no fewer.
   */
  private static List<Finding> references(Connection c, TenantId tenant, ComplaintId id, Complaint replayed)
      throws SQLException {
    List<ExternalReference> stored;
    try {
      stored = ReferenceRows.of(c, tenant, id);
    } catch (RuntimeException unreadable) { // a row edited into an invalid reference
      return List.of(finding(Alteration.REFERENCE, "a reference row of the complaint is not a valid reference"));
    }
    Set<ExternalReference> held = new HashSet<>(replayed.references());
    Set<ExternalReference> rows = new HashSet<>(stored);
    if (held.equals(rows) && stored.size() == rows.size()) {
      return List.of();
    }
    long missing = held.stream().filter(r -> !rows.contains(r)).count();
    long extra = rows.stream().filter(r -> !held.contains(r)).count();
    return List.of(finding(Alteration.REFERENCE, "the reference rows disagree with the references the log gives "
        + "the complaint (" + missing + " missing, " + extra + " extra)"));
  }

  /**
   * Whether the tenant a complaint's rows are filed under is the tenant its registration names
   * (which the hash chain covers): a complaint moved to another tenant's rows is reported.
   */
  static List<Finding> tenant(TenantId filedUnder, ComplaintRegistered registration) {
    if (registration.tenant().equals(filedUnder)) {
      return List.of();
    }
    return List.of(finding(Alteration.TENANT, "the rows are filed under tenant " + filedUnder
        + " but the registration is of tenant " + registration.tenant()));
  }

  /**
   * The idempotency row's alterations: the registration's key must have its row, pointing at this
   * complaint, with the fingerprint of the request the registration records. A registration
   * without a key has nothing to check.
   */
  static List<Finding> idempotency(Connection c, TenantId tenant, ComplaintId id, ComplaintRegistered registration)
      throws SQLException {
    Optional<String> key = registration.idempotencyKey();
    if (key.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(IDEMPOTENCY_ROW)) {
      ps.setString(1, tenant.value());
      ps.setString(2, key.get());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return List.of(finding(Alteration.IDEMPOTENCY,
              "the registration's idempotency key has no row (a retry would register the complaint again)"));
        }
        String owner = rs.getString(2);
        if (!owner.equals(id.value())) {
          return List.of(finding(Alteration.IDEMPOTENCY, "the registration's idempotency key points at " + owner));
        }
        Optional<String> fingerprint = fingerprint(registration);
        if (fingerprint.isPresent() && !fingerprint.get().equals(rs.getString(1))) {
          return List.of(finding(Alteration.IDEMPOTENCY,
              "the registration's idempotency row has another fingerprint than the request it records"));
        }
        return List.of();
      }
    }
  }

  /** What {@link ComplaintRows#bindColumns} binds for a complaint, by parameter index: the mapping the store writes with. */
  private static Map<Integer, Object> boundColumns(Complaint state) throws SQLException {
    Map<Integer, Object> values = new HashMap<>();
    InvocationHandler record = (proxy, method, args) -> {
      if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
        values.put(i, method.getName().equals("setNull") ? null : args[1]);
        return null;
      }
      throw new UnsupportedOperationException(method.getName());
    };
    ComplaintRows.bindColumns((PreparedStatement) Proxy.newProxyInstance(StateAudit.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, record), state);
    return values;
  }

  /** Whether column {@code k} holds what was bound for it (an instant to the database's precision). */
  private static boolean holds(ResultSet rs, int k, Object expected) throws SQLException {
    if (expected instanceof OffsetDateTime t) {
      OffsetDateTime stored = rs.getObject(k, OffsetDateTime.class);
      return stored != null && EventAudit.sameInstant(stored.toInstant(), t.toInstant());
    }
    if (expected instanceof Integer n) {
      int stored = rs.getInt(k);
      return !rs.wasNull() && stored == n;
    }
    if (expected instanceof Double d) {
      double stored = rs.getDouble(k);
      return !rs.wasNull() && Double.compare(stored, d) == 0;
    }
    if (expected instanceof Boolean b) {
      boolean stored = rs.getBoolean(k);
      return !rs.wasNull() && stored == b;
    }
    return Objects.equals(rs.getString(k), expected == null ? null : expected.toString());
  }

  /** The fingerprint of the request a registration records, as {@code Grievances} stores it. */
  private static Optional<String> fingerprint(ComplaintRegistered r) {
    try {
      return Optional.of(RegisterComplaint.builder().kind(r.kind()).channel(r.channel()).citizen(r.citizen())
          .categoryCode(r.categoryCode()).jurisdictionCode(r.jurisdictionCode()).description(r.description())
          .attachments(r.attachments()).idempotencyKey(r.idempotencyKey()).location(r.location())
          .references(r.references()).build().fingerprint());
    } catch (RuntimeException notARequest) { // registered by hand, outside today's rules: not checkable
      return Optional.empty();
    }
  }

  private static Optional<Complaint> readable(ComplaintRows mapping, String json) {
    try {
      return Optional.of(mapping.complaint(json));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The top-level fields in which two complaint documents differ, by name (never their values). */
  private static String differingFields(ComplaintRows mapping, String stored, String replayed) {
    try {
      JsonNode a = mapping.read(stored, JsonNode.class);
      JsonNode b = mapping.read(replayed, JsonNode.class);
      TreeSet<String> names = new TreeSet<>();
      Stream.of(a, b).forEach(n -> {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
      });
      names.removeIf(f -> Objects.equals(a.get(f), b.get(f)));
      return names.isEmpty() ? "its form" : String.join(", ", names);
    } catch (RuntimeException e) {
      return "its form";
    }
  }

  private static Finding finding(Alteration alteration, String detail) {
    return new Finding(alteration, Optional.empty(), detail);
  }
}
