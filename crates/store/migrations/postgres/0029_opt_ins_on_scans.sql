-- A person's choice to let their scan feed the allocation, or count in the team picture, is
-- kept on the scan's own row (when it was given; NULL when not), no longer in a table of its
-- own. Reading a round's opted-in scans is then one range of `scans` (by round) instead of a
-- lookup in another table per scan, which on a national database with hundreds of thousands
-- of scans cost many times what it costs a single school's.
ALTER TABLE scans ADD COLUMN feeds_at BIGINT;
ALTER TABLE scans ADD COLUMN picture_at BIGINT;
UPDATE scans SET feeds_at = f.created_at FROM scan_feeds f WHERE f.scan_id = scans.id;
UPDATE scans SET picture_at = c.created_at FROM picture_consents c WHERE c.scan_id = scans.id;
DROP TABLE scan_feeds;
DROP TABLE picture_consents;

-- A round belongs to one school: tell the planner, so that a round's scans of a school are
-- estimated as the round's scans (not as one row) and joined by ranges, not row by row.
CREATE STATISTICS scans_round_school (dependencies) ON round_id, school_id FROM scans;
ANALYZE scans;
