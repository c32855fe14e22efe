-- API tokens for scripts and other systems. Each belongs to one school. A personal token
-- (holder 'person') acts for the person who made it, with their permission in the school at
-- the moment of each request; a school token (holder 'school') is made by an administrator for
-- an integration and acts with that administrator's permission. Only the SHA-256 hash of the
-- secret is stored: it is shown once, when made. A revoked or expired token is kept (without
-- use) so that its list and the audit log still name it.
CREATE TABLE api_tokens (
    id            UUID PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    school_id     UUID NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    user_id       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    holder        TEXT NOT NULL CHECK (holder IN ('person', 'school')),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    scopes        TEXT NOT NULL CHECK (length(scopes) > 0),
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_tokens_by_school ON api_tokens (school_id, holder);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- A revoked token stops at once on every instance, as a session that ends does.
CREATE TRIGGER api_tokens_notify AFTER UPDATE OF revoked_at OR DELETE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('sessions');
