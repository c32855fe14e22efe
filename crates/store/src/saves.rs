//! Writing to one's own scan: saving changes field by field, and marking it finished.
//!
//! Saves share commits ([`crate::batches`]). A batch costs a fixed number of statements whatever its size:
//! one that checks every person's round and membership and makes or touches their scans, then
//! one per kind of field, each with a row per field (later changes to a field in the batch
//! replacing earlier ones, as if they were written one after another).

use domain::account::UserId;
use domain::clock::dutch_date;
use domain::members::Refusal;
use domain::scan::{Change, Choice};
use domain::school::SchoolId;
use std::collections::HashMap;
use uuid::Uuid;

use crate::scans::{ScanError, active_permission};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// For every (new id, round, school, person) row of the list: when the round is an open round
/// of the school and the person an active member, makes the person's scan of the round if it
/// is their first save, or notes the time of this one and counts its revision up, and gives
/// its id. Rows that do not
/// qualify give nothing and write nothing. `$1` is the time, `$2` today's Dutch date: a round
/// takes answers from its start date on.
const OPEN_SCANS: (&str, &str) = (
    "INSERT INTO scans (id, round_id, school_id, user_id, created_at, updated_at) \
     SELECT v.column1, r.id, r.school_id, m.user_id, $1, $1 FROM (VALUES ",
    ") AS v JOIN rounds r ON r.id = v.column2 AND r.school_id = v.column3 AND r.closed_at IS NULL \
     AND r.starts_on <= $2 \
     JOIN memberships m ON m.school_id = r.school_id AND m.user_id = v.column4 AND m.active = 1 \
     WHERE true \
     ON CONFLICT (round_id, user_id) DO UPDATE SET updated_at = excluded.updated_at, \
     revision = scans.revision + 1 \
     RETURNING id, round_id, school_id, user_id",
);
const UPSERT_CHOICES: (&str, &str) = (
    "INSERT INTO scan_answers (scan_id, code, choice, discuss, updated_at) \
     SELECT v.column1, v.column2, v.column3, 0, $1 FROM (VALUES ",
    ") AS v WHERE true ON CONFLICT (scan_id, code) \
     DO UPDATE SET choice = excluded.choice, updated_at = excluded.updated_at",
);
const UPSERT_NOTES: (&str, &str) = (
    "INSERT INTO scan_answers (scan_id, code, note, discuss, updated_at) \
     SELECT v.column1, v.column2, v.column3, 0, $1 FROM (VALUES ",
    ") AS v WHERE true ON CONFLICT (scan_id, code) \
     DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
);
const UPSERT_DISCUSS: (&str, &str) = (
    "INSERT INTO scan_answers (scan_id, code, discuss, updated_at) \
     SELECT v.column1, v.column2, v.column3, $1 FROM (VALUES ",
    ") AS v WHERE true ON CONFLICT (scan_id, code) \
     DO UPDATE SET discuss = excluded.discuss, updated_at = excluded.updated_at",
);
const UPSERT_AREA_NOTES: (&str, &str) = (
    "INSERT INTO scan_notes (scan_id, note_key, text, updated_at) \
     SELECT v.column1, v.column2, v.column3, $1 FROM (VALUES ",
    ") AS v WHERE true ON CONFLICT (scan_id, note_key) \
     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
);
/// Statements without the time: their list starts at `$1`.
const DELETE_AREA_NOTES: (&str, &str) = (
    "DELETE FROM scan_notes WHERE (scan_id, note_key) IN (VALUES ",
    ")",
);
/// Only a change that empties a field can leave an answer with nothing in it behind.
const DELETE_EMPTY_ANSWERS: (&str, &str) = (
    "DELETE FROM scan_answers WHERE choice IS NULL AND note IS NULL AND discuss = 0 \
     AND (scan_id, code) IN (VALUES ",
    ")",
);
const SELECT_ROUND_FOR_MEMBER: &str = "SELECT r.closed_at, r.starts_on FROM rounds r \
     JOIN memberships m ON m.school_id = r.school_id AND m.user_id = $3 AND m.active = 1 \
     WHERE r.id = $2 AND r.school_id = $1";
const SET_FINISHED: &str = "UPDATE scans SET finished_at = $2, updated_at = $3 WHERE id = $1";

/// At most this many rows go in one statement, well under both backends' limits on
/// parameters (SQLite 32,766; PostgreSQL 65,535).
pub(crate) const ROWS_PER_STATEMENT: usize = 2_000;

/// `HEAD (…), (…) TAIL` for `rows` rows of `width` parameters, numbered from `first`. Only
/// our own statement texts and parameter numbers go in; every value is bound.
pub(crate) fn with_rows(
    (head, tail): (&str, &str),
    rows: usize,
    width: usize,
    first: usize,
) -> String {
    let mut sql = String::with_capacity(head.len() + tail.len() + rows * width * 6);
    sql.push_str(head);
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for col in 0..width {
            if col > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(first + row * width + col).to_string());
        }
        sql.push(')');
    }
    sql.push_str(tail);
    sql
}

/// Whose scan a save is for.
type Owner = (SchoolId, Uuid, UserId);

/// What a batch of accepted saves writes, by statement: at most one row per field, holding
/// the field's last value in the batch.
#[derive(Debug, Default, PartialEq, Eq)]
struct Writes {
    choices: Vec<(Uuid, String, Option<&'static str>)>,
    notes: Vec<(Uuid, String, Option<String>)>,
    discuss: Vec<(Uuid, String, i64)>,
    area_notes: Vec<(Uuid, String, String)>,
    cleared_area_notes: Vec<(Uuid, String)>,
    /// Answers that a change may have left empty.
    maybe_empty: Vec<(Uuid, String)>,
}

/// The rows to write for changes to scans, in the order they were made.
fn plan<'a>(changes: impl IntoIterator<Item = (Uuid, &'a Change)>) -> Writes {
    // The last change to each field, and the order fields were first seen in.
    let mut last: HashMap<(Uuid, u8, String), usize> = HashMap::new();
    let mut order: Vec<(Uuid, &Change)> = Vec::new();
    for (scan, change) in changes {
        let key = match change {
            Change::Choice(code, _) => (scan, 0, code.as_str().to_owned()),
            Change::AnswerNote(code, _) => (scan, 1, code.as_str().to_owned()),
            Change::Discuss(code, _) => (scan, 2, code.as_str().to_owned()),
            Change::AreaNote(key, _) => (scan, 3, key.code()),
        };
        match last.get(&key) {
            Some(&at) => order[at] = (scan, change),
            None => {
                last.insert(key, order.len());
                order.push((scan, change));
            }
        }
    }
    let mut writes = Writes::default();
    let mut maybe_empty = std::collections::HashSet::new();
    for (scan, change) in order {
        match change {
            Change::Choice(code, choice) => {
                writes
                    .choices
                    .push((scan, code.as_str().to_owned(), choice.map(Choice::code)));
            }
            Change::AnswerNote(code, note) => writes.notes.push((
                scan,
                code.as_str().to_owned(),
                note.as_ref().map(|n| n.as_str().to_owned()),
            )),
            Change::Discuss(code, discuss) => {
                writes
                    .discuss
                    .push((scan, code.as_str().to_owned(), i64::from(*discuss)));
            }
            Change::AreaNote(key, Some(text)) => {
                writes
                    .area_notes
                    .push((scan, key.code(), text.as_str().to_owned()));
            }
            Change::AreaNote(key, None) => writes.cleared_area_notes.push((scan, key.code())),
        }
        if let Change::Choice(code, None)
        | Change::AnswerNote(code, None)
        | Change::Discuss(code, false) = change
            && maybe_empty.insert((scan, code.as_str()))
        {
            writes.maybe_empty.push((scan, code.as_str().to_owned()));
        }
    }
    writes
}

/// Runs `$statement` with a list of rows, `ROWS_PER_STATEMENT` at a time; `$bind` binds one
/// row to the query, `$now` (when given) is `$1`.
macro_rules! for_rows {
    ($tx:expr, $statement:expr, $rows:expr, $width:expr, $now:expr, |$q:ident, $row:pat_param| $bind:expr) => {{
        for chunk in $rows.chunks(ROWS_PER_STATEMENT) {
            let first = if $now.is_some() { 2 } else { 1 };
            let sql = with_rows($statement, chunk.len(), $width, first);
            let mut $q = sqlx::query(sqlx::AssertSqlSafe(sql));
            if let Some(now) = $now {
                $q = $q.bind(now);
            }
            for $row in chunk {
                $q = $bind;
            }
            $q.execute(&mut *$tx).await?;
        }
    }};
}

/// Inside a write transaction: makes or touches the scans of the owners whose round is open
/// and who are active members, and gives each one's scan id; owners left out are refused.
macro_rules! open_scans {
    ($tx:expr, $owners:expr, $now:expr) => {{
        let owners: &[Owner] = $owners;
        let mut scans: HashMap<Owner, Uuid> = HashMap::with_capacity(owners.len());
        for chunk in owners.chunks(ROWS_PER_STATEMENT) {
            let sql = with_rows(OPEN_SCANS, chunk.len(), 4, 3);
            let mut q = sqlx::query_as::<_, (Uuid, Uuid, Uuid, Uuid)>(sqlx::AssertSqlSafe(sql))
                .bind($now)
                .bind(dutch_date($now).to_string());
            for (school, round, user) in chunk {
                q = q
                    .bind(Uuid::new_v4())
                    .bind(*round)
                    .bind(school.0)
                    .bind(user.0);
            }
            for (scan, round, school, user) in q.fetch_all(&mut *$tx).await? {
                scans.insert((SchoolId(school), round, UserId(user)), scan);
            }
        }
        scans
    }};
}

/// Inside a write transaction: why an owner's save was refused.
macro_rules! refusal {
    ($tx:expr, $owner:expr) => {{
        let (school, round, user): Owner = $owner;
        let found: Option<(Option<i64>, String)> = sqlx::query_as(SELECT_ROUND_FOR_MEMBER)
            .bind(school.0)
            .bind(round)
            .bind(user.0)
            .fetch_optional(&mut *$tx)
            .await?;
        let today = dutch_date(now_millis()).to_string();
        if let Some((Some(_), _)) = found {
            ScanError::Refused(Refusal::RoundClosed)
        } else if found.as_ref().is_some_and(|(_, starts)| *starts > today) {
            ScanError::Refused(Refusal::RoundNotStarted)
        } else if active_permission!($tx, school.0, user.0).is_none() {
            ScanError::Refused(Refusal::NotAMember)
        } else {
            ScanError::NoRound
        }
    }};
}

impl Store {
    /// Saves changes to the person's own scan in an open round of the school, all in one
    /// transaction, field by field (other fields are left as they are). The caller has
    /// checked each change against the round's edition and the person's roles.
    pub async fn save_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
        changes: &[Change],
    ) -> Result<(), ScanError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = SaveJob {
            owner: (school, round, user),
            changes: changes.to_vec(),
            reply,
        };
        let write = |jobs| {
            let store = self.clone();
            async move { store.write_saves(jobs).await }
        };
        match self.saves.submit(job, answer, write).await {
            Some(outcome) => outcome,
            None => Err(ScanError::Store(StoreError::Batch(
                "the batch of saves failed".to_owned(),
            ))),
        }
    }

    /// Writes queued saves in one transaction, where a refused save (a closed round, someone
    /// no longer a member) writes nothing and leaves the others in; answers each once the
    /// transaction is committed.
    async fn write_saves(&self, jobs: Vec<SaveJob>) {
        let now = now_millis();
        let mut owners: Vec<Owner> = jobs.iter().map(|job| job.owner).collect();
        owners.sort_unstable_by_key(|&(school, round, user)| (school.0, round, user.0));
        owners.dedup();
        let written: Result<HashMap<Owner, Result<(), ScanError>>, ScanError> = on_pool!(self, pool => {
            async {
                let mut tx = pool.begin_write().await?;
                let scans = open_scans!(tx, &owners, now);
                let mut outcomes = HashMap::with_capacity(owners.len());
                for &owner in &owners {
                    let outcome = match scans.contains_key(&owner) {
                        true => Ok(()),
                        false => Err(refusal!(tx, owner)),
                    };
                    outcomes.insert(owner, outcome);
                }
                let writes = plan(jobs.iter().flat_map(|job| {
                    let scan = scans.get(&job.owner).copied();
                    job.changes.iter().filter_map(move |change| Some((scan?, change)))
                }));
                let now = Some(now);
                for_rows!(tx, UPSERT_CHOICES, writes.choices, 3, now, |q, (scan, code, choice)| {
                    q.bind(*scan).bind(code.as_str()).bind(*choice)
                });
                for_rows!(tx, UPSERT_NOTES, writes.notes, 3, now, |q, (scan, code, note)| {
                    q.bind(*scan).bind(code.as_str()).bind(note.as_deref())
                });
                for_rows!(tx, UPSERT_DISCUSS, writes.discuss, 3, now, |q, (scan, code, discuss)| {
                    q.bind(*scan).bind(code.as_str()).bind(*discuss)
                });
                for_rows!(tx, UPSERT_AREA_NOTES, writes.area_notes, 3, now, |q, (scan, key, text)| {
                    q.bind(*scan).bind(key.as_str()).bind(text.as_str())
                });
                let no_time: Option<i64> = None;
                for_rows!(tx, DELETE_AREA_NOTES, writes.cleared_area_notes, 2, no_time, |q, (scan, key)| {
                    q.bind(*scan).bind(key.as_str())
                });
                for_rows!(tx, DELETE_EMPTY_ANSWERS, writes.maybe_empty, 2, no_time, |q, (scan, code)| {
                    q.bind(*scan).bind(code.as_str())
                });
                tx.commit().await?;
                Ok::<_, ScanError>(outcomes)
            }
            .await
        });
        // Written or not (a failed commit may still have landed), what was kept of these
        // scans goes, before anyone is told the save is done.
        for owner in &owners {
            self.scans.forget(owner);
        }
        let mut written = match written {
            Ok(outcomes) => Ok(outcomes),
            Err(e) => Err(e.to_string()),
        };
        for job in jobs {
            let answer = match &mut written {
                Ok(outcomes) => match outcomes.get(&job.owner) {
                    Some(Ok(())) => Ok(()),
                    Some(Err(ScanError::Refused(refusal))) => Err(ScanError::Refused(*refusal)),
                    Some(Err(ScanError::NoRound)) => Err(ScanError::NoRound),
                    _ => Err(ScanError::Store(StoreError::Batch(
                        "the save was not written".to_owned(),
                    ))),
                },
                Err(e) => Err(ScanError::Store(StoreError::Batch(e.clone()))),
            };
            // The person may have gone (a closed connection): nothing to tell them then.
            let _ = job.reply.send(answer);
        }
    }

    /// Marks the person's own scan in an open round as finished (or not finished again).
    pub async fn finish_scan(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
        finished: bool,
    ) -> Result<(), ScanError> {
        let now = now_millis();
        let owner = (school, round, user);
        let written = on_pool!(self, pool => {
            async {
                let mut tx = pool.begin_write().await?;
                let scans = open_scans!(tx, &[owner], now);
                let Some(&scan) = scans.get(&owner) else {
                    return Err(refusal!(tx, owner));
                };
                sqlx::query(SET_FINISHED).bind(scan).bind(finished.then_some(now)).bind(now)
                    .execute(&mut *tx).await?;
                tx.commit().await?;
                Ok(())
            }
            .await
        });
        self.scans.forget(&owner);
        written
    }
}

pub(crate) struct SaveJob {
    owner: Owner,
    changes: Vec<Change>,
    reply: tokio::sync::oneshot::Sender<Result<(), ScanError>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::scan::{ANSWER_NOTE_MAX, Note, NoteKey};
    use domain::{Area, Code, Kind, Role};

    fn code(s: &str) -> Code {
        Code::parse(s).expect("a code")
    }

    #[test]
    fn rows_are_numbered_after_the_time() {
        let sql = with_rows(("X (VALUES ", ") Y"), 2, 3, 2);
        assert_eq!(sql, "X (VALUES ($2, $3, $4), ($5, $6, $7)) Y");
        assert_eq!(with_rows(("(", ")"), 1, 2, 1), "(($1, $2))");
    }

    #[test]
    fn the_last_change_to_a_field_wins_and_fields_stay_apart() {
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let t1 = code("BEG.VIS.T1");
        let note = |s: &str| Note::parse(s, ANSWER_NOTE_MAX).expect("a note");
        let changes = [
            (a, Change::Choice(t1.clone(), Some(Choice::Yes))),
            (a, Change::AnswerNote(t1.clone(), note("eerst"))),
            (b, Change::Choice(t1.clone(), Some(Choice::Develop))),
            (a, Change::Choice(t1.clone(), Some(Choice::Partly))),
            (a, Change::AnswerNote(t1.clone(), note("daarna"))),
        ];
        let writes = plan(changes.iter().map(|(s, c)| (*s, c)));
        assert_eq!(
            writes.choices,
            vec![
                (a, "BEG.VIS.T1".to_owned(), Some("deels")),
                (b, "BEG.VIS.T1".to_owned(), Some("ontwikkelen")),
            ]
        );
        assert_eq!(
            writes.notes,
            vec![(a, "BEG.VIS.T1".to_owned(), Some("daarna".to_owned()))]
        );
        assert!(writes.maybe_empty.is_empty());
    }

    #[test]
    fn an_area_note_set_then_cleared_is_cleared_and_emptying_is_checked_once() {
        let a = Uuid::new_v4();
        let key = NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Task);
        let t1 = code("BEG.VIS.T1");
        let changes = [
            (
                a,
                Change::AreaNote(key, Note::parse("plan", ANSWER_NOTE_MAX).expect("a note")),
            ),
            (a, Change::AreaNote(key, None)),
            (a, Change::Choice(t1.clone(), None)),
            (a, Change::Discuss(t1.clone(), false)),
        ];
        let writes = plan(changes.iter().map(|(s, c)| (*s, c)));
        assert!(writes.area_notes.is_empty());
        assert_eq!(writes.cleared_area_notes, vec![(a, key.code())]);
        assert_eq!(writes.maybe_empty, vec![(a, "BEG.VIS.T1".to_owned())]);
        assert_eq!(writes.discuss, vec![(a, "BEG.VIS.T1".to_owned(), 0)]);
    }
}
