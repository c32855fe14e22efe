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
