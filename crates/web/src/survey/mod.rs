//! The anonymous student survey (*leerlingenenquête*): coordinators open it for groups of
//! students with class codes and close it; students answer without an account; once closed,
//! every member reads the results under the group-figure rule, beside the team picture, on
//! the page, as a workbook and through the JSON API.

pub mod results;
pub mod results_json;
pub mod results_xlsx;
pub mod student;
pub mod survey_page;
pub mod surveys;
