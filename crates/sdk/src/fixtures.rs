//! The fixture harness: "this clause text gives this verdict with these parameters", as files.
//!
//! A plugin keeps `fixtures/<verdict>/NNNN_name.txt` with `NNNN_name.expect.toml` beside it:
//!
//! ```toml
//! verdict = "fail"                     # must equal the folder name
//! message_contains = "24 months"       # optional, case-insensitive
//! absent_params = ["territory"]        # optional: parameters that must not be set
//!
//! [params]                             # optional: expected parameters (others are ignored)
//! duration_months = 24                 # ints, bools and strings exact; floats ±1e-6
//! scope = "industry"
//!
//! [policy]                             # optional: the check's policy table for this fixture
//! max_warn_months = 24
//! ```
//!
//! The text is segmented with [`crate::segment::simple_clauses`], the check is built from the
//! policy exactly as the host does (TOML → JSON → `Check::Policy` → `Check::new`), and the first
//! finding is compared. [`run`] checks every fixture and then panics once, listing every
//! mismatch, so one run shows all the work left. A missing or empty fixtures folder fails.
//!
//! It also checks the policy's documentation ([`check_policy_doc`]): `Check::POLICY_DOC` must
//! name exactly the keys of the serialised default policy, so the template `clauselint policy
//! --init` writes cannot drift from the struct.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::segment::simple_clauses;
use crate::{Check, Contract, ParamValue, Report, Verdict};

/// The expectations in one `.expect.toml` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    verdict: String,
    #[serde(default)]
    params: toml::Table,
    #[serde(default)]
    absent_params: Vec<String>,
    message_contains: Option<String>,
    policy: Option<toml::Table>,
}

/// Runs every fixture under `dir` against `C` and panics with a list of all mismatches.
/// Call it from a `#[test]`.
pub fn run<C: Check>(dir: impl AsRef<Path>) {
    match check_all::<C>(dir.as_ref()) {
        Ok(_) => {}
        Err(report) => panic!("{report}"),
    }
}

/// Runs every fixture under `dir` against `C` and checks its policy documentation:
/// `Ok(number of fixtures)` when all pass, otherwise `Err` with one paragraph per failing
/// fixture (and one for the documentation).
pub fn check_all<C: Check>(dir: &Path) -> Result<usize, String> {
    let doc = check_policy_doc::<C>().err();
    let fixtures = collect(dir).map_err(|e| match &doc {
        Some(doc) => format!("{e}\n\n{doc}"),
        None => e,
    })?;
    let mut failures = Vec::new();
    for fixture in &fixtures {
        if let Err(problems) = check_one::<C>(fixture) {
            failures.push(format!(
                "{}:\n    {}",
                fixture.display(),
                problems.join("\n    ")
            ));
        }
    }
    match (failures.is_empty(), doc) {
        (true, None) => Ok(fixtures.len()),
        (true, Some(doc)) => Err(doc),
        (false, doc) => Err(format!(
            "{} of {} fixtures of check `{}` failed:\n\n{}\n{}",
            failures.len(),
            fixtures.len(),
            C::ID,
            failures.join("\n\n"),
            doc.map(|d| format!("\n{d}")).unwrap_or_default()
        )),
    }
}

/// Checks `C::POLICY_DOC` against `C::Policy`: every top-level key of the serialised default
/// policy has exactly one one-line, non-empty comment and every comment names such a key; the
/// serialised defaults read back as a policy and `Check::new` accepts them (so a template of
/// the defaults is a valid policy file). `Err` lists every problem.
pub fn check_policy_doc<C: Check>() -> Result<(), String> {
    let mut problems = Vec::new();
    let defaults = match serde_json::to_value(C::Policy::default()) {
        Ok(serde_json::Value::Null) => serde_json::Map::new(),
        Ok(serde_json::Value::Object(map)) => map,
        Ok(other) => {
            problems.push(format!(
                "the default policy serialises to {other}, not to a table"
            ));
            serde_json::Map::new()
        }
        Err(e) => {
            problems.push(format!("the default policy cannot be serialised: {e}"));
            serde_json::Map::new()
        }
    };
    let mut seen = std::collections::HashSet::new();
    for (key, comment) in C::POLICY_DOC {
        if !seen.insert(*key) {
            problems.push(format!("`{key}` is documented twice"));
        }
        if !defaults.contains_key(*key) {
            problems.push(format!("`{key}` is documented but is not a policy key"));
        }
        if comment.trim().is_empty() {
            problems.push(format!("`{key}` has an empty comment"));
        } else if comment.contains(['\n', '\r']) {
            problems.push(format!("`{key}`'s comment must be one line"));
        }
    }
    for key in defaults.keys() {
        if !seen.contains(key.as_str()) {
            problems.push(format!("policy key `{key}` has no POLICY_DOC entry"));
        }
    }
    match serde_json::from_value::<C::Policy>(serde_json::Value::Object(defaults)) {
        Ok(policy) => {
            if let Err(e) = C::new(policy) {
                problems.push(format!("the default policy is rejected: {e}"));
            }
        }
        Err(e) => problems.push(format!(
            "the serialised default policy does not read back: {e}"
        )),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "policy documentation of check `{}` (`Check::POLICY_DOC`) does not match its \
             policy:\n    {}\n",
            C::ID,
            problems.join("\n    ")
        ))
    }
}

/// Every `.txt` fixture under `dir/<verdict>/`, sorted; folders that are not verdicts and
/// files not named `NNNN_name.txt` are errors, so a typo cannot hide a fixture.
fn collect(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the fixtures folder: {e}", dir.display()))?;
    let mut fixtures = Vec::new();
    let mut problems = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let folder = entry.file_name().to_string_lossy().into_owned();
        if Verdict::parse(&folder).is_none() {
            problems.push(format!("{}: folder is not a verdict name", path.display()));
            continue;
        }
        let files =
            fs::read_dir(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        for file in files.flatten() {
            let p = file.path();
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".expect.toml") {
                let txt = p.with_file_name(name.replace(".expect.toml", ".txt"));
                if !txt.exists() {
                    problems.push(format!("{}: no .txt beside it", p.display()));
                }
            } else if let Some(stem) = name.strip_suffix(".txt") {
                if !well_named(stem) {
                    problems.push(format!("{}: name must be NNNN_name.txt", p.display()));
                }
                fixtures.push(p);
            } else {
                problems.push(format!(
                    "{}: not a fixture (.txt / .expect.toml)",
                    p.display()
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    if fixtures.is_empty() {
        return Err(format!("{}: no fixtures found", dir.display()));
    }
    fixtures.sort();
    Ok(fixtures)
}

fn well_named(stem: &str) -> bool {
    let mut parts = stem.splitn(2, '_');
    let digits = parts.next().unwrap_or("");
    let rest = parts.next().unwrap_or("");
    digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty()
}

fn check_one<C: Check>(txt: &Path) -> Result<(), Vec<String>> {
    let fail = |m: String| vec![m];
    let text = fs::read_to_string(txt).map_err(|e| fail(format!("cannot read: {e}")))?;
    let expect_path = txt.with_extension("expect.toml");
    let expect_text = fs::read_to_string(&expect_path)
        .map_err(|e| fail(format!("cannot read {}: {e}", expect_path.display())))?;
    let expect: Expect = toml::from_str(&expect_text)
        .map_err(|e| fail(format!("{}: {e}", expect_path.display())))?;

    let folder = txt
        .parent()
        .and_then(Path::file_name)
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut problems = Vec::new();
    if expect.verdict != folder {
        problems.push(format!(
            "expect file says verdict {:?} but the fixture is in folder {folder:?}",
            expect.verdict
        ));
    }
    let Some(expected_verdict) = Verdict::parse(&expect.verdict) else {
        return Err(fail(format!("unknown verdict {:?}", expect.verdict)));
    };

    let policy_json = serde_json::to_value(expect.policy.unwrap_or_default())
        .map_err(|e| fail(format!("policy: {e}")))?;
    let policy: C::Policy =
        serde_json::from_value(policy_json).map_err(|e| fail(format!("policy: {e}")))?;
    let check = C::new(policy).map_err(|e| fail(format!("policy rejected: {e}")))?;

    let clauses = simple_clauses(&text);
    let contract = Contract::new(&text, &clauses);
    let reports: Vec<Report> = check.check(&contract);
    let Some(first) = reports.first() else {
        problems.push("the check returned no finding".to_owned());
        return Err(problems);
    };
    let finding = first.finding();
    if finding.verdict != expected_verdict {
        problems.push(format!(
            "verdict: expected {expected_verdict}, got {} ({:?})",
            finding.verdict, finding.message
        ));
    }
    for span in &finding.evidence {
        if text.get(span.start..span.end).is_none() {
            problems.push(format!(
                "evidence span {}..{} is not valid text",
                span.start, span.end
            ));
        }
    }
    if let Some(needle) = &expect.message_contains
        && !finding
            .message
            .to_lowercase()
            .contains(&needle.to_lowercase())
    {
        problems.push(format!(
            "message {:?} does not contain {needle:?}",
            finding.message
        ));
    }
    for (name, expected) in &expect.params {
        match finding.params.get(name) {
            None => problems.push(format!("param {name}: expected {expected}, not set")),
            Some(actual) if !same(expected, actual) => problems.push(format!(
                "param {name}: expected {expected}, got {}",
                show(actual)
            )),
            Some(_) => {}
        }
    }
    for name in &expect.absent_params {
        if let Some(actual) = finding.params.get(name) {
            problems.push(format!(
                "param {name}: expected absent, got {}",
                show(actual)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let mut all = String::new();
        for (k, v) in &finding.params {
            let _ = write!(all, "{k}={} ", show(v));
        }
        problems.push(format!("(all params: {})", all.trim_end()));
        Err(problems)
    }
}

/// Whether an expected TOML value equals an extracted parameter.
fn same(expected: &toml::Value, actual: &ParamValue) -> bool {
    match (expected, actual) {
        (toml::Value::Integer(e), ParamValue::Int(a)) => e == a,
        (toml::Value::Integer(e), ParamValue::Float(a)) => (*e as f64 - a).abs() <= 1e-6,
        (toml::Value::Float(e), ParamValue::Float(a)) => (e - a).abs() <= 1e-6,
        (toml::Value::Float(e), ParamValue::Int(a)) => (e - *a as f64).abs() <= 1e-6,
        (toml::Value::Boolean(e), ParamValue::Bool(a)) => e == a,
        (toml::Value::String(e), ParamValue::Text(a)) => e == a,
        (toml::Value::Array(e), ParamValue::List(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| same(x, y))
        }
        _ => false,
    }
}

fn show(v: &ParamValue) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| format!("{v:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Report;

    /// A toy check: "fail" when the text says "forbidden", "missing" when it is empty of
    /// "clause", "pass" otherwise; reports the word count.
    struct Toy;

    #[derive(Default, Deserialize, serde::Serialize)]
    #[serde(deny_unknown_fields, default)]
    struct ToyPolicy {
        strict: bool,
    }

    impl Check for Toy {
        const ID: &'static str = "toy";
        const NAME: &'static str = "Toy";
        const VERSION: &'static str = "0.0.0";
        const DESCRIPTION: &'static str = "Test double for the harness.";
        const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Missing, Verdict::Fail];
        const POLICY_DOC: &'static [(&'static str, &'static str)] =
            &[("strict", "Whether to be strict (true or false).")];
        type Policy = ToyPolicy;

        fn new(policy: ToyPolicy) -> Result<Self, String> {
            let _ = policy.strict;
            Ok(Toy)
        }

        fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
            let text = contract.text();
            let words = text.split_whitespace().count() as i64;
            let verdict = if text.contains("forbidden") {
                Verdict::Fail
            } else if !text.contains("clause") {
                Verdict::Missing
            } else {
                Verdict::Pass
            };
            vec![
                Report::new(verdict, format!("{words} words"))
                    .param("words", words)
                    .param("ratio", 0.5)
                    .param("clauses", contract.clauses().count() as i64),
            ]
        }
    }

    fn data(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/harness")
            .join(name)
    }

    #[test]
    fn good_fixtures_pass() {
        assert_eq!(check_all::<Toy>(&data("good")), Ok(3));
        run::<Toy>(data("good"));
    }

    #[test]
    fn every_mismatch_is_listed() {
        let err = check_all::<Toy>(&data("bad")).unwrap_err();
        assert!(
            err.starts_with("4 of 4 fixtures of check `toy` failed"),
            "{err}"
        );
        assert!(err.contains("verdict: expected fail, got pass"), "{err}");
        assert!(err.contains("param words: expected 99, got 4"), "{err}");
        assert!(err.contains("does not contain \"elephant\""), "{err}");
        assert!(
            err.contains("but the fixture is in folder \"pass\""),
            "{err}"
        );
        assert!(err.contains("policy: unknown field `lenient`"), "{err}");
    }

    #[test]
    fn empty_or_missing_folders_fail() {
        assert!(
            check_all::<Toy>(&data("empty"))
                .unwrap_err()
                .contains("no fixtures")
        );
        assert!(
            check_all::<Toy>(&data("does-not-exist"))
                .unwrap_err()
                .contains("cannot read the fixtures folder")
        );
    }

    #[test]
    fn badly_named_files_and_folders_are_errors() {
        let err = check_all::<Toy>(&data("misnamed")).unwrap_err();
        assert!(err.contains("name must be NNNN_name.txt"), "{err}");
        assert!(err.contains("folder is not a verdict name"), "{err}");
    }

    /// The toy check with its policy documentation wrong in every way the harness catches.
    struct Undocumented;

    #[derive(Default, Deserialize, serde::Serialize)]
    #[serde(deny_unknown_fields, default)]
    struct TwoKeys {
        strict: bool,
        limit: u32,
    }

    impl Check for Undocumented {
        const ID: &'static str = "undocumented";
        const NAME: &'static str = "Undocumented";
        const VERSION: &'static str = "0.0.0";
        const DESCRIPTION: &'static str = "Test double with drifted docs.";
        const VERDICTS: &'static [Verdict] = &[Verdict::Pass];
        const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
            ("strict", "Whether to be strict."),
            ("strict", "Again."),
            ("limt", "A misspelt key."),
            ("limit", "Two\nlines."),
        ];
        type Policy = TwoKeys;

        fn new(policy: TwoKeys) -> Result<Self, String> {
            if policy.limit == 0 {
                return Err("`limit` must be at least 1".to_owned());
            }
            Ok(Undocumented)
        }

        fn check(&self, _: &Contract<'_>) -> Vec<Report> {
            vec![Report::new(Verdict::Pass, "ok")]
        }
    }

    #[test]
    fn policy_doc_must_match_the_policy() {
        assert_eq!(check_policy_doc::<Toy>(), Ok(()));
        let err = check_policy_doc::<Undocumented>().unwrap_err();
        assert!(err.contains("`strict` is documented twice"), "{err}");
        assert!(
            err.contains("`limt` is documented but is not a policy key"),
            "{err}"
        );
        assert!(err.contains("`limit`'s comment must be one line"), "{err}");
        assert!(
            err.contains("the default policy is rejected: `limit` must be at least 1"),
            "{err}"
        );
        // The fixture run reports it too, even when every fixture passes.
        let err = check_all::<Undocumented>(&data("empty")).unwrap_err();
        assert!(err.contains("no fixtures"), "{err}");
        assert!(err.contains("`limt` is documented"), "{err}");
    }

    #[test]
    fn undocumented_keys_are_reported() {
        struct Bare;
        impl Check for Bare {
            const ID: &'static str = "bare";
            const NAME: &'static str = "Bare";
            const VERSION: &'static str = "0.0.0";
            const DESCRIPTION: &'static str = "No docs at all.";
            const VERDICTS: &'static [Verdict] = &[Verdict::Pass];
            type Policy = ToyPolicy;
            fn new(_: ToyPolicy) -> Result<Self, String> {
                Ok(Bare)
            }
            fn check(&self, _: &Contract<'_>) -> Vec<Report> {
                vec![Report::new(Verdict::Pass, "ok")]
            }
        }
        let err = check_policy_doc::<Bare>().unwrap_err();
        assert!(
            err.contains("policy key `strict` has no POLICY_DOC entry"),
            "{err}"
        );
    }

    #[test]
    fn value_comparison() {
        assert!(same(&toml::Value::Integer(3), &ParamValue::Int(3)));
        assert!(same(
            &toml::Value::Float(0.1),
            &ParamValue::Float(0.1 + 1e-9)
        ));
        assert!(!same(&toml::Value::Float(0.1), &ParamValue::Float(0.2)));
        assert!(!same(&toml::Value::String("3".into()), &ParamValue::Int(3)));
        assert!(same(
            &toml::Value::Array(vec![toml::Value::Boolean(true)]),
            &ParamValue::List(vec![ParamValue::Bool(true)])
        ));
    }
}
