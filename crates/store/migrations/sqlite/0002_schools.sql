-- Schools. The short name is unique and appears in addresses and on the command line.
CREATE TABLE schools (
    id          BLOB PRIMARY KEY NOT NULL,
    short_name  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    sectors     TEXT NOT NULL,
    students    BIGINT NOT NULL CHECK (students > 0),
    region      TEXT NOT NULL,
    brin        TEXT,
    created_at  BIGINT NOT NULL
);
