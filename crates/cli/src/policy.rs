//! `clauselint policy`: the effective policy of every loaded check, and `--init`, a commented
//! template of it.
//!
//! Both come from the plugins themselves (ABI version 2): `configure` hands back the policy the
//! check runs with, defaults filled in, and the descriptor carries one comment per key. The CLI
//! only renders them, so a new check's policy shows up here without any change to this file.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clauselint_engine::{Plugin, PluginSet};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::Outcome;
use crate::args::PolicyArgs;

/// Where `--init` writes when no `-o` is given.
const DEFAULT_TEMPLATE: &str = "clauselint.toml";

/// Width the template's description comments are wrapped to.
const WRAP: usize = 96;

pub fn run(args: PolicyArgs) -> anyhow::Result<Outcome> {
    let (set, problems) = crate::plugins::load(&args.source)?;
    if args.init {
        let template = template(&set)?;
        let target = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_TEMPLATE));
        write_template(&target, &template, args.force)?;
    } else {
        let mut out = std::io::stdout().lock();
        if args.json {
            let doc = EffectivePolicies(&set);
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        } else {
            write!(
                out,
                "{}",
                effective_toml(&set, args.source.policy.as_deref())?
            )?;
        }
        out.flush()?;
    }
    // A refused plugin's table is missing from what was printed or written.
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Incomplete
    })
}

/// Writes the template to `target` (`-` is standard output), refusing to replace a file
/// unless `force`.
fn write_template(target: &Path, template: &str, force: bool) -> anyhow::Result<()> {
    if target == Path::new("-") {
        let mut out = std::io::stdout().lock();
        out.write_all(template.as_bytes())?;
        return Ok(out.flush()?);
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        // `create_new` decides atomically: no window between "does it exist" and the write.
        options.create_new(true);
    }
    let mut file = match options.open(target) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!(
            "{} already exists; pass --force to overwrite it, or -o FILE to write elsewhere",
            target.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", target.display())),
    };
    file.write_all(template.as_bytes())
        .with_context(|| format!("cannot write {}", target.display()))?;
    eprintln!("clauselint: wrote {}", target.display());
    Ok(())
}

/// The effective policy as TOML: one table per check, in load order, keys in each check's
/// declaration order.
fn effective_toml(set: &PluginSet, policy_file: Option<&Path>) -> anyhow::Result<String> {
    let mut out = String::new();
    match policy_file {
        Some(p) => writeln!(
            out,
            "# Effective policy: {} over the playbook defaults.",
            p.display()
        )?,
        None => writeln!(out, "# Effective policy: the playbook defaults.")?,
    }
    for plugin in set.iter() {
        writeln!(out)?;
        writeln!(out, "[{}]", plugin.info().id)?;
        for (key, value) in plugin.effective_policy_entries() {
            match toml_value(value).with_context(|| format!("[{}] `{key}`", plugin.info().id))? {
                Some(v) => writeln!(out, "{} = {v}", toml_key(key))?,
                None => writeln!(out, "# {} is not set", toml_key(key))?,
            }
        }
    }
    Ok(out)
}

/// The commented template `--init` writes: for each check a header with its name and
/// description, then every key with its comment above it and its value.
fn template(set: &PluginSet) -> anyhow::Result<String> {
    let mut out = String::new();
    out.push_str(
        "# clauselint policy file, written by `clauselint policy --init`.\n\
         #\n\
         # One table per check. Every key is shown with the value the check uses when the key\n\
         # is absent (the playbook's default); change a value, or delete the line to keep the\n\
         # default. Unknown checks, unknown keys and bad values are errors, reported with this\n\
         # file's name and line before any contract is read. Use it with\n\
         # `clauselint audit --policy FILE`, and see the result with `clauselint policy --policy FILE`.\n",
    );
    for plugin in set.iter() {
        write_check(&mut out, plugin)?;
    }
    Ok(out)
}

fn write_check(out: &mut String, plugin: &Plugin) -> anyhow::Result<()> {
    let info = plugin.info();
    writeln!(out)?;
    writeln!(
        out,
        "# {} — {} (version {})",
        info.id, info.name, info.version
    )?;
    for line in wrap(&info.description, WRAP - 2) {
        writeln!(out, "# {line}")?;
    }
    writeln!(out, "[{}]", info.id)?;
    for (key, value) in plugin.effective_policy_entries() {
        let doc = plugin
            .policy_doc()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, d)| d.as_str());
        if let Some(doc) = doc {
            // `wrap` splits on every whitespace, line breaks included, so even a comment that
            // breaks the one-line contract cannot put an uncommented line into the file.
            for line in wrap(doc, WRAP - 2) {
                writeln!(out, "# {line}")?;
            }
        }
        match toml_value(value).with_context(|| format!("[{}] `{key}`", info.id))? {
            Some(v) => writeln!(out, "{} = {v}", toml_key(key))?,
            None => writeln!(out, "# {} = (not set by default)", toml_key(key))?,
        }
    }
    Ok(())
}

/// Greedy word wrap; a word longer than `width` gets a line of its own.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A key as TOML writes it: bare when it can be, quoted otherwise.
fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_owned()
    } else {
        toml::Value::String(key.to_owned()).to_string()
    }
}

/// A JSON value as an inline TOML value; `None` for `null`, which TOML cannot say (an unset
/// optional setting).
fn toml_value(value: &serde_json::Value) -> anyhow::Result<Option<String>> {
    if value.is_null() {
        return Ok(None);
    }
    let v = toml::Value::try_from(value).context("the value has no TOML form")?;
    Ok(Some(v.to_string()))
}

/// Every check's effective policy as one JSON object, checks in load order and keys in each
/// check's order (a `serde_json::Map` would sort both).
struct EffectivePolicies<'a>(&'a PluginSet);

impl Serialize for EffectivePolicies<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for plugin in self.0.iter() {
            map.serialize_entry(
                &plugin.info().id,
                &Ordered(plugin.effective_policy_entries()),
            )?;
        }
        map.end()
    }
}

/// A JSON object's entries, serialised in their order.
struct Ordered<'a>(&'a [(String, serde_json::Value)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_render_as_toml_that_parses_back() {
        let entries = [
            ("months", json!(12)),
            ("ratio", json!(1.5)),
            ("whole", json!(2.0)),
            ("strict", json!(true)),
            ("verdict", json!("warn \"now\"\\")),
            ("preferred", json!(["US-NY", "GB-ENG"])),
            ("none", json!([])),
            ("nested", json!({"a": 1, "b": ["x"]})),
        ];
        let mut text = String::new();
        for (k, v) in &entries {
            let rendered = toml_value(v).unwrap().unwrap();
            text.push_str(&format!("{} = {rendered}\n", toml_key(k)));
        }
        let parsed: toml::Table = text.parse().unwrap();
        for (k, v) in &entries {
            let back = serde_json::to_value(&parsed[*k]).unwrap();
            assert_eq!(&back, v, "{k}: {text}");
        }
        assert_eq!(toml_value(&json!(null)).unwrap(), None);
    }

    #[test]
    fn keys_are_quoted_only_when_they_must_be() {
        assert_eq!(toml_key("max_days"), "max_days");
        assert_eq!(toml_key("kebab-key"), "kebab-key");
        assert_eq!(toml_key("a b"), "\"a b\"");
        assert_eq!(toml_key(""), "\"\"");
        let parsed: toml::Table = format!("{} = 1", toml_key("a.b")).parse().unwrap();
        assert!(parsed.contains_key("a.b"));
    }

    #[test]
    fn descriptions_wrap_at_word_boundaries() {
        let text = "one two three four five six";
        assert_eq!(wrap(text, 9), ["one two", "three", "four five", "six"]);
        assert_eq!(wrap("  ", 10), Vec::<String>::new());
        assert_eq!(wrap("unbreakable", 4), ["unbreakable"]);
    }

    #[test]
    fn the_template_never_overwrites_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clauselint.toml");
        write_template(&path, "# first\n", false).unwrap();
        let err = write_template(&path, "# second\n", false).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# first\n");
        write_template(&path, "# third\n", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# third\n");
    }
}
