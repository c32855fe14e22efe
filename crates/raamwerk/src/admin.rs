//! `raamwerk admin …`: creating schools and accounts, and one-time links, for operators.

use std::process::ExitCode;

use domain::Lang;
use domain::account::{Email, FrameworkRoles, Permission, PersonName};
use domain::school::{Brin, NewSchool, Region, SchoolInputError, SchoolName, Sectors, Students};
use raamwerk::open_store;
use store::StoreError;

use crate::{DatabaseArgs, LinkArgs, cli_lang, start_failed};

/// The fields of `admin create-school` as typed.
pub(crate) struct SchoolInput {
    pub(crate) name: String,
    pub(crate) sectors: String,
    pub(crate) students: String,
    pub(crate) region: String,
    pub(crate) brin: Option<String>,
}

impl SchoolInput {
    /// Every field checked; every problem reported, not just the first.
    fn parse(self) -> Result<NewSchool, Vec<SchoolInputError>> {
        let name = SchoolName::parse(&self.name);
        let sectors = Sectors::parse(&self.sectors);
        let students = Students::parse(&self.students);
        let region = Region::parse(&self.region);
        let brin = self.brin.as_deref().map(Brin::parse).transpose();
        match (name, sectors, students, region, brin) {
            (Ok(name), Ok(sectors), Ok(students), Ok(region), Ok(brin)) => Ok(NewSchool {
                name,
                sectors,
                students,
                region,
                brin,
            }),
            (name, sectors, students, region, brin) => Err([
                name.err(),
                sectors.err(),
                students.err(),
                region.err(),
                brin.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

pub(crate) async fn create_school(input: SchoolInput, db: DatabaseArgs) -> ExitCode {
    let lang = cli_lang();
    let new = match input.parse() {
        Ok(new) => new,
        Err(errors) => {
            for error in errors {
                eprintln!("raamwerk: {}", error.message(lang));
            }
            return ExitCode::from(2);
        }
    };
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let created = store.create_school(&new).await;
    store.close().await;
    match created {
        Ok(school) => {
            println!("{}", school.short_name);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

/// The fields of `admin create-user` as typed.
pub(crate) struct UserInput {
    pub(crate) school: String,
    pub(crate) email: String,
    pub(crate) name: String,
    pub(crate) permission: String,
    pub(crate) roles: String,
}

/// One line on stderr in the terminal's language, and exit code 1.
fn fail(nl: &str, en: &str) -> ExitCode {
    say(nl, en);
    ExitCode::from(1)
}

/// Bad usage: the line, and exit code 2.
fn usage(nl: &str, en: &str) -> ExitCode {
    say(nl, en);
    ExitCode::from(2)
}

fn say(nl: &str, en: &str) {
    match cli_lang() {
        Lang::Nl => eprintln!("raamwerk: {nl}"),
        Lang::En => eprintln!("raamwerk: {en}"),
    }
}

/// The link that leads to the page where a password is set.
fn password_link(base_url: &str, token: &str) -> String {
    format!(
        "{}{}",
        base_url.trim_end_matches('/'),
        web::routes::Page::SetPassword(token.to_owned()).path(Lang::Nl)
    )
}

pub(crate) async fn create_user(input: UserInput, link: LinkArgs) -> ExitCode {
    let lang = cli_lang();
    let email = Email::parse(&input.email);
    let name = PersonName::parse(&input.name);
    let permission = Permission::parse(&input.permission);
    let roles = FrameworkRoles::parse(&input.roles);
    let (email, name, permission, roles) = match (email, name, permission, roles) {
        (Ok(e), Ok(n), Ok(p), Ok(r)) => (e, n, p, r),
        (e, n, p, r) => {
            let errors = [e.err(), n.err(), p.err(), r.err()];
            for error in errors.into_iter().flatten() {
                eprintln!("raamwerk: {}", error.message(lang));
            }
            return ExitCode::from(2);
        }
    };
    let store = match open_store(&link.db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let outcome = add_user(&store, &input.school, &email, &name, permission, &roles).await;
    store.close().await;
    match outcome {
        Ok(Some(token)) => {
            println!("{}", password_link(&link.base_url, &token));
            ExitCode::SUCCESS
        }
        Ok(None) => {
            match lang {
                Lang::Nl => eprintln!(
                    "raamwerk: {email} heeft al een wachtwoord en is nu lid van {}",
                    input.school
                ),
                Lang::En => eprintln!(
                    "raamwerk: {email} already has a password and is now a member of {}",
                    input.school
                ),
            }
            ExitCode::SUCCESS
        }
        Err(AddUserError::NoSuchSchool) => fail(
            &format!("er is geen school met de korte naam '{}'", input.school),
            &format!("there is no school with the short name '{}'", input.school),
        ),
        Err(AddUserError::Store(StoreError::AlreadyMember)) => fail(
            &format!("{email} is al lid van {}", input.school),
            &format!("{email} is already a member of {}", input.school),
        ),
        Err(AddUserError::Store(e)) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

enum AddUserError {
    NoSuchSchool,
    Store(StoreError),
}

impl From<StoreError> for AddUserError {
    fn from(e: StoreError) -> Self {
        AddUserError::Store(e)
    }
}

/// Adds the membership (and the account when new); returns a password link unless the
/// person has a password already.
async fn add_user(
    store: &store::Store,
    school: &str,
    email: &Email,
    name: &PersonName,
    permission: Permission,
    roles: &FrameworkRoles,
) -> Result<Option<String>, AddUserError> {
    let school = store
        .school_by_short_name(school)
        .await?
        .ok_or(AddUserError::NoSuchSchool)?;
    let (user, has_password) = match store.credentials(email).await? {
        Some((user, hash)) => (user, hash.is_some()),
        None => (store.create_user(email, name).await?, false),
    };
    store
        .add_member(school.id, user.id, permission, roles)
        .await?;
    if has_password {
        return Ok(None);
    }
    Ok(Some(store.operator_password_link(user.id).await?))
}

pub(crate) async fn reset_password(email: String, link: LinkArgs) -> ExitCode {
    let lang = cli_lang();
    let email = match Email::parse(&email) {
        Ok(email) => email,
        Err(e) => {
            eprintln!("raamwerk: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let store = match open_store(&link.db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let outcome = match store.user_by_email(&email).await {
        Ok(Some(user)) => store.operator_password_link(user.id).await.map(Some),
        Ok(None) => Ok(None),
        Err(e) => Err(e),
    };
    store.close().await;
    match outcome {
        Ok(Some(token)) => {
            println!("{}", password_link(&link.base_url, &token));
            ExitCode::SUCCESS
        }
        Ok(None) => fail(
            &format!("er is geen account met het adres {email}"),
            &format!("there is no account with the address {email}"),
        ),
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

/// The fields of `admin create-token` as typed.
pub(crate) struct TokenInput {
    pub(crate) school: String,
    pub(crate) email: String,
    pub(crate) name: String,
    pub(crate) scopes: String,
    pub(crate) days: String,
    pub(crate) school_token: bool,
}

/// Why `admin create-token` made no token.
enum NoToken {
    School,
    Person,
    NotAllowed,
}

pub(crate) async fn create_token(input: TokenInput, db: DatabaseArgs) -> ExitCode {
    use domain::api_token::{Holder, Lifetime, Scopes, TokenName};
    let lang = cli_lang();
    let holder = if input.school_token {
        Holder::School
    } else {
        Holder::Person
    };
    let email = Email::parse(&input.email).map_err(|e| e.message(lang));
    let name = TokenName::parse(&input.name).map_err(|e| e.message(lang));
    let scopes = Scopes::parse(&input.scopes, holder).map_err(|e| e.message(lang));
    let lifetime = Lifetime::parse(&input.days).map_err(|e| e.message(lang));
    let (email, name, scopes, lifetime) = match (email, name, scopes, lifetime) {
        (Ok(e), Ok(n), Ok(s), Ok(l)) => (e, n, s, l),
        (e, n, s, l) => {
            for message in [e.err(), n.err(), s.err(), l.err()].into_iter().flatten() {
                eprintln!("raamwerk: {message}");
            }
            return ExitCode::from(2);
        }
    };
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let outcome = async {
        let Some(school) = store.school_by_short_name(&input.school).await? else {
            return Ok(Err(NoToken::School));
        };
        let Some(user) = store.user_by_email(&email).await? else {
            return Ok(Err(NoToken::Person));
        };
        let made = store
            .create_token(&store::NewToken {
                school: school.id,
                maker: user.id,
                holder,
                name,
                scopes,
                lifetime,
            })
            .await;
        Ok::<_, StoreError>(match made {
            Ok((_, secret)) => Ok(secret),
            Err(store::TokenError::Store(e)) => return Err(e),
            Err(_) => Err(NoToken::NotAllowed),
        })
    }
    .await;
    store.close().await;
    let school = &input.school;
    match outcome {
        Ok(Ok(secret)) => {
            println!("{secret}");
            ExitCode::SUCCESS
        }
        Ok(Err(NoToken::School)) => fail(
            &format!("er is geen school met de korte naam '{school}'"),
            &format!("there is no school with the short name '{school}'"),
        ),
        Ok(Err(NoToken::Person)) => fail(
            &format!("er is geen account met het adres {email}"),
            &format!("there is no account with the address {email}"),
        ),
        Ok(Err(NoToken::NotAllowed)) => fail(
            &format!(
                "{email} is geen actief lid van {school} (of, voor een schoolsleutel, geen schoolbeheerder)"
            ),
            &format!(
                "{email} is no active member of {school} (or, for a school token, no administrator)"
            ),
        ),
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

pub(crate) async fn create_network(name: &str, kind: &str, db: DatabaseArgs) -> ExitCode {
    let lang = cli_lang();
    let name = match domain::network::network_name(name) {
        Ok(name) => name,
        Err(e) => {
            eprintln!("raamwerk: {}", e.message(lang));
            return ExitCode::from(2);
        }
    };
    let Some(kind) = domain::network::Kind::parse(kind) else {
        return usage(
            &format!("onbekende soort netwerk '{kind}' (pilot, regio, bestuur of landelijk)"),
            &format!("unknown kind of network '{kind}' (pilot, regio, bestuur or landelijk)"),
        );
    };
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let outcome = store.create_network(&name, kind).await;
    store.close().await;
    match outcome {
        Ok(network) => {
            println!("{}", network.short_name);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

pub(crate) async fn add_network_coordinator(
    network: &str,
    email: &str,
    name: &str,
    link: LinkArgs,
) -> ExitCode {
    let lang = cli_lang();
    let (email, name) = match (Email::parse(email), PersonName::parse(name)) {
        (Ok(e), Ok(n)) => (e, n),
        (e, n) => {
            for message in [
                e.err().map(|e| e.message(lang)),
                n.err().map(|e| e.message(lang)),
            ]
            .into_iter()
            .flatten()
            {
                eprintln!("raamwerk: {message}");
            }
            return ExitCode::from(2);
        }
    };
    let store = match open_store(&link.db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let outcome = async {
        let Some(found) = store.network_by_short_name(network).await? else {
            return Ok(None);
        };
        let (user, has_password) = match store.credentials(&email).await? {
            Some((user, hash)) => (user, hash.is_some()),
            None => (store.create_user(&email, &name).await?, false),
        };
        store.add_network_coordinator(found.id, user.id).await?;
        if has_password {
            return Ok(Some(None));
        }
        Ok::<_, StoreError>(Some(Some(store.operator_password_link(user.id).await?)))
    }
    .await;
    store.close().await;
    match outcome {
        Ok(Some(Some(token))) => {
            println!("{}", password_link(&link.base_url, &token));
            ExitCode::SUCCESS
        }
        Ok(Some(None)) => {
            match lang {
                Lang::Nl => eprintln!(
                    "raamwerk: {email} heeft al een wachtwoord en coördineert nu {network}"
                ),
                Lang::En => eprintln!(
                    "raamwerk: {email} already has a password and now coordinates {network}"
                ),
            }
            ExitCode::SUCCESS
        }
        Ok(None) => fail(
            &format!("er is geen netwerk met de korte naam '{network}'"),
            &format!("there is no network with the short name '{network}'"),
        ),
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}
