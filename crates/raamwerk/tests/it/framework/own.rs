//! Making the framework the school's own: the draft, publishing, and two coordinators who
//! never overwrite each other; on both backends.

use axum::http::StatusCode;
use domain::framework::Date;
use domain::framework::draft::{self, DraftStatement, Edit, Publication};
use domain::{Role, Text};
use store::{DraftFailure, DraftRefusal, Expect};

use crate::helpers::framework::code;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_coordinator_makes_the_framework_the_schools_own,
    two_coordinators_never_overwrite_each_other,
);

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
    // Moved out of the list's selection, the statement is shown in the whole list.
    assert_eq!(moved.header("location"), format!("{draft_path}#BEG.VIS.T2"));
    // Hidden from a list narrowed to one role and area: back to that same selection.
    let hidden = app
        .post_form(
            &format!("{draft_path}/BEG.VIS.T3"),
            &[
                ("op", "hide"),
                ("revision", "0"),
                ("terug", "rol=BEG&gebied=VIS"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    assert_eq!(
        hidden.header("location"),
        format!("{draft_path}?rol=BEG&gebied=VIS#BEG.VIS.T3")
    );
    // The narrowed list has that role and area only, and says how many it shows.
    let narrowed = app
        .get_with(&format!("{draft_path}?rol=BEG&gebied=VIS"), &as_coordinator)
        .await;
    assert_eq!(narrowed.status, StatusCode::OK);
    assert!(narrowed.body.contains("id=\"BEG.VIS.T3\""));
    assert!(!narrowed.body.contains("id=\"BEG.ORI.T1\""));
    assert!(!narrowed.body.contains("id=\"SPE-ORG-T\""));
    assert!(narrowed.body.contains("uitspraken getoond."));
    // Its statements' links and forms carry the selection; a code that is no role is ignored.
    assert!(
        narrowed
            .body
            .contains("concept/BEG.VIS.T1?rol=BEG&#38;gebied=VIS"),
        "{}",
        narrowed
            .body
            .split("concept/BEG.VIS.T1")
            .nth(1)
            .map_or("", |rest| &rest[..80.min(rest.len())])
    );
    assert!(
        narrowed
            .body
            .contains("name=\"terug\" value=\"rol=BEG&#38;gebied=VIS\"")
    );
    let odd = app
        .get_with(
            &format!("{draft_path}?rol=XYZ&gebied=%3Cb%3E"),
            &as_coordinator,
        )
        .await;
    assert_eq!(odd.status, StatusCode::OK);
    assert!(odd.body.contains("id=\"SPE-ORG-T\""));
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
                app.state.edition().id(),
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
            &app.state.edition(),
            app.state.edition().id(),
        )
        .await
        .expect("started");
    let again = store
        .start_draft(
            school,
            b.id,
            b.name.as_str(),
            &app.state.edition(),
            app.state.edition().id(),
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
            from: &app.state.edition(),
            more_themes: &[],
            based_on: app.state.edition().id(),
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
