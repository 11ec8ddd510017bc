//! The `non-solicitation` check: covenants not to solicit or hire the other party's people, or
//! to solicit or divert its customers.
//!
//! It finds sentences where a party undertakes not to ("shall not, directly or indirectly,
//! solicit, recruit or hire any employee", "induce or attempt to induce any customer … to cease
//! doing business", and non-circumvention: "agrees not to work with any Third-Party that
//! Customer comes to know through disclosure by Agency"), reads the duration (months after
//! the term), whether the covenant binds both parties, and whether a conversion fee lets the
//! client hire the provider's staff.
//! Confidentiality clauses about customer lists, solicitation of bids, and non-compete-only
//! clauses are not non-solicitation; nor are debarment rules on hiring, representations about
//! other agreements, most-favoured-price clauses or territorial limits on sales ("shall not
//! market the Products to customers outside the Territory"). A carve-out after a covenant ("provided
//! that this shall not prohibit general solicitations") leaves it standing, and a singular
//! "Customer" or "Supplier" without a determiner is taken for a party name, not a customer.
//!
//! It reports one finding per kind of covenant found — employees, then customers — each with
//! its own verdict, parameters (`employees` / `customers` say which kind it is) and quotes, so
//! that a quote about staff is never offered as evidence about customers. Headings that name
//! the covenant ("Non-Solicitation of Employees.") and remedies for breaching it are not quoted.
//!
//! The verdict follows the playbook: mutual or provider-protective covenants within the policy
//! duration pass; one-sided covenants against the provider, or longer or unlimited ones, warn;
//! absence is `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::{ContractSentence, NormalizedSentences, is_title};
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[non-solicitation]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// A covenant lasting at most this many months after the term passes.
    pub max_months: u32,
    /// Verdict for a covenant longer than `max_months`, or with no end after the term.
    pub too_long: String,
    /// Verdict for a covenant that binds only the provider.
    pub one_sided: String,
    /// Verdict when the contract has no non-solicitation covenant.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_months: 12,
            too_long: "warn".to_owned(),
            one_sided: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct NonSolicitation {
    max_months: u32,
    too_long: Verdict,
    one_sided: Verdict,
    missing: Verdict,
}

/// A prohibition: "shall not", "agrees not to", "neither party shall", "nor will it",
/// "refrain from". The name of a covenant ("Non-Solicitation of Employees", "the
/// non-solicitation obligations") is not one: headings and references quote no covenant.
static PROHIBITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|may|must|agrees?|covenants?|undertakes?|agreed)\s+(?:that\s+(?:it|he|she|they)\s+(?:shall|will)\s+)?not\b|\b(?:neither|none\s+of)\b.{0,200}?\b(?:shall|will|may)\b|\bnor\s+(?:shall|will|may)\b|\brefrain\s+from\b|\bprohibited\s+from\b|\bno\s+(?:party|\w+)\s+(?:shall|will|may)\b",
    )
});
/// Solicitation of people: solicit, recruit, hire, employ, engage, entice or induce … an
/// employee (staff, personnel).
static EMPLOYEES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:solicit(?:s|ed|ing|ation)?|recruit(?:s|ed|ing|ment)?|hire|hires|hired|hiring|employ|employs|employing|(?:offer|extend)\s+(?:to\s+)?employ(?:ment)?(?:\s+to)?|lure|poach)\b[^.;]{0,120}?\b(?:employees?|personnel|staff|officers?|(?:individuals?|persons?)\s+(?:who\s+(?:is|are|was|were|has\s+been)\s+)?(?:\w+\s+){0,3}?employed|workers?)\b|\b(?:induc|entic|encourag|solicit|persuad)\w*\b[^.;]{0,120}?\b(?:leave|terminate|resign|cease|end)\b[^.;]{0,40}?\b(?:employ|service)|\b(?:induc|entic|encourag|persuad)\w*\b[^.;]{0,120}?\b(?:employees?|personnel|staff|officers?)\b[^.;]{0,120}?\b(?:leave|terminat|resign|cease|end|discontinu|sever|quit)|\bno-?\s?hire\b",
    )
});
/// Solicitation of business: solicit, divert, contact … a customer (client, account,
/// supplier), or induce or entice one to take its business away (to cease, reduce or transfer
/// it, or to buy elsewhere); encouraging end users to reconfigure a product is not one.
static CUSTOMERS: LazyLock<Regex> = LazyLock::new(|| {
    // Plural nouns name the other side's business relations; a singular one must be someone
    // ("any customer", "a prospective client", "Distributor's customers"), since "the
    // Customer", "of Supplier" and "Distributor's" are usually party names ("shall not solicit
    // Customer's employees"). A "book of business" is a set of customers.
    let noun = r"(?:customers|clients|clientele|accounts|suppliers|distributors|licensees|franchisees|patients|subscribers|advertisers|end\s+users|business\s+relationships?|books?\s+of\s+business|\w+['’]s\s+(?:customer|client)s?(?:['’]s)?\b|(?:any|each|a|an|such|no|every|potential|prospective|existing|former|other|or)\s+(?:\w+\s+)?(?:customer|client|account|supplier|distributor|licensee|franchisee)\b(?:[^'\w]|$))";
    re(&format!(
        r"\b(?:solicit(?:s|ed|ing|ation)?|divert(?:s|ed|ing)?|call\s+(?:up)?on|take\s+away|accept\s+(?:any\s+)?business\s+from|service\s+any|contact|approach)\b[^.;]{{0,120}}?\b{noun}|\b(?:induc|entic|encourag|persuad|interfer)\w*\b[^.;]{{0,120}}?\b{noun}|\bmarket(?:s|ing)?\b[^.;]{{0,120}}?\bto\s+(?:\w+\s+){{0,3}}?{noun}"
    ))
});
/// Inducing or enticing a customer is soliciting it only to take its business away: to cease,
/// reduce or transfer it, or to buy elsewhere (tried on the words after the customer).
static TAKE_AWAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^.;]{0,100}?\b(?:cease|stop|terminat|reduc|diminish|curtail|discontinu|withdraw|not\s+(?:to\s+)?(?:renew|continue|do)|alter|change|divert|leave|purchase|buy|obtain|do(?:ing)?\s+business|transfer|move|switch|away)",
    )
});
static INDUCE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:induc|entic|encourag|persuad)"));
/// Interfering is soliciting only with a relationship ("interfere with the relationship
/// between Company and any customer") or with enticing away ("interfere with or entice away
/// … any Client"), not with someone's business at large ("interfere with … our business or
/// that of any of our franchisees").
static INTERFERE: LazyLock<Regex> = LazyLock::new(|| re(r"^interfer"));
static RELATIONSHIP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\brelationships?\b|\bdealings\b|\b(?:business|contracts?)\s+with\b|\b(?:entic\w*|divert\w*|solicit\w*)\b|\baway\b",
    )
});
/// A business relation named as the kind of a document ("an exclusive distributor agreement",
/// "the customer contract"): a paper, not someone to solicit (tried on the words after it).
static DOCUMENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:agreements?|contracts?|arrangements?)\b"));
/// Customers placed in a territory ("to customers outside of the Territory", "any customer
/// within the Area"): a limit on where a party may sell, which allocates markets, not a
/// covenant to keep away from the other party's customers (tried on the words after them).
static TERRITORY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:located\s+|based\s+|resident\s+)?(?:outside|beyond|in|inside|within|throughout)\s+(?:of\s+)?(?:the|its|any|his|her|their|such)\s+(?:\w+\s+){0,2}?(?:territor(?:y|ies)|areas?|regions?|countr(?:y|ies)|zones?)\b",
    )
});
/// Non-circumvention: not dealing with the people the other party brings ("any Third-Party
/// that Customer comes to know through disclosure by Kubient", "contacts introduced by the
/// Consultant") — keeping away from its business relations.
static DEAL_WITH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:contact|approach|work\s+with|deal\s+with|do\s+business\s+with|transact\w*\s+(?:any\s+)?business\s+with|(?:enter\s+into|arrange)\b[^.;]{0,80}?\bbusiness\s+relationships?)\b",
    )
});
/// Whom a non-circumvention keeps a party from: people the other party introduced or
/// disclosed, or (under a non-circumvention heading) the opportunities it brought.
static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:introduc\w*|referred|comes?\s+to\s+know|came\s+to\s+know|disclos\w*)\s+(?:\w+\s+){0,3}?(?:by|through)\b",
    )
});
static CIRCUMVENT: LazyLock<Regex> = LazyLock::new(|| re(r"\bnon-?\s?circumvent\w*"));
static OPPORTUNITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:any|such|an?)\s+(?:\w+\s+)?opportunit(?:y|ies)\b"));
/// How many sentences after a non-circumvention heading its covenant may come.
const CIRCUMVENT_REACH: usize = 6;
/// Words for staff: a customer named as their employer does not make a customer covenant.
static STAFF: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:employ\w*|personnel|staff|officers?|workers?)\b"));
/// Sentences about another subject altogether wherever the words fall: debarred or convicted
/// staff, other agreements the party is bound by, equal employment.
static NOT_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bconvicted\b|\bdebarred\b|\bexcluded\s+from\b|\bnot\s+(?:be\s+)?bound\s+by\b|\bnot\s+(?:a\s+)?party\s+to\s+any\b|\bequal\s+employment\b|\bdiscriminat|\b(?:less|more)\s+favou?rable\b",
    )
});
/// Verbs of solicitation (a literal pre-filter: every covenant says one of them).
const VERBS: &[&str] = &[
    "solicit", "recruit", "hire", "hiring", "employ", "entic", "induc", "divert", "interfer",
    "lure", "contact", "approach", "encourag", "persuad", "market",
];
/// A prohibition that introduces a list ("… shall not, directly or indirectly:"): its items
/// are covenants of the same force.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:shall|will|may|must|agrees?|covenants?|undertakes?)\s+(?:that\s+(?:it|he|she|they)\s+(?:shall|will)\s+)?not\b|\bneither\b.{0,200}?\b(?:shall|will|may)\b|\bnone\s+of\b.{0,200}?\bshall\b)[^:]*:\s*(?:$|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s|\d+(?:\.\d+)*\.?\s|page\s+\d+\b)",
    )
});
/// How many sentences after a list introduction may be its items.
const MAX_ITEMS: usize = 8;
/// A permission ("iPass may use End User emails to contact End Users", "Distributor is
/// entitled to solicit", "Monsanto shall have the exclusive right to"): without a negation, a statement of its own, not an item of a list.
static PERMISSION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:may|(?:is|are|shall\s+be)\s+(?:entitled|permitted|free)\s+to)\s+(?:\w+\s+)?(?:use|contact|solicit|market|sell|offer|provide|continue|hire|employ)\b|\b(?:shall|will)\s+have\s+the\s+(?:\w+\s+){0,2}?right\s+to\b",
    )
});
static NEGATED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:not|no|nor|neither|never)\b"));

/// Sentences about something else: confidentiality, solicitation of bids or offers, freedom,
/// who hires the staff, and remedies for breaching a covenant ("money damages will not be a
/// sufficient remedy for any breach of the non-solicitation of personnel").
static NOT_COVENANT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsolicit\w*\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:offers?|bids?|proposals?|proxies|proxy|votes?|consents?|tenders?|orders?|investors?|subscriptions?|applications?|purchases?|sales?)\b|\bnothing\s+(?:in\s+)?(?:this|herein)\b.{0,120}?\b(?:prevent|prohibit|restrict|preclude|limit)\b|\bshall\s+not\s+(?:be\s+deemed|apply|include|restrict|prohibit|prevent|preclude)\b|\b(?:means|shall\s+mean)\b|\b(?:responsib\w*|authority)\s+(?:\w+\s+){0,4}?(?:for|over)\s+(?:the\s+)?hiring\b|\bbreach\s+of\b|\bremed(?:y|ies)\b|\binjunct\w*\b|\bshall\s+not\s+(?:be\s+)?(?:liable|responsible|constitute)\b",
    )
});
/// Mutual covenants.
static MUTUAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:neither|each|either)\s+part(?:y|ies)\b|\bneither\s+of\s+the\s+parties\b|\bthe\s+parties\s+(?:mutually\s+)?(?:agree|covenant|undertake)\b|\bmutual(?:ly)?\b|\bthe\s+other\s+party\b",
    )
});
static CLIENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:client|customer|company|buyer|purchaser|licensee|owner|sponsor)\b"));
static PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:provider|consultant|contractor|supplier|vendor|agency|licensor|developer|seller|executive|employee|distributor|reseller|franchisee|agent)\b",
    )
});
static CONVERSION_FEE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:conversion|placement|recruit(?:ment|ing)|finder'?s|hiring|buy-?\s?out)\s+fee\b|\bfee\s+equal\s+to\b.{0,80}?\b(?:salary|compensation|remuneration)\b",
    )
});
static DURING_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bduring\s+the\s+(?:\w+\s+)?(?:term|period)\b|\bwhile\s+this\s+agreement\b")
});
static AFTER_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bthereafter\b|\bafter\s+(?:the\s+)?(?:termination|expiration|expiry|end)\b|\bfollowing\s+(?:the\s+)?(?:termination|expiration|expiry|end)\b|\bpost-?\s?termination\b",
    )
});

/// Recitals and preambles longer than this hold a whole unsegmented contract.
const MAX_PREAMBLE: usize = 4000;

/// One covenant.
#[derive(Debug)]
struct Covenant {
    span: Span,
    employees: bool,
    customers: bool,
    months: Option<i64>,
    after_term: bool,
    mutual: bool,
    restricted: &'static str,
}

fn restricted(n: &str) -> &'static str {
    // The party named before the prohibition is the one it binds.
    let at = PROHIBITION.find(n).map_or(n.len(), |m| m.end());
    let before = n.get(..at).unwrap_or(n);
    if MUTUAL.is_match(n) {
        "both"
    } else if CLIENT.is_match(before) {
        "client"
    } else if PROVIDER.is_match(before) {
        "provider"
    } else {
        "unknown"
    }
}

/// The longest duration a text states, in months (ignoring periods under half a month, which
/// are notice periods rather than covenant durations).
fn months_in(text: &str) -> Option<i64> {
    find_durations(text)
        .iter()
        .map(|d| d.duration.as_months())
        .filter(|m| *m >= 0.5)
        .fold(None, |acc: Option<f64>, m| {
            Some(acc.map_or(m, |a| a.max(m)))
        })
        .map(|m| m.round() as i64)
}

impl NonSolicitation {
    /// The covenant a sentence makes, if any.
    fn covenant(
        text: &str,
        n: &str,
        span: Span,
        item: bool,
        circumvention: bool,
    ) -> Option<Covenant> {
        if !VERBS.iter().any(|v| n.contains(v)) && !DEAL_WITH.is_match(n) {
            return None;
        }
        if (!item && !PROHIBITION.is_match(n)) || NOT_TOPIC.is_match(n) {
            return None;
        }
        // The solicitation must fall within the prohibition (an item of a list is all within
        // its introduction's).
        let from = PROHIBITION
            .find(n)
            .filter(|_| !item)
            .map_or(0, |m| m.start());
        let scope = n.get(from..).unwrap_or(n);
        // Words that make the sentence about something else count only up to the end of the
        // covenant they would qualify: a carve-out after it ("…; provided that this shall not
        // prohibit general advertisements") leaves the covenant standing.
        let not_before = |m: regex::Match<'_>| {
            let upto = n.get(..from + m.end()).unwrap_or(n);
            !NOT_COVENANT.is_match(upto)
        };
        let employees = EMPLOYEES.find(scope).is_some_and(not_before);
        // "solicit any employee of any client" is about employees, not clients.
        let customers = CUSTOMERS
            .find_iter(scope)
            .find(|m| {
                let after = scope.get(m.end()..).unwrap_or("");
                !STAFF.is_match(m.as_str())
                    && !DOCUMENT.is_match(after)
                    && !TERRITORY.is_match(after)
                    && (!INDUCE.is_match(m.as_str()) || TAKE_AWAY.is_match(after))
                    && (!INTERFERE.is_match(m.as_str()) || RELATIONSHIP.is_match(m.as_str()))
            })
            .is_some_and(not_before)
            || DEAL_WITH.find(scope).is_some_and(|m| {
                let after = scope.get(m.end()..).unwrap_or("");
                not_before(m)
                    && (INTRODUCED.is_match(after)
                        || (circumvention && OPPORTUNITY.is_match(after)))
            });
        if !employees && !customers {
            return None;
        }
        let months = months_in(text);
        Some(Covenant {
            span,
            employees,
            customers,
            months,
            after_term: AFTER_TERM.is_match(n) || !DURING_TERM.is_match(n),
            mutual: MUTUAL.is_match(n),
            restricted: restricted(n),
        })
    }
}

impl Check for NonSolicitation {
    const ID: &'static str = "non-solicitation";
    const NAME: &'static str = "Non-solicitation";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds covenants not to solicit or hire employees or to solicit customers (one finding per kind), extracts their duration (months), whether they are mutual and whether a conversion fee applies, and grades them against the policy.";
    const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Missing, Verdict::Warn];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "max_months",
            "A covenant lasting at most this many months after the term passes (integer months).",
        ),
        (
            "too_long",
            "Verdict for a covenant longer than max_months or with no end after the term: pass, warn or fail.",
        ),
        (
            "one_sided",
            "Verdict for a covenant that binds only the provider: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract has no non-solicitation covenant: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(NonSolicitation {
            max_months: policy.max_months,
            too_long: among("too_long", &policy.too_long, GRADES)?,
            one_sided: among("one_sided", &policy.one_sided, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut covenants = Vec::new();
        let mut fee = false;
        // The list introduction in force and how many more sentences may be its items.
        let mut lead: Option<(&ContractSentence<'_>, usize)> = None;
        // How many more sentences a non-circumvention heading covers.
        let mut circumvent_left = 0;
        for (s, norm) in sentences.iter() {
            if s.clause.kind() == ClauseKind::Recital && s.clause.text().len() <= MAX_PREAMBLE {
                continue;
            }
            let n = norm.as_str();
            // An item continues its introduction's prohibition; a permission is a new
            // statement, not an item.
            let permission = PERMISSION.is_match(n) && !NEGATED.is_match(n);
            let item = !permission && lead.is_some_and(|(_, left)| left > 0);
            // A non-circumvention heading ("11. Non-Circumvention.", "NON-CIRCUMVENT:") speaks
            // for the next few sentences.
            circumvent_left = if CIRCUMVENT.is_match(n) {
                CIRCUMVENT_REACH
            } else {
                circumvent_left.saturating_sub(1)
            };
            if is_title(s.text, n) {
                continue;
            }
            let circumvention = circumvent_left > 0;
            if let Some(mut c) = Self::covenant(s.text, n, s.span, item, circumvention) {
                if item && let Some((intro, _)) = lead {
                    // The binding words, the duration and the parties are in the
                    // introduction.
                    let intro_n = sentences.normalized_of(intro);
                    let intro_n = intro_n.as_str();
                    c.restricted = restricted(intro_n);
                    c.mutual |= MUTUAL.is_match(intro_n);
                    c.months = c.months.or_else(|| months_in(intro.text));
                    c.after_term = AFTER_TERM.is_match(intro_n) || !DURING_TERM.is_match(intro_n);
                }
                covenants.push(c);
            }
            lead = match lead {
                _ if n.contains(':') && LEAD_IN.is_match(n) => Some((s, MAX_ITEMS)),
                Some((intro, left)) if left > 1 => Some((intro, left - 1)),
                _ => None,
            };
            if !fee && n.contains("fee") && CONVERSION_FEE.is_match(n) {
                fee = true;
            }
        }
        if covenants.is_empty() {
            return vec![Report::new(
                self.missing,
                "No non-solicitation covenant found.",
            )];
        }
        // One finding per kind of covenant, each graded and quoted on its own: a contract
        // may bind both parties not to poach staff but only the provider not to approach
        // customers, and a quote about staff is no evidence about customers.
        let mut reports = Vec::new();
        for kind in [Kind::Employees, Kind::Customers] {
            let of_kind: Vec<&Covenant> = covenants.iter().filter(|c| c.covers(kind)).collect();
            if !of_kind.is_empty() {
                reports.push(self.report(kind, &of_kind, fee));
            }
        }
        reports
    }
}

/// What a covenant protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Employees,
    Customers,
}

impl Covenant {
    fn covers(&self, kind: Kind) -> bool {
        match kind {
            Kind::Employees => self.employees,
            Kind::Customers => self.customers,
        }
    }
}

impl NonSolicitation {
    /// The finding for the covenants of one kind (never empty).
    fn report(&self, kind: Kind, covenants: &[&Covenant], fee: bool) -> Report {
        let mutual = covenants.iter().any(|c| c.mutual);
        let months = covenants.iter().filter_map(|c| c.months).max();
        let after_term = covenants.iter().any(|c| c.after_term);
        let provider_only = !mutual && covenants.iter().all(|c| c.restricted == "provider");
        let mut verdict = Verdict::Pass;
        let mut reasons = Vec::new();
        match months {
            Some(m) if m > i64::from(self.max_months) => {
                verdict = verdict.max(self.too_long);
                reasons.push(format!(
                    "lasts {m} months (policy: at most {})",
                    self.max_months
                ));
            }
            Some(m) => reasons.push(format!("lasts {m} months")),
            None if after_term => {
                verdict = verdict.max(self.too_long);
                reasons.push("no end date stated".to_owned());
            }
            None => reasons.push("applies during the term only".to_owned()),
        }
        if provider_only {
            verdict = verdict.max(self.one_sided);
            reasons.push("binds only the provider".to_owned());
        } else if mutual {
            reasons.push("mutual".to_owned());
        }
        let what = match kind {
            Kind::Employees => "employees",
            Kind::Customers => "customers",
        };
        let restricted = covenants.first().map_or("unknown", |c| c.restricted);
        let mut report = Report::new(
            verdict,
            format!("Non-solicitation of {what} {}.", reasons.join("; ")),
        )
        .param("employees", kind == Kind::Employees)
        .param("customers", kind == Kind::Customers)
        .param_opt("duration_months", months)
        .param("mutual", mutual)
        .param("restricted", restricted);
        if kind == Kind::Employees {
            report = report.param("conversion_fee", fee);
        }
        for c in covenants.iter().take(3) {
            report = report.quote(c.span);
        }
        report
    }
}

clauselint_sdk::export_check!(NonSolicitation);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = NonSolicitation::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<NonSolicitation>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &PROHIBITION,
            &EMPLOYEES,
            &CUSTOMERS,
            &NOT_COVENANT,
            &NOT_TOPIC,
            &STAFF,
            &MUTUAL,
            &CLIENT,
            &PROVIDER,
            &CONVERSION_FEE,
            &DURING_TERM,
            &AFTER_TERM,
            &LEAD_IN,
            &PERMISSION,
            &TAKE_AWAY,
            &INDUCE,
            &NEGATED,
            &DOCUMENT,
            &TERRITORY,
            &INTERFERE,
            &RELATIONSHIP,
            &DEAL_WITH,
            &INTRODUCED,
            &CIRCUMVENT,
            &OPPORTUNITY,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn mutual_twelve_months_passes() {
        let r = run(
            "14. Non-Solicitation. During the Term and for a period of twelve (12) months thereafter, neither party shall, directly or indirectly, solicit, recruit or hire any employee of the other party.",
        );
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(param(&r, "employees"), Some(&ParamValue::Bool(true)));
        assert_eq!(param(&r, "customers"), Some(&ParamValue::Bool(false)));
        assert_eq!(param(&r, "duration_months"), Some(&ParamValue::Int(12)));
        assert_eq!(param(&r, "mutual"), Some(&ParamValue::Bool(true)));
    }

    #[test]
    fn each_kind_is_a_finding_of_its_own() {
        let text = "12. Restrictive Covenants. During the Term and for a period of two (2) years thereafter, Consultant shall not, directly or indirectly:\n(a) solicit, recruit or hire any employee of Company; or\n(b) induce or attempt to induce any customer of Company to cease doing business with Company.\n13. Mutual. Neither party shall hire any employee of the other party during the Term.";
        let clauses = simple_clauses(text);
        let check = NonSolicitation::new(Policy::default()).expect("valid policy");
        let reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 2);
        let (staff, customers) = (&reports[0], &reports[1]);
        assert_eq!(param(staff, "employees"), Some(&ParamValue::Bool(true)));
        assert_eq!(param(staff, "customers"), Some(&ParamValue::Bool(false)));
        assert_eq!(param(customers, "customers"), Some(&ParamValue::Bool(true)));
        assert_eq!(
            param(customers, "employees"),
            Some(&ParamValue::Bool(false))
        );
        // Each quotes only its own covenants: the staff finding the two no-hire sentences,
        // the customer finding item (b) alone.
        let quotes = |r: &Report| r.quoted(text, None);
        let staff_quotes = quotes(staff);
        assert_eq!(staff_quotes.len(), 2, "{staff_quotes:?}");
        assert!(staff_quotes.iter().all(|q| q.contains("employee")));
        assert_eq!(
            quotes(customers),
            vec!["(b) induce or attempt to induce any customer of Company to cease doing business with Company.".to_owned()]
        );
        // The staff covenant binds both parties somewhere: mutual; the customer covenant
        // binds the provider alone for two years.
        assert_eq!(param(staff, "mutual"), Some(&ParamValue::Bool(true)));
        assert_eq!(customers.verdict(), Verdict::Warn);
        assert_eq!(
            param(customers, "restricted"),
            Some(&ParamValue::Text("provider".into()))
        );
    }

    #[test]
    fn debarment_is_not_a_covenant() {
        let r = run(
            "9. Compliance. Each party covenants that it will not hire, as an officer or an employee, any person who has been convicted of a felony relating to the regulation of drug products.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn bid_solicitation_is_not_a_covenant() {
        let r = run(
            "7. Bids. The Company shall not solicit bids or offers from any other contractor for the Services.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn marketing_to_the_other_partys_clients_is_a_customer_covenant() {
        let r = run(
            "7.06 Non-Solicitation. During the term hereof and for a period of two years following termination, none of the PHL Parties, any of their Affiliates, or any of their respective officers, directors, employees, agents, or representatives, shall, without the prior written approval of ICC, knowingly and intentionally market any products or services to an ICC Client or Certificate Owner other than the GIE.",
        );
        assert_eq!(param(&r, "customers"), Some(&ParamValue::Bool(true)));
    }

    #[test]
    fn customers_of_a_territory_are_a_market_limit_not_a_covenant() {
        for text in [
            "1.2 The Reseller shall not market, distribute, or sell the Products, whether directly or indirectly, to customers outside of the Territory.",
            "1.3 Todos shall not market, distribute, or sell the Products, whether directly or indirectly, to customers inside of the Territory in any manner other than through the Reseller.",
            "4. Distributor shall not solicit any customer located outside the Territory.",
        ] {
            assert_eq!(run(text).verdict(), Verdict::Missing, "{text}");
        }
        // Customers of a party, wherever they are, are still protected.
        let r = run(
            "4. Distributor shall not solicit any customer of the Company in the Territory to buy competing goods.",
        );
        assert_eq!(param(&r, "customers"), Some(&ParamValue::Bool(true)));
    }

    #[test]
    fn policy_rejects_bad_verdicts() {
        let err = NonSolicitation::new(Policy {
            one_sided: "block".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("one_sided = \"block\""), "{err}");
    }
}
