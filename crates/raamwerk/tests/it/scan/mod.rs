//! The self-scan: rounds, answering, the overview and the quick scan.

mod answering;
mod guards;
mod overview;
mod quick;
mod rounds;
mod safeguards;
