-- V11: the partners list filters and sorts by aggregates (docs/rules.md LIST-5): certification
-- status, server and client counts, and the MRR of a month. (V10 and V12 belong to other changes.)
--
-- Portable SQL for H2 2.x and PostgreSQL 15+, as V1.
--
-- Counts (decision L2 of docs/decisions.md, which amends D5): a partner's server count is the sum of
-- its clients' server counts and its client count their number (REG-3). A list sorted by them must
-- seek to a position through an index, so the partner row keeps them: server_total and client_total,
-- changed by the store in the same transaction as every client insert, update and delete, by an
-- atomic increment (UPDATE partners SET server_total = server_total + ?, ... WHERE id = ?). The
-- increment does not touch the partner's version, so a client change never makes an optimistic
-- partner update stale. Rows stored before this version get their totals here, from their clients.
-- The check keeps a broken increment from going unnoticed. Each count has an index on (count,
-- name_key), the order and its tie-break, like tier_rank in V8 (name_key has the binary collation on
-- PostgreSQL since V8, so these indexes sort it by code point).
--
-- Certifications: the status filter asks whether a partner has a current certification whose expiry
-- date lies in a range; the index on (partner_id, record_state, expiry_date) answers that for one
-- partner from the index alone. It replaces V3's index on partner_id, whose look-ups (a partner's
-- certifications) it serves by its leading column; with both, PostgreSQL may probe the narrower
-- one and filter the rows it reads.
--
-- MRR: the MRR sort lists the current entries (highest revision) of one month in one currency by
-- (mrr_minor, partner_id); the index on (month_start, currency, mrr_minor, partner_id) gives that
-- order for a month and currency, and the unique (partner_id, month_start, revision) index of V4
-- answers "is there a higher revision" for each entry read. It replaces V4's index on month_start,
-- whose month scans (reports, exports) it serves by its leading column: with both, H2 reads a page
-- after a position (two ranges in a UNION ALL) through the narrower one, every entry of the month.

ALTER TABLE partners ADD COLUMN server_total BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE partners ADD COLUMN client_total BIGINT DEFAULT 0 NOT NULL;

UPDATE partners SET
    server_total = COALESCE((SELECT SUM(c.server_count) FROM partner_clients c WHERE c.partner_id = partners.id), 0),
    client_total = (SELECT COUNT(*) FROM partner_clients c WHERE c.partner_id = partners.id);

ALTER TABLE partners ADD CONSTRAINT partners_totals_ck CHECK (server_total >= 0 AND client_total >= 0);

CREATE INDEX partners_servers_name_ix ON partners (server_total, name_key);

CREATE INDEX partners_clients_name_ix ON partners (client_total, name_key);

-- the certification filter reads V10's partner_certifications_current_ix (partner_id, record_state,
-- expiry_date, name_key, id); V3's partner_certifications_partner_ix stays (H2 keeps the index of
-- exactly the foreign key's columns for the constraint)

CREATE INDEX revenue_entries_month_mrr_ix ON revenue_entries (month_start, currency, mrr_minor, partner_id);

DROP INDEX revenue_entries_month_ix;
