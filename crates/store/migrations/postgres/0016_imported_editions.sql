-- A school's version read from a file (rather than published from its draft) says so in the
-- history: an import can bring an older framework back, and the history must show it.
ALTER TABLE editions ADD COLUMN imported BIGINT NOT NULL DEFAULT 0;
