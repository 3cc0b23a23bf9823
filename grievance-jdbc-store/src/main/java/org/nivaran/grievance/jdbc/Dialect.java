package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The databases the store speaks to, told apart by the driver's product name. */
enum Dialect {
  POSTGRESQL("postgresql"),
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * The longest lease or back-off added to the database's clock: 100 years. H2 adds durations in
   * nanoseconds and silently wraps around beyond about 292 years.
   */
  static final Duration LONGEST_WAIT = Duration.ofDays(36_525);

  /**
   * {@code CURRENT_TIMESTAMP} plus a number of microseconds bound as one parameter
   * ({@link #micros}): how leases, back-offs and due times are set on the database's clock.
   */
  String nowPlusMicros() {
    return this == H2 ? "DATEADD(MICROSECOND, ?, CURRENT_TIMESTAMP)" : "CURRENT_TIMESTAMP + ? * INTERVAL '1 microsecond'";
  }

  /** A wait as {@link #nowPlusMicros} binds it: whole microseconds, at most {@link #LONGEST_WAIT}. */
  static long micros(Duration wait) {
    return TimeUnit.MICROSECONDS.convert(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
  }

  /** The folder of the schema files, under {@code db/nivaran/}. */
  String folder() {
    return folder;
  }

  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("the JDBC store supports PostgreSQL and H2, not " + product);
  }
}
