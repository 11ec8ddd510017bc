//! Sanity scan over CUAD contract texts: verdict counts, parameter values and sample quotes.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run -p clauselint-check-performance-warranty --example cuad_scan -- [--samples 12] [--label "Warranty Duration"]
//! ```
//!
//! Only folds 0–3 are read (contract i is in fold i % 5; fold 4 is held out). For each verdict
//! it prints how many contracts got it, how many of those carry the `--label` CUAD category (a
//! sanity hint, not a gold standard), and a spread-out sample of quotes (each cut to 300 bytes) with parameters.

use std::collections::BTreeMap;
use std::io::BufRead;

use clauselint_check_performance_warranty::PerformanceWarranty as Checked;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::{Check, Contract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let samples: usize = value("--samples")
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    let label = value("--label");
    let check = Checked::new(Default::default())?;
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut labelled: BTreeMap<String, usize> = BTreeMap::new();
    let mut params: BTreeMap<String, usize> = BTreeMap::new();
    for (index, line) in std::io::stdin().lock().lines().enumerate() {
        if index % 5 == 4 {
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
        let verdict = f.verdict.as_str().to_owned();
        if let Some(l) = &label
            && row["labels"][l.as_str()]
                .as_array()
                .is_some_and(|a| !a.is_empty())
        {
            *labelled.entry(verdict.clone()).or_insert(0) += 1;
        }
        for (k, v) in &f.params {
            *params
                .entry(format!("{k}={}", serde_json::to_string(v)?))
                .or_insert(0) += 1;
        }
        let quotes: Vec<String> = f
            .evidence
            .iter()
            .map(|e| {
                let quote = clauselint_sdk::text::slice_lossless(text, e.start, e.end)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                quote[..clauselint_sdk::text::floor_boundary(&quote, 300)].to_owned()
            })
            .collect();
        let q = quotes.join(" || ");
        seen.entry(verdict).or_default().push(format!(
            "[{id}] {} | {} | {q}",
            f.message,
            serde_json::to_string(&f.params)?
        ));
    }
    for (verdict, rows) in &seen {
        println!(
            "== {verdict}: {} contracts ({} with label {:?})",
            rows.len(),
            labelled.get(verdict).copied().unwrap_or(0),
            label.as_deref().unwrap_or("-")
        );
        let step = (rows.len() / samples.max(1)).max(1);
        for row in rows.iter().step_by(step).take(samples) {
            println!("  {row}");
        }
    }
    println!("== params");
    for (k, n) in &params {
        println!("  {n:4} {k}");
    }
    Ok(())
}
