//! The `ethical-use` check: whether the provider may refuse, or walk away from, work that the
//! client uses for unethical or illegal purposes — the "right to disassociate" of 001 §11 —
//! and whether the client's use of the work is restricted at all (an acceptable use policy).
//!
//! It reads three things:
//!
//! - `right_to_refuse`: the provider may refuse, decline or not perform work or requests it
//!   believes unlawful or unethical ("Agency may decline any request that it reasonably believes
//!   would be used for surveillance, social scoring or misinformation");
//! - `right_to_terminate`: the provider may terminate or suspend if the client uses the work for
//!   such purposes or in breach of the use restrictions, also by cross-reference ("… if Client
//!   breaches Section 4.2", where 4.2 is the restriction);
//! - `acceptable_use_policy`: the client may not use the deliverables, model or services for
//!   unlawful, harmful or prohibited purposes, or must follow an acceptable use policy.
//!
//! A general right to terminate for material breach, "unlawful" in a change-of-law clause and
//! restrictions on using trade marks or confidential information are not ethical-use terms.
//!
//! Policy: a right to refuse or terminate → pass. Use restrictions without such a right → warn
//! (the provider cannot disassociate). Nothing at all in a contract about AI or machine
//! learning → warn (the playbook expects the clause there); nothing at all in any other
//! contract → missing (there are no use restrictions to grade).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::defined::{DefinedTerm, defined_terms_in};
use clauselint_sdk::parties::Side as PartySide;
use clauselint_sdk::parties::{
    CLIENT_WORDS, MODALS, PAYS, PROVIDER_WORDS, PROVIDES, PartyRules, acts_pattern,
};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[ethical-use]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict for a contract about AI or machine learning with no ethical-use terms at all.
    pub no_ethical_use: String,
    /// Verdict when the client's use is restricted but the provider may neither refuse nor
    /// terminate.
    pub restrictions_only: String,
    /// Verdict for any other contract with no use restrictions at all.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            no_ethical_use: "warn".to_owned(),
            restrictions_only: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct EthicalUse {
    no_ethical_use: Verdict,
    restrictions_only: Verdict,
    missing: Verdict,
}

/// A contract about AI or machine learning.
static AI: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bartificial\s+intelligence\b|\bai[-\s](?:powered|driven|based|enabled)\b|\bai\s+(?:principles|act|ethics|technolog(?:y|ies)|platforms?|software|features?|capabilit\w+|services?|models?|systems?|solutions?|tools?|agents?|outputs?)\b|\bmachine[-\s]learning\b|\bdeep\s+learning\b|\bneural\s+networks?\b|\bllms?\b|\blarge\s+language\s+models?\b|\bgenerative\s+ai\b|\b(?:trained|predictive|ml|ai|machine[-\s]learning|classification|forecasting|recommendation|detection|vision|language|scoring)\s+models?\b|\bmodel\s+training\b|\btrain(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?models?\b|\bcomputer\s+vision\b|\bnatural\s+language\s+processing\b",
    )
});
/// Unethical, illegal or harmful purposes, and the standards that name them.
static UNETHICAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:only|solely|exclusively)\s+for\s+(?:\w+\s+)?lawful\s+(?:purposes?|uses?)|unethical|illegal|unlawful|illicit|fraudulent|harmful|abusive|malicious|deceptive|discriminat\w*|surveillance|social\s+scoring|misinformation|disinformation|weapons?|human\s+rights|oecd\s+ai\s+principles|acceptable[-\s]use\s+polic(?:y|ies)|ethical\s+(?:use|guidelines|principles|standards|policy)|prohibited\s+(?:uses?|purposes?|use\s+cases?|activities)|(?:in\s+)?violation\s+of\s+(?:any\s+)?(?:applicable\s+)?laws?|violates?\s+(?:any\s+)?(?:applicable\s+)?laws?)\b",
    )
});
/// Where an "illegal" is not about use: severability ("invalid, illegal or unenforceable"),
/// malware warranties ("harmful code"), trade marks used in a misleading manner.
static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:invalid|void)\W+(?:\w+\W+){0,2}?(?:illegal|unlawful)\b|\b(?:illegal|unlawful)\W+(?:or|and)\s+unenforceable\b|\bharmful\s+(?:code|components?|software|programs?|routines?|viruses)\b|\b(?:trade\s*marks?|marks|trade\s+names?|logos?)\b",
    )
});
/// Use of the work.
static USE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:us(?:e|es|ed|ing)|deploy\w*|appl(?:y|ies|ied|ication)|purposes?|use\s+cases?|exploit\w*|pivot\w*|repurpos\w*)\b",
    )
});
/// The provider's work: what the client could misuse.
static WORK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deliverables?|models?|services?|software|systems?|solutions?|outputs?|work\s+product|platform|technology|ai|algorithms?|tools?|applications?|project|work)\b",
    )
});
/// A prohibition on the client: "shall not use", "may not use", "agrees not to".
static PROHIBITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|may|must|should)\s+not\b|\bagrees?\s+not\s+to\b|\bis\s+prohibited\b|\bprohibited\s+from\b|\bnot\s+(?:be\s+)?(?:used|permitted)\b|\b(?:only|solely|exclusively)\s+for\s+(?:\w+\s+){0,2}lawful\b|\bcomply\s+with\b[^.;]{0,60}\bacceptable[-\s]use\b|\bsubject\s+to\b[^.;]{0,60}\bacceptable[-\s]use\b",
    )
});
/// The provider refusing work: "may decline", "reserves the right to refuse", "is not obliged to
/// perform".
static REFUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:may|can|shall\s+be\s+entitled\s+to|is\s+entitled\s+to|reserves\s+the\s+right\s+to|has\s+the\s+right\s+to|shall\s+have\s+the\s+right\s+to|right\s+to)\s+(?:\w+\s+){0,2}?(?:refuse|decline|reject|withhold|not\s+(?:perform|provide|accept|undertake))\b|\b(?:not|never)\s+(?:be\s+)?(?:obliged|obligated|required)\s+to\s+(?:perform|provide|undertake|accept|carry\s+out|develop|build)\b",
    )
});
/// The provider ending or suspending work: "may terminate", "right to suspend", "disassociate".
static TERMINATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:may|can|shall\s+be\s+entitled\s+to|is\s+entitled\s+to|reserves\s+the\s+right\s+to|has\s+the\s+right\s+to|shall\s+have\s+the\s+right\s+to|right\s+to)\s+(?:\w+\s+){0,3}?(?:terminate|suspend|cease|withdraw|discontinue|disassociate|end)\b|\bdisassociat\w+\b",
    )
});
/// "will not be used", "acceptable use policy": restrictions that need no named client.
static PASSIVE_OR_AUP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:shall|will|may|must)\s+not\s+be\s+used\b|\bacceptable[-\s]use\b|\bits\s+use\s+of\b")
});
/// A right that refers back to a restriction: "the violation", "such misuse".
static VIOLATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bviolat\w*|\bbreach\w*|\bmisuse\b|\bsuch\s+(?:use|conduct|activit\w+)\b")
});
/// A cross-reference: "Section 4.2", "clause 7(b)".
static CROSS_REF: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:section|clause|paragraph|article)s?\s+(\d+(?:\.\d+)*)"));

/// The parties: the generic words (a "user" is on the client's side) and the contract's own
/// names for entities ("Acme Inc., a Delaware corporation, with offices at …"), placed on the
/// provider's side if they "will deliver" or "shall perform", on the client's if they "shall
/// pay"; with two named parties, one of known side, the other is on the other side.
static PARTY_RULES: LazyLock<PartyRules> = LazyLock::new(|| {
    PartyRules::new(
        &format!("{CLIENT_WORDS}|user"),
        PROVIDER_WORDS,
        r"\b(?:inc|llc|ltd|limited|corporation|corp|company|gmbh|ag|plc|incorporated|offices?|address|principal\s+place|an\s+individual|residing|registered)\b",
        &acts_pattern(MODALS, r"(?:\w+\s+)?", PROVIDES, PAYS),
    )
});
/// "either party", "each party": a right both sides hold.
static EITHER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:either|each|any)\s+party\b|\bthe\s+parties\b"));

/// The two sides of the deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Client,
    Provider,
    Either,
}

/// The contract's names for the two sides: the generic words plus the parties it defines.
struct Parties {
    named: clauselint_sdk::parties::Parties<'static>,
}

impl Parties {
    fn of(terms: &[DefinedTerm], text: &str) -> Parties {
        Parties {
            named: PARTY_RULES.parties(terms, text),
        }
    }

    /// The side named last in `text`: the subject of a verb that follows it. A possessive
    /// ("Client's use") names whose use, not who acts.
    fn subject(&self, text: &str) -> Option<Side> {
        let not_possessive = |m: &std::ops::Range<usize>| !text[m.end..].starts_with("'s");
        let last = |side: PartySide| {
            self.named
                .find_iter(text, side)
                .filter(not_possessive)
                .last()
        };
        let (c, p) = (last(PartySide::Client), last(PartySide::Provider));
        let e = EITHER.find_iter(text).last();
        [
            (c.map(|m| m.end), Side::Client),
            (p.map(|m| m.end), Side::Provider),
            (e.map(|m| m.end()), Side::Either),
        ]
        .into_iter()
        .filter_map(|(at, side)| at.map(|at| (at, side)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, side)| side)
    }
}

impl Check for EthicalUse {
    const ID: &'static str = "ethical-use";
    const NAME: &'static str = "Ethical use and the right to disassociate";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the provider's right to refuse or terminate work used for unethical or illegal purposes and restrictions on the client's use of the work (acceptable use policy), and warns when an AI contract has neither.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "no_ethical_use",
            "Verdict for a contract about AI or machine learning with no ethical-use terms at all (001 §11): pass, missing, warn or fail.",
        ),
        (
            "restrictions_only",
            "Verdict when the client's use is restricted but the provider may neither refuse nor terminate for unethical use: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict for any other contract with no use restrictions at all: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(EthicalUse {
            no_ethical_use: among("no_ethical_use", &policy.no_ethical_use, MISSING_GRADES)?,
            restrictions_only: among("restrictions_only", &policy.restrictions_only, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let whole = sentences.normalized().as_str();
        let ai = sentences.iter().find(|(_, n)| AI.is_match(n.as_str()));
        let ai_span = ai.map(|(s, _)| s.span);
        let nothing = |verdict: Verdict, message: &str| {
            let mut report = Report::new(verdict, message)
                .param("right_to_refuse", false)
                .param("right_to_terminate", false)
                .param("acceptable_use_policy", false)
                .param("ai_contract", ai_span.is_some());
            if let Some(s) = ai_span
                && verdict != Verdict::Missing
            {
                report = report.quote(s);
            }
            vec![report]
        };
        if !UNETHICAL.is_match(whole) {
            return if ai_span.is_some() {
                nothing(
                    self.no_ethical_use,
                    "The AI contract has no ethical-use terms: no right to refuse or terminate work used for unethical purposes and no use restrictions.",
                )
            } else {
                nothing(self.missing, "The contract restricts no use of the work.")
            };
        }
        let parties = Parties::of(&defined_terms_in(sentences.normalized()), whole);
        let mut restriction: Option<Span> = None;
        let mut restriction_clauses: Vec<String> = Vec::new();
        let mut refuse: Option<Span> = None;
        let mut terminate: Option<Span> = None;
        // Termination or refusal sentences that rest on a cross-reference, checked once the
        // restrictions are known.
        let mut by_reference: Vec<(Span, Vec<String>, bool)> = Vec::new();
        // Rights that follow the restriction in its own clause: "… If the violation cannot be
        // resolved, Vendor reserves the right to suspend …".
        let mut restriction_spans: Vec<Span> = Vec::new();
        let mut in_clause: Vec<(Span, Span, bool)> = Vec::new();
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            let unethical = UNETHICAL.find(n).filter(|_| !NOISE.is_match(n));
            let refuses = REFUSE.find(n);
            let terminates = TERMINATE.find(n);
            if let Some(cue) = refuses.or(terminates) {
                let who = parties.subject(&n[..cue.start()]);
                let provider_right = matches!(who, Some(Side::Provider | Side::Either));
                if provider_right {
                    let is_refusal = refuses.is_some();
                    // Refusing an unlawful task needs no "use"; ending the deal over the
                    // client's conduct does ("if Client uses the Model for …").
                    if unethical.is_some() && (is_refusal || USE.is_match(n)) {
                        if is_refusal {
                            refuse.get_or_insert(s.span);
                        } else {
                            terminate.get_or_insert(s.span);
                        }
                    } else {
                        let refs: Vec<String> = CROSS_REF
                            .captures_iter(n)
                            .filter_map(|c| c.get(1).map(|m| m.as_str().to_owned()))
                            .collect();
                        if !refs.is_empty() {
                            by_reference.push((s.span, refs, is_refusal));
                        } else if VIOLATION.is_match(n) {
                            in_clause.push((s.span, s.clause.span(), is_refusal));
                        }
                    }
                }
            }
            if let Some(u) = unethical
                && USE.is_match(n)
                && WORK.is_match(n)
                && let Some(ban) = PROHIBITION.find(n)
            {
                let who = parties.subject(&n[..ban.start().min(u.start())]);
                // The client, or the work in the passive ("the Platform will not be used"), or
                // an acceptable use policy whoever is named.
                let restricted = match who {
                    Some(Side::Client) => true,
                    None => PASSIVE_OR_AUP.is_match(n),
                    _ => false,
                };
                if restricted && refuses.is_none() {
                    restriction.get_or_insert(s.span);
                    restriction_spans.push(s.clause.span());
                    let number = s
                        .clause
                        .number()
                        .unwrap_or("")
                        .trim_end_matches('.')
                        .to_lowercase();
                    if !number.is_empty() {
                        restriction_clauses.push(number);
                    }
                }
            }
        }
        // "Provider may terminate if Client breaches Section 4.2", 4.2 being the restriction
        // (or 4, its section).
        for (span, refs, is_refusal) in by_reference {
            let points_at_restriction = refs.iter().any(|r| {
                restriction_clauses
                    .iter()
                    .any(|c| c == r || c.starts_with(&format!("{r}.")))
            });
            if points_at_restriction {
                if is_refusal {
                    refuse.get_or_insert(span);
                } else {
                    terminate.get_or_insert(span);
                }
            }
        }
        for (span, clause, is_refusal) in in_clause {
            if restriction_spans.contains(&clause) {
                if is_refusal {
                    refuse.get_or_insert(span);
                } else {
                    terminate.get_or_insert(span);
                }
            }
        }
        let (verdict, message) = match (refuse.is_some(), terminate.is_some(), restriction) {
            (true, true, _) => (
                Verdict::Pass,
                "The provider may refuse and may terminate work used for unethical or illegal purposes.",
            ),
            (true, false, _) => (
                Verdict::Pass,
                "The provider may refuse work used for unethical or illegal purposes.",
            ),
            (false, true, _) => (
                Verdict::Pass,
                "The provider may terminate or suspend if the work is used for unethical or illegal purposes.",
            ),
            (false, false, Some(_)) => (
                self.restrictions_only,
                "The client's use of the work is restricted, but the provider may neither refuse nor terminate for unethical use.",
            ),
            (false, false, None) if ai_span.is_some() => {
                return nothing(
                    self.no_ethical_use,
                    "The AI contract has no ethical-use terms: no right to refuse or terminate work used for unethical purposes and no use restrictions.",
                );
            }
            (false, false, None) => {
                return nothing(self.missing, "The contract restricts no use of the work.");
            }
        };
        let mut report = Report::new(verdict, message)
            .param("right_to_refuse", refuse.is_some())
            .param("right_to_terminate", terminate.is_some())
            .param("acceptable_use_policy", restriction.is_some())
            .param("ai_contract", ai_span.is_some());
        for span in [refuse, terminate, restriction].into_iter().flatten() {
            report = report.quote(span);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(EthicalUse);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = EthicalUse::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn flag(r: &Report, name: &str) -> bool {
        r.finding().params.get(name) == Some(&ParamValue::Bool(true))
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<EthicalUse>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &AI,
            &UNETHICAL,
            &USE,
            &WORK,
            &PROHIBITION,
            &REFUSE,
            &TERMINATE,
            &CROSS_REF,
            &EITHER,
            &NOISE,
            &PASSIVE_OR_AUP,
            &VIOLATION,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert!(!PARTY_RULES.acts().as_str().is_empty());
    }

    #[test]
    fn rights_in_their_usual_phrasings() {
        for (sentence, refuse, terminate, aup) in [
            (
                "Agency may decline any request that it reasonably believes would use the Model for surveillance or social scoring.",
                true,
                false,
                false,
            ),
            (
                "Consultant may terminate this Agreement immediately if Client uses the Deliverables for any unlawful or unethical purpose.",
                false,
                true,
                false,
            ),
            (
                "Client shall not use the Model or any Output for mass surveillance, weapons development or misinformation.",
                false,
                false,
                true,
            ),
            (
                "Client shall use the Services only for lawful purposes and in accordance with the Acceptable Use Policy.",
                false,
                false,
                true,
            ),
            // The client's right to terminate is not the provider's right to disassociate.
            (
                "Client may terminate this Agreement if Provider uses Client Data for any unlawful purpose.",
                false,
                false,
                false,
            ),
        ] {
            let r = run(sentence);
            assert_eq!(flag(&r, "right_to_refuse"), refuse, "{sentence}");
            assert_eq!(flag(&r, "right_to_terminate"), terminate, "{sentence}");
            assert_eq!(flag(&r, "acceptable_use_policy"), aup, "{sentence}");
        }
    }

    #[test]
    fn termination_by_cross_reference_to_the_restriction() {
        let r = run(
            "4. Use\n4.1 Client shall not use the Model for any unlawful, discriminatory or harmful purpose.\n9. Termination\n9.1 Provider may suspend the Services or terminate this Agreement if Client breaches Section 4.1.",
        );
        assert_eq!(r.verdict(), Verdict::Pass);
        assert!(flag(&r, "right_to_terminate"));
        let elsewhere = run(
            "4. Use\n4.1 Client shall not use the Model for any unlawful, discriminatory or harmful purpose.\n9. Termination\n9.1 Provider may terminate this Agreement if Client breaches Section 7.",
        );
        assert_eq!(elsewhere.verdict(), Verdict::Warn);
    }

    #[test]
    fn a_right_later_in_the_restriction_clause_counts() {
        let r = run(
            "3. Use\n3.1 Licensee shall not use the Services for any unlawful purpose. If the violation cannot be resolved, Vendor reserves the right to suspend the Services.\n4. Fees\n4.1 Licensee shall pay the fees.",
        );
        assert!(flag(&r, "right_to_terminate"));
        let other = run(
            "3. Use\n3.1 Licensee shall not use the Services for any unlawful purpose.\n4. Fees\n4.1 If Licensee breaches its payment duty, Vendor may suspend the Services.",
        );
        assert!(!flag(&other, "right_to_terminate"));
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = EthicalUse::new(Policy {
            restrictions_only: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("restrictions_only = \"missing\""), "{err}");
    }
}
