//! Wie doet wat, worked through as a coordinator: one agreement for several tasks at once
//! (all or nothing), and the rules for the conversation set beside the allocation; on both
//! backends.

use axum::http::StatusCode;
use domain::allocation::{Part, Party, Rules};
use domain::members::AuditAction;

use crate::helpers::tasks::year;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    one_agreement_for_several_tasks_is_stored_whole_or_not_at_all,
    the_rules_for_the_conversation_are_set_with_the_allocation,
);

const TASKS: &str = "/nl/scholen/stedelijk-lyceum/taken?jaar=2026-2027";

async fn one_agreement_for_several_tasks_is_stored_whole_or_not_at_all(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let as_member = [("cookie", member.as_str())];
    let store = &app.state.store;
    let school = lyceum.school.id;
    let person = format!("person:{}", lyceum.member.id.0);
    let agreements = || async {
        store
            .allocation(school, year())
            .await
            .expect("read")
            .assignments
    };

    // The page offers a box per task and per group, and the form beside them.
    let page = app.get_with(TASKS, &as_coordinator).await;
    assert!(page.body.contains(r#"name="taak" value="BEG.VIS.T1""#));
    assert!(page.body.contains(r#"name="groep" value="BEG.VIS.T1,"#));
    assert!(page.body.contains("Eén afspraak voor de gekozen taken"));
    let members_page = app.get_with(TASKS, &as_member).await;
    assert!(!members_page.body.contains(r#"name="taak""#));

    // Two tasks ticked: two agreements, said so.
    let two = [
        ("op", "bulk"),
        ("weergave", "rol"),
        ("taak", "BEG.VIS.T1"),
        ("taak", "BEG.VIS.T2"),
        ("party", person.as_str()),
        ("part", "verantwoordelijk"),
    ];
    let made = app.post_form(TASKS, &two, &as_coordinator).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let back = made.header("location").to_owned();
    assert!(
        back.contains("weergave=rol&klaar=bulk&nieuw=2&al=0"),
        "{back}"
    );
    let done = app.get_with(&back, &as_coordinator).await;
    assert!(
        done.body.contains("2 nieuwe afspraken gemaakt."),
        "{}",
        done.body
    );
    assert_eq!(agreements().await.len(), 2);

    // A specialist responsible for a group and one more task: two of the three already
    // have someone responsible, and the school allows one, so nothing is agreed at all.
    let refused = app
        .post_form(
            TASKS,
            &[
                ("op", "bulk"),
                ("taak", "BEG.VIS.T3"),
                ("groep", "BEG.VIS.T1,BEG.VIS.T2"),
                ("party", "role:SPE"),
                ("part", "verantwoordelijk"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Voor 2 taken kan deze afspraak niet, dus is er niets afgesproken.")
    );
    assert!(
        refused
            .body
            .contains("BEG.VIS.T1: Deze taak heeft al iemand die verantwoordelijk is")
    );
    assert!(
        refused
            .body
            .contains("BEG.VIS.T2: Deze taak heeft al iemand die verantwoordelijk is")
    );
    assert!(
        refused
            .body
            .contains(r#"value="BEG.VIS.T3" id="kies-BEG.VIS.T3" checked"#),
        "the tasks chosen stay chosen"
    );
    assert_eq!(
        agreements().await.len(),
        2,
        "nothing of a refused batch is stored"
    );

    // Again for two tasks, one of which has it already: that one is left as it is.
    let again = [
        ("op", "bulk"),
        ("taak", "BEG.VIS.T1"),
        ("taak", "BEG.VIS.T3"),
        ("party", person.as_str()),
        ("part", "verantwoordelijk"),
    ];
    let made = app.post_form(TASKS, &again, &as_coordinator).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let done = app.get_with(made.header("location"), &as_coordinator).await;
    assert!(
        done.body
            .contains("1 nieuwe afspraak gemaakt. 1 taak had deze afspraak al.")
    );
    let stored = agreements().await;
    assert_eq!(stored.len(), 3);
    assert!(
        stored
            .iter()
            .all(|a| a.party == Party::Person(lyceum.member.id) && a.part == Part::Responsible)
    );
    let made_entries = store
        .audit_log(school)
        .await
        .expect("log")
        .into_iter()
        .filter(|e| e.action == Some(AuditAction::AgreementMade))
        .count();
    assert_eq!(made_entries, 3, "each agreement is logged as what it is");

    // Bad input changes nothing: no task, a task that is none, no party; a member may not.
    for (form, expected) in [
        (
            vec![
                ("op", "bulk"),
                ("party", person.as_str()),
                ("part", "betrokken"),
            ],
            "Kies eerst een of meer taken.",
        ),
        (
            vec![
                ("op", "bulk"),
                ("taak", "BEG.VIS.D1"),
                ("party", person.as_str()),
                ("part", "betrokken"),
            ],
            "BEG.VIS.D1: Dit is geen taak in het raamwerk van de school.",
        ),
        (
            vec![
                ("op", "bulk"),
                ("taak", "BEG.VIS.T2"),
                ("party", "person:nobody"),
                ("part", "betrokken"),
            ],
            "",
        ),
    ] {
        let refused = app.post_form(TASKS, &form, &as_coordinator).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        assert!(refused.body.contains(expected), "{expected}");
    }
    let not_allowed = app.post_form(TASKS, &two, &as_member).await;
    assert_eq!(not_allowed.status, StatusCode::FORBIDDEN);
    assert_eq!(agreements().await.len(), 3);
}

async fn the_rules_for_the_conversation_are_set_with_the_allocation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let as_member = [("cookie", member.as_str())];
    let store = &app.state.store;
    let school = lyceum.school.id;

    let page = app.get_with(TASKS, &as_coordinator).await;
    assert!(page.body.contains(r#"id="regels""#));
    assert!(
        page.body
            .contains(r#"name="one_responsible" value="1" checked"#)
    );
    // Unchecked and a number: saved, and said where the coordinator is looking.
    let saved = app
        .post_form(
            TASKS,
            &[("op", "rules"), ("weergave", "categorie"), ("many", "3")],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(
        saved
            .header("location")
            .ends_with("weergave=categorie&klaar=regels#regels")
    );
    let page = app
        .get_with(saved.header("location"), &as_coordinator)
        .await;
    assert!(
        page.body
            .contains("De afspraken over de verdeling zijn opgeslagen.")
    );
    let rules = store.allocation_settings(school).await.expect("read").rules;
    assert_eq!(
        rules,
        Rules {
            one_responsible: false,
            many_responsibilities: 3
        }
    );
    // A member reads the rules, without a form.
    let read = app.get_with(TASKS, &as_member).await;
    assert!(
        read.body
            .contains("Een taak mag meer dan één verantwoordelijke hebben.")
    );
    assert!(read.body.contains("Vanaf 3 verantwoordelijkheden"));
    assert!(!read.body.contains(r#"name="one_responsible""#));
    // A number that is none changes nothing; the hours form leaves the rules alone.
    let bad = app
        .post_form(
            TASKS,
            &[("op", "rules"), ("one_responsible", "1"), ("many", "0")],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("een heel getal van 1 tot en met 1000"));
    let hours = app
        .post_form(
            "/nl/scholen/stedelijk-lyceum/taken/uren?jaar=2026-2027",
            &[
                ("op", "settings"),
                ("formula", "vvsl"),
                ("nvs_minutes", "60"),
                ("own_base", "0"),
                ("own_per_decaan", "0"),
                ("own_per_student", "0"),
                ("one_responsible", "1"),
                ("many", "9"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(hours.status, StatusCode::SEE_OTHER, "{}", hours.body);
    assert_eq!(
        store.allocation_settings(school).await.expect("read").rules,
        rules
    );
    let not_allowed = app
        .post_form(TASKS, &[("op", "rules"), ("many", "5")], &as_member)
        .await;
    assert_eq!(not_allowed.status, StatusCode::FORBIDDEN);
}
