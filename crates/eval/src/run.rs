//! The evaluation run: every contract ingested and checked in parallel, scored per category.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Instant;

use clauselint_engine::{PluginSet, Prepared, WORKER_THREAD_PREFIX};
use clauselint_model::{Finding, ParamValue, Verdict};
use rayon::prelude::*;
use serde::Serialize;

use crate::Error;
use crate::align::OffsetMap;
use crate::cuad::{LabelSpan, LabelledContract, Lines, RawLine};
use crate::label::label_jurisdictions;
use crate::mapping::{CategoryCheck, TABLE};
use crate::metrics::{Counts, mean_sd, ratio};

/// Longest quote or span kept for error listings, in characters.
const EXAMPLE_CHARS: usize = 240;

/// How an evaluation runs.
#[derive(Debug, Clone)]
pub struct EvalOptions {
    /// Number of cross-validation folds: contract `i` is in fold `i % folds`.
    pub folds: usize,
    /// Score only this fold.
    pub fold: Option<usize>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Keep false positives and false negatives (with quotes) for listing.
    pub keep_errors: bool,
    /// The held-out fold: scored apart from the others, and its errors never listed, so that
    /// rules developed on the other folds can be judged on contracts nobody has read.
    pub hold_out: Option<usize>,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            folds: 5,
            fold: None,
            jobs: 0,
            keep_errors: false,
            hold_out: None,
        }
    }
}

/// A share: `n` of `of`, and the ratio when `of > 0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Share {
    /// How many qualify.
    pub n: usize,
    /// Out of how many.
    pub of: usize,
    /// `n / of`; `null` when `of` is 0.
    pub share: Option<f64>,
}

impl Share {
    fn new(n: usize, of: usize) -> Share {
        Share {
            n,
            of,
            share: ratio(n, of),
        }
    }
}

/// One contract the check got wrong, for `--show-errors`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    /// The contract's id.
    pub id: String,
    /// The contract's cross-validation fold.
    pub fold: usize,
    /// The evidence quote (false positive) or labelled span (false negative), trimmed and
    /// cut to a readable length; for a wrong jurisdiction, what the label and the check said.
    pub text: String,
}

/// The contracts a check got wrong in one category.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Errors {
    /// Found by the check, not labelled.
    pub false_positives: Vec<Example>,
    /// Labelled, not found by the check.
    pub false_negatives: Vec<Example>,
    /// Governing law only: found, but the jurisdiction differs from the label's.
    pub wrong_jurisdiction: Vec<Example>,
    /// True positives: a quote of the clause itself that overlaps no labelled span.
    pub quotes_outside: Vec<Example>,
    /// Errors of the held-out fold, counted but not listed.
    pub held_out_unlisted: usize,
}

/// A category's figures split into the development folds and the held-out one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeldOut {
    /// The held-out fold.
    pub fold: usize,
    /// Confusion counts of the other folds together.
    pub development: Counts,
    /// Their F1.
    pub development_f1: Option<f64>,
    /// Confusion counts of the held-out fold.
    pub held_out: Counts,
    /// Its F1.
    pub held_out_f1: Option<f64>,
}

/// One fold's figures for one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoldResult {
    /// The fold number.
    pub fold: usize,
    /// Its confusion counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Its F1 (`null` when nothing was labelled or found in the fold).
    pub f1: Option<f64>,
}

/// The figures for one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryResult {
    /// The labelled category.
    pub category: String,
    /// The check that answers it.
    pub check: String,
    /// Which findings count as positive.
    pub rule: String,
    /// Contracts scored (those whose labels include the category).
    pub contracts: usize,
    /// Contract-level confusion counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// Contract-level precision.
    pub precision: Option<f64>,
    /// Contract-level recall.
    pub recall: Option<f64>,
    /// Contract-level F1.
    pub f1: Option<f64>,
    /// Quotes of the category's clause in true-positive findings (see
    /// [`crate::mapping::CategoryCheck::scored_quotes`]) that overlap a labelled span of it.
    pub evidence_in_span: Share,
    /// Governing law: true positives whose normalised jurisdiction is the one the labelled
    /// spans name (any of them, when a contract has two governing-law clauses); only
    /// contracts whose label names one count.
    pub jurisdiction_correct: Option<Share>,
    /// Contracts on which the check reported an `error`.
    pub check_errors: usize,
    /// Per-fold figures, in fold order.
    pub folds: Vec<FoldResult>,
    /// Mean of the per-fold F1 values that are defined.
    pub f1_mean: Option<f64>,
    /// Sample standard deviation (n − 1) of the per-fold F1 values.
    pub f1_sd: Option<f64>,
    /// Development folds against the held-out one, when a fold is held out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_out: Option<HeldOut>,
    /// The contracts it got wrong, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors>,
}

/// A mapped category that was not scored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The category.
    pub category: String,
    /// The check it maps to.
    pub check: String,
    /// Why it was not scored.
    pub reason: String,
}

/// How the text the checks saw compares with the labelled text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TextFidelity {
    /// Ingested text identical to the labelled text.
    pub identical: usize,
    /// Different only by whitespace and invisible characters the reader drops (offsets are
    /// mapped back exactly).
    pub whitespace_only: usize,
    /// With other differences (characters changed in decoding); offsets mapped by alignment.
    pub changed: usize,
    /// Not readable by the ingest at all (scored as "nothing found").
    pub unreadable: usize,
}

/// One check's share of the checking time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckTiming {
    /// The check id.
    pub check: String,
    /// Its time summed over contracts, milliseconds.
    pub ms_total: f64,
    /// Its mean time per contract, milliseconds.
    pub ms_per_contract: f64,
}

/// Where the time went. Times are per-contract wall-clock times on the workers, summed: on a
/// machine busy with other work they grow together, so compare them with each other rather
/// than with other runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timing {
    /// Ingest time summed over contracts, milliseconds.
    pub ingest_ms_total: f64,
    /// Time of all checks together summed over contracts, milliseconds, including preparing
    /// each document for them once (sentences and matching form, shared by every check).
    pub checks_ms_total: f64,
    /// Mean ingest time per contract, milliseconds.
    pub ingest_ms_per_contract: f64,
    /// Mean time of all checks together per contract, milliseconds.
    pub checks_ms_per_contract: f64,
    /// Of that, mean time per contract of preparing the document for the checks.
    pub prepare_ms_per_contract: f64,
    /// Checks time / ingest time.
    pub checks_to_ingest: Option<f64>,
    /// Wall-clock time of the whole run, milliseconds.
    pub wall_ms: f64,
    /// Each check's time, in load order.
    pub by_check: Vec<CheckTiming>,
}

/// A contract the ingest could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The contract's id.
    pub id: String,
    /// Why.
    pub error: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The labelled file.
    pub file: String,
    /// Contracts in the file.
    pub contracts_in_file: usize,
    /// Contracts scored (all, or those of `fold`).
    pub contracts: usize,
    /// Number of folds.
    pub folds: usize,
    /// The one fold scored, if restricted.
    pub fold: Option<usize>,
    /// The held-out fold, if any.
    pub hold_out: Option<usize>,
    /// Ids of the loaded checks.
    pub checks_loaded: Vec<String>,
    /// Figures per scored category, in mapping-table order.
    pub categories: Vec<CategoryResult>,
    /// Mapped categories not scored.
    pub skipped: Vec<Skipped>,
    /// Ingested text against labelled text.
    pub text: TextFidelity,
    /// Contracts the ingest could not read.
    pub unreadable: Vec<Unreadable>,
    /// Cost of ingest and checks.
    pub timing: Timing,
}

/// One contract's answer for one category.
#[derive(Debug, Clone, Default)]
struct Outcome {
    labelled: bool,
    predicted: bool,
    quotes: usize,
    overlapping: usize,
    /// (the label's codes, the check's code) when the label names a jurisdiction and the
    /// check hit.
    jurisdiction: Option<(Vec<&'static str>, Option<String>)>,
    check_error: bool,
    example: Option<String>,
    /// With `keep_errors`: the clause quotes that overlap no labelled span.
    outside: Vec<String>,
}

enum Scored {
    /// A contract of another fold, only counted.
    Skipped,
    Done(Box<ContractResult>),
}

struct ContractResult {
    index: usize,
    id: String,
    ingest_us: u64,
    /// Time of preparing the document for the plugins once (sentences, matching form).
    prepare_us: u64,
    /// Time of each loaded check, in load order (empty when the text was unreadable).
    checks_us: Vec<u64>,
    fidelity: Fidelity,
    ingest_error: Option<String>,
    /// Per active row; `None` when the contract does not label the category.
    outcomes: Vec<Option<Outcome>>,
}

#[derive(Clone, Copy)]
enum Fidelity {
    Identical,
    WhitespaceOnly,
    Changed,
    Unreadable,
}

/// Runs the loaded checks on every contract of a CUAD-format file (plain or gzip'd JSON Lines)
/// and scores them against the labels.
pub fn evaluate(
    path: &Path,
    plugins: &PluginSet,
    options: &EvalOptions,
) -> Result<Evaluation, Error> {
    if options.folds == 0 {
        return Err(Error::Options("--folds must be at least 1".to_owned()));
    }
    if let Some(f) = options.fold
        && f >= options.folds
    {
        return Err(Error::Options(format!(
            "--fold {f} does not exist with {} folds (folds are 0 to {})",
            options.folds,
            options.folds - 1
        )));
    }
    if let Some(h) = options.hold_out {
        if h >= options.folds || options.folds < 2 {
            return Err(Error::Options(format!(
                "--hold-out {h} does not exist with {} folds (folds are 0 to {}, and one must \
                 remain)",
                options.folds,
                options.folds - 1
            )));
        }
        if options.fold.is_some() {
            return Err(Error::Options(
                "--hold-out and --fold do not go together: --fold already scores one fold"
                    .to_owned(),
            ));
        }
    }
    let started = Instant::now();
    let (active, mut skipped): (Vec<&CategoryCheck>, Vec<Skipped>) = {
        let mut active = Vec::new();
        let mut skipped = Vec::new();
        for row in TABLE {
            if plugins.get(row.check).is_some() {
                active.push(row);
            } else {
                skipped.push(Skipped {
                    category: row.category.to_owned(),
                    check: row.check.to_owned(),
                    reason: format!("check `{}` is not loaded", row.check),
                });
            }
        }
        (active, skipped)
    };
    let lines = Lines::open(path)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .thread_name(|i| format!("{WORKER_THREAD_PREFIX}{i}"))
        .build()
        .map_err(|e| Error::ThreadPool(e.to_string()))?;
    let results: Vec<Result<Scored, Error>> = pool.install(|| {
        lines
            .par_bridge()
            .map(|line| score_line(line?, path, plugins, &active, options))
            .collect()
    });
    let mut contracts = Vec::with_capacity(results.len());
    let mut contracts_in_file = 0;
    let mut first_error: Option<(usize, Error)> = None;
    for r in results {
        match r {
            Ok(Scored::Skipped) => contracts_in_file += 1,
            Ok(Scored::Done(c)) => {
                contracts_in_file += 1;
                contracts.push(*c);
            }
            Err(e) => {
                // Report the earliest broken line, whatever order the workers finished in.
                let line = error_line(&e);
                if first_error.as_ref().is_none_or(|(l, _)| line < *l) {
                    first_error = Some((line, e));
                }
            }
        }
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    contracts.sort_by_key(|c| c.index);
    let mut categories = Vec::new();
    for (ri, row) in active.iter().enumerate() {
        let result = aggregate(row, ri, &contracts, options);
        if result.contracts == 0 {
            skipped.push(Skipped {
                category: row.category.to_owned(),
                check: row.check.to_owned(),
                reason: "no contract in the file labels this category".to_owned(),
            });
        } else {
            categories.push(result);
        }
    }
    let mut text = TextFidelity::default();
    let mut unreadable = Vec::new();
    let (mut ingest_us, mut prepare_us, mut checks_us) = (0u64, 0u64, 0u64);
    let mut by_check = vec![0u64; plugins.len()];
    for c in &contracts {
        match c.fidelity {
            Fidelity::Identical => text.identical += 1,
            Fidelity::WhitespaceOnly => text.whitespace_only += 1,
            Fidelity::Changed => text.changed += 1,
            Fidelity::Unreadable => text.unreadable += 1,
        }
        if let Some(e) = &c.ingest_error {
            unreadable.push(Unreadable {
                id: c.id.clone(),
                error: e.clone(),
            });
        }
        ingest_us = ingest_us.saturating_add(c.ingest_us);
        prepare_us = prepare_us.saturating_add(c.prepare_us);
        checks_us = checks_us.saturating_add(c.prepare_us);
        for (total, us) in by_check.iter_mut().zip(&c.checks_us) {
            *total = total.saturating_add(*us);
            checks_us = checks_us.saturating_add(*us);
        }
    }
    let n = contracts.len().max(1) as f64;
    let timing = Timing {
        ingest_ms_total: ingest_us as f64 / 1000.0,
        checks_ms_total: checks_us as f64 / 1000.0,
        ingest_ms_per_contract: ingest_us as f64 / 1000.0 / n,
        checks_ms_per_contract: checks_us as f64 / 1000.0 / n,
        prepare_ms_per_contract: prepare_us as f64 / 1000.0 / n,
        checks_to_ingest: (ingest_us > 0).then(|| checks_us as f64 / ingest_us as f64),
        wall_ms: started.elapsed().as_secs_f64() * 1000.0,
        by_check: plugins
            .iter()
            .zip(by_check)
            .map(|(p, us)| CheckTiming {
                check: p.info().id.clone(),
                ms_total: us as f64 / 1000.0,
                ms_per_contract: us as f64 / 1000.0 / n,
            })
            .collect(),
    };
    Ok(Evaluation {
        file: path.display().to_string(),
        contracts_in_file,
        contracts: contracts.len(),
        folds: options.folds,
        fold: options.fold,
        hold_out: options.hold_out,
        checks_loaded: plugins.iter().map(|p| p.info().id.clone()).collect(),
        categories,
        skipped,
        text,
        unreadable,
        timing,
    })
}

fn error_line(e: &Error) -> usize {
    match e {
        Error::Read { line, .. } | Error::Record { line, .. } | Error::Label { line, .. } => *line,
        _ => 0,
    }
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

fn score_line(
    line: RawLine,
    path: &Path,
    plugins: &PluginSet,
    active: &[&CategoryCheck],
    options: &EvalOptions,
) -> Result<Scored, Error> {
    if options
        .fold
        .is_some_and(|f| line.index % options.folds != f)
    {
        return Ok(Scored::Skipped);
    }
    let contract = LabelledContract::parse(&line.text, path, line.line_no)?;
    drop(line.text);
    Ok(Scored::Done(Box::new(score_contract(
        line.index, contract, plugins, active, options,
    ))))
}

/// Ingests one contract's text the way `audit` ingests a text file, runs every check on it
/// and scores each active category.
fn score_contract(
    index: usize,
    contract: LabelledContract,
    plugins: &PluginSet,
    active: &[&CategoryCheck],
    options: &EvalOptions,
) -> ContractResult {
    let started = Instant::now();
    let read = catch_unwind(AssertUnwindSafe(|| {
        clauselint_ingest::read(contract.text.as_bytes())
    }));
    let ingest_us = micros(started);
    let doc = match read {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the reader panicked".to_owned()),
    };
    let (findings, prepare_us, checks_us, map, fidelity, ingest_error) = match doc {
        Ok(doc) => {
            // What `PluginSet::check` does, one plugin at a time to time each: the document is
            // prepared once for all of them.
            let started = Instant::now();
            let prepared = Prepared::new(&doc);
            let prepare_us = micros(started);
            let mut findings = Vec::new();
            let mut checks_us = Vec::with_capacity(plugins.len());
            for plugin in plugins.iter() {
                let started = Instant::now();
                findings.extend(plugin.check_prepared(&prepared));
                checks_us.push(micros(started));
            }
            let map = OffsetMap::new(&doc.text, &contract.text);
            let fidelity = if map.is_identity() {
                Fidelity::Identical
            } else if map.substitutions() == 0 {
                Fidelity::WhitespaceOnly
            } else {
                Fidelity::Changed
            };
            (findings, prepare_us, checks_us, Some(map), fidelity, None)
        }
        Err(e) => (
            Vec::new(),
            0,
            Vec::new(),
            None,
            Fidelity::Unreadable,
            Some(e),
        ),
    };
    let outcomes = active
        .iter()
        .map(|row| {
            let spans = contract.labels.get(row.category)?;
            Some(score_category(
                row,
                spans,
                &findings,
                map.as_ref(),
                options.keep_errors,
            ))
        })
        .collect();
    ContractResult {
        index,
        id: contract.id,
        ingest_us,
        prepare_us,
        checks_us,
        fidelity,
        ingest_error,
        outcomes,
    }
}

fn score_category(
    row: &CategoryCheck,
    spans: &[LabelSpan],
    findings: &[Finding],
    map: Option<&OffsetMap>,
    keep_errors: bool,
) -> Outcome {
    let mine: Vec<&Finding> = findings.iter().filter(|f| f.check == row.check).collect();
    let hits: Vec<&Finding> = mine
        .iter()
        .copied()
        .filter(|f| row.rule.matches(f))
        .collect();
    let mut out = Outcome {
        labelled: !spans.is_empty(),
        predicted: !hits.is_empty(),
        check_error: mine.iter().any(|f| f.verdict == Verdict::Error),
        ..Outcome::default()
    };
    if out.labelled && out.predicted {
        // The category's clause: a supporting quote (a venue beside the governing law) is not
        // the clause the category labels.
        for ev in hits.iter().flat_map(|f| row.scored_quotes(f)) {
            out.quotes += 1;
            let (s, e) = match map {
                Some(m) => (m.start(ev.start), m.end(ev.end)),
                None => (ev.start, ev.end),
            };
            if spans.iter().any(|l| s < l.end() && l.start < e) {
                out.overlapping += 1;
            } else if keep_errors {
                out.outside.push(shorten(&ev.quote));
            }
        }
        let labels = match row.jurisdiction_param {
            Some(_) => label_jurisdictions(spans),
            None => Vec::new(),
        };
        if let Some(param) = row.jurisdiction_param
            && !labels.is_empty()
        {
            let got = hits.iter().find_map(|f| match f.params.get(param) {
                Some(ParamValue::Text(code)) => Some(code.clone()),
                _ => None,
            });
            if keep_errors && !got.as_deref().is_some_and(|g| labels.contains(&g)) {
                out.example = Some(format!(
                    "label {}, check {}",
                    labels.join(" or "),
                    got.as_deref().unwrap_or("none")
                ));
            }
            out.jurisdiction = Some((labels, got));
        }
    }
    if keep_errors {
        if out.predicted && !out.labelled {
            out.example = Some(
                hits.iter()
                    .flat_map(|f| &f.evidence)
                    .map(|e| e.quote.as_str())
                    .next()
                    .map_or_else(
                        || format!("(no quote) {}", hits[0].message),
                        |q| q.to_owned(),
                    ),
            );
        } else if out.labelled && !out.predicted {
            out.example = spans.first().map(|s| s.text.clone());
        }
        out.example = out.example.map(|t| shorten(&t));
    }
    out
}

/// Collapses whitespace and cuts to [`EXAMPLE_CHARS`], for one-line listings.
fn shorten(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= EXAMPLE_CHARS {
        return joined;
    }
    let mut cut: String = joined.chars().take(EXAMPLE_CHARS).collect();
    cut.push('…');
    cut
}

fn aggregate(
    row: &CategoryCheck,
    ri: usize,
    contracts: &[ContractResult],
    options: &EvalOptions,
) -> CategoryResult {
    let mut counts = Counts::default();
    let mut per_fold = vec![Counts::default(); options.folds];
    let (mut quotes, mut overlapping) = (0, 0);
    let (mut jur_hits, mut jur_ok) = (0, 0);
    let mut check_errors = 0;
    let mut errors = Errors::default();
    for c in contracts {
        let Some(Some(o)) = c.outcomes.get(ri) else {
            continue;
        };
        counts.add(o.labelled, o.predicted);
        per_fold[c.index % options.folds].add(o.labelled, o.predicted);
        quotes += o.quotes;
        overlapping += o.overlapping;
        if o.check_error {
            check_errors += 1;
        }
        if let Some((labels, got)) = &o.jurisdiction {
            jur_hits += 1;
            if got.as_deref().is_some_and(|g| labels.contains(&g)) {
                jur_ok += 1;
            }
        }
        let unread = options.hold_out == Some(c.index % options.folds);
        if options.keep_errors && unread {
            errors.held_out_unlisted += o.outside.len() + usize::from(o.example.is_some());
        } else if options.keep_errors {
            errors
                .quotes_outside
                .extend(o.outside.iter().map(|text| Example {
                    id: c.id.clone(),
                    fold: c.index % options.folds,
                    text: text.clone(),
                }));
        }
        if let Some(text) = o.example.as_ref().filter(|_| !unread) {
            let example = Example {
                id: c.id.clone(),
                fold: c.index % options.folds,
                text: text.clone(),
            };
            match (o.labelled, o.predicted) {
                (false, true) => errors.false_positives.push(example),
                (true, false) => errors.false_negatives.push(example),
                _ => errors.wrong_jurisdiction.push(example),
            }
        }
    }
    let held_out = options.hold_out.map(|h| {
        let mut development = Counts::default();
        for (_, fold) in per_fold.iter().enumerate().filter(|(i, _)| *i != h) {
            development.merge(fold);
        }
        let held = per_fold.get(h).copied().unwrap_or_default();
        HeldOut {
            fold: h,
            development,
            development_f1: development.f1(),
            held_out: held,
            held_out_f1: held.f1(),
        }
    });
    let folds: Vec<FoldResult> = per_fold
        .into_iter()
        .enumerate()
        .filter(|(i, _)| options.fold.is_none_or(|f| f == *i))
        .map(|(fold, counts)| FoldResult {
            fold,
            counts,
            f1: counts.f1(),
        })
        .collect();
    let (f1_mean, f1_sd) = mean_sd(&folds.iter().map(|f| f.f1).collect::<Vec<_>>());
    CategoryResult {
        category: row.category.to_owned(),
        check: row.check.to_owned(),
        rule: row.rule.describe(),
        contracts: counts.total(),
        counts,
        precision: counts.precision(),
        recall: counts.recall(),
        f1: counts.f1(),
        evidence_in_span: Share::new(overlapping, quotes),
        jurisdiction_correct: row.jurisdiction_param.map(|_| Share::new(jur_ok, jur_hits)),
        check_errors,
        folds,
        f1_mean,
        f1_sd,
        held_out,
        errors: options.keep_errors.then_some(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clauselint_model::{Evidence, Params, Span};

    fn finding(check: &str, verdict: Verdict, quote: (usize, usize), jur: &str) -> Finding {
        let mut params = Params::new();
        params.insert("jurisdiction".into(), jur.into());
        Finding {
            check: check.into(),
            verdict,
            message: "m".into(),
            evidence: vec![Evidence {
                quote: "the quote".into(),
                clause: None,
                span: Span::new(0, 0),
                start: quote.0,
                end: quote.1,
                location: Default::default(),
                about: None,
            }],
            params,
        }
    }

    fn gl() -> &'static CategoryCheck {
        TABLE.iter().find(|r| r.check == "governing-law").unwrap()
    }

    fn span(text: &str, start: usize) -> LabelSpan {
        LabelSpan {
            text: text.into(),
            start,
        }
    }

    #[test]
    fn a_true_positive_scores_overlap_and_jurisdiction() {
        let spans = [span("governed by the laws of the State of Ohio", 100)];
        let f = finding("governing-law", Verdict::Pass, (130, 160), "US-OH");
        let o = score_category(gl(), &spans, &[f], None, true);
        assert!(o.labelled && o.predicted);
        assert_eq!((o.quotes, o.overlapping), (1, 1));
        assert_eq!(o.jurisdiction, Some((vec!["US-OH"], Some("US-OH".into()))));
        assert_eq!(o.example, None);
        // The same finding quoting elsewhere, with another jurisdiction.
        let f = finding("governing-law", Verdict::Warn, (10, 100), "US-NY");
        let o = score_category(gl(), &spans, &[f], None, true);
        assert_eq!(
            (o.quotes, o.overlapping),
            (1, 0),
            "touching is not overlapping"
        );
        assert_eq!(o.example.as_deref(), Some("label US-OH, check US-NY"));
    }

    #[test]
    fn evidence_offsets_go_through_the_offset_map() {
        // The ingested text lost a blank line before the span, so its offsets are 2 lower.
        let source = "A.\n\n\nOhio law.";
        let map = OffsetMap::new("A.\nOhio law.\n", source);
        let spans = [span("Ohio law.", 5)];
        let f = finding("governing-law", Verdict::Pass, (3, 4), "US-OH");
        let o = score_category(gl(), &spans, std::slice::from_ref(&f), Some(&map), false);
        assert_eq!(o.overlapping, 1);
        let o = score_category(gl(), &spans, &[f], None, false);
        assert_eq!(o.overlapping, 0, "unmapped, the quote misses the span");
    }

    #[test]
    fn misses_false_alarms_and_errors_are_told_apart() {
        let spans = [span("the laws of Ohio", 0)];
        let missing = finding("governing-law", Verdict::Missing, (0, 1), "");
        let o = score_category(gl(), &spans, std::slice::from_ref(&missing), None, true);
        assert!(o.labelled && !o.predicted && !o.check_error);
        assert_eq!(o.example.as_deref(), Some("the laws of Ohio"));
        let o = score_category(gl(), &[], &[missing], None, true);
        assert!(!o.labelled && !o.predicted && o.example.is_none());
        let other = finding("non-compete", Verdict::Fail, (0, 1), "");
        let err = Finding::error("governing-law", "boom");
        let o = score_category(gl(), &[], &[other, err], None, true);
        assert!(!o.predicted && o.check_error, "an error is not a hit");
        let hit = finding("governing-law", Verdict::Fail, (0, 1), "US-OH");
        let o = score_category(gl(), &[], &[hit], None, true);
        assert!(o.predicted && !o.labelled);
        assert_eq!(o.example.as_deref(), Some("the quote"));
    }

    #[test]
    fn examples_are_one_line_and_bounded() {
        assert_eq!(shorten("  a\n\n b  "), "a b");
        let long = "x ".repeat(400);
        assert_eq!(shorten(&long).chars().count(), EXAMPLE_CHARS + 1);
    }
}
