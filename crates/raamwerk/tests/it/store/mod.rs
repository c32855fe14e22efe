//! The storage contract, on both backends, without the web layer.

mod contract;
mod meetings;
mod networks;
mod people;
mod plans;
mod schools;
mod surveys;
mod tokens;
mod vision;
mod work_plans;
