//! The demo school's student surveys: last spring's, closed, over three groups of which the
//! smallest is too small to show — and so the next smallest is hidden with it, so neither
//! can be worked out from the whole — and this year's, open, with a few answers in.

use domain::aggregate::Threshold;
use domain::plan::Line;
use domain::school::SchoolId;
use domain::survey::{ITEMS, Response, parse_groups};
use domain::{Area, Lang};
use store::Store;

use super::{DemoError, Dice, other};

/// What students of the demo say now and then, in the open question.
const REMARKS: [&str; 6] = [
    "Meer gastlessen van mensen uit verschillende beroepen.",
    "Ik wil eerder weten wanneer de open dagen zijn.",
    "Het gesprek met mijn mentor hielp echt.",
    "Meeloopdagen bij een opleiding, graag ook in klas 3.",
    "Ik wist niet dat de decaan ook voor vragen over werk is.",
    "Minder formulieren, meer praten.",
];

/// A student's answers: mostly agreeing on guidance, less so on cooperation with parents and
/// on the lessons; now and then a question skipped.
fn answers(dice: &mut Dice) -> Response {
    let mut response = Response::default();
    for (answer, item) in response.answers.iter_mut().zip(ITEMS.iter()) {
        let lean = match item.area {
            Area::Guidance => 2,
            Area::Organisation => 1,
            Area::Vision => 1,
            Area::Cooperation => 0,
        };
        *answer = match dice.roll(12) {
            0 => None,
            r => Some(u8::try_from((1 + (r + lean * 3) / 4).min(4)).unwrap_or(4)),
        };
    }
    if response.answers.iter().all(Option::is_none) {
        response.answers[0] = Some(3);
    }
    if dice.roll(4) == 0 {
        response.remark = Some(REMARKS[dice.roll(REMARKS.len())].to_owned());
    }
    response
}

pub(super) async fn surveys(
    store: &Store,
    school: &SchoolId,
    coordinator: domain::account::UserId,
) -> Result<(), DemoError> {
    let mut dice = Dice(0x005e_ed0f_5eed);
    let line = |s: &str| Line::parse(s, 120).map_err(|e| other(e.message(Lang::En)));
    let k = Threshold::new(domain::survey::DEFAULT_K).map_err(|e| other(e.message(Lang::En)))?;
    let groups = parse_groups("3 havo, 27\n3 vwo, 25\n4 havo, 26", &[])
        .map_err(|e| other(e.message(Lang::En)))?;
    let (spring, codes) = store
        .open_survey(
            *school,
            coordinator,
            &line("Leerlingenenquête LOB voorjaar")?,
            k,
            &groups,
        )
        .await
        .map_err(other)?;
    for (code, answered) in codes.iter().zip([24, 18, 6]) {
        for _ in 0..answered {
            store
                .answer_survey(&code.code, &answers(&mut dice))
                .await
                .map_err(other)?;
        }
    }
    store
        .close_survey(*school, coordinator, spring)
        .await
        .map_err(other)?;
    let groups =
        parse_groups("5 havo, 28\n6 vwo, 24", &[]).map_err(|e| other(e.message(Lang::En)))?;
    let (_, codes) = store
        .open_survey(
            *school,
            coordinator,
            &line("Leerlingenenquête bovenbouw")?,
            k,
            &groups,
        )
        .await
        .map_err(other)?;
    for _ in 0..7 {
        store
            .answer_survey(&codes[0].code, &answers(&mut dice))
            .await
            .map_err(other)?;
    }
    Ok(())
}
