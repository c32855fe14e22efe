//! The team meeting: a coordinator prepares it from what the picture shows (nothing from a
//! hidden one), the allocation and topics of their own; every member reads it; an agreement
//! that makes someone responsible for a task lands in *wie doet wat* in the same step, or,
//! refused by the allocation's rules, changes nothing at all.

use axum::http::StatusCode;
use domain::allocation::{Assignment, Part, Party};
use domain::{Role, Statement};

use crate::helpers::scan::{open, pdf_text, round_id};
use crate::helpers::tasks::year;
use crate::helpers::team::colleagues;
use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::team::picture::answer;

on_both_backends!(
    a_meeting_goes_from_proposals_to_an_agreement_in_wie_doet_wat,
    the_agenda_is_edited_whole_or_not_at_all,
);

const MEETINGS: &str = "/nl/scholen/stedelijk-lyceum/teamoverleg";

/// The meeting's path from the answer to making it.
fn meeting_path(page: &crate::helpers::Page) -> String {
    let location = page.header("location");
    location.split('?').next().unwrap_or("").to_owned()
}

/// The three tasks Raamwerk proposes as nobody's responsibility: the edition's first tasks.
fn first_tasks(app: &TestApp) -> Vec<String> {
    app.state
        .edition()
        .statements()
        .iter()
        .filter(|s: &&Statement| s.kind == domain::Kind::Task)
        .take(3)
        .map(|s| s.code.to_string())
        .collect()
}

async fn a_meeting_goes_from_proposals_to_an_agreement_in_wie_doet_wat(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let round = round_id(&round_path);
    let store = &app.state.store;
    let mut mentors = vec![lyceum.member.id];
    mentors.extend(colleagues(&app, &lyceum.school, "lyceum.nl", 4).await);
    answer(&app, &lyceum, round, &mentors[..4], true).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // Four count: nothing from the picture is proposed, the allocation's tasks are.
    let page = app.get_with(MEETINGS, &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Een teamoverleg voorbereiden"),
        "{}",
        page.body
    );
    for hidden in ["value=\"verschil:", "value=\"wens:", "value=\"gat:"] {
        assert!(
            !page.body.contains(hidden),
            "{hidden} from a hidden picture"
        );
    }
    let tasks = first_tasks(&app);
    let attention = format!("aandacht:{}", tasks[0]);
    assert!(
        page.body.contains(&format!("value=\"{attention}\"")),
        "{}",
        page.body
    );

    // The fifth makes the mentors' picture shown: where they differ is proposed.
    answer(&app, &lyceum, round, &mentors[4..], true).await;
    let page = app.get_with(MEETINGS, &as_coordinator).await;
    assert!(
        page.body.contains("value=\"verschil:BEG.VIS.T1\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("De onderwerpen uit het teambeeld komen uit de ronde najaar 2026")
    );
    assert!(
        !page.body.contains("privé notitie"),
        "no note reaches the proposals"
    );

    // A member reads the list but prepares nothing.
    let page = app.get_with(MEETINGS, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Er is nog geen teamoverleg voorbereid."));
    assert!(!page.body.contains("Agenda maken"));
    let refused = app
        .post_form(MEETINGS, &[("eigen", "Mijn punt")], &as_member)
        .await;
    assert!(!refused.status.is_success() && refused.status != StatusCode::SEE_OTHER);
    assert!(
        store
            .meetings(lyceum.school.id)
            .await
            .expect("meetings")
            .is_empty()
    );

    // Nothing chosen, a proposal that is not there, a bad length: refused, nothing made.
    let empty = app
        .post_form(MEETINGS, &[("minutes", "60")], &as_coordinator)
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty.body.contains("Kies minstens één onderwerp"),
        "{}",
        empty.body
    );
    let gone = app
        .post_form(
            MEETINGS,
            &[
                ("onderwerp", "verschil:BEG.XXX.T9"),
                ("eigen", "Ouderavond"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(gone.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(gone.body.contains("staat er niet meer"), "{}", gone.body);
    assert!(
        gone.body.contains("Ouderavond"),
        "the form keeps what was typed"
    );
    let long = app
        .post_form(
            MEETINGS,
            &[("eigen", "Ouderavond"), ("minutes", "600")],
            &as_coordinator,
        )
        .await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(long.body.contains("480"), "{}", long.body);
    assert!(
        store
            .meetings(lyceum.school.id)
            .await
            .expect("meetings")
            .is_empty()
    );

    // Two proposals and a topic of one's own, in an hour.
    let made = app
        .post_form(
            MEETINGS,
            &[
                ("onderwerp", "verschil:BEG.VIS.T1"),
                ("onderwerp", attention.as_str()),
                ("eigen", "Afspraken voor de ouderavond\n\n"),
                ("planned_on", "2027-01-20"),
                ("minutes", "60"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let path = meeting_path(&made);
    let page = app.get_with(made.header("location"), &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Teamoverleg 20-1-2027"), "{}", page.body);
    assert!(page.body.contains("Agenda (60 minuten)"));
    assert!(page.body.contains("Afspraken voor de ouderavond"));
    assert!(page.body.contains("Waar het team het meest verschilt"));
    assert!(page.body.contains("Moeten we het hier eens over worden"));
    assert!(page.body.contains("De agenda is gemaakt."));

    // Every member reads it, without the forms.
    let read = app.get_with(&path, &as_member).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Afspraken voor de ouderavond"));
    assert!(!read.body.contains("De agenda aanpassen"));
    assert!(!read.body.contains("Afspraak vastleggen"));
    let list = app.get_with(MEETINGS, &as_member).await;
    assert!(list.body.contains("Teamoverleg 20-1-2027"), "{}", list.body);
    assert!(
        list.body.contains("3 onderwerpen, geen afspraken"),
        "{}",
        list.body
    );

    // An agreement that makes the mentors responsible for the task: in wie doet wat too.
    let task = tasks[0].as_str();
    let agreed = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "De mentoren nemen dit op zich"),
                ("taak", task),
                ("party", "role:BEG"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(agreed.status, StatusCode::SEE_OTHER, "{}", agreed.body);
    let responsible = Assignment {
        code: domain::Code::parse(task).expect("valid"),
        party: Party::Role(Role::Mentor),
        part: Part::Responsible,
    };
    let allocation = store
        .allocation(lyceum.school.id, year())
        .await
        .expect("allocation");
    assert!(
        allocation.assignments.contains(&responsible),
        "{allocation:?}"
    );
    let page = app.get_with(&path, &as_member).await;
    assert!(page.body.contains("De mentoren nemen dit op zich"));
    assert!(
        page.body
            .contains(&format!("{task}: verantwoordelijk Begeleider")),
        "{}",
        page.body
    );

    // A second responsible party where the school has one per task: refused, and neither
    // the agreement nor the allocation changes.
    let before = store
        .meeting(lyceum.school.id, round_id(&path))
        .await
        .expect("meeting");
    let refused = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "De decaan ook"),
                ("taak", task),
                ("party", "role:SPE"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("heeft al iemand die verantwoordelijk is"),
        "{}",
        refused.body
    );
    assert_eq!(
        before,
        store
            .meeting(lyceum.school.id, round_id(&path))
            .await
            .expect("meeting")
    );
    assert_eq!(
        allocation.assignments,
        store
            .allocation(lyceum.school.id, year())
            .await
            .expect("allocation")
            .assignments
    );
    // Nor does a task that is not in the framework.
    let not_a_task = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "Iets"),
                ("taak", "BEG.VIS.D1"),
                ("party", "role:BEG"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(not_a_task.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_a_task.body.contains("geen taak"), "{}", not_a_task.body);
    // An agreement of words only, for the vision later.
    let plain = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "We bespreken dit in maart weer"),
                ("taak", ""),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    // A member cannot record one.
    let by_member = app
        .post_form(&path, &[("op", "agree"), ("text", "Stiekem")], &as_member)
        .await;
    assert!(!by_member.status.is_success() && by_member.status != StatusCode::SEE_OTHER);
    let meeting = store
        .meeting(lyceum.school.id, round_id(&path))
        .await
        .expect("meeting")
        .expect("there");
    assert_eq!(meeting.agreements.len(), 2);

    // The documents, for every member: the agenda, the questions and the agreements.
    let (status, kind, pdf) = app
        .get_bytes(&format!("{path}/teamoverleg.pdf"), &as_member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "application/pdf");
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Teamoverleg (60 minuten)",
        "Afspraken voor de ouderavond",
        "De mentoren nemen dit op zich",
        "We bespreken dit in maart weer",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(!text.contains("privé notitie"));
    let (status, _, docx) = app
        .get_bytes(
            &format!(
                "/en/schools/stedelijk-lyceum/team-meetings/{}/team-meeting.docx",
                meeting.id
            ),
            &as_member,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = formats::document::docx::text_of(&docx).expect("a DOCX");
    assert!(text.contains("Team meeting (60 minutes)"), "{text}");
    let english = app
        .get_with(
            &format!("/en/schools/stedelijk-lyceum/team-meetings/{}", meeting.id),
            &as_member,
        )
        .await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(
        english.body.contains("Team meeting 20/1/2027"),
        "{}",
        english.body
    );
    assert!(english.body.contains("Where the team differs most"));
    assert!(
        english
            .body
            .contains(&format!("{task}: responsible Mentor")),
        "{}",
        english.body
    );
    assert!(
        text.contains("Do we need to agree on this, or may it differ?"),
        "{text}"
    );

    // Removing an agreement leaves wie doet wat as it is; removing the meeting needs a tick.
    let first = meeting.agreements[0].id.to_string();
    let removed = app
        .post_form(
            &path,
            &[("op", "delete-agreement"), ("id", first.as_str())],
            &as_coordinator,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(
        store
            .allocation(lyceum.school.id, year())
            .await
            .expect("allocation")
            .assignments
            .contains(&responsible)
    );
    let unticked = app
        .post_form(&path, &[("op", "delete")], &as_coordinator)
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unticked.body.contains("Vink eerst aan"));
    let deleted = app
        .post_form(&path, &[("op", "delete"), ("zeker", "ja")], &as_coordinator)
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&path, &as_member).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn the_agenda_is_edited_whole_or_not_at_all(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, _) = open(&app).await;
    let store = &app.state.store;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let made = app
        .post_form(
            MEETINGS,
            &[("eigen", "Eerste punt\nTweede punt"), ("minutes", "45")],
            &as_coordinator,
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let path = meeting_path(&made);
    let id = round_id(&path);
    let before = store
        .meeting(lyceum.school.id, id)
        .await
        .expect("meeting")
        .expect("there");
    assert_eq!(
        before.topics.iter().map(|t| t.minutes).collect::<Vec<_>>(),
        vec![23, 22]
    );
    // A blank title, minutes in words, too long in all: refused, the agenda as it was.
    for (form, says) in [
        (
            vec![
                ("titel-0", " "),
                ("minuten-0", "20"),
                ("titel-1", "Tweede"),
                ("minuten-1", "20"),
            ],
            "heeft een titel nodig",
        ),
        (
            vec![
                ("titel-0", "Eerste"),
                ("minuten-0", "twintig"),
                ("titel-1", "Tweede"),
                ("minuten-1", "20"),
            ],
            "twintig",
        ),
        (
            vec![
                ("titel-0", "Eerste"),
                ("minuten-0", "300"),
                ("titel-1", "Tweede"),
                ("minuten-1", "200"),
            ],
            "480",
        ),
        (
            vec![
                ("titel-0", "Eerste"),
                ("minuten-0", "20"),
                ("weg-0", "ja"),
                ("titel-1", "Tweede"),
                ("minuten-1", "20"),
                ("weg-1", "ja"),
            ],
            "minstens één onderwerp",
        ),
    ] {
        let mut form = form;
        form.extend([("op", "save"), ("revision", "0"), ("nieuw-minuten", "10")]);
        let page = app.post_form(&path, &form, &as_coordinator).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        assert!(page.body.contains(says), "{says}: {}", page.body);
        assert_eq!(
            Some(&before),
            store
                .meeting(lyceum.school.id, id)
                .await
                .expect("meeting")
                .as_ref()
        );
    }
    // Rename one, remove the other, add one: saved in one go.
    let saved = app
        .post_form(
            &path,
            &[
                ("op", "save"),
                ("revision", "0"),
                ("titel-0", "Eerste punt, scherper"),
                ("minuten-0", "30"),
                ("titel-1", "Tweede punt"),
                ("minuten-1", "15"),
                ("weg-1", "ja"),
                ("nieuw", "Rondvraag"),
                ("nieuw-minuten", "5"),
                ("planned_on", "2027-02-03"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get_with(&path, &as_coordinator).await;
    assert!(page.body.contains("Agenda (35 minuten)"), "{}", page.body);
    assert!(page.body.contains("Eerste punt, scherper"));
    assert!(page.body.contains("Rondvraag"));
    assert!(!page.body.contains("Tweede punt"));
    assert!(page.body.contains("Teamoverleg 3-2-2027"));
    // The same form again, from before that change: the meeting changed, nothing happens.
    let stale = app
        .post_form(
            &path,
            &[
                ("op", "save"),
                ("revision", "0"),
                ("titel-0", "Oud"),
                ("minuten-0", "10"),
                ("titel-1", "Oud"),
                ("minuten-1", "10"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("intussen gewijzigd"));
    assert!(stale.body.contains("Eerste punt, scherper"));
    app.stop().await;
}
