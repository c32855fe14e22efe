-- One-time links to set up the first school and its administrator, made while no
-- administrator exists. Only hashes of the tokens are stored.
CREATE TABLE setup_links (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT
);
