//! Measures the check against the CUAD "Cap On Liability" and "Uncapped Liability" labels,
//! contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run --release -p clauselint-check-liability-cap --example cuad_liability_cap -- --folds 0,1,2,3
//! ```
//!
//! A contract is predicted "Cap On Liability" when the check reports `capped = true` with
//! evidence, and "Uncapped Liability" when `capped = false` or `uncapped_carve_outs` is not
//! empty (the mapping of `clauselint eval`). `--folds 0,1,2,3` keeps only those folds
//! (contract i is in fold i % 5; fold 4 is held out); `-v` prints every miss with its quotes.

use std::io::BufRead;

use clauselint_check_liability_cap::LiabilityCap;
use clauselint_sdk::segment::simple_clauses;
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

fn labelled<'a>(row: &'a serde_json::Value, label: &str) -> Vec<&'a str> {
    row["labels"][label]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["text"].as_str()).collect())
        .unwrap_or_default()
}

/// Counts of one category: true positives, false positives, false negatives.
#[derive(Default)]
struct Score {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Score {
    fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    fn line(&self, name: &str) -> String {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
        format!(
            "{name}: tp={} fp={} fn={} P={p:.3} R={r:.3} F1={f1:.3}",
            self.tp, self.fp, self.fn_
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    let folds: Option<Vec<usize>> = args
        .iter()
        .position(|a| a == "--folds")
        .and_then(|i| args.get(i + 1))
        .map(|f| f.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    let check = LiabilityCap::new(Default::default())?;
    let (mut cap, mut uncapped) = (Score::default(), Score::default());
    let mut per_fold: [Score; 5] = Default::default();
    let mut verdicts = std::collections::BTreeMap::new();
    let mut bases = std::collections::BTreeMap::new();
    // Evidence quotes of true positives, and those overlapping a labelled span: per category.
    let (mut cap_quotes, mut unc_quotes) = ([0u32; 2], [0u32; 2]);
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
        if let Some(ParamValue::Text(b)) = f.params.get("cap_basis") {
            *bases.entry(b.clone()).or_insert(0) += 1;
        }
        let capped = f.params.get("capped");
        let predicted = matches!(capped, Some(ParamValue::Bool(true))) && !f.evidence.is_empty();
        let gold = labelled(&row, "Cap On Liability");
        cap.add(predicted, !gold.is_empty());
        per_fold[index % 5].add(predicted, !gold.is_empty());
        let carve = matches!(f.params.get("uncapped_carve_outs"), Some(ParamValue::List(l)) if !l.is_empty());
        let unc_pred = matches!(capped, Some(ParamValue::Bool(false))) || carve;
        let unc_gold = labelled(&row, "Uncapped Liability");
        uncapped.add(unc_pred, !unc_gold.is_empty());
        for (pred, label, counts) in [
            (predicted, "Cap On Liability", &mut cap_quotes),
            (unc_pred, "Uncapped Liability", &mut unc_quotes),
        ] {
            let spans = labelled_bytes(&row, text, label);
            if !pred || spans.is_empty() {
                continue;
            }
            for e in &f.evidence {
                counts[0] += 1;
                if spans.iter().any(|&(a, b)| e.start < b && a < e.end) {
                    counts[1] += 1;
                } else if verbose && label == "Cap On Liability" {
                    let q = text.get(e.start..e.end).unwrap_or("");
                    let q = &q[..clauselint_sdk::text::floor_boundary(q, 300)];
                    println!("TP {id} unlabelled quote: {q:?}");
                }
            }
        }
        if verbose && unc_pred == unc_gold.is_empty() {
            println!(
                "UNC-{} {id}: {} carve-outs {:?}",
                if unc_pred { "FP" } else { "FN" },
                f.message,
                f.params.get("uncapped_carve_outs")
            );
            for g in unc_gold.iter().take(2) {
                println!(
                    "   gold: {:?}",
                    &g[..clauselint_sdk::text::floor_boundary(g, 300)]
                );
            }
        }
        if verbose && predicted && !gold.is_empty() {
            // Quotes outside every labelled span: cues that would make false positives.
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            let spans: Vec<(usize, usize)> = row["labels"]["Cap On Liability"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| {
                            let b = *starts.get(usize::try_from(x["start"].as_u64()?).ok()?)?;
                            Some((b, b + x["text"].as_str()?.len()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            for e in &f.evidence {
                if !spans.iter().any(|&(a, b)| e.start < b && a < e.end) {
                    let q = text.get(e.start..e.end).unwrap_or("");
                    let q = &q[..clauselint_sdk::text::floor_boundary(q, 300)];
                    println!("UNLABELLED {id}: {q:?}");
                }
            }
        }
        if verbose && predicted == gold.is_empty() {
            if predicted {
                println!("FP {id}: {}", f.message);
                for e in &f.evidence {
                    let q = text.get(e.start..e.end).unwrap_or("");
                    let q = &q[..clauselint_sdk::text::floor_boundary(q, 400)];
                    println!("   quote: {q:?}");
                }
            } else {
                println!("FN {id}: {}", f.message);
                for g in gold.iter().take(3) {
                    println!(
                        "   gold: {:?}",
                        &g[..clauselint_sdk::text::floor_boundary(g, 300)]
                    );
                }
            }
        }
    }
    for (fold, s) in per_fold.iter().enumerate() {
        if s.tp + s.fp + s.fn_ > 0 {
            println!("{}", s.line(&format!("fold {fold}")));
        }
    }
    println!("{}", cap.line("Cap On Liability"));
    println!("{}", uncapped.line("Uncapped Liability"));
    for (name, [quotes, overlapping]) in [
        ("Cap On Liability", cap_quotes),
        ("Uncapped Liability", unc_quotes),
    ] {
        println!(
            "{name}: evidence quotes of true positives overlapping a labelled span: {overlapping}/{quotes} = {:.3}",
            f64::from(overlapping) / f64::from(quotes.max(1))
        );
    }
    println!("verdicts: {verdicts:?}");
    println!("cap_basis: {bases:?}");
    Ok(())
}
