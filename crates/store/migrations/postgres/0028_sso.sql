-- Signing in through the school's identity provider (OpenID Connect).

-- An identity at a provider, linked to one account. An account is found by (issuer, subject)
-- alone, never by e-mail address; a person links at most one identity per provider.
CREATE TABLE sso_links (
    issuer      TEXT NOT NULL,
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject),
    UNIQUE (user_id, issuer)
);

-- How a school's people sign in through a provider: the school's organisation in the
-- provider's claim, whether a new person of it joins as 'lid' on first sign-in, and whether
-- members may still sign in with a password.
CREATE TABLE school_sign_in (
    school_id         UUID PRIMARY KEY REFERENCES schools (id) ON DELETE CASCADE,
    issuer            TEXT NOT NULL,
    organisation      TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 253),
    join_as_member    BIGINT NOT NULL CHECK (join_as_member IN (0, 1)),
    password_allowed  BIGINT NOT NULL CHECK (password_allowed IN (0, 1)),
    updated_at        BIGINT NOT NULL
);
CREATE INDEX school_sign_in_by_organisation ON school_sign_in (issuer, organisation);

-- A sign-in or link on its way through the provider: kept by the hash of its state (which
-- the browser also holds in a cookie), taken once, and only for ten minutes.
CREATE TABLE sso_flows (
    state_hash  TEXT PRIMARY KEY,
    provider    TEXT NOT NULL,
    nonce       TEXT NOT NULL,
    verifier    TEXT NOT NULL,
    user_id     UUID REFERENCES users (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
    created_at  BIGINT NOT NULL
);
CREATE INDEX sso_flows_by_age ON sso_flows (created_at);
