-- Sub-IDs (issue 19): the partner's own tags of a partner link (sub1..sub5, click_id), kept on the click
-- and copied to the order it attributes. '' when absent. sub_click_id is the partner's click id, not ours
-- (orders.click_id is the id of our click). A constant default is metadata-only on PostgreSQL 11+, so
-- this is instant on a click table of tens of millions of rows.
ALTER TABLE clicks ADD COLUMN sub1 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE clicks ADD COLUMN sub2 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE clicks ADD COLUMN sub3 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE clicks ADD COLUMN sub4 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE clicks ADD COLUMN sub5 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE clicks ADD COLUMN sub_click_id VARCHAR(128) DEFAULT '' NOT NULL;

ALTER TABLE orders ADD COLUMN sub1 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE orders ADD COLUMN sub2 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE orders ADD COLUMN sub3 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE orders ADD COLUMN sub4 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE orders ADD COLUMN sub5 VARCHAR(128) DEFAULT '' NOT NULL;
ALTER TABLE orders ADD COLUMN sub_click_id VARCHAR(128) DEFAULT '' NOT NULL;
