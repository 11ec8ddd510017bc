//! Measures how faithfully the PDF reader extracts text: token-bag F1 between our text and the
//! CUAD source text, per file and per set, and pages per second against poppler's `pdftotext`
//! (when installed), both single-threaded.
//!
//! ```text
//! cargo run --release -p clauselint-ingest --example pdf_fidelity -- [CUAD_DIR] [-v] [--no-poppler]
//! ```
//!
//! "all" scores every extracted line; "body" leaves out the lines marked as running headers and
//! footers (CUAD's texts keep those, so "body" is a lower bound).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let poppler = !args.iter().any(|a| a == "--no-poppler")
        && Command::new("pdftotext").arg("-v").output().is_ok();
    let root = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map_or_else(|| PathBuf::from("/work/shared/data/cuad"), PathBuf::from);

    let truth = load_truth(&root.join("train.jsonl.gz"))?;
    println!(
        "set   files pages  all-F1 mean/min   body-F1 mean/min   pdftotext mean/min   ours p/s  pdftotext p/s"
    );
    for set in ["orig", "docs"] {
        let manifest = std::fs::read_to_string(root.join(set).join("manifest.jsonl"))?;
        let mut stats = Stats::default();
        for line in manifest.lines() {
            let entry: serde_json::Value = serde_json::from_str(line)?;
            if entry["format"] != "pdf" {
                continue;
            }
            let (Some(file), Some(id)) = (entry["file"].as_str(), entry["id"].as_str()) else {
                continue;
            };
            let Some(source) = truth.get(id) else {
                continue;
            };
            let path = root.join(set).join(file);
            stats.add(&path, source, poppler, verbose)?;
        }
        stats.print(set);
    }
    Ok(())
}

#[derive(Default)]
struct Stats {
    all: Vec<f64>,
    body: Vec<f64>,
    poppler: Vec<f64>,
    pages: u64,
    ours_seconds: f64,
    poppler_seconds: f64,
}

impl Stats {
    fn add(
        &mut self,
        path: &Path,
        source: &str,
        poppler: bool,
        verbose: bool,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let bytes = std::fs::read(path)?;
        let start = Instant::now();
        let result = clauselint_ingest::read(&bytes);
        self.ours_seconds += start.elapsed().as_secs_f64();
        let (all, body) = match &result {
            Ok(doc) => {
                self.pages += u64::from(doc.metadata.pages.unwrap_or(0));
                let mut all = String::new();
                let mut body = String::new();
                for block in &doc.blocks {
                    let text = doc.slice(block.span);
                    all.push_str(text);
                    all.push('\n');
                    if block.kind.is_body() {
                        body.push_str(text);
                        body.push('\n');
                    }
                }
                (f1(&all, source), f1(&body, source))
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                (0.0, 0.0)
            }
        };
        self.all.push(all);
        self.body.push(body);
        let mut theirs = f64::NAN;
        if poppler {
            let start = Instant::now();
            let out = Command::new("pdftotext")
                .args(["-q", "-enc", "UTF-8"])
                .arg(path)
                .arg("-")
                .output()?;
            self.poppler_seconds += start.elapsed().as_secs_f64();
            theirs = f1(&String::from_utf8_lossy(&out.stdout), source);
            self.poppler.push(theirs);
        }
        if verbose {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            println!("  {all:.4} {body:.4} {theirs:.4} {name}");
        }
        Ok(())
    }

    fn print(&self, set: &str) {
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
        let min = |v: &[f64]| v.iter().copied().fold(f64::NAN, f64::min);
        let rate = |s: f64| self.pages as f64 / s;
        println!(
            "{set:<5} {:>5} {:>5}  {:.4}/{:.4}      {:.4}/{:.4}      {:.4}/{:.4}        {:>7.1}  {:>7.1}",
            self.all.len(),
            self.pages,
            mean(&self.all),
            min(&self.all),
            mean(&self.body),
            min(&self.body),
            mean(&self.poppler),
            min(&self.poppler),
            rate(self.ours_seconds),
            rate(self.poppler_seconds),
        );
    }
}

/// CUAD's texts by contract id (the gzip is read with the system's `gzip`).
fn load_truth(path: &Path) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    let out = Command::new("gzip").arg("-dc").arg(path).output()?;
    let mut truth = HashMap::new();
    for line in String::from_utf8(out.stdout)?.lines() {
        let entry: serde_json::Value = serde_json::from_str(line)?;
        if let (Some(id), Some(text)) = (entry["id"].as_str(), entry["text"].as_str()) {
            truth.insert(id.to_owned(), text.to_owned());
        }
    }
    Ok(truth)
}

/// Multiset F1 over word tokens (runs of letters and digits).
fn f1(ours: &str, truth: &str) -> f64 {
    fn bag(text: &str) -> HashMap<&str, usize> {
        let mut bag = HashMap::new();
        for token in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
        {
            *bag.entry(token).or_insert(0) += 1;
        }
        bag
    }
    let (a, b) = (bag(ours), bag(truth));
    let total: usize = a.values().sum::<usize>() + b.values().sum::<usize>();
    if total == 0 {
        return 1.0;
    }
    let common: usize = a
        .iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum();
    2.0 * common as f64 / total as f64
}
