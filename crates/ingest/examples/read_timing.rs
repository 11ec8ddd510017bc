//! Times `clauselint_ingest::read` in-process, one thread: each file is read once to warm up
//! (`first_ms`: the first file's includes one-time setup), then `--repeat` times; prints one
//! JSON line per file with the median in milliseconds. Used by
//! `benches/extract-speed.sh` to compare with python-docx in-process (interpreter start and
//! imports left out on both sides).
//!
//! ```text
//! cargo run --release -p clauselint-ingest --example read_timing -- [--repeat N] FILE...
//! ```
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 5usize;
    if let Some(i) = args.iter().position(|a| a == "--repeat") {
        repeat = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(repeat)
            .max(1);
        args.drain(i..(i + 2).min(args.len()));
    }
    for path in args {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let t0 = Instant::now();
        let ok = clauselint_ingest::read(&bytes).is_ok();
        // The first read of a process also builds lazily compiled tables (segmentation regexes).
        let first = t0.elapsed().as_secs_f64() * 1e3;
        let mut times: Vec<f64> = (0..repeat)
            .map(|_| {
                let t0 = Instant::now();
                let doc = clauselint_ingest::read(&bytes);
                let ms = t0.elapsed().as_secs_f64() * 1e3;
                drop(doc);
                ms
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!(
            "{}",
            serde_json::json!({ "file": path, "ok": ok, "median_ms": median, "first_ms": first })
        );
    }
}
