use serde::{Deserialize, Serialize};

use crate::{Finding, Format, Verdict};

/// Whether a file could be audited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// The file was read and every loaded check ran on it.
    Ok,
    /// The file could not be read; `error` says why.
    Error,
}

/// Time spent on one file, stage by stage, in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Timings {
    /// Reading the file from disk.
    pub read_us: u64,
    /// Extraction and segmentation.
    pub ingest_us: u64,
    /// All checks together.
    pub checks_us: u64,
}

/// The audit of one file: the record every report format is built from. The serialized field
/// names are a public contract (see `docs/report-schema.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    /// The path as found (relative to the working directory when given so).
    pub path: String,
    /// Content hash of the file (hex); `null` when it could not be read.
    pub id: Option<String>,
    /// The sniffed format; `null` when not recognised.
    pub format: Option<Format>,
    /// `ok` or `error`.
    pub status: FileStatus,
    /// Why the file could not be read (only with status `error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Page count (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// The findings of every check, in plugin order.
    pub findings: Vec<Finding>,
    /// Stage timings (not part of the report schema).
    #[serde(skip)]
    pub timings: Timings,
}

impl FileRecord {
    /// A record for a file that could not be read.
    pub fn failed(path: String, bytes: u64, error: String) -> FileRecord {
        FileRecord {
            path,
            id: None,
            format: None,
            status: FileStatus::Error,
            error: Some(error),
            pages: None,
            bytes,
            findings: Vec::new(),
            timings: Timings::default(),
        }
    }

    /// The worst verdict a check gave this file, if the check reported on it.
    pub fn verdict_of(&self, check: &str) -> Option<Verdict> {
        self.findings
            .iter()
            .filter(|f| f.check == check)
            .map(|f| f.verdict)
            .max()
    }

    /// The worst verdict over all checks.
    pub fn worst(&self) -> Option<Verdict> {
        self.findings.iter().map(|f| f.verdict).max()
    }
}
