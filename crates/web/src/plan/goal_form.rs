//! The goal form, for a new goal and for changing one: the goal in one's own words, why,
//! the statements it is about (those already linked or wished for as boxes, any other of
//! one's roles from a list), support, a partner, a target date, and — when changing — where
//! it stands and a reflection.

use domain::account::UserId;
use domain::plan::{FieldProblem, Goal, GoalForm, GoalStatus, Partner};
use domain::{Area, Code, Lang};

use crate::i18n::Tr;
use crate::plan::context::Context;
use crate::ui::forms::{FormFields, Problem, problem_of};

/// The form as a page shows it: what it holds now, and its problems.
#[derive(Debug, Default)]
pub struct GoalFormView {
    pub editing: bool,
    pub revision: i64,
    pub what: String,
    pub why: String,
    pub support: String,
    pub partner_named: String,
    pub named_chosen: bool,
    pub target: String,
    pub reflection: String,
    /// Statements as boxes: code, text, ticked.
    pub linked: Vec<(String, String, bool)>,
    /// Any other statement of the person's roles, by role and area: (group, [(code, label)]).
    pub more: Vec<(String, Vec<(String, String)>)>,
    /// Colleagues as partners: value, name, chosen.
    pub colleagues: Vec<(String, String, bool)>,
    /// Where a goal can stand: code, words, chosen.
    pub statuses: Vec<(&'static str, &'static str, bool)>,
    pub problems: Vec<Problem>,
}

impl GoalFormView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        problem_of(&self.problems, field)
    }

    /// An empty form, with `start` (codes from the address) ticked and the person's other
    /// wishes offered.
    pub fn blank(ctx: &Context, start: &[Code], wishes: &[Code], lang: Lang) -> GoalFormView {
        let mut view = GoalFormView {
            statuses: statuses(GoalStatus::Open, lang),
            colleagues: colleagues(ctx, None),
            more: more(ctx, lang),
            ..GoalFormView::default()
        };
        view.linked = linked(ctx, start, wishes, lang);
        view
    }

    /// The form for a goal as it is.
    pub fn of(goal: &Goal, ctx: &Context, lang: Lang) -> GoalFormView {
        let chosen = goal.partner.as_ref().and_then(Partner::colleague);
        GoalFormView {
            editing: true,
            revision: goal.revision,
            what: goal.what.to_string(),
            why: goal
                .why
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            support: goal
                .support
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            partner_named: match &goal.partner {
                Some(Partner::Named(name)) => name.to_string(),
                _ => String::new(),
            },
            named_chosen: matches!(goal.partner, Some(Partner::Named(_))),
            target: goal.target.map(|d| d.to_string()).unwrap_or_default(),
            reflection: goal
                .reflection
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            linked: linked(ctx, &goal.statements, &[], lang),
            more: more(ctx, lang),
            colleagues: colleagues(ctx, chosen),
            statuses: statuses(goal.status, lang),
            problems: Vec::new(),
        }
    }

    /// The form as it was sent, with its problems, to show again.
    pub fn typed(
        fields: &FormFields,
        ctx: &Context,
        editing: bool,
        problems: Vec<FieldProblem>,
        lang: Lang,
    ) -> GoalFormView {
        let codes: Vec<Code> = fields.all("uitspraak").filter_map(Code::parse).collect();
        let chosen = fields
            .one("partner")
            .strip_prefix("persoon:")
            .and_then(|id| uuid::Uuid::parse_str(id).ok())
            .map(UserId);
        GoalFormView {
            editing,
            revision: fields.one("revision").parse().unwrap_or(-1),
            what: fields.one("what").to_owned(),
            why: fields.one("why").to_owned(),
            support: fields.one("support").to_owned(),
            partner_named: fields.one("partner_named").to_owned(),
            named_chosen: fields.one("partner") == "anders",
            target: fields.one("target").to_owned(),
            reflection: fields.one("reflection").to_owned(),
            linked: linked(ctx, &codes, &[], lang),
            more: more(ctx, lang),
            colleagues: colleagues(ctx, chosen),
            statuses: statuses(
                GoalStatus::parse(fields.one("status")).unwrap_or_default(),
                lang,
            ),
            problems: problems
                .into_iter()
                .map(|p| Problem {
                    field: p.field,
                    message: p.error.message(lang),
                })
                .collect(),
        }
    }
}

/// The goal form's fields as the domain reads them.
pub fn form_of(fields: &FormFields) -> GoalForm<'_> {
    GoalForm {
        what: fields.one("what"),
        why: fields.one("why"),
        statements: fields.all("uitspraak").collect(),
        support: fields.one("support"),
        partner: fields.one("partner"),
        partner_named: fields.one("partner_named"),
        target: fields.one("target"),
        status: fields.one("status"),
        reflection: fields.one("reflection"),
    }
}

/// Boxes for the statements `ticked` (ticked) and `offered` (not), each once, in that order.
fn linked(
    ctx: &Context,
    ticked: &[Code],
    offered: &[Code],
    lang: Lang,
) -> Vec<(String, String, bool)> {
    let mut boxes: Vec<(String, String, bool)> = Vec::new();
    for (code, on) in ticked
        .iter()
        .map(|c| (c, true))
        .chain(offered.iter().map(|c| (c, false)))
    {
        if boxes.iter().any(|(c, _, _)| c == code.as_str()) {
            continue;
        }
        let text = ctx.edition.statement(code.as_str()).map_or_else(
            || Tr(lang).get("plan-statement-gone"),
            |s| s.text.shown(lang).to_owned(),
        );
        boxes.push((code.to_string(), text, on));
    }
    boxes
}

/// Every statement of the person's roles (of all roles when they hold none), grouped by
/// role and area, to link one more.
fn more(ctx: &Context, lang: Lang) -> Vec<(String, Vec<(String, String)>)> {
    let roles = if ctx.roles.is_empty() {
        domain::Role::ALL.to_vec()
    } else {
        ctx.roles.clone()
    };
    let mut groups = Vec::new();
    for role in roles {
        for area in Area::ALL {
            let options: Vec<(String, String)> = ctx
                .edition
                .statements()
                .iter()
                .filter(|s| s.role == role && s.area == area)
                .map(|s| {
                    let text: String = s.text.shown(lang).chars().take(90).collect();
                    (s.code.to_string(), format!("{} {text}", s.code))
                })
                .collect();
            if !options.is_empty() {
                groups.push((
                    format!(
                        "{} · {}",
                        ctx.edition.role(role).name.get(lang),
                        ctx.edition.area(area).name.get(lang)
                    ),
                    options,
                ));
            }
        }
    }
    groups
}

fn colleagues(ctx: &Context, chosen: Option<UserId>) -> Vec<(String, String, bool)> {
    ctx.colleagues
        .iter()
        .map(|(id, name)| {
            (
                format!("persoon:{}", id.0),
                name.clone(),
                Some(*id) == chosen,
            )
        })
        .collect()
}

fn statuses(chosen: GoalStatus, lang: Lang) -> Vec<(&'static str, &'static str, bool)> {
    GoalStatus::ALL
        .into_iter()
        .map(|s| (s.code(), s.name(lang), s == chosen))
        .collect()
}
