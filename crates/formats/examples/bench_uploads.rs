//! Benchmark of the two uploads that once sank the server (run by `bench/uploads.sh`): a
//! workbook that unpacks to 1 GiB (in the sheet, and in the shared strings) and a CASE package
//! with 20,000 items in one chain (and 9,000, which passes the count and is refused for its
//! depth). Each runs in a process of its own, so that its peak memory is its own: the figures
//! are the reader's time and the process's peak resident memory above what it held before.
//!
//! `cargo run --release -p formats --example bench_uploads`

use std::process::{Command, ExitCode};
use std::time::Instant;

use domain::Lang;
use formats::generate::{BombPart, case_chain, zip_bomb};
use formats::{case, case_read, sheet, shipped};

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Runs one case in this process and prints `name time peak answer`.
fn one(name: &str) -> ExitCode {
    let Ok(national) = shipped::national() else {
        eprintln!("the shipped edition does not read");
        return ExitCode::FAILURE;
    };
    let input: Vec<u8> = match name {
        "bomb-sheet" | "bomb-strings" => {
            let part = if name == "bomb-sheet" {
                BombPart::Sheet
            } else {
                BombPart::SharedStrings
            };
            let Some(bomb) = sheet::write_xlsx(&national, Lang::Nl)
                .ok()
                .and_then(|t| zip_bomb(&t, part, 1024 * 1024 * 1024))
            else {
                eprintln!("could not make the bomb");
                return ExitCode::FAILURE;
            };
            bomb
        }
        _ => {
            let count = if name == "chain-20000" { 20_000 } else { 9_000 };
            let mut package = case::package(&national, Lang::Nl);
            case_chain(&mut package, count);
            serde_json::to_vec(&package).unwrap_or_default()
        }
    };
    let before = status_kb("VmRSS");
    let started = Instant::now();
    let answer = if name.starts_with("bomb") {
        match sheet::read_xlsx(&input) {
            Ok(_) => "read (!)".to_owned(),
            Err(p) => p.first().map(|p| p.describe(Lang::En)).unwrap_or_default(),
        }
    } else {
        match case_read::read(&input, &national, None) {
            Ok(_) => "read (!)".to_owned(),
            Err(p) => p.first().map(|p| p.describe(Lang::En)).unwrap_or_default(),
        }
    };
    let took = started.elapsed();
    let peak = status_kb("VmHWM").saturating_sub(before);
    println!(
        "{name:<13} {:>5} kB file  {:>8.1} ms  {:>7.1} MB peak above start  {answer}",
        input.len() / 1024,
        took.as_secs_f64() * 1000.0,
        peak as f64 / 1024.0
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    if let Some(name) = std::env::args().nth(1) {
        return one(&name);
    }
    let Ok(me) = std::env::current_exe() else {
        return ExitCode::FAILURE;
    };
    println!("case          input        reader time   memory                   answer");
    for name in ["bomb-sheet", "bomb-strings", "chain-20000", "chain-9000"] {
        match Command::new(&me).arg(name).status() {
            Ok(s) if s.success() => {}
            _ => return ExitCode::FAILURE,
        }
    }
    ExitCode::SUCCESS
}
