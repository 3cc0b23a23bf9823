package org.nivaran.grievance.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.nivaran.grievance.jdbc.JdbcComplaintStore;
import org.nivaran.grievance.jdbc.SchemaInstaller;

/**
 * A fresh, empty Nivaran schema for one measurement of {@link StoreLoadHarness}, on a HikariCP
 * pool, gone again on {@link #close()}.
 *
 * <ul>
 *   <li>PostgreSQL: {@code CREATE SCHEMA nivaran_bench_<random>}, a pool whose connections have
 *       it as {@code currentSchema}, {@link SchemaInstaller#install}; {@code DROP SCHEMA ... CASCADE}
 *       on close.
 *   <li>H2 (for the harness's own test): a new in-memory database per instance, gone when its
 *       pool closes. Only {@code jdbc:h2:mem:} URLs are accepted.
 * </ul>
 *
 * <p>Not thread-safe to open or close; the data source is.
 */
final class BenchDatabase implements AutoCloseable {
  /** The Nivaran tables, parents first, in the order a copy fills them. */
  private static final List<String> TABLES =
      List.of("nivaran_id_block", "nivaran_idempotency", "nivaran_complaint", "nivaran_reference", "nivaran_event",
          "nivaran_outbox");

  private final Options options;
  private final HikariDataSource dataSource;
  private final String schema; // null for H2
  private final String product;

  private BenchDatabase(Options options, HikariDataSource dataSource, String schema) {
    this.options = options;
    this.dataSource = dataSource;
    this.schema = schema;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      dataSource.close();
      throw new IllegalStateException("could not read the database's product name", e);
    }
  }

  /**
   * Opens a fresh schema (PostgreSQL) or database (H2) with the Nivaran tables installed.
   *
   * @param options where the database is and the pool size
   * @return the open database
   */
  static BenchDatabase fresh(Options options) {
    String name = "nivaran_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(options.poolSize());
    String schema;
    if (isH2(options.url())) {
      if (!options.url().startsWith("jdbc:h2:mem:")) {
        throw new IllegalArgumentException("the harness runs on H2 in memory only (jdbc:h2:mem:), not " + options.url());
      }
      // no DB_CLOSE_DELAY: the pool's open connections keep the database, closing the pool ends it
      config.setJdbcUrl("jdbc:h2:mem:" + name + ";LOCK_TIMEOUT=10000");
      schema = null;
    } else {
      try (Connection c = admin(options); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the schema " + name + " at " + options.url(), e);
      }
      config.setJdbcUrl(options.url() + (options.url().contains("?") ? "&" : "?") + "currentSchema=" + name);
      config.setUsername(options.user());
      config.setPassword(options.password());
      schema = name;
    }
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      dropSchema(options, schema);
      throw e;
    }
    BenchDatabase db = new BenchDatabase(options, ds, schema);
    try {
      SchemaInstaller.install(ds);
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static boolean isH2(String url) {
    return url.startsWith("jdbc:h2:");
  }

  private static Connection admin(Options options) throws SQLException {
    return DriverManager.getConnection(options.url(), options.user(), options.password());
  }

  /** The pooled data source on the fresh schema. */
  DataSource dataSource() {
    return dataSource;
  }

  /**
   * A store on this database: on PostgreSQL checked for durability as a host's is (the figures are
   * of a database that keeps every acknowledged write); on H2, which the harness keeps in memory
   * for its own test, built with {@code allowNonDurable}.
   */
  JdbcComplaintStore store() {
    return store(dataSource);
  }

  /**
   * A store as {@link #store()} builds it, on a data source that wraps this database's (such as a
   * {@link StatementCapture}'s).
   *
   * @param wrapping the data source to use
   * @return the store
   */
  JdbcComplaintStore store(DataSource wrapping) {
    JdbcComplaintStore.Builder builder = JdbcComplaintStore.builder(wrapping);
    if (!isPostgres()) {
      builder.allowNonDurable("the harness's own quick check on H2 in memory, dropped when the pool closes");
    }
    return builder.build();
  }

  /**
   * A second pool on this schema for {@link Preloader} only, whose connections commit without
   * waiting for the WAL flush ({@code synchronous_commit = off}; nothing is measured through it),
   * with a store built on it with {@code allowNonDurable}; on H2 the database's own pool and store.
   *
   * @param closeables where the pool goes, for the caller to close after the preload
   * @return the store for preloading, and its data source
   */
  Loader loader(List<AutoCloseable> closeables) {
    if (!isPostgres()) {
      return new Loader(dataSource, store());
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName(schema + "_loader");
    config.setMaximumPoolSize(options.poolSize());
    config.setJdbcUrl(dataSource.getJdbcUrl());
    config.setUsername(options.user());
    config.setPassword(options.password());
    config.setConnectionInitSql("SET synchronous_commit = off");
    HikariDataSource ds = new HikariDataSource(config);
    closeables.add(ds);
    return new Loader(ds, JdbcComplaintStore.builder(ds)
        .allowNonDurable("the harness's preload: rows written before the measurements, not measured")
        .build());
  }

  /**
   * A data source and store to preload through.
   *
   * @param dataSource the loader's pool
   * @param store a store on it
   */
  record Loader(DataSource dataSource, JdbcComplaintStore store) {}

  /** Whether this is PostgreSQL (else H2). */
  boolean isPostgres() {
    return schema != null;
  }

  /** The database's product name and version, e.g. {@code PostgreSQL 15.20}. */
  String product() {
    return product;
  }

  /**
   * Copies every Nivaran row of another schema of the same PostgreSQL database into this one
   * (server-side, in one transaction) and brings the outbox's identity past the copied rows.
   *
   * @param source a schema filled by the harness
   */
  void copyFrom(BenchDatabase source) {
    if (!isPostgres() || !source.isPostgres()) {
      throw new IllegalStateException("schemas are copied on PostgreSQL only");
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String table : TABLES) {
        String overriding = table.equals("nivaran_outbox") ? " OVERRIDING SYSTEM VALUE" : "";
        s.execute("INSERT INTO " + schema + "." + table + overriding + " SELECT * FROM " + source.schema + "." + table);
      }
      s.execute("SELECT setval(pg_get_serial_sequence('" + schema + ".nivaran_outbox', 'seq'), "
          + "(SELECT COALESCE(MAX(seq), 0) + 1 FROM " + schema + ".nivaran_outbox), false)");
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not copy schema " + source.schema + " into " + schema, e);
    }
  }

  /**
   * Vacuums the Nivaran tables and refreshes their statistics (PostgreSQL; nothing on H2), so that
   * autovacuum catching up with a bulk load does not run during the measurements after it.
   */
  void vacuumAnalyze() {
    if (isPostgres()) {
      for (String table : TABLES) {
        execute("VACUUM (ANALYZE) " + table);
      }
    }
  }

  /** Refreshes the planner's statistics of the Nivaran tables (PostgreSQL; nothing on H2). */
  void analyze() {
    if (isPostgres()) {
      for (String table : TABLES) {
        execute("ANALYZE " + table);
      }
    }
  }

  /**
   * Runs one statement in auto-commit.
   *
   * @param sql the statement
   */
  void execute(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run: " + sql, e);
    }
  }

  /**
   * The first column of the first row of a query, as a number.
   *
   * @param sql a query such as {@code SELECT COUNT(*) FROM nivaran_complaint WHERE due_at <= ?}
   * @param instants the values of its parameters, in order
   * @return the value
   */
  long count(String sql, Instant... instants) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < instants.length; i++) {
        ps.setObject(i + 1, OffsetDateTime.ofInstant(instants[i], ZoneOffset.UTC));
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row from: " + sql);
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not run: " + sql, e);
    }
  }

  /**
   * The first column of the first row of a query, as an instant, or null.
   *
   * @param sql a query such as {@code SELECT MIN(due_at) FROM nivaran_complaint}
   * @return the value
   */
  Instant first(String sql) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException("could not run: " + sql, e);
    }
  }

  /** Closes the pool, and so the in-memory database (H2), and drops the schema (PostgreSQL). */
  @Override
  public void close() {
    dataSource.close();
    dropSchema(options, schema);
  }

  private static void dropSchema(Options options, String schema) {
    if (schema == null) {
      return;
    }
    try (Connection c = admin(options); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the schema " + schema + "; drop it by hand", e);
    }
  }

  @Override
  public String toString() {
    return schema != null ? schema : dataSource.getJdbcUrl();
  }
}
