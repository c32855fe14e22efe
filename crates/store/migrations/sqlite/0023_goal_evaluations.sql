-- The yearly cycle: each goal of the vision evaluated per school year (the indicator's result,
-- what went well, what to adjust), and whether the adjustment was carried into the vision's
-- draft. The goal is named by its id in the versions' snapshots, with its words then.
CREATE TABLE goal_evaluations (
    school_id    BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    school_year  TEXT NOT NULL,
    goal_id      BLOB NOT NULL,
    goal         TEXT NOT NULL,
    result       TEXT NOT NULL,
    went_well    TEXT NOT NULL,
    adjust       TEXT NOT NULL,
    carried      BIGINT NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
    revision     BIGINT NOT NULL,
    updated_by   BLOB REFERENCES users (id) ON DELETE SET NULL,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (school_id, school_year, goal_id)
);
