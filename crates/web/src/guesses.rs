//! Class codes of the student survey typed wrong, counted per client in memory only: a student's network address
//! is never written anywhere, not even to throttle guessing. A restart forgets the counts,
//! which costs a guesser nothing worth having (2⁵⁰ codes).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use domain::throttle::{Attempts, Policy};

/// At most this many clients are remembered; past it, the ones whose window ended go.
const REMEMBERED: usize = 20_000;

#[derive(Debug, Default)]
pub struct Guesses(Mutex<HashMap<IpAddr, Attempts>>);

impl Guesses {
    const POLICY: Policy = Policy::SURVEY_CODES;

    /// Whether the client may try a code now; when not, how long it waits.
    pub fn locked(&self, ip: IpAddr, now: i64) -> Option<Duration> {
        let map = self.0.lock().ok()?;
        map.get(&ip).and_then(|a| Self::POLICY.locked_for(a, now))
    }

    /// Counts a wrong code; gives how long to wait before answering.
    pub fn wrong(&self, ip: IpAddr, now: i64) -> Duration {
        let Ok(mut map) = self.0.lock() else {
            return Duration::ZERO;
        };
        if map.len() >= REMEMBERED {
            let window = Self::POLICY.window_ms;
            map.retain(|_, a| now - a.window_start <= window || a.locked_until > now);
        }
        let before = map.get(&ip).copied().unwrap_or_default();
        let after = Self::POLICY.after_failure(before, now);
        map.insert(ip, after);
        Self::POLICY.delay(&after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_guessing_is_locked_out_and_others_are_not() {
        let g = Guesses::default();
        let ip: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let now = 1_000_000;
        for i in 0..Policy::SURVEY_CODES.lock_after {
            assert_eq!(g.locked(ip, now + i64::from(i)), None);
            g.wrong(ip, now + i64::from(i));
        }
        assert!(g.locked(ip, now + 100).is_some());
        assert_eq!(g.locked(other, now + 100), None);
        assert_eq!(
            g.locked(ip, now + 100 + Policy::SURVEY_CODES.lock_ms),
            None,
            "the lock ends"
        );
    }
}
