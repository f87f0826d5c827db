-- A partner's terms besides the personal %: how it is rewarded (a share of orders, or a fixed amount in the
-- base currency per unique counted visitor per day, as monitorings such as Kurses bill), since when that
-- scheme applies (the first day a unique-click credit can be for), and the page where its clients can review
-- the exchanger (monitorings ask exchangers to invite clients after a successful order). No row: orders,
-- no review page.
CREATE TABLE partner_terms (
    partner_id          BIGINT         NOT NULL PRIMARY KEY,
    review_url          VARCHAR(500)   NOT NULL DEFAULT '',
    reward_scheme       VARCHAR(16)    NOT NULL DEFAULT 'orders',
    unique_click_reward NUMERIC(38,18) NOT NULL DEFAULT 0,
    scheme_since        DATE           NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
