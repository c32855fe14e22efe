//! Networks of schools through the real router: an invitation accepted only by the school's
//! administrator, sharing chosen per indicator, figures only over five schools as median and
//! quartiles with the school's own position for itself alone, no names unless agreed, leaving
//! at any time with the figures gone at once, and the network report.

mod long_list;
mod side_by_side;
