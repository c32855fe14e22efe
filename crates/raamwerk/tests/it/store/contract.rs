//! The storage contract: the same assertions on SQLite and on PostgreSQL.

use domain::framework::Date;
use domain::{Edition, EditionParts};
use store::{Store, StoreError, Stored};

use crate::helpers::{Backend, TestDb, on_both_backends};

on_both_backends!(
    migrating_twice_changes_nothing,
    an_edition_comes_back_exactly_as_stored,
    storing_the_same_edition_again_is_a_no_op,
    a_changed_edition_under_an_old_version_is_refused_and_nothing_changes,
    editions_are_listed_newest_first,
    two_instances_storing_at_once_both_succeed,
);

fn shipped() -> Edition {
    formats::shipped::national().expect("the shipped edition is valid")
}

/// A variant of the shipped edition, with sources and another version and date.
fn variant(version: &str, date: &str, change: impl FnOnce(&mut EditionParts)) -> Edition {
    let mut parts = shipped().parts().clone();
    parts.meta.version = version.to_owned();
    parts.meta.date = Date::parse(date).expect("date");
    parts.statements[0].sources = vec!["A".into(), "F".into()];
    change(&mut parts);
    Edition::new(parts).expect("valid variant")
}

async fn fresh(backend: Backend) -> (Store, TestDb) {
    let db = TestDb::new(backend).await;
    let store = Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    (store, db)
}

async fn migrating_twice_changes_nothing(backend: Backend) {
    let (store, db) = fresh(backend).await;
    store
        .migrate()
        .await
        .expect("a second migration run is harmless");
    assert_eq!(store.editions().await.expect("list"), vec![]);
    store.close().await;
    db.remove().await;
}

async fn an_edition_comes_back_exactly_as_stored(backend: Backend) {
    let (store, db) = fresh(backend).await;
    let edition = variant("2030.1", "2030-01-31", |_| {});
    assert_eq!(
        store.ensure_edition(&edition).await.expect("store"),
        Stored::Inserted
    );
    let loaded = store
        .edition(edition.id())
        .await
        .expect("load")
        .expect("present");
    assert_eq!(
        loaded, edition,
        "every field, in order, survives the round trip"
    );
    assert_eq!(loaded.statements()[0].sources, vec!["A", "F"]);
    let unknown = domain::EditionId::derive("elders", "1");
    assert!(store.edition(unknown).await.expect("load").is_none());
    store.close().await;
    db.remove().await;
}

async fn storing_the_same_edition_again_is_a_no_op(backend: Backend) {
    let (store, db) = fresh(backend).await;
    let edition = shipped();
    assert_eq!(
        store.ensure_edition(&edition).await.expect("store"),
        Stored::Inserted
    );
    assert_eq!(
        store.ensure_edition(&edition).await.expect("again"),
        Stored::AlreadyPresent
    );
    assert_eq!(store.editions().await.expect("list").len(), 1);
    store.close().await;
    db.remove().await;
}

async fn a_changed_edition_under_an_old_version_is_refused_and_nothing_changes(backend: Backend) {
    let (store, db) = fresh(backend).await;
    let original = shipped();
    store.ensure_edition(&original).await.expect("store");
    let mut parts = original.parts().clone();
    parts.statements[3].text.nl = "Een stille wijziging.".into();
    let changed = Edition::new(parts).expect("valid");
    assert_eq!(
        changed.id(),
        original.id(),
        "same identifier and version, same id"
    );
    match store.ensure_edition(&changed).await {
        Err(StoreError::EditionChanged { version, .. }) => {
            assert_eq!(version, original.meta().version)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let stored = store
        .edition(original.id())
        .await
        .expect("load")
        .expect("present");
    assert_eq!(stored, original, "the stored edition is untouched");
    store.close().await;
    db.remove().await;
}

async fn editions_are_listed_newest_first(backend: Backend) {
    let (store, db) = fresh(backend).await;
    let old = variant("2020.1", "2020-05-01", |_| {});
    let new = variant("2031.1", "2031-05-01", |_| {});
    store.ensure_edition(&old).await.expect("store");
    store.ensure_edition(&new).await.expect("store");
    store.ensure_edition(&shipped()).await.expect("store");
    let versions: Vec<String> = store
        .editions()
        .await
        .expect("list")
        .into_iter()
        .map(|e| e.version)
        .collect();
    assert_eq!(
        versions,
        vec![
            "2031.1".to_owned(),
            shipped().meta().version.clone(),
            "2020.1".to_owned()
        ]
    );
    assert_eq!(
        store
            .latest_edition()
            .await
            .expect("latest")
            .expect("present"),
        new
    );
    store.close().await;
    db.remove().await;
}

async fn two_instances_storing_at_once_both_succeed(backend: Backend) {
    let (first, db) = fresh(backend).await;
    let second = Store::connect(&db.url).await.expect("connect");
    let edition = shipped();
    let (a, b) = tokio::join!(
        first.ensure_edition(&edition),
        second.ensure_edition(&edition)
    );
    let mut outcomes = vec![a.expect("first"), b.expect("second")];
    outcomes.sort_by_key(|o| *o == Stored::AlreadyPresent);
    assert_eq!(outcomes, vec![Stored::Inserted, Stored::AlreadyPresent]);
    assert_eq!(first.editions().await.expect("list").len(), 1);
    first.close().await;
    second.close().await;
    db.remove().await;
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_and_creates_its_folder() {
    use sqlx::Connection;
    let db = TestDb::new(Backend::Sqlite).await;
    let nested = db.url.replace("/raamwerk.db", "/nieuw/map/raamwerk.db");
    let store = Store::connect(&nested)
        .await
        .expect("connect creates the folders");
    store.migrate().await.expect("migrate");
    let path = nested.trim_start_matches("sqlite://").to_owned();
    let mut raw = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
        .await
        .expect("open the file");
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut raw)
        .await
        .expect("pragma");
    assert_eq!(mode, "wal");
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut raw)
        .await
        .expect("pragma");
    assert_eq!(check, "ok");
    let _ = raw.close().await;
    store.close().await;
    db.remove().await;
}
