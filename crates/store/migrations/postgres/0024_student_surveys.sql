-- The anonymous student survey. A survey is opened by a coordinator for groups of students
-- (a class, a year group), each with a class code kept only as its hash and used at most as
-- often as the group has students. An answer keeps its group and its day, nothing else: no
-- code, no use number, no time, no address; its id is random and there is no serial column.
-- The open answer is kept apart, without group or day, so it cannot be joined to the scale
-- answers.
-- Who opened or closed a survey is in the audit log only.
CREATE TABLE surveys (
    id             UUID PRIMARY KEY,
    school_id      UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    questionnaire  BIGINT NOT NULL,
    school_year    TEXT NOT NULL,
    threshold      BIGINT NOT NULL CHECK (threshold >= 5),
    opened_on      TEXT NOT NULL,
    closed_on      TEXT
);
CREATE INDEX surveys_school ON surveys (school_id, opened_on);

CREATE TABLE survey_groups (
    id         UUID PRIMARY KEY,
    survey_id  UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    position   BIGINT NOT NULL,
    name       TEXT NOT NULL,
    code_hash  TEXT NOT NULL UNIQUE,
    uses       BIGINT NOT NULL CHECK (uses BETWEEN 1 AND 1000),
    used       BIGINT NOT NULL DEFAULT 0 CHECK (used >= 0 AND used <= uses),
    UNIQUE (survey_id, position)
);

CREATE TABLE survey_answers (
    id           UUID PRIMARY KEY,
    survey_id    UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    group_id     UUID NOT NULL REFERENCES survey_groups (id) ON DELETE CASCADE,
    answered_on  TEXT NOT NULL CHECK (length(answered_on) = 10),
    v1   SMALLINT CHECK (v1 BETWEEN 1 AND 4),
    v2   SMALLINT CHECK (v2 BETWEEN 1 AND 4),
    v3   SMALLINT CHECK (v3 BETWEEN 1 AND 4),
    v4   SMALLINT CHECK (v4 BETWEEN 1 AND 4),
    v5   SMALLINT CHECK (v5 BETWEEN 1 AND 4),
    v6   SMALLINT CHECK (v6 BETWEEN 1 AND 4),
    v7   SMALLINT CHECK (v7 BETWEEN 1 AND 4),
    v8   SMALLINT CHECK (v8 BETWEEN 1 AND 4),
    v9   SMALLINT CHECK (v9 BETWEEN 1 AND 4),
    v10  SMALLINT CHECK (v10 BETWEEN 1 AND 4),
    v11  SMALLINT CHECK (v11 BETWEEN 1 AND 4),
    v12  SMALLINT CHECK (v12 BETWEEN 1 AND 4)
);
CREATE INDEX survey_answers_survey ON survey_answers (survey_id, group_id);

CREATE TABLE survey_remarks (
    id         UUID PRIMARY KEY,
    survey_id  UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    remark     TEXT NOT NULL CHECK (length(remark) BETWEEN 1 AND 1000)
);
CREATE INDEX survey_remarks_survey ON survey_remarks (survey_id);

-- A closed survey never opens again, takes no answers, and its k never goes down once it
-- has answers: nothing makes it less anonymous after students answered.
CREATE FUNCTION surveys_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.closed_on IS NOT NULL AND NEW.closed_on IS DISTINCT FROM OLD.closed_on THEN
        RAISE EXCEPTION 'a closed survey stays closed';
    END IF;
    IF NEW.threshold < OLD.threshold
       AND EXISTS (SELECT 1 FROM survey_answers WHERE survey_id = OLD.id) THEN
        RAISE EXCEPTION 'a survey with answers keeps its k or raises it';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER surveys_guard BEFORE UPDATE ON surveys
FOR EACH ROW EXECUTE FUNCTION surveys_guard();

CREATE FUNCTION survey_answers_while_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT closed_on FROM surveys WHERE id = NEW.survey_id) IS NOT NULL THEN
        RAISE EXCEPTION 'a closed survey takes no answers';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER survey_answers_while_open BEFORE INSERT ON survey_answers
FOR EACH ROW EXECUTE FUNCTION survey_answers_while_open();
