-- People and their place in schools. A person has one account (one e-mail address) and may
-- belong to several schools, each with its own permission and framework roles.
CREATE TABLE users (
    id          UUID PRIMARY KEY NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE memberships (
    school_id   UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    permission  TEXT NOT NULL CHECK (permission IN ('lid', 'coordinator', 'schoolbeheerder')),
    roles       TEXT NOT NULL,
    active      BIGINT NOT NULL CHECK (active IN (0, 1)),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (school_id, user_id)
);

CREATE INDEX memberships_by_user ON memberships (user_id);
