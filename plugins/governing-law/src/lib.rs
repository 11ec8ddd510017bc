//! The `governing-law` check: which law governs the contract, where disputes are heard, and
//! whether they go to arbitration.
//!
//! It reads every sentence of the contract, recognises governing-law statements ("governed by
//! and construed in accordance with the internal laws of the State of New York", "the laws of
//! England shall govern", "governed by California law"), venue statements ("the exclusive
//! jurisdiction of the courts of …", "venue shall be …") and arbitration agreements (ICC, AAA,
//! ICDR, LCIA, SIAC, JAMS, "arbitration in London"), and normalises places to codes with the
//! SDK's jurisdiction table. Verdicts follow the playbook: no clause → the `missing` policy
//! (default fail); conflicting governing laws → warn; a jurisdiction outside the preferred list
//! → warn; a cross-border deal without arbitration → warn; otherwise pass.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::jurisdiction::{
    Jurisdiction, JurisdictionMatch, find_adjectives, find_jurisdictions,
};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::{ContractSentence, NormalizedSentences};
use clauselint_sdk::text::{NormalizedSlice, ceil_boundary, floor_boundary, slice_lossless};
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[governing-law]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Acceptable jurisdiction codes ("US-NY", "GB-ENG", or a country such as "US", which
    /// covers its states). Empty: any named jurisdiction passes.
    pub preferred: Vec<String>,
    /// Verdict when the contract has no governing-law clause.
    pub missing: String,
    /// Verdict when the governing law is not in `preferred`.
    pub not_preferred: String,
    /// Verdict for a cross-border contract without an arbitration agreement.
    pub cross_border_without_arbitration: String,
    /// Verdict when the contract names two different governing laws.
    pub conflicting: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            preferred: Vec::new(),
            missing: "fail".to_owned(),
            not_preferred: "warn".to_owned(),
            cross_border_without_arbitration: "warn".to_owned(),
            conflicting: "warn".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct GoverningLaw {
    preferred: Vec<String>,
    missing: Verdict,
    not_preferred: Verdict,
    cross_border_without_arbitration: Verdict,
    conflicting: Verdict,
}

/// A governing-law statement found in a sentence.
#[derive(Debug, Clone, Copy)]
struct LawStatement {
    jurisdiction: Jurisdiction,
    sentence: Span,
}

/// A venue statement.
#[derive(Debug, Clone, Copy)]
struct VenueStatement {
    jurisdiction: Option<Jurisdiction>,
    sentence: Span,
}

/// What the arbitration sentences say.
#[derive(Debug, Clone, Default)]
struct Arbitration {
    sentences: Vec<Span>,
    institution: Option<&'static str>,
    seat: Option<String>,
}

static GOVERN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:govern(?:ed|s|ing)?|constru(?:ed|e)|interpreted|enforced|adjudicated|controlled)\b")
});
static LAW_OF: LazyLock<Regex> = LazyLock::new(|| {
    // "laws of", "laws and decisions of", "laws, other than choice of law rules, of".
    re(
        r"\b(?:laws?|legislation|regulations)(?:\s+and\s+(?:judicial\s+)?(?:decisions|regulations|statutes)|\s*,[^,;]{1,60},)?\s+(?:of|in\s+force\s+in|prevailing\s+in|in\s+(?:the\s+)?(?:state|commonwealth|province)\s+of)\b|\blaws?\s+(?:the\s+)?(?:state|commonwealth|province)\s+of\b|\bapplication of the laws of\b|\bin accordance with\s+(?:the\s+)?(?:internal\s+|substantive\s+)?laws\s+of\b",
    )
});
static LAW_THEN_GOVERNS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\blaws?\s+of\b.{0,200}?\b(?:shall|will|do|does|to)?\s*(?:govern|apply|applies|control)\b")
});
/// What comes before "law(s) of" when it is not a choice of law: where a party is organised,
/// a field of law ("the patent laws of"), or a duty to comply with the laws of a place.
static NOT_GOVERNING_USE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:organi[sz]ed|incorporated|existing|formed|registered|chartered|licensed|qualified|operating|in good standing)\b[^.;]{0,40}?\b(?:under|pursuant to)\s+(?:the\s+)?$|(?:securities|export(?:\s+control)?|tax|bankruptcy|insolvency|privacy|employment|labou?r|data protection|environmental|anti-?corruption|sanctions|patent|copyright|trademark|intellectual property|antitrust|competition|customs|immigration)\s+$|\b(?:comply|complying|complies|compliance|violat\w*)\b[^.;]{0,60}$",
    )
});
/// "the laws thereof", "the laws of such state": the place is named earlier in the sentence.
static LAW_BACKREF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\blaws\s+(?:thereof|of\s+(?:such|that|said)\s+(?:state|jurisdiction|country|province|commonwealth))\b",
    )
});
/// "determined in accordance with the laws of", "a joint venture in accordance with the laws
/// of": a weaker frame, accepted only near the law and away from compliance language.
static WEAK_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:determined|applied|resolved|decided|formed|enter into|entered into)\b.{0,80}?\bin accordance with\s+(?:the\s+)?(?:internal\s+)?laws?\s+of\b",
    )
});
static COMPLIANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:comply|complies|compliance|perform(?:ed)? the services|export|tax(?:es)?)\b")
});
/// A redacted place ("the laws of [***]", "the laws of the [ * ]"), as filed agreements show
/// them: the clause exists though its jurisdiction cannot be read.
static REDACTED_PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:the\s+)?(?:state\s+of\s+)?\[\s*(?:\*\s*)+\]"));
static LAW_HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:governing|applicable|choice of)\s+laws?\b"));
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:courts?|tribunals?)\b.{0,80}?\b(?:of|in|for|located|sitting|situated)\b|\bvenue\b|\bforum\b|\bjurisdiction\b",
    )
});
static VENUE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:exclusive|non-exclusive|jurisdiction|venue|forum|submit|submits|attorn|brought|litigated|instituted|commenced|heard|resolved)\b",
    )
});
static ARBITRATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\barbitrat(?:ion|ed|ors?|e)\b|\barbitral\b"));
static ARBITRATION_AGREED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:settled|resolved|determined|decided|submitted|referred|subject|finally)\b.{0,80}?\barbitration\b|\barbitration\b.{0,120}?\b(?:rules|administered|conducted|held|take place|seat|binding|in accordance)\b|\barbitrated\b|\bbinding arbitration\b|\barbitral tribunal\b|\b(?:seat|place|venue|location)\s+of\s+(?:the\s+)?arbitration\b",
    )
});
static ARBITRATION_NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not|never)\s+(?:be\s+)?(?:subject(?:ed)?|submitted|referred|resolved|required)\s+(?:to|by)\s+(?:binding\s+)?arbitration\b|\bwaives?\b.{0,40}\barbitration\b|\bin lieu of arbitration\b",
    )
});
static SEAT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:seat|place|venue|location|situs|site)\s+of\s+(?:the\s+|any\s+)?arbitration\s+(?:proceedings?\s+)?(?:shall|will)\s+be\s+(?:in\s+)?|\barbitration\b.{0,120}?\b(?:held|conducted|take place|located|seated|sit)\s+(?:exclusively\s+)?in\s+|\barbitration\s+in\s+",
    )
});
static PLACE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Capitalised words after "in": "London, England", "New York City", "Singapore".
    Regex::new(r"^(?:the\s+)?(?:City\s+of\s+|city\s+of\s+)?(?P<place>[A-Z][\w.'’-]*(?:(?:,\s*|\s+)(?:[A-Z][\w.'’-]*|of)){0,4})")
        .expect("place pattern compiles")
});
static PARTY_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:corporation|company|incorporated|organi[sz]ed|existing under|principal (?:place of business|offices?|executive offices?)|registered (?:office|address)|having its|with (?:its )?offices|located at|limited liability|gmbh|plc|ltd|llc|inc|corp|s\.a\.|b\.v\.|a\.g\.)\b|(?-i:\b(?:AG|SE|KG|KGaA|Oy|AB|SpA|SAS|SARL|NV|BV|Pty)\b)",
    )
});
/// An address that ends in the party's definition: "…, 22767 Hamburg, Germany (the
/// \"Controller\")": the place is where that party is.
static PARTY_DEFINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^[\s,]*(?:\d{3,6}\s*)?\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?["“]"#,
    )
});

const INSTITUTIONS: &[(&str, &str)] = &[
    (
        "ICDR",
        r"\binternational cent(?:re|er) for dispute resolution\b|\bicdr\b",
    ),
    ("ICC", r"\binternational chamber of commerce\b|\bicc\b"),
    (
        "LCIA",
        r"\blondon court of international arbitration\b|\blcia\b",
    ),
    (
        "SIAC",
        r"\bsingapore international arbitration cent(?:re|er)\b|\bsiac\b",
    ),
    (
        "HKIAC",
        r"\bhong kong international arbitration cent(?:re|er)\b|\bhkiac\b",
    ),
    (
        "CIETAC",
        r"\bchina international economic and trade arbitration commission\b|\bcietac\b",
    ),
    ("SCC", r"\bstockholm chamber of commerce\b|\bscc\b"),
    (
        "JAMS",
        r"\bjams\b|\bjudicial arbitration and mediation services\b|\bj\.a\.m\.s\b",
    ),
    ("AAA", r"\bamerican arbitration association\b|\baaa\b"),
    (
        "WIPO",
        r"\bwipo\b|\bworld intellectual property organi[sz]ation\b",
    ),
    (
        "DIS",
        r"\bgerman arbitration institute\b|\bdeutsche institution\b",
    ),
    (
        "VIAC",
        r"\bvienna international arbitral cent(?:re|er)\b|\bviac\b",
    ),
    ("UNCITRAL", r"\buncitral\b"),
];

static INSTITUTION_RES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    INSTITUTIONS
        .iter()
        .map(|&(name, p)| (name, re(p)))
        .collect()
});

impl GoverningLaw {
    /// Whether a sentence states a governing law whose place is redacted ("governed by … the
    /// laws of [***]").
    fn redacted_law(&self, norm: &NormalizedSlice<'_>) -> bool {
        let n = norm.as_str();
        let Some(verb) = GOVERN_VERB.find(n) else {
            return false;
        };
        LAW_OF.find_iter(n).any(|m| {
            m.start() > verb.start()
                && m.start() - verb.start() < 300
                && REDACTED_PLACE.is_match(&n[m.end()..])
        })
    }

    /// Finds the governing-law jurisdiction a sentence states, if it states one.
    fn law_statement(
        &self,
        s: &ContractSentence<'_>,
        norm: &NormalizedSlice<'_>,
    ) -> Option<LawStatement> {
        let n = norm.as_str();
        let heading_says_law =
            s.clause.heading().is_some_and(|h| LAW_HEADING.is_match(h)) || LAW_HEADING.is_match(n);
        let verb = GOVERN_VERB.find(n);
        // Every way below to a statement needs a governing verb, a law heading or a "law(s)
        // of"; most sentences have none and are left before the (costlier) place search.
        if verb.is_none() && !heading_says_law && !LAW_OF.is_match(n) && !WEAK_FRAME.is_match(n) {
            return None;
        }
        let places = find_jurisdictions(s.text);
        // Positions of "law(s) of" that introduce a governing law (not "organized under the
        // laws of", not "securities laws of").
        let law_ofs: Vec<usize> = LAW_OF
            .find_iter(n)
            .filter(|m| {
                !NOT_GOVERNING_USE.is_match(slice_lossless(
                    n,
                    m.start().saturating_sub(60),
                    m.start(),
                ))
            })
            .map(|m| m.end())
            .collect();
        let has_frame = verb.is_some_and(|v| {
            law_ofs
                .iter()
                .any(|&p| p > v.start() && p - v.start() < 300)
        }) || (LAW_THEN_GOVERNS.is_match(n) && !law_ofs.is_empty())
            || (heading_says_law && !law_ofs.is_empty())
            || (WEAK_FRAME.is_match(n) && !COMPLIANCE.is_match(n));
        if has_frame {
            for &at in &law_ofs {
                let original_at = s.text.len().min(norm.original_offset(at));
                if let Some(j) = pick(&places, original_at) {
                    return Some(LawStatement {
                        jurisdiction: j,
                        sentence: s.span,
                    });
                }
            }
        }
        // "accepted in the State of Nevada and governed by the laws thereof".
        if verb.is_some()
            && let Some(b) = LAW_BACKREF.find(n)
        {
            let at = norm.original_offset(b.start());
            if let Some(m) = places.iter().rev().find(|m| m.span.end <= at) {
                return Some(LawStatement {
                    jurisdiction: m.jurisdiction,
                    sentence: s.span,
                });
            }
        }
        // "governed by New York law", "in accordance with English law".
        if verb.is_some() || heading_says_law {
            let mut named = places.clone();
            named.extend(find_adjectives(s.text));
            named.sort_by_key(|m| m.span.start);
            for m in &named {
                let after = s.text.get(m.span.end..).unwrap_or("");
                let after = after.trim_start_matches(['\'', '’', 's']).trim_start();
                let lower = after[..floor_boundary(after, 5)].to_ascii_lowercase();
                if lower.starts_with("law") {
                    return Some(LawStatement {
                        jurisdiction: m.jurisdiction,
                        sentence: s.span,
                    });
                }
            }
        }
        None
    }

    fn venue_statement(
        &self,
        s: &ContractSentence<'_>,
        norm: &NormalizedSlice<'_>,
    ) -> Option<VenueStatement> {
        let n = norm.as_str();
        let m = VENUE.find(n)?;
        if !VENUE_CONTEXT.is_match(n)
            || !(n.contains("court") || n.contains("venue") || n.contains("forum"))
        {
            return None;
        }
        let at = norm.original_offset(m.start());
        let places = find_jurisdictions(s.text);
        let jurisdiction = pick(&places, at);
        // A venue sentence with no place ("any court of competent jurisdiction") is no venue.
        jurisdiction.map(|j| VenueStatement {
            jurisdiction: Some(j),
            sentence: s.span,
        })
    }
}

/// The jurisdiction introduced at `from`: the first place after it, or a subdivision of that
/// place named right after it ("the United States and the State of Delaware" → Delaware).
fn pick(places: &[JurisdictionMatch], from: usize) -> Option<Jurisdiction> {
    // A place whose span runs across `from` counts too: "the laws State of New York" ends its
    // "laws … of" inside the place's "State of New York".
    let mut after = places.iter().filter(|m| m.span.end > from);
    let first = after.next()?;
    if !first.jurisdiction.code.contains('-')
        && let Some(sub) = after.take(2).find(|m| {
            m.jurisdiction.country() == first.jurisdiction.code && m.jurisdiction.code.contains('-')
        })
    {
        return Some(sub.jurisdiction);
    }
    Some(first.jurisdiction)
}

fn arbitration_of(sentences: &NormalizedSentences<'_>) -> Option<Arbitration> {
    let mut arb = Arbitration::default();
    for (s, norm) in sentences.iter() {
        let n = norm.as_str();
        if !ARBITRATION.is_match(n) || ARBITRATION_NEGATED.is_match(n) {
            continue;
        }
        let heading = s
            .clause
            .heading()
            .is_some_and(|h| h.to_lowercase().contains("arbitrat"));
        let institution = INSTITUTION_RES
            .iter()
            .find(|(_, r)| r.is_match(n))
            .map(|(name, _)| *name);
        if !(ARBITRATION_AGREED.is_match(n) || institution.is_some() || heading) {
            continue;
        }
        arb.sentences.push(s.span);
        if arb.institution.is_none() {
            arb.institution = institution;
        }
        if arb.seat.is_none()
            && let Some(m) = SEAT.find(n)
        {
            let at = s.text.len().min(norm.original_offset(m.end()));
            let place = s
                .text
                .get(at..)
                .and_then(|rest| PLACE_AFTER.captures(rest))
                .and_then(|c| c.name("place"))
                .map(|p| p.as_str().trim_end_matches([',', '.', ' ']).trim())
                .filter(|p| !p.is_empty());
            arb.seat = place.map(str::to_owned);
        }
    }
    (!arb.sentences.is_empty()).then_some(arb)
}

/// Countries of the parties, read from the preamble ("a Delaware corporation", "a company
/// incorporated in England", "principal place of business at … Toronto, Ontario").
fn party_countries(contract: &Contract<'_>) -> Vec<&'static str> {
    let preamble: Vec<_> = contract
        .clauses()
        .filter(|c| c.kind() == ClauseKind::Preamble)
        .collect();
    let region: Vec<&str> = if preamble.is_empty() {
        contract
            .clauses()
            .next()
            .map(|c| {
                let t = c.text();
                vec![&t[..floor_boundary(t, 2000)]]
            })
            .unwrap_or_default()
    } else {
        preamble.iter().map(|c| c.text()).collect()
    };
    let mut countries = Vec::new();
    for text in region {
        for m in find_jurisdictions(text) {
            let lo = floor_boundary(text, m.span.start.saturating_sub(160));
            let hi = ceil_boundary(text, m.span.end + 60);
            let window = &text[lo..hi];
            let before = &text[lo..m.span.start];
            // "governed by the laws of" in a preamble is a governing-law statement, not a party.
            if before.to_lowercase().contains("govern") {
                continue;
            }
            // An address ("22767 Hamburg, Germany") right before a party's definition; the
            // digits keep "services in France (the \"Territory\")" out.
            let near_before =
                &text[floor_boundary(text, m.span.start.saturating_sub(80))..m.span.start];
            let defined_after = PARTY_DEFINED_AFTER.is_match(&text[m.span.end..hi])
                && near_before.contains(|c: char| c.is_ascii_digit());
            if (PARTY_CONTEXT.is_match(window) || defined_after)
                && !countries.contains(&m.jurisdiction.country())
            {
                countries.push(m.jurisdiction.country());
            }
        }
    }
    countries
}

/// Whether two statements name the same law (equal, or one is the other's country).
fn compatible(a: &Jurisdiction, b: &Jurisdiction) -> bool {
    a.code == b.code || a.code == b.country() || b.code == a.country()
}

impl Check for GoverningLaw {
    const ID: &'static str = "governing-law";
    const NAME: &'static str = "Governing law, venue and arbitration";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the governing-law, venue and arbitration clauses, normalises the jurisdictions (US-NY, GB-ENG, ISO 3166) and flags a missing clause, conflicting laws, a non-preferred jurisdiction or a cross-border deal without arbitration.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "preferred",
            "Acceptable jurisdiction codes, e.g. [\"US-NY\", \"GB-ENG\"]; a country code such as \"US\" covers its states; empty: any named jurisdiction passes.",
        ),
        (
            "missing",
            "Verdict when the contract has no governing-law clause: pass, missing, warn or fail.",
        ),
        (
            "not_preferred",
            "Verdict when the governing law is not in preferred: pass, warn or fail.",
        ),
        (
            "cross_border_without_arbitration",
            "Verdict for parties in different countries with no arbitration agreement: pass, warn or fail.",
        ),
        (
            "conflicting",
            "Verdict when the contract names two different governing laws: pass, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        for code in &policy.preferred {
            let ok = !code.is_empty()
                && code.len() <= 10
                && code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                return Err(format!(
                    "preferred: {code:?} is not a jurisdiction code (write e.g. \"US-NY\", \"GB-ENG\", \"DE\")"
                ));
            }
        }
        Ok(GoverningLaw {
            preferred: policy.preferred,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
            not_preferred: among("not_preferred", &policy.not_preferred, GRADES)?,
            cross_border_without_arbitration: among(
                "cross_border_without_arbitration",
                &policy.cross_border_without_arbitration,
                GRADES,
            )?,
            conflicting: among("conflicting", &policy.conflicting, GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut laws: Vec<LawStatement> = Vec::new();
        let mut venues: Vec<VenueStatement> = Vec::new();
        let mut redacted: Option<Span> = None;
        for (s, norm) in sentences.iter() {
            if let Some(l) = self.law_statement(s, &norm) {
                laws.push(l);
            } else if redacted.is_none() && self.redacted_law(&norm) {
                redacted = Some(s.span);
            }
            if let Some(v) = self.venue_statement(s, &norm) {
                venues.push(v);
            }
        }
        let arbitration = arbitration_of(&sentences);
        let venue = venues.iter().find_map(|v| v.jurisdiction);

        let Some(main) = laws.first().copied() else {
            // A clause whose jurisdiction is redacted is there: it is reported, not missing;
            // an unreadable place cannot be on the preferred list.
            let mut report = match redacted {
                Some(sentence) => {
                    let verdict = if self.preferred.is_empty() {
                        Verdict::Pass
                    } else {
                        self.not_preferred
                    };
                    Report::new(
                        verdict,
                        "Governed by a law whose jurisdiction is redacted in this copy.",
                    )
                    .quote(sentence)
                    .param("jurisdiction_redacted", true)
                }
                None => Report::new(self.missing, "no governing-law clause"),
            }
            .param("arbitration", arbitration.is_some());
            if let Some(v) = venues.first() {
                report = report.quote_for(v.sentence, "venue");
            }
            if let Some(a) = &arbitration {
                report = report
                    .param_opt("arbitration_institution", a.institution)
                    .param_opt("arbitration_seat", a.seat.clone());
                for s in &a.sentences {
                    report = report.quote_for(*s, "arbitration");
                }
            }
            return vec![report.param_opt("venue", venue.map(|v| v.code))];
        };

        // Jurisdictions that disagree with the first statement.
        let conflict = laws
            .iter()
            .find(|l| !compatible(&l.jurisdiction, &main.jurisdiction))
            .copied();
        // Prefer the most specific form of the main law ("US-NY" over "US").
        let main_j = laws
            .iter()
            .filter(|l| compatible(&l.jurisdiction, &main.jurisdiction))
            .map(|l| l.jurisdiction)
            .max_by_key(|j| j.code.contains('-'))
            .unwrap_or(main.jurisdiction);

        let parties = party_countries(contract);
        let mut countries: Vec<&str> = parties.clone();
        if !parties.is_empty() {
            for c in std::iter::once(main_j.country()).chain(venue.map(|v| v.country())) {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
        }
        let cross_border = countries.len() > 1;

        let mut verdict = Verdict::Pass;
        let mut reasons: Vec<String> = Vec::new();
        if let Some(other) = conflict {
            verdict = verdict.max(self.conflicting);
            reasons.push(format!(
                "conflicting governing laws: {} and {}",
                main_j.name, other.jurisdiction.name
            ));
        }
        if !self.preferred.is_empty()
            && !self
                .preferred
                .iter()
                .any(|p| p == main_j.code || p == main_j.country())
        {
            verdict = verdict.max(self.not_preferred);
            reasons.push(format!(
                "{} ({}) is not a preferred jurisdiction ({})",
                main_j.name,
                main_j.code,
                self.preferred.join(", ")
            ));
        }
        if cross_border && arbitration.is_none() {
            verdict = verdict.max(self.cross_border_without_arbitration);
            reasons.push(format!(
                "cross-border contract ({}) without an arbitration clause",
                countries.join(", ")
            ));
        }
        let message = if reasons.is_empty() {
            format!("Governed by the law of {} ({}).", main_j.name, main_j.code)
        } else {
            format!(
                "Governed by the law of {} ({}); {}.",
                main_j.name,
                main_j.code,
                reasons.join("; ")
            )
        };
        let mut report = Report::new(verdict, message)
            .quote(main.sentence)
            .param("jurisdiction", main_j.code)
            .param("jurisdiction_name", main_j.name)
            .param("arbitration", arbitration.is_some())
            .param_opt("venue", venue.map(|v| v.code));
        if let Some(other) = conflict {
            report = report
                .quote(other.sentence)
                .param("jurisdictions", vec![main_j.code, other.jurisdiction.code]);
        }
        if let Some(v) = venues.first() {
            report = report.quote_for(v.sentence, "venue");
        }
        if let Some(a) = &arbitration {
            report = report
                .param_opt("arbitration_institution", a.institution)
                .param_opt("arbitration_seat", a.seat.clone());
            if let Some(s) = a.sentences.first() {
                report = report.quote_for(*s, "arbitration");
            }
        }
        if !parties.is_empty() {
            report = report
                .param("cross_border", cross_border)
                .param("party_countries", parties);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(GoverningLaw);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        run_with(text, Policy::default())
    }

    fn run_with(text: &str, policy: Policy) -> Report {
        let clauses = simple_clauses(text);
        let check = GoverningLaw::new(policy).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    fn text(v: &str) -> ParamValue {
        ParamValue::Text(v.to_owned())
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<GoverningLaw>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &GOVERN_VERB,
            &LAW_OF,
            &LAW_THEN_GOVERNS,
            &NOT_GOVERNING_USE,
            &LAW_HEADING,
            &REDACTED_PLACE,
            &LAW_BACKREF,
            &WEAK_FRAME,
            &COMPLIANCE,
            &VENUE,
            &VENUE_CONTEXT,
            &ARBITRATION,
            &ARBITRATION_AGREED,
            &ARBITRATION_NEGATED,
            &SEAT,
            &PARTY_CONTEXT,
            &PARTY_DEFINED_AFTER,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert_eq!(INSTITUTION_RES.len(), INSTITUTIONS.len());
        assert!(PLACE_AFTER.is_match("London"));
    }

    #[test]
    fn governing_law_phrasings() {
        for (sentence, code) in [
            (
                "This Agreement shall be governed by and construed in accordance with the internal laws of the State of New York, without regard to conflicts of law principles.",
                "US-NY",
            ),
            (
                "This Agreement shall be construed in accordance with the laws of England and Wales.",
                "GB-ENG",
            ),
            (
                "The laws of the State of Delaware govern all matters arising out of this Agreement.",
                "US-DE",
            ),
            ("This Agreement is governed by California law.", "US-CA"),
            (
                "THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE PROVINCE OF ONTARIO AND THE FEDERAL LAWS OF CANADA APPLICABLE THEREIN.",
                "CA-ON",
            ),
            (
                "This Agreement will be governed by the federal laws of the United States and the laws of the State of Texas.",
                "US-TX",
            ),
            (
                "This Agreement shall be governed by the laws of the State of California, USA, excluding the U.N. Convention.",
                "US-CA",
            ),
            (
                "This Agreement is accepted in the State of Nevada and shall be governed by the laws thereof.",
                "US-NV",
            ),
            (
                "Any controversy shall be determined in accordance with the laws of the State of Michigan.",
                "US-MI",
            ),
            (
                "It shall be governed by the laws and judicial decisions of the State of Florida.",
                "US-FL",
            ),
            (
                "This Agreement shall be governed by the laws, other than choice of law rules, of the State of Georgia.",
                "US-GA",
            ),
            (
                "This Agreement shall be governed by\nand construed in accordance with the laws of Singapore.",
                "SG",
            ),
            (
                "This Agreement shall be governed by the internal laws State of New York.",
                "US-NY",
            ),
        ] {
            let r = run(sentence);
            assert_eq!(param(&r, "jurisdiction"), Some(&text(code)), "{sentence}");
            assert_eq!(r.verdict(), Verdict::Pass, "{sentence}");
        }
    }

    #[test]
    fn incorporation_is_not_governing_law() {
        let r = run(
            "Acme, Inc., a corporation organized under the laws of the State of Delaware, and Beta LLC agree as follows. Beta shall deliver the goods.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
        assert_eq!(r.finding().message, "no governing-law clause");
    }

    #[test]
    fn compliance_with_laws_is_not_governing_law() {
        let r = run(
            "Provider shall perform the Services in accordance with the laws of the State of New York and shall comply with all export laws.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
    }

    #[test]
    fn organisation_fields_of_law_and_compliance_do_not_conflict() {
        let t = "1. This Agreement is governed by the laws of the State of New York.\n2. Acme is duly organized, existing and in good standing under the laws of Delaware. Inventorship shall be determined in accordance with the patent laws of the United States. Beta shall comply with all applicable laws and regulations of the United Kingdom.";
        let r = run(t);
        assert_eq!(r.verdict(), Verdict::Pass, "{}", r.finding().message);
        assert_eq!(param(&r, "jurisdiction"), Some(&text("US-NY")));
        assert_eq!(r.finding().evidence.len(), 1);
    }

    #[test]
    fn conflicting_laws_warn_and_quote_both() {
        let t = "1. Law. This Agreement is governed by the laws of the State of New York.\n2. Other. Notwithstanding Section 1, this Agreement shall be governed by the laws of England.";
        let r = run(t);
        assert_eq!(r.verdict(), Verdict::Warn);
        assert_eq!(r.finding().evidence.len(), 2);
        assert!(r.finding().message.contains("conflicting"));
    }

    #[test]
    fn federal_and_state_law_do_not_conflict() {
        let t = "1. This Agreement is governed by the laws of the United States.\n2. It is also construed in accordance with the laws of the State of Delaware.";
        let r = run(t);
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(param(&r, "jurisdiction"), Some(&text("US-DE")));
    }

    #[test]
    fn arbitration_institution_and_seat() {
        let t = "This Agreement is governed by the laws of England. Any dispute shall be finally resolved by arbitration under the Rules of Arbitration of the International Chamber of Commerce. The seat of arbitration shall be London, England.";
        let r = run(t);
        assert_eq!(param(&r, "arbitration"), Some(&ParamValue::Bool(true)));
        assert_eq!(param(&r, "arbitration_institution"), Some(&text("ICC")));
        // The law is the clause; the arbitration sentence is quoted as support, tagged.
        assert_eq!(r.tags(), [None, Some("arbitration")]);
        assert_eq!(
            param(&r, "arbitration_seat"),
            Some(&text("London, England"))
        );
    }

    #[test]
    fn negated_arbitration_is_not_arbitration() {
        let r = run(
            "This Agreement is governed by Delaware law. Disputes shall not be subject to arbitration.",
        );
        assert_eq!(param(&r, "arbitration"), Some(&ParamValue::Bool(false)));
    }

    #[test]
    fn policy_is_validated_with_key_names() {
        let bad = Policy {
            missing: "maybe".into(),
            ..Policy::default()
        };
        assert!(
            GoverningLaw::new(bad)
                .unwrap_err()
                .starts_with("missing = \"maybe\"")
        );
        let bad = Policy {
            preferred: vec!["new york".into()],
            ..Policy::default()
        };
        assert!(
            GoverningLaw::new(bad)
                .unwrap_err()
                .starts_with("preferred:")
        );
    }

    #[test]
    fn preferred_country_covers_its_states() {
        let policy = Policy {
            preferred: vec!["US".into()],
            ..Policy::default()
        };
        let r = run_with(
            "This Agreement is governed by the laws of the State of New York.",
            policy,
        );
        assert_eq!(r.verdict(), Verdict::Pass);
    }
}
