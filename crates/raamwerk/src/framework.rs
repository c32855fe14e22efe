//! `raamwerk framework …`: an edition written to stdout, a file stored as a national edition
//! or as a school's next version, and a native file checked.

use std::process::ExitCode;

use domain::{EditionId, Lang};
use formats::exchange::Exchange;
use formats::native::{self, Syntax};
use raamwerk::{StartError, open_store, public_edition};
use store::StoreError;

use crate::{DatabaseArgs, ExportFormat, cli_lang, start_failed};

pub(crate) async fn export(
    format: ExportFormat,
    edition: Option<uuid::Uuid>,
    lang: Lang,
    db: DatabaseArgs,
) -> ExitCode {
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let found = match edition {
        Some(id) => store.edition(EditionId(id)).await.map_err(StartError::from),
        None => public_edition(&store).await.map(Some),
    };
    store.close().await;
    let edition = match found {
        Ok(Some(edition)) => edition,
        Ok(None) => {
            match cli_lang() {
                Lang::Nl => eprintln!(
                    "raamwerk: editie {} bestaat niet in deze database",
                    edition.unwrap_or_default()
                ),
                Lang::En => eprintln!(
                    "raamwerk: edition {} does not exist in this database",
                    edition.unwrap_or_default()
                ),
            }
            return ExitCode::from(1);
        }
        Err(e) => return start_failed(&e),
    };
    let written = Exchange::from(format).write(&edition, lang);
    match written {
        Ok(bytes) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            if out.write_all(&bytes).and_then(|()| out.flush()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("raamwerk: {e}");
            ExitCode::from(1)
        }
    }
}

pub(crate) async fn import(
    format: Exchange,
    file: &std::path::Path,
    school: Option<&str>,
    db: DatabaseArgs,
) -> ExitCode {
    let lang = cli_lang();
    let Some(bytes) = read_file(file, lang) else {
        return ExitCode::from(1);
    };
    let store = match open_store(&db.database).await {
        Ok(store) => store,
        Err(e) => return start_failed(&e),
    };
    let code = import_into(&store, format, file, &bytes, school, lang).await;
    store.close().await;
    code
}

/// Reads a file and stores it, national or as a school's; the exit code.
async fn import_into(
    store: &store::Store,
    format: Exchange,
    file: &std::path::Path,
    bytes: &[u8],
    school: Option<&str>,
    lang: Lang,
) -> ExitCode {
    let national = match public_edition(store).await {
        Ok(edition) => edition,
        Err(e) => return start_failed(&e),
    };
    let owner = match school {
        None => None,
        Some(short) => match store.school_by_short_name(short).await {
            Ok(Some(school)) => Some(school),
            Ok(None) => {
                match lang {
                    Lang::Nl => {
                        eprintln!("raamwerk: er is geen school met de korte naam '{short}'")
                    }
                    Lang::En => {
                        eprintln!("raamwerk: there is no school with the short name '{short}'")
                    }
                }
                return ExitCode::from(1);
            }
            Err(e) => return start_failed(&StartError::from(e)),
        },
    };
    if let Some(school) = owner {
        let imported = web::imports::import_into_school(
            store,
            &school,
            &national,
            format,
            bytes,
            lang,
            store::Importer::Tool("raamwerk (CLI)"),
        )
        .await;
        return match imported {
            Ok(web::imports::Imported::Stored {
                edition,
                version,
                report,
            }) => {
                for line in &report {
                    eprintln!("raamwerk: {}", line.get(lang));
                }
                match lang {
                    Lang::Nl => eprintln!(
                        "raamwerk: opgeslagen als versie {version} van {}",
                        school.name
                    ),
                    Lang::En => {
                        eprintln!("raamwerk: stored as version {version} of {}", school.name)
                    }
                }
                println!("{}", edition.id());
                ExitCode::SUCCESS
            }
            Ok(web::imports::Imported::Problems(problems)) => refused(file, &problems, lang),
            Ok(web::imports::Imported::Refused(refusal)) => {
                eprintln!("raamwerk: {refusal}");
                ExitCode::from(1)
            }
            Err(e) => start_failed(&StartError::from(e)),
        };
    }
    let read = match format.read(bytes, lang, &national, None) {
        Ok(read) => read,
        Err(problems) => return refused(file, &problems, lang),
    };
    for line in &read.report {
        eprintln!("raamwerk: {}", line.get(lang));
    }
    let edition = read.edition;
    let stored = store.ensure_edition(&edition).await;
    let meta = edition.meta();
    match stored {
        Ok(stored) => {
            if stored == store::Stored::AlreadyPresent {
                match lang {
                    Lang::Nl => eprintln!(
                        "raamwerk: {} versie {} stond er al, met dezelfde inhoud",
                        meta.identifier, meta.version
                    ),
                    Lang::En => eprintln!(
                        "raamwerk: {} version {} was already there, with the same content",
                        meta.identifier, meta.version
                    ),
                }
            }
            println!("{}", edition.id());
            ExitCode::SUCCESS
        }
        Err(StoreError::EditionChanged {
            identifier,
            version,
        }) => {
            match lang {
                Lang::Nl => eprintln!(
                    "raamwerk: {identifier} versie {version} is al opgeslagen met een andere inhoud; \
                     een editie verandert nooit: geef het bestand een nieuw versienummer"
                ),
                Lang::En => eprintln!(
                    "raamwerk: {identifier} version {version} is already stored with other content; \
                     an edition never changes: give the file a new version number"
                ),
            }
            ExitCode::from(1)
        }
        Err(e) => start_failed(&StartError::from(e)),
    }
}

/// Lists a file's problems (on stdout, one per line, behind the file's name) and says that
/// nothing was stored; exit code 1.
fn refused(file: &std::path::Path, problems: &[String], lang: Lang) -> ExitCode {
    for problem in problems {
        println!("{}: {problem}", file.display());
    }
    match lang {
        Lang::Nl => eprintln!(
            "raamwerk: {} probleem/problemen gevonden; er is niets opgeslagen",
            problems.len()
        ),
        Lang::En => eprintln!(
            "raamwerk: {} problem(s) found; nothing was stored",
            problems.len()
        ),
    }
    ExitCode::from(1)
}

pub(crate) fn validate(file: &std::path::Path) -> ExitCode {
    let lang = cli_lang();
    let Some(bytes) = read_file(file, lang) else {
        return ExitCode::from(1);
    };
    let Ok(text) = String::from_utf8(bytes) else {
        match lang {
            Lang::Nl => eprintln!("raamwerk: {} is geen UTF-8-tekst", file.display()),
            Lang::En => eprintln!("raamwerk: {} is not UTF-8 text", file.display()),
        }
        return ExitCode::from(1);
    };
    match native::read(&text, Syntax::for_path(file)) {
        Ok(edition) => {
            let n = edition.statements().len();
            match lang {
                Lang::Nl => println!(
                    "{}: geldig ({n} uitspraken, {} thema's)",
                    file.display(),
                    edition.themes().len()
                ),
                Lang::En => println!(
                    "{}: valid ({n} statements, {} themes)",
                    file.display(),
                    edition.themes().len()
                ),
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in &problems {
                println!("{}:{}", file.display(), problem_line(problem, lang));
            }
            match lang {
                Lang::Nl => eprintln!("raamwerk: {} probleem/problemen gevonden", problems.len()),
                Lang::En => eprintln!("raamwerk: {} problem(s) found", problems.len()),
            }
            ExitCode::from(1)
        }
    }
}

/// `place: message`, where a place in the text reads `line:column`.
fn problem_line(problem: &domain::Problem, lang: Lang) -> String {
    format!("{}: {}", problem.location, problem.kind.message(lang))
}

/// The file's bytes; `None` after saying on stderr why it cannot be read.
fn read_file(file: &std::path::Path, lang: Lang) -> Option<Vec<u8>> {
    match std::fs::read(file) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            match lang {
                Lang::Nl => eprintln!("raamwerk: kan {} niet lezen: {e}", file.display()),
                Lang::En => eprintln!("raamwerk: cannot read {}: {e}", file.display()),
            }
            None
        }
    }
}
