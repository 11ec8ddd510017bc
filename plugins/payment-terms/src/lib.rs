//! The `payment-terms` check: how fast and how safely the agency gets paid.
//!
//! It reads the payment deadline ("within thirty (30) days of receipt of invoice", "net 45",
//! "payable upon receipt" = 0 days), the upfront deposit ("a non-refundable deposit of 30% of
//! the Fees upon signing"), late interest ("1.5% per month"), the right to suspend work for
//! non-payment, and a milestone schedule whose percentages should add up to 100. Per the
//! playbook: net days above 30 warn and 60 or more fail; no deposit (or one below the
//! policy's minimum) warns; milestones that do not add up to 100% warn; no late interest or
//! suspension right is noted in the message. A contract with no payment terms is `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::percent::find_percents;
use clauselint_sdk::sentences::{ContractSentence, NormalizedSentences, is_title};
use clauselint_sdk::verdicts::{MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[payment-terms]` policy table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Payment deadlines longer than this many days warn.
    pub warn_above_net_days: u32,
    /// Payment deadlines of this many days or more fail.
    pub fail_from_net_days: u32,
    /// Whether a contract without an upfront deposit warns.
    pub require_deposit: bool,
    /// A deposit below this percentage of the fees warns (the playbook prefers 25–50%).
    pub min_deposit_percent: f64,
    /// Verdict when the contract has no payment terms at all.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            warn_above_net_days: 30,
            fail_from_net_days: 60,
            require_deposit: true,
            min_deposit_percent: 25.0,
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct PaymentTerms {
    policy: Policy,
    missing: Verdict,
}

/// A sentence about paying money at all.
/// A duty to pay or to bill, as opposed to a mention of payment ("Customer owns Deliverables
/// upon payment of the Fees", "Payment Process", a drafting note).
static PAY_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+to|are\s+to)\s+(?:\w+\s+){0,3}?(?:pay|invoice|bill|remit)\b|\b(?:is|are|be|becomes?)\s+(?:\w+\s+){0,2}?(?:payable|due|paid)\b|\bnet\s+\d",
    )
});
static PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:pay|pays|paid|paying|payment|payments|payable|invoice[sd]?|invoicing|remit|remittance|net\s+\d|fees?\s+(?:are|shall\s+be)\s+due)\b",
    )
});
/// "net 30", "Net thirty (30) days", "net-45". The words before a bracketed number must spell
/// that number: "net sales (50%)" and "net proceeds (10" are not payment terms.
static NET: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bnet[\s-]+(?:([a-z][a-z\s-]{0,30}?)\s*\(\s*)?(\d{1,3})\b(?:\s*\)?\s*(?:[^%\d]|$))")
});
/// Words that put a duration in a deadline: "within", "no later than", "not later than".
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:within|no\s+later\s+than|not\s+later\s+than|not\s+more\s+than|no\s+more\s+than|by\s+the\s+end\s+of)\s*$",
    )
});
/// Due at once: "payable upon receipt", "due on receipt of invoice", "in advance".
static ON_RECEIPT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:payable|due|paid|pay)\s+(?:immediately\s+)?(?:up)?on\s+(?:receipt|presentation)\b")
});
/// Deadlines that are not for paying: disputing an invoice, notices, cures, refunds, audits.
static NOT_PAYMENT_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:disput\w*|object\w*|contest\w*|notify|notice|cure|refund\w*|audit\w*|terminat\w*|reimburse\w*\s+(?:any\s+)?overpayment)\b",
    )
});
/// An upfront payment: deposit, retainer, advance, "upon signing".
static DEPOSIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deposit|retainer|up-?front|in\s+advance|advance\s+payment|(?:up)?on\s+(?:the\s+)?(?:signing|signature|execution)|prior\s+to\s+(?:the\s+)?commencement|before\s+(?:any\s+)?work\s+(?:begins|commences|starts))\b",
    )
});
/// "security deposit" and deposits of goods or into accounts are not an upfront fee payment.
static NOT_DEPOSIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:security\s+deposit|deposit\w*\s+(?:in|into)\s+(?:an?\s+|the\s+)?(?:escrow|account|bank)|escrow|deposited\s+with)\b",
    )
});
/// Late payment: interest, late fee, finance charge on overdue sums.
static LATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:late|overdue|past\s+due|unpaid|delinquent|not\s+(?:been\s+)?paid\s+when\s+due|after\s+the\s+due\s+date|outstanding\s+(?:amounts?|sums?|balances?|invoices?|fees?))\b",
    )
});
/// Interest as a charge ("interest at 1.5%", "shall bear interest"), not "ownership interest".
static INTEREST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:bear|bears|accrue|accrues|carry|carries|charge|incur|incurs|pay|plus)\s+(?:simple\s+|compound\s+)?interest|interest\s+(?:at|of|on|shall|will|accru\w*|charges?|rate|thereon|from)|late\s+(?:payment\s+)?(?:fee|charge)s?|finance\s+charges?|service\s+charges?)\b",
    )
});
static PER_MONTH: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:per\s+month|a\s+month|monthly|each\s+month|per\s+mensem)\b"));
static PER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:per\s+annum|per\s+year|a\s+year|annual(?:ly)?|yearly|each\s+year|p\.a\.)")
});
/// "the maximum rate permitted by law": interest without a number.
static LEGAL_RATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:maximum|highest)\s+(?:rate|amount)\s+(?:permitted|allowed|allowable)\b|\bstatutory\s+(?:interest|rate)\b",
    )
});
/// A right to stop work over unpaid sums.
static SUSPEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:suspend\w*|suspension|stop\s+work|cease\s+(?:performance|work|providing)|withhold\s+(?:delivery|the\s+services|performance|deliverables))\b",
    )
});
static NON_PAYMENT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:non-?payment|fail\w*\s+to\s+pay|not\s+(?:been\s+)?paid|unpaid|overdue|past\s+due|late\s+payment|payment\s+(?:is|are)\s+(?:late|overdue|not\s+received))\b",
    )
});
/// A milestone schedule: "upon completion of", "upon delivery of", "on acceptance of".
static MILESTONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:milestones?|instal(?:l)?ments?|tranches?|(?:up)?on\s+(?:the\s+)?(?:completion|delivery|acceptance|approval|go-?live|launch|signing|signature|execution)|(?:at|on)\s+(?:project\s+)?(?:kick-?off|start))\b",
    )
});

/// Payment facts read from a contract, each with the sentence it came from.
#[derive(Debug, Default)]
struct Terms {
    /// The longest payment deadline, in days, and where it is stated.
    net_days: Option<(u32, Span)>,
    /// The deposit percentage (or just its presence) and where.
    deposit: Option<(Option<f64>, Span)>,
    /// Late interest: the percentage (when numeric), "month"/"year", and where.
    late_interest: Option<(Option<f64>, Option<&'static str>, Span)>,
    /// The interest is (or is capped at) the maximum rate the law permits.
    legal_rate: bool,
    suspension: Option<Span>,
    /// Milestone percentages, in order, and the first sentence.
    milestones: Vec<(f64, Span)>,
    /// The first sentence about paying at all.
    first_payment: Option<Span>,
    /// The first sentence that says someone pays ("Client shall pay", "fees are payable",
    /// "Provider will invoice"): the quote when nothing more telling is found.
    first_duty: Option<Span>,
}

/// The longest period read as a payment deadline, in days.
const MAX_NET_DAYS: f64 = 180.0;

fn days_of(sentence: &str) -> Option<u32> {
    // "net 45": the explicit form wins.
    for c in NET.captures_iter(sentence) {
        let Some(n) = c.get(2).and_then(|m| m.as_str().parse::<u32>().ok()) else {
            continue;
        };
        let spelled = c.get(1).is_none_or(|w| {
            clauselint_sdk::numbers::parse_number_words(w.as_str()) == Some(u64::from(n))
        });
        if spelled && (1..=365).contains(&n) {
            return Some(n);
        }
    }
    if ON_RECEIPT.is_match(sentence) {
        return Some(0);
    }
    let mut best: Option<u32> = None;
    for d in find_durations(sentence) {
        let before = &sentence[..d.span.start];
        // Only a deadline ("within 30 days …"), and not one about disputing or notifying.
        let tail_start =
            clauselint_sdk::text::floor_boundary(before, before.len().saturating_sub(40));
        if !DEADLINE.is_match(before[tail_start..].trim_end_matches(['(', ' '])) {
            continue;
        }
        let clause_before = &before
            [clauselint_sdk::text::floor_boundary(before, before.len().saturating_sub(120))..];
        // The deadline must be the payment's ("pay … within 30 days"), not a delivery's or a
        // notice's in the same sentence.
        if !PAYMENT.is_match(clause_before) || NOT_PAYMENT_DEADLINE.is_match(clause_before) {
            continue;
        }
        let days = d.duration.as_days().round();
        // Longer "deadlines" are schedules (licence years, instalment plans), not net terms.
        if (0.0..=MAX_NET_DAYS).contains(&days) {
            let days = days as u32;
            best = Some(best.map_or(days, |b| b.max(days)));
        }
    }
    best
}

fn read_terms(sentences: &NormalizedSentences<'_>) -> Terms {
    let mut t = Terms::default();
    for (s, norm) in sentences.iter() {
        let text = norm.as_str();
        let s: &ContractSentence<'_> = s;
        let paying = PAYMENT.is_match(text);
        if paying && t.first_payment.is_none() {
            t.first_payment = Some(s.span);
        }
        if paying && t.first_duty.is_none() && !is_title(s.text, text) && PAY_DUTY.is_match(text) {
            t.first_duty = Some(s.span);
        }
        if paying && let Some(days) = days_of(text) {
            let longer = t.net_days.is_none_or(|(d, _)| days > d);
            if longer {
                t.net_days = Some((days, s.span));
            }
        }
        let percents = if text.contains('%') || text.contains("percent") {
            find_percents(text)
        } else {
            Vec::new()
        };
        if t.deposit.is_none()
            && (paying || text.contains("deposit") || text.contains("retainer"))
            && DEPOSIT.is_match(text)
            && !NOT_DEPOSIT.is_match(text)
        {
            let pct = percents
                .first()
                .map(|p| p.value)
                .filter(|v| *v > 0.0 && *v <= 100.0);
            t.deposit = Some((pct, s.span));
        }
        if t.late_interest.is_none() && LATE.is_match(text) && INTEREST.is_match(text) {
            let pct = percents.first().map(|p| p.value);
            let period = if PER_MONTH.is_match(text) {
                Some("month")
            } else if PER_YEAR.is_match(text) {
                Some("year")
            } else {
                None
            };
            t.legal_rate = LEGAL_RATE.is_match(text);
            t.late_interest = Some((pct, period, s.span));
        }
        if t.suspension.is_none() && SUSPEND.is_match(text) && NON_PAYMENT.is_match(text) {
            t.suspension = Some(s.span);
        }
        if paying && !percents.is_empty() && MILESTONE.is_match(text) && !LATE.is_match(text) {
            for p in &percents {
                if p.value > 0.0 && p.value <= 100.0 {
                    t.milestones.push((p.value, s.span));
                }
            }
        }
    }
    t
}

impl Check for PaymentTerms {
    const ID: &'static str = "payment-terms";
    const NAME: &'static str = "Payment terms";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Net payment days, upfront deposit, late interest, \
        suspension for non-payment and milestone percentages.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Warn,
        Verdict::Fail,
        Verdict::Missing,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "warn_above_net_days",
            "payment deadlines longer than this many days warn",
        ),
        (
            "fail_from_net_days",
            "payment deadlines of this many days or more fail",
        ),
        (
            "require_deposit",
            "whether a contract without an upfront deposit warns (true/false)",
        ),
        (
            "min_deposit_percent",
            "a deposit below this percentage of the fees warns",
        ),
        (
            "missing",
            "verdict when the contract has no payment terms: missing, pass, warn or fail",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        if policy.fail_from_net_days <= policy.warn_above_net_days {
            return Err(format!(
                "`fail_from_net_days` ({}) must be above `warn_above_net_days` ({})",
                policy.fail_from_net_days, policy.warn_above_net_days
            ));
        }
        if !(0.0..=100.0).contains(&policy.min_deposit_percent) {
            return Err(format!(
                "`min_deposit_percent` = {}: expected a percentage from 0 to 100",
                policy.min_deposit_percent
            ));
        }
        let missing = among("missing", &policy.missing, MISSING_GRADES)?;
        Ok(PaymentTerms { policy, missing })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let t = read_terms(&sentences);
        let Some(first) = t.first_payment else {
            return vec![Report::new(self.missing, "No payment terms found.")];
        };
        let p = &self.policy;
        let mut verdict = Verdict::Pass;
        let mut problems: Vec<String> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let mut quotes: Vec<Span> = Vec::new();

        match t.net_days {
            Some((days, span)) => {
                quotes.push(span);
                if days >= p.fail_from_net_days {
                    verdict = verdict.max(Verdict::Fail);
                    problems.push(format!(
                        "payment is due {days} days after invoice (policy: fail from {})",
                        p.fail_from_net_days
                    ));
                } else if days > p.warn_above_net_days {
                    verdict = verdict.max(Verdict::Warn);
                    problems.push(format!(
                        "payment is due {days} days after invoice (policy: at most {})",
                        p.warn_above_net_days
                    ));
                }
            }
            None => notes.push("no payment deadline stated".to_owned()),
        }
        match t.deposit {
            Some((pct, span)) => {
                quotes.push(span);
                if let Some(pct) = pct
                    && pct < p.min_deposit_percent
                {
                    verdict = verdict.max(Verdict::Warn);
                    problems.push(format!(
                        "upfront deposit is {pct}% (policy: at least {}%)",
                        p.min_deposit_percent
                    ));
                }
            }
            None if p.require_deposit => {
                verdict = verdict.max(Verdict::Warn);
                problems.push("no upfront deposit".to_owned());
            }
            None => {}
        }
        let milestone_total: f64 = t.milestones.iter().map(|(v, _)| v).sum();
        let milestone_total = if t.milestones.len() >= 2 {
            Some(milestone_total)
        } else {
            None
        };
        if let Some(total) = milestone_total
            && (total - 100.0).abs() > 0.5
        {
            verdict = verdict.max(Verdict::Warn);
            problems.push(format!("milestone payments add up to {total}%, not 100%"));
            quotes.extend(t.milestones.first().map(|(_, s)| *s));
        }
        if let Some((_, _, span)) = t.late_interest {
            quotes.push(span);
        } else {
            notes.push("no late-payment interest".to_owned());
        }
        if let Some(span) = t.suspension {
            quotes.push(span);
        } else {
            notes.push("no right to suspend work for non-payment".to_owned());
        }
        if quotes.is_empty() {
            quotes.push(t.first_duty.unwrap_or(first));
        }
        // The deciding sentences first (deadline, deposit, milestones), each quoted once.
        let mut seen = Vec::new();
        quotes.retain(|q| {
            let new = !seen.contains(q);
            seen.push(*q);
            new
        });

        let mut message = if problems.is_empty() {
            "Payment terms are within policy".to_owned()
        } else {
            let mut m = problems.join("; ");
            if let Some(c) = m.get(..1) {
                m = c.to_uppercase() + &m[1..];
            }
            m
        };
        if !notes.is_empty() {
            message.push_str(&format!(" (note: {})", notes.join("; ")));
        }
        message.push('.');

        let mut report = Report::new(verdict, message)
            .param_opt("net_days", t.net_days.map(|(d, _)| i64::from(d)))
            .param_opt("deposit_percent", t.deposit.and_then(|(p, _)| p))
            .param("deposit", t.deposit.is_some())
            .param("late_interest", t.late_interest.is_some())
            .param_opt(
                "late_interest_percent",
                t.late_interest.and_then(|(p, _, _)| p),
            )
            .param_opt(
                "late_interest_period",
                t.late_interest.and_then(|(_, per, _)| per),
            )
            .param("late_interest_legal_rate", t.legal_rate)
            .param("suspension", t.suspension.is_some())
            .param_opt("milestones_total_percent", milestone_total);
        for q in quotes.into_iter().take(4) {
            report = report.quote(q);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(PaymentTerms);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = PaymentTerms::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn int(r: &Report, name: &str) -> Option<i64> {
        match r.finding().params.get(name) {
            Some(ParamValue::Int(i)) => Some(*i),
            _ => None,
        }
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<PaymentTerms>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn the_quote_is_a_duty_to_pay_not_a_mention_of_payment() {
        let text = "1. Ownership. Customer owns Deliverables upon payment of associated Fees.\n2. Fees. Customer will pay the Fees stated in the Order Form.";
        let r = run(text);
        assert_eq!(
            r.quoted(text, None),
            ["Customer will pay the Fees stated in the Order Form."],
            "{:?}",
            r.finding()
        );
        // A cap measured by fees "paid or payable" is no duty to pay.
        let text = "8. Liability. Liability is limited to the fees paid or payable in the prior 12 months.\n9. Fees. Fees are payable in advance.";
        assert_eq!(
            run(text).quoted(text, None),
            ["Fees are payable in advance."]
        );
        // With no duty anywhere, the mention is all there is to quote.
        let text = "1. Ownership. Customer owns Deliverables upon payment of associated Fees.";
        assert_eq!(run(text).quoted(text, None).len(), 1);
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &PAYMENT,
            &PAY_DUTY,
            &NET,
            &DEADLINE,
            &ON_RECEIPT,
            &NOT_PAYMENT_DEADLINE,
            &DEPOSIT,
            &NOT_DEPOSIT,
            &LATE,
            &INTEREST,
            &PER_MONTH,
            &PER_YEAR,
            &LEGAL_RATE,
            &SUSPEND,
            &NON_PAYMENT,
            &MILESTONE,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn deadlines_in_words_digits_and_net_form() {
        let r = run(
            "4. Payment\nClient shall pay each invoice within forty-five (45) days of receipt.\n",
        );
        assert_eq!(int(&r, "net_days"), Some(45));
        let r = run("4. Payment\nAll invoices are payable Net 60.\n");
        assert_eq!(int(&r, "net_days"), Some(60));
        assert_eq!(r.verdict(), Verdict::Fail);
        let r = run("4. Payment\nInvoices are payable upon receipt.\n");
        assert_eq!(int(&r, "net_days"), Some(0));
    }

    #[test]
    fn net_in_other_senses_is_not_a_deadline() {
        let r = run(
            "4. Royalties\nLicensee shall pay a royalty on Net Sales (50% of which is due to \
             Licensor) and on net proceeds 10 times a year.\n",
        );
        assert_eq!(int(&r, "net_days"), None);
        let r = run("4. Payment\nInvoices are payable net thirty (30) days.\n");
        assert_eq!(int(&r, "net_days"), Some(30));
        let r = run("4. Payment\nInvoices are payable net-45.\n");
        assert_eq!(int(&r, "net_days"), Some(45));
    }

    #[test]
    fn a_dispute_window_is_not_the_payment_deadline() {
        let r = run(
            "4. Payment\nClient shall pay invoices within thirty (30) days. Client may dispute \
             any invoice by written notice within ninety (90) days of receipt.\n",
        );
        assert_eq!(int(&r, "net_days"), Some(30));
    }

    #[test]
    fn policy_values_are_checked() {
        let bad = Policy {
            fail_from_net_days: 20,
            ..Policy::default()
        };
        assert!(PaymentTerms::new(bad).is_err());
        let bad = Policy {
            missing: "error".into(),
            ..Policy::default()
        };
        assert!(PaymentTerms::new(bad).is_err());
    }
}
