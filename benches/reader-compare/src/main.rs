//! Compares candidate readers on real files, for the reader decision (issues 3 and 4):
//! pdf-extract, lopdf's own `extract_text`, docx-rs (`read_docx` plus a text walk) and
//! clauselint's own reader (`clauselint_ingest::read`).
//!
//! Every call runs in a child process (this same binary, `child READER FILE`) with a time limit,
//! because a hang inside a library cannot be stopped from a thread and a panic may abort. The
//! parent records ok / error / panic / timeout, the time the child measured around the call, and
//! the token-bag F1 against CUAD's text where the file is a CUAD contract.
//!
//! ```text
//! cargo run --release -- [--cuad DIR] [--realdocs DIR] [--timeout SECS] [--json OUT] [-v]
//! ```
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Exit status of a child whose reader returned an error.
const EXIT_READER_ERROR: i32 = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        return child(&args[1..]);
    }
    match parent(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reader-compare: {e}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Child: run one reader on one file, print the text on stdout and the time on stderr.

fn child(args: &[String]) -> ExitCode {
    let (Some(reader), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: child READER FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("read: {e}");
            return ExitCode::from(EXIT_READER_ERROR as u8);
        }
    };
    let start = Instant::now();
    let result = match reader.as_str() {
        "pdf-extract" => pdf_extract::extract_text_from_mem(&bytes).map_err(|e| e.to_string()),
        "lopdf" => lopdf_text(&bytes),
        "docx-rs" => docx_rs::read_docx(&bytes)
            .map(|d| docx_rs_text(&d))
            .map_err(|e| e.to_string()),
        "clauselint" => clauselint_ingest::read(&bytes)
            .map(|d| d.text)
            .map_err(|e| e.to_string()),
        other => Err(format!("unknown reader {other}")),
    };
    let ns = start.elapsed().as_nanos();
    match result {
        Ok(text) => {
            print!("{text}");
            eprintln!("elapsed_ns={ns}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.replace('\n', " "));
            eprintln!("elapsed_ns={ns}");
            ExitCode::from(EXIT_READER_ERROR as u8)
        }
    }
}

/// lopdf's own text extraction over every page, as a user of lopdf alone would call it.
fn lopdf_text(bytes: &[u8]) -> Result<String, String> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).map_err(|e| e.to_string())
}

/// The text of a docx-rs document: body paragraphs and tables in order, accepted view
/// (insertions and move-to kept, deletions and move-from dropped), one paragraph a line.
fn docx_rs_text(docx: &docx_rs::Docx) -> String {
    use docx_rs::DocumentChild;
    let mut out = String::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => paragraph(p, &mut out),
            DocumentChild::Table(t) => table(t, &mut out),
            DocumentChild::StructuredDataTag(s) => sdt(s, &mut out),
            _ => {}
        }
    }
    out
}

fn paragraph(p: &docx_rs::Paragraph, out: &mut String) {
    for c in &p.children {
        paragraph_child(c, out);
    }
    out.push('\n');
}

fn paragraph_child(c: &docx_rs::ParagraphChild, out: &mut String) {
    use docx_rs::{InsertChild, MoveToChild, ParagraphChild};
    match c {
        ParagraphChild::Run(r) => run(r, out),
        ParagraphChild::Insert(i) => {
            for c in &i.children {
                if let InsertChild::Run(r) = c {
                    run(r, out);
                }
            }
        }
        ParagraphChild::MoveTo(m) => {
            for c in &m.children {
                if let MoveToChild::Run(r) = c {
                    run(r, out);
                }
            }
        }
        ParagraphChild::Hyperlink(h) => {
            for c in &h.children {
                paragraph_child(c, out);
            }
        }
        ParagraphChild::StructuredDataTag(s) => sdt(s, out),
        _ => {}
    }
}

fn run(r: &docx_rs::Run, out: &mut String) {
    use docx_rs::RunChild;
    for c in &r.children {
        match c {
            RunChild::Text(t) => out.push_str(&t.text),
            RunChild::Tab(_) | RunChild::PTab(_) => out.push('\t'),
            RunChild::Break(_) | RunChild::CarriageReturn(_) => out.push('\n'),
            _ => {}
        }
    }
}

fn table(t: &docx_rs::Table, out: &mut String) {
    use docx_rs::{TableCellContent, TableChild, TableRowChild};
    for TableChild::TableRow(row) in &t.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for c in &cell.children {
                match c {
                    TableCellContent::Paragraph(p) => paragraph(p, out),
                    TableCellContent::Table(t) => table(t, out),
                    TableCellContent::StructuredDataTag(s) => sdt(s, out),
                    TableCellContent::TableOfContents(_) => {}
                }
            }
        }
    }
}

fn sdt(s: &docx_rs::StructuredDataTag, out: &mut String) {
    use docx_rs::StructuredDataTagChild;
    for c in &s.children {
        match c {
            StructuredDataTagChild::Run(r) => run(r, out),
            StructuredDataTagChild::Paragraph(p) => paragraph(p, out),
            StructuredDataTagChild::Table(t) => table(t, out),
            StructuredDataTagChild::StructuredDataTag(s) => sdt(s, out),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parent: every reader on every file, in child processes.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
    Ok,
    Error,
    Panic,
    Timeout,
}

struct Outcome {
    status: Status,
    /// Time the child measured around the reader call (for a timeout: the limit).
    seconds: f64,
    text: String,
    message: String,
}

fn run_child(exe: &Path, reader: &str, file: &Path, limit: Duration) -> std::io::Result<Outcome> {
    let mut child = Command::new(exe)
        .arg("child")
        .arg(reader)
        .arg(file)
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Drain both pipes on threads so a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let out = out_thread.join().unwrap_or_default();
    let err = String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned();
    let mut seconds = limit.as_secs_f64();
    let mut message = String::new();
    for line in err.lines() {
        if let Some(ns) = line.strip_prefix("elapsed_ns=") {
            seconds = ns.parse::<f64>().unwrap_or(0.0) / 1e9;
        } else if message.is_empty() && !line.trim().is_empty() {
            message = line.trim().to_owned();
        }
    }
    let status = match status {
        None => Status::Timeout,
        Some(s) if s.success() => Status::Ok,
        Some(s) if s.code() == Some(EXIT_READER_ERROR) => Status::Error,
        // 101 is Rust's panic exit code; a signal (abort, stack overflow) counts as a panic too.
        Some(_) => Status::Panic,
    };
    if status == Status::Panic {
        message = err
            .lines()
            .find(|l| l.contains("panicked") || l.contains("overflow") || l.contains("abort"))
            .map(|l| l.trim().to_owned())
            .unwrap_or(message);
        if let Some(next) = err.lines().skip_while(|l| !l.contains("panicked")).nth(1) {
            message = format!("{message} {}", next.trim());
        }
    }
    Ok(Outcome {
        status,
        seconds,
        text: String::from_utf8_lossy(&out).into_owned(),
        message,
    })
}

fn tokens(text: &str) -> HashMap<&str, usize> {
    let mut bag = HashMap::new();
    for t in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        *bag.entry(t).or_insert(0) += 1;
    }
    bag
}

fn f1(a: &HashMap<&str, usize>, b: &HashMap<&str, usize>) -> f64 {
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

fn load_truth(path: &Path) -> Result<HashMap<String, String>, Box<dyn std::error::Error>> {
    let gz = flate2::read::GzDecoder::new(std::fs::File::open(path)?);
    let mut truth = HashMap::new();
    for line in BufReader::new(gz).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) {
            truth.insert(id.to_owned(), text.to_owned());
        }
    }
    Ok(truth)
}

/// One file to measure: its path, the set it belongs to, and CUAD's id when known.
struct Item {
    set: String,
    path: PathBuf,
    id: Option<String>,
}

fn manifest_items(root: &Path, folder: &str) -> Result<Vec<Item>, Box<dyn std::error::Error>> {
    let mut items = Vec::new();
    let manifest = std::fs::read_to_string(root.join(folder).join("manifest.jsonl"))?;
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let (Some(file), Some(id), Some(format)) =
            (v["file"].as_str(), v["id"].as_str(), v["format"].as_str())
        else {
            continue;
        };
        items.push(Item {
            set: format!("cuad/{folder} {format}"),
            path: root.join(folder).join(file),
            id: Some(id.to_owned()),
        });
    }
    Ok(items)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn readers_for(path: &Path) -> &'static [&'static str] {
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => &["pdf-extract", "lopdf", "clauselint"],
        Some("docx") => &["docx-rs", "clauselint"],
        _ => &[],
    }
}

#[derive(Default)]
struct Row {
    files: usize,
    ok: usize,
    empty: usize,
    error: usize,
    panic: usize,
    timeout: usize,
    f1: Vec<f64>,
    seconds: Vec<f64>,
}

fn parent(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let cuad = PathBuf::from(value("--cuad").unwrap_or_else(|| "/work/shared/data/cuad".into()));
    let realdocs =
        PathBuf::from(value("--realdocs").unwrap_or_else(|| "/work/shared/data/realdocs".into()));
    let limit = Duration::from_secs_f64(value("--timeout").map_or(Ok(10.0), |s| s.parse())?);
    let verbose = args.iter().any(|a| a == "-v");
    let exe = std::env::current_exe()?;

    let truth = load_truth(&cuad.join("train.jsonl.gz"))?;
    let mut items = manifest_items(&cuad, "docs")?;
    items.extend(manifest_items(&cuad, "orig")?);
    let mut files = Vec::new();
    walk(&realdocs, &mut files)?;
    for path in files {
        let sub = path
            .strip_prefix(&realdocs)
            .ok()
            .and_then(|p| p.components().next())
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        items.push(Item {
            set: format!("realdocs/{sub}"),
            path,
            id: None,
        });
    }

    let derived_dir = std::env::temp_dir().join(format!("reader-compare-{}", std::process::id()));
    std::fs::create_dir_all(&derived_dir)?;
    for path in derived(&cuad, &derived_dir)? {
        items.push(Item {
            set: "derived (cut short)".to_owned(),
            path,
            id: None,
        });
    }

    let mut rows: Vec<((String, &str), Row)> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let mut records = Vec::new();
    for item in &items {
        let truth_bag = item
            .id
            .as_ref()
            .and_then(|id| truth.get(id))
            .map(|t| tokens(t));
        for &reader in readers_for(&item.path) {
            let o = run_child(&exe, reader, &item.path, limit)?;
            let key = (item.set.clone(), reader);
            let idx = match rows.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    rows.push((key, Row::default()));
                    rows.len() - 1
                }
            };
            let row = &mut rows[idx].1;
            row.files += 1;
            let bag = tokens(&o.text);
            match o.status {
                Status::Ok => {
                    row.ok += 1;
                    row.seconds.push(o.seconds);
                    if bag.is_empty() {
                        row.empty += 1;
                    }
                }
                Status::Error => row.error += 1,
                Status::Panic => row.panic += 1,
                Status::Timeout => row.timeout += 1,
            }
            let score = truth_bag.as_ref().map(|t| {
                if o.status == Status::Ok {
                    f1(&bag, t)
                } else {
                    0.0
                }
            });
            if let Some(s) = score {
                row.f1.push(s);
            }
            let name = item.path.file_name().unwrap_or_default().to_string_lossy();
            if item.id.is_none() && (o.status != Status::Ok || bag.is_empty()) {
                let what = if o.status == Status::Ok {
                    "ok but no text".to_owned()
                } else {
                    format!("{:?}: {}", o.status, truncate(&o.message, 110))
                };
                failures.push(format!("| {} | {name} | {reader} | {what} |", item.set));
            }
            if verbose {
                eprintln!(
                    "{:<20} {:<12} {:?} {:>8.2} ms {} {name} {}",
                    item.set,
                    reader,
                    o.status,
                    o.seconds * 1e3,
                    score.map_or("      ".to_owned(), |s| format!("{s:.4}")),
                    truncate(&o.message, 80)
                );
            }
            records.push(serde_json::json!({
                "set": item.set, "file": name, "reader": reader, "status": format!("{:?}", o.status),
                "seconds": o.seconds, "tokens": bag.values().sum::<usize>(), "f1": score,
                "message": o.message,
            }));
        }
    }

    println!(
        "| set | reader | files | ok | ok, no text | error | panic | timeout | F1 mean | F1 min | median ms | total s |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for ((set, reader), r) in &rows {
        let (mean, min) = if r.f1.is_empty() {
            ("-".to_owned(), "-".to_owned())
        } else {
            (
                format!("{:.4}", r.f1.iter().sum::<f64>() / r.f1.len() as f64),
                format!("{:.4}", r.f1.iter().copied().fold(f64::INFINITY, f64::min)),
            )
        };
        let mut s = r.seconds.clone();
        s.sort_by(f64::total_cmp);
        let median = s
            .get(s.len() / 2)
            .map_or("-".to_owned(), |m| format!("{:.2}", m * 1e3));
        println!(
            "| {set} | {reader} | {} | {} | {} | {} | {} | {} | {mean} | {min} | {median} | {:.2} |",
            r.files,
            r.ok,
            r.empty,
            r.error,
            r.panic,
            r.timeout,
            s.iter().fold(0.0, |a, b| a + b)
        );
    }
    println!(
        "\nfiles a reader did not read (error, panic, timeout, or no text), CUAD files aside:\n"
    );
    println!("| set | file | reader | outcome |");
    println!("|---|---|---|---|");
    for f in &failures {
        println!("{f}");
    }
    let _ = std::fs::remove_dir_all(&derived_dir);
    if let Some(out) = value("--json") {
        std::fs::write(out, serde_json::to_string_pretty(&records)?)?;
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    let s = s.replace('|', "/");
    if s.chars().count() <= n {
        s
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

/// Damaged copies of the first CUAD DOCX and PDF, made in `dir`: a DOCX whose
/// `word/document.xml` is cut in half (the rest of the package intact) and a PDF cut in half.
/// Real damage of this kind comes from interrupted downloads and mail gateways.
fn derived(cuad: &Path, dir: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    use std::io::Write;
    let mut out = Vec::new();
    let docs = manifest_items(cuad, "docs")?;
    if let Some(docx) = docs
        .iter()
        .find(|i| i.path.extension().is_some_and(|e| e == "docx"))
    {
        let mut zin = zip::ZipArchive::new(std::fs::File::open(&docx.path)?)?;
        let target = dir.join("docx-document-xml-cut-in-half.docx");
        let mut zout = zip::ZipWriter::new(std::fs::File::create(&target)?);
        for i in 0..zin.len() {
            let mut entry = zin.by_index(i)?;
            let name = entry.name()?.into_owned();
            let mut data = Vec::new();
            entry.read_to_end(&mut data)?;
            if name == "word/document.xml" {
                data.truncate(data.len() / 2);
            }
            zout.start_file(name, zip::write::SimpleFileOptions::default())?;
            zout.write_all(&data)?;
        }
        zout.finish()?;
        out.push(target);
    }
    let orig = manifest_items(cuad, "orig")?;
    if let Some(pdf) = orig.first() {
        let bytes = std::fs::read(&pdf.path)?;
        let target = dir.join("pdf-cut-in-half.pdf");
        std::fs::write(&target, &bytes[..bytes.len() / 2])?;
        out.push(target);
    }
    Ok(out)
}
