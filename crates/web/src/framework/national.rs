//! A newer national edition: what changed relative to the national edition the school's
//! framework is based on, and taking those changes over into the draft one by one or all at
//! once. The school's own additions and its other changes stay as they are.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::framework::draft;
use domain::{Edition, Lang, StatementChange, diff};
use store::{DraftFailure, DraftRefusal};

use crate::error::{AppError, error_page};
use crate::framework::own::{ChangeLine, change_line};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::frameworks::refusal_message;
use crate::ui::frameworks::{newest_national, school_framework};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct NationalLine {
    pub change: ChangeLine,
    /// The draft already agrees with it.
    pub taken: bool,
    /// The school's own wording of a statement the change rewords, which taking over keeps
    /// unless the coordinator chooses the national text.
    pub own: Option<String>,
}

#[derive(Template)]
#[template(path = "framework/national.html")]
pub struct NationalView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub intro: String,
    pub to: String,
    pub lines: Vec<NationalLine>,
    pub up_to_date: bool,
    pub can_change: bool,
    pub action: String,
    pub back_href: String,
    pub draft_href: String,
    pub message: Option<String>,
}

/// The national edition the school is based on (its draft's, else its edition's), the newest
/// one, the changes between them, and the school's statements now (its draft's, else those
/// of the version in use), read once.
struct National {
    base: Edition,
    newest: Edition,
    changes: Vec<StatementChange>,
    current: Vec<draft::DraftStatement>,
    has_draft: bool,
    framework: crate::ui::frameworks::SchoolFramework,
}

async fn national_changes(app: &AppState, working: &Working) -> Result<National, AppError> {
    let school = working.school().id;
    let framework = school_framework(app, school).await?;
    let draft = app.store.draft(school).await?;
    let based_on = draft.as_ref().map_or(framework.based_on, |d| d.based_on);
    let newest = newest_national(app).await?;
    let base = app
        .store
        .edition(based_on)
        .await?
        .unwrap_or_else(|| newest.clone());
    let changes = diff(base.statements(), newest.statements());
    let has_draft = draft.is_some();
    let current = match draft {
        Some(d) => d.statements,
        None => draft::start(&framework.current),
    };
    Ok(National {
        base,
        newest,
        changes,
        current,
        has_draft,
        framework,
    })
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    message: Option<String>,
) -> Result<NationalView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::NationalUpdate(short.clone());
    let National {
        base,
        newest,
        changes,
        current,
        ..
    } = national_changes(app, working).await?;
    Ok(NationalView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("fw-national-title"),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        intro: t.args(
            "fw-national-intro",
            &[
                ("from", base.meta().version.as_str()),
                ("to", newest.meta().version.as_str()),
            ],
        ),
        to: newest.meta().version.clone(),
        up_to_date: base.id() == newest.id(),
        lines: changes
            .iter()
            .map(|c| NationalLine {
                change: change_line(&newest, c, lang),
                taken: draft::agrees(&current, c),
                own: draft::own_wording(&current, c).map(|text| text.shown(lang).to_owned()),
            })
            .collect(),
        can_change: working.permission().includes(Permission::Coordinator),
        action: page.path(lang),
        back_href: Page::Framework(short.clone()).path(lang),
        draft_href: Page::Draft(short).path(lang),
        message,
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let page = view(&app, lang, &working, None).await?;
    respond_private(&page, lang, StatusCode::OK)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct TakeForm {
    /// A statement's code, `all`, or `done` (the rest is left as the school has it).
    #[serde(default)]
    pub take: String,
    /// `landelijk` to replace the school's own wording with the national one; otherwise the
    /// school's wording stays.
    #[serde(default)]
    pub tekst: String,
}

/// Takes one national change over into the draft (starting one when needed), or all of them,
/// or marks the school as up to date with the newest national edition.
pub async fn take(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<TakeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let wording = if form.tekst == "landelijk" {
        draft::Wording::National
    } else {
        draft::Wording::Own
    };
    let take = form.take;
    let school = working.school().id;
    let National {
        base,
        newest,
        changes,
        has_draft,
        framework,
        ..
    } = national_changes(&app, &working).await?;
    if base.id() == newest.id() {
        return Ok(see_other(&Page::NationalUpdate(short).path(lang)));
    }
    let chosen: Vec<StatementChange> = match take.as_str() {
        "all" => changes.clone(),
        "done" => Vec::new(),
        code => match changes.iter().find(|c| c.code.as_str() == code) {
            Some(c) => vec![c.clone()],
            None => {
                let page = view(&app, lang, &working, Some(Tr(lang).get("fw-error-op"))).await?;
                return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
            }
        },
    };
    if !has_draft {
        match app
            .store
            .start_draft(
                school,
                working.user().id,
                working.user().name.as_str(),
                &framework.current,
                framework.based_on,
            )
            .await
        {
            Ok(()) | Err(DraftFailure::Refused(DraftRefusal::DraftExists)) => {}
            Err(DraftFailure::Refused(_)) => {
                return Ok(error_page(&app, lang, StatusCode::FORBIDDEN));
            }
            Err(DraftFailure::Store(e)) => return Err(e.into()),
        }
    }
    // Done with this national edition when everything is taken over or the rest declined.
    let rebase_always = take == "all" || take == "done";
    let newest_id = newest.id();
    let all = changes.clone();
    let result = app
        .store
        .change_draft(
            school,
            working.user().id,
            working.user().name.as_str(),
            None,
            None,
            Box::new(move |statements| {
                for change in &chosen {
                    draft::take_over(statements, change, wording);
                }
                Ok(rebase_always || all.iter().all(|c| draft::agrees(statements, c)))
            }),
        )
        .await;
    let rebase = match result {
        Ok(rebase) => rebase,
        Err(DraftFailure::Refused(refusal)) => {
            let page = view(&app, lang, &working, Some(refusal_message(&refusal, lang))).await?;
            return respond_private(&page, lang, StatusCode::CONFLICT);
        }
        Err(DraftFailure::Store(e)) => return Err(e.into()),
    };
    if rebase {
        let result = app
            .store
            .change_draft(
                school,
                working.user().id,
                working.user().name.as_str(),
                None,
                Some(newest_id),
                Box::new(|_| Ok(())),
            )
            .await;
        if let Err(DraftFailure::Store(e)) = result {
            return Err(e.into());
        }
        return Ok(see_other(&Page::Draft(short).path(lang)));
    }
    Ok(see_other(&Page::NationalUpdate(short).path(lang)))
}
