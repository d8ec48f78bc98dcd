-- V9 for MariaDB: a partner's clients page by name key (docs/rules.md LIST-1). On the other
-- databases this version gives partner_clients.name_key a code point collation; here it has been
-- VARBINARY since V1, so the statement below only restates the column as it is.

ALTER TABLE partner_clients MODIFY COLUMN name_key VARBINARY(2400) NOT NULL;
