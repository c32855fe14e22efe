//! A person's overview of a round as a document: the data the typeset PDF and the editable
//! document (DOCX) are both written from. The web layer fills it in the reader's language;
//! nothing here knows about pages or databases.

pub mod docx;
pub mod pdf;

use serde::Serialize;

/// The steps of the scale in the order of the charts, with *not answered yet* last.
pub const STEPS: usize = 5;

#[derive(Clone, Debug, Default, Serialize)]
pub struct Overview {
    /// `nl` or `en`: the document's language (hyphenation, quotes).
    pub lang: String,
    pub title: String,
    /// School, round and period.
    pub subtitle: String,
    /// When the document was made, in words.
    pub made_on: String,
    /// Who may read it, in words.
    pub intro: String,
    /// The names of the steps (one name for both kinds where they differ), then *not
    /// answered yet*.
    pub legend: Vec<String>,
    pub roles: Vec<RoleSection>,
    pub changes: Option<Changes>,
    pub words: Words,
}

/// Headings and labels, in the reader's language.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Words {
    pub statement: String,
    pub choice: String,
    pub note: String,
    pub discuss: String,
    pub strengths: String,
    pub wishes: String,
    pub to_discuss: String,
    pub none_yet: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct RoleSection {
    pub name: String,
    pub areas: Vec<AreaSection>,
    pub strengths: Vec<Line>,
    pub wishes: Vec<Line>,
    pub discuss: Vec<Line>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct AreaSection {
    pub name: String,
    /// Tasks and expertise.
    pub bars: Vec<Bar>,
    pub answers: Vec<Answer>,
    /// Focus notes and reflections: a heading (or question) and the text.
    pub texts: Vec<(String, String)>,
}

/// How many statements of one kind got each step, in the order of [`Overview::legend`].
#[derive(Clone, Debug, Default, Serialize)]
pub struct Bar {
    pub label: String,
    pub counts: [usize; STEPS],
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Answer {
    pub code: String,
    pub text: String,
    /// The step chosen, in the words of the statement's kind; empty when not answered.
    pub choice: String,
    pub note: String,
    pub discuss: bool,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Line {
    pub code: String,
    pub text: String,
}

/// What changed since an earlier round.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Changes {
    pub heading: String,
    pub before: String,
    pub now: String,
    /// Statement (code and text), the earlier step, the step now.
    pub rows: Vec<(String, String, String)>,
}

pub use crate::document::DocumentError;

#[cfg(test)]
pub(crate) mod sample {
    use super::*;

    /// An overview with a bit of everything, including text that looks like markup.
    pub fn overview() -> Overview {
        Overview {
            lang: "nl".into(),
            title: "Overzicht: najaar 2026".into(),
            subtitle: "Het Baken Lyceum · najaar 2026 · vanaf 25-11-2026".into(),
            made_on: "Gemaakt op 25-11-2026".into(),
            intro: "Dit overzicht is alleen voor jou.".into(),
            legend: [
                "doe ik / beheers ik",
                "deels",
                "wil ik oppakken",
                "niet",
                "open",
            ]
            .map(String::from)
            .to_vec(),
            roles: vec![RoleSection {
                name: "Begeleider primair proces".into(),
                areas: vec![AreaSection {
                    name: "Visie en beleid".into(),
                    bars: vec![
                        Bar {
                            label: "Wat je doet".into(),
                            counts: [1, 1, 0, 0, 3],
                        },
                        Bar {
                            label: "Wat je weet en kunt".into(),
                            counts: [0, 0, 0, 0, 0],
                        },
                    ],
                    answers: vec![Answer {
                        code: "BEG.VIS.T1".into(),
                        text: "Je voert loopbaangesprekken.".into(),
                        choice: "doe ik deels".into(),
                        note: "#set page(width: 1cm) *vet* $x$ <script> \\ [link]".into(),
                        discuss: true,
                    }],
                    texts: vec![(
                        "Aandachtsveld bij je taken".into(),
                        "Gesprekken plannen,\nook met ouders.".into(),
                    )],
                }],
                strengths: vec![Line {
                    code: "BEG.VIS.T2".into(),
                    text: "Je kent je leerlingen.".into(),
                }],
                wishes: vec![],
                discuss: vec![Line {
                    code: "BEG.VIS.T1".into(),
                    text: "Je voert loopbaangesprekken.".into(),
                }],
            }],
            changes: Some(Changes {
                heading: "Anders dan in voorjaar 2026".into(),
                before: "voorjaar 2026".into(),
                now: "najaar 2026".into(),
                rows: vec![(
                    "BEG.VIS.T1 Je voert loopbaangesprekken.".into(),
                    "wil ik oppakken".into(),
                    "doe ik deels".into(),
                )],
            }),
            words: Words {
                statement: "Uitspraak".into(),
                choice: "Keuze".into(),
                note: "Notitie".into(),
                discuss: "wil ik bespreken".into(),
                strengths: "Wat je al doet".into(),
                wishes: "Wat je wilt oppakken".into(),
                to_discuss: "Wat je wilt bespreken".into(),
                none_yet: "Nog niets.".into(),
            },
        }
    }
}
