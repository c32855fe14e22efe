-- Work plans (werkplan): per team (or the whole school) and school year, the goals of a
-- published version of the vision the team takes up, and its activities for them. Goals are
-- named by their ids in the version's snapshot (no foreign key: they live in its JSON).
CREATE TABLE work_plans (
    id           UUID PRIMARY KEY NOT NULL,
    school_id    UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    school_year  TEXT NOT NULL,
    version_id   UUID NOT NULL REFERENCES vision_versions (id) ON DELETE CASCADE,
    -- The goals taken up, as ids separated by spaces, in the version's order.
    goals        TEXT NOT NULL,
    created_by   UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    revision     BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX work_plans_by_school ON work_plans (school_id, school_year);

CREATE TABLE work_plan_activities (
    id          UUID PRIMARY KEY NOT NULL,
    plan_id     UUID NOT NULL REFERENCES work_plans (id) ON DELETE CASCADE,
    goal_id     UUID NOT NULL,
    position    BIGINT NOT NULL,
    text        TEXT NOT NULL,
    owner       TEXT NOT NULL,
    due         TEXT,
    created_at  BIGINT NOT NULL
);

CREATE INDEX work_plan_activities_by_plan ON work_plan_activities (plan_id, position);
