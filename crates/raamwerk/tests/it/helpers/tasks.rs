//! Tasks as the tests name them: a task's code, this school year and the tasks of the edition.

use domain::allocation::{Category, SchoolYear, Task};
use domain::{Code, Kind};

use crate::helpers::TestApp;

pub fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

pub fn year() -> SchoolYear {
    SchoolYear::parse("2026-2027").expect("valid")
}

pub fn tasks(app: &TestApp) -> Vec<Task> {
    app.state
        .edition()
        .statements()
        .iter()
        .filter(|s| s.kind == Kind::Task)
        .map(|s| Task {
            code: s.code.clone(),
            role: s.role,
            category: Category::default_for(s.role),
            hours: None,
        })
        .collect()
}
