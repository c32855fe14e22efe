//! A school's own framework as the tests make it: published in one step, and a file to upload.

use domain::framework::Date;
use domain::framework::draft::{self, DraftStatement, Publication};
use domain::{Code, Edition, Text};

use crate::helpers::TestApp;
use crate::helpers::team::Team;

pub fn code(s: &str) -> Code {
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
        None => domain::Edition::clone(&app.state.edition()),
    };
    let national = app.state.edition().id();
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
