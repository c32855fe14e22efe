-- Managing members: invitations by e-mail address (single-use, 14 days; only the token's
-- SHA-256 hash is stored) and the audit log of administrative actions per school.
CREATE TABLE invitations (
    id          BLOB PRIMARY KEY NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    school_id   BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    permission  TEXT NOT NULL CHECK (permission IN ('lid', 'coordinator', 'schoolbeheerder')),
    roles       TEXT NOT NULL,
    invited_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    revoked_at  BIGINT
);

CREATE INDEX invitations_by_school ON invitations (school_id, email);

-- Who did what, when. The actor and the member acted on are references that become NULL
-- when that account is erased: the entry stays, but no longer names them. An invited
-- address is kept as text until its owner's account is erased.
CREATE TABLE audit_log (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id      BLOB NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
    at             BIGINT NOT NULL,
    actor_id       BLOB REFERENCES users (id) ON DELETE SET NULL,
    action         TEXT NOT NULL,
    subject_id     BLOB REFERENCES users (id) ON DELETE SET NULL,
    subject_email  TEXT,
    detail         TEXT
);

CREATE INDEX audit_log_by_school ON audit_log (school_id, seq);
