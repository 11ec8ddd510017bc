//! Every real-world and damaged PDF either reads or gives an error: no panic, no hang.

use std::path::PathBuf;

/// `../shared/data/realdocs` next to the repository.
fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/realdocs")
}

#[test]
fn realdocs_pdfs_read_or_fail_cleanly() {
    let root = data();
    if !root.is_dir() {
        eprintln!("{} is missing; skipping", root.display());
        return;
    }
    let mut seen = 0;
    for folder in ["pdf", "broken"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if !bytes.starts_with(b"%PDF") {
                continue;
            }
            seen += 1;
            // A panic fails the test with the file named; an Err is an acceptable answer.
            let result = std::panic::catch_unwind(|| {
                clauselint_ingest::read(&bytes).map(|d| d.blocks.len())
            });
            assert!(result.is_ok(), "{} panicked", path.display());
        }
    }
    assert!(seen > 0, "no PDFs found under {}", root.display());
}

#[test]
fn realdocs_pdfs_that_cannot_give_text_say_why() {
    use clauselint_ingest::Error;
    let root = data().join("pdf");
    type Expected = fn(&Error) -> bool;
    let cases: [(&str, Expected); 3] = [
        // RC4 without a trailer /ID: decrypts with the empty password; its pages are a scan.
        ("pdfminer-enc-no-id.pdf", |e| {
            matches!(e, Error::NoTextLayer)
        }),
        // A user password ("foo"): stays closed.
        ("pdfminer-enc-aes128-m.pdf", |e| {
            matches!(e, Error::Encrypted)
        }),
        // An Identity-H TrueType font with no ToUnicode: text shown, letters unknown.
        ("pdfminer-non-unicode-cmap.pdf", |e| {
            matches!(e, Error::NoUnicodeMapping)
        }),
    ];
    for (name, expected) in cases {
        let Ok(bytes) = std::fs::read(root.join(name)) else {
            eprintln!("{name} is missing; skipping");
            continue;
        };
        let got = clauselint_ingest::read(&bytes).map(|d| d.text);
        assert!(got.as_ref().err().is_some_and(expected), "{name}: {got:?}");
    }
}
