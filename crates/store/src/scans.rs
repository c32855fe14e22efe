//! Rounds and self-scans. Every query takes the school: a round of another school is not
//! found, and a scan is only ever read or written for the person it belongs to (the caller
//! passes the signed-in person, never an id from a request).

use domain::account::{Permission, UserId};
use domain::members::{AuditAction, Refusal};
use domain::scan::{Answer, Choice, Note, NoteKey, Period, RoundName, ScanContent};
use domain::school::SchoolId;
use domain::{Code, EditionId};
use std::sync::Arc;
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, ManageError, PRUNE_AUDIT, audit};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

pub(crate) const SELECT_ACTOR: &str =
    "SELECT permission, active FROM memberships WHERE school_id = $1 AND user_id = $2";
const COUNT_OPEN: &str = "SELECT COUNT(*) FROM rounds WHERE school_id = $1 AND closed_at IS NULL";
const INSERT_ROUND: &str = "INSERT INTO rounds \
     (id, school_id, name, starts_on, ends_on, edition_id, created_by, created_at, picture_threshold) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT picture_threshold FROM schools WHERE id = $2))";
const CLOSE_ROUND: &str = "UPDATE rounds SET closed_at = $3 \
     WHERE id = $1 AND school_id = $2 AND closed_at IS NULL RETURNING name";
const REOPEN_ROUND: &str = "UPDATE rounds SET closed_at = NULL \
     WHERE id = $1 AND school_id = $2 AND closed_at IS NOT NULL RETURNING name";
const SELECT_ROUNDS: &str = "SELECT id, name, starts_on, ends_on, edition_id, created_at, closed_at \
     FROM rounds WHERE school_id = $1 ORDER BY created_at DESC";
const SELECT_ROUND: &str = "SELECT id, name, starts_on, ends_on, edition_id, created_at, closed_at \
     FROM rounds WHERE id = $1 AND school_id = $2";
// A scan counts as started when it was not carried over, or when its owner saved since.
const SELECT_SCAN_STATE: &str = "SELECT s.id, s.finished_at, s.carried_from, s.created_at, s.updated_at FROM scans s \
     WHERE s.round_id = $1 AND s.school_id = $2 AND s.user_id = $3";
const SELECT_ANSWERS: &str =
    "SELECT code, choice, note, discuss FROM scan_answers WHERE scan_id = $1";
const SELECT_NOTES: &str = "SELECT note_key, text FROM scan_notes WHERE scan_id = $1";
const SELECT_STATUSES: &str = "SELECT u.id, u.name, s.finished_at, \
     CASE WHEN s.carried_from IS NULL OR s.updated_at > s.created_at THEN s.updated_at END, \
     (s.carried_from IS NOT NULL AND s.updated_at <= s.created_at) \
     FROM memberships m JOIN users u ON u.id = m.user_id \
     LEFT JOIN scans s ON s.user_id = m.user_id AND s.round_id = $2 \
     WHERE m.school_id = $1 AND m.active = 1";
const SELECT_MY_SCANS: &str = "SELECT s.round_id, s.finished_at, \
     (s.carried_from IS NOT NULL AND s.updated_at <= s.created_at) FROM scans s \
     WHERE s.school_id = $1 AND s.user_id = $2";
/// Each active member's scans in the school's other rounds, newest round first.
const SELECT_EARLIER_SCANS: &str = "SELECT s.user_id, s.id, s.round_id FROM scans s \
     JOIN rounds r ON r.id = s.round_id \
     JOIN memberships m ON m.school_id = s.school_id AND m.user_id = s.user_id AND m.active = 1 \
     WHERE s.school_id = $1 AND s.round_id <> $2 ORDER BY r.created_at DESC";
const INSERT_CARRIED_SCAN: &str = "INSERT INTO scans \
     (id, round_id, school_id, user_id, created_at, updated_at, carried_from) \
     VALUES ($1, $2, $3, $4, $5, $5, $6)";
/// A scan's answers to the statements an edition still has, into another scan.
const CARRY_ANSWERS: &str = "INSERT INTO scan_answers (scan_id, code, choice, note, discuss, updated_at) \
     SELECT $1, a.code, a.choice, a.note, a.discuss, $2 FROM scan_answers a \
     WHERE a.scan_id = $3 AND a.code IN (SELECT code FROM statements WHERE edition_id = $4)";

/// Whose scan of which round: the key under which a person's own scan is kept in memory.
pub type ScanKey = (SchoolId, Uuid, UserId);

/// The scan a PostgreSQL notification names (`scan <school> <round> <person>`, migration
/// 0030); `None` for any other payload.
pub(crate) fn notified(payload: &str) -> Option<ScanKey> {
    let mut ids = payload.strip_prefix("scan ")?.split(' ');
    let mut next = || ids.next().and_then(|id| Uuid::parse_str(id).ok());
    let key = (SchoolId(next()?), next()?, UserId(next()?));
    ids.next().is_none().then_some(key)
}

/// A round of a school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    pub id: Uuid,
    pub name: RoundName,
    pub period: Period,
    pub edition: EditionId,
    pub created_at: i64,
    pub closed_at: Option<i64>,
}

impl Round {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Whether the round has begun by `today`: before its start date it is not open for
    /// answers yet.
    pub fn has_started(&self, today: domain::framework::Date) -> bool {
        self.period.starts <= today
    }

    /// Whether people can answer in the round on `today`: it is open and has begun.
    pub fn takes_answers(&self, today: domain::framework::Date) -> bool {
        self.is_open() && self.has_started(today)
    }
}

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: Uuid,
    name: String,
    starts_on: String,
    ends_on: Option<String>,
    edition_id: Uuid,
    created_at: i64,
    closed_at: Option<i64>,
}

impl RoundRow {
    fn into_round(self) -> Result<Round, StoreError> {
        let bad = |what: &str| StoreError::CorruptRow(format!("round {}: {what}", self.id));
        Ok(Round {
            id: self.id,
            name: RoundName::parse(&self.name).map_err(|_| bad("name"))?,
            period: Period::parse(&self.starts_on, self.ends_on.as_deref().unwrap_or(""))
                .map_err(|_| bad("period"))?,
            edition: EditionId(self.edition_id),
            created_at: self.created_at,
            closed_at: self.closed_at,
        })
    }
}

/// A scan's id, when it was finished, the round it was carried over from, and when it was
/// created and last saved.
type ScanState = (Uuid, Option<i64>, Option<Uuid>, i64, i64);

/// A scan as read: its answers, its notes (key, text), when it was finished, and whether it
/// exists at all.
/// A member's status in a round: id, name, finished at, last saved at (not counting carried
/// answers), carried over and untouched.
type StatusRow = (Uuid, String, Option<i64>, Option<i64>, Option<bool>);
type StoredScan = (
    Vec<AnswerRow>,
    Vec<(String, String)>,
    Option<i64>,
    bool,
    bool,
);

#[derive(sqlx::FromRow)]
struct AnswerRow {
    code: String,
    choice: Option<String>,
    note: Option<String>,
    discuss: i64,
}

/// A person's scan in a round, as the owner sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MyScan {
    pub content: ScanContent,
    /// When the owner marked it finished, if they did.
    pub finished_at: Option<i64>,
    /// Whether anything was ever saved.
    pub started: bool,
    /// Whether it holds answers carried over from an earlier round that the owner has not
    /// confirmed or changed yet.
    pub carried: bool,
}

/// Where a member stands in a round, as a coordinator may see it: never the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanStatus {
    pub user: UserId,
    pub name: String,
    pub started: bool,
    pub finished: bool,
    /// Answers carried over from an earlier round, not confirmed or changed yet.
    pub carried: bool,
}

/// A person's scans in a school, by round (for the list of rounds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScanMark {
    pub round: Uuid,
    pub finished: bool,
    /// Answers carried over from an earlier round, not confirmed or changed yet.
    pub carried: bool,
}

/// Why a scan was not saved.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{0}")]
    Refused(Refusal),
    #[error("no such round in this school")]
    NoRound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ScanError {
    fn from(e: sqlx::Error) -> Self {
        ScanError::Store(StoreError::Database(e))
    }
}

impl From<Refusal> for ScanError {
    fn from(r: Refusal) -> Self {
        ScanError::Refused(r)
    }
}

fn date(d: domain::framework::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The person's permission in the school within a transaction, if an active member.
macro_rules! active_permission {
    ($tx:expr, $school:expr, $user:expr) => {{
        let row: Option<(String, i64)> = sqlx::query_as($crate::scans::SELECT_ACTOR)
            .bind($school)
            .bind($user)
            .fetch_optional(&mut *$tx)
            .await?;
        match row {
            Some((p, 1)) => Some(
                domain::account::Permission::parse(&p)
                    .map_err(|_| $crate::StoreError::CorruptRow(format!("permission '{p}'")))?,
            ),
            _ => None,
        }
    }};
}
pub(crate) use active_permission;

impl Store {
    /// Opens a round in the school on behalf of a coordinator or administrator; refused while
    /// another round is open. Recorded in the audit log.
    pub async fn open_round(
        &self,
        school: SchoolId,
        actor: UserId,
        name: &RoundName,
        period: Period,
        edition: EditionId,
    ) -> Result<Round, ManageError> {
        let id = Uuid::new_v4();
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            match active_permission!(tx, school.0, actor.0) {
                Some(p) if p.includes(Permission::Coordinator) => {}
                _ => return Err(Refusal::NotAllowed.into()),
            }
            let (open,): (i64,) = sqlx::query_as(COUNT_OPEN).bind(school.0).fetch_one(&mut *tx).await?;
            if open > 0 {
                return Err(Refusal::RoundOpen.into());
            }
            sqlx::query(INSERT_ROUND)
                .bind(id)
                .bind(school.0)
                .bind(name.as_str())
                .bind(date(period.starts))
                .bind(period.ends.map(date))
                .bind(edition.0)
                .bind(actor.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::RoundOpened, None::<Uuid>, None::<String>, Some(name.as_str()));
            // Everyone starts from their answers of their most recent round, on the
            // statements the new round's edition still has (codes last across editions).
            let earlier: Vec<(Uuid, Uuid, Uuid)> = sqlx::query_as(SELECT_EARLIER_SCANS).bind(school.0).bind(id).fetch_all(&mut *tx).await?;
            let mut seen = std::collections::HashSet::new();
            for (user, scan, from_round) in earlier {
                if !seen.insert(user) {
                    continue;
                }
                let carried = Uuid::new_v4();
                sqlx::query(INSERT_CARRIED_SCAN).bind(carried).bind(id).bind(school.0).bind(user).bind(now).bind(from_round).execute(&mut *tx).await?;
                sqlx::query(CARRY_ANSWERS).bind(carried).bind(now).bind(scan).bind(edition.0).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(Round {
            id,
            name: name.clone(),
            period,
            edition,
            created_at: now,
            closed_at: None,
        })
    }

    /// Closes an open round of the school; `Ok(false)` when there is no open round with this
    /// id in this school.
    pub async fn close_round(
        &self,
        school: SchoolId,
        actor: UserId,
        round: Uuid,
    ) -> Result<bool, ManageError> {
        self.set_round_open(school, actor, round, false).await
    }

    /// Opens a closed round of the school again, for a round closed by mistake; refused
    /// while another round is open (a school has one open round at a time). `Ok(false)` when
    /// there is no closed round with this id in this school.
    pub async fn reopen_round(
        &self,
        school: SchoolId,
        actor: UserId,
        round: Uuid,
    ) -> Result<bool, ManageError> {
        self.set_round_open(school, actor, round, true).await
    }

    /// Closes or reopens a round, with the coordinator's check and the audit entry in the
    /// same transaction.
    async fn set_round_open(
        &self,
        school: SchoolId,
        actor: UserId,
        round: Uuid,
        open: bool,
    ) -> Result<bool, ManageError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            match active_permission!(tx, school.0, actor.0) {
                Some(p) if p.includes(Permission::Coordinator) => {}
                _ => return Err(Refusal::NotAllowed.into()),
            }
            let changed: Option<(String,)> = if open {
                let (others,): (i64,) = sqlx::query_as(COUNT_OPEN).bind(school.0).fetch_one(&mut *tx).await?;
                if others > 0 {
                    return Err(Refusal::RoundOpen.into());
                }
                sqlx::query_as(REOPEN_ROUND).bind(round).bind(school.0).fetch_optional(&mut *tx).await?
            } else {
                sqlx::query_as(CLOSE_ROUND)
                    .bind(round).bind(school.0).bind(now_millis()).fetch_optional(&mut *tx).await?
            };
            let Some((name,)) = changed else {
                return Ok(false);
            };
            let action = if open { AuditAction::RoundReopened } else { AuditAction::RoundClosed };
            audit!(tx, school.0, Some(actor.0), action, None::<Uuid>, None::<String>, Some(name));
            tx.commit().await?;
        });
        Ok(true)
    }

    /// The school's rounds, newest first.
    pub async fn rounds(&self, school: SchoolId) -> Result<Vec<Round>, StoreError> {
        let rows: Vec<RoundRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_ROUNDS).bind(school.0).fetch_all(pool).await?
        });
        rows.into_iter().map(RoundRow::into_round).collect()
    }

    /// One round of the school; `None` for a round of another school.
    pub async fn round(&self, school: SchoolId, round: Uuid) -> Result<Option<Round>, StoreError> {
        let row: Option<RoundRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_ROUND).bind(round).bind(school.0).fetch_optional(pool).await?
        });
        let round = row.map(RoundRow::into_round).transpose()?;
        if let Some(round) = &round {
            self.round_editions
                .insert((school, round.id), round.edition);
        }
        Ok(round)
    }

    /// The edition a round of the school uses, which is fixed when the round opens; kept in
    /// memory once read, so that saving reads nothing before it writes. Whether the round is
    /// still open is checked where the save is written.
    pub async fn round_edition(
        &self,
        school: SchoolId,
        round: Uuid,
    ) -> Result<Option<EditionId>, StoreError> {
        if let Some(edition) = self.round_editions.get(&(school, round)) {
            return Ok(Some(edition));
        }
        Ok(self.round(school, round).await?.map(|r| r.edition))
    }

    /// The person's own scan in a round of the school (empty when they have not started).
    pub async fn my_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<MyScan, StoreError> {
        Ok(MyScan::clone(
            &*self.my_scan_shared(school, round, user).await?,
        ))
    }

    /// The same, shared rather than copied. Kept in memory as last read: every write to the
    /// scan through this store drops it after committing, and so does, on PostgreSQL, the
    /// database's notification of a write by another process (migration 0030); else it is
    /// read again after a few seconds ([`Store::reuse_for`]).
    pub async fn my_scan_shared(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<Arc<MyScan>, StoreError> {
        let key = (school, round, user);
        if let Some(kept) = self.scans.get(&key, self.reuse_for()) {
            return Ok(kept);
        }
        let ticket = self.scans.ticket();
        let read = Arc::new(self.read_my_scan(school, round, user).await?);
        self.scans.keep(ticket, key, read.clone());
        Ok(read)
    }

    async fn read_my_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<MyScan, StoreError> {
        let (answers, notes, finished_at, started, carried): StoredScan = on_pool!(self, pool => {
            let state: Option<ScanState> = sqlx::query_as(SELECT_SCAN_STATE)
                .bind(round).bind(school.0).bind(user.0).fetch_optional(pool).await?;
            match state {
                None => (Vec::new(), Vec::new(), None, false, false),
                Some((scan, finished_at, carried_from, created_at, updated_at)) => (
                    sqlx::query_as(SELECT_ANSWERS).bind(scan).fetch_all(pool).await?,
                    sqlx::query_as(SELECT_NOTES).bind(scan).fetch_all(pool).await?,
                    finished_at,
                    carried_from.is_none() || updated_at > created_at,
                    carried_from.is_some() && updated_at <= created_at,
                ),
            }
        });
        let mut content = ScanContent::default();
        for row in answers {
            let bad = || StoreError::CorruptRow(format!("scan answer {}", row.code));
            let code = Code::parse(&row.code).ok_or_else(bad)?;
            let choice = row
                .choice
                .as_deref()
                .map(Choice::parse)
                .transpose()
                .map_err(|_| bad())?;
            let note = row.note.as_deref().map(Note::from_stored);
            content.answers.insert(
                code,
                Answer {
                    choice,
                    note,
                    discuss: row.discuss == 1,
                },
            );
        }
        for (key, text) in notes {
            let key = NoteKey::parse(&key)
                .ok_or_else(|| StoreError::CorruptRow(format!("scan note key {key}")))?;
            content.notes.insert(key, Note::from_stored(&text));
        }
        Ok(MyScan {
            content,
            finished_at,
            started,
            carried,
        })
    }

    /// Who of the school's active members has started and finished a scan in a round, by
    /// name; never what is in it.
    pub async fn scan_statuses(
        &self,
        school: SchoolId,
        round: Uuid,
    ) -> Result<Vec<ScanStatus>, StoreError> {
        let rows: Vec<StatusRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_STATUSES).bind(school.0).bind(round).fetch_all(pool).await?
        });
        let mut statuses: Vec<ScanStatus> = rows
            .into_iter()
            .map(|(id, name, finished, updated, carried)| ScanStatus {
                user: UserId(id),
                name,
                started: updated.is_some(),
                finished: finished.is_some(),
                carried: carried.unwrap_or(false),
            })
            .collect();
        statuses.sort_by_cached_key(|s| s.name.to_lowercase());
        Ok(statuses)
    }

    /// Which rounds of the school the person has a scan in, and whether it is finished.
    pub async fn my_scan_marks(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<Vec<ScanMark>, StoreError> {
        let rows: Vec<(Uuid, Option<i64>, bool)> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_MY_SCANS).bind(school.0).bind(user.0).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(round, finished, carried)| ScanMark {
                round,
                finished: finished.is_some(),
                carried,
            })
            .collect())
    }
}

const SELECT_SCAN_OF: &str =
    "SELECT id FROM scans WHERE round_id = $1 AND school_id = $2 AND user_id = $3";
const SET_TEAM_SHARE: &str = "UPDATE scans SET shared_with_team = $2 WHERE id = $1";
const INSERT_SHARE: &str = "INSERT INTO scan_shares (scan_id, user_id, created_at) VALUES ($1, $2, $3) \
     ON CONFLICT (scan_id, user_id) DO NOTHING";
const DELETE_SHARE: &str = "DELETE FROM scan_shares WHERE scan_id = $1 AND user_id = $2";
const SELECT_SHARES: &str = "SELECT u.id, u.name FROM scan_shares sh JOIN users u ON u.id = sh.user_id \
     WHERE sh.scan_id = $1";
const SELECT_TEAM_SHARE: &str = "SELECT shared_with_team FROM scans WHERE id = $1";
const SELECT_VISIBLE: &str = "SELECT s.user_id, u.name FROM scans s JOIN users u ON u.id = s.user_id \
     JOIN memberships owner ON owner.school_id = s.school_id AND owner.user_id = s.user_id AND owner.active = 1 \
     WHERE s.round_id = $1 AND s.school_id = $2 AND s.user_id <> $3 \
     AND (s.shared_with_team = 1 OR EXISTS (SELECT 1 FROM scan_shares sh WHERE sh.scan_id = s.id AND sh.user_id = $3))";

/// With whom a scan is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every active member of the school.
    Team,
    /// One colleague of the same school.
    Person(UserId),
}

/// Why sharing did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error("there is no scan to share yet")]
    NothingToShare,
    #[error("that person is not an active colleague in this school")]
    NotAColleague,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ShareError {
    fn from(e: sqlx::Error) -> Self {
        ShareError::Store(StoreError::Database(e))
    }
}

/// How a person's scan in a round is shared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sharing {
    pub team: bool,
    /// The colleagues it is shared with by name, sorted.
    pub people: Vec<(UserId, String)>,
}

impl Store {
    /// Shares (or, with `on` false, stops sharing) the owner's scan in a round of the school,
    /// read-only, with the team or a colleague of the same school.
    pub async fn share_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        owner: UserId,
        audience: Audience,
        on: bool,
    ) -> Result<(), ShareError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let scan: Option<(Uuid,)> = sqlx::query_as(SELECT_SCAN_OF)
                .bind(round).bind(school.0).bind(owner.0).fetch_optional(&mut *tx).await?;
            let Some((scan,)) = scan else {
                return Err(ShareError::NothingToShare);
            };
            match audience {
                Audience::Team => {
                    sqlx::query(SET_TEAM_SHARE).bind(scan).bind(i64::from(on)).execute(&mut *tx).await?;
                }
                Audience::Person(person) if on => {
                    let colleague = person != owner && active_permission!(tx, school.0, person.0).is_some();
                    if !colleague {
                        return Err(ShareError::NotAColleague);
                    }
                    sqlx::query(INSERT_SHARE).bind(scan).bind(person.0).bind(now_millis()).execute(&mut *tx).await?;
                }
                Audience::Person(person) => {
                    sqlx::query(DELETE_SHARE).bind(scan).bind(person.0).execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// How the owner's scan in a round is shared (nothing when there is no scan).
    pub async fn sharing(
        &self,
        school: SchoolId,
        round: Uuid,
        owner: UserId,
    ) -> Result<Sharing, StoreError> {
        let (team, mut people): (bool, Vec<(Uuid, String)>) = on_pool!(self, pool => {
            let scan: Option<(Uuid,)> = sqlx::query_as(SELECT_SCAN_OF)
                .bind(round).bind(school.0).bind(owner.0).fetch_optional(pool).await?;
            match scan {
                None => (false, Vec::new()),
                Some((scan,)) => {
                    let (team,): (i64,) = sqlx::query_as(SELECT_TEAM_SHARE).bind(scan).fetch_one(pool).await?;
                    (team == 1, sqlx::query_as(SELECT_SHARES).bind(scan).fetch_all(pool).await?)
                }
            }
        });
        people.sort_by_cached_key(|(_, name)| name.to_lowercase());
        Ok(Sharing {
            team,
            people: people.into_iter().map(|(id, n)| (UserId(id), n)).collect(),
        })
    }

    /// The colleagues whose scan in this round the viewer may read (shared with the team or
    /// with the viewer), by name. The viewer must be an active member, or sees none.
    pub async fn shared_with(
        &self,
        school: SchoolId,
        round: Uuid,
        viewer: UserId,
    ) -> Result<Vec<(UserId, String)>, StoreError> {
        let rows: Vec<(Uuid, String)> = on_pool!(self, pool => {
            let active: Option<(String, i64)> = sqlx::query_as(SELECT_ACTOR)
                .bind(school.0).bind(viewer.0).fetch_optional(pool).await?;
            if !matches!(active, Some((_, 1))) {
                return Ok(Vec::new());
            }
            sqlx::query_as(SELECT_VISIBLE).bind(round).bind(school.0).bind(viewer.0).fetch_all(pool).await?
        });
        let mut visible: Vec<(UserId, String)> =
            rows.into_iter().map(|(id, n)| (UserId(id), n)).collect();
        visible.sort_by_cached_key(|(_, name)| name.to_lowercase());
        Ok(visible)
    }

    /// A colleague's scan in a round, if the viewer may read it; `None` otherwise (not
    /// shared, no such scan, another school, or the viewer is no active member).
    pub async fn shared_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        viewer: UserId,
        owner: UserId,
    ) -> Result<Option<MyScan>, StoreError> {
        let visible = self.shared_with(school, round, viewer).await?;
        if !visible.iter().any(|(id, _)| *id == owner) {
            return Ok(None);
        }
        Ok(Some(self.my_scan(school, round, owner).await?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notification_names_one_scan() {
        let (school, round, user) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(
            notified(&format!("scan {school} {round} {user}")),
            Some((SchoolId(school), round, UserId(user)))
        );
        for other in [
            "sessions".to_owned(),
            "editions".to_owned(),
            format!("scan {school} {round}"),
            format!("scan {school} {round} {user} {user}"),
            format!("scan {school} {round} niet-een-id"),
            format!("scans {school} {round} {user}"),
        ] {
            assert_eq!(notified(&other), None, "{other}");
        }
    }
}
