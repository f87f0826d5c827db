-- Feed profiles: one per monitoring. The code is the {code} of /service/export/{format}/{code}.
-- directions: "FROM-TO" pairs, comma separated; empty = every listed direction.
-- aliases: "CODE=ALIAS" pairs, comma separated: the codes this monitoring uses for our currencies.
CREATE TABLE feed_profiles (
    code        VARCHAR(32)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    xml_flavour VARCHAR(16)   NOT NULL,
    directions  VARCHAR(8000) NOT NULL DEFAULT '',
    aliases     VARCHAR(2000) NOT NULL DEFAULT '',
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
