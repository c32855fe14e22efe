//! The answers of a round's scans whose owners opted in to a use of them — feeding *wie doet
//! wat*, counting in the team picture — kept in memory and read again only where they
//! changed. A small stamp is read on every call (so a change by another process is seen
//! too); when it differs from the kept one, the list of opted-in scans with their revisions
//! is read and only the scans whose revision differs, or that are new in the list, are read
//! again (by id, or in one pass over the round when more than a quarter changed).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use domain::Code;
use domain::account::UserId;
use domain::scan::Choice;
use domain::school::SchoolId;
use uuid::Uuid;

use crate::{Store, StoreError, on_pool};

/// A use a scan's owner opts in to, by the column of `scans` that records when they did (NULL
/// while they have not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum OptIn {
    /// `feeds_at`: the task answers feed the allocation's suggestions.
    Feed,
    /// `picture_at`: the answers count in the team picture.
    Picture,
}

/// The queries of an opt-in, written once with its column's name. Each reads one range of
/// `scans` (a round's, by index) and the school's memberships: no lookup per scan.
macro_rules! opt_in_queries {
    ($column:literal) => {
        OptInQueries {
            // The number of opted-in scans of active members, the sum of their revisions (a
            // save counts one up) and of their opt-ins' times (one taken back and given again
            // is newer); cast so both backends give a 64-bit integer.
            stamp: concat!(
                "SELECT COUNT(*), CAST(COALESCE(SUM(s.revision), 0) AS BIGINT), ",
                "CAST(COALESCE(SUM(s.", $column, "), 0) AS BIGINT) FROM scans s ",
                "JOIN memberships m ON m.school_id = s.school_id AND m.user_id = s.user_id AND m.active = 1 ",
                "WHERE s.school_id = $1 AND s.round_id = $2 AND s.", $column, " IS NOT NULL"
            ),
            listed: concat!(
                "SELECT s.id, s.revision, s.", $column, " FROM scans s ",
                "JOIN memberships m ON m.school_id = s.school_id AND m.user_id = s.user_id AND m.active = 1 ",
                "WHERE s.school_id = $1 AND s.round_id = $2 AND s.", $column, " IS NOT NULL"
            ),
            // Opting in again keeps the first time.
            insert: concat!(
                "UPDATE scans SET ", $column, " = $2 WHERE id = $1 AND ", $column, " IS NULL"
            ),
            delete: concat!("UPDATE scans SET ", $column, " = NULL WHERE id = $1"),
            one: concat!(
                "SELECT id FROM scans WHERE round_id = $1 AND school_id = $2 AND user_id = $3 ",
                "AND ", $column, " IS NOT NULL"
            ),
            // One row per scan, its answers as `CODE:choice,…` (codes and choices hold neither
            // `:` nor `,`), which reads many times faster than a row per answer. A scan
            // without a chosen answer gives no row.
            round: concat!(
                "SELECT s.id, s.user_id, s.revision, ",
                "string_agg(a.code || ':' || a.choice, ',') FROM scans s ",
                "JOIN scan_answers a ON a.scan_id = s.id ",
                "WHERE s.school_id = $1 AND s.round_id = $2 AND s.", $column, " IS NOT NULL ",
                "AND a.choice IS NOT NULL GROUP BY s.id, s.user_id, s.revision"
            ),
        }
    };
}

struct OptInQueries {
    stamp: &'static str,
    listed: &'static str,
    insert: &'static str,
    delete: &'static str,
    one: &'static str,
    round: &'static str,
}

/// A person's own scan of a round in a school.
const SELECT_SCAN: &str =
    "SELECT id FROM scans WHERE round_id = $1 AND school_id = $2 AND user_id = $3";

const FEED: OptInQueries = opt_in_queries!("feeds_at");
const PICTURE: OptInQueries = opt_in_queries!("picture_at");

/// The same for the listed scans (`$3…`) of the round only.
const SELECT_SCAN_CHOICES: (&str, &str) = (
    "SELECT s.id, s.user_id, s.revision, string_agg(a.code || ':' || a.choice, ',') \
     FROM scans s JOIN scan_answers a ON a.scan_id = s.id \
     WHERE s.school_id = $1 AND s.round_id = $2 AND a.choice IS NOT NULL AND s.id IN (VALUES ",
    ") GROUP BY s.id, s.user_id, s.revision",
);

impl OptIn {
    fn queries(self) -> &'static OptInQueries {
        match self {
            OptIn::Feed => &FEED,
            OptIn::Picture => &PICTURE,
        }
    }
}

/// What changes whenever a round's opted-in answers may have (see the stamp query).
type Stamp = (i64, i64, i64);

/// The stamp of a list of opted-in scans (id, revision, opted in at), the same as the stamp
/// query gives for it, so that what is kept is stamped with the list it was read by (a change
/// in between is seen at the next read).
fn stamp_of(listed: &[(Uuid, i64, i64)]) -> Stamp {
    listed
        .iter()
        .fold((0, 0, 0), |(n, revisions, times), (_, revision, at)| {
            (n + 1, revisions + revision, times + at)
        })
}

/// One opted-in scan's chosen answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanChoices {
    pub person: UserId,
    pub choices: Vec<(Code, Choice)>,
}

/// Each round's opted-in answers as last read, per use, by scan.
#[derive(Debug, Default)]
pub(crate) struct OptedInCache(std::sync::Mutex<HashMap<(OptIn, SchoolId, Uuid), Kept>>);

#[derive(Debug, Default)]
struct Kept {
    stamp: Stamp,
    /// Per scan: the revision it was read at, and its answers.
    scans: BTreeMap<Uuid, (i64, Arc<ScanChoices>)>,
    all: Arc<Vec<Arc<ScanChoices>>>,
}

impl OptedInCache {
    /// The cache, also after a panic elsewhere left its lock poisoned (its data is only ever
    /// replaced whole per round, never left half-written).
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(OptIn, SchoolId, Uuid), Kept>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Store {
    /// The person's own choice to opt their scan of a round in to `use_`, or out;
    /// `Ok(false)` when they have no scan in that round of the school.
    pub(crate) async fn set_opt_in(
        &self,
        use_: OptIn,
        school: SchoolId,
        round: Uuid,
        user: UserId,
        on: bool,
    ) -> Result<bool, StoreError> {
        let queries = use_.queries();
        let found = on_pool!(self, pool => {
            let mut tx = crate::BeginWrite::begin_write(pool).await?;
            let scan: Option<(Uuid,)> = sqlx::query_as(SELECT_SCAN).bind(round).bind(school.0).bind(user.0).fetch_optional(&mut *tx).await?;
            match scan {
                None => false,
                Some((scan,)) => {
                    if on {
                        sqlx::query(queries.insert).bind(scan).bind(crate::now_millis()).execute(&mut *tx).await?;
                    } else {
                        sqlx::query(queries.delete).bind(scan).execute(&mut *tx).await?;
                    }
                    tx.commit().await?;
                    true
                }
            }
        });
        Ok(found)
    }

    /// Whether the person's scan of the round is opted in to `use_`.
    pub(crate) async fn opts_in(
        &self,
        use_: OptIn,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<bool, StoreError> {
        let found: Option<(Uuid,)> = on_pool!(self, pool =>
            sqlx::query_as(use_.queries().one).bind(round).bind(school.0).bind(user.0).fetch_optional(pool).await?);
        Ok(found.is_some())
    }

    /// The chosen answers of a round's scans whose owners (active members) opted in to `use_`.
    pub(crate) async fn opted_in(
        &self,
        use_: OptIn,
        school: SchoolId,
        round: Uuid,
    ) -> Result<Arc<Vec<Arc<ScanChoices>>>, StoreError> {
        let queries = use_.queries();
        let key = (use_, school, round);
        let stamp: Stamp = on_pool!(self, pool =>
            sqlx::query_as(queries.stamp).bind(school.0).bind(round).fetch_one(pool).await?);
        if let Some(known) = self.opted_in.lock().get(&key)
            && known.stamp == stamp
        {
            return Ok(known.all.clone());
        }
        let listed: Vec<(Uuid, i64, i64)> = on_pool!(self, pool =>
            sqlx::query_as(queries.listed).bind(school.0).bind(round).fetch_all(pool).await?);
        let stale: HashSet<Uuid> = {
            let cache = self.opted_in.lock();
            let known = cache.get(&key).map(|k| &k.scans);
            listed
                .iter()
                .filter(|(scan, revision, _)| {
                    known
                        .and_then(|k| k.get(scan))
                        .is_none_or(|(read, _)| read != revision)
                })
                .map(|(scan, ..)| *scan)
                .collect()
        };
        let mut read = if stale.is_empty() {
            HashMap::new()
        } else if stale.len() * 4 > listed.len() {
            self.read_choices(queries, school, round, None).await?
        } else {
            let some: Vec<Uuid> = stale.iter().copied().collect();
            self.read_choices(queries, school, round, Some(&some))
                .await?
        };
        let owners: HashMap<Uuid, UserId> = if stale.is_empty() {
            HashMap::new()
        } else {
            self.scan_owners(school, round).await?
        };
        let mut cache = self.opted_in.lock();
        if cache.len() >= 512 && !cache.contains_key(&key) {
            cache.clear();
        }
        let known = cache.entry(key).or_default();
        known.stamp = stamp_of(&listed);
        let mut before = std::mem::take(&mut known.scans);
        let mut now = BTreeMap::new();
        for (scan, revision, _) in listed {
            let entry = match read.remove(&scan) {
                Some(found) => found,
                // A scan read again that gave no row has no chosen answer.
                None if stale.contains(&scan) => {
                    let person = owners.get(&scan).copied().unwrap_or(UserId(Uuid::nil()));
                    (
                        revision,
                        Arc::new(ScanChoices {
                            person,
                            choices: Vec::new(),
                        }),
                    )
                }
                None => match before.remove(&scan) {
                    Some(kept) => kept,
                    None => continue,
                },
            };
            now.insert(scan, entry);
        }
        known.all = Arc::new(now.values().map(|(_, c)| c.clone()).collect());
        known.scans = now;
        Ok(known.all.clone())
    }

    /// The owners of a round's scans, for scans read again without a chosen answer.
    async fn scan_owners(
        &self,
        school: SchoolId,
        round: Uuid,
    ) -> Result<HashMap<Uuid, UserId>, StoreError> {
        let rows: Vec<(Uuid, Uuid)> = on_pool!(self, pool =>
            sqlx::query_as("SELECT id, user_id FROM scans WHERE school_id = $1 AND round_id = $2")
                .bind(school.0).bind(round).fetch_all(pool).await?);
        Ok(rows.into_iter().map(|(s, u)| (s, UserId(u))).collect())
    }

    /// The chosen answers of the listed opted-in scans of a round (`None`: all of them, in one
    /// pass over the round, faster when there are many), with the revision they were read at.
    async fn read_choices(
        &self,
        queries: &OptInQueries,
        school: SchoolId,
        round: Uuid,
        scans: Option<&[Uuid]>,
    ) -> Result<HashMap<Uuid, (i64, Arc<ScanChoices>)>, StoreError> {
        let rows: Vec<(Uuid, Uuid, i64, String)> = if let Some(scans) = scans {
            let mut rows = Vec::new();
            for chunk in scans.chunks(crate::saves::ROWS_PER_STATEMENT) {
                let sql = crate::saves::with_rows(SELECT_SCAN_CHOICES, chunk.len(), 1, 3);
                rows.extend(on_pool!(self, pool => {
                    let mut query = sqlx::query_as::<_, (Uuid, Uuid, i64, String)>(
                        sqlx::AssertSqlSafe(sql.clone()),
                    )
                    .bind(school.0)
                    .bind(round);
                    for scan in chunk {
                        query = query.bind(*scan);
                    }
                    query.fetch_all(pool).await?
                }));
            }
            rows
        } else {
            on_pool!(self, pool => sqlx::query_as(queries.round)
                .bind(school.0).bind(round).fetch_all(pool).await?)
        };
        let mut out = HashMap::new();
        for (scan, user, revision, answers) in rows {
            let mut choices = Vec::new();
            for answer in answers.split(',') {
                let bad = || StoreError::CorruptRow(format!("answer {answer}"));
                let (code, choice) = answer.split_once(':').ok_or_else(bad)?;
                choices.push((
                    Code::parse(code).ok_or_else(bad)?,
                    Choice::parse(choice).map_err(|_| bad())?,
                ));
            }
            out.insert(
                scan,
                (
                    revision,
                    Arc::new(ScanChoices {
                        person: UserId(user),
                        choices,
                    }),
                ),
            );
        }
        Ok(out)
    }
}
