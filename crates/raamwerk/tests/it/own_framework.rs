//! A school's own framework, on both backends: the draft and its changes through the pages,
//! two coordinators who never overwrite each other, publishing, history and comparison,
//! answers carried over to a round on the new edition, a new national edition taken over,
//! downloads that read back, and nothing of it reaching another school.

use axum::http::StatusCode;
use domain::framework::Date;
use domain::framework::draft::{self, DraftStatement, Edit, Publication};
use domain::scan::{Change, Choice, Period, RoundName};
use domain::{Area, Code, Edition, Kind, Role, Tag, Text};
use formats::exchange::Exchange;
use store::{DraftFailure, DraftRefusal, Expect};

use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::members::{Team, team};

on_both_backends!(
    a_coordinator_makes_the_framework_the_schools_own,
    two_coordinators_never_overwrite_each_other,
    answers_carry_over_to_a_round_on_the_new_edition,
    a_new_national_edition_is_taken_over_keeping_the_schools_own_work,
    every_format_downloads_and_reads_back,
    case_endpoints_serve_national_and_openly_published_editions_only,
    files_are_imported_through_the_page_and_the_api,
);

/// A multipart form with a format and a file, as a browser sends the upload form.
fn upload(format: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----raamwerk-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n{format}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"raamwerk\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

/// Publishes an edition of the school's own through the store, made by `change` from the
/// edition the school works with; returns it.
pub async fn publish_own(
    app: &TestApp,
    team: &Team,
    change: impl FnOnce(&mut Vec<DraftStatement>) + Send + 'static,
) -> Edition {
    let store = &app.state.store;
    let school = team.school.id;
    let by = team.coordinator.name.as_str();
    let current = match store.school_editions(school).await.expect("list").first() {
        Some(own) => store.edition(own.id).await.expect("load").expect("there"),
        None => app.state.edition.clone(),
    };
    let national = app.state.edition.id();
    store
        .start_draft(school, team.coordinator.id, by, &current, national)
        .await
        .expect("draft");
    store
        .change_draft(
            school,
            team.coordinator.id,
            by,
            None,
            None,
            Box::new(move |statements| {
                change(statements);
                Ok(())
            }),
        )
        .await
        .expect("changed");
    let draft = store.draft(school).await.expect("read").expect("there");
    let version = (store.school_editions(school).await.expect("list").len() + 1).to_string();
    let edition = draft::publish(
        &draft.statements,
        Publication {
            from: &current,
            more_themes: &[],
            based_on: national,
            identifier: format!("school-{}", school.0),
            version,
            date: Date::new(2026, 11, 25).expect("valid"),
            publisher: team.school.name.to_string(),
            title: Text::new(
                format!("Raamwerk LOB van {}", team.school.name),
                format!("Framework of {}", team.school.name),
            ),
            summary: "Eigen versie.".into(),
        },
    )
    .expect("publishable");
    store
        .publish_draft(school, team.coordinator.id, by, &edition, draft.revision)
        .await
        .expect("published");
    edition
}

async fn a_coordinator_makes_the_framework_the_schools_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let as_member = [("cookie", member.as_str())];
    let base = "/nl/scholen/stedelijk-lyceum/raamwerk";
    let draft_path = format!("{base}/concept");

    // Everyone reads the framework page; only coordinators may start a draft.
    let page = app.get_with(base, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("De school werkt met de landelijke editie")
    );
    assert!(!page.body.contains("Concept beginnen"));
    let refused = app.post_form(&draft_path, &[], &as_member).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        app.state
            .store
            .draft(lyceum.school.id)
            .await
            .expect("read")
            .is_none()
    );
    let page = app.get_with(base, &as_coordinator).await;
    assert!(page.body.contains("Concept beginnen"));
    let started = app.post_form(&draft_path, &[], &as_coordinator).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let draft_page = app.get_with(&draft_path, &as_coordinator).await;
    assert_eq!(draft_page.status, StatusCode::OK);
    assert!(draft_page.body.contains("geen wijzigingen"));
    assert!(draft_page.body.contains("BEG.VIS.T1"));

    // Add a regional task without English.
    let added = app
        .post_form(
            &format!("{draft_path}/toevoegen"),
            &[
                ("role", "BEG"),
                ("area", "ORI"),
                ("kind", "task"),
                (
                    "nl",
                    "Bespreekt met de leerling de stagemogelijkheden in de Betuwe.",
                ),
                ("en", ""),
                ("depth", "1"),
                ("tag_regional", "1"),
                ("tags_own", "stage"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    // Bad input: no Dutch text, a tag with a comma is two tags but one too long is refused.
    let long = "x".repeat(41);
    let bad = app
        .post_form(
            &format!("{draft_path}/toevoegen"),
            &[
                ("role", "BEG"),
                ("area", "ORI"),
                ("kind", "task"),
                ("nl", " "),
                ("tags_own", &long),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Vul de Nederlandse tekst in."));
    assert!(bad.body.contains("is geen geldig label"));

    // Reword, move, hide, set the depth: each through its own form, with the revision seen.
    let statement = format!("{draft_path}/BEG.VIS.T1");
    let edit = app.get_with(&statement, &as_coordinator).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(edit.body.contains("name=\"revision\" value=\"0\""));
    let reworded = app
        .post_form(
            &statement,
            &[
                ("op", "reword"),
                ("revision", "0"),
                ("nl", "Maakt de visie op LOB samen met collega's."),
                ("en", ""),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(reworded.status, StatusCode::SEE_OTHER);
    // The same form again, with the revision it had: someone (here: oneself) changed it since.
    let stale = app
        .post_form(
            &statement,
            &[
                ("op", "reword"),
                ("revision", "0"),
                ("nl", "Iets anders."),
                ("en", ""),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale
            .body
            .contains("heeft deze uitspraak intussen gewijzigd")
    );
    assert!(
        stale
            .body
            .contains("Maakt de visie op LOB samen met collega&#39;s.")
    );
    let moved = app
        .post_form(
            &format!("{draft_path}/BEG.VIS.T2"),
            &[
                ("op", "move"),
                ("revision", "0"),
                ("role", "SPE"),
                ("area", "ORG"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let hidden = app
        .post_form(
            &format!("{draft_path}/BEG.VIS.T3"),
            &[("op", "hide"), ("revision", "0")],
            &as_coordinator,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    let unknown = app
        .post_form(
            &statement,
            &[("op", "explode"), ("revision", "1")],
            &as_coordinator,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The draft lists every change as a change.
    let draft_page = app.get_with(&draft_path, &as_coordinator).await;
    for expected in [
        "1 toegevoegd",
        "1 verwijderd of verborgen",
        "1 anders geformuleerd",
        "1 verplaatst",
        "EIGEN.BEG.ORI.T1",
        "stagemogelijkheden in de Betuwe",
    ] {
        assert!(draft_page.body.contains(expected), "{expected}");
    }
    // A member sees no draft.
    let not_for_members = app.get_with(&draft_path, &as_member).await;
    assert_eq!(not_for_members.status, StatusCode::FORBIDDEN);

    // Publishing needs a summary and the revision that was reviewed.
    let revision = app
        .state
        .store
        .draft(lyceum.school.id)
        .await
        .expect("read")
        .expect("there")
        .revision;
    let no_summary = app
        .post_form(
            &format!("{draft_path}/publiceren"),
            &[("summary", ""), ("revision", &revision.to_string())],
            &as_coordinator,
        )
        .await;
    assert_eq!(no_summary.status, StatusCode::UNPROCESSABLE_ENTITY);
    let stale = app
        .post_form(
            &format!("{draft_path}/publiceren"),
            &[
                ("summary", "Regionale stage."),
                ("revision", &(revision - 1).to_string()),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale
            .body
            .contains("Het concept is gewijzigd sinds je het bekeek")
    );
    let published = app
        .post_form(
            &format!("{draft_path}/publiceren"),
            &[
                ("summary", "Regionale stage."),
                ("revision", &revision.to_string()),
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
    assert!(
        app.state
            .store
            .draft(lyceum.school.id)
            .await
            .expect("read")
            .is_none()
    );

    // The history lists version 1; its page shows the statements, English falling back.
    let editions = app
        .state
        .store
        .school_editions(lyceum.school.id)
        .await
        .expect("list");
    assert_eq!(editions.len(), 1);
    assert_eq!(editions[0].version, "1");
    assert_eq!(editions[0].summary, "Regionale stage.");
    assert_eq!(editions[0].published_by, lyceum.coordinator.name.as_str());
    let page = app.get_with(base, &as_member).await;
    assert!(page.body.contains("Regionale stage."));
    let own = app
        .get_with(
            &format!(
                "/en/schools/stedelijk-lyceum/framework/versions/{}",
                editions[0].id
            ),
            &as_member,
        )
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(
        own.body
            .contains("lang=\"nl\">Bespreekt met de leerling de stagemogelijkheden")
    );
    assert!(own.body.contains("Dutch only"));
    assert!(own.body.contains("regional"));
    assert!(
        !own.body.contains("BEG.VIS.T3"),
        "hidden statements are left out"
    );
    let edition = app
        .state
        .store
        .edition(editions[0].id)
        .await
        .expect("load")
        .expect("there");
    assert_eq!(
        edition.statement("BEG.VIS.T2").map(|s| s.role),
        Some(Role::Specialist)
    );

    // Comparing the national edition with it shows what changed.
    let compare = app
        .get_with(
            &format!(
                "{base}/vergelijken?van={}&naar={}",
                app.state.edition.id(),
                editions[0].id
            ),
            &as_member,
        )
        .await;
    assert_eq!(compare.status, StatusCode::OK);
    assert!(compare.body.contains("anders geformuleerd"));
    assert!(compare.body.contains("verplaatst"));
    assert!(compare.body.contains("EIGEN.BEG.ORI.T1"));
    let nonsense = app
        .get_with(&format!("{base}/vergelijken?van=x&naar=y"), &as_member)
        .await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);

    // A round opened now uses the school's edition.
    let rounds = app
        .post_form(
            "/nl/scholen/stedelijk-lyceum/rondes",
            &[
                ("name", "najaar 2026"),
                ("starts", "2026-11-25"),
                ("ends", ""),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(rounds.status, StatusCode::SEE_OTHER);
    let round = app
        .state
        .store
        .rounds(lyceum.school.id)
        .await
        .expect("rounds")[0]
        .clone();
    assert_eq!(round.edition, editions[0].id);
    app.stop().await;
}

async fn two_coordinators_never_overwrite_each_other(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let (a, b) = (&lyceum.coordinator, &lyceum.admin);
    store
        .start_draft(
            school,
            a.id,
            a.name.as_str(),
            &app.state.edition,
            app.state.edition.id(),
        )
        .await
        .expect("started");
    let again = store
        .start_draft(
            school,
            b.id,
            b.name.as_str(),
            &app.state.edition,
            app.state.edition.id(),
        )
        .await;
    assert!(matches!(
        again,
        Err(DraftFailure::Refused(DraftRefusal::DraftExists))
    ));
    let seen = store.draft(school).await.expect("read").expect("there");
    let t1 = code("BEG.VIS.T1");
    let reword = |text: &str| {
        let edit = Edit::Reword(Text::new(text, ""));
        let target = t1.clone();
        Box::new(move |s: &mut Vec<DraftStatement>| draft::apply(s, &target, edit))
            as store::DraftChange<'static, ()>
    };
    let expect = |revision| {
        Some(Expect {
            code: t1.clone(),
            revision,
        })
    };
    store
        .change_draft(
            school,
            a.id,
            a.name.as_str(),
            expect(0),
            None,
            reword("Versie van A."),
        )
        .await
        .expect("A's change");
    // B saw revision 0 too: refused, naming A; A's words stay.
    let refused = store
        .change_draft(
            school,
            b.id,
            b.name.as_str(),
            expect(0),
            None,
            reword("Versie van B."),
        )
        .await;
    match refused {
        Err(DraftFailure::Refused(DraftRefusal::StatementChanged { by, .. })) => {
            assert_eq!(by, a.name.as_str());
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // B changing another statement is no conflict at all.
    let t2 = code("BEG.VIS.T2");
    store
        .change_draft(
            school,
            b.id,
            b.name.as_str(),
            Some(Expect {
                code: t2.clone(),
                revision: 0,
            }),
            None,
            Box::new(move |s| draft::apply(s, &t2, Edit::Hide)),
        )
        .await
        .expect("B's change");
    let now = store.draft(school).await.expect("read").expect("there");
    assert_eq!(now.statements[0].statement.text.nl, "Versie van A.");
    assert_eq!(now.mark(&t1).map(|m| m.revision), Some(1));
    assert!(now.revision > seen.revision);
    // A member is refused, and a refused change writes nothing.
    let member = store
        .change_draft(
            school,
            lyceum.member.id,
            "lid",
            None,
            None,
            reword("Van een lid."),
        )
        .await;
    assert!(matches!(
        member,
        Err(DraftFailure::Refused(DraftRefusal::NotAllowed))
    ));
    let invalid = store
        .change_draft(school, a.id, a.name.as_str(), expect(1), None, reword("  "))
        .await;
    assert!(matches!(
        invalid,
        Err(DraftFailure::Refused(DraftRefusal::Invalid(_)))
    ));
    assert_eq!(
        store.draft(school).await.expect("read").expect("there"),
        now
    );
    // Publishing what was reviewed before B's change is refused.
    let edition = draft::publish(
        &now.statements,
        Publication {
            from: &app.state.edition,
            more_themes: &[],
            based_on: app.state.edition.id(),
            identifier: format!("school-{}", school.0),
            version: "1".into(),
            date: Date::new(2026, 11, 25).expect("valid"),
            publisher: "Stedelijk Lyceum".into(),
            title: Text::new("Raamwerk", "Framework"),
            summary: "Eerste.".into(),
        },
    )
    .expect("publishable");
    let stale = store
        .publish_draft(school, a.id, a.name.as_str(), &edition, seen.revision)
        .await;
    assert!(matches!(
        stale,
        Err(DraftFailure::Refused(DraftRefusal::DraftChanged))
    ));
    store
        .publish_draft(school, a.id, a.name.as_str(), &edition, now.revision)
        .await
        .expect("published");
    let twice = store
        .publish_draft(school, a.id, a.name.as_str(), &edition, now.revision)
        .await;
    assert!(matches!(
        twice,
        Err(DraftFailure::Refused(DraftRefusal::NoDraft))
    ));
    app.stop().await;
}

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
            app.state.edition.id(),
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
        Some(app.state.edition.id())
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
    let mut parts = app.state.edition.parts().clone();
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
    assert_eq!(
        draft.based_on,
        app.state.edition.id(),
        "not all taken over yet"
    );
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
        if format.readable() {
            let back = format
                .read(&bytes, domain::Lang::Nl, &app.state.edition, None)
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

async fn case_endpoints_serve_national_and_openly_published_editions_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let json = |page: &crate::helpers::Page| -> serde_json::Value {
        serde_json::from_str(&page.body).expect("JSON")
    };
    let base = "/ims/case/v1p1";
    let list = app.get(&format!("{base}/CFDocuments")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        json(&list)["CFDocuments"].as_array().map(Vec::len),
        Some(2),
        "national, nl and en"
    );

    let own = publish_own(&app, &lyceum, |s| {
        draft::add(
            s,
            Role::Mentor,
            Area::Vision,
            Kind::Task,
            Text::new("Eigen taak van het Lyceum.", ""),
            None,
            vec![],
        )
        .expect("added");
    })
    .await;
    let package = formats::case::package(&own, domain::Lang::Nl);
    let doc = package["CFDocument"]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let item = package["CFItems"][0]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let association = package["CFAssociations"][0]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let paths = [
        format!("{base}/CFDocuments/{doc}"),
        format!("{base}/CFPackages/{doc}"),
        format!("{base}/CFItems/{item}"),
        format!("{base}/CFAssociations/{association}"),
    ];
    // Not published openly: not there, in the spec's error format.
    for path in &paths {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        let error = json(&page);
        assert_eq!(error["imsx_codeMajor"], "failure");
        assert_eq!(
            error["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"],
            "unknownobject"
        );
        assert!(!page.body.contains("Lyceum"));
    }
    assert_eq!(
        json(&app.get(&format!("{base}/CFDocuments")).await)["CFDocuments"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // A member may not open it; a coordinator may.
    let store = &app.state.store;
    assert!(
        store
            .set_edition_open(lyceum.school.id, lyceum.member.id, own.id(), true)
            .await
            .is_err()
    );
    let cookie = app.session(lyceum.coordinator.id).await;
    let opened = app
        .post_form(
            &format!(
                "/nl/scholen/stedelijk-lyceum/raamwerk/versies/{}/openbaar",
                own.id()
            ),
            &[("open", "1")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    let list = json(
        &app.get(&format!("{base}/CFDocuments?limit=10&offset=0"))
            .await,
    );
    assert_eq!(list["CFDocuments"].as_array().map(Vec::len), Some(4));
    let whole = app.get(&paths[1]).await;
    assert_eq!(whole.status, StatusCode::OK);
    assert_eq!(json(&whole), package);
    let document = json(&app.get(&paths[0]).await);
    assert!(
        document["CFPackageURI"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("{base}/CFPackages/{doc}")))
    );
    for path in &paths[2..] {
        let object = json(&app.get(path).await);
        assert_eq!(
            object["CFDocumentURI"]["identifier"],
            doc.as_str(),
            "{path}"
        );
    }
    // Bad requests.
    let bad = app.get(&format!("{base}/CFItems/not-a-uuid")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        json(&bad)["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"],
        "invalid_uuid"
    );
    let bad = app.get(&format!("{base}/CFDocuments?limit=veel")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // Closed again: gone again.
    store
        .set_edition_open(lyceum.school.id, lyceum.coordinator.id, own.id(), false)
        .await
        .expect("closed");
    assert_eq!(app.get(&paths[1]).await.status, StatusCode::NOT_FOUND);
    // Closing what is closed changes nothing and writes nothing.
    store
        .set_edition_open(lyceum.school.id, lyceum.coordinator.id, own.id(), false)
        .await
        .expect("closed");
    // Publishing, opening and closing are in the audit log, by whom and which version.
    let admin = app.session(lyceum.admin.id).await;
    let log = crate::members::lyceum_log(&app, &admin).await;
    let version = own.meta().version.as_str();
    for (what, times) in [
        ("eigen raamwerk gepubliceerd", 1),
        ("versie openbaar gemaakt (CASE)", 1),
        ("versie niet meer openbaar (CASE)", 1),
    ] {
        let line = format!(
            "<td>Decaan Stedelijk Lyceum</td><td>{what}</td><td></td><td>versie {version}</td>"
        );
        assert_eq!(
            log.body.matches(&line).count(),
            times,
            "{what}: {}",
            log.body
        );
    }
    app.stop().await;
}

async fn files_are_imported_through_the_page_and_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    let coordinator = app.session(brug.coordinator.id).await;
    let member = app.session(brug.member.id).await;
    let national = &app.state.edition;
    let package = formats::case::write(national, domain::Lang::Nl)
        .expect("written")
        .into_bytes();
    assert!(
        package.len() > 256 * 1024,
        "larger than any form: the import routes take files"
    );

    // Through the page.
    let path = "/nl/scholen/osg-de-brug/raamwerk/inlezen";
    let (content_type, body) = upload("case", &package);
    let refused = app
        .post_raw(path, &content_type, body.clone(), &[("cookie", &member)])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let stored = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    assert!(
        stored.body.contains("Opgeslagen als versie 1"),
        "{}",
        stored.body
    );
    let broken = String::from_utf8(package.clone()).expect("text").replacen(
        "\"isChildOf\"",
        "\"isCousinOf\"",
        1,
    );
    let (content_type, body) = upload("case", broken.as_bytes());
    let page = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body.contains("onbekend type &#39;isCousinOf&#39;"),
        "{}",
        page.body
    );
    assert!(page.body.contains("er is niets opgeslagen"));
    let (content_type, body) = upload("moodle", b"x");
    let page = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let editions = app
        .state
        .store
        .school_editions(brug.school.id)
        .await
        .expect("list");
    assert_eq!(editions.len(), 1);
    assert_eq!(editions[0].published_by, brug.coordinator.name.as_str());
    let log = app
        .state
        .store
        .audit_log(brug.school.id)
        .await
        .expect("the log");
    assert_eq!(
        log.iter()
            .filter(|e| e.action == Some(domain::members::AuditAction::EditionImported))
            .map(|e| (e.actor.as_deref(), e.detail.as_deref()))
            .collect::<Vec<_>>(),
        [(Some(brug.coordinator.name.as_str()), Some("1"))],
        "one import stored, by its member; the refused ones are not in the log"
    );

    // Through the API.
    let api = "/api/v1/schools/osg-de-brug/editions";
    let anonymous = app.get(api).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let list = app
        .get_with(api, &[("cookie", &member), ("accept-language", "en")])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&list.body).expect("JSON");
    assert_eq!(list["school"][0]["version"], "1");
    assert_eq!(list["national"][0]["id"], national.id().to_string());
    let json = formats::native::write_json(national)
        .expect("written")
        .into_bytes();
    let refused = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            json.clone(),
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let created = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            json,
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let created: serde_json::Value = serde_json::from_str(&created.body).expect("JSON");
    assert_eq!(created["version"], "2");
    let id = created["id"].as_str().expect("an id").to_owned();
    let bad = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            b"{\"format\": 1}".to_vec(),
            &[("cookie", &coordinator), ("accept-language", "en")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("\"problems\""));
    let unknown = app
        .post_raw(
            &format!("{api}?format=moodle"),
            "text/csv",
            b"x".to_vec(),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    let (status, content_type, bytes) = app
        .get_bytes(
            &format!("{api}/{id}?format=xlsx&lang=en"),
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, Exchange::Xlsx.media_type());
    let back = formats::sheet::read_xlsx(&bytes).expect("reads");
    assert_eq!(back.id().to_string(), id);
    assert_eq!(
        app.state
            .store
            .school_editions(brug.school.id)
            .await
            .expect("list")
            .len(),
        2
    );
    // Another school's member gets nothing.
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    let stranger = app.session(other.coordinator.id).await;
    let page = app
        .get_with(&format!("{api}/{id}"), &[("cookie", &stranger)])
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let page = app
        .get_with(
            &format!("/api/v1/schools/rivierenland/editions/{id}"),
            &[("cookie", &stranger)],
        )
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);

    let openapi = app.get("/api/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_str(&openapi.body).expect("JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [api_path(), "/ims/case/v1p1/CFPackages/{id}"] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    app.stop().await;
}

fn api_path() -> &'static str {
    "/api/v1/schools/{school}/editions"
}
