-- The school's vision on career guidance (visiestuk). The draft is one text per section with
-- the statements it links to, and the goals; each row has its own revision so two authors
-- never overwrite each other, and vision_drafts counts every change so publishing can tell
-- the draft changed since it was reviewed. A published version is an immutable snapshot (JSON,
-- the section texts, links with the statements' words then, and the goals with their ids).
CREATE TABLE vision_drafts (
    school_id   BLOB PRIMARY KEY NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    revision    BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE vision_sections (
    school_id   BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    section     TEXT NOT NULL CHECK (section IN ('inleiding', 'visie', 'begeleiding', 'organisatie', 'samenwerking')),
    body        TEXT NOT NULL,
    -- The linked statements' codes, separated by spaces.
    links       TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    updated_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (school_id, section)
);

CREATE TABLE vision_goals (
    id           BLOB PRIMARY KEY NOT NULL,
    school_id    BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    section      TEXT NOT NULL CHECK (section IN ('inleiding', 'visie', 'begeleiding', 'organisatie', 'samenwerking')),
    position     BIGINT NOT NULL,
    goal         TEXT NOT NULL,
    indicator    TEXT NOT NULL,
    target       TEXT NOT NULL,
    owner        TEXT NOT NULL,
    evaluate_on  TEXT NOT NULL,
    revision     BIGINT NOT NULL,
    updated_by   BLOB REFERENCES users (id) ON DELETE SET NULL,
    updated_at   BIGINT NOT NULL
);

CREATE INDEX vision_goals_by_school ON vision_goals (school_id, position);

CREATE TABLE vision_versions (
    id            BLOB PRIMARY KEY NOT NULL,
    school_id     BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    number        BIGINT NOT NULL,
    published_on  TEXT NOT NULL,
    published_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    summary       TEXT NOT NULL,
    content       TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    UNIQUE (school_id, number)
);

-- A published version never changes (only who published it is cleared when their account goes).
CREATE TRIGGER vision_versions_immutable
BEFORE UPDATE OF id, school_id, number, published_on, summary, content, created_at ON vision_versions
BEGIN
    SELECT RAISE(ABORT, 'a published version of the vision never changes');
END;
