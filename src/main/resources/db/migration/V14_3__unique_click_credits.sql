-- Pay per unique click (issue 18): one row per partner and day (site time zone) credited, the same day's
-- ledger credit booked in the same transaction under the key "uclicks:<partner>:<day>". The primary key
-- makes a second crediting of a day, by a job run twice or by another node, fail and roll back.
-- amount: what was booked (0 when visitors x reward stayed below the 0.01 minimum credit).
CREATE TABLE unique_click_credits (
    partner_id  BIGINT         NOT NULL,
    click_day   DATE           NOT NULL,
    visitors    BIGINT         NOT NULL,
    reward      NUMERIC(38,18) NOT NULL,
    amount      NUMERIC(38,18) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, click_day)
);
