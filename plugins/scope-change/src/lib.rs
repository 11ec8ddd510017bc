//! The `scope-change` check: how the scope of work is fixed and how it may change.
//!
//! AI projects are iterative, and scope creep is "the number one profit killer" (002 Red Line
//! 4). The provider needs three things: the scope defined by the Statement of Work, changes only
//! through a written Change Order signed by both parties that states the impact on fees and
//! timelines, and timelines that move when the client is late with data, access or approvals.
//! The check reads:
//!
//! - **change procedures**: "Change Order", "Change Request", "change control procedure", or a
//!   change to the SOW / scope / specifications / deliverables that must be made in writing,
//!   signed or agreed by both parties (a general "this Agreement may be amended only in
//!   writing" clause is not a scope procedure);
//! - **unilateral client changes**: "Client may at any time change the scope of the Services"
//!   or "Provider shall implement all changes requested by Client at no additional cost", and
//!   whether the same section grants an adjustment of fees or schedule;
//! - **delay relief**: "Delays in Client obligations shall result in corresponding extensions",
//!   "contingent on Client's timely performance", "not liable for delays caused by Client";
//! - **scope by SOW**: "in accordance with the Statement of Work", "out of scope".
//!
//! Verdicts: the client may change the scope without any fee or timeline adjustment → fail; no
//! change procedure → warn; a procedure that is not written and signed by both → warn; no
//! relief for client delays → warn; written, signed change orders plus delay relief → pass;
//! nothing about scope or its changes → `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, ClauseRef, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[scope-change]` policy table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict when the client may change the scope without any fee or timeline adjustment.
    pub unilateral_changes: String,
    /// Verdict when scope is addressed but there is no change-order procedure.
    pub no_change_process: String,
    /// Verdict when changes need not be written and signed by both parties.
    pub not_written_signed: String,
    /// Verdict when client delays do not extend the provider's timelines.
    pub no_delay_relief: String,
    /// Verdict when the contract says nothing about scope or its changes.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            unilateral_changes: "fail".to_owned(),
            no_change_process: "warn".to_owned(),
            not_written_signed: "warn".to_owned(),
            no_delay_relief: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct ScopeChange {
    unilateral_changes: Verdict,
    no_change_process: Verdict,
    not_written_signed: Verdict,
    no_delay_relief: Verdict,
    missing: Verdict,
}

/// What scope is made of.
const SCOPE: &str = r"(?:scope(?:\s+of\s+(?:work|services|the\s+(?:services|project|work)))?|sows?|statements?\s+of\s+work|work\s+orders?|services|specifications?|deliverables?|(?:project|technical|business|functional)\s+requirements|project(?:\s+plan)?|work\s+plan|work)";

/// A named change procedure.
static CHANGE_ORDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bchange\s+(?:orders?|requests?|control(?:\s+procedures?)?|proposals?|authori[sz]ations?|management\s+(?:procedures?|process))\b|\bproject\s+change\s+(?:requests?|notes?)\b",
    )
});
/// A change to the scope ("changes to the SOW", "the Specifications may be modified").
static CHANGE_STMT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:changes?|modifications?|amendments?|alterations?|additions?|variations?|revisions?)\s+(?:to|in|of)\s+(?:the\s+|any\s+|an?\s+|this\s+|such\s+|each\s+)?(?:\w+\s+)?{SCOPE}\b|\b(?:change|modify|amend|alter|vary|revise|expand)\s+(?:the\s+|any\s+|an?\s+|such\s+)?(?:\w+\s+)?{SCOPE}\b|\b{SCOPE}\s+(?:may|shall|will|can)\s+(?:only\s+)?(?:not\s+)?be\s+(?:changed|modified|amended|altered|varied|revised|expanded)\b"
    ))
});
/// Changes that are not scope changes.
static CHANGE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bchange\s+(?:of|in)\s+control\b|\bchanges?\s+in\s+(?:applicable\s+)?(?:law|laws|legislation|regulations?|tax|prices?|pricing|the\s+price)\b|\bchange\s+of\s+(?:address|name|ownership)\b",
    )
});
/// How a change must be made.
static REQUIRED_FORM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bonly\b|\brequir\w+|\bmust\b|\bshall\s+(?:be\s+)?(?:made|effected|agreed|documented|implemented|set\s+forth|submitted|subject)\b|\bin\s+writing\b|\bwritten\b|\bmutually\b|\bagree\w*\b|\bsigned\b|\bexecuted\b",
    )
});
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| re(r"\bin\s+writing\b|\bwritten\b"));
/// Both parties sign or agree.
static SIGNED_BOTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:signed|executed|approved|agreed(?:\s+to)?|authori[sz]ed)\s+(?:in\s+writing\s+)?by\s+(?:duly\s+)?(?:authori[sz]ed\s+(?:representatives|signatories|officers)\s+of\s+)?(?:both|each\s+of\s+the|each|the)\s+part(?:y|ies)\b|\b(?:signed|executed|approved)\s+by\s+(?:duly\s+)?(?:authori[sz]ed\s+(?:representatives|signatories|officers)\s+of\s+)?(?:both|each)\b|\b(?:signed|executed|approved)\s+by\s+(?:\w+\s+){1,4}?and\s+(?:\w+\s+){0,2}?(?:client|customer|agency|provider|consultant|contractor|company|vendor|supplier|developer|licensor|licensee)\b|\bmutual(?:ly)?\s+(?:agreed|executed|signed|approved|acceptable|written\s+agreement)\b|\b(?:both|the)\s+parties\s+(?:\w+\s+)?(?:agree|sign|execute|approve)|\bagreement\s+of\s+(?:both|the)\s+parties\b|\bwritten\s+(?:agreement|amendment|instrument)\s+(?:signed|executed)\b",
    )
});
/// An adjustment of fees or timelines that comes with a change.
static ADJUST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\badjust\w*\s+(?:(?:to|of|in)\s+)?(?:the\s+)?(?:\w+\s+)?(?:fees?|prices?|pricing|compensation|charges|costs?|schedules?|timelines?|delivery\s+dates?|milestones?|time\s+for\s+performance)\b|\bequitabl[ey]\s+adjust\w*|\bimpact\s+(?:of\s+(?:the|such)\s+change\s+)?on\s+(?:the\s+)?(?:fees?|prices?|costs?|timelines?|schedules?|deliverables?)\b|\badditional\s+(?:fees|charges|compensation|costs?|time)\b|\b(?:fees?|prices?|compensation|timelines?|schedules?|delivery\s+dates?)\b.{0,40}?\b(?:shall|will|may)\s+be\s+(?:adjusted|revised|increased|extended|renegotiated)\b|\b(?:cost|price|fee)\s+and\s+(?:schedule|time)\b",
    )
});
/// The client, by its usual role names.
const CLIENT: &str = r"(?:client|customer|buyer|purchaser)";
/// The client may change the scope on its own.
static UNILATERAL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{CLIENT}\s+(?:may|can|shall\s+(?:have\s+the\s+right|be\s+entitled)\s+to|reserves\s+the\s+right\s+to|has\s+the\s+right\s+to|is\s+entitled\s+to)[\s,]+(?:[\w']+[\s,]+){{0,7}}?(?:change|modify|alter|amend|add\s+to|expand|vary|revise|supplement|increase|redefine)\b.{{0,100}}?\b{SCOPE}\b|\b(?:implement|accommodate|perform|incorporate|make)\s+(?:any\s+and\s+all|any|all)\s+(?:\w+\s+)?(?:changes|modifications|additions|additional\s+services|change\s+requests)\s+(?:\w+\s+){{0,3}}?(?:requested|required|directed|specified|submitted|made|issued)\s+by\s+(?:the\s+)?{CLIENT}\b"
    ))
});
/// Changes for free.
static NO_CHARGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bat\s+no\s+(?:additional|extra|further)\s+(?:cost|charge|fee)s?\b|\bwithout\s+(?:any\s+)?(?:additional|extra|further)\s+(?:cost|charge|fees?|compensation|payment)\b|\bwithout\s+(?:any\s+)?(?:increase|adjustment|change)\s+(?:in|to|of)\s+(?:the\s+)?(?:fees?|prices?|compensation|schedule|timelines?)\b|\bno\s+(?:increase|adjustment)\s+(?:in|to|of)\s+(?:the\s+)?(?:fees?|prices?|compensation)\b",
    )
});
/// Unilateral changes that are granted to the provider or negated.
static UNILATERAL_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:may|shall|can)\s+not\b|\bnot\s+(?:be\s+)?(?:entitled|permitted)\b|\bwithout\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?(?:consent|approval|agreement)\b",
    )
});
static DELAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdelay\w*|\bfail\w*\s+to\s+(?:timely\s+)?(?:provide|perform|deliver|supply|approve|respond|cooperate)|\blate\b",
    )
});
/// Client obligations that move the timeline.
static CLIENT_DELAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{CLIENT}(?:'s)?\s+(?:\w+\s+){{0,3}}?(?:delay\w*|fail(?:s|ed|ing|ure)?\s+(?:\w+\s+){{0,2}}?to|(?:is|are|was|be)\s+late|failure)\b|\b(?:delay\w*|fail\w*)\s+(?:\w+\s+){{0,6}}?(?:caused\s+by|attributable\s+to|resulting\s+from|due\s+to|arising\s+from|on\s+the\s+part\s+of|in|of|by)\s+(?:the\s+)?{CLIENT}\b|\bcontingent\s+(?:up)?on\s+(?:the\s+)?{CLIENT}'?s?\s+(?:timely\s+)?(?:performance|cooperation|provision)"
    ))
});
/// Relief for the provider: extension, excuse, no liability.
static RELIEF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bextend\w*|\bextension|\badjust\w*\s+(?:\w+\s+){0,3}?(?:schedules?|timelines?|dates?|deadlines?|time)\b|\bpostpone\w*|\bexcus\w*|\breliev\w*|\bnot\s+(?:be\s+)?(?:liable|responsible|deemed\s+in\s+breach|in\s+breach)\b|\bno\s+liability\b|\bday-for-day\b|\bequitabl\w+|\bcontingent\s+(?:up)?on\b|\bsuspend\w*|\bshall\s+not\s+(?:be\s+)?(?:considered|deemed)\s+(?:a\s+)?(?:breach|default|late)\b",
    )
});
/// Scope defined by a statement of work.
static SOW_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in\s+accordance\s+with|(?:as\s+)?(?:set\s+(?:out|forth)|described|specified|defined|detailed)\s+in|pursuant\s+to|under)\s+(?:the\s+|each\s+|any\s+|an?\s+)?(?:applicable\s+|relevant\s+)?(?:sows?|statements?\s+of\s+work|work\s+orders?|project\s+(?:plans?|descriptions?))\b|\bout\s+of\s+scope\b|\boutside\s+(?:of\s+)?the\s+scope\s+of\s+(?:the\s+)?(?:sow|statement|services|work)\b|\bnot\s+(?:explicitly\s+|expressly\s+|specifically\s+)?(?:described|included|specified|set\s+forth)\s+in\s+(?:the\s+|a\s+|an\s+)?(?:applicable\s+)?(?:sow|statement\s+of\s+work)",
    )
});

/// Everything the check read from one contract.
#[derive(Debug, Default)]
struct Found {
    process: Vec<Span>,
    written: bool,
    signed: bool,
    adjustment: bool,
    unilateral: Option<Span>,
    unilateral_adjusted: Option<Span>,
    delay_relief: Option<Span>,
    sow: Option<Span>,
}

fn read(contract: &Contract<'_>) -> Found {
    let mut f = Found::default();
    let sentences = NormalizedSentences::of(contract);
    let sections = Sections::of(contract);
    let mut adjust_clauses: Vec<&ClauseRef<'_>> = Vec::new();
    let mut unilateral: Vec<(Span, &ClauseRef<'_>, bool)> = Vec::new();
    for (s, norm) in sentences.iter() {
        if matches!(
            s.clause.kind(),
            ClauseKind::Recital | ClauseKind::Preamble | ClauseKind::Signature
        ) {
            continue;
        }
        let n = norm.as_str();
        // "without any adjustment to the schedule", "without additional compensation": the
        // adjustment words are negated.
        let adjusts = ADJUST.is_match(n) && !NO_CHARGE.is_match(n);
        if adjusts {
            adjust_clauses.push(s.clause);
        }
        let named = CHANGE_ORDER.is_match(n);
        let stated = CHANGE_STMT.is_match(n) && !CHANGE_NOISE.is_match(n);
        if UNILATERAL.is_match(n) && !UNILATERAL_NOISE.is_match(n) {
            let free = NO_CHARGE.is_match(n);
            unilateral.push((s.span, s.clause, adjusts && !free));
            if !free && (named || adjusts) {
                f.process.push(s.span);
            }
        } else if (named || stated) && NO_CHARGE.is_match(n) && n.contains("request") {
            // "Agency shall implement every Change Request at no additional cost."
            unilateral.push((s.span, s.clause, false));
        } else if named || (stated && REQUIRED_FORM.is_match(n)) {
            f.process.push(s.span);
            f.written |= WRITTEN.is_match(n);
            f.signed |= SIGNED_BOTH.is_match(n);
            f.adjustment |= adjusts;
        }
        if f.delay_relief.is_none()
            && DELAY.is_match(n)
            && CLIENT_DELAY.is_match(n)
            && RELIEF.is_match(n)
        {
            f.delay_relief = Some(s.span);
        }
        if f.sow.is_none() && SOW_SCOPE.is_match(n) {
            f.sow = Some(s.span);
        }
    }
    // A unilateral change right is tempered when its section grants an adjustment of fees or
    // schedule ("… The parties shall agree an equitable adjustment of the Fees.").
    for (span, clause, adjusted) in unilateral {
        let adjusted = adjusted
            || adjust_clauses
                .iter()
                .any(|c| c.span() == clause.span() || sections.same_section(c, clause));
        if adjusted {
            f.unilateral_adjusted.get_or_insert(span);
        } else {
            f.unilateral.get_or_insert(span);
        }
    }
    f
}

impl Check for ScopeChange {
    const ID: &'static str = "scope-change";
    const NAME: &'static str = "Scope and change management";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds how the scope is defined (the SOW), whether changes need a written change order signed by both parties, whether the client may change the scope unilaterally without a fee or timeline adjustment, and whether client delays extend the provider's timelines.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    type Policy = Policy;
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "unilateral_changes",
            "Verdict when the client may change the scope with no adjustment of fees or timelines (002 Red Line 4): pass, warn or fail.",
        ),
        (
            "no_change_process",
            "Verdict when scope is addressed but there is no change-order procedure: pass, warn or fail.",
        ),
        (
            "not_written_signed",
            "Verdict when scope changes need not be written and signed by both parties: pass, warn or fail.",
        ),
        (
            "no_delay_relief",
            "Verdict when client delays do not extend the provider's timelines: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract says nothing about scope or its changes: pass, missing, warn or fail.",
        ),
    ];

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(ScopeChange {
            unilateral_changes: among("unilateral_changes", &policy.unilateral_changes, GRADES)?,
            no_change_process: among("no_change_process", &policy.no_change_process, GRADES)?,
            not_written_signed: among("not_written_signed", &policy.not_written_signed, GRADES)?,
            no_delay_relief: among("no_delay_relief", &policy.no_delay_relief, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let f = read(contract);
        let change_order = !f.process.is_empty();
        if !change_order
            && f.unilateral.is_none()
            && f.unilateral_adjusted.is_none()
            && f.delay_relief.is_none()
            && f.sow.is_none()
        {
            return vec![Report::new(
                self.missing,
                "No scope definition or change procedure found.",
            )];
        }
        let mut verdict = Verdict::Pass;
        let mut reasons: Vec<String> = Vec::new();
        if f.unilateral.is_some() {
            verdict = verdict.max(self.unilateral_changes);
            reasons.push(
                "the client may change the scope without any adjustment of fees or timelines"
                    .into(),
            );
        } else if f.unilateral_adjusted.is_some() {
            reasons.push(
                "the client may change the scope, with an adjustment of fees or timelines".into(),
            );
        }
        let written_signed = f.written && f.signed;
        if !change_order {
            verdict = verdict.max(self.no_change_process);
            reasons.push("no change-order procedure".into());
        } else if written_signed {
            reasons.push("changes need a written change order signed by both parties".into());
        } else {
            verdict = verdict.max(self.not_written_signed);
            reasons.push(match (f.written, f.signed) {
                (true, false) => "change orders are written but not signed by both parties".into(),
                (false, true) => "change orders are agreed but not required in writing".into(),
                _ => "change orders need not be written and signed by both parties".into(),
            });
        }
        if f.delay_relief.is_some() {
            reasons.push("client delays extend the timelines".into());
        } else {
            verdict = verdict.max(self.no_delay_relief);
            reasons.push("no relief for client delays".into());
        }
        let mut report = Report::new(verdict, format!("Scope change: {}.", reasons.join("; ")));
        let mut quoted: Vec<Span> = Vec::new();
        for span in [
            f.unilateral,
            f.process.first().copied(),
            f.unilateral_adjusted,
            f.delay_relief,
            f.sow,
        ]
        .into_iter()
        .flatten()
        {
            if quoted.len() < 3 && !quoted.contains(&span) {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        vec![
            report
                .param("change_order", change_order)
                .param("written_signed", change_order && written_signed)
                .param("delay_extends_timeline", f.delay_relief.is_some())
                .param(
                    "unilateral_client_changes",
                    f.unilateral.is_some() || f.unilateral_adjusted.is_some(),
                )
                .param(
                    "price_adjustment",
                    f.adjustment || f.unilateral_adjusted.is_some(),
                )
                .param("sow_defines_scope", f.sow.is_some()),
        ]
    }
}

clauselint_sdk::export_check!(ScopeChange);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = ScopeChange::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<ScopeChange>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &CHANGE_ORDER,
            &CHANGE_STMT,
            &CHANGE_NOISE,
            &REQUIRED_FORM,
            &WRITTEN,
            &SIGNED_BOTH,
            &ADJUST,
            &UNILATERAL,
            &NO_CHARGE,
            &UNILATERAL_NOISE,
            &DELAY,
            &CLIENT_DELAY,
            &RELIEF,
            &SOW_SCOPE,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn red_line_four_language_passes() {
        let r = run(
            "3. Scope. Services shall be performed in accordance with the Statement of Work. Any services not explicitly described in the SOW are out of scope.\n4. Changes. Changes to the SOW, including additions to scope, modifications to deliverables, or changes to timelines, require a written Change Order signed by both parties. Change Orders shall specify the impact on fees, timelines, and deliverables.\n5. Client Obligations. Agency's ability to meet agreed-upon timelines is contingent on Client's timely performance of its obligations. Delays in Client obligations shall result in corresponding extensions to Agency timelines.",
        );
        assert_eq!(r.verdict(), Verdict::Pass, "{}", r.finding().message);
        for p in [
            "change_order",
            "written_signed",
            "delay_extends_timeline",
            "sow_defines_scope",
            "price_adjustment",
        ] {
            assert_eq!(param(&r, p), Some(&ParamValue::Bool(true)), "{p}");
        }
        assert_eq!(
            param(&r, "unilateral_client_changes"),
            Some(&ParamValue::Bool(false))
        );
    }

    #[test]
    fn general_amendment_clause_is_not_a_scope_procedure() {
        let r = run(
            "20. Amendment. This Agreement may be amended only by a written instrument signed by both parties.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn unilateral_change_is_tempered_by_an_adjustment_in_its_section() {
        let text = "6. Changes\n6.1 Client may at any time, by written notice, change the scope of the Services.\n6.2 The parties shall agree an equitable adjustment of the Fees and the schedule for any such change.";
        let r = run(text);
        assert_ne!(r.verdict(), Verdict::Fail, "{}", r.finding().message);
        assert_eq!(
            param(&r, "unilateral_client_changes"),
            Some(&ParamValue::Bool(true))
        );
    }

    #[test]
    fn policy_rejects_bad_values() {
        let err = ScopeChange::new(Policy {
            missing: "sometimes".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("missing = \"sometimes\""), "{err}");
    }
}
