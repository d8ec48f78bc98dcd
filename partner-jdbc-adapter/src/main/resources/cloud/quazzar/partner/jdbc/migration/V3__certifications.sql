-- V3: certifications (rules CERT-1 to CERT-10 of docs/rules.md): every certification record of
-- every partner (current, renewed or revoked: records are never deleted) and, for each current
-- one, the status the sweep last reported for it.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1. Dates are DATE (calendar days, no zone).
-- V2 is reserved for discounts, V4 for revenue.

CREATE TABLE partner_certifications (
    id                UUID                        NOT NULL,
    partner_id        UUID                        NOT NULL,
    name              VARCHAR(400)                NOT NULL,
    skill_area        VARCHAR(32)                 NOT NULL,
    cert_level        VARCHAR(16)                 NOT NULL,
    -- NULL when no holder was recorded
    holder            VARCHAR(400),
    issue_date        DATE                        NOT NULL,
    -- the last valid day
    expiry_date       DATE                        NOT NULL,
    -- CURRENT, RENEWED or REVOKED
    record_state      VARCHAR(16)                 NOT NULL,
    -- the record this one renewed, if it is a renewal
    renewal_of        UUID,
    -- set exactly when revoked
    revoked_by        VARCHAR(400),
    revocation_reason VARCHAR(2000),
    -- the status last reported by the sweep; set exactly when current
    reported_status   VARCHAR(16),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- optimistic lock: 1 when added, one more per change (reporting a status does not count)
    version           BIGINT                      NOT NULL,
    CONSTRAINT partner_certifications_pk PRIMARY KEY (id),
    CONSTRAINT partner_certifications_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_certifications_renewal_fk FOREIGN KEY (renewal_of) REFERENCES partner_certifications (id),
    CONSTRAINT partner_certifications_dates_ck CHECK (expiry_date > issue_date),
    CONSTRAINT partner_certifications_version_ck CHECK (version >= 1),
    CONSTRAINT partner_certifications_reported_ck
        CHECK ((record_state = 'CURRENT' AND reported_status IS NOT NULL)
            OR (record_state <> 'CURRENT' AND reported_status IS NULL)),
    CONSTRAINT partner_certifications_revoked_ck
        CHECK ((record_state = 'REVOKED' AND revoked_by IS NOT NULL AND revocation_reason IS NOT NULL)
            OR (record_state <> 'REVOKED' AND revoked_by IS NULL AND revocation_reason IS NULL))
);

-- a partner's certifications and history
CREATE INDEX partner_certifications_partner_ix ON partner_certifications (partner_id);

-- the warning board (expiring within N days) and the counts: current records by expiry date, so the
-- board reads only its date range instead of every row
CREATE INDEX partner_certifications_expiry_ix ON partner_certifications (record_state, expiry_date);

-- the sweep: for each status band, the current records reported as another status, by expiry date
-- (reported_status is NULL for records that are not current, so they never match)
CREATE INDEX partner_certifications_reported_ix ON partner_certifications (reported_status, expiry_date);
