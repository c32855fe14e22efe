//! Isolation, proven: every route the router has is tried, with GET and with POST, by an
//! anonymous visitor, by a member, a coordinator and an administrator of school A, and by the
//! coordinator of a network A is in, with every path parameter pointing at school B's
//! resources (and B's network) and a form full of B's values. No
//! answer may show anything of B, and B's members, invitations, audit log and sessions must
//! be exactly as they were. A route this file does not list makes the test fail, so a new
//! route cannot slip past it.

use axum::http::StatusCode;
use domain::account::Permission;

use crate::helpers::routes::{Target, fill};
use crate::helpers::team::{Team, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(nothing_of_one_school_reaches_another);

/// Every route, as the router names it. Adding a route means adding it here, after thinking
/// about what it shows and to whom.
const COVERED: &[&str] = &[
    "/",
    "/healthz",
    "/readyz",
    "/static/app.css",
    "/static/scan.js",
    "/static/app.js",
    "/api/openapi.json",
    "/api/v1/schools/{school}/editions",
    "/api/v1/schools/{school}/editions/{edition}",
    "/api/v1/schools/{school}/surveys/{survey}/results",
    "/api/v1/schools/{school}/rounds",
    "/api/v1/schools/{school}/rounds/{round}/scan",
    "/api/v1/schools/{school}/rounds/{round}/team-picture",
    "/api/v1/schools/{school}/plan",
    "/api/v1/schools/{school}/allocation",
    "/api/v1/schools/{school}/hours",
    "/api/v1/schools/{school}/members",
    "/ims/case/v1p1/CFDocuments",
    "/ims/case/v1p1/CFDocuments/{id}",
    "/ims/case/v1p1/CFPackages/{id}",
    "/ims/case/v1p1/CFItems/{id}",
    "/ims/case/v1p1/CFAssociations/{id}",
    "/nl",
    "/nl/",
    "/nl/rollen/{role}",
    "/nl/rollen/{role}/{area}",
    "/nl/themas",
    "/nl/themas/{code}",
    "/nl/privacy",
    "/nl/zelfscan",
    "/nl/zelfscan/overzicht",
    "/nl/zelfscan/terug",
    "/nl/zelfscan/overzicht.pdf",
    "/nl/zelfscan/overzicht.docx",
    "/nl/inloggen",
    "/nl/uitloggen",
    "/nl/overal-uitloggen",
    "/nl/wachtwoord-vergeten",
    "/nl/account",
    "/nl/account/gegevens.json",
    "/nl/account/rollen",
    "/nl/account/wachtwoord",
    "/nl/account/naam",
    "/nl/account/e-mailadres",
    "/nl/account/verwijderen",
    "/nl/inloggen/schoolaccount",
    "/nl/account/schoolaccount/koppelen",
    "/nl/account/schoolaccount/ontkoppelen",
    "/nl/scholen/{school}/inloggen",
    "/en/sign-in/school-account",
    "/en/account/school-account/link",
    "/en/account/school-account/unlink",
    "/en/schools/{school}/sign-in",
    "/sso/callback",
    "/nl/wachtwoord-instellen/{token}",
    "/nl/e-mailadres-bevestigen/{token}",
    "/nl/inrichten/{token}",
    "/nl/uitnodiging/{token}",
    "/nl/scholen",
    "/nl/scholen/{school}",
    "/nl/scholen/{school}/leden",
    "/nl/scholen/{school}/leden/{member}",
    "/nl/scholen/{school}/leden/{member}/rollen",
    "/nl/scholen/{school}/leden/{member}/bevoegdheid",
    "/nl/scholen/{school}/leden/{member}/deactiveren",
    "/nl/scholen/{school}/leden/{member}/activeren",
    "/nl/scholen/{school}/leden/{member}/verwijderen",
    "/nl/scholen/{school}/leden/{member}/wachtwoordlink",
    "/nl/scholen/{school}/uitnodigingen",
    "/nl/scholen/{school}/uitnodigingen/lijst",
    "/nl/scholen/{school}/uitnodigingen/{invitation}/intrekken",
    "/nl/scholen/{school}/logboek",
    "/nl/scholen/{school}/logboek.csv",
    "/nl/scholen/{school}/instellingen",
    "/nl/scholen/{school}/instellingen/schaal",
    "/nl/scholen/{school}/rondes",
    "/nl/scholen/{school}/rondes/{round}",
    "/nl/scholen/{school}/rondes/{round}/sluiten",
    "/nl/scholen/{school}/rondes/{round}/heropenen",
    "/nl/scholen/{school}/rondes/{round}/klaar",
    "/nl/scholen/{school}/rondes/{round}/opslaan",
    "/nl/scholen/{school}/rondes/{round}/overzicht",
    "/nl/scholen/{school}/rondes/{round}/overzicht.pdf",
    "/nl/scholen/{school}/rondes/{round}/overzicht.docx",
    "/nl/scholen/{school}/rondes/{round}/delen",
    "/nl/scholen/{school}/rondes/{round}/gedeeld/{member}",
    "/nl/scholen/{school}/rondes/{round}/gedeeld/{member}/overzicht.pdf",
    "/nl/scholen/{school}/rondes/{round}/gedeeld/{member}/overzicht.docx",
    "/nl/scholen/{school}/rondes/{round}/{role}/{area}",
    "/nl/scholen/{school}/rondes/{round}/wie-doet-wat",
    "/nl/scholen/{school}/rondes/{round}/teambeeld",
    "/nl/scholen/{school}/rondes/{round}/teambeeld/meetellen",
    "/nl/scholen/{school}/teams",
    "/nl/scholen/{school}/instellingen/teambeeld",
    "/nl/scholen/{school}/teamoverleg",
    "/nl/scholen/{school}/teamoverleg/{meeting}",
    "/nl/scholen/{school}/teamoverleg/{meeting}/teamoverleg.pdf",
    "/nl/scholen/{school}/teamoverleg/{meeting}/teamoverleg.docx",
    "/nl/scholen/{school}/visie",
    "/nl/scholen/{school}/visie/concept",
    "/nl/scholen/{school}/visie/vergelijken",
    "/nl/scholen/{school}/visie/versies/{version}",
    "/nl/scholen/{school}/visie/versies/{version}/visie.pdf",
    "/nl/scholen/{school}/visie/versies/{version}/visie.docx",
    "/nl/scholen/{school}/visie/werkplannen",
    "/nl/scholen/{school}/visie/jaarcyclus",
    "/nl/scholen/{school}/visie/jaarcyclus/jaarverslag.pdf",
    "/nl/scholen/{school}/visie/jaarcyclus/jaarverslag.docx",
    "/nl/scholen/{school}/visie/werkplannen/{plan}",
    "/nl/scholen/{school}/visie/werkplannen/{plan}/werkplan.pdf",
    "/nl/scholen/{school}/visie/werkplannen/{plan}/werkplan.docx",
    "/nl/scholen/{school}/leerlingenenquete",
    "/nl/scholen/{school}/leerlingenenquete/{survey}",
    "/nl/scholen/{school}/leerlingenenquete/{survey}/resultaten.xlsx",
    "/nl/enquete",
    "/nl/netwerken",
    "/nl/netwerken/{network}",
    "/nl/netwerken/{network}/netwerkverslag.pdf",
    "/nl/netwerken/{network}/netwerkverslag.docx",
    "/nl/scholen/{school}/netwerken",
    "/nl/scholen/{school}/api-sleutels",
    "/nl/scholen/{school}/netwerken/{network}",
    "/nl/enquete/antwoorden",
    "/nl/enquete/bedankt",
    "/nl/scholen/{school}/ontwikkelplan",
    "/nl/scholen/{school}/ontwikkelplan.pdf",
    "/nl/scholen/{school}/ontwikkelplan.docx",
    "/nl/scholen/{school}/ontwikkelplan/nieuw-doel",
    "/nl/scholen/{school}/ontwikkelplan/doelen/{goal}",
    "/nl/scholen/{school}/gesprekken",
    "/nl/scholen/{school}/gesprekken/plannen/{member}",
    "/nl/scholen/{school}/gesprekken/voorbereiden",
    "/nl/scholen/{school}/gesprekken/{conversation}",
    "/nl/scholen/{school}/gesprekken/{conversation}/gesprek.pdf",
    "/nl/scholen/{school}/gesprekken/{conversation}/gesprek.docx",
    "/nl/scholen/{school}/taken",
    "/nl/scholen/{school}/taken/uren",
    "/nl/scholen/{school}/taken/wie-doet-wat.xlsx",
    "/nl/scholen/{school}/taken/wie-doet-wat.pdf",
    "/nl/scholen/{school}/taken/{code}",
    "/nl/scholen/{school}/raamwerk",
    "/nl/scholen/{school}/raamwerk/versies/{edition}",
    "/nl/scholen/{school}/raamwerk/versies/{edition}/openbaar",
    "/nl/scholen/{school}/raamwerk/versies/{edition}/bestand/{format}",
    "/nl/scholen/{school}/raamwerk/inlezen",
    "/nl/scholen/{school}/raamwerk/inlezen/bevestigen",
    "/nl/scholen/{school}/raamwerk/vergelijken",
    "/nl/scholen/{school}/raamwerk/landelijk",
    "/nl/scholen/{school}/raamwerk/concept",
    "/nl/scholen/{school}/raamwerk/concept/toevoegen",
    "/nl/scholen/{school}/raamwerk/concept/publiceren",
    "/nl/scholen/{school}/raamwerk/concept/weggooien",
    "/nl/scholen/{school}/raamwerk/concept/{code}",
    "/en",
    "/en/",
    "/en/roles/{role}",
    "/en/roles/{role}/{area}",
    "/en/themes",
    "/en/themes/{code}",
    "/en/privacy",
    "/en/survey",
    "/en/networks",
    "/en/networks/{network}",
    "/en/networks/{network}/network-report.pdf",
    "/en/networks/{network}/network-report.docx",
    "/en/schools/{school}/networks",
    "/en/schools/{school}/api-tokens",
    "/en/schools/{school}/networks/{network}",
    "/en/survey/answers",
    "/en/survey/thanks",
    "/en/schools/{school}/student-survey",
    "/en/schools/{school}/student-survey/{survey}",
    "/en/schools/{school}/student-survey/{survey}/results.xlsx",
    "/en/self-scan",
    "/en/self-scan/overview",
    "/en/self-scan/back",
    "/en/self-scan/overview.pdf",
    "/en/self-scan/overview.docx",
    "/en/sign-in",
    "/en/sign-out",
    "/en/sign-out-everywhere",
    "/en/forgot-password",
    "/en/account",
    "/en/account/data.json",
    "/en/account/roles",
    "/en/account/password",
    "/en/account/name",
    "/en/account/email",
    "/en/account/delete",
    "/en/set-password/{token}",
    "/en/confirm-email/{token}",
    "/en/set-up/{token}",
    "/en/invitation/{token}",
    "/en/schools",
    "/en/schools/{school}",
    "/en/schools/{school}/members",
    "/en/schools/{school}/members/{member}",
    "/en/schools/{school}/members/{member}/roles",
    "/en/schools/{school}/members/{member}/permission",
    "/en/schools/{school}/members/{member}/deactivate",
    "/en/schools/{school}/members/{member}/reactivate",
    "/en/schools/{school}/members/{member}/remove",
    "/en/schools/{school}/members/{member}/password-link",
    "/en/schools/{school}/invitations",
    "/en/schools/{school}/invitations/list",
    "/en/schools/{school}/invitations/{invitation}/revoke",
    "/en/schools/{school}/audit-log",
    "/en/schools/{school}/audit-log.csv",
    "/en/schools/{school}/settings",
    "/en/schools/{school}/settings/scale",
    "/en/schools/{school}/rounds",
    "/en/schools/{school}/rounds/{round}",
    "/en/schools/{school}/rounds/{round}/close",
    "/en/schools/{school}/rounds/{round}/reopen",
    "/en/schools/{school}/rounds/{round}/finish",
    "/en/schools/{school}/rounds/{round}/save",
    "/en/schools/{school}/rounds/{round}/overview",
    "/en/schools/{school}/rounds/{round}/overview.pdf",
    "/en/schools/{school}/rounds/{round}/overview.docx",
    "/en/schools/{school}/rounds/{round}/share",
    "/en/schools/{school}/rounds/{round}/shared/{member}",
    "/en/schools/{school}/rounds/{round}/shared/{member}/overview.pdf",
    "/en/schools/{school}/rounds/{round}/shared/{member}/overview.docx",
    "/en/schools/{school}/rounds/{round}/{role}/{area}",
    "/en/schools/{school}/rounds/{round}/who-does-what",
    "/en/schools/{school}/rounds/{round}/team-picture",
    "/en/schools/{school}/rounds/{round}/team-picture/count",
    "/en/schools/{school}/teams",
    "/en/schools/{school}/settings/team-picture",
    "/en/schools/{school}/team-meetings",
    "/en/schools/{school}/team-meetings/{meeting}",
    "/en/schools/{school}/team-meetings/{meeting}/team-meeting.pdf",
    "/en/schools/{school}/team-meetings/{meeting}/team-meeting.docx",
    "/en/schools/{school}/vision",
    "/en/schools/{school}/vision/draft",
    "/en/schools/{school}/vision/compare",
    "/en/schools/{school}/vision/versions/{version}",
    "/en/schools/{school}/vision/versions/{version}/vision.pdf",
    "/en/schools/{school}/vision/versions/{version}/vision.docx",
    "/en/schools/{school}/vision/work-plans",
    "/en/schools/{school}/vision/yearly-cycle",
    "/en/schools/{school}/vision/yearly-cycle/year-report.pdf",
    "/en/schools/{school}/vision/yearly-cycle/year-report.docx",
    "/en/schools/{school}/vision/work-plans/{plan}",
    "/en/schools/{school}/vision/work-plans/{plan}/work-plan.pdf",
    "/en/schools/{school}/vision/work-plans/{plan}/work-plan.docx",
    "/en/schools/{school}/development-plan",
    "/en/schools/{school}/development-plan.pdf",
    "/en/schools/{school}/development-plan.docx",
    "/en/schools/{school}/development-plan/new-goal",
    "/en/schools/{school}/development-plan/goals/{goal}",
    "/en/schools/{school}/conversations",
    "/en/schools/{school}/conversations/plans/{member}",
    "/en/schools/{school}/conversations/prepare",
    "/en/schools/{school}/conversations/{conversation}",
    "/en/schools/{school}/conversations/{conversation}/conversation.pdf",
    "/en/schools/{school}/conversations/{conversation}/conversation.docx",
    "/en/schools/{school}/tasks",
    "/en/schools/{school}/tasks/hours",
    "/en/schools/{school}/tasks/who-does-what.xlsx",
    "/en/schools/{school}/tasks/who-does-what.pdf",
    "/en/schools/{school}/tasks/{code}",
    "/en/schools/{school}/framework",
    "/en/schools/{school}/framework/versions/{edition}",
    "/en/schools/{school}/framework/versions/{edition}/open",
    "/en/schools/{school}/framework/versions/{edition}/file/{format}",
    "/en/schools/{school}/framework/import",
    "/en/schools/{school}/framework/import/confirm",
    "/en/schools/{school}/framework/compare",
    "/en/schools/{school}/framework/national",
    "/en/schools/{school}/framework/draft",
    "/en/schools/{school}/framework/draft/add",
    "/en/schools/{school}/framework/draft/publish",
    "/en/schools/{school}/framework/draft/discard",
    "/en/schools/{school}/framework/draft/{code}",
];

/// Text that only someone of school B could see: its name (the short name in a path is
/// lowercase and does not match), its people's names, an invited address no one of A was
/// told, and a note in a B member's scan.
const MARKERS: &[&str] = &["Rivierenland", "kandidaat@roc.nl", "geheim"];

/// Everything of B that a request could change.
async fn snapshot(app: &TestApp, b: &Team) -> String {
    let store = &app.state.store;
    let mut members = store.members(b.school.id).await.expect("members");
    members.sort_by_key(|(u, _)| u.id.0);
    let mut invitations: Vec<String> = store
        .invitations(b.school.id)
        .await
        .expect("invitations")
        .into_iter()
        .map(|i| format!("{} {} {:?}", i.id, i.email, i.state))
        .collect();
    invitations.sort();
    let audit = store.audit_log(b.school.id).await.expect("audit").len();
    let rounds = store.rounds(b.school.id).await.expect("rounds");
    let mut scans = Vec::new();
    for round in &rounds {
        for user in [&b.admin, &b.coordinator, &b.member] {
            scans.push(
                store
                    .my_scan(b.school.id, round.id, user.id)
                    .await
                    .expect("scan"),
            );
        }
    }
    let mut sessions = Vec::new();
    for user in [&b.admin, &b.coordinator, &b.member] {
        sessions.push(store.session_count(user.id).await.expect("sessions"));
    }
    let editions = store.school_editions(b.school.id).await.expect("editions");
    let year = domain::allocation::SchoolYear::parse("2026-2027").expect("valid");
    let allocation = store
        .allocation(b.school.id, year)
        .await
        .expect("allocation");
    let mut tasks: Vec<_> = allocation.tasks.iter().collect();
    tasks.sort();
    let mut hours: Vec<_> = allocation.hours.iter().collect();
    hours.sort();
    let allocation = format!(
        "{tasks:?} {hours:?} {:?} {:?}",
        allocation.assignments,
        store
            .allocation_settings(b.school.id)
            .await
            .expect("settings")
    );
    let draft = store.draft(b.school.id).await.expect("draft");
    let picture = store
        .picture_input(
            b.school.id,
            rounds.first().map(|r| r.id).unwrap_or_default(),
        )
        .await
        .expect("picture");
    let picture = format!(
        "{:?} {:?} {:?}",
        store.teams(b.school.id).await.expect("teams"),
        picture.map(|p| (p.threshold, p.scans.len())),
        store.picture_threshold(b.school.id).await.expect("k")
    );
    let mut plans = Vec::new();
    for user in [&b.admin, &b.coordinator, &b.member] {
        plans.push(format!(
            "{:?} {:?}",
            store.plan(b.school.id, user.id).await.expect("plan"),
            store
                .conversations(b.school.id, user.id)
                .await
                .expect("conversations")
        ));
        for c in store
            .conversations(b.school.id, user.id)
            .await
            .expect("conversations")
        {
            plans.push(format!(
                "{:?}",
                store
                    .conversation(b.school.id, c.id, user.id)
                    .await
                    .expect("conversation")
            ));
        }
    }
    let mut meetings = Vec::new();
    for m in store.meetings(b.school.id).await.expect("meetings") {
        meetings.push(format!(
            "{:?}",
            store.meeting(b.school.id, m.id).await.expect("meeting")
        ));
    }
    let vision = store.vision_draft(b.school.id).await.expect("vision");
    let mut work_plans = Vec::new();
    for p in store.work_plans(b.school.id).await.expect("work plans") {
        work_plans.push(format!(
            "{:?}",
            store.work_plan(b.school.id, p.id).await.expect("work plan")
        ));
    }
    let versions = store.vision_versions(b.school.id).await.expect("versions");
    let evaluations = store
        .goal_evaluations(
            b.school.id,
            domain::allocation::SchoolYear::parse("2026-2027").expect("year"),
        )
        .await
        .expect("evaluations");
    let mut surveys = Vec::new();
    for s in store.surveys(b.school.id).await.expect("surveys") {
        let survey = store
            .survey(b.school.id, s.id)
            .await
            .expect("survey")
            .expect("there");
        let answers = store
            .survey_answers(b.school.id, &survey)
            .await
            .expect("answers");
        surveys.push(format!("{survey:?} {answers:?}"));
    }
    let year = domain::allocation::SchoolYear::parse("2026-2027").expect("year");
    let networks = format!(
        "{:?} {:?}",
        store.school_networks(b.school.id).await.expect("networks"),
        store
            .shared_figures(b.school.id, year)
            .await
            .expect("figures")
    );
    let tokens = format!(
        "{:?} {:?}",
        store.school_tokens(b.school.id).await.expect("tokens"),
        store.members_tokens(b.school.id).await.expect("tokens")
    );
    format!(
        "{networks}\n{tokens}\n{:?}\n{members:?}\n{invitations:?}\n{audit}\n{sessions:?}\n{rounds:?}\n{scans:?}\n{editions:?}\n{draft:?}\n{allocation}\n{plans:?}\n{picture}\n{meetings:?}\n{vision:?}\n{versions:?}\n{work_plans:?}\n{evaluations:?}\n{surveys:?}",
        store.school(b.school.id).await.expect("school")
    )
}

async fn nothing_of_one_school_reaches_another(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let b = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    // B has an open invitation and sessions of its own.
    let invitation = store
        .invite(
            b.school.id,
            b.admin.id,
            &domain::account::Email::parse("kandidaat@roc.nl").expect("valid"),
            Permission::Coordinator,
            &domain::account::FrameworkRoles::default(),
        )
        .await
        .expect("invitation");
    for user in [&b.admin, &b.coordinator, &b.member] {
        app.session(user.id).await;
    }
    // And an open round, in which its mentor wrote something private.
    let round = store
        .open_round(
            b.school.id,
            b.coordinator.id,
            &domain::scan::RoundName::parse("Rivierenland najaar").expect("valid"),
            domain::scan::Period::parse("2026-11-25", "").expect("valid"),
            app.state.edition().id(),
        )
        .await
        .expect("round");
    store
        .save_scan(
            b.school.id,
            round.id,
            b.member.id,
            &[domain::scan::Change::AnswerNote(
                domain::Code::parse("BEG.VIS.T1").expect("valid"),
                domain::scan::Note::parse("geheim van Rivierenland", 500).expect("valid"),
            )],
        )
        .await
        .expect("saved");

    // B has an edition of its own (its title names the school) and a draft of the next.
    let own = crate::helpers::framework::publish_own(&app, &b, |s| {
        domain::framework::draft::add(
            s,
            domain::Role::Mentor,
            domain::Area::Vision,
            domain::Kind::Task,
            domain::Text::new("Stage in Rivierenland, geheim.", ""),
            None,
            vec![],
        )
        .expect("added");
    })
    .await;
    store
        .start_draft(
            b.school.id,
            b.coordinator.id,
            "Decaan",
            &own,
            app.state.edition().id(),
        )
        .await
        .expect("draft");

    // Every route is listed above, and nothing is listed that is not a route.
    let mut routes = web::route_paths();
    routes.sort();
    let mut covered: Vec<String> = COVERED.iter().map(|s| (*s).to_owned()).collect();
    covered.sort();
    let missing: Vec<&String> = routes.iter().filter(|r| !covered.contains(r)).collect();
    let stale: Vec<&String> = covered.iter().filter(|c| !routes.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "routes the isolation test does not cover (add them to COVERED): {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "COVERED lists routes that no longer exist: {stale:?}"
    );

    // B's mentor has a development plan (shared with B's coordinator to comment on) and a
    // conversation with the coordinator, shared, with an agreement.
    let made_on = domain::framework::Date::new(2026, 12, 1).expect("valid");
    let goal = store
        .add_goal(
            b.school.id,
            b.member.id,
            &domain::plan::GoalFields {
                what: domain::plan::Line::parse("Geheim doel van Rivierenland", 300)
                    .expect("valid"),
                why: None,
                statements: vec![domain::Code::parse("BEG.VIS.T1").expect("valid")],
                support: None,
                partner: Some(domain::plan::Partner::Colleague(b.coordinator.id)),
                target: None,
                status: domain::plan::GoalStatus::Open,
                reflection: None,
            },
            Some(round.id),
            made_on,
        )
        .await
        .expect("goal");
    store
        .share_plan(
            b.school.id,
            b.member.id,
            b.coordinator.id,
            Some(store::ShareMode::Comment),
        )
        .await
        .expect("shared");
    let conversation = store
        .create_conversation(
            b.school.id,
            b.member.id,
            Some(&domain::plan::Partner::Colleague(b.coordinator.id)),
            Some(made_on),
            true,
            &[domain::conversation::AgendaStep {
                step: domain::conversation::Step::Reflect,
                minutes: 20,
                items: vec!["geheim agendapunt".to_owned()],
            }],
        )
        .await
        .expect("conversation");
    store
        .share_conversation(b.school.id, b.member.id, conversation, true)
        .await
        .expect("shared");
    store
        .add_agreement(
            b.school.id,
            conversation,
            b.coordinator.id,
            &domain::plan::Line::parse("Geheime afspraak", 300).expect("valid"),
            &store::AgreementGoal::Goal(goal),
            made_on,
        )
        .await
        .expect_err("only the owner chooses a goal");
    store
        .add_agreement(
            b.school.id,
            conversation,
            b.member.id,
            &domain::plan::Line::parse("Geheime afspraak", 300).expect("valid"),
            &store::AgreementGoal::Goal(goal),
            made_on,
        )
        .await
        .expect("agreed");

    // B's mentor lets the scan count in the team picture; B has a team.
    assert!(
        store
            .set_picture_consent(b.school.id, round.id, b.member.id, true)
            .await
            .expect("consent")
    );
    store
        .save_team(
            b.school.id,
            b.coordinator.id,
            None,
            "Rivierenland onderbouw",
            &[b.member.id, b.coordinator.id],
        )
        .await
        .expect("team");

    // B's coordinator prepared a team meeting and recorded an agreement.
    let meeting = store
        .create_meeting(
            b.school.id,
            b.coordinator.id,
            Some(round.id),
            Some(made_on),
            &[domain::meeting::Topic {
                source: domain::meeting::Source::Free,
                title: domain::plan::Line::parse("Geheim onderwerp van Rivierenland", 300)
                    .expect("valid"),
                task: None,
                minutes: 30,
            }],
        )
        .await
        .expect("meeting");
    store
        .add_meeting_agreement(
            b.school.id,
            b.coordinator.id,
            meeting,
            &domain::plan::Line::parse("Geheime teamafspraak", 300).expect("valid"),
            None,
            domain::allocation::SchoolYear::parse("2026-2027").expect("valid"),
            &[],
            domain::allocation::Rules::default(),
        )
        .await
        .expect("agreed");

    // B's coordinator wrote and published a vision.
    store
        .save_vision_section(
            b.school.id,
            b.coordinator.id,
            domain::vision::Section::Intro,
            0,
            &domain::vision::SectionText {
                body: domain::vision::Body::parse("De geheime visie van Rivierenland")
                    .expect("valid"),
                links: vec![domain::Code::parse("BEG.VIS.T1").expect("code")],
            },
        )
        .await
        .expect("written");
    let vision_goal = domain::vision::GoalInput {
        section: "visie",
        goal: "Geheim doel van Rivierenland",
        indicator: "Geheime indicator",
        target: "100%",
        owner: "Geheime eigenaar",
        evaluate_on: "2027-06-15",
    }
    .parse()
    .expect("valid");
    store
        .add_vision_goal(b.school.id, b.coordinator.id, &vision_goal)
        .await
        .expect("goal");
    let version = store
        .publish_vision(
            b.school.id,
            b.coordinator.id,
            2,
            "Geheime eerste versie",
            made_on,
            &Default::default(),
        )
        .await
        .expect("published");

    let mut target = Target::of(&b, &invitation.invitation, &round, &own);
    target.version = version.to_string();
    let goals = store
        .vision_version(b.school.id, version)
        .await
        .expect("version")
        .expect("there")
        .goal_ids;
    let plan = store
        .create_work_plan(
            b.school.id,
            b.coordinator.id,
            &domain::plan::Line::parse("Geheim werkplan", 120).expect("valid"),
            domain::allocation::SchoolYear::parse("2026-2027").expect("valid"),
            version,
            &goals,
        )
        .await
        .expect("work plan");
    target.plan = plan.to_string();
    store
        .save_goal_evaluation(
            b.school.id,
            b.coordinator.id,
            domain::allocation::SchoolYear::parse("2026-2027").expect("valid"),
            goals[0],
            &domain::plan::Line::parse("Geheim doel van Rivierenland", 300).expect("valid"),
            0,
            &domain::cycle::Evaluation::parse("Geheim resultaat", "", "Geheim bijstellen")
                .expect("valid"),
        )
        .await
        .expect("evaluated");
    // B's students answered a survey, now closed, whose results show (k = 5).
    let (survey, codes) = store
        .open_survey(
            b.school.id,
            b.coordinator.id,
            &domain::plan::Line::parse("Geheime enquête van Rivierenland", 120).expect("valid"),
            domain::aggregate::Threshold::new(5).expect("k"),
            &domain::survey::parse_groups("Geheime klas, 20", &[]).expect("valid"),
        )
        .await
        .expect("survey");
    let answers = domain::survey::Response::parse(&[
        ("v1".to_owned(), "4".to_owned()),
        ("opmerking".to_owned(), "Geheime opmerking".to_owned()),
    ])
    .expect("valid");
    for _ in 0..6 {
        store
            .answer_survey(&codes[0].code, &answers)
            .await
            .expect("answered");
    }
    store
        .close_survey(b.school.id, b.coordinator.id, survey)
        .await
        .expect("closed");
    target.survey = survey.to_string();
    // B is in a network of its own, shares its figures there with an explanation; A is in
    // another network, whose coordinator walks too.
    let (b_network, b_network_coordinator) =
        crate::helpers::network::network(&app, "Netwerk Rivierenland", "netwerk@rivierenland.nl")
            .await;
    crate::helpers::network::join(&app, &b_network, b_network_coordinator, &b).await;
    crate::helpers::network::share(
        &app,
        &b_network,
        &b,
        &domain::network::Indicator::ALL,
        true,
        domain::allocation::SchoolYear::parse("2026-2027").expect("year"),
        0.42,
    )
    .await;
    store
        .set_network_sharing(
            b.school.id,
            b.admin.id,
            b_network.id,
            &domain::network::Indicator::ALL,
            true,
            Some("Geheime toelichting van Rivierenland"),
        )
        .await
        .expect("explained");
    let (a_network, a_network_coordinator) =
        crate::helpers::network::network(&app, "Pilot West", "netwerk@pilotwest.nl").await;
    crate::helpers::network::join(&app, &a_network, a_network_coordinator, &a).await;
    // B's mentor and administrator made tokens; A's member and administrator too, which walk
    // with every scope they can have.
    let token = |school, maker, holder, scopes: &str| store::NewToken {
        school,
        maker,
        holder,
        name: domain::api_token::TokenName::parse("Geheime koppeling").expect("valid"),
        scopes: domain::api_token::Scopes::parse(scopes, holder).expect("valid"),
        lifetime: domain::api_token::Lifetime::parse("").expect("valid"),
    };
    use domain::api_token::Holder;
    const EVERY: &str = "framework:write rounds:read scan:write plan:read allocation:write \
        hours:write members:read team:read";
    const SCHOOL_WIDE: &str =
        "framework:write rounds:read allocation:write hours:write members:read team:read";
    store
        .create_token(&token(b.school.id, b.member.id, Holder::Person, EVERY))
        .await
        .expect("B's token");
    store
        .create_token(&token(b.school.id, b.admin.id, Holder::School, SCHOOL_WIDE))
        .await
        .expect("B's school token");
    let (_, a_personal) = store
        .create_token(&token(a.school.id, a.member.id, Holder::Person, EVERY))
        .await
        .expect("A's token");
    let (_, a_school) = store
        .create_token(&token(a.school.id, a.admin.id, Holder::School, SCHOOL_WIDE))
        .await
        .expect("A's school token");
    target.network = b_network.short_name.clone();
    target.goal = goal.to_string();
    target.conversation = conversation.to_string();
    target.meeting = meeting.to_string();
    let theme = app.state.edition().themes()[0].code.as_str().to_owned();

    // The markers are right: B's own people do see them.
    let own = app.session(b.admin.id).await;
    let control = app
        .get_with(
            &format!("/nl/scholen/{}/leden", target.short),
            &[("cookie", &own)],
        )
        .await;
    assert!(
        MARKERS[..2].iter().all(|m| control.body.contains(m)),
        "{}",
        control.body
    );
    let mentor = app.session(b.member.id).await;
    let scan = app
        .get_with(
            &format!(
                "/nl/scholen/{}/rondes/{}/begeleider/visie-en-beleid",
                target.short, target.round
            ),
            &[("cookie", &mentor)],
        )
        .await;
    assert!(scan.body.contains(MARKERS[2]), "{}", scan.body);
    let coordinator = app.session(b.coordinator.id).await;
    let shared = app
        .get_with(
            &format!(
                "/nl/scholen/{}/gesprekken/plannen/{}",
                target.short, b.member.id
            ),
            &[("cookie", &coordinator)],
        )
        .await;
    assert!(
        shared.body.contains("Geheim doel van Rivierenland"),
        "{}",
        shared.body
    );

    let before = snapshot(&app, &b).await;
    let b_goal = target.goal.clone();
    let b_partner = format!("persoon:{}", b.member.id);
    // A form with B's values in every field a page reads.
    let hostile = [
        ("school", target.short.as_str()),
        ("email", "beheer@roc.nl"),
        ("name", "Overnemer"),
        ("password", "niet het wachtwoord van iemand"),
        ("repeat", "niet het wachtwoord van iemand"),
        ("permission", "schoolbeheerder"),
        ("role_beg", "on"),
        ("role_spe", "on"),
        ("role_coo", "on"),
        ("confirm", "on"),
        ("bevestig", "1"),
        ("school_name", "Overgenomen"),
        ("students", "10"),
        ("region", "utrecht"),
        ("sector_vo", "on"),
        ("op", "hide"),
        ("revision", "0"),
        ("take", "all"),
        ("open", "1"),
        ("summary", "Overgenomen"),
        ("nl", "Overgenomen"),
        ("role", "BEG"),
        ("area", "VIS"),
        ("kind", "task"),
        ("aan", "1"),
        ("party", "role:BEG"),
        ("part", "verantwoordelijk"),
        ("formula", "nvs"),
        ("nvs_minutes", "60"),
        ("own_base", "1"),
        ("own_per_decaan", "1"),
        ("own_per_student", "1"),
        ("category", "management"),
        ("goal", b_goal.as_str()),
        ("onderdeel", "inleiding"),
        ("revisie", "1"),
        ("tekst", "Overgenomen"),
        ("samenvatting", "Overgenomen"),
        ("titel", "Overgenomen"),
        ("jaar", "2026-2027"),
        ("eigenaar", "Overnemer"),
        ("id", b_goal.as_str()),
        ("partner", b_partner.as_str()),
        ("what", "Overgenomen"),
        ("text", "Overgenomen"),
        ("mode", "reageren"),
        ("uitspraak", "BEG.VIS.T1"),
        ("zeker", "ja"),
        ("k", "5"),
        ("lid", b_partner.as_str()),
        ("onderwerp", "verschil:BEG.VIS.T1"),
        ("eigen", "Overgenomen"),
        ("taak", "BEG.VIS.T1"),
        ("titel-0", "Overgenomen"),
        ("minuten-0", "10"),
        ("nieuw", "Overgenomen"),
        ("nieuw-minuten", "10"),
        ("stap", "verwijderen"),
        ("naam", "Overgenomen"),
        ("groepen", "Overgenomen, 10"),
        ("groep", b_goal.as_str()),
        ("erbij", "10"),
        ("netwerk", target.network.as_str()),
        ("deel", "teambeeld"),
        ("noemen", "ja"),
        ("toelichting", "Overgenomen"),
    ];
    let a_personal = format!("Bearer {a_personal}");
    let a_school = format!("Bearer {a_school}");
    // A script's body with B's values, for every JSON route of the API at once (each reads
    // its own fields).
    let hostile_json = serde_json::json!({
        "answers": [{"statement": "BEG.VIS.T1", "choice": "ja", "note": "Overgenomen", "discuss": true}],
        "notes": [{"key": "focus.BEG.VIS.T", "text": "Overgenomen"}],
        "rules": {"one_responsible": false, "many_responsibilities": 1},
        "tasks": [{"task": "BEG.VIS.T1", "category": "management", "minutes": 60}],
        "remove": [{"task": "BEG.VIS.T1", "party": {"kind": "role", "id": "BEG"}, "part": "verantwoordelijk"}],
        "add": [{"task": "BEG.VIS.T2", "party": {"kind": "person", "id": b.member.id.0.to_string()}, "part": "uitvoerend"}],
        "settings": {"formula": "nvs", "nvs_minutes_per_student": 60, "own_base_minutes": 1,
            "own_per_decaan_minutes": 1, "own_per_student_minutes": 1, "decanen": 1, "students": 1},
        "people": [{"person": b.member.id.0.to_string(), "minutes": 60}]
    })
    .to_string()
    .into_bytes();
    let actors = [
        ("anonymous", None, None),
        ("member of A", Some(a.member.id), None),
        ("coordinator of A", Some(a.coordinator.id), None),
        ("administrator of A", Some(a.admin.id), None),
        (
            "coordinator of A's network",
            Some(a_network_coordinator),
            None,
        ),
        ("A's member's token", None, Some(a_personal.as_str())),
        ("A's school token", None, Some(a_school.as_str())),
    ];
    let mut requests = 0;
    for pattern in &routes {
        for path in fill(pattern, &target, &theme) {
            for (who, user, token) in actors {
                for method in ["GET", "POST", "PATCH"] {
                    // PATCH only where the API takes JSON.
                    if method == "PATCH" && !path.starts_with("/api/") {
                        continue;
                    }
                    // A fresh session each time: signing out must not turn the rest of the
                    // walk into anonymous requests.
                    let cookie = match user {
                        Some(id) => app.session(id).await,
                        None => String::new(),
                    };
                    let mut headers = vec![("cookie", cookie.as_str())];
                    if let Some(token) = token {
                        headers.push(("authorization", token));
                    }
                    let page = match method {
                        "POST" => app.post_form(&path, &hostile, &headers).await,
                        "GET" => app.get_with(&path, &headers).await,
                        _ => {
                            headers.push(("content-type", "application/json"));
                            app.call(method, &path, &headers, hostile_json.to_vec())
                                .await
                        }
                    };
                    requests += 1;
                    assert!(
                        !page.status.is_server_error(),
                        "{method} {path} as {who}: {}",
                        page.status
                    );
                    for marker in MARKERS {
                        assert!(
                            !page.body.contains(marker),
                            "{method} {path} as {who} shows {marker:?} of school B:\n{}",
                            page.body
                        );
                    }
                    // A school route of B, or a route of B's network, answers nothing but a
                    // refusal.
                    if pattern.contains("{school}") || pattern.contains("{network}") {
                        assert!(
                            matches!(
                                page.status,
                                StatusCode::NOT_FOUND
                                    | StatusCode::SEE_OTHER
                                    | StatusCode::UNAUTHORIZED
                                    | StatusCode::METHOD_NOT_ALLOWED
                            ),
                            "{method} {path} as {who}: {}",
                            page.status
                        );
                        // Only without a session: sent to sign in (a token signs in no page).
                        if matches!(
                            page.status,
                            StatusCode::SEE_OTHER | StatusCode::UNAUTHORIZED
                        ) {
                            assert!(user.is_none(), "{method} {path} as {who} redirected");
                        }
                        // A token of A is answered for B's school as for no school at all.
                        if token.is_some() && path.starts_with("/api/") {
                            assert!(
                                matches!(
                                    page.status,
                                    StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
                                ),
                                "{method} {path} as {who}: {}",
                                page.status
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(requests > 500, "{requests} requests");
    assert_eq!(before, snapshot(&app, &b).await, "school B changed");
    // And B's people can still work: their sessions were not touched.
    let after = app
        .get_with(
            &format!("/nl/scholen/{}", target.short),
            &[("cookie", &own)],
        )
        .await;
    assert_eq!(after.status, StatusCode::OK);

    replay_links_after_a_membership_change(&app, &a, &b).await;
    app.stop().await;
}

/// The last step of the walk: every kind of one-time link is made, a membership changes, and
/// each link is replayed. None may open what the rules it was made under no longer allow.
async fn replay_links_after_a_membership_change(app: &TestApp, a: &Team, b: &Team) {
    let store = &app.state.store;
    crate::helpers::links::set_own_password(app, a.member.id, crate::helpers::team::PASSWORD).await;
    let a_admin = app.session(a.admin.id).await;
    let a_coordinator = app.session(a.coordinator.id).await;
    // A's administrator's link for A's mentor, A's coordinator's invitation, and a set-up
    // link (made while administrators exist, so void from the start).
    let password_link =
        crate::helpers::links::administrator_link(app, &a_admin, &a.school.short_name, &a.member)
            .await;
    let invitation = crate::helpers::team::path_of(&crate::helpers::team::copied_link(
        &crate::helpers::team::invite(
            app,
            &a_coordinator,
            &a.school.short_name,
            "nieuw@lyceum.nl",
            "lid",
        )
        .await,
        "invite-link",
    ));
    let setup = format!(
        "/nl/inrichten/{}",
        store.create_setup_link().await.expect("link")
    );

    // The changes: B takes A's mentor in (they accept with their own password), and A's
    // administrator deactivates A's coordinator.
    let into_b = store
        .invite(
            b.school.id,
            b.admin.id,
            &a.member.email,
            Permission::Member,
            &domain::account::FrameworkRoles::default(),
        )
        .await
        .expect("invitation");
    let accepted = app
        .post_form(
            &format!("/nl/uitnodiging/{}", into_b.token),
            &[("password", crate::helpers::team::PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let off = app
        .post_form(
            &format!(
                "/nl/scholen/{}/leden/{}/deactiveren",
                a.school.short_name, a.coordinator.id
            ),
            &[],
            &[("cookie", &a_admin)],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);

    let form = [
        ("name", "Overnemer"),
        ("email", "overnemer@lyceum.nl"),
        ("password", "overname via een oude link"),
        ("repeat", "overname via een oude link"),
        ("school_name", "Overgenomen"),
        ("students", "10"),
        ("region", "utrecht"),
        ("sector_vo", "on"),
        ("role_beg", "on"),
    ];
    for link in [&password_link, &invitation, &setup] {
        let shown = app.get(link).await;
        assert_eq!(shown.status, StatusCode::GONE, "GET {link}: {}", shown.body);
        let used = app.post_form(link, &form, &[]).await;
        assert_eq!(used.status, StatusCode::GONE, "POST {link}: {}", used.body);
    }
    // The mentor's password is still their own, and no account or school was made.
    let signed_in = app
        .post_form(
            "/nl/inloggen",
            &[
                ("email", a.member.email.as_str()),
                ("password", "overname via een oude link"),
            ],
            &[],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::UNPROCESSABLE_ENTITY);
    for email in ["nieuw@lyceum.nl", "overnemer@lyceum.nl"] {
        let account = store
            .user_by_email(&domain::account::Email::parse(email).expect("valid"))
            .await
            .expect("lookup");
        assert!(account.is_none(), "{email} got an account");
    }
}
