//! The renderers: terminal, JSON, JSON Lines and Markdown.

use std::borrow::Cow;
use std::fmt::Write as _;

use clauselint_model::{FileRecord, FileStatus, Verdict};
use serde::Serialize;

use crate::summary::value_text;
use crate::{CheckInfo, PluginProblem, Report, SCHEMA_VERSION, Summary};

/// Largest number of rows the terminal matrix shows before it summarises the rest.
const MATRIX_ROWS: usize = 60;

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    schema_version: u32,
    tool: Tool,
    checks: &'a [CheckInfo],
    summary: &'a Summary,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    plugin_problems: &'a [PluginProblem],
    #[serde(skip_serializing_if = "Option::is_none")]
    elapsed_ms: Option<u64>,
    files: &'a [FileRecord],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "clauselint",
    version: env!("CARGO_PKG_VERSION"),
};

/// The whole report as pretty JSON (schema `clauselint-report`, see `docs/report-schema.md`).
pub fn json(report: &Report) -> Result<String, serde_json::Error> {
    let doc = JsonReport {
        schema: "clauselint-report",
        schema_version: SCHEMA_VERSION,
        tool: TOOL,
        checks: &report.checks,
        summary: &report.summary,
        plugin_problems: &report.plugin_problems,
        elapsed_ms: report
            .elapsed
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
        files: &report.files,
    };
    let mut s = serde_json::to_string_pretty(&doc)?;
    s.push('\n');
    Ok(s)
}

/// One file's record as a single JSON line (with the trailing newline), for streaming.
pub fn jsonl_record(record: &FileRecord) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string(record)?;
    s.push('\n');
    Ok(s)
}

fn cell(v: Option<Verdict>) -> &'static str {
    match v {
        None => "",
        Some(Verdict::Pass) => "pass",
        Some(Verdict::Missing) => "missing",
        Some(Verdict::Warn) => "WARN",
        Some(Verdict::Fail) => "FAIL",
        Some(Verdict::Error) => "ERROR",
    }
}

/// Options for the terminal renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct TerminalOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Line width to fit the matrix in; 0 means no limit. When the matrix with one word per
    /// cell is wider, it switches to one symbol per cell with numbered columns and a legend.
    pub width: usize,
}

/// One-character form of a verdict for the compact matrix.
fn symbol(v: Option<Verdict>) -> &'static str {
    match v {
        None => " ",
        Some(Verdict::Pass) => ".",
        Some(Verdict::Missing) => "-",
        Some(Verdict::Warn) => "W",
        Some(Verdict::Fail) => "F",
        Some(Verdict::Error) => "E",
    }
}

fn paint(text: &str, v: Option<Verdict>, color: bool) -> String {
    let code = match v {
        _ if !color => return text.to_owned(),
        Some(Verdict::Pass) => "32",
        Some(Verdict::Warn) => "33",
        Some(Verdict::Fail) | Some(Verdict::Error) => "31;1",
        Some(Verdict::Missing) | None => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Shortens a path for a table: keeps the end, which names the file.
fn short(path: &str, width: usize) -> String {
    let n = path.chars().count();
    if n <= width {
        return path.to_owned();
    }
    let tail: String = path.chars().skip(n - (width - 1)).collect();
    format!("…{tail}")
}

/// Rows the matrix shows: all when few, else the worst first.
fn matrix_rows(report: &Report) -> (Vec<&FileRecord>, usize) {
    let ok: Vec<&FileRecord> = report
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Ok)
        .collect();
    if ok.len() <= MATRIX_ROWS {
        return (ok, 0);
    }
    let mut rows = ok.clone();
    rows.sort_by(|a, b| b.worst().cmp(&a.worst()).then_with(|| a.path.cmp(&b.path)));
    rows.truncate(MATRIX_ROWS);
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    (rows, ok.len() - MATRIX_ROWS)
}

/// The terminal summary: matrix, per-check counts, distributions, unreadable files.
pub fn terminal(report: &Report, options: TerminalOptions) -> String {
    let mut out = String::new();
    let color = options.color;
    let (rows, hidden) = matrix_rows(report);
    let width = rows
        .iter()
        .map(|r| r.path.chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 48);
    let col = |c: &CheckInfo| c.id.len().max(7);
    let wide = width + report.checks.iter().map(|c| 2 + col(c)).sum::<usize>();
    let compact = options.width > 0 && wide > options.width;
    if !rows.is_empty() && !report.checks.is_empty() && compact {
        // Numbered columns, one symbol per cell: fits any number of checks.
        let cw = report.checks.len().to_string().len() + 1;
        let legend: Vec<String> = (1..)
            .zip(&report.checks)
            .map(|(i, c)| format!("{i} {}", c.id))
            .collect();
        let _ = writeln!(out, "checks: {}", legend.join(", "));
        let _ = writeln!(out, "cells: . pass, - missing, W warn, F fail, E error\n");
        let _ = write!(out, "{:<width$}", "contract");
        for i in 1..=report.checks.len() {
            let _ = write!(out, "{i:>cw$}");
        }
        out.push('\n');
        for r in &rows {
            let _ = write!(out, "{:<width$}", printable(&short(&r.path, width)));
            for c in &report.checks {
                let v = r.verdict_of(&c.id);
                let text = format!("{:>cw$}", symbol(v));
                let _ = write!(out, "{}", paint(&text, v, color));
            }
            out.truncate(out.trim_end_matches(' ').len());
            out.push('\n');
        }
    } else if !rows.is_empty() && !report.checks.is_empty() {
        let _ = write!(out, "{:<width$}", "contract");
        for c in &report.checks {
            let _ = write!(out, "  {:<w$}", c.id, w = col(c));
        }
        out.push('\n');
        for r in &rows {
            let _ = write!(out, "{:<width$}", printable(&short(&r.path, width)));
            for c in &report.checks {
                let v = r.verdict_of(&c.id);
                let text = format!("{:<w$}", cell(v), w = col(c));
                let _ = write!(out, "  {}", paint(&text, v, color));
            }
            out.push('\n');
        }
    }
    if !rows.is_empty() && !report.checks.is_empty() {
        if hidden > 0 {
            let _ = writeln!(
                out,
                "… {hidden} more contracts (the worst are shown; see --format json)"
            );
        }
        out.push('\n');
    }
    let s = &report.summary;
    if !report.checks.is_empty() {
        let idw = report
            .checks
            .iter()
            .map(|c| c.id.len())
            .max()
            .unwrap_or(5)
            .max(5);
        let _ = writeln!(
            out,
            "{:<idw$}  {:>6}  {:>6}  {:>6}  {:>7}  {:>6}",
            "check", "pass", "warn", "fail", "missing", "error"
        );
        for c in &report.checks {
            let cs = s.checks.get(&c.id).cloned().unwrap_or_default();
            let _ = writeln!(
                out,
                "{:<idw$}  {:>6}  {:>6}  {:>6}  {:>7}  {:>6}",
                c.id, cs.pass, cs.warn, cs.fail, cs.missing, cs.error
            );
        }
        out.push('\n');
    }
    let shown = shown_distributions(s);
    for &(key, d) in &shown {
        let counts = sorted_counts(d);
        let mut values: Vec<String> = counts
            .iter()
            .take(DISTRIBUTION_VALUES)
            .map(|(v, n)| format!("{} ×{n}", printable(v)))
            .collect();
        if counts.len() > DISTRIBUTION_VALUES {
            values.push(format!("… {} more", counts.len() - DISTRIBUTION_VALUES));
        }
        let _ = writeln!(out, "{}: {}", printable(key), values.join(", "));
    }
    if !shown.is_empty() {
        out.push('\n');
    }
    let unreadable: Vec<&FileRecord> = report
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Error)
        .collect();
    if !unreadable.is_empty() {
        let _ = writeln!(out, "unreadable files ({}):", unreadable.len());
        for f in unreadable {
            let _ = writeln!(
                out,
                "  {}: {}",
                printable(&f.path),
                printable(f.error.as_deref().unwrap_or("unknown error"))
            );
        }
        out.push('\n');
    }
    for p in &report.plugin_problems {
        let _ = writeln!(
            out,
            "plugin refused: {}: {}",
            printable(&p.path),
            printable(&p.message)
        );
    }
    let _ = write!(
        out,
        "{} files: {} audited, {} unreadable; {} with a failing check",
        s.files, s.ok, s.error, s.failing_files
    );
    if let Some(e) = report.elapsed {
        let _ = write!(out, "; {:.2} s", e.as_secs_f64());
    }
    out.push('\n');
    let t = s.stage_ms;
    if t.ingest > 0.0 {
        let mb = s.bytes as f64 / 1e6;
        let _ = write!(
            out,
            "worker time: read {:.0} ms, ingest {:.0} ms ({:.1} MB/s",
            t.read,
            t.ingest,
            mb / (t.ingest / 1000.0)
        );
        if s.pages > 0 {
            let _ = write!(out, "; {} PDF pages", s.pages);
        }
        let _ = writeln!(out, "), checks {:.0} ms", t.checks);
    }
    out
}

/// The distributions human-facing reports show: numbers and codes. Yes/no flags are left to
/// the JSON report, where they are complete; with every check of the playbook loaded they
/// would bury the numbers the playbook asks for (months, days, multiples, jurisdictions).
fn shown_distributions(s: &Summary) -> Vec<(&String, &crate::Distribution)> {
    s.distributions
        .iter()
        .filter(|(_, d)| !d.counts.keys().all(|k| k == "true" || k == "false"))
        .collect()
}

/// Distribution values ordered numerically when they are numbers, else by count.
fn sorted_counts(d: &crate::Distribution) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = d.counts.iter().map(|(k, n)| (k.clone(), *n)).collect();
    if v.iter().all(|(k, _)| k.parse::<f64>().is_ok()) {
        v.sort_by(|a, b| {
            let x = a.0.parse::<f64>().unwrap_or(0.0);
            let y = b.0.parse::<f64>().unwrap_or(0.0);
            x.total_cmp(&y)
        });
    } else {
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    v
}

/// Values shown per distribution on a terminal; the JSON report has all of them.
const DISTRIBUTION_VALUES: usize = 12;

/// Text with control characters (which a file name or a plugin message may carry, and which
/// would move the cursor or recolour a terminal) shown as escapes.
fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Text safe in a Markdown table cell or list item: control characters escaped, pipes escaped,
/// line breaks flattened.
fn md_escape(s: &str) -> String {
    printable(&s.replace(['\r', '\n'], " ")).replace('|', "\\|")
}

/// A Markdown report: summary tables, then each contract's non-passing findings with quotes.
pub fn markdown(report: &Report) -> String {
    let mut out = String::from("# clauselint audit\n\n");
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} files: {} audited, {} unreadable; {} with a failing check.\n",
        s.files, s.ok, s.error, s.failing_files
    );
    if !report.checks.is_empty() {
        out.push_str("## Verdicts per check\n\n| check | pass | warn | fail | missing | error |\n|---|---:|---:|---:|---:|---:|\n");
        for c in &report.checks {
            let cs = s.checks.get(&c.id).cloned().unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                c.id, cs.pass, cs.warn, cs.fail, cs.missing, cs.error
            );
        }
        out.push_str("\n## Contracts × checks\n\n| contract |");
        for c in &report.checks {
            let _ = write!(out, " {} |", c.id);
        }
        out.push_str("\n|---|");
        for _ in &report.checks {
            out.push_str("---|");
        }
        out.push('\n');
        for f in report.files.iter().filter(|f| f.status == FileStatus::Ok) {
            let _ = write!(out, "| {} |", md_escape(&f.path));
            for c in &report.checks {
                let _ = write!(out, " {} |", cell(f.verdict_of(&c.id)));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let shown = shown_distributions(s);
    if !shown.is_empty() {
        out.push_str("## Extracted values\n\n");
        for (key, d) in shown {
            let values: Vec<String> = sorted_counts(d)
                .into_iter()
                .map(|(v, n)| format!("{v} ×{n}"))
                .collect();
            let _ = writeln!(out, "- `{key}`: {}", values.join(", "));
        }
        out.push('\n');
    }
    let flagged: Vec<&FileRecord> = report
        .files
        .iter()
        .filter(|f| f.findings.iter().any(|x| x.verdict >= Verdict::Warn))
        .collect();
    if !flagged.is_empty() {
        out.push_str("## Findings\n\n");
        for f in flagged {
            let _ = writeln!(out, "### {}\n", md_escape(&f.path));
            for x in f.findings.iter().filter(|x| x.verdict >= Verdict::Warn) {
                let _ = writeln!(
                    out,
                    "- **{}** `{}`: {}",
                    x.verdict,
                    x.check,
                    md_escape(&x.message)
                );
                if !x.params.is_empty() {
                    let params: Vec<String> = x
                        .params
                        .iter()
                        .map(|(k, v)| format!("{k}={}", value_text(v)))
                        .collect();
                    let _ = writeln!(out, "  - params: {}", md_escape(&params.join(", ")));
                }
                for e in &x.evidence {
                    let mut at = Vec::new();
                    if let Some(c) = &e.clause {
                        at.push(format!("clause {c}"));
                    }
                    if let Some(p) = e.location.page {
                        at.push(format!("page {p}"));
                    }
                    if let Some(p) = e.location.paragraph {
                        at.push(format!("paragraph {p}"));
                    }
                    if let Some(l) = e.location.line {
                        at.push(format!("line {l}"));
                    }
                    if let Some(about) = &e.about {
                        at.push(format!("on {about}"));
                    }
                    let _ = writeln!(out, "  - {}: > {}", at.join(", "), md_escape(&e.quote));
                }
            }
            out.push('\n');
        }
    }
    let unreadable: Vec<&FileRecord> = report
        .files
        .iter()
        .filter(|f| f.status == FileStatus::Error)
        .collect();
    if !unreadable.is_empty() {
        out.push_str("## Unreadable files\n\n");
        for f in unreadable {
            let _ = writeln!(
                out,
                "- {}: {}",
                md_escape(&f.path),
                md_escape(f.error.as_deref().unwrap_or("unknown error"))
            );
        }
        out.push('\n');
    }
    if !report.plugin_problems.is_empty() {
        out.push_str("## Refused plugins\n\n");
        for p in &report.plugin_problems {
            let _ = writeln!(out, "- {}: {}", md_escape(&p.path), md_escape(&p.message));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clauselint_model::{Evidence, Finding, Format, Location, Params, Span, Timings};

    fn record(path: &str, verdict: Option<Verdict>) -> FileRecord {
        let findings = verdict
            .map(|v| {
                let mut params = Params::new();
                params.insert("jurisdiction".into(), "US-NY".into());
                vec![Finding {
                    check: "governing-law".into(),
                    verdict: v,
                    message: "Governed by New York law.".into(),
                    evidence: vec![Evidence {
                        quote: "governed by the laws of the State of New York".into(),
                        clause: Some("12".into()),
                        span: Span::new(10, 56),
                        start: 10,
                        end: 56,
                        location: Location {
                            page: Some(3),
                            ..Location::default()
                        },
                        about: None,
                    }],
                    params,
                }]
            })
            .unwrap_or_default();
        FileRecord {
            path: path.into(),
            id: Some("abc".into()),
            format: Some(Format::Pdf),
            status: FileStatus::Ok,
            error: None,
            pages: Some(4),
            bytes: 100,
            findings,
            timings: Timings::default(),
        }
    }

    fn sample() -> Report {
        let files = vec![
            record("b.pdf", Some(Verdict::Warn)),
            record("a.pdf", Some(Verdict::Pass)),
            FileRecord::failed("c.pdf".into(), 5, "no text layer (needs OCR)".into()),
        ];
        Report::new(
            files,
            vec![CheckInfo::new("governing-law", "Governing law", "0.1.0")],
        )
    }

    #[test]
    fn jsonl_records_use_the_public_field_names() {
        let line = jsonl_record(&record("a.pdf", Some(Verdict::Pass))).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["path"], "a.pdf");
        assert_eq!(v["status"], "ok");
        assert_eq!(v["format"], "pdf");
        let f = &v["findings"][0];
        assert_eq!(f["check"], "governing-law");
        assert_eq!(f["verdict"], "pass");
        assert_eq!(f["params"]["jurisdiction"], "US-NY");
        let e = &f["evidence"][0];
        assert_eq!(e["clause"], "12");
        assert_eq!(e["page"], 3);
        assert_eq!(
            (e["start"].as_u64(), e["end"].as_u64()),
            (Some(10), Some(56))
        );
        assert!(e.get("paragraph").is_none());
        assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
    }

    #[test]
    fn failed_records_carry_the_error() {
        let line = jsonl_record(&FileRecord::failed("x.pdf".into(), 1, "boom".into())).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["status"], "error");
        assert_eq!(v["error"], "boom");
        assert_eq!(v["findings"], serde_json::json!([]));
    }

    #[test]
    fn terminal_summary_counts_add_up() {
        let text = terminal(&sample(), TerminalOptions::default());
        assert!(text.contains("a.pdf     pass"), "{text}");
        assert!(text.contains("b.pdf     WARN"), "{text}");
        let counts = text
            .lines()
            .find(|l| l.starts_with("governing-law "))
            .unwrap();
        let nums: Vec<&str> = counts.split_whitespace().skip(1).collect();
        assert_eq!(nums, ["1", "1", "0", "0", "0"]);
        assert!(text.contains("c.pdf: no text layer (needs OCR)"));
        assert!(text.contains("3 files: 2 audited, 1 unreadable"));
        assert!(text.contains("governing-law.jurisdiction: US-NY ×2"));
    }

    #[test]
    fn json_report_is_versioned_and_sorted() {
        let v: serde_json::Value = serde_json::from_str(&json(&sample()).unwrap()).unwrap();
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        let paths: Vec<&str> = v["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["a.pdf", "b.pdf", "c.pdf"]);
        assert_eq!(v["summary"]["checks"]["governing-law"]["warn"], 1);
    }

    #[test]
    fn markdown_quotes_non_passing_findings() {
        let md = markdown(&sample());
        assert!(md.contains("| governing-law | 1 | 1 | 0 | 0 | 0 |"), "{md}");
        assert!(md.contains("- **warn** `governing-law`"), "{md}");
        assert!(
            md.contains("clause 12, page 3: > governed by the laws"),
            "{md}"
        );
        assert!(md.contains("- c.pdf: no text layer (needs OCR)"));
    }

    #[test]
    fn control_characters_in_paths_and_messages_are_escaped() {
        let files = vec![FileRecord::failed(
            "evil\u{1b}[2Jname.pdf".into(),
            1,
            "bad\nthing".into(),
        )];
        let report = Report::new(files, vec![]);
        let text = terminal(&report, TerminalOptions::default());
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(
            text.contains("evil\\u{1b}[2Jname.pdf: bad\\nthing"),
            "{text}"
        );
        let md = markdown(&report);
        assert!(!md.contains('\u{1b}'), "{md:?}");
    }

    #[test]
    fn distributions_cover_any_check_with_numbers_or_codes() {
        let mut r = record("a.pdf", Some(Verdict::Fail));
        r.findings[0].check = "payment-terms-v2".into();
        r.findings[0].params.insert("net_days".into(), 45i64.into());
        r.findings[0].params.insert(
            "summary".into(),
            "a long piece of prose about the clause".into(),
        );
        let report = Report::new(vec![r], vec![]);
        let d = &report.summary.distributions;
        assert_eq!(d["payment-terms-v2.net_days"].counts["45"], 1);
        assert_eq!(d["payment-terms-v2.jurisdiction"].counts["US-NY"], 1);
        assert!(!d.contains_key("payment-terms-v2.summary"));
        let mut r = record("b.pdf", Some(Verdict::Pass));
        r.findings[0].params.insert("capped".into(), true.into());
        let report = Report::new(vec![r], vec![]);
        assert_eq!(
            report.summary.distributions["governing-law.capped"].counts["true"],
            1
        );
        let text = terminal(&report, TerminalOptions::default());
        assert!(
            text.contains("governing-law.jurisdiction: US-NY ×1"),
            "{text}"
        );
        assert!(
            !text.contains("capped"),
            "flags stay in the JSON report: {text}"
        );
    }

    #[test]
    fn many_checks_switch_the_matrix_to_symbols_with_a_legend() {
        let ids = [
            "governing-law",
            "non-compete",
            "data-deletion",
            "liability-cap",
        ];
        let checks: Vec<CheckInfo> = ids.iter().map(|id| CheckInfo::new(id, id, "0")).collect();
        let mut r = record("a.pdf", Some(Verdict::Warn));
        r.findings[0].verdict = Verdict::Fail;
        let report = Report::new(vec![r], checks);
        let wide = terminal(&report, TerminalOptions::default());
        assert!(wide.contains("a.pdf     FAIL"), "{wide}");
        let narrow = terminal(
            &report,
            TerminalOptions {
                color: false,
                width: 40,
            },
        );
        assert!(
            narrow.contains(
                "checks: 1 governing-law, 2 non-compete, 3 data-deletion, 4 liability-cap"
            ),
            "{narrow}"
        );
        assert!(
            narrow.contains("contract 1 2 3 4\na.pdf    F\n"),
            "{narrow}"
        );
        assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
    }
}
