//! Periods of time as contracts state them: "two (2) years", "thirty (30) days",
//! "sixty (60) calendar days", "ten business days", "a period of one (1) year", "12-month".
//!
//! ```
//! use clauselint_sdk::duration::{find_durations, Unit};
//! let found = find_durations("for a period of two (2) years after termination");
//! assert_eq!(found[0].duration.unit, Unit::Year);
//! assert_eq!(found[0].duration.as_months(), 24.0);
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::numbers::{NUMBER_WORDS_PATTERN, parse_number};

/// The unit a duration is stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Calendar days ("days", "calendar days").
    Day,
    /// Business or working days.
    BusinessDay,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// An amount of time in the unit the contract used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    /// How many units.
    pub amount: f64,
    /// Which unit.
    pub unit: Unit,
}

impl Duration {
    /// A duration of `amount` `unit`s.
    pub fn new(amount: f64, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    /// The duration in months, using the contract convention of 30-day months and 5-day
    /// business weeks for day-based units (365 days ≈ 12.17 months; round for display).
    pub fn as_months(&self) -> f64 {
        match self.unit {
            Unit::Year => self.amount * 12.0,
            Unit::Month => self.amount,
            Unit::Week => self.amount * 7.0 / 30.0,
            Unit::Day => self.amount / 30.0,
            Unit::BusinessDay => self.amount * 7.0 / 5.0 / 30.0,
        }
    }

    /// The duration in calendar days (years of 365 days, months of 30, business days
    /// converted at 7 calendar days per 5 business days).
    pub fn as_days(&self) -> f64 {
        match self.unit {
            Unit::Year => self.amount * 365.0,
            Unit::Month => self.amount * 30.0,
            Unit::Week => self.amount * 7.0,
            Unit::Day => self.amount,
            Unit::BusinessDay => self.amount * 7.0 / 5.0,
        }
    }
}

/// A duration found in a text, with its byte span in that text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationMatch {
    /// The normalised duration.
    pub duration: Duration,
    /// Bytes of the searched text the duration was read from ("two (2) years").
    pub span: Span,
}

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let num =
        format!(r"{NUMBER_WORDS_PATTERN}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\ban?\b");
    let pattern = format!(
        r"(?i)(?P<num>{num})(?:\s*\(\s*(?P<paren>\d+(?:\.\d+)?|{NUMBER_WORDS_PATTERN})\s*\))?(?:\s+|-)?(?:(?P<qual>calendar|business|working|banking)(?:\s+|-))?(?P<unit>days?|weeks?|months?|years?)\b"
    );
    // The pattern is a constant; compiling it cannot fail at run time once the tests pass.
    crate::pattern::compile(&pattern).expect("duration pattern compiles")
});

fn unit_of(unit: &str, qualifier: Option<&str>) -> Option<Unit> {
    let unit = unit.to_ascii_lowercase();
    let business = qualifier.is_some_and(|q| {
        let q = q.to_ascii_lowercase();
        q == "business" || q == "working" || q == "banking"
    });
    Some(match unit.trim_end_matches('s') {
        "day" if business => Unit::BusinessDay,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return None,
    })
}

/// Every duration in `text`, in order, with byte spans relative to `text`. Where words and
/// digits are both given ("thirty (30) days") the digits win, as they are what courts read.
pub fn find_durations(text: &str) -> Vec<DurationMatch> {
    let mut out = Vec::new();
    for caps in DURATION.captures_iter(text) {
        let (Some(whole), Some(num), Some(unit)) =
            (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        let amount = caps
            .name("paren")
            .and_then(|p| parse_number(p.as_str()))
            .or_else(|| parse_number(num.as_str()));
        let (Some(amount), Some(unit)) = (
            amount,
            unit_of(unit.as_str(), caps.name("qual").map(|q| q.as_str())),
        ) else {
            continue;
        };
        out.push(DurationMatch {
            duration: Duration::new(amount, unit),
            span: Span::new(whole.start(), whole.end()),
        });
    }
    out
}

/// The first duration in `text`, if any.
pub fn parse_duration(text: &str) -> Option<Duration> {
    find_durations(text).first().map(|m| m.duration)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, amount: f64, unit: Unit, months: f64, days: f64) {
        let d = parse_duration(text).unwrap_or_else(|| panic!("no duration in {text:?}"));
        assert_eq!(d, Duration::new(amount, unit), "{text:?}");
        assert!(
            (d.as_months() - months).abs() < 1e-9,
            "{text:?}: {}",
            d.as_months()
        );
        assert!(
            (d.as_days() - days).abs() < 1e-9,
            "{text:?}: {}",
            d.as_days()
        );
    }

    #[test]
    fn contract_phrasings() {
        check("two (2) years", 2.0, Unit::Year, 24.0, 730.0);
        check("thirty (30) days", 30.0, Unit::Day, 1.0, 30.0);
        check("six months", 6.0, Unit::Month, 6.0, 180.0);
        check("one year", 1.0, Unit::Year, 12.0, 365.0);
        check("12 months", 12.0, Unit::Month, 12.0, 360.0);
        check("eighteen (18) months", 18.0, Unit::Month, 18.0, 540.0);
        check("a period of one (1) year", 1.0, Unit::Year, 12.0, 365.0);
        check("90 days", 90.0, Unit::Day, 3.0, 90.0);
        check("sixty (60) calendar days", 60.0, Unit::Day, 2.0, 60.0);
        check(
            "ten business days",
            10.0,
            Unit::BusinessDay,
            14.0 / 30.0,
            14.0,
        );
        check("three weeks", 3.0, Unit::Week, 0.7, 21.0);
        check("a twelve-month period", 12.0, Unit::Month, 12.0, 360.0);
        check("an 18-month period", 18.0, Unit::Month, 18.0, 540.0);
        check("within a year", 1.0, Unit::Year, 12.0, 365.0);
        check("TWENTY-FOUR (24) MONTHS", 24.0, Unit::Month, 24.0, 720.0);
        check(
            "five (5) working days",
            5.0,
            Unit::BusinessDay,
            7.0 / 30.0,
            7.0,
        );
        check("1,000 days", 1000.0, Unit::Day, 1000.0 / 30.0, 1000.0);
    }

    #[test]
    fn digits_win_over_words_when_they_disagree() {
        check("thirty (60) days", 60.0, Unit::Day, 2.0, 60.0);
    }

    #[test]
    fn finder_reports_every_duration_with_spans() {
        let text = "For one (1) year, and then 30 days after notice, but not ten business days.";
        let found = find_durations(text);
        let quoted: Vec<&str> = found
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(quoted, ["one (1) year", "30 days", "ten business days"]);
    }

    #[test]
    fn non_durations_are_ignored() {
        assert!(
            find_durations("the days of the week; a reasonable period; Yearly fees").is_empty()
        );
        assert!(find_durations("Section 12 months").len() == 1);
        assert!(find_durations("holidays and birthdays").is_empty());
    }

    #[test]
    fn spans_stay_on_char_boundaries_with_unicode() {
        let text = "« deux » — within “thirty (30) days” ☂";
        for m in find_durations(text) {
            assert!(text.get(m.span.start..m.span.end).is_some());
        }
        assert_eq!(find_durations(text).len(), 1);
    }
}
