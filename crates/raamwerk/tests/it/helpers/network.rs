//! Networks as the tests make them: a network with a coordinator of its own (an account in no
//! school), and schools that joined it and share what they chose.

use domain::account::{Email, PersonName, UserId};
use domain::allocation::SchoolYear;
use domain::network::{Figure, Indicator, Kind, Part, network_name};
use store::Network;

use crate::helpers::TestApp;
use crate::helpers::team::Team;

/// A network named `name` whose coordinator has the address `coordinator` (made when new).
pub async fn network(app: &TestApp, name: &str, coordinator: &str) -> (Network, UserId) {
    let store = &app.state.store;
    let network = store
        .create_network(&network_name(name).expect("valid"), Kind::Pilot)
        .await
        .expect("network");
    let email = Email::parse(coordinator).expect("valid");
    let user = match store.user_by_email(&email).await.expect("lookup") {
        Some(user) => user,
        None => store
            .create_user(
                &email,
                &PersonName::parse("Netwerkcoördinator").expect("valid"),
            )
            .await
            .expect("user"),
    };
    store
        .add_network_coordinator(network.id, user.id)
        .await
        .expect("coordinator");
    (network, user.id)
}

/// The school of `team` invited and accepted into the network.
pub async fn join(app: &TestApp, network: &Network, coordinator: UserId, team: &Team) {
    let store = &app.state.store;
    store
        .invite_school(network.id, coordinator, team.school.id)
        .await
        .expect("invited");
    store
        .change_membership(team.school.id, team.admin.id, network.id, true)
        .await
        .expect("joined");
}

/// The school shares `indicators` with the network and `allocation` as its allocation figure
/// of `year` (with a team picture figure per area of the same value).
pub async fn share(
    app: &TestApp,
    network: &Network,
    team: &Team,
    indicators: &[Indicator],
    named: bool,
    year: SchoolYear,
    allocation: f64,
) {
    let store = &app.state.store;
    store
        .set_network_sharing(
            team.school.id,
            team.admin.id,
            network.id,
            indicators,
            named,
            None,
        )
        .await
        .expect("sharing");
    let mut figures = vec![Figure {
        indicator: Indicator::Allocation,
        part: Part::Whole,
        value: allocation,
    }];
    for area in domain::Area::ALL {
        figures.push(Figure {
            indicator: Indicator::TeamPicture,
            part: Part::Area(area),
            value: allocation,
        });
    }
    store
        .share_figures(team.school.id, team.admin.id, year, &figures)
        .await
        .expect("figures");
}
