package org.nivaran.grievance.jdbc;

/**
 * How {@link SchemaInstaller} lays out the store's tables. Both layouts have the same tables,
 * columns, keys and indexes, every one led by the tenant, so {@link JdbcComplaintStore} and its
 * companions run unchanged on either; they differ in how PostgreSQL stores the rows.
 *
 * <table>
 *   <caption>The layouts</caption>
 *   <tr><th>layout</th><th>databases</th><th>schema files</th></tr>
 *   <tr><td>{@link #PLAIN}</td><td>PostgreSQL, H2</td>
 *       <td>{@code db/nivaran/postgresql}, {@code db/nivaran/h2}</td></tr>
 *   <tr><td>{@link #PARTITIONED_BY_TENANT}</td><td>PostgreSQL</td>
 *       <td>{@code db/nivaran/postgresql-partitioned}</td></tr>
 * </table>
 *
 * <p>A database keeps the layout it was installed with: {@link SchemaInstaller} refuses to apply
 * one layout's versions to a database that holds the other's.
 *
 * <p>Immutable and thread-safe.
 */
public enum SchemaLayout {
  /**
   * One table per kind of row: the layout for H2, and for PostgreSQL holding one tenant or a few.
   * Version 1 of it is the single-tenant schema; version 2 migrates it in place to tenants.
   */
  PLAIN,

  /**
   * PostgreSQL only: every table {@code PARTITION BY HASH (tenant_id)} into 8 partitions, for a
   * platform with many tenants (the districts of a state). Every query the store, the sweepers and
   * the relays run names one tenant, so PostgreSQL reads one partition; state-wide questions
   * (an audit of the whole store, grading every tenant) visit all of them. Its version 1 builds
   * the tables that version 2 of {@link #PLAIN} leads to, and its version 2 has nothing left to
   * do, so later versions ship for both layouts under the same numbers. Choose it when the
   * database is new; a plain database is not converted.
   */
  PARTITIONED_BY_TENANT;

  /**
   * The folder of this layout's schema files for a database, under {@code db/nivaran/}.
   *
   * @throws IllegalArgumentException if the layout is not offered on that database
   */
  String folder(Dialect dialect) {
    if (this == PLAIN) {
      return dialect.folder();
    }
    if (dialect != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException("the schema layout " + name() + " needs PostgreSQL (hash partitioning); "
          + "this database is " + dialect + ": install SchemaLayout.PLAIN");
    }
    return "postgresql-partitioned";
  }

  /**
   * How the schema history names a version of this layout: the plain layout by its file name (as
   * version 1 always has), the partitioned one with its folder before it.
   */
  String historyName(String fileName) {
    return this == PLAIN ? fileName : "postgresql-partitioned/" + fileName;
  }
}
