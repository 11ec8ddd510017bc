//! Measures the check against the CUAD "Governing Law" labels, contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run -p clauselint-check-governing-law --example cuad_governing_law
//! ```
//!
//! Detection: a contract is predicted positive when the check extracts a jurisdiction (or finds a
//! clause whose jurisdiction is redacted, `jurisdiction_redacted`), and is
//! truly positive when CUAD labels a "Governing Law" span. Jurisdiction agreement: the extracted
//! code is among the places named in the labelled spans. Pass `-v` to print every miss,
//! `--folds 0,1,2,3` to measure only those folds (contract i is in fold i % 5).

use std::io::BufRead;

use clauselint_check_governing_law::GoverningLaw;
use clauselint_sdk::jurisdiction::{find_adjectives, find_jurisdictions};
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::{Check, Contract, ParamValue};

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
    let check = GoverningLaw::new(Default::default())?;
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let (mut agree, mut compared) = (0, 0);
    let mut verdicts = std::collections::BTreeMap::new();
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if folds.as_ref().is_some_and(|f| !f.contains(&(index % 5))) {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let gold: Vec<&str> = row["labels"]["Governing Law"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x["text"].as_str()).collect())
            .unwrap_or_default();
        let clauses = simple_clauses(text);
        let reports = check.check(&Contract::new(text, &clauses));
        let Some(report) = reports.first() else {
            continue;
        };
        let finding = report.finding();
        *verdicts.entry(finding.verdict.as_str()).or_insert(0) += 1;
        let predicted = match finding.params.get("jurisdiction") {
            Some(ParamValue::Text(code)) => Some(code.clone()),
            _ => None,
        };
        // A clause whose place is redacted ("the laws of [***]") is found, with no code.
        let found = predicted.is_some() || finding.params.contains_key("jurisdiction_redacted");
        match (found, !gold.is_empty()) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                if verbose {
                    let quote = finding
                        .evidence
                        .first()
                        .map_or("", |e| &text[e.start..e.end]);
                    println!("FP {id}: {quote:?}");
                }
            }
            (false, true) => {
                fn_ += 1;
                if verbose {
                    println!(
                        "FN {id}: {:?}",
                        gold.first().map(|g| &g[..g.len().min(300)])
                    );
                }
            }
            (false, false) => tn += 1,
        }
        if let (Some(code), false) = (&predicted, gold.is_empty()) {
            let named: Vec<&str> = gold
                .iter()
                .flat_map(|g| find_jurisdictions(g).into_iter().chain(find_adjectives(g)))
                .map(|m| m.jurisdiction.code)
                .collect();
            if !named.is_empty() {
                compared += 1;
                if named.contains(&code.as_str()) {
                    agree += 1;
                } else if verbose {
                    println!("JURIS {id}: got {code}, labelled {named:?}");
                }
            }
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    println!("contracts: {}", tp + fp + fn_ + tn);
    println!(
        "detection: tp={tp} fp={fp} fn={fn_} tn={tn} precision={precision:.3} recall={recall:.3}"
    );
    println!("jurisdiction agrees with the labelled span: {agree}/{compared}");
    println!("verdicts: {verdicts:?}");
    Ok(())
}
