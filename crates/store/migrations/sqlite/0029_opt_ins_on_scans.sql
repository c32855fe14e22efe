-- A person's choice to let their scan feed the allocation, or count in the team picture, is
-- kept on the scan's own row (when it was given; NULL when not), no longer in a table of its
-- own (see the PostgreSQL migration of the same number).
ALTER TABLE scans ADD COLUMN feeds_at INTEGER;
ALTER TABLE scans ADD COLUMN picture_at INTEGER;
UPDATE scans SET feeds_at = (SELECT f.created_at FROM scan_feeds f WHERE f.scan_id = scans.id);
UPDATE scans SET picture_at = (SELECT c.created_at FROM picture_consents c WHERE c.scan_id = scans.id);
DROP TABLE scan_feeds;
DROP TABLE picture_consents;
