-- V6: durable domain events (rules EVT-1 to EVT-7 of docs/rules.md): the event log written in the
-- same transaction as each change (the outbox), the counter that orders it, and one cursor per
-- listener name.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1.
--
-- Sequences follow commit order: a transaction appends its events last, after taking the row lock
-- of the single event_counter row (UPDATE ... SET last_sequence = last_sequence + n). The lock is
-- held until the transaction ends, so transactions that write events commit one after the other,
-- in sequence order, and a reader that saw sequence n can never later see a smaller one appear.
-- (A database SEQUENCE would not do: its values are handed out in call order, not commit order.)

CREATE TABLE domain_events (
    sequence_no  BIGINT                      NOT NULL,
    -- NULL for program-wide events (a discount policy version)
    partner_id   UUID,
    -- the event's class name, e.g. TierChanged
    event_type   VARCHAR(64)                 NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the event as JSON (Jackson, field names of the event record); '' for revenue events, whose
    -- entry is the ledger row named by revenue_entry_id (ledger rows are never changed)
    payload      VARCHAR(1000000)            NOT NULL,
    -- RevenueRecorded and RevenueCorrected: the entry they announce, read back by a join. No
    -- foreign key: core writes the entry and its event in one transaction and the ledger is never
    -- updated or deleted; the key's per-row check cost a quarter of month-end batch speed on
    -- PostgreSQL (docs/benchmarks.md). A missing entry makes reading the event fail loudly.
    revenue_entry_id UUID,
    CONSTRAINT domain_events_pk PRIMARY KEY (sequence_no),
    CONSTRAINT domain_events_sequence_ck CHECK (sequence_no >= 1)
);

-- a partner's events in order (events(partnerId) and the portal)
CREATE INDEX domain_events_partner_ix ON domain_events (partner_id, sequence_no);

CREATE TABLE event_counter (
    id             INTEGER NOT NULL,
    last_sequence  BIGINT  NOT NULL,
    CONSTRAINT event_counter_pk PRIMARY KEY (id),
    CONSTRAINT event_counter_single_ck CHECK (id = 1)
);

INSERT INTO event_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE event_cursors (
    listener     VARCHAR(100)                NOT NULL,
    -- the last sequence the listener accepted
    position_no  BIGINT                      NOT NULL,
    -- the program delivering to it, and until when; free when lease_until has passed
    lease_owner  VARCHAR(64),
    lease_until  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT event_cursors_pk PRIMARY KEY (listener),
    CONSTRAINT event_cursors_position_ck CHECK (position_no >= 0)
);
