//! Throttling of failed sign-ins: repeated failures first slow down, then lock the address
//! typed (whether it has an account or not, so a lock reveals nothing) and the client for a
//! while. Pure rules; the store keeps the counts.

use std::time::Duration;

/// The failures counted for one key (an address typed, or a client).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attempts {
    pub failures: u32,
    /// When the current counting window began (Unix ms).
    pub window_start: i64,
    /// Until when the key is locked (Unix ms); 0 when it is not.
    pub locked_until: i64,
}

/// How a key is throttled.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Failures older than this are forgotten.
    pub window_ms: i64,
    /// After this many failures in the window, each answer is delayed.
    pub slow_after: u32,
    /// Added delay per failure beyond `slow_after`, up to `max_delay_ms`.
    pub delay_step_ms: u64,
    pub max_delay_ms: u64,
    /// At this many failures in the window the key is locked…
    pub lock_after: u32,
    /// …for this long.
    pub lock_ms: i64,
}

impl Policy {
    /// For an e-mail address typed into the sign-in form.
    pub const ADDRESS: Policy = Policy {
        window_ms: 15 * 60 * 1000,
        slow_after: 3,
        delay_step_ms: 250,
        max_delay_ms: 2000,
        lock_after: 10,
        lock_ms: 15 * 60 * 1000,
    };

    /// For a client (network address); higher, since a school's whole building may share one.
    pub const CLIENT: Policy = Policy {
        window_ms: 15 * 60 * 1000,
        slow_after: 20,
        delay_step_ms: 250,
        max_delay_ms: 2000,
        lock_after: 100,
        lock_ms: 15 * 60 * 1000,
    };

    /// For documents anyone may have made without an account (the quick scan's PDF and
    /// DOCX, some 50 ms of CPU each), per client: a class making theirs at once fits in it; a
    /// script asking for thousands does not.
    pub const DOCUMENTS: Policy = Policy {
        window_ms: 10 * 60 * 1000,
        slow_after: u32::MAX,
        delay_step_ms: 0,
        max_delay_ms: 0,
        lock_after: 120,
        lock_ms: 10 * 60 * 1000,
    };

    /// For class codes of the student survey typed wrong, per client: a class mistyping now
    /// and then fits in it; guessing codes (2⁵⁰ of them) at this pace is hopeless.
    pub const SURVEY_CODES: Policy = Policy {
        window_ms: 10 * 60 * 1000,
        slow_after: 10,
        delay_step_ms: 100,
        max_delay_ms: 1000,
        lock_after: 60,
        lock_ms: 10 * 60 * 1000,
    };

    /// How long the key stays locked from `now`, if it is locked.
    pub fn locked_for(&self, attempts: &Attempts, now: i64) -> Option<Duration> {
        let left = attempts.locked_until - now;
        (left > 0).then(|| Duration::from_millis(u64::try_from(left).unwrap_or(0)))
    }

    /// The counts after one more failure at `now`.
    pub fn after_failure(&self, attempts: Attempts, now: i64) -> Attempts {
        let mut next = if now - attempts.window_start > self.window_ms {
            Attempts {
                failures: 0,
                window_start: now,
                locked_until: attempts.locked_until,
            }
        } else {
            attempts
        };
        next.failures = next.failures.saturating_add(1);
        if next.failures >= self.lock_after {
            next.locked_until = now + self.lock_ms;
            // A new window begins when the lock ends.
            next.failures = 0;
            next.window_start = next.locked_until;
        }
        next
    }

    /// One more attempt at `now`, counted before its password is checked: refused with the
    /// time left while the key is locked (and then not counted), else the counts with it.
    pub fn attempt(&self, attempts: Attempts, now: i64) -> Result<Attempts, Duration> {
        match self.locked_for(&attempts, now) {
            Some(wait) => Err(wait),
            None => Ok(self.after_failure(attempts, now)),
        }
    }

    /// How long to wait before answering a failure with these counts.
    pub fn delay(&self, attempts: &Attempts) -> Duration {
        let beyond = u64::from(attempts.failures.saturating_sub(self.slow_after));
        Duration::from_millis((beyond * self.delay_step_ms).min(self.max_delay_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Policy = Policy::ADDRESS;

    #[test]
    fn failures_slow_down_then_lock_for_a_while() {
        let mut a = Attempts::default();
        let now = 1_000_000;
        for n in 1..=9 {
            a = P.after_failure(a, now + n);
            assert_eq!(P.locked_for(&a, now + n), None, "not locked after {n}");
        }
        assert_eq!(
            P.delay(&a),
            Duration::from_millis(1500),
            "six failures beyond three"
        );
        a = P.after_failure(a, now + 10);
        let locked = P.locked_for(&a, now + 10).expect("locked after ten");
        assert_eq!(locked, Duration::from_millis(15 * 60 * 1000));
        assert_eq!(
            P.locked_for(&a, now + 10 + P.lock_ms),
            None,
            "the lock ends"
        );
    }

    #[test]
    fn old_failures_are_forgotten() {
        let mut a = Attempts::default();
        for n in 0..9 {
            a = P.after_failure(a, n);
        }
        a = P.after_failure(a, 9 + P.window_ms + 1);
        assert_eq!(a.failures, 1);
        assert_eq!(P.locked_for(&a, 9 + P.window_ms + 1), None);
    }

    #[test]
    fn an_attempt_while_locked_is_refused_and_not_counted() {
        let mut a = Attempts::default();
        for n in 0..P.lock_after {
            a = P
                .attempt(a, 100 + i64::from(n))
                .expect("counted until the lock");
        }
        assert!(P.locked_for(&a, 200).is_some(), "the tenth attempt locks");
        assert_eq!(
            P.attempt(a, 200),
            Err(Duration::from_millis((a.locked_until - 200) as u64))
        );
        let after = P
            .attempt(a, a.locked_until)
            .expect("counted again when the lock ends");
        assert_eq!(after.failures, 1);
    }

    #[test]
    fn the_delay_is_bounded() {
        let a = Attempts {
            failures: 1000,
            window_start: 0,
            locked_until: 0,
        };
        assert_eq!(P.delay(&a), Duration::from_millis(P.max_delay_ms));
        assert_eq!(P.delay(&Attempts::default()), Duration::ZERO);
    }
}
