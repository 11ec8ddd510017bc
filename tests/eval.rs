//! End-to-end tests of `clauselint eval`: the real binary, the real plugins, labelled files.

mod util;

use serde_json::Value;
use util::*;

fn eval_json(args: &[&str]) -> Value {
    let plugins = plugin_dir(&CORE_CHECKS);
    let out = run(clauselint()
        .arg("eval")
        .args(args)
        .args(["--format", "json", "-j", "2", "--plugins"])
        .arg(plugins.path()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", stdout(&out)))
}

fn category<'a>(eval: &'a Value, name: &str) -> &'a Value {
    eval["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == name)
        .unwrap_or_else(|| panic!("no category {name} in {eval:#}"))
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

fn assert_unit(v: &Value, what: &str) {
    if v.is_null() {
        return;
    }
    let x = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"));
    assert!((0.0..=1.0).contains(&x), "{what} = {x} is outside [0, 1]");
}

/// Checks every figure of a category against its own counts.
fn assert_consistent(c: &Value, contracts: u64) {
    let (tp, fp, fnn, tn) = (n(&c["tp"]), n(&c["fp"]), n(&c["fn"]), n(&c["tn"]));
    assert_eq!(tp + fp + fnn + tn, n(&c["contracts"]), "{c:#}");
    assert_eq!(
        n(&c["contracts"]),
        contracts,
        "every contract labels it: {c:#}"
    );
    for key in ["precision", "recall", "f1", "f1_mean", "f1_sd"] {
        assert_unit(&c[key], key);
    }
    assert_unit(&c["evidence_in_span"]["share"], "evidence share");
    if tp + fp > 0 {
        let p = c["precision"].as_f64().unwrap();
        assert!((p - tp as f64 / (tp + fp) as f64).abs() < 1e-9, "{c:#}");
    }
    if tp + fnn > 0 {
        let r = c["recall"].as_f64().unwrap();
        assert!((r - tp as f64 / (tp + fnn) as f64).abs() < 1e-9, "{c:#}");
    }
    let ev = &c["evidence_in_span"];
    assert!(n(&ev["n"]) <= n(&ev["of"]), "{c:#}");
    if tp == 0 {
        assert_eq!(
            n(&ev["of"]),
            0,
            "evidence is counted on true positives only"
        );
    }
    // The folds partition the contracts.
    let folds = c["folds"].as_array().unwrap();
    for key in ["tp", "fp", "fn", "tn"] {
        let sum: u64 = folds.iter().map(|f| n(&f[key])).sum();
        assert_eq!(sum, n(&c[key]), "fold {key} add up: {c:#}");
    }
    for f in folds {
        assert_unit(&f["f1"], "fold f1");
    }
}

#[test]
fn the_playbook_set_is_scored_with_consistent_figures() {
    let file = root().join("corpus/labelled/playbook.jsonl");
    let text = std::fs::read_to_string(&file).unwrap();
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 60, "at least 60 labelled items");
    let labelled = |cat: &str| {
        records
            .iter()
            .filter(|r| !r["labels"][cat].as_array().unwrap().is_empty())
            .count() as u64
    };
    let eval = eval_json(&["--cuad", "corpus/labelled/playbook.jsonl"]);
    let total = records.len() as u64;
    assert_eq!(n(&eval["contracts"]), total);
    assert_eq!(n(&eval["contracts_in_file"]), total);
    assert_eq!(n(&eval["folds"]), 5);
    assert!(eval["fold"].is_null());
    for (cat, check) in [
        ("Data Deletion", "data-deletion"),
        ("GenAI Output Ownership", "genai-output"),
    ] {
        let c = category(&eval, cat);
        assert_eq!(c["check"], check);
        assert_consistent(c, total);
        assert_eq!(n(&c["tp"]) + n(&c["fn"]), labelled(cat), "{cat}");
        assert_eq!(c["folds"].as_array().unwrap().len(), 5);
        assert!(c["jurisdiction_correct"].is_null());
        assert!(c.get("errors").is_none(), "errors only with --show-errors");
    }
    // Categories whose check is not loaded, or which the file does not label, are skipped
    // with a reason, not scored as misses.
    let skipped = eval["skipped"].as_array().unwrap();
    let reason = |cat: &str| {
        skipped
            .iter()
            .find(|s| s["category"] == cat)
            .map(|s| s["reason"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{cat} not skipped: {eval:#}"))
    };
    assert!(reason("Cap On Liability").contains("not loaded"));
    assert!(reason("Governing Law").contains("no contract"));
    assert_eq!(eval["categories"].as_array().unwrap().len(), 2);
    let t = &eval["text"];
    assert_eq!(
        n(&t["identical"]) + n(&t["whitespace_only"]) + n(&t["changed"]) + n(&t["unreadable"]),
        total
    );
    assert!(eval["timing"]["ingest_ms_total"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_tiny_fixture_gives_the_exact_governing_law_counts() {
    // Contract 0 labels a New York governing-law clause (CRLF and blank lines, so offsets must
    // be mapped back); contract 1 has an English governing-law clause but no label; contract 2
    // labels "Delaware" in "a Delaware corporation", which no governing-law check should take
    // for a choice of law.
    let file = "tests/fixtures/eval/cuad_tiny.jsonl";
    let eval = eval_json(&["--cuad", file, "--folds", "3", "--show-errors"]);
    assert_eq!(n(&eval["contracts"]), 3);
    let gl = category(&eval, "Governing Law");
    assert_consistent(gl, 3);
    assert_eq!(
        [n(&gl["tp"]), n(&gl["fp"]), n(&gl["fn"]), n(&gl["tn"])],
        [1, 1, 1, 0]
    );
    assert_eq!(gl["precision"].as_f64(), Some(0.5));
    assert_eq!(gl["recall"].as_f64(), Some(0.5));
    assert_eq!(gl["f1"].as_f64(), Some(0.5));
    let ev = &gl["evidence_in_span"];
    assert!(n(&ev["of"]) >= 1 && n(&ev["n"]) == n(&ev["of"]), "{gl:#}");
    let j = &gl["jurisdiction_correct"];
    assert_eq!((n(&j["n"]), n(&j["of"])), (1, 1), "{gl:#}");
    // One contract per fold: F1 1, 0, 0.
    let f1s: Vec<Option<f64>> = gl["folds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["f1"].as_f64())
        .collect();
    assert_eq!(f1s, [Some(1.0), Some(0.0), Some(0.0)]);
    assert!((gl["f1_mean"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    let errors = &gl["errors"];
    assert_eq!(
        errors["false_positives"][0]["id"],
        "tiny-2-unlabelled-england"
    );
    assert!(
        errors["false_positives"][0]["text"]
            .as_str()
            .unwrap()
            .contains("England")
    );
    assert_eq!(
        errors["false_negatives"][0]["id"],
        "tiny-3-delaware-corporation"
    );
    assert_eq!(errors["false_negatives"][0]["text"], "Delaware");
    // --fold restricts the scoring to one fold.
    let one = eval_json(&["--cuad", file, "--folds", "3", "--fold", "0"]);
    assert_eq!((n(&one["contracts"]), n(&one["contracts_in_file"])), (1, 3));
    let gl = category(&one, "Governing Law");
    assert_eq!([n(&gl["tp"]), n(&gl["fp"]), n(&gl["fn"])], [1, 0, 0]);
    assert_eq!(gl["folds"].as_array().unwrap().len(), 1);
}

#[test]
fn the_text_report_and_usage_errors() {
    let plugins = plugin_dir(&CORE_CHECKS);
    let out = run(clauselint()
        .args([
            "eval",
            "--cuad",
            "tests/fixtures/eval/cuad_tiny.jsonl",
            "--folds",
            "3",
        ])
        .arg("--plugins")
        .arg(plugins.path()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Governing Law"), "{text}");
    assert!(text.contains("F1 per fold"), "{text}");
    assert!(text.contains("Time: ingest"), "{text}");
    for bad in [
        vec!["--cuad", "tests/fixtures/eval/no-such-file.jsonl"],
        vec![
            "--cuad",
            "tests/fixtures/eval/cuad_tiny.jsonl",
            "--fold",
            "5",
        ],
        vec!["--cuad", "corpus/README.md"],
    ] {
        let out = run(clauselint()
            .arg("eval")
            .args(&bad)
            .arg("--plugins")
            .arg(plugins.path()));
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("error"), "{bad:?}: {}", stderr(&out));
    }
}

#[test]
fn a_held_out_fold_is_scored_apart_and_its_errors_stay_unlisted() {
    let eval = eval_json(&[
        "--cuad",
        "corpus/labelled/playbook.jsonl",
        "--hold-out",
        "4",
        "--show-errors",
    ]);
    assert_eq!(n(&eval["hold_out"]), 4);
    for cat in ["Data Deletion", "GenAI Output Ownership"] {
        let c = category(&eval, cat);
        let h = &c["held_out"];
        assert_eq!(n(&h["fold"]), 4);
        // The development folds and the held-out one add up to the whole table, and the
        // held-out counts are fold 4's.
        for k in ["tp", "fp", "fn", "tn"] {
            assert_eq!(
                n(&h["development"][k]) + n(&h["held_out"][k]),
                n(&c[k]),
                "{cat} {k}"
            );
            let fold4 = c["folds"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| n(&f["fold"]) == 4)
                .unwrap();
            assert_eq!(n(&h["held_out"][k]), n(&fold4[k]), "{cat} {k}");
        }
        assert_unit(&h["development_f1"], "development f1");
        assert_unit(&h["held_out_f1"], "held-out f1");
        let errors = &c["errors"];
        for list in [
            "false_positives",
            "false_negatives",
            "wrong_jurisdiction",
            "quotes_outside",
        ] {
            for x in errors[list].as_array().unwrap() {
                assert_ne!(n(&x["fold"]), 4, "{cat}: a held-out error listed: {x}");
            }
        }
    }
}

#[test]
fn a_held_out_fold_must_exist_and_excludes_fold() {
    let plugins = plugin_dir(&CORE_CHECKS);
    for args in [
        &["--hold-out", "5"][..],
        &["--hold-out", "1", "--fold", "2"][..],
    ] {
        let out = run(clauselint()
            .args([
                "eval",
                "--cuad",
                "corpus/labelled/playbook.jsonl",
                "--plugins",
            ])
            .arg(plugins.path())
            .args(args));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("--hold-out"), "{}", stderr(&out));
    }
}
