//! Rendered public pages, kept in memory. A page is a pure function of the edition, the
//! language and the address, and the edition is immutable, so each page is rendered once and
//! then served from memory with its ETag. The keys come only from pages that exist in the
//! edition, so the cache is bounded by the edition's size; it lives beside the edition in
//! the application state and goes with it.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use axum::http::HeaderValue;

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
}
