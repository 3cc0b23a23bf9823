-- Nivaran JDBC store, the hash-partitioned layout for PostgreSQL 12 or later: schema version 1 of
-- this layout, which builds at once the tables that version 2 of the plain layout
-- (db/nivaran/postgresql) leads to, each PARTITION BY HASH (tenant_id) into 8 partitions.
-- SchemaInstaller.install(dataSource, SchemaLayout.PARTITIONED_BY_TENANT) runs it; a host that
-- runs Flyway adds classpath:db/nivaran/postgresql-partitioned to its locations instead of
-- classpath:db/nivaran/postgresql. Choose the layout for a new database: an existing plain one is
-- not converted.
--
-- Why: a state platform holds many districts (tenants) in one store. Every query the store, the
-- sweepers and the relays run names one tenant, so PostgreSQL prunes it to one partition, and
-- each partition's indexes are a fraction of the whole (smaller to vacuum, to cache and to
-- rebuild). The tenant leads every primary key and index, as PostgreSQL requires of a
-- partitioned table's unique keys; the columns, keys and indexes are those of the plain layout
-- after version 2 (see its files for what each one is for), so the store's code is the same.
-- The number of partitions is fixed here; to spread tenants over more, create a new database
-- with more and copy (or distribute the tables with Citus: see the README).

CREATE TABLE nivaran_complaint (
  tenant_id                VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default',
  id                       VARCHAR(64) COLLATE "C" NOT NULL,
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
  flag_possible_repeat     BOOLEAN      NOT NULL DEFAULT FALSE,
  fake_closed_at           TIMESTAMP WITH TIME ZONE,
  claimed_until            TIMESTAMP WITH TIME ZONE,
  latitude                 DOUBLE PRECISION,
  longitude                DOUBLE PRECISION,
  head_hash                CHAR(64)     NOT NULL,
  state                    TEXT         NOT NULL,
  CONSTRAINT nivaran_complaint_pk PRIMARY KEY (tenant_id, id)
) PARTITION BY HASH (tenant_id);
CREATE TABLE nivaran_complaint_p0 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_complaint_p1 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_complaint_p2 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_complaint_p3 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_complaint_p4 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_complaint_p5 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_complaint_p6 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_complaint_p7 PARTITION OF nivaran_complaint FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE INDEX nivaran_complaint_due ON nivaran_complaint (tenant_id, due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX nivaran_complaint_post ON nivaran_complaint (tenant_id, post_code, registered_at, id) WHERE is_open;
CREATE INDEX nivaran_complaint_status ON nivaran_complaint (tenant_id, jurisdiction_code, status, registered_at, id);
CREATE INDEX nivaran_complaint_citizen ON nivaran_complaint (tenant_id, citizen_phone, registered_at, id);
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
CREATE INDEX nivaran_complaint_nearby ON nivaran_complaint (tenant_id, category_code, latitude)
  WHERE is_open AND latitude IS NOT NULL;

CREATE TABLE nivaran_event (
  tenant_id        VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default',
  complaint_id     VARCHAR(64) COLLATE "C" NOT NULL,
  sequence         BIGINT       NOT NULL,
  type             VARCHAR(40)  NOT NULL,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  payload          TEXT         NOT NULL,
  prev_hash        CHAR(64)     NOT NULL,
  hash             CHAR(64)     NOT NULL,
  key_id           VARCHAR(64),
  status_after     VARCHAR(32),
  post_code        VARCHAR(64),
  department_code  VARCHAR(64),
  level            SMALLINT,
  clock_changed    BOOLEAN      NOT NULL DEFAULT FALSE,
  deadline_at      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT nivaran_event_pk PRIMARY KEY (tenant_id, complaint_id, sequence)
    INCLUDE (occurred_at, type, status_after, post_code, department_code, level, clock_changed, deadline_at)
) PARTITION BY HASH (tenant_id);
CREATE TABLE nivaran_event_p0 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_event_p1 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_event_p2 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_event_p3 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_event_p4 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_event_p5 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_event_p6 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_event_p7 PARTITION OF nivaran_event FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE INDEX nivaran_event_occurred ON nivaran_event (tenant_id, occurred_at);

CREATE TABLE nivaran_idempotency (
  tenant_id        VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default',
  idempotency_key  VARCHAR(512) NOT NULL,
  fingerprint      VARCHAR(200) NOT NULL,
  complaint_id     VARCHAR(64) COLLATE "C" NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT nivaran_idempotency_pk PRIMARY KEY (tenant_id, idempotency_key)
) PARTITION BY HASH (tenant_id);
CREATE TABLE nivaran_idempotency_p0 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_idempotency_p1 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_idempotency_p2 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_idempotency_p3 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_idempotency_p4 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_idempotency_p5 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_idempotency_p6 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_idempotency_p7 PARTITION OF nivaran_idempotency FOR VALUES WITH (MODULUS 8, REMAINDER 7);

-- The outbox's seq comes from one sequence for every partition (an identity column of a
-- partitioned table needs PostgreSQL 17), so a seq names one message in the whole table.
CREATE SEQUENCE nivaran_outbox_seq;
CREATE TABLE nivaran_outbox (
  tenant_id        VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default',
  seq              BIGINT       NOT NULL DEFAULT nextval('nivaran_outbox_seq'),
  message_id       VARCHAR(600) NOT NULL,
  complaint_id     VARCHAR(64) COLLATE "C" NOT NULL,
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
  CONSTRAINT nivaran_outbox_pk PRIMARY KEY (tenant_id, seq),
  CONSTRAINT nivaran_outbox_quiet CHECK ((quiet_from IS NULL AND quiet_until IS NULL AND quiet_zone IS NULL)
      OR (quiet_from IS NOT NULL AND quiet_until IS NOT NULL AND quiet_zone IS NOT NULL))
) PARTITION BY HASH (tenant_id);
ALTER SEQUENCE nivaran_outbox_seq OWNED BY nivaran_outbox.seq;
CREATE TABLE nivaran_outbox_p0 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_outbox_p1 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_outbox_p2 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_outbox_p3 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_outbox_p4 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_outbox_p5 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_outbox_p6 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_outbox_p7 PARTITION OF nivaran_outbox FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE INDEX nivaran_outbox_due ON nivaran_outbox (tenant_id, next_attempt_at, seq) WHERE state = 'PENDING';
CREATE INDEX nivaran_outbox_dead ON nivaran_outbox (tenant_id, dead_at, seq) WHERE state = 'DEAD';
CREATE INDEX nivaran_outbox_message ON nivaran_outbox (tenant_id, message_id);

CREATE TABLE nivaran_id_block (
  tenant_id   VARCHAR(64) COLLATE "C" NOT NULL DEFAULT 'default',
  prefix      VARCHAR(32) NOT NULL,
  id_year     INTEGER     NOT NULL,
  next_value  BIGINT      NOT NULL,
  CONSTRAINT nivaran_id_block_pk PRIMARY KEY (tenant_id, prefix, id_year)
) PARTITION BY HASH (tenant_id);
CREATE TABLE nivaran_id_block_p0 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_id_block_p1 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_id_block_p2 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_id_block_p3 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_id_block_p4 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_id_block_p5 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_id_block_p6 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_id_block_p7 PARTITION OF nivaran_id_block FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE TABLE nivaran_reference (
  tenant_id     VARCHAR(64) COLLATE "C" NOT NULL,
  source        VARCHAR(64) COLLATE "C" NOT NULL,
  ref_id        VARCHAR(512) COLLATE "C" NOT NULL,
  complaint_id  VARCHAR(64) COLLATE "C" NOT NULL,
  CONSTRAINT nivaran_reference_pk PRIMARY KEY (tenant_id, source, ref_id)
) PARTITION BY HASH (tenant_id);
CREATE TABLE nivaran_reference_p0 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE nivaran_reference_p1 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE nivaran_reference_p2 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE nivaran_reference_p3 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE nivaran_reference_p4 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE nivaran_reference_p5 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE nivaran_reference_p6 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE nivaran_reference_p7 PARTITION OF nivaran_reference FOR VALUES WITH (MODULUS 8, REMAINDER 7);
CREATE INDEX nivaran_reference_complaint ON nivaran_reference (tenant_id, complaint_id);
