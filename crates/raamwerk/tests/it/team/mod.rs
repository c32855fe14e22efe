//! The team picture through the real router, on both backends: the attacks the issue names,
//! each shown to give nothing of one person away.

mod picture;
