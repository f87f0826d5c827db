-- Bumped by every feed profile save. Nodes compare it every half second to notice a profile edited on
-- another node: a count and the latest updated_at could miss two edits in one millisecond or clock skew.
CREATE TABLE feed_revision (
    id       INT    NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO feed_revision (id, revision) VALUES (1, 0);
