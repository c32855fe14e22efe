//! `raamwerk`: the whole application in one binary.
//!
//! - `raamwerk [serve]` serves the web application (the default);
//! - `raamwerk migrate` brings the database schema up to date;
//! - `raamwerk framework export|import|validate …` (in `framework.rs`): an edition to stdout,
//!   a file stored as a national edition or (`--school`) as a school's next version, a native
//!   file checked;
//! - `raamwerk demo` makes or refreshes the demo school (in `demo.rs`);
//! - `raamwerk admin …` makes schools and accounts from the command line (in `admin.rs`).
//!
//! Exit codes: 0 success, 1 failure (e.g. problems found), 2 bad usage or database unavailable.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use domain::Lang;
use formats::exchange::Exchange;
use raamwerk::{StartError, open, open_store, public_edition};
use store::StoreError;
use tracing_subscriber::EnvFilter;

/// mimalloc: a page is many small strings, and the system allocator's locking showed in
/// profiles of the signed-in pages (see bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod admin;
mod demo;
mod framework;

use admin::{
    SchoolInput, UserInput, add_network_coordinator, create_network, create_school, create_user,
    reset_password,
};
use framework::{export, import, validate};

const DEFAULT_DATABASE: &str = "sqlite://data/raamwerk.db";

#[derive(Parser)]
#[command(
    name = "raamwerk",
    version,
    about = "Raamwerk: the career-guidance framework for schools",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Options of `serve`, so that `raamwerk --listen …` works without naming it.
    #[command(flatten)]
    serve: ServeArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default).
    Serve(ServeArgs),
    /// Create or update the database schema and store the shipped edition.
    Migrate(DatabaseArgs),
    /// Work with framework editions.
    #[command(subcommand)]
    Framework(FrameworkCommand),
    /// Tasks for operators: schools and accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Create (or replace) a demo school with fictional people, a published school edition,
    /// two rounds of scans, shared scans and an allocation; print the e-mail address and
    /// password of a demo coordinator and of a demo member.
    Demo {
        /// How many people the demo school has.
        #[arg(long, default_value_t = 40)]
        school_size: usize,
        /// How many task statements its edition has at least (the national ones and the
        /// school's own); for benchmarks.
        #[arg(long, default_value_t = 0)]
        tasks: usize,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a school and print its short name.
    CreateSchool {
        /// The school's name.
        #[arg(long)]
        name: String,
        /// Its sector: vo, mbo or hbo (repeat, or separate with commas, for more than one).
        #[arg(long = "sector", required = true)]
        sectors: Vec<String>,
        /// Its number of students.
        #[arg(long, allow_hyphen_values = true)]
        students: String,
        /// Its province (or Caribisch Nederland), by name or code.
        #[arg(long)]
        region: String,
        /// Its BRIN code (two digits and two letters), if it has one.
        #[arg(long)]
        brin: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Give a person a place in a school (creating their account if needed) and print a
    /// one-time link with which they set their password.
    CreateUser {
        /// The school's short name (as `create-school` printed it).
        #[arg(long)]
        school: String,
        /// The person's e-mail address.
        #[arg(long)]
        email: String,
        /// The person's name.
        #[arg(long)]
        name: String,
        /// Their permission: lid, coordinator or schoolbeheerder.
        #[arg(long)]
        permission: String,
        /// The framework roles they hold, e.g. BEG,SPE (they can change them later).
        #[arg(long, default_value = "")]
        roles: String,
        #[command(flatten)]
        link: LinkArgs,
    },
    /// Create a network of schools (a pilot, a region, a board, a national body) and print
    /// its short name.
    CreateNetwork {
        /// The network's name.
        #[arg(long)]
        name: String,
        /// Its kind: pilot, regio, bestuur or landelijk.
        #[arg(long, default_value = "pilot")]
        kind: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Make a person a coordinator of a network (creating their account if needed); print a
    /// one-time link with which they set their password, unless they have one.
    AddNetworkCoordinator {
        /// The network's short name (as `create-network` printed it).
        #[arg(long)]
        network: String,
        /// The person's e-mail address.
        #[arg(long)]
        email: String,
        /// The person's name (for a new account).
        #[arg(long)]
        name: String,
        #[command(flatten)]
        link: LinkArgs,
    },
    /// Make an API token for a person in a school and print it (it is shown this once):
    /// theirs, or with --school-token one of the school's (the person must be its
    /// schoolbeheerder). Written to the school's audit log.
    CreateToken {
        /// The school's short name.
        #[arg(long)]
        school: String,
        /// The e-mail address of the person it acts for.
        #[arg(long)]
        email: String,
        /// The token's name, e.g. "HR-koppeling".
        #[arg(long)]
        name: String,
        /// What it may do, e.g. "scan:write plan:read" (framework, rounds, scan, plan,
        /// allocation, hours, members, team; read or write).
        #[arg(long)]
        scopes: String,
        /// How many days it lasts (1 to 366).
        #[arg(long, default_value = "90")]
        days: String,
        /// A school token for an integration instead of a personal one.
        #[arg(long)]
        school_token: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Print a one-time link with which a person sets a new password.
    ResetPassword {
        /// The person's e-mail address.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        link: LinkArgs,
    },
}

#[derive(Args, Clone)]
struct LinkArgs {
    /// The address at which people reach the app; links start with it.
    #[arg(
        long,
        env = "RAAMWERK_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    base_url: String,
    #[command(flatten)]
    db: DatabaseArgs,
}

#[derive(Args, Clone)]
struct DatabaseArgs {
    /// The database: sqlite://PATH (created when missing) or postgres://USER@HOST/NAME.
    #[arg(long, env = "RAAMWERK_DATABASE_URL", default_value = DEFAULT_DATABASE)]
    database: String,
}

#[derive(Args, Clone)]
struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, env = "RAAMWERK_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Mark cookies Secure: set this when people reach the app over HTTPS (e.g. behind a
    /// reverse proxy that terminates TLS).
    #[arg(long, env = "RAAMWERK_SECURE_COOKIES")]
    secure_cookies: bool,
    /// The address at which people reach the app, for the set-up link printed on the first
    /// run (default: http:// and the listening address).
    #[arg(long, env = "RAAMWERK_BASE_URL")]
    base_url: Option<String>,
    /// The SMTP server for e-mail (invitations, password links), e.g.
    /// smtp://user:pass@host:587?tls=required; without it, links are shown on screen only.
    #[arg(long, env = "RAAMWERK_SMTP_URL")]
    smtp_url: Option<String>,
    /// The sender of e-mail.
    #[arg(
        long,
        env = "RAAMWERK_MAIL_FROM",
        default_value = "Raamwerk <noreply@localhost>"
    )]
    mail_from: String,
    /// Proxies (load balancers) whose X-Forwarded-For header names the visitor's address, as
    /// IP addresses (repeat, or separate with commas); without them, the connection's address
    /// counts (for throttling sign-in attempts and guessed class codes).
    #[arg(
        long = "trusted-proxy",
        env = "RAAMWERK_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// An identity provider people may sign in through (OpenID Connect; repeat for more):
    /// id=surfconext,name=SURFconext,issuer=https://connect.surfconext.nl,client-id=…,
    /// client-secret=…,claim=schac_home_organization (Entree: nlEduPersonHomeOrganizationId).
    /// Without client-secret, RAAMWERK_OIDC_SECRET_<ID> gives it. In the environment, separate
    /// providers with ';'.
    #[arg(long = "oidc", env = "RAAMWERK_OIDC", value_delimiter = ';')]
    oidc: Vec<domain::sso::ProviderConfig>,
    /// Seconds a client may take to send a request's headers, and may leave a kept-alive
    /// connection idle; then the connection is closed.
    #[arg(long, env = "RAAMWERK_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    header_timeout: u64,
    /// Connections served at once; more wait in the listen queue.
    #[arg(long, env = "RAAMWERK_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    max_connections: u64,
    #[command(flatten)]
    db: DatabaseArgs,
}

#[derive(Subcommand)]
enum FrameworkCommand {
    /// Write an edition to standard output.
    Export {
        /// The format: our native JSON (lossless), a CASE 1.1 CFPackage, Moodle's
        /// competency-framework CSV, or the spreadsheet template as XLSX or as CSV for
        /// Dutch Excel.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The edition's id (a UUID); the newest national edition when left out.
        #[arg(long)]
        edition: Option<uuid::Uuid>,
        /// The language: for `case`, `nl` carries the English as extensions and `en` is a
        /// translation package of the Dutch one; for `moodle` the texts' language; for `xlsx`
        /// and `csv` the language of the headers (both languages' texts are always in).
        #[arg(long, value_enum, default_value = "nl")]
        lang: LangArg,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Store a file as a new edition, national or (with --school) a school's own, and print
    /// its id. Nothing is stored unless the whole file is right; every problem is listed with
    /// its place, and what a CASE package held that has no place in an edition is reported.
    Import {
        /// The file's format: our native JSON, a CASE 1.0 or 1.1 package, or the spreadsheet
        /// template (XLSX or CSV).
        #[arg(long, value_enum)]
        format: ImportFormat,
        file: PathBuf,
        /// Store it as the next version of this school's own framework (its short name).
        #[arg(long)]
        school: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Check a native edition file (JSON, or TOML by its .toml extension) and list every
    /// problem with its place.
    Validate { file: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Case,
    Moodle,
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportFormat {
    Json,
    Case,
    Xlsx,
    Csv,
}

impl From<ExportFormat> for Exchange {
    fn from(format: ExportFormat) -> Exchange {
        match format {
            ExportFormat::Json => Exchange::Json,
            ExportFormat::Case => Exchange::Case,
            ExportFormat::Moodle => Exchange::Moodle,
            ExportFormat::Xlsx => Exchange::Xlsx,
            ExportFormat::Csv => Exchange::Csv,
        }
    }
}

impl From<ImportFormat> for Exchange {
    fn from(format: ImportFormat) -> Exchange {
        match format {
            ImportFormat::Json => Exchange::Json,
            ImportFormat::Case => Exchange::Case,
            ImportFormat::Xlsx => Exchange::Xlsx,
            ImportFormat::Csv => Exchange::Csv,
        }
    }
}

/// The language for messages on the terminal: Dutch when the environment asks for it.
fn cli_lang() -> Lang {
    ["RAAMWERK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .filter(|v| v.to_ascii_lowercase().starts_with("nl"))
        .map_or(Lang::En, |_| Lang::Nl)
}

/// Prints one line on stderr and gives the exit code for a start-up failure.
fn start_failed(error: &StartError) -> ExitCode {
    let prefix = match (cli_lang(), error.is_database_unavailable()) {
        (Lang::Nl, true) => "raamwerk: de database is niet te gebruiken",
        (Lang::En, true) => "raamwerk: the database cannot be used",
        (Lang::Nl, false) => "raamwerk: starten mislukt",
        (Lang::En, false) => "raamwerk: start-up failed",
    };
    eprintln!("{prefix}: {error}");
    if error.is_database_unavailable() {
        ExitCode::from(2)
    } else {
        ExitCode::from(1)
    }
}

/// The command line with our help texts in the terminal's language (the texts above are the
/// English ones; clap's own headings stay English).
fn command(lang: Lang) -> clap::Command {
    let command = Cli::command();
    if lang == Lang::En {
        return command;
    }
    let database = "De database: sqlite://PAD (wordt aangemaakt als die ontbreekt) of \
                    postgres://GEBRUIKER@HOST/NAAM.";
    let listen = "Het adres en de poort waarop de app luistert.";
    let secure = "Cookies als Secure markeren: zet dit aan als mensen de app via HTTPS bereiken (bijvoorbeeld achter een reverse proxy).";
    let base_url = "Het adres waarop mensen de app bereiken; links beginnen ermee.";
    let smtp_url = "De SMTP-server voor e-mail (uitnodigingen, wachtwoordlinks), bijvoorbeeld smtp://gebruiker:wachtwoord@host:587?tls=required; zonder deze instelling staan links alleen op het scherm.";
    let mail_from = "De afzender van e-mail.";
    let trusted_proxies = "Proxy's (load balancers) waarvan de app het adres van de bezoeker in X-Forwarded-For gelooft, als IP-adressen (herhaal, of scheid met komma's); zonder deze instelling telt het adres van de verbinding.";
    let oidc = "Een identiteitsaanbieder waarmee mensen inloggen (OpenID Connect; herhaal voor meer): id=surfconext,name=SURFconext,issuer=https://connect.surfconext.nl,client-id=…,client-secret=…,claim=schac_home_organization (Entree: nlEduPersonHomeOrganizationId). Zonder client-secret geeft RAAMWERK_OIDC_SECRET_<ID> het geheim. In de omgeving scheidt ';' de aanbieders.";
    let setup_base_url = "Het adres waarop mensen de app bereiken, voor de inrichtingslink bij de eerste start (standaard: http:// en het luisteradres).";
    command
        .about("Raamwerk: het raamwerk loopbaanbegeleiding voor scholen")
        .mut_arg("listen", |a| a.help(listen))
        .mut_arg("database", |a| a.help(database))
        .mut_arg("secure_cookies", |a| a.help(secure))
        .mut_arg("base_url", |a| a.help(setup_base_url))
        .mut_arg("smtp_url", |a| a.help(smtp_url))
        .mut_arg("mail_from", |a| a.help(mail_from))
        .mut_arg("trusted_proxies", |a| a.help(trusted_proxies))
        .mut_arg("oidc", |a| a.help(oidc))
        .mut_subcommand("serve", |c| {
            c.about("De webapplicatie serveren (standaard).")
                .mut_arg("listen", |a| a.help(listen))
                .mut_arg("secure_cookies", |a| a.help(secure))
                .mut_arg("base_url", |a| a.help(setup_base_url))
                .mut_arg("smtp_url", |a| a.help(smtp_url))
                .mut_arg("mail_from", |a| a.help(mail_from))
                .mut_arg("trusted_proxies", |a| a.help(trusted_proxies))
                .mut_arg("oidc", |a| a.help(oidc))
                .mut_arg("database", |a| a.help(database))
        })
        .mut_subcommand("migrate", |c| {
            c.about("Het databaseschema aanmaken of bijwerken en de meegeleverde editie opslaan.")
                .mut_arg("database", |a| a.help(database))
        })
        .mut_subcommand("admin", |c| {
            c.about("Taken voor beheerders: scholen en accounts.").mut_subcommand("create-school", |c| {
                c.about("Een school aanmaken en de korte naam ervan tonen.")
                    .mut_arg("name", |a| a.help("De naam van de school."))
                    .mut_arg("sectors", |a| {
                        a.help("De sector: vo, mbo of hbo (herhaal, of scheid met komma's, voor meer dan één).")
                    })
                    .mut_arg("students", |a| a.help("Het aantal leerlingen of studenten."))
                    .mut_arg("region", |a| a.help("De provincie (of Caribisch Nederland), met naam of code."))
                    .mut_arg("brin", |a| a.help("De BRIN-code (twee cijfers en twee letters), als de school die heeft."))
                    .mut_arg("database", |a| a.help(database))
            })
            .mut_subcommand("create-user", |c| {
                c.about("Iemand een plaats in een school geven (met een nieuw account als dat nodig is) en een eenmalige link tonen om een wachtwoord in te stellen.")
                    .mut_arg("school", |a| a.help("De korte naam van de school (zoals create-school die toonde)."))
                    .mut_arg("email", |a| a.help("Het e-mailadres van de persoon."))
                    .mut_arg("name", |a| a.help("De naam van de persoon."))
                    .mut_arg("permission", |a| a.help("De bevoegdheid: lid, coordinator of schoolbeheerder."))
                    .mut_arg("roles", |a| a.help("De rollen in het raamwerk, bijvoorbeeld BEG,SPE (later aan te passen)."))
                    .mut_arg("base_url", |a| a.help(base_url))
                    .mut_arg("database", |a| a.help(database))
            })
            .mut_subcommand("create-network", |c| {
                c.about("Een netwerk van scholen aanmaken (een pilot, een regio, een bestuur, een landelijke organisatie) en de korte naam ervan tonen.")
                    .mut_arg("name", |a| a.help("De naam van het netwerk."))
                    .mut_arg("kind", |a| a.help("De soort: pilot, regio, bestuur of landelijk."))
                    .mut_arg("database", |a| a.help(database))
            })
            .mut_subcommand("add-network-coordinator", |c| {
                c.about("Iemand netwerkcoördinator maken (met een nieuw account als dat nodig is) en een eenmalige link tonen om een wachtwoord in te stellen, als die persoon er nog geen heeft.")
                    .mut_arg("network", |a| a.help("De korte naam van het netwerk (zoals create-network die toonde)."))
                    .mut_arg("email", |a| a.help("Het e-mailadres van de persoon."))
                    .mut_arg("name", |a| a.help("De naam van de persoon (voor een nieuw account)."))
                    .mut_arg("base_url", |a| a.help(base_url))
                    .mut_arg("database", |a| a.help(database))
            })
            .mut_subcommand("reset-password", |c| {
                c.about("Een eenmalige link tonen waarmee iemand een nieuw wachtwoord instelt.")
                    .mut_arg("email", |a| a.help("Het e-mailadres van de persoon."))
                    .mut_arg("base_url", |a| a.help(base_url))
                    .mut_arg("database", |a| a.help(database))
            })
        })
        .mut_subcommand("framework", |c| {
            c.about("Werken met edities van het raamwerk.")
                .mut_subcommand("export", |e| {
                    e.about("Een editie naar standaarduitvoer schrijven.")
                        .mut_arg("format", |a| {
                            a.help("Het formaat: ons eigen JSON (zonder verlies) of een CASE 1.1-pakket.")
                        })
                        .mut_arg("edition", |a| {
                            a.help("Het id van de editie (een UUID); zonder id de nieuwste landelijke editie.")
                        })
                        .mut_arg("lang", |a| {
                            a.help(
                                "Bij case: de taal van het pakket. nl bevat het Engels als extensie, \
                                 en is een vertaalpakket bij het Nederlandse.",
                            )
                        })
                        .mut_arg("database", |a| a.help(database))
                })
                .mut_subcommand("validate", |v| {
                    v.about(
                        "Een eigen editiebestand controleren (JSON, of TOML bij de extensie .toml) \
                         en elk probleem met zijn plaats noemen.",
                    )
                    .mut_arg("file", |a| a.help("Het bestand."))
                })
        })
}

fn main() -> ExitCode {
    let cli = match Cli::from_arg_matches(&command(cli_lang()).get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("RAAMWERK_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("raamwerk: {e}");
            return ExitCode::from(1);
        }
    };
    match cli.command {
        None => runtime.block_on(serve(cli.serve)),
        Some(Command::Serve(args)) => runtime.block_on(serve(args)),
        Some(Command::Migrate(db)) => runtime.block_on(migrate(db)),
        Some(Command::Framework(FrameworkCommand::Export {
            format,
            edition,
            lang,
            db,
        })) => runtime.block_on(export(format, edition, lang.into(), db)),
        Some(Command::Framework(FrameworkCommand::Validate { file })) => validate(&file),
        Some(Command::Framework(FrameworkCommand::Import {
            format,
            file,
            school,
            db,
        })) => runtime.block_on(import(format.into(), &file, school.as_deref(), db)),
        Some(Command::Demo {
            school_size,
            tasks,
            db,
        }) => runtime.block_on(demo(school_size, tasks, db)),
        Some(Command::Admin(AdminCommand::CreateSchool {
            name,
            sectors,
            students,
            region,
            brin,
            db,
        })) => {
            let input = SchoolInput {
                name,
                sectors: sectors.join(","),
                students,
                region,
                brin,
            };
            runtime.block_on(create_school(input, db))
        }
        Some(Command::Admin(AdminCommand::CreateUser {
            school,
            email,
            name,
            permission,
            roles,
            link,
        })) => runtime.block_on(create_user(
            UserInput {
                school,
                email,
                name,
                permission,
                roles,
            },
            link,
        )),
        Some(Command::Admin(AdminCommand::CreateNetwork { name, kind, db })) => {
            runtime.block_on(create_network(&name, &kind, db))
        }
        Some(Command::Admin(AdminCommand::AddNetworkCoordinator {
            network,
            email,
            name,
            link,
        })) => runtime.block_on(add_network_coordinator(&network, &email, &name, link)),
        Some(Command::Admin(AdminCommand::CreateToken {
            school,
            email,
            name,
            scopes,
            days,
            school_token,
            db,
        })) => runtime.block_on(admin::create_token(
            admin::TokenInput {
                school,
                email,
                name,
                scopes,
                days,
                school_token,
            },
            db,
        )),
        Some(Command::Admin(AdminCommand::ResetPassword { email, link })) => {
            runtime.block_on(reset_password(email, link))
        }
    }
}

/// The providers as configured, each secret taken from `RAAMWERK_OIDC_SECRET_<ID>` where the
/// option left it out.
fn identity_providers(
    configured: &[domain::sso::ProviderConfig],
) -> Vec<domain::sso::ProviderConfig> {
    configured
        .iter()
        .cloned()
        .map(|mut provider| {
            if provider.client_secret.is_empty() {
                let name = format!(
                    "RAAMWERK_OIDC_SECRET_{}",
                    provider.id.to_ascii_uppercase().replace('-', "_")
                );
                provider.client_secret = std::env::var(name).unwrap_or_default();
            }
            provider
        })
        .collect()
}

async fn serve(args: ServeArgs) -> ExitCode {
    let mailer = match &args.smtp_url {
        Some(url) => match web::mail::Mailer::new(url, &args.mail_from) {
            Ok(mailer) => Some(mailer),
            Err(e) => {
                eprintln!("raamwerk: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("raamwerk: cannot listen on {}: {e}", args.listen);
            return ExitCode::from(2);
        }
    };
    let address = listener.local_addr().unwrap_or(args.listen);
    let base_url = args
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"));
    let settings = web::Settings {
        secure_cookies: args.secure_cookies,
        base_url: base_url.clone(),
        mailer,
        trusted_proxies: args.trusted_proxies.clone(),
        identity_providers: identity_providers(&args.oidc),
    };
    let state = match open(&args.db.database, settings).await {
        Ok(state) => state,
        Err(e) => return start_failed(&e),
    };
    tracing::info!(database = %store::redact(&args.db.database), "listening on http://{address}");
    if let Err(e) = print_setup_link(&state.store, &base_url).await {
        eprintln!("raamwerk: {e}");
        return ExitCode::from(1);
    }
    let store = state.store.clone();
    let limits = web::server::ServerLimits {
        header_read: std::time::Duration::from_secs(args.header_timeout),
        max_connections: usize::try_from(args.max_connections).unwrap_or(usize::MAX),
        ..web::server::ServerLimits::DEFAULT
    };
    let served = web::server::serve(listener, web::router(state), limits, shutdown_signal()).await;
    store.close().await;
    match served {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

/// While no school has an administrator, prints a one-time link with which the first person
/// sets up a school and their account.
async fn print_setup_link(store: &store::Store, base_url: &str) -> Result<(), StoreError> {
    if store.has_administrator().await? {
        return Ok(());
    }
    let token = store.create_setup_link().await?;
    let link = format!(
        "{}{}",
        base_url.trim_end_matches('/'),
        web::routes::Page::Setup(token).path(Lang::Nl)
    );
    match cli_lang() {
        Lang::Nl => println!(
            "Raamwerk is nog niet ingericht. Open deze link om de eerste school en je account aan te maken (eenmalig):\n  {link}"
        ),
        Lang::En => println!(
            "Raamwerk has not been set up yet. Open this link to create the first school and your account (once):\n  {link}"
        ),
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn migrate(db: DatabaseArgs) -> ExitCode {
    match open_store(&db.database).await {
        Ok(store) => {
            store.close().await;
            match cli_lang() {
                Lang::Nl => eprintln!("raamwerk: de database is bijgewerkt"),
                Lang::En => eprintln!("raamwerk: the database is up to date"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => start_failed(&e),
    }
}

async fn demo(size: usize, tasks: usize, db: DatabaseArgs) -> ExitCode {
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let made = match public_edition(&store).await {
        Ok(national) => demo::make(&store, &national, size, tasks).await,
        Err(e) => {
            store.close().await;
            return start_failed(&e);
        }
    };
    store.close().await;
    match made {
        Ok(made) => {
            println!("coordinator: {} {}", made.coordinator.0, made.coordinator.1);
            println!("member: {} {}", made.member.0, made.member.1);
            println!("network: {} {}", made.network.0, made.network.1);
            println!("api: {}", made.api_token);
            match cli_lang() {
                Lang::Nl => eprintln!(
                    "raamwerk: demoschool klaar: /nl/scholen/{}",
                    made.short_name
                ),
                Lang::En => eprintln!(
                    "raamwerk: demo school ready: /en/schools/{}",
                    made.short_name
                ),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}
