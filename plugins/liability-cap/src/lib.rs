//! The `liability-cap` check: whether the contract limits liability, how (a cap on the amount,
//! an exclusion of indirect and consequential damages), on what basis, and what is carved out
//! of the limitation (002 Red Line 2, 001 §4).
//!
//! - A cap: "in no event shall either party's aggregate liability … exceed the total fees paid
//!   or payable … in the twelve (12) months preceding the claim", "two times (2x) the fees",
//!   "shall not exceed $1,000,000", "limited to the amounts covered by insurance".
//! - An exclusion: "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL,
//!   CONSEQUENTIAL … DAMAGES".
//! - Carve-outs: "except for obligations under Section 9 (Indemnification)", "the limitations
//!   shall not apply to gross negligence, wilful misconduct or breach of confidentiality".
//! - Unlimited liability: "Provider's liability shall be unlimited".
//!
//! `capped` is true when liability is limited in any way (a cap or an exclusion of damage heads,
//! which is how CUAD labels "Cap On Liability"); `cap_basis` is only set for a cap on the amount.
//!
//! Policy: unlimited liability, or a limitation-of-liability clause with no limit in it → fail;
//! cap ≤ `max_multiple` × fees → pass; a higher multiple, or a fixed amount above `max_amount` →
//! warn; no consequential-damages exclusion → warn; only an exclusion, no cap on direct damages
//! → warn; no limitation-of-liability language at all → missing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::money::find_money;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, ParamValue, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[liability-cap]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// The highest multiple of the fees that passes (002 Red Line 2: 1–2× fees).
    pub max_multiple: f64,
    /// The highest fixed cap amount that passes; 0 means no limit on fixed amounts.
    pub max_amount: f64,
    /// Verdict for unlimited liability, or a limitation clause that sets no limit.
    pub unlimited: String,
    /// Verdict for a cap above `max_multiple` or `max_amount`.
    pub above_policy: String,
    /// Verdict when a cap has no exclusion of consequential damages.
    pub no_consequential_exclusion: String,
    /// Verdict when only indirect damages are excluded and direct damages have no cap.
    pub exclusion_only: String,
    /// Verdict for a contract with no limitation-of-liability language.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_multiple: 2.0,
            max_amount: 0.0,
            unlimited: "fail".to_owned(),
            above_policy: "warn".to_owned(),
            no_consequential_exclusion: "warn".to_owned(),
            exclusion_only: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct LiabilityCap {
    max_multiple: f64,
    max_amount: Option<f64>,
    unlimited: Verdict,
    above_policy: Verdict,
    no_consequential_exclusion: Verdict,
    exclusion_only: Verdict,
    missing: Verdict,
}

/// A cap on an amount of liability or damages: the liability word, then within the sentence a
/// ceiling ("exceed", "in excess of", "limited to", "maximum").
static CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:liabilit(?:y|ies)|liable|damages|recover(?:y|able)?|obligations?\s+to\s+(?:pay|indemnify)|responsib(?:le|ility)|required\s+to\s+contribute)\b[^;]{0,300}?\b(?:(?:shall|will|may|does|to)\s+not\s+(?:in\s+the\s+aggregate\s+)?exceed|not\s+to\s+exceed|(?:in|be\s+in)\s+excess\s+of|(?:be|is|are)\s+(?:expressly\s+|strictly\s+)?limited\s+to|(?:shall|will)\s+(?:be\s+)?limited\s+to|not\s+(?:be\s+)?(?:greater|more)\s+than|(?:capped|limited)\s+at|exceed(?:s|ed|ing)?)\b|\b(?:maximum|aggregate|total|cumulative|entire)\s+(?:\w+\s+){0,3}liability\b[^;]{0,200}\b(?:exceed|limited\s+to|be\s+(?:the\s+)?(?:amount|sum|lesser|greater)|equal\s+to)\b|\bliability\s+cap\b|\bcap\s+on\s+(?:\w+\s+)?liability\b|\b(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?(?:remedy|liability|obligation)\b[^;]{0,200}\b(?:refund|credit|re-?perform|repair|replace\w*|return)\b",
    )
});
/// Damage heads whose exclusion is the "consequential damages" exclusion.
static CONSEQUENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:indirect|incidental|consequential|special|punitive|exemplary|lost\s+profits?|loss\s+of\s+(?:profits?|revenues?|business|data|goodwill)|lost\s+(?:revenues?|business|data|savings)|other\s+than\s+direct\s+(?:damages?|loss(?:es)?))\b",
    )
});
/// Words that exclude liability: "in no event", "shall not be liable", "disclaims".
static EXCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin\s+no\s+event\b|\bunder\s+no\s+circumstances?\b|\b(?:shall|will|does|do|is|are)\s+not\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:liable|responsible)\b|\bnot\s+(?:be\s+)?liable\b|\bno\s+(?:liability|responsibility)\b|\bnor\s+(?:be\s+)?liable\b|\b(?:shall|will)\s+(?:\w+\s+){0,2}have\s+no\s+liability\b|\bnot\s+have\s+any\s+liability\b|\bneither\b[^;]{0,150}\b(?:liab|responsib)|\bno\s+(?:party|person)\b[^;]{0,150}\b(?:liab|responsib)|\bnone\s+of\b[^;]{0,150}\b(?:liab|responsib)|\bnot\s+have\s+(?:any\s+)?liability\b|\b(?:be\s+)?under\s+no\s+liability\b|\bdisclaim\w*|\bwaives?\b|\bexclud\w*\s+(?:all\s+|any\s+)?liability\b",
    )
});
/// Liability without limit.
static UNLIMITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bunlimited\s+liability\b|\bliability\b[^.;]{0,120}\b(?:shall|will)\s+be\s+unlimited\b|\bliability\s+(?:is|shall\s+be|will\s+be)\s+(?:not\s+be\s+)?(?:limited|capped)\s+in\s+no\s+way\b|\bwithout\s+(?:any\s+)?(?:cap|limit)\s+(?:on|to)\s+(?:its\s+|their\s+)?liability\b|\bliability\b[^.;]{0,60}\bshall\s+not\s+be\s+(?:limited|capped)\b",
    )
});
/// A limitation-of-liability heading or reference, which shows the contract means to limit.
static LIMITATION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\blimitations?\s+(?:of|on)\s+(?:\w+\s+)?liability\b|\bliability\s+limitations?\b")
});
/// An exception to the limitation: "except for", "shall not apply to", "excluding".
static EXCEPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bexcept\b|\bexcluding\b|\bother\s+than\b|\bexception\b|\bnot\s+apply\b|\bsave\s+(?:for|in)\b|\bwith\s+the\s+exception\b|\bnotwithstanding\b|\bnot\s+(?:be\s+)?(?:limited|capped|subject\s+to)\b",
    )
});
/// "fees", "amounts paid", "paid or payable", "price".
static FEES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:fees?|amounts?\s+(?:actually\s+)?(?:paid|payable|received)|paid\s+or\s+payable|(?:actually\s+)?paid\s+(?:to|by)|price|charges|compensation|royalt(?:y|ies)|consideration|sums?\s+paid|payments?\s+(?:made|received))\b",
    )
});
/// A look-back period: "in the twelve (12) months preceding the claim".
static MONTHS_PRECEDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:months?|years?)\b[^;]{0,80}\b(?:preceding|prior|before|immediately)\b|\b(?:preceding|prior|previous|last)\s+(?:\w+\s+){0,2}(?:months?|years?)\b",
    )
});
/// "two times (2x)", "twice", "three (3) times", "200%".
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<word>one|two|three|four|five|six|ten|one\s+and\s+(?:one[-\s])?half)\s*(?:\(\s*(?:\d+(?:\.\d+)?)\s*(?:x|times)?\s*\)\s*)?(?:times|x)\b|\b(?P<num>\d+(?:\.\d+)?)\s*(?:x|times)\b|\b(?P<twice>twice|double)\b|\b(?P<pct>\d{3})\s*%",
    )
});
/// Insurance as the cap: "limited to the amount recovered under its insurance".
static INSURANCE: LazyLock<Regex> = LazyLock::new(|| re(r"\binsurance\b|\binsurers?\b"));

/// Carve-out codes and the words that name them.
static CARVE_OUTS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        ("indemnification", re(r"\bindemn\w*")),
        ("confidentiality", re(r"\bconfidential\w*")),
        ("gross_negligence", re(r"\bgross(?:ly)?\s+negligen\w*")),
        (
            "wilful_misconduct",
            re(
                r"\bwil(?:l)?ful\s+(?:misconduct|default|breach)\b|\bintentional\s+misconduct\b|\bfraud\w*",
            ),
        ),
        (
            "data_breach",
            re(
                r"\b(?:data|security|privacy)\s+(?:breach|incident)\w*|\bbreach\s+of\s+(?:data|security|privacy)\b|\bdata\s+protection\b",
            ),
        ),
        (
            "ip_infringement",
            re(r"\binfring\w*|\bmisappropriat\w*|\bintellectual\s+property\s+rights?\b"),
        ),
        (
            "death_personal_injury",
            re(r"\bdeath\b|\b(?:personal|bodily)\s+injur\w*"),
        ),
    ]
});

/// Reads the multiple of the fees a cap sentence names ("two times (2x)" → 2.0).
fn read_multiple(n: &str) -> Option<f64> {
    let c = MULTIPLE.captures(n)?;
    if let Some(w) = c.name("word") {
        let w = w.as_str();
        if w.starts_with("one and") {
            return Some(1.5);
        }
        return clauselint_sdk::numbers::word_value(w).map(|v| v as f64);
    }
    if let Some(x) = c.name("num") {
        return x.as_str().parse().ok();
    }
    if c.name("twice").is_some() {
        return Some(2.0);
    }
    c.name("pct")
        .and_then(|p| p.as_str().parse::<f64>().ok())
        .map(|p| p / 100.0)
}

/// What one cap sentence says.
#[derive(Debug, Clone, Default)]
struct Cap {
    basis: Option<&'static str>,
    multiple: Option<f64>,
    amount: Option<(f64, &'static str)>,
}

fn read_cap(n: &str) -> Cap {
    let mut cap = Cap::default();
    let money = find_money(n);
    // The largest amount named is the ceiling; smaller ones are usually floors or deductibles.
    cap.amount = money.iter().map(|m| (m.amount, m.currency)).fold(
        None,
        |best: Option<(f64, &'static str)>, m| match best {
            Some(b) if b.0 >= m.0 => Some(b),
            _ => Some(m),
        },
    );
    let fees = FEES.is_match(n);
    cap.multiple = if fees { read_multiple(n) } else { None };
    cap.basis = if fees && cap.multiple.is_some_and(|m| m > 1.0) {
        Some("multiple_of_fees")
    } else if fees && MONTHS_PRECEDING.is_match(n) {
        Some("fees_preceding_months")
    } else if fees {
        Some("fees_paid")
    } else if cap.amount.is_some() {
        Some("fixed_amount")
    } else if INSURANCE.is_match(n) {
        Some("insurance")
    } else {
        None
    };
    if fees && cap.multiple.is_none() {
        cap.multiple = Some(1.0);
    }
    cap
}

/// "In no event", "aggregate liability", "maximum": the words of an operative cap.
static STRONG_CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin\s+no\s+event\b|\b(?:aggregate|total|maximum|cumulative|entire)\s+(?:\w+\s+){0,3}liability\b|\blimitation\s+of\s+liability\b|\bliability\b[^;]{0,80}\blimited\s+to\b",
    )
});

/// Ranks cap sentences so an operative cap ("in no event shall aggregate liability exceed the
/// fees") beats incidental ones ("if its liabilities exceed its assets").
fn cap_score(n: &str, cap: &Cap) -> u8 {
    1 + 2 * u8::from(cap.basis.is_some()) + u8::from(STRONG_CAP.is_match(n))
}

impl Check for LiabilityCap {
    const ID: &'static str = "liability-cap";
    const NAME: &'static str = "Limitation of liability";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the limitation of liability: the cap and its basis (fees paid, fees in the preceding months, a multiple, a fixed amount, insurance), the exclusion of consequential damages, and what is carved out of the limit.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "max_multiple",
            "The highest multiple of the fees a cap may be and still pass (002 Red Line 2: 1-2x the fees).",
        ),
        (
            "max_amount",
            "The highest fixed cap amount that passes, in the contract's currency; 0 = any fixed amount passes.",
        ),
        (
            "unlimited",
            "Verdict for unlimited liability, or a limitation-of-liability clause that sets no limit: pass, warn or fail.",
        ),
        (
            "above_policy",
            "Verdict for a cap above max_multiple or max_amount: pass, warn or fail.",
        ),
        (
            "no_consequential_exclusion",
            "Verdict for a cap with no exclusion of indirect and consequential damages: pass, warn or fail.",
        ),
        (
            "exclusion_only",
            "Verdict when indirect and consequential damages are excluded but direct damages have no cap: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict for a contract with no limitation-of-liability language: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        if !(policy.max_multiple.is_finite() && policy.max_multiple > 0.0) {
            return Err(format!(
                "max_multiple = {}: expected a positive number",
                policy.max_multiple
            ));
        }
        if !(policy.max_amount.is_finite() && policy.max_amount >= 0.0) {
            return Err(format!(
                "max_amount = {}: expected 0 (no limit) or a positive amount",
                policy.max_amount
            ));
        }
        Ok(LiabilityCap {
            max_multiple: policy.max_multiple,
            max_amount: (policy.max_amount > 0.0).then_some(policy.max_amount),
            unlimited: among("unlimited", &policy.unlimited, GRADES)?,
            above_policy: among("above_policy", &policy.above_policy, GRADES)?,
            no_consequential_exclusion: among(
                "no_consequential_exclusion",
                &policy.no_consequential_exclusion,
                GRADES,
            )?,
            exclusion_only: among("exclusion_only", &policy.exclusion_only, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut cap: Option<(Span, Cap, u8)> = None;
        let mut exclusion: Option<Span> = None;
        let mut weak_exclusion: Option<Span> = None;
        let mut unlimited: Option<Span> = None;
        let mut limitation: Option<Span> = None;
        let mut carve_outs: Vec<&'static str> = Vec::new();
        let mut carve_spans: Vec<Span> = Vec::new();
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            // Cheap pre-filter: every cue below needs one of these words.
            let liab = n.contains("liab")
                || n.contains("damage")
                || n.contains("recover")
                || n.contains("responsib")
                || n.contains("remed")
                || n.contains("contribut")
                || n.contains("not apply");
            if !liab {
                continue;
            }
            // Force majeure, insolvency tests ("liabilities exceed its assets") and
            // third-party-beneficiary disclaimers use the same words but limit nothing.
            if (n.contains("beyond the reasonable control") && !n.contains("consequential"))
                || n.contains("force majeure")
                || n.contains("exceed its assets")
                || n.contains("exceed their assets")
                || n.contains("confer upon")
            {
                continue;
            }
            let mut limiting = false;
            let is_unlimited = UNLIMITED.is_match(n);
            if is_unlimited {
                unlimited.get_or_insert(s.span);
            }
            // "not be liable for the fees of more than one counsel" limits defence costs in an
            // indemnity procedure; it caps nothing.
            let counsel_fees =
                n.contains("more than one") && (n.contains("counsel") || n.contains("firm"));
            // What an arbitrator may award and a duty to insure are not limits on liability; a
            // heading is a weaker cue than an operative sentence, kept only when nothing better
            // is found.
            let arbitration = n.contains("arbitrat");
            let insurance_duty = n.contains("insurance") && n.contains("maintain");
            let weak = arbitration || n.len() < 60;
            if CAP.is_match(n) && !counsel_fees && !arbitration && !insurance_duty {
                let read = read_cap(n);
                let score = cap_score(n, &read);
                if cap.as_ref().is_none_or(|(_, _, best)| score > *best) {
                    cap = Some((s.span, read, score));
                }
                limiting = true;
            }
            // "special" alone is also "special counsel"; an exclusion names damages or losses.
            let heads = [
                "damage",
                "loss",
                "profit",
                "consequential",
                "incidental",
                "indirect",
                "punitive",
            ]
            .iter()
            .any(|w| n.contains(w));
            if heads && CONSEQUENTIAL.is_match(n) && EXCLUDE.is_match(n) {
                if !weak {
                    exclusion.get_or_insert(s.span);
                } else {
                    weak_exclusion.get_or_insert(s.span);
                }
                limiting = true;
            }
            if LIMITATION_CLAUSE.is_match(n) {
                limitation.get_or_insert(s.span);
            }
            // Carve-outs are read from the limiting sentences themselves, or from "the
            // limitation … shall not apply to …".
            limiting = limiting
                || is_unlimited
                || (n.contains("not apply")
                    && (n.contains("limitation") || n.contains("exclusion")));
            if limiting && EXCEPTION.is_match(n) {
                let mut found = false;
                for (code, r) in CARVE_OUTS.iter() {
                    if r.is_match(n) {
                        found = true;
                        if !carve_outs.contains(code) {
                            carve_outs.push(code);
                        }
                    }
                }
                if found && !carve_spans.contains(&s.span) {
                    carve_spans.push(s.span);
                }
            }
        }
        let exclusion = exclusion.or(weak_exclusion);
        let cap = cap.map(|(span, c, _)| (span, c));
        let carve_list = || {
            ParamValue::List(
                carve_outs
                    .iter()
                    .map(|c| ParamValue::Text((*c).to_owned()))
                    .collect(),
            )
        };
        let with_carves = |mut report: Report| {
            for span in &carve_spans {
                report = report.quote_for(*span, "uncapped-carve-out");
            }
            report.param("uncapped_carve_outs", carve_list())
        };
        if let Some((span, c)) = cap {
            let mut problems: Vec<String> = Vec::new();
            let mut verdict = Verdict::Pass;
            let fixed = c.basis == Some("fixed_amount");
            if let Some(m) = c.multiple.filter(|m| !fixed && *m > self.max_multiple) {
                verdict = verdict.max(self.above_policy);
                problems.push(format!(
                    "the cap is {m}x the fees, above the policy's {}x",
                    self.max_multiple
                ));
            }
            if let (true, Some((a, cur)), Some(max)) = (fixed, c.amount, self.max_amount)
                && a > max
            {
                verdict = verdict.max(self.above_policy);
                problems.push(format!("the cap of {a} {cur} is above the policy's {max}"));
            }
            if exclusion.is_none() {
                verdict = verdict.max(self.no_consequential_exclusion);
                problems.push("indirect and consequential damages are not excluded".to_owned());
            }
            let basis = c.basis.unwrap_or("unspecified");
            let message = if problems.is_empty() {
                format!("Liability is capped ({basis}) and consequential damages are excluded.")
            } else {
                format!(
                    "Liability is capped ({basis}), but {}.",
                    problems.join("; ")
                )
            };
            let mut report = Report::new(verdict, message)
                .quote(span)
                .param("capped", true)
                .param("consequential_excluded", exclusion.is_some())
                .param_opt("cap_basis", c.basis)
                .param_opt(
                    "multiple",
                    c.multiple.filter(|_| c.basis != Some("fixed_amount")),
                );
            if let Some((a, cur)) = c.amount.filter(|_| c.basis == Some("fixed_amount")) {
                report = report.param("amount", a).param("currency", cur);
            }
            if let Some(e) = exclusion.filter(|e| *e != span) {
                report = report.quote_for(e, "consequential-exclusion");
            }
            return vec![with_carves(report)];
        }
        if let Some(span) = exclusion {
            // Stated unlimited liability outranks an exclusion of indirect damages.
            let (verdict, message) = match unlimited {
                Some(_) => (
                    self.unlimited.max(self.exclusion_only),
                    "Indirect and consequential damages are excluded, but liability is otherwise stated to be unlimited.",
                ),
                None => (
                    self.exclusion_only,
                    "Indirect and consequential damages are excluded, but direct damages have no cap.",
                ),
            };
            let mut report = Report::new(verdict, message)
                .quote(span)
                .param("capped", true)
                .param("consequential_excluded", true);
            if let Some(u) = unlimited.filter(|u| *u != span) {
                report = report.quote_for(u, "unlimited-liability");
            }
            return vec![with_carves(report)];
        }
        if let Some(span) = unlimited {
            let report = Report::new(self.unlimited, "Liability is unlimited.")
                .quote(span)
                .param("capped", false)
                .param("consequential_excluded", exclusion.is_some());
            return vec![with_carves(report)];
        }
        if let Some(span) = limitation {
            let report = Report::new(
                self.unlimited,
                "A limitation-of-liability clause is named, but no cap or exclusion was found in it.",
            )
            .quote(span)
            .param("capped", false)
            .param("consequential_excluded", false);
            return vec![with_carves(report)];
        }
        vec![Report::new(
            self.missing,
            "The contract has no limitation-of-liability clause.",
        )]
    }
}

clauselint_sdk::export_check!(LiabilityCap);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = LiabilityCap::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<LiabilityCap>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &CAP,
            &CONSEQUENTIAL,
            &EXCLUDE,
            &UNLIMITED,
            &LIMITATION_CLAUSE,
            &EXCEPTION,
            &FEES,
            &MONTHS_PRECEDING,
            &MULTIPLE,
            &INSURANCE,
            &STRONG_CAP,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert_eq!(CARVE_OUTS.len(), 7);
    }

    #[test]
    fn multiples() {
        for (text, m) in [
            ("two times (2x) the fees", 2.0),
            ("three (3) times the fees paid", 3.0),
            ("twice the fees", 2.0),
            ("1.5x the fees", 1.5),
            ("200% of the fees", 2.0),
        ] {
            assert_eq!(read_multiple(text), Some(m), "{text}");
        }
        assert_eq!(read_multiple("the fees paid"), None);
    }

    #[test]
    fn verdicts() {
        let excl = " In no event shall either party be liable for any indirect, incidental or consequential damages.";
        for (text, verdict) in [
            (
                "In no event shall either party's aggregate liability exceed the total fees paid or payable in the twelve (12) months preceding the claim.",
                Verdict::Warn,
            ),
            ("Provider's liability shall be unlimited.", Verdict::Fail),
            ("The fees are set out in Schedule 2.", Verdict::Missing),
        ] {
            assert_eq!(run(text).verdict(), verdict, "{text}");
        }
        let capped = format!(
            "Each party's total liability shall not exceed two times (2x) the fees paid hereunder.{excl}"
        );
        assert_eq!(run(&capped).verdict(), Verdict::Pass);
        let high = format!(
            "Each party's total liability shall not exceed three (3) times the fees paid hereunder.{excl}"
        );
        assert_eq!(run(&high).verdict(), Verdict::Warn);
    }

    #[test]
    fn carve_outs_are_read_from_the_limiting_sentences() {
        let text = "EXCEPT FOR OBLIGATIONS UNDER SECTION 9 (INDEMNIFICATION) AND BREACH OF CONFIDENTIALITY, IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES. The limitations in this Section shall not apply to gross negligence or wilful misconduct. Except as set forth in Schedule 1, the Services include data breach notification.";
        let report = run(text);
        let Some(ParamValue::List(codes)) = report.finding().params.get("uncapped_carve_outs")
        else {
            panic!("no carve-outs: {:?}", report.finding().params);
        };
        let codes: Vec<String> = codes
            .iter()
            .filter_map(|c| match c {
                ParamValue::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            codes,
            [
                "indemnification",
                "confidentiality",
                "gross_negligence",
                "wilful_misconduct"
            ]
        );
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = LiabilityCap::new(Policy {
            unlimited: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("unlimited = \"missing\""), "{err}");
        assert!(
            LiabilityCap::new(Policy {
                max_multiple: -1.0,
                ..Policy::default()
            })
            .is_err()
        );
    }
}
