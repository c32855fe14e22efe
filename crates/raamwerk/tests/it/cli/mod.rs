//! The command line, run as a user runs it: the built binary, its output and exit code.

mod framework;
mod serve;

use std::process::{Command, Output};

pub fn raamwerk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_raamwerk"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .env_remove("RAAMWERK_DATABASE_URL")
        .env_remove("RAAMWERK_LISTEN")
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
