//! Schools: the storage contract on both backends and `admin create-school`.

use domain::school::{Brin, NewSchool, Region, Sectors, Students};
use store::Store;

use crate::helpers::{Backend, TestDb, new_school, on_both_backends};

on_both_backends!(
    schools_are_stored_whole_with_unique_short_names,
    create_school_on_the_command_line
);

/// A school with every field filled in, so the round trip covers them all.
fn full_school(name: &str) -> NewSchool {
    NewSchool {
        sectors: Sectors::parse("vo,mbo").expect("valid"),
        students: Students::new(1450).expect("valid"),
        region: Region::Fryslan,
        brin: Some(Brin::parse("12AB").expect("valid")),
        ..new_school(name)
    }
}

async fn schools_are_stored_whole_with_unique_short_names(backend: Backend) {
    let db = TestDb::new(backend).await;
    let store = Store::connect(&db.url).await.expect("connect");
    store.migrate().await.expect("migrate");

    let first = store
        .create_school(&full_school("Het Stedelijk Lyceum"))
        .await
        .expect("created");
    assert_eq!(first.short_name, "het-stedelijk-lyceum");
    let second = store
        .create_school(&full_school("Het  Stedelijk Lyceum!"))
        .await
        .expect("created");
    assert_eq!(
        second.short_name, "het-stedelijk-lyceum-2",
        "a taken short name is numbered"
    );
    assert_ne!(first.id, second.id);

    let loaded = store
        .school_by_short_name("het-stedelijk-lyceum")
        .await
        .expect("lookup")
        .expect("present");
    assert_eq!(loaded, first, "every field survives the round trip");
    assert_eq!(loaded.sectors.to_string(), "vo,mbo");
    assert_eq!(loaded.brin.as_ref().map(Brin::as_str), Some("12AB"));
    assert!(
        store
            .school_by_short_name("bestaat-niet")
            .await
            .expect("lookup")
            .is_none()
    );

    let mut without_brin = full_school("Noorderpoort");
    without_brin.brin = None;
    let third = store.create_school(&without_brin).await.expect("created");
    let names: Vec<String> = store
        .schools()
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.short_name)
        .collect();
    assert_eq!(
        names,
        vec![
            "het-stedelijk-lyceum",
            "het-stedelijk-lyceum-2",
            "noorderpoort"
        ]
    );
    assert_eq!(
        store
            .school_by_short_name("noorderpoort")
            .await
            .expect("lookup"),
        Some(third)
    );
    store.close().await;
    db.remove().await;
}

fn raamwerk(args: &[&str], lang: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_raamwerk"))
        .args(args)
        .env("LANG", lang)
        .env_remove("RAAMWERK_DATABASE_URL")
        .output()
        .expect("the binary runs")
}

async fn create_school_on_the_command_line(backend: Backend) {
    let db = TestDb::new(backend).await;
    let create = |name: &str| {
        raamwerk(
            &[
                "admin",
                "create-school",
                "--name",
                name,
                "--sector",
                "vo",
                "--sector",
                "mbo",
                "--students",
                "600",
                "--region",
                "Noord-Holland",
                "--database",
                &db.url,
            ],
            "en_GB.UTF-8",
        )
    };
    let out = create("Montessori College Oost");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "montessori-college-oost\n"
    );
    let again = create("Montessori College Oost");
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        "montessori-college-oost-2\n"
    );

    let bad = raamwerk(
        &[
            "admin",
            "create-school",
            "--name",
            " ",
            "--sector",
            "wo",
            "--students",
            "-3",
            "--region",
            "Bayern",
            "--brin",
            "ABCD",
            "--database",
            &db.url,
        ],
        "nl_NL.UTF-8",
    );
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "every problem, one line each: {stderr}");
    assert_eq!(lines[0], "raamwerk: de naam van de school ontbreekt");
    assert_eq!(
        lines[1],
        "raamwerk: onbekende sector 'wo' (kies vo, mbo of hbo)"
    );
    assert_eq!(
        lines[2],
        "raamwerk: het aantal leerlingen of studenten moet tussen 1 en 100000 liggen"
    );
    assert!(
        lines[3].starts_with(
            "raamwerk: onbekende provincie 'Bayern' (bijvoorbeeld: Groningen, Fryslân"
        )
    );
    assert_eq!(
        lines[4],
        "raamwerk: 'ABCD' is geen BRIN-code (twee cijfers en twee letters, zoals 12AB)"
    );

    let store = Store::connect(&db.url).await.expect("connect");
    let names: Vec<String> = store
        .schools()
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.short_name)
        .collect();
    assert_eq!(
        names,
        vec!["montessori-college-oost", "montessori-college-oost-2"],
        "bad input changed nothing"
    );
    let school = store
        .school_by_short_name("montessori-college-oost")
        .await
        .expect("lookup")
        .expect("present");
    assert_eq!(school.region, Region::NoordHolland);
    assert_eq!(school.students.get(), 600);
    store.close().await;
    db.remove().await;
}

on_both_backends!(create_user_and_reset_password_print_working_links);

async fn create_user_and_reset_password_print_working_links(backend: Backend) {
    let db = TestDb::new(backend).await;
    let run = |args: &[&str]| {
        let mut all: Vec<&str> = args.to_vec();
        all.extend(["--database", &db.url]);
        if args[1] != "create-school" {
            all.extend(["--base-url", "https://raamwerk.example/"]);
        }
        raamwerk(&all, "en_GB.UTF-8")
    };
    let school = run(&[
        "admin",
        "create-school",
        "--name",
        "Atlas College",
        "--sector",
        "vo",
        "--students",
        "1200",
        "--region",
        "NH",
    ]);
    assert!(
        school.status.success(),
        "{}",
        String::from_utf8_lossy(&school.stderr)
    );

    let created = run(&[
        "admin",
        "create-user",
        "--school",
        "atlas-college",
        "--email",
        "Decaan@Atlas.nl",
        "--name",
        "Sanne Bakker",
        "--permission",
        "coordinator",
        "--roles",
        "SPE,COO",
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let link = String::from_utf8_lossy(&created.stdout).trim().to_owned();
    let token = link
        .strip_prefix("https://raamwerk.example/nl/wachtwoord-instellen/")
        .unwrap_or_else(|| panic!("a link to set a password: {link}"));

    let store = Store::connect(&db.url).await.expect("connect");
    let user = store.password_link(token).await.expect("the link works");
    assert_eq!(user.email.as_str(), "decaan@atlas.nl");
    let school = store
        .school_by_short_name("atlas-college")
        .await
        .expect("lookup")
        .expect("present");
    let membership = store
        .membership(school.id, user.id)
        .await
        .expect("lookup")
        .expect("member");
    assert_eq!(membership.roles.to_string(), "SPE,COO");

    let twice = run(&[
        "admin",
        "create-user",
        "--school",
        "atlas-college",
        "--email",
        "decaan@atlas.nl",
        "--name",
        "Sanne",
        "--permission",
        "lid",
    ]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already a member of atlas-college"));
    let nowhere = run(&[
        "admin",
        "create-user",
        "--school",
        "bestaat-niet",
        "--email",
        "x@atlas.nl",
        "--name",
        "X",
        "--permission",
        "lid",
    ]);
    assert_eq!(nowhere.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&nowhere.stderr)
            .contains("no school with the short name 'bestaat-niet'")
    );
    let bad = run(&[
        "admin",
        "create-user",
        "--school",
        "atlas-college",
        "--email",
        "geen-adres",
        "--name",
        " ",
        "--permission",
        "baas",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).lines().count(),
        3,
        "every invalid field, one line each"
    );

    let reset = run(&["admin", "reset-password", "--email", "decaan@atlas.nl"]);
    assert!(reset.status.success());
    let second = String::from_utf8_lossy(&reset.stdout).trim().to_owned();
    assert_ne!(second, link, "a new link every time");
    let unknown = run(&["admin", "reset-password", "--email", "niemand@atlas.nl"]);
    assert_eq!(unknown.status.code(), Some(1));
    store.close().await;
    db.remove().await;
}
