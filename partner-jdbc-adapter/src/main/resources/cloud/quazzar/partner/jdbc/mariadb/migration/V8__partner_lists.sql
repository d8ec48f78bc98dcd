-- V8 for MariaDB: what the partners list sorts and pages by (docs/rules.md LIST-1), as the
-- H2/PostgreSQL script of the same version. The name keys are VARBINARY since V1, which already
-- orders them by code point, so the collation change of the other databases has nothing to do here.

ALTER TABLE partners ADD COLUMN tier_rank SMALLINT;
UPDATE partners SET tier_rank = CASE tier WHEN 'SILVER' THEN 1 WHEN 'GOLD' THEN 2 WHEN 'PLATINUM' THEN 3 END;
ALTER TABLE partners MODIFY COLUMN tier_rank SMALLINT NOT NULL;
ALTER TABLE partners ADD CONSTRAINT partners_tier_rank_ck CHECK (
    (tier = 'SILVER' AND tier_rank = 1) OR (tier = 'GOLD' AND tier_rank = 2) OR (tier = 'PLATINUM' AND tier_rank = 3));

CREATE INDEX partners_created_name_ix ON partners (created_at, name_key);
CREATE INDEX partners_tier_name_ix ON partners (tier_rank, name_key);

-- the key that signs page tokens (decision LS1), one row, made by the first store that opens
CREATE TABLE page_token_keys (
    id      INTEGER      NOT NULL,
    key_hex VARCHAR(256) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT page_token_keys_one_row_ck CHECK (id = 1),
    CONSTRAINT page_token_keys_length_ck CHECK (CHAR_LENGTH(key_hex) >= 64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
