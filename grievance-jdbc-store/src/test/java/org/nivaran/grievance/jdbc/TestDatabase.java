package org.nivaran.grievance.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database with the Nivaran schema for one test class: an H2 in-memory database, or a new
 * schema in the PostgreSQL named by {@code NIVARAN_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code NIVARAN_PG_USER}, default
 * {@code postgres}), dropped on {@link #close()}.
 *
 * <p>When PostgreSQL cannot be reached, its tests are skipped with a message saying how to enable
 * them; with {@code CI=true} they fail instead, so CI never passes without them.
 */
final class TestDatabase implements AutoCloseable {
  static final String PG_URL = System.getenv().getOrDefault("NIVARAN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = System.getenv().getOrDefault("NIVARAN_PG_USER", "postgres");
  static final String PG_PASSWORD = System.getenv().getOrDefault("NIVARAN_PG_PASSWORD", "");

  /** The databases a test can run on. */
  enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final HikariDataSource dataSource;
  private final String schema;

  private TestDatabase(Kind kind, HikariDataSource dataSource, String schema) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.schema = schema;
  }

  static TestDatabase create(Kind kind) {
    return create(kind, 10);
  }

  static TestDatabase create(Kind kind, int poolSize) {
    return kind == Kind.H2 ? h2(poolSize) : postgres(poolSize);
  }

  /** A database of the kind with the schema in a layout. */
  static TestDatabase create(Kind kind, int poolSize, SchemaLayout layout) {
    return installed(blank(kind, poolSize), layout);
  }

  static TestDatabase h2(int poolSize) {
    return installed(blank(Kind.H2, poolSize), SchemaLayout.PLAIN);
  }

  static TestDatabase postgres(int poolSize) {
    return installed(blank(Kind.POSTGRESQL, poolSize), SchemaLayout.PLAIN);
  }

  private static TestDatabase installed(TestDatabase db, SchemaLayout layout) {
    try {
      SchemaInstaller.install(db.dataSource, layout);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** A fresh database of the kind with no schema installed (for the tests of installing and upgrading it). */
  static TestDatabase blank(Kind kind, int poolSize) {
    return kind == Kind.H2 ? blankH2(poolSize) : blankPostgres(poolSize);
  }

  private static TestDatabase blankH2(int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:nivaran-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    config.setMaximumPoolSize(poolSize);
    return new TestDatabase(Kind.H2, new HikariDataSource(config), null);
  }

  private static TestDatabase blankPostgres(int poolSize) {
    requirePostgres();
    String schema = "nivaran_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the test schema " + schema, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    config.setUsername(PG_USER);
    config.setPassword(PG_PASSWORD);
    config.setMaximumPoolSize(poolSize);
    return new TestDatabase(Kind.POSTGRESQL, new HikariDataSource(config), schema);
  }

  /**
   * Skips the calling test when PostgreSQL is unreachable, or fails it when {@code CI=true}.
   */
  static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.isValid(2);
    } catch (SQLException e) {
      String why = "PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER + " (" + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + "; CI=true requires the PostgreSQL tests to run (see DEVELOPERS.md)");
      }
      Assumptions.abort(why + "; PostgreSQL tests skipped. To run them, start PostgreSQL on 127.0.0.1:5432 "
          + "with a database 'test' for user 'postgres', or set NIVARAN_PG_URL / NIVARAN_PG_USER / NIVARAN_PG_PASSWORD "
          + "(see DEVELOPERS.md)");
    }
  }

  /** A small pool (2 connections) on a JDBC URL of a test's own, for the tests of one database setting. */
  static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  Kind kind() {
    return kind;
  }

  /**
   * A store on this database: on H2, which the tests keep in memory, built with
   * {@code allowNonDurable} (the database is dropped after the test); on PostgreSQL with the
   * durability check, as a host builds it.
   */
  JdbcComplaintStore store() {
    return store(dataSource);
  }

  /** A store on a data source that wraps this database's (one recording or killing statements). */
  JdbcComplaintStore store(DataSource over) {
    return builder(over).build();
  }

  /** A store's builder on this database, for settings of its own (keys); on H2 without the durability check. */
  JdbcComplaintStore.Builder builder() {
    return builder(dataSource);
  }

  /** A store's builder on a data source over this database; on H2 without the durability check. */
  JdbcComplaintStore.Builder builder(DataSource over) {
    JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(over);
    if (kind == Kind.H2) {
      builder.allowNonDurable(IN_MEMORY);
    }
    return builder;
  }

  /** Why the tests' stores on H2 in memory are built without the durability check. */
  static final String IN_MEMORY = "a test database in memory, dropped after the test";

  /** The JDBC URL of this database's pool (for PostgreSQL, with the test schema as currentSchema). */
  String jdbcUrl() {
    return dataSource.getJdbcUrl();
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** A connection of the pool for a test to hold on purpose (a lock, an open transaction). */
  Connection rawConnection() throws SQLException {
    return dataSource.getConnection();
  }

  /** The single number a query such as {@code SELECT COUNT(*) ...} returns. */
  static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Takes a connection out of the pool for good (it is closed when given back). */
  void evict(Connection pooled) {
    dataSource.evictConnection(pooled);
  }

  @Override
  public void close() {
    dataSource.close();
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test schema " + schema, e);
      }
    }
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
