//! Where a person's scan of a round stands, in the same words on every page that says it.

/// The message naming where a scan stands, the same in the list of rounds, on the round page,
/// in a coordinator's overview of the team and on the school's start page.
pub fn state_key(finished: bool, carried: bool, started: bool) -> &'static str {
    if finished {
        "round-mine-finished"
    } else if carried {
        "round-mine-carried"
    } else if started {
        "round-mine-started"
    } else {
        "round-mine-none"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_comes_before_carried_and_carried_before_started() {
        assert_eq!(state_key(true, true, true), "round-mine-finished");
        assert_eq!(state_key(false, true, false), "round-mine-carried");
        assert_eq!(state_key(false, false, true), "round-mine-started");
        assert_eq!(state_key(false, false, false), "round-mine-none");
    }
}
