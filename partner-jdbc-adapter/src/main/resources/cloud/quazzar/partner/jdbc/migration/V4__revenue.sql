-- V4: the append-only revenue ledger (V2 is reserved for discounts, V3 for certifications).
--
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+. No reserved words as names (H2
-- reserves MONTH, KEY, VALUE, ...): the month is month_start, the first day of the month, a DATE
-- that sorts and ranges like the month itself.
--
-- Append-only: the store never updates or deletes a row of this table. A month's rows form one
-- chain of revisions: 1 is the recorded figures (kind RECORDED), 2, 3, ... are corrections (kind
-- CORRECTION, with a reason and the id of the row they supersede); the highest revision is the one
-- reports use.

CREATE TABLE revenue_entries (
    id              UUID                        NOT NULL,
    partner_id      UUID                        NOT NULL,
    month_start     DATE                        NOT NULL,
    revision        INTEGER                     NOT NULL,
    kind            VARCHAR(16)                 NOT NULL,
    -- MRR as a whole number of the currency's minor units (cents, yen, fils): never a float
    mrr_minor       BIGINT                      NOT NULL,
    currency        VARCHAR(3)                  NOT NULL,
    server_count    BIGINT                      NOT NULL,
    client_count    INTEGER                     NOT NULL,
    idempotency_key VARCHAR(200)                NOT NULL,
    -- set exactly for corrections
    reason          VARCHAR(2000),
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- set exactly for corrections: the entry of the previous revision
    supersedes_id   UUID,
    CONSTRAINT revenue_entries_pk PRIMARY KEY (id),
    CONSTRAINT revenue_entries_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT revenue_entries_supersedes_fk FOREIGN KEY (supersedes_id) REFERENCES revenue_entries (id),
    CONSTRAINT revenue_entries_revision_ck CHECK (revision >= 1),
    CONSTRAINT revenue_entries_kind_ck CHECK (kind IN ('RECORDED', 'CORRECTION')),
    CONSTRAINT revenue_entries_figures_ck CHECK (mrr_minor >= 0 AND server_count >= 0 AND client_count >= 0)
);

-- Rule REV-2 (idempotency): a key records one entry, even when two processes send it at once.
CREATE UNIQUE INDEX revenue_entries_key_ux ON revenue_entries (idempotency_key);

-- One chain of revisions per partner and month; also the index of every per-partner query and of
-- the "is there a higher revision" test that picks the current entry.
CREATE UNIQUE INDEX revenue_entries_revision_ux ON revenue_entries (partner_id, month_start, revision);

-- Program reports and exports scan by month.
CREATE INDEX revenue_entries_month_ix ON revenue_entries (month_start);
