//! Measures the check against the CUAD "Non-Compete" labels, contract by contract.
//!
//! ```text
//! zcat /work/shared/data/cuad/train.jsonl.gz | cargo run -p clauselint-check-non-compete --example cuad_non_compete
//! ```
//!
//! A contract is predicted positive when the check reports a covenant (a `scope` parameter)
//! that is not exclusivity alone (`kind = "exclusivity"`), and truly positive when CUAD labels
//! a "Non-Compete" span. Per-fold figures follow the totals. Precision is also given against
//! "Non-Compete" or "Exclusivity" labels, since the playbook counts exclusivity on the provider
//! as a restrictive covenant. Pass `-v` to print every miss (and, in true positives, covenant
//! sentences outside every labelled span), `--folds 0,1,2,3` to measure only those folds
//! (contract i is in fold i % 5), and, built with `--features ablation`, `--ablate CUE,…` to
//! switch cue families off (their names are in `src/lib.rs`: `p:…`, `c:…`, `e:…`, `s:…`,
//! `v:STEM`) and see what each contributes.

use std::io::BufRead;

use clauselint_check_non_compete::NonCompete;
use clauselint_sdk::segment::simple_clauses;
use clauselint_sdk::{Check, Contract};

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
    // `--ablate CUE,…` (feature `ablation`) switches cue families off, to measure what each
    // contributes.
    if let Some(cues) = args
        .iter()
        .position(|a| a == "--ablate")
        .and_then(|i| args.get(i + 1))
    {
        #[cfg(feature = "ablation")]
        {
            let names = cues.split(',').map(str::to_owned).collect();
            let _ = clauselint_check_non_compete::ABLATED.set(names);
        }
        #[cfg(not(feature = "ablation"))]
        return Err(format!("--ablate {cues} needs --features ablation").into());
    }
    let check = NonCompete::new(Default::default())?;
    let (mut tp, mut fp, mut fn_, mut tn, mut fp_excl) = (0, 0, 0, 0, 0);
    let mut verdicts = std::collections::BTreeMap::new();
    let mut months = std::collections::BTreeMap::new();
    // Per fold: tp, fp, fn.
    let mut per_fold = [[0u32; 3]; 5];
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
        // Exclusive dealing alone (`kind = "exclusivity"`) is not CUAD's Non-Compete.
        let exclusivity_only = matches!(
            finding.params.get("kind"),
            Some(clauselint_sdk::ParamValue::Text(k)) if k == "exclusivity"
        );
        if exclusivity_only {
            *verdicts.entry("kind=exclusivity").or_insert(0) += 1;
            if verbose {
                println!("EXCL-ONLY {id} (Non-Compete label: {})", !gold.is_empty());
            }
        }
        let predicted = finding.params.contains_key("scope") && !exclusivity_only;
        match (predicted, !gold.is_empty()) {
            (true, true) => {
                tp += 1;
                per_fold[index % 5][0] += 1;
                if verbose {
                    println!("TP {id}");
                    // Covenant sentences outside every Non-Compete span: loose cues that
                    // would make false positives in other contracts.
                    let spans = labelled_bytes(&row, text, "Non-Compete");
                    let excl = labelled_bytes(&row, text, "Exclusivity");
                    let mut seen = Vec::new();
                    for e in &finding.evidence {
                        if seen.contains(&(e.start, e.end)) {
                            continue;
                        }
                        seen.push((e.start, e.end));
                        let hit =
                            |s: &[(usize, usize)]| s.iter().any(|&(a, b)| e.start < b && a < e.end);
                        if !hit(&spans) {
                            let q = &text[e.start..e.end];
                            let q = &q[..clauselint_sdk::text::floor_boundary(q, 400)];
                            println!("   unlabelled (exclusivity span: {}): {q:?}", hit(&excl));
                        }
                    }
                }
            }
            (true, false) => {
                fp += 1;
                per_fold[index % 5][1] += 1;
                if exclusivity.is_empty() {
                    fp_excl += 1;
                }
                if verbose {
                    println!(
                        "FP {id} (exclusivity label: {}, competitive restriction exception: {})",
                        !exclusivity.is_empty(),
                        !labelled(&row, "Competitive Restriction Exception").is_empty()
                    );
                    let mut seen = Vec::new();
                    for e in &finding.evidence {
                        if seen.contains(&(e.start, e.end)) {
                            continue;
                        }
                        seen.push((e.start, e.end));
                        let q = &text[e.start..e.end];
                        let q = &q[..clauselint_sdk::text::floor_boundary(q, 400)];
                        println!("   quote: {q:?}");
                    }
                }
            }
            (false, true) => {
                fn_ += 1;
                per_fold[index % 5][2] += 1;
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
    for (fold, [tp, fp, fn_]) in per_fold.iter().enumerate() {
        if tp + fp + fn_ == 0 {
            continue;
        }
        let p = f64::from(*tp) / f64::from((tp + fp).max(1));
        let r = f64::from(*tp) / f64::from((tp + fn_).max(1));
        let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
        println!("fold {fold}: tp={tp} fp={fp} fn={fn_} P={p:.3} R={r:.3} F1={f1:.3}");
    }
    println!(
        "detection: tp={tp} fp={fp} fn={fn_} tn={tn} precision={precision:.3} recall={recall:.3}"
    );
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!("F1={f1:.3}");
    println!("precision counting Exclusivity labels as positive: {lenient:.3}");
    println!("verdicts: {verdicts:?}");
    println!("duration_months: {months:?}");
    Ok(())
}
