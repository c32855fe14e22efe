//! Reading CASE packages: ours back whole in either language, another tool's by its tree,
//! and every kind of broken package refused with its place named.

use serde_json::{Value, json};

use super::*;
use crate::case::package;
use crate::shipped;

fn national() -> Edition {
    shipped::national().unwrap_or_else(|p| panic!("shipped edition invalid: {p:?}"))
}

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

fn problems(value: &Value) -> Vec<String> {
    match read(&bytes(value), &national(), None) {
        Ok(_) => vec![],
        Err(found) => found.iter().map(|p| p.describe(Lang::En)).collect(),
    }
}

#[test]
fn our_export_reads_back_whole_in_either_language() {
    let edition = national();
    for lang in Lang::ALL {
        let read = read(&bytes(&package(&edition, lang)), &edition, None)
            .unwrap_or_else(|p| panic!("{lang}: {p:?}"));
        assert_eq!(read.edition, edition, "{lang}");
        assert!(
            read.report.is_empty(),
            "nothing of ours is left out: {:?}",
            read.report
        );
    }
}

#[test]
fn a_schools_edition_keeps_its_tags_basis_and_moved_statements() {
    let base = national();
    let mut parts = base.parts().clone();
    parts.meta.identifier = "school-test".into();
    parts.meta.based_on = Some(base.id());
    parts.statements[0].tags = vec![Tag::Regional, Tag::Own("stage".into())];
    parts.statements[0].text.en.clear();
    parts.statements[1].role = Role::Coordinator;
    let edition = Edition::new(parts).expect("valid");
    let back = read(&bytes(&package(&edition, Lang::Nl)), &base, None).expect("reads");
    let back = back.edition;
    assert_eq!(back.meta().based_on, Some(base.id()));
    assert!(
        domain::diff(edition.statements(), back.statements())
            .iter()
            .all(|c| c.aspects == [domain::Aspect::Reordered])
    );
    assert_eq!(
        back.statement(parts_code(&edition, 0))
            .map(|s| s.tags.clone()),
        Some(vec![Tag::Regional, Tag::Own("stage".into())])
    );
    assert_eq!(
        back.statement(parts_code(&edition, 1)).map(|s| s.role),
        Some(Role::Coordinator)
    );
}

fn parts_code(edition: &Edition, i: usize) -> &str {
    edition.statements()[i].code.as_str()
}

/// A package as another tool might write it (CASE 1.0, no extensions of ours): document →
/// role → area → "Taken"/"Deskundigheid" → statements, some without a code.
fn foreign() -> Value {
    let mut items = vec![];
    let mut associations = vec![];
    let mut n = 0;
    let mut item = |items: &mut Vec<Value>, text: &str, code: Option<&str>, kind: &str| {
        n += 1;
        let id = format!("item-{n}");
        let mut v = json!({ "identifier": id, "fullStatement": text, "CFItemType": kind });
        if let Some(code) = code {
            v["humanCodingScheme"] = json!(code);
        }
        items.push(v);
        id
    };
    let child = |associations: &mut Vec<Value>, child: &str, parent: &str, seq: usize| {
        associations.push(json!({
            "identifier": format!("a-{child}"),
            "associationType": "isChildOf",
            "originNodeURI": { "identifier": child, "title": "", "uri": "" },
            "destinationNodeURI": { "identifier": parent, "title": "", "uri": "" },
            "sequenceNumber": seq,
        }));
    };
    for (r, role) in ["Mentor", "Decaan", "Coördinator"].iter().enumerate() {
        let role_id = item(&mut items, role, None, "Level");
        child(&mut associations, &role_id, "doc-1", r + 1);
        for (a, area) in [
            "Visie en beleid",
            "Oriëntatie en begeleiding",
            "Organisatie",
            "Samenwerking",
        ]
        .iter()
        .enumerate()
        {
            let area_id = item(&mut items, area, None, "Level");
            child(&mut associations, &area_id, &role_id, a + 1);
            for (k, kind) in ["Taken", "Deskundigheid"].iter().enumerate() {
                let group = item(&mut items, kind, None, "Cluster");
                child(&mut associations, &group, &area_id, k + 1);
                for s in 0..2 {
                    let text = format!("{role} {area} {kind} {s}.");
                    let code = (s == 0).then(|| format!("X{r}{a}{k}"));
                    let leaf = item(&mut items, &text, code.as_deref(), "Statement");
                    child(&mut associations, &leaf, &group, 2 - s);
                }
            }
        }
    }
    associations.push(json!({
        "identifier": "ex-1",
        "associationType": "exemplar",
        "originNodeURI": { "identifier": "item-4", "title": "", "uri": "" },
        "destinationNodeURI": { "identifier": "https://example.org/x", "title": "", "uri": "" },
    }));
    json!({
        "CFDocument": {
            "identifier": "doc-1",
            "title": "Loopbaanbegeleiding",
            "creator": "Ander systeem",
            "language": "nl",
            "caseVersion": "1.0",
            "lastChangeDateTime": "2025-03-01T10:00:00Z",
        },
        "CFItems": items,
        "CFAssociations": associations,
    })
}

#[test]
fn another_tools_tree_is_mapped_by_the_names_in_it() {
    let package = foreign();
    // English is missing: as a school's edition that is allowed, nationally not.
    let refused = problems(&package);
    assert!(
        refused
            .iter()
            .any(|p| p.contains("English text is missing")),
        "{refused:?}"
    );
    let read = read(&bytes(&package), &national(), Some(national().id()))
        .unwrap_or_else(|p| panic!("{p:?}"));
    let edition = read.edition;
    assert_eq!(edition.statements().len(), 48);
    assert_eq!(edition.meta().identifier, "case-doc-1");
    assert_eq!(edition.meta().publisher, "Ander systeem");
    assert_eq!(edition.meta().date.to_string(), "2025-03-01");
    // Sequence numbers order the statements: the one numbered 1 (without a code) first.
    let first = &edition.statements()[0];
    assert_eq!(first.text.nl, "Mentor Visie en beleid Taken 1.");
    assert_eq!(
        (first.role, first.area, first.kind),
        (Role::Mentor, Area::Vision, Kind::Task)
    );
    assert_eq!(
        first.code.as_str(),
        "BEG.VIS.T1",
        "a code of ours where the package had none"
    );
    let second = &edition.statements()[1];
    assert_eq!(second.code.as_str(), "X000");
    let coo = edition
        .statements()
        .iter()
        .find(|s| {
            s.text
                .nl
                .starts_with("Coördinator Samenwerking Deskundigheid")
        })
        .expect("there");
    assert_eq!(
        (coo.role, coo.area, coo.kind),
        (Role::Coordinator, Area::Cooperation, Kind::Expertise)
    );
    let report: Vec<&str> = read.report.iter().map(|r| r.en.as_str()).collect();
    assert!(
        report
            .iter()
            .any(|r| r.contains("1 association(s) of type exemplar left out")),
        "{report:?}"
    );
    assert!(
        report
            .iter()
            .any(|r| r.contains("24 statement(s) were given a code of ours")),
        "{report:?}"
    );
    assert_eq!(
        report.len(),
        2,
        "every level named a role, an area or a kind: {report:?}"
    );
}

#[test]
fn broken_packages_are_refused_naming_the_place() {
    assert_eq!(
        problems(&json!({"CFItems": []})),
        ["CFDocument: missing or not object"]
    );
    let mut p = foreign();
    p["CFDocument"]["caseVersion"] = json!("2.0");
    assert!(problems(&p)[0].contains("unknown version '\"2.0\"'"));
    let mut p = foreign();
    p["CFAssociations"][3]["associationType"] = json!("isCousinOf");
    assert_eq!(
        problems(&p),
        [
            "CFAssociations[3].associationType: unknown type 'isCousinOf'; expected: isChildOf, isPeerOf, isPartOf, exactMatchOf, precedes, isRelatedTo, replacedBy, exemplar, hasSkillLevel, isTranslationOf"
        ]
    );
    // A cycle: the first role made a child of one of its own statements.
    let mut p = foreign();
    p["CFAssociations"][0]["destinationNodeURI"]["identifier"] = json!("item-4");
    let found = problems(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("the isChildOf tree runs in a circle: item-"),
        "{found:?}"
    );
    // A statement hung under the document, outside any role.
    let mut p = foreign();
    p["CFAssociations"][4]["destinationNodeURI"]["identifier"] = json!("doc-1");
    let found = problems(&p);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("CFItem item-5: cannot tell its role")),
        "{found:?}"
    );
    let mut p = foreign();
    p["CFAssociations"][2]["originNodeURI"]["identifier"] = json!("item-999");
    assert_eq!(
        problems(&p),
        ["CFAssociations[2].originNodeURI: refers to item-999, which is not in the package"]
    );
    let mut p = foreign();
    p["CFItems"][1]["identifier"] = json!("item-1");
    assert!(problems(&p)[0].starts_with("CFItems[1]: identifier item-1 is used before"));
    assert!(
        matches!(read(b"{\"CFDocument\": [", &national(), None), Err(p) if matches!(p[0], CaseProblem::Syntax { line: 1, .. }))
    );
    assert_eq!(
        read(&[0xff, 0xfe], &national(), None).err(),
        Some(vec![CaseProblem::NotUtf8])
    );
    let huge = vec![b' '; MAX_BYTES + 1];
    assert_eq!(
        read(&huge, &national(), None).err(),
        Some(vec![CaseProblem::TooLarge])
    );
    // Messages come in Dutch too.
    assert_eq!(
        CaseProblem::Unplaced {
            items: vec!["x".into()],
            count: 1,
            missing: "area"
        }
        .describe(Lang::Nl),
        "CFItem x: niet te bepalen welke aandachtsgebied dit is; verwacht een bovenliggend item dat de aandachtsgebied noemt, of extensions.raamwerk"
    );
}

#[test]
fn damaged_and_mutated_packages_are_answered_never_a_panic() {
    // A shorter run of what bench/formats.sh does with a million inputs.
    use crate::generate::{Rng, damaged, mutated};
    let base = national();
    let ours = package(&base, Lang::Nl);
    let theirs = foreign();
    let ours_bytes = bytes(&ours);
    let mut rng = Rng::new(11);
    let mut answered = 0;
    for i in 0..400 {
        let input = match i % 3 {
            0 => damaged(&ours_bytes, &mut rng),
            1 => mutated(&ours, &mut rng),
            _ => mutated(&theirs, &mut rng),
        };
        let _ = read(&input, &base, None);
        answered += 1;
    }
    assert_eq!(answered, 400);
}

/// Our export with `extra` items hung one under the other.
fn with_chain(extra: usize) -> Value {
    let mut p = package(&national(), Lang::Nl);
    crate::generate::case_chain(&mut p, extra);
    p
}

/// The problems with a package, read in under a second.
fn problems_at_once(value: &Value) -> Vec<String> {
    let started = std::time::Instant::now();
    let found = problems(value);
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(1), "{took:?}");
    found
}

#[test]
fn a_deep_chain_is_refused_at_once_with_its_depth_or_size() {
    // 20,000 items in a chain: more items than a framework has, refused before any walk.
    let found = problems_at_once(&with_chain(20_000));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("CFItems: 20") && found[0].contains("more than the 10000"),
        "{found:?}"
    );
    // 9,000 in a chain fit the count; the walk over them is linear and names the depth.
    let found = problems_at_once(&with_chain(9_000));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("the isChildOf tree is 900") && found[0].contains("at most 32"),
        "{found:?}"
    );
    // A few levels more than ours still read.
    let found = problems(&with_chain(20));
    assert!(
        !found.iter().any(|f| f.contains("levels deep")),
        "{found:?}"
    );
}

#[test]
fn statements_without_a_place_are_named_once_with_a_count() {
    // Every statement of a foreign tree hung straight under the document: no roles anywhere.
    let mut p = foreign();
    for association in p["CFAssociations"].as_array_mut().expect("associations") {
        association["destinationNodeURI"]["identifier"] = json!("doc-1");
    }
    let found = problems(&p);
    let about_roles: Vec<&String> = found.iter().filter(|f| f.contains("role")).collect();
    assert_eq!(about_roles.len(), 1, "{found:?}");
    assert!(
        about_roles[0].contains(" CFItems (item-")
            && about_roles[0].contains("cannot tell their role"),
        "{found:?}"
    );
}

#[test]
fn a_byte_order_mark_before_the_json_is_read_past() {
    let edition = national();
    let mut input = "\u{feff}".as_bytes().to_vec();
    input.extend(bytes(&package(&edition, Lang::Nl)));
    let read = read(&input, &edition, None).expect("reads");
    assert_eq!(read.edition, edition);
}
