package org.nivaran.grievance.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store speaks to, told apart by the driver's product name. */
enum Dialect {
  POSTGRESQL("postgresql"),
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
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
