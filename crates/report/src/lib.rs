//! Aggregation of audit records and the report renderers.
//!
//! Every renderer works from one [`Report`]: the per-file [`FileRecord`]s, the checks that ran,
//! and the libraries that were refused. [`Summary`] holds what every human-facing format shows:
//! the contract × check matrix, verdict counts per check, the distributions of extracted
//! numbers, and the unreadable files.
//!
//! ```
//! use clauselint_report::{CheckInfo, Report, render};
//!
//! let report = Report::new(vec![], vec![CheckInfo::new("governing-law", "Governing law", "0.1.0")]);
//! let json = render::json(&report)?;
//! assert!(json.contains("\"schema_version\": 1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod render;
mod summary;

use clauselint_model::FileRecord;
use serde::Serialize;

pub use summary::{CheckSummary, Distribution, StageTimes, Summary};

/// Version of the JSON report schema (`docs/report-schema.md`). Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A check that ran, as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckInfo {
    /// Check id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Plugin version.
    pub version: String,
}

impl CheckInfo {
    /// A check description.
    pub fn new(id: &str, name: &str, version: &str) -> CheckInfo {
        CheckInfo {
            id: id.to_owned(),
            name: name.to_owned(),
            version: version.to_owned(),
        }
    }
}

/// A plugin library that was found but refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PluginProblem {
    /// The library.
    pub path: String,
    /// Why it was refused.
    pub message: String,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Report {
    /// One record per file found, sorted by path.
    pub files: Vec<FileRecord>,
    /// The checks that ran, in order.
    pub checks: Vec<CheckInfo>,
    /// Refused plugin libraries.
    pub plugin_problems: Vec<PluginProblem>,
    /// Wall-clock time of the audit, when measured.
    pub elapsed: Option<std::time::Duration>,
    /// The aggregate view.
    pub summary: Summary,
}

impl Report {
    /// Builds a report; records are sorted by path so output is reproducible.
    pub fn new(mut files: Vec<FileRecord>, checks: Vec<CheckInfo>) -> Report {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let summary = Summary::new(&files, &checks);
        Report {
            files,
            checks,
            plugin_problems: Vec::new(),
            elapsed: None,
            summary,
        }
    }

    /// Adds the refused plugin libraries.
    pub fn with_plugin_problems(mut self, problems: Vec<PluginProblem>) -> Report {
        self.plugin_problems = problems;
        self
    }

    /// Records the wall-clock time of the audit.
    pub fn with_elapsed(mut self, elapsed: std::time::Duration) -> Report {
        self.elapsed = Some(elapsed);
        self
    }
}
