//! The overview of a scan: where one stands and what changed, sharing on purpose, the
//! documents for the owner alone, and a school's own words for the steps; on both backends.

use axum::http::StatusCode;
use domain::scan::{ANSWER_NOTE_MAX, Change, Choice, Note, NoteKey};
use domain::{Area, Kind, Role};

use crate::helpers::scan::{AREA, code, first_task, name, open, pdf_text, period, round_id};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    the_overview_shows_where_one_stands_and_what_changed,
    a_scan_is_shared_on_purpose_and_withdrawn,
    the_overview_downloads_as_pdf_and_docx_to_its_owner_only,
    a_school_gives_the_steps_its_own_words,
);

async fn the_overview_shows_where_one_stands_and_what_changed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, autumn) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.member.id;
    let first = first_task(&app);
    store
        .save_scan(
            school,
            round_id(&autumn),
            me,
            &[Change::Choice(code(&first), Some(Choice::Develop))],
        )
        .await
        .expect("saved");
    store
        .close_round(school, lyceum.coordinator.id, round_id(&autumn))
        .await
        .expect("closed");
    let spring = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &name("voorjaar 2027"),
            period(),
            app.state.edition().id(),
        )
        .await
        .expect("opened");
    store
        .save_scan(
            school,
            spring.id,
            me,
            &[
                Change::Choice(code(&first), Some(Choice::Yes)),
                Change::AnswerNote(
                    code(&first),
                    Note::parse("elke week een gesprek", ANSWER_NOTE_MAX).expect("valid"),
                ),
                Change::Discuss(code(&first), true),
                Change::AreaNote(
                    NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Expertise),
                    Note::parse("meer weten over vervolgopleidingen", 2000).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let cookie = app.session(me).await;
    let path = format!(
        "/nl/scholen/stedelijk-lyceum/rondes/{}/overzicht",
        spring.id
    );
    let page = app.get_with(&path, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    let body = &page.body;
    assert!(body.contains("Overzicht: voorjaar 2027"));
    // A chart per area, described in words, with the same numbers in a table.
    assert!(body.contains("role=\"img\""));
    assert!(body.contains("<title id=\"beg-vis-title\">"));
    assert!(body.contains("Wat je doet: 1 doe ik"), "{body}");
    assert!(body.contains("class=\"c-ja\""));
    assert!(body.contains("elke week een gesprek"));
    assert!(body.contains("meer weten over vervolgopleidingen"));
    let strengths = body
        .split("Wat je al doet en beheerst")
        .nth(1)
        .expect("strengths");
    assert!(strengths.contains(&first), "listed among the strengths");
    assert!(body.contains("Wat je wilt bespreken"));
    // Compared with the autumn round.
    assert!(body.contains("Anders dan in najaar 2026"));
    assert!(
        body.contains("<td>wil ik oppakken</td><td>doe ik</td>"),
        "{body}"
    );

    // The first round has nothing to compare with; a colleague's overview is their own.
    let autumn_page = app
        .get_with(&format!("{autumn}/overzicht"), &[("cookie", &cookie)])
        .await;
    assert!(autumn_page.body.contains("Dit is je eerste ronde"));
    let colleague = app.session(lyceum.coordinator.id).await;
    let theirs = app.get_with(&path, &[("cookie", &colleague)]).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("elke week een gesprek"));
    assert!(
        theirs
            .body
            .contains("Je hebt in deze ronde nog niets ingevuld")
    );
    app.stop().await;
}

async fn a_scan_is_shared_on_purpose_and_withdrawn(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let member = app.session(lyceum.member.id).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let admin = app.session(lyceum.admin.id).await;
    let share = format!("{round}/delen");
    let shared = format!("{round}/gedeeld/{}", lyceum.member.id);

    // Nothing to share before anything is filled in.
    let early = app
        .post_form(
            &share,
            &[("wie", "team"), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("nog niets om te delen"));

    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[Change::AnswerNote(
                code(&first_task(&app)),
                Note::parse("mijn eigen gedachte", ANSWER_NOTE_MAX).expect("valid"),
            )],
        )
        .await
        .expect("saved");
    // Private: no one else reads it, not even the coordinator.
    for cookie in [&coordinator, &admin] {
        let refused = app.get_with(&shared, &[("cookie", cookie)]).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
        assert!(!refused.body.contains("mijn eigen gedachte"));
    }

    // Shared with the coordinator by name: the coordinator reads it, the administrator not.
    let to_coordinator = lyceum.coordinator.id.to_string();
    let done = app
        .post_form(
            &share,
            &[("wie", to_coordinator.as_str()), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let own = app.get_with(&round, &[("cookie", &member)]).await;
    assert!(own.body.contains("Gedeeld met Decaan Stedelijk Lyceum"));
    let listed = app.get_with(&round, &[("cookie", &coordinator)]).await;
    assert!(listed.body.contains(&format!("href=\"{shared}\"")));
    let read = app.get_with(&shared, &[("cookie", &coordinator)]).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("mijn eigen gedachte"));
    assert!(read.body.contains("heeft deze scan met je gedeeld"));
    // It reads in the third person, and the colleague can download it for the conversation.
    assert!(
        read.body
            .contains("De notities van Mentor Stedelijk Lyceum"),
        "{}",
        read.body
    );
    assert!(
        read.body
            .contains("Wat Mentor Stedelijk Lyceum al doet en beheerst")
    );
    assert!(!read.body.contains("Wat je al doet"));
    assert!(
        read.body
            .contains(&format!("href=\"{shared}/overzicht.pdf\""))
    );
    let document = app
        .get_with(
            &format!("{shared}/overzicht.pdf"),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(document.status, StatusCode::OK);
    assert_eq!(
        document.header("content-disposition"),
        "attachment; filename=\"raamwerk-overzicht-mentor-stedelijk-lyceum-najaar-2026.pdf\""
    );
    let flat = pdf_text(
        &app.get_bytes(
            &format!("{shared}/overzicht.pdf"),
            &[("cookie", &coordinator)],
        )
        .await
        .2,
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    assert!(flat.contains("mijn eigen gedachte"), "{flat}");
    assert!(
        flat.contains("gedeeld met Decaan Stedelijk Lyceum"),
        "{flat}"
    );
    let docx = app
        .get_bytes(
            &format!("{shared}/overzicht.docx"),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(docx.0, StatusCode::OK);
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    assert!(
        text.contains("Wat Mentor Stedelijk Lyceum al doet en beheerst"),
        "{text}"
    );
    assert!(text.contains("mijn eigen gedachte"));
    // Not for anyone it was not shared with.
    assert_eq!(
        app.get_bytes(&format!("{shared}/overzicht.pdf"), &[("cookie", &admin)])
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert!(
        !read.body.contains("Wat er veranderde"),
        "earlier rounds stay private"
    );
    let third = app.get_with(&shared, &[("cookie", &admin)]).await;
    assert_eq!(third.status, StatusCode::NOT_FOUND);
    assert!(
        !app.get_with(&round, &[("cookie", &admin)])
            .await
            .body
            .contains(&shared)
    );

    // With the whole team, then withdrawn again.
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "1")],
        &[("cookie", &member)],
    )
    .await;
    assert_eq!(
        app.get_with(&shared, &[("cookie", &admin)]).await.status,
        StatusCode::OK
    );
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "0")],
        &[("cookie", &member)],
    )
    .await;
    app.post_form(
        &share,
        &[("wie", to_coordinator.as_str()), ("aan", "0")],
        &[("cookie", &member)],
    )
    .await;
    for cookie in [&coordinator, &admin] {
        assert_eq!(
            app.get_with(&shared, &[("cookie", cookie)]).await.status,
            StatusCode::NOT_FOUND
        );
    }

    // Not with someone of another school; the other school's people never read it.
    let outsider = college.admin.id.to_string();
    let refused = app
        .post_form(
            &share,
            &[("wie", outsider.as_str()), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("geen actieve collega"));
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "1")],
        &[("cookie", &member)],
    )
    .await;
    let stranger = app.session(college.admin.id).await;
    let other = app.get_with(&shared, &[("cookie", &stranger)]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert!(!other.body.contains("mijn eigen gedachte"));
    app.stop().await;
}

async fn the_overview_downloads_as_pdf_and_docx_to_its_owner_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let first = first_task(&app);
    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[
                Change::Choice(code(&first), Some(Choice::Partly)),
                Change::AnswerNote(
                    code(&first),
                    Note::parse("met ouders #erbij *vet* $x$", ANSWER_NOTE_MAX).expect("valid"),
                ),
                Change::AreaNote(
                    NoteKey::Reflection(
                        Role::Mentor,
                        Area::Vision,
                        domain::scan::Prompt::RoleModel,
                    ),
                    Note::parse("ik vertel over mijn omwegen", 2000).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let cookie = app.session(lyceum.member.id).await;
    let statement = app
        .state
        .edition()
        .statement(&first)
        .expect("statement")
        .text
        .nl
        .clone();

    let overview = app
        .get_with(&format!("{round}/overzicht"), &[("cookie", &cookie)])
        .await;
    assert!(
        overview
            .body
            .contains(&format!("href=\"{round}/overzicht.pdf\""))
    );
    assert!(
        overview
            .body
            .contains(&format!("href=\"{round}/overzicht.docx\""))
    );

    // The documents carry the person's name by default, in the title and the file name.
    assert!(overview.body.contains("De documenten dragen je naam"));
    assert!(
        overview
            .body
            .contains(&format!("href=\"{round}/overzicht.pdf?naam=nee\""))
    );
    let named = app
        .get_with(&format!("{round}/overzicht.pdf"), &[("cookie", &cookie)])
        .await;
    assert_eq!(
        named.header("content-disposition"),
        "attachment; filename=\"raamwerk-overzicht-mentor-stedelijk-lyceum-najaar-2026.pdf\""
    );
    let pdf = app
        .get_bytes(&format!("{round}/overzicht.pdf"), &[("cookie", &cookie)])
        .await;
    assert_eq!(pdf.0, StatusCode::OK);
    assert_eq!(pdf.1, "application/pdf");
    let text = pdf_text(&pdf.2);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Overzicht van Mentor Stedelijk Lyceum: najaar 2026",
        "Stedelijk Lyceum",
        "doe ik deels",
        "met ouders #erbij *vet* $x$",
        "ik vertel over mijn omwegen",
        "Gemaakt op",
    ] {
        assert!(flat.contains(expected), "{expected:?} in the PDF: {flat}");
    }
    let first_words: String = statement
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&first_words), "{first_words:?} in the PDF");

    // Without the name, when the person asks so.
    let anonymous = app
        .get_with(
            &format!("{round}/overzicht.pdf?naam=nee"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        anonymous.header("content-disposition"),
        "attachment; filename=\"raamwerk-overzicht-najaar-2026.pdf\""
    );
    let flat_anonymous = pdf_text(
        &app.get_bytes(
            &format!("{round}/overzicht.pdf?naam=nee"),
            &[("cookie", &cookie)],
        )
        .await
        .2,
    )
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ");
    assert!(flat_anonymous.contains("Overzicht: najaar 2026"));
    assert!(!flat_anonymous.contains("Mentor Stedelijk Lyceum"));

    let docx = app
        .get_bytes(&format!("{round}/overzicht.docx"), &[("cookie", &cookie)])
        .await;
    assert_eq!(docx.0, StatusCode::OK);
    assert_eq!(
        docx.1,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    for expected in [
        "Overzicht van Mentor Stedelijk Lyceum: najaar 2026",
        statement.as_str(),
        "doe ik deels",
        "met ouders #erbij *vet* $x$",
        "ik vertel over mijn omwegen",
    ] {
        assert!(text.contains(expected), "{expected:?} in the DOCX: {text}");
    }
    // English, too.
    let english = app
        .get_bytes(
            &format!(
                "{}/overview.pdf",
                round
                    .replace("/nl/scholen/", "/en/schools/")
                    .replace("/rondes/", "/rounds/")
            ),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(english.0, StatusCode::OK);
    assert!(pdf_text(&english.2).contains("I do this in part"));

    // Someone else's download is their own (empty) scan; another school's people get nothing.
    let colleague = app.session(lyceum.coordinator.id).await;
    let theirs = app
        .get_bytes(
            &format!("{round}/overzicht.docx"),
            &[("cookie", &colleague)],
        )
        .await;
    let text = formats::overview::docx::text_of(&theirs.2).expect("a DOCX");
    assert!(!text.contains("met ouders"));
    let stranger = app.session(college.member.id).await;
    let refused = app
        .get_bytes(&format!("{round}/overzicht.pdf"), &[("cookie", &stranger)])
        .await;
    assert_eq!(refused.0, StatusCode::NOT_FOUND);
    let anonymous = app.get_bytes(&format!("{round}/overzicht.pdf"), &[]).await;
    assert_eq!(anonymous.0, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn a_school_gives_the_steps_its_own_words(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let admin = app.session(lyceum.admin.id).await;
    let member = app.session(lyceum.member.id).await;
    let scale = "/nl/scholen/stedelijk-lyceum/instellingen/schaal";

    let settings = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/instellingen",
            &[("cookie", &admin)],
        )
        .await;
    assert!(settings.body.contains("placeholder=\"wil ik oppakken\""));

    let too_long = "x".repeat(41);
    let bad = app
        .post_form(
            scale,
            &[
                ("taak.ja.nl", too_long.as_str()),
                ("taak.niet.nl", "doe ik"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("hoogstens 40 tekens"));
    assert!(
        bad.body.contains(&format!("value=\"{too_long}\"")),
        "input kept"
    );

    let refused = app
        .post_form(
            scale,
            &[("taak.ja.nl", "dat doe ik al")],
            &[("cookie", &app.session(lyceum.coordinator.id).await)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let saved = app
        .post_form(
            scale,
            &[
                ("taak.ja.nl", "dat doe ik al"),
                ("taak.ja.en", "already doing it"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The page says so at the scale, where the administrator was looking.
    assert_eq!(
        saved.header("location"),
        "/nl/scholen/stedelijk-lyceum/instellingen?klaar=schaal#schaal"
    );
    let settings = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/instellingen?klaar=schaal",
            &[("cookie", &admin)],
        )
        .await;
    let at_scale = settings
        .body
        .split("id=\"schaal\"")
        .nth(1)
        .expect("the scale");
    assert!(at_scale.contains("De woorden van de schaal zijn opgeslagen."));
    assert!(
        !settings
            .body
            .contains("De gegevens van de school zijn opgeslagen")
    );
    let page = app
        .get_with(&format!("{round}{AREA}"), &[("cookie", &member)])
        .await;
    assert!(page.body.contains("dat doe ik al"));
    assert!(page.body.contains("beheers ik"), "expertise keeps our word");
    let first = first_task(&app);
    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[Change::Choice(code(&first), Some(Choice::Yes))],
        )
        .await
        .expect("saved");
    let overview = app
        .get_with(&format!("{round}/overzicht"), &[("cookie", &member)])
        .await;
    assert!(overview.body.contains("dat doe ik al / beheers ik"));
    let docx = app
        .get_bytes(&format!("{round}/overzicht.docx"), &[("cookie", &member)])
        .await;
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    assert!(text.contains("dat doe ik al"), "{text}");
    // The quick scan on the public site keeps our words.
    assert!(
        !app.get("/nl/zelfscan?rol=BEG")
            .await
            .body
            .contains("dat doe ik al")
    );

    // Emptied, our word is back.
    app.post_form(scale, &[("taak.ja.nl", "")], &[("cookie", &admin)])
        .await;
    let page = app
        .get_with(&format!("{round}{AREA}"), &[("cookie", &member)])
        .await;
    assert!(!page.body.contains("dat doe ik al"));
    app.stop().await;
}
