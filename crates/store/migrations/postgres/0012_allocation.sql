-- Wie doet wat: the team's agreements per school year on who is responsible for each task,
-- who carries it out and who is involved; the school's choices for the LOB hours; the hours
-- each person has; and each person's choice to let a round's task answers feed it.

-- The school's formula and rules. Amounts are minutes; a NULL count means "from the
-- school's data" (students: the school's number; decanen: members holding the specialist role).
CREATE TABLE allocation_settings (
    school_id              UUID PRIMARY KEY NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    formula                TEXT NOT NULL CHECK (formula IN ('vvsl', 'nvs', 'eigen')),
    nvs_minutes            BIGINT NOT NULL CHECK (nvs_minutes BETWEEN 50 AND 70),
    own_base               BIGINT NOT NULL CHECK (own_base >= 0),
    own_per_decaan         BIGINT NOT NULL CHECK (own_per_decaan >= 0),
    own_per_student        BIGINT NOT NULL CHECK (own_per_student >= 0),
    decanen                BIGINT CHECK (decanen BETWEEN 0 AND 1000),
    students               BIGINT CHECK (students BETWEEN 0 AND 100000),
    one_responsible        BIGINT NOT NULL CHECK (one_responsible IN (0, 1)),
    many_responsibilities  BIGINT NOT NULL CHECK (many_responsibilities BETWEEN 1 AND 1000),
    updated_at             BIGINT NOT NULL
);

-- Per task and school year: its category (LOB-taken) and the hours it takes, when set.
CREATE TABLE allocation_tasks (
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    code         TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category IN ('begeleidend', 'specialistisch', 'beleidsmatig', 'management')),
    minutes      BIGINT CHECK (minutes >= 0),
    PRIMARY KEY (school_id, school_year, code)
);

-- The agreements. A party is a person (user_id), a framework role, an outside party or one the
-- school added (party holds the role code, the outside key or the name).
CREATE TABLE allocations (
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    code         TEXT NOT NULL,
    party_kind   TEXT NOT NULL CHECK (party_kind IN ('person', 'role', 'outside', 'own')),
    party        TEXT NOT NULL,
    user_id      UUID REFERENCES users (id) ON DELETE CASCADE,
    part         TEXT NOT NULL CHECK (part IN ('verantwoordelijk', 'uitvoerend', 'betrokken')),
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (school_id, school_year, code, party_kind, party, part)
);

CREATE INDEX allocations_by_person ON allocations (school_id, user_id);

-- Parties outside the school that a school adds to the usual ones.
CREATE TABLE own_parties (
    school_id  UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    PRIMARY KEY (school_id, name)
);

-- The hours a person has for LOB in a school year (entered by a coordinator).
CREATE TABLE person_hours (
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    minutes      BIGINT NOT NULL CHECK (minutes >= 0),
    PRIMARY KEY (school_id, school_year, user_id)
);

-- A person lets the task answers of their scan in this round feed the allocation. Without a
-- row, nothing of their scan reaches it.
CREATE TABLE scan_feeds (
    scan_id     UUID PRIMARY KEY NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL
);
