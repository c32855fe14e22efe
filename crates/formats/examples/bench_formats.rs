//! Benchmark of the exchange formats (run by `bench/formats.sh`): import and export times of an
//! edition with many statements in every format, and the readers fed damaged files.
//!
//! `cargo run --release -p formats --example bench_formats -- [STATEMENTS] [FUZZ_INPUTS]`
//! (defaults 5,000 and 1,000,000). Exits 1 if any reader panicked.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use domain::{Edition, Lang};
use formats::generate::{Rng, damaged, large_edition, mutated};
use formats::native::{self, Syntax};
use formats::{case, case_read, moodle, sheet, shipped};

const RUNS: usize = 5;

/// The median of `RUNS` runs of `f`.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let started = Instant::now();
        last = Some(f());
        times.push(started.elapsed());
    }
    times.sort();
    (times[RUNS / 2], last.expect("at least one run"))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// The national edition cut to its first statement in each role, area and kind.
fn small_edition(national: &Edition) -> Result<Edition, Vec<domain::Problem>> {
    let mut parts = national.parts().clone();
    let mut seen = std::collections::HashSet::new();
    parts
        .statements
        .retain(|s| seen.insert((s.role, s.area, s.kind)));
    let used: std::collections::HashSet<_> = parts
        .statements
        .iter()
        .filter_map(|s| s.theme.clone())
        .collect();
    parts.themes.retain(|t| used.contains(&t.code));
    Edition::new(parts)
}

fn main() -> ExitCode {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace(['_', ','], "").parse().ok())
        .collect();
    let statements = args.first().copied().unwrap_or(5_000);
    let fuzz = args.get(1).copied().unwrap_or(1_000_000);
    let national = match shipped::national() {
        Ok(edition) => edition,
        Err(problems) => {
            eprintln!("the shipped edition is not valid: {problems:?}");
            return ExitCode::from(1);
        }
    };
    let large = match large_edition(&national, statements) {
        Ok(edition) => edition,
        Err(problems) => {
            eprintln!("the generated edition is not valid: {problems:?}");
            return ExitCode::from(1);
        }
    };
    println!(
        "===== exchange formats, an edition of {} statements (median of {RUNS} runs) =====",
        large.statements().len()
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "format", "export", "import", "size"
    );
    let check = |read: Result<Edition, String>| match read {
        Ok(edition) if edition == large => Ok(()),
        Ok(_) => Err("read back differently".to_owned()),
        Err(e) => Err(e),
    };
    let mut failed = false;
    let mut row = |name: &str,
                   export: Duration,
                   import: Option<(Duration, Result<(), String>)>,
                   size: usize| {
        let import_time = match &import {
            Some((d, Ok(()))) => ms(*d),
            Some((_, Err(e))) => {
                failed = true;
                format!("FAILED: {e}")
            }
            None => "—".to_owned(),
        };
        println!(
            "{name:<28} {:>10} {import_time:>10} {:>7} kB",
            ms(export),
            size / 1024
        );
    };
    let (t, json) = time(|| native::write_json(&large).unwrap_or_default());
    let import = time(|| check(native::read(&json, Syntax::Json).map_err(|p| format!("{p:?}"))));
    row("native JSON", t, Some(import), json.len());
    let (t, csv) = time(|| sheet::write_csv(&large, Lang::Nl));
    let import = time(|| check(sheet::read_csv(&csv).map_err(|p| format!("{p:?}"))));
    row("template CSV", t, Some(import), csv.len());
    let (t, xlsx) = time(|| sheet::write_xlsx(&large, Lang::Nl).unwrap_or_default());
    let import = time(|| check(sheet::read_xlsx(&xlsx).map_err(|p| format!("{p:?}"))));
    row("template XLSX", t, Some(import), xlsx.len());
    let (t, package) = time(|| case::write(&large, Lang::Nl).unwrap_or_default());
    // CASE orders statements by its tree (role, then area), so the generated edition's
    // variants come back grouped: the same statements, each in its place.
    let import = time(
        || match case_read::read(package.as_bytes(), &national, None) {
            Ok(read)
                if domain::diff(large.statements(), read.edition.statements()).is_empty()
                    && read.edition.statements().len() == large.statements().len()
                    && read.edition.meta() == large.meta() =>
            {
                Ok(())
            }
            Ok(_) => Err("read back differently".to_owned()),
            Err(p) => Err(format!("{p:?}")),
        },
    );
    row("CASE 1.1 package", t, Some(import), package.len());
    let (t, moodle) = time(|| moodle::write(&large, Lang::Nl).unwrap_or_default());
    row("Moodle CSV", t, None, moodle.len());

    // Damaged files: every reader must answer (an edition or problems), never panic.
    println!(
        "===== readers fed {fuzz} damaged files each (made from the national edition; CASE from a 24-statement one) ====="
    );
    // The CASE readers get a package of a small edition (one statement per role, area and
    // kind): the same paths through the reader at a tenth of the parsing per input.
    let small = match small_edition(&national) {
        Ok(edition) => edition,
        Err(problems) => {
            eprintln!("the small edition is not valid: {problems:?}");
            return ExitCode::from(1);
        }
    };
    let case_package = case::package(&small, Lang::Nl);
    let seeds: [(&str, Vec<u8>); 6] = [
        (
            "native JSON",
            native::write_json(&national)
                .unwrap_or_default()
                .into_bytes(),
        ),
        ("native TOML", shipped::SOURCE.as_bytes().to_vec()),
        ("template CSV", sheet::write_csv(&national, Lang::Nl)),
        (
            "template XLSX",
            sheet::write_xlsx(&national, Lang::Nl).unwrap_or_default(),
        ),
        (
            "CASE (bytes)",
            serde_json::to_vec(&case_package).unwrap_or_default(),
        ),
        // The same package changed in its structure (still JSON): the reader's checks.
        ("CASE (structure)", Vec::new()),
    ];
    let mut panics_total = 0;
    for (i, (name, seed)) in seeds.iter().enumerate() {
        let mut rng = Rng::new(0x5eed + i as u64);
        let (mut accepted, mut refused, mut panics) = (0usize, 0usize, 0usize);
        let started = Instant::now();
        for _ in 0..fuzz {
            let input = if *name == "CASE (structure)" {
                mutated(&case_package, &mut rng)
            } else {
                damaged(seed, &mut rng)
            };
            let outcome =
                catch_unwind(AssertUnwindSafe(|| match *name {
                    "native JSON" => std::str::from_utf8(&input)
                        .is_ok_and(|t| native::read(t, Syntax::Json).is_ok()),
                    "native TOML" => std::str::from_utf8(&input)
                        .is_ok_and(|t| native::read(t, Syntax::Toml).is_ok()),
                    "template CSV" => sheet::read_csv(&input).is_ok(),
                    "CASE (bytes)" | "CASE (structure)" => {
                        case_read::read(&input, &small, None).is_ok()
                    }
                    _ => sheet::read_xlsx(&input).is_ok(),
                }));
            match outcome {
                Ok(true) => accepted += 1,
                Ok(false) => refused += 1,
                Err(_) => panics += 1,
            }
        }
        let elapsed = started.elapsed().as_secs_f64();
        println!(
            "{name:<16} {fuzz} inputs in {elapsed:.1} s ({:.0}/s): {refused} refused with problems, {accepted} still valid, {panics} panics",
            fuzz as f64 / elapsed
        );
        panics_total += panics;
    }
    if failed || panics_total > 0 {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
