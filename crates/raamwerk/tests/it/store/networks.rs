//! Networks in the store, on both backends: only a network's coordinator invites; only the
//! school's administrator accepts, chooses what it shares and leaves; a network reads only its
//! members' figures of the indicators each chose; leaving clears the choices at once (the
//! database refuses a non-member with choices); another school finds and changes nothing.

use domain::allocation::SchoolYear;
use domain::network::{Figure, Indicator, Membership, MembershipError, Part};
use store::NetworkError;

use crate::helpers::network::{join, network};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(only_an_accepted_school_shares_and_only_what_it_chose);

fn year() -> SchoolYear {
    SchoolYear::parse("2026-2027").expect("valid")
}

async fn only_an_accepted_school_shares_and_only_what_it_chose(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let roc = team(&app, "ROC Rivierenland", "roc.nl").await;
    let (pilot, coordinator) = network(&app, "Pilot Oost", "netwerk@pilot.nl").await;
    let (west, west_coordinator) = network(&app, "Pilot West", "netwerk@west.nl").await;
    assert_eq!(pilot.short_name, "pilot-oost");
    let again = store
        .create_network(
            &domain::network::network_name("Pilot Oost").expect("v"),
            pilot.kind,
        )
        .await
        .expect("network");
    assert_eq!(
        again.short_name, "pilot-oost-2",
        "a taken short name is numbered"
    );

    // Only the network's own coordinator invites; a school's administrator does not.
    assert!(matches!(
        store
            .invite_school(pilot.id, west_coordinator, lyceum.school.id)
            .await,
        Err(NetworkError::NotAllowed)
    ));
    assert!(matches!(
        store
            .invite_school(pilot.id, lyceum.admin.id, lyceum.school.id)
            .await,
        Err(NetworkError::NotAllowed)
    ));
    assert!(
        store
            .coordinated_network(west_coordinator, &pilot.short_name)
            .await
            .expect("lookup")
            .is_none()
    );
    store
        .invite_school(pilot.id, coordinator, lyceum.school.id)
        .await
        .expect("invited");
    // Only the administrator accepts; a coordinator of the school or another school's
    // administrator cannot.
    for (school, actor) in [
        (lyceum.school.id, lyceum.coordinator.id),
        (lyceum.school.id, roc.admin.id),
    ] {
        assert!(matches!(
            store.change_membership(school, actor, pilot.id, true).await,
            Err(NetworkError::NotAllowed)
        ));
    }
    // Another school was not invited: nothing to accept.
    assert!(matches!(
        store
            .change_membership(roc.school.id, roc.admin.id, pilot.id, true)
            .await,
        Err(NetworkError::NotFound)
    ));
    // Choosing what to share before joining is refused.
    assert!(matches!(
        store
            .set_network_sharing(
                lyceum.school.id,
                lyceum.admin.id,
                pilot.id,
                &Indicator::ALL,
                true,
                None
            )
            .await,
        Err(NetworkError::Membership(MembershipError::NotAMember))
    ));
    assert_eq!(
        store
            .change_membership(lyceum.school.id, lyceum.admin.id, pilot.id, true)
            .await
            .expect("accepted"),
        Membership::Member
    );
    assert!(matches!(
        store
            .invite_school(pilot.id, coordinator, lyceum.school.id)
            .await,
        Err(NetworkError::Membership(MembershipError::AlreadyMember))
    ));

    // A member shares nothing until it chooses; then only what it chose.
    let figures = [
        Figure {
            indicator: Indicator::Allocation,
            part: Part::Whole,
            value: 0.5,
        },
        Figure {
            indicator: Indicator::Hours,
            part: Part::Whole,
            value: 1.25,
        },
    ];
    store
        .share_figures(lyceum.school.id, lyceum.admin.id, year(), &figures)
        .await
        .expect("shared");
    assert!(matches!(
        store
            .share_figures(lyceum.school.id, lyceum.coordinator.id, year(), &figures)
            .await,
        Err(NetworkError::NotAllowed)
    ));
    let read = store
        .network_figures(pilot.id, year())
        .await
        .expect("figures");
    assert_eq!(read.len(), 1);
    assert!(read[0].1.is_empty(), "nothing chosen, nothing read");
    store
        .set_network_sharing(
            lyceum.school.id,
            lyceum.admin.id,
            pilot.id,
            &[Indicator::Hours],
            true,
            Some("Onze uren staan in het formatieplan."),
        )
        .await
        .expect("sharing");
    let read = store
        .network_figures(pilot.id, year())
        .await
        .expect("figures");
    assert_eq!(read[0].1, vec![figures[1]], "only the hours");
    assert!(read[0].0.named);
    // Another year has nothing; another network reads nothing of the lyceum.
    let last_year = store
        .network_figures(pilot.id, year().previous())
        .await
        .expect("figures");
    assert!(last_year[0].1.is_empty());
    join(&app, &west, west_coordinator, &roc).await;
    let west_read = store
        .network_figures(west.id, year())
        .await
        .expect("figures");
    assert_eq!(west_read.len(), 1);
    assert_eq!(west_read[0].0.school.id, roc.school.id);
    // Sharing again replaces the year's figures.
    store
        .share_figures(lyceum.school.id, lyceum.admin.id, year(), &figures[..1])
        .await
        .expect("shared");
    let shared = store
        .shared_figures(lyceum.school.id, year())
        .await
        .expect("read")
        .expect("some");
    assert_eq!(shared.figures, vec![figures[0]]);

    // Leaving clears every choice at once; the school's own figures stay its own.
    assert_eq!(
        store
            .change_membership(lyceum.school.id, lyceum.admin.id, pilot.id, false)
            .await
            .expect("left"),
        Membership::Left
    );
    assert!(
        store
            .network_figures(pilot.id, year())
            .await
            .expect("read")
            .is_empty()
    );
    let all = store.network_schools(pilot.id).await.expect("schools");
    assert_eq!(all[0].state, Membership::Left);
    assert!(all[0].shares.is_empty() && !all[0].named && all[0].explanation.is_none());
    assert!(
        store
            .school_networks(lyceum.school.id)
            .await
            .expect("read")
            .is_empty()
    );
    assert!(matches!(
        store
            .change_membership(lyceum.school.id, lyceum.admin.id, pilot.id, false)
            .await,
        Err(NetworkError::Membership(MembershipError::NotAMember))
    ));
    // The database itself refuses choices for a school that is not a member.
    let (network_id, school_id) = match backend {
        Backend::Sqlite => (
            format!("X'{}'", pilot.id.simple()),
            format!("X'{}'", lyceum.school.id.0.simple()),
        ),
        Backend::Postgres => (
            format!("'{}'", pilot.id),
            format!("'{}'", lyceum.school.id.0),
        ),
    };
    assert!(
        app.try_sql(&format!(
            "UPDATE network_schools SET shares = 'uren' WHERE network_id = {network_id} AND school_id = {school_id}"
        ))
        .await
        .is_err(),
        "a school that left cannot share"
    );
    // Invited again after leaving, it starts from nothing.
    store
        .invite_school(pilot.id, coordinator, lyceum.school.id)
        .await
        .expect("invited again");
    // Withdrawing works once; the coordinator of another network cannot.
    assert!(matches!(
        store
            .withdraw_invitation(pilot.id, west_coordinator, lyceum.school.id)
            .await,
        Err(NetworkError::NotAllowed)
    ));
    store
        .withdraw_invitation(pilot.id, coordinator, lyceum.school.id)
        .await
        .expect("withdrawn");
    assert!(matches!(
        store
            .withdraw_invitation(pilot.id, coordinator, lyceum.school.id)
            .await,
        Err(NetworkError::Membership(MembershipError::NotInvited))
    ));
    app.stop().await;
}
