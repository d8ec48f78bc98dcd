-- V2: discount policy versions, partner adjustments, their cancellations, and the discount revision.
--
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15+. Rates are whole basis points
-- (INTEGER 0..10000), dates are DATE, enums are VARCHAR names, instants TIMESTAMP(6) WITH TIME ZONE.
--
-- Append-only: versions, steps, adjustments and cancellations are inserted, never updated or
-- deleted. A cancellation is its own row (at most one per version, by primary key). The only row
-- ever updated is discount_revision's counter, which every append increments in the same
-- transaction: readers compare it with the revision of their cached copy (DiscountRepository.revision).

CREATE TABLE discount_policy_versions (
    version_no             INTEGER                     NOT NULL,
    effective_from         DATE                        NOT NULL,
    base_silver_bp         INTEGER                     NOT NULL,
    base_gold_bp           INTEGER                     NOT NULL,
    base_platinum_bp       INTEGER                     NOT NULL,
    -- whether the tier has its own schedule (possibly empty) instead of the shared one
    own_schedule_silver    BOOLEAN                     NOT NULL,
    own_schedule_gold      BOOLEAN                     NOT NULL,
    own_schedule_platinum  BOOLEAN                     NOT NULL,
    combination            VARCHAR(16)                 NOT NULL,
    cap_bp                 INTEGER                     NOT NULL,
    rounding               VARCHAR(16)                 NOT NULL,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(400)                NOT NULL,
    reason                 VARCHAR(2000)               NOT NULL,
    CONSTRAINT discount_policy_versions_pk PRIMARY KEY (version_no),
    CONSTRAINT discount_policy_versions_no_ck CHECK (version_no >= 1),
    CONSTRAINT discount_policy_versions_rates_ck CHECK (
        base_silver_bp BETWEEN 0 AND 10000 AND base_gold_bp BETWEEN 0 AND 10000
        AND base_platinum_bp BETWEEN 0 AND 10000 AND cap_bp BETWEEN 0 AND 10000)
);

CREATE TABLE discount_volume_steps (
    version_no   INTEGER     NOT NULL,
    -- 'ALL' for the shared schedule, else the tier whose own schedule it is
    schedule_of  VARCHAR(16) NOT NULL,
    -- order within the schedule, from 0
    position_no  INTEGER     NOT NULL,
    min_servers  INTEGER     NOT NULL,
    bonus_bp     INTEGER     NOT NULL,
    CONSTRAINT discount_volume_steps_pk PRIMARY KEY (version_no, schedule_of, position_no),
    CONSTRAINT discount_volume_steps_version_fk FOREIGN KEY (version_no)
        REFERENCES discount_policy_versions (version_no),
    CONSTRAINT discount_volume_steps_ck CHECK (position_no >= 0 AND min_servers >= 0
        AND bonus_bp BETWEEN 0 AND 10000)
);

CREATE TABLE discount_policy_cancellations (
    version_no    INTEGER                     NOT NULL,
    cancelled_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cancelled_by  VARCHAR(400)                NOT NULL,
    reason        VARCHAR(2000)               NOT NULL,
    CONSTRAINT discount_policy_cancellations_pk PRIMARY KEY (version_no),
    CONSTRAINT discount_policy_cancellations_version_fk FOREIGN KEY (version_no)
        REFERENCES discount_policy_versions (version_no)
);

CREATE TABLE discount_adjustments (
    partner_id       UUID                        NOT NULL,
    -- 1, 2, ... per partner
    version_no       INTEGER                     NOT NULL,
    kind             VARCHAR(16)                 NOT NULL,
    rate_bp          INTEGER                     NOT NULL,
    effective_from   DATE                        NOT NULL,
    -- NULL: open-ended
    effective_until  DATE,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(400)                NOT NULL,
    reason           VARCHAR(2000)               NOT NULL,
    CONSTRAINT discount_adjustments_pk PRIMARY KEY (partner_id, version_no),
    CONSTRAINT discount_adjustments_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT discount_adjustments_ck CHECK (version_no >= 1 AND rate_bp BETWEEN 0 AND 10000
        AND (effective_until IS NULL OR effective_until >= effective_from))
);

CREATE TABLE discount_adjustment_cancellations (
    partner_id    UUID                        NOT NULL,
    version_no    INTEGER                     NOT NULL,
    cancelled_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cancelled_by  VARCHAR(400)                NOT NULL,
    reason        VARCHAR(2000)               NOT NULL,
    CONSTRAINT discount_adjustment_cancellations_pk PRIMARY KEY (partner_id, version_no),
    CONSTRAINT discount_adjustment_cancellations_fk FOREIGN KEY (partner_id, version_no)
        REFERENCES discount_adjustments (partner_id, version_no)
);

-- One row: how many discount appends have been committed. Every append increments it in its own
-- transaction, so equal readings mean equal discount tables, on every node sharing the database.
CREATE TABLE discount_revision (
    id        INTEGER NOT NULL,
    revision  BIGINT  NOT NULL,
    CONSTRAINT discount_revision_pk PRIMARY KEY (id),
    CONSTRAINT discount_revision_one_row_ck CHECK (id = 1)
);

INSERT INTO discount_revision (id, revision) VALUES (1, 0);
