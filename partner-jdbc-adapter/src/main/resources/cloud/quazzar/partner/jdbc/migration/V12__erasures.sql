-- The audit entries of personal-data erasures (docs/rules.md PRIV-3): that a partner's personal
-- data was erased, when, by whom and why. They hold none of the erased values.
CREATE TABLE partner_erasures (
    partner_id    UUID                        NOT NULL,
    -- 1 for the partner's first erasure, then one more per erasure
    entry_no      INTEGER                     NOT NULL,
    erased_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    erased_by     VARCHAR(400)                NOT NULL,
    reason        VARCHAR(2000)               NOT NULL,
    -- how many stored values the erasure replaced
    values_erased INTEGER                     NOT NULL,
    CONSTRAINT partner_erasures_pk PRIMARY KEY (partner_id, entry_no),
    CONSTRAINT partner_erasures_partner_fk FOREIGN KEY (partner_id) REFERENCES partners (id),
    CONSTRAINT partner_erasures_entry_ck CHECK (entry_no >= 1),
    CONSTRAINT partner_erasures_values_ck CHECK (values_erased >= 0)
);
