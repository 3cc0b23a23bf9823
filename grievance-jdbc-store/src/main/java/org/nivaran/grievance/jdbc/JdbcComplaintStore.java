package org.nivaran.grievance.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Assignment;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.json.NivaranJacksonModule;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.report.EventMarks;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.ComplaintNotFoundException;
import org.nivaran.grievance.store.ComplaintQueries;
import org.nivaran.grievance.store.ComplaintStore;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateComplaintIdException;
import org.nivaran.grievance.store.IdempotencyConflictException;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.store.Page;
import org.nivaran.grievance.store.PageCursor;
import org.nivaran.grievance.store.PageRequest;
import org.nivaran.grievance.store.StaleVersionException;

/**
 * The {@link ComplaintStore} on PostgreSQL or H2, over plain JDBC.
 *
 * <ul>
 *   <li>Each complaint is a row of {@code nivaran_complaint} (its JSON document, as
 *       {@link NivaranJacksonModule} writes it, and indexed columns for status, post, department,
 *       jurisdiction, level, deadline, registration and flags) and rows of {@code nivaran_event},
 *       unique on complaint and sequence. A create or an append writes both, and the
 *       notifications it causes to {@code nivaran_outbox}, in one transaction; an append first
 *       locks the complaint's row and checks its version.
 *   <li>The event log is tamper-evident: each row's hash chains to the previous row of its
 *       complaint, and the complaint row holds the last hash; {@link #verifyLog} walks the chain.
 *   <li>Each event row also holds the event's {@link EventMarks} (the status and post it moves
 *       to, whether it sets or clears the SLA clock, the deadline it leaves), so that
 *       {@link JdbcGradingSource} grades a period by SQL without reading payloads. They are read
 *       off the payload, which the hash covers, and are not hashed again.
 *   <li>{@link #claimDue} claims due complaints for one sweeper with
 *       {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of nodes sweep at once.
 *   <li>{@link #appendAll} writes a batch of changes in one transaction, skipping the stale ones.
 *   <li>The {@link ComplaintQueries work lists} are keyset-paged index scans.
 * </ul>
 *
 * <p>It {@linkplain #keepsOutbox() keeps an outbox}: give {@code Grievances} no notifier, and run
 * an {@link OutboxRelay} with it instead.
 *
 * <pre>{@code
 * SchemaInstaller.install(dataSource);                 // or let Flyway run db/nivaran/postgresql
 * JdbcComplaintStore store = JdbcComplaintStore.create(dataSource);
 * Grievances grievances = Grievances.builder().store(store).directory(directory)...build();
 * }</pre>
 *
 * <p>Instants are kept at the database's precision in the indexed columns (microseconds in
 * PostgreSQL) and exactly in the JSON documents. Text round-trips exactly (UTF-8 throughout).
 * A connection is taken from the data source for each call and given back before it returns.
 *
 * <p>Thread-safe.
 */
public final class JdbcComplaintStore implements ComplaintStore, ComplaintQueries {
  private static final int IN_LIST = 500;

  private final Jdbc jdbc;
  private final ObjectMapper json;
  private final Dialect dialect;

  private JdbcComplaintStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
    this.json = new ObjectMapper().registerModule(new NivaranJacksonModule());
    this.dialect = jdbc.read("reading the database product", Dialect::of);
  }

  /**
   * A store on a data source whose schema is installed ({@link SchemaInstaller}, or the schema
   * files run by the host's migration tool).
   *
   * @param dataSource a PostgreSQL or H2 data source, pooled for production (HikariCP, say)
   * @return the store
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   * @throws JdbcStoreException if the database cannot be reached
   */
  public static JdbcComplaintStore create(DataSource dataSource) {
    return new JdbcComplaintStore(dataSource);
  }

  /**
   * Always true: notifications are written to {@code nivaran_outbox} with their events.
   *
   * @return true
   */
  @Override
  public boolean keepsOutbox() {
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  @Override
  public CreateResult create(NewComplaint registration) {
    Objects.requireNonNull(registration, "registration");
    Complaint state = registration.state();
    List<EventRow> rows = rows(state.id(), registration.events(), 0, HashChain.GENESIS);
    String stateJson = write(state);
    Optional<String> key = registration.idempotencyKey();
    try {
      return jdbc.inTransaction("registering " + state.id(), c -> {
        if (key.isPresent()) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO nivaran_idempotency "
              + "(idempotency_key, fingerprint, complaint_id, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, key.get());
            ps.setString(2, registration.fingerprint());
            ps.setString(3, state.id().value());
            Jdbc.setInstant(ps, 4, state.registeredAt());
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              throw new KeyTaken();
            }
            throw e;
          }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO nivaran_complaint (" + COLUMNS
            + ", head_hash, state, id, version) VALUES (" + "?, ".repeat(COLUMN_COUNT) + "?, ?, ?, ?)")) {
          int i = bindColumns(ps, state);
          ps.setString(i++, rows.get(rows.size() - 1).hash);
          ps.setString(i++, stateJson);
          ps.setString(i++, state.id().value());
          ps.setLong(i, state.version());
          ps.executeUpdate();
        } catch (SQLException e) {
          if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new DuplicateComplaintIdException(state.id());
          }
          throw e;
        }
        insertEvents(c, rows);
        OutboxRows.insert(c, registration.notifications());
        return new CreateResult.Created(state);
      });
    } catch (KeyTaken taken) { // rolled back; the key's first complaint is committed by now
      return findByIdempotencyKey(key.get(), registration.fingerprint())
          .<CreateResult>map(CreateResult.Replayed::new)
          .orElseThrow(() -> new IllegalStateException("idempotency key '" + key.get() + "' is taken by a complaint "
              + "that cannot be read"));
    }
  }

  /** Another transaction holds the idempotency key; thrown to roll this one back. */
  private static final class KeyTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyTaken() {
      super(null, null, false, false);
    }
  }

  @Override
  public void append(Complaint state, List<ComplaintEvent> events, long expectedVersion) {
    append(Append.of(state, events, expectedVersion));
  }

  @Override
  public void append(Append change) {
    Objects.requireNonNull(change, "change");
    Map<ComplaintId, RuntimeException> skipped = appendAll(List.of(change));
    RuntimeException e = skipped.get(change.state().id());
    if (e != null) {
      throw e;
    }
  }

  /**
   * Writes the batch in one transaction: locks the complaints' rows (in id order), skips each
   * whose version is not the expected one or that does not exist, and writes the rest, their
   * events and their notifications.
   *
   * @param changes the changes, at most one per complaint
   * @return the skipped changes by complaint: {@link StaleVersionException} or
   *     {@link ComplaintNotFoundException}
   * @throws JdbcStoreException if the database fails (nothing of the batch is written)
   */
  @Override
  public Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      return Map.of();
    }
    Map<ComplaintId, Append> byId = new LinkedHashMap<>();
    for (Append a : changes) {
      if (byId.put(a.state().id(), a) != null) {
        throw new IllegalArgumentException("a batch may change each complaint once (" + a.state().id() + " twice)");
      }
    }
    Map<ComplaintId, String> states = new HashMap<>();
    for (Append a : changes) {
      states.put(a.state().id(), write(a.state()));
    }
    String what = changes.size() == 1 ? "appending to " + changes.get(0).state().id() : "appending a batch of " + changes.size();
    return jdbc.inTransaction(what, c -> {
      Map<ComplaintId, Head> heads = lockHeads(c, byId.keySet());
      Map<ComplaintId, RuntimeException> skipped = new LinkedHashMap<>();
      List<EventRow> rows = new ArrayList<>();
      List<Notification> notifications = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE nivaran_complaint SET " + UPDATE_SET
          + ", head_hash = ?, state = ?, version = ?, claimed_until = NULL WHERE id = ? AND version = ?")) {
        for (Append a : changes) {
          ComplaintId id = a.state().id();
          Head head = heads.get(id);
          if (head == null) {
            skipped.put(id, new ComplaintNotFoundException(id));
            continue;
          }
          if (head.version != a.expectedVersion()) {
            skipped.put(id, new StaleVersionException(id, a.expectedVersion(), head.version));
            continue;
          }
          List<EventRow> added = rows(id, a.events(), a.expectedVersion(), head.hash);
          rows.addAll(added);
          notifications.addAll(a.notifications());
          int i = bindColumns(ps, a.state());
          ps.setString(i++, added.get(added.size() - 1).hash);
          ps.setString(i++, states.get(id));
          ps.setLong(i++, a.state().version());
          ps.setString(i++, id.value());
          ps.setLong(i, a.expectedVersion());
          ps.addBatch();
        }
        if (!rows.isEmpty()) {
          ps.executeBatch();
        }
      }
      insertEvents(c, rows);
      OutboxRows.insert(c, notifications);
      return skipped;
    });
  }

  private record Head(long version, String hash) {}

  private static Map<ComplaintId, Head> lockHeads(Connection c, java.util.Set<ComplaintId> ids) throws SQLException {
    List<String> sorted = ids.stream().map(ComplaintId::value).sorted().toList();
    Map<ComplaintId, Head> heads = new HashMap<>();
    for (int from = 0; from < sorted.size(); from += IN_LIST) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST));
      String sql = "SELECT id, version, head_hash FROM nivaran_complaint WHERE id IN ("
          + Jdbc.placeholders(chunk.size()) + ") ORDER BY id FOR UPDATE";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            heads.put(ComplaintId.of(rs.getString(1)), new Head(rs.getLong(2), rs.getString(3)));
          }
        }
      }
    }
    return heads;
  }

  @Override
  public void enqueue(List<Notification> notifications) {
    Objects.requireNonNull(notifications, "notifications");
    if (!notifications.isEmpty()) {
      jdbc.inTransaction("enqueueing " + notifications.size() + " notification(s)", c -> {
        OutboxRows.insert(c, notifications);
        return null;
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Columns

  private static final String COLUMNS = "status, is_open, category_code, jurisdiction_code, citizen_phone, post_code, "
      + "department_code, level, due_at, registered_at, updated_at, flag_unrouted, flag_escalation_blocked, "
      + "flag_overdue_at_top, flag_transfer_limit";
  private static final int COLUMN_COUNT = 15;
  private static final String UPDATE_SET = String.join(" = ?, ", COLUMNS.split(", ")) + " = ?";

  private static int bindColumns(PreparedStatement ps, Complaint s) throws SQLException {
    Optional<Assignment> a = s.assignment();
    int i = 1;
    ps.setString(i++, s.status().name());
    ps.setBoolean(i++, s.status().isOpen());
    ps.setString(i++, s.categoryCode());
    ps.setString(i++, s.jurisdictionCode());
    ps.setString(i++, s.citizen().phone().e164());
    ps.setString(i++, a.map(x -> x.post().code()).orElse(null));
    ps.setString(i++, a.map(Assignment::department).orElse(null));
    if (a.isPresent()) {
      ps.setInt(i++, a.get().level().rung());
    } else {
      ps.setNull(i++, java.sql.Types.SMALLINT);
    }
    Jdbc.setInstant(ps, i++, s.dueAt().orElse(null));
    Jdbc.setInstant(ps, i++, s.registeredAt());
    Jdbc.setInstant(ps, i++, s.updatedAt());
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.UNROUTED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.ESCALATION_BLOCKED));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.OVERDUE_AT_TOP));
    ps.setBoolean(i++, s.flags().contains(ComplaintFlag.TRANSFER_LIMIT_REACHED));
    return i;
  }

  private static String flagColumn(ComplaintFlag flag) {
    return switch (flag) {
      case UNROUTED -> "flag_unrouted";
      case ESCALATION_BLOCKED -> "flag_escalation_blocked";
      case OVERDUE_AT_TOP -> "flag_overdue_at_top";
      case TRANSFER_LIMIT_REACHED -> "flag_transfer_limit";
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Events and the hash chain

  /** An event row: the hashed content, the chain, and the marks the grading queries read. */
  private record EventRow(String complaintId, long sequence, String type, Instant occurredAt, String payload,
      String prevHash, String hash, EventMarks marks) {}

  private List<EventRow> rows(ComplaintId id, List<ComplaintEvent> events, long expectedVersion, String previous) {
    List<EventRow> rows = new ArrayList<>(events.size());
    long seq = expectedVersion;
    String prev = previous;
    for (ComplaintEvent e : events) {
      if (!e.complaintId().equals(id) || e.sequence() != ++seq) {
        throw new IllegalArgumentException(
            "event " + e.complaintId() + "#" + e.sequence() + " does not follow " + id + "#" + (seq - 1));
      }
      String payload = write(e);
      String type = e.getClass().getSimpleName();
      String hash = HashChain.hash(prev, id.value(), e.sequence(), type, payload);
      rows.add(new EventRow(id.value(), e.sequence(), type, e.occurredAt(), payload, prev, hash, EventMarks.of(e)));
      prev = hash;
    }
    return rows;
  }

  private static void insertEvents(Connection c, List<EventRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO nivaran_event (complaint_id, sequence, type, "
        + "occurred_at, payload, prev_hash, hash, status_after, post_code, department_code, level, clock_changed, "
        + "deadline_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (EventRow r : rows) {
        ps.setString(1, r.complaintId);
        ps.setLong(2, r.sequence);
        ps.setString(3, r.type);
        Jdbc.setInstant(ps, 4, r.occurredAt);
        ps.setString(5, r.payload);
        ps.setString(6, r.prevHash);
        ps.setString(7, r.hash);
        Optional<Assignment> movedTo = r.marks.movedTo();
        ps.setString(8, r.marks.status().map(Status::name).orElse(null));
        ps.setString(9, movedTo.map(a -> a.post().code()).orElse(null));
        ps.setString(10, movedTo.map(Assignment::department).orElse(null));
        if (movedTo.isPresent()) {
          ps.setInt(11, movedTo.get().level().rung());
        } else {
          ps.setNull(11, java.sql.Types.SMALLINT);
        }
        ps.setBoolean(12, r.marks.clockChanged());
        Jdbc.setInstant(ps, 13, r.marks.deadline().orElse(null));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Walks a complaint's event log and checks every row against its hash and the previous row's,
   * and the last against the hash the complaint row holds: an altered payload, type or sequence,
   * a removed row (in the middle or at the end) or a re-hashed row that breaks the link to its
   * successor is found.
   *
   * @param id the complaint
   * @return what was found; the first bad row if any
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws JdbcStoreException if the database fails
   */
  public LogVerification verifyLog(ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read("verifying the log of " + id, c -> {
      long version;
      String head;
      try (PreparedStatement ps = c.prepareStatement("SELECT version, head_hash FROM nivaran_complaint WHERE id = ?")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new ComplaintNotFoundException(id);
          }
          version = rs.getLong(1);
          head = rs.getString(2);
        }
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT sequence, type, payload, prev_hash, hash FROM nivaran_event "
          + "WHERE complaint_id = ? ORDER BY sequence")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          String prev = HashChain.GENESIS;
          long expected = 1;
          long checked = 0;
          while (rs.next()) {
            long seq = rs.getLong(1);
            checked++;
            if (seq != expected) {
              return LogVerification.broken(id, checked, expected, "event " + expected + " is missing (next row is " + seq + ")");
            }
            if (!rs.getString(4).equals(prev)) {
              return LogVerification.broken(id, checked, seq, "event " + seq + " does not link to event " + (seq - 1));
            }
            String hash = HashChain.hash(prev, id.value(), seq, rs.getString(2), rs.getString(3));
            if (!hash.equals(rs.getString(5))) {
              return LogVerification.broken(id, checked, seq, "event " + seq + " was altered (its hash does not match)");
            }
            prev = hash;
            expected++;
          }
          if (expected - 1 < version) {
            return LogVerification.broken(id, checked, expected,
                "events " + expected + ".." + version + " are missing (the complaint is at version " + version + ")");
          }
          if (expected - 1 > version || !prev.equals(head)) {
            return LogVerification.broken(id, checked, expected - 1,
                "event " + (expected - 1) + " is not the head the complaint row records");
          }
          return LogVerification.intact(id, checked);
        }
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  @Override
  public Optional<Complaint> find(ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read("reading " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT state FROM nivaran_complaint WHERE id = ?")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readComplaint(rs.getString(1))) : Optional.<Complaint>empty();
        }
      }
    });
  }

  @Override
  public List<ComplaintEvent> events(ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return jdbc.read("reading the events of " + id, c -> {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT payload FROM nivaran_event WHERE complaint_id = ? ORDER BY sequence")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          List<ComplaintEvent> out = new ArrayList<>();
          while (rs.next()) {
            out.add(read(rs.getString(1), ComplaintEvent.class));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  @Override
  public Optional<Complaint> findByIdempotencyKey(String key, String fingerprint) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    return jdbc.read("reading idempotency key " + key, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT i.fingerprint, i.complaint_id, c.state FROM nivaran_idempotency i "
          + "LEFT JOIN nivaran_complaint c ON c.id = i.complaint_id WHERE i.idempotency_key = ?")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.<Complaint>empty();
          }
          if (!rs.getString(1).equals(fingerprint)) {
            throw new IdempotencyConflictException(key, ComplaintId.of(rs.getString(2)));
          }
          String state = rs.getString(3);
          return state == null ? Optional.<Complaint>empty() : Optional.of(readComplaint(state));
        }
      }
    });
  }

  @Override
  public List<Complaint> findDue(Instant at, int limit) {
    Objects.requireNonNull(at, "at");
    checkLimit(limit);
    return select("finding due complaints",
        "SELECT state FROM nivaran_complaint WHERE due_at >= ? AND due_at <= ? ORDER BY due_at, id", limit, ps -> {
          Jdbc.setInstant(ps, 1, Jdbc.MIN); // H2's index holds the rows without a deadline first
          Jdbc.setInstant(ps, 2, at);
        });
  }

  /**
   * Claims due complaints for this sweeper: in one transaction, selects the due rows no other
   * sweeper holds ({@code FOR UPDATE SKIP LOCKED}, and no unexpired claim), earliest deadline
   * first, and marks them claimed for {@code lease} from now by the database's clock (whatever
   * instant the sweep is for). Appending to a complaint ends its claim; a complaint the sweeper
   * claims but leaves alone (not due after all, or failed) stays claimed until the lease ends.
   *
   * @param at the sweep's instant
   * @param limit the most to claim, at least 1
   * @param lease how long the claim keeps other sweepers away, positive
   * @return the claimed complaints
   */
  @Override
  public List<Complaint> claimDue(Instant at, int limit, Duration lease) {
    Objects.requireNonNull(at, "at");
    checkLimit(limit);
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive (was " + lease + ")");
    }
    return jdbc.inTransaction("claiming due complaints", c -> {
      List<String> ids = new ArrayList<>();
      List<Complaint> claimed = new ArrayList<>();
      // H2 locks every matching row before it sorts and limits, so there the due index's order
      // stands in for ORDER BY (and the batch is sorted below); PostgreSQL locks only what it returns.
      // Leases run on the database's clock, not the sweep's instant, so a catch-up sweep or a node
      // whose clock lags still keeps the others away for the whole lease.
      String sql = dialect == Dialect.H2
          ? "SELECT id, state FROM nivaran_complaint USE INDEX (nivaran_complaint_due) WHERE due_at >= ? AND due_at <= ? "
              + "AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP) FETCH FIRST ? ROWS ONLY "
              + "FOR UPDATE SKIP LOCKED"
          : "SELECT id, state FROM nivaran_complaint WHERE due_at >= ? AND due_at <= ? "
              + "AND (claimed_until IS NULL OR claimed_until <= CURRENT_TIMESTAMP) ORDER BY due_at, id LIMIT ? "
              + "FOR UPDATE SKIP LOCKED";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Jdbc.setInstant(ps, 1, Jdbc.MIN);
        Jdbc.setInstant(ps, 2, at);
        ps.setInt(3, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            claimed.add(readComplaint(rs.getString(2)));
          }
        }
      }
      for (int from = 0; from < ids.size(); from += IN_LIST) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
        String until = dialect == Dialect.H2
            ? "DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP)" : "CURRENT_TIMESTAMP + make_interval(secs => ?)";
        try (PreparedStatement ps = c.prepareStatement("UPDATE nivaran_complaint SET claimed_until = " + until
            + " WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
          if (dialect == Dialect.H2) {
            ps.setLong(1, lease.toMillis());
          } else {
            ps.setDouble(1, lease.toNanos() / 1e9);
          }
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 2, chunk.get(i));
          }
          ps.executeUpdate();
        }
      }
      claimed.sort(Comparator.comparing((Complaint x) -> x.dueAt().orElseThrow()).thenComparing(Complaint::id));
      return List.copyOf(claimed);
    });
  }

  @Override
  public List<Complaint> findFlagged(ComplaintFlag flag, int limit) {
    Objects.requireNonNull(flag, "flag");
    checkLimit(limit);
    return select("finding complaints flagged " + flag, "SELECT state FROM nivaran_complaint WHERE " + flagColumn(flag)
        + " AND is_open ORDER BY registered_at, id", limit, ps -> {});
  }

  @Override
  public List<Complaint> findPendingAt(PostId post, int limit) {
    Objects.requireNonNull(post, "post");
    checkLimit(limit);
    return select("finding complaints pending at " + post, "SELECT state FROM nivaran_complaint WHERE post_code = ? "
        + "AND is_open ORDER BY registered_at, id", limit, ps -> ps.setString(1, post.code()));
  }

  // ---------------------------------------------------------------------------------------------
  // Work lists

  @Override
  public Page<Complaint> pendingAt(PostId post, PageRequest page) {
    Objects.requireNonNull(post, "post");
    return page("the pending list of " + post, "post_code = ? AND is_open", "registered_at", false, page,
        ps -> ps.setString(1, post.code()), 1);
  }

  @Override
  public Page<Complaint> overdue(Instant at, PageRequest page) {
    Objects.requireNonNull(at, "at");
    return page("the overdue list", "due_at >= ? AND due_at <= ? AND is_open", "due_at", false, page, ps -> {
      Jdbc.setInstant(ps, 1, Jdbc.MIN);
      Jdbc.setInstant(ps, 2, at);
    }, 2);
  }

  @Override
  public Page<Complaint> byStatus(Status status, String jurisdictionCode, PageRequest page) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return page("complaints " + status + " in " + jurisdictionCode, "jurisdiction_code = ? AND status = ?",
        "registered_at", false, page, ps -> {
          ps.setString(1, jurisdictionCode);
          ps.setString(2, status.name());
        }, 2);
  }

  @Override
  public Page<Complaint> byCitizen(PhoneNumber phone, PageRequest page) {
    Objects.requireNonNull(phone, "phone");
    return page("the complaints of a citizen", "citizen_phone = ?", "registered_at", true, page,
        ps -> ps.setString(1, phone.e164()), 1);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Page<Complaint> page(String what, String where, String sortColumn, boolean newestFirst, PageRequest page,
      Binder binder, int parameters) {
    Objects.requireNonNull(page, "page");
    String cmp = newestFirst ? "<" : ">";
    String dir = newestFirst ? " DESC" : "";
    String sql = "SELECT " + sortColumn + ", id, state FROM nivaran_complaint WHERE " + where
        + (page.after().isPresent() ? " AND (" + sortColumn + ", id) " + cmp + " (?, ?)" : "")
        + " ORDER BY " + sortColumn + dir + ", id" + dir + " " + limitClause();
    return jdbc.read("reading " + what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        int i = parameters + 1;
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
            items.add(readComplaint(rs.getString(3)));
            last = new PageCursor(Jdbc.getInstant(rs, sortColumn), ComplaintId.of(rs.getString(2)));
          }
        }
        return new Page<>(items, Optional.<PageCursor>empty());
      }
    });
  }

  private List<Complaint> select(String what, String sql, int limit, Binder binder) {
    return jdbc.read(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql + " " + limitClause())) {
        binder.bind(ps);
        ps.setInt((int) sql.chars().filter(ch -> ch == '?').count() + 1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          List<Complaint> out = new ArrayList<>();
          while (rs.next()) {
            out.add(readComplaint(rs.getString(1)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  private String limitClause() {
    return dialect == Dialect.H2 ? "FETCH FIRST ? ROWS ONLY" : "LIMIT ?";
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private Complaint readComplaint(String text) {
    return read(text, Complaint.class);
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read: " + e.getMessage(), e);
    }
  }

}
