-- Each instance keeps people's own scans in memory as it last read them (one's scan is read on
-- every visit of its pages and through the API). A write to a scan — a save, finishing it, an
-- answer carried over, the scan removed with its owner — tells every instance which scan
-- changed, so none serves the old one. The notification is sent when the transaction commits.
-- Every change to a scan's answers and notes also touches its row in `scans` (a save counts
-- its revision up), so a trigger on `scans` sees them all.
CREATE FUNCTION raamwerk_notify_scan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed scans%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    PERFORM pg_notify('raamwerk', 'scan ' || changed.school_id::text || ' '
        || changed.round_id::text || ' ' || changed.user_id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER scans_notify AFTER INSERT OR UPDATE OR DELETE ON scans
    FOR EACH ROW EXECUTE FUNCTION raamwerk_notify_scan();
