package org.nivaran.grievance.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for the starter's tests, set up as grievance-jdbc-store's tests do: a fresh in-memory H2,
 * or a schema of its own in the PostgreSQL named by {@code NIVARAN_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code NIVARAN_PG_USER}, default {@code postgres}).
 * When PostgreSQL cannot be reached its tests are skipped, naming how to enable them; with
 * {@code CI=true} they fail instead.
 */
final class TestDatabases {
  static final String PG_URL = System.getenv().getOrDefault("NIVARAN_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = System.getenv().getOrDefault("NIVARAN_PG_USER", "postgres");
  static final String PG_PASSWORD = System.getenv().getOrDefault("NIVARAN_PG_PASSWORD", "");

  private TestDatabases() {}

  /** A JDBC URL of a new in-memory H2 database that lives until the JVM ends. */
  static String h2Url() {
    return "jdbc:h2:mem:nivaran-boot-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }

  /** Creates a new schema in PostgreSQL (skipping or failing the test when it is unreachable). */
  static String createPostgresSchema() {
    requirePostgres();
    String schema = "nivaran_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /** The JDBC URL of PostgreSQL with a schema as the current one. */
  static String postgresUrl(String schema) {
    return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropPostgresSchema(String schema) {
    if (schema != null) {
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

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
}
