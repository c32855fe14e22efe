//! Exchanging frameworks: the CASE endpoints serve national and openly published editions
//! only, and files are imported through the page and the API; on both backends.

use axum::http::StatusCode;
use domain::framework::draft;
use domain::{Area, Kind, Role, Text};
use formats::exchange::Exchange;

use crate::helpers::framework::publish_own;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    case_endpoints_serve_national_and_openly_published_editions_only,
    files_are_imported_through_the_page_and_the_api,
);

/// A multipart form with a format and a file, as a browser sends the upload form.
fn upload(format: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----raamwerk-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n{format}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"raamwerk\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn case_endpoints_serve_national_and_openly_published_editions_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let json = |page: &crate::helpers::Page| -> serde_json::Value {
        serde_json::from_str(&page.body).expect("JSON")
    };
    let base = "/ims/case/v1p1";
    let list = app.get(&format!("{base}/CFDocuments")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        json(&list)["CFDocuments"].as_array().map(Vec::len),
        Some(2),
        "national, nl and en"
    );

    let own = publish_own(&app, &lyceum, |s| {
        draft::add(
            s,
            Role::Mentor,
            Area::Vision,
            Kind::Task,
            Text::new("Eigen taak van het Lyceum.", ""),
            None,
            vec![],
        )
        .expect("added");
    })
    .await;
    let package = formats::case::package(&own, domain::Lang::Nl);
    let doc = package["CFDocument"]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let item = package["CFItems"][0]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let association = package["CFAssociations"][0]["identifier"]
        .as_str()
        .expect("id")
        .to_owned();
    let paths = [
        format!("{base}/CFDocuments/{doc}"),
        format!("{base}/CFPackages/{doc}"),
        format!("{base}/CFItems/{item}"),
        format!("{base}/CFAssociations/{association}"),
    ];
    // Not published openly: not there, in the spec's error format.
    for path in &paths {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        let error = json(&page);
        assert_eq!(error["imsx_codeMajor"], "failure");
        assert_eq!(
            error["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"],
            "unknownobject"
        );
        assert!(!page.body.contains("Lyceum"));
    }
    assert_eq!(
        json(&app.get(&format!("{base}/CFDocuments")).await)["CFDocuments"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // A member may not open it; a coordinator may.
    let store = &app.state.store;
    assert!(
        store
            .set_edition_open(lyceum.school.id, lyceum.member.id, own.id(), true)
            .await
            .is_err()
    );
    let cookie = app.session(lyceum.coordinator.id).await;
    let opened = app
        .post_form(
            &format!(
                "/nl/scholen/stedelijk-lyceum/raamwerk/versies/{}/openbaar",
                own.id()
            ),
            &[("open", "1")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    let list = json(
        &app.get(&format!("{base}/CFDocuments?limit=10&offset=0"))
            .await,
    );
    assert_eq!(list["CFDocuments"].as_array().map(Vec::len), Some(4));
    let whole = app.get(&paths[1]).await;
    assert_eq!(whole.status, StatusCode::OK);
    assert_eq!(json(&whole), package);
    let document = json(&app.get(&paths[0]).await);
    assert!(
        document["CFPackageURI"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("{base}/CFPackages/{doc}")))
    );
    for path in &paths[2..] {
        let object = json(&app.get(path).await);
        assert_eq!(
            object["CFDocumentURI"]["identifier"],
            doc.as_str(),
            "{path}"
        );
    }
    // Bad requests.
    let bad = app.get(&format!("{base}/CFItems/not-a-uuid")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        json(&bad)["imsx_codeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"],
        "invalid_uuid"
    );
    let bad = app.get(&format!("{base}/CFDocuments?limit=veel")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // Closed again: gone again.
    store
        .set_edition_open(lyceum.school.id, lyceum.coordinator.id, own.id(), false)
        .await
        .expect("closed");
    assert_eq!(app.get(&paths[1]).await.status, StatusCode::NOT_FOUND);
    // Closing what is closed changes nothing and writes nothing.
    store
        .set_edition_open(lyceum.school.id, lyceum.coordinator.id, own.id(), false)
        .await
        .expect("closed");
    // Publishing, opening and closing are in the audit log, by whom and which version.
    let admin = app.session(lyceum.admin.id).await;
    let log = crate::helpers::team::lyceum_log(&app, &admin).await;
    let version = own.meta().version.as_str();
    for (what, times) in [
        ("eigen raamwerk gepubliceerd", 1),
        ("versie openbaar gemaakt (CASE)", 1),
        ("versie niet meer openbaar (CASE)", 1),
    ] {
        let line = format!(
            "<td>Decaan Stedelijk Lyceum</td><td>{what}</td><td></td><td>versie {version}</td>"
        );
        assert_eq!(
            log.body.matches(&line).count(),
            times,
            "{what}: {}",
            log.body
        );
    }
    app.stop().await;
}

async fn files_are_imported_through_the_page_and_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    let coordinator = app.session(brug.coordinator.id).await;
    let member = app.session(brug.member.id).await;
    let national = &app.state.edition();
    let package = formats::case::write(national, domain::Lang::Nl)
        .expect("written")
        .into_bytes();
    assert!(
        package.len() > 256 * 1024,
        "larger than any form: the import routes take files"
    );

    // Through the page.
    let path = "/nl/scholen/osg-de-brug/raamwerk/inlezen";
    let (content_type, body) = upload("case", &package);
    let refused = app
        .post_raw(path, &content_type, body.clone(), &[("cookie", &member)])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // First a preview of what the file changes; nothing is stored until it is confirmed.
    let preview = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview
            .body
            .contains("Wat dit bestand verandert, als versie 1"),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("Er is nog niets bewaard."));
    let count = |app: &TestApp| {
        let store = app.state.store.clone();
        let school = brug.school.id;
        async move { store.school_editions(school).await.expect("list").len() }
    };
    assert_eq!(count(&app).await, 0, "a preview stores nothing");
    let kept = crate::helpers::scan::form_of(&preview.body)
        .into_iter()
        .find(|(field, _)| field == "bewaar")
        .map(|(_, value)| value)
        .expect("the preview carries the edition");
    let confirm = "/nl/scholen/osg-de-brug/raamwerk/inlezen/bevestigen";
    let unsummarised = app
        .post_form(
            confirm,
            &[("bewaar", kept.as_str()), ("samenvatting", " ")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(unsummarised.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unsummarised
            .body
            .contains("Schrijf een samenvatting voor de geschiedenis")
    );
    assert_eq!(count(&app).await, 0);
    let tampered = app
        .post_form(
            confirm,
            &[("bewaar", "{ kapot"), ("samenvatting", "Bijgewerkt")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(tampered.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app).await, 0);
    let by_member = app
        .post_form(
            confirm,
            &[("bewaar", kept.as_str()), ("samenvatting", "Bijgewerkt")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(by_member.status, StatusCode::FORBIDDEN);
    let stored = app
        .post_form(
            confirm,
            &[
                ("bewaar", kept.as_str()),
                ("samenvatting", "De landelijke editie, ingelezen als CASE."),
            ],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(stored.status, StatusCode::OK, "{}", stored.body);
    assert!(
        stored.body.contains("Opgeslagen als versie 1"),
        "{}",
        stored.body
    );
    // The history marks it as imported, with the summary typed for it.
    let own = app
        .get_with(
            "/nl/scholen/osg-de-brug/raamwerk",
            &[("cookie", &coordinator)],
        )
        .await;
    assert!(
        own.body.contains("(ingelezen uit een bestand)"),
        "{}",
        own.body
    );
    assert!(
        own.body
            .contains("De landelijke editie, ingelezen als CASE.")
    );
    let broken = String::from_utf8(package.clone()).expect("text").replacen(
        "\"isChildOf\"",
        "\"isCousinOf\"",
        1,
    );
    let (content_type, body) = upload("case", broken.as_bytes());
    let page = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body.contains("onbekend type &#39;isCousinOf&#39;"),
        "{}",
        page.body
    );
    assert!(page.body.contains("er is niets opgeslagen"));
    // A spreadsheet with problems far apart: the page names every one, in the order of the rows.
    let csv =
        String::from_utf8(formats::sheet::write_csv(national, domain::Lang::Nl)).expect("text");
    let codes: Vec<String> = national
        .statements()
        .iter()
        .map(|s| s.code.as_str().to_owned())
        .collect();
    let row_of = |code: &str| {
        csv.split("\r\n")
            .position(|l| l.starts_with(&format!("uitspraak;{code};")))
            .expect("the row")
            + 1
    };
    let (early, late) = (&codes[3], &codes[codes.len() - 2]);
    let (early_row, late_row) = (row_of(early), row_of(late));
    let twice = csv
        .replacen(
            &format!("uitspraak;{early};"),
            &format!("uitspraak;{};", codes[0]),
            1,
        )
        .replacen(
            &format!("uitspraak;{late};"),
            &format!("uitspraak;{};", codes[1]),
            1,
        );
    let (content_type, body) = upload("csv", twice.as_bytes());
    let page = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let first = page
        .body
        .find(&format!("rij {early_row}, kolom code"))
        .expect("the early row");
    let second = page
        .body
        .find(&format!("rij {late_row}, kolom code"))
        .expect("the late row");
    assert!(first < second, "in the order of the rows");
    let (content_type, body) = upload("moodle", b"x");
    let page = app
        .post_raw(path, &content_type, body, &[("cookie", &coordinator)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let editions = app
        .state
        .store
        .school_editions(brug.school.id)
        .await
        .expect("list");
    assert_eq!(editions.len(), 1);
    assert_eq!(editions[0].published_by, brug.coordinator.name.as_str());
    assert!(editions[0].imported);
    assert_eq!(
        editions[0].summary,
        "De landelijke editie, ingelezen als CASE."
    );
    let log = app
        .state
        .store
        .audit_log(brug.school.id)
        .await
        .expect("the log");
    assert_eq!(
        log.iter()
            .filter(|e| e.action == Some(domain::members::AuditAction::EditionImported))
            .map(|e| (e.actor.as_deref(), e.detail.as_deref()))
            .collect::<Vec<_>>(),
        [(Some(brug.coordinator.name.as_str()), Some("1"))],
        "one import stored, by its member; the refused ones are not in the log"
    );

    // Through the API.
    let api = "/api/v1/schools/osg-de-brug/editions";
    let anonymous = app.get(api).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let list = app
        .get_with(api, &[("cookie", &member), ("accept-language", "en")])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&list.body).expect("JSON");
    assert_eq!(list["school"][0]["version"], "1");
    assert_eq!(list["national"][0]["id"], national.id().to_string());
    let json = formats::native::write_json(national)
        .expect("written")
        .into_bytes();
    let refused = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            json.clone(),
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let created = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            json,
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let created: serde_json::Value = serde_json::from_str(&created.body).expect("JSON");
    assert_eq!(created["version"], "2");
    let id = created["id"].as_str().expect("an id").to_owned();
    let bad = app
        .post_raw(
            &format!("{api}?format=json"),
            "application/json",
            b"{\"format\": 1}".to_vec(),
            &[("cookie", &coordinator), ("accept-language", "en")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("\"problems\""));
    let unknown = app
        .post_raw(
            &format!("{api}?format=moodle"),
            "text/csv",
            b"x".to_vec(),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    let (status, content_type, bytes) = app
        .get_bytes(
            &format!("{api}/{id}?format=xlsx&lang=en"),
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, Exchange::Xlsx.media_type());
    let back = formats::sheet::read_xlsx(&bytes).expect("reads");
    assert_eq!(back.id().to_string(), id);
    assert_eq!(
        app.state
            .store
            .school_editions(brug.school.id)
            .await
            .expect("list")
            .len(),
        2
    );
    // Another school's member gets nothing.
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    let stranger = app.session(other.coordinator.id).await;
    let page = app
        .get_with(&format!("{api}/{id}"), &[("cookie", &stranger)])
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let page = app
        .get_with(
            &format!("/api/v1/schools/rivierenland/editions/{id}"),
            &[("cookie", &stranger)],
        )
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);

    let openapi = app.get("/api/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_str(&openapi.body).expect("JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [api_path(), "/ims/case/v1p1/CFPackages/{id}"] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    app.stop().await;
}

fn api_path() -> &'static str {
    "/api/v1/schools/{school}/editions"
}
