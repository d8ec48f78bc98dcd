-- V11 for MariaDB: the partners list filters and sorts by client totals and MRR (docs/rules.md
-- LIST-5, decision L2 in docs/decisions.md), as the H2/PostgreSQL script of the same version:
-- running totals on each partner, kept by the store in the transaction that changes a client.

ALTER TABLE partners ADD COLUMN server_total BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE partners ADD COLUMN client_total BIGINT DEFAULT 0 NOT NULL;
UPDATE partners SET
    server_total = COALESCE((SELECT SUM(c.server_count) FROM partner_clients c WHERE c.partner_id = partners.id), 0),
    client_total = (SELECT COUNT(*) FROM partner_clients c WHERE c.partner_id = partners.id);
ALTER TABLE partners ADD CONSTRAINT partners_totals_ck CHECK (server_total >= 0 AND client_total >= 0);

CREATE INDEX partners_servers_name_ix ON partners (server_total, name_key);
CREATE INDEX partners_clients_name_ix ON partners (client_total, name_key);
CREATE INDEX revenue_entries_month_mrr_ix ON revenue_entries (month_start, currency, mrr_minor, partner_id);
DROP INDEX revenue_entries_month_ix ON revenue_entries;
