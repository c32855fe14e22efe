//! The questionnaire, the student's form, class codes, groups and the results under the
//! group-figure rule.

use std::collections::BTreeSet;

use super::*;

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn k(n: u32) -> Threshold {
    Threshold::new(n).expect("valid k")
}

fn answers(n: usize, step: u8) -> Vec<[Option<u8>; ITEM_COUNT]> {
    vec![[Some(step); ITEM_COUNT]; n]
}

#[test]
fn the_questionnaire_has_eight_to_twelve_items_over_all_four_areas() {
    assert!((8..=12).contains(&ITEMS.len()));
    for area in Area::ALL {
        assert!(ITEMS.iter().any(|i| i.area == area), "{area:?} has an item");
    }
    for item in ITEMS {
        assert!(!item.text(Lang::Nl).is_empty() && !item.text(Lang::En).is_empty());
        assert_ne!(item.text(Lang::Nl), item.text(Lang::En));
    }
    for step in 1..=STEPS as u8 {
        assert!(!step_label(step, Lang::Nl).is_empty());
    }
    assert_eq!(step_label(5, Lang::Nl), "");
}

#[test]
fn a_response_takes_steps_skips_and_the_open_answer() {
    let r = Response::parse(&fields(&[
        ("code", "ABCDE-FGHJK"),
        ("v1", "4"),
        ("v2", ""),
        ("v10", " 1 "),
        ("opmerking", "  Meer gastlessen\r\ngraag\u{7}  "),
    ]))
    .expect("valid");
    assert_eq!(r.answers[0], Some(4));
    assert_eq!(r.answers[1], None);
    assert_eq!(r.answers[9], Some(1));
    assert_eq!(r.remark.as_deref(), Some("Meer gastlessen\ngraag"));
    let r = Response::parse(&fields(&[("v3", "2"), ("opmerking", "   ")])).expect("valid");
    assert_eq!(r.remark, None);
}

#[test]
fn answers_outside_the_scale_are_refused_naming_the_question() {
    for bad in ["0", "5", "-1", "3.5", "ja", "44"] {
        let e = Response::parse(&fields(&[("v1", "3"), ("v7", bad)])).expect_err(bad);
        assert_eq!(e, SurveyInputError::OutsideScale { item: 7 });
        assert!(e.message(Lang::Nl).contains("vraag 7"));
        assert!(e.message(Lang::En).contains("Question 7"));
    }
    assert_eq!(
        Response::parse(&fields(&[("v2", "3"), ("v2", "4")])),
        Err(SurveyInputError::Twice { item: 2 })
    );
    assert_eq!(
        Response::parse(&fields(&[("opmerking", "alleen dit")])),
        Err(SurveyInputError::NothingAnswered)
    );
}

#[test]
fn a_huge_open_answer_is_refused_with_its_length() {
    let huge = "x".repeat(REMARK_MAX + 1);
    let e = Response::parse(&fields(&[("v1", "2"), ("opmerking", &huge)])).expect_err("long");
    assert_eq!(
        e,
        SurveyInputError::RemarkTooLong {
            max: REMARK_MAX,
            length: REMARK_MAX + 1
        }
    );
    assert!(e.message(Lang::Nl).contains("1001"));
    let fits = "é".repeat(REMARK_MAX);
    assert!(Response::parse(&fields(&[("v1", "2"), ("opmerking", &fits)])).is_ok());
}

#[test]
fn class_codes_are_read_as_students_type_them() {
    let code = ClassCode::from_random([0, 1, 2, 3, 31, 32, 200, 255, 7, 8]);
    assert_eq!(code.as_str().len(), CODE_LENGTH);
    let shown = code.to_string();
    assert_eq!(shown.len(), CODE_LENGTH + 1);
    assert_eq!(ClassCode::parse(&shown), Some(code.clone()));
    assert_eq!(
        ClassCode::parse(&format!(" {} ", shown.to_lowercase().replace('-', " "))),
        Some(code.clone())
    );
    assert!(
        !format!("{code:?}").contains(code.as_str()),
        "never in logs"
    );
    for bad in [
        "",
        "ABCDE",
        "ABCDE-FGHJKL",
        "ABCDE-FGHJ0",
        "ABCDE-FGHJI",
        "ABCDE-FGH!K",
    ] {
        assert_eq!(ClassCode::parse(bad), None, "{bad}");
    }
}

#[test]
fn every_character_of_the_alphabet_can_come_up() {
    let mut seen = BTreeSet::new();
    for b in 0..=255u8 {
        seen.extend(ClassCode::from_random([b; CODE_LENGTH]).as_str().chars());
    }
    assert_eq!(seen.len(), 32);
}

#[test]
fn groups_are_typed_one_a_line_with_their_number_of_students() {
    let groups = parse_groups("3 havo A, 27\n\n3 vwo, 1, 30\n", &[]).expect("valid");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].name.as_str(), "3 havo A");
    assert_eq!(groups[0].uses, 27);
    assert_eq!(groups[1].name.as_str(), "3 vwo, 1", "the last comma splits");
    assert_eq!(parse_groups(" \n", &[]), Err(GroupsError::None));
    let e = parse_groups("3 havo A, 27\n4 havo", &[]).expect_err("no number");
    assert!(matches!(e, GroupsError::Uses { line: 2, .. }));
    assert!(e.message(Lang::Nl).contains("Regel 2"));
    for bad in ["0", "1001", "veel", "-3"] {
        assert!(parse_groups(&format!("klas, {bad}"), &[]).is_err(), "{bad}");
    }
    assert!(matches!(
        parse_groups("3 havo A, 20", &["3 HAVO A"]),
        Err(GroupsError::Twice { line: 1, .. })
    ));
    assert!(matches!(
        parse_groups(", 20", &[]),
        Err(GroupsError::Name { line: 1, .. })
    ));
    let many: String = (0..=GROUPS_MAX)
        .map(|i| format!("klas {i}, 20\n"))
        .collect();
    assert_eq!(
        parse_groups(&many, &[]),
        Err(GroupsError::TooMany { max: GROUPS_MAX })
    );
}

#[test]
fn a_surveys_k_only_goes_up_once_it_has_answers() {
    assert_eq!(threshold_for(k(10), k(5), false), Ok(k(5)));
    assert_eq!(threshold_for(k(10), k(12), true), Ok(k(12)));
    assert_eq!(threshold_for(k(10), k(10), true), Ok(k(10)));
    let e = threshold_for(k(10), k(9), true).expect_err("down");
    assert_eq!(e, AggregateError::SurveyHasAnswers { k: 10 });
    assert!(e.message(Lang::Nl).contains("omhoog"));
    assert_eq!(DEFAULT_K, 10);
    assert!(Threshold::new(4).is_err(), "never below five");
}

#[test]
fn an_open_survey_has_no_results() {
    assert_eq!(results(State::Open, &[answers(30, 3)], k(10)), None);
}

#[test]
fn results_count_steps_and_skips_per_item_and_area() {
    let mut group = answers(8, 4);
    group.extend(answers(2, 1));
    group[0][1] = None;
    let r = results(State::Closed, &[group], k(10)).expect("closed");
    let Shown::Value(whole) = &r.whole else {
        panic!("ten answers are shown");
    };
    assert_eq!(whole.answers, 10);
    assert_eq!(whole.items[0].steps, [2, 0, 0, 8]);
    assert_eq!(whole.items[1].skipped, 1);
    assert_eq!(whole.items[0].percent_agreeing(), Some(80));
    assert_eq!(whole.items[0].mean(), Some(3.4));
    let guidance = whole.area(Area::Guidance);
    assert_eq!(guidance.answered(), 30, "three items of ten answers");
    assert_eq!(r.groups, vec![r.whole.clone()]);
}

#[test]
fn below_k_nothing_is_shown() {
    let r = results(State::Closed, &[answers(9, 2)], k(10)).expect("closed");
    assert_eq!(r.whole, Shown::TooFew);
    assert_eq!(r.groups, vec![Shown::TooFew]);
    let r = results(State::Closed, &[], k(10)).expect("closed");
    assert_eq!(r.whole, Shown::TooFew);
}

#[test]
fn one_small_group_hides_another_so_the_whole_cannot_give_it_away() {
    // 24 + 8 answers: the 8 are hidden, and so are the 24 (else whole − 24 = the 8).
    let r = results(State::Closed, &[answers(24, 3), answers(8, 1)], k(10)).expect("closed");
    assert_eq!(r.groups, vec![Shown::TooFew, Shown::TooFew]);
    assert!(matches!(r.whole, Shown::Value(ref f) if f.answers == 32));
    // 24 + 18 + 6: the 6 and the smallest shown (18) are hidden together, 24 stays.
    let r = results(
        State::Closed,
        &[answers(24, 3), answers(18, 2), answers(6, 1)],
        k(10),
    )
    .expect("closed");
    assert!(matches!(r.groups[0], Shown::Value(ref f) if f.answers == 24));
    assert_eq!(r.groups[1], Shown::TooFew);
    assert_eq!(r.groups[2], Shown::TooFew);
    assert!(matches!(r.whole, Shown::Value(ref f) if f.answers == 48));
}

#[test]
fn no_hidden_group_can_be_worked_out_from_what_is_shown() {
    // Deterministic sizes over many surveys: what is hidden is either nothing, or at least
    // two groups covering at least k answers together (else the whole is hidden too).
    let mut seed = 7u64;
    let mut roll = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    for _ in 0..2000 {
        let groups: Vec<_> = (0..1 + roll(6))
            .map(|_| answers(roll(30) as usize, 2))
            .collect();
        let t = k(5 + roll(10) as u32);
        let r = results(State::Closed, &groups, t).expect("closed");
        let hidden: Vec<usize> = groups
            .iter()
            .zip(&r.groups)
            .filter(|(g, s)| !g.is_empty() && **s == Shown::TooFew)
            .map(|(g, _)| g.len())
            .collect();
        for (g, s) in groups.iter().zip(&r.groups) {
            if let Shown::Value(f) = s {
                assert!(t.admits(f.answers) && f.answers == g.len());
            }
        }
        if let Shown::Value(whole) = &r.whole {
            assert!(t.admits(whole.answers));
            let covered: usize = hidden.iter().sum();
            assert!(
                hidden.is_empty() || (hidden.len() >= 2 && t.admits(covered)),
                "hidden {hidden:?} under k {} beside a shown whole",
                t.get()
            );
        }
    }
}

#[test]
fn open_answers_come_only_with_the_whole_and_never_in_arrival_order() {
    let shown = results(State::Closed, &[answers(10, 3)], k(10)).expect("closed");
    let remarks = vec!["zo".to_owned(), "Beter".to_owned(), "alles".to_owned()];
    assert_eq!(
        shown_remarks(&shown, remarks.clone()),
        vec!["alles", "Beter", "zo"]
    );
    let hidden = results(State::Closed, &[answers(9, 3)], k(10)).expect("closed");
    assert!(shown_remarks(&hidden, remarks).is_empty());
}
