-- Framework editions: immutable once stored. Identifiers are derived by the application;
-- times are written by the application as Unix milliseconds.
CREATE TABLE editions (
    id              UUID PRIMARY KEY NOT NULL,
    identifier      TEXT NOT NULL,
    version         TEXT NOT NULL,
    published_on    TEXT NOT NULL,
    publisher       TEXT NOT NULL,
    languages       TEXT NOT NULL,
    title_nl        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    attribution_nl  TEXT NOT NULL,
    attribution_en  TEXT NOT NULL,
    description_nl  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (identifier, version)
);

CREATE TABLE edition_roles (
    edition_id      UUID NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('BEG', 'SPE', 'COO')),
    name_nl         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_nl  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    PRIMARY KEY (edition_id, role)
);

CREATE TABLE edition_areas (
    edition_id      UUID NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    area            TEXT NOT NULL CHECK (area IN ('VIS', 'ORI', 'ORG', 'SAM')),
    name_nl         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_nl  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    PRIMARY KEY (edition_id, area)
);

CREATE TABLE themes (
    edition_id      UUID NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    position        BIGINT NOT NULL,
    name_nl         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_nl  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    PRIMARY KEY (edition_id, code)
);

CREATE TABLE statements (
    edition_id      UUID NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    position        BIGINT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('task', 'expertise')),
    role            TEXT NOT NULL CHECK (role IN ('BEG', 'SPE', 'COO')),
    area            TEXT NOT NULL CHECK (area IN ('VIS', 'ORI', 'ORG', 'SAM')),
    theme_code      TEXT,
    depth           BIGINT CHECK (depth BETWEEN 1 AND 3),
    text_nl         TEXT NOT NULL,
    text_en         TEXT NOT NULL,
    sources         TEXT NOT NULL,
    PRIMARY KEY (edition_id, code),
    FOREIGN KEY (edition_id, theme_code) REFERENCES themes (edition_id, code)
);

CREATE INDEX statements_by_position ON statements (edition_id, position);
