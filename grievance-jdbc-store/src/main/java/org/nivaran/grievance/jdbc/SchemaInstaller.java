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
 * Creates the store's tables, and upgrades them, for a host that runs no migration tool (the
 * embedded H2 case).
 *
 * <p>The schema ships in the jar as versioned files named for Flyway, one folder per database and
 * {@linkplain SchemaLayout layout}: {@code db/nivaran/postgresql}, {@code db/nivaran/h2} and
 * {@code db/nivaran/postgresql-partitioned}, each with {@code V1__nivaran_store.sql} and
 * {@code V2__nivaran_tenants.sql}. A host that runs Flyway adds one folder to its locations and
 * never calls this class. Otherwise {@link #install} runs each version not yet applied, in one
 * transaction per version, and records it in {@code nivaran_schema_history}, so calling it at every
 * start-up is safe.
 *
 * <p>Version 2 brings tenants: on a database installed at version 1 it migrates the tables in
 * place, and every existing row becomes the {@linkplain org.nivaran.grievance.tenant.TenantId#DEFAULT
 * default tenant}; the store then reads, audits and appends to them as before. On PostgreSQL the
 * upgrade is one transaction; H2 commits each DDL statement as it runs, so an upgrade that fails
 * half-way there is not rolled back: back an H2 database that holds data up before upgrading.
 *
 * <pre>{@code
 * SchemaInstaller.install(dataSource);   // creates the tables on first start, upgrades them later, else does nothing
 * SchemaInstaller.install(dataSource, SchemaLayout.PARTITIONED_BY_TENANT);   // PostgreSQL, many tenants
 * }</pre>
 *
 * <p>Thread-safe; two nodes installing at once may both try a version, and one then fails on the
 * existing tables with nothing changed, so install from one node (or use Flyway) in a cluster.
 */
public final class SchemaInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaInstaller.class);
  /** The schema versions, in order; each is {@code V<n>__<name>.sql} in the layout's folder. */
  private static final List<String> VERSIONS = List.of("V1__nivaran_store.sql", "V2__nivaran_tenants.sql");

  private SchemaInstaller() {}

  /**
   * Applies the schema versions the database does not have yet, in the {@linkplain SchemaLayout#PLAIN
   * plain} layout.
   *
   * @param dataSource the database, PostgreSQL or H2
   * @return the file names applied now; empty if the schema was up to date
   * @throws JdbcStoreException if a statement fails (that version's changes are rolled back)
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2, or holds the
   *     partitioned layout
   */
  public static List<String> install(DataSource dataSource) {
    return install(dataSource, SchemaLayout.PLAIN);
  }

  /**
   * Applies the schema versions of a layout that the database does not have yet.
   *
   * @param dataSource the database: PostgreSQL, or H2 for the plain layout
   * @param layout how to lay out the tables; a database keeps the layout it was first installed with
   * @return the file names applied now; empty if the schema was up to date
   * @throws JdbcStoreException if a statement fails (that version's changes are rolled back)
   * @throws IllegalArgumentException naming the layout, if the database does not offer it (the
   *     partitioned layout on H2) or already holds the other layout; or if the database is neither
   *     PostgreSQL nor H2
   */
  public static List<String> install(DataSource dataSource, SchemaLayout layout) {
    return installUpTo(dataSource, layout, VERSIONS.get(VERSIONS.size() - 1));
  }

  /**
   * Applies the versions of a layout up to and including {@code last}: for the tests of the
   * upgrade from an older version.
   */
  static List<String> installUpTo(DataSource dataSource, SchemaLayout layout, String last) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(layout, "layout");
    if (!VERSIONS.contains(last)) {
      throw new IllegalArgumentException("no schema version " + last + " (the versions are " + VERSIONS + ")");
    }
    Jdbc jdbc = new Jdbc(dataSource);
    return jdbc.inTransaction("installing the Nivaran schema", c -> {
      Dialect dialect = Dialect.of(c);
      String folder = layout.folder(dialect);
      createHistory(c);
      for (SchemaLayout other : SchemaLayout.values()) {
        if (other != layout && isApplied(c, other.historyName(VERSIONS.get(0)))) {
          throw new IllegalArgumentException("the database holds the Nivaran schema in the layout " + other
              + "; it cannot be installed in the layout " + layout);
        }
      }
      List<String> applied = new ArrayList<>();
      for (String version : VERSIONS.subList(0, VERSIONS.indexOf(last) + 1)) {
        String recorded = layout.historyName(version);
        if (!isApplied(c, recorded)) {
          for (String statement : statements(resource(folder, version))) {
            try (Statement s = c.createStatement()) {
              s.execute(statement);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO nivaran_schema_history (version, installed_at) VALUES (?, ?)")) {
            ps.setString(1, recorded);
            Jdbc.setInstant(ps, 2, Instant.now());
            ps.executeUpdate();
          }
          applied.add(version);
          LOG.info("Nivaran schema {} installed ({}, {})", version, dialect, layout);
        }
      }
      return List.copyOf(applied);
    });
  }

  /**
   * The schema file of a version for a database, as shipped in the jar.
   *
   * @param database {@code "postgresql"}, {@code "h2"} or {@code "postgresql-partitioned"}
   * @param fileName e.g. {@code "V1__nivaran_store.sql"}
   * @return the file's text
   * @throws IllegalArgumentException if there is no such file
   */
  public static String schemaFile(String database, String fileName) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(fileName, "fileName");
    if (database.equals("postgresql-partitioned")) {
      return resource(SchemaLayout.PARTITIONED_BY_TENANT.folder(Dialect.POSTGRESQL), fileName);
    }
    return resource(Dialect.valueOf(database.toUpperCase(Locale.ROOT)).folder(), fileName);
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

  private static String resource(String folder, String fileName) {
    String path = "db/nivaran/" + folder + "/" + fileName;
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
