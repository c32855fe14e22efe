-- PostgreSQL tells every instance which scan was written (see the PostgreSQL migration of the
-- same number). A SQLite database has one instance: nothing to do.
SELECT 1;
