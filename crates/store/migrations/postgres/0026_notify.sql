-- Several instances of the app may share one PostgreSQL database. Each keeps what it read of
-- sessions and memberships for a while, and the newest national edition in memory; a write
-- that changes either tells every instance at once (LISTEN raamwerk), from whichever process
-- it came (an instance, the command line). The notification is sent when the transaction
-- commits, and only then.
CREATE FUNCTION raamwerk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('raamwerk', TG_ARGV[0]);
    RETURN NULL;
END;
$$;

-- Who is signed in and what they may do: a session ended, a membership or an account changed,
-- a school renamed or removed.
CREATE TRIGGER sessions_notify AFTER DELETE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('sessions');
CREATE TRIGGER memberships_notify AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('sessions');
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('sessions');
CREATE TRIGGER schools_notify AFTER UPDATE OR DELETE ON schools
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('sessions');

-- A new edition: the public pages may have a newer national one to show.
CREATE TRIGGER editions_notify AFTER INSERT ON editions
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('editions');
