//! One-time links that let someone into an account or a school: who made them, how long they
//! live, and which of the rules that allowed them must still hold when they are used.
//!
//! A link is a promise made under conditions. A school administrator may make a password link
//! for a member who belongs to that school alone; an invitation may be sent by a coordinator
//! or administrator, for a permission they could give. Those conditions can stop holding
//! between making and using (the member joins another school, the administrator is demoted),
//! so the store checks them again, with these rules, in the transaction that uses the link.

use crate::account::Permission;
use crate::lang::Lang;
use crate::members::check_invitation;

const HOUR_MS: i64 = 60 * 60 * 1000;

/// Who made a link to set a password. The maker decides how long it lives and what is
/// checked again when it is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkMaker {
    /// Asked for by whoever typed the address ("Wachtwoord vergeten"); it only ever goes to
    /// that address, so it is the person's own.
    Own,
    /// Made by an administrator of one school for a member of that school.
    Administrator,
    /// Made by whoever runs the server (the CLI): the first administrator, a reset.
    Operator,
}

impl LinkMaker {
    pub const ALL: [LinkMaker; 3] = [
        LinkMaker::Own,
        LinkMaker::Administrator,
        LinkMaker::Operator,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            LinkMaker::Own => "self",
            LinkMaker::Administrator => "administrator",
            LinkMaker::Operator => "operator",
        }
    }

    pub fn parse(code: &str) -> Option<LinkMaker> {
        LinkMaker::ALL.into_iter().find(|m| m.code() == code)
    }

    /// How many hours the link works. An administrator's link lives hours, not weeks: it is
    /// handed over in person or by mail, and every hour it lives is an hour it can leak. The
    /// operator's links are for first set-ups, where a day can pass before someone opens it.
    pub fn lifetime_hours(self) -> i64 {
        match self {
            LinkMaker::Own | LinkMaker::Administrator => 24,
            LinkMaker::Operator => 14 * 24,
        }
    }

    pub fn lifetime_ms(self) -> i64 {
        self.lifetime_hours() * HOUR_MS
    }

    /// Whether someone other than the person made it: such links end when the person shows
    /// they hold the account themselves (signs in, sets a password) or joins another school.
    pub fn by_someone_else(self) -> bool {
        self != LinkMaker::Own
    }
}

/// What the store finds, inside the transaction that would use an administrator's link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdministratorLinkFacts {
    /// The maker is still an active administrator of the school the link was made in.
    pub maker_is_active_administrator: bool,
    /// The person is still a member of that school.
    pub person_in_school: bool,
    /// In how many other schools the person is a member (active or not).
    pub other_schools: usize,
}

/// Why a link no longer works although it is unused and not expired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Outlived {
    #[error("the person now also belongs to another school")]
    PersonInOtherSchool,
    #[error("the person is no longer a member of the school that made the link")]
    PersonLeftSchool,
    #[error("whoever made the link may no longer make it")]
    MakerLostPermission,
}

impl Outlived {
    /// The explanation on the page that refuses the link (status 410).
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outlived::PersonInOtherSchool, Lang::Nl) => {
                "Deze link werkt niet meer: de persoon voor wie hij gemaakt is, hoort nu ook bij een andere school, en dan mag de beheerder van één school geen wachtwoord meer instellen. Vraag zelf een nieuw wachtwoord aan via ‘Wachtwoord vergeten’; de link gaat dan naar je eigen e-mailadres."
            }
            (Outlived::PersonInOtherSchool, Lang::En) => {
                "This link no longer works: the person it was made for now also belongs to another school, and then one school's administrator may no longer set their password. Ask for a new password yourself through ‘Forgot password’; the link then goes to your own e-mail address."
            }
            (Outlived::PersonLeftSchool, Lang::Nl) => {
                "Deze link werkt niet meer: de persoon voor wie hij gemaakt is, hoort niet meer bij de school van wie de link maakte. Vraag zelf een nieuw wachtwoord aan via ‘Wachtwoord vergeten’."
            }
            (Outlived::PersonLeftSchool, Lang::En) => {
                "This link no longer works: the person it was made for no longer belongs to the school of whoever made it. Ask for a new password yourself through ‘Forgot password’."
            }
            (Outlived::MakerLostPermission, Lang::Nl) => {
                "Deze link werkt niet meer: wie hem maakte, is geen actieve schoolbeheerder meer. Vraag een beheerder van je school om een nieuwe link, of vraag zelf een nieuw wachtwoord aan via ‘Wachtwoord vergeten’."
            }
            (Outlived::MakerLostPermission, Lang::En) => {
                "This link no longer works: whoever made it is no longer an active administrator. Ask an administrator of your school for a new link, or ask for a new password yourself through ‘Forgot password’."
            }
        }
    }
}

/// Whether an administrator's password link may still be used: every rule that allowed it to
/// be made must still hold (see `Store::member_password_link`).
pub fn check_administrator_link(facts: AdministratorLinkFacts) -> Result<(), Outlived> {
    if !facts.maker_is_active_administrator {
        return Err(Outlived::MakerLostPermission);
    }
    if !facts.person_in_school {
        return Err(Outlived::PersonLeftSchool);
    }
    if facts.other_schools > 0 {
        return Err(Outlived::PersonInOtherSchool);
    }
    Ok(())
}

/// Whether an invitation may still be accepted: whoever sent it must still be an active
/// member who could send it now. `inviter` is their permission and whether they are active
/// in the school, `None` when they are no longer a member (or their account is gone).
pub fn check_invitation_at_use(
    inviter: Option<(Permission, bool)>,
    permission: Permission,
) -> Result<(), Outlived> {
    match inviter {
        Some((inviter, true)) if check_invitation(inviter, permission).is_ok() => Ok(()),
        _ => Err(Outlived::MakerLostPermission),
    }
}

/// The explanation when an invitation's sender may no longer send it.
pub fn invitation_outlived_message(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => {
            "Deze uitnodiging geldt niet meer: wie hem stuurde, mag nu niet meer voor deze bevoegdheid uitnodigen (of hoort niet meer bij de school). Vraag de school om een nieuwe uitnodiging."
        }
        Lang::En => {
            "This invitation no longer holds: whoever sent it may no longer invite for this permission (or no longer belongs to the school). Ask the school for a new invitation."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::{Administrator as Admin, Coordinator as Coord, Member};

    const HOLDS: AdministratorLinkFacts = AdministratorLinkFacts {
        maker_is_active_administrator: true,
        person_in_school: true,
        other_schools: 0,
    };

    #[test]
    fn codes_round_trip() {
        for maker in LinkMaker::ALL {
            assert_eq!(LinkMaker::parse(maker.code()), Some(maker));
        }
        assert_eq!(LinkMaker::parse("admin"), None);
    }

    #[test]
    fn links_by_others_live_hours_and_end_when_the_person_acts() {
        assert_eq!(LinkMaker::Administrator.lifetime_hours(), 24);
        assert_eq!(LinkMaker::Administrator.lifetime_ms(), 86_400_000);
        assert_eq!(LinkMaker::Own.lifetime_hours(), 24);
        assert!(LinkMaker::Operator.lifetime_hours() > 24);
        assert!(LinkMaker::Administrator.by_someone_else());
        assert!(LinkMaker::Operator.by_someone_else());
        assert!(!LinkMaker::Own.by_someone_else());
    }

    #[test]
    fn an_administrators_link_holds_only_while_every_rule_still_does() {
        assert_eq!(check_administrator_link(HOLDS), Ok(()));
        let joined = AdministratorLinkFacts {
            other_schools: 1,
            ..HOLDS
        };
        assert_eq!(
            check_administrator_link(joined),
            Err(Outlived::PersonInOtherSchool)
        );
        let left = AdministratorLinkFacts {
            person_in_school: false,
            ..HOLDS
        };
        assert_eq!(
            check_administrator_link(left),
            Err(Outlived::PersonLeftSchool)
        );
        let demoted = AdministratorLinkFacts {
            maker_is_active_administrator: false,
            other_schools: 3,
            ..HOLDS
        };
        // The maker's standing is checked first: it is what the link was made on.
        assert_eq!(
            check_administrator_link(demoted),
            Err(Outlived::MakerLostPermission)
        );
    }

    #[test]
    fn an_invitation_holds_while_its_sender_could_still_send_it() {
        assert_eq!(check_invitation_at_use(Some((Admin, true)), Admin), Ok(()));
        assert_eq!(check_invitation_at_use(Some((Coord, true)), Coord), Ok(()));
        assert_eq!(check_invitation_at_use(Some((Coord, true)), Member), Ok(()));
        // A coordinator who was an administrator when inviting an administrator.
        assert_eq!(
            check_invitation_at_use(Some((Coord, true)), Admin),
            Err(Outlived::MakerLostPermission)
        );
        assert_eq!(
            check_invitation_at_use(Some((Member, true)), Member),
            Err(Outlived::MakerLostPermission)
        );
        assert_eq!(
            check_invitation_at_use(Some((Admin, false)), Member),
            Err(Outlived::MakerLostPermission)
        );
        assert_eq!(
            check_invitation_at_use(None, Member),
            Err(Outlived::MakerLostPermission)
        );
    }

    #[test]
    fn every_explanation_is_in_both_languages() {
        for outlived in [
            Outlived::PersonInOtherSchool,
            Outlived::PersonLeftSchool,
            Outlived::MakerLostPermission,
        ] {
            assert_ne!(outlived.message(Lang::Nl), outlived.message(Lang::En));
            assert!(outlived.message(Lang::Nl).contains("Wachtwoord vergeten"));
        }
        assert!(invitation_outlived_message(Lang::Nl).contains("uitnodiging"));
        assert!(invitation_outlived_message(Lang::En).contains("invitation"));
    }
}
