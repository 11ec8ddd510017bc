//! The shipped sample corpus: the real binary with the real plugins (loaded from next to the
//! binary, the default) must give every expected verdict and key parameter in
//! `corpus/expected.toml`.

mod util;

use std::collections::BTreeMap;

use util::*;

#[derive(serde::Deserialize)]
struct Expected {
    contract: Vec<ExpectedContract>,
}

#[derive(serde::Deserialize)]
struct ExpectedContract {
    file: String,
    expect: BTreeMap<String, toml::Table>,
}

#[test]
fn sample_corpus_gives_the_expected_verdicts() {
    let text = std::fs::read_to_string(root().join("corpus/expected.toml")).unwrap();
    let expected: Expected = toml::from_str(&text).unwrap();
    let out = run(clauselint().args(["audit", "corpus/contracts", "--format", "jsonl"]));
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "status {:?}, stderr: {}",
        out.status,
        stderr(&out)
    );
    let records = jsonl(&out);
    let by_path: BTreeMap<String, &serde_json::Value> = records
        .iter()
        .map(|r| {
            let p = r["path"].as_str().unwrap().replace('\\', "/");
            (p.trim_start_matches("./").to_owned(), r)
        })
        .collect();

    let mut problems = Vec::new();
    let mut checked = 0;
    for c in &expected.contract {
        let path = format!("corpus/{}", c.file);
        let Some(record) = by_path.get(&path) else {
            problems.push(format!("{path}: not in the report"));
            continue;
        };
        if record["status"] != "ok" {
            problems.push(format!(
                "{path}: status {} ({})",
                record["status"], record["error"]
            ));
            continue;
        }
        for (check, want) in &c.expect {
            checked += 1;
            let Some(finding) = record["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["check"] == check.as_str())
            else {
                problems.push(format!("{path}: no {check} finding"));
                continue;
            };
            for (key, value) in want {
                let got = if key == "verdict" {
                    &finding["verdict"]
                } else {
                    &finding["params"][key]
                };
                let want_json = serde_json::to_value(value).unwrap();
                if *got != want_json {
                    problems.push(format!(
                        "{path}: {check}.{key} = {got}, expected {want_json} ({})",
                        finding["message"]
                    ));
                }
            }
        }
    }
    assert!(
        checked >= 64,
        "expected.toml covers too little: {checked} checks"
    );
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
