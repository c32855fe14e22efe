-- A person's request to change their e-mail address, confirmed by a one-time link sent to the
-- new address (when the server can send e-mail). Only the link's SHA-256 hash is stored; a
-- new request, a use or a password change ends the open ones.
CREATE TABLE email_changes (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email   TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    ended_at    BIGINT
);

CREATE INDEX email_changes_by_user ON email_changes (user_id);
