//! The public site.

mod pages;
