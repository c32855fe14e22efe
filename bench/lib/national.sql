-- The national data set for bench/national.sh, written straight into a migrated PostgreSQL
-- database through the tables the app itself writes (psql variables: schools, staff, big).
-- School 1 has :big staff, every other :staff. Everyone is a mentor (one in twelve also a
-- decaan); each school has three rounds on the national edition (two closed, this autumn's
-- open) in which everyone answered every mentor statement, four in five letting their scan
-- count in the team picture. One national network holds every school, each sharing every
-- indicator with figures of this school year. Two sessions are made with known tokens:
-- 64 a's (school 1's coordinator) and 64 b's (the network's coordinator).
\set ON_ERROR_STOP on
BEGIN;
SELECT id AS edition FROM editions WHERE school_id IS NULL
    ORDER BY published_on DESC, created_at DESC, version DESC LIMIT 1 \gset
SELECT (extract(epoch FROM now()) * 1000)::bigint AS now_ms \gset

CREATE TEMP TABLE s AS
    SELECT i, gen_random_uuid() AS id, CASE WHEN i = 1 THEN :big ELSE :staff END AS size
    FROM generate_series(1, :schools) i;
INSERT INTO schools (id, short_name, name, sectors, students, region, brin, created_at)
    SELECT id, 'landelijk-' || i, 'Landelijke school ' || i,
           CASE WHEN i % 4 = 0 THEN 'mbo' ELSE 'vo' END,
           300 + (i * 7919) % 6000,
           (ARRAY['GR','FR','DR','OV','FL','GE','UT','NH','ZH','ZE','NB','LI'])[1 + i % 12],
           NULL, :now_ms
    FROM s;

CREATE TEMP TABLE p AS
    SELECT s.i AS school_no, s.id AS school_id, j, gen_random_uuid() AS id
    FROM s CROSS JOIN LATERAL generate_series(1, s.size) j;
INSERT INTO users (id, email, name, created_at)
    SELECT id, 'p' || j || '@school' || school_no || '.landelijk.example', 'Medewerker ' || j, :now_ms
    FROM p;
INSERT INTO memberships (school_id, user_id, permission, roles, active, created_at)
    SELECT school_id, id,
           CASE WHEN j = 1 THEN 'coordinator' WHEN j = 2 THEN 'schoolbeheerder' ELSE 'lid' END,
           CASE WHEN j % 12 = 1 THEN 'BEG,SPE' ELSE 'BEG' END, 1, :now_ms
    FROM p;

CREATE TEMP TABLE r AS
    SELECT s.id AS school_id, k, gen_random_uuid() AS id FROM s CROSS JOIN generate_series(1, 3) k;
INSERT INTO rounds (id, school_id, name, starts_on, ends_on, edition_id, created_by, created_at, closed_at)
    SELECT id, school_id,
           (ARRAY['Najaar 2024', 'Najaar 2025', 'Najaar 2026'])[k],
           (ARRAY['2024-10-01', '2025-10-01', '2026-10-01'])[k],
           NULL, :'edition', NULL, :now_ms - (3 - k) * 31536000000,
           CASE WHEN k < 3 THEN :now_ms - (3 - k) * 20000000000 END
    FROM r;

CREATE TEMP TABLE sc AS
    SELECT r.id AS round_id, p.school_id, p.id AS user_id, p.j, gen_random_uuid() AS id
    FROM p JOIN r ON r.school_id = p.school_id;
-- Four in five let their scan count in the team picture. No instance listens while the data
-- set loads: the scans' notifications (migration 0030) are not sent.
ALTER TABLE scans DISABLE TRIGGER scans_notify;
INSERT INTO scans (id, round_id, school_id, user_id, created_at, updated_at, finished_at, picture_at)
    SELECT id, round_id, school_id, user_id, :now_ms, :now_ms, :now_ms,
           CASE WHEN j % 5 <> 0 THEN :now_ms END FROM sc;
INSERT INTO scan_answers (scan_id, code, choice, note, discuss, updated_at)
    SELECT sc.id, st.code,
           (ARRAY['ja', 'deels', 'ontwikkelen', 'niet'])[1 + abs(hashtext(sc.id::text || st.code)) % 4],
           NULL, 0, :now_ms
    FROM sc JOIN statements st ON st.edition_id = :'edition' AND st.role = 'BEG';
ALTER TABLE scans ENABLE TRIGGER scans_notify;

-- The national network: every school a member, sharing everything, with this year's figures.
INSERT INTO networks (id, short_name, name, kind, created_at)
    VALUES (gen_random_uuid(), 'landelijk-netwerk', 'Landelijk netwerk', 'landelijk', :now_ms);
INSERT INTO users (id, email, name, created_at)
    VALUES (gen_random_uuid(), 'netwerk@landelijk.example', 'Netwerkcoördinator', :now_ms);
INSERT INTO network_coordinators (network_id, user_id)
    SELECT n.id, u.id FROM networks n, users u
    WHERE n.short_name = 'landelijk-netwerk' AND u.email = 'netwerk@landelijk.example';
INSERT INTO network_schools (network_id, school_id, state, shares, named, explanation, changed_at)
    SELECT n.id, s.id, 'member', 'teambeeld wie-doet-wat uren leerlingenenquete jaarcyclus',
           CASE WHEN s.i % 10 = 0 THEN 1 ELSE 0 END, NULL, :now_ms
    FROM s, networks n WHERE n.short_name = 'landelijk-netwerk';
INSERT INTO shared_figures (school_id, school_year, indicator, part, value, shared_at)
    SELECT s.id, '2026-2027', f.indicator, f.part,
           (abs(hashtext(s.id::text || f.indicator || f.part)) % 1000) / 1000.0, :now_ms
    FROM s CROSS JOIN (VALUES
        ('teambeeld', 'VIS'), ('teambeeld', 'ORI'), ('teambeeld', 'ORG'), ('teambeeld', 'SAM'),
        ('wie-doet-wat', ''), ('uren', ''), ('jaarcyclus', ''),
        ('leerlingenenquete', 'VIS'), ('leerlingenenquete', 'ORI'),
        ('leerlingenenquete', 'ORG'), ('leerlingenenquete', 'SAM')) AS f (indicator, part);

INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    SELECT encode(sha256(convert_to('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'UTF8')), 'hex'), p.id, :now_ms, :now_ms,
           :now_ms + 86400000
    FROM p WHERE p.school_no = 1 AND p.j = 1;
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    SELECT encode(sha256(convert_to('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'UTF8')), 'hex'), id, :now_ms, :now_ms,
           :now_ms + 86400000
    FROM users WHERE email = 'netwerk@landelijk.example';
COMMIT;
ANALYZE;
