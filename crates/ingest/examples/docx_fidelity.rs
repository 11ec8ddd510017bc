//! Measures DOCX text fidelity against CUAD's own contract text: a token-bag F1 per file
//! (lower-cased alphanumeric tokens, counted with multiplicity), and the time `read` takes.
//!
//! `cargo run --release -p clauselint-ingest --example docx_fidelity -- [CUAD_DIR]`
//! (default `/work/shared/data/cuad`; reads `docs/manifest.jsonl`, `docs/*.docx` and
//! `train.jsonl.gz`).
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for t in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *bag.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

fn f1(got: &HashMap<String, usize>, want: &HashMap<String, usize>) -> f64 {
    let common: usize = got
        .iter()
        .map(|(t, n)| want.get(t).map_or(0, |m| (*n).min(*m)))
        .sum();
    let g: usize = got.values().sum();
    let w: usize = want.values().sum();
    if common == 0 || g == 0 || w == 0 {
        return 0.0;
    }
    let p = common as f64 / g as f64;
    let r = common as f64 / w as f64;
    2.0 * p * r / (p + r)
}

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/work/shared/data/cuad".to_owned()),
    );
    let Ok(gz) = std::fs::File::open(dir.join("train.jsonl.gz")) else {
        eprintln!("cannot open {}/train.jsonl.gz", dir.display());
        return ExitCode::from(2);
    };
    let mut texts: HashMap<String, String> = HashMap::new();
    for line in BufReader::new(flate2::read::GzDecoder::new(gz)).lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) {
            texts.insert(id.to_owned(), text.to_owned());
        }
    }
    let Ok(manifest) = std::fs::read_to_string(dir.join("docs/manifest.jsonl")) else {
        eprintln!("cannot open {}/docs/manifest.jsonl", dir.display());
        return ExitCode::from(2);
    };
    let mut scores = Vec::new();
    let mut total_ms = 0.0;
    for line in manifest.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["format"].as_str() != Some("docx") {
            continue;
        }
        let (Some(file), Some(id)) = (v["file"].as_str(), v["id"].as_str()) else {
            continue;
        };
        let Some(want) = texts.get(id) else {
            eprintln!("{file}: no source text for {id}");
            continue;
        };
        let Ok(bytes) = std::fs::read(dir.join("docs").join(file)) else {
            eprintln!("{file}: unreadable");
            continue;
        };
        let t0 = Instant::now();
        let doc = clauselint_ingest::read(&bytes);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        total_ms += ms;
        let score = match &doc {
            Ok(d) => f1(&tokens(&d.text), &tokens(want)),
            Err(e) => {
                eprintln!("{file}: {e}");
                0.0
            }
        };
        let clauses = doc.as_ref().map_or(0, |d| d.clauses.len());
        println!("{score:.4}  {ms:7.2} ms  {clauses:4} clauses  {file}");
        scores.push(score);
    }
    if scores.is_empty() {
        eprintln!("no DOCX files measured");
        return ExitCode::from(1);
    }
    let n = scores.len() as f64;
    let mean = scores.iter().sum::<f64>() / n;
    let min = scores.iter().cloned().fold(f64::INFINITY, f64::min);
    println!(
        "files={} mean_f1={mean:.4} min_f1={min:.4} ms_per_file={:.2}",
        scores.len(),
        total_ms / n
    );
    ExitCode::SUCCESS
}
