-- Rate automation (issue 20): sources polled on a schedule, formulas on directions and currencies,
-- the poller's lease and bounded history. One set for H2 and PostgreSQL (ADR 0002).

-- A direction's rate as an expression over source values (null: the operator's manual rate), and whether
-- its rate is out because a source it needs is stale or lacks a value (then it leaves the feeds).
ALTER TABLE directions ADD COLUMN rate_formula VARCHAR(1000);
ALTER TABLE directions ADD COLUMN rate_unavailable BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE currencies ADD COLUMN reserve_formula VARCHAR(1000);

CREATE TABLE rate_sources (
    code             VARCHAR(32)   NOT NULL PRIMARY KEY,
    source_type      VARCHAR(16)   NOT NULL,
    url              VARCHAR(1000) NOT NULL,
    json_path        VARCHAR(200)  NOT NULL,
    interval_seconds INT           NOT NULL,
    timeout_seconds  INT           NOT NULL,
    max_age_seconds  INT           NOT NULL,
    max_jump_percent NUMERIC(9,4)  NOT NULL,
    last_polled_at   TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    last_error_at    TIMESTAMP WITH TIME ZONE,
    -- The last good answer as read, one KEY=VALUE a line: what formulas may name, and their preview.
    last_values      VARCHAR(1000000),
    -- Set while the source is older than max_age_seconds (the operator is mailed once per outage).
    stale_since      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The last accepted value of each key of a source (BTCUSDT.bid, USD, PMUSD_BTC.rate), and a jump that is
-- held until it repeats on three consecutive polls or an admin accepts it.
CREATE TABLE rate_source_values (
    source_code VARCHAR(32)    NOT NULL REFERENCES rate_sources (code) ON DELETE CASCADE,
    value_key   VARCHAR(100)   NOT NULL,
    accepted_value NUMERIC(38,18) NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    held_value  NUMERIC(38,18),
    held_count  INT            NOT NULL,
    held_since  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (source_code, value_key)
);

-- Exactly one node polls: the holder renews expires_at; another node takes the row once it has expired.
CREATE TABLE rate_poller_lease (
    id         INT          NOT NULL PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO rate_poller_lease (id, holder, expires_at) VALUES (1, '', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

-- One point per minute and series, kept 30 days.
CREATE TABLE rate_source_history (
    source_code VARCHAR(32)    NOT NULL,
    value_key   VARCHAR(100)   NOT NULL,
    minute_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    point_value NUMERIC(38,18) NOT NULL,
    PRIMARY KEY (source_code, value_key, minute_at)
);
CREATE TABLE rate_direction_history (
    from_code VARCHAR(10)    NOT NULL,
    to_code   VARCHAR(10)    NOT NULL,
    minute_at TIMESTAMP WITH TIME ZONE NOT NULL,
    price     NUMERIC(38,18) NOT NULL,
    PRIMARY KEY (from_code, to_code, minute_at)
);
CREATE INDEX rate_source_history_minute ON rate_source_history (minute_at);
CREATE INDEX rate_direction_history_minute ON rate_direction_history (minute_at);
