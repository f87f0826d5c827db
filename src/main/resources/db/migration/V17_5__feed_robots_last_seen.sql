-- The dashboard's "feeds no robot has polled for 30 minutes" (issue 22): the last poll of a profile is the
-- top of this index's range for it, not a read of every robot row (a flood of made-up user agents leaves
-- many of them).
CREATE INDEX feed_robots_profile_last_seen ON feed_robots (profile_code, last_seen);
