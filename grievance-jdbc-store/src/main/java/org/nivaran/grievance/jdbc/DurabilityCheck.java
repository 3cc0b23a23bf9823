package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a database keeps every write the store acknowledges, read off its settings when a
 * {@link JdbcComplaintStore} is built. A store acknowledges a write when its commit returns; the
 * settings below let a database return from a commit before the commit is safe:
 *
 * <ul>
 *   <li>H2 in memory ({@code DATABASE_PATH()} is NULL for {@code jdbc:h2:mem:}, or names an
 *       in-memory file system such as {@code memFS:}): nothing outlives the database.
 *   <li>H2 on files, whatever its settings. With {@code WRITE_DELAY} above 0 (500 ms by default)
 *       a commit reaches the file up to that long after it returns, so a process killed meanwhile
 *       loses it (1,454 of 3,013 acknowledged writes in 12 kills of Nivaran's kill test); with
 *       {@code ;WRITE_DELAY=0} and the store's transactions one at a time, the kill test still
 *       found the file unreadable after one kill in about 165 ("File corrupted while reading
 *       record"), which loses every write. Both findings are named when both apply.
 *   <li>PostgreSQL with {@code fsync} off (the WAL is never forced to disk) or with
 *       {@code synchronous_commit} off for the connection (a commit returns before its WAL is
 *       flushed). The other values of {@code synchronous_commit} ({@code local},
 *       {@code remote_write}, {@code remote_apply}, {@code on}) all flush the local WAL first.
 * </ul>
 *
 * <p>Not checked: {@code full_page_writes} (off is the recommended setting on file systems that
 * never tear a page, such as ZFS), and settings a host changes on a connection after the store is
 * built (a {@code SET synchronous_commit} of its own). The check reads one connection; a pool whose
 * connections differ (an init statement on some) is checked only as far as that one shows.
 *
 * <p>PostgreSQL, with these settings, keeps a commit through a crash of the server, the operating
 * system or the power. H2 is for tests and demos, built with {@code allowNonDurable}.
 */
final class DurabilityCheck {
  /** The in-memory file systems of H2, as {@code DATABASE_PATH()} names them. */
  private static final List<String> H2_MEMORY_FILE_SYSTEMS = List.of("memfs:", "memlzf:", "niomemfs:", "niomemlzf:");

  private DurabilityCheck() {}

  /**
   * Whether an H2 database is kept in memory, as its {@code DATABASE_PATH()} says: null for a
   * {@code jdbc:h2:mem:} URL, or a path on an in-memory file system.
   */
  static boolean inMemory(String databasePath) {
    String lower = databasePath == null ? null : databasePath.toLowerCase(Locale.ROOT);
    return lower == null || H2_MEMORY_FILE_SYSTEMS.stream().anyMatch(lower::startsWith);
  }

  /** A setting that lets the database lose acknowledged writes: what it is, why, and the fix. */
  record Finding(String setting, String value, String explanation) {}

  /**
   * Throws if the database can lose acknowledged writes.
   *
   * @throws NonDurableDatabaseException naming every setting found
   * @throws SQLException if the settings cannot be read
   */
  static void require(Connection c, Dialect dialect) throws SQLException {
    List<Finding> found = dialect == Dialect.H2 ? h2(c) : postgres(c);
    if (!found.isEmpty()) {
      throw refusal(found);
    }
  }

  private static List<Finding> h2(Connection c) throws SQLException {
    String path = firstColumn(c, "SELECT DATABASE_PATH()");
    String writeDelay = firstColumn(c, "SELECT CAST(MAX(CAST(SETTING_VALUE AS INTEGER)) AS VARCHAR) "
        + "FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
    return h2(path, writeDelay);
  }

  private static List<Finding> postgres(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
      rs.next();
      return postgres(rs.getString(1), rs.getString(2));
    }
  }

  /**
   * What H2's settings say.
   *
   * @param databasePath what {@code DATABASE_PATH()} returned; null for an in-memory database
   * @param writeDelay the largest {@code WRITE_DELAY} in {@code INFORMATION_SCHEMA.SETTINGS}, in
   *     milliseconds; null if there is none
   */
  static List<Finding> h2(String databasePath, String writeDelay) {
    if (inMemory(databasePath)) {
      String value = databasePath == null ? "NULL" : databasePath;
      return List.of(new Finding("DATABASE_PATH()", value, "DATABASE_PATH() is " + value + ": the H2 database is kept "
          + "in memory (a jdbc:h2:mem: URL, or an in-memory file system), so every write is lost when it closes or the "
          + "JVM stops; use PostgreSQL"));
    }
    List<Finding> found = new ArrayList<>();
    if (writeDelay == null) {
      found.add(new Finding("WRITE_DELAY", "unknown", "WRITE_DELAY could not be read from "
          + "INFORMATION_SCHEMA.SETTINGS, so whether H2 writes each commit before it returns is unknown"));
    } else if (!writeDelay.trim().equals("0")) {
      found.add(new Finding("WRITE_DELAY", writeDelay, "WRITE_DELAY is " + writeDelay + " (ms): H2 writes a "
          + "commit to its file up to " + writeDelay + " ms after the commit returns, so a process killed in that time "
          + "loses it (SET WRITE_DELAY 0 lasts only until H2 next opens the database)"));
    }
    found.add(new Finding("DATABASE_PATH()", databasePath, "the H2 database is on files (" + databasePath + "), which "
        + "a killed process can leave unreadable, losing every acknowledged write: Nivaran's kill test found an H2 "
        + "file corrupted after a kill -9 even with ;WRITE_DELAY=0 and one writer at a time; use PostgreSQL"));
    return found;
  }

  /**
   * What PostgreSQL's settings say.
   *
   * @param fsync {@code current_setting('fsync')}
   * @param synchronousCommit {@code current_setting('synchronous_commit')}
   */
  static List<Finding> postgres(String fsync, String synchronousCommit) {
    List<Finding> found = new ArrayList<>();
    if (isOff(fsync)) {
      found.add(new Finding("fsync", fsync, "fsync is " + fsync + ": PostgreSQL never forces its WAL to disk, so an "
          + "operating system crash or a power loss can lose committed transactions or corrupt the database; set "
          + "fsync = on in postgresql.conf"));
    }
    if (isOff(synchronousCommit)) {
      found.add(new Finding("synchronous_commit", synchronousCommit, "synchronous_commit is " + synchronousCommit
          + " for the store's connections (from postgresql.conf, ALTER SYSTEM, ALTER DATABASE, ALTER ROLE or the "
          + "connection's options): a commit returns before its WAL is on disk, so a server crash loses the last "
          + "commits; set it to on (or local, remote_write, remote_apply)"));
    }
    return found;
  }

  private static boolean isOff(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return v.equals("off") || v.equals("false") || v.equals("0") || v.equals("no");
  }

  static NonDurableDatabaseException refusal(List<Finding> found) {
    String what = found.stream().map(Finding::explanation).collect(Collectors.joining("; and "));
    return new NonDurableDatabaseException(found.get(0).setting(), found.get(0).value(),
        "JdbcComplaintStore refuses a database that can lose writes after the store has acknowledged them: " + what
            + ". Where that is acceptable (a test, a demo on a throw-away database), build the store with "
            + "JdbcComplaintStore.builder(dataSource).allowNonDurable(\"why\")");
  }

  private static String firstColumn(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
