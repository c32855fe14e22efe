//! The pages for a sign-in through a provider that did not come through: each says what
//! happened and what the person can do, in Dutch and English, with a fitting status.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use domain::Lang;
use domain::sso::ProviderConfig;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::Page;
use crate::state::AppState;
use crate::ui::{Chrome, respond_private};

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No such provider is configured (any more).
    UnknownProvider,
    /// The provider could not be reached or failed.
    ProviderDown,
    /// The answer belongs to no sign-in of this browser: expired, used already, or started
    /// elsewhere.
    FlowExpired,
    /// The person stopped at the provider, or the provider refused.
    Cancelled,
    /// The provider refused its own code (it expired, or was used).
    CodeRefused,
    /// The provider's answer failed our checks (signature, nonce, issuer, expiry).
    InvalidAnswer,
    MissingClaim,
    SchoolNotLinked,
    InvitationNeeded,
    AccountExists,
    MissingEmail,
    /// The identity is linked to another account.
    LinkedElsewhere,
}

impl Problem {
    fn status(self) -> StatusCode {
        match self {
            Problem::UnknownProvider => StatusCode::NOT_FOUND,
            Problem::ProviderDown => StatusCode::BAD_GATEWAY,
            Problem::FlowExpired | Problem::CodeRefused | Problem::InvalidAnswer => {
                StatusCode::BAD_REQUEST
            }
            Problem::LinkedElsewhere | Problem::AccountExists => StatusCode::CONFLICT,
            Problem::Cancelled
            | Problem::MissingClaim
            | Problem::SchoolNotLinked
            | Problem::InvitationNeeded
            | Problem::MissingEmail => StatusCode::FORBIDDEN,
        }
    }

    /// The message id stem: `sso-problem-{stem}-title` and `-text`.
    fn stem(self) -> &'static str {
        match self {
            Problem::UnknownProvider => "unknown-provider",
            Problem::ProviderDown => "provider-down",
            Problem::FlowExpired => "flow-expired",
            Problem::Cancelled => "cancelled",
            Problem::CodeRefused => "code-refused",
            Problem::InvalidAnswer => "invalid-answer",
            Problem::MissingClaim => "missing-claim",
            Problem::SchoolNotLinked => "school-not-linked",
            Problem::InvitationNeeded => "invitation-needed",
            Problem::AccountExists => "account-exists",
            Problem::MissingEmail => "missing-email",
            Problem::LinkedElsewhere => "linked-elsewhere",
        }
    }
}

#[derive(Template)]
#[template(path = "sso/problem.html")]
pub struct ProblemView {
    pub chrome: Chrome,
    pub t: Tr,
    pub title: String,
    pub text: String,
    pub sign_in_href: String,
    pub account_href: String,
}

/// The page for `problem`, naming `provider` where there is one.
pub fn problem_page(
    app: &AppState,
    lang: Lang,
    problem: Problem,
    provider: Option<&ProviderConfig>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let name = provider.map_or_else(|| t.get("sso-the-provider"), |p| p.name.clone());
    let title = t.with(
        &format!("sso-problem-{}-title", problem.stem()),
        "provider",
        &name,
    );
    let text = t.with(
        &format!("sso-problem-{}-text", problem.stem()),
        "provider",
        &name,
    );
    let view = ProblemView {
        chrome: Chrome::new(lang, &app.edition(), Some(&Page::SignIn), title.clone()),
        t,
        title,
        text,
        sign_in_href: Page::SignIn.path(lang),
        account_href: Page::Account.path(lang),
    };
    respond_private(&view, lang, problem.status())
}
