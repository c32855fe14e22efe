-- The team picture. A person lets their scan of a round count in it (a choice of its own,
-- apart from sharing, revocable); a round keeps the least number of people a group figure is
-- shown over (k) from when its first answer came in; a school may raise k, never below 5.
-- Coordinators define teams of members, whose picture is read under the same rules.
CREATE TABLE picture_consents (
    scan_id     UUID PRIMARY KEY NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL
);

ALTER TABLE schools ADD COLUMN picture_threshold BIGINT NOT NULL DEFAULT 5;
ALTER TABLE rounds ADD COLUMN picture_threshold BIGINT NOT NULL DEFAULT 5;

CREATE TABLE teams (
    id          UUID PRIMARY KEY NOT NULL,
    school_id   UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    UNIQUE (school_id, name)
);

CREATE TABLE team_members (
    team_id  UUID NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id  UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
