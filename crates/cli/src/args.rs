//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Audit signed contracts (DOCX, PDF, text) against an agency's red lines.
#[derive(Debug, Parser)]
#[command(name = "clauselint", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit contracts: run every check plugin on every file and report.
    Audit(AuditArgs),
    /// Show the text and clauses clauselint extracts from one file: exactly what checks see.
    Extract(ExtractArgs),
    /// List the check plugins that would be loaded, with their versions and verdicts.
    Plugins(PluginArgs),
    /// Measure the checks' accuracy on labelled contracts (CUAD's JSON Lines format).
    Eval(EvalArgs),
    /// Print the effective policy of every check (TOML), or write a commented template with
    /// `--init`.
    Policy(PolicyArgs),
}

/// Where plugins come from.
#[derive(Debug, Args, Clone)]
pub struct PluginSource {
    /// Load check plugins from this folder (repeatable). Default: the plugins built next to
    /// the clauselint binary. Plugins are native code: only point this at folders you trust.
    #[arg(long = "plugins", value_name = "DIR")]
    pub plugins: Vec<PathBuf>,
    /// Policy file (TOML, one table per check). Default: the playbook's values.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Contract × check matrix and counts, for people.
    Terminal,
    /// One JSON document (versioned schema).
    Json,
    /// One JSON record per file, written as files finish.
    Jsonl,
    /// Markdown, with quotes for every warning and failure.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any check fails (or errors), or a file is unreadable.
    Fail,
    /// Exit 1 when any check warns, fails or errors, or a file is unreadable.
    Warn,
    /// Never exit 1 for findings.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Files and folders to audit (folders are walked; hidden and ignored files are skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub source: PluginSource,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Terminal)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Exit with status 1 when a finding is at or above this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Fail)]
    pub fail_on: FailOn,
    /// Read DOCX tracked changes as the original text instead of the accepted view.
    #[arg(long)]
    pub original: bool,
    /// No progress bar and no summary line on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// When to use colours in the terminal report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Clauses with number, heading and location, for people.
    Text,
    /// The document (text, blocks, clauses) as JSON; offsets are character offsets.
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// Read DOCX tracked changes as the original text instead of the accepted view.
    #[arg(long)]
    pub original: bool,
}

#[derive(Debug, Args)]
pub struct PluginArgs {
    #[command(flatten)]
    pub source: PluginSource,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PolicyArgs {
    #[command(flatten)]
    pub source: PluginSource,
    /// Print as JSON (one object per check) instead of TOML.
    #[arg(long, conflicts_with = "init")]
    pub json: bool,
    /// Write a commented policy template (every check, every key with its comment and its
    /// value; the playbook defaults unless --policy is given) instead of printing.
    #[arg(long)]
    pub init: bool,
    /// With --init: where to write the template (default `clauselint.toml`; `-` for standard
    /// output).
    #[arg(short, long, value_name = "FILE", requires = "init")]
    pub output: Option<PathBuf>,
    /// With --init: overwrite an existing file.
    #[arg(long, requires = "init")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Tables for people.
    Text,
    /// One JSON document with every figure.
    Json,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled contracts in CUAD's format: JSON Lines, plain or gzip'd.
    #[arg(long, value_name = "FILE")]
    pub cuad: PathBuf,
    #[command(flatten)]
    pub source: PluginSource,
    /// Cross-validation folds: contract i (0-based line) is in fold i % K.
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub folds: usize,
    /// Score only this fold (0-based).
    #[arg(long, value_name = "N")]
    pub fold: Option<usize>,
    /// Hold this fold out: score it apart from the others (development) and never list its
    /// errors, so that rules developed on the other folds are judged on unread contracts.
    #[arg(long, value_name = "N")]
    pub hold_out: Option<usize>,
    /// List false positives and false negatives per category, with their quotes, and the
    /// quotes of true positives that overlap no labelled span.
    #[arg(long)]
    pub show_errors: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
}
