//! The `performance-warranty` check: guaranteed model performance, and how deliverables are
//! accepted.
//!
//! AI performance is probabilistic (002 Red Line 7, 001 §1 and §4): a provider may commit to
//! *targets* pursued with commercially reasonable efforts, never to a guaranteed accuracy or
//! business outcome. The check reads three things:
//!
//! - **guarantees**: a binding promise ("shall achieve 99% accuracy", "guarantees a precision
//!   of at least 0.9", "warrants that the Model will meet the Performance Targets set out in
//!   Section 4.2", "guarantees that the Solution will increase Client's sales by 20%") that no
//!   efforts qualifier, target/goal wording, "designed to" or negation ("shall not be required to
//!   achieve", "does not guarantee") softens. The metric is normalised (`accuracy`, `precision`,
//!   `recall`, `f1`, `error_rate`, …, `performance_targets`, `outcome`) and its value is given
//!   in percent (0.9 → 90). A metric stated as an acceptance criterion ("Acceptance Criteria: an
//!   F1 score of 0.85 on the Test Dataset") is the validation methodology 002 recommends, not a
//!   guarantee;
//! - **the acceptance period**: the time the client has to test deliverables ("within ten (10)
//!   business days of delivery"), read from acceptance sentences or from sentences under an
//!   "Acceptance"/"Testing" heading, also through a defined "Acceptance Period";
//! - **deemed acceptance**: "Deliverables not rejected within this period shall be deemed
//!   accepted" (invoices "deemed accepted" are not deliverables).
//!
//! Verdicts follow the playbook: a guarantee fails; no acceptance period or no deemed acceptance
//! warns; 7–15 business days (calendar days count 5/7) with deemed acceptance passes; a contract
//! with neither a performance warranty nor an acceptance procedure is `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::{Duration, Unit, find_durations};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::percent::find_percents;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[performance-warranty]` policy table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Shortest acceptance period, in business days, that passes (calendar days count 5/7).
    pub min_business_days: u32,
    /// Longest acceptance period, in business days, that passes.
    pub max_business_days: u32,
    /// Verdict for a guaranteed accuracy, metric or business outcome (002 Red Line 7).
    pub guaranteed_outcome: String,
    /// Verdict when there is no acceptance procedure or it states no period.
    pub no_acceptance_period: String,
    /// Verdict when deliverables are never deemed accepted by silence.
    pub no_deemed_acceptance: String,
    /// Verdict for an acceptance period longer than `max_business_days`.
    pub long_period: String,
    /// Verdict for one shorter than `min_business_days` (a short period favours the provider,
    /// 001 §9 suggests "e.g. 7 days", so the default lets it pass).
    pub short_period: String,
    /// Verdict when the contract has neither a performance warranty nor an acceptance procedure.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            min_business_days: 7,
            max_business_days: 15,
            guaranteed_outcome: "fail".to_owned(),
            no_acceptance_period: "warn".to_owned(),
            no_deemed_acceptance: "warn".to_owned(),
            long_period: "warn".to_owned(),
            short_period: "pass".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct PerformanceWarranty {
    min_business_days: f64,
    max_business_days: f64,
    guaranteed_outcome: Verdict,
    no_acceptance_period: Verdict,
    no_deemed_acceptance: Verdict,
    long_period: Verdict,
    short_period: Verdict,
    missing: Verdict,
}

/// Named model metrics.
static METRIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:accuracy|mean\s+average\s+precision|precision|recall|f-?1(?:[\s-]+score)?|f-?score|f-?measure|word\s+error\s+rates?|error\s+rates?|(?:false[\s-]+(?:positive|negative|acceptance|rejection)|detection|classification|recognition|hit|miss)\s+rates?|auc|area\s+under\s+the\s+(?:roc\s+)?curve|(?:mean\s+)?(?:absolute|squared)\s+error|mape|rmse|bleu\s+score)\b",
    )
});
/// Targets referred to rather than stated ("the Performance Targets", "the accuracy
/// thresholds").
static TARGETS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:performance|accuracy|model)\s+(?:targets?|metrics?|thresholds?|benchmarks?)\b")
});
/// Business outcomes ("increase Client's sales by 20%", "reduce churn").
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:increas|improv|reduc|decreas|generat)(?:e|es|ing)|grow|grows|boost|boosts|lower|lowers|cut|cuts)\s+(?:\w+(?:'s)?\s+){0,3}?(?:revenues?|sales|conversions?(?:\s+rates?)?|profits?|profitability|costs?|churn|savings|roi|return\s+on\s+investment|click-?through(?:\s+rates?)?|leads|fraud\s+losses)\b|\b(?:specific|particular|guaranteed)\s+(?:business\s+)?(?:results|outcomes)\b",
    )
});
/// "accuracy of the information": the correctness of facts, not a model metric.
static FACT_ACCURACY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^accuracy,?\s+(?:and|or)\s+(?:completeness|reliability|timeliness|currency|adequacy)\b|^accuracy\s+(?:and\s+\w+\s+)?of\s+(?:the\s+|all\s+|any\s+|such\s+|its\s+)?(?:\w+\s+)?(?:information|data|reports?|statements?|records?|representations?|books|invoices?|documents?|accounts?|figures|calculations?|forecasts?|content|materials?|descriptions?)\b",
    )
});
/// Words that make a promise binding.
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bguarantee(?:s|d)?\b|\bwarrant(?:s|ed)?\b|\bwarrant(?:y|ies)\s+that\b|\bcommit(?:s|ted)?\s+to\b|\bpromis(?:e|es|ed)\b",
    )
});
/// A modal obligation to reach a level.
static MODAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must)\s+(?:(?:at\s+all\s+times|consistently|always|continue\s+to|be\s+able\s+to|be\s+required\s+to)\s+)?(?:achieve|attain|reach|meet|exceed|deliver|maintain|perform\s+(?:at|with)|have\s+(?:an?\s+)?(?:\w+\s+)?(?:accuracy|precision|recall|error\s+rate|f-?1)|provide|produce|operate\s+(?:at|with)|demonstrate|yield|result\s+in|be\s+(?:at\s+least|no\s+(?:less|lower|worse)\s+than|not\s+less\s+than|(?:equal\s+to\s+or\s+)?(?:greater|higher|better)\s+than|accurate))\b",
    )
});
/// Qualifiers and negations that turn a metric into a target or a disclaimer.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:commercially\s+)?reasonable\s+(?:commercial\s+)?efforts?\b|\b(?:best|good\s+faith|diligent)\s+efforts?\b|\bendeavou?r|\bstriv(?:e|es|ing)\b|\b(?:aim|aims|seek|seeks|attempt|attempts|try|tries)\s+to\b|\bgoals?\b|\bobjectives?\b|\baspirational\b|\bnon-?binding\b|\bestimat\w*|\bexpected\s+to\b|\bintended\s+to\b|\bdesigned\s+to\b|\bnot\s+(?:a\s+|be\s+)?(?:guarantee|warrant|promise)|\b(?:cannot|can't|does\s+not|do\s+not|will\s+not|shall\s+not|makes?\s+no|gives?\s+no|provides?\s+no|is\s+not\s+able\s+to)\s+(?:\w+\s+){0,2}?(?:guarantee|warrant|represent|promise|assure)|\bno\s+(?:\w+\s+){0,2}?(?:guarantee|warrant|representation|assurance|promise)|\bwithout\s+(?:any\s+)?(?:guarantee|warrant)|\bnot\s+(?:be\s+)?(?:required|obliged|obligated|responsible|liable)\b|\bdisclaim|\bnot\s+(?:be\s+)?(?:deemed|considered|constitute)\s+(?:a\s+)?(?:breach|default|failure)|\bmay\s+(?:not\s+)?(?:vary|degrade|differ|fluctuate)",
    )
});
/// A condition rather than a promise: "If FMI is unable to provide … deliverables meeting …".
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:\(?[a-z0-9]{1,4}\)\s*)?(?:if|in\s+the\s+event|should|where)\b|\b(?:if|in\s+the\s+event\s+that|unless)\s+(?:\w+\s+){0,4}?(?:is\s+unable|fails?|does\s+not|cannot|has\s+not)\b",
    )
});
/// A unit after a decimal ("0.5 dB", "0.2 mm"): a physical specification, not a model score.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:db|dbm|mm|cm|nm|ms|us|ns|sec|seconds?|s|hz|khz|mhz|ghz|v|mv|ma|w|kw|deg|degrees?|inch(?:es)?|ft|lbs?|kg|g|mg|ml|l|ppm|ppb|psi|microns?)\b",
    )
});
/// A metric framed as an acceptance criterion, the validation method 002 recommends.
static ACCEPTANCE_METRIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bacceptance\s+(?:criteri\w+|tests?|testing)\b|\bfor\s+(?:the\s+purposes?\s+of\s+)?acceptance\b|\b(?:accepted|acceptance)\s+(?:if|when|once|upon)\b|\breject\w*\b",
    )
});
/// Something a performance warranty is about.
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:models?|system|solution|algorithms?|software|deliverables?|services?|platform|tool|classifier|engine|application)\b",
    )
});
/// A metric given by reference rather than by value.
static REFERENCED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:set\s+(?:out|forth)|specified|stated|defined|described|listed|identified|agreed)\s+in\b|\bin\s+(?:the\s+)?(?:sow|statement\s+of\s+work|exhibit|schedule|annex|appendix|specifications?)\b",
    )
});
/// A decimal score ("0.9", ".85").
static DECIMAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[^\d.,])(?P<v>0?\.\d{1,4}|1\.0{1,4})\b"));
/// A warranty about how the work performs (or a disclaimer of one).
static WARRANTY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bwarrant(?:s|ed|y|ies)?\b|\bguarantee(?:s|d)?\b|\bas\s+is\b"));
static PERF_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:services?|deliverables?|work\s+product|software|products?|goods|models?|system|solution|documentation|results|outputs?)\b",
    )
});
static PERF_TERMS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bperform(?:s|ed)?\s+(?:in\s+(?:a|accordance)|substantially|materially|as\s+(?:described|specified))\b|\bperformance\s+of\s+(?:the\s+|its\s+)?(?:services|software|products?|deliverables?|system|models?|solution)\b|\bwith\s+respect\s+to\s+(?:its\s+)?performance\b|\bconform\w*|\boperat(?:e|es|ion)\b|\bfunction(?:s|ality)?\b|\bfree\s+(?:from|of)\b|\bdefects?\b|\bworkmanlike\b|\bprofessional\s+manner\b|\bspecifications?\b|\bas\s+is\b|\berror-?free\b|\buninterrupted\b|\bmerchantab\w+|\bfitness\s+for\b",
    )
});
/// Acceptance vocabulary in context.
static ACCEPT_CTX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bacceptance\s+(?:test\w*|period|criteri\w*|procedures?|certificate|notice|review|process|window|inspection)\b|\bdeemed\s+(?:to\s+(?:have\s+been|be|have)\s+)?(?:finally\s+)?accept|\bdeemed\s+acceptance\b|\b(?:test\w*|review\w*|evaluat\w+|inspect\w*|examin\w*)\b.{0,150}?\baccept(?:s|ed|ance)?\b|\baccept(?:s|ed|ance)?\b.{0,150}?\b(?:reject\w*|non-?conform\w*|test\w*|inspect\w*|evaluat\w*|review\w*)",
    )
});
/// Acceptance of something other than deliverables: orders, terms, service of process, GAAP.
static ACCEPT_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgenerally\s+accepted\b|\baccept(?:s|ed|ance)?\s+(?:of\s+)?(?:\w+'s\s+)?(?:purchase\s+)?orders?\b|\baccept(?:s|ed|ance)?\s+(?:of\s+)?service\s+of\s+process\b|\b(?:accept(?:s|ed)?|acceptance\s+of)\s+(?:or\s+reject\w*\s+)?(?:(?:any|each|such|the|all|a|an)\s+)?(?:purchase\s+)?orders?\b|\bacceptance\s+of\s+(?:this|the)\s+(?:agreement|terms|offer|appointment)\b|\baccept\w*\s+(?:the\s+)?(?:terms|appointment|offer|returns?|payment|liability|responsibility)\b|\bassum\w+\s+and\s+accept|\baccept\w*\s+(?:and|or)\s+assum",
    )
});
/// What is accepted: deliverables and work, not orders, bills or terms.
static ACCEPT_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deliverables?|work(?:\s+product)?|milestones?|services?|software|products?|goods|models?|system|solution|results|outputs?|packages?|equipment|units?|batch(?:es)?|shipments?|releases?|modules?|application|platform|documentation|reports?|designs?|prototypes?|installation|materials?)\b",
    )
});
static ACCEPT_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"\baccept(?:s|ed|ance)?\b"));
/// A heading under which every testing sentence is part of the acceptance procedure.
static ACCEPT_HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"\baccept|\btesting\b|\binspection\b"));
static TESTING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:test\w*|review\w*|evaluat\w+|inspect\w*|reject\w*|non-?conform\w*|notif\w+|approv\w+)\b",
    )
});
/// Deemed acceptance by silence or use.
static DEEMED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdeemed\s+(?:to\s+(?:have\s+been|be|have)\s+)?(?:finally\s+|irrevocably\s+|automatically\s+)?accept|\bdeemed\s+(?:final\s+)?acceptance\b|\bacceptance\s+(?:shall|will)\s+be\s+deemed\b|\bconstitutes?\s+(?:final\s+)?acceptance\b|\btreated\s+as\s+(?:having\s+been\s+)?accepted\b|\bautomatically\s+(?:be\s+)?accepted\b|\bconsidered\s+(?:to\s+(?:have\s+been|be)\s+)?accepted\b",
    )
});
static NOT_DEEMED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnot\s+(?:be\s+)?(?:deemed|considered|treated|construed)\s+(?:as\s+|to\s+(?:have\s+been|be|constitute)\s+)?(?:an?\s+)?(?:\w+\s+)?accept|\bnot\s+constitute\s+(?:an?\s+)?(?:\w+\s+)?acceptance\b|\bno\s+deemed\s+acceptance\b",
    )
});
/// Things "deemed accepted" that are not deliverables.
static DEEMED_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\binvoices?\b|\bbills?\b|\badvertisers?\b|\bconclusions?\b|\bapprais\w+|\bdeterminations?\b|\bnominations?\b|\bchanges?\b|\bstatements?\b|\bpurchase\s+orders?\b|\borders?\b|\bquotes?\b|\bquotations?\b|\bproposals?\b|\bforecasts?\b|\bnotices?\s+of\s+(?:assignment|change)\b",
    )
});
static PERIOD_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:acceptance|testing|test|review|evaluation|inspection)\s+(?:period|window)\b")
});

/// A duration in business days (5 per 7 calendar days).
fn business_days(d: &Duration) -> f64 {
    match d.unit {
        Unit::BusinessDay => d.amount,
        Unit::Day => d.amount * 5.0 / 7.0,
        Unit::Week => d.amount * 5.0,
        Unit::Month | Unit::Year => d.as_days() * 5.0 / 7.0,
    }
}

/// The canonical name of a metric phrase.
fn metric_name(phrase: &str) -> &'static str {
    let p = phrase.to_ascii_lowercase();
    let has = |w: &str| p.contains(w);
    if has("mean average precision") {
        "map"
    } else if has("word error") {
        "word_error_rate"
    } else if has("false") && has("positive") {
        "false_positive_rate"
    } else if has("false") && has("negative") {
        "false_negative_rate"
    } else if has("error rate") {
        "error_rate"
    } else if has("accuracy") {
        "accuracy"
    } else if has("precision") {
        "precision"
    } else if has("recall") {
        "recall"
    } else if p.starts_with('f') && !has("false") {
        "f1"
    } else if has("auc") || has("area under") {
        "auc"
    } else if has("error") || has("mape") || has("rmse") {
        "error"
    } else if has("bleu") {
        "bleu"
    } else {
        "rate"
    }
}

/// The value nearest to byte `at` of `n`: a percentage, else a decimal score (in percent).
fn value_near(n: &str, at: usize) -> Option<f64> {
    let distance = |s: usize, e: usize| {
        if e <= at {
            at - e
        } else {
            s.saturating_sub(at)
        }
    };
    let percent = find_percents(n)
        .into_iter()
        .map(|p| (distance(p.span.start, p.span.end), p.value))
        .filter(|(d, _)| *d <= 100)
        .min_by_key(|(d, _)| *d);
    if let Some((_, v)) = percent {
        return Some(v);
    }
    DECIMAL
        .captures_iter(n)
        .filter_map(|c| {
            let m = c.name("v")?;
            if UNIT_AFTER.is_match(&n[m.end()..]) {
                return None;
            }
            let v: f64 = m.as_str().parse().ok()?;
            Some((distance(m.start(), m.end()), v * 100.0))
        })
        .filter(|(d, _)| *d <= 60)
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// What a sentence says about performance.
#[derive(Debug, Clone, PartialEq)]
enum Performance {
    /// A binding promise of a metric or outcome.
    Guarantee {
        metric: &'static str,
        value: Option<f64>,
    },
    /// A metric or outcome qualified as a target, an effort or a disclaimer.
    Qualified,
    /// A metric given as an acceptance criterion.
    AcceptanceCriterion,
}

/// Reads one normalised sentence for performance promises.
fn performance(n: &str) -> Option<Performance> {
    let metric = METRIC
        .find_iter(n)
        .find(|m| !FACT_ACCURACY.is_match(&n[m.start()..]));
    let targets = TARGETS.find(n);
    let outcome = OUTCOME.find(n);
    if metric.is_none() && targets.is_none() && outcome.is_none() {
        return None;
    }
    if QUALIFIER.is_match(n) {
        return Some(Performance::Qualified);
    }
    if CONDITIONAL.is_match(n) {
        return None;
    }
    let strong = STRONG.is_match(n);
    let modal = MODAL.is_match(n);
    if !strong && !modal {
        return None;
    }
    if ACCEPTANCE_METRIC.is_match(n) && !strong {
        return Some(Performance::AcceptanceCriterion);
    }
    if let Some(m) = metric {
        let value = value_near(n, m.start());
        if value.is_some() || REFERENCED.is_match(n) {
            return Some(Performance::Guarantee {
                metric: metric_name(m.as_str()),
                value,
            });
        }
    }
    if let Some(t) = targets
        && (strong || SUBJECT.is_match(n))
    {
        return Some(Performance::Guarantee {
            metric: "performance_targets",
            value: value_near(n, t.start()),
        });
    }
    if let Some(o) = outcome
        && strong
    {
        return Some(Performance::Guarantee {
            metric: "outcome",
            value: value_near(n, o.start()),
        });
    }
    None
}

/// Whether a sentence is about accepting deliverables (`heading_says`: it sits under an
/// acceptance or testing heading).
fn is_acceptance(n: &str, heading_says: bool) -> bool {
    let words = ACCEPT_WORD.find_iter(n).count();
    let noise = ACCEPT_NOISE.find_iter(n).count();
    if words > 0 && noise >= words {
        return false;
    }
    // "Purchase orders not rejected … shall be deemed accepted", "invoices … deemed accepted":
    // acceptance of paperwork, unless deliverables are named too.
    if DEEMED_NOISE.is_match(n) && !ACCEPT_OBJECT.is_match(n) {
        return false;
    }
    if heading_says {
        return ACCEPT_CTX.is_match(n) || is_deemed(n) || TESTING_VERB.is_match(n);
    }
    (ACCEPT_CTX.is_match(n) || is_deemed(n)) && ACCEPT_OBJECT.is_match(n)
}

/// Whether a sentence deems deliverables accepted ("shall be deemed accepted", "shall
/// constitute acceptance"), not negated and not about invoices or orders.
fn is_deemed(n: &str) -> bool {
    DEEMED.is_match(n)
        && !NOT_DEEMED.is_match(n)
        && (!DEEMED_NOISE.is_match(n) || ACCEPT_OBJECT.is_match(n))
}

/// An acceptance period found in the contract.
#[derive(Debug, Clone, Copy)]
struct Period {
    duration: Duration,
    sentence: Span,
    /// 0 = stated in the deemed-acceptance rule, 1 = with a period word, 2 = elsewhere.
    rank: u8,
}

/// Everything the check read from one contract.
#[derive(Debug, Default)]
struct Found {
    guarantee: Option<(Span, &'static str, Option<f64>)>,
    qualified: Option<Span>,
    criterion: Option<Span>,
    warranty: Option<Span>,
    acceptance: Option<Span>,
    period: Option<Period>,
    deemed: Option<Span>,
}

fn read(contract: &Contract<'_>) -> Found {
    let mut found = Found::default();
    let sentences = NormalizedSentences::of(contract);
    let sections = Sections::of(contract);
    for (s, norm) in sentences.iter() {
        if matches!(
            s.clause.kind(),
            ClauseKind::Recital | ClauseKind::Preamble | ClauseKind::Signature
        ) {
            continue;
        }
        let n = norm.as_str();
        match performance(n) {
            Some(Performance::Guarantee { metric, value }) => {
                found.guarantee.get_or_insert((s.span, metric, value));
            }
            Some(Performance::Qualified) => {
                found.qualified.get_or_insert(s.span);
            }
            Some(Performance::AcceptanceCriterion) => {
                found.criterion.get_or_insert(s.span);
            }
            None => {}
        }
        if found.warranty.is_none()
            && !n.contains("indemnif")
            && WARRANTY.is_match(n)
            && PERF_OBJECT.is_match(n)
            && PERF_TERMS.is_match(n)
        {
            found.warranty = Some(s.span);
        }
        let heading_says = sections
            .heading(s.clause)
            .or(s.clause.heading())
            .is_some_and(|h| ACCEPT_HEADING.is_match(h));
        // A bare heading ("6.5. Inspection.") is no procedure.
        if n.len() < 30 || !is_acceptance(n, heading_says) {
            continue;
        }
        found.acceptance.get_or_insert(s.span);
        let deemed = is_deemed(n);
        if deemed {
            found.deemed.get_or_insert(s.span);
        }
        let rank = if deemed {
            0
        } else if PERIOD_WORD.is_match(n) {
            1
        } else {
            2
        };
        // Acceptance periods are days or weeks; a year in the same sentence is a warranty or
        // a term, not the time to test.
        let duration = find_durations(s.text)
            .into_iter()
            .map(|d| d.duration)
            .find(|d| d.as_days() <= 120.0 && d.amount > 0.0);
        if let Some(duration) = duration
            && found.period.is_none_or(|p| rank < p.rank)
        {
            found.period = Some(Period {
                duration,
                sentence: s.span,
                rank,
            });
        }
    }
    found
}

impl Check for PerformanceWarranty {
    const ID: &'static str = "performance-warranty";
    const NAME: &'static str = "Performance warranty and acceptance";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds guaranteed accuracy, metrics or business outcomes (as opposed to targets pursued with reasonable efforts), the acceptance period (days, business days) and the deemed-acceptance rule, and grades them against the policy.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    type Policy = Policy;
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "min_business_days",
            "Shortest acceptance period that passes, in business days (calendar days count 5/7); shorter gets `short_period`.",
        ),
        (
            "max_business_days",
            "Longest acceptance period that passes, in business days (002 Red Line 7: fifteen); longer gets `long_period`.",
        ),
        (
            "guaranteed_outcome",
            "Verdict for a guaranteed accuracy, metric or business outcome instead of targets pursued with efforts: pass, warn or fail.",
        ),
        (
            "no_acceptance_period",
            "Verdict when there is no acceptance procedure or it states no period: pass, warn or fail.",
        ),
        (
            "no_deemed_acceptance",
            "Verdict when deliverables are never deemed accepted by the client's silence: pass, warn or fail.",
        ),
        (
            "long_period",
            "Verdict for an acceptance period longer than max_business_days: pass, warn or fail.",
        ),
        (
            "short_period",
            "Verdict for an acceptance period shorter than min_business_days (short favours the provider; 001 §9 suggests 7 days): pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract has neither a performance warranty nor an acceptance procedure: pass, missing, warn or fail.",
        ),
    ];

    fn new(policy: Policy) -> Result<Self, String> {
        if policy.min_business_days > policy.max_business_days {
            return Err(format!(
                "min_business_days = {} is greater than max_business_days = {}",
                policy.min_business_days, policy.max_business_days
            ));
        }
        Ok(PerformanceWarranty {
            min_business_days: f64::from(policy.min_business_days),
            max_business_days: f64::from(policy.max_business_days),
            guaranteed_outcome: among("guaranteed_outcome", &policy.guaranteed_outcome, GRADES)?,
            no_acceptance_period: among(
                "no_acceptance_period",
                &policy.no_acceptance_period,
                GRADES,
            )?,
            no_deemed_acceptance: among(
                "no_deemed_acceptance",
                &policy.no_deemed_acceptance,
                GRADES,
            )?,
            long_period: among("long_period", &policy.long_period, GRADES)?,
            short_period: among("short_period", &policy.short_period, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let f = read(contract);
        let performance_clause = f.guarantee.is_some()
            || f.qualified.is_some()
            || f.criterion.is_some()
            || f.warranty.is_some();
        if !performance_clause && f.acceptance.is_none() {
            return vec![Report::new(
                self.missing,
                "No performance warranty or acceptance procedure found.",
            )];
        }
        let mut verdict = Verdict::Pass;
        let mut reasons: Vec<String> = Vec::new();
        if let Some((_, metric, value)) = f.guarantee {
            verdict = verdict.max(self.guaranteed_outcome);
            let metric = metric.replace('_', " ");
            reasons.push(match value {
                Some(v) => format!("guarantees {metric} of {v}% (a target, not a guarantee, is the playbook's position)"),
                None => format!("guarantees {metric} (a target, not a guarantee, is the playbook's position)"),
            });
        } else if f.qualified.is_some() {
            reasons.push("performance is a target pursued with efforts, not a guarantee".into());
        }
        match (f.acceptance, f.period) {
            (None, _) => {
                verdict = verdict.max(self.no_acceptance_period);
                reasons.push("no acceptance procedure".into());
            }
            (Some(_), None) => {
                verdict = verdict.max(self.no_acceptance_period);
                reasons.push("acceptance procedure states no period".into());
            }
            (Some(_), Some(p)) => {
                let bd = business_days(&p.duration);
                let shown = format_duration(&p.duration);
                if bd > self.max_business_days + 1e-9 {
                    verdict = verdict.max(self.long_period);
                    reasons.push(format!(
                        "acceptance period of {shown} is longer than {} business days",
                        self.max_business_days
                    ));
                } else if bd < self.min_business_days - 1e-9 {
                    verdict = verdict.max(self.short_period);
                    reasons.push(format!(
                        "acceptance period of {shown} is shorter than {} business days",
                        self.min_business_days
                    ));
                } else {
                    reasons.push(format!("acceptance period of {shown}"));
                }
            }
        }
        if f.acceptance.is_some() {
            if f.deemed.is_some() {
                reasons.push("deemed acceptance".into());
            } else {
                verdict = verdict.max(self.no_deemed_acceptance);
                reasons.push("no deemed acceptance".into());
            }
        }
        let mut message = format!("Performance warranty: {}.", reasons.join("; "));
        if let Some(first) = message.get(..1) {
            message = format!("{}{}", first.to_uppercase(), &message[1..]);
        }
        let mut report = Report::new(verdict, message);
        let mut quoted: Vec<Span> = Vec::new();
        for span in [
            f.guarantee.map(|g| g.0),
            f.deemed,
            f.period.map(|p| p.sentence),
            f.acceptance,
            f.qualified,
            f.criterion,
            f.warranty,
        ]
        .into_iter()
        .flatten()
        {
            if quoted.len() < 3 && !quoted.contains(&span) {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        if let Some((_, metric, value)) = f.guarantee {
            report = report
                .param("guaranteed_metric", metric)
                .param_opt("guaranteed_value", value);
        }
        if let Some(p) = f.period {
            let days = match p.duration.unit {
                Unit::Day | Unit::BusinessDay => p.duration.amount,
                _ => p.duration.as_days(),
            };
            report = report
                .param("acceptance_days", days.round() as i64)
                .param("business_days", p.duration.unit == Unit::BusinessDay);
        }
        report = report
            .param("acceptance", f.acceptance.is_some())
            .param("deemed_acceptance", f.deemed.is_some())
            .param(
                "efforts_only",
                f.guarantee.is_none() && f.qualified.is_some(),
            );
        vec![report]
    }
}

/// "10 business days", "30 days", "2 weeks" for messages.
fn format_duration(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::BusinessDay => "business days",
        Unit::Day => "days",
        Unit::Week => "weeks",
        Unit::Month => "months",
        Unit::Year => "years",
    };
    format!("{} {unit}", d.amount)
}

clauselint_sdk::export_check!(PerformanceWarranty);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = PerformanceWarranty::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<PerformanceWarranty>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &METRIC,
            &TARGETS,
            &OUTCOME,
            &FACT_ACCURACY,
            &STRONG,
            &MODAL,
            &QUALIFIER,
            &ACCEPTANCE_METRIC,
            &CONDITIONAL,
            &UNIT_AFTER,
            &ACCEPT_OBJECT,
            &SUBJECT,
            &REFERENCED,
            &DECIMAL,
            &WARRANTY,
            &PERF_OBJECT,
            &PERF_TERMS,
            &ACCEPT_CTX,
            &ACCEPT_NOISE,
            &ACCEPT_WORD,
            &ACCEPT_HEADING,
            &TESTING_VERB,
            &DEEMED,
            &NOT_DEEMED,
            &DEEMED_NOISE,
            &PERIOD_WORD,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn guarantees_and_their_values() {
        for (sentence, metric, value) in [
            (
                "the model shall achieve 99% accuracy on the production data.",
                "accuracy",
                Some(99.0),
            ),
            (
                "provider guarantees a precision of at least 0.9 on the test set.",
                "precision",
                Some(90.0),
            ),
            (
                "provider warrants that the model will meet the performance targets set out in section 4.2.",
                "performance_targets",
                None,
            ),
            (
                "provider guarantees that the solution will increase client's sales by twenty percent (20%).",
                "outcome",
                Some(20.0),
            ),
        ] {
            assert_eq!(
                performance(sentence),
                Some(Performance::Guarantee { metric, value }),
                "{sentence}"
            );
        }
    }

    #[test]
    fn qualified_and_negated_promises_are_not_guarantees() {
        for sentence in [
            "provider shall use commercially reasonable efforts to achieve an accuracy of 95%.",
            "provider shall not be required to achieve any particular accuracy.",
            "provider does not guarantee that the model will achieve 90% precision.",
            "the system is designed to achieve a recall of 0.8.",
            "the performance targets represent goals, not guarantees.",
        ] {
            assert_eq!(
                performance(sentence),
                Some(Performance::Qualified),
                "{sentence}"
            );
        }
        assert_eq!(
            performance("licensee warrants the accuracy of all information in its reports."),
            None
        );
    }

    #[test]
    fn period_thresholds_in_business_days() {
        for (period, verdict) in [
            ("ten (10) business days", Verdict::Pass),
            ("fifteen (15) business days", Verdict::Pass),
            ("fourteen (14) days", Verdict::Pass),
            ("thirty (30) days", Verdict::Warn),
            ("five (5) business days", Verdict::Pass),
        ] {
            let t = format!(
                "7. Acceptance. Client shall have {period} from delivery to test each Deliverable. Deliverables not rejected in writing within that period shall be deemed accepted."
            );
            assert_eq!(run(&t).verdict(), verdict, "{period}");
        }
        let r = run(
            "7. Acceptance. Client shall have ten (10) business days from delivery to test each Deliverable; Deliverables not rejected within that period shall be deemed accepted.",
        );
        assert_eq!(param(&r, "acceptance_days"), Some(&ParamValue::Int(10)));
        assert_eq!(param(&r, "business_days"), Some(&ParamValue::Bool(true)));
    }

    #[test]
    fn business_day_conversion() {
        assert!((business_days(&Duration::new(14.0, Unit::Day)) - 10.0).abs() < 1e-9);
        assert!((business_days(&Duration::new(2.0, Unit::Week)) - 10.0).abs() < 1e-9);
        assert!((business_days(&Duration::new(7.0, Unit::BusinessDay)) - 7.0).abs() < 1e-9);
    }

    #[test]
    fn policy_rejects_bad_values() {
        let err = PerformanceWarranty::new(Policy {
            min_business_days: 20,
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.contains("min_business_days"), "{err}");
        let err = PerformanceWarranty::new(Policy {
            long_period: "maybe".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("long_period = \"maybe\""), "{err}");
    }
}
