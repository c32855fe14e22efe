-- PostgreSQL tells every instance sharing the database what changed (LISTEN/NOTIFY, see the
-- PostgreSQL migration of the same number). A SQLite database has one instance: nothing to do.
SELECT 1;
