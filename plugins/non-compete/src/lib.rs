//! The `non-compete` check: the scope, duration and geography of restrictive covenants.
//!
//! It finds sentences that restrict a party from competing ("shall not, directly or
//! indirectly, engage in any business that competes with", "shall not provide services to any
//! competitor of Client", "non-competition", exclusivity on the provider), skips sentences that
//! grant the opposite freedom ("nothing herein shall prevent Provider from …"), and reads the
//! duration (normalised to months), who is covered (direct competitors vs. a whole industry) and
//! where (worldwide, a named territory, unspecified). Non-solicitation is noted as a parameter,
//! with its sentence as a supporting quote tagged `non-solicitation`, without being treated as
//! a non-compete. Exclusivity on the provider ("work exclusively for
//! Client") is graded the same way but reported with `kind = "exclusivity"` when it is the only
//! restriction (`kind = "non-compete"` otherwise), so that callers who mean a covenant not to
//! compete in the narrow sense (CUAD's Non-Compete label) can leave it out. Exclusive dealing
//! that is no covenant not to compete (an exclusive grant explained, exclusive purchasing) is
//! kept as exclusivity and quoted only when nothing plainer is found; a licence's use
//! restriction ("use the Product to develop a competing product") is none. Sentences about
//! covenants rather than covenants (definitions, headings, "shall not apply to", acknowledgements
//! that the restrictions are reasonable) are skipped. The verdict is the worst the playbook assigns; a
//! contract with a covenant that is within policy passes, and a contract with no covenant at all
//! is `missing` (the `missing` policy key; below `warn`, so it fails no run by default).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::jurisdiction::find_jurisdictions;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::{ContractSentence, NormalizedSentences, is_title};
use clauselint_sdk::text::NormalizedSlice;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, ClauseRef, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[non-compete]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
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

/// Cue families switched off for an ablation study: `examples/cuad_non_compete.rs --ablate NAME,…`,
/// built with the `ablation` feature. Production builds have no such switch: every cue is on.
#[cfg(feature = "ablation")]
pub static ABLATED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();

/// Whether the cue family `name` is on (always, outside an ablation study).
fn cue_on(name: &str) -> bool {
    #[cfg(feature = "ablation")]
    if ABLATED.get().is_some_and(|a| a.iter().any(|x| x == name)) {
        return false;
    }
    let _ = name;
    true
}

/// Compiles the alternatives of a pattern, each named by its cue family (`{A}` stands for
/// [`activity`]); a pattern whose every family is off matches nothing.
fn re_branches(branches: &[(&str, &str)]) -> Regex {
    let on: Vec<String> = branches
        .iter()
        .filter(|(name, _)| cue_on(name))
        .map(|(_, p)| format!("(?:{})", p.replace("{A}", &activity())))
        .collect();
    if on.is_empty() {
        return re(r"\z.");
    }
    re(&on.join("|"))
}

/// Verb stems of the activities a covenant forbids, inflected with -e/-es/-ed/-ing
/// ("engage", "engaged", "engaging").
const ACTIVITY_E: &[&str] = &[
    "engag",
    "compet",
    "participat",
    "operat",
    "commerciali[sz]",
    "advis",
    "distribut",
    "promot",
    "endors",
    "manufactur",
    "produc",
    "acquir",
    "advertis",
    "handl",
];
/// Verbs inflected with -s/-es/-ed/-ing ("perform", "performs", "performed", "performing").
const ACTIVITY_S: &[&str] = &[
    "perform", "render", "work", "accept", "own", "develop", "consult", "assist", "invest",
    "market", "sell", "offer", "join", "carry", "place", "display", "grant", "conduct", "permit",
    "allow",
];
/// Verbs and phrases with irregular forms.
const ACTIVITY_OTHER: &[(&str, &str)] = &[
    ("provid", r"provid(?:e|es|ing)\b"),
    ("becom", r"becom(?:e|es|ing)\b"),
    ("run", r"run(?:s|ning)?\b"),
    ("be-employed", r"be\s+(?:employed|engaged|interested)\b"),
    ("enter-into", r"enter(?:s|ed|ing)?\s+into\b"),
];

/// Activities a covenant forbids, as verbs in any of their forms; nouns of the same stem
/// ("competitor", "products", "operator") are not activities. Each verb is a cue family
/// `v:STEM` for ablation.
fn activity() -> String {
    let on = |stems: &[&'static str]| -> Vec<&'static str> {
        stems
            .iter()
            .filter(|stem| cue_on(&format!("v:{stem}")))
            .copied()
            .collect()
    };
    let e = on(ACTIVITY_E);
    let s = on(ACTIVITY_S);
    let mut alts = Vec::new();
    if !e.is_empty() {
        alts.push(format!(r"(?:{})(?:e|es|ed|ing)\b", e.join("|")));
    }
    if !s.is_empty() {
        alts.push(format!(r"(?:{})(?:s|es|ed|ing)?\b", s.join("|")));
    }
    alts.extend(
        ACTIVITY_OTHER
            .iter()
            .filter(|(stem, _)| cue_on(&format!("v:{stem}")))
            .map(|(_, p)| (*p).to_owned()),
    );
    if alts.is_empty() {
        return r"\z.".to_owned();
    }
    format!("(?:{})", alts.join("|"))
}

/// A prohibition followed by a competitive activity: "shall not … engage", "agrees not to …
/// offer", "neither Party nor its Affiliates shall … commercialize", "nor will he grant", "No
/// Participant will engage", "prohibited from competing", "refrain from".
static PROHIBITION: LazyLock<Regex> = LazyLock::new(|| {
    re_branches(&[
        (
            "p:shall-not",
            // The activity may come after a long interjection ("shall not, for a continuous,
            // uninterrupted period commencing upon …, either directly or indirectly, for
            // itself, or through … any person, partnership, corporation or other entity, own").
            r"\b(?:shall|will|may|must|agrees?|covenants?|undertakes?)\s+(?:that\s+(?:it|he|she|they)\s+(?:shall|will)\s+)?(?:not|neither)\b.{0,400}?\b{A}",
        ),
        (
            "p:neither",
            r"\bneither\b.{0,200}?\b(?:shall|will|may)\b.{0,160}?\b{A}",
        ),
        (
            "p:nor",
            r"\bnor\s+(?:shall|will|may)\s+(?:it|he|she|they|any)\b.{0,160}?\b{A}",
        ),
        (
            "p:no-party",
            r"\bno\s+(?:party|participant|member|partner|shareholder|licensee|distributor|reseller|affiliate|consultant|contractor|provider|supplier)\s+(?:shall|will|may)\s+(?:\w+\s+)?{A}",
        ),
        (
            "p:prohibited",
            // "prohibits … competition", "prohibited from competing", "competition is
            // prohibited"; not "the acts prohibited by this Section".
            r"\bprohibit(?:s|ing)?\b.{0,160}?\bcompet|\bprohibited\s+from\b.{0,160}?\bcompet|\bcompet\w*\b.{0,80}?\b(?:is|are|be|being)\s+(?:strictly\s+)?(?:prohibited|forbidden)\b",
        ),
        (
            "p:sell-no",
            r"\b(?:shall|will)\s+(?:handle|carry|sell|distribute|offer|market)\s+no\b",
        ),
        ("p:refrain", r"\brefrain\s+from\b"),
        (
            "p:directly-or-indirectly",
            // A prohibition whose act is elided or redacted: "neither Valeant nor its
            // Affiliates shall, directly or indirectly, [***] in the Territory". The words
            // "directly or indirectly" after "shall not" / "neither … shall" only ever qualify a
            // forbidden act.
            r"\b(?:shall|will|may)\s+not\b[^.;]{0,160}?\bdirectly\s+or\s+indirectly\b|\bneither\b.{0,200}?\b(?:shall|will|may)\b,?\s+(?:\w+\s+){0,3}?directly\s+or\s+indirectly\b",
        ),
        (
            "p:not-then-competitor",
            // Any act forbidden whose object is competition itself: "shall not drive for any
            // other sponsor which competes with", "may not obtain any sponsors whose products
            // compete with", "shall not contain any links to … Competitor's Goods".
            r"\b(?:shall|will|may|must)\s+not\s+[^.;:]{0,200}?\bcompet(?:e|es|ing|itors?|itive)\b",
        ),
        (
            "p:not-to",
            // An undertaking, not the name of one ("the covenants not to compete", a heading
            // "COVENANT NOT TO COMPETE").
            r"\b(?:agree[sd]?|undertakes?|undertook|covenants?|promises?|elects?)\s+(?:(?:that\s+)?(?:it|he|she|they)\s+(?:will|shall)\s+)?(?:\w+\s+){0,3}?not\s+to\s+(?:compete|engage)\b",
        ),
    ])
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
    re_branches(&[
        (
            "c:compete",
            r"\bcompet(?:e|es|ing|itor|itors|itive|ition)\b",
        ),
        (
            "c:same-or-similar",
            // "the same or similar business (products, promotions)", not "borrowings from the
            // same or similar sources".
            r"\bsame\s+(?:as\s+)?or\s+(?:substantially\s+)?similar\s+(?:[\w-]+\s+){0,2}?(?:business\w*|products?|services?|goods|activit(?:y|ies)|lines?|promotions?|programs?|commitments?|technolog(?:y|ies)|to|as)\b",
        ),
        (
            "c:similar-business",
            r"\bsimilar\s+(?:business|services|products)\b",
        ),
        ("c:rival", r"\brival\b"),
        (
            "c:similar-to",
            r"\b(?:products?|services?|goods|business(?:es)?|projects?|activit(?:y|ies)|programs?|promotions?|offerings?|sites?|technolog(?:y|ies))\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:(?:identical|the\s+same)\s+(?:or|to)\s+)?(?:substantially\s+)?(?:similar|identical)\s+to\b",
        ),
        (
            "c:which-similar",
            // A relative clause that makes the object like the other party's: "any web
            // service, which is (i) based upon … and (ii) similar to the Co-Branded Service".
            r"\b(?:products?|services?|goods|business(?:es)?|offerings?|technolog(?:y|ies)),?\s+(?:that|which)\s+(?:is|are)\b[^.;]{0,250}?\bsimilar\s+to\b",
        ),
        (
            "c:own-account",
            // Making or selling for oneself is competing with the other party: "undertakes not
            // to develop on its own account any Product" (not "purchase Shares for its own
            // account" nor "use Proprietary Information for its own account").
            r"\b(?:develop|manufactur|produc|sell|market|distribut|commerciali[sz])\w*\s+(?:on|for)\s+(?:its|his|her|their)\s+own\s+account\b",
        ),
        (
            "c:listed-entities",
            // Competitors named in a list: "shall not place advertising relating to the
            // commercial printing entities listed on Exhibit A", "agrees not to provide the
            // Software … to the following companies".
            r"\bthe\s+following\s+(?:\w+\s+)?(?:companies|entities|competitors)\b|\b(?:compan(?:y|ies)|entit(?:y|ies)|competitors)\s+(?:listed|set\s+forth|identified|named)\s+(?:on|in)\s+(?:exhibit|schedule|appendix|annex|attachment)\b",
        ),
        (
            "c:any-business",
            r"\bengag(?:e|es|ed|ing)\s+in\s+any\s+(?:\w+\s+){0,2}?(?:business|enterprise|venture)\b",
        ),
        (
            "c:alone-or-third",
            r"\b(?:alone|independently|on\s+its\s+own)\s+or\s+(?:\w+\s+){0,4}?(?:with|through)\s+(?:any\s+|one\s+or\s+more\s+|a\s+)?third\s+part(?:y|ies)\b",
        ),
        (
            "c:outside-collab",
            r"\boutside\s+(?:of\s+)?(?:the|this)\s+(?:collaboration|agreement)\b",
        ),
    ])
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
        r"^compet(?:itive(?:ly)?|ing)\s+(?:quotations?|bids?|bidding|prices?|priced|pricing|rates?|terms|basis|salar(?:y|ies)|compensation|advantage|position|market|fees?|offers?|proposals?|process)\b|^competitive\s+with\s+(?:gross|the\s+(?:prices?|rates?|fees|terms))\b|^competitive\s+(?:in|within|for)\s+the\s+(?:region|market|industry|area)\b",
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
/// Sentences about covenants rather than covenants, or about something else: definitions
/// ("Competing Business means …", "\"Change in Control\" means …"), non-disparagement, the
/// independence of arbitrators ("no involvement with a competitor of any Party"), exceptions
/// ("such Acquisition … shall not constitute a breach of Section 5.8"),
/// trademark imitation ("confusingly similar to any of the Marks"), insurance "for similar
/// products", covenants another document may contain,
/// scope exceptions ("this Section shall not apply to …", "shall not be deemed to compete"),
/// remedies or acknowledgements that refer to the covenant ("violation of the covenants not
/// to compete", "the restrictive covenants are reasonable"), and covenants not to derogate from
/// a grant ("take any action which would derogate from, impair or compete with the Exclusive
/// Rights"), which protect rights granted, not a market. Tried only on candidate sentences.
static NOT_A_COVENANT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^\W*(?:[\w-]+["”')]*\s+){1,5}?(?:means|shall\s+mean|has\s+the\s+meaning)\b|\bdisparag\w*|\bderogat\w*\s+from\b|\barbitrators?\b|\bnot\s+(?:constitute|be\s+deemed|be)\s+a\s+(?:breach|violation)\b|\bconfusingly\s+similar\b|\bcolou?rable\s+imitation\b|\binsur(?:ed|ance)\b|\bcontain\w*\s+(?:a|any)\s+(?:[\w-]+\s+){0,2}?(?:non-?\s?compet\w*|restrictive)\s+(?:covenants?|clauses?|provisions?)\b|\b(?:shall|will|does|do)\s+not\s+apply\s+to\b|\bnot\s+be\s+deemed\s+to\s+(?:compete|be\s+competitive|violate|breach)\b|\b(?:violation|violate|breach|enforce\w*|enforcement)\s+(?:of\s+)?(?:\w+\s+){0,6}?(?:covenants?\s+not\s+to\s+compete|non-?\s?competition|non-?\s?compete|restrictive\s+covenants?)\b|\b(?:covenants?\s+not\s+to\s+compete|non-?\s?competition|non-?\s?compete|restrictive\s+covenants?|restrictions)\b.{0,80}?\b(?:is|are)\s+(?:fair|reasonable|necessary)\b|\bnone\s+of\s+the\s+restrictive\s+covenants\b|\bnot\b[\s,]+(?:(?:directly|indirectly|or|knowingly|otherwise|use\s+or)[\s,]+){0,4}(?:disclose|divulge|reveal)\b|\b(?:abide\s+by|comply\s+with)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:covenants?\s+not\s+to\s+compete|non-?\s?competition|non-?\s?compete|restrictive\s+covenants?)\b"#,
    )
});
/// A licence's use restriction: "Customer will not … (vii) use the Product to develop a competing
/// service or product", "access the Service in order to build a competitive product". It limits
/// what the licensed thing may be used for, not whether its user may compete — the user may
/// build a rival with anything else — so it is no covenant not to compete.
static USE_RESTRICTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:use|access|copy)\s+(?:the\s+|any\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:in\s+order\s+)?to\s+(?:develop|build|create|design|train|make|improve)\s+(?:a\s+|an\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:competing|competitive|similar|rival)\b",
    )
});
static NON_COMPETE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnon-?\s?competition\b|\bnon-?\s?compete\b|\bcovenant\s+not\s+to\s+compete\b|\brestrictive\s+covenants?\b",
    )
});
static EXCLUSIVITY: LazyLock<Regex> = LazyLock::new(|| {
    re_branches(&[
        (
            "e:exclusively-for",
            r"\b(?:work|provide\s+(?:its\s+|the\s+)?services|act|perform\s+services)\s+(?:solely\s+and\s+)?exclusively\s+for\b",
        ),
        (
            "e:no-services-to-others",
            r"\bshall\s+not\s+(?:provide|perform|render)\s+(?:any\s+)?(?:similar\s+)?services\s+to\s+any\s+(?:third\s+part|other\s+(?:client|customer|person|party))",
        ),
    ])
});
/// Exclusive dealing that restricts without being a covenant not to compete: the explanation of
/// an exclusive grant ("the grant … is exclusive such that Licensor shall not license any
/// other Person"), which binds the grantor to the grantee, and exclusive purchasing ("shall not
/// obtain the Software … from any Entity other than Supplier"), which says where a party buys,
/// not what it may sell. Such a sentence is kept as exclusivity (graded, but quoted only when
/// no plainer covenant is found).
static EXCLUSIVE_DEALING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:grant|licen[cs]e|appointment|rights?)\b[^.;]{0,120}?\b(?:is|are|shall\s+be)\s+exclusive\s+(?:such\s+that|in\s+that|so\s+that)\b|\b(?:purchas|obtain|buy|sourc|procur|order)\w*\b[^.;]{0,200}?\bfrom\s+(?:any\s+)?(?:[\w-]+\s+){0,3}?other\s+than\b",
    )
});
/// Sentences that grant freedom rather than restrict it ("nothing … shall prevent", "free
/// to", "shall be able to pursue, conduct and carry on for its own account such activities").
static FREEDOM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnothing\b.{0,120}\b(?:restrict|prevent|prohibit|preclude|limit|impair)\w*\b|\bfree\s+to\b|\b(?:shall|will|may)\s+(?:be\s+)?(?:able|entitled|permitted)\s+to\s+(?:pursue|conduct|engage|carry\s+on|compete|own)\b|\bshall\s+not\s+be\s+(?:restricted|prevented|prohibited|precluded|limited)\b|\bnot\s+(?:be\s+)?subject\s+to\s+any\s+(?:non-?compet|restrict)|\bno\s+(?:non-?compet\w*|restrictive\s+covenant)\b|\bnon-?exclusive\b|\bnot\s+(?:be\s+)?(?:subject|under)\b.{0,80}\b(?:non-?\s?compet|restrictive)|\b(?:does|do)\s+not\s+contain\b|\b(?:shall|will)\s+not\s+(?:prevent|restrict|prohibit|preclude)\b|\bbe\s+prevented\b|\bwithout\s+restriction\b|\bchange\s+of\s+control\b|\bbreach\s+of\b.{0,80}\brestrictive\s+covenant|\bunfair\s+competition\b|\bcompetition\s+laws?\b|\bcompetition\s+(?:\w+\s+){0,5}?act\b|\bnot\s+(?:breach|violate|conflict\s+with)\s+(?:any|the\s+terms\s+of\s+any)\s+(?:\w+\s+){0,3}?agreements?\b|\bnot\s+be\s+(?:held\s+)?(?:liable|responsible)\b|\bnot\s+be\s+(?:required|obligated|obliged)\b|\b(?:may|shall|will)\s+not\s+(?:\w+\s+)?(?:assign|sublicense|subcontract)\b|\banti-?\s?trust\b|\bnot\s+bound\s+by\b|\bcontains?\s+(?:\w+\s+){0,3}?covenants?\b|\backnowledg\w*\b.{0,100}?\bmay\s+(?:now\s+)?(?:market|develop|have|compete|sell|offer|provide)\b",
    )
});
static NON_SOLICIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bsolicit\w*\b|\bnon-?solicitation\b|\b(?:hire|employ|engage|recruit)\b.{0,80}\b(?:employees?|personnel|staff|contractors?)\b",
    )
});
/// Industry-wide bans that need no competition word: "any data-driven company", "any company
/// in the AI industry", "any company that develops machine learning products, in any
/// industry". The industry must be what the ban covers; "industry" alone ("the
/// standards of the industry", "industry bodies") restricts nothing.
static BROAD_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bdata-driven\s+(?:compan(?:y|ies)|business(?:es)?|firms?|entit(?:y|ies)|organi[sz]ations?)\b|\bany\s+(?:[\w-]+\s+){0,3}?(?:compan(?:y|ies)|business(?:es)?|firms?|entit(?:y|ies)|enterprises?|organi[sz]ations?|persons?)\s+(?:that\s+(?:is|are)\s+)?(?:(?:in|within|operating\s+in|active\s+in|engaged\s+in)\s+)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:industry|sector)\b|\bin\s+any\s+(?:industry|sector)\b|\bany\s+(?:compan(?:y|ies)|business(?:es)?|firms?|entit(?:y|ies)|organi[sz]ations?)\s+(?:that|which)\s+(?:develops?|commerciali[sz]es?|builds?|uses?)\s+(?:[\w-]+\s+){0,3}?(?:products?|services?|solutions?|software|models?|technolog(?:y|ies))\b|\bfield\s+of\s+(?:artificial|machine|data)",
    )
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
/// "Anywhere" bounded by what follows it: "anywhere in the Territory", "anywhere within the
/// State of …" names a territory, not the world (matched at a WORLDWIDE match).
static ANYWHERE_BOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^anywhere\s+(?:in|within)\s+(?:the\s+)?(?:territory|state|county|city|province|region|area|united\s+states)\b",
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

/// The longest real preamble or recital (bytes): a clause of that kind that is longer is the
/// body of a contract the segmenter could not split.
const MAX_PREAMBLE: usize = 8000;

/// How far (bytes) into a clause its heading ("Non-Competition") makes a bare prohibition a
/// covenant: about a page.
const HEADING_REACH: usize = 3000;

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

/// Whether a sentence names competition other than as the name of a covenant or of its period
/// ("non-competition", "Noncompetition Period", "covenant not to compete").
fn competes_beyond_names(n: &str) -> bool {
    let names: Vec<(usize, usize)> = NON_COMPETE_WORDS
        .find_iter(n)
        .map(|m| (m.start(), m.end()))
        .collect();
    COMPETITIVE.find_iter(n).any(|m| {
        !COMPETITIVE_NOISE.is_match(&n[m.start()..])
            && !names.iter().any(|&(a, b)| a <= m.start() && m.end() <= b)
    })
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
    /// How plainly the sentence is a covenant not to compete: 3 when it prohibits competing
    /// in its own words, 2 when it is an item of a prohibition or under a non-compete
    /// heading, or names the covenant, 1 for exclusivity or an industry ban alone. Evidence
    /// quotes the plainest.
    strength: u8,
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
        // A heading speaks for the text just under it, not for exhibits a segmenter left in
        // the same clause.
        let heading_says = s.span.start.saturating_sub(s.clause.span().start) <= HEADING_REACH
            && NON_COMPETE_WORDS.is_match(heading);
        // The main statement, without a proviso: "X shall not … ; provided that the foregoing
        // will not restrict …" carves an exception out of the covenant, it grants no freedom.
        let n = PROVISO.find(n).map_or(n, |p| &n[..p.start()]);
        // Competition named only inside a licence's use restriction is no covenant's.
        let uses: Vec<(usize, usize)> =
            if ["compet", "similar", "rival"].iter().any(|w| n.contains(w)) {
                USE_RESTRICTION
                    .find_iter(n)
                    .map(|m| (m.start(), m.end()))
                    .collect()
            } else {
                Vec::new()
            };
        let competitive = COMPETITIVE.find_iter(n).any(|m| {
            !COMPETITIVE_NOISE.is_match(&n[m.start()..])
                && !uses.iter().any(|&(a, b)| a <= m.start() && m.end() <= b)
        }) || (cue_on("c:other-than")
            && n.contains("other than")
            && OTHER_THAN_PRODUCTS.is_match(n));
        let exclusive_for = EXCLUSIVITY.is_match(n);
        let names_covenant = NON_COMPETE_WORDS.is_match(n);
        let broad = BROAD_TRIGGER.is_match(n);
        // Without one of these no rule below can fire; the costlier prohibition and freedom
        // patterns run only on the few sentences that have one.
        if !(competitive || exclusive_for || names_covenant || broad || heading_says) {
            return None;
        }
        if FREEDOM.is_match(n) || NOT_A_COVENANT.is_match(n) || is_title(s.text, n) {
            return None;
        }
        // A list item inherits its introduction's prohibition when it names competition itself.
        let explicit = PROHIBITION.is_match(n);
        let prohibition =
            (cue_on("s:lead-in") && lead_in.is_some() && (competitive || names_covenant))
                || explicit;
        // Naming a non-compete counts only in an obligation ("agrees to the following
        // non-competition covenant"), not in representations about other agreements.
        let named = cue_on("s:named") && names_covenant && prohibition;
        if CONFIDENTIALITY.is_match(n) && !DIRECT.is_match(n) && !n.contains("compete ") {
            return None;
        }
        // What a party may not do comes after "shall not": a competition word only before it
        // describes the party ("does not engage in any business with respect to …, and the Web
        // Site will not be used"), it forbids nothing.
        let competitive = competitive
            && (lead_in.is_some()
                || PROHIBITION.find(n).is_none_or(|p| {
                    COMPETITIVE.find_iter(n).any(|m| {
                        m.end() > p.start() && !COMPETITIVE_NOISE.is_match(&n[m.start()..])
                    }) || (n.contains("other than")
                        && OTHER_THAN_PRODUCTS
                            .find_iter(n)
                            .any(|m| m.end() > p.start()))
                }));
        let is_covenant = (prohibition && (competitive || (cue_on("s:broad") && broad)))
            || exclusive_for
            || named
            || (cue_on("s:heading") && heading_says && prohibition);
        if !is_covenant {
            return None;
        }
        // A pure non-solicitation sentence is not a non-compete, even when it names one
        // ("for the Noncompetition Period … shall not solicit for employment", a heading
        // "Non-Competition" run into a no-hire sentence).
        if NON_SOLICIT.is_match(n) && !exclusive_for && !competes_beyond_names(n) {
            return None;
        }
        // Exclusivity on the provider ("work exclusively for Client", "shall not provide
        // services to any other client") restricts without naming competition. CUAD's
        // Non-Compete label does not cover it, and telling other exclusive dealing ("shall
        // not … with any third party") from a non-compete by wording alone failed on CUAD:
        // its lawyers label most such covenants Non-Compete.
        // Exclusive dealing (an exclusive grant explained, exclusive purchasing) is kept as
        // exclusivity whatever words it uses: it is no covenant not to compete.
        let dealing = EXCLUSIVE_DEALING.is_match(n);
        let exclusivity = dealing || (exclusive_for && !competitive && !names_covenant && !broad);
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
        let worldwide = WORLDWIDE
            .find_iter(n)
            .any(|m| !ANYWHERE_BOUNDED.is_match(&n[m.start()..]));
        let (geography, territory) = if worldwide {
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
        let strength = if dealing {
            1
        } else if explicit && competes_beyond_names(n) {
            3
        } else if prohibition && (competitive || named || heading_says) {
            2
        } else {
            1
        };
        Some(Covenant {
            strength,
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
    const DESCRIPTION: &'static str = "Finds non-compete and exclusivity covenants, extracts their duration (months), scope (direct competitors or a whole industry) and geography, and grades them against the policy; reports kind = \"exclusivity\" when exclusivity is the only restriction; notes non-solicitation separately.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "max_pass_months",
            "A covenant lasting at most this many months passes (integer, at most max_warn_months).",
        ),
        (
            "max_warn_months",
            "Up to this many months it warns, longer fails (integer months).",
        ),
        (
            "broad_scope",
            "Verdict when the covenant covers more than the client's direct competitors: pass, warn or fail.",
        ),
        (
            "worldwide",
            "Verdict for a worldwide geography: pass, warn or fail.",
        ),
        (
            "unbounded",
            "Verdict when neither a geography nor a list of competitors bounds the covenant: pass, warn or fail.",
        ),
        (
            "no_duration",
            "Verdict when the covenant outlasts the term but states no duration: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract has no restrictive covenant: pass, missing, warn or fail.",
        ),
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
            broad_scope: among("broad_scope", &policy.broad_scope, GRADES)?,
            worldwide: among("worldwide", &policy.worldwide, GRADES)?,
            unbounded: among("unbounded", &policy.unbounded, GRADES)?,
            no_duration: among("no_duration", &policy.no_duration, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
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
            // Recitals and the preamble bind no one; but a "preamble" the length of a
            // contract is a segmenter that found no clause numbers, and holds the covenants.
            if matches!(s.clause.kind(), ClauseKind::Recital | ClauseKind::Preamble)
                && s.clause.text().len() <= MAX_PREAMBLE
            {
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
                && !is_title(s.text, norm.as_str())
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
        // The covenant graded worst, the plainest and then the first of those.
        let Some((worst, (verdict, reasons))) = covenants
            .iter()
            .enumerate()
            .map(|(i, c)| (c, self.grade(c), i))
            .max_by_key(|(c, (v, _), i)| (*v, c.strength, std::cmp::Reverse(*i)))
            .map(|(c, g, _)| (c, g))
        else {
            let mut report = Report::new(self.missing, "No non-compete found.")
                .param("non_solicitation", solicit.is_some());
            // The non-solicitation sentence backs the `non_solicitation` parameter; it is no
            // covenant not to compete.
            if let Some(s) = solicit {
                report = report.quote_for(s, "non-solicitation");
            }
            return vec![report];
        };
        // What kind of restriction the contract has: a covenant not to compete, or only
        // exclusivity on the provider (which the playbook grades the same way, but which is
        // not a non-compete in the narrower sense of labelled data such as CUAD's).
        let kind = if covenants.iter().all(|c| c.exclusivity) {
            "exclusivity"
        } else {
            "non-compete"
        };
        let name = if kind == "exclusivity" {
            "Exclusivity"
        } else {
            "Non-compete"
        };
        let mut report = Report::new(verdict, format!("{name} {}.", reasons.join("; ")))
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
        report = report.param("kind", kind);
        // An ablation study reads every covenant sentence; a report quotes, after the covenant
        // it grades, the plainest covenants (a sentence that prohibits competing in its own
        // words before a list item or an exclusivity), first first, three in all.
        // Among the plainest, those graded as badly as the worst come first: they back the
        // verdict.
        let mut ranked: Vec<&Covenant> = covenants.iter().collect();
        ranked.sort_by_key(|c| {
            (
                std::cmp::Reverse(c.strength),
                std::cmp::Reverse(self.grade(c).0),
            )
        });
        let plainest = ranked.first().map_or(0, |c| c.strength);
        let shown = if cfg!(feature = "ablation") {
            usize::MAX
        } else {
            2
        };
        for c in ranked
            .iter()
            .filter(|c| cfg!(feature = "ablation") || c.strength == plainest)
            .take(shown)
        {
            report = report.quote(c.sentence);
        }
        if let Some(s) = solicit {
            report = report.quote_for(s, "non-solicitation");
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
            &EXCLUSIVE_DEALING,
            &NOT_A_COVENANT,
            &USE_RESTRICTION,
            &NON_SOLICIT,
            &INDUSTRY,
            &NEGATION,
            &BROAD_TRIGGER,
            &CONFIDENTIALITY,
            &DIRECT,
            &WORLDWIDE,
            &ANYWHERE_BOUNDED,
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
        // The sentence is quoted as support for the parameter, not as a covenant.
        assert_eq!(r.tags(), [Some("non-solicitation")]);
    }

    #[test]
    fn non_solicitation_beside_a_covenant_is_a_tagged_quote() {
        let text = "9. Non-Competition. For six (6) months after termination, Consultant shall not provide services to any direct competitor of Client.\n10. Non-Solicitation. For six (6) months after termination, Consultant shall not solicit any employee of Client.";
        let r = run(text);
        let quotes: Vec<(&str, Option<&str>)> = r
            .finding()
            .evidence
            .iter()
            .map(|e| (&text[e.start..e.end], e.about.as_deref()))
            .collect();
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert!(quotes[0].0.contains("competitor") && quotes[0].1.is_none());
        assert!(
            quotes[1].0.contains("shall not solicit") && quotes[1].1 == Some("non-solicitation"),
            "{quotes:?}"
        );
    }

    #[test]
    fn competition_words_before_the_prohibition_forbid_nothing() {
        // A description of the party's business, then a prohibition of something else.
        let r = run(
            "8.1 Affiliate does not engage in any business with respect to credit repair, and the Affiliate Web Site will not be used, or display any materials, in connection with a credit clinic.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn quotes_back_the_verdict_first() {
        // Both sentences prohibit competing in their own words; the second is graded worse
        // (two years) and is quoted first, the first follows.
        let text = "4. Exclusivity. During the Term, Supplier shall not sell products that compete with the Products to any competitor of Buyer.\n5. Non-Competition. For two (2) years after termination, Supplier shall not compete with Buyer anywhere in the world.";
        let r = run(text);
        assert_eq!(r.verdict(), Verdict::Fail);
        let first = r.finding().evidence.first().map(|e| &text[e.start..e.end]);
        assert!(
            first.is_some_and(|q| q.contains("two (2) years")),
            "{first:?}"
        );
    }

    #[test]
    fn exclusive_dealing_is_exclusivity_quoted_after_plainer_covenants() {
        // An exclusive grant explained: the grantor may not license others. Alone it is
        // reported as exclusivity.
        let grant = "2. Exclusivity. Subject to Section 2(e), the grant set out in Clause 2(b)(i) is exclusive such that Ehave shall not license any other Person to, nor may Ehave itself, license, sub-license the use of, or provide services similar to, the Ehave Companion Solution within the Field of Use anywhere in the Territory.";
        let r = run(grant);
        assert_eq!(
            param(&r, "kind"),
            Some(&ParamValue::Text("exclusivity".into()))
        );
        // "anywhere in the Territory" is the Territory, not the world.
        assert_eq!(
            param(&r, "geography"),
            Some(&ParamValue::Text("territory".into()))
        );
        // Beside a covenant not to compete, only the covenant is quoted.
        let text = format!(
            "{grant}\n3. Restrictions. CHT shall not enter into an agreement with any other Person related to the sale of products that are substantially similar to or competitive with the Ehave Companion Solution."
        );
        let r = run(&text);
        assert_eq!(
            param(&r, "kind"),
            Some(&ParamValue::Text("non-compete".into()))
        );
        let q = r.quoted(&text, None);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].contains("CHT shall not"), "{q:?}");
        // Exclusive purchasing says where a party buys, not what it sells.
        let text = "4.1 Reseller shall not obtain the TouchStar Software or Support Services (or any software or services which compete with the TouchStar Software) for sale from any Entity other than TouchStar or its authorized agents.\n4.2 Reseller shall not import, promote, distribute, license, market or sell any products in the Territory which directly compete with the TouchStar Software or Support Services.";
        let q = run(text).quoted(text, None);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].contains("shall not import"), "{q:?}");
    }

    #[test]
    fn freedom_to_carry_on_business_for_own_account_is_no_covenant() {
        let r = run(
            "B. UTEK shall not have or be deemed to have, fiduciary obligations or duties to AVDU, and shall be able to pursue, conduct and carry on for its own account (or for the account of others) such activities, ventures, businesses and other pursuits as UTEK in its sole discretion may elect.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn a_licence_use_restriction_is_no_covenant() {
        for text in [
            "(a) Except as expressly permitted by this Agreement, Customer will not (and will not allow anyone else to): (i) reverse engineer, decompile, or attempt to discover any source code of the Product; (ii) copy, modify, or create derivative works of the Product; (iii) use the Product to develop a competing service or product; (iv) use the Product with prohibited data.",
            "Licensee shall not access the Service in order to build a competitive product or service.",
        ] {
            assert_eq!(run(text).verdict(), Verdict::Missing, "{text}");
        }
        // A covenant not to compete stays one beside it.
        let text = "Customer shall not use the Product to develop a competing product, and during the Term and for twelve (12) months thereafter Consultant shall not provide services to any competitor of Customer.";
        assert!(!run(text).finding().evidence.is_empty());
    }

    #[test]
    fn not_derogating_from_a_grant_is_no_covenant() {
        let r = run(
            "CLIENT will not exercise nor authorize any other Party to take any action which would reasonably be deemed to derogate from, impair or compete with the Exclusive Rights herein granted.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn covenants_without_a_competition_word() {
        for text in [
            // Making the contract's product on one's own account.
            "20.2 During the Term of this Agreement and for an additional period of two (2) years from the date of termination of this Agreement, the Contractor undertakes not to develop on its own account any Product.",
            // Goods similar to the Products.
            "(a) during the term of the Agreement, MIL shall not, directly or indirectly, enter into another joint venture agreement or marketing/distribution agreement with any company in respect of the marketing and sale of goods similar to the Products in the Territory.",
            // A relative clause makes the service like the other party's.
            "7.2 Except as contemplated under this Agreement, during the two year period following the Effective Date, Dassault Systemes shall not commercially offer any web service, which is (i) based upon the software transferred to Dassault Systemes and (ii) similar to the Co-Branded Service.",
            // Competitors named in a list.
            "2.4. During the Term, VerticalNet shall not place advertising relating to the commercial printing entities listed on Exhibit \"A,\" on the VerticalNet Online Communities.",
            "During the term of this Agreement, Corio agrees not to provide the Software to the following companies or their subsidiaries: ***.",
        ] {
            let r = run(text);
            assert_ne!(r.verdict(), Verdict::Missing, "{text}");
            assert_eq!(
                param(&r, "kind"),
                Some(&ParamValue::Text("non-compete".into())),
                "{text}"
            );
        }
        // Not buying shares for one's own account.
        let r = run(
            "The Remarketing Agent shall not sell any Shares for its own account at a price other than the Purchase Price.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
    }

    #[test]
    fn an_elided_act_under_a_non_compete_heading_is_a_covenant() {
        let text = "2.3.1 Non-Competition. (a) [***], neither Valeant nor its Affiliates shall, directly or indirectly, [***] in the Territory other than the Product.";
        let r = run(text);
        assert_ne!(r.verdict(), Verdict::Missing);
        // Without the heading, nothing says what is forbidden.
        let r = run(
            "2.3.1 Records. (a) Neither party shall, directly or indirectly, [***] in the Territory.",
        );
        assert_eq!(r.verdict(), Verdict::Missing);
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
