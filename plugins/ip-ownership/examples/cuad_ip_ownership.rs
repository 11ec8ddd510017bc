//! Measures the check against the CUAD "Ip Ownership Assignment" labels, contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run --release -p clauselint-check-ip-ownership --example cuad_ip_ownership -- --folds 0,1,2,3
//! ```
//!
//! A contract is predicted positive when the check reports `assignment = true` (the mapping of
//! `clauselint eval`). Besides precision, recall and F1 (per fold and in total) it prints the
//! share of evidence quotes of true positives that overlap a labelled span (the measure of
//! `clauselint eval`). `--folds 0,1,2,3` keeps only those folds (contract i is in fold i % 5;
//! fold 4 is held out); `-v` prints every miss with its quotes or the labelled text, and every
//! quote of a true positive outside the labelled spans.

use std::io::BufRead;

use clauselint_check_ip_ownership::IpOwnership;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::{Check, Contract, ParamValue};

const CATEGORY: &str = "Ip Ownership Assignment";

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

fn short(q: &str, n: usize) -> &str {
    &q[..floor_boundary(q, n)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    let folds: Option<Vec<usize>> = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .map(|f| f.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let check = IpOwnership::new(Default::default())?;
    // Per fold: tp, fp, fn.
    let mut per_fold = [[0u32; 3]; 5];
    let (mut quotes, mut overlapping) = (0u32, 0u32);
    let mut verdicts = std::collections::BTreeMap::new();
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if folds.as_ref().is_some_and(|f| !f.contains(&(index % 5))) {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let clauses = simple_clauses(text);
        let reports = check.check(&Contract::new(text, &clauses));
        let Some(report) = reports.first() else {
            continue;
        };
        let f = report.finding();
        *verdicts.entry(f.verdict.as_str()).or_insert(0) += 1;
        let predicted = matches!(f.params.get("assignment"), Some(ParamValue::Bool(true)));
        let gold = labelled_bytes(&row, text, CATEGORY);
        let slot = match (predicted, !gold.is_empty()) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => continue,
        };
        per_fold[index % 5][slot] += 1;
        if slot == 0 {
            for e in &f.evidence {
                quotes += 1;
                if gold.iter().any(|&(a, b)| e.start < b && a < e.end) {
                    overlapping += 1;
                } else if verbose {
                    let q = text.get(e.start..e.end).unwrap_or("");
                    println!("TP {id} unlabelled quote: {:?}", short(q, 300));
                }
            }
        }
        if verbose && slot == 1 {
            println!("FP {id}: {}", f.message);
            for e in &f.evidence {
                let q = text.get(e.start..e.end).unwrap_or("");
                println!("   quote: {:?}", short(q, 400));
            }
        }
        if verbose && slot == 2 {
            println!("FN {id}: {}", f.message);
            for &(a, b) in gold.iter().take(3) {
                let g = text.get(a..b).unwrap_or("");
                println!("   gold: {:?}", short(g, 300));
            }
        }
    }
    let f1 = |[tp, fp, fn_]: [u32; 3]| {
        let p = f64::from(tp) / f64::from((tp + fp).max(1));
        let r = f64::from(tp) / f64::from((tp + fn_).max(1));
        (p, r, 2.0 * p * r / (p + r).max(f64::EPSILON))
    };
    let mut total = [0u32; 3];
    for (fold, c) in per_fold.iter().enumerate() {
        for k in 0..3 {
            total[k] += c[k];
        }
        if c.iter().sum::<u32>() > 0 {
            let (p, r, f) = f1(*c);
            println!(
                "fold {fold}: tp={} fp={} fn={} P={p:.3} R={r:.3} F1={f:.3}",
                c[0], c[1], c[2]
            );
        }
    }
    let (p, r, f) = f1(total);
    println!(
        "{CATEGORY}: tp={} fp={} fn={} P={p:.3} R={r:.3} F1={f:.3}",
        total[0], total[1], total[2]
    );
    println!(
        "evidence quotes of true positives overlapping a labelled span: {overlapping}/{quotes} = {:.3}",
        f64::from(overlapping) / f64::from(quotes.max(1))
    );
    println!("verdicts: {verdicts:?}");
    Ok(())
}
