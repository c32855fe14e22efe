//! The student survey in the store, on both backends: opened by coordinators only, a code
//! spent once per student and never beyond its uses (also when a whole class answers at
//! once), answers stored with nothing that leads back to a student (no code, no address, no
//! time finer than a day, the open answer apart), a closed survey closed for good, k only
//! raised once answers exist, another school finding nothing.

use domain::aggregate::{AggregateError, Threshold};
use domain::plan::Line;
use domain::survey::{ClassCode, Response, parse_groups};
use sqlx::Connection;
use store::{AnswerError, CodeRefusal, SurveyError};

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_survey_is_answered_once_per_student_and_keeps_nothing_of_them);
on_both_backends!(a_class_answering_at_once_never_spends_more_than_its_uses);
on_both_backends!(a_closed_survey_stays_closed_and_its_k_only_goes_up);

fn k(n: u32) -> Threshold {
    Threshold::new(n).expect("k")
}

fn answers(pairs: &[(&str, &str)]) -> Response {
    let fields: Vec<(String, String)> = pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    Response::parse(&fields).expect("valid")
}

/// The columns of a table, as the database describes it.
async fn columns(app: &TestApp, backend: Backend, table: &str) -> Vec<String> {
    let mut names: Vec<String> = match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(app.database_url())
                .await
                .expect("connect");
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT name FROM pragma_table_info('{table}')"
            )))
            .fetch_all(&mut conn)
            .await
            .expect("columns")
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(app.database_url())
                .await
                .expect("connect");
            sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = $1",
            )
            .bind(table)
            .fetch_all(&mut conn)
            .await
            .expect("columns")
        }
    };
    names.sort();
    names
}

/// Every value of one text column of a table.
async fn texts(app: &TestApp, backend: Backend, sql: &str) -> Vec<String> {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(app.database_url())
                .await
                .expect("connect");
            sqlx::query_scalar(sql)
                .fetch_all(&mut conn)
                .await
                .expect("rows")
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(app.database_url())
                .await
                .expect("connect");
            sqlx::query_scalar(sql)
                .fetch_all(&mut conn)
                .await
                .expect("rows")
        }
    }
}

async fn a_survey_is_answered_once_per_student_and_keeps_nothing_of_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let school = lyceum.school.id;
    let name = Line::parse("Enquête voorjaar", 120).expect("valid");
    let groups = parse_groups("3 havo A, 3\n4 vwo, 25", &[]).expect("valid");
    // A member opens nothing.
    assert!(matches!(
        store
            .open_survey(school, lyceum.member.id, &name, k(10), &groups)
            .await,
        Err(SurveyError::NotAllowed)
    ));
    let (survey, codes) = store
        .open_survey(school, lyceum.coordinator.id, &name, k(10), &groups)
        .await
        .expect("opened");
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0].group, "3 havo A");
    assert_ne!(codes[0].code, codes[1].code);
    let havo = &codes[0].code;
    let target = store.survey_by_code(havo).await.expect("the code works");
    assert_eq!(target.survey, "Enquête voorjaar");
    assert_eq!(target.school, "Stedelijk Lyceum");
    // A guessed code leads nowhere.
    let guessed = ClassCode::parse("AAAAA-AAAAA").expect("a code's shape");
    assert!(matches!(
        store.survey_by_code(&guessed).await,
        Err(AnswerError::Refused(CodeRefusal::Unknown))
    ));
    assert!(matches!(
        store
            .answer_survey(&guessed, &answers(&[("v1", "3")]))
            .await,
        Err(AnswerError::Refused(CodeRefusal::Unknown))
    ));

    // Three students answer; a fourth use is refused and stores nothing.
    let secret = "Meer gastlessen graag";
    for (i, step) in ["4", "3", "1"].iter().enumerate() {
        let remark = if i == 0 { secret } else { "" };
        store
            .answer_survey(
                havo,
                &answers(&[("v1", step), ("v2", "2"), ("opmerking", remark)]),
            )
            .await
            .expect("answered");
    }
    assert!(matches!(
        store.answer_survey(havo, &answers(&[("v1", "4")])).await,
        Err(AnswerError::Refused(CodeRefusal::UsedUp))
    ));
    assert!(matches!(
        store.survey_by_code(havo).await,
        Err(AnswerError::Refused(CodeRefusal::UsedUp))
    ));
    let read = store
        .survey(school, survey)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.groups[0].used, 3);
    assert_eq!(read.summary.answers, 3);
    assert_eq!(read.summary.uses, 28);
    let stored = store.survey_answers(school, &read).await.expect("answers");
    let mut firsts: Vec<Option<u8>> = stored.groups[0].iter().map(|a| a[0]).collect();
    firsts.sort();
    assert_eq!(firsts, vec![Some(1), Some(3), Some(4)]);
    assert!(stored.groups[1].is_empty());
    assert_eq!(stored.remarks, vec![secret.to_owned()]);

    // What is stored of an answer: a random id, survey, group, day and the steps — no code,
    // no address, no time, no use number. The open answer lies apart, with its survey only.
    let mut expected: Vec<String> = ["id", "survey_id", "group_id", "answered_on"]
        .iter()
        .map(|s| (*s).to_owned())
        .chain((1..=12).map(|i| format!("v{i}")))
        .collect();
    expected.sort();
    assert_eq!(columns(&app, backend, "survey_answers").await, expected);
    assert_eq!(
        columns(&app, backend, "survey_remarks").await,
        vec!["id", "remark", "survey_id"]
    );
    let days = texts(&app, backend, "SELECT answered_on FROM survey_answers").await;
    let today = domain::clock::dutch_date(store::now_millis()).to_string();
    assert_eq!(days, vec![today.clone(), today.clone(), today]);
    // The code itself is nowhere: only its hash, in the group.
    let hashes = texts(&app, backend, "SELECT code_hash FROM survey_groups").await;
    assert!(
        hashes
            .iter()
            .all(|h| !h.contains(havo.as_str()) && h.len() == 64)
    );
    let as_text = match backend {
        Backend::Sqlite => "hex(id)",
        Backend::Postgres => "id::text",
    };
    let ids = texts(
        &app,
        backend,
        &format!(
            "SELECT {as_text} FROM survey_answers UNION ALL SELECT {as_text} FROM survey_remarks"
        ),
    )
    .await;
    assert_eq!(ids.len(), 4);
    assert_eq!(
        ids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        4,
        "every row its own id"
    );

    // Another school's coordinator finds nothing and changes nothing.
    assert_eq!(
        store.survey(college.school.id, survey).await.expect("read"),
        None
    );
    assert!(matches!(
        store
            .close_survey(college.school.id, college.coordinator.id, survey)
            .await,
        Err(SurveyError::NotFound)
    ));
    assert!(matches!(
        store
            .close_survey(school, college.coordinator.id, survey)
            .await,
        Err(SurveyError::NotAllowed)
    ));
    assert!(
        store
            .survey_answers(college.school.id, &read)
            .await
            .expect("read")
            .groups
            .iter()
            .all(Vec::is_empty)
    );

    // More students, and a new code: the old one stops, the answers stay.
    store
        .add_survey_uses(school, lyceum.coordinator.id, survey, read.groups[0].id, 2)
        .await
        .expect("more");
    assert!(matches!(
        store
            .add_survey_uses(
                school,
                lyceum.coordinator.id,
                survey,
                read.groups[0].id,
                1000
            )
            .await,
        Err(SurveyError::TooManyUses)
    ));
    let renewed = store
        .renew_survey_code(school, lyceum.coordinator.id, survey, read.groups[0].id)
        .await
        .expect("renewed");
    assert!(matches!(
        store.answer_survey(havo, &answers(&[("v1", "4")])).await,
        Err(AnswerError::Refused(CodeRefusal::Unknown))
    ));
    store
        .answer_survey(&renewed.code, &answers(&[("v1", "4")]))
        .await
        .expect("the new code works");
    assert_eq!(store.surveys(school).await.expect("list")[0].answers, 4);

    // Deleting removes every answer.
    store
        .delete_survey(school, lyceum.coordinator.id, survey)
        .await
        .expect("deleted");
    assert!(
        texts(&app, backend, "SELECT answered_on FROM survey_answers")
            .await
            .is_empty()
    );
    assert!(
        texts(&app, backend, "SELECT remark FROM survey_remarks")
            .await
            .is_empty()
    );
    let actions: Vec<String> = store
        .audit_log(school)
        .await
        .expect("audit")
        .into_iter()
        .filter_map(|e| e.action.map(|a| a.code().to_owned()))
        .collect();
    assert!(actions.contains(&"survey.opened".to_owned()));
    assert!(actions.contains(&"survey.deleted".to_owned()));
    app.stop().await;
}

async fn a_class_answering_at_once_never_spends_more_than_its_uses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = app.state.store.clone();
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (survey, codes) = store
        .open_survey(
            lyceum.school.id,
            lyceum.coordinator.id,
            &Line::parse("Klas", 120).expect("valid"),
            k(5),
            &parse_groups("2 mavo, 12", &[]).expect("valid"),
        )
        .await
        .expect("opened");
    let code = codes[0].code.clone();
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let store = store.clone();
            let code = code.clone();
            tokio::spawn(async move { store.answer_survey(&code, &answers(&[("v5", "3")])).await })
        })
        .collect();
    let mut stored = 0;
    let mut used_up = 0;
    for task in tasks {
        match task.await.expect("joined") {
            Ok(()) => stored += 1,
            Err(AnswerError::Refused(CodeRefusal::UsedUp)) => used_up += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!((stored, used_up), (12, 18));
    let read = store
        .survey(lyceum.school.id, survey)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.groups[0].used, 12);
    let answers = store
        .survey_answers(lyceum.school.id, &read)
        .await
        .expect("answers");
    assert_eq!(answers.groups[0].len(), 12);
    app.stop().await;
}

async fn a_closed_survey_stays_closed_and_its_k_only_goes_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (school, me) = (lyceum.school.id, lyceum.coordinator.id);
    let (survey, codes) = store
        .open_survey(
            school,
            me,
            &Line::parse("Voorjaar", 120).expect("valid"),
            k(10),
            &parse_groups("klas 3, 30", &[]).expect("valid"),
        )
        .await
        .expect("opened");
    // Before any answer, k may go down (not below 5).
    store
        .set_survey_threshold(school, me, survey, k(8))
        .await
        .expect("lower while empty");
    store
        .answer_survey(&codes[0].code, &answers(&[("v1", "2")]))
        .await
        .expect("answered");
    assert!(matches!(
        store.set_survey_threshold(school, me, survey, k(6)).await,
        Err(SurveyError::Threshold(AggregateError::SurveyHasAnswers {
            k: 8
        }))
    ));
    store
        .set_survey_threshold(school, me, survey, k(12))
        .await
        .expect("up is fine");
    // Not even a statement past the store lowers it.
    let id = match backend {
        Backend::Sqlite => format!("X'{}'", survey.simple()),
        Backend::Postgres => format!("'{survey}'"),
    };
    assert!(
        app.try_sql(&format!("UPDATE surveys SET threshold = 5 WHERE id = {id}"))
            .await
            .is_err()
    );
    store
        .close_survey(school, me, survey)
        .await
        .expect("closed");
    assert!(matches!(
        store.close_survey(school, me, survey).await,
        Err(SurveyError::Closed)
    ));
    assert!(matches!(
        store
            .answer_survey(&codes[0].code, &answers(&[("v1", "2")]))
            .await,
        Err(AnswerError::Refused(CodeRefusal::Closed))
    ));
    assert!(matches!(
        store
            .add_survey_groups(
                school,
                me,
                survey,
                &parse_groups("klas 4, 20", &[]).expect("valid")
            )
            .await,
        Err(SurveyError::Closed)
    ));
    assert!(
        app.try_sql(&format!(
            "UPDATE surveys SET closed_on = NULL WHERE id = {id}"
        ))
        .await
        .is_err(),
        "a closed survey never opens again"
    );
    let summary = &store.surveys(school).await.expect("list")[0];
    assert!(!summary.is_open());
    assert_eq!(summary.threshold, k(12));
    assert_eq!(summary.answers, 1);
    app.stop().await;
}
