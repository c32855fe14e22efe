//! API tokens in the store, on both backends: the secret is handed out once and only its hash
//! is kept; a personal token needs an active member, a school token an administrator; a
//! token reads back with its scopes; revoking (one's own, or an administrator any of the
//! school's) stops it at once; an expired token is not found; another school finds and
//! revokes nothing; making and revoking are in the audit log.

use domain::account::UserId;
use domain::api_token::{Access, Holder, Lifetime, Resource, Scopes, TokenName};
use domain::school::SchoolId;
use store::{NewToken, TokenError};

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_token_is_shown_once_kept_hashed_and_revoked_at_once);

fn new(school: SchoolId, maker: UserId, holder: Holder, scopes: &str) -> NewToken {
    NewToken {
        school,
        maker,
        holder,
        name: TokenName::parse("Koppeling").expect("valid"),
        scopes: Scopes::parse(scopes, holder).expect("valid"),
        lifetime: Lifetime::parse("").expect("default"),
    }
}

async fn a_token_is_shown_once_kept_hashed_and_revoked_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let roc = team(&app, "ROC Rivierenland", "roc.nl").await;
    let school = lyceum.school.id;

    // A member makes a personal token; the secret works, its hash is what is stored.
    let (token, secret) = store
        .create_token(&new(school, lyceum.member.id, Holder::Person, "scan:write"))
        .await
        .expect("made");
    assert!(secret.starts_with("rwk_") && secret.len() == 68, "{secret}");
    assert_eq!(token.user, lyceum.member.id);
    assert!(token.scopes.allows(Resource::Scan, Access::Write));
    assert!(token.expires_at - token.created_at == 90 * 86_400_000);
    let found = store
        .presented_token(&secret)
        .await
        .expect("lookup")
        .expect("found");
    assert_eq!(found, token);
    assert_eq!(
        store
            .presented_token(&format!("{secret}0"))
            .await
            .expect("lookup"),
        None
    );
    let db = &app;
    let rows_with = |value: String| async move {
        db.try_sql(&format!(
            "UPDATE api_tokens SET name = name WHERE token_hash = '{value}'"
        ))
        .await
        .expect("sql")
    };
    assert_eq!(rows_with(store::hash_token(&secret)).await, 1);
    assert_eq!(
        rows_with(secret.clone()).await,
        0,
        "the secret is not stored"
    );

    // A member makes no school token; another school's administrator makes none here.
    for (maker, holder) in [
        (lyceum.member.id, Holder::School),
        (roc.admin.id, Holder::Person),
        (roc.admin.id, Holder::School),
    ] {
        let refused = store
            .create_token(&new(school, maker, holder, "allocation:read"))
            .await;
        assert!(
            matches!(refused, Err(TokenError::NotAllowed)),
            "{refused:?}"
        );
    }
    let (school_token, school_secret) = store
        .create_token(&new(
            school,
            lyceum.admin.id,
            Holder::School,
            "allocation:read members:read",
        ))
        .await
        .expect("made");
    assert_eq!(
        store.school_tokens(school).await.expect("list"),
        vec![school_token.clone()]
    );
    assert_eq!(
        store
            .personal_tokens(school, lyceum.member.id)
            .await
            .expect("list"),
        vec![token.clone()]
    );
    assert!(
        store
            .school_tokens(roc.school.id)
            .await
            .expect("list")
            .is_empty()
    );

    // Another member cannot revoke a personal token (it is not found for them); another
    // school revokes nothing; the administrator may revoke any.
    let refused = store
        .revoke_token(school, lyceum.coordinator.id, token.id)
        .await;
    assert!(matches!(refused, Err(TokenError::NotFound)), "{refused:?}");
    let refused = store
        .revoke_token(roc.school.id, roc.admin.id, token.id)
        .await;
    assert!(matches!(refused, Err(TokenError::NotFound)), "{refused:?}");
    let refused = store
        .revoke_token(school, lyceum.member.id, school_token.id)
        .await;
    assert!(
        matches!(refused, Err(TokenError::NotAllowed)),
        "{refused:?}"
    );
    assert!(
        store
            .presented_token(&secret)
            .await
            .expect("lookup")
            .is_some()
    );
    store
        .revoke_token(school, lyceum.member.id, token.id)
        .await
        .expect("own token revoked");
    assert_eq!(store.presented_token(&secret).await.expect("lookup"), None);
    let listed = store
        .personal_tokens(school, lyceum.member.id)
        .await
        .expect("list");
    assert!(
        listed[0].revoked_at.is_some(),
        "a revoked token stays listed"
    );
    store
        .revoke_token(school, lyceum.admin.id, school_token.id)
        .await
        .expect("revoked by an administrator");
    assert_eq!(
        store.presented_token(&school_secret).await.expect("lookup"),
        None
    );

    // An expired token is not taken.
    let (_, expiring) = store
        .create_token(&new(school, lyceum.member.id, Holder::Person, "plan:read"))
        .await
        .expect("made");
    app.sql("UPDATE api_tokens SET expires_at = 1 WHERE revoked_at IS NULL")
        .await;
    assert_eq!(
        store.presented_token(&expiring).await.expect("lookup"),
        None
    );

    // "Last used" is written, at most once a minute.
    let (used, in_use) = store
        .create_token(&new(school, lyceum.member.id, Holder::Person, "plan:read"))
        .await
        .expect("made");
    assert_eq!(used.last_used_at, None);
    store.token_used(&in_use).await.expect("touched");
    let first = store
        .token(school, used.id)
        .await
        .expect("read")
        .expect("there");
    assert!(first.last_used_at.is_some());
    store.token_used(&in_use).await.expect("touched");
    let again = store
        .token(school, used.id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(again.last_used_at, first.last_used_at);

    // The audit log names each made and revoked token.
    let log = store.audit_log(school).await.expect("log");
    let codes: Vec<&str> = log
        .iter()
        .filter_map(|e| e.action.map(domain::members::AuditAction::code))
        .filter(|c| c.starts_with("token."))
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == "token.created").count(), 4);
    assert_eq!(codes.iter().filter(|c| **c == "token.revoked").count(), 2);
    assert!(
        log.iter()
            .any(|e| e.detail.as_deref() == Some("Koppeling (allocation:read members:read)"))
    );
    app.stop().await;
}
