-- Nivaran JDBC store, schema version 2, for H2 2.2 or later: tenants, places and external
-- references. It upgrades a version-1 database in place. SchemaInstaller runs it in one
-- transaction, but H2 commits each DDL statement as it runs: a failure half-way through leaves a
-- half-upgraded database (and no history row for V2), so back the database file up before
-- upgrading an H2 store that holds data. (On PostgreSQL the upgrade is one transaction.)
--
-- Every table gains tenant_id, and every existing row becomes the default tenant ('default',
-- org.nivaran.grievance.tenant.TenantId.DEFAULT). The tenant then LEADS every primary key, unique
-- key and index, as in the PostgreSQL schema: two tenants may hold the same complaint id,
-- idempotency key, or number sequence, and every query the store, the sweepers and the relay run
-- names one tenant and reads one range of one index.
-- The hash chain is unchanged: a non-default tenant is written into the registration's payload,
-- which the chain covers; the audit checks the tenant_id column against it.
-- H2 has no partial indexes: where PostgreSQL filters an index (WHERE is_open ...), the filtering
-- column is part of the key here, as in version 1.

-- ---------------------------------------------------------------------------------------------
-- Complaints: keyed by (tenant_id, id); a place as plain columns; the new flag.
ALTER TABLE nivaran_complaint ADD COLUMN tenant_id VARCHAR(64) NOT NULL DEFAULT 'default';
-- Where the complaint is, as doubles for the bounding-box prefilter of NearbyComplaints: NULL
-- when it has no location. The exact digits stay in the state document.
ALTER TABLE nivaran_complaint ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE nivaran_complaint ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE nivaran_complaint ADD COLUMN flag_possible_repeat BOOLEAN NOT NULL DEFAULT FALSE;
-- A version-1 complaint may already hold a location in its state document: copy it to the
-- columns. H2 reads no JSON paths, so the numbers are taken from the text: the only
-- "latitude" and "longitude" keys of a complaint document are its location's (the same words in
-- a citizen's text are escaped, \"latitude\").
UPDATE nivaran_complaint
   SET latitude = CAST(REGEXP_SUBSTR(state, '"latitude":(-?[0-9]+(\.[0-9]+)?)', 1, 1, NULL, 1) AS DOUBLE PRECISION),
       longitude = CAST(REGEXP_SUBSTR(state, '"longitude":(-?[0-9]+(\.[0-9]+)?)', 1, 1, NULL, 1) AS DOUBLE PRECISION)
 WHERE state LIKE '%"location":%';

ALTER TABLE nivaran_complaint DROP PRIMARY KEY;
ALTER TABLE nivaran_complaint ADD CONSTRAINT nivaran_complaint_pk PRIMARY KEY (tenant_id, id);

-- Every index of version 1 again, with the tenant first.
DROP INDEX nivaran_complaint_due;
DROP INDEX nivaran_complaint_post;
DROP INDEX nivaran_complaint_status;
DROP INDEX nivaran_complaint_citizen;
DROP INDEX nivaran_complaint_fake;
DROP INDEX nivaran_complaint_department;
DROP INDEX nivaran_complaint_registered;
DROP INDEX nivaran_complaint_unrouted;
DROP INDEX nivaran_complaint_blocked;
DROP INDEX nivaran_complaint_overdue_top;
DROP INDEX nivaran_complaint_transfer_limit;
DROP INDEX nivaran_complaint_first_response;
DROP INDEX nivaran_complaint_special_closure;
CREATE INDEX nivaran_complaint_due ON nivaran_complaint (tenant_id, due_at, id);
CREATE INDEX nivaran_complaint_post ON nivaran_complaint (tenant_id, post_code, is_open, registered_at, id);
CREATE INDEX nivaran_complaint_status ON nivaran_complaint (tenant_id, jurisdiction_code, status, registered_at, id);
CREATE INDEX nivaran_complaint_citizen ON nivaran_complaint (tenant_id, citizen_phone, registered_at, id);
-- The caller's history: how many of a number's complaints were closed as fake since T is one
-- COUNT on this index (JdbcComplaintStore.countFakeClosures).
CREATE INDEX nivaran_complaint_fake ON nivaran_complaint (tenant_id, citizen_phone, fake_closed_at);
CREATE INDEX nivaran_complaint_department ON nivaran_complaint (tenant_id, department_code, level, status);
CREATE INDEX nivaran_complaint_registered ON nivaran_complaint (tenant_id, registered_at);
CREATE INDEX nivaran_complaint_unrouted ON nivaran_complaint (tenant_id, flag_unrouted, registered_at, id);
CREATE INDEX nivaran_complaint_blocked ON nivaran_complaint (tenant_id, flag_escalation_blocked, registered_at, id);
CREATE INDEX nivaran_complaint_overdue_top ON nivaran_complaint (tenant_id, flag_overdue_at_top, registered_at, id);
CREATE INDEX nivaran_complaint_transfer_limit ON nivaran_complaint (tenant_id, flag_transfer_limit, registered_at, id);
CREATE INDEX nivaran_complaint_first_response ON nivaran_complaint (tenant_id, flag_first_response, registered_at, id);
CREATE INDEX nivaran_complaint_special_closure ON nivaran_complaint (tenant_id, flag_special_closure, registered_at, id);
CREATE INDEX nivaran_complaint_possible_repeat ON nivaran_complaint (tenant_id, flag_possible_repeat, registered_at, id);
-- NearbyComplaints.openWithin: a tenant's open complaints of a category in a latitude band.
CREATE INDEX nivaran_complaint_nearby ON nivaran_complaint (tenant_id, category_code, is_open, latitude);

-- ---------------------------------------------------------------------------------------------
-- Events: keyed by (tenant_id, complaint_id, sequence).
ALTER TABLE nivaran_event ADD COLUMN tenant_id VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_event DROP CONSTRAINT nivaran_event_pk;
ALTER TABLE nivaran_event ADD CONSTRAINT nivaran_event_pk PRIMARY KEY (tenant_id, complaint_id, sequence);
DROP INDEX nivaran_event_occurred;
CREATE INDEX nivaran_event_occurred ON nivaran_event (tenant_id, occurred_at);

-- ---------------------------------------------------------------------------------------------
-- Idempotency keys: one complaint per key and tenant.
ALTER TABLE nivaran_idempotency ADD COLUMN tenant_id VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_idempotency DROP PRIMARY KEY;
ALTER TABLE nivaran_idempotency ADD CONSTRAINT nivaran_idempotency_pk PRIMARY KEY (tenant_id, idempotency_key);

-- ---------------------------------------------------------------------------------------------
-- The outbox: each message of its complaint's tenant; a relay serves one tenant.
ALTER TABLE nivaran_outbox ADD COLUMN tenant_id VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_outbox DROP PRIMARY KEY;
ALTER TABLE nivaran_outbox ADD CONSTRAINT nivaran_outbox_pk PRIMARY KEY (tenant_id, seq);
DROP INDEX nivaran_outbox_due;
DROP INDEX nivaran_outbox_dead;
DROP INDEX nivaran_outbox_message;
CREATE INDEX nivaran_outbox_due ON nivaran_outbox (tenant_id, state, next_attempt_at, seq);
CREATE INDEX nivaran_outbox_dead ON nivaran_outbox (tenant_id, state, dead_at, seq);
CREATE INDEX nivaran_outbox_message ON nivaran_outbox (tenant_id, message_id);

-- ---------------------------------------------------------------------------------------------
-- Complaint number blocks: a sequence per tenant, prefix and year (JdbcIdScheme).
ALTER TABLE nivaran_id_block ADD COLUMN tenant_id VARCHAR(64) NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_id_block DROP CONSTRAINT nivaran_id_block_pk;
ALTER TABLE nivaran_id_block ADD CONSTRAINT nivaran_id_block_pk PRIMARY KEY (tenant_id, prefix, id_year);

-- ---------------------------------------------------------------------------------------------
-- External references: within a tenant, a source's id names at most one complaint (see the
-- PostgreSQL file).
CREATE TABLE nivaran_reference (
  tenant_id     VARCHAR(64)  NOT NULL,
  source        VARCHAR(64)  NOT NULL,
  ref_id        VARCHAR(512) NOT NULL,
  complaint_id  VARCHAR(64)  NOT NULL,
  CONSTRAINT nivaran_reference_pk PRIMARY KEY (tenant_id, source, ref_id)
);
-- A complaint's references, for the audit.
CREATE INDEX nivaran_reference_complaint ON nivaran_reference (tenant_id, complaint_id);
