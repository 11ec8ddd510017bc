//! A deliberately simple clause segmenter for plain text, used by the fixture harness and by
//! plugin examples that run over raw text (the host's real segmenter lives in `ingest`).
//!
//! A line whose first token looks like a clause number ("7.", "7.2", "(a)", "Section 7",
//! "Article IV") starts a new clause; everything before the first such line is the preamble.
//! Text with no numbered line is one body clause.

use std::sync::LazyLock;

use regex::Regex;

use crate::{ClauseKind, ClauseRef, Span};

static NUMBERED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a constant; compiling it cannot fail at run time once the tests pass.
    Regex::new(
        r"(?m)^[ \t]*(?P<number>(?:(?:Section|SECTION|Article|ARTICLE|Clause|CLAUSE)\s+[0-9IVXivx]+(?:\.\d+)*\.?)|\d{1,3}(?:\.\d{1,3})*\.?(?:\s|$)|\([a-zA-Z0-9]{1,4}\))",
    )
    .expect("segment pattern compiles")
});

/// Splits `text` into clauses. Each clause's number is the label it starts with (without a
/// trailing period) and its heading is the rest of its first line when that line is short and
/// ends without a sentence ("7. Governing Law" → heading "Governing Law").
pub fn simple_clauses(text: &str) -> Vec<ClauseRef<'_>> {
    let starts: Vec<(usize, &str)> = NUMBERED_LINE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let number = c.name("number")?;
            let label = number.as_str().trim().trim_end_matches('.');
            // A bare number must be followed by text on the same line to count as a label.
            Some((
                whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len()),
                label,
            ))
        })
        .collect();
    let mut clauses = Vec::new();
    if starts.is_empty() {
        if !text.trim().is_empty() {
            clauses.push(ClauseRef::new(
                text,
                Span::new(0, text.len()),
                "",
                "",
                ClauseKind::Body,
            ));
        }
        return clauses;
    }
    let first = starts[0].0;
    if !text[..first].trim().is_empty() {
        clauses.push(ClauseRef::new(
            text,
            Span::new(0, first),
            "",
            "",
            ClauseKind::Preamble,
        ));
    }
    for (i, &(start, number)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(text.len(), |&(s, _)| s);
        let body = &text[start..end];
        let first_line = body.lines().next().unwrap_or("");
        let after_number = first_line
            .find(number)
            .map_or("", |p| &first_line[p + number.len()..])
            .trim_start_matches('.')
            .trim();
        let heading = heading_of(after_number);
        clauses.push(ClauseRef::new(
            text,
            Span::new(start, end),
            number,
            heading,
            ClauseKind::Body,
        ));
    }
    clauses
}

/// "Governing Law. This Agreement…" → "Governing Law"; a long first sentence is no heading.
fn heading_of(line: &str) -> &str {
    let candidate = match line.find(['.', ':']) {
        Some(p) => &line[..p],
        None => line,
    };
    let words = candidate.split_whitespace().count();
    let titled = candidate.split_whitespace().all(|w| {
        w.starts_with(|c: char| !c.is_lowercase())
            || ["of", "and", "the", "to", "for", "in", "on"].contains(&w)
    });
    if (1..=6).contains(&words) && titled {
        candidate.trim()
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(Option<&str>, Option<&str>)> {
        simple_clauses(text)
            .iter()
            .map(|c| (c.number(), c.heading()))
            .collect()
    }

    #[test]
    fn numbered_lines_start_clauses() {
        let text = "SERVICES AGREEMENT\nBetween A and B.\n\n7. Governing Law. This Agreement is governed by Delaware law.\n7.2 Venue is New York.\n(a) sub item\nSection 8 Term\nARTICLE IV Misc.";
        assert_eq!(
            numbers(text),
            [
                (None, None),
                (Some("7"), Some("Governing Law")),
                (Some("7.2"), None),
                (Some("(a)"), None),
                (Some("Section 8"), Some("Term")),
                (Some("ARTICLE IV"), Some("Misc")),
            ]
        );
        let clauses = simple_clauses(text);
        assert_eq!(clauses[0].kind(), ClauseKind::Preamble);
        assert!(clauses[1].text().starts_with("7. Governing Law."));
    }

    #[test]
    fn unnumbered_text_is_one_clause() {
        let text = "The Provider shall not compete for 2 years.";
        let c = simple_clauses(text);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text(), text);
        assert_eq!(c[0].kind(), ClauseKind::Body);
        assert!(simple_clauses("  \n").is_empty());
    }

    #[test]
    fn clauses_tile_the_text() {
        let text = "Intro\n1. One.\n2. Two.\n";
        let c = simple_clauses(text);
        let mut at = 0;
        for clause in &c {
            assert_eq!(clause.span().start, at);
            at = clause.span().end;
        }
        assert_eq!(at, text.len());
    }
}
