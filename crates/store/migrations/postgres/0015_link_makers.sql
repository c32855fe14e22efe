-- A password link remembers who made it and in which school, so that the rules under which
-- an administrator made one are checked again when it is used; links by someone else end
-- when the person signs in, sets a password or joins another school (revoked_at).
ALTER TABLE one_time_links ADD COLUMN made_by_kind TEXT NOT NULL DEFAULT 'self';
ALTER TABLE one_time_links ADD COLUMN made_by UUID REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE one_time_links ADD COLUMN school_id UUID REFERENCES schools (id) ON DELETE CASCADE;
ALTER TABLE one_time_links ADD COLUMN revoked_at BIGINT;

-- Links made before this version cannot tell who made them: they stop working (a person
-- asks for a new one through "Wachtwoord vergeten").
UPDATE one_time_links SET revoked_at = created_at WHERE used_at IS NULL;

CREATE INDEX one_time_links_by_user ON one_time_links (user_id);
