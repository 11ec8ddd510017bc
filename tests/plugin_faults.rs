//! A panicking plugin and an ABI-mismatched plugin in the plugin folder: the audit completes,
//! the panic becomes an `error` finding for the contracts it hit, the mismatch is refused with
//! a message naming the file and both versions, and the other checks' findings are intact.

mod util;

use util::*;

#[test]
fn faulty_plugins_are_contained_and_refused() {
    let mut libs = CORE_CHECKS.to_vec();
    libs.extend([
        "clauselint_testplugin_panicking",
        "clauselint_testplugin_abi_mismatch",
    ]);
    let plugins = plugin_dir(&libs);
    let out = run(clauselint()
        .args([
            "audit",
            "corpus/contracts",
            "--format",
            "jsonl",
            "-j",
            "2",
            "--plugins",
        ])
        .arg(plugins.path()));

    // A refused plugin makes the run incomplete: exit status 2, after the whole report.
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    let mismatch = library("clauselint_testplugin_abi_mismatch");
    let file_name = mismatch.file_name().unwrap().to_string_lossy().into_owned();
    let refusal = err
        .lines()
        .find(|l| l.contains("plugin refused") && l.contains(&file_name))
        .unwrap_or_else(|| panic!("no refusal naming {file_name} in: {err}"));
    assert!(refusal.contains("ABI version 999"), "{refusal}");
    assert!(refusal.contains("ABI version 3"), "{refusal}");

    let records = jsonl(&out);
    // What the walk audits: regular files whose names do not start with a dot.
    let on_disk = std::fs::read_dir(root().join("corpus/contracts"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.path().is_file())
        .count();
    assert_eq!(records.len(), on_disk, "every file appears once");

    let mut panicked = 0;
    let mut passed = 0;
    for r in &records {
        assert_eq!(r["status"], "ok", "{r}");
        let findings = r["findings"].as_array().unwrap();
        let panicking: Vec<_> = findings
            .iter()
            .filter(|f| f["check"] == "panicking")
            .collect();
        assert_eq!(panicking.len(), 1, "{r}");
        match panicking[0]["verdict"].as_str() {
            Some("error") => {
                panicked += 1;
                let msg = panicking[0]["message"].as_str().unwrap();
                assert!(
                    msg.contains("panicked") && msg.contains("deliberate test panic"),
                    "{msg}"
                );
            }
            Some("pass") => passed += 1,
            other => panic!("unexpected verdict {other:?}"),
        }
        // The core checks still answered on every contract.
        for check in [
            "non-compete",
            "governing-law",
            "data-deletion",
            "genai-output",
        ] {
            let f = findings.iter().find(|f| f["check"] == check);
            let v = f.and_then(|f| f["verdict"].as_str()).unwrap_or("absent");
            assert_ne!(v, "error", "{check} on {}", r["path"]);
            assert_ne!(v, "absent", "{check} on {}", r["path"]);
        }
    }
    assert!(
        panicked > 0,
        "the panicking plugin must have hit some contracts"
    );
    assert!(passed > 0, "and passed the ones without its trigger");
}

#[test]
fn a_folder_without_plugins_is_a_run_error() {
    let empty = tempfile::tempdir().unwrap();
    let out = run(clauselint()
        .args(["audit", "corpus/contracts", "--plugins"])
        .arg(empty.path()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no check plugins could be loaded from"),
        "{}",
        stderr(&out)
    );
}
