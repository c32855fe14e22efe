//! A vision from an empty draft to two published versions: the refusals the issue names
//! (two authors on one section, a link to a statement the framework does not have or hid, a
//! published version edited), each with a clear message and nothing changed; the practice
//! beside a linked task; comparing versions; the documents; another school's 404.

use axum::http::StatusCode;
use domain::allocation::{Assignment, Part, Party};
use domain::{Role, Statement};

use crate::helpers::framework::publish_own;
use crate::helpers::scan::pdf_text;
use crate::helpers::tasks::{code, tasks, year};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, html, on_both_backends};

on_both_backends!(
    a_vision_goes_from_draft_to_versions_beside_the_practice,
    a_link_the_framework_hid_is_kept_and_marked,
);

const VISION: &str = "/nl/scholen/stedelijk-lyceum/visie";
const DRAFT: &str = "/nl/scholen/stedelijk-lyceum/visie/concept";

async fn a_vision_goes_from_draft_to_versions_beside_the_practice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // Nothing published yet; a member reads that, and may not write.
    let page = app.get_with(VISION, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("De school heeft nog geen vastgestelde visie.")
    );
    assert!(!page.body.contains("Naar het concept"));
    let refused = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "inleiding"),
                ("revisie", "0"),
                ("tekst", "Van mij"),
            ],
            &as_member,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        store
            .vision_draft(lyceum.school.id)
            .await
            .expect("draft")
            .revision,
        0
    );

    // The coordinator writes the introduction and the guidance section, linking a task.
    let page = app.get_with(DRAFT, &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Vragen om mee te beginnen"));
    assert!(
        page.body.contains("value=\"BEG.ORI.T1\""),
        "the area's statements to link"
    );
    let saved = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "inleiding"),
                ("revisie", "0"),
                (
                    "tekst",
                    "Wij willen dat elke leerling bewust kiest.\r\n\r\nDaar werken we samen aan.",
                ),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let saved = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "begeleiding"),
                ("revisie", "0"),
                ("tekst", "De mentor voert de loopbaangesprekken."),
                ("koppeling", "BEG.ORI.T1"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);

    // A statement that is not in the framework: refused, the typed text kept.
    let bad = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "samenwerking"),
                ("revisie", "0"),
                ("tekst", "Met het mbo in de regio."),
                ("koppeling", "BEG.SAM.T99"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Niet gewijzigd"), "{}", bad.body);
    assert!(bad.body.contains("BEG.SAM.T99"));
    assert!(bad.body.contains("Met het mbo in de regio.</textarea>"));

    // The administrator opened the introduction before the coordinator saved it: refused,
    // told who saved it, their own text kept and the saved one shown beside it.
    let stale = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "inleiding"),
                ("revisie", "0"),
                ("tekst", "Mijn eigen inleiding"),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let body = stale.body.clone();
    assert!(
        body.contains("Decaan Stedelijk Lyceum heeft dit intussen gewijzigd"),
        "{body}"
    );
    assert!(body.contains("Mijn eigen inleiding</textarea>"));
    assert!(
        body.contains("<blockquote><p>Wij willen dat elke leerling bewust kiest.</p></blockquote>")
    );
    // The form now expects the newer revision: saving again is a deliberate overwrite.
    assert!(stale.body.contains("name=\"revisie\" value=\"1\""));

    // A goal with a field missing is refused naming the field; a whole one is added.
    let goal = |indicator: &'static str| {
        [
            ("op", "add-goal"),
            ("onderdeel", "begeleiding"),
            ("doel", "Elke leerling twee loopbaangesprekken per jaar"),
            ("indicator", indicator),
            ("streefwaarde", "90%"),
            ("eigenaar", "Teamleider onderbouw"),
            ("evaluatie", "2027-06-15"),
        ]
    };
    let bad = app.post_form(DRAFT, &goal(""), &as_coordinator).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Indicator: Vul dit veld in."),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("value=\"Teamleider onderbouw\""),
        "typed values kept"
    );
    let added = app
        .post_form(
            DRAFT,
            &goal("Gesprekken in het volgsysteem"),
            &as_coordinator,
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);

    // Publishing: without a summary, or over a draft that changed since, refused.
    let draft = store.vision_draft(lyceum.school.id).await.expect("draft");
    let revision = draft.revision.to_string();
    let bad = app
        .post_form(
            DRAFT,
            &[
                ("op", "publish"),
                ("revisie", &revision),
                ("samenvatting", " "),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Samenvatting: Vul dit veld in."));
    let bad = app
        .post_form(
            DRAFT,
            &[
                ("op", "publish"),
                ("revisie", "1"),
                ("samenvatting", "Eerste versie"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::CONFLICT);
    assert!(bad.body.contains("Het concept is veranderd"));
    assert!(
        store
            .vision_versions(lyceum.school.id)
            .await
            .expect("list")
            .is_empty()
    );
    let published = app
        .post_form(
            DRAFT,
            &[
                ("op", "publish"),
                ("revisie", &revision),
                ("samenvatting", "Eerste versie"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    assert_eq!(
        published.header("location"),
        format!("{VISION}?klaar=vastgesteld")
    );

    // Every member reads it, with the practice beside the linked task: nobody yet.
    let page = app.get_with(VISION, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body.clone();
    assert!(body.contains("Versie 1, vastgesteld op"), "{body}");
    assert!(body.contains("<p>Wij willen dat elke leerling bewust kiest.</p>"));
    assert!(body.contains("<p>Daar werken we samen aan.</p>"));
    assert!(body.contains("Uren LOB volgens de formule"));
    assert!(
        body.contains("<dt>Verantwoordelijk</dt><dd>nog niemand</dd>"),
        "{body}"
    );
    assert!(body.contains("Elke leerling twee loopbaangesprekken per jaar"));
    // The allocation changes; the vision page shows it at once.
    store
        .add_assignment(
            lyceum.school.id,
            lyceum.coordinator.id,
            year(),
            &Assignment {
                code: code("BEG.ORI.T1"),
                party: Party::Role(Role::Specialist),
                part: Part::Responsible,
            },
            &tasks(&app),
            Default::default(),
        )
        .await
        .expect("agreed");
    let page = app.get_with(VISION, &as_member).await;
    let specialist = app.state.edition().role(Role::Specialist).name.nl.clone();
    assert!(
        page.body.contains(&format!(
            "<dt>Verantwoordelijk</dt><dd>{}</dd>",
            html(&specialist)
        )),
        "{}",
        page.body
    );

    // A published version is never edited: there is no way to post to it.
    let versions = store.vision_versions(lyceum.school.id).await.expect("list");
    let first = [format!("{VISION}/versies/{}", versions[0].id)];
    assert!(
        page.body
            .contains(&format!("href=\"{}/visie.pdf\"", first[0]))
    );
    let edited = app
        .post_form(&first[0], &[("samenvatting", "Stiekem")], &as_coordinator)
        .await;
    assert_eq!(edited.status, StatusCode::METHOD_NOT_ALLOWED);

    // A second version; the two compared paragraph by paragraph.
    let saved = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "inleiding"),
                ("revisie", "1"),
                (
                    "tekst",
                    "Wij willen dat elke leerling bewust kiest.\n\nDaar werken we met ouders aan.",
                ),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let revision = store
        .vision_draft(lyceum.school.id)
        .await
        .expect("draft")
        .revision
        .to_string();
    let published = app
        .post_form(
            DRAFT,
            &[
                ("op", "publish"),
                ("revisie", &revision),
                ("samenvatting", "Ouders erbij"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let versions = store.vision_versions(lyceum.school.id).await.expect("list");
    assert_eq!(versions.len(), 2);
    let compare = format!(
        "{VISION}/vergelijken?van={}&naar={}",
        versions[1].id, versions[0].id
    );
    let page = app.get_with(&compare, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body.clone();
    assert!(
        body.contains("Daar werken we met ouders aan.</ins>"),
        "{body}"
    );
    assert!(body.contains("Daar werken we samen aan.</del>"), "{body}");
    assert!(body.contains("Niet veranderd: Visie en beleid"), "{body}");
    // The older version still says what it said, and points to the newest.
    let page = app.get_with(&first[0], &as_member).await;
    let body = page.body.clone();
    assert!(body.contains("Dit is een eerdere versie."));
    assert!(body.contains("<p>Daar werken we samen aan.</p>"));

    // The documents, for every member.
    let (status, content_type, pdf) = app
        .get_bytes(&format!("{}/visie.pdf", first[0]), &as_member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("Daar werken we samen aan."), "{text}");
    assert!(
        text.contains("Elke leerling twee loopbaangesprekken"),
        "{text}"
    );
    let english = first[0]
        .replace("/nl/scholen/", "/en/schools/")
        .replace("/visie/versies/", "/vision/versions/");
    let (status, content_type, docx) = app
        .get_bytes(&format!("{english}/vision.docx"), &as_member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.contains("wordprocessingml"));
    let text = formats::document::docx::text_of(&docx).expect("docx");
    assert!(text.contains("Orientation and guidance"), "{text}");
    assert!(text.contains("Version 1, published on"), "{text}");

    // Another school's coordinator: the same 404 as for a version that is not there.
    let other = app.session(college.coordinator.id).await;
    let as_other = [("cookie", other.as_str())];
    let theirs = first[0].replace("stedelijk-lyceum", "noorder-college");
    assert_eq!(
        app.get_with(&theirs, &as_other).await.status,
        StatusCode::NOT_FOUND
    );
    let compare = compare.replace("stedelijk-lyceum", "noorder-college");
    assert_eq!(
        app.get_with(&compare, &as_other).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get_with(&first[0], &as_other).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn a_link_the_framework_hid_is_kept_and_marked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let saved = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "begeleiding"),
                ("revisie", "0"),
                ("tekst", "Gesprekken."),
                ("koppeling", "BEG.ORI.T1"),
                ("koppeling", "BEG.ORI.T2"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // The school's own framework hides BEG.ORI.T1.
    publish_own(&app, &lyceum, |statements| {
        for s in statements.iter_mut() {
            if s.statement.code.as_str() == "BEG.ORI.T1" {
                s.hidden = true;
            }
        }
    })
    .await;
    // The draft keeps the link, ticked and marked; saving again keeps it.
    let page = app.get_with(DRAFT, &as_coordinator).await;
    let body = page.body.clone();
    assert!(
        body.contains("value=\"BEG.ORI.T1\" checked> BEG.ORI.T1 <strong class=\"tag\">niet meer in jullie raamwerk</strong>"),
        "{body}"
    );
    let saved = app
        .post_form(
            DRAFT,
            &[
                ("op", "section"),
                ("onderdeel", "begeleiding"),
                ("revisie", "1"),
                ("tekst", "Gesprekken, twee per jaar."),
                ("koppeling", "BEG.ORI.T1"),
                ("koppeling", "BEG.ORI.T2"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let draft = app
        .state
        .store
        .vision_draft(lyceum.school.id)
        .await
        .expect("draft");
    let links = draft
        .vision
        .section(domain::vision::Section::Area(domain::Area::Guidance))
        .links;
    assert_eq!(links, vec![code("BEG.ORI.T1"), code("BEG.ORI.T2")]);
    // Published, the hidden statement keeps the words it had, marked as gone.
    let national = app.state.edition();
    let words: &Statement = national.statement("BEG.ORI.T1").expect("national");
    let published = app
        .post_form(
            DRAFT,
            &[
                ("op", "publish"),
                ("revisie", "2"),
                ("samenvatting", "Eerste"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let page = app.get_with(VISION, &as_coordinator).await;
    let body = page.body.clone();
    assert!(
        body.contains(&format!(
            "BEG.ORI.T1</span> {} <strong class=\"tag\">niet meer in jullie raamwerk</strong>",
            html(&words.text.nl)
        )),
        "{body}"
    );
    app.stop().await;
}
