//! Signing in through the school's own identity provider (OpenID Connect): SURFconext for mbo
//! and hbo, Entree Federatie for vo. What the operator configures per provider, the claim
//! that names a person's organisation in each federation, and what a sign-in leads to.
//!
//! An account is found by (issuer, subject) alone, never by e-mail address: an address at a
//! provider proves nothing about the account that holds the same address here.

use std::fmt;
use std::str::FromStr;

use crate::account::UserId;
use crate::school::{Brin, SchoolId};

/// The claim in which a federation names the person's organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgClaim {
    /// SURFconext: the organisation's domain, e.g. `roc-example.nl`.
    SchacHomeOrganization,
    /// Entree Federatie: the school's BRIN code, e.g. `12AB`.
    EntreeBrin,
}

impl OrgClaim {
    /// The claim's name in the ID token and userinfo.
    pub fn claim(self) -> &'static str {
        match self {
            OrgClaim::SchacHomeOrganization => "schac_home_organization",
            OrgClaim::EntreeBrin => "nlEduPersonHomeOrganizationId",
        }
    }

    pub fn parse(name: &str) -> Option<OrgClaim> {
        [OrgClaim::SchacHomeOrganization, OrgClaim::EntreeBrin]
            .into_iter()
            .find(|c| c.claim().eq_ignore_ascii_case(name.trim()))
    }

    /// A value of this claim as an organisation, typed by an administrator or given by the
    /// provider: a domain in lower case, or a BRIN code.
    pub fn organisation(self, value: &str) -> Result<Organisation, SsoInputError> {
        let value = value.trim();
        match self {
            OrgClaim::SchacHomeOrganization => {
                let domain = value.to_ascii_lowercase();
                let labels_ok = domain.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                });
                if domain.contains('.') && domain.len() <= 253 && labels_ok {
                    Ok(Organisation(domain))
                } else {
                    Err(SsoInputError::Organisation(value.to_owned()))
                }
            }
            OrgClaim::EntreeBrin => Brin::parse(value)
                .map(|brin| Organisation(brin.as_str().to_owned()))
                .map_err(|_| SsoInputError::Organisation(value.to_owned())),
        }
    }
}

/// An organisation as its federation names it, normalised (see [`OrgClaim::organisation`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Organisation(String);

impl Organisation {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As stored; no check.
    pub fn from_stored(value: String) -> Organisation {
        Organisation(value)
    }
}

impl fmt::Display for Organisation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An identity provider as the operator configures it.
#[derive(Clone, PartialEq, Eq)]
pub struct ProviderConfig {
    /// A short name of the operator's choosing, in form values and addresses: `surfconext`.
    pub id: String,
    /// The name on the sign-in button: "SURFconext".
    pub name: String,
    /// The issuer, exactly as the provider's discovery document gives it.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub org_claim: OrgClaim,
}

impl fmt::Debug for ProviderConfig {
    // The secret stays out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("org_claim", &self.org_claim)
            .finish_non_exhaustive()
    }
}

impl FromStr for ProviderConfig {
    type Err = SsoInputError;

    /// `id=surfconext,name=SURFconext,issuer=https://connect.surfconext.nl,client-id=…,
    /// client-secret=…,claim=schac_home_organization`. Values cannot hold a comma; the secret
    /// may be left out here and given in the environment instead (see the README).
    fn from_str(input: &str) -> Result<ProviderConfig, SsoInputError> {
        let mut id = None;
        let mut name = None;
        let mut issuer = None;
        let mut client_id = None;
        let mut client_secret = None;
        let mut claim = None;
        for part in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                return Err(SsoInputError::Setting(part.to_owned()));
            };
            let value = value.trim().to_owned();
            let slot = match key.trim() {
                "id" => &mut id,
                "name" => &mut name,
                "issuer" => &mut issuer,
                "client-id" => &mut client_id,
                "client-secret" => &mut client_secret,
                "claim" => &mut claim,
                other => return Err(SsoInputError::Setting(other.to_owned())),
            };
            *slot = Some(value);
        }
        let id = id.ok_or(SsoInputError::Missing("id"))?;
        let valid_id = !id.is_empty()
            && id.len() <= 32
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_id {
            return Err(SsoInputError::Id(id));
        }
        let issuer = issuer.ok_or(SsoInputError::Missing("issuer"))?;
        if !issuer_allowed(&issuer) {
            return Err(SsoInputError::Issuer(issuer));
        }
        let claim = claim.ok_or(SsoInputError::Missing("claim"))?;
        let org_claim = OrgClaim::parse(&claim).ok_or(SsoInputError::Claim(claim))?;
        Ok(ProviderConfig {
            name: name.filter(|n| !n.is_empty()).unwrap_or_else(|| id.clone()),
            id,
            issuer,
            client_id: client_id
                .filter(|c| !c.is_empty())
                .ok_or(SsoInputError::Missing("client-id"))?,
            client_secret: client_secret.unwrap_or_default(),
            org_claim,
        })
    }
}

/// An issuer must be reached over HTTPS; plain HTTP only on this machine (a provider for
/// development and tests).
fn issuer_allowed(issuer: &str) -> bool {
    if let Some(rest) = issuer.strip_prefix("https://") {
        return !rest.is_empty();
    }
    let Some(rest) = issuer.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', ':']).next().unwrap_or_default();
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

/// What is wrong with a provider's configuration or a school's sign-in setting.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SsoInputError {
    #[error(
        "unknown setting {0:?} (expected key=value: id, name, issuer, client-id, client-secret, claim)"
    )]
    Setting(String),
    #[error("{0} is missing")]
    Missing(&'static str),
    #[error("{0:?} is not a valid id: lower-case letters, digits and '-', at most 32")]
    Id(String),
    #[error("the issuer {0:?} must start with https:// (http:// only on 127.0.0.1 or localhost)")]
    Issuer(String),
    #[error("unknown claim {0:?}: schac_home_organization or nlEduPersonHomeOrganizationId")]
    Claim(String),
    #[error("{0:?} is not an organisation of this provider")]
    Organisation(String),
}

/// How a school lets its people sign in through a provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolSignIn {
    /// The provider's issuer.
    pub issuer: String,
    /// The school's organisation in the provider's claim.
    pub organisation: Organisation,
    /// A person of that organisation without an account joins as *lid* on first sign-in;
    /// otherwise they need an invitation.
    pub join_as_member: bool,
    /// Whether the school's members may still sign in with a password.
    pub password_allowed: bool,
}

/// A school that the organisation of someone signing in maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MappedSchool {
    pub school: SchoolId,
    pub join_as_member: bool,
}

/// What a sign-in through a provider leads to, for someone not signed in here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The identity is linked: sign in as that account.
    SignIn(UserId),
    /// A new person of a school that lets its organisation join: make an account, make them
    /// *lid*, link the identity.
    Join(SchoolId),
    /// The provider did not say which organisation the person belongs to.
    MissingClaim,
    /// No school here is linked to the person's organisation.
    SchoolNotLinked,
    /// The school is linked but lets new people in by invitation only (or several schools
    /// are, and which one is not the person's to choose here).
    InvitationNeeded,
    /// An account with the person's e-mail address exists but is not linked to this identity
    /// (a first sign-in, or the provider now gives another subject): sign in with the password
    /// and link the provider on the account page.
    AccountExists,
    /// The provider gave no (valid) e-mail address, which a new account needs.
    MissingEmail,
}

/// Decides where a sign-in leads. `linked` is the account linked to (issuer, subject);
/// `schools` the schools linked to the person's organisation; `email_taken` whether an
/// account holds the e-mail address the provider gave (`None`: it gave none).
pub fn arrival(
    linked: Option<UserId>,
    organisation: Option<&Organisation>,
    schools: &[MappedSchool],
    email_taken: Option<bool>,
) -> Arrival {
    if let Some(user) = linked {
        return Arrival::SignIn(user);
    }
    if organisation.is_none() {
        return Arrival::MissingClaim;
    }
    if schools.is_empty() {
        return Arrival::SchoolNotLinked;
    }
    match email_taken {
        Some(true) => return Arrival::AccountExists,
        Some(false) => {}
        None => return Arrival::MissingEmail,
    }
    let mut joinable = schools.iter().filter(|s| s.join_as_member);
    match (joinable.next(), joinable.next()) {
        (Some(only), None) => Arrival::Join(only.school),
        _ => Arrival::InvitationNeeded,
    }
}

/// What linking an identity to the signed-in person's account gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Linking {
    /// Linked now (a former link of the same provider is replaced).
    Linked,
    /// It was linked to this account already.
    Already,
    /// The identity is linked to another account: nothing changes.
    OtherAccount,
}

/// Decides a link request from who holds the identity now.
pub fn linking(me: UserId, holder: Option<UserId>) -> Linking {
    match holder {
        None => Linking::Linked,
        Some(user) if user == me => Linking::Already,
        Some(_) => Linking::OtherAccount,
    }
}

/// Whether a person may remove a provider's link: not when it is their only way in.
pub fn may_unlink(has_password: bool, links: usize) -> bool {
    has_password || links > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn user(n: u128) -> UserId {
        UserId(Uuid::from_u128(n))
    }

    fn school(n: u128, join: bool) -> MappedSchool {
        MappedSchool {
            school: SchoolId(Uuid::from_u128(n)),
            join_as_member: join,
        }
    }

    #[test]
    fn a_provider_is_configured_in_one_line() {
        let config: ProviderConfig = "id=surfconext, name=SURFconext, \
             issuer=https://connect.surfconext.nl, client-id=raamwerk, client-secret=s3cret, \
             claim=schac_home_organization"
            .parse()
            .expect("valid");
        assert_eq!(config.id, "surfconext");
        assert_eq!(config.name, "SURFconext");
        assert_eq!(config.issuer, "https://connect.surfconext.nl");
        assert_eq!(config.org_claim, OrgClaim::SchacHomeOrganization);
        assert_eq!(config.client_secret, "s3cret");
        assert!(
            !format!("{config:?}").contains("s3cret"),
            "no secret in logs"
        );

        let entree: ProviderConfig =
            "id=entree,issuer=http://127.0.0.1:4000,client-id=x,claim=nlEduPersonHomeOrganizationId"
                .parse()
                .expect("valid");
        assert_eq!(
            entree.name, "entree",
            "the id names the button when no name is given"
        );
        assert_eq!(entree.org_claim, OrgClaim::EntreeBrin);
    }

    #[test]
    fn a_wrong_configuration_says_what_is_wrong() {
        let parse = |s: &str| s.parse::<ProviderConfig>().map(|_| ());
        assert_eq!(
            parse("id=a,issuer=http://idp.example.nl,client-id=x,claim=schac_home_organization"),
            Err(SsoInputError::Issuer("http://idp.example.nl".into())),
            "plain HTTP only on this machine"
        );
        assert_eq!(
            parse("id=A B,issuer=https://i,client-id=x,claim=schac_home_organization"),
            Err(SsoInputError::Id("A B".into()))
        );
        assert_eq!(
            parse("id=a,issuer=https://i,client-id=x,claim=mail"),
            Err(SsoInputError::Claim("mail".into()))
        );
        assert_eq!(
            parse("id=a,issuer=https://i,claim=schac_home_organization"),
            Err(SsoInputError::Missing("client-id"))
        );
        assert_eq!(
            parse("id=a,secret=x"),
            Err(SsoInputError::Setting("secret".into()))
        );
        assert_eq!(
            parse("id=a,nonsense"),
            Err(SsoInputError::Setting("nonsense".into()))
        );
    }

    #[test]
    fn organisations_are_normalised_per_federation() {
        let surf = OrgClaim::SchacHomeOrganization;
        assert_eq!(
            surf.organisation(" ROC-Example.NL ").map(|o| o.to_string()),
            Ok("roc-example.nl".to_owned())
        );
        assert!(
            surf.organisation("localhost").is_err(),
            "a domain has a dot"
        );
        assert!(surf.organisation("a..nl").is_err());
        assert!(surf.organisation("-a.nl").is_err());
        let entree = OrgClaim::EntreeBrin;
        assert_eq!(
            entree.organisation("12ab").map(|o| o.to_string()),
            Ok("12AB".to_owned())
        );
        assert!(entree.organisation("school.nl").is_err());
    }

    #[test]
    fn a_linked_identity_signs_in_whatever_else_holds() {
        assert_eq!(
            arrival(Some(user(1)), None, &[], None),
            Arrival::SignIn(user(1))
        );
    }

    #[test]
    fn an_unlinked_identity_never_reaches_an_account_by_its_address() {
        let org = Organisation("school-a.nl".into());
        let one = [school(7, true)];
        assert_eq!(
            arrival(None, None, &one, Some(false)),
            Arrival::MissingClaim
        );
        assert_eq!(
            arrival(None, Some(&org), &[], Some(false)),
            Arrival::SchoolNotLinked
        );
        assert_eq!(
            arrival(None, Some(&org), &one, Some(true)),
            Arrival::AccountExists,
            "the same address is no link"
        );
        assert_eq!(arrival(None, Some(&org), &one, None), Arrival::MissingEmail);
        assert_eq!(
            arrival(None, Some(&org), &one, Some(false)),
            Arrival::Join(SchoolId(Uuid::from_u128(7)))
        );
        assert_eq!(
            arrival(None, Some(&org), &[school(7, false)], Some(false)),
            Arrival::InvitationNeeded
        );
        assert_eq!(
            arrival(
                None,
                Some(&org),
                &[school(7, true), school(8, true)],
                Some(false)
            ),
            Arrival::InvitationNeeded,
            "two schools to join: not ours to choose"
        );
        assert_eq!(
            arrival(
                None,
                Some(&org),
                &[school(7, false), school(8, true)],
                Some(false)
            ),
            Arrival::Join(SchoolId(Uuid::from_u128(8)))
        );
    }

    #[test]
    fn linking_and_unlinking() {
        assert_eq!(linking(user(1), None), Linking::Linked);
        assert_eq!(linking(user(1), Some(user(1))), Linking::Already);
        assert_eq!(linking(user(1), Some(user(2))), Linking::OtherAccount);
        assert!(may_unlink(true, 1));
        assert!(may_unlink(false, 2));
        assert!(!may_unlink(false, 1), "the only way in stays");
    }
}
