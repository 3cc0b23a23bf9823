-- Nivaran JDBC store, schema version 2, for PostgreSQL 12 or later: tenants, places and external
-- references. It upgrades a version-1 database in place, in one transaction (SchemaInstaller runs
-- each version in its own; Flyway does the same for PostgreSQL).
--
-- Every table gains tenant_id, and every existing row becomes the default tenant ('default',
-- org.nivaran.grievance.tenant.TenantId.DEFAULT). The tenant then LEADS every primary key, unique
-- key and index, so that:
--   * two tenants may hold the same complaint id, idempotency key, or number sequence;
--   * every query the store, the sweepers and the relay run names one tenant and reads one range
--     of one index;
--   * PostgreSQL can hash-partition the tables by tenant (the postgresql-partitioned layout), and
--     a distributed PostgreSQL (Citus) can distribute them by tenant_id with no code change.
-- The hash chain is unchanged: a non-default tenant is written into the registration's payload,
-- which the chain covers; the audit checks the tenant_id column against it.
-- Adding a column with a constant default rewrites no rows in PostgreSQL 11 or later; the new
-- primary keys and indexes are built once, under this transaction's locks.

-- ---------------------------------------------------------------------------------------------
-- Complaints: keyed by (tenant_id, id); a place as plain columns; the new flag.
ALTER TABLE nivaran_complaint ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default';
-- Where the complaint is, as doubles for the bounding-box prefilter of NearbyComplaints (no
-- PostGIS): NULL when it has no location. The exact digits stay in the state document.
ALTER TABLE nivaran_complaint ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE nivaran_complaint ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE nivaran_complaint ADD COLUMN flag_possible_repeat BOOLEAN NOT NULL DEFAULT FALSE;
-- A version-1 complaint may already hold a location in its state document: copy it to the columns
-- (the LIKE spares parsing the documents of complaints without one).
UPDATE nivaran_complaint
   SET latitude = (state::jsonb #>> '{location,latitude}')::DOUBLE PRECISION,
       longitude = (state::jsonb #>> '{location,longitude}')::DOUBLE PRECISION
 WHERE state LIKE '%"location":%' AND state::jsonb -> 'location' IS NOT NULL;

ALTER TABLE nivaran_complaint DROP CONSTRAINT nivaran_complaint_pkey;
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
CREATE INDEX nivaran_complaint_due ON nivaran_complaint (tenant_id, due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX nivaran_complaint_post ON nivaran_complaint (tenant_id, post_code, registered_at, id) WHERE is_open;
CREATE INDEX nivaran_complaint_status ON nivaran_complaint (tenant_id, jurisdiction_code, status, registered_at, id);
CREATE INDEX nivaran_complaint_citizen ON nivaran_complaint (tenant_id, citizen_phone, registered_at, id);
-- The caller's history: how many of a number's complaints were closed as fake since T is one
-- COUNT on this index (JdbcComplaintStore.countFakeClosures).
CREATE INDEX nivaran_complaint_fake ON nivaran_complaint (tenant_id, citizen_phone, fake_closed_at) WHERE fake_closed_at IS NOT NULL;
CREATE INDEX nivaran_complaint_department ON nivaran_complaint (tenant_id, department_code, level, status);
CREATE INDEX nivaran_complaint_registered ON nivaran_complaint (tenant_id, registered_at);
CREATE INDEX nivaran_complaint_unrouted ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_unrouted AND is_open;
CREATE INDEX nivaran_complaint_blocked ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_escalation_blocked AND is_open;
CREATE INDEX nivaran_complaint_overdue_top ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_overdue_at_top AND is_open;
CREATE INDEX nivaran_complaint_transfer_limit ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_transfer_limit AND is_open;
CREATE INDEX nivaran_complaint_first_response ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_first_response AND is_open;
CREATE INDEX nivaran_complaint_special_closure ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_special_closure AND is_open;
CREATE INDEX nivaran_complaint_possible_repeat ON nivaran_complaint (tenant_id, registered_at, id) WHERE flag_possible_repeat AND is_open;
-- NearbyComplaints.openWithin: a tenant's open complaints of a category in a latitude band, the
-- longitude then filtered on the rows found (a box across the antimeridian is two ranges, OR-ed).
CREATE INDEX nivaran_complaint_nearby ON nivaran_complaint (tenant_id, category_code, latitude)
  WHERE is_open AND latitude IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Events: keyed by (tenant_id, complaint_id, sequence), the primary key's index still carrying
-- the grading marks (INCLUDE) so that grading reads no payload.
ALTER TABLE nivaran_event ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_event DROP CONSTRAINT nivaran_event_pk;
ALTER TABLE nivaran_event ADD CONSTRAINT nivaran_event_pk PRIMARY KEY (tenant_id, complaint_id, sequence)
  INCLUDE (occurred_at, type, status_after, post_code, department_code, level, clock_changed, deadline_at);
DROP INDEX nivaran_event_occurred;
CREATE INDEX nivaran_event_occurred ON nivaran_event (tenant_id, occurred_at);

-- ---------------------------------------------------------------------------------------------
-- Idempotency keys: one complaint per key and tenant.
ALTER TABLE nivaran_idempotency ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_idempotency DROP CONSTRAINT nivaran_idempotency_pkey;
ALTER TABLE nivaran_idempotency ADD CONSTRAINT nivaran_idempotency_pk PRIMARY KEY (tenant_id, idempotency_key);

-- ---------------------------------------------------------------------------------------------
-- The outbox: each message of its complaint's tenant; a relay serves one tenant.
ALTER TABLE nivaran_outbox ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_outbox DROP CONSTRAINT nivaran_outbox_pkey;
ALTER TABLE nivaran_outbox ADD CONSTRAINT nivaran_outbox_pk PRIMARY KEY (tenant_id, seq);
DROP INDEX nivaran_outbox_due;
DROP INDEX nivaran_outbox_dead;
DROP INDEX nivaran_outbox_message;
CREATE INDEX nivaran_outbox_due ON nivaran_outbox (tenant_id, next_attempt_at, seq) WHERE state = 'PENDING';
CREATE INDEX nivaran_outbox_dead ON nivaran_outbox (tenant_id, dead_at, seq) WHERE state = 'DEAD';
CREATE INDEX nivaran_outbox_message ON nivaran_outbox (tenant_id, message_id);

-- ---------------------------------------------------------------------------------------------
-- Complaint number blocks: a sequence per tenant, prefix and year (JdbcIdScheme).
ALTER TABLE nivaran_id_block ADD COLUMN tenant_id VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default';
ALTER TABLE nivaran_id_block DROP CONSTRAINT nivaran_id_block_pk;
ALTER TABLE nivaran_id_block ADD CONSTRAINT nivaran_id_block_pk PRIMARY KEY (tenant_id, prefix, id_year);

-- ---------------------------------------------------------------------------------------------
-- External references (a CPGRAMS registration number, a CM Helpline 181 ticket): within a tenant,
-- a source's id names at most one complaint. The store writes a row per reference when a complaint
-- is created or gains one, in the same transaction; the primary key refuses a second holder
-- (DuplicateReferenceException, nothing written). The audit checks a complaint's rows against the
-- references its state holds, and finds rows whose complaint is not stored.
CREATE TABLE nivaran_reference (
  tenant_id     VARCHAR(64) COLLATE "C" NOT NULL,
  source        VARCHAR(64) COLLATE "C" NOT NULL,
  ref_id        VARCHAR(512) COLLATE "C" NOT NULL,
  complaint_id  VARCHAR(64) COLLATE "C" NOT NULL,
  CONSTRAINT nivaran_reference_pk PRIMARY KEY (tenant_id, source, ref_id)
);
-- A complaint's references, for the audit.
CREATE INDEX nivaran_reference_complaint ON nivaran_reference (tenant_id, complaint_id);
