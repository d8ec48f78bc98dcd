-- V8: the partners list pages by position (keyset), not by offset: an index for each of its orders
-- and for the name-prefix search, and the key that signs its page tokens.
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1, but for one Flyway placeholder, binary_collation,
-- which the store sets per database (Migrations.configure): COLLATE "C" on PostgreSQL, nothing on
-- H2. A host that runs these scripts with its own Flyway sets it the same way.
--
-- Every order ends with the name key, compared by code point (docs/rules.md TEXT-3): H2 compares
-- keys as stored (UTF-16 units, which Names.key makes agree), PostgreSQL needs the binary collation
-- "C" (UTF-8 bytes). Before this version PostgreSQL compared name_key by the database's collation
-- and the store added COLLATE "C" to its ORDER BY, so the unique index could not serve the order
-- (unless the database's collation was C).
-- Now the column itself has that collation on PostgreSQL: its unique index is rebuilt in it and
-- serves the name order, a name-prefix search (LIKE 'prefix%' is a range under "C") and the
-- look-up by key alike; uniqueness is unchanged (a deterministic collation's equality is byte
-- equality). On H2 the statement changes nothing.
--
-- The tier order ranks tiers, SILVER < GOLD < PLATINUM (the declaration order of Tier), which the
-- tier names do not sort by. tier_rank holds the rank; the store writes it with the tier, and the
-- check ties the two together, so a row cannot carry a rank that is not its tier's. (A generated
-- column would need STORED on PostgreSQL, which H2 does not accept.) Rows already stored get their
-- rank here.
--
-- The creation-time and tier orders each have an index on (the order's key, name_key): a page after
-- a position reads, in index order, the rows of the position's key after its name key, then the rows
-- from the next key on; never the rows before it.
--
-- page_token_keys holds the secret that signs page tokens, so that every node on this database
-- takes the tokens of every other. One row, written by the first store that opens the database
-- (random bytes made in Java; a node that loses the race to insert it reads the winner's).

ALTER TABLE partners ALTER COLUMN name_key SET DATA TYPE VARCHAR(800) ${binary_collation};

ALTER TABLE partners ADD COLUMN tier_rank SMALLINT;

UPDATE partners SET tier_rank = CASE tier WHEN 'SILVER' THEN 1 WHEN 'GOLD' THEN 2 WHEN 'PLATINUM' THEN 3 END;

ALTER TABLE partners ALTER COLUMN tier_rank SET NOT NULL;

ALTER TABLE partners ADD CONSTRAINT partners_tier_rank_ck CHECK (
    (tier = 'SILVER' AND tier_rank = 1) OR (tier = 'GOLD' AND tier_rank = 2) OR (tier = 'PLATINUM' AND tier_rank = 3));

CREATE INDEX partners_created_name_ix ON partners (created_at, name_key);

CREATE INDEX partners_tier_name_ix ON partners (tier_rank, name_key);

CREATE TABLE page_token_keys (
    id      INTEGER      NOT NULL,
    -- the key in hexadecimal: 32 random bytes or more
    key_hex VARCHAR(256) NOT NULL,
    CONSTRAINT page_token_keys_pk PRIMARY KEY (id),
    CONSTRAINT page_token_keys_one_row_ck CHECK (id = 1),
    CONSTRAINT page_token_keys_length_ck CHECK (CHAR_LENGTH(key_hex) >= 64)
);
