//! Measures the check against the CUAD "Termination For Convenience" labels, contract by
//! contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run --release -p clauselint-check-termination --example cuad_termination -- --folds 0,1,2,3
//! ```
//!
//! A contract is predicted positive when the check reports `for_convenience = true` with a
//! quote. `-v` prints every false positive (with its quote) and false negative (with the
//! labelled text); `--folds 0,1,2,3` keeps only those folds (contract i is in fold i % 5).
//! Per-fold F1 follows the totals, and the share of quotes in true positives that overlap a
//! labelled span (CUAD offsets count characters; they are mapped to bytes here).

use std::io::BufRead;

use clauselint_check_termination::Termination;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::{Check, Contract, ParamValue};

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
    let check = Termination::new(Default::default())?;
    let (mut tp, mut fp, mut fn_, mut tn) = (0u32, 0u32, 0u32, 0u32);
    // Per fold: tp, fp, fn; quotes in true positives: overlapping a label, all.
    let mut per_fold = [[0u32; 3]; 5];
    let (mut in_span, mut quotes) = (0u32, 0u32);
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if folds.as_ref().is_some_and(|f| !f.contains(&(index % 5))) {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let gold: Vec<&str> = row["labels"]["Termination For Convenience"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["text"].as_str()).collect())
            .unwrap_or_default();
        let clauses = simple_clauses(text);
        let reports = check.check(&Contract::new(text, &clauses));
        let Some(finding) = reports.first().map(|r| r.finding()) else {
            continue;
        };
        let predicted = finding.params.get("for_convenience") == Some(&ParamValue::Bool(true))
            && !finding.evidence.is_empty();
        match (predicted, !gold.is_empty()) {
            (true, true) => {
                tp += 1;
                per_fold[index % 5][0] += 1;
                let spans = labelled_bytes(&row, text, "Termination For Convenience");
                for e in &finding.evidence {
                    quotes += 1;
                    if spans.iter().any(|&(a, b)| e.start < b && a < e.end) {
                        in_span += 1;
                    } else if verbose {
                        let q = text.get(e.start..e.end).unwrap_or("");
                        println!("OUT {id}: {:?}", &q[..floor_boundary(q, 300)]);
                    }
                }
            }
            (true, false) => {
                fp += 1;
                per_fold[index % 5][1] += 1;
                if verbose {
                    for e in &finding.evidence {
                        let q = text.get(e.start..e.end).unwrap_or("");
                        println!("FP {id}: {:?}", &q[..floor_boundary(q, 400)]);
                    }
                }
            }
            (false, true) => {
                fn_ += 1;
                per_fold[index % 5][2] += 1;
                if verbose {
                    for g in &gold {
                        println!("FN {id}: {:?}", &g[..floor_boundary(g, 400)]);
                    }
                }
            }
            (false, false) => tn += 1,
        }
    }
    for (fold, [tp, fp, fn_]) in per_fold.iter().enumerate() {
        if tp + fp + fn_ == 0 {
            continue;
        }
        let p = f64::from(*tp) / f64::from((tp + fp).max(1));
        let r = f64::from(*tp) / f64::from((tp + fn_).max(1));
        let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
        println!("fold {fold}: tp={tp} fp={fp} fn={fn_} F1={f1:.3}");
    }
    println!(
        "quotes in true positives overlapping a labelled span: {in_span}/{quotes} ({:.1}%)",
        100.0 * f64::from(in_span) / f64::from(quotes.max(1))
    );
    let p = f64::from(tp) / f64::from((tp + fp).max(1));
    let r = f64::from(tp) / f64::from((tp + fn_).max(1));
    let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
    println!("tp={tp} fp={fp} fn={fn_} tn={tn} P={p:.3} R={r:.3} F1={f1:.3}");
    Ok(())
}
