//! `raamwerk demo`: a demo school with synthetic people (clearly fictional names), their
//! roles, a published school edition, two rounds of scans with notes, some shared scans, an
//! allocation with hours, a team picture (four in five let their scan count; two teams),
//! development plans (one shared with its conversation partner, with
//! a comment), a prepared, shared conversation with agreements and a team meeting with its
//! agenda and agreements (one feeding the allocation), and a vision on career guidance (two
//! published versions with goals and links to the school's tasks, a draft going on, and the
//! lower years' work plan with its activities), two student surveys (one closed with
//! its results, one open), and a pilot network of the demo school with seven other fictional
//! schools and its own coordinator, so a new user sees every feature at once and the
//! benchmarks have realistic data. Running it again replaces the demo school (and its
//! network) with a fresh one.

use std::collections::HashMap;

use domain::account::{Email, FrameworkRoles, NewPassword, Permission, PersonName, User, UserId};
use domain::allocation::{Assignment, Category, Outside, Part, Party, SchoolYear, Task};
use domain::framework::Date;
use domain::framework::draft::{self, Edit, Publication};
use domain::hours::Minutes;
use domain::scan::{Change, Choice, Note, NoteKey, Period, Prompt, RoundName};
use domain::school::{NewSchool, Region, SchoolName, Sectors, Students};
use domain::{Area, Edition, Kind, Role, Tag, Text};
use store::{Audience, Store, StoreError};

mod network;
mod survey;
mod vision;

/// The demo school's name: fictional, and says so.
pub const SCHOOL: &str = "Demoschool De Zandloper";
const DOMAIN: &str = "zandloper.demo.example";

const FIRST: [&str; 24] = [
    "Anouk", "Bram", "Chaima", "Daan", "Esra", "Floor", "Gijs", "Hanna", "Ilias", "Jet", "Koen",
    "Lotte", "Milan", "Noor", "Okke", "Pien", "Quinten", "Roos", "Sem", "Tess", "Umut", "Vera",
    "Wout", "Yara",
];
const LAST: [&str; 16] = [
    "Akkerman",
    "Bosveld",
    "Dijkhuis",
    "Elzinga",
    "Groenewoud",
    "Hofstede",
    "Kampman",
    "Lindeboom",
    "Meulenhof",
    "Noorderveen",
    "Oosterbaan",
    "Pijlman",
    "Roeland",
    "Stapper",
    "Veldkamp",
    "Zandvoort",
];

/// What the demo made, to print.
pub struct Made {
    pub coordinator: (String, String),
    pub member: (String, String),
    /// The demo network's coordinator.
    pub network: (String, String),
    /// The member's personal API token (scan and plan), to try the API with.
    pub api_token: String,
    pub short_name: String,
}

/// A small deterministic generator, so the demo is the same every time.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Other(String),
}

fn other(e: impl std::fmt::Display) -> DemoError {
    DemoError::Other(e.to_string())
}

/// A fresh password that passes our policy: random, long, printed once.
fn password() -> String {
    let id = uuid::Uuid::new_v4().simple().to_string();
    format!("zandloper-{}-{}", &id[..8], &id[8..16])
}

/// Makes (or replaces) the demo school with `size` people and at least `tasks` task
/// statements in its edition (the national ones, plus the school's own to reach `tasks`).
pub async fn make(
    store: &Store,
    national: &Edition,
    size: usize,
    tasks: usize,
) -> Result<Made, DemoError> {
    let size = size.max(4);
    for school in store.schools().await? {
        if school.name.to_string() == SCHOOL {
            store.delete_school(school.id).await?;
        }
    }
    let school = store
        .create_school(&NewSchool {
            name: SchoolName::parse(SCHOOL).map_err(|e| other(e.message(domain::Lang::En)))?,
            sectors: Sectors::parse("vo,mbo").map_err(|e| other(e.message(domain::Lang::En)))?,
            students: Students::new(
                u32::try_from(size * 12)
                    .unwrap_or(u32::MAX)
                    .min(Students::MAX),
            )
            .map_err(|e| other(e.message(domain::Lang::En)))?,
            region: Region::parse("Gelderland").map_err(|e| other(e.message(domain::Lang::En)))?,
            brin: None,
        })
        .await?;
    let mut dice = Dice(0x2a5eed);
    let mut people: Vec<(User, Vec<Role>, Permission)> = Vec::new();
    for i in 0..size {
        let (first, last) = (FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]);
        let name = if i < FIRST.len() * LAST.len() {
            format!("{first} {last}")
        } else {
            format!("{first} {last} {}", i / (FIRST.len() * LAST.len()) + 1)
        };
        let email = format!(
            "{}.{}.{i}@{DOMAIN}",
            first.to_lowercase(),
            last.to_lowercase()
        );
        let email = Email::parse(&email).map_err(|e| other(e.message(domain::Lang::En)))?;
        let name = PersonName::parse(&name).map_err(|e| other(e.message(domain::Lang::En)))?;
        // Roughly: one in twelve a decaan, one in twenty a coordinator, everyone a mentor.
        let (roles, permission) = match i {
            0 => (
                vec![Role::Specialist, Role::Coordinator],
                Permission::Coordinator,
            ),
            1 => (vec![Role::Mentor], Permission::Member),
            2 => (vec![Role::Coordinator], Permission::Administrator),
            _ if i % 20 == 3 => (
                vec![Role::Coordinator, Role::Mentor],
                Permission::Coordinator,
            ),
            _ if i % 12 == 4 => (vec![Role::Specialist, Role::Mentor], Permission::Member),
            _ => (vec![Role::Mentor], Permission::Member),
        };
        let user = match store.user_by_email(&email).await? {
            Some(user) => user,
            None => store.create_user(&email, &name).await?,
        };
        store
            .add_member(
                school.id,
                user.id,
                permission,
                &FrameworkRoles::new(roles.clone()),
            )
            .await?;
        people.push((user, roles, permission));
    }
    let coordinator = people[0].0.clone();
    let member = people[1].0.clone();
    let mut credentials = Vec::new();
    for user in [&coordinator, &member] {
        credentials.push((user.email.to_string(), set_password(store, user.id).await?));
    }

    // Round one, on the national edition, closed.
    let autumn = store
        .open_round(
            school.id,
            coordinator.id,
            &RoundName::parse("najaar 2025").map_err(other)?,
            Period::parse("2025-10-01", "2025-11-30").map_err(other)?,
            national.id(),
        )
        .await
        .map_err(other)?;
    scans(
        store, &school.id, autumn.id, national, &people, &mut dice, 1,
    )
    .await?;
    store
        .close_round(school.id, coordinator.id, autumn.id)
        .await
        .map_err(other)?;

    // The school's own edition: own statements (up to `tasks` tasks), one hidden, one moved.
    let national_tasks = national
        .statements()
        .iter()
        .filter(|s| s.kind == Kind::Task)
        .count();
    // One national task is hidden below: one more of the school's own makes up for it.
    let extra = (tasks + 1).saturating_sub(national_tasks).max(2);
    store
        .start_draft(
            school.id,
            coordinator.id,
            coordinator.name.as_str(),
            national,
            national.id(),
        )
        .await
        .map_err(other)?;
    let hidden = national
        .statements_in(Role::Mentor, Area::Cooperation, Kind::Task)
        .last()
        .map(|s| s.code.clone());
    store
        .change_draft(
            school.id,
            coordinator.id,
            coordinator.name.as_str(),
            None,
            None,
            Box::new(move |statements| {
                for n in 0..extra {
                    let role = Role::ALL[n % 3];
                    let area = Area::ALL[(n / 3) % 4];
                    let tag = if n % 2 == 0 { Tag::Regional } else { Tag::Occupational };
                    let text = Text::new(
                        format!("Organiseert met partners uit de Achterhoek activiteit {} voor de loopbaan van leerlingen.", n + 1),
                        String::new(),
                    );
                    draft::add(statements, role, area, Kind::Task, text, None, vec![tag])?;
                }
                if let Some(code) = &hidden {
                    draft::apply(statements, code, Edit::Hide)?;
                }
                Ok(())
            }),
        )
        .await
        .map_err(other)?;
    let draft = store
        .draft(school.id)
        .await?
        .ok_or_else(|| other("the draft is gone"))?;
    let own = draft::publish(
        &draft.statements,
        Publication {
            from: national,
            more_themes: &[],
            based_on: national.id(),
            identifier: draft::school_identifier(school.id),
            version: "1".into(),
            date: Date::new(2026, 8, 15).unwrap_or(Date::MIN),
            publisher: SCHOOL.into(),
            title: Text::new(
                format!("Raamwerk LOB van {SCHOOL}"),
                format!("Career guidance framework of {SCHOOL}"),
            ),
            summary: "Regionale en beroepsspecifieke taken toegevoegd.".into(),
        },
    )
    .map_err(|p| other(format!("{p:?}")))?;
    store
        .publish_draft(
            school.id,
            coordinator.id,
            coordinator.name.as_str(),
            &own,
            draft.revision,
        )
        .await
        .map_err(other)?;
    store
        .set_edition_open(school.id, coordinator.id, own.id(), true)
        .await
        .map_err(other)?;

    // Round two, on the school's edition (answers carried over), open; some shared, some
    // feeding the allocation.
    let spring = store
        .open_round(
            school.id,
            coordinator.id,
            &RoundName::parse("najaar 2026").map_err(other)?,
            Period::parse("2026-10-01", "").map_err(other)?,
            own.id(),
        )
        .await
        .map_err(other)?;
    scans(store, &school.id, spring.id, &own, &people, &mut dice, 2).await?;
    for (i, (user, ..)) in people.iter().enumerate() {
        if i % 5 == 1 {
            store
                .share_scan(school.id, spring.id, user.id, Audience::Team, true)
                .await
                .map_err(other)?;
        }
        if i % 3 != 2 {
            store
                .set_scan_feed(school.id, spring.id, user.id, true)
                .await?;
        }
        // Four in five let their scan count in the team picture.
        if i % 5 != 3 {
            store
                .set_picture_consent(school.id, spring.id, user.id, true)
                .await?;
        }
    }
    // Two teams, to read the picture by: the first and the second half of the school.
    let half = people.len() / 2;
    for (team, members) in [
        ("onderbouw", &people[..half]),
        ("bovenbouw", &people[half..]),
    ] {
        let ids: Vec<UserId> = members.iter().map(|(u, ..)| u.id).collect();
        store
            .save_team(school.id, coordinator.id, None, team, &ids)
            .await
            .map_err(other)?;
    }

    // The allocation: a responsible party and people carrying out every task but a few,
    // partners where they belong, hours per task and per person.
    let year = SchoolYear::parse("2026-2027").ok_or_else(|| other("school year"))?;
    let task_list: Vec<Task> = own
        .statements()
        .iter()
        .filter(|s| s.kind == Kind::Task)
        .map(|s| Task {
            code: s.code.clone(),
            role: s.role,
            category: Category::default_for(s.role),
            hours: None,
        })
        .collect();
    let by_role: HashMap<Role, Vec<UserId>> = Role::ALL
        .into_iter()
        .map(|r| {
            (
                r,
                people
                    .iter()
                    .filter(|(_, roles, _)| roles.contains(&r))
                    .map(|(u, ..)| u.id)
                    .collect(),
            )
        })
        .collect();
    let rules = store.allocation_settings(school.id).await?.rules;
    for (n, task) in task_list.iter().enumerate() {
        let hours = Minutes::hours(4 + (n % 9) as i64 * 3);
        store
            .set_allocation_task(
                school.id,
                coordinator.id,
                year,
                &task.code,
                task.category,
                Some(hours),
            )
            .await
            .map_err(other)?;
        if n % 17 == 5 {
            continue; // a gap to talk about
        }
        let pool = &by_role[&task.role];
        let coordinators = &by_role[&Role::Coordinator];
        let agree = |party: Party, part: Part| Assignment {
            code: task.code.clone(),
            party,
            part,
        };
        let responsible = coordinators[n % coordinators.len().max(1)];
        let mut agreements = vec![agree(Party::Person(responsible), Part::Responsible)];
        if task.role == Role::Mentor {
            agreements.push(agree(Party::Role(Role::Mentor), Part::CarriesOut));
        }
        for k in 0..1 + n % 3 {
            if let Some(p) = pool.get((n * 7 + k * 13) % pool.len().max(1)) {
                agreements.push(agree(Party::Person(*p), Part::CarriesOut));
            }
        }
        if task.code.as_str().contains(".SAM.") {
            agreements.push(agree(Party::Outside(Outside::ALL[n % 5]), Part::Involved));
        }
        for a in agreements {
            match store
                .add_assignment(school.id, coordinator.id, year, &a, &task_list, rules)
                .await
            {
                Ok(()) | Err(store::AllocationFailure::Refused(_)) => {}
                Err(e) => return Err(other(e)),
            }
        }
    }
    for (i, (user, roles, _)) in people.iter().enumerate() {
        let hours = if roles.contains(&Role::Specialist) {
            200
        } else if roles.contains(&Role::Coordinator) {
            120
        } else {
            10 + (i % 4) as i64 * 5
        };
        store
            .set_person_hours(
                school.id,
                coordinator.id,
                year,
                user.id,
                Some(Minutes::hours(hours)),
            )
            .await
            .map_err(other)?;
    }
    plans(store, &school.id, &people, &autumn, &spring, &own).await?;
    meeting(
        store,
        &school.id,
        coordinator.id,
        national,
        &own,
        &spring,
        (year, &task_list, rules),
    )
    .await?;
    vision::vision(store, &school.id, coordinator.id, &own).await?;
    survey::surveys(store, &school.id, coordinator.id).await?;
    let admin = people[2].0.id;
    let network_coordinator = network::network(store, national, &school, admin).await?;
    let api_token = api_tokens(store, &school.id, member.id, admin).await?;
    Ok(Made {
        coordinator: credentials[0].clone(),
        member: credentials[1].clone(),
        network: (
            format!("netwerk@{DOMAIN}"),
            set_password(store, network_coordinator).await?,
        ),
        api_token,
        short_name: school.short_name,
    })
}

/// The member's personal API token for their own scan and plan, and the administrator's
/// school token for an HR integration; returns the member's secret, to be printed once.
async fn api_tokens(
    store: &Store,
    school: &domain::school::SchoolId,
    member: UserId,
    admin: UserId,
) -> Result<String, DemoError> {
    use domain::api_token::{Holder, Lifetime, Scopes, TokenName};
    let token = |maker, holder, name: &str, scopes: &str| -> Result<store::NewToken, DemoError> {
        Ok(store::NewToken {
            school: *school,
            maker,
            holder,
            name: TokenName::parse(name).map_err(|_| other("a demo token's name"))?,
            scopes: Scopes::parse(scopes, holder).map_err(|_| other("a demo token's scopes"))?,
            lifetime: Lifetime::parse("").map_err(|_| other("a demo token's lifetime"))?,
        })
    };
    let (_, secret) = store
        .create_token(&token(
            member,
            Holder::Person,
            "Eigen portfolio",
            "rounds:read scan:write plan:read",
        )?)
        .await
        .map_err(other)?;
    store
        .create_token(&token(
            admin,
            Holder::School,
            "HR-koppeling",
            "members:read allocation:read hours:read",
        )?)
        .await
        .map_err(other)?;
    Ok(secret)
}

/// Gives a demo account a fresh password, returned to be printed once.
async fn set_password(store: &Store, user: UserId) -> Result<String, DemoError> {
    let secret = password();
    let parsed = NewPassword::parse(&secret, &secret, &[])
        .map_err(|_| other("the demo password was refused"))?;
    let hash = web::hash_password(parsed).await.map_err(other)?;
    let token = store.create_password_link(user).await?;
    store
        .set_password_with_link(&token, &hash)
        .await
        .map_err(other)?;
    Ok(secret)
}

/// A team meeting prepared from the open round's picture: where the team differs most, a
/// task nobody is responsible for, one of the school's own statements and a topic of the
/// coordinator's own; with an agreement that makes the specialists (decanen) responsible for
/// that task and
/// one in words only.
async fn meeting(
    store: &Store,
    school: &domain::school::SchoolId,
    coordinator: UserId,
    national: &Edition,
    own: &Edition,
    round: &store::Round,
    (year, tasks, rules): (SchoolYear, &[Task], domain::allocation::Rules),
) -> Result<(), DemoError> {
    use domain::meeting::{Source, agenda, proposals};
    use domain::plan::Line;
    let input = store
        .picture_input(*school, round.id)
        .await?
        .ok_or_else(|| other("the open round has no picture"))?;
    let shown = input.picture(own, None);
    let allocation = store.allocation(*school, year).await?;
    let added: Vec<domain::Statement> = domain::diff(national.statements(), own.statements())
        .into_iter()
        .filter_map(|change| change.after)
        .collect();
    let added: Vec<&domain::Statement> = added.iter().collect();
    let found = proposals(
        &shown,
        own,
        &allocation.assignments,
        &added,
        domain::Lang::Nl,
    );
    let chosen: Vec<_> = [Source::Divided, Source::Attention, Source::OwnFramework]
        .into_iter()
        .filter_map(|source| found.iter().find(|p| p.source == source))
        .collect();
    let topics = agenda(
        &chosen,
        &[
            Line::parse("Terugblik op de ouderavond over profielkeuze", Line::MAX)
                .map_err(other)?,
        ],
        60,
    )
    .map_err(other)?;
    let meeting = store
        .create_meeting(
            *school,
            coordinator,
            Some(round.id),
            Date::new(2026, 12, 16),
            &topics,
        )
        .await
        .map_err(other)?;
    if let Some(task) = topics.iter().find_map(|t| t.task.clone()) {
        let assignment = Assignment {
            code: task,
            party: Party::Role(Role::Specialist),
            part: Part::Responsible,
        };
        store
            .add_meeting_agreement(
                *school,
                coordinator,
                meeting,
                &Line::parse(
                    "De decanen nemen deze taak op zich en melden in maart hoe het gaat.",
                    Line::MAX,
                )
                .map_err(other)?,
                Some(&assignment),
                year,
                tasks,
                rules,
            )
            .await
            .map_err(other)?;
    }
    store
        .add_meeting_agreement(
            *school,
            coordinator,
            meeting,
            &Line::parse(
                "We nemen de uitkomst mee in de visie op loopbaanbegeleiding.",
                Line::MAX,
            )
            .map_err(other)?,
            None,
            year,
            tasks,
            rules,
        )
        .await
        .map_err(other)?;
    Ok(())
}

/// Development plans: for every fourth person, goals from what they want to develop in the
/// open round, with actions; the printed member's plan has a goal from the first round (so
/// the overview shows it then and now), is shared with the coordinator to comment on and
/// has a comment, and the member prepared a conversation with the coordinator, shared, with
/// an agreement from each.
async fn plans(
    store: &Store,
    school: &domain::school::SchoolId,
    people: &[(User, Vec<Role>, Permission)],
    first: &store::Round,
    open: &store::Round,
    edition: &Edition,
) -> Result<(), DemoError> {
    use domain::conversation::{Sources, propose};
    use domain::plan::{ActionFields, ActionStatus, GoalFields, GoalStatus, Line, Partner};
    let line = |text: &str| Line::parse(text, Line::MAX).map_err(other);
    let coordinator = people[0].0.id;
    let member = people[1].0.id;
    let made_on = Date::new(2026, 10, 15).ok_or_else(|| other("date"))?;
    let words = [
        "Hier wil ik dit schooljaar echt werk van maken",
        "Met de decaan afstemmen hoe ik dit aanpak",
        "Eerst kijken hoe collega's dit doen",
    ];
    for (i, (user, roles, _)) in people.iter().enumerate() {
        if i != 1 && i % 4 != 1 {
            continue;
        }
        let content = store.my_scan(*school, open.id, user.id).await?.content;
        let wishes = domain::plan::suggestions(edition, roles, &content, &[]);
        for (n, statement) in wishes.iter().take(2).enumerate() {
            let what: String = statement.text.nl.chars().take(200).collect();
            let goal = GoalFields {
                what: line(&format!(
                    "{}: {}",
                    words[n % words.len()],
                    what.trim_end_matches('.')
                ))?,
                why: Note::parse("Leerlingen vragen er steeds vaker naar.", 2000).map_err(other)?,
                statements: vec![statement.code.clone()],
                support: Note::parse(
                    "Tijd in de jaartaak en een collega om mee te sparren.",
                    2000,
                )
                .map_err(other)?,
                partner: (user.id != coordinator).then_some(Partner::Colleague(coordinator)),
                target: Date::new(2027, 6, 30),
                status: GoalStatus::Open,
                reflection: None,
            };
            let id = store
                .add_goal(*school, user.id, &goal, Some(open.id), made_on)
                .await
                .map_err(other)?;
            for (k, (text, status)) in [
                (
                    "Een artikel lezen over loopbaangesprekken",
                    ActionStatus::Done,
                ),
                (
                    "Meelopen met een collega bij twee gesprekken",
                    ActionStatus::Busy,
                ),
                (
                    "Terugblikken met mijn gesprekspartner",
                    ActionStatus::Planned,
                ),
            ]
            .into_iter()
            .enumerate()
            {
                let action = ActionFields {
                    text: line(text)?,
                    status,
                    // December, January, February.
                    due: [(2026, 12), (2027, 1), (2027, 2)]
                        .get(k)
                        .and_then(|&(y, m)| Date::new(y, m, 15)),
                };
                store
                    .add_action(*school, user.id, id, k as i64, &action)
                    .await
                    .map_err(other)?;
            }
        }
    }
    // The member's goal from the first round, to compare with now.
    let before = store.my_scan(*school, first.id, member).await?.content;
    if let Some(statement) = edition
        .statements()
        .iter()
        .find(|s| s.role == Role::Mentor && before.choice(&s.code).is_some())
    {
        let goal = GoalFields {
            what: line("Vaker met ouders over de keuze van hun kind praten")?,
            why: None,
            statements: vec![statement.code.clone()],
            support: None,
            partner: Some(Partner::Named(
                Line::parse("teamleider", 80).map_err(other)?,
            )),
            target: None,
            status: GoalStatus::Open,
            reflection: None,
        };
        store
            .add_goal(*school, member, &goal, Some(first.id), made_on)
            .await
            .map_err(other)?;
    }
    store
        .share_plan(
            *school,
            member,
            coordinator,
            Some(store::ShareMode::Comment),
        )
        .await
        .map_err(other)?;
    let plan = store.plan(*school, member).await?;
    if let Some(goal) = plan.goals.first() {
        store
            .add_comment(
                *school,
                goal.id,
                coordinator,
                &line("Mooi doel. Zullen we in januari samen een gesprek voorbereiden?")?,
            )
            .await
            .map_err(other)?;
    }
    // A conversation prepared from what the member brings, shared, with agreements.
    let content = store.my_scan(*school, open.id, member).await?.content;
    let scale = store.scale_labels(*school).await?;
    let steps = propose(
        &Sources {
            edition,
            roles: &people[1].1,
            content: &content,
            before: Some(&before),
            scale: &scale,
            goals: &plan.goals,
            include_notes: false,
            minutes: 45,
        },
        domain::Lang::Nl,
    );
    let talk = store
        .create_conversation(
            *school,
            member,
            Some(&Partner::Colleague(coordinator)),
            Date::new(2026, 12, 17),
            false,
            &steps,
        )
        .await
        .map_err(other)?;
    store
        .share_conversation(*school, member, talk, true)
        .await
        .map_err(other)?;
    let title = line("Afspraken uit het gesprek van 17-12-2026")?;
    for (by, text) in [
        (coordinator, "Ik kom in januari een mentorgesprek bijwonen"),
        (member, "Na elke ouderavond noteren wat ouders vroegen"),
    ] {
        store
            .add_agreement(
                *school,
                talk,
                by,
                &line(text)?,
                &store::AgreementGoal::Conversation(title.clone()),
                made_on,
            )
            .await
            .map_err(other)?;
    }
    Ok(())
}

/// Scans for most people in a round: answers to the statements of their roles, a few notes.
async fn scans(
    store: &Store,
    school: &domain::school::SchoolId,
    round: uuid::Uuid,
    edition: &Edition,
    people: &[(User, Vec<Role>, Permission)],
    dice: &mut Dice,
    pass: usize,
) -> Result<(), DemoError> {
    let notes = [
        "Dit doe ik vooral in de mentorles, samen met de collega van Nederlands.",
        "Hier wil ik komend jaar meer tijd voor maken.",
        "Bespreken in de sectievergadering.",
        "Gaat goed sinds we de loopbaandossiers digitaal hebben.",
    ];
    for (i, (user, roles, _)) in people.iter().enumerate() {
        if (i + pass).is_multiple_of(10) {
            continue; // not everyone takes part
        }
        let mut changes = Vec::new();
        for s in edition
            .statements()
            .iter()
            .filter(|s| roles.contains(&s.role))
        {
            let choice = Choice::ALL[dice.roll(4)];
            changes.push(Change::Choice(s.code.clone(), Some(choice)));
            if dice.roll(9) == 0 {
                let note = Note::parse(notes[dice.roll(notes.len())], 500).map_err(other)?;
                changes.push(Change::AnswerNote(s.code.clone(), note));
            }
        }
        if let Some(role) = roles.first() {
            let key = NoteKey::Reflection(*role, Area::Guidance, Prompt::ALL[0]);
            let note = Note::parse(
                "Ik merk dat leerlingen meer vragen stellen over vervolgopleidingen.",
                2000,
            )
            .map_err(other)?;
            changes.push(Change::AreaNote(key, note));
        }
        for chunk in changes.chunks(64) {
            store
                .save_scan(*school, round, user.id, chunk)
                .await
                .map_err(other)?;
        }
    }
    Ok(())
}
