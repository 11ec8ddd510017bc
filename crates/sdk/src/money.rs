//! Amounts of money: "$1,000,000", "USD 5,000", "€10.000", "£250", "5,000 euros",
//! "one million dollars", "$2.5 million", "Five Thousand Dollars ($5,000)".
//!
//! ```
//! let found = clauselint_sdk::money::find_money("a cap of USD 5,000");
//! assert_eq!((found[0].amount, found[0].currency), (5000.0, "USD"));
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::numbers::{NUMBER_WORDS_PATTERN, parse_digits, parse_number_words};

/// An amount of money found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MoneyMatch {
    /// The amount in units of the currency.
    pub amount: f64,
    /// ISO 4217 code: "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY" …
    pub currency: &'static str,
    /// Bytes of the searched text it was read from.
    pub span: Span,
}

/// Digit amounts: "1,000,000.00", "10.000,50" (continental), "2500", "2.5".
const AMOUNT: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:\.\d+)?";
/// A currency before the amount.
const PREFIX: &str = r"US\$|U\.S\.\s?\$|C\$|CA\$|A\$|AU\$|\$|€|£|¥|USD|EUR|GBP|CHF|CAD|AUD|JPY";
/// A multiplier after the amount.
const SCALE: &str = r"million|billion|thousand|mm|m|bn|k";

static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(r"(?i)(?P<cur>{PREFIX})\s?(?P<amt>{AMOUNT})(?:\s*(?P<scale>{SCALE})\b)?");
    // The pattern is a constant; compiling it cannot fail at run time once the tests pass.
    crate::pattern::compile(&pattern).expect("money pattern compiles")
});

static SUFFIXED: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?P<amt>{AMOUNT}|{NUMBER_WORDS_PATTERN})(?:\s*(?P<scale>million|billion|thousand)\b)?\s*(?:\(\s*(?:{PREFIX})?\s?(?P<paren>{AMOUNT})(?:\s*(?:{SCALE}))?\s*\)\s*)?(?P<cur>(?:United\s+States|U\.\s?S\.|US)\s+dollars?|dollars?|euros?|pounds?(?:\s+sterling)?|sterling|swiss\s+francs?|USD|EUR|GBP|CHF|CAD|AUD|JPY)\b(?:\s*\(\s*(?:{PREFIX})\s?(?P<paren2>{AMOUNT})(?:\s*(?:{SCALE})\b)?\s*\))?"
    );
    // The pattern is a constant; compiling it cannot fail at run time once the tests pass.
    crate::pattern::compile(&pattern).expect("money pattern compiles")
});

fn currency_code(cur: &str) -> Option<&'static str> {
    let c = cur.to_ascii_lowercase();
    let c = c.trim();
    Some(match c {
        "$" | "us$" | "usd" => "USD",
        "€" | "eur" => "EUR",
        "£" | "gbp" | "sterling" => "GBP",
        "¥" | "jpy" => "JPY",
        "chf" => "CHF",
        "c$" | "ca$" | "cad" => "CAD",
        "a$" | "au$" | "aud" => "AUD",
        _ if c.starts_with("u.s.") && c.ends_with('$') => "USD",
        _ if c.contains("dollar") => "USD",
        _ if c.starts_with("euro") => "EUR",
        _ if c.starts_with("pound") => "GBP",
        _ if c.contains("franc") => "CHF",
        _ => return None,
    })
}

fn scale_of(scale: Option<&str>) -> f64 {
    match scale.map(str::to_ascii_lowercase).as_deref() {
        Some("thousand" | "k") => 1e3,
        Some("million" | "m" | "mm") => 1e6,
        Some("billion" | "bn") => 1e9,
        _ => 1.0,
    }
}

/// Reads a digit amount. Dots are thousands separators in continental notation ("10.000,50",
/// "1.000.000") and, for euros, also in "10.000"; otherwise a dot is a decimal point.
fn parse_amount(text: &str, currency: &str) -> Option<f64> {
    let t = text.trim();
    let dots = t.matches('.').count();
    let continental = t.contains(',') && t.rfind(',') > t.rfind('.') && dots > 0
        || dots > 1
        || (currency == "EUR" && dots == 1 && t.split('.').nth(1).is_some_and(|f| f.len() == 3));
    if continental {
        let swapped: String = t
            .chars()
            .filter(|&c| c != '.')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        swapped.parse().ok()
    } else {
        parse_digits(t)
    }
}

/// Every amount of money in `text`, in order, with spans relative to `text`. An amount stated
/// twice ("Five Thousand Dollars ($5,000)") is one match covering both.
pub fn find_money(text: &str) -> Vec<MoneyMatch> {
    let mut found: Vec<MoneyMatch> = Vec::new();
    for caps in SUFFIXED.captures_iter(text) {
        let (Some(whole), Some(amt), Some(cur)) = (caps.get(0), caps.name("amt"), caps.name("cur"))
        else {
            continue;
        };
        let Some(currency) = currency_code(cur.as_str()) else {
            continue;
        };
        let digits = caps.name("paren").or_else(|| caps.name("paren2"));
        let amount = match digits {
            Some(p) => parse_amount(p.as_str(), currency),
            None if amt.as_str().starts_with(|c: char| c.is_ascii_digit()) => {
                parse_amount(amt.as_str(), currency)
                    .map(|a| a * scale_of(caps.name("scale").map(|s| s.as_str())))
            }
            None => parse_number_words(amt.as_str())
                .map(|a| a as f64 * scale_of(caps.name("scale").map(|s| s.as_str()))),
        };
        if let Some(amount) = amount {
            found.push(MoneyMatch {
                amount,
                currency,
                span: Span::new(whole.start(), whole.end()),
            });
        }
    }
    for caps in PREFIXED.captures_iter(text) {
        let (Some(whole), Some(amt), Some(cur)) = (caps.get(0), caps.name("amt"), caps.name("cur"))
        else {
            continue;
        };
        let span = Span::new(whole.start(), whole.end());
        if found
            .iter()
            .any(|m| m.span.start < span.end && span.start < m.span.end)
        {
            continue;
        }
        let Some(currency) = currency_code(cur.as_str()) else {
            continue;
        };
        let Some(amount) = parse_amount(amt.as_str(), currency) else {
            continue;
        };
        found.push(MoneyMatch {
            amount: amount * scale_of(caps.name("scale").map(|s| s.as_str())),
            currency,
            span,
        });
    }
    found.sort_by_key(|m| m.span.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(f64, &'static str)> {
        find_money(text)
            .iter()
            .map(|m| (m.amount, m.currency))
            .collect()
    }

    #[test]
    fn prefixed_amounts() {
        assert_eq!(amounts("$1,000,000"), [(1e6, "USD")]);
        assert_eq!(amounts("USD 5,000"), [(5000.0, "USD")]);
        assert_eq!(amounts("€10.000"), [(10000.0, "EUR")]);
        assert_eq!(amounts("€10.000,50"), [(10000.5, "EUR")]);
        assert_eq!(amounts("£250"), [(250.0, "GBP")]);
        assert_eq!(amounts("GBP 1,500.75"), [(1500.75, "GBP")]);
        assert_eq!(amounts("EUR 2.000.000"), [(2e6, "EUR")]);
        assert_eq!(amounts("$2.5 million"), [(2.5e6, "USD")]);
        assert_eq!(amounts("$19.99"), [(19.99, "USD")]);
        assert_eq!(amounts("US$ 300"), [(300.0, "USD")]);
    }

    #[test]
    fn suffixed_and_worded_amounts() {
        assert_eq!(amounts("one million dollars"), [(1e6, "USD")]);
        assert_eq!(amounts("5,000 euros"), [(5000.0, "EUR")]);
        assert_eq!(amounts("10,000 USD"), [(10000.0, "USD")]);
        assert_eq!(amounts("two hundred pounds sterling"), [(200.0, "GBP")]);
        assert_eq!(amounts("Five Thousand Dollars ($5,000)"), [(5000.0, "USD")]);
        assert_eq!(amounts("five thousand U.S. dollars"), [(5000.0, "USD")]);
        assert_eq!(
            amounts("Ten Thousand United States Dollars (US$10,000)"),
            [(10000.0, "USD")]
        );
    }

    #[test]
    fn several_amounts_in_order_with_spans() {
        let text = "the greater of $500,000 or two million dollars";
        let found = find_money(text);
        let quoted: Vec<&str> = found
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(quoted, ["$500,000", "two million dollars"]);
    }

    #[test]
    fn non_money() {
        assert!(amounts("Section 5,000; 30 days; the dollar value").is_empty());
    }
}
