//! Runs the check over the CUAD contracts and prints the verdict and parameter distributions,
//! with the quoted evidence of each non-pass finding when `-v` is given.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run -p clauselint-check-genai-output --example cuad_genai_output
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;

use clauselint_check_genai_output::GenaiOutput;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::{Check, Contract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let verbose = std::env::args().any(|a| a == "-v");
    let check = GenaiOutput::new(Default::default())?;
    let mut verdicts: BTreeMap<&str, u32> = BTreeMap::new();
    let mut params: BTreeMap<String, u32> = BTreeMap::new();
    for line in std::io::stdin().lock().lines() {
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let clauses = simple_clauses(text);
        for report in check.check(&Contract::new(text, &clauses)) {
            let f = report.finding();
            *verdicts.entry(f.verdict.as_str()).or_insert(0) += 1;
            for (k, v) in &f.params {
                *params
                    .entry(format!("{k}={}", serde_json::to_string(v)?))
                    .or_insert(0) += 1;
            }
            if verbose {
                let quote = f.evidence.first().map_or("", |e| &text[e.start..e.end]);
                println!(
                    "{} {id}: {} {:?}",
                    f.verdict,
                    f.message,
                    &quote[..floor_boundary(quote, 250)]
                );
            }
        }
    }
    println!("verdicts: {verdicts:?}");
    for (k, n) in params {
        println!("{n:5} {k}");
    }
    Ok(())
}
