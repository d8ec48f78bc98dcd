-- V6 for MariaDB: durable domain events (rules EVT-1 to EVT-7 of docs/rules.md), as the
-- H2/PostgreSQL script of the same version, in MariaDB's types (see V1): the log, the counter that
-- orders it, one cursor per listener.
--
-- Sequences follow commit order because a transaction appends its events last, after updating the
-- single event_counter row: InnoDB holds that row lock to the end of the transaction. On a Galera
-- cluster the row lock is local to a node, and two nodes can both update the row; the write set
-- that reaches certification second is refused at commit (error 1213), the store runs that
-- transaction again, and it then takes the next numbers: the log stays gap-free in one order.

CREATE TABLE domain_events (
    sequence_no  BIGINT       NOT NULL,
    -- NULL for program-wide events (a discount policy version)
    partner_id   UUID,
    -- the event's class name, e.g. TierChanged
    event_type   VARCHAR(64)  NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    -- the event as JSON; '' for revenue events, whose entry is the ledger row named by revenue_entry_id
    payload      LONGTEXT     NOT NULL,
    -- RevenueRecorded and RevenueCorrected: the entry they announce (no foreign key, as on the other
    -- databases: ledger rows are never changed or deleted)
    revenue_entry_id UUID,
    PRIMARY KEY (sequence_no),
    CONSTRAINT domain_events_sequence_ck CHECK (sequence_no >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- a partner's events in order (events(partnerId) and the portal)
CREATE INDEX domain_events_partner_ix ON domain_events (partner_id, sequence_no);

CREATE TABLE event_counter (
    id             INTEGER NOT NULL,
    last_sequence  BIGINT  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT event_counter_single_ck CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

INSERT INTO event_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE event_cursors (
    listener     VARCHAR(100) NOT NULL,
    -- the last sequence the listener accepted
    position_no  BIGINT       NOT NULL,
    -- the program delivering to it, and until when; free when lease_until has passed
    lease_owner  VARCHAR(64),
    lease_until  DATETIME(6),
    PRIMARY KEY (listener),
    CONSTRAINT event_cursors_position_ck CHECK (position_no >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
