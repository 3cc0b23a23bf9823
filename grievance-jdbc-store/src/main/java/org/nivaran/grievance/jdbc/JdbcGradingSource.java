package org.nivaran.grievance.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.report.ComplaintFacts;
import org.nivaran.grievance.report.EventLogGradingSource;
import org.nivaran.grievance.report.GradingSource;
import org.nivaran.grievance.report.GradingPeriod;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The {@link GradingSource} of the JDBC store: one SQL statement computes every complaint's
 * {@link ComplaintFacts} for a period from the event rows' marks (see
 * {@link org.nivaran.grievance.report.EventMarks}), by the rules on {@link ComplaintFacts}, and
 * gives the same answers as {@link EventLogGradingSource} replaying the same logs. No payload is
 * read and nothing is replayed in Java.
 *
 * <pre>{@code
 * GradingSource source = JdbcGradingSource.create(dataSource);
 * List<ComplaintFacts> march = source.facts(GradingPeriod.of(YearMonth.of(2024, 3), ZoneId.of("Asia/Kolkata")));
 * }</pre>
 *
 * <p>The state "at the end" of the period is read off the last event before {@link GradingPeriod#to()}
 * that marks it: the status is the status of the last event that sets one; the department and
 * level are those of the last event that moves the complaint to a post; the deadline is the one
 * the last event that sets or clears the SLA clock leaves. The answer is the last reply filed
 * before the end, or else the closing event; the deadline in force just before it is that of the
 * last clock change with a lower sequence. The first-response deadline is the one the
 * {@code FirstResponseDueSet} row records in its {@code deadline_at} (a complaint has at most one),
 * and the first contact is the earliest {@code ContactRecorded} row after it. The store writes
 * events in time order (an event is
 * never stamped before the one it follows), so "the events before {@code to}" are a prefix of
 * each log, as the replay reads it.
 *
 * <p>Cost: one statement, so the figures come from one snapshot of the database. It reads
 * <ul>
 *   <li>the complaint rows registered before {@code to} that are open now or were changed at or
 *       after {@code from} (a complaint closed before the period and untouched since counts for
 *       nothing): for the latest month, the open backlog and that month's complaints; for an older
 *       month, also every complaint changed since;
 *   <li>each such complaint's event rows before {@code to}, once, grouped by complaint;
 *   <li>per complaint, up to five more event rows by primary key (those whose marks give its state
 *       at the end, its closing and its answer) and, if it was ever closed, rejected or withdrawn,
 *       one short primary-key range (the last clock change before its answer).
 * </ul>
 * On PostgreSQL the primary key's index carries the marks, so all of this is read from that
 * index and the complaint rows, never from the event table's heap with its payloads. H2 has no
 * such index; it reads the event rows before {@code to} from the table. The list is built in
 * memory, one small record per counting complaint.
 *
 * <p>Instants are compared at the database's precision (microseconds in PostgreSQL): a log whose
 * instants carry nanoseconds may fall on the other side of a bound than in memory.
 *
 * <p>A source grades one tenant ({@link #create(DataSource, TenantId)}); no complaint or event of
 * another tenant is read.
 *
 * <p>Thread-safe: it holds only the data source and the tenant; each call takes a connection and gives it back.
 */
public final class JdbcGradingSource implements GradingSource {
  private static final Set<Status> DISPOSED = EnumSet.of(Status.CLOSED, Status.REJECTED);
  private static final Set<Status> WAITING_ON_POST =
      EnumSet.of(Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED, Status.REOPENED);

  /**
   * The grading query, with {@code :from} and {@code :to} for the period's bounds and
   * {@code :tenant} for the tenant graded. The status
   * and type names are written in from the enum and the event classes, as the store writes them.
   * Nested derived tables, not {@code WITH}: H2 2.3 reuses a common table expression's rows when
   * a prepared statement runs again with other parameters (h2database issue 4228).
   */
  private static final String QUERY = """
      SELECT a.id, a.jurisdiction_code, a.registered_at, st.status_after AS status,
        po.department_code, po.level,
        CASE WHEN st.status_after IN (%2$s) AND cl.occurred_at >= :from THEN cl.occurred_at END AS disposed_at,
        CASE WHEN st.status_after IN (%2$s) AND cl.occurred_at >= :from AND a.escalated = 0
            AND (ad.deadline_at IS NULL OR an.occurred_at < ad.deadline_at) THEN TRUE ELSE FALSE END AS within_sla,
        CASE WHEN st.status_after IN (%3$s) AND ck.deadline_at <= :to THEN TRUE ELSE FALSE END AS beyond_sla,
        a.replies, a.returns, a.satisfied, a.dissatisfied, a.reopens,
        CASE WHEN a.first_response_due_at >= :from AND a.first_response_due_at < :to THEN TRUE ELSE FALSE END
          AS first_response_due,
        CASE WHEN a.first_response_due_at >= :from AND a.first_response_due_at < :to
            AND a.first_contact_at <= a.first_response_due_at THEN TRUE ELSE FALSE END AS first_response_in_time
      FROM (
        SELECT s.*, COALESCE(s.reply_seq, s.closing_seq) AS answer_seq,
          CASE WHEN s.first_response_seq IS NOT NULL THEN
            (SELECT MIN(x.occurred_at) FROM nivaran_event x
              WHERE x.tenant_id = :tenant AND x.complaint_id = s.id AND x.type = %12$s AND x.sequence > s.first_response_seq AND x.occurred_at < :to)
          END AS first_contact_at,
          CASE WHEN s.closing_seq IS NOT NULL THEN
            (SELECT MAX(x.sequence) FROM nivaran_event x
              WHERE x.tenant_id = :tenant AND x.complaint_id = s.id AND x.clock_changed AND x.sequence < COALESCE(s.reply_seq, s.closing_seq))
          END AS answer_clock_seq
        FROM (
          SELECT k.id, k.jurisdiction_code, k.registered_at,
            MAX(CASE WHEN e.status_after IS NOT NULL THEN e.sequence END) AS status_seq,
            MAX(CASE WHEN e.post_code IS NOT NULL THEN e.sequence END) AS post_seq,
            MAX(CASE WHEN e.clock_changed THEN e.sequence END) AS clock_seq,
            MAX(CASE WHEN e.status_after IN (%1$s) THEN e.sequence END) AS closing_seq,
            MAX(CASE WHEN e.type = %4$s THEN e.sequence END) AS reply_seq,
            MAX(CASE WHEN e.type = %5$s THEN 1 ELSE 0 END) AS escalated,
            SUM(CASE WHEN e.occurred_at >= :from THEN 1 ELSE 0 END) AS in_period,
            SUM(CASE WHEN e.occurred_at >= :from AND e.type = %4$s THEN 1 ELSE 0 END) AS replies,
            SUM(CASE WHEN e.occurred_at >= :from AND e.type = %6$s THEN 1 ELSE 0 END) AS returns,
            SUM(CASE WHEN e.occurred_at >= :from AND e.type = %7$s THEN 1 ELSE 0 END) AS satisfied,
            SUM(CASE WHEN e.occurred_at >= :from AND e.type = %8$s THEN 1 ELSE 0 END) AS dissatisfied,
            SUM(CASE WHEN e.occurred_at >= :from AND e.type IN (%8$s, %9$s) THEN 1 ELSE 0 END) AS reopens,
            MAX(CASE WHEN e.type = %11$s THEN e.sequence END) AS first_response_seq,
            MAX(CASE WHEN e.type = %11$s THEN e.deadline_at END) AS first_response_due_at
          FROM nivaran_complaint k
          JOIN nivaran_event e ON e.tenant_id = k.tenant_id AND e.complaint_id = k.id
          WHERE k.tenant_id = :tenant AND k.registered_at < :to AND (k.is_open OR k.updated_at >= :from) AND e.occurred_at < :to
          GROUP BY k.id, k.jurisdiction_code, k.registered_at
        ) s
      ) a
      JOIN nivaran_event st ON st.tenant_id = :tenant AND st.complaint_id = a.id AND st.sequence = a.status_seq
      LEFT JOIN nivaran_event po ON po.tenant_id = :tenant AND po.complaint_id = a.id AND po.sequence = a.post_seq
      LEFT JOIN nivaran_event ck ON ck.tenant_id = :tenant AND ck.complaint_id = a.id AND ck.sequence = a.clock_seq
      LEFT JOIN nivaran_event cl ON cl.tenant_id = :tenant AND cl.complaint_id = a.id AND cl.sequence = a.closing_seq
      LEFT JOIN nivaran_event an ON an.tenant_id = :tenant AND an.complaint_id = a.id AND an.sequence = a.answer_seq
      LEFT JOIN nivaran_event ad ON ad.tenant_id = :tenant AND ad.complaint_id = a.id AND ad.sequence = a.answer_clock_seq
      WHERE st.status_after IN (%10$s) OR a.in_period > 0
      ORDER BY a.id
      """.formatted(
          statuses(Arrays.stream(Status.values()).filter(s -> !s.isOpen())),
          statuses(DISPOSED.stream()),
          statuses(WAITING_ON_POST.stream()),
          type(ComplaintEvent.ResolutionFiled.class),
          type(ComplaintEvent.ComplaintEscalated.class),
          type(ComplaintEvent.ReplyReturned.class),
          type(ComplaintEvent.CitizenSatisfied.class),
          type(ComplaintEvent.CitizenDissatisfied.class),
          type(ComplaintEvent.ComplaintReopened.class),
          statuses(Arrays.stream(Status.values()).filter(Status::isOpen)),
          type(ComplaintEvent.FirstResponseDueSet.class),
          type(ComplaintEvent.ContactRecorded.class));

  private static final Pattern BOUND = Pattern.compile(":(from|to|tenant)\\b");
  /** The statement with {@code ?} markers. */
  private static final String SQL = BOUND.matcher(QUERY).replaceAll("?");
  /** For each marker in order, the name of what it takes: {@code from}, {@code to} or {@code tenant}. */
  private static final List<String> MARKERS = markers();

  private final Jdbc jdbc;
  private final TenantId tenant;

  private JdbcGradingSource(DataSource dataSource, TenantId tenant) {
    this.jdbc = new Jdbc(dataSource);
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    jdbc.read("reading the database product", Dialect::of);
  }

  /**
   * A source on a data source whose schema is installed and whose events were written by
   * {@link JdbcComplaintStore}, grading the {@linkplain TenantId#DEFAULT default tenant}.
   *
   * @param dataSource a PostgreSQL or H2 data source
   * @return the source
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   * @throws JdbcStoreException if the database cannot be reached
   */
  public static JdbcGradingSource create(DataSource dataSource) {
    return create(dataSource, TenantId.DEFAULT);
  }

  /**
   * A source of one tenant's facts: it grades only that tenant's complaints (every table the query
   * reads is filtered by the tenant, so it reads one range of indexes the tenant leads). To grade
   * a whole state held as several tenants, grade each tenant and put the lists together.
   *
   * @param dataSource a PostgreSQL or H2 data source
   * @param tenant whose complaints
   * @return the source
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   * @throws JdbcStoreException if the database cannot be reached
   */
  public static JdbcGradingSource create(DataSource dataSource, TenantId tenant) {
    return new JdbcGradingSource(Objects.requireNonNull(dataSource, "dataSource"), tenant);
  }

  /**
   * The facts of every complaint that counts for a period, sorted by complaint id, by one query.
   *
   * @param period the period
   * @return the facts, one per complaint
   * @throws JdbcStoreException if the database fails
   */
  @Override
  public List<ComplaintFacts> facts(GradingPeriod period) {
    Objects.requireNonNull(period, "period");
    return jdbc.read("grading the period " + period.from() + " to " + period.to(), c -> {
      try (PreparedStatement ps = c.prepareStatement(SQL)) {
        for (int i = 0; i < MARKERS.size(); i++) {
          switch (MARKERS.get(i)) {
            case "from" -> Jdbc.setInstant(ps, i + 1, period.from());
            case "to" -> Jdbc.setInstant(ps, i + 1, period.to());
            default -> ps.setString(i + 1, tenant.value());
          }
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<ComplaintFacts> facts = new ArrayList<>();
          while (rs.next()) {
            facts.add(facts(rs));
          }
          return List.copyOf(facts);
        }
      }
    });
  }

  private static ComplaintFacts facts(ResultSet rs) throws SQLException {
    int level = rs.getInt("level");
    Optional<Level> atLevel = rs.wasNull() ? Optional.empty() : Optional.of(Level.of(level));
    return new ComplaintFacts(
        ComplaintId.of(rs.getString("id")),
        rs.getString("jurisdiction_code"),
        Optional.ofNullable(rs.getString("department_code")),
        atLevel,
        Jdbc.getInstant(rs, "registered_at"),
        Status.valueOf(rs.getString("status")),
        Optional.ofNullable(Jdbc.getInstant(rs, "disposed_at")),
        rs.getBoolean("within_sla"),
        rs.getBoolean("beyond_sla"),
        rs.getInt("replies"),
        rs.getInt("returns"),
        rs.getInt("satisfied"),
        rs.getInt("dissatisfied"),
        rs.getInt("reopens"),
        rs.getBoolean("first_response_due"),
        rs.getBoolean("first_response_in_time"));
  }

  private static String statuses(Stream<Status> statuses) {
    return statuses.map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
  }

  /** The type column of an event class, as {@link JdbcComplaintStore} writes it. */
  private static String type(Class<? extends ComplaintEvent> event) {
    return "'" + event.getSimpleName() + "'";
  }

  private static List<String> markers() {
    List<String> markers = new ArrayList<>();
    Matcher m = BOUND.matcher(QUERY);
    while (m.find()) {
      markers.add(m.group(1));
    }
    return List.copyOf(markers);
  }
}
