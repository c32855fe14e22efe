//! CASE 1.1 (1EdTech Competencies and Academic Standards Exchange) CFPackage export; the
//! reader is in [`crate::case_read`].
//!
//! The tree is CFDocument → role → role × area → statement, joined by `isChildOf`
//! associations in the edition's order. CASE 1.1 has one language per document, so a
//! package is written in one language: Dutch by default, with the English text in each
//! object's `extensions.translations.en`; or English, as a translation package whose
//! document and items point to the Dutch ones with `isTranslationOf` (and carry the Dutch in
//! `extensions.translations.nl`). Kind and theme are CASE's own item types and concepts;
//! statements of one theme are linked across roles by `isRelatedTo` associations, grouped
//! per theme. Role, area, kind, depth and tags are in `extensions.raamwerk`. Identifiers are UUIDs
//! derived from the edition's identifier, the language and the codes, so the same statement
//! has the same identifier in every export.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use domain::framework::NAMESPACE;
use domain::{Edition, Kind, Lang, Statement, Text};

use crate::FormatError;

fn uri(id: Uuid) -> String {
    format!("urn:uuid:{id}")
}

/// A LinkURI / LinkGenURI to an object.
fn link(title: &str, id: Uuid) -> Value {
    json!({ "title": title, "identifier": id.to_string(), "uri": uri(id) })
}

#[derive(Clone, Copy)]
enum ItemType {
    Role,
    Area,
    Task,
    Expertise,
}

impl ItemType {
    const ALL: [ItemType; 4] = [
        ItemType::Role,
        ItemType::Area,
        ItemType::Task,
        ItemType::Expertise,
    ];

    fn code(self) -> &'static str {
        match self {
            ItemType::Role => "role",
            ItemType::Area => "area",
            ItemType::Task => "task",
            ItemType::Expertise => "expertise",
        }
    }

    fn hierarchy(self) -> &'static str {
        match self {
            ItemType::Role => "1",
            ItemType::Area => "2",
            ItemType::Task => "3.1",
            ItemType::Expertise => "3.2",
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemType::Role, Lang::Nl) => "Rol",
            (ItemType::Role, Lang::En) => "Role",
            (ItemType::Area, Lang::Nl) => "Aandachtsgebied",
            (ItemType::Area, Lang::En) => "Area",
            (ItemType::Task, Lang::Nl) => "Taak",
            (ItemType::Task, Lang::En) => "Task",
            (ItemType::Expertise, Lang::Nl) => "Deskundigheid",
            (ItemType::Expertise, Lang::En) => "Expertise",
        }
    }

    fn description(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemType::Role, Lang::Nl) => "Een groep professionals (doelgroep) van het raamwerk.",
            (ItemType::Role, Lang::En) => "A group of professionals the framework is about.",
            (ItemType::Area, Lang::Nl) => "Een aandachtsgebied binnen een rol.",
            (ItemType::Area, Lang::En) => "An area within a role.",
            (ItemType::Task, Lang::Nl) => "Rolbeschrijving: wat iemand in deze rol doet.",
            (ItemType::Task, Lang::En) => "Role description: what someone in this role does.",
            (ItemType::Expertise, Lang::Nl) => "Wat iemand in deze rol weet en kan.",
            (ItemType::Expertise, Lang::En) => "What someone in this role knows and can do.",
        }
    }

    fn of(kind: Kind) -> ItemType {
        match kind {
            Kind::Task => ItemType::Task,
            Kind::Expertise => ItemType::Expertise,
        }
    }
}

/// Builds one package of an edition in one language.
struct Writer<'a> {
    edition: &'a Edition,
    lang: Lang,
    changed: String,
    items: Vec<Value>,
    associations: Vec<Value>,
}

impl Writer<'_> {
    /// A UUID for a named thing of this edition's lineage in a language, stable across
    /// exports. Dutch identifiers carry no language part.
    fn id_in(&self, lang: Lang, what: &str) -> Uuid {
        let identifier = &self.edition.meta().identifier;
        let name = match lang {
            Lang::Nl => format!("case:{identifier}/{what}"),
            Lang::En => format!("case:{identifier}/{}/{what}", lang.code()),
        };
        Uuid::new_v5(&NAMESPACE, name.as_bytes())
    }

    fn id(&self, what: &str) -> Uuid {
        self.id_in(self.lang, what)
    }

    /// A text in the package's language; a school's untranslated statement shows its Dutch.
    fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.shown(self.lang)
    }

    /// `{"translations": {"<other language>": {field: text, …}}}` for the fields given.
    fn translations(&self, fields: &[(&str, &Text)]) -> Value {
        let other = self.lang.other();
        let texts: Map<String, Value> = fields
            .iter()
            .filter(|(_, t)| !t.get(other).is_empty())
            .map(|(k, t)| ((*k).to_owned(), Value::String(t.get(other).to_owned())))
            .collect();
        json!({ other.code(): texts })
    }

    fn associate(
        &mut self,
        kind: &str,
        from: (&str, Uuid),
        to: Value,
        extra: Option<(&str, Value)>,
    ) {
        let to_id = to["identifier"].as_str().unwrap_or_default().to_owned();
        let id = self.id(&format!("association/{kind}/{}/{to_id}", from.1));
        let mut association = json!({
            "identifier": id.to_string(),
            "associationType": kind,
            "uri": uri(id),
            "originNodeURI": link(from.0, from.1),
            "destinationNodeURI": to,
            "lastChangeDateTime": self.changed,
        });
        if let Some((key, value)) = extra {
            association[key] = value;
        }
        self.associations.push(association);
    }

    /// A translation package links each of its nodes to the Dutch original.
    fn translation_of(&mut self, own: (&str, Uuid), what: &str, original_title: &str) {
        if self.lang == Lang::Nl {
            return;
        }
        let original = self.id_in(Lang::Nl, what);
        let mut target = link(original_title, original);
        target["targetType"] = json!("CASE");
        self.associate("isTranslationOf", own, target, None);
    }

    /// Adds an item; `what` names it among the edition's things (`role/BEG`, `area/BEG.VIS`,
    /// `item/BEG.VIS.T1`), so that codes of different levels can never share an identifier.
    fn item(
        &mut self,
        what: &str,
        code: &str,
        text: &Text,
        item_type: ItemType,
        raamwerk: Value,
    ) -> Uuid {
        let id = self.id(what);
        let item = json!({
            "identifier": id.to_string(),
            "uri": uri(id),
            "fullStatement": self.text(text),
            "humanCodingScheme": code,
            "CFItemType": item_type.title(self.lang),
            "CFItemTypeURI": link(item_type.title(self.lang), self.id(&format!("type/{}", item_type.code()))),
            "language": self.lang.code(),
            "lastChangeDateTime": self.changed,
            "extensions": {
                "translations": self.translations(&[("fullStatement", text)]),
                "raamwerk": raamwerk,
            },
        });
        self.items.push(item);
        self.translation_of((self.text(text), id), what, &text.nl);
        id
    }

    fn statement(&mut self, statement: &Statement) -> Uuid {
        let what = format!("item/{}", statement.code);
        let kind = ItemType::of(statement.kind);
        let id = self.item(
            &what,
            statement.code.as_str(),
            &statement.text,
            kind,
            raamwerk_extension(statement),
        );
        let theme = statement
            .theme
            .as_ref()
            .and_then(|t| self.edition.theme(t.as_str()));
        let theme_link = theme.map(|t| {
            (
                t.code.as_str(),
                link(self.text(&t.name), self.id(&format!("theme/{}", t.code))),
            )
        });
        let notes = (!statement.sources.is_empty()).then(|| {
            let label = match self.lang {
                Lang::Nl => "Bronnen",
                Lang::En => "Sources",
            };
            format!("{label}: {}", statement.sources.join(", "))
        });
        if let Some(item) = self.items.last_mut() {
            if let Some((code, link)) = theme_link {
                item["conceptKeywords"] = json!([code]);
                item["conceptKeywordsURI"] = link;
            }
            if let Some(notes) = notes {
                item["notes"] = json!(notes);
            }
        }
        id
    }

    fn tree(&mut self, document: (&str, Uuid)) {
        let edition = self.edition;
        for (role_pos, role) in edition.roles().iter().enumerate() {
            let role_code = role.key.code();
            let extension = json!({ "role": role_code });
            let role_id = self.item(
                &format!("role/{role_code}"),
                role_code,
                &role.name,
                ItemType::Role,
                extension,
            );
            let sequence = Some(("sequenceNumber", json!(role_pos + 1)));
            self.associate(
                "isChildOf",
                (self.text(&role.name), role_id),
                link(document.0, document.1),
                sequence,
            );
            for (area_pos, area) in edition.areas().iter().enumerate() {
                let cell = format!("{role_code}.{}", area.key.code());
                let extension = json!({ "role": role_code, "area": area.key.code() });
                let cell_id = self.item(
                    &format!("area/{cell}"),
                    &cell,
                    &area.name,
                    ItemType::Area,
                    extension,
                );
                let sequence = Some(("sequenceNumber", json!(area_pos + 1)));
                let parent = link(self.text(&role.name), role_id);
                self.associate(
                    "isChildOf",
                    (self.text(&area.name), cell_id),
                    parent,
                    sequence,
                );
                let in_cell = edition
                    .statements()
                    .iter()
                    .filter(|s| s.role == role.key && s.area == area.key);
                for (pos, statement) in in_cell.enumerate() {
                    let id = self.statement(statement);
                    let sequence = Some(("sequenceNumber", json!(pos + 1)));
                    let parent = link(self.text(&area.name), cell_id);
                    self.associate(
                        "isChildOf",
                        (self.text(&statement.text), id),
                        parent,
                        sequence,
                    );
                }
            }
        }
    }

    /// Theme concepts and groupings, and the `isRelatedTo` links between a theme's statements.
    fn themes(&mut self) -> (Vec<Value>, Vec<Value>) {
        let edition = self.edition;
        let mut concepts = Vec::new();
        let mut groupings = Vec::new();
        let prefix = match self.lang {
            Lang::Nl => "Thema",
            Lang::En => "Theme",
        };
        for (pos, theme) in edition.themes().iter().enumerate() {
            let code = theme.code.as_str();
            let concept_id = self.id(&format!("theme/{code}"));
            let grouping_id = self.id(&format!("grouping/{code}"));
            concepts.push(json!({
                "identifier": concept_id.to_string(),
                "uri": uri(concept_id),
                "title": self.text(&theme.name),
                "keywords": code,
                "hierarchyCode": (pos + 1).to_string(),
                "description": self.text(&theme.description),
                "lastChangeDateTime": self.changed,
                "extensions": { "translations": self.translations(&[("title", &theme.name), ("description", &theme.description)]) },
            }));
            let grouping_title = format!("{prefix}: {}", self.text(&theme.name));
            groupings.push(json!({
                "identifier": grouping_id.to_string(),
                "uri": uri(grouping_id),
                "title": grouping_title,
                "description": self.text(&theme.description),
                "lastChangeDateTime": self.changed,
            }));
            let members = edition.theme_statements(&theme.code);
            for pair in members.windows(2) {
                let [from, to] = pair else { continue };
                let from_id = self.id(&format!("item/{}", from.code));
                let to_id = self.id(&format!("item/{}", to.code));
                let grouping = Some((
                    "CFAssociationGroupingURI",
                    link(&grouping_title, grouping_id),
                ));
                self.associate(
                    "isRelatedTo",
                    (self.text(&from.text), from_id),
                    link(self.text(&to.text), to_id),
                    grouping,
                );
            }
        }
        (concepts, groupings)
    }

    fn item_types(&self) -> Vec<Value> {
        ItemType::ALL
            .iter()
            .map(|t| {
                let id = self.id(&format!("type/{}", t.code()));
                json!({
                    "identifier": id.to_string(),
                    "uri": uri(id),
                    "title": t.title(self.lang),
                    "description": t.description(self.lang),
                    "hierarchyCode": t.hierarchy(),
                    "typeCode": t.code(),
                    "lastChangeDateTime": self.changed,
                })
            })
            .collect()
    }
}

/// Builds the CFPackage of an edition in a language (see the module documentation).
pub fn package(edition: &Edition, lang: Lang) -> Value {
    let meta = edition.meta();
    let mut writer = Writer {
        edition,
        lang,
        changed: format!("{}T00:00:00Z", meta.date),
        items: Vec::new(),
        associations: Vec::new(),
    };
    let doc_id = writer.id("document");
    let title = meta.title.get(lang);
    writer.translation_of((title, doc_id), "document", &meta.title.nl);
    writer.tree((title, doc_id));
    let (concepts, groupings) = writer.themes();

    let mut document = json!({
        "identifier": doc_id.to_string(),
        "uri": uri(doc_id),
        "creator": meta.publisher,
        "title": title,
        "lastChangeDateTime": writer.changed,
        "caseVersion": "1.1",
        "publisher": meta.publisher,
        "language": lang.code(),
        "version": meta.version,
        "adoptionStatus": "Published",
        "statusStartDate": meta.date.to_string(),
        "notes": meta.attribution.get(lang),
        "extensions": {
            "translations": writer.translations(&[
                ("title", &meta.title),
                ("description", &meta.description),
                ("notes", &meta.attribution),
            ]),
            "raamwerk": { "identifier": meta.identifier, "edition": edition.id().to_string() },
        },
    });
    if let Some(based_on) = meta.based_on {
        document["extensions"]["raamwerk"]["basedOn"] = json!(based_on.to_string());
    }
    if !meta.description.get(lang).is_empty() {
        document["description"] = json!(meta.description.get(lang));
    }
    let item_types = writer.item_types();
    json!({
        "CFDocument": document,
        "CFItems": writer.items,
        "CFAssociations": writer.associations,
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
    if !statement.tags.is_empty() {
        ext["tags"] = json!(
            statement
                .tags
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
        );
    }
    ext
}

/// The package as pretty-printed JSON.
pub fn write(edition: &Edition, lang: Lang) -> Result<String, FormatError> {
    let mut json = serde_json::to_string_pretty(&package(edition, lang))?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
#[path = "case_tests.rs"]
mod tests;
