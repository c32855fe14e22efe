//! The demo's network: a pilot of the demo school with seven other fictional schools that
//! differ (vo and mbo, small and large, three provinces), each having accepted the invitation
//! and chosen what it shares (two agreed to be named, two wrote an explanation), with their
//! figures of last school year and this one; the demo school shares every indicator, its
//! figures computed from its own data as its network page shows them; and a network
//! coordinator who signs in to see it all side by side and download the network report.

use domain::Lang;
use domain::account::{Email, Permission, PersonName, UserId};
use domain::allocation::SchoolYear;
use domain::network::{Figure, Indicator, Kind, network_name};
use domain::school::{NewSchool, Region, School, SchoolName, Sectors, Students};
use store::Store;

use super::{DOMAIN, DemoError, Dice, other};

/// The demo network's name: fictional, and says so.
pub const NETWORK: &str = "Demopilot LOB Oost";

/// One of the other schools: name, sectors, students, province, shares everything, named,
/// explanation.
type OtherSchool = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    bool,
    bool,
    Option<&'static str>,
);

const SCHOOLS: [OtherSchool; 7] = [
    (
        "Demoschool Het Kompas",
        "vo",
        420,
        "Gelderland",
        true,
        true,
        Some(
            "Wij zijn dit jaar met een nieuw mentoraat begonnen; de teamcijfers dalen daardoor even.",
        ),
    ),
    (
        "Demoschool De Vuurtoren",
        "vo",
        1250,
        "Overijssel",
        true,
        false,
        None,
    ),
    (
        "Demo-ROC Rijnstroom",
        "mbo",
        6800,
        "Gelderland",
        true,
        true,
        None,
    ),
    (
        "Demoschool Veldzicht",
        "vo",
        930,
        "Utrecht",
        false,
        false,
        Some("Onze enquête liep via de mentorlessen; bijna elke klas deed mee."),
    ),
    (
        "Demo-vakcollege De Smidse",
        "vo,mbo",
        610,
        "Overijssel",
        true,
        false,
        None,
    ),
    (
        "Demoschool Het Baken",
        "vo",
        1780,
        "Utrecht",
        true,
        false,
        None,
    ),
    (
        "Demo-ROC Hanzeland",
        "mbo",
        4100,
        "Gelderland",
        false,
        false,
        None,
    ),
];

fn bad(e: impl std::fmt::Display) -> DemoError {
    other(e)
}

/// A value around `centre`, spread by the dice, kept between 0 and `max`.
fn around(dice: &mut Dice, centre: f64, max: f64) -> f64 {
    let step = dice.roll(41) as f64 / 100.0 - 0.2;
    (centre + step).clamp(0.0, max)
}

/// A school's figures of a year: the earlier year a little lower, as a pilot hopes.
fn figures(dice: &mut Dice, indicators: &[Indicator], later: bool) -> Vec<Figure> {
    let lift = if later { 0.08 } else { 0.0 };
    let mut out = Vec::new();
    for indicator in indicators {
        for part in indicator.parts() {
            let (centre, max) = match indicator {
                Indicator::TeamPicture => (0.45, 1.0),
                Indicator::Allocation => (0.55, 1.0),
                Indicator::Hours => (0.85, 1.6),
                Indicator::Survey => (0.5, 1.0),
                Indicator::Cycle => (0.4, 1.0),
            };
            out.push(Figure {
                indicator: *indicator,
                part,
                value: around(dice, centre + lift, max),
            });
        }
    }
    out
}

/// The account of a fictional school's administrator (no password: nobody signs in as them).
async fn account(store: &Store, email: &str, name: &str) -> Result<UserId, DemoError> {
    let email = Email::parse(email).map_err(|e| bad(e.message(Lang::En)))?;
    Ok(match store.user_by_email(&email).await? {
        Some(user) => user.id,
        None => {
            let name = PersonName::parse(name).map_err(|e| bad(e.message(Lang::En)))?;
            store.create_user(&email, &name).await?.id
        }
    })
}

/// Makes (or replaces) the demo network. `demo_school` joins through its administrator and
/// shares its figures computed as its own page computes them; returns the coordinator.
pub async fn network(
    store: &Store,
    national: &domain::Edition,
    demo_school: &School,
    demo_admin: UserId,
) -> Result<UserId, DemoError> {
    if let Some(old) = store.network_by_short_name("demopilot-lob-oost").await? {
        store.delete_network(old.id).await?;
    }
    for school in store.schools().await? {
        if SCHOOLS.iter().any(|s| s.0 == school.name.to_string()) {
            store.delete_school(school.id).await?;
        }
    }
    let network = store
        .create_network(
            &network_name(NETWORK).map_err(|e| bad(e.message(Lang::En)))?,
            Kind::Pilot,
        )
        .await?;
    let coordinator = account(
        store,
        &format!("netwerk@{DOMAIN}"),
        "Renske Roelofs (netwerkcoördinator)",
    )
    .await?;
    store
        .add_network_coordinator(network.id, coordinator)
        .await?;
    let this_year = SchoolYear::of(domain::clock::dutch_date(store::now_millis()));
    let mut dice = Dice(0x6e7477);
    for (i, (name, sectors, students, region, everything, named, explanation)) in
        SCHOOLS.into_iter().enumerate()
    {
        let school = store
            .create_school(&NewSchool {
                name: SchoolName::parse(name).map_err(|e| bad(e.message(Lang::En)))?,
                sectors: Sectors::parse(sectors).map_err(|e| bad(e.message(Lang::En)))?,
                students: Students::new(students).map_err(|e| bad(e.message(Lang::En)))?,
                region: Region::parse(region).map_err(|e| bad(e.message(Lang::En)))?,
                brin: None,
            })
            .await?;
        let admin = account(
            store,
            &format!("beheer.netwerkschool{i}@{DOMAIN}"),
            &format!("Beheerder {name}"),
        )
        .await?;
        store
            .add_member(
                school.id,
                admin,
                Permission::Administrator,
                &Default::default(),
            )
            .await?;
        store
            .invite_school(network.id, coordinator, school.id)
            .await
            .map_err(bad)?;
        store
            .change_membership(school.id, admin, network.id, true)
            .await
            .map_err(bad)?;
        let shares: Vec<Indicator> = if everything {
            Indicator::ALL.to_vec()
        } else {
            vec![
                Indicator::TeamPicture,
                Indicator::Allocation,
                Indicator::Cycle,
            ]
        };
        store
            .set_network_sharing(school.id, admin, network.id, &shares, named, explanation)
            .await
            .map_err(bad)?;
        for (year, later) in [(this_year.previous(), false), (this_year, true)] {
            let values = figures(&mut dice, &shares, later);
            store
                .share_figures(school.id, admin, year, &values)
                .await
                .map_err(bad)?;
        }
    }
    // The demo school: invited, accepted by its administrator, sharing everything with an
    // explanation, its figures of both years computed from its own data.
    store
        .invite_school(network.id, coordinator, demo_school.id)
        .await
        .map_err(bad)?;
    store
        .change_membership(demo_school.id, demo_admin, network.id, true)
        .await
        .map_err(bad)?;
    store
        .set_network_sharing(
            demo_school.id,
            demo_admin,
            network.id,
            &Indicator::ALL,
            true,
            Some("De Zandloper werkt sinds vorig jaar met een vaste LOB-week per leerjaar."),
        )
        .await
        .map_err(bad)?;
    let app = web::AppState::new(store.clone(), national.clone(), web::Settings::default());
    for year in [this_year.previous(), this_year] {
        let values = web::current_figures(&app, demo_school, year)
            .await
            .map_err(bad)?;
        store
            .share_figures(demo_school.id, demo_admin, year, &values)
            .await
            .map_err(bad)?;
    }
    Ok(coordinator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::network::Part;

    #[test]
    fn the_fictional_figures_stay_shares() {
        let mut dice = Dice(7);
        for later in [false, true] {
            let values = figures(&mut dice, &Indicator::ALL, later);
            assert_eq!(values.len(), 4 + 1 + 1 + 4 + 1);
            assert!(values.iter().all(|f| f.value >= 0.0 && f.value <= 1.6));
            assert!(
                values
                    .iter()
                    .all(|f| f.part == Part::Whole || f.indicator != Indicator::Hours)
            );
        }
    }
}
