//! The `clauselint` command-line tool. Argument parsing, progress and exit codes live here;
//! the work is done by the library crates.

#![forbid(unsafe_code)]

mod args;
mod audit;
mod eval;
mod extract;
mod plugins;
mod policy;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// How a run ended, mapped to the exit status in one place.
pub(crate) enum Outcome {
    /// Nothing at or above `--fail-on`.
    Clean,
    /// Findings at or above `--fail-on`.
    Findings,
    /// The run could not do all it was asked (e.g. a plugin was refused).
    Incomplete,
}

/// Keeps panics on audit workers off the terminal: the engine catches every one of them and
/// reports it as that file's error record, so printing it too would only garble the progress
/// bar and the report. Panics anywhere else, or with `RUST_BACKTRACE` set, print as usual.
fn quiet_worker_panics() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(clauselint_engine::WORKER_THREAD_PREFIX));
        if !on_worker {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    quiet_worker_panics();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    let result = match cli.command {
        Command::Audit(a) => audit::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Plugins(a) => plugins::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Policy(a) => policy::run(a),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Ok(Outcome::Incomplete) => ExitCode::from(2),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "clauselint: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that closed our stdout (`| head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
