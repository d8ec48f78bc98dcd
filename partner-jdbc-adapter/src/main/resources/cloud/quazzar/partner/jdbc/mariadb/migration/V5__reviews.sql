-- V5 for MariaDB: tier reviews, as the H2/PostgreSQL script of the same version, in MariaDB's types
-- (see V1).

CREATE TABLE review_grace_periods (
    partner_id   UUID        NOT NULL,
    tier         VARCHAR(16) NOT NULL,
    started_on   DATE        NOT NULL,
    ends_on      DATE        NOT NULL,
    PRIMARY KEY (partner_id),
    CONSTRAINT review_grace_periods_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT review_grace_periods_dates_ck CHECK (ends_on > started_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE review_outcomes (
    partner_id        UUID          NOT NULL,
    review_date       DATE          NOT NULL,
    verdict           VARCHAR(16)   NOT NULL,
    tier_before       VARCHAR(16)   NOT NULL,
    tier_after        VARCHAR(16)   NOT NULL,
    qualified_tier    VARCHAR(16),
    target_tier       VARCHAR(16),
    actions           VARCHAR(400)  NOT NULL,
    grace_started_on  DATE,
    grace_ends_on     DATE,
    unmet             MEDIUMTEXT    NOT NULL,
    PRIMARY KEY (partner_id, review_date),
    CONSTRAINT review_outcomes_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT review_outcomes_grace_ck CHECK ((grace_started_on IS NULL) = (grace_ends_on IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE INDEX review_outcomes_date_ix ON review_outcomes (review_date);

CREATE TABLE review_policies (
    version_no      INTEGER     NOT NULL,
    grace_days      INTEGER     NOT NULL,
    demotion_mode   VARCHAR(16) NOT NULL,
    promotion_mode  VARCHAR(16) NOT NULL,
    configured_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (version_no),
    CONSTRAINT review_policies_no_ck CHECK (version_no >= 1),
    CONSTRAINT review_policies_grace_ck CHECK (grace_days >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE review_revenue_requirements (
    version_no    INTEGER     NOT NULL,
    tier          VARCHAR(16) NOT NULL,
    position_no   INTEGER     NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    months        INTEGER     NOT NULL,
    PRIMARY KEY (version_no, tier, position_no),
    CONSTRAINT review_revenue_requirements_policy_fk FOREIGN KEY (version_no) REFERENCES review_policies (version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
