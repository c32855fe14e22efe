//! Every route of the router with its parameters filled: a school's resources (a member, an
//! invitation, a round, an own edition and its CASE identifiers) put into each pattern.

use domain::Lang;

use domain::Edition;

/// A school's resources, to fill the path parameters with.
pub struct Target {
    pub short: String,
    pub member: String,
    pub invitation: String,
    pub round: String,
    pub edition: String,
    /// The CASE identifiers of B's edition (not published openly): its document, an item
    /// and an association.
    pub case_ids: Vec<String>,
    /// A goal of a member's development plan, and a conversation (ids that name nothing
    /// until a test sets them to real ones).
    pub goal: String,
    pub conversation: String,
    /// A team meeting (names nothing until a test sets it to a real one).
    pub meeting: String,
    /// A published version of the vision (names nothing until a test sets it to a real one).
    pub version: String,
    /// A work plan (names nothing until a test sets it to a real one).
    pub plan: String,
    /// A student survey (names nothing until a test sets it to a real one).
    pub survey: String,
    /// A network's short name (names nothing until a test sets it to a real one).
    pub network: String,
}

/// The concrete paths for a route pattern, every parameter filled with the school's
/// resource; panics on a parameter the tests do not know.
pub fn fill(pattern: &str, b: &Target, theme: &str) -> Vec<String> {
    let lang = web::routes::lang_of_path(pattern).unwrap_or(Lang::Nl);
    let mut paths = vec![String::new()];
    for segment in pattern.split('/').skip(1) {
        let values: Vec<String> = match segment {
            "{school}" => vec![b.short.clone()],
            "{member}" => vec![b.member.clone()],
            "{invitation}" => vec![b.invitation.clone()],
            "{round}" => vec![b.round.clone()],
            "{edition}" => vec![b.edition.clone()],
            "{id}" => b.case_ids.clone(),
            "{format}" => vec!["json".to_owned(), "xlsx".to_owned()],
            // A one-time link is its own key: the test sends one that opens nothing.
            "{token}" => vec!["aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5oQ7sU9w".to_owned()],
            "{role}" => vec![web::routes::role_slug(domain::Role::Mentor, lang).to_owned()],
            "{area}" => vec![web::routes::area_slug(domain::Area::Cooperation, lang).to_owned()],
            "{code}" => vec![theme.to_owned(), "BEG.VIS.T1".to_owned()],
            "{goal}" => vec![b.goal.clone()],
            "{conversation}" => vec![b.conversation.clone()],
            "{meeting}" => vec![b.meeting.clone()],
            "{version}" => vec![b.version.clone()],
            "{plan}" => vec![b.plan.clone()],
            "{survey}" => vec![b.survey.clone()],
            "{network}" => vec![b.network.clone()],
            other if other.starts_with('{') => {
                panic!("the route tests do not know the path parameter {other} of {pattern}")
            }
            literal => vec![literal.to_owned()],
        };
        paths = paths
            .into_iter()
            .flat_map(|p| values.iter().map(move |v| format!("{p}/{v}")))
            .collect();
    }
    if pattern == "/" {
        paths = vec!["/".to_owned()];
    }
    paths
}

impl Target {
    /// The resources of `team`'s school: its member, an open invitation, a round and an
    /// edition of its own.
    pub fn of(
        team: &crate::helpers::team::Team,
        invitation: &store::Invitation,
        round: &store::Round,
        own: &Edition,
    ) -> Target {
        let package = formats::case::package(own, Lang::Nl);
        Target {
            short: team.school.short_name.clone(),
            member: team.member.id.to_string(),
            invitation: invitation.id.to_string(),
            round: round.id.to_string(),
            edition: own.id().to_string(),
            case_ids: ["CFDocument", "CFItems", "CFAssociations"]
                .iter()
                .map(|key| {
                    let object = if *key == "CFDocument" {
                        &package[*key]
                    } else {
                        &package[*key][0]
                    };
                    object["identifier"]
                        .as_str()
                        .expect("an identifier")
                        .to_owned()
                })
                .collect(),
            goal: uuid::Uuid::new_v4().to_string(),
            conversation: uuid::Uuid::new_v4().to_string(),
            meeting: uuid::Uuid::new_v4().to_string(),
            version: uuid::Uuid::new_v4().to_string(),
            plan: uuid::Uuid::new_v4().to_string(),
            survey: uuid::Uuid::new_v4().to_string(),
            network: "geen-netwerk".to_owned(),
        }
    }
}
