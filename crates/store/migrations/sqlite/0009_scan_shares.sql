-- Sharing a scan, read-only, on purpose: with the whole team of its school, or with named
-- colleagues. Erased with the scan, and with a colleague's account.
ALTER TABLE scans ADD COLUMN shared_with_team BIGINT NOT NULL DEFAULT 0 CHECK (shared_with_team IN (0, 1));

CREATE TABLE scan_shares (
    scan_id     BLOB NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    user_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (scan_id, user_id)
);

CREATE INDEX scan_shares_by_user ON scan_shares (user_id);
