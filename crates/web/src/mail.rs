//! Sending e-mail (invitations, password links) over SMTP, when an SMTP server is
//! configured. Without one, the links are shown on screen to copy, and nothing is sent.
//!
//! The server is named by a URL, as lettre reads it: `smtp://host:25` (plain, for a relay on
//! the same network), `smtp://user:pass@host:587?tls=required` (STARTTLS) or
//! `smtps://user:pass@host:465` (TLS from the start).

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use domain::Lang;
use domain::links::LinkMaker;

use crate::i18n::Tr;

/// A configured SMTP connection and the sender address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

/// Why mail could not be set up or sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid SMTP URL: {0}")]
    Url(String),
    #[error("invalid sender address '{0}'")]
    From(String),
    #[error("could not compose the message: {0}")]
    Compose(String),
    #[error("the SMTP server did not accept the message: {0}")]
    Send(String),
}

/// A message to one person: plain text, in their language.
#[derive(Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// A mailer for an SMTP URL and a sender address (`Name <address>` or an address).
    /// Call it inside the Tokio runtime (the connection pool lives there).
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(format!("{}: {e}", store::redact(url))))?
            .timeout(Some(std::time::Duration::from_secs(10)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|_| MailError::From(from.to_owned()))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message; returns once the server has accepted it.
    pub async fn send(&self, mail: Mail) -> Result<(), MailError> {
        let to = mail
            .to
            .parse::<Mailbox>()
            .map_err(|e| MailError::Compose(e.to_string()))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|e| MailError::Compose(e.to_string()))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| MailError::Send(e.to_string()))
    }
}

/// E-mails a link to set a password, when SMTP is configured: `None` without SMTP, else
/// whether the server took it.
pub async fn send_password_link(
    mailer: Option<&Mailer>,
    lang: Lang,
    to: &str,
    link: &str,
) -> Option<bool> {
    let mailer = mailer?;
    let t = Tr(lang);
    let mail = Mail {
        to: to.to_owned(),
        subject: t.get("password-mail-subject"),
        body: t.args(
            "password-mail-body",
            &[
                ("link", link),
                ("hours", &LinkMaker::Own.lifetime_hours().to_string()),
            ],
        ),
    };
    Some(match mailer.send(mail).await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "could not e-mail a password link");
            false
        }
    })
}

/// E-mails the link that confirms a new address to that address, and a notice of the change
/// to the address the account has now. `None` without SMTP, else whether the server took
/// the link (the notice is sent on a best-effort basis).
pub async fn send_email_change(
    mailer: Option<&Mailer>,
    lang: Lang,
    name: &str,
    old: &str,
    new: &str,
    link: &str,
) -> Option<bool> {
    let mailer = mailer?;
    let t = Tr(lang);
    let hours = LinkMaker::Own.lifetime_hours().to_string();
    let confirm = Mail {
        to: new.to_owned(),
        subject: t.get("email-mail-subject"),
        body: t.args(
            "email-mail-body",
            &[("name", name), ("link", link), ("hours", &hours)],
        ),
    };
    if let Err(e) = mailer.send(confirm).await {
        tracing::warn!(error = %e, "could not e-mail a link to confirm a new address");
        return Some(false);
    }
    let notice = Mail {
        to: old.to_owned(),
        subject: t.get("email-notice-subject"),
        body: t.args("email-notice-body", &[("name", name), ("email", new)]),
    };
    if let Err(e) = mailer.send(notice).await {
        tracing::warn!(error = %e, "could not tell the old address of an address change");
    }
    Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn bad_settings_are_reported() {
        assert!(matches!(
            Mailer::new("http://example.org", "a@b.nl"),
            Err(MailError::Url(_))
        ));
        assert!(matches!(
            Mailer::new("smtp://127.0.0.1:2525", "not an address"),
            Err(MailError::From(_))
        ));
        assert!(Mailer::new("smtp://127.0.0.1:2525", "Raamwerk <noreply@school.nl>").is_ok());
    }
}
