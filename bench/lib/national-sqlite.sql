-- The national data set of bench/lib/national.sql, the same tables and values, for a migrated
-- SQLite database (run by the sqlite3 shell, which has generate_series; parameters :schools,
-- :staff, :big, :now_ms, and :session_a and :session_b, the hashes of the two sessions'
-- tokens: 64 a's for school 1's coordinator, 64 b's for the network's coordinator). Ids are
-- 16 random bytes, as the app stores a UUID in SQLite.
.bail on
PRAGMA foreign_keys = ON;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
CREATE TEMP TABLE e AS
    SELECT id FROM editions WHERE school_id IS NULL
    ORDER BY published_on DESC, created_at DESC, version DESC LIMIT 1;

CREATE TEMP TABLE s AS
    SELECT value AS i, randomblob(16) AS id, CASE WHEN value = 1 THEN :big ELSE :staff END AS size
    FROM generate_series(1, :schools);
INSERT INTO schools (id, short_name, name, sectors, students, region, brin, created_at)
    SELECT id, 'landelijk-' || i, 'Landelijke school ' || i,
           CASE WHEN i % 4 = 0 THEN 'mbo' ELSE 'vo' END,
           300 + (i * 7919) % 6000,
           substr('GRFRDROVFLGEUTNHZHZENBLI', 1 + 2 * (i % 12), 2),
           NULL, :now_ms
    FROM s;

CREATE TEMP TABLE p AS
    SELECT s.i AS school_no, s.id AS school_id, g.value AS j, randomblob(16) AS id
    FROM s JOIN generate_series(1, :big) g ON g.value <= s.size;
INSERT INTO users (id, email, name, created_at)
    SELECT id, 'p' || j || '@school' || school_no || '.landelijk.example', 'Medewerker ' || j, :now_ms
    FROM p;
INSERT INTO memberships (school_id, user_id, permission, roles, active, created_at)
    SELECT school_id, id,
           CASE WHEN j = 1 THEN 'coordinator' WHEN j = 2 THEN 'schoolbeheerder' ELSE 'lid' END,
           CASE WHEN j % 12 = 1 THEN 'BEG,SPE' ELSE 'BEG' END, 1, :now_ms
    FROM p;

CREATE TEMP TABLE r AS
    SELECT s.id AS school_id, k.value AS k, randomblob(16) AS id
    FROM s CROSS JOIN generate_series(1, 3) k;
INSERT INTO rounds (id, school_id, name, starts_on, ends_on, edition_id, created_by, created_at, closed_at)
    SELECT id, school_id,
           CASE k WHEN 1 THEN 'Najaar 2024' WHEN 2 THEN 'Najaar 2025' ELSE 'Najaar 2026' END,
           CASE k WHEN 1 THEN '2024-10-01' WHEN 2 THEN '2025-10-01' ELSE '2026-10-01' END,
           NULL, (SELECT id FROM e), NULL, :now_ms - (3 - k) * 31536000000,
           CASE WHEN k < 3 THEN :now_ms - (3 - k) * 20000000000 END
    FROM r;

-- Four in five let their scan count in the team picture.
CREATE TEMP TABLE sc AS
    SELECT r.id AS round_id, p.school_id, p.id AS user_id, p.j, randomblob(16) AS id
    FROM p JOIN r ON r.school_id = p.school_id;
INSERT INTO scans (id, round_id, school_id, user_id, created_at, updated_at, finished_at, picture_at)
    SELECT id, round_id, school_id, user_id, :now_ms, :now_ms, :now_ms,
           CASE WHEN j % 5 <> 0 THEN :now_ms END FROM sc;
INSERT INTO scan_answers (scan_id, code, choice, note, discuss, updated_at)
    SELECT sc.id, st.code,
           CASE abs(random()) % 4 WHEN 0 THEN 'ja' WHEN 1 THEN 'deels' WHEN 2 THEN 'ontwikkelen' ELSE 'niet' END,
           NULL, 0, :now_ms
    FROM sc JOIN statements st ON st.edition_id = (SELECT id FROM e) AND st.role = 'BEG'
    ORDER BY sc.id, st.code;

-- The national network: every school a member, sharing everything, with this year's figures.
INSERT INTO networks (id, short_name, name, kind, created_at)
    VALUES (randomblob(16), 'landelijk-netwerk', 'Landelijk netwerk', 'landelijk', :now_ms);
INSERT INTO users (id, email, name, created_at)
    VALUES (randomblob(16), 'netwerk@landelijk.example', 'Netwerkcoördinator', :now_ms);
INSERT INTO network_coordinators (network_id, user_id)
    SELECT n.id, u.id FROM networks n, users u
    WHERE n.short_name = 'landelijk-netwerk' AND u.email = 'netwerk@landelijk.example';
INSERT INTO network_schools (network_id, school_id, state, shares, named, explanation, changed_at)
    SELECT n.id, s.id, 'member', 'teambeeld wie-doet-wat uren leerlingenenquete jaarcyclus',
           CASE WHEN s.i % 10 = 0 THEN 1 ELSE 0 END, NULL, :now_ms
    FROM s, networks n WHERE n.short_name = 'landelijk-netwerk';
INSERT INTO shared_figures (school_id, school_year, indicator, part, value, shared_at)
    SELECT s.id, '2026-2027', f.indicator, f.part, (abs(random()) % 1000) / 1000.0, :now_ms
    FROM s CROSS JOIN (SELECT 'teambeeld' AS indicator, 'VIS' AS part
        UNION ALL SELECT 'teambeeld', 'ORI' UNION ALL SELECT 'teambeeld', 'ORG'
        UNION ALL SELECT 'teambeeld', 'SAM' UNION ALL SELECT 'wie-doet-wat', ''
        UNION ALL SELECT 'uren', '' UNION ALL SELECT 'jaarcyclus', ''
        UNION ALL SELECT 'leerlingenenquete', 'VIS' UNION ALL SELECT 'leerlingenenquete', 'ORI'
        UNION ALL SELECT 'leerlingenenquete', 'ORG' UNION ALL SELECT 'leerlingenenquete', 'SAM') f;

INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    SELECT :session_a, p.id, :now_ms, :now_ms, :now_ms + 86400000
    FROM p WHERE p.school_no = 1 AND p.j = 1;
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    SELECT :session_b, id, :now_ms, :now_ms, :now_ms + 86400000
    FROM users WHERE email = 'netwerk@landelijk.example';
COMMIT;
ANALYZE;
