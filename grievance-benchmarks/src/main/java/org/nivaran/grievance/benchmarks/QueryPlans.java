package org.nivaran.grievance.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.nivaran.grievance.benchmarks.StatementCapture.Bind;
import org.nivaran.grievance.benchmarks.StatementCapture.Captured;

/**
 * The plans of the queries an operation ran ({@link StatementCapture}): on PostgreSQL
 * {@code EXPLAIN (ANALYZE, BUFFERS)} with the parameters the store bound, inside a transaction
 * that is rolled back (so a {@code FOR UPDATE} claim or any side effect leaves nothing behind); on
 * H2 its plain {@code EXPLAIN}. A sequential scan of a table with more than
 * {@value #LARGE_TABLE_ROWS} rows (PostgreSQL's {@code Seq Scan on t}; H2's {@code tableScan}) is
 * reported as a warning. Phone numbers among the bound values the plans print are masked.
 * Stateless.
 */
final class QueryPlans {
  /** A table with more rows than this should not be scanned by a per-request query. */
  static final long LARGE_TABLE_ROWS = 10_000;
  private static final Pattern PG_SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");
  /** A phone number in E.164 as PostgreSQL prints a bound parameter: masked before the plan is kept. */
  private static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}");
  private static final Pattern H2_TABLE_SCAN = Pattern.compile("(\\w+)\\.(\\w+)\\.tableScan", Pattern.CASE_INSENSITIVE);

  private QueryPlans() {}

  /**
   * The plan of one query.
   *
   * @param operation what ran it, e.g. {@code register, new caller}
   * @param sql the query
   * @param plan the plan's lines
   * @param warnings one line per sequential scan of a large table
   */
  record Plan(String operation, String sql, List<String> plan, List<String> warnings) {}

  /**
   * Explains every captured query.
   *
   * @param db the database (its data source, not the capture's)
   * @param operation what ran the queries
   * @param queries the captured queries
   * @return a plan per query
   */
  static List<Plan> explain(BenchDatabase db, String operation, List<Captured> queries) {
    List<Plan> plans = new ArrayList<>();
    for (Captured q : queries) {
      plans.add(explain(db.dataSource(), db.isPostgres(), operation, q));
    }
    return plans;
  }

  private static Plan explain(DataSource ds, boolean postgres, String operation, Captured q) {
    String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + q.sql();
    List<String> lines = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(explain)) {
        for (Bind b : q.binds()) {
          b.replay(ps);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            for (String line : rs.getString(1).split("\n")) {
              lines.add(masked(line));
            }
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
      return new Plan(operation, q.sql(), List.copyOf(lines), warnings(c, postgres, lines));
    } catch (SQLException e) {
      throw new IllegalStateException("could not explain the query of " + operation + ": " + q.sql(), e);
    }
  }

  /** The line with every phone number masked but its last 4 digits, e.g. {@code +********1111}. */
  static String masked(String line) {
    return PHONE.matcher(line).replaceAll(m -> {
      String digits = m.group().substring(1);
      return Matcher.quoteReplacement("+" + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4));
    });
  }

  private static List<String> warnings(Connection c, boolean postgres, List<String> plan) throws SQLException {
    List<String> warnings = new ArrayList<>();
    for (String line : plan) {
      Matcher m = (postgres ? PG_SEQ_SCAN : H2_TABLE_SCAN).matcher(line);
      while (m.find()) {
        String table = postgres ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT);
        long rows = rows(c, table);
        if (rows > LARGE_TABLE_ROWS) {
          warnings.add(String.format(Locale.ROOT, "WARNING: sequential scan of %s (%,d rows): %s", table, rows,
              line.strip()));
        }
      }
    }
    return List.copyOf(warnings);
  }

  private static long rows(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
