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
    let mut doc = valid.clone();
    // Every value in the document, as a path of keys and indexes, to pick from.
    fn paths(value: &Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    at.push(PathStep::Key(k.clone()));
                    paths(v, at, out);
                    at.pop();
                }
            }
            Value::Array(list) => {
                for (i, v) in list.iter().enumerate() {
                    at.push(PathStep::Index(i));
                    paths(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    fn get<'a>(value: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
        path.iter().try_fold(value, |v, step| match step {
            PathStep::Key(k) => v.get_mut(k.as_str()),
            PathStep::Index(i) => v.get_mut(*i),
        })
    }
    for _ in 0..1 + rng.below(8) {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        let donor_path = all[rng.below(all.len())].clone();
        let donor = get(&mut doc, &donor_path)
            .map(|v| v.clone())
            .unwrap_or(Value::Null);
        let path = all[rng.below(all.len())].clone();
        let choice = rng.below(6);
        let Some((last, parent_path)) = path.split_last() else {
            continue;
        };
        let Some(parent) = get(&mut doc, parent_path) else {
            continue;
        };
        match (choice, last, parent) {
            (0, PathStep::Key(k), Value::Object(map)) => {
                map.remove(k);
            }
            (1, PathStep::Index(i), Value::Array(list)) if *i < list.len() => {
                list.remove(*i);
            }
            (2, PathStep::Index(i), Value::Array(list)) if *i < list.len() => {
                let copy = list[*i].clone();
                list.insert(rng.below(list.len() + 1), copy);
            }
            (3, _, parent) => {
                if let Some(v) = get(parent, std::slice::from_ref(last)) {
                    *v = donor;
                }
            }
            (_, _, parent) => {
                if let Some(v) = get(parent, std::slice::from_ref(last)) {
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
                    *v = replacements[rng.below(replacements.len())].clone();
                }
            }
        }
    }
    serde_json::to_vec(&doc).unwrap_or_default()
}

/// One step into a JSON document.
#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}
