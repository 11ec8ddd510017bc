//! Segmentation statistics on CUAD's contract texts read as plain text: clauses per contract,
//! how many are numbered or headed, and how well labelled spans fall inside one clause of a
//! reasonable size (a proxy for segmentation that is neither too coarse nor split mid-clause).
//!
//! `cargo run --release -p clauselint-ingest --example segment_stats -- [CUAD_DIR]`
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

/// A clause longer than this (in characters) is too coarse to point a reader at.
const MAX_USEFUL_CLAUSE_CHARS: usize = 4000;

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
    let (mut docs, mut clauses, mut numbered, mut headed, mut unstructured) = (0, 0, 0, 0, 0);
    let (mut labels, mut inside_one, mut useful) = (0usize, 0usize, 0usize);
    let mut ms = 0.0;
    for line in BufReader::new(flate2::read::GzDecoder::new(gz)).lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(text) = v["text"].as_str() else {
            continue;
        };
        let t0 = std::time::Instant::now();
        let Ok(doc) = clauselint_ingest::read(text.as_bytes()) else {
            continue;
        };
        ms += t0.elapsed().as_secs_f64() * 1000.0;
        docs += 1;
        clauses += doc.clauses.len();
        let n = doc.clauses.iter().filter(|c| c.number.is_some()).count();
        numbered += n;
        headed += doc.clauses.iter().filter(|c| c.heading.is_some()).count();
        if n == 0 {
            unstructured += 1;
        }
        // Label offsets are characters into the source text; the document text differs only
        // by dropped blank lines and trailing spaces, so find the label text itself.
        let Some(map) = v["labels"].as_object() else {
            continue;
        };
        for spans in map.values() {
            for s in spans.as_array().into_iter().flatten() {
                let Some(label) = s["text"].as_str() else {
                    continue;
                };
                let probe: String = label
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" ");
                if probe.len() < 20 {
                    continue;
                }
                let norm: String = doc.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let Some(at) = norm.find(&probe) else {
                    continue;
                };
                labels += 1;
                // Map the normalised offset back by counting words.
                let words_before = norm[..at].split_whitespace().count();
                let Some((byte, _)) = doc
                    .text
                    .split_whitespace()
                    .nth(words_before)
                    .map(|w| (w.as_ptr() as usize - doc.text.as_ptr() as usize, w))
                else {
                    continue;
                };
                let Some(ci) = doc.clause_at(byte) else {
                    continue;
                };
                let c = &doc.clauses[ci];
                let label_words = label.split_whitespace().count();
                let clause_words = doc.slice(c.span).split_whitespace().count();
                let words_into = doc.text[c.span.start..byte].split_whitespace().count();
                if words_into + label_words <= clause_words + 1 {
                    inside_one += 1;
                    if doc.slice(c.span).chars().count()
                        <= MAX_USEFUL_CLAUSE_CHARS.max(label.len() * 2)
                    {
                        useful += 1;
                    }
                }
            }
        }
    }
    if docs == 0 {
        eprintln!("no contracts read");
        return ExitCode::from(1);
    }
    println!(
        "contracts={docs} clauses_per_contract={:.1} numbered={:.1}% headed={:.1}% contracts_without_numbered_clauses={unstructured} ms_per_contract={:.2}",
        clauses as f64 / docs as f64,
        100.0 * numbered as f64 / clauses.max(1) as f64,
        100.0 * headed as f64 / clauses.max(1) as f64,
        ms / docs as f64,
    );
    println!(
        "labelled_spans={labels} inside_one_clause={:.1}% inside_one_clause_of_useful_size={:.1}%",
        100.0 * inside_one as f64 / labels.max(1) as f64,
        100.0 * useful as f64 / labels.max(1) as f64,
    );
    ExitCode::SUCCESS
}
