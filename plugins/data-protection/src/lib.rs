//! The `data-protection` check: who is controller and who processor of the personal data the
//! provider handles, who must anonymise it, and whether security measures, breach notice and
//! sub-processors are dealt with (001 §3).
//!
//! It applies when a contract speaks of personal data ("Personal Data", "personal
//! information", PII, PHI, data subjects, or a defined term whose definition is of personal
//! data), names a data-protection law (GDPR, UK GDPR, CCPA/CPRA, HIPAA, LGPD, PIPEDA, GLBA) or
//! allocates a data-protection role; otherwise it answers `missing`. It reads:
//!
//! - the provider's role: "Customer is the controller and Vendor the processor", "Provider shall
//!   act as Client's data processor", a party defined as `(the "Processor")`, a CCPA "service
//!   provider" (only with the CCPA or "as defined in"), a HIPAA business associate; processing
//!   "only on Client's documented instructions" or "on behalf of Client" implies processor;
//! - who anonymises or pseudonymises the data ("Client shall anonymise all Client Data before
//!   providing it", "Provider shall not be responsible for anonymising …" → client);
//! - encryption and other security measures, breach notice and its deadline in hours
//!   ("seventy-two (72) hours", "two (2) business days" → 48), and sub-processor terms.
//!
//! Policy (001 §3: the provider must know what it is responsible for, or it risks fines for data
//! it did not collect): the provider made controller of the client's data → fail; joint or
//! independent controllers → warn; personal data with no roles allocated → warn; the provider
//! made responsible for anonymising data it did not collect → warn; no security measures or no
//! breach notice → warn; roles, security and breach notice all stated → pass.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::ops::Range;
use std::sync::LazyLock;

use clauselint_sdk::defined::{DefinedTerm, defined_terms_in, terms_pattern};
use clauselint_sdk::numbers::{NUMBER_WORDS_PATTERN, parse_number};
use clauselint_sdk::parties::{MODALS, PAYS, PROVIDES, PartyRules, Side, acts_pattern};
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::text::floor_boundary;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[data-protection]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// Verdict when the contract has no personal data and no data-protection terms.
    pub missing: String,
    /// Verdict when the provider is made controller of the personal data it handles.
    pub provider_controller: String,
    /// Verdict when the parties are joint or independent controllers.
    pub joint_controller: String,
    /// Verdict when personal data is handled but no controller/processor roles are allocated.
    pub roles_unallocated: String,
    /// Verdict when the provider must anonymise or pseudonymise data it did not collect.
    pub provider_anonymises: String,
    /// Verdict when no encryption or other security measures are stated.
    pub no_security: String,
    /// Verdict when no breach notification duty is stated.
    pub no_breach_notice: String,
    /// A breach-notice deadline shorter than this many hours gets `short_breach_notice`
    /// (0 = no minimum).
    pub min_breach_notice_hours: u32,
    /// Verdict for a breach-notice deadline shorter than `min_breach_notice_hours`.
    pub short_breach_notice: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            missing: "missing".to_owned(),
            provider_controller: "fail".to_owned(),
            joint_controller: "warn".to_owned(),
            roles_unallocated: "warn".to_owned(),
            provider_anonymises: "warn".to_owned(),
            no_security: "warn".to_owned(),
            no_breach_notice: "warn".to_owned(),
            min_breach_notice_hours: 0,
            short_breach_notice: "warn".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct DataProtection {
    missing: Verdict,
    provider_controller: Verdict,
    joint_controller: Verdict,
    roles_unallocated: Verdict,
    provider_anonymises: Verdict,
    no_security: Verdict,
    no_breach_notice: Verdict,
    min_breach_notice_hours: u32,
    short_breach_notice: Verdict,
}

/// Personal data by its usual names.
static PERSONAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bpersonal(?:ly)?\s+(?:data|information|identifiable\s+information|health\s+information)\b|\bpii\b|\bprotected\s+health\s+information\b|\bphi\b|\bdata\s+subjects?\b|\bspecial\s+categor(?:y|ies)\s+of\s+(?:personal\s+)?data\b",
    )
});
/// Data-protection laws in general: "applicable data protection laws", "privacy laws".
static DP_LAW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:data\s+protection|data\s+privacy|privacy)\s+(?:and\s+(?:data\s+)?(?:security|protection)\s+)?(?:laws?|legislation|regulations?|requirements|rules|statutes)\b",
    )
});
/// Data-protection laws by that name (not just "privacy laws", which lists of every law
/// include).
static STRICT_DP_LAW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:data\s+protection|data\s+privacy)\s+(?:and\s+(?:data\s+)?(?:security|privacy)\s+)?(?:laws?|legislation|regulations?|requirements|rules|statutes)\b",
    )
});
/// Handling personal data: processing, collecting, receiving, storing, disclosing …
static HANDLING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:process\w*|collect\w*|receiv\w*|stor(?:e|es|ed|ing|age)|access\w*|transfer\w*|transmit\w*|host\w*|us(?:e|es|ed|ing)|disclos\w*|shar(?:e|es|ed|ing)|provid\w*|protect\w*|handl\w*|obtain\w*|secur\w*|harvest\w*)\b",
    )
});
/// A definition: `"X" means …`, `1.43 "X" shall mean …`.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^.{0,100}?"[^"]{1,80}"\s+(?:\([^)]{0,40}\)\s+)?(?:shall\s+)?(?:means?|refers?\s+to|has\s+the\s+meaning|includes?|include)\b"#,
    )
});
/// The named regimes, with the name reported for each.
static REGIMES: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "GDPR",
            re(
                r"(?:^|[^k]\s|[^\sk])\bgdpr\b|\bgeneral\s+data\s+protection\s+regulation\b|\b2016/679\b",
            ),
        ),
        (
            "UK-GDPR",
            re(
                r"\buk\s+gdpr\b|\bunited\s+kingdom\s+general\s+data\s+protection\b|\bdata\s+protection\s+act\s+2018\b",
            ),
        ),
        (
            "CCPA",
            re(
                r"\bccpa\b|\bcpra\b|\bcalifornia\s+(?:consumer\s+)?privacy\s+(?:rights\s+)?act\b|\bcal(?:ifornia)?\.?\s+civ(?:il)?\.?\s+code\s+(?:§+\s*|sections?\s+)?1798\.",
            ),
        ),
        (
            "HIPAA",
            re(
                r"\bhipaa\b|\bhealth\s+insurance\s+portability\s+and\s+accountability\s+act\b|\bhitech\s+act\b|\bbusiness\s+associate\s+agreement\b",
            ),
        ),
        ("LGPD", re(r"\blgpd\b|\blei\s+geral\s+de\s+prote")),
        (
            "PIPEDA",
            re(
                r"\bpipeda\b|\bpersonal\s+information\s+protection\s+and\s+electronic\s+documents\s+act\b",
            ),
        ),
        ("GLBA", re(r"\bgramm[-\s]leach[-\s]bliley\b|\bglba\b")),
        (
            "EU-DPD",
            re(r"\b95/46/ec\b|\bdata\s+protection\s+directive\b"),
        ),
    ]
});
/// Generic names of the client side.
const CLIENT: &str = r"client|customer|company|licensee|buyer|purchaser|controller|data\s+controller|covered\s+entity|business";
/// Generic names of the provider side.
const PROVIDER: &str = r"provider|service\s+provider|agency|consultant|contractor|vendor|developer|supplier|studio|freelancer|licensor|processor|data\s+processor|business\s+associate";
/// The roles a sentence can give a party.
const ROLE: &str = r#"(?:data\s+)?(?P<role>sub-?processor|processor|joint\s+controllers?|controller|service\s+provider|business\s+associate)"#;
/// What links a party to its role: "is the", "shall act as", "acting as Client's", ", as",
/// "shall at all times be deemed the". Only modal and linking words may stand between.
const ROLE_LINK: &str = r#"\s*,?\s*(?:(?:is|are|shall|will|may|must|be|acts?|act|acting|has|have|been|hereby|also|at\s+all\s+times|deemed|considered|regarded|treated|designated|appointed|appoints|remains?|qualif(?:y|ies)|solely|only|for\s+(?:all\s+)?purposes\s+of\s+(?:the\s+)?\w+|under\s+(?:the\s+)?\w+),?\s+)*?(?:as\s+|is\s+|be\s+|are\s+)(?:the\s+|a\s+|an\s+)?(?:(?:sole|independent|separate|joint|its\s+own)\s+)?(?:[\w"]+['’]s\s+)?"?"#;

/// Definitions of a party: "Acme Inc., a Delaware corporation, with offices at …".
const ENTITY_PATTERN: &str = r"\b(?:inc|llc|ltd|limited|corporation|corp|company|gmbh|ag|plc|incorporated|offices?|address|principal\s+place|an\s+individual|residing|registered)\b";
static ENTITY: LazyLock<Regex> = LazyLock::new(|| re(ENTITY_PATTERN));
/// The parties: the generic words above, and the contract's own names for entities, placed on
/// the provider's side if they "will deliver", "shall process" or "host", on the client's if
/// they "shall pay"; with two named parties, one of known side, the other is on the other side.
static PARTY_RULES: LazyLock<PartyRules> = LazyLock::new(|| {
    PartyRules::new(
        CLIENT,
        PROVIDER,
        ENTITY_PATTERN,
        &acts_pattern(
            MODALS,
            r"(?:\w+\s+)?",
            &format!("{PROVIDES}|process|host"),
            PAYS,
        ),
    )
});

/// The contract's names for the two sides: the generic words plus parties it defines
/// ("Vantage Vision Ltd (the \"Processor\")", "Corvid" who "will deliver").
struct Parties {
    named: clauselint_sdk::parties::Parties<'static>,
    /// The role a party's own defined name gives the provider ("the \"Processor\"").
    defined_provider_role: Option<&'static str>,
}

impl Parties {
    fn of(terms: &[DefinedTerm], text: &str) -> Parties {
        let mut defined_provider_role = None;
        for t in terms
            .iter()
            .filter(|t| ENTITY.is_match(&t.definition) && t.term.split_whitespace().count() <= 3)
        {
            match t.term.as_str() {
                "processor" | "data processor" => defined_provider_role = Some("processor"),
                "business associate" => defined_provider_role = Some("business_associate"),
                _ => {}
            }
        }
        Parties {
            named: PARTY_RULES.parties(terms, text),
            defined_provider_role,
        }
    }

    /// The side of the party named last in `text` (the subject nearest a following verb).
    fn last_side(&self, text: &str) -> Option<Side> {
        let c = self
            .named
            .find_iter(text, Side::Client)
            .last()
            .map(|m| m.start);
        let p = self
            .named
            .find_iter(text, Side::Provider)
            .last()
            .map(|m| m.start);
        match (c, p) {
            (Some(c), Some(p)) => Some(if c > p { Side::Client } else { Side::Provider }),
            (Some(_), None) => Some(Side::Client),
            (None, Some(_)) => Some(Side::Provider),
            (None, None) => None,
        }
    }

    /// The side of the party named first in `text`.
    fn first_side(&self, text: &str) -> Option<Side> {
        let c = self
            .named
            .find_iter(text, Side::Client)
            .next()
            .map(|m| m.start);
        let p = self
            .named
            .find_iter(text, Side::Provider)
            .next()
            .map(|m| m.start);
        match (c, p) {
            (Some(c), Some(p)) => Some(if c < p { Side::Client } else { Side::Provider }),
            (Some(_), None) => Some(Side::Client),
            (None, Some(_)) => Some(Side::Provider),
            (None, None) => None,
        }
    }
}

/// A role word, then whether it is given to a party just before it (see [`role_of`]).
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{ROLE}\b")));
/// The link between a party and a role: all the text between them.
static ROLE_LINK_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{ROLE_LINK}$")));
/// "each party is an independent controller", "the parties are joint controllers".
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:each\s+party|both\s+parties|the\s+parties|each\s+of\s+the\s+parties)\b[^.;]{0,80}?\b(?:independent|separate|joint|own|autonomous)\s+(?:data\s+)?controllers?\b|\bjoint\s+controllers?\b|\b(?:independent|autonomous)\s+(?:data\s+)?controllers?\b",
    )
});
/// A negation between a party and its role: "is not a controller".
static NEGATION: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:not|never|no\s+longer|neither|nor)\b"));
/// The CCPA's sense of "service provider": "as defined in", "within the meaning of".
static CCPA_SENSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"service\s+provider"?\s*,?\s*(?:as\s+(?:that\s+term\s+is\s+|such\s+term\s+is\s+)?defined|within\s+the\s+meaning|under|for\s+(?:the\s+)?purposes\s+of|pursuant\s+to|in\s+accordance\s+with)\b"#,
    )
});
/// Processing on the client's instructions or on its behalf: the processor's hallmark.
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bprocess\w*\b[^.;]{0,120}?\b(?:on\s+behalf\s+of|on\s+(?:the\s+)?[\w']+\s+behalf|(?:only|solely|exclusively)\s+(?:on|in\s+accordance\s+with|pursuant\s+to|upon)\s+(?:the\s+)?(?:[\w']+\s+){0,3}?(?:documented\s+|written\s+)?instructions)\b",
    )
});

/// The role a sentence gives the provider, if any: `processor`, `controller`, `joint`,
/// `service_provider` or `business_associate`.
fn role_of(n: &str, parties: &Parties, ccpa: bool) -> Option<&'static str> {
    if JOINT.is_match(n) {
        return Some("joint_controller");
    }
    for m in ROLE_WORD.captures_iter(n) {
        let (Some(whole), Some(role)) = (m.get(0), m.name("role")) else {
            continue;
        };
        let before = &n[..whole.start()];
        let lo = floor_boundary(before, before.len().saturating_sub(120));
        let window = &before[lo..];
        let window = window
            .rfind([';', '.'])
            .map_or(window, |p| &window[p + 1..]);
        // The party named last before the role, and only linking words between them:
        // "Customer is the controller", not "Customer's data, which Vendor processes as …".
        // A possessive ("as Client's data processor") names whose processor, not who.
        let not_possessive = |m: &Range<usize>| !window[m.end..].starts_with("'s");
        let last = |side: Side| {
            parties
                .named
                .find_iter(window, side)
                .filter(not_possessive)
                .last()
        };
        let (c, p) = (last(Side::Client), last(Side::Provider));
        let (side, party_end) = match (c, p) {
            (Some(c), Some(p)) if p.end > c.end => (Side::Provider, p.end),
            (Some(c), _) => (Side::Client, c.end),
            (None, Some(p)) => (Side::Provider, p.end),
            (None, None) => continue,
        };
        let link = &window[party_end..];
        if !ROLE_LINK_BEFORE.is_match(link) || NEGATION.is_match(link) {
            continue;
        }
        let role = role.as_str();
        let role = if role.starts_with("sub") {
            continue;
        } else if role.starts_with("joint") {
            "joint_controller"
        } else if role.ends_with("controller") {
            "controller"
        } else if role.ends_with("processor") {
            "processor"
        } else if role.starts_with("service") {
            if !(ccpa || CCPA_SENSE.is_match(n)) {
                continue;
            }
            "service_provider"
        } else {
            "business_associate"
        };
        return Some(match (side, role) {
            (Side::Provider, r) => r,
            // The client as controller (or CCPA "business") leaves the provider the processor.
            (Side::Client, "controller") => "processor",
            (Side::Client, _) => continue,
        });
    }
    None
}

/// Anonymising, pseudonymising, de-identifying, masking identifiers. ("Redacted" is left out:
/// filed contracts say "Confidential portions have been redacted".)
static ANON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:anonymi[sz](?:e|es|ed|ing|ation)|pseudonymi[sz](?:e|es|ed|ing|ation)|de-?identif(?:y|ies|ied|ying|ication))\b|\bmask(?:s|ed|ing)?\s+(?:of\s+)?(?:\w+\s+){0,2}(?:identifiers?|personal|names)\b",
    )
});
/// A duty or responsibility.
static DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|responsib\w+|obligat\w+|ensures?|liable)\b",
    )
});
/// A right to use anonymised data, not a duty to anonymise.
static USE_RIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bmay\s+(?:\w+\s+){0,2}(?:use|retain|exploit|disclose|share|compile|aggregate|create|derive)\b|\b(?:right|licen[cs]e)\s+to\s+(?:use|retain|exploit)\b",
    )
});
/// A negated duty: "shall not be responsible for", "has no obligation to".
static NOT_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|does|is|has)\s+(?:not|no)\s+(?:be\s+)?(?:responsib\w+|obligat\w+|liable|required)\b|\bnot\s+(?:be\s+)?(?:responsible|obliged|obligated|required)\b|\bno\s+(?:responsibility|obligation)\b",
    )
});
/// "before providing it to Provider": the data arrives already anonymised.
static BEFORE_HANDOVER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:before|prior\s+to)\s+(?:\w+\s+){0,4}?(?:provid|deliver|transfer|disclos|upload|transmit|shar|mak|mad|send)\w*",
    )
});
/// "data collected by Provider": data the provider gathered itself.
static PROVIDER_COLLECTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:collected|gathered|obtained|acquired)\s+(?:directly\s+)?by\s+(?:the\s+)?(?:provider|agency|consultant|contractor|vendor|developer|supplier|it)\b|\b(?:it|provider|agency|consultant|contractor|vendor|developer)\s+(?:itself\s+)?(?:collects|gathers)\b",
    )
});

/// Encryption in the strict sense.
static ENCRYPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bencrypt\w*|\baes[-\s]?(?:128|192|256)\b|\btls\s*1\.\d\b|\bcryptograph\w*")
});
/// Security measures of any kind.
static SECURITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\btechnical\s+and\s+organi[sz]ational\s+(?:security\s+)?(?:measures|safeguards)\b|\badministrative,?\s+(?:technical,?\s+and\s+physical|physical,?\s+and\s+technical)\s+safeguards\b|\b(?:appropriate|reasonable|industry[-\s]standard|adequate|commercially\s+reasonable)\s+(?:\w+\s+){0,3}?(?:security|safeguards)\b|\bsecurity\s+(?:measures|safeguards|controls|program|programme|standards|procedures|policies)\b|\biso(?:/iec)?\s*27001\b|\bsoc\s*2\b|\baccess\s+controls?\b",
    )
});
/// Data the security is for.
static DATA_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:data|information|records|systems?|datasets?|databases?)\b"));
/// A breach or incident affecting data.
static BREACH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:personal\s+data\s+breach|data\s+breach|security\s+(?:breach|incident)|breach\s+of\s+(?:security|data\s+security)|unauthori[sz]ed\s+(?:access|disclosure|acquisition)|privacy\s+(?:breach|incident)|data\s+incident|security\s+compromise)\w*",
    )
});
/// Telling the other party.
static NOTIFY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:notif\w+|notice|inform\w*|report\w*|alert\w*|advise)\b"));
/// A deadline in hours or days: "within seventy-two (72) hours", "no later than 2 business days".
static HOURS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:within|no\s+later\s+than|not\s+later\s+than|not\s+more\s+than|no\s+more\s+than|in\s+any\s+event\s+within)\s+(?:the\s+)?(?:(?:first|following|next)\s+)?(?P<num>{NUMBER_WORDS_PATTERN}|\d+)(?:\s*\(\s*(?P<paren>\d+)\s*\))?(?:\s+|-)(?:(?P<qual>business|working|calendar)\s+)?(?P<unit>hours?|days?)\b"
    ))
});
/// Sub-processors and onward processors.
static SUB_PROCESSOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsub-?processors?\b|\bengage\s+(?:another|any\s+other|a\s+third[-\s]party)\s+processor\b|\bsub-?contract\w*\b[^.;]{0,80}\b(?:personal\s+data|processing)\b",
    )
});

/// The shortest breach-notice deadline in hours a sentence sets.
fn breach_hours(n: &str) -> Option<i64> {
    HOURS
        .captures_iter(n)
        .filter_map(|c| {
            let amount = c
                .name("paren")
                .and_then(|p| parse_number(p.as_str()))
                .or_else(|| c.name("num").and_then(|p| parse_number(p.as_str())))?;
            let per = if c.name("unit")?.as_str().starts_with("hour") {
                1.0
            } else {
                24.0
            };
            Some((amount * per).round() as i64)
        })
        .min()
}

/// The contract's names for personal data, learned from its definitions ("Controller Data"
/// means all Personal Data …). Only definitions that are about personal data from their first
/// words count: "Confidential Information" whose long list ends with "personal information"
/// would make every confidentiality sentence a data-protection one.
fn personal_terms(terms: &[DefinedTerm]) -> Option<Regex> {
    terms_pattern(
        terms
            .iter()
            .filter(|t| {
                let head = &t.definition[..floor_boundary(&t.definition, 80)];
                PERSONAL.is_match(head)
                    && !ENTITY.is_match(&t.definition)
                    && !t.term.contains("confidential")
            })
            .map(|t| t.term.as_str()),
    )
}

impl Check for DataProtection {
    const ID: &'static str = "data-protection";
    const NAME: &'static str = "Data protection roles and security";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the GDPR/CCPA roles of the parties (controller, processor, service provider), who must anonymise the client's data, encryption and security measures, breach notice and sub-processor terms, and grades them against the policy.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "missing",
            "Verdict when the contract has no personal data and no data-protection terms: pass, missing, warn or fail.",
        ),
        (
            "provider_controller",
            "Verdict when the provider is made controller of the personal data it handles (it carries the controller's liability for data it did not collect, 001 §3): pass, warn or fail.",
        ),
        (
            "joint_controller",
            "Verdict when the parties are joint or independent controllers: pass, warn or fail.",
        ),
        (
            "roles_unallocated",
            "Verdict when personal data is handled but no controller/processor (or CCPA service provider) roles are allocated: pass, warn or fail.",
        ),
        (
            "provider_anonymises",
            "Verdict when the provider must anonymise or pseudonymise data it did not collect: pass, warn or fail.",
        ),
        (
            "no_security",
            "Verdict when no encryption or other security measures are stated: pass, warn or fail.",
        ),
        (
            "no_breach_notice",
            "Verdict when no breach-notification duty is stated: pass, warn or fail.",
        ),
        (
            "min_breach_notice_hours",
            "Breach-notice deadlines shorter than this many hours get short_breach_notice (integer; 0 = no minimum).",
        ),
        (
            "short_breach_notice",
            "Verdict for a breach-notice deadline shorter than min_breach_notice_hours: pass, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(DataProtection {
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
            provider_controller: among("provider_controller", &policy.provider_controller, GRADES)?,
            joint_controller: among("joint_controller", &policy.joint_controller, GRADES)?,
            roles_unallocated: among("roles_unallocated", &policy.roles_unallocated, GRADES)?,
            provider_anonymises: among("provider_anonymises", &policy.provider_anonymises, GRADES)?,
            no_security: among("no_security", &policy.no_security, GRADES)?,
            no_breach_notice: among("no_breach_notice", &policy.no_breach_notice, GRADES)?,
            min_breach_notice_hours: policy.min_breach_notice_hours,
            short_breach_notice: among("short_breach_notice", &policy.short_breach_notice, GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let whole = sentences.normalized().as_str();
        let mut regimes: Vec<&'static str> = REGIMES
            .iter()
            .filter(|(_, r)| r.is_match(whole))
            .map(|(name, _)| *name)
            .collect();
        regimes.dedup();
        let mentions = PERSONAL.is_match(whole) || DP_LAW.is_match(whole) || !regimes.is_empty();
        // Most contracts say nothing of personal data: answer before learning anything.
        if !mentions && !ROLE_WORD.is_match(whole) {
            return vec![
                Report::new(
                    self.missing,
                    "The contract has no personal data and no data-protection terms.",
                )
                .param("personal_data", false),
            ];
        }
        let terms = defined_terms_in(sentences.normalized());
        let parties = Parties::of(&terms, whole);
        let learned = personal_terms(&terms);
        let ccpa = regimes.contains(&"CCPA");

        let mut personal: Option<Span> = None;
        let mut law: Option<Span> = None;
        let mut role: Option<(&'static str, Span)> = None;
        let mut implied: Option<Span> = None;
        let mut anonymisation: Option<(Side, bool, Span)> = None;
        let (mut encryption, mut security): (Option<Span>, Option<Span>) = (None, None);
        let mut breach: Option<(Option<i64>, Span)> = None;
        let mut sub_processors: Option<Span> = None;
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            let is_personal =
                PERSONAL.is_match(n) || learned.as_ref().is_some_and(|r| r.is_match(n));
            // Personal data someone handles, not a word in a list of what is confidential.
            if is_personal && HANDLING.is_match(n) && !DEFINITION.is_match(n) {
                personal.get_or_insert(s.span);
            }
            // A duty to comply with a data-protection law, not a law named in a definition or
            // "privacy laws" in a list of every law.
            if law.is_none()
                && (STRICT_DP_LAW.is_match(n) || REGIMES.iter().any(|(_, r)| r.is_match(n)))
                && DUTY.is_match(n)
                && !DEFINITION.is_match(n)
            {
                law = Some(s.span);
            }
            if let Some(r) = role_of(n, &parties, ccpa) {
                // The provider as controller outranks a processor statement elsewhere (a
                // DPA that makes it controller for some data is the risk to report).
                let rank = |r: &str| match r {
                    "controller" => 3,
                    "joint_controller" => 2,
                    _ => 1,
                };
                if role.is_none_or(|(old, _)| rank(r) > rank(old)) {
                    role = Some((r, s.span));
                }
            }
            if implied.is_none()
                && is_personal
                && ON_BEHALF.is_match(n)
                && parties.first_side(n) != Some(Side::Client)
            {
                implied = Some(s.span);
            }
            if anonymisation.is_none()
                && ANON.is_match(n)
                && (is_personal || DATA_WORD.is_match(n))
                && DUTY.is_match(n)
                && !USE_RIGHT.is_match(n)
                && let Some(who) = anonymiser(n, &parties)
            {
                let own_data = PROVIDER_COLLECTED.is_match(n);
                anonymisation = Some((who, own_data, s.span));
            }
            let about_data = DATA_WORD.is_match(n) || is_personal;
            // Encryption is always of data; "security measures" may be of a building.
            if encryption.is_none() && ENCRYPTION.is_match(n) {
                encryption = Some(s.span);
            }
            if security.is_none() && about_data && SECURITY.is_match(n) {
                security = Some(s.span);
            }
            // "Unauthorized disclosure of Confidential Information" is a confidentiality
            // breach; a security incident or one affecting personal data is a data breach.
            let data_breach = BREACH.find_iter(n).any(|m| {
                !m.as_str().starts_with("unauthori") || is_personal || DATA_WORD.is_match(n)
            });
            if data_breach && NOTIFY.is_match(n) {
                let hours = breach_hours(n);
                let better = match breach {
                    None => true,
                    Some((old, _)) => old.is_none() && hours.is_some(),
                };
                if better {
                    breach = Some((hours, s.span));
                }
            }
            if sub_processors.is_none() && SUB_PROCESSOR.is_match(n) {
                sub_processors = Some(s.span);
            }
        }
        // A party defined as "the Processor" is the processor from the preamble on.
        let defined_role = parties.defined_provider_role;
        let (provider_role, roles_implied) = match (role, defined_role, implied) {
            (Some((r, _)), _, _) => (r, false),
            (None, Some(r), _) => (r, false),
            (None, None, Some(_)) => ("processor", true),
            (None, None, None) => ("unspecified", false),
        };
        if personal.is_none()
            && law.is_none()
            && role.is_none()
            && implied.is_none()
            && defined_role.is_none()
            && anonymisation.is_none()
        {
            return vec![
                Report::new(
                    self.missing,
                    "The contract has no personal data and no data-protection terms.",
                )
                .param("personal_data", false),
            ];
        }
        let anonymisation_by = match anonymisation {
            Some((Side::Client, _, _)) => "client",
            Some((Side::Provider, _, _)) => "provider",
            None => "unspecified",
        };

        let mut verdict = Verdict::Pass;
        let mut reasons: Vec<String> = Vec::new();
        let mut grade = |v: Verdict, why: String| {
            if v != Verdict::Pass {
                verdict = verdict.max(v);
            }
            reasons.push(why);
        };
        match provider_role {
            "controller" => grade(
                self.provider_controller,
                "the provider is made controller of the personal data".to_owned(),
            ),
            "joint_controller" => grade(
                self.joint_controller,
                "the parties are joint or independent controllers".to_owned(),
            ),
            "unspecified" => grade(
                self.roles_unallocated,
                "personal data is handled but no controller/processor roles are allocated"
                    .to_owned(),
            ),
            r => grade(
                Verdict::Pass,
                format!(
                    "the provider is {}{}",
                    r.replace('_', " "),
                    if roles_implied {
                        " (it processes on the client's instructions)"
                    } else {
                        ""
                    }
                ),
            ),
        }
        if let Some((Side::Provider, false, _)) = anonymisation {
            grade(
                self.provider_anonymises,
                "the provider must anonymise data it did not collect".to_owned(),
            );
        }
        if security.is_none() && encryption.is_none() {
            grade(
                self.no_security,
                "no security measures are stated".to_owned(),
            );
        }
        match breach {
            None => grade(
                self.no_breach_notice,
                "no breach notice is required".to_owned(),
            ),
            Some((Some(h), _))
                if self.min_breach_notice_hours > 0
                    && h < i64::from(self.min_breach_notice_hours) =>
            {
                grade(
                    self.short_breach_notice,
                    format!(
                        "breach notice within {h} hours is shorter than the {} allowed",
                        self.min_breach_notice_hours
                    ),
                )
            }
            Some((Some(h), _)) => grade(Verdict::Pass, format!("breach notice within {h} hours")),
            Some((None, _)) => grade(
                Verdict::Pass,
                "breach notice without a deadline in hours".to_owned(),
            ),
        }
        let mut message = reasons.join("; ");
        if let Some(first) = message.get(..1) {
            message = first.to_uppercase() + &message[1..];
        }
        message.push('.');
        let mut report = Report::new(verdict, message)
            .param("personal_data", personal.is_some())
            .param(
                "regimes",
                regimes
                    .iter()
                    .map(|r| (*r).to_owned())
                    .collect::<Vec<String>>(),
            )
            .param("provider_role", provider_role)
            .param("anonymisation_by", anonymisation_by)
            .param("encryption", encryption.is_some())
            .param(
                "security_measures",
                security.is_some() || encryption.is_some(),
            )
            .param("breach_notice", breach.is_some())
            .param("sub_processors", sub_processors.is_some());
        if let Some((Some(h), _)) = breach {
            report = report.param("breach_notice_hours", h);
        }
        // The reason first: the role statement, or where personal data is handled when no
        // role is; then the anonymisation duty, security, breach notice and sub-processors.
        let mut quoted: Vec<Span> = Vec::new();
        let first = role.map(|(_, s)| s).or(implied).or(personal).or(law);
        for span in [
            first,
            anonymisation.map(|(_, _, s)| s),
            encryption.or(security),
            breach.map(|(_, s)| s),
            sub_processors,
        ]
        .into_iter()
        .flatten()
        {
            if !quoted.contains(&span) && quoted.len() < 4 {
                quoted.push(span);
                report = report.quote(span);
            }
        }
        vec![report]
    }
}

/// Who a sentence makes responsible for anonymising: the party before the duty, the other one
/// when the duty is denied ("Provider shall not be responsible for anonymising"), the party
/// after "by" in the passive, and the client when the data must be anonymised before it is
/// handed over.
fn anonymiser(n: &str, parties: &Parties) -> Option<Side> {
    let anon = ANON.find(n)?;
    if let Some(neg) = NOT_DUTY.find(n)
        && neg.start() < anon.start()
    {
        return parties.last_side(&n[..neg.start()]).map(Side::other);
    }
    let duty = DUTY.find(n)?;
    if let Some(by) = BY_PARTY.captures(&n[anon.end()..])
        && let Some(p) = by.get(1)
    {
        return parties.first_side(p.as_str());
    }
    if BEFORE_HANDOVER.is_match(&n[anon.start()..])
        && parties.first_side(&n[..anon.start()]) != Some(Side::Provider)
    {
        return Some(Side::Client);
    }
    // The party named last before the duty is its subject: "Client shall anonymise".
    parties.last_side(&n[..duty.start()])
}

/// The agent of a passive: "shall be anonymised by the Client".
static BY_PARTY: LazyLock<Regex> = LazyLock::new(|| re(r"^\S*\s+by\s+((?:the\s+)?\S+(?:\s+\S+)?)"));

clauselint_sdk::export_check!(DataProtection);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = DataProtection::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    fn text(r: &Report, name: &str) -> String {
        match param(r, name) {
            Some(ParamValue::Text(t)) => t.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<DataProtection>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &PERSONAL,
            &DP_LAW,
            &ENTITY,
            &ROLE_WORD,
            &ROLE_LINK_BEFORE,
            &JOINT,
            &NEGATION,
            &CCPA_SENSE,
            &ON_BEHALF,
            &ANON,
            &DUTY,
            &USE_RIGHT,
            &NOT_DUTY,
            &BEFORE_HANDOVER,
            &PROVIDER_COLLECTED,
            &ENCRYPTION,
            &SECURITY,
            &DATA_WORD,
            &BREACH,
            &NOTIFY,
            &HOURS,
            &SUB_PROCESSOR,
            &BY_PARTY,
            &STRICT_DP_LAW,
            &HANDLING,
            &DEFINITION,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert!(!PARTY_RULES.acts().as_str().is_empty());
        assert_eq!(REGIMES.len(), 8);
    }

    #[test]
    fn roles_in_their_usual_phrasings() {
        for (sentence, role) in [
            (
                "Customer is the controller and Vendor is the processor of Personal Data.",
                "processor",
            ),
            (
                "Provider shall act as Client's data processor in respect of Personal Data.",
                "processor",
            ),
            (
                "For the purposes of the GDPR, the Client is the data controller.",
                "processor",
            ),
            (
                "Provider shall be the controller of all Personal Data it receives.",
                "controller",
            ),
            (
                "Each party shall be an independent controller of the Personal Data it processes.",
                "joint_controller",
            ),
            (
                "Vendor is a \"service provider\" as defined in the CCPA with respect to Personal Information.",
                "service_provider",
            ),
            (
                "Provider is not a controller of Personal Data.",
                "unspecified",
            ),
            (
                "Service Provider shall protect Personal Data using reasonable care.",
                "unspecified",
            ),
        ] {
            let r = run(sentence);
            assert_eq!(text(&r, "provider_role"), role, "{sentence}");
        }
    }

    #[test]
    fn breach_deadlines_in_words_and_digits() {
        for (sentence, hours) in [
            (
                "notify within seventy-two (72) hours of a Security Incident",
                72,
            ),
            ("notify within 24 hours", 24),
            ("in any event within two (2) business days", 48),
            ("no later than forty-eight hours after discovery", 48),
        ] {
            assert_eq!(breach_hours(sentence), Some(hours), "{sentence}");
        }
        assert_eq!(breach_hours("without undue delay"), None);
    }

    #[test]
    fn who_anonymises() {
        for (sentence, who) in [
            (
                "Client shall anonymise all Personal Data before providing it to Provider.",
                "client",
            ),
            (
                "Provider shall not be responsible for anonymising or pseudonymising Personal Data.",
                "client",
            ),
            (
                "Provider shall pseudonymise all Personal Data received from Client before training.",
                "provider",
            ),
            (
                "Personal Data shall be de-identified by the Customer prior to transfer.",
                "client",
            ),
            (
                "Provider may use anonymised and aggregated Personal Data to improve its services.",
                "unspecified",
            ),
        ] {
            let r = run(sentence);
            assert_eq!(text(&r, "anonymisation_by"), who, "{sentence}");
        }
    }

    #[test]
    fn regimes_are_named() {
        let r = run(
            "Each party shall comply with the UK GDPR, the GDPR and the California Consumer Privacy Act.",
        );
        assert_eq!(
            param(&r, "regimes"),
            Some(&ParamValue::from(vec![
                "GDPR".to_owned(),
                "UK-GDPR".to_owned(),
                "CCPA".to_owned()
            ]))
        );
        let uk = run("The Processor shall comply with the UK GDPR.");
        assert_eq!(
            param(&uk, "regimes"),
            Some(&ParamValue::from(vec!["UK-GDPR".to_owned()]))
        );
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = DataProtection::new(Policy {
            provider_controller: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(
            err.starts_with("provider_controller = \"missing\""),
            "{err}"
        );
    }
}
