//! Measures the check against the CUAD "Non-Compete" labels, contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run -p clauselint-check-non-compete --example cuad_eval
//! ```
//!
//! A contract is predicted positive when the check reports a covenant (a `scope` parameter),
//! and truly positive when CUAD labels a "Non-Compete" span. Precision is also given against
//! "Non-Compete" or "Exclusivity" labels, since the playbook counts exclusivity on the provider
//! as a restrictive covenant. Pass `-v` to print every miss, `--folds 0,1,2,3` to measure only
//! those folds (contract i is in fold i % 5).

use std::io::BufRead;

use clauselint_check_non_compete::NonCompete;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::{Check, Contract};

fn labelled<'a>(row: &'a serde_json::Value, label: &str) -> Vec<&'a str> {
    row["labels"][label]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["text"].as_str()).collect())
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "-v");
    // `--folds 0,1,2,3` keeps only those CUAD folds (contract i is in fold i % 5; fold 4 is
    // held out for the final measurement).
    let args: Vec<String> = std::env::args().collect();
    let folds: Option<Vec<usize>> = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .map(|f| f.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let check = NonCompete::new(Default::default())?;
    let (mut tp, mut fp, mut fn_, mut tn, mut fp_excl) = (0, 0, 0, 0, 0);
    let mut verdicts = std::collections::BTreeMap::new();
    let mut months = std::collections::BTreeMap::new();
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if folds.as_ref().is_some_and(|f| !f.contains(&(index % 5))) {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let gold = labelled(&row, "Non-Compete");
        let exclusivity = labelled(&row, "Exclusivity");
        let clauses = simple_clauses(text);
        let reports = check.check(&Contract::new(text, &clauses));
        let Some(report) = reports.first() else {
            continue;
        };
        let finding = report.finding();
        *verdicts.entry(finding.verdict.as_str()).or_insert(0) += 1;
        if let Some(m) = finding.params.get("duration_months") {
            *months.entry(format!("{m:?}")).or_insert(0) += 1;
        }
        let predicted = finding.params.contains_key("scope");
        let quote = finding
            .evidence
            .first()
            .map_or("", |e| &text[e.start..e.end]);
        match (predicted, !gold.is_empty()) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                if exclusivity.is_empty() {
                    fp_excl += 1;
                }
                if verbose {
                    let q = &quote[..clauselint_sdk::text::floor_boundary(quote, 300)];
                    println!(
                        "FP {id} (exclusivity label: {}): {q:?}",
                        !exclusivity.is_empty()
                    );
                }
            }
            (false, true) => {
                fn_ += 1;
                if verbose {
                    let g = gold.first().copied().unwrap_or("");
                    println!(
                        "FN {id}: {:?}",
                        &g[..clauselint_sdk::text::floor_boundary(g, 300)]
                    );
                }
            }
            (false, false) => tn += 1,
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    let lenient = f64::from(tp + fp - fp_excl) / f64::from((tp + fp).max(1));
    println!("contracts: {}", tp + fp + fn_ + tn);
    println!(
        "detection: tp={tp} fp={fp} fn={fn_} tn={tn} precision={precision:.3} recall={recall:.3}"
    );
    println!("precision counting Exclusivity labels as positive: {lenient:.3}");
    println!("verdicts: {verdicts:?}");
    println!("duration_months: {months:?}");
    Ok(())
}
