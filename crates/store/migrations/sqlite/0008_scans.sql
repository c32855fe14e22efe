-- Rounds and self-scans. A round belongs to a school and uses one edition; a person scans at
-- most once per round. Answers and notes are stored field by field, so two tabs (or the page's
-- script and a form without it) that change different fields never erase each other's work.
CREATE TABLE rounds (
    id          BLOB PRIMARY KEY NOT NULL,
    school_id   BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT,
    edition_id  BLOB NOT NULL REFERENCES editions (id),
    created_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    closed_at   BIGINT
);

CREATE INDEX rounds_by_school ON rounds (school_id, created_at);

CREATE TABLE scans (
    id           BLOB PRIMARY KEY NOT NULL,
    round_id     BLOB NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    school_id    BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    user_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    finished_at  BIGINT,
    UNIQUE (round_id, user_id)
);

CREATE INDEX scans_by_school_user ON scans (school_id, user_id);

CREATE TABLE scan_answers (
    scan_id     BLOB NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    choice      TEXT CHECK (choice IN ('ja', 'deels', 'ontwikkelen', 'niet')),
    note        TEXT,
    discuss     BIGINT NOT NULL DEFAULT 0 CHECK (discuss IN (0, 1)),
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (scan_id, code)
);

CREATE TABLE scan_notes (
    scan_id     BLOB NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    note_key    TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (scan_id, note_key)
);
