//! The `non-compete` check: the scope, duration and geography of restrictive covenants.
//!
//! It finds sentences that restrict a party from competing ("shall not, directly or
//! indirectly, engage in any business that competes with", "shall not provide services to any
//! competitor of Client", "non-competition", exclusivity on the provider), skips sentences that
//! grant the opposite freedom ("nothing herein shall prevent Provider from …"), and reads the
//! duration (normalised to months), who is covered (direct competitors vs. a whole industry) and
//! where (worldwide, a named territory, unspecified). Non-solicitation is noted as a parameter
//! without being treated as a non-compete. The verdict is the worst the playbook assigns; a
//! contract with a covenant that is within policy passes, and a contract with no covenant at all
//! is `missing` (the `missing` policy key; below `warn`, so it fails no run by default).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::jurisdiction::find_jurisdictions;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::{ContractSentence, NormalizedSentences};
use clauselint_sdk::text::NormalizedSlice;
use clauselint_sdk::{Check, ClauseKind, ClauseRef, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::Deserialize;

/// The `[non-compete]` policy table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// A covenant lasting at most this many months passes.
    pub max_pass_months: u32,
    /// Up to this many months it warns; longer fails.
    pub max_warn_months: u32,
    /// Verdict when the covenant covers more than the client's direct competitors.
    pub broad_scope: String,
    /// Verdict for worldwide geography.
    pub worldwide: String,
    /// Verdict when neither geography nor a list of competitors bounds the covenant.
    pub unbounded: String,
    /// Verdict when the covenant outlasts the term but no duration is stated.
    pub no_duration: String,
    /// Verdict when the contract has no restrictive covenant at all (`missing` reports that the
    /// clause type is absent; the playbook treats that as harmless).
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_pass_months: 6,
            max_warn_months: 12,
            broad_scope: "fail".to_owned(),
            worldwide: "warn".to_owned(),
            unbounded: "warn".to_owned(),
            no_duration: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct NonCompete {
    max_pass_months: u32,
    max_warn_months: u32,
    broad_scope: Verdict,
    worldwide: Verdict,
    unbounded: Verdict,
    no_duration: Verdict,
    missing: Verdict,
}

const GRADES: &[Verdict] = &[Verdict::Pass, Verdict::Warn, Verdict::Fail];

const MISSING_GRADES: &[Verdict] = &[
    Verdict::Pass,
    Verdict::Missing,
    Verdict::Warn,
    Verdict::Fail,
];

fn verdict_setting(key: &str, value: &str) -> Result<Verdict, String> {
    verdict_among(key, value, GRADES)
}

fn verdict_among(key: &str, value: &str, allowed: &[Verdict]) -> Result<Verdict, String> {
    Verdict::parse(value)
        .filter(|v| allowed.contains(v))
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|v| v.as_str()).collect();
            format!("{key} = {value:?}: expected one of {}", names.join(", "))
        })
}

/// Compiles a constant pattern case-insensitively with `.` matching newlines, with ASCII word
/// boundaries so searches stay on the regex crate's fast engine (see `clauselint_sdk::pattern`).
fn re(pattern: &str) -> Regex {
    // Every pattern is a constant of this file; the unit tests compile each one.
    clauselint_sdk::pattern::compile(&format!("(?is){pattern}")).expect("constant pattern compiles")
}

/// Activities a covenant forbids, as verbs in any of their forms ("engage", "engages",
/// "engaged", "engaging"); nouns of the same stem ("competitor", "products", "operator") are not
/// activities.
const ACTIVITY: &str = r"(?:(?:engag|compet|participat|operat|commerciali[sz]|advis|distribut|promot|endors|manufactur|produc|acquir|advertis|handl)(?:e|es|ed|ing)\b|provid(?:e|es|ing)\b|becom(?:e|es|ing)\b|(?:perform|render|work|accept|own|develop|consult|assist|invest|market|sell|offer|join|carry|place|display|grant|conduct|permit|allow)(?:s|es|ed|ing)?\b|run(?:s|ning)?\b|be\s+(?:employed|engaged|interested)\b|enter(?:s|ed|ing)?\s+into\b)";

/// A prohibition followed by a competitive activity: "shall not … engage", "agrees not to …
/// offer", "neither Party nor its Affiliates shall … commercialize", "nor will he grant", "No
/// Participant will engage", "prohibited from competing", "refrain from".
static PROHIBITION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:shall|will|may|must|agrees?|covenants?|undertakes?)\s+(?:that\s+(?:it|he|she|they)\s+(?:shall|will)\s+)?not\b.{{0,160}}?\b{ACTIVITY}|\bneither\b.{{0,200}}?\b(?:shall|will|may)\b.{{0,160}}?\b{ACTIVITY}|\bnor\s+(?:shall|will|may)\s+(?:it|he|she|they|any)\b.{{0,160}}?\b{ACTIVITY}|\bno\s+(?:party|participant|member|partner|shareholder|licensee|distributor|reseller|affiliate|consultant|contractor|provider|supplier)\s+(?:shall|will|may)\s+(?:\w+\s+)?{ACTIVITY}|\bprohibit(?:s|ed|ing)?\b.{{0,160}}?\bcompet|\bcompet.{{0,80}}?\b(?:prohibit(?:s|ed|ing)?|forbidden)\b|\b(?:shall|will)\s+(?:handle|carry|sell|distribute|offer|market)\s+no\b|\brefrain\s+from\b|\bnot\s+to\s+(?:compete|engage)\b|\bcovenant\s+not\s+to\s+compete\b"
    ))
});
/// A sentence that introduces a list of forbidden acts ("… neither you nor your principals
/// shall, directly or indirectly:", possibly run on into its first item "…: (a) …" or
/// "…: 7.1.1 …"): its items are covenants of the same force.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:shall|will|may|must|agrees?|covenants?|undertakes?)\s+(?:that\s+(?:it|he|she|they)\s+(?:shall|will)\s+)?not\b|\bneither\b.{0,200}?\b(?:shall|will|may)\b)[^:]*:\s*(?:$|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s|\d+(?:\.\d+)+\s)",
    )
});
/// Words that make a prohibition competitive.
static COMPETITIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bcompet(?:e|es|ing|itor|itors|itive|ition)\b|\bsame\s+(?:as\s+)?or\s+(?:substantially\s+)?similar\b|\bsimilar\s+(?:business|services|products)\b|\brival\b|\b(?:products?|services?|business(?:es)?|projects?|activit(?:y|ies)|programs?|promotions?|offerings?|sites?|technolog(?:y|ies))\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:(?:identical|the\s+same)\s+(?:or|to)\s+)?(?:substantially\s+)?(?:similar|identical)\s+to\b|\bengag(?:e|es|ed|ing)\s+in\s+any\s+(?:\w+\s+){0,2}?(?:business|enterprise|venture)\b|\b(?:alone|independently|on\s+its\s+own)\s+or\s+(?:\w+\s+){0,4}?(?:with|through)\s+(?:any\s+|one\s+or\s+more\s+|a\s+)?third\s+part(?:y|ies)\b|\boutside\s+(?:of\s+)?(?:the|this)\s+(?:collaboration|agreement)\b",
    )
});
/// Selling "any … products other than the Products": a covenant not to sell competing goods
/// (tried only on sentences that say "other than").
static OTHER_THAN_PRODUCTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:sell|market|distribut|promot|offer|commerciali[sz])\w*\s+(?:\w+\s+){0,3}?any\b.{0,160}?\bother\s+than\s+(?:the\s+)?(?:\w+\s+)?products?\b",
    )
});
/// "Competitive" in its commercial, not its restrictive, sense: "competitive prices",
/// "competitive quotations" (matched at a COMPETITIVE match).
static COMPETITIVE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^competitive(?:ly)?\s+(?:quotations?|bids?|bidding|prices?|priced|pricing|rates?|terms|basis|salar(?:y|ies)|compensation|advantage|position|market|fees?|offers?|process)\b|^competitive\s+with\s+(?:gross|the\s+(?:prices?|rates?|fees|terms))\b|^competitive\s+(?:in|within|for)\s+the\s+(?:region|market|industry|area)\b",
    )
});
/// Where a proviso starts.
static PROVISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"[,;]\s*provided(?:,\s*however)?,?\s+that\b|[,;]\s*provided,\s*however\b")
});
/// Introductions that say what an obligation does not cover ("shall not apply to information
/// which:"): their items are exceptions, not covenants.
static NOT_LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnot\s+(?:apply|extend|include|cover|be\s+deemed|be\s+construed|be\s+liable|be\s+responsible)\b|\bexcept\b|\bexclud",
    )
});
static NON_COMPETE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnon-?\s?competition\b|\bnon-?\s?compete\b|\bcovenant\s+not\s+to\s+compete\b|\brestrictive\s+covenants?\b",
    )
});
static EXCLUSIVITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:work|provide\s+(?:its\s+|the\s+)?services|act|perform\s+services)\s+(?:solely\s+and\s+)?exclusively\s+for\b|\bshall\s+not\s+(?:provide|perform|render)\s+(?:any\s+)?(?:similar\s+)?services\s+to\s+any\s+(?:third\s+part|other\s+(?:client|customer|person|party))",
    )
});
/// Sentences that grant freedom rather than restrict it.
static FREEDOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnothing\b.{0,120}\b(?:restrict|prevent|prohibit|preclude|limit|impair)\w*\b|\bfree\s+to\b|\bshall\s+not\s+be\s+(?:restricted|prevented|prohibited|precluded|limited)\b|\bnot\s+(?:be\s+)?subject\s+to\s+any\s+(?:non-?compet|restrict)|\bno\s+(?:non-?compet\w*|restrictive\s+covenant)\b|\bnon-?exclusive\b|\bnot\s+(?:be\s+)?(?:subject|under)\b.{0,80}\b(?:non-?\s?compet|restrictive)|\b(?:does|do)\s+not\s+contain\b|\b(?:shall|will)\s+not\s+(?:prevent|restrict|prohibit|preclude)\b|\bbe\s+prevented\b|\bwithout\s+restriction\b|\bchange\s+of\s+control\b|\bbreach\s+of\b.{0,80}\brestrictive\s+covenant|\bunfair\s+competition\b|\bcompetition\s+laws?\b|\bcompetition\s+(?:\w+\s+){0,5}?act\b|\bnot\s+(?:breach|violate|conflict\s+with)\s+(?:any|the\s+terms\s+of\s+any)\s+(?:\w+\s+){0,3}?agreements?\b|\bnot\s+be\s+(?:held\s+)?(?:liable|responsible)\b|\b(?:may|shall|will)\s+not\s+(?:\w+\s+)?(?:assign|sublicense|subcontract)\b|\banti-?\s?trust\b|\bnot\s+bound\s+by\b|\bcontains?\s+(?:\w+\s+){0,3}?covenants?\b|\backnowledg\w*\b.{0,100}?\bmay\s+(?:now\s+)?(?:market|develop|have|compete|sell|offer|provide)\b",
    )
});
static NON_SOLICIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsolicit\w*\b|\bnon-?solicitation\b|\b(?:hire|employ|engage|recruit)\b.{0,80}\b(?:employees?|personnel|staff|contractors?)\b",
    )
});
/// Industry-wide bans that need no competition word ("any data-driven company").
static BROAD_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bindustry\b|\bsector\b|\bdata-driven\b|\bfield\s+of\s+(?:artificial|machine|data)")
});
static CONFIDENTIALITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:confidential|proprietary)\s+information\b|\bconfidentiality\b"));
static NEGATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:not|neither|nor|no)\b|\bnon-?solicit"));
static INDUSTRY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bindustry\b|\bsector\b|\bdata-driven\b|\bany\s+(?:other\s+)?(?:business|company|entity|enterprise|firm|person)(?:\s+or\s+(?:entity|business|company|person))?\s+(?:that|which|who)\s+(?:competes?|is\s+(?:engaged|involved|competitive)|engages?)\b|\bsame\s+(?:as\s+)?or\s+similar\b|\bsimilar\s+to\s+(?:those|the\s+(?:business|services|products))\b|\bcompetitive\s+business\b|\bany\s+business\b|\bany\s+(?:line\s+of\s+)?business\s+(?:that|which)\b",
    )
});
static DIRECT: LazyLock<Regex> = LazyLock::new(|| re(r"\bcompetitors?\b"));
static WORLDWIDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bworld-?\s?wide\b|\banywhere\b|\bthroughout\s+the\s+world\b|\bin\s+any\s+(?:country|jurisdiction|part\s+of\s+the\s+world)\b|\bglobal(?:ly)?\b|\bwherever\s+(?:located|situated)\b|\bno\s+geographic",
    )
});
static TERRITORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:within|in)\s+(?:the\s+)?territory\b|\bwithin\s+(?:a\s+)?(?:radius\s+of\s+)?[\w-]+(?:\s*\(\d+\))?\s*(?:miles?|kilomet(?:er|re)s?|km)\b|\bwithin\s+(?:the\s+)?(?:state|county|city|province|country)\s+of\b",
    )
});
static DURING_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bduring\s+the\s+(?:term|engagement|appointment)\b|\bthroughout\s+the\s+term\b|\bwhile\s+this\s+agreement\s+is\s+in\s+effect\b",
    )
});
static AFTER_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bafter\b|\bfollowing\b|\bthereafter\b|\bpost-?\s?termination\b|\btermination\b|\bexpiration\b|\bperiod\s+of\b|\bfor\s+(?:a|an|one|two|three|six|twelve|eighteen|twenty|\d)",
    )
});

/// How many sentences after a list introduction ("shall not:") are read as its items.
const MAX_LIST_ITEMS: usize = 12;

/// The longest duration stated in `text`, in whole months (periods under half a month, such as
/// notice days, are not covenant durations).
fn longest_months(text: &str) -> Option<i64> {
    find_durations(text)
        .iter()
        .map(|d| d.duration.as_months())
        .filter(|m| *m >= 0.5)
        .fold(None, |acc: Option<f64>, m| {
            Some(acc.map_or(m, |a| a.max(m)))
        })
        .map(|m| m.round() as i64)
}

/// What one restrictive sentence says.
#[derive(Debug, Clone)]
struct Covenant {
    sentence: Span,
    clause_span: Span,
    duration_months: Option<i64>,
    during_term_only: bool,
    scope: &'static str,
    geography: &'static str,
    territory: Option<String>,
    exclusivity: bool,
}

impl NonCompete {
    /// The covenant a sentence states, if any. `lead_in` is set for an item of a list introduced
    /// by a prohibition ("shall not: (a) …"), with the duration the introduction states.
    fn covenant(
        &self,
        s: &ContractSentence<'_>,
        norm: &NormalizedSlice<'_>,
        lead_in: Option<Option<i64>>,
    ) -> Option<Covenant> {
        let n = norm.as_str();
        let heading = s.clause.heading().unwrap_or("");
        let heading_says = NON_COMPETE_WORDS.is_match(heading);
        // The main statement, without a proviso: "X shall not … ; provided that the foregoing
        // will not restrict …" carves an exception out of the covenant, it grants no freedom.
        let n = PROVISO.find(n).map_or(n, |p| &n[..p.start()]);
        let competitive = COMPETITIVE
            .find_iter(n)
            .any(|m| !COMPETITIVE_NOISE.is_match(&n[m.start()..]))
            || (n.contains("other than") && OTHER_THAN_PRODUCTS.is_match(n));
        let exclusivity = EXCLUSIVITY.is_match(n);
        let names_covenant = NON_COMPETE_WORDS.is_match(n);
        let broad = BROAD_TRIGGER.is_match(n);
        // Without one of these no rule below can fire; the costlier prohibition and freedom
        // patterns run only on the few sentences that have one.
        if !(competitive || exclusivity || names_covenant || broad || heading_says) {
            return None;
        }
        if FREEDOM.is_match(n) {
            return None;
        }
        // A list item inherits its introduction's prohibition when it names competition itself.
        let prohibition =
            (lead_in.is_some() && (competitive || names_covenant)) || PROHIBITION.is_match(n);
        // Naming a non-compete counts only in an obligation ("agrees to the following
        // non-competition covenant"), not in representations about other agreements.
        let named = names_covenant && prohibition;
        if CONFIDENTIALITY.is_match(n) && !DIRECT.is_match(n) && !n.contains("compete ") {
            return None;
        }
        let is_covenant = (prohibition && (competitive || broad))
            || exclusivity
            || named
            || (heading_says && prohibition);
        if !is_covenant {
            return None;
        }
        // A pure non-solicitation sentence is not a non-compete.
        if NON_SOLICIT.is_match(n) && !competitive && !exclusivity && !named {
            return None;
        }
        let duration_months = longest_months(s.text).or(lead_in.flatten());
        let during_term_only =
            duration_months.is_none() && DURING_TERM.is_match(n) && !AFTER_TERM.is_match(n);
        let scope = if INDUSTRY.is_match(n) {
            "industry"
        } else if DIRECT.is_match(n) {
            "direct_competitors"
        } else {
            "unspecified"
        };
        let places = find_jurisdictions(s.text);
        let (geography, territory) = if WORLDWIDE.is_match(n) {
            ("worldwide", None)
        } else if let Some(p) = places.first() {
            ("territory", Some(p.jurisdiction.name.to_owned()))
        } else if let Some(m) = TERRITORY.find(n) {
            let span = norm.original_span(m.start(), m.end());
            (
                "territory",
                s.text.get(span.start..span.end).map(str::to_owned),
            )
        } else {
            ("unspecified", None)
        };
        Some(Covenant {
            sentence: s.span,
            clause_span: s.clause.span(),
            duration_months,
            during_term_only,
            scope,
            geography,
            territory,
            exclusivity,
        })
    }

    /// The verdict for one covenant, with the reasons behind it.
    fn grade(&self, c: &Covenant) -> (Verdict, Vec<String>) {
        let mut verdict = Verdict::Pass;
        let mut reasons = Vec::new();
        match c.duration_months {
            Some(m) if m > i64::from(self.max_warn_months) => {
                verdict = verdict.max(Verdict::Fail);
                reasons.push(format!(
                    "lasts {m} months (policy: at most {})",
                    self.max_warn_months
                ));
            }
            Some(m) if m > i64::from(self.max_pass_months) => {
                verdict = verdict.max(Verdict::Warn);
                reasons.push(format!(
                    "lasts {m} months (preferred: at most {})",
                    self.max_pass_months
                ));
            }
            Some(m) => reasons.push(format!("lasts {m} months")),
            None if c.during_term_only => reasons.push("applies during the term only".to_owned()),
            None => {
                verdict = verdict.max(self.no_duration);
                reasons.push("no duration stated".to_owned());
            }
        }
        if c.scope == "industry" {
            verdict = verdict.max(self.broad_scope);
            reasons.push(
                "covers a whole industry, not just the client's direct competitors".to_owned(),
            );
        }
        match c.geography {
            "worldwide" => {
                verdict = verdict.max(self.worldwide);
                reasons.push("worldwide".to_owned());
            }
            "unspecified" if c.scope != "direct_competitors" => {
                verdict = verdict.max(self.unbounded);
                reasons.push("no geographic limit".to_owned());
            }
            _ => {}
        }
        (verdict, reasons)
    }
}

impl Check for NonCompete {
    const ID: &'static str = "non-compete";
    const NAME: &'static str = "Non-compete scope";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds non-compete and exclusivity covenants, extracts their duration (months), scope (direct competitors or a whole industry) and geography, and grades them against the policy; notes non-solicitation separately.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        if policy.max_pass_months > policy.max_warn_months {
            return Err(format!(
                "max_pass_months = {} is greater than max_warn_months = {}",
                policy.max_pass_months, policy.max_warn_months
            ));
        }
        Ok(NonCompete {
            max_pass_months: policy.max_pass_months,
            max_warn_months: policy.max_warn_months,
            broad_scope: verdict_setting("broad_scope", &policy.broad_scope)?,
            worldwide: verdict_setting("worldwide", &policy.worldwide)?,
            unbounded: verdict_setting("unbounded", &policy.unbounded)?,
            no_duration: verdict_setting("no_duration", &policy.no_duration)?,
            missing: verdict_among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let mut covenants = Vec::new();
        let mut solicit: Option<Span> = None;
        let sentences = NormalizedSentences::of(contract);
        let sections = Sections::of(contract);
        // The list introduction in force: its clause, its duration, and how many more sentences
        // may be its items.
        let mut lead_in: Option<(&ClauseRef<'_>, Option<i64>, usize)> = None;
        for (s, norm) in sentences.iter() {
            if matches!(s.clause.kind(), ClauseKind::Recital | ClauseKind::Preamble) {
                continue;
            }
            let inherited = match lead_in {
                Some((clause, months, left))
                    if left > 0 && sections.same_section(clause, s.clause) =>
                {
                    lead_in = Some((clause, months, left - 1));
                    Some(months)
                }
                _ => {
                    lead_in = None;
                    None
                }
            };
            if solicit.is_none()
                && NON_SOLICIT.is_match(norm.as_str())
                && !FREEDOM.is_match(norm.as_str())
                && NEGATION.is_match(norm.as_str())
            {
                solicit = Some(s.span);
            }
            if let Some(c) = self.covenant(s, &norm, inherited) {
                covenants.push(c);
            }
            if norm.as_str().contains(':')
                && LEAD_IN.is_match(norm.as_str())
                && !FREEDOM.is_match(norm.as_str())
                && !NOT_LEAD_IN.is_match(norm.as_str())
            {
                lead_in = Some((s.clause, longest_months(s.text), MAX_LIST_ITEMS));
            }
        }
        // A covenant sentence without a duration takes one from its clause ("For two (2) years
        // after termination, Consultant shall not: (a) …").
        let texts: Vec<(Span, &str)> = contract.clauses().map(|c| (c.span(), c.text())).collect();
        for c in covenants.iter_mut().filter(|c| c.duration_months.is_none()) {
            if let Some((_, clause_text)) = texts.iter().find(|(span, _)| *span == c.clause_span) {
                let lower = clause_text.to_lowercase();
                if COMPETITIVE.is_match(&lower) || NON_COMPETE_WORDS.is_match(&lower) {
                    c.duration_months = find_durations(clause_text)
                        .iter()
                        .map(|d| d.duration.as_months())
                        .filter(|m| *m >= 0.5)
                        .fold(None, |acc: Option<f64>, m| {
                            Some(acc.map_or(m, |a| a.max(m)))
                        })
                        .map(|m| m.round() as i64);
                    if c.duration_months.is_some() {
                        c.during_term_only = false;
                    }
                }
            }
        }
        let Some((worst, (verdict, reasons))) = covenants
            .iter()
            .map(|c| (c, self.grade(c)))
            .max_by_key(|(_, (v, _))| *v)
        else {
            let mut report = Report::new(self.missing, "No non-compete found.")
                .param("non_solicitation", solicit.is_some());
            if let Some(s) = solicit {
                report = report.quote(s);
            }
            return vec![report];
        };
        let mut report = Report::new(verdict, format!("Non-compete {}.", reasons.join("; ")))
            .quote(worst.sentence)
            .param_opt("duration_months", worst.duration_months)
            .param("scope", worst.scope)
            .param("geography", worst.geography)
            .param_opt("territory", worst.territory.clone())
            .param("non_solicitation", solicit.is_some());
        if worst.during_term_only {
            report = report.param("during_term_only", true);
        }
        if covenants.iter().any(|c| c.exclusivity) {
            report = report.param("exclusivity", true);
        }
        for c in covenants.iter().take(3) {
            report = report.quote(c.sentence);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(NonCompete);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = NonCompete::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<NonCompete>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &PROHIBITION,
            &LEAD_IN,
            &OTHER_THAN_PRODUCTS,
            &PROVISO,
            &NOT_LEAD_IN,
            &COMPETITIVE_NOISE,
            &COMPETITIVE,
            &NON_COMPETE_WORDS,
            &EXCLUSIVITY,
            &FREEDOM,
            &NON_SOLICIT,
            &INDUSTRY,
            &NEGATION,
            &BROAD_TRIGGER,
            &CONFIDENTIALITY,
            &DIRECT,
            &WORLDWIDE,
            &TERRITORY,
            &DURING_TERM,
            &AFTER_TERM,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn duration_thresholds() {
        for (duration, verdict) in [
            ("six (6) months", Verdict::Pass),
            ("nine (9) months", Verdict::Warn),
            ("one (1) year", Verdict::Warn),
            ("two (2) years", Verdict::Fail),
        ] {
            let t = format!(
                "For {duration} after termination, Provider shall not provide services to any direct competitor of Client."
            );
            assert_eq!(run(&t).verdict(), verdict, "{duration}");
        }
    }

    #[test]
    fn two_year_industry_ban_fails_with_params() {
        let r = run(
            "Consultant shall not, directly or indirectly, engage in or provide services to any data-driven company for two (2) years following termination, anywhere in the world.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
        assert_eq!(param(&r, "duration_months"), Some(&ParamValue::Int(24)));
        assert_eq!(
            param(&r, "scope"),
            Some(&ParamValue::Text("industry".into()))
        );
        assert_eq!(
            param(&r, "geography"),
            Some(&ParamValue::Text("worldwide".into()))
        );
    }

    #[test]
    fn freedom_to_work_for_competitors_is_not_a_non_compete() {
        let r = run(
            "Nothing in this Agreement shall prevent Provider from providing services to other clients, including competitors of Client.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
        assert_eq!(r.finding().message, "No non-compete found.");
    }

    #[test]
    fn non_solicitation_is_noted_not_graded() {
        let r = run(
            "During the term and for twelve (12) months thereafter, neither party shall solicit or hire any employee of the other party.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
        assert_eq!(param(&r, "non_solicitation"), Some(&ParamValue::Bool(true)));
        assert_eq!(param(&r, "duration_months"), None);
    }

    #[test]
    fn policy_rejects_inverted_thresholds() {
        let err = NonCompete::new(Policy {
            max_pass_months: 12,
            max_warn_months: 6,
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.contains("max_pass_months"), "{err}");
        let err = NonCompete::new(Policy {
            worldwide: "block".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("worldwide = \"block\""), "{err}");
    }
}
