-- V12 for MariaDB: the audit entries of erasures of personal data (docs/rules.md PRIV-1 to PRIV-4),
-- as the H2/PostgreSQL script of the same version.

CREATE TABLE partner_erasures (
    partner_id    UUID          NOT NULL,
    entry_no      INTEGER       NOT NULL,
    erased_at     DATETIME(6)   NOT NULL,
    erased_by     VARCHAR(400)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    values_erased INTEGER       NOT NULL,
    PRIMARY KEY (partner_id, entry_no),
    CONSTRAINT partner_erasures_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_erasures_entry_ck CHECK (entry_no >= 1),
    CONSTRAINT partner_erasures_values_ck CHECK (values_erased >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
