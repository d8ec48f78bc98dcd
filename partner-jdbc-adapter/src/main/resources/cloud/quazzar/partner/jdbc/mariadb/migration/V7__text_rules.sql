-- V7 for MariaDB: the text rule the stored name keys follow, as the H2/PostgreSQL script of the same
-- version (docs/rules.md TEXT-2): 1 on a new database, 0 where partners exist already, so that the
-- store brings their keys up to date when it opens.

CREATE TABLE text_rules (
    id       INTEGER NOT NULL,
    key_rule INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT text_rules_one_row_ck CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

INSERT INTO text_rules (id, key_rule)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM partners) THEN 0 ELSE 1 END;
