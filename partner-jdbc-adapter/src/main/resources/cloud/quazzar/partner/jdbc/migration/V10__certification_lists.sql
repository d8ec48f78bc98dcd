-- V10: a partner's certifications, its certification history and the warning board page by
-- position (keyset), as a partner's clients do since V9 (docs/rules.md LIST-4): each page's order
-- has an index, so that a page after a position seeks to it instead of reading the rows before it.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+ with V8's placeholder binary_collation.
--
-- A partner's current certifications are ordered by expiry date, then name key (Names.key of the
-- name, by code point, docs/rules.md TEXT-3), then id. The name key is a new column, in the binary
-- collation on PostgreSQL as partners.name_key (V8), written by the store with the name. SQL cannot
-- compute it, so text_rules gets certification_key_rule, the text rule the stored certification
-- keys follow (as key_rule does for partners and clients since V7): 0 when this version finds
-- certifications, whose keys are then missing, 1 otherwise. The JDBC store computes the missing
-- keys when it opens (TextKeys), in one transaction that one node claims, and then sets the rule.
-- The column stays nullable for that reason; the store never writes a record without its key.
--
-- The indexes, each a page's order after the list's equality columns:
--   partner_certifications_current_ix  a partner's current certifications (partner, state, expiry
--                                      date, name key, id); also the per-partner counts
--   partner_certifications_history_ix  a partner's history (partner, creation time, id); also
--                                      every look-up by partner
--   partner_certifications_board_ix    the warning board (state, expiry date, partner, id); also the
--                                      program's counts and the expiry ranges
-- The board's index replaces V3's on (record_state, expiry_date), its prefix. V3's on (partner_id)
-- stays: H2 keeps it as the index of the foreign key to partners (H2 takes for a foreign key only an
-- index of exactly its columns).

ALTER TABLE partner_certifications ADD COLUMN name_key VARCHAR(800) ${binary_collation};

ALTER TABLE text_rules ADD COLUMN certification_key_rule INTEGER DEFAULT 0 NOT NULL;

UPDATE text_rules SET certification_key_rule = 1 WHERE NOT EXISTS (SELECT 1 FROM partner_certifications);

CREATE INDEX partner_certifications_current_ix
    ON partner_certifications (partner_id, record_state, expiry_date, name_key, id);

CREATE INDEX partner_certifications_history_ix ON partner_certifications (partner_id, created_at, id);

CREATE INDEX partner_certifications_board_ix ON partner_certifications (record_state, expiry_date, partner_id, id);

DROP INDEX partner_certifications_expiry_ix;
