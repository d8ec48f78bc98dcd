-- V10 for MariaDB: certification lists page through indexes (docs/rules.md LIST-4), as the
-- H2/PostgreSQL script of the same version. The name key is filled by the store when it opens
-- (text_rules.certification_key_rule 0 while rows exist).

ALTER TABLE partner_certifications ADD COLUMN name_key VARBINARY(2400);
ALTER TABLE text_rules ADD COLUMN certification_key_rule INTEGER DEFAULT 0 NOT NULL;
UPDATE text_rules SET certification_key_rule = 1 WHERE NOT EXISTS (SELECT 1 FROM partner_certifications);

CREATE INDEX partner_certifications_current_ix
    ON partner_certifications (partner_id, record_state, expiry_date, name_key, id);
CREATE INDEX partner_certifications_history_ix ON partner_certifications (partner_id, created_at, id);
CREATE INDEX partner_certifications_board_ix ON partner_certifications (record_state, expiry_date, partner_id, id);
DROP INDEX partner_certifications_expiry_ix ON partner_certifications;
