-- V5: tier reviews with grace periods (rules REVIEW-1 to REVIEW-8 of docs/rules.md): the running
-- grace period of each partner, the outcome of each partner's review per day, and the review
-- policy's versions.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1. Dates are DATE, enums VARCHAR names, instants
-- TIMESTAMP(6) WITH TIME ZONE. V6 is reserved for domain events.
--
-- The keys are what make reviews safe on several nodes: one running grace period per partner
-- (primary key partner_id) and one outcome per partner and day (primary key (partner_id,
-- review_date)); a second node that tries to start the same grace period or store the same day's
-- outcome fails with a unique violation, rolls back, and reads what the first node stored.

CREATE TABLE review_grace_periods (
    partner_id   UUID        NOT NULL,
    -- the tier the partner keeps during the grace period
    tier         VARCHAR(16) NOT NULL,
    started_on   DATE        NOT NULL,
    -- demotionDueOn, the first day without grace: the first review on or after it demotes (or
    -- recommends it)
    ends_on      DATE        NOT NULL,
    CONSTRAINT review_grace_periods_pk PRIMARY KEY (partner_id),
    CONSTRAINT review_grace_periods_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT review_grace_periods_dates_ck CHECK (ends_on > started_on)
);

CREATE TABLE review_outcomes (
    partner_id        UUID          NOT NULL,
    review_date       DATE          NOT NULL,
    -- KEEP, PROMOTE or AT_RISK
    verdict           VARCHAR(16)   NOT NULL,
    tier_before       VARCHAR(16)   NOT NULL,
    tier_after        VARCHAR(16)   NOT NULL,
    -- NULL when not even the lowest tier's requirements are met
    qualified_tier    VARCHAR(16),
    -- the tier a promotion or demotion moved to or recommends, if any
    target_tier       VARCHAR(16),
    -- the actions taken, comma-separated in order; '' when none
    actions           VARCHAR(400)  NOT NULL,
    grace_started_on  DATE,
    grace_ends_on     DATE,
    -- the unmet requirements in words, one per line; '' when none
    unmet             VARCHAR(100000) NOT NULL,
    CONSTRAINT review_outcomes_pk PRIMARY KEY (partner_id, review_date),
    CONSTRAINT review_outcomes_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT review_outcomes_grace_ck CHECK ((grace_started_on IS NULL) = (grace_ends_on IS NULL))
);

-- the latest day reviewed (a run may not go back before it)
CREATE INDEX review_outcomes_date_ix ON review_outcomes (review_date);

-- Append-only, like the discount policy: a new version per configuration.
CREATE TABLE review_policies (
    version_no      INTEGER                     NOT NULL,
    grace_days      INTEGER                     NOT NULL,
    -- AUTOMATIC or RECOMMEND_ONLY
    demotion_mode   VARCHAR(16)                 NOT NULL,
    promotion_mode  VARCHAR(16)                 NOT NULL,
    configured_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT review_policies_pk PRIMARY KEY (version_no),
    CONSTRAINT review_policies_no_ck CHECK (version_no >= 1),
    CONSTRAINT review_policies_grace_ck CHECK (grace_days >= 1)
);

CREATE TABLE review_revenue_requirements (
    version_no    INTEGER     NOT NULL,
    tier          VARCHAR(16) NOT NULL,
    -- order within the tier, from 0
    position_no   INTEGER     NOT NULL,
    -- MINIMUM_AVERAGE_MRR (the only kind so far)
    kind          VARCHAR(32) NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    months        INTEGER     NOT NULL,
    CONSTRAINT review_revenue_requirements_pk PRIMARY KEY (version_no, tier, position_no),
    CONSTRAINT review_revenue_requirements_policy_fk FOREIGN KEY (version_no) REFERENCES review_policies (version_no)
);
