//! `clauselint plugins`, and plugin loading shared with `audit`.

use std::io::Write;

use anyhow::{Context, bail};
use clauselint_engine::{LoadProblem, PluginSet, Policy};

use crate::Outcome;
use crate::args::{PluginArgs, PluginSource};

/// Loads the policy and the plugins a command asked for.
pub fn load(source: &PluginSource) -> anyhow::Result<(PluginSet, Vec<LoadProblem>)> {
    let policy = match &source.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let (set, problems) = if source.plugins.is_empty() {
        let exe = std::env::current_exe().context("cannot locate the clauselint binary")?;
        let dir = exe
            .parent()
            .context("the clauselint binary has no parent folder")?;
        let loaded = PluginSet::load_default(dir, &policy)?;
        if loaded.0.is_empty() && loaded.1.is_empty() {
            bail!(
                "no check plugins next to the binary in {}; build them with \
                 `cargo build --release --workspace` or pass --plugins DIR",
                dir.display()
            );
        }
        loaded
    } else {
        PluginSet::load(&source.plugins, &policy)?
    };
    for p in &problems {
        eprintln!("clauselint: warning: plugin refused: {p}");
    }
    if set.is_empty() {
        let dirs: Vec<String> = source
            .plugins
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        bail!("no check plugins could be loaded from {}", dirs.join(", "));
    }
    Ok((set, problems))
}

pub fn run(args: PluginArgs) -> anyhow::Result<Outcome> {
    let (set, problems) = load(&args.source)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let infos: Vec<_> = set.iter().map(|p| p.info()).collect();
        let doc = serde_json::json!({ "plugins": infos, "refused": problems });
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        for p in set.iter() {
            let i = p.info();
            writeln!(out, "{} {} ({})", i.id, i.version, i.name)?;
            writeln!(out, "    {}", i.description)?;
            writeln!(out, "    verdicts: {}", i.verdicts.join(", "))?;
            writeln!(out, "    loaded from {}", i.path.display())?;
        }
    }
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}
