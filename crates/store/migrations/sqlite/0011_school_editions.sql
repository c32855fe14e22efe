-- A school's own editions and its draft of the next one.
--
-- An edition with a school belongs to that school alone (national editions have none). It
-- records the national edition it is based on, who published it (a name, kept when the
-- account goes), and whether the school publishes it openly (CASE endpoints).
ALTER TABLE editions ADD COLUMN school_id BLOB REFERENCES schools (id) ON DELETE CASCADE;
ALTER TABLE editions ADD COLUMN based_on BLOB;
ALTER TABLE editions ADD COLUMN published_by TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN public BIGINT NOT NULL DEFAULT 0 CHECK (public IN (0, 1));
CREATE INDEX editions_by_school ON editions (school_id, created_at);

-- Tags on statements, as a JSON array of strings.
ALTER TABLE statements ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';

-- At most one draft per school. `revision` counts every change, so a publisher can tell the
-- draft they reviewed from one someone changed since.
CREATE TABLE drafts (
    school_id     BLOB PRIMARY KEY NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    from_edition  BLOB NOT NULL REFERENCES editions (id),
    based_on      BLOB NOT NULL REFERENCES editions (id),
    revision      BIGINT NOT NULL,
    created_by    BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- The draft's statements, in order. Each has its own revision, so two people who change
-- different statements never hinder each other, and one who changes a statement someone
-- else changed since they looked is told so instead of overwriting it.
CREATE TABLE draft_statements (
    school_id   BLOB NOT NULL REFERENCES drafts (school_id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    position    BIGINT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('task', 'expertise')),
    role        TEXT NOT NULL CHECK (role IN ('BEG', 'SPE', 'COO')),
    area        TEXT NOT NULL CHECK (area IN ('VIS', 'ORI', 'ORG', 'SAM')),
    theme_code  TEXT,
    depth       BIGINT CHECK (depth BETWEEN 1 AND 3),
    text_nl     TEXT NOT NULL,
    text_en     TEXT NOT NULL,
    sources     TEXT NOT NULL,
    tags        TEXT NOT NULL,
    hidden      BIGINT NOT NULL CHECK (hidden IN (0, 1)),
    revision    BIGINT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (school_id, code)
);

-- A scan opened for a person with the answers of their previous round carried over: the
-- round they came from. Such a scan counts as started only once its owner saves something.
ALTER TABLE scans ADD COLUMN carried_from BLOB;
