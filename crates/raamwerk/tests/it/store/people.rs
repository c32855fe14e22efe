//! People and memberships: the storage contract on both backends, with one school never
//! seeing or changing another's members.

use domain::Role;
use domain::account::{Email, FrameworkRoles, Permission, PersonName};
use domain::school::School;
use store::{Store, StoreError};

use crate::helpers::{Backend, TestDb, new_school, on_both_backends};

on_both_backends!(accounts_and_memberships_are_kept_per_school);

async fn school(store: &Store, name: &str) -> School {
    store
        .create_school(&new_school(name))
        .await
        .expect("created")
}

fn email(s: &str) -> Email {
    Email::parse(s).expect("valid")
}

fn name(s: &str) -> PersonName {
    PersonName::parse(s).expect("valid")
}

async fn accounts_and_memberships_are_kept_per_school(backend: Backend) {
    let db = TestDb::new(backend).await;
    let store = Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    let a = school(&store, "School A").await;
    let b = school(&store, "School B").await;

    let anna = store
        .create_user(&email("Anna@School-A.nl"), &name("Anna"))
        .await
        .expect("created");
    assert_eq!(anna.email.as_str(), "anna@school-a.nl");
    match store
        .create_user(&email("anna@school-a.nl"), &name("Another Anna"))
        .await
    {
        Err(StoreError::EmailTaken) => {}
        other => panic!("one address, one account: {other:?}"),
    }
    assert_eq!(
        store
            .user_by_email(&email("ANNA@school-a.nl"))
            .await
            .expect("lookup"),
        Some(anna.clone())
    );
    assert_eq!(
        store
            .user_by_email(&email("nobody@school-a.nl"))
            .await
            .expect("lookup"),
        None
    );
    let bram = store
        .create_user(&email("bram@school-b.nl"), &name("Bram"))
        .await
        .expect("created");
    let cees = store
        .create_user(&email("cees@beide.nl"), &name("cees"))
        .await
        .expect("created");

    let mentor = FrameworkRoles::new([Role::Mentor]);
    store
        .add_member(a.id, anna.id, Permission::Administrator, &mentor)
        .await
        .expect("member");
    store
        .add_member(
            b.id,
            bram.id,
            Permission::Member,
            &FrameworkRoles::default(),
        )
        .await
        .expect("member");
    store
        .add_member(a.id, cees.id, Permission::Member, &mentor)
        .await
        .expect("member");
    store
        .add_member(
            b.id,
            cees.id,
            Permission::Coordinator,
            &FrameworkRoles::new([Role::Specialist, Role::Coordinator]),
        )
        .await
        .expect("member");
    match store
        .add_member(a.id, anna.id, Permission::Member, &mentor)
        .await
    {
        Err(StoreError::AlreadyMember) => {}
        other => panic!("a second membership of the same school is refused: {other:?}"),
    }

    let in_a: Vec<String> = store
        .members(a.id)
        .await
        .expect("members")
        .into_iter()
        .map(|(u, _)| u.name.to_string())
        .collect();
    assert_eq!(in_a, vec!["Anna", "cees"], "only A's members, by name");
    let in_b = store.members(b.id).await.expect("members");
    assert_eq!(in_b.len(), 2);
    assert!(
        in_b.iter()
            .all(|(u, m)| m.school == b.id && u.id != anna.id),
        "nothing of A in B"
    );
    let cees_in_b = in_b
        .iter()
        .find(|(u, _)| u.id == cees.id)
        .map(|(_, m)| m.clone())
        .expect("cees");
    assert_eq!(
        cees_in_b.permission,
        Permission::Coordinator,
        "permissions are per school"
    );
    assert_eq!(cees_in_b.roles.to_string(), "SPE,COO");
    assert!(cees_in_b.active);

    // Changing roles through the wrong school changes nothing.
    let all = FrameworkRoles::new(Role::ALL);
    assert!(
        !store
            .set_member_roles(b.id, anna.id, &all)
            .await
            .expect("update")
    );
    assert_eq!(
        store
            .membership(a.id, anna.id)
            .await
            .expect("lookup")
            .map(|m| m.roles),
        Some(mentor.clone())
    );
    assert!(
        store
            .membership(b.id, anna.id)
            .await
            .expect("lookup")
            .is_none()
    );
    assert!(
        store
            .set_member_roles(a.id, anna.id, &all)
            .await
            .expect("update")
    );
    assert_eq!(
        store
            .membership(a.id, anna.id)
            .await
            .expect("lookup")
            .map(|m| m.roles),
        Some(all)
    );

    let schools_of_cees: Vec<_> = store
        .memberships_of(cees.id)
        .await
        .expect("lookup")
        .into_iter()
        .map(|m| m.school)
        .collect();
    assert_eq!(schools_of_cees.len(), 2);
    assert!(schools_of_cees.contains(&a.id) && schools_of_cees.contains(&b.id));
    store.close().await;
    db.remove().await;
}
