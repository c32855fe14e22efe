-- Each instance keeps every school's members with their accounts as it last read them (a
-- lookup in the table of all accounts per member, on a national database). A change to a
-- membership, an account or a school now says `members`, so that instances drop those; a
-- session ended still says `sessions`, which leaves the members kept (many people sign out
-- every minute across the country; none of that changes who is a member). Both end the
-- session lookups kept.
DROP TRIGGER memberships_notify ON memberships;
DROP TRIGGER users_notify ON users;
DROP TRIGGER schools_notify ON schools;
CREATE TRIGGER memberships_notify AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('members');
CREATE TRIGGER users_notify AFTER UPDATE OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('members');
CREATE TRIGGER schools_notify AFTER UPDATE OR DELETE ON schools
    FOR EACH STATEMENT EXECUTE FUNCTION raamwerk_notify('members');
