/**
 * The JDBC store: {@link org.nivaran.grievance.jdbc.JdbcComplaintStore} keeps complaints, their
 * hash-chained event log, idempotency keys and the notification outbox in PostgreSQL (production)
 * or H2 (embedded); {@link org.nivaran.grievance.jdbc.OutboxRelay} delivers the outbox and
 * {@link org.nivaran.grievance.jdbc.OutboxAdministration} counts, lists, redrives and purges it;
 * {@link org.nivaran.grievance.jdbc.JdbcGradingSource} computes the grading figures of a period by
 * SQL over the event rows;
 * {@link org.nivaran.grievance.jdbc.SchemaInstaller} creates and upgrades the tables where no
 * migration tool does, in a {@link org.nivaran.grievance.jdbc.SchemaLayout} (plain, or on PostgreSQL
 * hash-partitioned by tenant). Every table is keyed by tenant first, and every class here serves
 * one tenant per call (the store) or per instance (relay, administration, grading, id scheme).
 * Plain JDBC on a host's {@link javax.sql.DataSource}; no connection is held between calls.
 */
package org.nivaran.grievance.jdbc;
