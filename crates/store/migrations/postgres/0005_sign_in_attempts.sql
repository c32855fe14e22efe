-- Failed sign-ins per key: an e-mail address typed (stored as its SHA-256 hash, so addresses
-- without an account are not kept) or a client address.
CREATE TABLE sign_in_attempts (
    key           TEXT PRIMARY KEY NOT NULL,
    failures      BIGINT NOT NULL,
    window_start  BIGINT NOT NULL,
    locked_until  BIGINT NOT NULL
);
