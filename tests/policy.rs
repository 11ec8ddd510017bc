//! `clauselint policy`: the effective policy comes back from the real plugin libraries, a
//! policy file's overrides show in it, and the `--init` template is a valid policy file that
//! changes nothing.

mod util;

use std::path::Path;

use util::*;

/// `clauselint policy ARGS… --plugins <the four core checks>`.
fn policy(plugins: &Path, args: &[&str]) -> std::process::Output {
    run(clauselint()
        .arg("policy")
        .args(args)
        .arg("--plugins")
        .arg(plugins))
}

fn parse_toml(text: &str) -> toml::Table {
    text.parse()
        .unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"))
}

#[test]
fn policy_prints_the_playbook_defaults_one_table_per_check() {
    let plugins = plugin_dir(&CORE_CHECKS);
    let out = policy(plugins.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let table = parse_toml(&text);
    // The playbook: a non-compete of up to 6 months passes, up to 12 warns; data must be
    // deleted within 30 days; a missing governing-law clause fails.
    assert_eq!(
        table["non-compete"]["max_pass_months"].as_integer(),
        Some(6)
    );
    assert_eq!(
        table["non-compete"]["max_warn_months"].as_integer(),
        Some(12)
    );
    assert_eq!(table["data-deletion"]["max_days"].as_integer(), Some(30));
    assert_eq!(table["governing-law"]["missing"].as_str(), Some("fail"));
    assert_eq!(
        table["governing-law"]["preferred"].as_array().map(Vec::len),
        Some(0)
    );
    // Tables in load order (file names sorted), keys in each check's declaration order.
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(
        headers,
        [
            "[data-deletion]",
            "[genai-output]",
            "[governing-law]",
            "[non-compete]"
        ]
    );
    let nc = text.split("[non-compete]").nth(1).unwrap();
    assert!(
        nc.find("max_pass_months") < nc.find("max_warn_months")
            && nc.find("max_warn_months") < nc.find("broad_scope"),
        "{nc}"
    );

    let out = policy(plugins.path(), &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json, serde_json::to_value(&table).unwrap());
}

#[test]
fn a_policy_file_override_shows_in_the_effective_policy() {
    let plugins = plugin_dir(&CORE_CHECKS);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agency.toml");
    std::fs::write(
        &file,
        "[non-compete]\nmax_warn_months = 24\n\n[governing-law]\npreferred = [\"US-NY\", \"GB-ENG\"]\n",
    )
    .unwrap();
    let out = policy(plugins.path(), &["--policy", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = parse_toml(&stdout(&out));
    assert_eq!(
        table["non-compete"]["max_warn_months"].as_integer(),
        Some(24)
    );
    // Keys the file does not set keep their defaults.
    assert_eq!(
        table["non-compete"]["max_pass_months"].as_integer(),
        Some(6)
    );
    assert_eq!(
        table["governing-law"]["preferred"],
        toml::Value::Array(vec!["US-NY".into(), "GB-ENG".into()])
    );
    assert_eq!(table["data-deletion"]["max_days"].as_integer(), Some(30));

    // The same validation as `audit`: a misspelt key names the file and line.
    std::fs::write(&file, "[non-compete]\nmax_warn_month = 24\n").unwrap();
    let out = policy(plugins.path(), &["--policy", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("agency.toml:2:") && stderr(&out).contains("max_warn_month"),
        "{}",
        stderr(&out)
    );
}

/// Every (file, check) → (verdict, message, params) of a JSON Lines audit of the corpus.
fn verdicts(plugins: &Path, policy_file: Option<&Path>) -> Vec<(String, String, String)> {
    let mut cmd = clauselint();
    cmd.args(["audit", "corpus/contracts", "--format", "jsonl", "-j", "2"])
        .arg("--plugins")
        .arg(plugins);
    if let Some(p) = policy_file {
        cmd.arg("--policy").arg(p);
    }
    let out = run(&mut cmd);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let mut all = Vec::new();
    for r in jsonl(&out) {
        for f in r["findings"].as_array().unwrap() {
            all.push((
                format!("{} {}", r["path"], f["check"]),
                f["verdict"].to_string(),
                format!("{} {}", f["message"], f["params"]),
            ));
        }
    }
    all.sort();
    all
}

#[test]
fn the_init_template_is_commented_and_round_trips_through_audit() {
    let plugins = plugin_dir(&CORE_CHECKS);
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("clauselint.toml");
    let out = policy(
        plugins.path(),
        &["--init", "-o", template.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&template).unwrap();

    // Each check: a header comment naming it, then each key with a comment line above it.
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with('[') {
            let id = line.trim_matches(['[', ']']);
            assert!(
                lines[..i]
                    .iter()
                    .rev()
                    .take_while(|l| l.starts_with('#'))
                    .any(|l| l.starts_with(&format!("# {id} — "))),
                "no header comment for [{id}]:\n{text}"
            );
        } else if !line.is_empty() && !line.starts_with('#') {
            assert!(
                i > 0 && lines[i - 1].starts_with("# "),
                "key without a comment: {line}\n{text}"
            );
        }
    }
    assert!(text.contains("max_warn_months = 12"), "{text}");
    assert!(text.contains("# Up to this many months it warns"), "{text}");

    // It is a valid policy file holding exactly the defaults...
    let defaults = policy(plugins.path(), &["--json"]);
    let with_template = policy(
        plugins.path(),
        &["--json", "--policy", template.to_str().unwrap()],
    );
    assert_eq!(
        with_template.status.code(),
        Some(0),
        "{}",
        stderr(&with_template)
    );
    assert_eq!(stdout(&with_template), stdout(&defaults));
    let parsed = parse_toml(&text);
    let printed: serde_json::Value = serde_json::from_str(&stdout(&defaults)).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), printed);

    // ...so auditing with it changes no verdict, message or parameter.
    let baseline = verdicts(plugins.path(), None);
    assert!(!baseline.is_empty());
    assert_eq!(verdicts(plugins.path(), Some(&template)), baseline);

    // A second --init does not overwrite the file; --force does.
    std::fs::write(&template, "# edited by the agency\n").unwrap();
    let out = policy(
        plugins.path(),
        &["--init", "-o", template.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&template).unwrap(),
        "# edited by the agency\n"
    );
    let out = policy(
        plugins.path(),
        &["--init", "--force", "-o", template.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&template).unwrap(), text);
}

#[test]
fn a_plugin_of_another_abi_is_refused_naming_both_versions() {
    let mut libs = CORE_CHECKS.to_vec();
    libs.push("clauselint_testplugin_abi_mismatch");
    let plugins = plugin_dir(&libs);
    let out = policy(plugins.path(), &[]);
    // The other checks' policies are printed; the refusal makes the run incomplete.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(parse_toml(&stdout(&out)).contains_key("non-compete"));
    let err = stderr(&out);
    let refusal = err
        .lines()
        .find(|l| l.contains("plugin refused") && l.contains("abi_mismatch"))
        .unwrap_or_else(|| panic!("no refusal in: {err}"));
    assert!(
        refusal.contains("plugin ABI version 999")
            && refusal.contains("this clauselint speaks ABI version 3"),
        "{refusal}"
    );
}
