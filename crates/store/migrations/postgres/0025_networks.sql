-- Networks of schools (a pilot, a region, a board, a national body). A network has
-- coordinators (people, apart from any school's permissions) who invite schools; a school is a
-- member only once its administrator accepted, shares the indicators it chose, and may leave
-- at any time. A school that is not a member shares nothing: the CHECK clears its choices,
-- its consent to be named and its explanation, so its figures are gone from the network at
-- once.
CREATE TABLE networks (
    id          UUID PRIMARY KEY,
    short_name  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE network_coordinators (
    network_id  UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (network_id, user_id)
);
CREATE INDEX network_coordinators_user ON network_coordinators (user_id);

CREATE TABLE network_schools (
    network_id   UUID NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    state        TEXT NOT NULL CHECK (state IN ('invited', 'member', 'left')),
    shares       TEXT NOT NULL DEFAULT '',
    named        BIGINT NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),
    explanation  TEXT CHECK (length(explanation) BETWEEN 1 AND 1000),
    changed_at   BIGINT NOT NULL,
    PRIMARY KEY (network_id, school_id),
    CHECK (state = 'member' OR (shares = '' AND named = 0 AND explanation IS NULL))
);
CREATE INDEX network_schools_school ON network_schools (school_id);

-- A school's figures of a school year as it last shared them: a snapshot the school saw on
-- its own page before it went out, one value per indicator and part ('' for the whole, else
-- an area's code). They are the school's; a network reads only those of its members and
-- only of the indicators each chose.
CREATE TABLE shared_figures (
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    indicator    TEXT NOT NULL,
    part         TEXT NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    shared_at    BIGINT NOT NULL,
    PRIMARY KEY (school_id, school_year, indicator, part)
);
