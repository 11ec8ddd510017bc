//! `clauselint eval`: the checks' accuracy on labelled contracts.

use std::io::Write;

use clauselint_eval::{EvalOptions, evaluate, render_text};

use crate::Outcome;
use crate::args::{EvalArgs, EvalFormat};

pub fn run(args: EvalArgs) -> anyhow::Result<Outcome> {
    let (plugins, problems) = crate::plugins::load(&args.source)?;
    let options = EvalOptions {
        folds: args.folds,
        fold: args.fold,
        jobs: args.jobs.unwrap_or(0),
        keep_errors: args.show_errors,
        hold_out: args.hold_out,
    };
    let evaluation = evaluate(&args.cuad, &plugins, &options)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        EvalFormat::Text => write!(out, "{}", render_text(&evaluation))?,
        EvalFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&evaluation)?)?,
    }
    out.flush()?;
    // A refused plugin may have silently removed a category from the table.
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}
