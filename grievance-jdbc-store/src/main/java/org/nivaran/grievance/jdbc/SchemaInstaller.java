package org.nivaran.grievance.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the store's tables, for a host that runs no migration tool (the embedded H2 case).
 *
 * <p>The schema ships in the jar as versioned files named for Flyway:
 * {@code db/nivaran/postgresql/V1__nivaran_store.sql} and {@code db/nivaran/h2/V1__nivaran_store.sql}.
 * A host that runs Flyway adds {@code classpath:db/nivaran/postgresql} (or {@code h2}) to its
 * locations and never calls this class. Otherwise {@link #install} runs each version not yet
 * applied, in one transaction per version, and records it in {@code nivaran_schema_history}, so
 * calling it at every start-up is safe.
 *
 * <pre>{@code
 * SchemaInstaller.install(dataSource);   // creates the tables on first start, then does nothing
 * }</pre>
 *
 * <p>Thread-safe; two nodes installing at once may both try a version, and one then fails on the
 * existing tables with nothing changed, so install from one node (or use Flyway) in a cluster.
 */
public final class SchemaInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
  /** The schema versions, in order; each is {@code V<n>__<name>.sql} in the dialect's folder. */
  private static final List<String> VERSIONS = List.of("V1__nivaran_store.sql");

  private SchemaInstaller() {}

  /**
   * Applies the schema versions the database does not have yet.
   *
   * @param dataSource the database, PostgreSQL or H2
   * @return the file names applied now; empty if the schema was up to date
   * @throws JdbcStoreException if a statement fails (that version's changes are rolled back)
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   */
  public static List<String> install(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Jdbc jdbc = new Jdbc(dataSource);
    return jdbc.inTransaction("installing the Nivaran schema", c -> {
      Dialect dialect = Dialect.of(c);
      createHistory(c);
      List<String> applied = new ArrayList<>();
      for (String version : VERSIONS) {
        if (!isApplied(c, version)) {
          for (String statement : statements(resource(dialect, version))) {
            try (Statement s = c.createStatement()) {
              s.execute(statement);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO nivaran_schema_history (version, installed_at) VALUES (?, ?)")) {
            ps.setString(1, version);
            Jdbc.setInstant(ps, 2, Instant.now());
            ps.executeUpdate();
          }
          applied.add(version);
          LOG.info("Nivaran schema {} installed ({})", version, dialect);
        }
      }
      return List.copyOf(applied);
    });
  }

  /**
   * The schema file of a version for a database, as shipped in the jar.
   *
   * @param database {@code "postgresql"} or {@code "h2"}
   * @param fileName e.g. {@code "V1__nivaran_store.sql"}
   * @return the file's text
   * @throws IllegalArgumentException if there is no such file
   */
  public static String schemaFile(String database, String fileName) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(fileName, "fileName");
    return resource(Dialect.valueOf(database.toUpperCase(Locale.ROOT)), fileName);
  }

  private static void createHistory(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) { // in the connection's current schema, whatever others hold
      s.execute("CREATE TABLE IF NOT EXISTS nivaran_schema_history ("
          + "version VARCHAR(100) PRIMARY KEY, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
  }

  private static boolean isApplied(Connection c, String version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM nivaran_schema_history WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static String resource(Dialect dialect, String fileName) {
    String path = "db/nivaran/" + dialect.folder() + "/" + fileName;
    try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema file " + path + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  /** Splits a schema file into statements: comment lines dropped, split at each line ending in ';'. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        out.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalArgumentException("the schema file ends without ';' after: " + current.toString().strip());
    }
    return out;
  }
}
