//! Who may manage whom in a school, and what the audit log records. The rules are the same
//! for every way in (web, CLI); the store applies them inside the transaction that writes,
//! so two administrators acting at once cannot leave a school without one.

use crate::account::{FrameworkRoles, Permission};
use crate::lang::Lang;

/// What a coordinator or administrator does to another member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemberAction {
    /// Give the member another permission.
    SetPermission(Permission),
    /// Change the framework roles the member holds.
    SetRoles(FrameworkRoles),
    /// The member can no longer work in the school; everything is kept.
    Deactivate,
    /// Undo a deactivation.
    Reactivate,
    /// End the membership (the account stays, for other schools).
    Remove,
}

/// Why an action on a member is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("your permission does not allow this")]
    NotAllowed,
    #[error("the school would be left without an active administrator")]
    LastAdministrator,
    #[error("this person is not a member of this school")]
    NotAMember,
    #[error("this address already belongs to a member of this school")]
    AlreadyMember,
    #[error("this person also belongs to another school")]
    OtherSchools,
    #[error("a round is open already")]
    RoundOpen,
    #[error("the round is closed")]
    RoundClosed,
    #[error("the round has not started yet")]
    RoundNotStarted,
}

impl Refusal {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Refusal::NotAllowed, Lang::Nl) => "Je bevoegdheid in deze school staat dit niet toe.",
            (Refusal::NotAllowed, Lang::En) => {
                "Your permission in this school does not allow this."
            }
            (Refusal::LastAdministrator, Lang::Nl) => {
                "Dit kan niet: de school houdt dan geen actieve schoolbeheerder over. Maak eerst iemand anders schoolbeheerder."
            }
            (Refusal::LastAdministrator, Lang::En) => {
                "This is not possible: the school would have no active administrator left. Make someone else an administrator first."
            }
            (Refusal::NotAMember, Lang::Nl) => "Deze persoon is geen lid van deze school.",
            (Refusal::NotAMember, Lang::En) => "This person is not a member of this school.",
            (Refusal::AlreadyMember, Lang::Nl) => "Dit adres hoort al bij een lid van deze school.",
            (Refusal::AlreadyMember, Lang::En) => {
                "This address already belongs to a member of this school."
            }
            (Refusal::OtherSchools, Lang::Nl) => {
                "Deze persoon hoort ook bij een andere school. Een nieuw wachtwoord vraagt diegene zelf aan via ‘Wachtwoord vergeten’."
            }
            (Refusal::OtherSchools, Lang::En) => {
                "This person also belongs to another school. They ask for a new password themselves through ‘Forgot password’."
            }
            (Refusal::RoundOpen, Lang::Nl) => {
                "Er loopt al een ronde. Sluit die eerst; daarna open je een nieuwe."
            }
            (Refusal::RoundOpen, Lang::En) => {
                "A round is open already. Close it first; then open a new one."
            }
            (Refusal::RoundClosed, Lang::Nl) => {
                "Deze ronde is gesloten: je antwoorden blijven leesbaar, maar zijn niet meer te wijzigen."
            }
            (Refusal::RoundClosed, Lang::En) => {
                "This round is closed: your answers stay readable, but can no longer be changed."
            }
            (Refusal::RoundNotStarted, Lang::Nl) => {
                "Deze ronde is nog niet begonnen: je kunt antwoorden vanaf de begindatum."
            }
            (Refusal::RoundNotStarted, Lang::En) => {
                "This round has not started yet: you can answer from its start date."
            }
        }
    }
}

/// What an audit entry's detail holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditDetail {
    /// A version of the school's own framework.
    Version,
    /// A permission's code.
    Permission,
    /// A list of framework role codes.
    Roles,
    /// An agreement: `code|part|kind|party` (see [`agreement_detail`]).
    Agreement,
    /// Text shown as it is: a round's name, a task's code.
    Text,
}

/// How an agreement of *wie doet wat* is written in the audit log: the task's code, the
/// part's key, the party's kind and the party (`BEG.VIS.T3|verantwoordelijk|role|beg`); the
/// party comes last, so an own party's name may hold anything.
pub fn agreement_detail(code: &str, part: &str, kind: &str, party: &str) -> String {
    format!("{code}|{part}|{kind}|{party}")
}

/// The parts of [`agreement_detail`]: `(code, part, kind, party)`.
pub fn read_agreement_detail(detail: &str) -> Option<(&str, &str, &str, &str)> {
    let mut parts = detail.splitn(4, '|');
    Some((parts.next()?, parts.next()?, parts.next()?, parts.next()?))
}

/// The parts of a school's work the audit log can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditGroup {
    School,
    Members,
    Rounds,
    Framework,
    Allocation,
}

impl AuditGroup {
    pub const ALL: [AuditGroup; 5] = [
        AuditGroup::School,
        AuditGroup::Members,
        AuditGroup::Rounds,
        AuditGroup::Framework,
        AuditGroup::Allocation,
    ];

    /// The group's code in an address (`?wat=leden`).
    pub fn code(self) -> &'static str {
        match self {
            AuditGroup::School => "school",
            AuditGroup::Members => "leden",
            AuditGroup::Rounds => "rondes",
            AuditGroup::Framework => "raamwerk",
            AuditGroup::Allocation => "wie-doet-wat",
        }
    }

    pub fn parse(code: &str) -> Option<AuditGroup> {
        AuditGroup::ALL.into_iter().find(|g| g.code() == code)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AuditGroup::School, Lang::Nl) => "school en schaal",
            (AuditGroup::School, Lang::En) => "school and scale",
            (AuditGroup::Members, Lang::Nl) => "leden en uitnodigingen",
            (AuditGroup::Members, Lang::En) => "members and invitations",
            (AuditGroup::Rounds, Lang::Nl) => "rondes",
            (AuditGroup::Rounds, Lang::En) => "rounds",
            (AuditGroup::Framework, Lang::Nl) => "eigen raamwerk",
            (AuditGroup::Framework, Lang::En) => "own framework",
            (AuditGroup::Allocation, Lang::Nl) => "wie doet wat",
            (AuditGroup::Allocation, Lang::En) => "who does what",
        }
    }
}

/// The member an action is about, as the store finds them inside its transaction.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub permission: Permission,
    pub active: bool,
}

/// Whether `actor` may do `action` to `target`, given how many active administrators the
/// school has now.
///
/// Coordinators manage members and coordinators (never administrators, and they cannot
/// make anyone an administrator) and change anyone's framework roles; administrators manage
/// everyone. No action may leave the school without an active administrator.
pub fn check_action(
    actor: Permission,
    target: Target,
    action: &MemberAction,
    active_administrators: usize,
) -> Result<(), Refusal> {
    if !actor.includes(Permission::Coordinator) {
        return Err(Refusal::NotAllowed);
    }
    let admin_only = match action {
        MemberAction::SetRoles(_) => false,
        MemberAction::SetPermission(p) => {
            *p == Permission::Administrator || target.permission == Permission::Administrator
        }
        MemberAction::Deactivate | MemberAction::Reactivate | MemberAction::Remove => {
            target.permission == Permission::Administrator
        }
    };
    if admin_only && actor != Permission::Administrator {
        return Err(Refusal::NotAllowed);
    }
    let ends_administration = match action {
        MemberAction::SetPermission(p) => *p != Permission::Administrator,
        MemberAction::Deactivate | MemberAction::Remove => true,
        MemberAction::SetRoles(_) | MemberAction::Reactivate => false,
    };
    if ends_administration
        && target.permission == Permission::Administrator
        && target.active
        && active_administrators <= 1
    {
        return Err(Refusal::LastAdministrator);
    }
    Ok(())
}

/// Whether `actor` may invite someone with `permission`.
pub fn check_invitation(actor: Permission, permission: Permission) -> Result<(), Refusal> {
    if !actor.includes(Permission::Coordinator)
        || (permission == Permission::Administrator && actor != Permission::Administrator)
    {
        return Err(Refusal::NotAllowed);
    }
    Ok(())
}

/// The administrative actions the audit log records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    SchoolCreated,
    MemberInvited,
    InvitationRevoked,
    InvitationAccepted,
    PermissionChanged,
    RolesChanged,
    MemberDeactivated,
    MemberReactivated,
    MemberRemoved,
    PasswordLinkMade,
    /// An administrator's password link was used: the person set a new password with it.
    PasswordLinkUsed,
    SchoolChanged,
    RoundOpened,
    RoundClosed,
    /// A round closed by mistake opened again by a coordinator.
    RoundReopened,
    /// The school's draft of its own framework thrown away.
    DraftDiscarded,
    /// A version of the school's own framework published from its draft.
    EditionPublished,
    /// A version of the school's own framework stored from a file.
    EditionImported,
    /// A version opened to everyone through the CASE endpoints, or closed again.
    EditionOpened,
    EditionClosed,
    /// The school's words for the steps of the scale changed.
    ScaleChanged,
    /// An agreement in *wie doet wat* made, or removed (the detail is the task's code).
    AgreementMade,
    AgreementRemoved,
    /// A task's category or hours in *wie doet wat* set (the detail is the task's code).
    TaskChanged,
    /// A member's available hours for LOB set or cleared.
    HoursChanged,
    /// The allocation's settings (formula, rules) changed.
    AllocationSettingsChanged,
    /// The least number of people the team picture shows a figure over changed.
    PictureThresholdChanged,
    /// A team made, renamed, given other members or removed (the detail is its name).
    TeamChanged,
    /// A version of the school's vision published from its draft (the detail is its number).
    VisionPublished,
    /// A student survey opened, closed or deleted (the detail is its name).
    SurveyOpened,
    SurveyClosed,
    SurveyDeleted,
    /// The school joined a network, declined its invitation or left it; changed what it
    /// shares with it; shared its figures of a school year (the detail is the network's name,
    /// or the school year).
    NetworkJoined,
    NetworkDeclined,
    NetworkLeft,
    NetworkSharingChanged,
    NetworkFiguresShared,
    /// An API token made or revoked (the detail is its name and scopes; the subject is the
    /// person a personal token acts for).
    TokenCreated,
    TokenRevoked,
    /// How the school's people sign in through an identity provider changed (the detail
    /// names the provider, the organisation and the choices).
    SignInChanged,
    /// Someone of the school's organisation joined as *lid* on their first sign-in through
    /// the identity provider.
    MemberJoined,
}

impl AuditAction {
    pub const ALL: [AuditAction; 41] = [
        AuditAction::SchoolCreated,
        AuditAction::MemberInvited,
        AuditAction::InvitationRevoked,
        AuditAction::InvitationAccepted,
        AuditAction::PermissionChanged,
        AuditAction::RolesChanged,
        AuditAction::MemberDeactivated,
        AuditAction::MemberReactivated,
        AuditAction::MemberRemoved,
        AuditAction::PasswordLinkMade,
        AuditAction::PasswordLinkUsed,
        AuditAction::SchoolChanged,
        AuditAction::RoundOpened,
        AuditAction::RoundClosed,
        AuditAction::RoundReopened,
        AuditAction::DraftDiscarded,
        AuditAction::EditionPublished,
        AuditAction::EditionImported,
        AuditAction::EditionOpened,
        AuditAction::EditionClosed,
        AuditAction::ScaleChanged,
        AuditAction::AgreementMade,
        AuditAction::AgreementRemoved,
        AuditAction::TaskChanged,
        AuditAction::HoursChanged,
        AuditAction::AllocationSettingsChanged,
        AuditAction::PictureThresholdChanged,
        AuditAction::TeamChanged,
        AuditAction::VisionPublished,
        AuditAction::SurveyOpened,
        AuditAction::SurveyClosed,
        AuditAction::SurveyDeleted,
        AuditAction::NetworkJoined,
        AuditAction::NetworkDeclined,
        AuditAction::NetworkLeft,
        AuditAction::NetworkSharingChanged,
        AuditAction::NetworkFiguresShared,
        AuditAction::TokenCreated,
        AuditAction::TokenRevoked,
        AuditAction::SignInChanged,
        AuditAction::MemberJoined,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SchoolCreated => "school.created",
            AuditAction::MemberInvited => "member.invited",
            AuditAction::InvitationRevoked => "invitation.revoked",
            AuditAction::InvitationAccepted => "invitation.accepted",
            AuditAction::PermissionChanged => "member.permission",
            AuditAction::RolesChanged => "member.roles",
            AuditAction::MemberDeactivated => "member.deactivated",
            AuditAction::MemberReactivated => "member.reactivated",
            AuditAction::MemberRemoved => "member.removed",
            AuditAction::PasswordLinkMade => "member.password-link",
            AuditAction::PasswordLinkUsed => "member.password-link-used",
            AuditAction::SchoolChanged => "school.changed",
            AuditAction::RoundOpened => "round.opened",
            AuditAction::RoundClosed => "round.closed",
            AuditAction::RoundReopened => "round.reopened",
            AuditAction::DraftDiscarded => "draft.discarded",
            AuditAction::EditionPublished => "edition.published",
            AuditAction::EditionImported => "edition.imported",
            AuditAction::EditionOpened => "edition.opened",
            AuditAction::EditionClosed => "edition.closed",
            AuditAction::ScaleChanged => "school.scale",
            AuditAction::AgreementMade => "allocation.agreed",
            AuditAction::AgreementRemoved => "allocation.removed",
            AuditAction::TaskChanged => "allocation.task",
            AuditAction::HoursChanged => "allocation.hours",
            AuditAction::AllocationSettingsChanged => "allocation.settings",
            AuditAction::PictureThresholdChanged => "picture.threshold",
            AuditAction::TeamChanged => "team.changed",
            AuditAction::VisionPublished => "vision.published",
            AuditAction::SurveyOpened => "survey.opened",
            AuditAction::SurveyClosed => "survey.closed",
            AuditAction::SurveyDeleted => "survey.deleted",
            AuditAction::NetworkJoined => "network.joined",
            AuditAction::NetworkDeclined => "network.declined",
            AuditAction::NetworkLeft => "network.left",
            AuditAction::NetworkSharingChanged => "network.sharing",
            AuditAction::NetworkFiguresShared => "network.figures",
            AuditAction::TokenCreated => "token.created",
            AuditAction::TokenRevoked => "token.revoked",
            AuditAction::SignInChanged => "school.sign-in",
            AuditAction::MemberJoined => "member.joined",
        }
    }

    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// What the entry's detail holds, so that it is shown in words.
    pub fn detail(self) -> AuditDetail {
        match self {
            AuditAction::EditionPublished
            | AuditAction::EditionImported
            | AuditAction::EditionOpened
            | AuditAction::EditionClosed => AuditDetail::Version,
            AuditAction::MemberInvited
            | AuditAction::InvitationAccepted
            | AuditAction::PermissionChanged => AuditDetail::Permission,
            AuditAction::RolesChanged => AuditDetail::Roles,
            AuditAction::AgreementMade | AuditAction::AgreementRemoved => AuditDetail::Agreement,
            _ => AuditDetail::Text,
        }
    }

    /// The group the action belongs to, for filtering the log.
    pub fn group(self) -> AuditGroup {
        match self {
            AuditAction::SchoolCreated
            | AuditAction::SchoolChanged
            | AuditAction::ScaleChanged
            | AuditAction::NetworkJoined
            | AuditAction::NetworkDeclined
            | AuditAction::NetworkLeft
            | AuditAction::NetworkSharingChanged
            | AuditAction::NetworkFiguresShared => AuditGroup::School,
            AuditAction::MemberInvited
            | AuditAction::InvitationRevoked
            | AuditAction::InvitationAccepted
            | AuditAction::PermissionChanged
            | AuditAction::RolesChanged
            | AuditAction::MemberDeactivated
            | AuditAction::MemberReactivated
            | AuditAction::MemberRemoved
            | AuditAction::PasswordLinkMade
            | AuditAction::PasswordLinkUsed
            | AuditAction::TokenCreated
            | AuditAction::TokenRevoked
            | AuditAction::SignInChanged
            | AuditAction::MemberJoined => AuditGroup::Members,
            AuditAction::RoundOpened
            | AuditAction::RoundClosed
            | AuditAction::RoundReopened
            | AuditAction::SurveyOpened
            | AuditAction::SurveyClosed
            | AuditAction::SurveyDeleted => AuditGroup::Rounds,
            AuditAction::DraftDiscarded
            | AuditAction::EditionPublished
            | AuditAction::EditionImported
            | AuditAction::EditionOpened
            | AuditAction::EditionClosed
            | AuditAction::VisionPublished => AuditGroup::Framework,
            AuditAction::AgreementMade
            | AuditAction::AgreementRemoved
            | AuditAction::TaskChanged
            | AuditAction::HoursChanged
            | AuditAction::AllocationSettingsChanged => AuditGroup::Allocation,
            AuditAction::PictureThresholdChanged | AuditAction::TeamChanged => AuditGroup::Members,
        }
    }

    /// What happened, in words.
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AuditAction::SchoolCreated, Lang::Nl) => "school aangemaakt",
            (AuditAction::SchoolCreated, Lang::En) => "school created",
            (AuditAction::MemberInvited, Lang::Nl) => "uitgenodigd",
            (AuditAction::MemberInvited, Lang::En) => "invited",
            (AuditAction::InvitationRevoked, Lang::Nl) => "uitnodiging ingetrokken",
            (AuditAction::InvitationRevoked, Lang::En) => "invitation revoked",
            (AuditAction::InvitationAccepted, Lang::Nl) => "uitnodiging aangenomen",
            (AuditAction::InvitationAccepted, Lang::En) => "invitation accepted",
            (AuditAction::PermissionChanged, Lang::Nl) => "bevoegdheid gewijzigd",
            (AuditAction::PermissionChanged, Lang::En) => "permission changed",
            (AuditAction::RolesChanged, Lang::Nl) => "rollen gewijzigd",
            (AuditAction::RolesChanged, Lang::En) => "roles changed",
            (AuditAction::MemberDeactivated, Lang::Nl) => "lid gedeactiveerd",
            (AuditAction::MemberDeactivated, Lang::En) => "member deactivated",
            (AuditAction::MemberReactivated, Lang::Nl) => "lid weer actief gemaakt",
            (AuditAction::MemberReactivated, Lang::En) => "member reactivated",
            (AuditAction::MemberRemoved, Lang::Nl) => "lid verwijderd",
            (AuditAction::MemberRemoved, Lang::En) => "member removed",
            (AuditAction::PasswordLinkMade, Lang::Nl) => "link voor nieuw wachtwoord gemaakt",
            (AuditAction::PasswordLinkMade, Lang::En) => "password link made",
            (AuditAction::PasswordLinkUsed, Lang::Nl) => "link voor nieuw wachtwoord gebruikt",
            (AuditAction::PasswordLinkUsed, Lang::En) => "password link used",
            (AuditAction::SchoolChanged, Lang::Nl) => "schoolgegevens gewijzigd",
            (AuditAction::SchoolChanged, Lang::En) => "school details changed",
            (AuditAction::RoundOpened, Lang::Nl) => "ronde geopend",
            (AuditAction::RoundOpened, Lang::En) => "round opened",
            (AuditAction::RoundClosed, Lang::Nl) => "ronde gesloten",
            (AuditAction::RoundClosed, Lang::En) => "round closed",
            (AuditAction::RoundReopened, Lang::Nl) => "ronde heropend",
            (AuditAction::RoundReopened, Lang::En) => "round reopened",
            (AuditAction::DraftDiscarded, Lang::Nl) => "concept eigen raamwerk weggegooid",
            (AuditAction::DraftDiscarded, Lang::En) => "own framework draft discarded",
            (AuditAction::EditionPublished, Lang::Nl) => "eigen raamwerk gepubliceerd",
            (AuditAction::EditionPublished, Lang::En) => "own framework published",
            (AuditAction::EditionImported, Lang::Nl) => "eigen raamwerk ingelezen",
            (AuditAction::EditionImported, Lang::En) => "own framework imported",
            (AuditAction::EditionOpened, Lang::Nl) => "versie openbaar gemaakt (CASE)",
            (AuditAction::EditionOpened, Lang::En) => "version made public (CASE)",
            (AuditAction::EditionClosed, Lang::Nl) => "versie niet meer openbaar (CASE)",
            (AuditAction::EditionClosed, Lang::En) => "version no longer public (CASE)",
            (AuditAction::ScaleChanged, Lang::Nl) => "woorden van de schaal gewijzigd",
            (AuditAction::ScaleChanged, Lang::En) => "scale words changed",
            (AuditAction::AgreementMade, Lang::Nl) => "afspraak gemaakt (wie doet wat)",
            (AuditAction::AgreementMade, Lang::En) => "agreement made (who does what)",
            (AuditAction::AgreementRemoved, Lang::Nl) => "afspraak verwijderd (wie doet wat)",
            (AuditAction::AgreementRemoved, Lang::En) => "agreement removed (who does what)",
            (AuditAction::TaskChanged, Lang::Nl) => "taak ingedeeld of uren geschat",
            (AuditAction::TaskChanged, Lang::En) => "task categorised or hours estimated",
            (AuditAction::HoursChanged, Lang::Nl) => "beschikbare uren gewijzigd",
            (AuditAction::HoursChanged, Lang::En) => "available hours changed",
            (AuditAction::AllocationSettingsChanged, Lang::Nl) => {
                "instellingen wie doet wat gewijzigd"
            }
            (AuditAction::AllocationSettingsChanged, Lang::En) => "who does what settings changed",
            (AuditAction::PictureThresholdChanged, Lang::Nl) => {
                "minimum aantal deelnemers teambeeld gewijzigd"
            }
            (AuditAction::PictureThresholdChanged, Lang::En) => {
                "team picture's least number of participants changed"
            }
            (AuditAction::TeamChanged, Lang::Nl) => "team gewijzigd",
            (AuditAction::TeamChanged, Lang::En) => "team changed",
            (AuditAction::VisionPublished, Lang::Nl) => "visie vastgesteld",
            (AuditAction::VisionPublished, Lang::En) => "vision published",
            (AuditAction::SurveyOpened, Lang::Nl) => "leerlingenenquête geopend",
            (AuditAction::SurveyOpened, Lang::En) => "student survey opened",
            (AuditAction::SurveyClosed, Lang::Nl) => "leerlingenenquête gesloten",
            (AuditAction::SurveyClosed, Lang::En) => "student survey closed",
            (AuditAction::SurveyDeleted, Lang::Nl) => "leerlingenenquête verwijderd",
            (AuditAction::SurveyDeleted, Lang::En) => "student survey deleted",
            (AuditAction::NetworkJoined, Lang::Nl) => "lid geworden van een netwerk",
            (AuditAction::NetworkJoined, Lang::En) => "joined a network",
            (AuditAction::NetworkDeclined, Lang::Nl) => "uitnodiging van een netwerk afgeslagen",
            (AuditAction::NetworkDeclined, Lang::En) => "declined a network's invitation",
            (AuditAction::NetworkLeft, Lang::Nl) => "netwerk verlaten",
            (AuditAction::NetworkLeft, Lang::En) => "left a network",
            (AuditAction::NetworkSharingChanged, Lang::Nl) => "delen met een netwerk gewijzigd",
            (AuditAction::NetworkSharingChanged, Lang::En) => "sharing with a network changed",
            (AuditAction::NetworkFiguresShared, Lang::Nl) => "kengetallen gedeeld",
            (AuditAction::NetworkFiguresShared, Lang::En) => "figures shared",
            (AuditAction::TokenCreated, Lang::Nl) => "API-sleutel gemaakt",
            (AuditAction::TokenCreated, Lang::En) => "API token made",
            (AuditAction::TokenRevoked, Lang::Nl) => "API-sleutel ingetrokken",
            (AuditAction::TokenRevoked, Lang::En) => "API token revoked",
            (AuditAction::SignInChanged, Lang::Nl) => "Inloggen via schoolaccount gewijzigd",
            (AuditAction::SignInChanged, Lang::En) => "Sign-in with school account changed",
            (AuditAction::MemberJoined, Lang::Nl) => "Aangemeld via schoolaccount",
            (AuditAction::MemberJoined, Lang::En) => "Joined through school account",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::{Administrator as Admin, Coordinator as Coord, Member};

    fn target(permission: Permission) -> Target {
        Target {
            permission,
            active: true,
        }
    }

    #[test]
    fn members_manage_no_one() {
        for action in [
            MemberAction::SetRoles(FrameworkRoles::default()),
            MemberAction::Deactivate,
            MemberAction::Remove,
            MemberAction::SetPermission(Member),
        ] {
            assert_eq!(
                check_action(Member, target(Member), &action, 1),
                Err(Refusal::NotAllowed)
            );
        }
        assert_eq!(check_invitation(Member, Member), Err(Refusal::NotAllowed));
    }

    #[test]
    fn coordinators_manage_members_and_coordinators_but_not_administrators() {
        for t in [Member, Coord] {
            for action in [
                MemberAction::SetRoles(FrameworkRoles::default()),
                MemberAction::Deactivate,
                MemberAction::Reactivate,
                MemberAction::Remove,
                MemberAction::SetPermission(Member),
                MemberAction::SetPermission(Coord),
            ] {
                assert_eq!(check_action(Coord, target(t), &action, 1), Ok(()));
            }
        }
        assert_eq!(
            check_action(
                Coord,
                target(Member),
                &MemberAction::SetPermission(Admin),
                1
            ),
            Err(Refusal::NotAllowed)
        );
        for action in [
            MemberAction::Deactivate,
            MemberAction::Remove,
            MemberAction::SetPermission(Member),
        ] {
            assert_eq!(
                check_action(Coord, target(Admin), &action, 3),
                Err(Refusal::NotAllowed)
            );
        }
        // Roles are the exception: a coordinator changes anyone's.
        assert_eq!(
            check_action(
                Coord,
                target(Admin),
                &MemberAction::SetRoles(FrameworkRoles::default()),
                1
            ),
            Ok(())
        );
        assert_eq!(check_invitation(Coord, Coord), Ok(()));
        assert_eq!(check_invitation(Coord, Admin), Err(Refusal::NotAllowed));
        assert_eq!(check_invitation(Admin, Admin), Ok(()));
    }

    #[test]
    fn the_last_active_administrator_stays() {
        for action in [
            MemberAction::Deactivate,
            MemberAction::Remove,
            MemberAction::SetPermission(Coord),
        ] {
            assert_eq!(
                check_action(Admin, target(Admin), &action, 1),
                Err(Refusal::LastAdministrator)
            );
            assert_eq!(check_action(Admin, target(Admin), &action, 2), Ok(()));
        }
        // A deactivated administrator does not count and may be removed.
        let inactive = Target {
            permission: Admin,
            active: false,
        };
        assert_eq!(
            check_action(Admin, inactive, &MemberAction::Remove, 1),
            Ok(())
        );
        assert_eq!(
            check_action(
                Admin,
                target(Admin),
                &MemberAction::SetRoles(FrameworkRoles::default()),
                1
            ),
            Ok(())
        );
    }

    #[test]
    fn audit_codes_read_back() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.code()), Some(action));
            assert!(!action.describe(Lang::Nl).is_empty());
        }
        assert_eq!(AuditAction::parse("nonsense"), None);
    }

    #[test]
    fn every_audit_action_has_its_own_code_a_group_and_words() {
        let mut codes: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), AuditAction::ALL.len(), "codes are unique");
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.code()), Some(action));
            assert_ne!(action.describe(Lang::Nl), action.describe(Lang::En));
            assert!(AuditGroup::ALL.contains(&action.group()));
        }
        assert_eq!(AuditAction::ScaleChanged.group(), AuditGroup::School);
        assert_eq!(AuditAction::DraftDiscarded.group(), AuditGroup::Framework);
        assert_eq!(AuditAction::HoursChanged.group(), AuditGroup::Allocation);
        assert_eq!(AuditAction::RolesChanged.detail(), AuditDetail::Roles);
        assert_eq!(AuditAction::AgreementMade.detail(), AuditDetail::Agreement);
        let detail = agreement_detail("BEG.VIS.T3", "uitvoerend", "own", "Team | techniek");
        assert_eq!(
            read_agreement_detail(&detail),
            Some(("BEG.VIS.T3", "uitvoerend", "own", "Team | techniek"))
        );
        assert_eq!(read_agreement_detail("BEG.VIS.T3"), None);
        for group in AuditGroup::ALL {
            assert_eq!(AuditGroup::parse(group.code()), Some(group));
        }
        assert_eq!(AuditGroup::parse("alles"), None);
    }
}
