//! Defined terms: the capitalised names a contract gives to things ("Controller Data" means …,
//! brand guidelines and photographs ("Client Materials")), with the text that defines them.
//!
//! Contracts rarely repeat what a term covers: after `("Creative Assets")` the drafter writes
//! "the Creative Assets". A check that knows only generic words ("data", "output") misses those
//! sentences; reading the definitions lets it recognise any term whose *definition* is of the
//! kind it looks for. Two forms are read:
//!
//! - `"X" means …` / `shall mean` / `refers to` / `is defined as` / `includes`: the definition
//!   is the rest of that statement (up to `;` or the end of the sentence);
//! - `… ("X")`, `(the "X")`, `(collectively, the "X")`, `(hereinafter "X")`: the definition is
//!   the text before the parenthesis, back to the start of its sentence or the end of the
//!   previous parenthetical definition.
//!
//! ```
//! use clauselint_sdk::defined::defined_terms;
//! let text = "Client will provide product photographs (\u{201c}Client Assets\u{201d}). \
//!             \"Output\" means content produced by the model; \"Fees\" means the fees.";
//! let terms = defined_terms(text);
//! assert_eq!(terms[0].term, "client assets");
//! assert_eq!(terms[0].definition, "client will provide product photographs");
//! assert_eq!(terms[1].term, "output");
//! assert_eq!(terms[1].definition, "content produced by the model");
//! assert_eq!(&text[terms[1].span.start..terms[1].span.end], "Output");
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::text::{Normalized, floor_boundary};

/// One defined term of a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinedTerm {
    /// The term in matching form (lower-case, straight quotes, single spaces), without quotes.
    pub term: String,
    /// The defining text in the same matching form.
    pub definition: String,
    /// Where the term (without its quotes) stands in the original text.
    pub span: Span,
}

/// Longest definition kept: a definition is a phrase, not a clause.
const MAX_DEFINITION: usize = 400;

static MEANS: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern; the unit tests compile it.
    crate::pattern::compile(
        r#""([^"]{1,60})"\s*,?\s+(?:means|shall\s+mean|refers\s+to|shall\s+refer\s+to|is\s+defined\s+as|shall\s+include|includes)\b\s*:?\s*"#,
    )
    .expect("constant pattern compiles")
});
static PARENTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\(\s*(?:(?:the|a|an|each|collectively|together|individually|jointly|hereinafter|referred\s+to\s+as|herein|as)\s*,?\s*)*"([^"]{1,60})"\s*(?:,?\s*(?:or|and)\s+(?:the\s+)?"[^"]{1,60}"\s*)?\)"#,
    )
    .expect("constant pattern compiles")
});
/// Where a definition that precedes its parenthesis starts: after the previous sentence or
/// semicolon (or the previous definition, handled by the caller).
static BACK_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[.;:]\s|^)").expect("constant pattern compiles"));

/// Every defined term of `text`, in order of appearance. A term defined twice is reported
/// twice (checks usually want any definition that qualifies).
pub fn defined_terms(text: &str) -> Vec<DefinedTerm> {
    defined_terms_in(&Normalized::new(text))
}

/// [`defined_terms`] of a text already normalised (spans relative to the original it was made
/// from), so a check that normalised the contract once does not do it again.
pub fn defined_terms_in(norm: &Normalized) -> Vec<DefinedTerm> {
    let n = norm.as_str();
    let mut out: Vec<(usize, DefinedTerm)> = Vec::new();
    for c in MEANS.captures_iter(n) {
        let (Some(whole), Some(term)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let rest = &n[whole.end()..];
        let end = rest
            .find("; ")
            .into_iter()
            .chain(rest.find(". "))
            .min()
            .unwrap_or(rest.len());
        let definition = &rest[..floor_boundary(rest, end.min(MAX_DEFINITION))];
        out.push((
            whole.start(),
            DefinedTerm {
                term: term.as_str().trim().to_owned(),
                definition: definition.trim().trim_end_matches('.').to_owned(),
                span: norm.original_span(term.start(), term.end()),
            },
        ));
    }
    let mut previous_end = 0;
    for c in PARENTHETICAL.captures_iter(n) {
        let (Some(whole), Some(term)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let before = &n[..whole.start()];
        // Back to the previous definition at most: "… X Inc. ("Provider"), and Y LLC, a
        // company (number 123) of London ("Client")" defines "Client" as "and Y LLC, …".
        let lo = floor_boundary(
            before,
            before
                .len()
                .saturating_sub(MAX_DEFINITION)
                .max(previous_end.min(before.len())),
        );
        previous_end = whole.end();
        let window = &before[lo..];
        let start = BACK_STOP
            .find_iter(window)
            .map(|m| m.end())
            .filter(|&e| e < window.len())
            .last()
            .unwrap_or(0);
        let definition = window[start..]
            .trim_start_matches([',', ' '])
            .trim_end_matches([',', ' ']);
        out.push((
            whole.start(),
            DefinedTerm {
                term: term.as_str().trim().to_owned(),
                definition: definition.to_owned(),
                span: norm.original_span(term.start(), term.end()),
            },
        ));
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter()
        .map(|(_, t)| t)
        .filter(|t| !t.term.is_empty())
        .collect()
}

/// A case-insensitive pattern matching any of `terms` as whole words, in the singular or plural
/// ("assets" also matches "asset"), or `None` when there are none. Terms are escaped, so any
/// text is safe.
pub fn terms_pattern<'t>(terms: impl IntoIterator<Item = &'t str>) -> Option<Regex> {
    let mut terms: Vec<&str> = terms
        .into_iter()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return None;
    }
    // Longest first, so "client data set" wins over "client data".
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    terms.dedup();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let alternatives: Vec<String> = terms
        .iter()
        .map(|t| {
            // `\b` only where the term starts or ends with a word character; next to
            // punctuation it would demand a word character on the other side.
            // ASCII boundaries keep the search on the regex crate's fast engine (see
            // `crate::pattern`); a term with a non-ASCII letter at an edge keeps a Unicode one.
            let boundary = |c: Option<char>| match c {
                Some(c) if c.is_ascii() => r"(?-u:\b)",
                _ => r"\b",
            };
            let head = if word(t.chars().next()) {
                boundary(t.chars().next())
            } else {
                ""
            };
            // A plural term also names one of its members: "Creative Assets" → "Creative Asset".
            let base = match t.strip_suffix('s') {
                Some(b) if b.len() > 2 && !b.ends_with('s') => b,
                _ => t,
            };
            // The optional "s" may be absent, so the boundary must suit the base's last letter.
            let tail = if word(t.chars().last()) {
                let ascii = t.chars().last().is_some_and(|c| c.is_ascii())
                    && base.chars().last().is_some_and(|c| c.is_ascii());
                format!("s?{}", if ascii { r"(?-u:\b)" } else { r"\b" })
            } else {
                String::new()
            };
            format!("{head}{}{tail}", regex::escape(base))
        })
        .collect();
    Regex::new(&format!("(?i)(?:{})", alternatives.join("|"))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        defined_terms(text)
            .into_iter()
            .map(|t| (t.term, t.definition))
            .collect()
    }

    #[test]
    fn means_definitions() {
        assert_eq!(
            pairs(
                "1.1 \u{201c}Controller Data\u{201d} means all Personal Data processed on behalf of the Controller; \"Fees\" shall mean the fees. Next."
            ),
            [
                (
                    "controller data".to_owned(),
                    "all personal data processed on behalf of the controller".to_owned()
                ),
                ("fees".to_owned(), "the fees".to_owned()),
            ]
        );
    }

    #[test]
    fn parenthetical_definitions() {
        assert_eq!(
            pairs(
                "Acme Inc. (\"Provider\") and Beta LLC (company number 5) (the \"Client\"). The personal data comprises names and health data (\"Controller Data\"), and ad copy (collectively, the \"Creative Assets\")."
            ),
            [
                ("provider".to_owned(), "acme inc.".to_owned()),
                (
                    "client".to_owned(),
                    "and beta llc (company number 5)".to_owned()
                ),
                (
                    "controller data".to_owned(),
                    "the personal data comprises names and health data".to_owned()
                ),
                ("creative assets".to_owned(), "and ad copy".to_owned()),
            ]
        );
    }

    #[test]
    fn normalised_input_gives_the_same_terms() {
        let text = "Acme Inc. (\"Provider\"); \u{201c}Output\u{201d} means text made by the model.";
        assert_eq!(
            defined_terms_in(&Normalized::new(text)),
            defined_terms(text)
        );
        assert_eq!(defined_terms(text).len(), 2);
    }

    #[test]
    fn spans_point_at_the_original_term() {
        let text = "images supplied by Client (the \u{201c}Source  Images\u{201d})";
        let t = &defined_terms(text)[0];
        assert_eq!(&text[t.span.start..t.span.end], "Source  Images");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\"",
            "(\"\")",
            "\"x\" means",
            "( \"é\" )",
            "\u{201c}\u{201d} means",
        ] {
            let _ = defined_terms(text);
        }
    }

    #[test]
    fn terms_pattern_matches_whole_words_and_plurals() {
        let re = terms_pattern(["creative asset", "a.i. (materials)"]).expect("some terms");
        assert!(re.is_match("each Creative Assets item"));
        assert!(re.is_match("each creative asset will"));
        assert!(re.is_match("the A.I. (Materials) are"));
        assert!(!re.is_match("creative assetsx"));
        assert!(terms_pattern([" "]).is_none());
        let re = terms_pattern(["études", "données clés"]).expect("some terms");
        assert!(re.is_match("les Études du client"));
        assert!(re.is_match("ces données clé"));
        assert!(!re.is_match("prétudes"));
    }
}
