//! Networks of schools (*netwerken*). A network's coordinators are people, apart from any
//! school's permissions; they invite schools. A school's administrator accepts or declines,
//! chooses what the school shares, shares its figures of a school year, and may leave at any
//! time. Every school-side query takes the school; every coordinator-side query takes the
//! coordinator and returns nothing for a network they do not coordinate.

use domain::account::{Permission, UserId};
use domain::allocation::SchoolYear;
use domain::members::AuditAction;
use domain::network::{
    Figure, Indicator, Kind, Membership, MembershipError, Part, shares_of, shares_text,
};
use domain::plan::Line;
use domain::school::{School, SchoolId, slug};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::scans::active_permission;
use crate::schools::SchoolRow;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const INSERT_NETWORK: &str = "INSERT INTO networks (id, short_name, name, kind, created_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (short_name) DO NOTHING";
const INSERT_COORDINATOR: &str = "INSERT INTO network_coordinators (network_id, user_id) \
     VALUES ($1, $2) ON CONFLICT (network_id, user_id) DO NOTHING";
const SELECT_NETWORKS_OF: &str = "SELECT n.id, n.short_name, n.name, n.kind FROM networks n \
     JOIN network_coordinators c ON c.network_id = n.id WHERE c.user_id = $1 ORDER BY n.name";
const SELECT_COORDINATED: &str = "SELECT n.id, n.short_name, n.name, n.kind FROM networks n \
     JOIN network_coordinators c ON c.network_id = n.id \
     WHERE c.user_id = $1 AND n.short_name = $2";
const SELECT_BY_SHORT_NAME: &str =
    "SELECT id, short_name, name, kind FROM networks WHERE short_name = $1";
const IS_COORDINATOR: &str =
    "SELECT COUNT(*) FROM network_coordinators WHERE network_id = $1 AND user_id = $2";
const SELECT_MEMBERS: &str = "SELECT s.id, s.short_name, s.name, s.sectors, s.students, \
     s.region, s.brin, ns.state, ns.shares, ns.named, ns.explanation \
     FROM network_schools ns JOIN schools s ON s.id = ns.school_id \
     WHERE ns.network_id = $1 ORDER BY s.name, s.short_name";
const SELECT_SCHOOL_NETWORKS: &str = "SELECT n.id, n.short_name, n.name, n.kind, ns.state, \
     ns.shares, ns.named, ns.explanation FROM network_schools ns \
     JOIN networks n ON n.id = ns.network_id \
     WHERE ns.school_id = $1 AND ns.state <> 'left' ORDER BY n.name";
const SELECT_STATE: &str =
    "SELECT state FROM network_schools WHERE network_id = $1 AND school_id = $2";
const INSERT_INVITATION: &str = "INSERT INTO network_schools (network_id, school_id, state, \
     changed_at) VALUES ($1, $2, 'invited', $3) ON CONFLICT (network_id, school_id) DO UPDATE \
     SET state = 'invited', changed_at = $3";
const DELETE_INVITATION: &str = "DELETE FROM network_schools \
     WHERE network_id = $1 AND school_id = $2 AND state = 'invited'";
const SET_STATE: &str = "UPDATE network_schools SET state = $3, shares = '', named = 0, \
     explanation = NULL, changed_at = $4 WHERE network_id = $1 AND school_id = $2";
const SET_SHARING: &str = "UPDATE network_schools SET shares = $3, named = $4, \
     explanation = $5, changed_at = $6 \
     WHERE network_id = $1 AND school_id = $2 AND state = 'member'";
const NETWORK_NAME: &str = "SELECT name FROM networks WHERE id = $1";
const DELETE_FIGURES: &str = "DELETE FROM shared_figures WHERE school_id = $1 AND school_year = $2";
const INSERT_FIGURE: &str = "INSERT INTO shared_figures (school_id, school_year, indicator, \
     part, value, shared_at) VALUES ($1, $2, $3, $4, $5, $6)";
const SELECT_FIGURES: &str = "SELECT indicator, part, value, shared_at FROM shared_figures \
     WHERE school_id = $1 AND school_year = $2";
const SELECT_NETWORK_FIGURES: &str = "SELECT f.school_id, f.indicator, f.part, f.value \
     FROM shared_figures f JOIN network_schools ns ON ns.school_id = f.school_id \
     WHERE ns.network_id = $1 AND ns.state = 'member' AND f.school_year = $2";

/// How many numbered variants of a short name are tried before giving up.
const SHORT_NAME_ATTEMPTS: u32 = 1000;

/// A network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    pub id: Uuid,
    /// Unique among all networks; used in addresses.
    pub short_name: String,
    pub name: Line,
    pub kind: Kind,
}

/// A school in a network as the network sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkSchool {
    pub school: School,
    pub state: Membership,
    pub shares: Vec<Indicator>,
    /// The school agreed to be named beside its figures.
    pub named: bool,
    pub explanation: Option<String>,
}

/// A network as a school sees it: invited or a member, with what it shares.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolNetwork {
    pub network: Network,
    pub state: Membership,
    pub shares: Vec<Indicator>,
    pub named: bool,
    pub explanation: Option<String>,
}

/// A school's figures of a school year as it shared them, and when (ms since the epoch).
#[derive(Clone, Debug, PartialEq)]
pub struct SharedFigures {
    pub figures: Vec<Figure>,
    pub shared_at: i64,
}

/// Why a network change was not made. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    /// Not the network's coordinator, or not the school's administrator.
    #[error("not allowed")]
    NotAllowed,
    #[error("no such network or school")]
    NotFound,
    #[error(transparent)]
    Membership(#[from] MembershipError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for NetworkError {
    fn from(e: sqlx::Error) -> Self {
        NetworkError::Store(StoreError::Database(e))
    }
}

type NetworkRow = (Uuid, String, String, String);

fn network_of((id, short_name, name, kind): NetworkRow) -> Result<Network, StoreError> {
    Ok(Network {
        id,
        short_name,
        name: Line::from_stored(&name),
        kind: Kind::parse(&kind)
            .ok_or_else(|| StoreError::CorruptRow(format!("network kind '{kind}'")))?,
    })
}

fn membership_of(state: &str) -> Result<Membership, StoreError> {
    match state {
        "invited" => Ok(Membership::Invited),
        "member" => Ok(Membership::Member),
        "left" => Ok(Membership::Left),
        other => Err(StoreError::CorruptRow(format!("network state '{other}'"))),
    }
}

const fn state_code(state: Membership) -> &'static str {
    match state {
        Membership::Invited => "invited",
        Membership::Member => "member",
        Membership::Left => "left",
    }
}

fn figure_of(indicator: &str, part: &str, value: f64) -> Result<Figure, StoreError> {
    Ok(Figure {
        indicator: Indicator::parse(indicator)
            .ok_or_else(|| StoreError::CorruptRow(format!("indicator '{indicator}'")))?,
        part: Part::parse(part).ok_or_else(|| StoreError::CorruptRow(format!("part '{part}'")))?,
        value,
    })
}

/// Refuses unless the actor is an active administrator of the school.
macro_rules! administrator {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Administrator) => {}
            _ => return Err(NetworkError::NotAllowed),
        }
    };
}

/// Refuses unless the actor coordinates the network.
macro_rules! coordinator {
    ($tx:expr, $network:expr, $actor:expr) => {{
        let (n,): (i64,) = sqlx::query_as(IS_COORDINATOR)
            .bind($network)
            .bind($actor.0)
            .fetch_one(&mut *$tx)
            .await?;
        if n == 0 {
            return Err(NetworkError::NotAllowed);
        }
    }};
}

/// The school's membership of the network in the transaction, if any.
macro_rules! current_state {
    ($tx:expr, $network:expr, $school:expr) => {{
        let row: Option<(String,)> = sqlx::query_as(SELECT_STATE)
            .bind($network)
            .bind($school.0)
            .fetch_optional(&mut *$tx)
            .await?;
        row.map(|(s,)| membership_of(&s)).transpose()?
    }};
}

impl Store {
    /// Makes a network with a short name made from its name (numbered when taken).
    pub async fn create_network(&self, name: &Line, kind: Kind) -> Result<Network, StoreError> {
        let id = Uuid::new_v4();
        let base = match slug(name.as_str(), 40) {
            s if s.is_empty() => "netwerk".to_owned(),
            s => s,
        };
        for attempt in 1..=SHORT_NAME_ATTEMPTS {
            let candidate = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            let inserted = on_pool!(self, pool => {
                let mut tx = pool.begin_write().await?;
                let done = sqlx::query(INSERT_NETWORK)
                    .bind(id)
                    .bind(&candidate)
                    .bind(name.as_str())
                    .bind(kind.code())
                    .bind(now_millis())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                done.rows_affected() == 1
            });
            if inserted {
                return Ok(Network {
                    id,
                    short_name: candidate,
                    name: name.clone(),
                    kind,
                });
            }
        }
        Err(StoreError::CorruptRow(format!(
            "no free short name for network '{base}'"
        )))
    }

    /// Makes a person a coordinator of the network (nothing when they are already).
    pub async fn add_network_coordinator(
        &self,
        network: Uuid,
        user: UserId,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(INSERT_COORDINATOR).bind(network).bind(user.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// Deletes a network with its coordinators and memberships (the schools' own figures stay
    /// theirs); for the demo and the command line.
    pub async fn delete_network(&self, network: Uuid) -> Result<bool, StoreError> {
        let deleted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query("DELETE FROM networks WHERE id = $1").bind(network).execute(&mut *tx).await?;
            tx.commit().await?;
            done.rows_affected() > 0
        });
        self.changed();
        Ok(deleted)
    }

    /// The network with this short name, for the command line.
    pub async fn network_by_short_name(&self, short: &str) -> Result<Option<Network>, StoreError> {
        let row: Option<NetworkRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_BY_SHORT_NAME).bind(short).fetch_optional(pool).await?);
        row.map(network_of).transpose()
    }

    /// The networks a person coordinates.
    pub async fn coordinated_networks(&self, user: UserId) -> Result<Vec<Network>, StoreError> {
        let rows: Vec<NetworkRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_NETWORKS_OF).bind(user.0).fetch_all(pool).await?);
        rows.into_iter().map(network_of).collect()
    }

    /// The network with this short name when the person coordinates it; else nothing, the
    /// same as for a network that does not exist.
    pub async fn coordinated_network(
        &self,
        user: UserId,
        short: &str,
    ) -> Result<Option<Network>, StoreError> {
        let row: Option<NetworkRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_COORDINATED).bind(user.0).bind(short).fetch_optional(pool).await?);
        row.map(network_of).transpose()
    }

    /// Every school the network invited, has or had, by name.
    pub async fn network_schools(&self, network: Uuid) -> Result<Vec<NetworkSchool>, StoreError> {
        type Row = (
            Uuid,
            String,
            String,
            String,
            i64,
            String,
            Option<String>,
            String,
            String,
            i64,
            Option<String>,
        );
        let rows: Vec<Row> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_MEMBERS).bind(network).fetch_all(pool).await?);
        rows.into_iter()
            .map(
                |(
                    id,
                    short_name,
                    name,
                    sectors,
                    students,
                    region,
                    brin,
                    state,
                    shares,
                    named,
                    explanation,
                )| {
                    Ok(NetworkSchool {
                        school: SchoolRow {
                            id,
                            short_name,
                            name,
                            sectors,
                            students,
                            region,
                            brin,
                        }
                        .into_school()?,
                        state: membership_of(&state)?,
                        shares: shares_of(&shares),
                        named: named == 1,
                        explanation,
                    })
                },
            )
            .collect()
    }

    /// The coordinator invites a school (again, after it left or declined).
    pub async fn invite_school(
        &self,
        network: Uuid,
        actor: UserId,
        school: SchoolId,
    ) -> Result<(), NetworkError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, network, actor);
            let current = current_state!(tx, network, school);
            Membership::invite(current)?;
            sqlx::query(INSERT_INVITATION).bind(network).bind(school.0).bind(now_millis()).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The coordinator withdraws an invitation the school has not answered.
    pub async fn withdraw_invitation(
        &self,
        network: Uuid,
        actor: UserId,
        school: SchoolId,
    ) -> Result<(), NetworkError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, network, actor);
            let done = sqlx::query(DELETE_INVITATION).bind(network).bind(school.0).execute(&mut *tx).await?;
            if done.rows_affected() == 0 {
                return Err(NetworkError::Membership(MembershipError::NotInvited));
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The networks that invited the school or have it as a member.
    pub async fn school_networks(
        &self,
        school: SchoolId,
    ) -> Result<Vec<SchoolNetwork>, StoreError> {
        type Row = (
            Uuid,
            String,
            String,
            String,
            String,
            String,
            i64,
            Option<String>,
        );
        let rows: Vec<Row> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_SCHOOL_NETWORKS).bind(school.0).fetch_all(pool).await?);
        rows.into_iter()
            .map(
                |(id, short, name, kind, state, shares, named, explanation)| {
                    Ok(SchoolNetwork {
                        network: network_of((id, short, name, kind))?,
                        state: membership_of(&state)?,
                        shares: shares_of(&shares),
                        named: named == 1,
                        explanation,
                    })
                },
            )
            .collect()
    }

    /// The school's administrator accepts the network's invitation, or declines it (or
    /// leaves, for a member): `to` is what the membership becomes. Leaving clears at once what
    /// the school shared with the network. Recorded in the school's audit log.
    pub async fn change_membership(
        &self,
        school: SchoolId,
        actor: UserId,
        network: Uuid,
        accept: bool,
    ) -> Result<Membership, NetworkError> {
        let state = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            administrator!(tx, school, actor);
            let current = current_state!(tx, network, school).ok_or(NetworkError::NotFound)?;
            let (next, action) = if accept {
                (current.accept()?, AuditAction::NetworkJoined)
            } else {
                let action = if current == Membership::Invited {
                    AuditAction::NetworkDeclined
                } else {
                    AuditAction::NetworkLeft
                };
                (current.leave()?, action)
            };
            sqlx::query(SET_STATE).bind(network).bind(school.0).bind(state_code(next)).bind(now_millis()).execute(&mut *tx).await?;
            let (name,): (String,) = sqlx::query_as(NETWORK_NAME).bind(network).fetch_one(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), action, None::<Uuid>, None::<String>, Some(name.as_str()));
            tx.commit().await?;
            next
        });
        Ok(state)
    }

    /// The school's administrator chooses what the school shares with a network it is a
    /// member of, whether it may be named, and its explanation.
    pub async fn set_network_sharing(
        &self,
        school: SchoolId,
        actor: UserId,
        network: Uuid,
        shares: &[Indicator],
        named: bool,
        explanation: Option<&str>,
    ) -> Result<(), NetworkError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            administrator!(tx, school, actor);
            let done = sqlx::query(SET_SHARING)
                .bind(network)
                .bind(school.0)
                .bind(shares_text(shares))
                .bind(i64::from(named))
                .bind(explanation)
                .bind(now_millis())
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(NetworkError::Membership(MembershipError::NotAMember));
            }
            let (name,): (String,) = sqlx::query_as(NETWORK_NAME).bind(network).fetch_one(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::NetworkSharingChanged, None::<Uuid>, None::<String>, Some(name.as_str()));
            tx.commit().await?;
        });
        Ok(())
    }

    /// The school's administrator shares the school's figures of a school year (replacing
    /// what it shared of that year before).
    pub async fn share_figures(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        figures: &[Figure],
    ) -> Result<(), NetworkError> {
        let year_text = year.to_string();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            administrator!(tx, school, actor);
            sqlx::query(DELETE_FIGURES).bind(school.0).bind(&year_text).execute(&mut *tx).await?;
            let now = now_millis();
            for f in figures.iter().filter(|f| f.value.is_finite()) {
                sqlx::query(INSERT_FIGURE)
                    .bind(school.0)
                    .bind(&year_text)
                    .bind(f.indicator.code())
                    .bind(f.part.code())
                    .bind(f.value)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            audit!(tx, school.0, Some(actor.0), AuditAction::NetworkFiguresShared, None::<Uuid>, None::<String>, Some(year_text.as_str()));
            tx.commit().await?;
        });
        Ok(())
    }

    /// What the school shared of a school year, if anything.
    pub async fn shared_figures(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Option<SharedFigures>, StoreError> {
        let rows: Vec<(String, String, f64, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_FIGURES).bind(school.0).bind(year.to_string()).fetch_all(pool).await?);
        if rows.is_empty() {
            return Ok(None);
        }
        let shared_at = rows.iter().map(|r| r.3).max().unwrap_or_default();
        let figures = rows
            .iter()
            .map(|(i, p, v, _)| figure_of(i, p, *v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(SharedFigures { figures, shared_at }))
    }

    /// The figures of a school year of every member of the network, only of the indicators
    /// each chose to share; schools that are invited or left give nothing.
    pub async fn network_figures(
        &self,
        network: Uuid,
        year: SchoolYear,
    ) -> Result<Vec<(NetworkSchool, Vec<Figure>)>, StoreError> {
        let schools = self.network_schools(network).await?;
        self.members_figures(network, year, schools).await
    }

    /// [`Store::network_figures`] for a page that has read [`Store::network_schools`] already.
    pub async fn members_figures(
        &self,
        network: Uuid,
        year: SchoolYear,
        schools: Vec<NetworkSchool>,
    ) -> Result<Vec<(NetworkSchool, Vec<Figure>)>, StoreError> {
        let members: Vec<NetworkSchool> =
            schools.into_iter().filter(|m| m.state.shares()).collect();
        let rows: Vec<(Uuid, String, String, f64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_NETWORK_FIGURES).bind(network).bind(year.to_string()).fetch_all(pool).await?);
        let place: std::collections::HashMap<Uuid, usize> = members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.school.id.0, i))
            .collect();
        let mut out: Vec<(NetworkSchool, Vec<Figure>)> =
            members.into_iter().map(|m| (m, Vec::new())).collect();
        for (school, indicator, part, value) in rows {
            let figure = figure_of(&indicator, &part, value)?;
            if let Some((member, figures)) = place.get(&school).map(|&i| &mut out[i])
                && member.shares.contains(&figure.indicator)
            {
                figures.push(figure);
            }
        }
        Ok(out)
    }
}
