//! Behind a load balancer every connection comes from the balancer. With `--trusted-proxy`,
//! the sign-in throttle counts the visitor's address as the balancer forwarded it; from any
//! other peer, an `X-Forwarded-For` the visitor wrote themselves is ignored.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(the_throttle_counts_the_address_a_trusted_proxy_forwarded);

/// A wrong sign-in from `peer` with this `X-Forwarded-For`.
async fn wrong_sign_in(app: &TestApp, peer: &str, forwarded: &str) {
    let peer: SocketAddr = peer.parse().expect("an address");
    let request = Request::post("/nl/inloggen")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header("x-forwarded-for", forwarded)
        .extension(ConnectInfo(peer))
        .body(Body::from(
            "email=iemand%40lyceum.nl&password=niet+het+goede",
        ))
        .expect("request");
    let response = web::router(app.state.clone())
        .oneshot(request)
        .await
        .expect("the router answers");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Whether the throttle has counted a failure for this client address.
async fn counted(app: &TestApp, address: &str) -> bool {
    app.try_sql(&format!(
        "UPDATE sign_in_attempts SET failures = failures WHERE key = 'client:{address}'"
    ))
    .await
    .expect("the table is there")
        == 1
}

async fn the_throttle_counts_the_address_a_trusted_proxy_forwarded(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        web::Settings {
            trusted_proxies: vec!["10.0.0.2".parse().expect("an address")],
            ..web::Settings::default()
        },
    )
    .await;
    // Through the balancer: the rightmost address it did not add itself.
    wrong_sign_in(&app, "10.0.0.2:40000", "198.51.100.1, 203.0.113.7").await;
    assert!(counted(&app, "203.0.113.7").await);
    assert!(
        !counted(&app, "198.51.100.1").await,
        "the visitor's own claim"
    );
    assert!(!counted(&app, "10.0.0.2").await, "not the balancer");
    // Straight from a visitor: their connection counts, whatever they claim.
    wrong_sign_in(&app, "198.51.100.9:40000", "203.0.113.8").await;
    assert!(counted(&app, "198.51.100.9").await);
    assert!(!counted(&app, "203.0.113.8").await);
    app.stop().await;
}
