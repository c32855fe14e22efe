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
