//! The school's vision through the real router, on both backends: written and published by
//! coordinators, read by every member beside the practice, compared and downloaded, never
//! changed once published and never seen by another school.

mod cycle;
mod life_cycle;
mod work_plans;
