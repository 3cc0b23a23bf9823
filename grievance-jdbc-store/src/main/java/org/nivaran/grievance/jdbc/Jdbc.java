package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

/** Transactions on a data source: a connection per call, never held between calls. */
final class Jdbc {
  /** The SQL state of a unique-key violation, in PostgreSQL and H2 alike. */
  static final String UNIQUE_VIOLATION = "23505";
  /** The latest instant a column holds: 9999-12-31, beyond which no deadline is meaningful. */
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");
  /** The earliest instant a column holds; a lower bound that keeps H2 off the rows with none. */
  static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

  private final DataSource dataSource;
  /** The database's {@link H2WriteLock}, found at the first transaction. */
  private volatile Lock writeLock;

  Jdbc(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Work done on one connection inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in a transaction: commits what it returns, rolls back if it throws (a
   * {@link SQLException} becomes a {@link JdbcStoreException} naming the operation; a runtime
   * exception propagates as it is). On H2 on files, one transaction at a time in this JVM
   * ({@link H2WriteLock}).
   */
  <T> T inTransaction(String operation, Work<T> work) {
    Lock lock = writeLock(operation);
    lock.lock();
    try {
      return transaction(operation, work);
    } finally {
      lock.unlock();
    }
  }

  private Lock writeLock(String operation) {
    Lock lock = writeLock;
    if (lock == null) {
      lock = read(operation, H2WriteLock::of);
      writeLock = lock;
    }
    return lock;
  }

  private <T> T transaction(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        restore(c, auto);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  /** Runs read-only work on a connection in auto-commit mode. */
  <T> T read(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restore(Connection c, boolean auto) {
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(auto);
      }
    } catch (SQLException ignored) {
      // a broken connection goes back to the pool, which discards it
    }
  }

  /**
   * The distinct tenants of a table, in order, by one index seek per tenant on the primary key the
   * tenant leads ({@code SELECT MIN(tenant_id) ... WHERE tenant_id > ?}), rather than a scan of
   * every row.
   */
  static List<String> tenants(Connection c, String table) throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(tenant_id) FROM " + table + " WHERE tenant_id > ?")) {
      String after = "";
      while (true) {
        ps.setString(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          String next = rs.next() ? rs.getString(1) : null;
          if (next == null) {
            return tenants;
          }
          tenants.add(next);
          after = next;
        }
      }
    }
  }

  /** {@code n} comma-separated parameter markers, for an {@code IN (...)} list. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
    if (at == null) {
      ps.setObject(i, null);
    } else {
      Instant clamped = at.isAfter(MAX) ? MAX : at.isBefore(MIN) ? MIN : at;
      ps.setObject(i, OffsetDateTime.ofInstant(clamped, ZoneOffset.UTC));
    }
  }

  /** The clock's instant, in the microseconds both databases store. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
