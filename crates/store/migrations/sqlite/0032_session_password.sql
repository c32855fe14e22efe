-- Whether a session was begun with a password (a sign-in form, an invitation or the set-up
-- that asked for one) or through a school's identity provider. When a school turns password
-- sign-in off, its members' password sessions end at once. Sessions from before this column
-- count as password sessions: ending one too many only asks someone to sign in again.
ALTER TABLE sessions ADD COLUMN by_password BIGINT NOT NULL DEFAULT 1 CHECK (by_password IN (0, 1));
