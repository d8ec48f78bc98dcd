-- V1: partners, their append-only tier history, and the clients they manage.
--
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+ (UUID, TIMESTAMP WITH TIME ZONE at
-- microsecond precision, BIGINT versions, tiers and statuses as VARCHAR enum names). No reserved
-- words as names (H2 reserves e.g. FROM, TO, KEY, VALUE, MONTH).
--
-- Released migrations never change: later migrations (V2, V3, ...) add the discount policy,
-- certification and revenue tables, each capability in its own script.

CREATE TABLE partners (
    id            UUID                        NOT NULL,
    company_name  VARCHAR(400)                NOT NULL,
    -- Names.key(company_name): cleaned and lower-cased; unique across partners
    name_key      VARCHAR(800)                NOT NULL,
    contact_email VARCHAR(320)                NOT NULL,
    tier          VARCHAR(16)                 NOT NULL,
    status        VARCHAR(16)                 NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- optimistic lock: 1 when added, one more per change
    version       BIGINT                      NOT NULL,
    CONSTRAINT partners_pk PRIMARY KEY (id),
    CONSTRAINT partners_version_ck CHECK (version >= 1)
);

CREATE UNIQUE INDEX partners_name_key_ux ON partners (name_key);

CREATE TABLE partner_tier_history (
    partner_id  UUID                        NOT NULL,
    -- 1 for the initial tier, then one more per change
    sequence_no INTEGER                     NOT NULL,
    -- NULL only for the initial entry
    from_tier   VARCHAR(16),
    to_tier     VARCHAR(16)                 NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(400)                NOT NULL,
    reason      VARCHAR(2000)               NOT NULL,
    CONSTRAINT partner_tier_history_pk PRIMARY KEY (partner_id, sequence_no),
    CONSTRAINT partner_tier_history_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_tier_history_sequence_ck CHECK (sequence_no >= 1)
);

CREATE TABLE partner_clients (
    id           UUID                        NOT NULL,
    partner_id   UUID                        NOT NULL,
    name         VARCHAR(400)                NOT NULL,
    -- Names.key(name): unique within the partner
    name_key     VARCHAR(800)                NOT NULL,
    server_count INTEGER                     NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version      BIGINT                      NOT NULL,
    CONSTRAINT partner_clients_pk PRIMARY KEY (id),
    CONSTRAINT partner_clients_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_clients_server_count_ck CHECK (server_count >= 0),
    CONSTRAINT partner_clients_version_ck CHECK (version >= 1)
);

CREATE UNIQUE INDEX partner_clients_partner_name_ux ON partner_clients (partner_id, name_key);
-- partner_clients_partner_name_ux also serves look-ups and totals by partner (its leading column).
