//! Percentages: "25%", "twenty-five percent", "25 per cent", "twenty-five percent (25%)".
//!
//! ```
//! let found = clauselint_sdk::percent::find_percents("a deposit of fifty percent (50%)");
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].value, 50.0);
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::numbers::{NUMBER_WORDS_PATTERN, parse_number};

/// A percentage found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PercentMatch {
    /// The value in percent (25.0 for "25%").
    pub value: f64,
    /// Bytes of the searched text it was read from.
    pub span: Span,
}

static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?P<num>\d+(?:\.\d+)?|{NUMBER_WORDS_PATTERN})(?:\s*\(\s*(?P<paren1>\d+(?:\.\d+)?)\s*%?\s*\))?\s*(?:%|\bper(?:\s+|-)?cent\b|\bpercentum\b)(?:\s*\(\s*(?P<paren2>\d+(?:\.\d+)?)\s*%\s*\))?"
    );
    // The pattern is a constant; compiling it cannot fail at run time once the tests pass.
    crate::pattern::compile(&pattern).expect("percent pattern compiles")
});

/// Every percentage in `text`, with spans relative to `text`. Digits in parentheses win over
/// the words they restate.
pub fn find_percents(text: &str) -> Vec<PercentMatch> {
    PERCENT
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let value = caps
                .name("paren1")
                .or_else(|| caps.name("paren2"))
                .and_then(|p| parse_number(p.as_str()))
                .or_else(|| parse_number(caps.name("num")?.as_str()))?;
            Some(PercentMatch {
                value,
                span: Span::new(whole.start(), whole.end()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        find_percents(text).iter().map(|m| m.value).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(values("25%"), [25.0]);
        assert_eq!(values("12.5 %"), [12.5]);
        assert_eq!(values("twenty-five percent"), [25.0]);
        assert_eq!(values("25 per cent"), [25.0]);
        assert_eq!(values("fifty per-cent"), [50.0]);
        assert_eq!(values("twenty-five percent (25%)"), [25.0]);
        assert_eq!(values("twenty-five (25%) percent"), [25.0]);
        assert_eq!(
            values("Thirty Percent (30%) and 1.5% per month"),
            [30.0, 1.5]
        );
    }

    #[test]
    fn spans_cover_the_whole_phrase() {
        let text = "pay fifty percent (50%) upfront";
        let m = find_percents(text);
        assert_eq!(&text[m[0].span.start..m[0].span.end], "fifty percent (50%)");
    }

    #[test]
    fn non_percentages() {
        assert!(values("percentage of fees; 25 percentile; per centimetre").is_empty());
        assert!(values("centred").is_empty());
    }
}
