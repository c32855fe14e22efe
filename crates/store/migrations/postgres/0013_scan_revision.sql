-- Every save of a scan counts its revision up, so that what was read from a scan (for the
-- allocation's suggestions) can be told from what it holds now without trusting the clock.
ALTER TABLE scans ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
