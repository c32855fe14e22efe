//! Editions over time: answers carry over to a round on a new edition, a national update
//! keeps the school's own work, and every format downloads and reads back; on both backends.

use axum::http::StatusCode;
use domain::framework::draft::{self, Edit};
use domain::scan::{Change, Choice, Period, RoundName};
use domain::{Area, Code, Depth, Edition, Kind, Role, Tag, Text};
use formats::exchange::Exchange;

use crate::helpers::framework::{code, publish_own};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, html, on_both_backends};

on_both_backends!(
    answers_carry_over_to_a_round_on_the_new_edition,
    a_new_national_edition_is_taken_over_keeping_the_schools_own_work,
    a_national_rewording_keeps_the_schools_wording_unless_chosen,
    the_national_wording_replaces_the_schools_only_when_chosen,
    every_format_downloads_and_reads_back,
);

async fn answers_carry_over_to_a_round_on_the_new_edition(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let period = Period::parse("2026-09-01", "").expect("valid");
    let first = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &RoundName::parse("najaar").expect("valid"),
            period,
            app.state.edition().id(),
        )
        .await
        .expect("round");
    let (t1, t2) = (code("BEG.VIS.T1"), code("BEG.VIS.T2"));
    store
        .save_scan(
            school,
            first.id,
            lyceum.member.id,
            &[
                Change::Choice(t1.clone(), Some(Choice::parse("ja").expect("valid"))),
                Change::Choice(t2.clone(), Some(Choice::parse("deels").expect("valid"))),
            ],
        )
        .await
        .expect("saved");
    store
        .close_round(school, lyceum.coordinator.id, first.id)
        .await
        .expect("closed");
    // The school hides T2 and publishes; the next round uses that edition.
    let hide = t2.clone();
    let own = publish_own(&app, &lyceum, move |s| {
        draft::apply(s, &hide, Edit::Hide).expect("hidden");
    })
    .await;
    let second = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &RoundName::parse("voorjaar").expect("valid"),
            period,
            own.id(),
        )
        .await
        .expect("round");
    let mine = store
        .my_scan(school, second.id, lyceum.member.id)
        .await
        .expect("scan");
    assert_eq!(
        mine.content.answers.get(&t1).and_then(|a| a.choice),
        Some(Choice::parse("ja").expect("valid"))
    );
    assert!(
        !mine.content.answers.contains_key(&t2),
        "T2 is not in the new edition"
    );
    assert!(!mine.started, "carried answers are not a start");
    let statuses = store
        .scan_statuses(school, second.id)
        .await
        .expect("statuses");
    assert!(statuses.iter().all(|s| !s.started));
    // Once the member saves, the scan counts as started.
    store
        .save_scan(
            school,
            second.id,
            lyceum.member.id,
            &[Change::Choice(t1.clone(), None)],
        )
        .await
        .expect("saved");
    assert!(
        store
            .my_scan(school, second.id, lyceum.member.id)
            .await
            .expect("scan")
            .started
    );
    // The first round still reads on the national edition, with both answers.
    let old = store
        .my_scan(school, first.id, lyceum.member.id)
        .await
        .expect("scan");
    assert_eq!(old.content.answers.len(), 2);
    assert_eq!(
        store
            .round_edition(school, first.id)
            .await
            .expect("edition"),
        Some(app.state.edition().id())
    );
    let page = app
        .get_with(
            &format!(
                "/nl/scholen/stedelijk-lyceum/rondes/{}/begeleider/visie-en-beleid",
                first.id
            ),
            &[("cookie", &app.session(lyceum.member.id).await)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("BEG.VIS.T2"));
    // Another school's edition is not there for this school.
    assert!(
        store
            .school_edition(other.school.id, own.id())
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        store
            .school_edition(school, own.id())
            .await
            .expect("read")
            .is_some()
    );
    let cookie = app.session(other.coordinator.id).await;
    for path in [
        format!("/nl/scholen/rivierenland/raamwerk/versies/{}", own.id()),
        format!(
            "/nl/scholen/rivierenland/raamwerk/versies/{}/bestand/json",
            own.id()
        ),
        format!(
            "/nl/scholen/rivierenland/raamwerk/vergelijken?van={}&naar={}",
            own.id(),
            own.id()
        ),
    ] {
        let page = app.get_with(&path, &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!page.body.contains("Stedelijk"));
    }
    app.stop().await;
}

async fn a_new_national_edition_is_taken_over_keeping_the_schools_own_work(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let own = publish_own(&app, &lyceum, |s| {
        draft::add(
            s,
            Role::Mentor,
            Area::Vision,
            Kind::Task,
            Text::new("Eigen taak.", ""),
            None,
            vec![Tag::School],
        )
        .expect("added");
        draft::apply(
            s,
            &Code::parse("BEG.VIS.T2").expect("valid"),
            Edit::Reword(Text::new("Eigen woorden.", "Own words.")),
        )
        .expect("reworded");
    })
    .await;
    // The operator imports a new national edition: one statement reworded, one removed.
    let previous = app.state.edition().id();
    let mut parts = app.state.edition().parts().clone();
    parts.meta.version = "2027.1".into();
    parts.statements[0].text = Text::new("Landelijk nieuw geformuleerd.", "Reworded nationally.");
    let removed = parts.statements.remove(3).code;
    let national = Edition::new(parts).expect("valid");
    store.ensure_edition(&national).await.expect("stored");

    let coordinator = app.session(lyceum.coordinator.id).await;
    let headers = [("cookie", coordinator.as_str())];
    let framework = app
        .get_with("/nl/scholen/stedelijk-lyceum/raamwerk", &headers)
        .await;
    assert!(
        framework
            .body
            .contains("Landelijke editie 2027.1 is verschenen")
    );
    let path = "/nl/scholen/stedelijk-lyceum/raamwerk/landelijk";
    let page = app.get_with(path, &headers).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Landelijk nieuw geformuleerd."));
    assert!(page.body.contains(removed.as_str()));
    // A member reads it but cannot take anything over.
    let member = app.session(lyceum.member.id).await;
    let refused = app
        .post_form(path, &[("take", "all")], &[("cookie", &member)])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // One change, then all.
    let one = app
        .post_form(path, &[("take", "BEG.VIS.T1")], &headers)
        .await;
    assert_eq!(one.status, StatusCode::SEE_OTHER);
    let draft = store
        .draft(school)
        .await
        .expect("read")
        .expect("a draft was started");
    assert_eq!(
        draft.statements[0].statement.text.nl,
        "Landelijk nieuw geformuleerd."
    );
    assert_eq!(draft.based_on, previous, "not all taken over yet");
    let all = app.post_form(path, &[("take", "all")], &headers).await;
    assert_eq!(all.status, StatusCode::SEE_OTHER);
    let draft = store.draft(school).await.expect("read").expect("there");
    assert_eq!(draft.based_on, national.id());
    assert!(
        draft
            .statements
            .iter()
            .any(|d| d.statement.code == removed && d.hidden)
    );
    let t2 = draft
        .statements
        .iter()
        .find(|d| d.statement.code.as_str() == "BEG.VIS.T2")
        .expect("kept");
    assert_eq!(
        t2.statement.text.nl, "Eigen woorden.",
        "the school's wording stays"
    );
    assert!(
        draft
            .statements
            .iter()
            .any(|d| d.statement.code.as_str() == "EIGEN.BEG.VIS.T1")
    );
    let page = app.get_with(path, &headers).await;
    assert!(page.body.contains("is bij met landelijke editie 2027.1"));
    let published = app
        .post_form(
            "/nl/scholen/stedelijk-lyceum/raamwerk/concept/publiceren",
            &[
                ("summary", "Landelijke editie 2027.1 overgenomen."),
                ("revision", &draft.revision.to_string()),
            ],
            &headers,
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let editions = store.school_editions(school).await.expect("list");
    assert_eq!(editions.len(), 2);
    assert_eq!(editions[0].based_on, Some(national.id()));
    assert_eq!(editions[1].id, own.id());
    app.stop().await;
}

async fn every_format_downloads_and_reads_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let own = publish_own(&app, &lyceum, |s| {
        draft::add(
            s,
            Role::Coordinator,
            Area::Cooperation,
            Kind::Expertise,
            Text::new("=SOM(A1) is geen formule.", ""),
            None,
            vec![Tag::Own("zorg & techniek".into())],
        )
        .expect("added");
    })
    .await;
    let cookie = app.session(lyceum.member.id).await;
    for format in Exchange::ALL {
        let path = format!(
            "/nl/scholen/stedelijk-lyceum/raamwerk/versies/{}/bestand/{}",
            own.id(),
            format.name()
        );
        let (status, content_type, bytes) = app.get_bytes(&path, &[("cookie", &cookie)]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(content_type, format.media_type());
        // Named for what it is: the school and its version.
        assert_eq!(
            app.get_with(&path, &[("cookie", &cookie)])
                .await
                .header("content-disposition"),
            format!(
                "attachment; filename=\"raamwerk-stedelijk-lyceum-versie-{}.{}\"",
                own.meta().version,
                format.extension()
            )
        );
        if format.readable() {
            let back = format
                .read(&bytes, domain::Lang::Nl, &app.state.edition(), None)
                .expect("reads back")
                .edition;
            assert_eq!(back, own, "{}", format.name());
        }
    }
    let unknown = app
        .get_with(
            &format!(
                "/nl/scholen/stedelijk-lyceum/raamwerk/versies/{}/bestand/pdf",
                own.id()
            ),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The school words BEG.VIS.T3 in its own way and publishes that; gives the statement's code.
async fn reword_t3_ourselves(app: &TestApp, lyceum: &crate::helpers::team::Team) -> Code {
    let t3 = Code::parse("BEG.VIS.T3").expect("valid");
    let mine = t3.clone();
    publish_own(app, lyceum, move |s| {
        draft::apply(
            s,
            &mine,
            Edit::Reword(Text::new("Zoals wij het zeggen.", "As we say it.")),
        )
        .expect("reworded");
    })
    .await;
    t3
}

async fn a_national_rewording_keeps_the_schools_wording_unless_chosen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let t3 = reword_t3_ourselves(&app, &lyceum).await;
    // The new national edition rewords BEG.VIS.T3 and gives it another depth, and rewords
    // BEG.VIS.T1, which the school left as it was.
    let mut parts = app.state.edition().parts().clone();
    parts.meta.version = "2027.1".into();
    let at = |parts: &domain::EditionParts, code: &str| {
        parts
            .statements
            .iter()
            .position(|s| s.code.as_str() == code)
            .expect("a national statement")
    };
    let (i3, i1) = (at(&parts, "BEG.VIS.T3"), at(&parts, "BEG.VIS.T1"));
    let old_t3 = parts.statements[i3].text.nl.clone();
    let old_depth = parts.statements[i3].depth;
    parts.statements[i3].text = Text::new("Landelijk anders gezegd.", "Said otherwise nationally.");
    parts.statements[i3].depth = Some(match old_depth {
        Some(Depth::Steering) => Depth::Foundation,
        _ => Depth::Steering,
    });
    parts.statements[i1].text = Text::new("Landelijk nieuw voor T1.", "New for T1.");
    let national = Edition::new(parts).expect("valid");
    store.ensure_edition(&national).await.expect("stored");

    let coordinator = app.session(lyceum.coordinator.id).await;
    let headers = [("cookie", coordinator.as_str())];
    let path = "/nl/scholen/stedelijk-lyceum/raamwerk/landelijk";
    let page = app.get_with(path, &headers).await;
    let body = &page.body;
    // The school's wording beside the national old and new, and the depth before and after.
    assert!(
        body.contains("<dt>Jullie tekst</dt><dd>Zoals wij het zeggen.</dd>"),
        "{body}"
    );
    assert!(body.contains(&format!(
        "<dt>Landelijk, was</dt><dd><del>{}</del></dd>",
        html(&old_t3)
    )));
    assert!(body.contains("<dt>Landelijk, nu</dt><dd>Landelijk anders gezegd.</dd>"));
    assert!(body.contains("Diepgang: was "), "{body}");
    assert!(body.contains("Overnemen, eigen tekst houden"));
    assert!(body.contains("Landelijke tekst overnemen"));
    let text_of = |app: &TestApp, code: &'static str| {
        let store = app.state.store.clone();
        async move {
            let draft = store.draft(school).await.expect("read").expect("a draft");
            let d = draft
                .statements
                .iter()
                .find(|d| d.statement.code.as_str() == code)
                .expect("there")
                .statement
                .clone();
            (d.text.nl, d.depth)
        }
    };

    // Taking it over keeps the school's wording and brings the new depth.
    let kept = app
        .post_form(path, &[("take", "BEG.VIS.T3")], &headers)
        .await;
    assert_eq!(kept.status, StatusCode::SEE_OTHER);
    let (text, depth) = text_of(&app, "BEG.VIS.T3").await;
    assert_eq!(text, "Zoals wij het zeggen.");
    assert_eq!(depth, national.statement(t3.as_str()).expect("there").depth);
    let page = app.get_with(path, &headers).await;
    assert!(page.body.contains("Jullie eigen formulering blijft staan."));
    // "Take all" keeps it too, and brings the national text where the school had its own none.
    let all = app.post_form(path, &[("take", "all")], &headers).await;
    assert_eq!(all.status, StatusCode::SEE_OTHER);
    assert_eq!(text_of(&app, "BEG.VIS.T3").await.0, "Zoals wij het zeggen.");
    assert_eq!(
        text_of(&app, "BEG.VIS.T1").await.0,
        "Landelijk nieuw voor T1."
    );
    app.stop().await;
}

async fn the_national_wording_replaces_the_schools_only_when_chosen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let t3 = reword_t3_ourselves(&app, &lyceum).await;
    let mut parts = app.state.edition().parts().clone();
    parts.meta.version = "2027.1".into();
    let i3 = parts
        .statements
        .iter()
        .position(|s| s.code == t3)
        .expect("a national statement");
    parts.statements[i3].text = Text::new("Landelijk anders gezegd.", "Said otherwise nationally.");
    store
        .ensure_edition(&Edition::new(parts).expect("valid"))
        .await
        .expect("stored");
    let coordinator = app.session(lyceum.coordinator.id).await;
    let path = "/nl/scholen/stedelijk-lyceum/raamwerk/landelijk";
    let chosen = app
        .post_form(
            path,
            &[("take", "BEG.VIS.T3"), ("tekst", "landelijk")],
            &[("cookie", coordinator.as_str())],
        )
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    let draft = store
        .draft(lyceum.school.id)
        .await
        .expect("read")
        .expect("a draft");
    let d = draft
        .statements
        .iter()
        .find(|d| d.statement.code == t3)
        .expect("there");
    assert_eq!(d.statement.text.nl, "Landelijk anders gezegd.");
    app.stop().await;
}
