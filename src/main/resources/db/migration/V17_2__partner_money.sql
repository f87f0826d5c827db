-- Partners' money in view (issue 22).
-- Operator adjustments are ledger entries of their own kind ('adjustment'), with the operator's reason,
-- idempotent by the client's key ("adjustment:<key>", so the key column grows to hold it).
ALTER TABLE reward_ledger ADD COLUMN reason VARCHAR(500);
ALTER TABLE reward_ledger ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(160);

-- Per partner: the ledger's running totals, updated in the booking's transaction, so the partner list
-- sorts every partner by balance or earnings without summing the ledger per view. Derived data: the
-- ledger stays the truth (balance = SUM(amount) of the partner's entries).
CREATE TABLE reward_totals (
    partner_id BIGINT         NOT NULL PRIMARY KEY,
    balance    NUMERIC(38,18) NOT NULL,
    earned     NUMERIC(38,18) NOT NULL,
    adjusted   NUMERIC(38,18) NOT NULL
);
INSERT INTO reward_totals (partner_id, balance, earned, adjusted)
SELECT partner_id, SUM(amount),
       SUM(CASE WHEN kind IN ('credit', 'reversal') THEN amount ELSE 0 END),
       SUM(CASE WHEN kind = 'adjustment' THEN amount ELSE 0 END)
FROM reward_ledger GROUP BY partner_id;

-- Dashboard conversion: partner clicks of a period over all partners, read from the daily aggregate.
CREATE INDEX click_days_day ON click_days (click_day);
-- Dashboard: what waits (paid orders, pending payouts) and periods by status are index look-ups.
CREATE INDEX orders_created_partner ON orders (created_at, partner_id);
