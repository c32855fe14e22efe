//! The team picture and the team meeting through the real router, on both backends: the
//! attacks the issue names, each shown to give nothing of one person away, and a meeting from
//! proposal to agreement.

mod meetings;
mod picture;
