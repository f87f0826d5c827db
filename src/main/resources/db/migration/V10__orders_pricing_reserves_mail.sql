-- Issue 14: orders priced by the one rule (fees kept on the order), a readable order number, the client's
-- language and consent, reserves that move with orders, and a mail outbox that a worker delivers with retries.

-- The fees the order was priced with (ADR 0005), rounded up at their currency's scale.
ALTER TABLE orders ADD COLUMN fee_from NUMERIC(38,18) NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN fee_to NUMERIC(38,18) NOT NULL DEFAULT 0;
-- Short and readable for the client and the operator (the public id stays the only key to the order page).
ALTER TABLE orders ADD COLUMN number VARCHAR(16);
UPDATE orders SET number = CAST(id AS VARCHAR(16));
CREATE UNIQUE INDEX orders_number ON orders (number);
-- Language of the client's mails (en, ru), from the request that created the order.
ALTER TABLE orders ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en';
-- When the client accepted the exchange rules (directions with requires_consent); null when not asked.
ALTER TABLE orders ADD COLUMN consented_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE directions ADD COLUMN requires_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- What an order will pay out of its to-currency's reserve. state: held (paid, not yet done), booked (success:
-- taken out of currencies.reserve), released (left without paying). One row per order: the primary key is the
-- guard against holding or booking twice, from any node.
CREATE TABLE reserve_holds (
    order_id      BIGINT         NOT NULL PRIMARY KEY,
    currency_code VARCHAR(10)    NOT NULL,
    amount        NUMERIC(38,18) NOT NULL,
    state         VARCHAR(8)     NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reserve_holds_currency ON reserve_holds (currency_code, state);

-- The outbox becomes a queue: a mail is written in the caller's transaction and delivered by a worker, retried
-- at next_attempt_at until sent (sent_at) or given up after many attempts. Rows already there stay as they were.
ALTER TABLE mail_outbox ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
