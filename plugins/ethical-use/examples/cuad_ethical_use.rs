//! Runs the check over the CUAD development folds (0–3; fold 4 is held out) and prints the
//! verdict counts, the parameter distribution and a sample of quotes per verdict, so the
//! findings on ordinary commercial contracts can be read by eye.
//!
//! ```text
//! cargo run -p clauselint-check-ethical-use --example cuad_ethical_use -- \
//!     /work/shared/data/cuad/train.jsonl.gz [--samples 12] [--verdict warn] [--held-out]
//! ```

use std::collections::BTreeMap;
use std::io::BufRead;

use clauselint_check_ethical_use::EthicalUse as Checked;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::{Check, Contract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/cuad/train.jsonl.gz".to_owned());
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let samples: usize = option("--samples")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let only = option("--verdict");
    let held_out = args.iter().any(|a| a == "--held-out");
    let samples = if held_out { 0 } else { samples };
    let check = Checked::new(Default::default())?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(std::fs::File::open(&path)?));
    let mut verdicts: BTreeMap<String, u32> = BTreeMap::new();
    let mut params: BTreeMap<String, u32> = BTreeMap::new();
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for (index, line) in reader.lines().enumerate() {
        // Contract i is in fold i % 5; fold 4 is held out and only counted with `--held-out`
        // (no quotes are printed for it).
        if (index % 5 == 4) != held_out {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line?)?;
        let id = row["id"].as_str().unwrap_or("?");
        let text = row["text"].as_str().unwrap_or("");
        let clauses = simple_clauses(text);
        for report in check.check(&Contract::new(text, &clauses)) {
            let f = report.finding();
            let verdict = f.verdict.as_str().to_owned();
            *verdicts.entry(verdict.clone()).or_insert(0) += 1;
            for (k, v) in &f.params {
                *params
                    .entry(format!("{k}={}", serde_json::to_string(v)?))
                    .or_insert(0) += 1;
            }
            let seen = shown.entry(verdict.clone()).or_insert(0);
            if *seen >= samples || only.as_ref().is_some_and(|o| *o != verdict) {
                continue;
            }
            *seen += 1;
            println!("== {verdict} {id}: {}", f.message);
            for e in &f.evidence {
                let quote = text.get(e.start..e.end).unwrap_or("");
                println!("   > {}", &quote[..floor_boundary(quote, 400)]);
            }
        }
    }
    println!("verdicts: {verdicts:?}");
    for (k, n) in params {
        println!("{n:5} {k}");
    }
    Ok(())
}
