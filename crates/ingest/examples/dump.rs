//! Prints what ingest makes of a file: blocks (kind, location, number, text) and clauses.
//!
//! `cargo run -p clauselint-ingest --example dump -- FILE [--clauses]`
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: dump FILE [--clauses]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let doc = match clauselint_ingest::read(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(1);
        }
    };
    println!(
        "format={} title={:?} tracked={}",
        doc.format, doc.metadata.title, doc.metadata.tracked_changes
    );
    if args.iter().any(|a| a == "--clauses") {
        for c in &doc.clauses {
            let t = doc.slice(c.span);
            let head: String = t.chars().take(100).collect();
            println!(
                "{:?} {:?} {:?} {:?} len={} | {}",
                c.kind,
                c.number,
                c.heading,
                c.location,
                c.span.len(),
                head.replace('\n', " / ")
            );
        }
    } else {
        for b in &doc.blocks {
            println!(
                "{:?} {:?} {:?} {:?} | {}",
                b.kind,
                b.location,
                b.number,
                b.level,
                doc.slice(b.span)
            );
        }
    }
    ExitCode::SUCCESS
}
