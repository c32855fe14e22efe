-- Development plans and one-to-one conversations. A plan is a person's goals in a school,
-- seen by them alone unless they share it with a colleague (to read, or to comment on). A
-- conversation is prepared by its owner with a partner (a colleague, or someone named in
-- words); once shared, the colleague reads it, and either records agreements, which become
-- actions in the owner's plan. Dates are ISO text (yyyy-mm-dd), times milliseconds.
CREATE TABLE conversations (
    id             BLOB PRIMARY KEY NOT NULL,
    school_id      BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    owner_id       BLOB REFERENCES users (id) ON DELETE SET NULL,
    partner_id     BLOB REFERENCES users (id) ON DELETE SET NULL,
    partner_name   TEXT,
    planned_on     TEXT,
    include_notes  BIGINT NOT NULL DEFAULT 0 CHECK (include_notes IN (0, 1)),
    shared         BIGINT NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    revision       BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX conversations_by_owner ON conversations (school_id, owner_id);
CREATE INDEX conversations_by_partner ON conversations (school_id, partner_id);

CREATE TABLE conversation_steps (
    conversation_id  BLOB NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    step             TEXT NOT NULL CHECK (step IN ('terugkijken', 'reflecteren', 'vooruitkijken', 'actie')),
    position         BIGINT NOT NULL,
    minutes          BIGINT NOT NULL,
    items            TEXT NOT NULL,
    PRIMARY KEY (conversation_id, step)
);

CREATE TABLE plan_goals (
    id            BLOB PRIMARY KEY NOT NULL,
    school_id     BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    owner_id      BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position      BIGINT NOT NULL,
    what          TEXT NOT NULL,
    why           TEXT,
    support       TEXT,
    partner_id    BLOB REFERENCES users (id) ON DELETE SET NULL,
    partner_name  TEXT,
    target_on     TEXT,
    status        TEXT NOT NULL CHECK (status IN ('lopend', 'afgerond', 'gestopt')),
    reflection    TEXT,
    round_id      BLOB REFERENCES rounds (id) ON DELETE SET NULL,
    -- The conversation whose agreements it gathers, for a goal made from one.
    conversation_id BLOB REFERENCES conversations (id) ON DELETE SET NULL,
    made_on       TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    revision      BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX plan_goals_by_owner ON plan_goals (school_id, owner_id, position);

CREATE TABLE plan_goal_statements (
    goal_id   BLOB NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
    position  BIGINT NOT NULL,
    code      TEXT NOT NULL,
    PRIMARY KEY (goal_id, code)
);

CREATE TABLE plan_actions (
    id               BLOB PRIMARY KEY NOT NULL,
    goal_id          BLOB NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
    position         BIGINT NOT NULL,
    text             TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('gepland', 'bezig', 'gedaan', 'gestopt')),
    due_on           TEXT,
    conversation_id  BLOB REFERENCES conversations (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL
);

CREATE INDEX plan_actions_by_goal ON plan_actions (goal_id, position);

CREATE TABLE conversation_agreements (
    id               BLOB PRIMARY KEY NOT NULL,
    conversation_id  BLOB NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    goal_id          BLOB REFERENCES plan_goals (id) ON DELETE SET NULL,
    action_id        BLOB REFERENCES plan_actions (id) ON DELETE SET NULL,
    author_id        BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL
);

CREATE INDEX conversation_agreements_by_conversation ON conversation_agreements (conversation_id, created_at);

-- Who may read a person's plan in a school, and whether they may comment.
CREATE TABLE plan_shares (
    school_id   BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    owner_id    BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    partner_id  BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mode        TEXT NOT NULL CHECK (mode IN ('lezen', 'reageren')),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (school_id, owner_id, partner_id)
);

CREATE INDEX plan_shares_by_partner ON plan_shares (school_id, partner_id);

CREATE TABLE plan_comments (
    id          BLOB PRIMARY KEY NOT NULL,
    goal_id     BLOB NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
    author_id   BLOB REFERENCES users (id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE INDEX plan_comments_by_goal ON plan_comments (goal_id, created_at);
