//! Plans and conversations in the store, on both backends: a goal's life with its actions and
//! revisions, sharing on purpose, comments only where allowed, agreements that become
//! actions, and what leaves with a person who is removed or deletes their account.

use domain::account::Email;
use domain::conversation::{AgendaStep, Step};
use domain::framework::Date;
use domain::members::MemberAction;
use domain::plan::{ActionFields, ActionStatus, GoalFields, GoalStatus, Line, Partner};
use store::{AgreementGoal, PlanError, ShareMode};

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_goal_lives_with_its_actions_and_notices_a_stale_form,
    a_plan_is_read_by_whom_it_is_shared_with_and_commented_on_where_allowed,
    agreements_become_actions_and_stay_with_the_partner_when_the_owner_leaves,
);

fn line(s: &str) -> Line {
    Line::parse(s, Line::MAX).expect("valid")
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid")
}

fn fields(what: &str) -> GoalFields {
    GoalFields {
        what: line(what),
        why: None,
        statements: vec![domain::Code::parse("BEG.VIS.T1").expect("valid")],
        support: None,
        partner: None,
        target: Some(date(2027, 6, 30)),
        status: GoalStatus::Open,
        reflection: None,
    }
}

fn action(text: &str, status: ActionStatus) -> ActionFields {
    ActionFields {
        text: line(text),
        status,
        due: None,
    }
}

async fn a_goal_lives_with_its_actions_and_notices_a_stale_form(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (school, me) = (lyceum.school.id, lyceum.member.id);
    let mut with_partner = fields("Beter doorvragen");
    with_partner.partner = Some(Partner::Colleague(lyceum.coordinator.id));
    let goal = store
        .add_goal(school, me, &with_partner, None, date(2026, 12, 6))
        .await
        .expect("added");
    let other = store
        .add_goal(school, me, &fields("Tweede doel"), None, date(2026, 12, 6))
        .await
        .expect("added");
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(
        plan.goals
            .iter()
            .map(|g| g.what.as_str())
            .collect::<Vec<_>>(),
        ["Beter doorvragen", "Tweede doel"]
    );
    let first = plan.goal(goal).expect("there");
    assert_eq!(
        first.partner,
        Some(Partner::Colleague(lyceum.coordinator.id))
    );
    assert_eq!(first.made_on, date(2026, 12, 6));
    assert_eq!(first.revision, 0);

    // An action bumps the revision; a form from before it is stale and changes nothing.
    let step = store
        .add_action(
            school,
            me,
            goal,
            0,
            &action("Boek lezen", ActionStatus::Planned),
        )
        .await
        .expect("added");
    let stale = store
        .update_goal(school, me, goal, 0, &fields("Oude tab"))
        .await;
    assert!(matches!(stale, Err(PlanError::Stale)), "{stale:?}");
    store
        .change_action(
            school,
            me,
            goal,
            1,
            step,
            Some(&action("Boek lezen", ActionStatus::Done)),
        )
        .await
        .expect("changed");
    let mut done = fields("Beter doorvragen");
    done.status = GoalStatus::Done;
    store
        .update_goal(school, me, goal, 2, &done)
        .await
        .expect("updated");
    let plan = store.plan(school, me).await.expect("plan");
    let first = plan.goal(goal).expect("there");
    assert_eq!(first.status, GoalStatus::Done);
    assert_eq!(first.actions[0].status, ActionStatus::Done);
    assert_eq!(first.partner, None, "the form said no partner");

    // Someone else's goal, or another school's, is not found; nothing changes.
    let rivieren = team(&app, "Rivierenland College", "rivieren.nl").await;
    for (school, owner) in [(school, lyceum.coordinator.id), (rivieren.school.id, me)] {
        let refused = store
            .update_goal(school, owner, other, 0, &fields("Overgenomen"))
            .await;
        assert!(
            matches!(refused, Err(PlanError::NotFound | PlanError::NotAllowed)),
            "{refused:?}"
        );
    }
    // A partner of another school is no colleague.
    let mut foreign = fields("Met iemand van elders");
    foreign.partner = Some(Partner::Colleague(rivieren.member.id));
    assert!(matches!(
        store
            .add_goal(school, me, &foreign, None, date(2026, 12, 6))
            .await,
        Err(PlanError::NotAllowed)
    ));
    store
        .delete_goal(school, me, other, 0)
        .await
        .expect("deleted");
    assert_eq!(store.plan(school, me).await.expect("plan").goals.len(), 1);
    app.stop().await;
}

async fn a_plan_is_read_by_whom_it_is_shared_with_and_commented_on_where_allowed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (school, me, partner, third) = (
        lyceum.school.id,
        lyceum.member.id,
        lyceum.coordinator.id,
        lyceum.admin.id,
    );
    let goal = store
        .add_goal(
            school,
            me,
            &fields("Beter doorvragen"),
            None,
            date(2026, 12, 6),
        )
        .await
        .expect("added");
    assert!(
        store
            .shared_plan(school, me, partner)
            .await
            .expect("read")
            .is_none()
    );
    assert!(matches!(
        store
            .add_comment(school, goal, partner, &line("Mooi doel"))
            .await,
        Err(PlanError::NotFound)
    ));

    store
        .share_plan(school, me, partner, Some(ShareMode::Read))
        .await
        .expect("shared");
    let (shared, plan) = store
        .shared_plan(school, me, partner)
        .await
        .expect("read")
        .expect("shared with the partner");
    assert_eq!(shared.mode, ShareMode::Read);
    assert_eq!(plan.goals.len(), 1);
    assert!(plan.shares.is_empty(), "who else reads it is not shown");
    assert!(
        store
            .shared_plan(school, me, third)
            .await
            .expect("read")
            .is_none()
    );
    assert_eq!(
        store
            .plans_shared_with(school, partner)
            .await
            .expect("list")
            .len(),
        1
    );
    // Read-only: no comments.
    assert!(matches!(
        store
            .add_comment(school, goal, partner, &line("Mooi doel"))
            .await,
        Err(PlanError::NotAllowed)
    ));
    store
        .share_plan(school, me, partner, Some(ShareMode::Comment))
        .await
        .expect("shared");
    store
        .add_comment(school, goal, partner, &line("Mooi doel"))
        .await
        .expect("commented");
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(plan.comments.len(), 1);
    assert_eq!(plan.shares[0].mode, ShareMode::Comment);
    // Only its author or the owner removes a comment.
    let comment = plan.comments[0].id;
    assert!(store.delete_comment(school, comment, third).await.is_err());

    // Sharing with oneself or someone of another school is refused; revoking works once.
    let rivieren = team(&app, "Rivierenland College", "rivieren.nl").await;
    for who in [me, rivieren.member.id] {
        assert!(matches!(
            store
                .share_plan(school, me, who, Some(ShareMode::Read))
                .await,
            Err(PlanError::Refused(_))
        ));
    }
    store
        .share_plan(school, me, partner, None)
        .await
        .expect("revoked");
    assert!(
        store
            .shared_plan(school, me, partner)
            .await
            .expect("read")
            .is_none()
    );
    assert!(matches!(
        store.share_plan(school, me, partner, None).await,
        Err(PlanError::NotFound)
    ));
    // A plan shared with someone whose owner was deactivated is no longer shown.
    store
        .share_plan(school, me, partner, Some(ShareMode::Read))
        .await
        .expect("shared");
    store
        .manage_member(school, lyceum.admin.id, me, &MemberAction::Deactivate)
        .await
        .expect("deactivated");
    assert!(
        store
            .shared_plan(school, me, partner)
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        store
            .plans_shared_with(school, partner)
            .await
            .expect("list")
            .is_empty()
    );
    app.stop().await;
}

async fn agreements_become_actions_and_stay_with_the_partner_when_the_owner_leaves(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let (school, me, partner, third) = (
        lyceum.school.id,
        lyceum.member.id,
        lyceum.coordinator.id,
        lyceum.admin.id,
    );
    let goal = store
        .add_goal(
            school,
            me,
            &fields("Beter doorvragen"),
            None,
            date(2026, 12, 6),
        )
        .await
        .expect("added");
    let steps: Vec<AgendaStep> = Step::ALL
        .into_iter()
        .map(|step| AgendaStep {
            step,
            minutes: 10,
            items: vec![format!("Over {}", step.code())],
        })
        .collect();
    let id = store
        .create_conversation(
            school,
            me,
            Some(&Partner::Colleague(partner)),
            Some(date(2026, 12, 10)),
            false,
            &steps,
        )
        .await
        .expect("made");
    assert!(
        store
            .conversation(school, id, partner)
            .await
            .expect("read")
            .is_none(),
        "not shared yet"
    );
    store
        .share_conversation(school, me, id, true)
        .await
        .expect("shared");
    let read = store
        .conversation(school, id, partner)
        .await
        .expect("read")
        .expect("shared");
    assert_eq!(read.conversation.steps, steps);
    assert!(
        store
            .conversation(school, id, third)
            .await
            .expect("read")
            .is_none()
    );

    // The owner puts an agreement under a goal; the partner's goes to the conversation's own.
    let title = line("Afspraken uit het gesprek van 10-12-2026");
    store
        .add_agreement(
            school,
            id,
            me,
            &line("Elke week één gesprek oefenen"),
            &AgreementGoal::Goal(goal),
            date(2026, 12, 10),
        )
        .await
        .expect("agreed");
    store
        .add_agreement(
            school,
            id,
            partner,
            &line("Ik kom een les kijken"),
            &AgreementGoal::Conversation(title.clone()),
            date(2026, 12, 10),
        )
        .await
        .expect("agreed");
    assert!(matches!(
        store
            .add_agreement(
                school,
                id,
                partner,
                &line("Ander doel"),
                &AgreementGoal::Goal(goal),
                date(2026, 12, 10)
            )
            .await,
        Err(PlanError::NotAllowed)
    ));
    assert!(matches!(
        store
            .add_agreement(
                school,
                id,
                third,
                &line("Ik ook"),
                &AgreementGoal::Conversation(title.clone()),
                date(2026, 12, 10)
            )
            .await,
        Err(PlanError::NotFound)
    ));
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(plan.goals.len(), 2);
    assert_eq!(
        plan.goals[0].actions[0].text.as_str(),
        "Elke week één gesprek oefenen"
    );
    assert_eq!(plan.goals[1].what, title);
    assert_eq!(plan.goals[1].actions[0].conversation, Some(id));

    // A new partner does not see it until it is shared again.
    let stale = store
        .update_conversation(
            school,
            me,
            id,
            0,
            Some(&Partner::Colleague(third)),
            None,
            false,
            &steps,
        )
        .await;
    assert!(matches!(stale, Err(PlanError::Stale)), "{stale:?}");

    // The owner deletes their account: the partner keeps the agreements' text, not the
    // agenda and not the owner's name.
    let owner_email = Email::parse("mentor@lyceum.nl").expect("valid");
    assert!(store.delete_user(me).await.expect("deleted"));
    assert!(
        store
            .user_by_email(&owner_email)
            .await
            .expect("lookup")
            .is_none()
    );
    let kept = store
        .conversation(school, id, partner)
        .await
        .expect("read")
        .expect("the partner still has it");
    assert_eq!(kept.conversation.owner, None);
    assert_eq!(kept.owner_name, None);
    assert!(
        kept.conversation.steps.is_empty(),
        "the agenda went with the owner"
    );
    let texts: Vec<&str> = kept
        .conversation
        .agreements
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Elke week één gesprek oefenen", "Ik kom een les kijken"]
    );
    assert!(
        kept.conversation
            .agreements
            .iter()
            .all(|a| a.goal.is_none()),
        "the plan is gone"
    );
    // The partner is removed from the school as well: nothing of it is left.
    store
        .manage_member(school, lyceum.admin.id, partner, &MemberAction::Remove)
        .await
        .expect("removed");
    assert!(
        store
            .conversations(school, partner)
            .await
            .expect("list")
            .is_empty()
    );
    app.stop().await;
}
