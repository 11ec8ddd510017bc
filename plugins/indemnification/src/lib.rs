//! The `indemnification` check: who indemnifies whom, for what, and within which cap.
//!
//! 001 §4 asks for **mutual** indemnification: "The client should indemnify you against any
//! legal action arising from the data they provided … Conversely, you will indemnify them
//! against any claims that your code violates someone else's patent." The check finds
//! indemnity *obligations* ("shall indemnify, defend and hold harmless", "agrees to indemnify",
//! "shall be indemnified by") — not mere references ("the indemnified party shall give notice",
//! "except for indemnification obligations") and not negations ("shall have no obligation to
//! indemnify") — and reads for each:
//!
//! - **the indemnitor**: "each party"/"either party" (mutual), or the party named before the
//!   obligation. Role words decide the side (provider: provider, agency, consultant,
//!   contractor, vendor, supplier, developer, licensor, seller, manufacturer; client: client,
//!   customer, buyer, purchaser, licensee, distributor, reseller), and so do the contract's own
//!   party names (`Acme Corp. ("Acme")`), placed on a side by what they do elsewhere ("Acme
//!   shall pay" → client, "Acme shall provide/perform/deliver" → provider);
//! - **client data**: whether the client's indemnity covers data, materials or content it
//!   supplied ("arising from the Client Data", "materials provided by Customer");
//! - **breadth**: whether a provider indemnity covers the client's data, the outputs or
//!   decisions of the model, or any claim arising from the use of the deliverables;
//! - **the cap** where stated: "subject to Section 9" / "in no event … exceed" (capped), or a
//!   limitation of liability that "shall not apply to" indemnification obligations (uncapped).
//!
//! Verdicts, decided from 001 §4: mutual indemnities in which the client covers the data it
//! supplied → pass; mutual but the client's data is not covered → warn; a client-only
//! indemnity → pass (it protects the provider). A one-sided provider indemnity limited to what
//! the article accepts (infringement by the provider's own work, its breach or negligence) →
//! warn; one that also covers the client's data or the model's outputs, or is stated to be
//! uncapped → fail, since it puts on the provider risks it cannot control (the article's
//! reasoning for capping liability in automated decision making). An indemnity whose
//! indemnitor cannot be placed → warn. No indemnity at all → `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::ops::Range;
use std::sync::LazyLock;

use clauselint_sdk::defined::defined_terms_in;
use clauselint_sdk::parties::Side as PartySide;
use clauselint_sdk::parties::{
    Inference, Parties, PartyRules, Placement, RoleTerms, acts_pattern, find_name,
};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[indemnification]` policy table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict for a one-sided provider indemnity limited to its own work, breach or
    /// negligence.
    pub one_sided: String,
    /// Verdict for a one-sided provider indemnity that covers the client's data or the model's
    /// outputs, or is stated to be uncapped.
    pub one_sided_broad: String,
    /// Verdict for mutual indemnities in which the client does not cover the data it supplied.
    pub no_client_data_indemnity: String,
    /// Verdict when an indemnity's indemnitor cannot be placed on either side.
    pub unclear: String,
    /// Verdict when the contract has no indemnity.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            one_sided: "warn".to_owned(),
            one_sided_broad: "fail".to_owned(),
            no_client_data_indemnity: "warn".to_owned(),
            unclear: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct Indemnification {
    one_sided: Verdict,
    one_sided_broad: Verdict,
    no_client_data_indemnity: Verdict,
    unclear: Verdict,
    missing: Verdict,
}

static INDEMNITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bindemnif\w*|\bindemnit(?:y|ies)\b|\bhold\s+(?:\w+\s+){0,4}?harmless\b|\bsave\s+harmless\b",
    )
});
/// An obligation to indemnify, from its modal ("shall defend, indemnify and hold harmless").
static OBLIGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|covenants?\s+to|hereby\s+(?:agrees?\s+to\s+)?)\s*,?\s*(?:(?:at\s+its\s+(?:own\s+|sole\s+)?(?:cost|expense)(?:\s+and\s+expense)?|at\s+all\s+times|promptly|fully|also|further|jointly\s+and\s+severally|to\s+the\s+(?:fullest|maximum)\s+extent\s+permitted\s+by\s+(?:applicable\s+)?law)\s*,?\s*)*(?:(?:defend|protect|release|reimburse|and|or|also|fully|promptly|hereby|further)[\s,]+){0,4}(?:indemnif(?:y|ies)\b|defends?\b|hold\s+(?:\w+\s+){0,4}?harmless|save\s+harmless)|\b(?:hereby\s+)?indemnifies\s+(?:and\s+holds?\s+harmless\s+)?(?:the\s+)?[a-z]",
    )
});
/// "shall be indemnified by Client": the indemnitor follows.
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bindemnified\s+(?:\w+\s+){0,4}?by\s+(?:the\s+)?(?P<who>[a-z][\w.&-]*(?:\s+[a-z][\w.&-]*)?)",
    )
});
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bneither\s+(?:party|of\s+the\s+parties)\s+(?:shall|will)\s+(?:be\s+)?(?:obligat\w+|required|liable)\s+to\s+(?:\w+\s+){0,2}?(?:indemnif|defend)|\b(?:not|no)\s+(?:be\s+)?(?:obligat\w+|required|liable)\s+to\s+(?:\w+\s+){0,2}?(?:indemnif|defend)|\bno\s+(?:obligation|duty)\s+to\s+(?:\w+\s+){0,2}?(?:indemnif|defend)|\b(?:shall|will)\s+not\s+(?:\w+\s+)?(?:indemnif|defend)",
    )
});
static MUTUAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:each|either)\s+(?:party|of\s+the\s+parties)\b|\bthe\s+indemnifying\s+party\b|\b(?:both|the)\s+parties\s+(?:hereby\s+)?(?:shall|will|agree|covenant|undertake)\b|\bmutual(?:ly)?\b",
    )
});
const PROVIDER_WORDS: &str = r"(?:service\s+provider|provider|agency|consultant|contractor|vendor|supplier|developer|licensor|seller|manufacturer|franchisor|freelancer)s?";
const CLIENT_WORDS: &str =
    r"(?:client|customer|buyer|purchaser|licensee|distributor|reseller|franchisee)s?";
/// The parties: the role words above (a defined term containing one is no party name), and up
/// to six short names the contract defines for an entity ("Acme Corp., a Delaware
/// corporation"), each placed on the side most of its obligations belong to ("Acme shall pay"
/// → client, "Acme shall provide/perform/deliver" → provider).
static PARTY_RULES: LazyLock<PartyRules> = LazyLock::new(|| {
    PartyRules::new(
        CLIENT_WORDS,
        PROVIDER_WORDS,
        r"\b(?:inc|corp|corporation|llc|l\.l\.c|ltd|limited|company|gmbh|plc|ag|s\.a|l\.p|lp|partnership|n\.v|b\.v|individual|sole\s+proprietor)\b",
        &acts_pattern(
            r"shall|will|agrees\s+to",
            r"(?:\w+\s+){0,2}?",
            "provide|perform|deliver|supply|manufacture|develop|render|sell|host|build",
            "pay|reimburse|purchase|buy|order",
        ),
    )
    .placement(Placement::Majority)
    .role_terms(RoleTerms::Containing)
    .inference(Inference::Never)
    .min_chars(2)
    .max_named(6)
});
/// Data, materials or content the client supplied.
static CLIENT_DATA: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:data|datasets?|materials?|content|information|specifications?|instructions?|designs?|inputs?|prompts?|documents?|trademarks?)\b.{{0,80}}?\b(?:provided|supplied|furnished|made\s+available|uploaded|submitted|delivered|disclosed)\s+(?:to\s+\w+\s+)?by\s+(?:or\s+on\s+behalf\s+of\s+)?(?:the\s+)?(?:\b{CLIENT_WORDS}\b|it|such\s+party|the\s+indemnifying\s+party)|\b(?:client|customer|licensee|buyer)(?:'s)?\s+(?:data|datasets?|materials?|content|inputs?|prompts?|information)\b|\b(?:client|customer|licensee|buyer)(?:'s)?\s+(?:\w+\s+)?(?:right|rights|authority)\s+to\s+(?:use|provide|disclose)\b"
    ))
});
/// What a provider indemnity should not cover: the client's data, the model's outputs or
/// decisions, any use of the deliverables.
static BROAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:outputs?|predictions?|recommendations?|decisions?)\s+(?:\w+\s+){0,3}?(?:of|by|from|generated|produced|made)\b|\b(?:ai-|machine-)?generated\s+(?:content|outputs?|text|images?|code|materials?)\b|\b(?:model|pilot|ai|system)\s+outputs?\b|\b(?:client|customer)(?:'s)?\s+data\b|\b(?:any|all)\s+(?:and\s+all\s+)?claims\b.{0,80}?\b(?:arising\s+(?:out\s+of|from|under)|relating\s+to|in\s+connection\s+with)\s+(?:this\s+agreement|the\s+(?:services|deliverables|software|model)|(?:the\s+)?use\s+of)",
    )
});
/// The indemnity is within the cap.
static CAPPED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsubject\s+to\s+(?:the\s+)?(?:limitations?|cap|section|article|clause)\b|\bin\s+no\s+event\b.{0,200}?\bexceed|\bshall\s+not\s+exceed\b|\blimited\s+to\s+(?:the\s+)?(?:fees|amounts?|total)",
    )
});
/// The cap does not reach indemnities.
static UNCAPPED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|does|do)\s+not\s+apply\s+to\b.{0,200}?\b(?:indemnif\w*|defen[cs]e)\s+obligations?\b|\b(?:other\s+than|excluding|except\s+(?:for\s+|with\s+respect\s+to\s+)?)(?:(?:a\s+)?party'?s?\s+|its\s+|the\s+)?(?:\w+\s+){0,3}?(?:indemnif\w*|defen[cs]e)\s+obligations?\b|\bunlimited\b.{0,60}\bindemnif|\bno\s+(?:limit|cap|limitation)\s+(?:shall\s+|will\s+)?appl(?:y|ies)\s+to\s+(?:the\s+|any\s+|its\s+)?(?:\w+\s+)?indemnit|\b(?:limit|cap|limitation)\s+(?:shall|will|does)\s+not\s+apply\s+to\s+(?:the\s+|any\s+|its\s+)?(?:\w+\s+)?indemnit|\bindemnif\w*\s+(?:\w+\s+){0,4}?(?:unlimited|uncapped|without\s+limit)",
    )
});
static LIMIT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bexceed|\blimited\s+to\b|\bin\s+no\s+event\b|\blimitation\s+of\s+liability\b|\baggregate\s+liability\b|\bcap\b",
    )
});

/// Which side a party is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Mutual,
    Provider,
    Client,
    Unknown,
}

/// "indemnify and hold harmless each other": mutual whatever the subject.
static EACH_OTHER: LazyLock<Regex> = LazyLock::new(|| re(r"\beach\s+other\b|\bone\s+another\b"));

/// The side of the last party named in `text` (the subject before an obligation), with the
/// name it was given; an unplaced subject is named by its last word ("Roche shall …").
fn last_side<'t>(text: &'t str, parties: &Parties<'_>) -> (Side, String) {
    let mut best: Option<(usize, Side, &'t str)> = None;
    let mut consider = |m: Option<Range<usize>>, side: Side| {
        if let Some(m) = m
            && best.is_none_or(|(b, _, _)| m.end >= b)
        {
            best = Some((m.end, side, &text[m]));
        }
    };
    let side = |s: PartySide| match s {
        PartySide::Client => Side::Client,
        PartySide::Provider => Side::Provider,
    };
    let words = |s: PartySide| {
        PARTY_RULES
            .words(s)
            .find_iter(text)
            .last()
            .map(|m| m.range())
    };
    consider(
        MUTUAL.find_iter(text).last().map(|m| m.range()),
        Side::Mutual,
    );
    consider(words(PartySide::Provider), Side::Provider);
    consider(words(PartySide::Client), Side::Client);
    for (name, s) in parties.names() {
        consider(find_name(text, name).last(), side(s));
    }
    match best {
        Some((_, side, name)) => (side, name.trim_end_matches('s').to_owned()),
        None => {
            let last = text
                .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
                .rfind(|w| {
                    !w.is_empty()
                        && !matches!(
                            *w,
                            "hereby" | "and" | "severally" | "jointly" | "also" | "further"
                        )
                })
                .unwrap_or("");
            (Side::Unknown, last.to_owned())
        }
    }
}

/// One indemnity obligation.
#[derive(Debug, Clone)]
struct Obligation {
    span: Span,
    side: Side,
    /// The subject's name in matching form ("client", "roche", "each party").
    subject: String,
    client_data: bool,
    broad: bool,
}

/// Everything the check read from one contract.
#[derive(Debug, Default)]
struct Found {
    obligations: Vec<Obligation>,
    capped: Option<(bool, Span)>,
}

fn read(contract: &Contract<'_>) -> Found {
    let mut f = Found::default();
    let sentences = NormalizedSentences::of(contract);
    let normalized = sentences.normalized();
    let parties = PARTY_RULES.parties(&defined_terms_in(normalized), normalized.as_str());
    for (s, norm) in sentences.iter() {
        if matches!(
            s.clause.kind(),
            ClauseKind::Recital | ClauseKind::Preamble | ClauseKind::Signature
        ) {
            continue;
        }
        let n = norm.as_str();
        if !INDEMNITY.is_match(n) {
            continue;
        }
        // A statement that indemnities are uncapped outranks any statement that they are
        // capped ("… shall not exceed 2x the fees, save that no limit applies to the
        // indemnity").
        if f.capped.is_none_or(|(capped, _)| capped) {
            if UNCAPPED.is_match(n) && LIMIT_CONTEXT.is_match(n) {
                f.capped = Some((false, s.span));
            } else if f.capped.is_none() && CAPPED.is_match(n) {
                f.capped = Some((true, s.span));
            }
        }
        if NEGATED.is_match(n) {
            continue;
        }
        let (side, subject) = if EACH_OTHER.is_match(n) {
            (Side::Mutual, "each other".to_owned())
        } else if let Some(c) = PASSIVE.captures(n) {
            c.name("who").map_or((Side::Unknown, String::new()), |w| {
                last_side(w.as_str(), &parties)
            })
        } else if let Some(m) = OBLIGATION.find(n) {
            // The subject: the text before the modal, back to the last clause break.
            let before = &n[..m.start()];
            let from = before
                .rfind(['.', ';', ':'])
                .map_or(0, |p| p + 1)
                .max(before.len().saturating_sub(160));
            let from = clauselint_sdk::text::floor_boundary(before, from);
            last_side(&before[from..], &parties)
        } else {
            continue;
        };
        f.obligations.push(Obligation {
            span: s.span,
            side,
            subject,
            client_data: CLIENT_DATA.is_match(n),
            broad: BROAD.is_match(n),
        });
    }
    f
}

impl Check for Indemnification {
    const ID: &'static str = "indemnification";
    const NAME: &'static str = "Indemnification";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds indemnity obligations, who gives them (mutual, provider, client), whether the client indemnifies for the data and materials it supplies, whether a provider indemnity covers client data or model outputs, and whether indemnities are capped.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    type Policy = Policy;
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "one_sided",
            "Verdict for a one-sided provider indemnity limited to its own work, breach or negligence (001 §4 asks for mutual indemnities): pass, warn or fail.",
        ),
        (
            "one_sided_broad",
            "Verdict for a one-sided provider indemnity that covers the client's data or the model's outputs, or is stated to be uncapped: pass, warn or fail.",
        ),
        (
            "no_client_data_indemnity",
            "Verdict for mutual indemnities in which the client does not indemnify for the data and materials it supplied: pass, warn or fail.",
        ),
        (
            "unclear",
            "Verdict when an indemnity's indemnitor cannot be placed on the provider's or the client's side: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract has no indemnity: pass, missing, warn or fail.",
        ),
    ];

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(Indemnification {
            one_sided: among("one_sided", &policy.one_sided, GRADES)?,
            one_sided_broad: among("one_sided_broad", &policy.one_sided_broad, GRADES)?,
            no_client_data_indemnity: among(
                "no_client_data_indemnity",
                &policy.no_client_data_indemnity,
                GRADES,
            )?,
            unclear: among("unclear", &policy.unclear, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let f = read(contract);
        if f.obligations.is_empty() {
            return vec![Report::new(self.missing, "No indemnity found.")];
        }
        let by = |side: Side| f.obligations.iter().filter(move |o| o.side == side);
        let mutual_clause = by(Side::Mutual).next().is_some();
        let provider = by(Side::Provider).next().is_some();
        let client = by(Side::Client).next().is_some();
        // Two different parties each giving an indemnity ("Roche shall indemnify FMI …", "FMI
        // shall indemnify Roche …") are reciprocal even when neither can be placed.
        let mut subjects: Vec<&str> = f
            .obligations
            .iter()
            .map(|o| o.subject.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        subjects.sort_unstable();
        subjects.dedup();
        let mutual = mutual_clause || (provider && client) || subjects.len() >= 2;
        let client_data = by(Side::Client)
            .chain(by(Side::Mutual))
            .any(|o| o.client_data);
        let capped = f.capped.map(|(c, _)| c);
        let (verdict, message, first): (Verdict, String, Option<Span>) = if mutual {
            if client_data {
                (
                    Verdict::Pass,
                    "Indemnification: mutual, and the client indemnifies for the data it supplies."
                        .into(),
                    by(Side::Client)
                        .chain(by(Side::Mutual))
                        .find(|o| o.client_data)
                        .map(|o| o.span),
                )
            } else {
                (
                    self.no_client_data_indemnity,
                    "Indemnification: mutual, but the client does not indemnify for the data and materials it supplies (001 §4).".into(),
                    by(Side::Mutual).chain(by(Side::Client)).next().map(|o| o.span),
                )
            }
        } else if provider {
            let broad = by(Side::Provider).find(|o| o.broad || o.client_data);
            if broad.is_some() || capped == Some(false) {
                let why = match (broad.is_some(), capped == Some(false)) {
                    (true, true) => {
                        "covers the client's data or the model's outputs and is uncapped"
                    }
                    (true, false) => "covers the client's data or the model's outputs",
                    _ => "is uncapped",
                };
                (
                    self.one_sided_broad,
                    format!("Indemnification: one-sided, by the provider only, and it {why}."),
                    broad.or(by(Side::Provider).next()).map(|o| o.span),
                )
            } else {
                (
                    self.one_sided,
                    "Indemnification: one-sided, by the provider only; the client gives no indemnity (001 §4 asks for mutual indemnities).".into(),
                    by(Side::Provider).next().map(|o| o.span),
                )
            }
        } else if client {
            (
                Verdict::Pass,
                if client_data {
                    "Indemnification: by the client, including for the data it supplies.".into()
                } else {
                    "Indemnification: by the client only.".into()
                },
                by(Side::Client).next().map(|o| o.span),
            )
        } else {
            (
                self.unclear,
                "Indemnification: an indemnity is given, but not by a party the check can place as provider or client.".into(),
                by(Side::Unknown).next().map(|o| o.span),
            )
        };
        let mut report = Report::new(verdict, message);
        let mut quoted: Vec<Span> = Vec::new();
        let others = f.obligations.iter().map(|o| o.span);
        for span in first.into_iter().chain(others) {
            if quoted.len() < 3 && !quoted.contains(&span) {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        if let Some((_, span)) = f.capped
            && !quoted.contains(&span)
        {
            report = report.quote(span);
        }
        let indemnitor = if mutual {
            "mutual"
        } else if provider {
            "provider"
        } else if client {
            "client"
        } else {
            "unknown"
        };
        vec![
            report
                .param("indemnitor", indemnitor)
                .param("mutual", mutual)
                .param("provider_indemnifies", provider || mutual_clause)
                .param("client_indemnifies", client || mutual_clause)
                .param("client_data_indemnity", client_data)
                .param_opt("capped", capped),
        ]
    }
}

clauselint_sdk::export_check!(Indemnification);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = Indemnification::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<Indemnification>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &INDEMNITY,
            &OBLIGATION,
            &PASSIVE,
            &NEGATED,
            &MUTUAL,
            &CLIENT_DATA,
            &BROAD,
            &CAPPED,
            &UNCAPPED,
            &LIMIT_CONTEXT,
            &EACH_OTHER,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert!(!PARTY_RULES.acts().as_str().is_empty());
    }

    #[test]
    fn party_names_are_placed_by_what_they_do() {
        let r = run(
            "This Agreement is between Acme Analytics Inc., a Delaware corporation (\"Acme\"), and Beta Retail LLC, a New York limited liability company (\"Beta\").\n1. Services. Acme shall provide the demand forecasting services.\n2. Fees. Beta shall pay the fees monthly.\n3. Indemnity. Acme shall indemnify Beta against claims that the Software infringes a third party's patent.",
        );
        assert_eq!(
            param(&r, "indemnitor"),
            Some(&ParamValue::Text("provider".into()))
        );
        assert_eq!(r.verdict(), Verdict::Warn, "{}", r.finding().message);
    }

    #[test]
    fn references_and_negations_are_not_obligations() {
        let r = run(
            "9. Procedure. The indemnified party shall give prompt notice of any claim. Licensor shall have no obligation to indemnify Licensee for claims arising from modifications.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn policy_rejects_bad_values() {
        let err = Indemnification::new(Policy {
            one_sided: "loud".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("one_sided = \"loud\""), "{err}");
    }
}
