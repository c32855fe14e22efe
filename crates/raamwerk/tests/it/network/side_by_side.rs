//! A pilot network from invitation to report: the coordinator invites the Stedelijk Lyceum
//! (an unknown school is refused), only its administrator accepts, it chooses what it shares
//! and shares its figures as its page shows them; four other schools share theirs. The
//! network sees median and quartiles only once five schools share a figure, the lyceum sees
//! its own position and no other school's name; it leaves and its figures are gone at once.
//! A coordinator of another network, a member and a forged network see nothing.

use axum::http::StatusCode;
use domain::allocation::SchoolYear;
use domain::network::Indicator;

use crate::helpers::network::{join, network, share};
use crate::helpers::scan::pdf_text;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(schools_learn_from_each_other_without_being_ranked);

const SCHOOL_PAGE: &str = "/nl/scholen/stedelijk-lyceum/netwerken";

async fn schools_learn_from_each_other_without_being_ranked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let year = SchoolYear::of(domain::clock::dutch_date(store::now_millis()));
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (pilot, pilot_coordinator) = network(&app, "Pilot Oost", "netwerk@pilot.nl").await;
    let network_page = format!("/nl/netwerken/{}", pilot.short_name);
    let coordinator = app.session(pilot_coordinator).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let school_coordinator = app.session(lyceum.coordinator.id).await;
    let as_school_coordinator = [("cookie", school_coordinator.as_str())];

    // The coordinator's networks, and the network with nobody in it yet.
    let list = app.get_with("/nl/netwerken", &as_coordinator).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Pilot Oost"), "{}", list.body);
    let schools = app.get_with("/nl/scholen", &as_coordinator).await;
    assert!(schools.body.contains(&network_page), "{}", schools.body);
    // An unknown school is refused with a message; nothing invited.
    let refused = app
        .post_form(
            &network_page,
            &[("stap", "uitnodigen"), ("school", "bestaat-niet")],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Er is geen school met de korte naam of BRIN-code ‘bestaat-niet’"),
        "{}",
        refused.body
    );
    let invited = app
        .post_form(
            &network_page,
            &[("stap", "uitnodigen"), ("school", "stedelijk-lyceum")],
            &as_coordinator,
        )
        .await;
    assert_eq!(invited.status, StatusCode::SEE_OTHER, "{}", invited.body);
    let page = app.get_with(&network_page, &as_coordinator).await;
    assert!(page.body.contains("uitgenodigd"), "{}", page.body);

    // The school's coordinator sees the invitation but cannot answer it.
    let seen = app.get_with(SCHOOL_PAGE, &as_school_coordinator).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert!(
        seen.body
            .contains("De schoolbeheerder beslist over deze uitnodiging.")
    );
    let tried = app
        .post_form(
            SCHOOL_PAGE,
            &[("stap", "aannemen"), ("netwerk", &pilot.short_name)],
            &as_school_coordinator,
        )
        .await;
    assert_eq!(tried.status, StatusCode::FORBIDDEN);
    // A network that did not invite the school is refused.
    let forged = app
        .post_form(
            SCHOOL_PAGE,
            &[("stap", "aannemen"), ("netwerk", "ander-netwerk")],
            &as_admin,
        )
        .await;
    assert_eq!(forged.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        forged.body.contains("niet (meer) uitgenodigd"),
        "{}",
        forged.body
    );
    // The administrator accepts.
    let accepted = app
        .post_form(
            SCHOOL_PAGE,
            &[("stap", "aannemen"), ("netwerk", &pilot.short_name)],
            &as_admin,
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let joined = app.get_with(SCHOOL_PAGE, &as_admin).await;
    assert!(
        joined.body.contains("Deel deze kengetallen"),
        "{}",
        joined.body
    );
    assert!(joined.body.contains("nog geen kengetallen gedeeld"));

    // An explanation over 1,000 characters is refused and kept in the form; nothing changes.
    let long = "x".repeat(1001);
    let refused = app
        .post_form(
            SCHOOL_PAGE,
            &[
                ("stap", "delen"),
                ("netwerk", &pilot.short_name),
                ("deel", "wie-doet-wat"),
                ("toelichting", &long),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("1000"), "{}", refused.body);
    assert!(refused.body.contains(&long), "what was typed stays");
    let sharing = app
        .state
        .store
        .school_networks(lyceum.school.id)
        .await
        .expect("networks");
    assert!(sharing[0].shares.is_empty() && sharing[0].explanation.is_none());
    // It shares who does what, with an explanation, and its figures as its page shows them.
    let saved = app
        .post_form(
            SCHOOL_PAGE,
            &[
                ("stap", "delen"),
                ("netwerk", &pilot.short_name),
                ("deel", "wie-doet-wat"),
                ("toelichting", "Wij beginnen net met de taakverdeling."),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let before = app.get_with(SCHOOL_PAGE, &as_admin).await;
    // Nobody is responsible for a task yet: 0% now, nothing shared yet.
    assert!(
        before.body.contains("<td>Taken met een verantwoordelijke</td><th scope=\"row\">Hele school</th><td>0%</td><td>–</td>"),
        "{}",
        before.body
    );
    let shared = app
        .post_form(SCHOOL_PAGE, &[("stap", "kengetallen")], &as_admin)
        .await;
    assert_eq!(shared.status, StatusCode::SEE_OTHER, "{}", shared.body);
    let after = app.get_with(SCHOOL_PAGE, &as_admin).await;
    assert!(after.body.contains("Laatst gedeeld op"), "{}", after.body);

    // With one school sharing, the network shows nothing but the count.
    let page = app.get_with(&network_page, &as_coordinator).await;
    assert!(
        page.body.contains("Te weinig scholen delen dit"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Wij beginnen net met de taakverdeling."));

    // Four more schools share 20%, 40%, 60% and 80%; one of them agreed to be named.
    let mut others = Vec::new();
    for (i, value) in [0.2, 0.4, 0.6, 0.8].into_iter().enumerate() {
        let other = team(
            &app,
            &format!("Partnerschool {i}"),
            &format!("partner{i}.nl"),
        )
        .await;
        join(&app, &pilot, pilot_coordinator, &other).await;
        share(
            &app,
            &pilot,
            &other,
            &[Indicator::Allocation],
            i == 0,
            year,
            value,
        )
        .await;
        others.push(other);
    }
    // A fifth shares only its hours: it counts for nothing else.
    let hours = team(&app, "Urenschool", "uren.nl").await;
    join(&app, &pilot, pilot_coordinator, &hours).await;
    share(&app, &pilot, &hours, &[Indicator::Hours], false, year, 0.9).await;

    let page = app.get_with(&network_page, &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    let allocation = page
        .body
        .split("id=\"ind-wie-doet-wat\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the allocation's figures");
    assert!(
        allocation.contains("<td>5 scholen</td>\n        <td>20%</td><td>40%</td><td>60%</td>"),
        "{allocation}"
    );
    // Never a value beside a school that did not agree: the one that did is not named either,
    // since four unnamed schools are too few to hide among.
    assert!(!allocation.contains("Partnerschool 1"), "{allocation}");
    assert!(!allocation.contains("Scholen die met naam"), "{allocation}");
    // The team picture was shared by nobody (the lyceum chose only who does what).
    let team_picture = page
        .body
        .split("id=\"ind-teambeeld\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the team picture's figures");
    assert!(team_picture.contains("Te weinig scholen"), "{team_picture}");
    assert!(!team_picture.contains("%"), "{team_picture}");

    // The lyceum sees its own position, and no other school's name.
    let view = app
        .get_with(
            &format!("{SCHOOL_PAGE}/{}", pilot.short_name),
            &as_school_coordinator,
        )
        .await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    assert!(
        view.body.contains("0% (bij het laagste kwart)"),
        "{}",
        view.body
    );
    for other in ["Partnerschool", "Urenschool"] {
        assert!(!view.body.contains(other), "{other} named: {}", view.body);
    }
    // A member of the lyceum does not see the network.
    let member = app.session(lyceum.member.id).await;
    let refused = app
        .get_with(
            &format!("{SCHOOL_PAGE}/{}", pilot.short_name),
            &[("cookie", member.as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // The report between last year and this one: nothing shared last year, this year's figure.
    let (status, content_type, pdf) = app
        .get_bytes(
            &format!(
                "{network_page}/netwerkverslag.pdf?van={}&tot={year}",
                year.previous()
            ),
            &as_coordinator,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    let text = pdf_text(&pdf);
    assert!(text.contains("Netwerkverslag Pilot Oost"), "{text}");
    assert!(text.contains("40%"), "{text}");
    assert!(!text.contains("Partnerschool"), "{text}");
    let docx = app
        .get_with(
            &format!("{network_page}/netwerkverslag.docx"),
            &as_coordinator,
        )
        .await;
    assert_eq!(docx.status, StatusCode::OK);

    // A coordinator of another network sees nothing of this one, nor a school's people.
    let (_, stranger) = network(&app, "Pilot West", "netwerk@west.nl").await;
    let stranger = app.session(stranger).await;
    for cookie in [stranger.as_str(), admin.as_str()] {
        for path in [
            network_page.clone(),
            format!("{network_page}/netwerkverslag.pdf"),
        ] {
            let page = app.get_with(&path, &[("cookie", cookie)]).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
            assert!(!page.body.contains("Pilot Oost"));
        }
    }

    // Leaving needs a tick; then the lyceum's figures are gone from the network at once.
    let refused = app
        .post_form(
            SCHOOL_PAGE,
            &[("stap", "verlaten"), ("netwerk", &pilot.short_name)],
            &as_admin,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let left = app
        .post_form(
            SCHOOL_PAGE,
            &[
                ("stap", "verlaten"),
                ("netwerk", &pilot.short_name),
                ("bevestig", "ja"),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(left.status, StatusCode::SEE_OTHER, "{}", left.body);
    let page = app.get_with(&network_page, &as_coordinator).await;
    let allocation = page
        .body
        .split("id=\"ind-wie-doet-wat\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the allocation's figures");
    assert!(allocation.contains("<td>4 scholen</td>"), "{allocation}");
    assert!(allocation.contains("Te weinig scholen"), "{allocation}");
    assert!(!page.body.contains("Wij beginnen net met de taakverdeling."));
    let gone = app
        .get_with(
            &format!("{SCHOOL_PAGE}/{}", pilot.short_name),
            &as_school_coordinator,
        )
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    // The school's log says what it did.
    let log = app
        .get_with("/nl/scholen/stedelijk-lyceum/logboek", &as_admin)
        .await;
    for entry in [
        "lid geworden van een netwerk",
        "delen met een netwerk gewijzigd",
        "kengetallen gedeeld",
        "netwerk verlaten",
    ] {
        assert!(log.body.contains(entry), "{entry}: {}", log.body);
    }
    app.stop().await;
}
