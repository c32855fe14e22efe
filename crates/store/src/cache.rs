//! A small in-memory cache for facts that never change once written (an edition, the edition a
//! round uses), so that hot paths such as autosave read nothing from the database for them.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

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

#[cfg(test)]
mod tests {
    use super::*;

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
