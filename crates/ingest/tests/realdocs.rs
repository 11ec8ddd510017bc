//! Every real-world DOCX (and text) file in the shared data set reads to `Ok` or `Err`, never
//! a panic or a hang, and a read document keeps its invariants. Folders that are missing on
//! this machine are skipped.
use std::path::{Path, PathBuf};

const DIRS: &[&str] = &["docx", "docx/contracts", "broken"];

/// A folder of `../shared/data/realdocs` next to the repository.
fn data(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/realdocs")
        .join(sub)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping {}: not present", dir.display());
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            // The broken folder is mostly PDF, which another reader owns; take its DOCX only.
            !p.parent().is_some_and(|d| d.ends_with("broken"))
                || p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn real_documents_never_panic_and_keep_invariants() {
    let mut read = 0;
    for dir in DIRS {
        for path in files(&data(dir)) {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let result = std::panic::catch_unwind(|| clauselint_ingest::read(&bytes));
            let Ok(result) = result else {
                panic!("{}: panicked", path.display());
            };
            read += 1;
            if let Ok(doc) = result {
                for w in doc.clauses.windows(2) {
                    assert!(
                        w[0].span.end <= w[1].span.start,
                        "{}: clauses overlap",
                        path.display()
                    );
                }
                for c in &doc.clauses {
                    assert!(
                        c.span.slice(&doc.text).is_some(),
                        "{}: bad clause span",
                        path.display()
                    );
                }
                for b in &doc.blocks {
                    assert!(
                        b.span.slice(&doc.text).is_some(),
                        "{}: bad block span",
                        path.display()
                    );
                }
            }
        }
    }
    eprintln!("read {read} real files");
}

#[test]
fn truncated_and_damaged_copies_of_real_docx_fail_cleanly() {
    let Some(path) = files(&data("docx/contracts")).into_iter().next() else {
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    // Cutting the archive anywhere, or flipping bytes, must give Ok or Err, never a panic.
    for cut in (0..bytes.len()).step_by((bytes.len() / 40).max(1)) {
        let r = std::panic::catch_unwind(|| clauselint_ingest::read(&bytes[..cut]));
        assert!(r.is_ok(), "{}: panic when cut at {cut}", path.display());
    }
    for at in (30..bytes.len()).step_by((bytes.len() / 40).max(1)) {
        let mut b = bytes.clone();
        b[at] ^= 0x5A;
        let r = std::panic::catch_unwind(|| clauselint_ingest::read(&b));
        assert!(
            r.is_ok(),
            "{}: panic with byte {at} flipped",
            path.display()
        );
    }
}

#[test]
fn a_docx_with_text_only_in_headers_and_notes_says_so() {
    for name in [
        "docxrs-header_footer.docx",
        "mammoth-footnote-hyperlink.docx",
    ] {
        let path = data("docx").join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipping {}: not present", path.display());
            continue;
        };
        let err = clauselint_ingest::read(&bytes).map(|d| d.text);
        assert!(
            matches!(err, Err(clauselint_ingest::Error::NoBody)),
            "{name}: {err:?}"
        );
    }
}
