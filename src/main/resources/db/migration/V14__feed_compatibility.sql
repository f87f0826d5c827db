-- Per feed profile, the format details a monitoring's parser insists on (docs/adr/0006), with defaults
-- that keep every existing profile's output byte for byte; and the partner account of that monitoring.
ALTER TABLE feed_profiles ADD COLUMN content_type VARCHAR(40) NOT NULL DEFAULT 'application/xml;charset=utf-8';
ALTER TABLE feed_profiles ADD COLUMN amount_suffix BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE feed_profiles ADD COLUMN legacy_param BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE feed_profiles ADD COLUMN partner_id BIGINT;
