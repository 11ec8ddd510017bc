use std::collections::BTreeMap;

use clauselint_model::{FileRecord, FileStatus, ParamValue, Verdict};
use serde::Serialize;

use crate::CheckInfo;

/// Verdict counts of one check over the corpus (the worst verdict per file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckSummary {
    /// Files where the check passed.
    pub pass: usize,
    /// Files with a warning.
    pub warn: usize,
    /// Files crossing a red line.
    pub fail: usize,
    /// Files where the clause was not found.
    pub missing: usize,
    /// Files where the check could not run.
    pub error: usize,
}

impl CheckSummary {
    fn add(&mut self, v: Verdict) {
        *self.slot(v) += 1;
    }

    fn slot(&mut self, v: Verdict) -> &mut usize {
        match v {
            Verdict::Pass => &mut self.pass,
            Verdict::Warn => &mut self.warn,
            Verdict::Fail => &mut self.fail,
            Verdict::Missing => &mut self.missing,
            Verdict::Error => &mut self.error,
        }
    }

    /// The count for one verdict.
    pub fn get(&self, v: Verdict) -> usize {
        match v {
            Verdict::Pass => self.pass,
            Verdict::Warn => self.warn,
            Verdict::Fail => self.fail,
            Verdict::Missing => self.missing,
            Verdict::Error => self.error,
        }
    }
}

/// The distribution of one extracted parameter over the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Distribution {
    /// Value (as text) → number of findings with it.
    pub counts: BTreeMap<String, usize>,
}

/// Longest text parameter that still counts as a code or name worth a distribution (`US-NY`,
/// `industry`, `New York`); longer texts are prose and would give one bucket per finding.
const MAX_CODE_LEN: usize = 24;

/// Whether a parameter value is aggregated into a distribution: numbers, booleans and short
/// single-line texts, for every check — plugins added later get distributions without a change
/// here.
fn distributable(v: &ParamValue) -> bool {
    match v {
        ParamValue::Bool(_) | ParamValue::Int(_) | ParamValue::Float(_) => true,
        ParamValue::Text(t) => {
            !t.is_empty() && t.chars().count() <= MAX_CODE_LEN && !t.contains(['\n', '\r'])
        }
        ParamValue::List(_) => false,
    }
}

/// The aggregate view every human-facing report shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Files found.
    pub files: usize,
    /// Files read and checked.
    pub ok: usize,
    /// Files that could not be read.
    pub error: usize,
    /// Pages read (PDF).
    pub pages: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Verdict counts per check id, in check order.
    pub checks: BTreeMap<String, CheckSummary>,
    /// Distributions of extracted numbers and codes, keyed `check.param`.
    pub distributions: BTreeMap<String, Distribution>,
    /// Files whose worst verdict is `fail` (or `error`) for some check.
    pub failing_files: usize,
    /// Time spent per stage, summed over all files (worker time, not wall-clock time).
    pub stage_ms: StageTimes,
}

/// Time per stage, summed over files, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StageTimes {
    /// Reading files from disk.
    pub read: f64,
    /// Extraction and segmentation.
    pub ingest: f64,
    /// All checks.
    pub checks: f64,
}

impl Summary {
    /// Aggregates records.
    pub fn new(files: &[FileRecord], checks: &[CheckInfo]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for c in checks {
            s.checks.insert(c.id.clone(), CheckSummary::default());
        }
        for f in files {
            s.bytes += f.bytes;
            s.stage_ms.read += f.timings.read_us as f64 / 1000.0;
            s.stage_ms.ingest += f.timings.ingest_us as f64 / 1000.0;
            s.stage_ms.checks += f.timings.checks_us as f64 / 1000.0;
            match f.status {
                FileStatus::Ok => s.ok += 1,
                FileStatus::Error => s.error += 1,
            }
            s.pages += u64::from(f.pages.unwrap_or(0));
            if f.worst().is_some_and(|v| v >= Verdict::Fail) {
                s.failing_files += 1;
            }
            let mut seen = Vec::new();
            for finding in &f.findings {
                if !seen.contains(&finding.check.as_str()) {
                    seen.push(finding.check.as_str());
                    if let Some(v) = f.verdict_of(&finding.check) {
                        s.checks.entry(finding.check.clone()).or_default().add(v);
                    }
                }
                for (param, value) in &finding.params {
                    if distributable(value) {
                        let key = format!("{}.{param}", finding.check);
                        let d = s.distributions.entry(key).or_default();
                        *d.counts.entry(value_text(value)).or_default() += 1;
                    }
                }
            }
        }
        s
    }
}

/// A parameter value as a short text.
pub(crate) fn value_text(v: &ParamValue) -> String {
    match v {
        ParamValue::Bool(b) => b.to_string(),
        ParamValue::Int(i) => i.to_string(),
        ParamValue::Float(x) => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.0}")
            } else {
                format!("{x}")
            }
        }
        ParamValue::Text(t) => t.clone(),
        ParamValue::List(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
    }
}
