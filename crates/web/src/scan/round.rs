//! One round: the person's own scan by role and area, with progress and a way to mark it
//! finished; for coordinators, who has finished (never what is in a scan) and closing the
//! round.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::members::Refusal;
use domain::scan::progress;
use domain::{Area, Edition, Lang};
use store::{Audience, ManageError, Round, ScanError, ShareError};
use uuid::Uuid;

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, period_text, today};
use crate::ui::rounds::{load_round, roles_held};
use crate::ui::scan_state::state_key;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct AreaLink {
    pub name: String,
    pub href: String,
    pub progress: String,
    pub done: bool,
}

#[derive(Debug)]
pub struct RoleBlock {
    pub name: String,
    pub areas: Vec<AreaLink>,
}

#[derive(Debug)]
pub struct StatusLine {
    pub name: String,
    pub state: String,
}

#[derive(Template)]
#[template(path = "scan/round.html")]
pub struct RoundView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub name: String,
    pub period: String,
    pub open: bool,
    /// An open round whose start date is still to come: its statements can be read, not
    /// answered yet. Says from when.
    pub not_started: Option<String>,
    /// How many statements the person has answered in all, over their roles.
    pub answered: usize,
    pub roles: Vec<RoleBlock>,
    pub account_href: String,
    pub started: bool,
    /// Answers carried over from the previous round, not confirmed or changed yet.
    pub carried: bool,
    pub finished: bool,
    pub finish_action: String,
    pub statuses: Option<Vec<StatusLine>>,
    pub finished_count: String,
    pub close_action: Option<String>,
    /// The confirmation a coordinator ticks before closing, with how many scans are not
    /// finished yet.
    pub close_confirm: String,
    pub reopen_action: Option<String>,
    pub rounds_href: String,
    pub overview_href: String,
    pub error: Option<String>,
    pub share_action: String,
    pub shared_with_team: bool,
    pub shared_people: Vec<(String, String)>,
    /// Colleagues one may still share with: (id, name).
    pub colleagues: Vec<(String, String)>,
    /// Colleagues' scans shared with the viewer: (name, link).
    pub shared_with_me: Vec<(String, String)>,
    /// Whether the person lets their task answers of this round feed *wie doet wat*.
    pub feeds: bool,
    pub feed_action: String,
    /// Whether the person's scan of this round counts in the team picture.
    pub counts: bool,
    pub consent_action: String,
    pub picture_href: String,
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    round: &Round,
    edition: &Edition,
) -> Result<RoundView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let short = school.short_name.clone();
    let page = Page::Round(short.clone(), round.id);
    let mine = app
        .store
        .my_scan(school.id, round.id, working.user().id)
        .await?;
    let roles = roles_held(working);
    let all = progress(edition, &roles, &mine.content);
    let blocks = roles
        .iter()
        .map(|role| RoleBlock {
            name: edition.role(*role).name.get(lang).to_owned(),
            areas: Area::ALL
                .into_iter()
                .filter_map(|area| {
                    let p = all.iter().find(|p| p.role == *role && p.area == area)?;
                    Some(AreaLink {
                        name: edition.area(area).name.get(lang).to_owned(),
                        href: Page::ScanArea(short.clone(), round.id, *role, area).path(lang),
                        progress: t.args(
                            "scan-progress",
                            &[
                                ("answered", &p.answered.to_string()),
                                ("total", &p.total.to_string()),
                            ],
                        ),
                        done: p.done(),
                    })
                })
                .collect(),
        })
        .collect();
    let coordinator = working.permission().includes(Permission::Coordinator);
    let (statuses, finished_count, close_confirm) = if coordinator {
        let statuses = app.store.scan_statuses(school.id, round.id).await?;
        let finished = statuses.iter().filter(|s| s.finished).count();
        let count = t.args(
            "round-finished-count",
            &[
                ("finished", &finished.to_string()),
                ("total", &statuses.len().to_string()),
            ],
        );
        let confirm = t.args(
            "round-close-confirm",
            &[
                ("unfinished", &(statuses.len() - finished).to_string()),
                ("total", &statuses.len().to_string()),
            ],
        );
        let lines = statuses
            .into_iter()
            .map(|s| StatusLine {
                name: s.name,
                state: t.get(state_key(s.finished, s.carried, s.started)),
            })
            .collect();
        (Some(lines), count, confirm)
    } else {
        (None, String::new(), String::new())
    };
    let sharing = app
        .store
        .sharing(school.id, round.id, working.user().id)
        .await?;
    let colleagues = app
        .store
        .members(school.id)
        .await?
        .into_iter()
        .filter(|(u, m)| {
            m.active
                && u.id != working.user().id
                && !sharing.people.iter().any(|(id, _)| *id == u.id)
        })
        .map(|(u, _)| (u.id.to_string(), u.name.to_string()))
        .collect();
    let shared_with_me = app
        .store
        .shared_with(school.id, round.id, working.user().id)
        .await?
        .into_iter()
        .map(|(id, name)| {
            (
                name,
                Page::SharedScan(short.clone(), round.id, id).path(lang),
            )
        })
        .collect();
    let feeds = app
        .store
        .scan_feeds(school.id, round.id, working.user().id)
        .await?;
    Ok(RoundView {
        feeds,
        feed_action: Page::ScanFeed(short.clone(), round.id).path(lang),
        counts: app
            .store
            .picture_consent(school.id, round.id, working.user().id)
            .await?,
        consent_action: Page::PictureConsent(short.clone(), round.id).path(lang),
        picture_href: Page::TeamPicture(short.clone(), round.id).path(lang),
        share_action: Page::ShareScan(short.clone(), round.id).path(lang),
        shared_with_team: sharing.team,
        shared_people: sharing
            .people
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect(),
        colleagues,
        shared_with_me,
        chrome: Chrome::new(lang, &app.edition(), Some(&page), round.name.to_string()).signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Rounds(short.clone())),
        name: round.name.to_string(),
        period: period_text(round.period, lang),
        open: round.is_open(),
        not_started: (round.is_open() && !round.has_started(today())).then(|| {
            t.with(
                "round-not-started-text",
                "starts",
                date_text(round.period.starts, lang),
            )
        }),
        answered: all.iter().map(|p| p.answered).sum(),
        roles: blocks,
        account_href: Page::Account.path(lang),
        started: mine.started,
        carried: mine.carried,
        finished: mine.finished_at.is_some(),
        finish_action: Page::FinishScan(short.clone(), round.id).path(lang),
        statuses,
        finished_count,
        close_action: (coordinator && round.is_open())
            .then(|| Page::CloseRound(short.clone(), round.id).path(lang)),
        close_confirm,
        reopen_action: (coordinator && !round.is_open())
            .then(|| Page::ReopenRound(short.clone(), round.id).path(lang)),
        overview_href: Page::ScanOverview(short.clone(), round.id).path(lang),
        rounds_href: Page::Rounds(short).path(lang),
        error: None,
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let page = view(&app, lang, &working, &round, &edition).await?;
    respond_private(&page, lang, StatusCode::OK)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct CloseForm {
    /// `1` when the coordinator ticked that the round closes for everyone.
    #[serde(default)]
    bevestig: String,
}

/// Closes the round for the whole school, once the coordinator has ticked the confirmation
/// (which says how many scans are unfinished); without it nothing changes.
pub async fn close(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<CloseForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    if form.map(|Form(f)| f.bevestig != "1").unwrap_or(true) {
        let mut page = view(&app, lang, &working, &round, &edition).await?;
        page.error = Some(Tr(lang).get("round-close-unconfirmed"));
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match app
        .store
        .close_round(working.school().id, working.user().id, round.id)
        .await
    {
        Ok(_) => Ok(see_other(&Page::Round(short, round.id).path(lang))),
        Err(ManageError::Refused(_)) => Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
        Err(ManageError::Store(e)) => Err(e.into()),
    }
}

/// Opens a round closed by mistake again (logged); refused while another round is open.
pub async fn reopen(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    match app
        .store
        .reopen_round(working.school().id, working.user().id, round.id)
        .await
    {
        Ok(_) => Ok(see_other(&Page::Round(short, round.id).path(lang))),
        Err(ManageError::Refused(Refusal::NotAllowed)) => {
            Ok(error_page(&app, lang, StatusCode::FORBIDDEN))
        }
        Err(ManageError::Refused(refusal)) => {
            let mut page = view(&app, lang, &working, &round, &edition).await?;
            page.error = Some(refusal.message(lang).to_owned());
            respond_private(&page, lang, StatusCode::CONFLICT)
        }
        Err(ManageError::Store(e)) => Err(e.into()),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct FinishForm {
    #[serde(default)]
    klaar: String,
    /// `1` when the person ticked that their scan is finished without a single answer.
    #[serde(default)]
    bevestig: String,
}

pub async fn finish(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<FinishForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let finished = form.klaar == "1";
    if finished && form.bevestig != "1" {
        // Only the person's own answers are needed to know; the page is built only to refuse.
        let mine = app
            .store
            .my_scan(working.school().id, round.id, working.user().id)
            .await?;
        let roles = roles_held(&working);
        if progress(&edition, &roles, &mine.content)
            .iter()
            .all(|p| p.answered == 0)
        {
            let mut page = view(&app, lang, &working, &round, &edition).await?;
            page.error = Some(Tr(lang).get("scan-finish-empty-unconfirmed"));
            return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    match app
        .store
        .finish_scan(working.school().id, round.id, working.user().id, finished)
        .await
    {
        Ok(()) => Ok(see_other(&Page::Round(short, round.id).path(lang))),
        Err(ScanError::Refused(refusal)) => {
            let mut page = view(&app, lang, &working, &round, &edition).await?;
            page.error = Some(refusal.message(lang).to_owned());
            respond_private(&page, lang, StatusCode::CONFLICT)
        }
        Err(ScanError::NoRound) => Ok(error_page(&app, lang, StatusCode::NOT_FOUND)),
        Err(ScanError::Store(e)) => Err(e.into()),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ShareForm {
    #[serde(default)]
    wie: String,
    #[serde(default)]
    aan: String,
}

/// Shares one's scan of the round with the team or a colleague (`wie` = `team` or the
/// colleague's id, `aan` = `1`), or stops sharing (`aan` = `0`).
pub async fn share(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<ShareForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let audience = if form.wie == "team" {
        Some(Audience::Team)
    } else {
        Uuid::parse_str(&form.wie)
            .ok()
            .map(|id| Audience::Person(domain::account::UserId(id)))
    };
    let Some(audience) = audience else {
        return refused(&app, lang, &working, &round, &edition, "share-choose").await;
    };
    match app
        .store
        .share_scan(
            working.school().id,
            round.id,
            working.user().id,
            audience,
            form.aan == "1",
        )
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{}#delen",
            Page::Round(short, round.id).path(lang)
        ))),
        Err(ShareError::NothingToShare) => {
            refused(&app, lang, &working, &round, &edition, "share-nothing").await
        }
        Err(ShareError::NotAColleague) => {
            refused(
                &app,
                lang,
                &working,
                &round,
                &edition,
                "share-not-a-colleague",
            )
            .await
        }
        Err(ShareError::Store(e)) => Err(e.into()),
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct FeedForm {
    #[serde(default)]
    aan: String,
}

/// Lets one's task answers of the round feed *wie doet wat* (`aan` = `1`), or stops it.
pub async fn feed(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<FeedForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let on = form.map(|Form(f)| f.aan == "1").unwrap_or(false);
    if app
        .store
        .set_scan_feed(working.school().id, round.id, working.user().id, on)
        .await?
    {
        Ok(see_other(&format!(
            "{}#wie-doet-wat",
            Page::Round(short, round.id).path(lang)
        )))
    } else {
        refused(&app, lang, &working, &round, &edition, "share-nothing").await
    }
}

/// Lets one's scan of the round count in the team picture (`aan` = `1`), or stops it.
pub async fn picture_consent(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<FeedForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let on = form.map(|Form(f)| f.aan == "1").unwrap_or(false);
    if app
        .store
        .set_picture_consent(working.school().id, round.id, working.user().id, on)
        .await?
    {
        Ok(see_other(&format!(
            "{}#teambeeld",
            Page::Round(short, round.id).path(lang)
        )))
    } else {
        refused(&app, lang, &working, &round, &edition, "share-nothing").await
    }
}

/// The round page again, with why sharing did not happen.
async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    round: &Round,
    edition: &Edition,
    key: &str,
) -> Result<Response, AppError> {
    let mut page = view(app, lang, working, round, edition).await?;
    page.error = Some(Tr(lang).get(key));
    respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
