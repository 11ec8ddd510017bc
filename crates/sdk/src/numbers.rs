//! Numbers written in words or digits, as contracts write them: "twenty-four", "one hundred",
//! "a", "1,000", "2.5".
//!
//! The module also exports [`NUMBER_WORDS_PATTERN`], a regex fragment other finders embed so
//! that "thirty (30) days" and "twenty-five percent" are recognised with one shared vocabulary.

/// Words for 0–19 with their values.
const UNITS: &[(&str, u64)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Words for the tens.
const TENS: &[(&str, u64)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Multipliers that close a group ("thousand" after "twenty-four").
const SCALES: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

/// A regex fragment (no capture groups, case-insensitive flag not included) matching a number
/// written in words: "twenty-four", "one hundred and twenty", "two million", "a hundred".
/// Embed it in a `(?i)` pattern.
pub const NUMBER_WORDS_PATTERN: &str = r"(?:\b(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|seventy|twenty|thirty|eleven|twelve|fourty|eighty|ninety|three|seven|eight|forty|fifty|sixty|zero|four|five|nine|one|two|six|ten)\b(?:(?:\s+|-)(?:and\s+)?\b(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|seventy|twenty|thirty|eleven|twelve|fourty|eighty|ninety|three|seven|eight|forty|fifty|sixty|four|five|nine|one|two|six|ten|hundred|thousand|million|billion)\b)*)";

/// The value of one number word ("twelve" → 12, "ninety" → 90, "hundred" → 100); `None` for
/// anything else. Case-insensitive.
pub fn word_value(word: &str) -> Option<u64> {
    let w = word.to_ascii_lowercase();
    UNITS
        .iter()
        .chain(TENS)
        .chain(SCALES)
        .chain(&[("hundred", 100)])
        .find(|(name, _)| *name == w)
        .map(|&(_, v)| v)
}

/// Parses a number written in words: "twenty-four" → 24, "one hundred and five" → 105,
/// "a" / "an" → 1, "a million" → 1,000,000. Returns `None` when any word is not a number word.
pub fn parse_number_words(text: &str) -> Option<u64> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| w != "and")
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut seen_any = false;
    for (i, w) in words.iter().enumerate() {
        // "a"/"an" count as one only alone or before a multiplier ("a hundred", "an eighteen"
        // is not a number).
        let value = if w == "a" || w == "an" {
            let next_is_scale = words
                .get(i + 1)
                .is_some_and(|n| n == "hundred" || SCALES.iter().any(|(s, _)| s == n));
            if words.len() == 1 || next_is_scale {
                1
            } else {
                return None;
            }
        } else {
            word_value(w)?
        };
        seen_any = true;
        if w == "hundred" {
            group = group.max(1).checked_mul(100)?;
        } else if value >= 1_000 {
            total = total.checked_add(group.max(1).checked_mul(value)?)?;
            group = 0;
        } else {
            group = group.checked_add(value)?;
        }
    }
    seen_any.then(|| total.saturating_add(group))
}

/// Parses a number in digits, with thousands commas and an optional decimal part:
/// "1,000" → 1000.0, "2.5" → 2.5. Returns `None` for malformed groupings ("1,00").
pub fn parse_digits(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (int_part, frac_part) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
    } else if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = frac_part
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let cleaned: String = t.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok()
}

/// Parses a number in digits or words ("12", "1,000", "twelve", "a"). Digits take precedence.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        parse_digits(t)
    } else {
        // Numbers in words are bounded well below 2^53, so the conversion is exact.
        parse_number_words(t).map(|v| v as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, expected: Option<u64>) {
        assert_eq!(parse_number_words(text), expected, "{text:?}");
    }

    #[test]
    fn number_words() {
        words("twenty-four", Some(24));
        words("Twenty Four", Some(24));
        words("one hundred", Some(100));
        words("one hundred and twenty", Some(120));
        words("a", Some(1));
        words("an", Some(1));
        words("one", Some(1));
        words("twelve", Some(12));
        words("ninety", Some(90));
        words("zero", Some(0));
        words("a hundred", Some(100));
        words("two million", Some(2_000_000));
        words("one million five hundred thousand", Some(1_500_000));
        words("three thousand two hundred and one", Some(3_201));
        words("hundred", Some(100));
    }

    #[test]
    fn non_numbers_are_rejected() {
        words("", None);
        words("many", None);
        words("twenty apples", None);
        words("a twenty", None);
        words("and", None);
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1,000"), Some(1000.0));
        assert_eq!(parse_digits("1,000,000.50"), Some(1_000_000.5));
        assert_eq!(parse_digits("2.5"), Some(2.5));
        assert_eq!(parse_digits("30"), Some(30.0));
        assert_eq!(parse_digits("1,00"), None);
        assert_eq!(parse_digits("1,0000"), None);
        assert_eq!(parse_digits(",100"), None);
        assert_eq!(parse_digits("1."), None);
        assert_eq!(parse_digits("abc"), None);
    }

    #[test]
    fn either_form() {
        assert_eq!(parse_number("12"), Some(12.0));
        assert_eq!(parse_number(" twelve "), Some(12.0));
        assert_eq!(parse_number("a"), Some(1.0));
        assert_eq!(parse_number("x"), None);
    }

    #[test]
    fn pattern_matches_whole_phrases() {
        let re = regex::Regex::new(&format!("(?i)^{NUMBER_WORDS_PATTERN}$")).unwrap();
        for ok in [
            "twenty-four",
            "one hundred and five",
            "Ninety",
            "two million",
            "ten",
        ] {
            assert!(re.is_match(ok), "{ok}");
        }
        for bad in ["tenant", "often", "one-third", "none"] {
            assert!(!re.is_match(bad), "{bad}");
        }
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let huge = "hundred ".repeat(12);
        assert_eq!(parse_number_words(&huge), None);
    }
}
