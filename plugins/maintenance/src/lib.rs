//! The `maintenance` check: whether maintenance, support, retraining and model drift are kept
//! out of open-ended obligations in the build contract — a separate maintenance agreement or
//! paid support, or at most a short support window (002 Red Line 7, 001 §12).
//!
//! It reads sentences that oblige someone to maintain, support, bug-fix, update, monitor or
//! retrain the work (software, model, system, deliverables, platform), and:
//!
//! - `separate_agreement`: maintenance or retraining under a separate agreement, order or SOW,
//!   or for fees ("annual maintenance fee", "at Provider's then-current rates");
//! - `open_ended_obligation`: maintenance at no additional cost with no end ("for the life of
//!   the Agreement", "at all times", or no period at all), or a duty to keep the model's
//!   accuracy or retrain it that is neither paid nor bounded;
//! - `support_period_months` / `support_period_days`: an included support window ("for thirty
//!   (30) days after acceptance");
//! - `drift_mentioned`: model drift, degradation, retraining.
//!
//! Maintenance of insurance, records, premises, equipment or accounts is not this clause.
//!
//! Policy: open-ended or unpaid indefinite maintenance or drift duties → fail; a separate
//! agreement or paid maintenance → pass; included support for at most `max_support_days` (30,
//! 001 §12's "30 days of post-deployment support") → pass, longer → warn; a maintenance duty
//! with neither fees nor a period → warn; nothing → missing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[maintenance]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict for open-ended or unpaid indefinite maintenance, retraining or drift duties.
    pub open_ended: String,
    /// Longest included support window that passes, in days.
    pub max_support_days: u32,
    /// Verdict for an included support window longer than `max_support_days`.
    pub long_support: String,
    /// Verdict for a maintenance duty with neither fees nor a period.
    pub unpriced: String,
    /// Verdict when the contract says nothing of maintenance, support or retraining.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            open_ended: "fail".to_owned(),
            max_support_days: 30,
            long_support: "warn".to_owned(),
            unpriced: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct Maintenance {
    open_ended: Verdict,
    max_support_days: u32,
    long_support: Verdict,
    unpriced: Verdict,
    missing: Verdict,
}

/// Maintenance, support and retraining.
static MAINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:maintenance|maintain(?:s|ed|ing)?|support\s+services|technical\s+support|(?:post[-\s](?:deployment|launch|delivery|go[-\s]live)|ongoing|continuing)\s+support|support\s+and\s+maintenance|bug[-\s]fix\w*|error\s+corrections?|retrain\w*|re-train\w*|(?:model|data|concept)\s+drift|model\s+monitoring|updates?\s+and\s+upgrades)\b",
    )
});
/// The work maintained.
static WORK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:software|models?|systems?|deliverables?|platforms?|applications?|solutions?|code|website|web\s+site|algorithms?|tools?)\b",
    )
});
/// "maintain" in its everyday senses: insurance, records, premises, confidentiality.
static NOT_WORK_MAINTENANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bmaint(?:ain\w*|enance)\s+(?:of\s+)?(?:\w+\s+){0,5}?(?:insurance|records?|books|accounts?|premises|facilit\w+|equipment|vehicles?|property|inventory|buildings?|plant|confidential\w*|compliance|licen[cs]es?|permits?|registrations?|existence|good\s+standing|quality\s+system|policies|coverage|levels?|rates?|prices?|staff\w*|personnel|reserves?|controls?|safeguards?|security|backups?|copies|trademarks?|patents?|patent\s+applications?|regulatory\s+approvals?|pipelines?|roads?|lines?)\b|\bprosecution\b|\b(?:normal|routine|scheduled|emergency)\s+maintenance\b|\bmaintenance\s+(?:windows?|periods?|restrictions|programs?)\b",
    )
});
/// "maintain the Application", "maintain and support the Software": the work as the object.
static MAINTAIN_WORK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bmaintain(?:s|ed|ing)?\s+(?:and\s+(?:support|update|host)\s+)?(?:the\s+|all\s+|any\s+|such\s+)?(?:\w+\s+)?(?:software|models?|systems?|deliverables?|platforms?|applications?|solutions?|code|website|web\s+site|algorithms?|pipelines?)\b",
    )
});
/// A duty whose object is maintenance: "shall provide maintenance and support", "will
/// maintain the Software", "shall retrain the Model", "is responsible for the maintenance of".
static DUTY_TO_MAINTAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\s+(?:\w+\s+){0,3}?(?:provide|perform|offer|deliver|carry\s+out|render|supply|make\s+available)\w*\s+(?:[\w-]+\s+){0,5}?(?:maintenance|support|bug[-\s]fix\w*|error\s+corrections?|updates?|upgrades?|retraining|monitoring)\b|\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to)\s+(?:\w+\s+){0,2}?(?:maintain|support|retrain|re-train|update|monitor|correct|fix)\w*\b|\b(?:be|is|are)\s+(?:solely\s+)?responsible\s+for\s+(?:the\s+)?(?:ongoing\s+)?(?:maintenance|support|retraining)\b|\b(?:maintenance|support|bug[-\s]fix\w*|updates?(?:\s+and\s+upgrades)?|retraining)\b[^.;]{0,80}\b(?:shall|will)\s+be\s+(?:provided|performed|delivered|made\s+available)\b",
    )
});
/// The client as the one who maintains: "You agree to purchase and maintain", "Customer shall
/// maintain its systems".
static CLIENT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:client|customer|licensee|company|you|franchisee|buyer|purchaser|owner)\s+(?:\w+\s+){0,2}?$",
    )
});
/// A definition: `"Hosting Servers" shall mean …`.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^.{0,100}?"[^"]{1,80}"\s+(?:\([^)]{0,40}\)\s+)?(?:shall\s+)?(?:means?|refers?\s+to|has\s+the\s+meaning)\b"#,
    )
});
/// A separate agreement or paid maintenance.
static SEPARATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bseparate\s+(?:\w+\s+){0,2}?(?:agreement|contract|statement\s+of\s+work|sow|order|engagement|retainer)\b|\b(?:additional|separate|then[-\s]current|hourly|standard|agreed)\s+(?:\w+\s+){0,2}?(?:fees?|charges?|rates?|compensation)\b|\b(?:maintenance|support|retraining)\s+(?:fees?|charges?)\b|\bat\s+(?:the\s+)?(?:client|customer|licensee)['’]?s?\s+(?:cost|expense)\b|\bnot\s+included\s+in\s+(?:the\s+)?(?:fees?|price|scope)\b|\b(?:invoiced|charged|billed)\s+(?:separately|at)\b|\btime\s+and\s+materials?\b|\bout\s+of\s+scope\b|\bchange\s+(?:order|request)\b|\bpa(?:y|ys|id|yment)\b[^.;]{0,80}\bfor\s+(?:such\s+|the\s+|all\s+)?(?:\w+\s+){0,3}?(?:maintenance|support|retraining)\b|\bfees?\s+for\s+(?:the\s+|such\s+)?(?:\w+\s+){0,2}?(?:maintenance|support|retraining)\b|(?:\$|\busd\s?|\beur\s?|€|£)\s?[\d,.]+\s+(?:per|a|each)\s+(?:month|year|annum|hour)\b|\bon\s+commercially\s+reasonable\s+terms\b",
    )
});
/// At no cost: "at no additional charge", "free of charge", "included in the Fees".
static NO_COST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bat\s+no\s+(?:additional\s+|extra\s+|further\s+)?(?:cost|charge|fee|expense)s?\b|\bfree\s+of\s+(?:charge|cost)\b|\bwithout\s+(?:any\s+)?(?:additional\s+|extra\s+|further\s+)?(?:cost|charge|fee|compensation|payment)s?\b|\bno\s+(?:additional|extra|further)\s+(?:cost|charge|fee)s?\b|\bincluded\s+in\s+the\s+(?:fees?|price|project\s+fee)\b",
    )
});
/// No end: "for the life of the Agreement", "at all times", "in perpetuity".
static INDEFINITE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bfor\s+the\s+(?:life|lifetime|useful\s+life|duration)\s+of\b|\bperpetual\w*|\bindefinite\w*|\bin\s+perpetuity\b|\bat\s+all\s+times\b|\bon\s+an\s+ongoing\s+basis\b|\bfor\s+as\s+long\s+as\b|\bthroughout\s+the\s+(?:term|life|lifetime)\b",
    )
});
/// A duty to keep the model performing: maintain accuracy, retrain, correct drift.
static DRIFT_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:maintain|ensure|keep|preserve|guarantee|sustain)\w*\s+(?:\w+['’]?s?\s+){0,4}?(?:accuracy|performance|precision|recall|f1|error\s+rate)\b|\bretrain\w*|\bre-train\w*|\b(?:correct|address|remedy|prevent)\w*\s+(?:any\s+)?(?:model\s+|data\s+|concept\s+)?drift\b",
    )
});
/// Drift named at all.
static DRIFT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdrift\b|\bretrain\w*|\bre-train\w*|\bdegrad\w*\s+(?:\w+\s+){0,3}?over\s+time\b|\bchanges?\s+in\s+(?:the\s+)?(?:data\s+distributions?|underlying\s+data)\b",
    )
});
/// A negated duty: "shall not be obliged to maintain", "has no obligation to retrain".
static NOT_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not|no)\s+(?:be\s+)?(?:obliged|obligated|required|responsible|obligation|responsibility)\b|\bexcludes?\b|\bexcluding\b|\bdoes\s+not\s+include\b",
    )
});
/// Words before a duration that make it the support window ("for ninety (90) days").
static WINDOW_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:for|during|of|first)\s+(?:a\s+|the\s+)?(?:period\s+of\s+|first\s+)?$")
});
/// Words after a duration that make it the support window ("… after acceptance").
static WINDOW_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^['’]?\s*(?:\(\s*\d+\s*\)\s*)?(?:period\s+)?(?:after|following|from|of)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:acceptance|delivery|go[-\s]live|deployment|launch|completion|installation|effective\s+date)\b|^['’]?\s*(?:warranty\s+|support\s+)?period\b",
    )
});

/// The support window in days a sentence gives: the longest duration introduced as a period
/// ("for ninety (90) days", "twelve (12) months after go-live").
fn window_days(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    find_durations(text)
        .iter()
        .filter(|d| {
            let before = lower.get(..d.span.start).unwrap_or("");
            let lo = floor_boundary(before, before.len().saturating_sub(40));
            let after = lower.get(d.span.end..).unwrap_or("");
            WINDOW_BEFORE.is_match(&before[lo..]) || WINDOW_AFTER.is_match(after)
        })
        .map(|d| d.duration.as_days().round() as i64)
        .max()
}

impl Check for Maintenance {
    const ID: &'static str = "maintenance";
    const NAME: &'static str = "Maintenance and model drift";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds maintenance, support, retraining and model-drift obligations and checks that they are a separate agreement or paid, or a short included window, not an open-ended obligation of the build contract.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "open_ended",
            "Verdict for maintenance, retraining or drift duties at no cost with no end (002 Red Line 7): pass, warn or fail.",
        ),
        (
            "max_support_days",
            "Longest included support window that passes, in days (integer; 001 §12 suggests 30).",
        ),
        (
            "long_support",
            "Verdict for an included support window longer than max_support_days: pass, warn or fail.",
        ),
        (
            "unpriced",
            "Verdict for a maintenance duty with neither fees, a separate agreement nor a period: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract says nothing of maintenance, support or retraining: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(Maintenance {
            open_ended: among("open_ended", &policy.open_ended, GRADES)?,
            max_support_days: policy.max_support_days,
            long_support: among("long_support", &policy.long_support, GRADES)?,
            unpriced: among("unpriced", &policy.unpriced, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut duty: Option<Span> = None;
        let mut separate: Option<Span> = None;
        let mut open_ended: Option<Span> = None;
        let mut window: Option<(i64, Span)> = None;
        let mut drift: Option<Span> = None;
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            if DRIFT.is_match(n) {
                drift.get_or_insert(s.span);
            }
            let Some(m) = MAINT.find(n) else {
                continue;
            };
            // "maintain" alone is everyday contract language; it counts with the work as its
            // object ("maintain the Application"), and never for insurance, records or premises.
            let everyday = m.as_str().starts_with("maintain")
                && !DRIFT_DUTY.is_match(n)
                && !MAINTAIN_WORK.is_match(n);
            if everyday || NOT_WORK_MAINTENANCE.is_match(n) {
                continue;
            }
            // "additional charge" in "without additional charge" is no fee.
            let free_spans: Vec<(usize, usize)> =
                NO_COST.find_iter(n).map(|c| (c.start(), c.end())).collect();
            let paid = SEPARATE.find_iter(n).any(|m| {
                !free_spans
                    .iter()
                    .any(|&(a, b)| a <= m.start() && m.end() <= b)
            });
            // A fee clause ("an annual maintenance fee of 18%") needs no work noun.
            if paid {
                separate.get_or_insert(s.span);
            }
            if !WORK.is_match(n) {
                continue;
            }
            // Someone must do the maintenance — not the client keeping its own systems, and
            // not a definition.
            let Some(d) = DUTY_TO_MAINTAIN.find(n) else {
                continue;
            };
            if NOT_DUTY.is_match(n)
                || DEFINITION.is_match(n)
                || CLIENT_SUBJECT.is_match(&n[..floor_boundary(n, d.start())])
            {
                continue;
            }
            duty.get_or_insert(s.span);
            let days = window_days(s.text);
            if let Some(d) = days
                && window.is_none_or(|(old, _)| d > old)
            {
                window = Some((d, s.span));
            }
            if paid {
                continue;
            }
            let free = NO_COST.is_match(n);
            let endless = INDEFINITE.is_match(n);
            let keeps_model = DRIFT_DUTY.is_match(n);
            if (free && (endless || days.is_none())) || (keeps_model && (free || endless)) {
                open_ended.get_or_insert(s.span);
            }
        }
        if duty.is_none() && separate.is_none() {
            let mut report = Report::new(
                self.missing,
                "The contract says nothing of maintenance, support or retraining.",
            )
            .param("drift_mentioned", drift.is_some());
            if let Some(s) = drift {
                report = report.quote(s);
            }
            return vec![report];
        }
        let (verdict, message) = if open_ended.is_some() {
            (
                self.open_ended,
                "Maintenance or retraining is an open-ended obligation at no additional cost."
                    .to_owned(),
            )
        } else if separate.is_some() {
            (
                Verdict::Pass,
                "Maintenance is a separate agreement or paid for separately.".to_owned(),
            )
        } else if let Some((d, _)) = window {
            if d > i64::from(self.max_support_days) {
                (
                    self.long_support,
                    format!(
                        "Support is included for {d} days, more than the {} allowed.",
                        self.max_support_days
                    ),
                )
            } else {
                (Verdict::Pass, format!("Support is included for {d} days."))
            }
        } else {
            (
                self.unpriced,
                "Maintenance is required with neither fees, a separate agreement nor a period."
                    .to_owned(),
            )
        };
        let mut report = Report::new(verdict, message)
            .param("separate_agreement", separate.is_some())
            .param("open_ended_obligation", open_ended.is_some())
            .param("drift_mentioned", drift.is_some());
        if let Some((d, _)) = window {
            report = report
                .param("support_period_days", d)
                .param("support_period_months", (d as f64 / 30.0).round() as i64);
        }
        let mut quoted: Vec<Span> = Vec::new();
        for span in [open_ended, separate, window.map(|(_, s)| s), duty, drift]
            .into_iter()
            .flatten()
        {
            if !quoted.contains(&span) && quoted.len() < 3 {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(Maintenance);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = Maintenance::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<Maintenance>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &MAINT,
            &WORK,
            &NOT_WORK_MAINTENANCE,
            &SEPARATE,
            &NO_COST,
            &INDEFINITE,
            &DRIFT_DUTY,
            &DRIFT,
            &NOT_DUTY,
            &WINDOW_BEFORE,
            &WINDOW_AFTER,
            &MAINTAIN_WORK,
            &DUTY_TO_MAINTAIN,
            &CLIENT_SUBJECT,
            &DEFINITION,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn support_windows_in_words_and_digits() {
        for (sentence, days) in [
            (
                "Provider shall provide support for thirty (30) days after acceptance.",
                Some(30),
            ),
            (
                "support during the first 90 days following go-live",
                Some(90),
            ),
            ("a support period of six (6) months", Some(180)),
            (
                "respond to support requests within two (2) business days",
                None,
            ),
        ] {
            assert_eq!(window_days(sentence), days, "{sentence}");
        }
    }

    #[test]
    fn everyday_maintain_is_not_maintenance() {
        let r = run(
            "Supplier shall maintain insurance of at least USD 1,000,000. Each party shall maintain accurate records of the Software licences sold.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
        let m = run(
            "Provider shall maintain the model's accuracy for the life of the Agreement at no additional cost.",
        );
        assert_eq!(m.verdict(), Verdict::Fail);
        assert_eq!(
            m.finding().params.get("open_ended_obligation"),
            Some(&ParamValue::Bool(true))
        );
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = Maintenance::new(Policy {
            unpriced: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("unpriced = \"missing\""), "{err}");
    }
}
