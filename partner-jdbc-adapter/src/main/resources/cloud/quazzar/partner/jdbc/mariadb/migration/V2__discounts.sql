-- V2 for MariaDB: the discount policy's versions and the per-partner adjustments, as the
-- H2/PostgreSQL script of the same version, in MariaDB's types (see V1).

CREATE TABLE discount_policy_versions (
    version_no             INTEGER       NOT NULL,
    effective_from         DATE          NOT NULL,
    base_silver_bp         INTEGER       NOT NULL,
    base_gold_bp           INTEGER       NOT NULL,
    base_platinum_bp       INTEGER       NOT NULL,
    own_schedule_silver    BOOLEAN       NOT NULL,
    own_schedule_gold      BOOLEAN       NOT NULL,
    own_schedule_platinum  BOOLEAN       NOT NULL,
    combination            VARCHAR(16)   NOT NULL,
    cap_bp                 INTEGER       NOT NULL,
    rounding               VARCHAR(16)   NOT NULL,
    created_at             DATETIME(6)   NOT NULL,
    created_by             VARCHAR(400)  NOT NULL,
    reason                 VARCHAR(2000) NOT NULL,
    PRIMARY KEY (version_no),
    CONSTRAINT discount_policy_versions_no_ck CHECK (version_no >= 1),
    CONSTRAINT discount_policy_versions_rates_ck CHECK (
        base_silver_bp BETWEEN 0 AND 10000 AND base_gold_bp BETWEEN 0 AND 10000
        AND base_platinum_bp BETWEEN 0 AND 10000 AND cap_bp BETWEEN 0 AND 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE discount_volume_steps (
    version_no   INTEGER     NOT NULL,
    schedule_of  VARCHAR(16) NOT NULL,
    position_no  INTEGER     NOT NULL,
    min_servers  INTEGER     NOT NULL,
    bonus_bp     INTEGER     NOT NULL,
    PRIMARY KEY (version_no, schedule_of, position_no),
    CONSTRAINT discount_volume_steps_version_fk FOREIGN KEY (version_no)
        REFERENCES discount_policy_versions (version_no),
    CONSTRAINT discount_volume_steps_ck CHECK (position_no >= 0 AND min_servers >= 0
        AND bonus_bp BETWEEN 0 AND 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE discount_policy_cancellations (
    version_no    INTEGER       NOT NULL,
    cancelled_at  DATETIME(6)   NOT NULL,
    cancelled_by  VARCHAR(400)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (version_no),
    CONSTRAINT discount_policy_cancellations_version_fk FOREIGN KEY (version_no)
        REFERENCES discount_policy_versions (version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE discount_adjustments (
    partner_id       UUID          NOT NULL,
    version_no       INTEGER       NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    rate_bp          INTEGER       NOT NULL,
    effective_from   DATE          NOT NULL,
    effective_until  DATE,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(400)  NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    PRIMARY KEY (partner_id, version_no),
    CONSTRAINT discount_adjustments_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT discount_adjustments_ck CHECK (version_no >= 1 AND rate_bp BETWEEN 0 AND 10000
        AND (effective_until IS NULL OR effective_until >= effective_from))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE discount_adjustment_cancellations (
    partner_id    UUID          NOT NULL,
    version_no    INTEGER       NOT NULL,
    cancelled_at  DATETIME(6)   NOT NULL,
    cancelled_by  VARCHAR(400)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (partner_id, version_no),
    CONSTRAINT discount_adjustment_cancellations_fk FOREIGN KEY (partner_id, version_no)
        REFERENCES discount_adjustments (partner_id, version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE discount_revision (
    id        INTEGER NOT NULL,
    revision  BIGINT  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT discount_revision_one_row_ck CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

INSERT INTO discount_revision (id, revision) VALUES (1, 0);
