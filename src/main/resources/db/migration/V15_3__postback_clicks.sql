-- The click announcer's cursor per endpoint: the partner's counted clicks up to (last_click_at,
-- last_click_id) are announced (event "click"). Walked by time, not by id: ids are taken a thousand at a
-- time per node (ClickStore), so they are not in time order across nodes.
ALTER TABLE postback_endpoints ADD COLUMN last_click_at TIMESTAMP WITH TIME ZONE;
