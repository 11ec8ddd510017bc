//! The `explainability` check: in a contract for AI or machine-learning work, whether the
//! provider disclaims the explainability of the model's outputs, or instead promises it
//! (001 §13, "black box" liability).
//!
//! - A disclaimer: "Client acknowledges that the Model may produce results through non-linear
//!   processes that are not easily interpretable by humans", "Consultant is not liable for the
//!   inability to explain specific individual outputs", "Provider makes no warranty that the
//!   Model's decisions will be explainable".
//! - A promise: "Provider warrants that every decision of the Model will be fully explainable",
//!   "Vendor shall provide an explanation of each individual prediction", "the Model shall be
//!   transparent and interpretable". A promise the same sentence negates is a disclaimer.
//! - A scoped line item: explainability as a defined deliverable (SHAP or LIME analyses, a
//!   feature-importance report), which 001 §13 says is how paid-for XAI belongs in a contract.
//!
//! Policy: a promise of explainability → fail; AI work with no disclaimer and no scoped line
//! item → warn; a disclaimer or a scoped line item → pass; no AI or model work → missing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[explainability]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict when the provider promises that the model's outputs are explainable.
    pub promise: String,
    /// Verdict for AI work with no explainability disclaimer.
    pub no_disclaimer: String,
    /// Verdict for a contract with no AI or model work.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            promise: "fail".to_owned(),
            no_disclaimer: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct Explainability {
    promise: Verdict,
    no_disclaimer: Verdict,
    missing: Verdict,
}

/// A contract about AI or machine learning.
static AI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bartificial\s+intelligence\b|\bai[-\s](?:powered|driven|based|enabled)\b|\bai\s+(?:principles|act|ethics|technolog(?:y|ies)|platforms?|software|features?|capabilit\w+|services?|models?|systems?|solutions?|tools?|agents?|outputs?)\b|\bmachine[-\s]learning\b|\bdeep\s+learning\b|\bneural\s+networks?\b|\bllms?\b|\blarge\s+language\s+models?\b|\bgenerative\s+ai\b|\b(?:trained|predictive|ml|machine[-\s]learning|classification|forecasting|recommendation|detection|vision|language|scoring)\s+models?\b|\bmodel\s+training\b|\btrain(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?models?\b|\bcomputer\s+vision\b|\bnatural\s+language\s+processing\b",
    )
});
/// Explaining what a model does.
static EXPLAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:explainab\w*|explainable|interpretab\w*|interpretable|explain\w*|explanation\w*|black[-\s]box|non-linear|transparen\w*|xai)\b",
    )
});
/// What is explained: the model and what it produces.
static MODEL_OUTPUT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:models?|outputs?|decisions?|predictions?|results?|scores?|recommendations?|classifications?|algorithms?|ai|system|inferences?|reasoning)\b",
    )
});
/// Words that disclaim: "no warranty", "not liable for the inability", "acknowledges …
/// not easily interpretable".
static DISCLAIM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:makes?|gives?|provides?)\s+no\s+(?:\w+\s+){0,3}(?:warrant|representation|guarantee)\w*|\bno\s+(?:warranty|representation|guarantee|obligation|responsibility)\b|\b(?:does|do|shall|will)\s+not\s+(?:warrant|represent|guarantee|ensure)\b|\bdisclaim\w*|\bnot\s+(?:be\s+)?(?:liable|responsible|obliged|required)\b|\binability\s+to\s+explain\b|\b(?:not|never)\s+(?:be\s+)?(?:easily\s+|readily\s+|fully\s+|always\s+)?(?:explainable|interpretable|explained|interpreted|transparent)\b|\b(?:may|might|can)(?:not|\s+not)\s+(?:be\s+)?(?:easily\s+|readily\s+|fully\s+|always\s+)?(?:explain|interpret)\w*|\bcannot\s+(?:\w+\s+){0,2}(?:explain|interpret)\w*|\backnowledges?\b[^.;]{0,200}\b(?:black[-\s]box|non-linear|opaque)\b",
    )
});
/// A promise: "warrants", "guarantees", "shall ensure", "will be fully explainable".
static PROMISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:warrants?|guarantees?|represents?|undertakes?|shall\s+ensure|will\s+ensure|ensures?|commits?)\b[^.;]{0,160}\b(?:explainable|interpretable|transparent|explained|explanations?)\b|\b(?:shall|will|must)\s+(?:be\s+|remain\s+)?(?:fully\s+|completely\s+|entirely\s+)?(?:explainable|interpretable|transparent)\b|\b(?:shall|will|must)\s+(?:\w+\s+){0,2}?(?:explain|provide\s+(?:(?:an?|the|full|complete|detailed|clear|written)\s+){0,3}(?:explanations?|rationale))\s+(?:\w+\s+){0,3}?(?:each|every|any|all)\s+(?:\w+\s+){0,2}?(?:decisions?|outputs?|predictions?|results?|scores?|recommendations?)\b|\bfully\s+(?:explainable|interpretable|transparent)\b",
    )
});
/// Explainability scoped as a deliverable: SHAP or LIME analyses, feature-importance reports.
static LINE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bshap\b|\blime\b(?:\s+(?:analys\w+|explanations?|method))|\bfeature[-\s]importance\b|\b(?:explainability|interpretability|xai)\s+(?:report|deliverable|module|workstream|analysis|phase|milestone|package|dashboard)\b",
    )
});
/// The model itself, or AI, named in an explainability sentence.
static MODEL_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bmodels?\b|\bai\b|\balgorithms?\b|\bblack[-\s]box\b"));
/// The client promising: "Client shall ensure that its staff can explain …".
static CLIENT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\S+\s+)?(?:the\s+)?(?:client|customer|company|licensee|buyer)\s+(?:shall|will|must|warrants|represents)\b",
    )
});

impl Check for Explainability {
    const ID: &'static str = "explainability";
    const NAME: &'static str = "Explainability disclaimer";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "In contracts for AI or machine-learning work, finds a disclaimer that model outputs may not be explainable, a promise that they will be, or explainability scoped as a paid deliverable.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "promise",
            "Verdict when the provider promises that the model's outputs or decisions are explainable or interpretable (001 §13): pass, warn or fail.",
        ),
        (
            "no_disclaimer",
            "Verdict for AI or machine-learning work with no explainability disclaimer and no scoped explainability deliverable: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict for a contract with no AI or model work: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(Explainability {
            promise: among("promise", &policy.promise, GRADES)?,
            no_disclaimer: among("no_disclaimer", &policy.no_disclaimer, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let ai = sentences
            .iter()
            .find(|(_, n)| AI.is_match(n.as_str()))
            .map(|(s, _)| s.span);
        let mut disclaimer: Option<Span> = None;
        let mut promise: Option<Span> = None;
        let mut line_item: Option<Span> = None;
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            if line_item.is_none() && LINE_ITEM.is_match(n) {
                line_item = Some(s.span);
            }
            if !EXPLAIN.is_match(n) || !MODEL_OUTPUT.is_match(n) {
                continue;
            }
            if DISCLAIM.is_match(n) {
                disclaimer.get_or_insert(s.span);
            } else if PROMISE.is_match(n) && !CLIENT_SUBJECT.is_match(n) {
                promise.get_or_insert(s.span);
            }
        }
        // A contract that disclaims or promises the explainability of "the Model" is about
        // model work even when it never says "machine learning"; a "Model X200 pump" is not.
        let about_model = |span: Option<Span>| {
            span.is_some_and(|s| {
                MODEL_WORD.is_match(
                    &contract
                        .text()
                        .get(s.start..s.end)
                        .unwrap_or("")
                        .to_lowercase(),
                )
            })
        };
        let Some(ai) = ai.or_else(|| {
            [disclaimer, promise]
                .into_iter()
                .find(|s| about_model(*s))
                .flatten()
        }) else {
            return vec![
                Report::new(
                    self.missing,
                    "The contract has no AI or machine-learning work; not applicable.",
                )
                .param("ai_contract", false),
            ];
        };
        let (verdict, message) = match (promise, disclaimer, line_item) {
            (Some(_), _, _) => (
                self.promise,
                "The provider promises that the model's outputs are explainable.",
            ),
            (None, Some(_), _) => (
                Verdict::Pass,
                "The provider disclaims the explainability of the model's outputs.",
            ),
            (None, None, Some(_)) => (
                Verdict::Pass,
                "Explainability is scoped as a deliverable of the work.",
            ),
            (None, None, None) => (
                self.no_disclaimer,
                "The contract is for AI work but has no disclaimer that model outputs may not be explainable.",
            ),
        };
        let mut report = Report::new(verdict, message)
            .param("disclaimer", disclaimer.is_some())
            .param("explainability_promised", promise.is_some())
            .param("explainability_line_item", line_item.is_some())
            .param("ai_contract", true);
        for span in [promise, disclaimer, line_item].into_iter().flatten() {
            report = report.quote(span);
        }
        if promise.is_none() && disclaimer.is_none() && line_item.is_none() {
            report = report.quote(ai);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(Explainability);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = Explainability::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<Explainability>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &AI,
            &EXPLAIN,
            &MODEL_OUTPUT,
            &DISCLAIM,
            &PROMISE,
            &LINE_ITEM,
            &CLIENT_SUBJECT,
            &MODEL_WORD,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn promises_and_disclaimers() {
        let base = "Provider shall train a machine learning model for Client. ";
        for (sentence, verdict) in [
            (
                "Provider warrants that every decision made by the Model will be fully explainable.",
                Verdict::Fail,
            ),
            (
                "Vendor shall provide an explanation of each individual prediction of the Model.",
                Verdict::Fail,
            ),
            (
                "Provider does not warrant that the Model's decisions will be explainable.",
                Verdict::Pass,
            ),
            (
                "Client acknowledges that the Model may produce results through non-linear processes that are not easily interpretable by humans.",
                Verdict::Pass,
            ),
            (
                "Consultant is not liable for the inability to explain specific individual outputs of the Model.",
                Verdict::Pass,
            ),
            (
                "Client shall explain each decision of the Model to affected applicants.",
                Verdict::Warn,
            ),
            ("The fees are set out in Schedule 2.", Verdict::Warn),
        ] {
            assert_eq!(
                run(&format!("{base}{sentence}")).verdict(),
                verdict,
                "{sentence}"
            );
        }
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = Explainability::new(Policy {
            promise: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("promise = \"missing\""), "{err}");
    }
}
