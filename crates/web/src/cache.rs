//! Rendered public pages, kept in memory. A page is a pure function of the edition, the
//! language and the address, and the edition is immutable, so each page is rendered once and
//! then served from memory with its ETag. The keys come only from pages that exist in the
//! edition, so the cache is bounded by the edition's size; it lives beside the edition in
//! the application state and goes with it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::HeaderValue;
use domain::account::User;
use domain::{Edition, EditionId, Lang};
use store::MySchool;

/// A rendered page and its validator.
#[derive(Debug)]
pub struct Rendered {
    pub body: Bytes,
    pub etag: HeaderValue,
}

impl Rendered {
    pub fn new(html: String) -> Rendered {
        let body = Bytes::from(html);
        let tag = format!("W/\"{:032x}\"", xxhash_rust::xxh3::xxh3_128(&body));
        let etag =
            HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""));
        Rendered { body, etag }
    }
}

#[derive(Debug, Default)]
pub struct PageCache {
    pages: RwLock<HashMap<String, Arc<Rendered>>>,
}

impl PageCache {
    /// Forgets every page (a newer edition is shown).
    pub fn clear(&self) {
        if let Ok(mut pages) = self.pages.write() {
            pages.clear();
        }
    }

    /// The page under `key`, rendering it with `render` the first time.
    pub fn get_or_render<E>(
        &self,
        key: String,
        render: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<Rendered>, E> {
        if let Some(found) = self
            .pages
            .read()
            .ok()
            .and_then(|pages| pages.get(&key).cloned())
        {
            return Ok(found);
        }
        let rendered = Arc::new(Rendered::new(render()?));
        if let Ok(mut pages) = self.pages.write() {
            pages.entry(key).or_insert_with(|| rendered.clone());
        }
        Ok(rendered)
    }
}

/// A signed-in person and the schools they belong to, as one session lookup finds them.
#[derive(Debug)]
pub struct Signed {
    pub user: User,
    pub schools: Vec<MySchool>,
}

/// How long a session lookup is reused before the database is asked again. Writes through
/// this process (signing out, membership changes, erasing an account) end reuse at once;
/// on SQLite this bounds how long a change made by another process (the CLI) takes to be
/// seen.
const SESSION_REUSE: Duration = Duration::from_secs(5);
/// The same when the database tells this process of every other process's changes as they
/// commit (PostgreSQL's notifications, see `store::Store::listen`): those end reuse at once
/// too, so a lookup may be kept longer.
const SESSION_REUSE_HEARING: Duration = Duration::from_secs(600);
/// More sessions than this in memory and the cache starts over.
const SESSION_CACHE_MAX: usize = 10_000;

/// Recent lookups of who a secret (a session cookie, an API token) belongs to, so that a
/// signed-in page or an API call costs little more than a public page. `T` is what one
/// lookup found.
#[derive(Debug)]
pub struct Reuse<T> {
    entries: Mutex<HashMap<String, CacheEntry<T>>>,
}

impl<T> Default for Reuse<T> {
    fn default() -> Self {
        Reuse {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

/// Session lookups by token.
pub type SessionCache = Reuse<Arc<Signed>>;

#[derive(Debug)]
struct CacheEntry<T> {
    found: T,
    generation: u64,
    fetched: Instant,
}

impl<T: Clone> Reuse<T> {
    /// The lookup kept for `secret`, unless anything changed since (`generation`) or it is
    /// older than allowed (longer when `hearing` other processes' changes).
    pub fn get(&self, secret: &str, generation: u64, hearing: bool) -> Option<T> {
        let entries = self.entries.lock().ok()?;
        let entry = entries.get(secret)?;
        let reuse = if hearing {
            SESSION_REUSE_HEARING
        } else {
            SESSION_REUSE
        };
        (entry.generation == generation && entry.fetched.elapsed() < reuse)
            .then(|| entry.found.clone())
    }

    pub fn put(&self, secret: String, found: T, generation: u64) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= SESSION_CACHE_MAX {
                entries.clear();
            }
            entries.insert(
                secret,
                CacheEntry {
                    found,
                    generation,
                    fetched: Instant::now(),
                },
            );
        }
    }
}

/// What is made from a value the store keeps (say, the JSON of one's own scan), made once per
/// kept value: the store hands out the same `Arc` until the value changes, so whether the `Arc`
/// is the one it was made from says whether what was made still holds. At most
/// [`MADE_MAX`] entries (a scan and its JSON are some kilobytes each).
#[derive(Debug)]
pub struct MadeFrom<K, S, T> {
    entries: Mutex<HashMap<K, Made<S, T>>>,
}

/// How many values [`MadeFrom`] keeps what it made of.
const MADE_MAX: usize = 1024;

/// The kept value something was made from, and what was made.
type Made<S, T> = (Arc<S>, Arc<T>);

impl<K, S, T> Default for MadeFrom<K, S, T> {
    fn default() -> Self {
        MadeFrom {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Eq + std::hash::Hash, S, T> MadeFrom<K, S, T> {
    /// What was made from `source` under `key`, or `make(source)`, kept for next time.
    pub fn get_or_make<E>(
        &self,
        key: K,
        source: &Arc<S>,
        make: impl FnOnce(&S) -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        if let Ok(entries) = self.entries.lock()
            && let Some((from, made)) = entries.get(&key)
            && Arc::ptr_eq(from, source)
        {
            return Ok(made.clone());
        }
        let made = Arc::new(make(source)?);
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= MADE_MAX {
                entries.clear();
            }
            entries.insert(key, (source.clone(), made.clone()));
        }
        Ok(made)
    }
}

/// The JSON of one's own scan's answers and of its notes (the API's `GET …/scan`), by school,
/// round and person.
pub type ScanJson = MadeFrom<
    store::ScanKey,
    store::MyScan,
    (
        Box<serde_json::value::RawValue>,
        Box<serde_json::value::RawValue>,
    ),
>;

/// The packages made so far, by edition and language: editions never change, so neither do
/// their packages.
#[derive(Debug, Default)]
pub struct PackageCache(Mutex<HashMap<(EditionId, Lang), Arc<serde_json::Value>>>);

impl PackageCache {
    pub fn get(&self, edition: &Edition, lang: Lang) -> Arc<serde_json::Value> {
        let key = (edition.id(), lang);
        if let Ok(map) = self.0.lock()
            && let Some(found) = map.get(&key)
        {
            return found.clone();
        }
        let package = Arc::new(formats::case::package(edition, lang));
        if let Ok(mut map) = self.0.lock() {
            // A handful of editions at most; a bound keeps a surprise from growing it.
            if map.len() >= 256 {
                map.clear();
            }
            map.insert(key, package.clone());
        }
        package
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_once_and_serves_the_same_bytes() {
        let cache = PageCache::default();
        let mut renders = 0;
        let first = cache
            .get_or_render("/nl/".into(), || {
                renders += 1;
                Ok::<_, ()>("<p>hallo</p>".to_owned())
            })
            .expect("rendered");
        let second = cache
            .get_or_render("/nl/".into(), || -> Result<String, ()> {
                panic!("must not render again")
            })
            .expect("cached");
        assert_eq!(renders, 1);
        assert_eq!(first.body, second.body);
        assert_eq!(first.etag, second.etag);
        assert!(first.etag.to_str().expect("ascii").starts_with("W/\""));
    }

    #[test]
    fn a_failed_render_is_not_cached() {
        let cache = PageCache::default();
        assert!(
            cache
                .get_or_render("/x".into(), || Err::<String, _>("kapot"))
                .is_err()
        );
        let ok = cache.get_or_render("/x".into(), || Ok::<_, &str>("heel".to_owned()));
        assert_eq!(ok.map(|r| r.body.clone()).ok(), Some(Bytes::from("heel")));
    }

    #[test]
    fn made_once_per_kept_value_and_again_when_it_changed() {
        let cache: MadeFrom<u8, String, usize> = MadeFrom::default();
        let kept = Arc::new("drie".to_owned());
        let mut made = 0;
        let mut length = |s: &String| {
            made += 1;
            Ok::<_, ()>(s.len())
        };
        assert_eq!(cache.get_or_make(1, &kept, &mut length).map(|n| *n), Ok(4));
        assert_eq!(cache.get_or_make(1, &kept, &mut length).map(|n| *n), Ok(4));
        // The same words, but read again (a write dropped the kept value): made again.
        let read_again = Arc::new("drie".to_owned());
        assert_eq!(
            cache.get_or_make(1, &read_again, &mut length).map(|n| *n),
            Ok(4)
        );
        let changed = Arc::new("zeven".to_owned());
        assert_eq!(
            cache.get_or_make(1, &changed, &mut length).map(|n| *n),
            Ok(5)
        );
        assert_eq!(made, 3);
    }
}
