//! Reading CASE 1.0 and 1.1 packages (CFPackage JSON) from other tools, and our own.
//!
//! What is recognised: our own `extensions.raamwerk` (role, area, kind, theme, depth, tags),
//! which makes our export read back whole; otherwise the tree of `isChildOf` associations,
//! in which items whose text or code names a role (`Begeleider`, `Mentor`, `BEG`, …) or an
//! area (`Visie en beleid`, `VIS`, …) give the statements below them their role and area,
//! and an item type or parent named like a task or expertise gives their kind. Leaves are
//! statements; grouping levels that name nothing we know are passed through.
//!
//! Everything that cannot be read is an error naming the item or association and what was
//! expected (unknown association types, a cycle in the tree, a statement whose role, area or
//! kind cannot be told); nothing is read unless everything is. What was read but has no
//! place in our model (other association types, unknown fields) is listed in a report.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use domain::framework::{Date, ProblemKind};
use domain::{
    Area, Code, Depth, Edition, EditionId, EditionMeta, EditionParts, Kind, Lang, Problem, Role,
    Statement, Tag, Text, Theme, ThemeCode,
};

#[path = "case_problem.rs"]
mod problem;
pub use problem::CaseProblem;

/// The largest package we read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The most items and associations a package may have, and how deep its tree may go. A
/// national edition has about 250 items four levels deep; other tools use a few more levels.
pub const MAX_ITEMS: usize = 10_000;
pub const MAX_ASSOCIATIONS: usize = 50_000;
pub const MAX_DEPTH: usize = 32;

/// How many identifiers a problem that concerns many items names.
const NAMED: usize = 5;

/// The association types of CASE 1.0 and 1.1.
const ASSOCIATION_TYPES: [&str; 10] = [
    "isChildOf",
    "isPeerOf",
    "isPartOf",
    "exactMatchOf",
    "precedes",
    "isRelatedTo",
    "replacedBy",
    "exemplar",
    "hasSkillLevel",
    "isTranslationOf",
];

/// A package read: the edition and what had no place in it.
#[derive(Clone, Debug)]
pub struct CaseImport {
    pub edition: Edition,
    /// What was left out, one line each, in Dutch and English.
    pub report: Vec<Text>,
}

/// Names people and tools use for roles and areas (lower case), besides our codes.
const ROLE_NAMES: [(Role, &[&str]); 3] = [
    (
        Role::Mentor,
        &[
            "begeleider",
            "begeleider primair proces",
            "mentor",
            "mentoren",
            "loopbaanbegeleider primair proces",
            "docent",
            "coach",
        ],
    ),
    (
        Role::Specialist,
        &[
            "specialist",
            "specialistisch loopbaanbegeleider",
            "specialistische loopbaanbegeleider",
            "decaan",
            "decanen",
            "loopbaanadviseur",
            "career adviser",
            "careers adviser",
        ],
    ),
    (
        Role::Coordinator,
        &[
            "coördinator",
            "coordinator",
            "coördinator lob",
            "beleidsmaker",
            "coördinator/beleidsmaker lob",
            "coordinator / policy maker",
        ],
    ),
];

const AREA_NAMES: [(Area, &[&str]); 4] = [
    (
        Area::Vision,
        &["visie", "visie en beleid", "vision", "vision and policy"],
    ),
    (
        Area::Guidance,
        &[
            "oriëntatie",
            "orientatie",
            "oriëntatie en begeleiding",
            "begeleiding",
            "guidance",
            "orientation and guidance",
        ],
    ),
    (
        Area::Organisation,
        &["organisatie", "organisation", "organization"],
    ),
    (
        Area::Cooperation,
        &[
            "samenwerking",
            "cooperation",
            "co-operation",
            "collaboration",
        ],
    ),
];

const KIND_NAMES: [(Kind, &[&str]); 2] = [
    (
        Kind::Task,
        &[
            "task",
            "taak",
            "taken",
            "tasks",
            "rolbeschrijving",
            "role description",
        ],
    ),
    (
        Kind::Expertise,
        &[
            "expertise",
            "deskundigheid",
            "competency",
            "competence",
            "competentie",
            "kennis en vaardigheden",
        ],
    ),
];

fn named<T: Copy>(table: &[(T, &[&str])], text: &str) -> Option<T> {
    let text = text.trim().to_lowercase();
    table
        .iter()
        .find(|(_, names)| names.contains(&text.as_str()))
        .map(|(t, _)| *t)
}

/// The role, area and kind the items above a node named.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    role: Option<Role>,
    area: Option<Area>,
    kind: Option<Kind>,
}

/// One item as read.
#[derive(Debug, Default)]
struct Item {
    identifier: String,
    text: Text,
    code: Option<String>,
    item_type: String,
    role: Option<Role>,
    area: Option<Area>,
    kind: Option<Kind>,
    theme: Option<String>,
    depth: Option<i64>,
    tags: Vec<String>,
    notes: Option<String>,
}

fn str_at<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

fn node_id(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(|n| str_at(n, "identifier"))
        .map(str::to_owned)
}

/// Reads a CASE package. `labels` gives the names and descriptions of roles and areas (CASE
/// items carry only a name) and is the edition whose words fill what a package leaves out.
/// `based_on` makes the package a school's edition based on that national edition when the
/// package does not say it is one.
pub fn read(
    bytes: &[u8],
    labels: &Edition,
    based_on: Option<EditionId>,
) -> Result<CaseImport, Vec<CaseProblem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![CaseProblem::TooLarge]);
    }
    // A byte order mark is no part of JSON, but editors on Windows write one.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| vec![CaseProblem::NotUtf8])?;
    let mut package: Value = serde_json::from_str(text).map_err(|e| {
        vec![CaseProblem::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_owned(),
        }]
    })?;
    // Some tools wrap the package: `{"CFPackage": {…}}`.
    if let Some(inner) = package.get_mut("CFPackage").map(Value::take) {
        package = inner;
    }
    let mut problems = Vec::new();
    let mut report = Vec::new();
    let Some(document) = package.get("CFDocument").filter(|d| d.is_object()) else {
        return Err(vec![CaseProblem::Missing {
            at: "CFDocument".into(),
            expected: "object",
        }]);
    };
    if let Some(version) = document.get("caseVersion") {
        let v = version.as_str().unwrap_or_default();
        if v != "1.0" && v != "1.1" {
            problems.push(CaseProblem::UnknownCaseVersion(version.to_string()));
        }
    }
    let doc_id = str_at(document, "identifier")
        .unwrap_or_default()
        .to_owned();
    let doc_lang = match str_at(document, "language").map(|l| l.to_lowercase()) {
        Some(l) if l.starts_with("en") => Lang::En,
        _ => Lang::Nl,
    };
    let list = |key: &'static str, limit: usize| -> Result<Vec<Value>, CaseProblem> {
        match package.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) if items.len() > limit => Err(CaseProblem::TooMany {
                at: key.into(),
                found: items.len(),
                limit,
            }),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(CaseProblem::Missing {
                at: key.into(),
                expected: "list",
            }),
        }
    };
    let (raw_items, raw_associations) = match (
        list("CFItems", MAX_ITEMS),
        list("CFAssociations", MAX_ASSOCIATIONS),
    ) {
        (Ok(items), Ok(associations)) => (items, associations),
        (a, b) => {
            problems.extend(a.err());
            problems.extend(b.err());
            return Err(problems);
        }
    };

    let (items, index) = read_items(&raw_items, &doc_id, doc_lang, &mut problems);
    let Tree {
        parent,
        roots,
        left_out,
    } = read_associations(
        &raw_associations,
        &index,
        &doc_id,
        items.len(),
        &mut problems,
    );
    check_tree(&items, &parent, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }

    // The tree in order: children by sequence number, then as they came.
    let mut children: Vec<Vec<(i64, usize)>> = vec![Vec::new(); items.len()];
    for (child, p) in parent.iter().enumerate() {
        if let Some((up, sequence)) = p {
            children[*up].push((*sequence, child));
        }
    }
    for list in &mut children {
        list.sort();
    }
    let mut top: Vec<(i64, usize)> = roots.iter().map(|&(c, s)| (s, c)).collect();
    // Items with no parent and no link to the document are roots too.
    let hung: HashSet<usize> = roots.iter().map(|&(c, _)| c).collect();
    for (i, p) in parent.iter().enumerate() {
        if p.is_none() && !hung.contains(&i) {
            top.push((i64::MAX, i));
        }
    }
    top.sort();

    // Walk the tree, carrying the role, area and kind named above.
    let mut statements: Vec<(usize, Role, Area, Kind)> = Vec::new();
    // Items whose role, area or kind cannot be told, by what is missing: said once each.
    let mut unplaced: Vec<(&'static str, Vec<String>)> = vec![
        ("role", Vec::new()),
        ("area", Vec::new()),
        ("kind", Vec::new()),
    ];
    let mut passed = 0;
    let mut stack: Vec<(usize, Place)> = top
        .iter()
        .rev()
        .map(|&(_, i)| (i, Place::default()))
        .collect();
    while let Some((i, Place { role, area, kind })) = stack.pop() {
        let item = &items[i];
        let names = [
            item.text.nl.as_str(),
            item.text.en.as_str(),
            item.code.as_deref().unwrap_or_default(),
        ];
        let named_role = item.role.or_else(|| {
            names
                .iter()
                .find_map(|n| named(&ROLE_NAMES, n).or_else(|| Role::from_code(n)))
        });
        let named_area = item.area.or_else(|| {
            names.iter().find_map(|n| {
                named(&AREA_NAMES, n).or_else(|| {
                    // `BEG.VIS` names an area within a role.
                    n.split('.')
                        .nth(1)
                        .filter(|_| n.split('.').count() == 2)
                        .and_then(Area::from_code)
                })
            })
        });
        let named_kind = item
            .kind
            .or_else(|| named(&KIND_NAMES, &item.item_type))
            .or_else(|| names.iter().find_map(|n| named(&KIND_NAMES, n)));
        // What an item names itself wins over what its parents named.
        let role = named_role.or(role);
        let area = named_area.or(area);
        let kind = named_kind.or(kind);
        if children[i].is_empty() {
            // A leaf is a statement, unless it only names a place (an empty role or area).
            if named_kind.is_none()
                && (named_role.is_some() || named_area.is_some())
                && item.kind.is_none()
                && item.theme.is_none()
            {
                passed += 1;
                continue;
            }
            let missing = match (role, area, kind) {
                (Some(r), Some(a), Some(k)) => {
                    statements.push((i, r, a, k));
                    continue;
                }
                (None, _, _) => 0,
                (_, None, _) => 1,
                (_, _, None) => 2,
            };
            unplaced[missing].1.push(item.identifier.clone());
        } else {
            if named_role.is_none() && named_area.is_none() && named_kind.is_none() {
                passed += 1;
            }
            for &(_, child) in children[i].iter().rev() {
                stack.push((child, Place { role, area, kind }));
            }
        }
    }
    for (missing, items) in unplaced {
        if !items.is_empty() {
            problems.push(CaseProblem::Unplaced {
                count: items.len(),
                items: items.iter().take(NAMED).cloned().collect(),
                missing,
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // Concepts: themes by their keyword.
    let mut themes: Vec<Theme> = Vec::new();
    let concepts = package
        .get("CFDefinitions")
        .and_then(|d| d.get("CFConcepts"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut theme_problems = Vec::new();
    let mut add_theme = |code: &str, name: Text, description: Text, themes: &mut Vec<Theme>| {
        match ThemeCode::parse(code) {
            Some(code) if !themes.iter().any(|t| t.code == code) => themes.push(Theme {
                code,
                name,
                description,
            }),
            Some(_) => {}
            None => theme_problems.push(CaseProblem::Edition {
                item: None,
                problem: ProblemKind::InvalidThemeCode(code.to_owned()),
            }),
        }
    };
    let used: HashSet<&str> = statements
        .iter()
        .filter_map(|(i, ..)| items[*i].theme.as_deref())
        .collect();
    for concept in &concepts {
        if let Some(code) = str_at(concept, "keywords").filter(|k| used.contains(k)) {
            add_theme(
                code,
                text_in(concept, "title", doc_lang),
                text_in(concept, "description", doc_lang),
                &mut themes,
            );
        }
    }
    for code in &used {
        if !themes.iter().any(|t| t.code.as_str() == *code) {
            add_theme(code, Text::new(*code, *code), Text::default(), &mut themes);
        }
    }
    problems.extend(theme_problems);

    // Statements: codes as given where they are codes and unique, else ours.
    let mut taken: HashSet<String> = HashSet::new();
    let mut out: Vec<Statement> = Vec::new();
    let mut origin: Vec<String> = Vec::new();
    let mut renamed = 0;
    // Where the search for a free code of our own goes on, per role, area and kind, so that
    // thousands of statements without codes take linear time.
    let mut next_free: HashMap<(Role, Area, Kind), u32> = HashMap::new();
    for &(i, role, area, kind) in &statements {
        let item = &items[i];
        let code = match item.code.as_deref().and_then(Code::parse) {
            Some(code) if !taken.contains(code.as_str()) => code,
            _ => {
                renamed += 1;
                let next = next_free.entry((role, area, kind)).or_insert(1);
                let code = (*next..)
                    .map(|n| (n, Code::conventional(role, area, kind, n)))
                    .find(|(_, c)| !taken.contains(c.as_str()));
                match code {
                    Some((n, code)) => {
                        *next = n + 1;
                        code
                    }
                    None => Code::conventional(role, area, kind, 1),
                }
            }
        };
        taken.insert(code.to_string());
        let sources = item
            .notes
            .as_deref()
            .and_then(|n| {
                n.strip_prefix("Bronnen: ")
                    .or_else(|| n.strip_prefix("Sources: "))
            })
            .map(|s| s.split(", ").map(str::to_owned).collect())
            .unwrap_or_default();
        let mut tags = Vec::new();
        for tag in &item.tags {
            match Tag::parse(tag) {
                Some(tag) => tags.push(tag),
                None => problems.push(CaseProblem::Edition {
                    item: Some(item.identifier.clone()),
                    problem: ProblemKind::InvalidTag(tag.clone()),
                }),
            }
        }
        let depth = match item.depth {
            None => None,
            Some(d) => match Depth::from_level(d) {
                Some(depth) => Some(depth),
                None => {
                    problems.push(CaseProblem::Edition {
                        item: Some(item.identifier.clone()),
                        problem: ProblemKind::InvalidDepth(d.to_string()),
                    });
                    None
                }
            },
        };
        out.push(Statement {
            code,
            kind,
            role,
            area,
            theme: item.theme.as_deref().and_then(ThemeCode::parse),
            depth,
            text: item.text.clone(),
            sources,
            tags,
        });
        origin.push(item.identifier.clone());
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // The document.
    let ext = document.get("extensions").and_then(|e| e.get("raamwerk"));
    let identifier = ext
        .and_then(|e| str_at(e, "identifier"))
        .map(str::to_owned)
        .unwrap_or_else(|| format!("case-{}", doc_id.to_lowercase()));
    let based_on = ext
        .and_then(|e| str_at(e, "basedOn"))
        .and_then(|id| uuid::Uuid::parse_str(id).ok())
        .map(EditionId)
        .or(based_on);
    let date = str_at(document, "statusStartDate")
        .or_else(|| str_at(document, "lastChangeDateTime"))
        .and_then(|d| d.get(..10))
        .and_then(Date::parse)
        .unwrap_or(labels.meta().date);
    let title = text_in(document, "title", doc_lang);
    let notes = text_in(document, "notes", doc_lang);
    let publisher = str_at(document, "publisher")
        .or_else(|| str_at(document, "creator"))
        .unwrap_or("CASE")
        .to_owned();
    let meta = EditionMeta {
        identifier,
        version: str_at(document, "version").unwrap_or("1").to_owned(),
        date,
        publisher: publisher.clone(),
        languages: vec![Lang::Nl, Lang::En],
        title: fill(title, &labels.meta().title),
        attribution: if notes.nl.is_empty() && notes.en.is_empty() {
            Text::new(
                format!("Ingelezen uit een CASE-pakket van {publisher}."),
                format!("Read from a CASE package by {publisher}."),
            )
        } else {
            fill(notes, &Text::default())
        },
        description: text_in(document, "description", doc_lang),
        based_on,
    };
    let parts = EditionParts {
        meta,
        roles: labels.roles().to_vec(),
        areas: labels.areas().to_vec(),
        themes,
        statements: out,
    };
    let edition = Edition::new(parts).map_err(|found| {
        found
            .into_iter()
            .map(|p| problem_at(p, &origin))
            .collect::<Vec<_>>()
    })?;
    // Our own export carries themes and translations in its extensions as well: its
    // `isRelatedTo` and `isTranslationOf` links lose nothing.
    let ours = ext.is_some();
    for (kind, n) in &left_out {
        if ours && matches!(*kind, "isRelatedTo" | "isTranslationOf") {
            continue;
        }
        report.push(Text::new(
            format!(
                "{n} associatie(s) van het type {kind} niet overgenomen (het raamwerk kent ze niet)"
            ),
            format!(
                "{n} association(s) of type {kind} left out (the framework has no place for them)"
            ),
        ));
    }
    if passed > 0 {
        report.push(Text::new(
            format!(
                "{passed} item(s) dienden alleen als tussenniveau en zijn geen uitspraak geworden"
            ),
            format!(
                "{passed} item(s) only served as a level in between and did not become statements"
            ),
        ));
    }
    if renamed > 0 {
        report.push(Text::new(
            format!("{renamed} uitspraak/uitspraken kregen een eigen code (geen of een dubbele code in het pakket)"),
            format!("{renamed} statement(s) were given a code of ours (none or a duplicate in the package)"),
        ));
    }
    report.sort_by(|a, b| a.nl.cmp(&b.nl));
    Ok(CaseImport { edition, report })
}

/// A text with its missing language taken from another.
/// The text at `key` in the document's language, with the other language from our own
/// export's translations where it has them.
fn text_in(value: &Value, key: &str, doc_lang: Lang) -> Text {
    let own = str_at(value, key).unwrap_or_default().to_owned();
    let other_lang = doc_lang.other();
    let other = value
        .get("extensions")
        .and_then(|e| e.get("translations"))
        .and_then(|t| t.get(other_lang.code()))
        .and_then(|t| str_at(t, key))
        .unwrap_or_default()
        .to_owned();
    match doc_lang {
        Lang::Nl => Text::new(own, other),
        Lang::En => Text::new(other, own),
    }
}

/// The package's items in order, and where each identifier stands; an item without an
/// identifier or a text, or with an identifier seen before, is a problem.
fn read_items(
    raw_items: &[Value],
    doc_id: &str,
    doc_lang: Lang,
    problems: &mut Vec<CaseProblem>,
) -> (Vec<Item>, HashMap<String, usize>) {
    let mut items: Vec<Item> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, raw) in raw_items.iter().enumerate() {
        let at = format!("CFItems[{i}]");
        let Some(identifier) = str_at(raw, "identifier") else {
            problems.push(CaseProblem::Missing {
                at: format!("{at}.identifier"),
                expected: "text",
            });
            continue;
        };
        if index.contains_key(identifier) || identifier == doc_id {
            problems.push(CaseProblem::DuplicateIdentifier {
                at,
                identifier: identifier.to_owned(),
            });
            continue;
        }
        let ext = raw.get("extensions").and_then(|e| e.get("raamwerk"));
        let ext_str = |key| ext.and_then(|e| str_at(e, key));
        let item = Item {
            identifier: identifier.to_owned(),
            text: text_in(raw, "fullStatement", doc_lang),
            code: str_at(raw, "humanCodingScheme").map(str::to_owned),
            item_type: str_at(raw, "CFItemType").unwrap_or_default().to_owned(),
            role: ext_str("role").and_then(Role::from_code),
            area: ext_str("area").and_then(Area::from_code),
            kind: ext_str("kind").and_then(Kind::from_name),
            theme: ext_str("theme").map(str::to_owned),
            depth: ext.and_then(|e| e.get("depth")).and_then(Value::as_i64),
            tags: ext
                .and_then(|e| e.get("tags"))
                .and_then(Value::as_array)
                .map(|tags| {
                    tags.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            notes: str_at(raw, "notes").map(str::to_owned),
        };
        if item.text.nl.is_empty() && item.text.en.is_empty() {
            problems.push(CaseProblem::Missing {
                at: format!("{at}.fullStatement"),
                expected: "text",
            });
        }
        index.insert(item.identifier.clone(), items.len());
        items.push(item);
    }
    (items, index)
}

/// The tree the `isChildOf` associations make (each item's parent with its sequence number,
/// and the items hung from the document), and how many associations of each other type were
/// left out; an association that names no known item or type is a problem.
fn read_associations(
    raw_associations: &[Value],
    index: &HashMap<String, usize>,
    doc_id: &str,
    count: usize,
    problems: &mut Vec<CaseProblem>,
) -> Tree {
    let mut parent: Vec<Option<(usize, i64)>> = vec![None; count];
    let mut roots: Vec<(usize, i64)> = Vec::new();
    let mut left_out: HashMap<&'static str, usize> = HashMap::new();
    for (i, raw) in raw_associations.iter().enumerate() {
        let at = format!("CFAssociations[{i}]");
        let Some(kind) = str_at(raw, "associationType") else {
            problems.push(CaseProblem::Missing {
                at: format!("{at}.associationType"),
                expected: "text",
            });
            continue;
        };
        let Some(known) = ASSOCIATION_TYPES
            .iter()
            .find(|t| t.eq_ignore_ascii_case(kind))
        else {
            problems.push(CaseProblem::UnknownAssociationType {
                at,
                found: kind.to_owned(),
            });
            continue;
        };
        if *known != "isChildOf" {
            *left_out.entry(known).or_default() += 1;
            continue;
        }
        let (Some(origin), Some(destination)) = (
            node_id(raw, "originNodeURI"),
            node_id(raw, "destinationNodeURI"),
        ) else {
            problems.push(CaseProblem::Missing {
                at: format!("{at}.originNodeURI/destinationNodeURI"),
                expected: "node with identifier",
            });
            continue;
        };
        let sequence = raw
            .get("sequenceNumber")
            .and_then(Value::as_i64)
            .unwrap_or(i64::MAX);
        let Some(&child) = index.get(&origin) else {
            problems.push(CaseProblem::UnknownNode {
                at: format!("{at}.originNodeURI"),
                identifier: origin,
            });
            continue;
        };
        if destination == doc_id {
            roots.push((child, sequence));
            continue;
        }
        let Some(&parent_index) = index.get(&destination) else {
            problems.push(CaseProblem::UnknownNode {
                at: format!("{at}.destinationNodeURI"),
                identifier: destination,
            });
            continue;
        };
        if parent[child].is_some() {
            *left_out
                .entry("isChildOf (tweede ouder / second parent)")
                .or_default() += 1;
            continue;
        }
        parent[child] = Some((parent_index, sequence));
    }
    Tree {
        parent,
        roots,
        left_out,
    }
}

/// The parent tree of a package: see [`read_associations`].
struct Tree {
    parent: Vec<Option<(usize, i64)>>,
    roots: Vec<(usize, i64)>,
    left_out: HashMap<&'static str, usize>,
}

/// Every cycle in the tree, once, naming its items, and a tree deeper than [`MAX_DEPTH`]: one
/// walk up from every item that stops where an earlier walk went, so linear in the items
/// however the tree is shaped (a chain of 20,000 items included).
fn check_tree(items: &[Item], parent: &[Option<(usize, i64)>], problems: &mut Vec<CaseProblem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        Not,
        OnPath,
        /// On a cycle, or below one: it has no depth.
        InCycle,
        /// Levels from the top (a top item is 1).
        Depth(usize),
    }
    let mut seen = vec![Seen::Not; items.len()];
    let mut path: Vec<usize> = Vec::new();
    let mut deepest: Option<(usize, usize)> = None;
    for start in 0..items.len() {
        if seen[start] != Seen::Not {
            continue;
        }
        path.clear();
        let mut at = start;
        let above = loop {
            seen[at] = Seen::OnPath;
            path.push(at);
            let Some((up, _)) = parent[at] else {
                break Some(0);
            };
            match seen[up] {
                Seen::Not => at = up,
                Seen::Depth(d) => break Some(d),
                Seen::InCycle => break None,
                Seen::OnPath => {
                    let from = path.iter().position(|&p| p == up).unwrap_or(0);
                    let mut names: Vec<String> = path[from..]
                        .iter()
                        .map(|&c| items[c].identifier.clone())
                        .collect();
                    names.push(items[up].identifier.clone());
                    problems.push(CaseProblem::Cycle(names));
                    break None;
                }
            }
        };
        for (k, &p) in path.iter().rev().enumerate() {
            seen[p] = match above {
                Some(d) => Seen::Depth(d + k + 1),
                None => Seen::InCycle,
            };
        }
        if let (Some(d), Some(&first)) = (above, path.first()) {
            let depth = d + path.len();
            if deepest.is_none_or(|(_, most)| depth > most) {
                deepest = Some((first, depth));
            }
        }
    }
    if let Some((item, depth)) = deepest.filter(|&(_, depth)| depth > MAX_DEPTH) {
        problems.push(CaseProblem::TooDeep {
            item: items[item].identifier.clone(),
            depth,
        });
    }
}

fn fill(text: Text, from: &Text) -> Text {
    let nl = if text.nl.is_empty() {
        from.nl.clone()
    } else {
        text.nl
    };
    let en = if text.en.is_empty() {
        from.en.clone()
    } else {
        text.en
    };
    let nl = if nl.is_empty() { en.clone() } else { nl };
    let en = if en.is_empty() { nl.clone() } else { en };
    Text::new(nl, en)
}

fn problem_at(problem: Problem, origin: &[String]) -> CaseProblem {
    let item = match &problem.location {
        domain::Location::Statement { index, .. } => origin.get(*index).cloned(),
        _ => None,
    };
    CaseProblem::Edition {
        item,
        problem: problem.kind,
    }
}

#[cfg(test)]
#[path = "case_read_tests.rs"]
mod tests;
