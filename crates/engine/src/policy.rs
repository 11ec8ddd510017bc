//! The policy file: one TOML table per check, handed to each plugin once, at load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Error;

/// A parsed policy file. Each top-level table belongs to the check with that id; the plugin
/// validates its own table's keys and values when it is loaded.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    path: Option<PathBuf>,
    text: Option<String>,
    sections: BTreeMap<String, Section>,
}

#[derive(Debug, Clone)]
struct Section {
    json: String,
    line: usize,
}

impl Policy {
    /// Reads and parses a policy file.
    pub fn from_file(path: &Path) -> Result<Policy, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::PolicyIo {
            path: path.to_owned(),
            source,
        })?;
        Policy::parse(&text, path)
    }

    /// Parses policy text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Policy, Error> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| Error::Policy {
            path: path.to_owned(),
            line: e.span().map_or(0, |s| line_of(text, s.start)),
            message: e.message().trim().to_owned(),
        })?;
        let mut sections = BTreeMap::new();
        for (id, value) in table {
            let line = header_line(text, &id);
            let toml::Value::Table(t) = value else {
                return Err(Error::Policy {
                    path: path.to_owned(),
                    line: key_line(text, &id),
                    message: format!(
                        "`{id}` must be a table ([{id}]) holding that check's settings"
                    ),
                });
            };
            let json = serde_json::to_string(&t).map_err(|e| Error::Policy {
                path: path.to_owned(),
                line,
                message: format!("[{id}]: {e}"),
            })?;
            sections.insert(id, Section { json, line });
        }
        Ok(Policy {
            path: Some(path.to_owned()),
            text: Some(text.to_owned()),
            sections,
        })
    }

    /// The policy file's path, if one was given.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The check ids that have a table.
    pub fn checks(&self) -> impl Iterator<Item = &str> {
        self.sections.keys().map(String::as_str)
    }

    /// The JSON text of a check's table (`{}` when the file has none for it).
    pub fn section_json(&self, check: &str) -> &str {
        self.sections.get(check).map_or("{}", |s| s.json.as_str())
    }

    /// The line of a check's table header (0 when absent).
    pub fn section_line(&self, check: &str) -> usize {
        self.sections.get(check).map_or(0, |s| s.line)
    }

    /// An error about a check's table, located at the first key the message names in
    /// backticks when the table has that key, else at the table's header.
    pub(crate) fn error(&self, check: &str, message: String) -> Error {
        let header = self.section_line(check);
        let line = self
            .text
            .as_deref()
            .zip(first_quoted_key(&message))
            .and_then(|(text, key)| key_line_in_section(text, header, key))
            .unwrap_or(header);
        Error::Policy {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("<default policy>")),
            line,
            message,
        }
    }
}

/// The key a message names first in backticks (`max_months` in "[x] `max_months`: …"), without
/// any index or sub-path.
fn first_quoted_key(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    let key = &message[start..start + len];
    let end = key.find(['[', '.']).unwrap_or(key.len());
    (end > 0).then_some(&key[..end])
}

/// The line of `key = …` inside the table whose header is on line `header` (1-based).
fn key_line_in_section(text: &str, header: usize, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(header)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            let l = l.trim_start();
            let l = l.strip_prefix('"').unwrap_or(l);
            l.strip_prefix(key).is_some_and(|r| {
                let r = r.strip_prefix('"').unwrap_or(r);
                r.trim_start().starts_with('=')
            })
        })
        .map(|(i, _)| i + 1)
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of `[id]` (or `[id.` for dotted sub-tables), else of an inline `id =` key.
fn header_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let Some(rest) = l.strip_prefix('[') else {
                return false;
            };
            let rest = rest.trim_start();
            let rest = rest.strip_prefix('"').unwrap_or(rest);
            rest.strip_prefix(id).is_some_and(|r| {
                let r = r.strip_prefix('"').unwrap_or(r).trim_start();
                r.starts_with(']') || r.starts_with('.')
            })
        })
        .map_or_else(|| key_line(text, id), |i| i + 1)
}

fn key_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(id)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_become_json_with_their_lines() {
        let text = "# agency policy\n\n[non-compete]\nmax_pass_months = 3\n\n[governing-law]\npreferred = [\"US-NY\"]\n";
        let p = Policy::parse(text, Path::new("p.toml")).unwrap();
        assert_eq!(p.section_json("non-compete"), r#"{"max_pass_months":3}"#);
        assert_eq!(p.section_line("non-compete"), 3);
        assert_eq!(p.section_line("governing-law"), 6);
        assert_eq!(p.section_json("data-deletion"), "{}");
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let err = Policy::parse("[a]\nx = 1\ny = = 2\n", Path::new("p.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("p.toml:3: "), "{msg}");
    }

    #[test]
    fn errors_point_at_the_key_they_name() {
        let text = "[non-compete]\nmax_pass_months = 3\nmax_warn_months = \"x\"\n[other]\nmax_warn_months = 1\n";
        let p = Policy::parse(text, Path::new("p.toml")).unwrap();
        let e = p.error(
            "non-compete",
            "[non-compete] `max_warn_months`: invalid type".into(),
        );
        assert!(e.to_string().starts_with("p.toml:3: "), "{e}");
        let e = p.error("non-compete", "unknown field `nope`, expected `a`".into());
        assert!(e.to_string().starts_with("p.toml:1: "), "{e}");
        assert_eq!(first_quoted_key("x `preferred[0]`: bad"), Some("preferred"));
    }

    #[test]
    fn a_top_level_value_is_rejected() {
        let err = Policy::parse("\nthreshold = 3\n", Path::new("p.toml")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("p.toml:2: `threshold` must be a table"),
            "{err}"
        );
    }
}
