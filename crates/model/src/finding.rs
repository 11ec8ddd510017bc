use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Location, Span};

/// A check's answer for one contract. Ordered by severity: `Pass < Missing < Warn < Fail < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The clause is there and within policy.
    Pass,
    /// No clause of this kind was found (the check's policy decides whether that is a problem
    /// by also reporting `warn` or `fail` findings).
    Missing,
    /// The clause deviates from the preferred position.
    Warn,
    /// A red line is crossed.
    Fail,
    /// The check could not run.
    Error,
}

impl Verdict {
    /// All verdicts, mildest first.
    pub const ALL: [Verdict; 5] = [
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
        Verdict::Error,
    ];

    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Missing => "missing",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
            Verdict::Error => "error",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(name: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == name)
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A typed value a check extracted: months, days, a percentage, a jurisdiction code, a flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A yes/no fact.
    Bool(bool),
    /// A whole number (months, days).
    Int(i64),
    /// A decimal number (percentages, multiples, amounts).
    Float(f64),
    /// A code or a name.
    Text(String),
    /// Several values.
    List(Vec<ParamValue>),
}

impl From<bool> for ParamValue {
    fn from(v: bool) -> Self {
        ParamValue::Bool(v)
    }
}
impl From<i64> for ParamValue {
    fn from(v: i64) -> Self {
        ParamValue::Int(v)
    }
}
impl From<u32> for ParamValue {
    fn from(v: u32) -> Self {
        ParamValue::Int(i64::from(v))
    }
}
impl From<f64> for ParamValue {
    fn from(v: f64) -> Self {
        ParamValue::Float(v)
    }
}
impl From<&str> for ParamValue {
    fn from(v: &str) -> Self {
        ParamValue::Text(v.to_owned())
    }
}
impl From<String> for ParamValue {
    fn from(v: String) -> Self {
        ParamValue::Text(v)
    }
}
impl<T: Into<ParamValue>> From<Vec<T>> for ParamValue {
    fn from(v: Vec<T>) -> Self {
        ParamValue::List(v.into_iter().map(Into::into).collect())
    }
}

/// Extracted parameters by name, in a stable order.
pub type Params = BTreeMap<String, ParamValue>;

/// The text behind a finding: a quote with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The quoted text, as extracted.
    pub quote: String,
    /// The number (or heading, when unnumbered) of the clause the quote is in; `null` when
    /// the clause has neither.
    pub clause: Option<String>,
    /// The quote's byte span in the document text (reports show `start`/`end` instead).
    #[serde(skip)]
    pub span: Span,
    /// Character offset of the quote's start in the document text.
    pub start: usize,
    /// Character offset one past the quote's end.
    pub end: usize,
    /// Where the quote starts in the source file.
    #[serde(flatten)]
    pub location: Location,
    /// What a supporting quote backs when it is not the clause the check is about: a
    /// parameter or a related clause (`venue`, `arbitration`, `conflicting-law`). `None` for
    /// the quotes of the clause itself, which the finding's message describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// One check's verdict on one contract, with its evidence and extracted parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The check's id (`governing-law`).
    pub check: String,
    /// The verdict.
    pub verdict: Verdict,
    /// One sentence a reader understands without the playbook.
    pub message: String,
    /// The quotes behind the verdict (empty for `missing` and most `error`s).
    pub evidence: Vec<Evidence>,
    /// Extracted parameters.
    pub params: Params,
}

impl Finding {
    /// An `error` finding with no evidence.
    pub fn error(check: &str, message: impl Into<String>) -> Finding {
        Finding {
            check: check.to_owned(),
            verdict: Verdict::Error,
            message: message.into(),
            evidence: Vec::new(),
            params: Params::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_round_trip_by_name() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        assert_eq!(Verdict::parse("maybe"), None);
    }

    #[test]
    fn params_serialize_as_plain_json_values() {
        let mut p = Params::new();
        p.insert("duration_months".into(), 24i64.into());
        p.insert("jurisdiction".into(), "US-NY".into());
        p.insert("worldwide".into(), true.into());
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"duration_months":24,"jurisdiction":"US-NY","worldwide":true}"#
        );
        let back: Params = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
    }
}
