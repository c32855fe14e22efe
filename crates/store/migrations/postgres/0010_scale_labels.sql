-- A school's own words for the steps of the scale, as a JSON object of field → word; only the
-- words that differ from ours are kept, so '{}' means our defaults.
ALTER TABLE schools ADD COLUMN scale_labels TEXT NOT NULL DEFAULT '{}';
