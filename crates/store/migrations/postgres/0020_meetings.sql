-- Team meetings: an agenda of topics (each from the team picture, the allocation, the
-- school's own framework or written by the coordinator, with its minutes), read by the
-- school's members, and the agreements made; an agreement may have given a task a
-- responsible party in the allocation (recorded with it).
CREATE TABLE meetings (
    id          UUID PRIMARY KEY NOT NULL,
    school_id   UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    round_id    UUID REFERENCES rounds (id) ON DELETE SET NULL,
    planned_on  TEXT,
    created_by  UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    revision    BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX meetings_by_school ON meetings (school_id, created_at);

CREATE TABLE meeting_topics (
    meeting_id  UUID NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    BIGINT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('verschil', 'wens', 'gat', 'aandacht', 'eigen', 'vrij')),
    title       TEXT NOT NULL,
    task_code   TEXT,
    minutes     BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_agreements (
    id          UUID PRIMARY KEY NOT NULL,
    meeting_id  UUID NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    task_code   TEXT,
    -- The party it made responsible, as the allocation keeps parties: a person (party_user,
    -- cleared when their account goes), a framework role, an outside party or the school's own.
    party_kind  TEXT CHECK (party_kind IN ('person', 'role', 'outside', 'own')),
    party       TEXT,
    party_user  UUID REFERENCES users (id) ON DELETE SET NULL,
    author_id   UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL
);

CREATE INDEX meeting_agreements_by_meeting ON meeting_agreements (meeting_id, created_at);
