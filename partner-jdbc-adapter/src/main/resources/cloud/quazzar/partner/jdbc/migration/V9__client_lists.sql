-- V9: a partner's clients page by position (keyset) as the partners list does since V8
-- (docs/rules.md LIST-1): partner_clients.name_key gets the binary collation on PostgreSQL, so that
-- the unique index on (partner_id, name_key) serves the code point order (TEXT-3) and a page after a
-- position seeks to it instead of sorting the partner's clients. Uniqueness is unchanged (a
-- deterministic collation's equality is byte equality). On H2 the statement changes nothing.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+ with V8's placeholder binary_collation.

ALTER TABLE partner_clients ALTER COLUMN name_key SET DATA TYPE VARCHAR(800) ${binary_collation};
