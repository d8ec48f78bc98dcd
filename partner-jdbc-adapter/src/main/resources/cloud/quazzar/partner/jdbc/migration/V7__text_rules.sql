-- V7: which text rule the stored name keys follow (docs/rules.md TEXT-2).
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1.
--
-- partners.name_key and partner_clients.name_key hold Names.key of the name: the key that must be
-- unique and that listings sort by. The library computes it (Unicode white space, NFKC, case
-- folding, invisible characters ignored, and a U+FFFF before every character beyond U+FFFF so that
-- keys sort by code point under UTF-16 comparison, H2's, as under UTF-8 byte comparison,
-- PostgreSQL's COLLATE "C"). Before this version the key was only the lower-cased name with ASCII
-- white space collapsed. SQL cannot compute the new keys, so this one-row table says which rule the
-- stored keys follow: 0 for keys written before V7 (a database that already held partners), 1 for
-- the rule of this version. The JDBC store brings older keys to its rule when it opens (TextKeys),
-- in one transaction, and then sets key_rule; a database migrated empty starts at 1.

CREATE TABLE text_rules (
    id       INTEGER NOT NULL,
    key_rule INTEGER NOT NULL,
    CONSTRAINT text_rules_pk PRIMARY KEY (id),
    CONSTRAINT text_rules_one_row_ck CHECK (id = 1)
);

INSERT INTO text_rules (id, key_rule)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM partners) THEN 0 ELSE 1 END;
