-- Nivaran JDBC store, schema version 1, for H2 2.2 or later.
-- A host that runs Flyway can add classpath:db/nivaran/h2 to its locations; otherwise
-- org.nivaran.grievance.jdbc.SchemaInstaller runs this file once.

-- The current state of each complaint: its JSON document plus the columns the work lists,
-- the escalator and the reports filter on. Ids sort as Java strings (H2 compares them so by default).
-- The audit (StoreAudit) checks state against the replay of the complaint's events, the columns
-- against state, and version and head_hash against the last event.
CREATE TABLE nivaran_complaint (
  id                       VARCHAR(64) PRIMARY KEY,
  version                  BIGINT       NOT NULL,
  status                   VARCHAR(32)  NOT NULL,
  is_open                  BOOLEAN      NOT NULL,
  category_code            VARCHAR(64)  NOT NULL,
  jurisdiction_code        VARCHAR(64)  NOT NULL,
  citizen_phone            VARCHAR(20)  NOT NULL,
  post_code                VARCHAR(64),
  department_code          VARCHAR(64),
  level                    SMALLINT,
  due_at                   TIMESTAMP WITH TIME ZONE,
  registered_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  flag_unrouted            BOOLEAN      NOT NULL DEFAULT FALSE,
  flag_escalation_blocked  BOOLEAN      NOT NULL DEFAULT FALSE,
  flag_overdue_at_top      BOOLEAN      NOT NULL DEFAULT FALSE,
  flag_transfer_limit      BOOLEAN      NOT NULL DEFAULT FALSE,
  flag_first_response      BOOLEAN      NOT NULL DEFAULT FALSE,
  flag_special_closure     BOOLEAN      NOT NULL DEFAULT FALSE,
  fake_closed_at           TIMESTAMP WITH TIME ZONE,
  claimed_until            TIMESTAMP WITH TIME ZONE,
  head_hash                CHAR(64)     NOT NULL,
  state                    TEXT         NOT NULL
);
CREATE INDEX nivaran_complaint_due ON nivaran_complaint (due_at, id);
CREATE INDEX nivaran_complaint_post ON nivaran_complaint (post_code, is_open, registered_at, id);
CREATE INDEX nivaran_complaint_status ON nivaran_complaint (jurisdiction_code, status, registered_at, id);
CREATE INDEX nivaran_complaint_citizen ON nivaran_complaint (citizen_phone, registered_at, id);
-- The caller's history: how many of a number's complaints were closed as fake since T is one
-- COUNT on this index (JdbcComplaintStore.countFakeClosures).
CREATE INDEX nivaran_complaint_fake ON nivaran_complaint (citizen_phone, fake_closed_at);
CREATE INDEX nivaran_complaint_department ON nivaran_complaint (department_code, level, status);
CREATE INDEX nivaran_complaint_registered ON nivaran_complaint (registered_at);
CREATE INDEX nivaran_complaint_unrouted ON nivaran_complaint (flag_unrouted, registered_at, id);
CREATE INDEX nivaran_complaint_blocked ON nivaran_complaint (flag_escalation_blocked, registered_at, id);
CREATE INDEX nivaran_complaint_overdue_top ON nivaran_complaint (flag_overdue_at_top, registered_at, id);
CREATE INDEX nivaran_complaint_transfer_limit ON nivaran_complaint (flag_transfer_limit, registered_at, id);
CREATE INDEX nivaran_complaint_first_response ON nivaran_complaint (flag_first_response, registered_at, id);
CREATE INDEX nivaran_complaint_special_closure ON nivaran_complaint (flag_special_closure, registered_at, id);

-- The append-only event log. Each row's hash covers the previous row's hash and the row's complaint
-- id, sequence, type and payload (the event's JSON, which holds its instant), so altering,
-- removing or reordering a row breaks the chain (StoreAudit, JdbcComplaintStore.verifyLog).
-- key_id names the key of a keyed chain (ChainKeys): the hash is then an HMAC-SHA256 under that
-- key, which someone who can write these tables cannot recompute; NULL means plain SHA-256,
-- which anyone can recompute, so it reveals only accidental or naive edits.
-- The marks (status_after .. deadline_at) say what the event does by itself, as
-- org.nivaran.grievance.report.EventMarks reads it off the payload: the status it moves to, the
-- post it moves to, and whether it sets or clears the SLA clock, with the deadline it leaves.
-- JdbcGradingSource answers "the state at instant T" from them (and from occurred_at and type)
-- without reading payloads. They are derived from the payload, so the hash does not cover them
-- again: the audit recomputes them, and occurred_at and type, from the hashed payload and
-- reports a column that disagrees.
-- (PostgreSQL's primary key carries them for index-only reads; H2 has no INCLUDE.)
CREATE TABLE nivaran_event (
  complaint_id  VARCHAR(64) NOT NULL,
  sequence      BIGINT       NOT NULL,
  type          VARCHAR(40)  NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  payload       TEXT         NOT NULL,
  prev_hash     CHAR(64)     NOT NULL,
  hash          CHAR(64)     NOT NULL,
  key_id        VARCHAR(64),
  status_after     VARCHAR(32),
  post_code        VARCHAR(64),
  department_code  VARCHAR(64),
  level            SMALLINT,
  clock_changed    BOOLEAN      NOT NULL DEFAULT FALSE,
  deadline_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT nivaran_event_pk PRIMARY KEY (complaint_id, sequence)
);
CREATE INDEX nivaran_event_occurred ON nivaran_event (occurred_at);

-- Idempotency keys of registrations: one complaint per key. The audit checks that a registration's
-- key has its row, pointing at the complaint, with the fingerprint of the request it records.
CREATE TABLE nivaran_idempotency (
  idempotency_key  VARCHAR(512) PRIMARY KEY,
  fingerprint      VARCHAR(200) NOT NULL,
  complaint_id     VARCHAR(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The transactional outbox: notifications written with the events that cause them, delivered
-- by OutboxRelay. state is PENDING, SENT or DEAD. next_attempt_at is on the database's clock
-- (CURRENT_TIMESTAMP plus a lease or back-off): when a pending message is due, or until when its
-- lease_token holds it. created_at, sent_at and dead_at are stamped by the nodes' clocks.
-- quiet_from and quiet_until (seconds of the day) and quiet_zone are a message's quiet hours, if
-- it has them: the relay holds it while they last on the database's clock.
-- Operational, not evidence (the relay changes rows and
-- purges sent ones): the audit checks only that a row refers to a stored complaint and event.
CREATE TABLE nivaran_outbox (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id       VARCHAR(600) NOT NULL,
  complaint_id     VARCHAR(64) NOT NULL,
  event_sequence   BIGINT       NOT NULL,
  kind             VARCHAR(32)  NOT NULL,
  recipient_role   VARCHAR(32)  NOT NULL,
  recipient_phone  VARCHAR(20)  NOT NULL,
  recipient_post   VARCHAR(64),
  recipient_name   VARCHAR(400) NOT NULL,
  channel          VARCHAR(16)  NOT NULL,
  language         VARCHAR(16)  NOT NULL,
  body             TEXT         NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  state            VARCHAR(8)   NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_token      VARCHAR(36),
  last_error       VARCHAR(1000),
  sent_at          TIMESTAMP WITH TIME ZONE,
  dead_at          TIMESTAMP WITH TIME ZONE,
  quiet_from       INTEGER,
  quiet_until      INTEGER,
  quiet_zone       VARCHAR(64),
  CONSTRAINT nivaran_outbox_quiet CHECK ((quiet_from IS NULL AND quiet_until IS NULL AND quiet_zone IS NULL)
      OR (quiet_from IS NOT NULL AND quiet_until IS NOT NULL AND quiet_zone IS NOT NULL))
);
CREATE INDEX nivaran_outbox_due ON nivaran_outbox (state, next_attempt_at, seq);
CREATE INDEX nivaran_outbox_dead ON nivaran_outbox (state, dead_at, seq);
CREATE INDEX nivaran_outbox_message ON nivaran_outbox (message_id);

-- Complaint number blocks: JdbcIdScheme reserves numbers per prefix and year in blocks, so that
-- every node issues ids no other node issues, across restarts.
CREATE TABLE nivaran_id_block (
  prefix      VARCHAR(32) NOT NULL,
  id_year     INTEGER     NOT NULL,
  next_value  BIGINT      NOT NULL,
  CONSTRAINT nivaran_id_block_pk PRIMARY KEY (prefix, id_year)
);
