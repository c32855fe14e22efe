-- Signing in: a password hash per account (Argon2id, PHC string), one-time links to set a
-- password, and sessions. Tokens are never stored, only their SHA-256 hashes.
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE one_time_links (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    purpose     TEXT NOT NULL CHECK (purpose IN ('set-password')),
    user_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    user_id       BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (user_id);
