-- The operator's order search (issue 22): every searchable field has an index that ends in the list's
-- order (created_at, id), so a search reads only the rows it shows, and a page continues by keyset.
-- E-mail addresses are searched without regard to case: a lower-cased copy, filled by the application
-- (H2 has no expression indexes, so LOWER(email) could not be indexed on both engines).
ALTER TABLE orders ADD COLUMN email_search VARCHAR(254);
UPDATE orders SET email_search = LOWER(email);
CREATE INDEX orders_email_search ON orders (email_search, created_at, id);
CREATE INDEX orders_account ON orders (account, created_at, id);
CREATE INDEX orders_from_to_created ON orders (from_code, to_code, created_at, id);
CREATE INDEX orders_to_created ON orders (to_code, created_at, id);
