-- Nivaran JDBC store, the hash-partitioned layout for PostgreSQL, schema version 2: nothing left to
-- do. Version 1 of this layout already built the tables that version 2 of the plain layout
-- (db/nivaran/postgresql/V2__nivaran_tenants.sql) migrates to; this file keeps the two layouts'
-- version numbers in step, so that every later version ships for both and applies to both.
-- Its one statement changes nothing but a comment (Flyway and SchemaInstaller each record it).
COMMENT ON TABLE nivaran_reference IS 'Nivaran: external references, unique per tenant and source';
