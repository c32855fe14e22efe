//! CASE 1.1 (1EdTech Competencies and Academic Standards Exchange) CFPackage export.
//!
//! The tree is CFDocument → role → role × area → statement, joined by `isChildOf`
//! associations in the edition's order. Dutch is the package's language; English travels as
//! a translation in each object's `extensions.translations.en`, since CASE 1.1 has one
//! language per document. Kind and theme are CASE's own item types and concepts; statements
//! of one theme are linked across roles by `isRelatedTo` associations, grouped per theme.
//! Everything else needed to read the edition back (role, area, kind, depth) is in
//! `extensions.raamwerk`. Identifiers are UUIDs derived from the edition's identifier and
//! the codes, so the same statement has the same identifier in every export.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use domain::framework::NAMESPACE;
use domain::{Edition, Kind, Lang, Statement, Text};

/// A UUID for a named thing of this edition's lineage, stable across exports.
fn id(edition: &Edition, what: &str) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("case:{}/{what}", edition.meta().identifier).as_bytes(),
    )
}

fn uri(id: Uuid) -> String {
    format!("urn:uuid:{id}")
}

/// A LinkURI / LinkGenURI to an object.
fn link(title: &str, id: Uuid) -> Value {
    json!({ "title": title, "identifier": id.to_string(), "uri": uri(id) })
}

fn english(fields: &[(&str, &str)]) -> Value {
    let en: Map<String, Value> = fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
        .collect();
    json!({ "en": en })
}

struct ItemType {
    code: &'static str,
    hierarchy: &'static str,
    title: &'static str,
    description: &'static str,
}

const ROLE_TYPE: ItemType = ItemType {
    code: "role",
    hierarchy: "1",
    title: "Rol",
    description: "Een groep professionals (doelgroep) van het raamwerk.",
};
const AREA_TYPE: ItemType = ItemType {
    code: "area",
    hierarchy: "2",
    title: "Aandachtsgebied",
    description: "Een aandachtsgebied binnen een rol.",
};
const TASK_TYPE: ItemType = ItemType {
    code: "task",
    hierarchy: "3.1",
    title: "Taak",
    description: "Rolbeschrijving: wat iemand in deze rol doet.",
};
const EXPERTISE_TYPE: ItemType = ItemType {
    code: "expertise",
    hierarchy: "3.2",
    title: "Deskundigheid",
    description: "Wat iemand in deze rol weet en kan.",
};

fn kind_type(kind: Kind) -> &'static ItemType {
    match kind {
        Kind::Task => &TASK_TYPE,
        Kind::Expertise => &EXPERTISE_TYPE,
    }
}

/// Builds the CFPackage for an edition.
pub fn package(edition: &Edition) -> Value {
    let meta = edition.meta();
    let changed = format!("{}T00:00:00Z", meta.date);
    let doc_id = id(edition, "document");
    let doc_title = meta.title.nl.as_str();
    let type_id = |t: &ItemType| id(edition, &format!("type/{}", t.code));
    let theme_id = |code: &str| id(edition, &format!("theme/{code}"));
    let grouping_id = |code: &str| id(edition, &format!("grouping/{code}"));

    let mut items = Vec::new();
    let mut associations = Vec::new();
    let mut associate = |kind: &str,
                         from: (&str, Uuid),
                         to: (&str, Uuid),
                         sequence: Option<usize>,
                         grouping: Option<Value>| {
        let mut a = json!({
            "identifier": id(edition, &format!("association/{kind}/{}/{}", from.1, to.1)).to_string(),
            "associationType": kind,
            "uri": "",
            "originNodeURI": link(from.0, from.1),
            "destinationNodeURI": link(to.0, to.1),
            "lastChangeDateTime": changed,
        });
        if let Some(sequence) = sequence {
            a["sequenceNumber"] = json!(sequence);
        }
        if let Some(grouping) = grouping {
            a["CFAssociationGroupingURI"] = grouping;
        }
        let identifier = a["identifier"]
            .as_str()
            .and_then(|s| Uuid::parse_str(s).ok());
        if let Some(identifier) = identifier {
            a["uri"] = json!(uri(identifier));
        }
        associations.push(a);
    };

    let item = |code: &str, text: &Text, item_type: &ItemType, extra: Value| {
        let item_id = id(edition, &format!("item/{code}"));
        let mut item = json!({
            "identifier": item_id.to_string(),
            "uri": uri(item_id),
            "fullStatement": text.nl,
            "humanCodingScheme": code,
            "CFItemType": item_type.title,
            "CFItemTypeURI": link(item_type.title, type_id(item_type)),
            "language": Lang::Nl.code(),
            "lastChangeDateTime": changed,
            "extensions": {
                "translations": english(&[("fullStatement", &text.en)]),
                "raamwerk": extra,
            },
        });
        if let Some(map) = item.as_object_mut() {
            map.retain(|_, v| !v.is_null());
        }
        (item_id, item)
    };

    for (role_pos, role) in edition.roles().iter().enumerate() {
        let role_code = role.role.code();
        let (role_id, role_item) = item(
            role_code,
            &role.name,
            &ROLE_TYPE,
            json!({ "role": role_code }),
        );
        items.push(role_item);
        associate(
            "isChildOf",
            (&role.name.nl, role_id),
            (doc_title, doc_id),
            Some(role_pos + 1),
            None,
        );
        for (area_pos, area) in edition.areas().iter().enumerate() {
            let cell_code = format!("{role_code}.{}", area.area.code());
            let (cell_id, cell_item) = item(
                &cell_code,
                &area.name,
                &AREA_TYPE,
                json!({ "role": role_code, "area": area.area.code() }),
            );
            items.push(cell_item);
            associate(
                "isChildOf",
                (&area.name.nl, cell_id),
                (&role.name.nl, role_id),
                Some(area_pos + 1),
                None,
            );
            let in_cell = edition
                .statements()
                .iter()
                .filter(|s| s.role == role.role && s.area == area.area);
            for (pos, statement) in in_cell.enumerate() {
                let (statement_id, mut statement_item) = item(
                    statement.code.as_str(),
                    &statement.text,
                    kind_type(statement.kind),
                    raamwerk_extension(statement),
                );
                if let Some(theme) = statement
                    .theme
                    .as_ref()
                    .and_then(|t| edition.theme(t.as_str()))
                {
                    statement_item["conceptKeywords"] = json!([theme.code.as_str()]);
                    statement_item["conceptKeywordsURI"] =
                        link(&theme.name.nl, theme_id(theme.code.as_str()));
                }
                if !statement.sources.is_empty() {
                    statement_item["notes"] =
                        json!(format!("Bronnen: {}", statement.sources.join(", ")));
                }
                items.push(statement_item);
                associate(
                    "isChildOf",
                    (&statement.text.nl, statement_id),
                    (&area.name.nl, cell_id),
                    Some(pos + 1),
                    None,
                );
            }
        }
    }

    let mut concepts = Vec::new();
    let mut groupings = Vec::new();
    for (pos, theme) in edition.themes().iter().enumerate() {
        let code = theme.code.as_str();
        concepts.push(json!({
            "identifier": theme_id(code).to_string(),
            "uri": uri(theme_id(code)),
            "title": theme.name.nl,
            "keywords": code,
            "hierarchyCode": (pos + 1).to_string(),
            "description": theme.description.nl,
            "lastChangeDateTime": changed,
            "extensions": { "translations": english(&[("title", &theme.name.en), ("description", &theme.description.en)]) },
        }));
        groupings.push(json!({
            "identifier": grouping_id(code).to_string(),
            "uri": uri(grouping_id(code)),
            "title": format!("Thema: {}", theme.name.nl),
            "description": theme.description.nl,
            "lastChangeDateTime": changed,
        }));
        let members = edition.theme_statements(&theme.code);
        for pair in members.windows(2) {
            let [from, to] = pair else { continue };
            associate(
                "isRelatedTo",
                (&from.text.nl, id(edition, &format!("item/{}", from.code))),
                (&to.text.nl, id(edition, &format!("item/{}", to.code))),
                None,
                Some(link(
                    &format!("Thema: {}", theme.name.nl),
                    grouping_id(code),
                )),
            );
        }
    }

    let item_types: Vec<Value> = [&ROLE_TYPE, &AREA_TYPE, &TASK_TYPE, &EXPERTISE_TYPE]
        .iter()
        .map(|t| {
            json!({
                "identifier": type_id(t).to_string(),
                "uri": uri(type_id(t)),
                "title": t.title,
                "description": t.description,
                "hierarchyCode": t.hierarchy,
                "typeCode": t.code,
                "lastChangeDateTime": changed,
            })
        })
        .collect();

    let mut document = json!({
        "identifier": doc_id.to_string(),
        "uri": uri(doc_id),
        "creator": meta.publisher,
        "title": meta.title.nl,
        "lastChangeDateTime": changed,
        "caseVersion": "1.1",
        "publisher": meta.publisher,
        "language": Lang::Nl.code(),
        "version": meta.version,
        "adoptionStatus": "Published",
        "statusStartDate": meta.date.to_string(),
        "notes": meta.attribution.nl,
        "extensions": {
            "translations": english(&[
                ("title", &meta.title.en),
                ("description", &meta.description.en),
                ("notes", &meta.attribution.en),
            ]),
            "raamwerk": { "identifier": meta.identifier, "edition": edition.id().to_string() },
        },
    });
    if !meta.description.nl.is_empty() {
        document["description"] = json!(meta.description.nl);
    }

    json!({
        "CFDocument": document,
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": item_types,
            "CFConcepts": concepts,
            "CFAssociationGroupings": groupings,
        },
    })
}

fn raamwerk_extension(statement: &Statement) -> Value {
    let mut ext = json!({
        "role": statement.role.code(),
        "area": statement.area.code(),
        "kind": statement.kind.name(),
    });
    if let Some(theme) = &statement.theme {
        ext["theme"] = json!(theme.as_str());
    }
    if let Some(depth) = statement.depth {
        ext["depth"] = json!(depth.level());
    }
    ext
}

/// The package as pretty-printed JSON.
pub fn write(edition: &Edition) -> Result<String, crate::FormatError> {
    let mut json = serde_json::to_string_pretty(&package(edition))?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
#[path = "case_tests.rs"]
mod tests;
