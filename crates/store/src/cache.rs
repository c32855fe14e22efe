//! Small in-memory caches, so that hot paths read nothing from the database: [`Immutable`]
//! for facts that never change once written (an edition, the edition a round uses), and
//! [`Kept`] for values that do change, dropped by the writes that change them.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Remembers values by key. Only for values that cannot change while the key exists: there is
/// no invalidation. When it holds `CAPACITY` entries it starts again empty, which keeps it
/// bounded without bookkeeping (the entries are cheap to load again).
#[derive(Debug)]
pub(crate) struct Immutable<K, V> {
    entries: Mutex<HashMap<K, V>>,
}

impl<K, V> Default for Immutable<K, V> {
    fn default() -> Self {
        Immutable {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

const CAPACITY: usize = 4096;

impl<K: Eq + Hash, V: Clone> Immutable<K, V> {
    pub(crate) fn get(&self, key: &K) -> Option<V> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    pub(crate) fn insert(&self, key: K, value: V) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(key, value);
        }
    }
}

/// Values read from the database, kept until a write drops them ([`Kept::forget`],
/// [`Kept::forget_where`], [`Kept::clear`]) or until they are older than the age the reader
/// accepts (which bounds how long a write by a process this one is not told of can go
/// unseen).
///
/// A read that missed takes a [`Kept::ticket`] before it asks the database, and keeps what it
/// read only if nothing was dropped since: a value read just before a write committed, and
/// kept just after the write dropped it, would otherwise stay stale. Writers drop after they
/// commit, so a read that starts after the drop sees the write.
#[derive(Debug)]
pub(crate) struct Kept<K, V> {
    inner: Mutex<KeptInner<K, V>>,
}

#[derive(Debug)]
struct KeptInner<K, V> {
    entries: HashMap<K, (Instant, V)>,
    /// Counts the drops.
    epoch: u64,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept {
            inner: Mutex::new(KeptInner {
                entries: HashMap::new(),
                epoch: 0,
            }),
        }
    }
}

/// Proof of when a read that missed began (see [`Kept`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ticket(u64);

impl<K: Eq + Hash, V: Clone> Kept<K, V> {
    /// The cache, also after a panic elsewhere left its lock poisoned (every change to it is
    /// a single map operation, never left half-done).
    fn lock(&self) -> std::sync::MutexGuard<'_, KeptInner<K, V>> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The value kept under `key`, if it was read no longer than `max_age` ago.
    pub(crate) fn get(&self, key: &K, max_age: Duration) -> Option<V> {
        let inner = self.lock();
        let (read_at, value) = inner.entries.get(key)?;
        (read_at.elapsed() <= max_age).then(|| value.clone())
    }

    /// To be taken before reading what [`Kept::keep`] will keep.
    pub(crate) fn ticket(&self) -> Ticket {
        Ticket(self.lock().epoch)
    }

    /// Keeps a value read since `ticket` was taken, unless something was dropped meanwhile.
    pub(crate) fn keep(&self, ticket: Ticket, key: K, value: V) {
        let mut inner = self.lock();
        if inner.epoch != ticket.0 {
            return;
        }
        if inner.entries.len() >= CAPACITY {
            inner.entries.clear();
        }
        inner.entries.insert(key, (Instant::now(), value));
    }

    /// Drops what is kept under `key` (after a write to it committed).
    pub(crate) fn forget(&self, key: &K) {
        let mut inner = self.lock();
        inner.epoch += 1;
        inner.entries.remove(key);
    }

    /// Drops every value whose key matches.
    pub(crate) fn forget_where(&self, mut matches: impl FnMut(&K) -> bool) {
        let mut inner = self.lock();
        inner.epoch += 1;
        inner.entries.retain(|key, _| !matches(key));
    }

    /// Drops everything (a change may have been missed).
    pub(crate) fn clear(&self) {
        self.forget_where(|_| true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: Duration = Duration::from_secs(600);

    #[test]
    fn keeps_until_forgotten() {
        let cache: Kept<(u8, u8), &str> = Kept::default();
        cache.keep(cache.ticket(), (1, 1), "een");
        cache.keep(cache.ticket(), (1, 2), "twee");
        cache.keep(cache.ticket(), (2, 1), "drie");
        assert_eq!(cache.get(&(1, 1), LONG), Some("een"));
        cache.forget(&(1, 1));
        assert_eq!(cache.get(&(1, 1), LONG), None);
        assert_eq!(cache.get(&(1, 2), LONG), Some("twee"));
        cache.forget_where(|&(a, _)| a == 1);
        assert_eq!(cache.get(&(1, 2), LONG), None);
        assert_eq!(cache.get(&(2, 1), LONG), Some("drie"));
        cache.clear();
        assert_eq!(cache.get(&(2, 1), LONG), None);
    }

    #[test]
    fn a_read_overtaken_by_a_write_is_not_kept() {
        let cache: Kept<u8, &str> = Kept::default();
        // A reader misses and reads the old value; a write commits and drops the key before
        // the reader keeps what it read.
        let ticket = cache.ticket();
        cache.forget(&1);
        cache.keep(ticket, 1, "oud");
        assert_eq!(cache.get(&1, LONG), None);
        // A read that began after the write is kept.
        cache.keep(cache.ticket(), 1, "nieuw");
        assert_eq!(cache.get(&1, LONG), Some("nieuw"));
    }

    #[test]
    fn an_old_value_is_not_served() {
        let cache: Kept<u8, &str> = Kept::default();
        cache.keep(cache.ticket(), 1, "een");
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(cache.get(&1, Duration::from_millis(1)), None);
        assert_eq!(cache.get(&1, LONG), Some("een"));
    }

    #[test]
    fn remembers_and_stays_bounded() {
        let cache = Immutable::default();
        assert_eq!(cache.get(&1), None);
        cache.insert(1, "een");
        assert_eq!(cache.get(&1), Some("een"));
        for i in 0..CAPACITY * 2 {
            cache.insert(i + 10, "x");
        }
        let held = cache.entries.lock().map(|e| e.len()).unwrap_or(0);
        assert!(held <= CAPACITY, "{held} entries");
    }
}
