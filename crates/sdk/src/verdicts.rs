//! Reading a policy's verdict settings ("pass", "warn", "fail", …) into [`Verdict`]s.
//!
//! A check's policy names the verdict each outcome gets as a string, so that a team can make a
//! finding stricter or milder without touching code. [`among`] reads one such setting and
//! refuses anything outside the verdicts the outcome may take, naming the key, the value and
//! the choices. [`GRADES`] and [`MISSING_GRADES`] are the two sets almost every check uses.
//!
//! ```
//! use clauselint_sdk::Verdict;
//! use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
//!
//! assert_eq!(among("late", "fail", GRADES), Ok(Verdict::Fail));
//! assert_eq!(among("missing", "missing", MISSING_GRADES), Ok(Verdict::Missing));
//! let err = among("late", "missing", GRADES).unwrap_err();
//! assert_eq!(err.to_string(), r#"late = "missing": expected one of pass, warn, fail"#);
//! // In `Check::new`, which answers `Result<Self, String>`, `?` converts the error.
//! fn new(late: &str) -> Result<Verdict, String> {
//!     Ok(among("late", late, GRADES)?)
//! }
//! assert!(new("sometimes").is_err());
//! ```

use crate::Verdict;

/// The verdicts an outcome that was found may take: pass, warn, fail.
pub const GRADES: &[Verdict] = &[Verdict::Pass, Verdict::Warn, Verdict::Fail];

/// The verdicts for a contract without the clause a check looks for: pass, missing, warn, fail.
pub const MISSING_GRADES: &[Verdict] = &[
    Verdict::Pass,
    Verdict::Missing,
    Verdict::Warn,
    Verdict::Fail,
];

/// A verdict setting that names no verdict, or one the setting may not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key} = {value:?}: expected one of {}", names(.allowed))]
pub struct VerdictError {
    key: String,
    value: String,
    allowed: Vec<Verdict>,
}

impl VerdictError {
    /// The policy key of the setting.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The value the policy gave it.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The verdicts it may take.
    pub fn allowed(&self) -> &[Verdict] {
        &self.allowed
    }
}

fn names(verdicts: &[Verdict]) -> String {
    let names: Vec<&str> = verdicts.iter().map(|v| v.as_str()).collect();
    names.join(", ")
}

/// `Check::new` answers `Result<Self, String>`: this lets it use `?` on [`among`].
impl From<VerdictError> for String {
    fn from(e: VerdictError) -> String {
        e.to_string()
    }
}

/// The verdict `value` names (as [`Verdict::parse`] reads it), if it is one of `allowed`;
/// otherwise an error naming `key`, `value` and the allowed verdicts in their order.
pub fn among(key: &str, value: &str, allowed: &[Verdict]) -> Result<Verdict, VerdictError> {
    Verdict::parse(value)
        .filter(|v| allowed.contains(v))
        .ok_or_else(|| VerdictError {
            key: key.to_owned(),
            value: value.to_owned(),
            allowed: allowed.to_vec(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_allowed_verdict() {
        for v in MISSING_GRADES {
            assert_eq!(among("missing", v.as_str(), MISSING_GRADES), Ok(*v));
        }
        for v in GRADES {
            assert_eq!(among("late", v.as_str(), GRADES), Ok(*v));
        }
    }

    #[test]
    fn refuses_verdicts_outside_the_set_and_unknown_words() {
        let e = among("late", "missing", GRADES).unwrap_err();
        assert_eq!(e.key(), "late");
        assert_eq!(e.value(), "missing");
        assert_eq!(e.allowed(), GRADES);
        assert_eq!(
            among("missing", "error", MISSING_GRADES)
                .unwrap_err()
                .to_string(),
            r#"missing = "error": expected one of pass, missing, warn, fail"#
        );
        assert_eq!(
            String::from(among("x", "Fail!", GRADES).unwrap_err()),
            r#"x = "Fail!": expected one of pass, warn, fail"#
        );
        assert!(among("x", "", GRADES).is_err());
    }
}
