//! `clauselint audit`.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::ops::ControlFlow;
use std::time::Instant;

use anyhow::Context;
use clauselint_engine::{Audit, AuditOptions, discover};
use clauselint_ingest::ReadOptions;
use clauselint_model::{FileRecord, Verdict};
use clauselint_report::{CheckInfo, PluginProblem, Report, render};
use indicatif::{ProgressBar, ProgressStyle};

use crate::Outcome;
use crate::args::{AuditArgs, ColorChoice, FailOn, ReportFormat};

pub fn run(args: AuditArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let (plugins, problems) = crate::plugins::load(&args.source)?;
    let files = discover(&args.paths);
    let total = files.len();

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(BufWriter::new(File::create(path).with_context(|| {
                format!("{}: cannot create report", path.display())
            })?))
        }
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };

    let progress = if !args.quiet && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files  {per_sec}  eta {eta}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let options = AuditOptions {
        jobs: args.jobs.unwrap_or(0),
        read: ReadOptions {
            original_view: args.original,
            ..ReadOptions::default()
        },
        ..AuditOptions::default()
    };
    let streaming = args.format == ReportFormat::Jsonl;
    let mut records: Vec<FileRecord> = Vec::new();
    let mut worst: Option<Verdict> = None;
    let mut unreadable = 0usize;
    let mut write_error: Option<std::io::Error> = None;
    let run = Audit::new(&plugins, options).run(files, |record| {
        progress.inc(1);
        worst = worst.max(record.worst());
        unreadable += usize::from(record.error.is_some());
        if !streaming {
            records.push(record);
            return ControlFlow::Continue(());
        }
        // Streamed records are not kept: memory follows the files in flight, not the corpus.
        let line = render::jsonl_record(&record).map_err(std::io::Error::other);
        match line.and_then(|l| out.write_all(l.as_bytes())) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                // Auditing on with nowhere to write would only burn time.
                write_error = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    progress.finish_and_clear();
    if let Some(e) = write_error {
        return Err(e).context("cannot write the report");
    }
    run?;

    let crossed = match args.fail_on {
        FailOn::Fail => worst >= Some(Verdict::Fail),
        FailOn::Warn => worst >= Some(Verdict::Warn),
        FailOn::Never => false,
    };
    // A contract that could not be read was not audited: a gate must not pass it silently.
    let crossed = crossed || (unreadable > 0 && args.fail_on != FailOn::Never);

    let checks: Vec<CheckInfo> = plugins
        .iter()
        .map(|p| CheckInfo::new(&p.info().id, &p.info().name, &p.info().version))
        .collect();
    let refused: Vec<PluginProblem> = problems
        .iter()
        .map(|p| PluginProblem {
            path: p.path.display().to_string(),
            message: p.message.clone(),
        })
        .collect();
    let elapsed = started.elapsed();
    if !streaming {
        let report = Report::new(records, checks)
            .with_plugin_problems(refused)
            .with_elapsed(elapsed);
        let text = match args.format {
            ReportFormat::Terminal => {
                let color = match args.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
                };
                let width = report_width(to_terminal);
                render::terminal(&report, render::TerminalOptions { color, width })
            }
            ReportFormat::Json => render::json(&report)?,
            ReportFormat::Markdown => render::markdown(&report),
            ReportFormat::Jsonl => String::new(),
        };
        out.write_all(text.as_bytes())
            .context("cannot write the report")?;
    } else if !args.quiet {
        eprintln!(
            "clauselint: {total} files ({unreadable} unreadable) in {:.2} s",
            elapsed.as_secs_f64()
        );
    }
    out.flush().context("cannot write the report")?;

    Ok(if !problems.is_empty() {
        Outcome::Incomplete
    } else if crossed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Width the terminal report fits its matrix in: the terminal's, else `COLUMNS`, else 120.
fn report_width(to_terminal: bool) -> usize {
    if to_terminal && let Some((_, cols)) = console::Term::stdout().size_checked() {
        return usize::from(cols);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(120)
}
