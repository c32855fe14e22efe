-- PostgreSQL tells every instance when memberships, accounts or schools change (see the
-- PostgreSQL migration of the same number). A SQLite database has one instance: nothing to do.
SELECT 1;
