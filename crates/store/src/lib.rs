//! Persistence behind one API, on SQLite (the default, embedded) or PostgreSQL (when several
//! instances share a database), chosen by the database URL.
//!
//! Every query is written once, in the SQL both dialects share (`$n` placeholders,
//! identifiers and times made by the application), and compiled against both drivers by the
//! [`on_pool!`] macro, so each backend gets its native types. Each backend has its own
//! migrations folder; the contract tests run the same assertions on both.

mod allocation;
mod batches;
mod cache;
mod conversations;
mod editions;
mod email_change;
mod error;
mod evaluations;
mod meetings;
mod members;
mod networks;
mod opted_in;
mod own;
mod people;
mod picture;
mod plans;
mod saves;
mod scans;
mod schools;
mod setup;
mod sign_in;
mod sso;
mod surveys;
mod tokens;
mod vision;
mod workplans;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use allocation::{
    AllocationChanged, AllocationChanges, AllocationData, AllocationFailure, AllocationSettings,
    PersonAllocation,
};
pub use conversations::{AgreementGoal, ConversationRead, ConversationSummary};
pub use editions::{EditionSummary, Stored};
pub use email_change::{EmailChangeError, PendingEmailChange};
pub use error::StoreError;
pub use evaluations::{EvaluationStoreError, GoalEvaluation};
pub use meetings::{
    Meeting, MeetingAgreement, MeetingError, MeetingRecords, MeetingSummary, RecordedAgreement,
};
pub use members::{
    AUDIT_RETENTION_MS, AcceptError, AuditAbout, AuditEntry, INVITATION_MS, Invitation,
    InvitationState, ManageError, MySchool, NewInvitation,
};
pub use networks::{Network, NetworkError, NetworkSchool, SchoolNetwork, SharedFigures};
pub use opted_in::ScanChoices;
pub use own::{
    Draft, DraftChange, DraftFailure, DraftRefusal, Expect, Importer, Mark, SchoolEdition,
};
pub use people::Members;
pub use picture::{PictureInput, Team, TeamError};
pub use plans::{Comment, Plan, PlanError, PlanShare, ShareMode, SharedPlan};
pub use scans::{
    Audience, MyScan, Round, ScanError, ScanKey, ScanMark, ScanStatus, ShareError, Sharing,
};
pub use setup::{FirstSchool, SetupError};
pub use sign_in::{LinkError, SessionLimits, SignedWith, hash_token};
pub use sso::{FLOW_LIFETIME_MS, JoinError, SsoFlow, SsoLink, Unlinked};
pub use surveys::{
    AnswerError, CodeRefusal, CodeTarget, NewCode, Survey, SurveyAnswers, SurveyError, SurveyGroup,
    SurveySummary,
};
pub use tokens::{ApiToken, NewToken, TokenError, USED_GRANULARITY_MS};
pub use vision::{VisionDraft, VisionError, VisionMark, VisionVersion, VisionVersionSummary};
pub use workplans::{WorkPlan, WorkPlanStoreError, WorkPlanSummary};

/// The PostgreSQL channel on which writes tell every instance what changed.
const NOTIFY_CHANNEL: &str = "raamwerk";

/// How long to wait for a connection before giving up (also at start-up).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Which database a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code against whichever pool the store has; inside, `$pool` is the
/// backend's own pool type, so queries bind and decode native types.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so a writer waits its turn (busy timeout) instead of failing when a
/// read snapshot cannot be upgraded; PostgreSQL needs nothing special.
pub(crate) trait BeginWrite {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Db = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Db = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.begin().await
    }
}

/// The storage API. Cheap to clone (shares the pool).
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// Counts the writes that change who may see what (accounts, memberships, sessions), so
    /// that a cache of session lookups can tell it is stale; on PostgreSQL also those of
    /// other processes, as the database tells ([`Store::listen`]).
    changes: Arc<AtomicU64>,
    /// Whether the database tells this process of other processes' changes.
    listening: Arc<std::sync::atomic::AtomicBool>,
    /// Scan saves waiting to be written together.
    saves: Arc<batches::Batches<saves::SaveJob>>,
    /// Students' survey answers waiting to be written together.
    answers: Arc<batches::Batches<surveys::AnswerJob>>,
    /// Editions never change once stored; loaded ones are kept.
    editions: Arc<cache::Immutable<domain::EditionId, domain::Edition>>,
    /// The edition each round uses (fixed when the round opens), by school and round.
    round_editions:
        Arc<cache::Immutable<(domain::school::SchoolId, uuid::Uuid), domain::EditionId>>,
    /// The answers of a round's scans whose owners opted in to a use, kept until they change.
    opted_in: Arc<opted_in::OptedInCache>,
    /// The suggestions made from the answers that feed the allocation.
    suggestions: Arc<allocation::SuggestionCache>,
    /// Each person's own scan of a round as last read, by school, round and person; every
    /// write to a scan drops it (on PostgreSQL also another process's, as the database tells).
    scans: Arc<cache::Kept<scans::ScanKey, Arc<MyScan>>>,
    /// Each school's members with their accounts as last read; every write that changes
    /// memberships or accounts drops them all (here through [`Store::members_changed`], from
    /// other processes through the database's `members` notification).
    members: Arc<cache::Kept<domain::school::SchoolId, Arc<people::Members>>>,
}

impl Store {
    /// Connects to the database a URL names: `sqlite:…` or `postgres:…`/`postgresql:…`.
    /// A SQLite file and its folder are created when missing; SQLite runs in WAL mode with
    /// foreign keys on and full fsync on commit, so an acknowledged write survives a crash.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let invalid = |reason: String| StoreError::InvalidUrl {
            url: redact(url),
            reason,
        };
        let pool = match backend_of(url) {
            Some(Backend::Sqlite) => {
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| invalid(e.to_string()))?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                let file = options.get_filename();
                if file.as_os_str().is_empty() {
                    return Err(invalid(
                        "the URL names no database file (e.g. sqlite://data/raamwerk.db)".into(),
                    ));
                }
                if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
                    && file.as_os_str() != ":memory:"
                {
                    std::fs::create_dir_all(dir).map_err(|e| StoreError::CreateDir {
                        dir: dir.display().to_string(),
                        source: e,
                    })?;
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(CONNECT_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(StoreError::Connect)?;
                Pool::Sqlite(pool)
            }
            Some(Backend::Postgres) => {
                let options =
                    PgConnectOptions::from_str(url).map_err(|e| invalid(e.to_string()))?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(CONNECT_TIMEOUT)
                    .connect_with(options)
                    .await
                    .map_err(StoreError::Connect)?;
                Pool::Postgres(pool)
            }
            None => {
                return Err(invalid(
                    "the URL must start with sqlite: or postgres: (or postgresql:)".into(),
                ));
            }
        };
        Ok(Store {
            pool,
            changes: Arc::new(AtomicU64::new(0)),
            listening: Arc::default(),
            saves: Arc::default(),
            answers: Arc::default(),
            editions: Arc::default(),
            round_editions: Arc::default(),
            opted_in: Arc::default(),
            suggestions: Arc::default(),
            scans: Arc::default(),
            members: Arc::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// A number that grows with every write through this store that changes accounts,
    /// memberships or sessions. Writes by other processes (the CLI, other instances) are not
    /// counted; a cache must also expire on its own.
    pub fn generation(&self) -> u64 {
        self.changes.load(Ordering::Acquire)
    }

    /// Whether other processes' changes reach this one as they commit (PostgreSQL, once
    /// [`Store::listen`] runs); else they are seen when this process next reads.
    pub fn hears_others(&self) -> bool {
        self.listening.load(Ordering::Acquire)
    }

    /// On PostgreSQL, listens for what any process sharing the database changes (migrations
    /// 0026, 0030 and 0031 notify on commit): a session ended or a membership, account or
    /// school changed bumps [`Store::generation`], and the latter three drop the members kept;
    /// a new edition ticks the receiver returned; a scan written drops what this process
    /// keeps of it. If the connection drops, all of it
    /// counts as changed (a notification may have been missed) and it reconnects. On SQLite
    /// there is one process: `None`.
    pub async fn listen(&self) -> Result<Option<tokio::sync::watch::Receiver<u64>>, StoreError> {
        let Pool::Postgres(pool) = &self.pool else {
            return Ok(None);
        };
        let mut listener = sqlx::postgres::PgListener::connect_with(pool)
            .await
            .map_err(StoreError::Connect)?;
        listener.listen(NOTIFY_CHANNEL).await?;
        let (editions, receiver) = tokio::sync::watch::channel(0u64);
        let changes = self.changes.clone();
        let listening = self.listening.clone();
        let scans = self.scans.clone();
        let members = self.members.clone();
        let closing = pool.clone();
        listening.store(true, Ordering::Release);
        tokio::spawn(async move {
            let everything = || {
                changes.fetch_add(1, Ordering::AcqRel);
                editions.send_modify(|n| *n += 1);
                scans.clear();
                members.clear();
            };
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => match notification.payload() {
                        "editions" => editions.send_modify(|n| *n += 1),
                        "sessions" => {
                            changes.fetch_add(1, Ordering::AcqRel);
                        }
                        "members" => {
                            changes.fetch_add(1, Ordering::AcqRel);
                            members.clear();
                        }
                        payload => match scans::notified(payload) {
                            Some(key) => scans.forget(&key),
                            None => everything(),
                        },
                    },
                    Ok(None) => everything(),
                    Err(_) if closing.is_closed() => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "lost the database's notifications; reconnecting");
                        everything();
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
                if editions.is_closed() && Arc::strong_count(&changes) == 1 {
                    break;
                }
            }
            // The store closed (or nobody is left to tell): its connection goes back.
            listening.store(false, Ordering::Release);
        });
        Ok(Some(receiver))
    }

    /// After a write that changed who may see what (a session, a token) committed.
    pub(crate) fn changed(&self) {
        self.changes.fetch_add(1, Ordering::AcqRel);
    }

    /// After a write that changed memberships, accounts or schools committed: also what is
    /// kept of schools' members goes (a sign-out leaves that, as the database's `sessions`
    /// notification does).
    pub(crate) fn members_changed(&self) {
        self.changed();
        self.members.clear();
    }

    /// How long a kept value may be served: while the database tells this process of other
    /// processes' writes, long (the notification drops it); else briefly, which bounds how
    /// long a write by another process (the CLI on SQLite) goes unseen.
    pub(crate) fn reuse_for(&self) -> Duration {
        if self.hears_others() {
            Duration::from_secs(600)
        } else {
            Duration::from_secs(5)
        }
    }

    /// Brings the schema up to date (idempotent).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query("SELECT 1").execute(pool).await?;
        });
        Ok(())
    }

    /// Closes every connection (on shutdown, so SQLite can checkpoint its WAL).
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }
}

/// The backend a URL names, by its scheme.
pub fn backend_of(url: &str) -> Option<Backend> {
    let scheme = url.split(':').next()?;
    match scheme {
        "sqlite" => Some(Backend::Sqlite),
        "postgres" | "postgresql" => Some(Backend::Postgres),
        _ => None,
    }
}

/// A URL fit for messages and logs: any password replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// The time to record a row at that is listed by its time after the `last` one recorded:
/// `now`, or a millisecond after `last` when that is not earlier (two in the same
/// millisecond would otherwise be listed in any order).
pub(crate) fn listed_after(now: i64, last: Option<i64>) -> i64 {
    last.map_or(now, |last| now.max(last.saturating_add(1)))
}

/// The current time in Unix milliseconds, as stored.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_picks_the_backend() {
        assert_eq!(
            backend_of("sqlite://data/raamwerk.db"),
            Some(Backend::Sqlite)
        );
        assert_eq!(backend_of("sqlite::memory:"), Some(Backend::Sqlite));
        assert_eq!(
            backend_of("postgres://postgres@127.0.0.1/x"),
            Some(Backend::Postgres)
        );
        assert_eq!(backend_of("postgresql://h/x"), Some(Backend::Postgres));
        assert_eq!(backend_of("mysql://h/x"), None);
        assert_eq!(backend_of("data/raamwerk.db"), None);
    }

    #[test]
    fn a_row_made_in_the_same_millisecond_is_listed_after() {
        assert_eq!(listed_after(100, None), 100);
        assert_eq!(listed_after(100, Some(40)), 100);
        assert_eq!(listed_after(100, Some(100)), 101);
        assert_eq!(listed_after(100, Some(101)), 102);
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://u:geheim@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://data/x.db"), "sqlite://data/x.db");
        assert_eq!(redact("postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
    }
}
