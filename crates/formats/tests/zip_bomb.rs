//! A workbook that unpacks to a gigabyte is refused while the memory it takes stays small.
//! The figure is the process's own (Linux's peak resident set, `VmHWM`); this file holds one
//! test, so nothing else runs in the process beside it.

use domain::Lang;
use formats::generate::{BombPart, zip_bomb};
use formats::sheet::{self, SheetProblemKind};
use formats::unzip::UnzipError;

/// A figure of `/proc/self/status` in bytes (`VmRSS` now, `VmHWM` the peak so far).
fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux's process status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .map(|kb| kb * 1024)
        .expect("the field")
}

/// At most how much more memory `read` took than the process held before it: the peak after
/// it less what was resident before (an upper bound, since the peak may be older).
fn extra_memory<T>(read: impl FnOnce() -> T) -> (T, usize) {
    let before = status_bytes("VmRSS");
    let out = read();
    (out, status_bytes("VmHWM").saturating_sub(before))
}

const GIB: u32 = 1024 * 1024 * 1024;

#[test]
fn a_gigabyte_bomb_is_refused_in_little_memory_in_the_sheet_and_in_the_shared_strings() {
    let edition = formats::shipped::national().expect("the shipped edition");
    let template = sheet::write_xlsx(&edition, Lang::Nl).expect("a workbook");
    for part in [BombPart::Sheet, BombPart::SharedStrings] {
        let bomb = zip_bomb(&template, part, GIB).expect("a bomb");
        assert!(
            bomb.len() < sheet::MAX_BYTES,
            "{part:?}: {} bytes",
            bomb.len()
        );
        let (found, extra) = extra_memory(|| sheet::read_xlsx(&bomb));
        let found = found.expect_err("refused");
        assert!(
            extra < 100 * 1024 * 1024,
            "{part:?}: {extra} bytes at the peak"
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].kind,
            SheetProblemKind::Unpacked(UnzipError::EntryTooLarge {
                name: part.name().into(),
                limit: 16 * 1024 * 1024
            }),
            "{part:?}"
        );
        assert_eq!(
            found[0].describe(Lang::Nl),
            format!(
                "het deel {} van het XLSX-bestand pakt uit tot meer dan 16 MB; dat is geen sjabloon en het is niet gelezen",
                part.name()
            )
        );
    }
    // The template itself still reads, in the same small memory.
    let (back, extra) = extra_memory(|| sheet::read_xlsx(&template));
    let back = back.expect("the template reads");
    assert!(extra < 100 * 1024 * 1024, "{extra} bytes at the peak");
    assert_eq!(back, edition);
}
