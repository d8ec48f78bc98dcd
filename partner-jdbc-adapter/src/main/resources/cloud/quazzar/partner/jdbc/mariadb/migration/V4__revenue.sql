-- V4 for MariaDB: the append-only revenue ledger, as the H2/PostgreSQL script of the same version,
-- in MariaDB's types (see V1). Idempotency keys compare exactly as given (the binary collation).

CREATE TABLE revenue_entries (
    id              UUID          NOT NULL,
    partner_id      UUID          NOT NULL,
    month_start     DATE          NOT NULL,
    revision        INTEGER       NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    mrr_minor       BIGINT        NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    server_count    BIGINT        NOT NULL,
    client_count    INTEGER       NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    reason          VARCHAR(2000),
    recorded_at     DATETIME(6)   NOT NULL,
    supersedes_id   UUID,
    PRIMARY KEY (id),
    CONSTRAINT revenue_entries_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT revenue_entries_supersedes_fk FOREIGN KEY (supersedes_id) REFERENCES revenue_entries (id),
    CONSTRAINT revenue_entries_revision_ck CHECK (revision >= 1),
    CONSTRAINT revenue_entries_kind_ck CHECK (kind IN ('RECORDED', 'CORRECTION')),
    CONSTRAINT revenue_entries_figures_ck CHECK (mrr_minor >= 0 AND server_count >= 0 AND client_count >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- the store names this index when a concurrent transaction took a key (JdbcRevenue)
CREATE UNIQUE INDEX revenue_entries_key_ux ON revenue_entries (idempotency_key);
CREATE UNIQUE INDEX revenue_entries_revision_ux ON revenue_entries (partner_id, month_start, revision);
CREATE INDEX revenue_entries_month_ix ON revenue_entries (month_start);
