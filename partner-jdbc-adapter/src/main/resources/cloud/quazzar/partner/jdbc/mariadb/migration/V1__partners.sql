-- V1 for MariaDB: partners, their append-only tier history, and the clients they manage. The same
-- tables, keys and constraints as the H2/PostgreSQL script of the same version
-- (cloud/quazzar/partner/jdbc/migration), in MariaDB's types:
--   - points in time: DATETIME(6) holding UTC (the store binds and reads them at UTC);
--   - text: utf8mb4 with the binary collation utf8mb4_nopad_bin (compared exactly as given, trailing
--     spaces included), set on every table;
--   - name keys: VARBINARY, the key's UTF-8 bytes, so they order by code point (docs/rules.md TEXT-3),
--     and 2,400 bytes hold the longest key a 400-character name can have (800 UTF-16 units of at
--     most 3 bytes each) within InnoDB's 3,072-byte index limit (a utf8mb4 VARCHAR(800) would count
--     4 bytes a character and not fit);
--   - UUID: MariaDB's UUID type (10.7 and later);
--   - primary keys carry no constraint name: MariaDB names every primary key PRIMARY (and warns
--     when given another name).
-- Released migrations never change.

CREATE TABLE partners (
    id            UUID          NOT NULL,
    company_name  VARCHAR(400)  NOT NULL,
    -- Names.key(company_name): cleaned and lower-cased; unique across partners
    name_key      VARBINARY(2400) NOT NULL,
    contact_email VARCHAR(320)  NOT NULL,
    tier          VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    -- optimistic lock: 1 when added, one more per change
    version       BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT partners_version_ck CHECK (version >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE UNIQUE INDEX partners_name_key_ux ON partners (name_key);

CREATE TABLE partner_tier_history (
    partner_id  UUID          NOT NULL,
    -- 1 for the initial tier, then one more per change
    sequence_no INTEGER       NOT NULL,
    -- NULL only for the initial entry
    from_tier   VARCHAR(16),
    to_tier     VARCHAR(16)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    changed_by  VARCHAR(400)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (partner_id, sequence_no),
    CONSTRAINT partner_tier_history_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_tier_history_sequence_ck CHECK (sequence_no >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE partner_clients (
    id           UUID            NOT NULL,
    partner_id   UUID            NOT NULL,
    name         VARCHAR(400)    NOT NULL,
    -- Names.key(name): unique within the partner
    name_key     VARBINARY(2400) NOT NULL,
    server_count INTEGER         NOT NULL,
    created_at   DATETIME(6)     NOT NULL,
    updated_at   DATETIME(6)     NOT NULL,
    version      BIGINT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT partner_clients_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_clients_server_count_ck CHECK (server_count >= 0),
    CONSTRAINT partner_clients_version_ck CHECK (version >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE UNIQUE INDEX partner_clients_partner_name_ux ON partner_clients (partner_id, name_key);
