package org.nivaran.grievance.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The ceiling of {@link StoreLoadHarness}: a registration's rows written by bare JDBC, with none
 * of Nivaran's work (no lifecycle, no JSON, no hashing, no notification templates, no idempotency
 * look-up first).
 *
 * <p>The rows are copied from a real registration that {@code JdbcComplaintStore} wrote
 * ({@link #copying}): per registration, one transaction inserts the idempotency row, the complaint
 * row (the same columns the store writes, the same JSON text), as many event rows as the store
 * wrote (batched, the same payloads and hashes) and as many outbox rows (batched), exactly as the
 * store does. Only the complaint id, the idempotency key and the outbox message ids differ.
 *
 * <p>Thread-safe: immutable after {@link #copying}.
 */
final class CeilingWriter {
  /** The columns {@code JdbcComplaintStore.create} writes to {@code nivaran_complaint}, with their types. */
  private static final List<Column> COMPLAINT = List.of(
      new Column("tenant_id", Type.TEXT), new Column("status", Type.TEXT), new Column("is_open", Type.BOOL),
      new Column("category_code", Type.TEXT),
      new Column("jurisdiction_code", Type.TEXT), new Column("citizen_phone", Type.TEXT),
      new Column("post_code", Type.TEXT), new Column("department_code", Type.TEXT), new Column("level", Type.SMALLINT),
      new Column("due_at", Type.TIME), new Column("registered_at", Type.TIME), new Column("updated_at", Type.TIME),
      new Column("flag_unrouted", Type.BOOL), new Column("flag_escalation_blocked", Type.BOOL),
      new Column("flag_overdue_at_top", Type.BOOL), new Column("flag_transfer_limit", Type.BOOL),
      new Column("flag_possible_repeat", Type.BOOL), new Column("head_hash", Type.TEXT), new Column("state", Type.TEXT), new Column("id", Type.TEXT),
      new Column("version", Type.BIGINT));
  private static final List<Column> EVENT = List.of(
      new Column("complaint_id", Type.TEXT), new Column("sequence", Type.BIGINT), new Column("type", Type.TEXT),
      new Column("occurred_at", Type.TIME), new Column("payload", Type.TEXT), new Column("prev_hash", Type.TEXT),
      new Column("hash", Type.TEXT), new Column("status_after", Type.TEXT), new Column("post_code", Type.TEXT),
      new Column("department_code", Type.TEXT), new Column("level", Type.SMALLINT),
      new Column("clock_changed", Type.BOOL), new Column("deadline_at", Type.TIME), new Column("key_id", Type.TEXT),
      new Column("tenant_id", Type.TEXT));
  /** The columns {@code OutboxRows.INSERT} binds; state and attempts are literals there and here. */
  private static final List<Column> OUTBOX = List.of(
      new Column("message_id", Type.TEXT), new Column("complaint_id", Type.TEXT),
      new Column("event_sequence", Type.BIGINT), new Column("kind", Type.TEXT), new Column("recipient_role", Type.TEXT),
      new Column("recipient_phone", Type.TEXT), new Column("recipient_post", Type.TEXT),
      new Column("recipient_name", Type.TEXT), new Column("channel", Type.TEXT), new Column("language", Type.TEXT),
      new Column("body", Type.TEXT), new Column("created_at", Type.TIME), new Column("next_attempt_at", Type.TIME),
      new Column("tenant_id", Type.TEXT));
  private static final List<Column> IDEMPOTENCY = List.of(
      new Column("idempotency_key", Type.TEXT), new Column("fingerprint", Type.TEXT),
      new Column("complaint_id", Type.TEXT), new Column("created_at", Type.TIME), new Column("tenant_id", Type.TEXT));

  private static final String INSERT_IDEMPOTENCY = insert("nivaran_idempotency", IDEMPOTENCY, "");
  private static final String INSERT_COMPLAINT = insert("nivaran_complaint", COMPLAINT, "");
  private static final String INSERT_EVENT = insert("nivaran_event", EVENT, "");
  private static final String INSERT_OUTBOX = insert("nivaran_outbox", OUTBOX, "state, attempts");

  private final String templateId;
  private final Object[] idempotency;
  private final Object[] complaint;
  private final List<Object[]> events;
  private final List<Object[]> outbox;

  private CeilingWriter(String templateId, Object[] idempotency, Object[] complaint, List<Object[]> events,
      List<Object[]> outbox) {
    this.templateId = templateId;
    this.idempotency = idempotency;
    this.complaint = complaint;
    this.events = events;
    this.outbox = outbox;
  }

  /**
   * Reads the rows the store wrote for one registration, to write copies of.
   *
   * @param dataSource the database the registration is in
   * @param complaintId the registered complaint
   * @param idempotencyKey the key it was registered with
   * @return the writer
   */
  static CeilingWriter copying(DataSource dataSource, String complaintId, String idempotencyKey) {
    try (Connection c = dataSource.getConnection()) {
      List<Object[]> keys = read(c, "nivaran_idempotency", IDEMPOTENCY, "idempotency_key", idempotencyKey, "created_at");
      List<Object[]> complaints = read(c, "nivaran_complaint", COMPLAINT, "id", complaintId, "id");
      List<Object[]> events = read(c, "nivaran_event", EVENT, "complaint_id", complaintId, "sequence");
      List<Object[]> outbox = read(c, "nivaran_outbox", OUTBOX, "complaint_id", complaintId, "seq");
      if (keys.size() != 1 || complaints.size() != 1 || events.isEmpty()) {
        throw new IllegalStateException("the registration " + complaintId + " is not in the database as expected");
      }
      for (Object[] row : outbox) {
        if (!((String) row[0]).startsWith(complaintId)) {
          throw new IllegalStateException("outbox message id " + row[0] + " does not start with its complaint id");
        }
      }
      return new CeilingWriter(complaintId, keys.get(0), complaints.get(0), List.copyOf(events), List.copyOf(outbox));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the rows of " + complaintId, e);
    }
  }

  /** How many event rows each registration writes. */
  int eventRows() {
    return events.size();
  }

  /** How many outbox rows each registration writes. */
  int outboxRows() {
    return outbox.size();
  }

  /** The characters of the complaint's JSON document. */
  int stateLength() {
    return ((String) complaint[COMPLAINT.indexOf(new Column("state", Type.TEXT))]).length();
  }

  /**
   * Writes one registration's rows in one transaction, under a new complaint id and key.
   *
   * @param dataSource the database
   * @param complaintId the new complaint's id, unused so far
   * @param idempotencyKey its key, unused so far
   */
  void register(DataSource dataSource, String complaintId, String idempotencyKey) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(INSERT_IDEMPOTENCY)) {
          bind(ps, IDEMPOTENCY, idempotency);
          ps.setString(1, idempotencyKey);
          ps.setString(3, complaintId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_COMPLAINT)) {
          bind(ps, COMPLAINT, complaint);
          ps.setString(COMPLAINT.size() - 1, complaintId);
          ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
          for (Object[] row : events) {
            bind(ps, EVENT, row);
            ps.setString(1, complaintId);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        if (!outbox.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            for (Object[] row : outbox) {
              bind(ps, OUTBOX, row);
              ps.setString(1, complaintId + ((String) row[0]).substring(templateId.length()));
              ps.setString(2, complaintId);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the ceiling's registration " + complaintId + " failed", e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private enum Type {
    TEXT,
    BOOL,
    SMALLINT,
    BIGINT,
    TIME
  }

  private record Column(String name, Type type) {}

  private static String insert(String table, List<Column> columns, String literalColumns) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (Column column : columns) {
      names.append(names.length() == 0 ? "" : ", ").append(column.name());
      values.append(values.length() == 0 ? "?" : ", ?");
    }
    if (!literalColumns.isEmpty()) { // the outbox's state and attempts, as OutboxRows writes them
      names.append(", ").append(literalColumns);
      values.append(", 'PENDING', 0");
    }
    return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
  }

  private static List<Object[]> read(Connection c, String table, List<Column> columns, String keyColumn, String key,
      String orderBy) throws SQLException {
    StringBuilder names = new StringBuilder();
    for (Column column : columns) {
      names.append(names.length() == 0 ? "" : ", ").append(column.name());
    }
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + names + " FROM " + table + " WHERE " + keyColumn + " = ? ORDER BY " + orderBy)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] row = new Object[columns.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = switch (columns.get(i).type()) {
              case TEXT -> rs.getString(i + 1);
              case BOOL -> rs.getBoolean(i + 1);
              case SMALLINT -> rs.getObject(i + 1) == null ? null : rs.getInt(i + 1);
              case BIGINT -> rs.getLong(i + 1);
              case TIME -> rs.getObject(i + 1, OffsetDateTime.class);
            };
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static void bind(PreparedStatement ps, List<Column> columns, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      int p = i + 1;
      switch (columns.get(i).type()) {
        case TEXT -> ps.setString(p, (String) value);
        case BOOL -> ps.setBoolean(p, (Boolean) value);
        case SMALLINT -> {
          if (value == null) {
            ps.setNull(p, Types.SMALLINT);
          } else {
            ps.setInt(p, (Integer) value);
          }
        }
        case BIGINT -> ps.setLong(p, (Long) value);
        case TIME -> ps.setObject(p, value);
        default -> throw new IllegalStateException(Objects.toString(columns.get(i)));
      }
    }
  }
}
