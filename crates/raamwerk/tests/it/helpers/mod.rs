//! The harness: a fresh database per test (a temporary SQLite file, or a new PostgreSQL
//! database on the server named by `RAAMWERK_TEST_POSTGRES_URL`), and the real router
//! driven in-process.

pub mod account;
pub mod framework;
pub mod links;
pub mod network;
pub mod routes;
pub mod scan;
pub mod tasks;
pub mod team;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::Connection;
use tower::ServiceExt;
use web::AppState;

/// Text as askama escapes it in HTML.
pub fn html(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A valid school to create in a test (vo, 800 students, Utrecht, no BRIN code).
pub fn new_school(name: &str) -> domain::school::NewSchool {
    use domain::school::{NewSchool, Region, SchoolName, Sectors, Students};
    NewSchool {
        name: SchoolName::parse(name).expect("valid"),
        sectors: Sectors::parse("vo").expect("valid"),
        students: Students::new(800).expect("valid"),
        region: Region::Utrecht,
        brin: None,
    }
}

/// The PostgreSQL server the tests use; it must be reachable: the tests never skip it.
pub fn postgres_admin_url() -> String {
    std::env::var("RAAMWERK_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test, removed by [`TestDb::remove`].
pub struct TestDb {
    pub url: String,
    backend: Backend,
    name: String,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        let name = format!("rw_test_{}", uuid::Uuid::new_v4().simple());
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(&name);
                std::fs::create_dir_all(&dir).expect("temporary folder");
                TestDb {
                    url: format!("sqlite://{}/raamwerk.db", dir.display()),
                    backend,
                    name,
                }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| panic!("PostgreSQL must be reachable at {admin}: {e}"));
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create the test database");
                let _ = conn.close().await;
                let base = admin
                    .rsplit_once('/')
                    .map_or(admin.as_str(), |(base, _)| base);
                TestDb {
                    url: format!("{base}/{name}"),
                    backend,
                    name,
                }
            }
        }
    }

    /// Removes the database (call at the end of a test; a failed test leaves it for
    /// `scripts/test` to sweep).
    pub async fn remove(self) {
        match self.backend {
            Backend::Sqlite => {
                let _ = std::fs::remove_dir_all(std::env::temp_dir().join(&self.name));
            }
            Backend::Postgres => {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&postgres_admin_url()).await {
                    let _ = sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                        self.name
                    )))
                    .execute(&mut conn)
                    .await;
                }
            }
        }
    }
}

/// Runs an async test body once on SQLite and once on PostgreSQL, as two tests.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            }
        )*
    };
}
pub(crate) use on_both_backends;

/// The application on a fresh database, answering requests in-process.
pub struct TestApp {
    pub state: AppState,
    db: TestDb,
}

/// Percent-encodes a form value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, web::Settings::default()).await
    }

    /// The application with settings of the test's own (e.g. an SMTP server).
    pub async fn spawn_with(backend: Backend, settings: web::Settings) -> TestApp {
        let db = TestDb::new(backend).await;
        let state = raamwerk::open(&db.url, settings)
            .await
            .expect("the application starts");
        TestApp { state, db }
    }

    /// A second instance of the app on the same database, as a national host runs several
    /// behind a load balancer: its own connections, caches and notifications. Stop only the
    /// first (it removes the database).
    pub async fn other_instance(&self) -> TestApp {
        let state = raamwerk::open(&self.db.url, web::Settings::default())
            .await
            .expect("the second instance starts");
        TestApp {
            state,
            db: TestDb {
                url: self.db.url.clone(),
                backend: self.db.backend,
                name: self.db.name.clone(),
            },
        }
    }

    /// The database the app runs on (for a command run beside it).
    pub fn database_url(&self) -> &str {
        &self.db.url
    }

    /// A session for `user` without going through the sign-in form (which hashes a
    /// password): the `Cookie` header value to send.
    pub async fn session(&self, user: domain::account::UserId) -> String {
        let token = self
            .state
            .store
            .create_session(
                user,
                store::SessionLimits::DEFAULT,
                store::SignedWith::Password,
            )
            .await
            .expect("session");
        format!("raamwerk_session={token}")
    }

    /// Runs one SQL statement on the test's database directly, for what no page can do
    /// (letting a link expire).
    pub async fn sql(&self, statement: &str) {
        self.try_sql(statement).await.expect("sql");
    }

    /// Runs one SQL statement directly and says whether the database took it (with the rows
    /// it changed) or refused it (with why): to show what the schema itself guards.
    pub async fn try_sql(&self, statement: &str) -> Result<u64, String> {
        let statement = sqlx::AssertSqlSafe(statement.to_owned());
        match self.db.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.db.url)
                    .await
                    .expect("connect");
                sqlx::raw_sql(statement)
                    .execute(&mut conn)
                    .await
                    .map(|r| r.rows_affected())
                    .map_err(|e| e.to_string())
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.db.url)
                    .await
                    .expect("connect");
                sqlx::raw_sql(statement)
                    .execute(&mut conn)
                    .await
                    .map(|r| r.rows_affected())
                    .map_err(|e| e.to_string())
            }
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        self.send(Request::get(path), headers, Body::empty()).await
    }

    /// A download: status, content type and the bytes.
    pub async fn get_bytes(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, String, Vec<u8>) {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = web::router(self.state.clone())
            .oneshot(request.body(Body::empty()).expect("request"))
            .await
            .expect("the router answers");
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        let content_type = parts
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        (parts.status, content_type, bytes.to_vec())
    }

    /// A form posted for a download: status, content type and the bytes.
    pub async fn post_bytes(
        &self,
        path: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, String, Vec<u8>) {
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body))
            .expect("request");
        let response = web::router(self.state.clone())
            .oneshot(request)
            .await
            .expect("the router answers");
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        let content_type = parts
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        (parts.status, content_type, bytes.to_vec())
    }

    /// A form post as a browser on this site sends it (`Sec-Fetch-Site: same-origin`),
    /// plus any headers given (which may override that one).
    pub async fn post_form(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut all = vec![
            ("content-type", "application/x-www-form-urlencoded"),
            ("sec-fetch-site", "same-origin"),
        ];
        for (name, value) in headers {
            all.retain(|(n, _)| n != name);
            all.push((name, value));
        }
        self.send(Request::post(path), &all, Body::from(body)).await
    }

    /// A raw body posted as a browser on this site sends it, with the given content type.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> Page {
        let mut all = vec![
            ("content-type", content_type),
            ("sec-fetch-site", "same-origin"),
        ];
        all.extend_from_slice(headers);
        self.send(Request::post(path), &all, Body::from(body)).await
    }

    /// A request as a script sends it (no browser headers): any method, headers and body.
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Page {
        let request = Request::builder().method(method).uri(path);
        self.send(request, headers, Body::from(body)).await
    }

    async fn send(
        &self,
        mut request: axum::http::request::Builder,
        headers: &[(&str, &str)],
        body: Body,
    ) -> Page {
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = web::router(self.state.clone())
            .oneshot(request.body(body).expect("request"))
            .await
            .expect("the router answers");
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        Page {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn stop(self) {
        self.state.store.close().await;
        self.db.remove().await;
    }
}
