//! End-to-end tests of the `clauselint` binary on real files.

mod util;

use std::io::Write;

use util::*;

#[test]
fn every_real_world_file_appears_with_a_status_and_nothing_panics() {
    let Some(data) = shared_data() else {
        eprintln!("../shared/data is not here; skipping");
        return;
    };
    let realdocs = data.join("realdocs");
    let out = run(clauselint()
        .args(["audit", "--format", "jsonl", "-j", "2"])
        .arg(&realdocs));
    // broken/ holds unreadable files, and an unreadable contract fails the gate.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = jsonl(&out);
    let found = walk_files(&realdocs);
    assert_eq!(records.len(), found, "one record per file");
    let mut errors = 0;
    for r in &records {
        match r["status"].as_str() {
            Some("ok") => assert!(!r["findings"].as_array().unwrap().is_empty(), "{r}"),
            Some("error") => {
                errors += 1;
                let msg = r["error"].as_str().unwrap_or("");
                assert!(!msg.is_empty(), "an error record says why: {r}");
                assert!(!msg.contains("internal error"), "a reader panicked: {r}");
            }
            other => panic!("bad status {other:?} in {r}"),
        }
    }
    assert!(errors > 0, "the broken/ folder must produce error records");
}

fn walk_files(dir: &std::path::Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let meta = std::fs::metadata(e.path()).unwrap();
        if meta.is_dir() {
            n += walk_files(&e.path());
        } else if meta.is_file() {
            n += 1;
        }
    }
    n
}

#[test]
fn extract_shows_rendered_docx_numbering_and_clause_spans() {
    let docx = std::fs::read_dir(root().join("corpus/contracts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("the corpus has DOCX files");
    let out = run(clauselint()
        .args(["extract", "--format", "json"])
        .arg(&docx));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["format"], "docx");
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let clauses = doc["clauses"].as_array().unwrap();
    let numbered: Vec<&str> = clauses
        .iter()
        .filter_map(|c| c["number"].as_str())
        .collect();
    assert!(
        numbered.contains(&"1"),
        "numbers from numbering.xml: {numbered:?}"
    );
    assert!(
        numbered.iter().any(|n| n.contains('.')),
        "sub-clause numbers: {numbered:?}"
    );
    for c in clauses {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[s..e].iter().collect();
        assert_eq!(
            slice,
            c["text"].as_str().unwrap(),
            "char offsets address the text"
        );
        assert!(
            c["paragraph"].as_u64().is_some(),
            "DOCX clauses carry a paragraph: {c}"
        );
    }
}

#[test]
fn extract_reports_unreadable_input_as_a_run_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("contract.pdf");
    std::fs::write(&bad, b"%PDF-1.7\n1 0 obj << /Type /Catalog").unwrap();
    let out = run(clauselint().arg("extract").arg(&bad));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("contract.pdf"), "{}", stderr(&out));
}

#[test]
fn format_is_sniffed_from_bytes_not_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let disguised = dir.path().join("contract.pdf");
    std::fs::write(
        &disguised,
        "1. Governing Law\nThis Agreement is governed by the laws of the State of Delaware.\n",
    )
    .unwrap();
    let out = run(clauselint()
        .args(["audit", "--format", "jsonl"])
        .arg(&disguised));
    let records = jsonl(&out);
    assert_eq!(records[0]["format"], "text", "{}", records[0]);
    let gl = records[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "governing-law")
        .unwrap();
    assert_eq!(gl["params"]["jurisdiction"], "US-DE", "{gl}");
    assert_eq!(gl["evidence"][0]["line"], 2, "{gl}");
}

#[test]
fn fail_on_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    // No governing-law clause: the playbook says fail.
    let f = dir.path().join("nda.txt");
    std::fs::write(
        &f,
        "1. Confidentiality\nEach party keeps the other's information secret.\n",
    )
    .unwrap();
    let fail = run(clauselint().args(["audit", "-q"]).arg(&f));
    assert_eq!(fail.status.code(), Some(1), "{}", stdout(&fail));
    let never = run(clauselint()
        .args(["audit", "-q", "--fail-on", "never"])
        .arg(&f));
    assert_eq!(never.status.code(), Some(0));
}

#[test]
fn an_unreadable_contract_fails_the_gate_but_the_audit_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a_good.txt");
    std::fs::write(
        &good,
        "1. Governing Law\nThis Agreement is governed by the laws of the State of New York.\n\n\
         2. Return of Data\nWithin thirty (30) days after termination, Provider shall delete all \
         Client Data, including all copies and backups, and certify the deletion in writing.\n",
    )
    .unwrap();
    // A DOCX that is not a zip archive at all.
    std::fs::write(dir.path().join("b_broken.docx"), b"PK\x03\x04 truncated").unwrap();
    let out = run(clauselint()
        .args(["audit", "--format", "jsonl", "--fail-on", "never"])
        .arg(dir.path()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = jsonl(&out);
    assert_eq!(records.len(), 2);
    let gate = run(clauselint().args(["audit", "-q"]).arg(&good));
    let with_broken = run(clauselint().args(["audit", "-q"]).arg(dir.path()));
    assert_eq!(
        (gate.status.code(), with_broken.status.code()),
        (Some(0), Some(1)),
        "{}",
        stdout(&with_broken)
    );
    assert!(stdout(&with_broken).contains("unreadable files (1):"));
}

#[test]
fn policy_values_are_validated_at_load_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("clauselint.toml");
    let mut file = std::fs::File::create(&policy).unwrap();
    writeln!(file, "# agency policy\n\n[governing-law]\npreferred = [\"US-NY\"]\n\n[non-compete]\nmax_warn_months = \"forever\"").unwrap();
    let out = run(clauselint()
        .args(["audit", "corpus/contracts", "--policy"])
        .arg(&policy));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("clauselint.toml:7:"),
        "names the file and the line of the bad key: {err}"
    );
    assert!(err.contains("max_warn_months"), "{err}");
    assert!(
        stdout(&out).is_empty(),
        "nothing is audited with a bad policy"
    );

    std::fs::write(&policy, "[no-such-check]\nx = 1\n").unwrap();
    let out = run(clauselint()
        .args(["audit", "corpus/contracts", "--policy"])
        .arg(&policy));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("clauselint.toml:1: unknown check `no-such-check`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_stricter_policy_changes_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let contract = dir.path().join("msa.txt");
    std::fs::write(&contract, "1. Governing Law\nThis Agreement shall be governed by and construed in accordance with the internal laws of the State of California.\n").unwrap();
    let policy = dir.path().join("clauselint.toml");
    std::fs::write(
        &policy,
        "[governing-law]\npreferred = [\"US-NY\", \"GB-ENG\"]\n",
    )
    .unwrap();
    let out = run(clauselint()
        .args(["audit", "--format", "jsonl", "--policy"])
        .arg(&policy)
        .arg(&contract));
    let records = jsonl(&out);
    let gl = records[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "governing-law")
        .unwrap();
    assert_eq!(gl["verdict"], "warn", "{gl}");
    assert_eq!(gl["params"]["jurisdiction"], "US-CA");
}

#[test]
fn plugins_lists_the_core_checks() {
    let out = run(clauselint().args(["plugins", "--json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = v["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in [
        "non-compete",
        "governing-law",
        "data-deletion",
        "genai-output",
    ] {
        assert!(ids.contains(&id), "{ids:?}");
    }
    assert!(
        !ids.contains(&"panicking"),
        "test plugins are not default plugins"
    );
}
