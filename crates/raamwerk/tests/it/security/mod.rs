//! Security across every route: isolation between schools, who may call what, and the
//! probes of an outsider.

mod access;
mod hardening;
mod instances;
mod isolation;
mod proxy;
