-- V3 for MariaDB: certifications, as the H2/PostgreSQL script of the same version, in MariaDB's
-- types (see V1).

CREATE TABLE partner_certifications (
    id                UUID          NOT NULL,
    partner_id        UUID          NOT NULL,
    name              VARCHAR(400)  NOT NULL,
    skill_area        VARCHAR(32)   NOT NULL,
    cert_level        VARCHAR(16)   NOT NULL,
    holder            VARCHAR(400),
    issue_date        DATE          NOT NULL,
    expiry_date       DATE          NOT NULL,
    record_state      VARCHAR(16)   NOT NULL,
    renewal_of        UUID,
    revoked_by        VARCHAR(400),
    revocation_reason VARCHAR(2000),
    reported_status   VARCHAR(16),
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE INDEX partner_certifications_partner_ix ON partner_certifications (partner_id);
CREATE INDEX partner_certifications_expiry_ix ON partner_certifications (record_state, expiry_date);
CREATE INDEX partner_certifications_reported_ix ON partner_certifications (reported_status, expiry_date);
