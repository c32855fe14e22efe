//! Wie doet wat: agreements, settings and hours.

mod agreements;
mod bulk;
mod hours;
