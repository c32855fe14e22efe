//! The own framework: the draft, editions over time, and exchange with other systems.

mod editions;
mod exchange;
mod own;
