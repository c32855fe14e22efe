//! Generated inputs for tests and benchmarks of the readers: a large valid edition, and a
//! stream of damaged files made from valid ones. Deterministic (a seeded xorshift), so a
//! failure can be replayed.

use domain::{Area, Code, Edition, Kind, Problem, Role, Statement, Text};

/// A small deterministic random number generator (xorshift64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub fn number(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.number() % n.max(1) as u64) as usize
    }
}

/// The national edition grown to `statements` statements: the shipped ones, then numbered
/// variants of them in every role, area and kind, each with a text of its own.
pub fn large_edition(base: &Edition, statements: usize) -> Result<Edition, Vec<Problem>> {
    let mut parts = base.parts().clone();
    parts.meta.version = format!("{}-groot-{statements}", parts.meta.version);
    let originals = parts.statements.clone();
    let mut number = 100;
    'grow: loop {
        for role in Role::ALL {
            for area in Area::ALL {
                for kind in Kind::ALL {
                    if parts.statements.len() >= statements {
                        break 'grow;
                    }
                    let model = &originals[parts.statements.len() % originals.len()];
                    parts.statements.push(Statement {
                        code: Code::conventional(role, area, kind, number),
                        kind,
                        role,
                        area,
                        theme: None,
                        depth: None,
                        text: Text::new(
                            format!("{} (variant {number})", model.text.nl),
                            format!("{} (variant {number})", model.text.en),
                        ),
                        sources: Vec::new(),
                        tags: Vec::new(),
                    });
                }
            }
        }
        number += 1;
    }
    parts.statements.truncate(statements);
    Edition::new(parts)
}

/// `valid` damaged in one to eight places: bytes flipped, inserted, removed, or a piece of the
/// file repeated elsewhere, the kinds of damage a hand edit or a broken transfer does.
pub fn damaged(valid: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = valid.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if at < out.len() => out[at] = rng.number() as u8,
            1 => {
                let special = b";\"\n,'=\t{}[]:0";
                out.insert(at, special[rng.below(special.len())]);
            }
            2 if at < out.len() => {
                out.remove(at);
            }
            3 => {
                let from = rng.below(out.len() + 1);
                let len = rng.below(64).min(out.len() - from);
                let piece = out[from..from + len].to_vec();
                out.splice(at..at, piece);
            }
            // The end cut off, as by a broken transfer.
            _ => out.truncate(at.max(out.len().saturating_sub(rng.below(32)))),
        }
    }
    out
}

/// A JSON document changed in its structure in one to eight places, as another tool or a
/// careless hand might: a member dropped, a value replaced by one of another type or by a
/// value from elsewhere in the document, a list entry repeated or removed. The result is
/// still JSON, so it reaches a reader's checks rather than its parser.
pub fn mutated(valid: &serde_json::Value, rng: &mut Rng) -> Vec<u8> {
    use serde_json::Value;
    /// A random place in the document, as a JSON pointer: down from the top, stopping at
    /// each level with chance 1 in 4, or where there is nothing further down.
    fn walk(value: &Value, rng: &mut Rng) -> String {
        let mut pointer = String::new();
        let mut at = value;
        loop {
            let next = match at {
                Value::Object(map) if !map.is_empty() && rng.below(4) != 0 => {
                    map.iter().nth(rng.below(map.len())).map(|(key, v)| {
                        let key = key.replace('~', "~0").replace('/', "~1");
                        (format!("/{key}"), v)
                    })
                }
                Value::Array(list) if !list.is_empty() && rng.below(4) != 0 => {
                    let i = rng.below(list.len());
                    list.get(i).map(|v| (format!("/{i}"), v))
                }
                _ => None,
            };
            match next {
                Some((step, v)) => {
                    pointer.push_str(&step);
                    at = v;
                }
                None => return pointer,
            }
        }
    }
    let mut doc = valid.clone();
    for _ in 0..1 + rng.below(8) {
        let donor = doc
            .pointer(&walk(&doc, rng))
            .cloned()
            .unwrap_or(Value::Null);
        let place = walk(&doc, rng);
        let Some(target) = doc.pointer_mut(&place) else {
            continue;
        };
        match (rng.below(6), target) {
            (0, Value::Object(map)) if !map.is_empty() => {
                let i = rng.below(map.len());
                if let Some(key) = map.keys().nth(i).cloned() {
                    map.remove(&key);
                }
            }
            (1, Value::Array(list)) if !list.is_empty() => {
                list.remove(rng.below(list.len()));
            }
            (2, Value::Array(list)) if !list.is_empty() => {
                let copy = list[rng.below(list.len())].clone();
                list.insert(rng.below(list.len() + 1), copy);
            }
            (3, target) => *target = donor,
            (_, target) => {
                let replacements = [
                    Value::Null,
                    Value::Bool(true),
                    serde_json::json!(-1),
                    serde_json::json!(""),
                    serde_json::json!([]),
                    serde_json::json!({}),
                    serde_json::json!("isChildOf"),
                    serde_json::json!("x".repeat(2000)),
                ];
                *target = replacements[rng.below(replacements.len())].clone();
            }
        }
    }
    serde_json::to_vec(&doc).unwrap_or_default()
}

/// Hangs `count` items in a chain, each the child of the one before, below the first item of
/// a CASE package (ours or another's): the deepest tree a package can have.
pub fn case_chain(package: &mut serde_json::Value, count: usize) {
    use serde_json::json;
    let mut above = package["CFItems"][0]["identifier"].clone();
    let mut items = Vec::with_capacity(count);
    let mut associations = Vec::with_capacity(count);
    for i in 0..count {
        let id = format!("keten-{i}");
        items.push(json!({"identifier": id, "fullStatement": format!("Stap {i}")}));
        associations.push(json!({
            "identifier": format!("keten-verband-{i}"),
            "associationType": "isChildOf",
            "originNodeURI": {"identifier": id},
            "destinationNodeURI": {"identifier": above},
        }));
        above = json!(id);
    }
    if let Some(list) = package["CFItems"].as_array_mut() {
        list.extend(items);
    }
    if let Some(list) = package["CFAssociations"].as_array_mut() {
        list.extend(associations);
    }
}

/// Where a generated zip bomb keeps its bulk: in the sheet itself (one enormous inline text),
/// or in the shared strings every reader loads before the sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BombPart {
    Sheet,
    SharedStrings,
}

impl BombPart {
    /// The part of the workbook that holds the bulk.
    pub fn name(self) -> &'static str {
        match self {
            BombPart::Sheet => "xl/worksheets/sheet1.xml",
            BombPart::SharedStrings => "xl/sharedStrings.xml",
        }
    }
}

/// A workbook made from `workbook` (any XLSX, e.g. our template) with one part replaced by XML
/// holding `unpacked` letters A, deflated to about one byte in 160 (so 1 GiB packs into about
/// 6.5 MB, below every upload limit) and declared at its true size. The checksum is left
/// wrong: nothing should ever read the part to its end. `None` when `workbook` is no zip.
pub fn zip_bomb(workbook: &[u8], part: BombPart, unpacked: u32) -> Option<Vec<u8>> {
    use std::io::Read;
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let (head, tail) = match part {
        BombPart::Sheet => (
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#
            ),
            "</t></is></c></row></sheetData></worksheet>",
        ),
        BombPart::SharedStrings => (
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>"#
            ),
            "</t></si></sst>",
        ),
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).ok()?;
    let mut entries: Vec<ZipEntry> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).ok()?;
        if entry.name() == part.name() {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).ok()?;
        entries.push(ZipEntry {
            name: entry.name().to_owned(),
            deflated: false,
            crc: entry.crc32(),
            unpacked: u32::try_from(data.len()).ok()?,
            data,
        });
    }
    let size = u32::try_from(head.len() + tail.len())
        .ok()?
        .checked_add(unpacked)?;
    entries.push(ZipEntry {
        name: part.name().to_owned(),
        deflated: true,
        crc: 0,
        unpacked: size,
        data: deflate_repeated(head.as_bytes(), b'A', unpacked as usize, tail.as_bytes()),
    });
    Some(write_zip(&entries))
}

struct ZipEntry {
    name: String,
    deflated: bool,
    crc: u32,
    unpacked: u32,
    data: Vec<u8>,
}

/// A raw deflate stream (one block with the fixed codes) of `head`, `count` times `letter`,
/// then `tail`: the letters as one literal and matches of 258 bytes at distance 1.
fn deflate_repeated(head: &[u8], letter: u8, count: usize, tail: &[u8]) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        buffer: u64,
        used: u32,
    }
    impl Bits {
        /// `n` bits of `value`, lowest first (how deflate packs its header and extra bits).
        fn low_first(&mut self, value: u64, n: u32) {
            self.buffer |= value << self.used;
            self.used += n;
            while self.used >= 8 {
                self.out.push(self.buffer as u8);
                self.buffer >>= 8;
                self.used -= 8;
            }
        }
        /// A Huffman code of `n` bits, highest first.
        fn code(&mut self, code: u64, n: u32) {
            let reversed = (0..n).fold(0, |r, i| r | (((code >> i) & 1) << (n - 1 - i)));
            self.low_first(reversed, n);
        }
        /// A literal byte below 144 (all of ASCII): codes 0x30 up, 8 bits.
        fn literal(&mut self, byte: u8) {
            debug_assert!(byte < 144);
            self.code(0x30 + u64::from(byte), 8);
        }
    }
    let mut bits = Bits {
        out: Vec::with_capacity(count / 150 + 1024),
        buffer: 0,
        used: 0,
    };
    bits.low_first(1, 1); // the last block
    bits.low_first(1, 2); // fixed codes
    head.iter().for_each(|&b| bits.literal(b));
    let mut left = count;
    if left > 0 {
        bits.literal(letter);
        left -= 1;
    }
    while left >= 258 {
        bits.code(0xC5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
        left -= 258;
    }
    (0..left).for_each(|_| bits.literal(letter));
    tail.iter().for_each(|&b| bits.literal(b));
    bits.code(0, 7); // end of block (symbol 256)
    bits.low_first(0, 7); // pad to a whole byte
    bits.out
}

/// A zip archive of the entries, as plain as the format allows (no extra fields, no zip64).
fn write_zip(entries: &[ZipEntry]) -> Vec<u8> {
    let u16le = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_le_bytes());
    let u32le = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        let method = if entry.deflated { 8 } else { 0 };
        let name = entry.name.as_bytes();
        // Local header.
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0, method, 0, 0x21] {
            u16le(&mut out, v);
        }
        for v in [entry.crc, entry.data.len() as u32, entry.unpacked] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(&entry.data);
        // Its line in the central directory.
        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0, method, 0, 0x21] {
            u16le(&mut central, v);
        }
        for v in [entry.crc, entry.data.len() as u32, entry.unpacked] {
            u32le(&mut central, v);
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let central_at = out.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, entries.len() as u16, entries.len() as u16] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, central_at);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn template() -> Vec<u8> {
        let edition = crate::shipped::national().expect("the shipped edition");
        crate::sheet::write_xlsx(&edition, domain::Lang::Nl).expect("a workbook")
    }

    #[test]
    fn a_bomb_unpacks_to_the_letters_it_promises_and_packs_small() {
        for part in [BombPart::Sheet, BombPart::SharedStrings] {
            let bomb = zip_bomb(&template(), part, 10_000_000).expect("a bomb");
            assert!(bomb.len() < 200_000, "{part:?}: {}", bomb.len());
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bomb)).expect("a zip");
            let mut entry = archive.by_name(part.name()).expect("the part");
            let mut out = Vec::new();
            // The checksum is wrong on purpose, so the last read fails; the bytes before count.
            let mut buffer = [0u8; 65_536];
            while let Ok(n) = entry.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buffer[..n]);
            }
            let text = String::from_utf8(out).expect("text");
            let inside = text
                .split_once("<t>")
                .and_then(|(_, rest)| rest.split_once("</t>"))
                .map(|(letters, _)| letters)
                .expect("the text element");
            assert_eq!(inside.len(), 10_000_000, "{part:?}");
            assert!(inside.bytes().all(|b| b == b'A'), "{part:?}");
            assert!(text.starts_with("<?xml") && text.ends_with('>'), "{part:?}");
        }
        // The other parts come over whole.
        let bomb = zip_bomb(&template(), BombPart::Sheet, 10).expect("a bomb");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bomb)).expect("a zip");
        let mut workbook = String::new();
        archive
            .by_name("xl/workbook.xml")
            .expect("the workbook part")
            .read_to_string(&mut workbook)
            .expect("reads with its checksum");
        assert!(workbook.contains("<sheet "), "{workbook}");
    }
}
