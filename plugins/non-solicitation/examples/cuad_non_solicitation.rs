//! Measures the check against the CUAD "No-Solicit Of Employees" and "No-Solicit Of
//! Customers" labels, contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run --release -p clauselint-check-non-solicitation --example cuad_non_solicitation -- --folds 0,1,2,3
//! ```
//!
//! A contract is predicted positive for a category when the check reports `employees = true`
//! (or `customers = true`). `-v` prints every false positive (with its quotes) and false
//! negative (with the labelled text); `--folds 0,1,2,3` keeps only those folds (contract i is
//! in fold i % 5). Per-fold F1 follows, and per category the share of quotes in true positives
//! that overlap a labelled span of that category.

use std::io::BufRead;

use clauselint_check_non_solicitation::NonSolicitation;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::{Check, Contract, ParamValue};

const CATEGORIES: [(&str, &str); 2] = [
    ("No-Solicit Of Employees", "employees"),
    ("No-Solicit Of Customers", "customers"),
];

/// The byte ranges of a category's labelled spans (CUAD offsets count characters).
fn labelled_bytes(row: &serde_json::Value, text: &str, label: &str) -> Vec<(usize, usize)> {
    let Some(spans) = row["labels"][label].as_array() else {
        return Vec::new();
    };
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    spans
        .iter()
        .filter_map(|x| {
            let start = usize::try_from(x["start"].as_u64()?).ok()?;
            let len = x["text"].as_str()?.len();
            let b = *starts.get(start)?;
            Some((b, b + len))
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    let folds: Option<Vec<usize>> = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .map(|f| f.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let check = NonSolicitation::new(Default::default())?;
    // Per category: tp, fp, fn, tn.
    let mut counts = [[0u32; 4]; 2];
    // Per category and fold: tp, fp, fn; per category quotes in true positives: in a
    // labelled span, all.
    let mut per_fold = [[[0u32; 3]; 5]; 2];
    let mut overlap = [[0u32; 2]; 2];
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if folds.as_ref().is_some_and(|f| !f.contains(&(index % 5))) {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let clauses = simple_clauses(text);
        let reports = check.check(&Contract::new(text, &clauses));
        let Some(finding) = reports.first().map(|r| r.finding()) else {
            continue;
        };
        for (k, (label, flag)) in CATEGORIES.iter().enumerate() {
            let gold: Vec<&str> = row["labels"][*label]
                .as_array()
                .map(|a| a.iter().filter_map(|x| x["text"].as_str()).collect())
                .unwrap_or_default();
            let predicted = finding.params.get(*flag) == Some(&ParamValue::Bool(true));
            match (predicted, !gold.is_empty()) {
                (true, true) => {
                    counts[k][0] += 1;
                    per_fold[k][index % 5][0] += 1;
                    let spans = labelled_bytes(&row, text, label);
                    for e in &finding.evidence {
                        overlap[k][1] += 1;
                        if spans.iter().any(|&(a, b)| e.start < b && a < e.end) {
                            overlap[k][0] += 1;
                        }
                    }
                }
                (true, false) => {
                    counts[k][1] += 1;
                    per_fold[k][index % 5][1] += 1;
                    if verbose {
                        for e in &finding.evidence {
                            let q = text.get(e.start..e.end).unwrap_or("");
                            println!("FP[{flag}] {id}: {:?}", &q[..floor_boundary(q, 400)]);
                        }
                    }
                }
                (false, true) => {
                    counts[k][2] += 1;
                    per_fold[k][index % 5][2] += 1;
                    if verbose {
                        for g in &gold {
                            println!("FN[{flag}] {id}: {:?}", &g[..floor_boundary(g, 400)]);
                        }
                    }
                }
                (false, false) => counts[k][3] += 1,
            }
        }
    }
    for (k, (label, _)) in CATEGORIES.iter().enumerate() {
        let [tp, fp, fn_, tn] = counts[k];
        let p = f64::from(tp) / f64::from((tp + fp).max(1));
        let r = f64::from(tp) / f64::from((tp + fn_).max(1));
        let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
        println!("{label}: tp={tp} fp={fp} fn={fn_} tn={tn} P={p:.3} R={r:.3} F1={f1:.3}");
        for (fold, [tp, fp, fn_]) in per_fold[k].iter().enumerate() {
            if tp + fp + fn_ > 0 {
                let f1 = 2.0 * f64::from(*tp) / f64::from((2 * tp + fp + fn_).max(1));
                println!("  fold {fold}: tp={tp} fp={fp} fn={fn_} F1={f1:.3}");
            }
        }
        let [hit, all] = overlap[k];
        println!(
            "  quotes in true positives overlapping a labelled span: {hit}/{all} ({:.1}%)",
            100.0 * f64::from(hit) / f64::from(all.max(1))
        );
    }
    Ok(())
}
