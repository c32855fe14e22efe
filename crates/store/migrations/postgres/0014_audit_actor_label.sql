-- Who acted, when it was no member but a tool run on the server (the CLI importing a file):
-- the audit log names it instead of leaving the actor blank.
ALTER TABLE audit_log ADD COLUMN actor_label TEXT;
