//! Jurisdiction names → codes: US states as `US-NY`, UK nations as `GB-ENG`, Canadian provinces
//! as `CA-ON`, Australian states as `AU-NSW`, countries as ISO 3166-1 alpha-2.
//!
//! Matching is case-insensitive but a name must start with a capital letter in the text (so
//! "new york" in running lowercase prose is not taken for a place, while "NEW YORK" is), and the
//! longest name wins ("New South Wales" over "Wales", "England and Wales" over "England").
//!
//! ```
//! use clauselint_sdk::jurisdiction::{find_jurisdictions, lookup};
//! assert_eq!(lookup("State of New York").map(|j| j.code), Some("US-NY"));
//! let m = find_jurisdictions("the laws of England and Wales");
//! assert_eq!(m[0].jurisdiction.code, "GB-ENG");
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::Span;

/// A jurisdiction the SDK knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Jurisdiction {
    /// The code: ISO 3166-1 alpha-2 for countries, ISO 3166-2 style for subdivisions.
    pub code: &'static str,
    /// The usual English name.
    pub name: &'static str,
}

impl Jurisdiction {
    /// The country part of the code ("US" for "US-NY", "GB" for "GB-ENG").
    pub fn country(&self) -> &'static str {
        self.code.split('-').next().unwrap_or(self.code)
    }
}

/// A jurisdiction found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JurisdictionMatch {
    /// What was found.
    pub jurisdiction: Jurisdiction,
    /// Bytes of the searched text, including a "State of" style prefix when present.
    pub span: Span,
}

/// (code, canonical name, other names). Names are matched case-insensitively.
const TABLE: &[(&str, &str, &[&str])] = &[
    // United States and its states.
    (
        "US",
        "United States",
        &["United States of America", "U.S.A.", "USA"],
    ),
    ("US-AL", "Alabama", &[]),
    ("US-AK", "Alaska", &[]),
    ("US-AZ", "Arizona", &[]),
    ("US-AR", "Arkansas", &[]),
    ("US-CA", "California", &[]),
    ("US-CO", "Colorado", &[]),
    ("US-CT", "Connecticut", &[]),
    ("US-DE", "Delaware", &[]),
    (
        "US-DC",
        "District of Columbia",
        &["Washington, D.C.", "Washington D.C.", "Washington, DC"],
    ),
    ("US-FL", "Florida", &[]),
    ("US-GA", "Georgia", &[]),
    ("US-HI", "Hawaii", &[]),
    ("US-ID", "Idaho", &[]),
    ("US-IL", "Illinois", &[]),
    ("US-IN", "Indiana", &[]),
    ("US-IA", "Iowa", &[]),
    ("US-KS", "Kansas", &[]),
    ("US-KY", "Kentucky", &[]),
    ("US-LA", "Louisiana", &[]),
    ("US-ME", "Maine", &[]),
    ("US-MD", "Maryland", &[]),
    ("US-MA", "Massachusetts", &[]),
    ("US-MI", "Michigan", &[]),
    ("US-MN", "Minnesota", &[]),
    ("US-MS", "Mississippi", &[]),
    ("US-MO", "Missouri", &[]),
    ("US-MT", "Montana", &[]),
    ("US-NE", "Nebraska", &[]),
    ("US-NV", "Nevada", &[]),
    ("US-NH", "New Hampshire", &[]),
    ("US-NJ", "New Jersey", &[]),
    ("US-NM", "New Mexico", &[]),
    ("US-NY", "New York", &[]),
    ("US-NC", "North Carolina", &[]),
    ("US-ND", "North Dakota", &[]),
    ("US-OH", "Ohio", &[]),
    ("US-OK", "Oklahoma", &[]),
    ("US-OR", "Oregon", &[]),
    ("US-PA", "Pennsylvania", &[]),
    ("US-RI", "Rhode Island", &[]),
    ("US-SC", "South Carolina", &[]),
    ("US-SD", "South Dakota", &[]),
    ("US-TN", "Tennessee", &[]),
    ("US-TX", "Texas", &[]),
    ("US-UT", "Utah", &[]),
    ("US-VT", "Vermont", &[]),
    ("US-VA", "Virginia", &[]),
    ("US-WA", "Washington", &[]),
    ("US-WV", "West Virginia", &[]),
    ("US-WI", "Wisconsin", &[]),
    ("US-WY", "Wyoming", &[]),
    ("US-PR", "Puerto Rico", &[]),
    // United Kingdom.
    (
        "GB",
        "United Kingdom",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "Great Britain",
            "U.K.",
            "UK",
        ],
    ),
    (
        "GB-ENG",
        "England and Wales",
        &["England & Wales", "England"],
    ),
    ("GB-SCT", "Scotland", &[]),
    ("GB-NIR", "Northern Ireland", &[]),
    ("GB-WLS", "Wales", &[]),
    // Canada.
    ("CA", "Canada", &[]),
    ("CA-ON", "Ontario", &[]),
    ("CA-QC", "Quebec", &["Québec"]),
    ("CA-BC", "British Columbia", &[]),
    ("CA-AB", "Alberta", &[]),
    ("CA-MB", "Manitoba", &[]),
    ("CA-SK", "Saskatchewan", &[]),
    ("CA-NS", "Nova Scotia", &[]),
    ("CA-NB", "New Brunswick", &[]),
    ("CA-NL", "Newfoundland and Labrador", &["Newfoundland"]),
    ("CA-PE", "Prince Edward Island", &[]),
    // Australia.
    ("AU", "Australia", &["Commonwealth of Australia"]),
    ("AU-NSW", "New South Wales", &[]),
    ("AU-VIC", "Victoria", &[]),
    ("AU-QLD", "Queensland", &[]),
    ("AU-WA", "Western Australia", &[]),
    ("AU-SA", "South Australia", &[]),
    ("AU-TAS", "Tasmania", &[]),
    ("AU-ACT", "Australian Capital Territory", &[]),
    ("AU-NT", "Northern Territory", &[]),
    // Europe.
    ("IE", "Ireland", &["Republic of Ireland"]),
    ("DE", "Germany", &["Federal Republic of Germany"]),
    ("FR", "France", &["French Republic"]),
    ("ES", "Spain", &["Kingdom of Spain"]),
    ("IT", "Italy", &["Italian Republic"]),
    ("PT", "Portugal", &[]),
    ("NL", "Netherlands", &["Holland"]),
    ("BE", "Belgium", &[]),
    ("LU", "Luxembourg", &[]),
    ("CH", "Switzerland", &["Swiss Confederation"]),
    ("AT", "Austria", &[]),
    ("SE", "Sweden", &[]),
    ("NO", "Norway", &[]),
    ("DK", "Denmark", &[]),
    ("FI", "Finland", &[]),
    ("IS", "Iceland", &[]),
    ("PL", "Poland", &[]),
    ("CZ", "Czech Republic", &["Czechia"]),
    ("SK", "Slovakia", &["Slovak Republic"]),
    ("SI", "Slovenia", &[]),
    ("HR", "Croatia", &[]),
    ("HU", "Hungary", &[]),
    ("RO", "Romania", &[]),
    ("BG", "Bulgaria", &[]),
    ("GR", "Greece", &[]),
    ("CY", "Cyprus", &[]),
    ("MT", "Malta", &[]),
    ("EE", "Estonia", &[]),
    ("LV", "Latvia", &[]),
    ("LT", "Lithuania", &[]),
    ("RS", "Serbia", &[]),
    ("UA", "Ukraine", &[]),
    ("RU", "Russia", &["Russian Federation"]),
    ("TR", "Turkey", &["Türkiye", "Republic of Turkey"]),
    ("LI", "Liechtenstein", &[]),
    ("MC", "Monaco", &[]),
    ("JE", "Jersey", &["Bailiwick of Jersey"]),
    ("GG", "Guernsey", &[]),
    ("IM", "Isle of Man", &[]),
    ("GI", "Gibraltar", &[]),
    // Middle East and Africa.
    ("IL", "Israel", &["State of Israel"]),
    ("AE", "United Arab Emirates", &["UAE", "U.A.E."]),
    ("AE-DU", "Dubai", &["Emirate of Dubai"]),
    ("SA", "Saudi Arabia", &["Kingdom of Saudi Arabia"]),
    ("QA", "Qatar", &[]),
    ("EG", "Egypt", &[]),
    ("ZA", "South Africa", &["Republic of South Africa"]),
    ("NG", "Nigeria", &[]),
    ("KE", "Kenya", &[]),
    ("MA", "Morocco", &[]),
    // Asia-Pacific.
    ("IN", "India", &["Republic of India"]),
    ("PK", "Pakistan", &[]),
    ("BD", "Bangladesh", &[]),
    ("LK", "Sri Lanka", &[]),
    (
        "CN",
        "China",
        &[
            "People's Republic of China",
            "PRC",
            "P.R.C.",
            "Mainland China",
        ],
    ),
    (
        "HK",
        "Hong Kong",
        &["Hong Kong SAR", "Hong Kong Special Administrative Region"],
    ),
    ("MO", "Macau", &["Macao"]),
    ("TW", "Taiwan", &["Republic of China", "R.O.C.", "ROC"]),
    ("JP", "Japan", &[]),
    ("KR", "South Korea", &["Republic of Korea", "Korea"]),
    ("SG", "Singapore", &["Republic of Singapore"]),
    ("MY", "Malaysia", &[]),
    ("TH", "Thailand", &[]),
    ("VN", "Vietnam", &["Viet Nam"]),
    ("ID", "Indonesia", &[]),
    ("PH", "Philippines", &[]),
    ("NZ", "New Zealand", &[]),
    // The Americas beyond the US and Canada.
    ("MX", "Mexico", &["United Mexican States"]),
    ("BR", "Brazil", &["Federative Republic of Brazil"]),
    ("AR", "Argentina", &[]),
    ("CL", "Chile", &[]),
    ("CO", "Colombia", &[]),
    ("PE", "Peru", &[]),
    ("BM", "Bermuda", &[]),
    ("KY", "Cayman Islands", &[]),
    ("VG", "British Virgin Islands", &[]),
    ("BS", "Bahamas", &[]),
    // Further countries seen in commercial contracts.
    ("PG", "Papua New Guinea", &[]),
    ("KZ", "Kazakhstan", &["Republic of Kazakhstan"]),
    ("PA", "Panama", &[]),
    ("CR", "Costa Rica", &[]),
    ("UY", "Uruguay", &[]),
    ("VE", "Venezuela", &[]),
    ("EC", "Ecuador", &[]),
    ("DO", "Dominican Republic", &[]),
    ("JM", "Jamaica", &[]),
    ("BB", "Barbados", &[]),
    ("TT", "Trinidad and Tobago", &[]),
    ("BZ", "Belize", &[]),
    ("GT", "Guatemala", &[]),
    ("HN", "Honduras", &[]),
    ("SV", "El Salvador", &[]),
    ("BO", "Bolivia", &[]),
    ("PY", "Paraguay", &[]),
    ("MU", "Mauritius", &[]),
    ("SC", "Seychelles", &[]),
    ("GH", "Ghana", &[]),
    ("TZ", "Tanzania", &[]),
    ("UG", "Uganda", &[]),
    ("ET", "Ethiopia", &[]),
    ("TN", "Tunisia", &[]),
    ("DZ", "Algeria", &[]),
    ("ZW", "Zimbabwe", &[]),
    ("LB", "Lebanon", &[]),
    ("KW", "Kuwait", &[]),
    ("BH", "Bahrain", &[]),
    ("OM", "Oman", &[]),
    ("NP", "Nepal", &[]),
    ("KH", "Cambodia", &[]),
    ("MN", "Mongolia", &[]),
    ("UZ", "Uzbekistan", &[]),
    ("BY", "Belarus", &[]),
    ("AM", "Armenia", &[]),
    ("AZ", "Azerbaijan", &[]),
    ("MD", "Moldova", &[]),
    ("AL", "Albania", &[]),
    ("MK", "North Macedonia", &[]),
    ("FJ", "Fiji", &[]),
    ("CW", "Curaçao", &["Curacao"]),
    ("MH", "Marshall Islands", &[]),
];

/// Adjectives that name a legal system in "English law", "Swiss law" (code, adjective).
const ADJECTIVES: &[(&str, &str)] = &[
    ("GB-ENG", "English"),
    ("GB-SCT", "Scots"),
    ("GB-SCT", "Scottish"),
    ("GB", "British"),
    ("US", "American"),
    ("US", "U.S."),
    ("US", "US"),
    ("US", "federal"),
    ("IE", "Irish"),
    ("DE", "German"),
    ("FR", "French"),
    ("ES", "Spanish"),
    ("IT", "Italian"),
    ("PT", "Portuguese"),
    ("NL", "Dutch"),
    ("BE", "Belgian"),
    ("CH", "Swiss"),
    ("AT", "Austrian"),
    ("SE", "Swedish"),
    ("NO", "Norwegian"),
    ("DK", "Danish"),
    ("FI", "Finnish"),
    ("PL", "Polish"),
    ("IL", "Israeli"),
    ("IN", "Indian"),
    ("CN", "Chinese"),
    ("JP", "Japanese"),
    ("KR", "Korean"),
    ("SG", "Singaporean"),
    ("AU", "Australian"),
    ("NZ", "New Zealand"),
    ("CA", "Canadian"),
    ("MX", "Mexican"),
    ("BR", "Brazilian"),
];

static ADJECTIVE_FINDER: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = ADJECTIVES
        .iter()
        .map(|(_, a)| {
            let body = regex::escape(a);
            if a.ends_with('.') {
                body
            } else {
                format!(r"{body}\b")
            }
        })
        .collect();
    // Built from the constant table; compiling it cannot fail at run time once tests pass.
    crate::pattern::compile(&format!(r"\b(?:{})", alternatives.join("|")))
        .expect("adjective pattern compiles")
});

/// Adjectives naming a legal system ("English", "Swiss", "Delaware" is a noun and is found by
/// [`find_jurisdictions`]), matched case-sensitively, with their spans. Meant for phrases like
/// "governed by English law"; the caller checks that "law" follows.
pub fn find_adjectives(text: &str) -> Vec<JurisdictionMatch> {
    ADJECTIVE_FINDER
        .find_iter(text)
        .filter_map(|m| {
            let &(code, _) = ADJECTIVES.iter().find(|(_, a)| *a == m.as_str())?;
            let jurisdiction = TABLE
                .iter()
                .find(|(c, _, _)| *c == code)
                .map(|&(code, name, _)| Jurisdiction { code, name })?;
            Some(JurisdictionMatch {
                jurisdiction,
                span: Span::new(m.start(), m.end()),
            })
        })
        .collect()
}

/// Lower-cases and collapses whitespace so aliases compare equal however they were typed.
fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    out
}

struct Index {
    by_name: HashMap<String, Jurisdiction>,
    finder: Regex,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut by_name = HashMap::new();
    let mut names: Vec<&'static str> = Vec::new();
    for &(code, name, aliases) in TABLE {
        let j = Jurisdiction { code, name };
        for &n in std::iter::once(&name).chain(aliases) {
            by_name.insert(key(n), j);
            names.push(n);
        }
    }
    // Longest first, so the leftmost-first alternation prefers "New South Wales" to "Wales".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternatives: Vec<String> = names
        .iter()
        .map(|n| {
            let words: Vec<String> = n.split_whitespace().map(regex::escape).collect();
            let body = words
                .join(r"\s+")
                .replace('\'', "['’]")
                .replace("’", "['’]");
            if n.ends_with(|c: char| c.is_alphanumeric()) {
                format!(r"{body}\b")
            } else {
                body
            }
        })
        .collect();
    let pattern = format!(
        r"(?i)\b(?:(?:the\s+)?(?:State|Commonwealth|Province|Territory|Republic|Kingdom|Emirate)\s+of\s+(?:the\s+)?)?(?P<name>{})",
        alternatives.join("|")
    );
    // The pattern is built from the constant table; compiling it cannot fail at run time
    // once the tests pass.
    let finder = crate::pattern::compile(&pattern).expect("jurisdiction pattern compiles");
    Index { by_name, finder }
});

/// The jurisdiction a name denotes ("State of New York", "england and wales", "Hong Kong"),
/// with a leading "the"/"State of"/"Province of" allowed.
pub fn lookup(name: &str) -> Option<Jurisdiction> {
    let trimmed = name.trim().trim_end_matches([',', ';', ':', '.']).trim();
    let caps = INDEX.finder.captures(trimmed)?;
    let whole = caps.get(0)?;
    let before = &trimmed[..whole.start()];
    // Only a whole-string match counts: "New York City Hall" is not "New York".
    let lead_ok = before.trim().is_empty() || before.trim().eq_ignore_ascii_case("the");
    if !lead_ok || whole.end() != trimmed.len() {
        return None;
    }
    INDEX
        .by_name
        .get(&key(caps.name("name")?.as_str()))
        .copied()
}

/// Every jurisdiction named in `text`, in order, with spans relative to `text`.
pub fn find_jurisdictions(text: &str) -> Vec<JurisdictionMatch> {
    let mut out = Vec::new();
    for caps in INDEX.finder.captures_iter(text) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.name("name")) else {
            continue;
        };
        if !name.as_str().starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(j) = INDEX.by_name.get(&key(name.as_str())) else {
            continue;
        };
        // A prefix is kept in the span only when it is capitalised ("State of New York");
        // "the laws of the state of New York" quotes just the name.
        let start = if whole.as_str().starts_with(|c: char| c.is_uppercase()) {
            whole.start()
        } else {
            name.start()
        };
        out.push(JurisdictionMatch {
            jurisdiction: *j,
            span: Span::new(start, name.end()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        find_jurisdictions(text)
            .iter()
            .map(|m| m.jurisdiction.code)
            .collect()
    }

    #[test]
    fn lookups() {
        for (name, code) in [
            ("State of New York", "US-NY"),
            ("New York", "US-NY"),
            ("Delaware", "US-DE"),
            ("California", "US-CA"),
            ("the Commonwealth of Massachusetts", "US-MA"),
            ("England and Wales", "GB-ENG"),
            ("England", "GB-ENG"),
            ("Scotland", "GB-SCT"),
            ("United Kingdom", "GB"),
            ("Germany", "DE"),
            ("France", "FR"),
            ("Singapore", "SG"),
            ("Hong Kong", "HK"),
            ("Province of Ontario", "CA-ON"),
            ("Ireland", "IE"),
            ("the Netherlands", "NL"),
            ("Switzerland", "CH"),
            ("Japan", "JP"),
            ("People's Republic of China", "CN"),
            ("India", "IN"),
            ("Israel", "IL"),
            ("Australia", "AU"),
            ("New South Wales", "AU-NSW"),
            ("District of Columbia", "US-DC"),
            ("NEW YORK", "US-NY"),
        ] {
            assert_eq!(lookup(name).map(|j| j.code), Some(code), "{name}");
        }
        assert_eq!(lookup("Atlantis"), None);
        assert_eq!(lookup("New York City Hall"), None);
    }

    #[test]
    fn table_is_complete_and_consistent() {
        let states = TABLE
            .iter()
            .filter(|(c, _, _)| c.starts_with("US-"))
            .count();
        assert_eq!(states, 52, "50 states + DC + Puerto Rico");
        let countries = TABLE.iter().filter(|(c, _, _)| c.len() == 2).count();
        assert!(countries >= 60, "{countries} countries");
        let mut seen = std::collections::HashSet::new();
        for (_, name, aliases) in TABLE {
            for n in std::iter::once(name).chain(aliases.iter()) {
                assert!(seen.insert(key(n)), "alias {n} is listed twice");
            }
        }
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(codes("the laws of England and Wales"), ["GB-ENG"]);
        assert_eq!(codes("courts of New South Wales"), ["AU-NSW"]);
        assert_eq!(codes("Northern Ireland law"), ["GB-NIR"]);
        assert_eq!(codes("West Virginia and Virginia"), ["US-WV", "US-VA"]);
        assert_eq!(codes("New Mexico, Mexico"), ["US-NM", "MX"]);
        assert_eq!(codes("Washington, D.C. and Washington"), ["US-DC", "US-WA"]);
    }

    #[test]
    fn spans_include_a_capitalised_prefix() {
        let text = "governed by the laws of the State of New York, without regard";
        let m = find_jurisdictions(text);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.start..m[0].span.end], "New York");
        let text = "THE LAWS OF THE STATE OF DELAWARE";
        let m = find_jurisdictions(text);
        assert_eq!(
            &text[m[0].span.start..m[0].span.end],
            "THE STATE OF DELAWARE"
        );
        assert_eq!(m[0].jurisdiction.code, "US-DE");
    }

    #[test]
    fn lowercase_words_are_not_places() {
        assert!(codes("a new york minute; the state of georgia; a kansas wheat").is_empty());
        assert!(codes("Kansasville and Arkansas").len() == 1);
    }

    #[test]
    fn adjectives_name_legal_systems() {
        let text = "governed by English law, not Swiss or U.S. law";
        let found: Vec<(&str, &str)> = find_adjectives(text)
            .iter()
            .map(|m| (m.jurisdiction.code, &text[m.span.start..m.span.end]))
            .collect();
        assert_eq!(
            found,
            [("GB-ENG", "English"), ("CH", "Swiss"), ("US", "U.S.")]
        );
        assert!(find_adjectives("english muffins; Englishman").is_empty());
        for (code, _) in ADJECTIVES {
            assert!(TABLE.iter().any(|(c, _, _)| c == code), "{code}");
        }
    }

    #[test]
    fn country_of_a_subdivision() {
        assert_eq!(lookup("Ontario").map(|j| j.country()), Some("CA"));
        assert_eq!(lookup("Japan").map(|j| j.country()), Some("JP"));
    }
}
