//! The demo school's vision on career guidance: two published versions with goals and links
//! to the school's tasks, a draft going on, the lower years' work plan with its activities, and
//! one goal evaluated in the yearly cycle.

use super::*;

/// The school's vision: a first version with every section written, links to the school's
/// tasks and two goals; a second with a sharper introduction and a goal for cooperation; the
/// draft goes on from there.
pub(super) async fn vision(
    store: &Store,
    school: &domain::school::SchoolId,
    coordinator: UserId,
    own: &Edition,
) -> Result<(), DemoError> {
    use domain::vision::{Body, GoalInput, Section, SectionText};
    let texts: [(Section, &str); 5] = [
        (
            Section::Intro,
            "Wij willen dat elke leerling van De Zandloper de school verlaat met een keuze die bij hem of haar past, en weet hoe je zo'n keuze maakt.\n\nDit stuk beschrijft hoe we dat samen doen: mentoren, decanen, vakdocenten en de schoolleiding.",
        ),
        (
            Section::Area(Area::Vision),
            "Loopbaanbegeleiding is geen los vak maar een lijn door alle leerjaren. Elk jaar kijken we in juni samen terug en stellen we de doelen bij.",
        ),
        (
            Section::Area(Area::Guidance),
            "De mentor voert met elke leerling twee loopbaangesprekken per jaar. De decaan begeleidt de profielkeuze en de overstap naar het vervolgonderwijs.\n\nOuders praten mee op de ouderavonden in klas 3.",
        ),
        (
            Section::Area(Area::Organisation),
            "De coördinator LOB bewaakt de planning en de uren. Nieuwe mentoren volgen in hun eerste jaar een training gespreksvoering.",
        ),
        (
            Section::Area(Area::Cooperation),
            "We werken samen met het mbo en de hogeschool in de regio, en met bedrijven voor snuffelstages.",
        ),
    ];
    for (section, body) in texts {
        let links: Vec<domain::Code> = match section {
            Section::Area(area) => own
                .statements()
                .iter()
                .filter(|s| s.area == area && s.kind == Kind::Task)
                .take(3)
                .map(|s| s.code.clone())
                .collect(),
            Section::Intro => Vec::new(),
        };
        store
            .save_vision_section(
                *school,
                coordinator,
                section,
                0,
                &SectionText {
                    body: Body::parse(body).map_err(other)?,
                    links,
                },
            )
            .await
            .map_err(other)?;
    }
    let goal = |section, goal, indicator, target, owner, on| {
        GoalInput {
            section,
            goal,
            indicator,
            target,
            owner,
            evaluate_on: on,
        }
        .parse()
        .map_err(other)
    };
    for g in [
        goal(
            "begeleiding",
            "Elke leerling voert twee loopbaangesprekken per jaar met de mentor",
            "Aandeel leerlingen met twee gesprekken in het leerlingvolgsysteem",
            "90% in schooljaar 2026–2027",
            "Teamleider onderbouw",
            "2027-06-15",
        )?,
        goal(
            "organisatie",
            "Elke nieuwe mentor volgt de training gespreksvoering",
            "Aantal nieuwe mentoren met de training afgerond",
            "Allemaal voor de kerstvakantie",
            "Coördinator LOB",
            "2027-01-15",
        )?,
    ] {
        store
            .add_vision_goal(*school, coordinator, &g)
            .await
            .map_err(other)?;
    }
    let words: HashMap<domain::Code, Text> = own
        .statements()
        .iter()
        .map(|s| (s.code.clone(), s.text.clone()))
        .collect();
    let published =
        |n: i64| Date::new(2026, 9 + u8::try_from(n).unwrap_or(0), 20).ok_or_else(|| other("date"));
    let revision = store.vision_draft(*school).await?.revision;
    store
        .publish_vision(
            *school,
            coordinator,
            revision,
            "Eerste versie, besproken met het team",
            published(0)?,
            &words,
        )
        .await
        .map_err(other)?;
    let intro = store.vision_draft(*school).await?;
    let intro_revision = intro
        .sections
        .get(&Section::Intro)
        .map_or(0, |m| m.revision);
    store
        .save_vision_section(
            *school,
            coordinator,
            Section::Intro,
            intro_revision,
            &SectionText {
                body: Body::parse("Wij willen dat elke leerling van De Zandloper de school verlaat met een keuze die bij hem of haar past, en weet hoe je zo'n keuze maakt.\n\nDit stuk beschrijft hoe we dat samen doen: mentoren, decanen, vakdocenten, ouders en de schoolleiding.").map_err(other)?,
                links: Vec::new(),
            },
        )
        .await
        .map_err(other)?;
    store
        .add_vision_goal(
            *school,
            coordinator,
            &goal(
                "samenwerking",
                "Elke leerling in klas 4 loopt een snuffelstage",
                "Aandeel leerlingen in klas 4 met een snuffelstage",
                "75%",
                "Decaan",
                "2027-06-30",
            )?,
        )
        .await
        .map_err(other)?;
    let revision = store.vision_draft(*school).await?.revision;
    let version = store
        .publish_vision(
            *school,
            coordinator,
            revision,
            "Ouders in de inleiding, een doel voor samenwerking",
            published(1)?,
            &words,
        )
        .await
        .map_err(other)?;
    work_plan(store, school, coordinator, version).await
}

/// The id and words of a version's goal at `index`.
async fn version_goal(
    store: &Store,
    school: &domain::school::SchoolId,
    version: uuid::Uuid,
    index: usize,
) -> Result<(uuid::Uuid, domain::plan::Line), DemoError> {
    let v = store
        .vision_version(*school, version)
        .await?
        .ok_or_else(|| other("the vision's version is missing"))?;
    match (v.goal_ids.get(index), v.vision.goals.get(index)) {
        (Some(id), Some(goal)) => Ok((*id, goal.goal.clone())),
        _ => Err(other("the vision's version has too few goals")),
    }
}

/// The lower years' work plan for this school year, from the newest version: two of its
/// goals, each with activities of the team's own.
async fn work_plan(
    store: &Store,
    school: &domain::school::SchoolId,
    coordinator: UserId,
    version: uuid::Uuid,
) -> Result<(), DemoError> {
    use domain::workplan::{ActivityInput, title};
    let goals = store
        .vision_version(*school, version)
        .await?
        .ok_or_else(|| other("the vision's version is missing"))?
        .goal_ids;
    let taken: Vec<uuid::Uuid> = goals.iter().take(2).copied().collect();
    let year = SchoolYear::parse("2026-2027").ok_or_else(|| other("school year"))?;
    let plan = store
        .create_work_plan(
            *school,
            coordinator,
            &title("onderbouw").map_err(other)?,
            year,
            version,
            &taken,
        )
        .await
        .map_err(other)?;
    let activities: [(usize, &str, &str, &str); 4] = [
        (
            0,
            "Gesprekkenweek in november voor klas 1 en 2",
            "Mentoren onderbouw",
            "2026-11-30",
        ),
        (
            0,
            "Tweede gesprek na de rapportvergadering in maart",
            "Mentoren onderbouw",
            "2027-03-31",
        ),
        (
            1,
            "Training gespreksvoering voor de vier nieuwe mentoren",
            "Coördinator LOB",
            "2027-01-15",
        ),
        (
            1,
            "Meelopen met een ervaren mentor bij een ouderavond",
            "Teamleider onderbouw",
            "",
        ),
    ];
    // One goal evaluated already, with an adjustment for the draft.
    let first = version_goal(store, school, version, 0).await?;
    store
        .save_goal_evaluation(
            *school,
            coordinator,
            year,
            first.0,
            &first.1,
            0,
            &domain::cycle::Evaluation::parse(
                "Na de eerste periode had 64% een gesprek gehad",
                "De gesprekkenweek in november werkte: bijna elke klas deed mee.",
                "Het tweede gesprek plannen we eerder, voor de profielkeuze.",
            )
            .map_err(other)?,
        )
        .await
        .map_err(other)?;
    for (goal, text, owner, due) in activities {
        let Some(goal) = taken.get(goal) else {
            continue;
        };
        let goal = goal.to_string();
        let activity = ActivityInput {
            goal: &goal,
            text,
            owner,
            due,
        }
        .parse(&taken)
        .map_err(other)?;
        store
            .add_work_plan_activity(*school, coordinator, plan, &activity)
            .await
            .map_err(other)?;
    }
    Ok(())
}
