//! The navigation every page of a school shares, and reading the school from the path.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;

use crate::error::error_page;
use crate::i18n::Tr;
use crate::routes::Page;
use crate::state::AppState;
use crate::ui::chrome::NavLink;
use crate::working::Working;

/// The navigation within a school: its name, a way to switch, and the pages the person's
/// permission opens.
#[derive(Debug)]
pub struct SchoolNav {
    pub school_name: String,
    pub switch_href: Option<String>,
    pub links: Vec<NavLink>,
}

impl SchoolNav {
    pub fn new(working: &Working, lang: Lang, current: &Page) -> SchoolNav {
        let t = Tr(lang);
        let short = &working.school().short_name;
        let mut pages = vec![
            (Page::School(short.clone()), t.get("school-start")),
            (Page::Rounds(short.clone()), t.get("rounds-title")),
            (Page::Plan(short.clone()), t.get("plan-nav")),
            (Page::Conversations(short.clone()), t.get("conv-title")),
            (Page::Meetings(short.clone()), t.get("meeting-title")),
            (Page::Tasks(short.clone()), t.get("tasks-title")),
            (Page::Framework(short.clone()), t.get("fw-title")),
            (Page::Vision(short.clone()), t.get("vision-title")),
            (Page::Surveys(short.clone()), t.get("survey-nav")),
        ];
        if working.permission().includes(Permission::Coordinator) {
            pages.push((Page::Members(short.clone()), t.get("members-title")));
            pages.push((Page::SchoolNetworks(short.clone()), t.get("network-nav")));
        }
        if working.permission() == Permission::Administrator {
            pages.push((Page::SchoolSettings(short.clone()), t.get("settings-title")));
            pages.push((Page::AuditLog(short.clone()), t.get("audit-title")));
        }
        SchoolNav {
            school_name: working.school().name.to_string(),
            switch_href: working
                .has_other_schools()
                .then(|| Page::Schools.path(lang)),
            links: pages
                .into_iter()
                .map(|(page, label)| NavLink {
                    current: &page == current,
                    href: page.path(lang),
                    label,
                })
                .collect(),
        }
    }
}

/// The school's short name from the path (`{school}`).
pub fn school_param(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(s)| s).unwrap_or_default()
}

/// Not found, in the path's language (for a malformed id in a school's address).
pub fn not_found(app: &AppState, lang: Lang) -> Response {
    error_page(app, lang, StatusCode::NOT_FOUND)
}
