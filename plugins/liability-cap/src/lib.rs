//! The `liability-cap` check: whether the contract limits liability, how (a cap on the amount,
//! an exclusion of indirect and consequential damages), on what basis, and what is carved out
//! of the limitation (002 Red Line 2, 001 §4).
//!
//! - A cap: "in no event shall either party's aggregate liability … exceed the total fees paid
//!   or payable … in the twelve (12) months preceding the claim", "two times (2x) the fees",
//!   "shall not exceed $1,000,000", "limited to the amounts covered by insurance".
//! - An exclusion: "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL,
//!   CONSEQUENTIAL … DAMAGES".
//! - Carve-outs: "except for obligations under Section 9 (Indemnification)", "the limitations
//!   shall not apply to gross negligence, wilful misconduct or breach of confidentiality",
//!   "nothing in this Section shall limit the indemnification obligations …", "… are excluded
//!   from these limitations". A carve-out is the object of the exception (see
//!   `carve_outs_of`), from the cap or from the exclusion of consequential damages alike (CUAD's
//!   "Uncapped Liability" labels both); a bare "except under Section 11" counts
//!   (`referenced_provision`), as does a redacted "except for \[***\]". They are reported as
//!   `uncapped_carve_outs`, each sentence quoted about `uncapped-carve-out` (an exception
//!   repeated word for word by a later sentence is quoted once); what the law
//!   preserves anyway (death or personal injury, fraud) alone is `statutory_carve_outs`.
//! - Unlimited liability: "Provider's liability shall be unlimited"; beside a cap it is a
//!   carve-out (`unlimited_liability`).
//!
//! `capped` is true when liability is limited in any way (a cap or an exclusion of damage heads,
//! which is how CUAD labels "Cap On Liability"); `cap_basis` is only set for a cap on the amount.
//!
//! Policy: unlimited liability, or a limitation-of-liability clause with no limit in it → fail;
//! cap ≤ `max_multiple` × fees → pass; a higher multiple, or a fixed amount above `max_amount` →
//! warn; no consequential-damages exclusion → warn; only an exclusion, no cap on direct damages
//! → warn; no limitation-of-liability language at all → missing.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::money::find_money;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sentences::{NormalizedSentences, is_title};
use clauselint_sdk::text::NormalizedSlice;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, Contract, ParamValue, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[liability-cap]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// The highest multiple of the fees that passes (002 Red Line 2: 1–2× fees).
    pub max_multiple: f64,
    /// The highest fixed cap amount that passes; 0 means no limit on fixed amounts.
    pub max_amount: f64,
    /// Verdict for unlimited liability, or a limitation clause that sets no limit.
    pub unlimited: String,
    /// Verdict for a cap above `max_multiple` or `max_amount`.
    pub above_policy: String,
    /// Verdict when a cap has no exclusion of consequential damages.
    pub no_consequential_exclusion: String,
    /// Verdict when only indirect damages are excluded and direct damages have no cap.
    pub exclusion_only: String,
    /// Verdict for a contract with no limitation-of-liability language.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_multiple: 2.0,
            max_amount: 0.0,
            unlimited: "fail".to_owned(),
            above_policy: "warn".to_owned(),
            no_consequential_exclusion: "warn".to_owned(),
            exclusion_only: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct LiabilityCap {
    max_multiple: f64,
    max_amount: Option<f64>,
    unlimited: Verdict,
    above_policy: Verdict,
    no_consequential_exclusion: Verdict,
    exclusion_only: Verdict,
    missing: Verdict,
}

/// A cap on an amount of liability or damages: the liability word, then within the sentence a
/// ceiling ("exceed", "in excess of", "limited to", "maximum").
static CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:liabilit(?:y|ies)|liable|damages|recover(?:y|able)?|obligations?\s+to\s+(?:pay|indemnify)|responsib(?:le|ility)|required\s+to\s+contribute)\b[^;]{0,300}?\b(?:(?:shall|will|may|does|to)\s+not\s+(?:in\s+the\s+aggregate\s+)?exceed|not\s+to\s+exceed|(?:in|be\s+in)\s+excess\s+of|(?:be|is|are)\s+(?:expressly\s+|strictly\s+)?limited\s+to|(?:shall|will)\s+(?:be\s+)?limited\s+to|not\s+(?:be\s+)?(?:greater|more)\s+than|(?:capped|limited)\s+at|exceed(?:s|ed|ing)?)\b|\b(?:maximum|aggregate|total|cumulative|entire)\s+(?:\w+\s+){0,3}liability\b[^;]{0,200}\b(?:exceed|limited\s+to|be\s+(?:the\s+)?(?:amount|sum|lesser|greater)|equal\s+to)\b|\bliability\s+cap\b|\bcap\s+on\s+(?:\w+\s+)?liability\b|\b(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?(?:remedy|liability|obligation)\b[^;]{0,200}\b(?:refund|credit|re-?perform|repair|replace\w*|return)\b",
    )
});
/// Damage heads whose exclusion is the "consequential damages" exclusion, and "even if advised of
/// the possibility of such damages", which only such an exclusion says (and which still shows
/// when the heads are redacted: "LIABLE TO THE OTHER PARTY FOR \[**\], EVEN IF … AWARE OF THE
/// POSSIBILITY OF SUCH DAMAGES").
static CONSEQUENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:indirect|incidental|consequential|special|punitive|exemplary|lost\s+profits?|loss\s+of\s+(?:profits?|revenues?|business|data|goodwill)|lost\s+(?:revenues?|business|data|savings)|other\s+than\s+direct\s+(?:damages?|loss(?:es)?)|(?:advised|aware|informed)\s+of\s+the\s+possibility)\b",
    )
});
/// Words that exclude liability: "in no event", "shall not be liable", "disclaims".
static EXCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin\s+no\s+event\b|\bunder\s+no\s+circumstances?\b|\b(?:shall|will|does|do|is|are)\s+not\s+(?:\w+\s+){0,2}?(?:be\s+)?(?:liable|responsible)\b|\bnot\s+(?:be\s+)?liable\b|\bno\s+(?:liability|responsibility)\b|\bnor\s+(?:be\s+)?liable\b|\b(?:shall|will)\s+(?:\w+\s+){0,2}have\s+no\s+liability\b|\bnot\s+have\s+any\s+liability\b|\bneither\b[^;]{0,150}\b(?:liab|responsib)|\bno\s+(?:party|person)\b[^;]{0,150}\b(?:liab|responsib)|\bnone\s+of\b[^;]{0,150}\b(?:liab|responsib)|\bnot\s+have\s+(?:any\s+)?liability\b|\b(?:be\s+)?under\s+no\s+liability\b|\bdisclaim\w*|\bwaives?\b|\bexclud\w*\s+(?:all\s+|any\s+)?liability\b",
    )
});
/// Liability without limit: "shall be unlimited", "full responsibility, without limit", "waives
/// any and all limitations or liability caps".
static UNLIMITED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bunlimited\s+liability\b|\bliability\b[^.;]{0,120}\b(?:shall|will)\s+be\s+unlimited\b|\bliability\s+(?:is|shall\s+be|will\s+be)\s+(?:not\s+be\s+)?(?:limited|capped)\s+in\s+no\s+way\b|\bwithout\s+(?:any\s+)?(?:cap|limit)\s+(?:on|to)\s+(?:its\s+|their\s+)?liability\b|\bliability\b[^.;]{0,60}\bshall\s+not\s+be\s+(?:limited|capped)\b|\b(?:liability|responsibility|liable|responsible)\b[^.;]{0,40}\bwithout\s+limit\b|\bwaives?\s+(?:any\s+and\s+all\s+|all\s+|any\s+)?(?:limitations|caps)\b[^.;]{0,40}\b(?:liabilit|caps?\b)",
    )
});
/// The kind of entity after "unlimited liability": "… company", "… partnership".
static ENTITY_FORM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*(?:compan|corporat|partnership|entit|undertaking)"));
/// A limitation-of-liability heading or reference, which shows the contract means to limit.
static LIMITATION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\blimitations?\s+(?:of|on)\s+(?:\w+\s+)?liability\b|\bliability\s+limitations?\b")
});
/// Words that open an exception whose object follows them: "except for", "excepting only",
/// "other than", "excluding", "save for", "with the exception of", "without limiting".
/// ("Notwithstanding anything to the contrary" only ranks the sentence above others; it carves
/// nothing out of it. "Not liable for consequential damages unless caused by gross negligence"
/// sets the fault standard of the exclusion itself, and CUAD does not label it as uncapped
/// liability: "unless" is not an exception here.)
static EXCEPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bexcept(?:ing)?\b|\bexcluding\b|\bother\s+than\b|\bsave\s+(?:for|in|as|with)\b|\bwith\s+the\s+exception\s+of\b|\bwithout\s+(?:limiting|affecting|prejudice\s+to)\b",
    )
});
/// Words that take something out of a limitation, with the thing taken out after them: "the
/// foregoing limitations shall not apply to", "shall be inapplicable to", "this Section shall not
/// be construed to limit", "nothing in this Section shall limit or restrict", "neither Party
/// excludes or limits any liability for".
static NOT_APPLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnot\s+(?:apply|be\s+applicable|be\s+construed\s+(?:so\s+as\s+)?to\s+(?:limit|restrict|exclude)|(?:operate\s+to\s+|be\s+deemed\s+to\s+)?(?:limit|restrict|exclude)s?)\b|\binapplicable\s+to\b|\bnothing\s+in\s+this\b[^;]{0,80}?\b(?:limits?|restricts?|excludes?)\b|\b(?:neither|no)\s+party\s+(?:excludes|limits)\b",
    )
});
/// The same, with the thing taken out before the words: "… and indemnification obligations are
/// excluded from these limitations of liability".
static EXCLUDED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:are|is|shall\s+be|will\s+be)\s+excluded\s+from\s+(?:these|the|this|such|any)\s+(?:\w+\s+){0,2}?(?:limitations?|exclusions?|caps?|limits?)\b",
    )
});
/// A subject that names a limitation of liability ("the foregoing limitations", "this limitation
/// of liability", "the limitations set forth in Section 15"), so "… shall not apply to" after it
/// carves something out of a limit, not out of a confidentiality duty or an indemnity.
static LIMIT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\blimitations?\s+(?:of|on)\s+(?:\w+\s+)?liabilit|\b(?:these|this|such|foregoing|above|preceding|said|any|all)\s+(?:\w+\s+){0,2}?(?:limitations?|exclusions?|limits|caps?)\b|\bthe\s+(?:\w+\s+)?limitations?\s+(?:set|contained|in|of|on|under|above|herein|provided|stated|described)\b|\bliability\s+(?:cap|limit)|\bmaximum\s+liability\b",
    )
});
/// A subject that points back at the sentence before ("the foregoing", "this Section",
/// "nothing in this Article"): a carve-out when a limiting sentence has just been read.
static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnothing\b|\bforegoing\b|\bpreceding\b|\babove\b|\bthis\s+(?:section|article|subsection|clause|paragraph|sub-clause)\b",
    )
});
/// What a "shall not apply" sentence may be about instead of a limit on liability: a duty of
/// confidentiality, an indemnity, a warranty, insurance requirements, a covenant.
static OTHER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bconfidential\w*|\bnon-?use\b|\bindemn\w*|\bwarrant\w*|\binsurance\b|\bcovenants?\b|\brestrictions?\b|\bnon-?compet\w*|\bnon-?solicit\w*",
    )
});
/// A limitations period: "no action … may be brought more than one year after the cause of
/// action arose".
static LIMITATIONS_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:brought|commenced|instituted|filed|asserted)\b[^;]{0,120}\b(?:years?|months?|days?)\b[^;]{0,40}\b(?:after|following|from)\b",
    )
});
/// Where the object of a leading exception ends and the limit itself begins: "EXCEPT FOR
/// BREACHES OF SECTION 11, | IN NO EVENT SHALL …".
static MAIN_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin\s+no\s+event\b|\bunder\s+no\s+circumstances?\b|\bneither\s+party\b|\bno\s+party\b|\b(?:each|either)\s+party(?:'s)?\s+(?:\w+\s+){0,2}liabilit|\beach\s+party\s+(?:shall|will)\b|\b(?:shall|will)\s+(?:not\s+|in\s+no\s+event\s+)?(?:be|have|exceed)\b|\bexceed\b|\bliable\b|\blimited\s+to\b|;",
    )
});
/// "fees", "amounts paid", "paid or payable", "price".
static FEES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:fees?|amounts?\s+(?:actually\s+)?(?:paid|payable|received)|paid\s+or\s+payable|(?:actually\s+)?paid\s+(?:to|by)|price|charges|compensation|royalt(?:y|ies)|consideration|sums?\s+paid|payments?\s+(?:made|received))\b",
    )
});
/// A look-back period: "in the twelve (12) months preceding the claim".
static MONTHS_PRECEDING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:months?|years?)\b[^;]{0,80}\b(?:preceding|prior|before|immediately)\b|\b(?:preceding|prior|previous|last)\s+(?:\w+\s+){0,2}(?:months?|years?)\b",
    )
});
/// "two times (2x)", "twice", "three (3) times", "200%".
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?P<word>one|two|three|four|five|six|ten|one\s+and\s+(?:one[-\s])?half)\s*(?:\(\s*(?:\d+(?:\.\d+)?)\s*(?:x|times)?\s*\)\s*)?(?:times|x)\b|\b(?P<num>\d+(?:\.\d+)?)\s*(?:x|times)\b|\b(?P<twice>twice|double)\b|\b(?P<pct>\d{3})\s*%",
    )
});
/// Insurance as the cap: "limited to the amount recovered under its insurance".
static INSURANCE: LazyLock<Regex> = LazyLock::new(|| re(r"\binsurance\b|\binsurers?\b"));

/// Carve-out codes and the words that name them.
static CARVE_OUTS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        ("indemnification", re(r"\bindemn\w*")),
        ("confidentiality", re(r"\bconfidential\w*")),
        ("gross_negligence", re(r"\bgross(?:ly)?\s+negligen\w*")),
        (
            "wilful_misconduct",
            re(r"\bwil(?:l)?ful\s+(?:misconduct|default|breach)\b|\bintentional\s+misconduct\b"),
        ),
        ("fraud", re(r"\bfraud\w*")),
        (
            "data_breach",
            re(
                r"\b(?:data|security|privacy)\s+(?:breach|incident)\w*|\bbreach\s+of\s+(?:data|security|privacy)\b|\bdata\s+protection\b",
            ),
        ),
        (
            "ip_infringement",
            re(r"\binfring\w*|\bmisappropriat\w*|\bintellectual\s+property\s+rights?\b"),
        ),
        (
            "death_personal_injury",
            re(r"\bdeath\b|\b(?:personal|bodily)\s+injur\w*"),
        ),
        (
            "payment_obligations",
            re(
                r"\bfail\w*\s+to\s+pay\b|\b(?:non|under)-?payment\b|\bpayment\s+obligations?\b|\bobligations?\s+to\s+pay\b|\bamounts?\s+(?:owed|owing|due)\b|\bmonies\s+due\b",
            ),
        ),
        (
            "third_party_claims",
            re(
                r"\bthird[-\s]part(?:y|ies)(?:'s?)?\s+(?:claims?|actions?)\b|\bclaims?\s+(?:made\s+)?(?:by|of|from)\s+(?:any\s+)?third[-\s]part",
            ),
        ),
        // "Except for claims under Section 9": the provision is named, not what it is about.
        (
            "referenced_provision",
            re(
                r"\b(?:sections?|articles?|paragraphs?|clauses?|subsections?)[\s\u{200b}]*\(?(?:\d|[ivxlc]+\b)",
            ),
        ),
        // "EXCEPT FOR [**], IN NO EVENT …": what is carved out was redacted before filing.
        ("redacted", re(r"\[\s*\*")),
    ]
});

/// The end of a parenthesis opened just before `at` ("(EXCEPT UNDER SECTIONS 15 AND 16)"), when
/// there is one.
fn closing_paren(n: &str, at: usize) -> Option<usize> {
    let before = n.get(..at)?.trim_end();
    if !before.ends_with('(') {
        return None;
    }
    let mut depth = 1usize;
    for (i, c) in n.get(at..)?.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The largest char boundary of `n` at or below `i`.
/// What a sentence carves out of a limitation of liability: the carve-out codes named in the
/// object of its exceptions.
///
/// A carve-out is the object of an exception, not any word of the sentence: "EXCEPT FOR BREACHES
/// OF SECTION 11, IN NO EVENT …" carves out what lies between "except for" and the limit itself;
/// "(other than in respect of monies due)" what the parenthesis holds; "… provided that the
/// foregoing limitations shall not apply to X" and "nothing in this Section shall limit X" what
/// follows; "X … are excluded from these limitations" what precedes. `limiting` says the sentence
/// limits liability itself; otherwise a "shall not apply" or "nothing in this Section limits"
/// sentence counts only when its subject names a limitation of liability, when what it does not
/// limit is liability or damages, or when it points back ("the foregoing", "this Section") right
/// after a limiting sentence (`after_limit`) — so an indemnity's or a confidentiality duty's own
/// exceptions are not read as carve-outs from the cap.
fn carve_outs_of(n: &str, limiting: bool, after_limit: bool) -> Found {
    // Windows (byte ranges of `n`), each with the start of the words that open it and whether a
    // bare reference ("Section 6.09", "[***]") counts in it.
    let mut windows: Vec<(usize, usize, usize, bool)> = Vec::new();
    if limiting {
        for m in EXCEPTION.find_iter(n) {
            let rest = n.get(m.end()..).unwrap_or("");
            let end = match closing_paren(n, m.start()) {
                Some(close) => close.saturating_sub(m.end()),
                None => MAIN_CLAUSE
                    .find(rest)
                    .map_or(rest.len(), |c| c.start())
                    .min(rest.floor_char_boundary(300)),
            };
            // "Without limiting the terms of Section 6.09" keeps another provision in force
            // beside the limit, while "without limiting the indemnification obligations" carves
            // out: after "without", only what the words name counts, not a bare reference.
            let bare = !m.as_str().starts_with("without");
            windows.push((m.start(), m.end(), m.end() + end, bare));
        }
    }
    // Cheap pre-filter: every phrase below has one of the first words and one of the second.
    let words = ["appl", "limit", "exclu", "restrict"];
    let turns = [
        "not ",
        "nothing",
        "inapplicable",
        "excluded from",
        "party excludes",
    ];
    let turns_ok = turns.iter().any(|w| n.contains(w)) || n.contains("party limits");
    if !turns_ok || !words.iter().any(|w| n.contains(w)) {
        return found_in(n, &windows);
    }
    // "No action may be brought more than one year after …; the foregoing limitation shall not
    // apply to …": a limitations period, not a limit on liability.
    let suits = ["brought", "commenced", "instituted", "filed", "asserted"];
    if !limiting && suits.iter().any(|w| n.contains(w)) && LIMITATIONS_PERIOD.is_match(n) {
        return Found::default();
    }
    for m in NOT_APPLY.find_iter(n) {
        let before = n.get(..m.start()).unwrap_or("");
        let subject = before
            .get(before.ceil_char_boundary(before.len().saturating_sub(160))..)
            .unwrap_or("");
        let rest = n.get(m.end()..).unwrap_or("");
        let object_end = rest.floor_char_boundary(500);
        let object = rest.get(..object_end).unwrap_or("");
        let head = object.get(..object.floor_char_boundary(100)).unwrap_or("");
        // "… shall not limit the liability of a Party for …", "neither Party excludes any
        // liability for …": what is not limited is named right after the words.
        let names_liability = !m.as_str().contains("appl")
            && (head.contains("liab") || head.contains("damage") || head.contains("indemn"));
        // The clause the words govern: "The foregoing confidentiality obligations do not apply
        // to …", "These insurance requirements will not limit …" are about something else.
        let own = subject
            .rfind([',', ';', ':'])
            .and_then(|i| subject.get(i + 1..))
            .unwrap_or(subject);
        let other = OTHER_SUBJECT.is_match(own) && !LIMIT_SUBJECT.is_match(own);
        if limiting
            || LIMIT_SUBJECT.is_match(subject)
            || (!other && (names_liability || (after_limit && REFERS_BACK.is_match(own))))
        {
            windows.push((m.start(), m.end(), m.end() + object_end, true));
        }
    }
    for m in EXCLUDED_FROM.find_iter(n) {
        let start = n.ceil_char_boundary(m.start().saturating_sub(400));
        windows.push((m.end(), start, m.start(), true));
    }
    found_in(n, &windows)
}

/// The carve-out codes named in `windows` of `n` (see [`carve_outs_of`]), and the range of the
/// words that name them.
fn found_in(n: &str, windows: &[(usize, usize, usize, bool)]) -> Found {
    let mut found = Found::default();
    for &(opens, start, end, bare) in windows {
        let w = n.get(start..end).unwrap_or("");
        let mut named = false;
        for (code, r) in CARVE_OUTS.iter() {
            let reference = *code == "referenced_provision" || *code == "redacted";
            if (bare || !reference) && r.is_match(w) {
                named = true;
                if !found.codes.contains(code) {
                    found.codes.push(code);
                }
            }
        }
        if named {
            let (a, b) = (opens.min(start), end.max(opens));
            // Without the comma or space that leads into the limit itself.
            let kept = n.get(a..b).map_or(0, |t| {
                t.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
                    .len()
            });
            let b = a + kept;
            found.words = Some(match found.words {
                Some((x, y)) => (x.min(a), y.max(b)),
                None => (a, b),
            });
        }
    }
    found
}

/// What one sentence carves out: the codes, and the byte range of its words that say so (from
/// "except for" to the end of what is excepted).
#[derive(Debug, Default)]
struct Found {
    codes: Vec<&'static str>,
    words: Option<(usize, usize)>,
}

/// Carve-outs the law makes anyway: liability for death or personal injury caused by negligence,
/// and for fraud, cannot be limited by contract (in England by the Unfair Contract Terms Act 1977
/// s. 2(1) and the common law; US courts likewise void exemptions from one's own fraud or
/// intentional wrongs). A sentence that preserves only these
/// ("nothing in this Agreement shall exclude either party's liability for death or personal
/// injury") restates the law and leaves the cap where it was; it is reported as
/// `statutory_carve_outs`, not as an uncapped carve-out.
const STATUTORY: &[&str] = &["death_personal_injury", "fraud"];

/// The carve-outs found so far, with the sentences that state them (each with the span of its
/// carving-out words, quoted instead when the sentence is already the report's main quote).
#[derive(Default)]
struct Carves {
    codes: Vec<&'static str>,
    spans: Vec<(Span, Span)>,
    statutory: Vec<&'static str>,
    statutory_spans: Vec<(Span, Span)>,
    /// The words of each carve-out quoted so far (normalised, lower case): the same exception
    /// repeated in the next sentence ("EXCEPT FOR LIABILITY ARISING UNDER SECTION 8, IN NO
    /// EVENT … CONSEQUENTIAL DAMAGES") is one carve-out, quoted once.
    quoted: Vec<String>,
}

impl Carves {
    /// Adds a sentence's carve-outs, and the sentence as their evidence; a sentence that only
    /// preserves what the law preserves anyway goes to the statutory list.
    fn add(&mut self, found: Found, sentence: Span, norm: &NormalizedSlice<'_>) {
        if found.codes.is_empty() {
            return;
        }
        let words = found.words.map_or(sentence, |(a, b)| {
            let r = norm.original_span(a, b);
            Span::new(sentence.start + r.start, sentence.start + r.end)
        });
        let repeated = found.words.is_some_and(|(a, b)| {
            let key = norm.as_str().get(a..b).unwrap_or("").to_lowercase();
            let seen = self.quoted.contains(&key);
            if !seen {
                self.quoted.push(key);
            }
            seen
        });
        let (codes, spans) = if found.codes.iter().all(|c| STATUTORY.contains(c)) {
            (&mut self.statutory, &mut self.statutory_spans)
        } else {
            (&mut self.codes, &mut self.spans)
        };
        for code in found.codes {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if !repeated && !spans.iter().any(|(s, _)| *s == sentence) {
            spans.push((sentence, words));
        }
    }
}

/// Reads the multiple of the fees a cap sentence names ("two times (2x)" → 2.0).
fn read_multiple(n: &str) -> Option<f64> {
    let c = MULTIPLE.captures(n)?;
    if let Some(w) = c.name("word") {
        let w = w.as_str();
        if w.starts_with("one and") {
            return Some(1.5);
        }
        return clauselint_sdk::numbers::word_value(w).map(|v| v as f64);
    }
    if let Some(x) = c.name("num") {
        return x.as_str().parse().ok();
    }
    if c.name("twice").is_some() {
        return Some(2.0);
    }
    c.name("pct")
        .and_then(|p| p.as_str().parse::<f64>().ok())
        .map(|p| p / 100.0)
}

/// What one cap sentence says.
#[derive(Debug, Clone, Default)]
struct Cap {
    basis: Option<&'static str>,
    multiple: Option<f64>,
    amount: Option<(f64, &'static str)>,
}

fn read_cap(n: &str) -> Cap {
    let mut cap = Cap::default();
    let money = find_money(n);
    // The largest amount named is the ceiling; smaller ones are usually floors or deductibles.
    cap.amount = money.iter().map(|m| (m.amount, m.currency)).fold(
        None,
        |best: Option<(f64, &'static str)>, m| match best {
            Some(b) if b.0 >= m.0 => Some(b),
            _ => Some(m),
        },
    );
    let fees = FEES.is_match(n);
    cap.multiple = if fees { read_multiple(n) } else { None };
    cap.basis = if fees && cap.multiple.is_some_and(|m| m > 1.0) {
        Some("multiple_of_fees")
    } else if fees && MONTHS_PRECEDING.is_match(n) {
        Some("fees_preceding_months")
    } else if fees {
        Some("fees_paid")
    } else if cap.amount.is_some() {
        Some("fixed_amount")
    } else if INSURANCE.is_match(n) {
        Some("insurance")
    } else {
        None
    };
    if fees && cap.multiple.is_none() {
        cap.multiple = Some(1.0);
    }
    cap
}

/// "In no event", "aggregate liability", "maximum": the words of an operative cap.
static STRONG_CAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bin\s+no\s+event\b|\b(?:aggregate|total|maximum|cumulative|entire)\s+(?:\w+\s+){0,3}liability\b|\blimitation\s+of\s+liability\b|\bliability\b[^;]{0,80}\blimited\s+to\b",
    )
});

/// Ranks cap sentences so an operative cap ("in no event shall aggregate liability exceed the
/// fees") beats incidental ones ("if its liabilities exceed its assets").
fn cap_score(n: &str, cap: &Cap) -> u8 {
    1 + 2 * u8::from(cap.basis.is_some()) + u8::from(STRONG_CAP.is_match(n))
}

impl Check for LiabilityCap {
    const ID: &'static str = "liability-cap";
    const NAME: &'static str = "Limitation of liability";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the limitation of liability: the cap and its basis (fees paid, fees in the preceding months, a multiple, a fixed amount, insurance), the exclusion of consequential damages, and what is carved out of the limit.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "max_multiple",
            "The highest multiple of the fees a cap may be and still pass (002 Red Line 2: 1-2x the fees).",
        ),
        (
            "max_amount",
            "The highest fixed cap amount that passes, in the contract's currency; 0 = any fixed amount passes.",
        ),
        (
            "unlimited",
            "Verdict for unlimited liability, or a limitation-of-liability clause that sets no limit: pass, warn or fail.",
        ),
        (
            "above_policy",
            "Verdict for a cap above max_multiple or max_amount: pass, warn or fail.",
        ),
        (
            "no_consequential_exclusion",
            "Verdict for a cap with no exclusion of indirect and consequential damages: pass, warn or fail.",
        ),
        (
            "exclusion_only",
            "Verdict when indirect and consequential damages are excluded but direct damages have no cap: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict for a contract with no limitation-of-liability language: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        if !(policy.max_multiple.is_finite() && policy.max_multiple > 0.0) {
            return Err(format!(
                "max_multiple = {}: expected a positive number",
                policy.max_multiple
            ));
        }
        if !(policy.max_amount.is_finite() && policy.max_amount >= 0.0) {
            return Err(format!(
                "max_amount = {}: expected 0 (no limit) or a positive amount",
                policy.max_amount
            ));
        }
        Ok(LiabilityCap {
            max_multiple: policy.max_multiple,
            max_amount: (policy.max_amount > 0.0).then_some(policy.max_amount),
            unlimited: among("unlimited", &policy.unlimited, GRADES)?,
            above_policy: among("above_policy", &policy.above_policy, GRADES)?,
            no_consequential_exclusion: among(
                "no_consequential_exclusion",
                &policy.no_consequential_exclusion,
                GRADES,
            )?,
            exclusion_only: among("exclusion_only", &policy.exclusion_only, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut cap: Option<(Span, Cap, u8)> = None;
        let mut exclusion: Option<Span> = None;
        let mut weak_exclusion: Option<Span> = None;
        let mut unlimited: Option<Span> = None;
        let mut limitation: Option<Span> = None;
        let mut carves = Carves::default();
        // The index of the last sentence that limits liability.
        let mut last_limiting: Option<usize> = None;
        for (index, (s, norm)) in sentences.iter().enumerate() {
            let n = norm.as_str();
            // Cheap pre-filter: every cue below needs one of these words.
            let liab = n.contains("liab")
                || n.contains("damage")
                || n.contains("recover")
                || n.contains("responsib")
                || n.contains("remed")
                || n.contains("contribut")
                || n.contains("not apply");
            if !liab {
                // "Nothing in this Section shall limit or restrict … breach of Article 12", right
                // after a limit, names neither liability nor damages.
                if last_limiting.is_some_and(|l| index <= l + 3)
                    && (n.contains("limit") || n.contains("exclu") || n.contains("appl"))
                {
                    carves.add(carve_outs_of(n, false, true), s.span, &norm);
                }
                continue;
            }
            // Force majeure, insolvency tests ("liabilities exceed its assets") and
            // third-party-beneficiary disclaimers use the same words but limit nothing.
            if (n.contains("beyond the reasonable control") && !n.contains("consequential"))
                || n.contains("force majeure")
                || n.contains("exceed its assets")
                || n.contains("exceed their assets")
                || n.contains("confer upon")
            {
                // A sentence run into the next heading ("… (5) intentional misconduct. c. Force
                // Majeure.") can still carve out of the limit before it.
                let after = last_limiting.is_some_and(|l| index <= l + 3);
                carves.add(carve_outs_of(n, false, after), s.span, &norm);
                continue;
            }
            let mut limiting = false;
            // "limited liability or unlimited liability company" names a kind of entity; "its
            // liability shall not be limited by the amount of any insurance it maintains" says
            // insurance is no cap, not that liability has none.
            let insurance = n.contains("insur");
            let is_unlimited = UNLIMITED.find_iter(n).any(|m| {
                let entity = ENTITY_FORM.is_match(n.get(m.end()..).unwrap_or(""));
                let insurance_only = insurance && m.as_str().contains("not be");
                !(entity || insurance_only)
            });
            if is_unlimited {
                unlimited.get_or_insert(s.span);
            }
            // "not be liable for the fees of more than one counsel" limits defence costs in an
            // indemnity procedure; it caps nothing.
            let counsel_fees =
                n.contains("more than one") && (n.contains("counsel") || n.contains("firm"));
            // What an arbitrator may award and a duty to insure are not limits on liability; a
            // heading is a weaker cue than an operative sentence, kept only when nothing better
            // is found.
            let arbitration = n.contains("arbitrat");
            let insurance_duty = n.contains("insurance") && n.contains("maintain");
            let weak = arbitration || n.len() < 60;
            if CAP.is_match(n) && !counsel_fees && !arbitration && !insurance_duty {
                let read = read_cap(n);
                let score = cap_score(n, &read);
                if cap.as_ref().is_none_or(|(_, _, best)| score > *best) {
                    cap = Some((s.span, read, score));
                }
                // Only an operative cap (a basis, or "in no event", "aggregate liability") has
                // carve-outs, and it names liability or damages: "responsible for costs in excess
                // of the budget, except …" has none.
                limiting = score >= 2 && (n.contains("liab") || n.contains("damage"));
            }
            // "special" alone is also "special counsel"; an exclusion names damages or losses.
            let heads = [
                "damage",
                "loss",
                "profit",
                "consequential",
                "incidental",
                "indirect",
                "punitive",
            ]
            .iter()
            .any(|w| n.contains(w));
            if heads && CONSEQUENTIAL.is_match(n) && EXCLUDE.is_match(n) {
                if !weak {
                    exclusion.get_or_insert(s.span);
                } else {
                    weak_exclusion.get_or_insert(s.span);
                }
                limiting = true;
            }
            // Only a heading ("12. Liability Limitation.", or a heading run into the clause's
            // first sentence) says the contract has a limitation clause: a survival list or
            // "subject to the limitations on liability set forth in Section 9" only mentions one.
            if LIMITATION_CLAUSE
                .find(n)
                .is_some_and(|m| m.start() < 24 || is_title(s.text, n))
            {
                limitation.get_or_insert(s.span);
            }
            // Carve-outs are read from the objects of the exceptions of limiting sentences, and
            // of "the limitation … shall not apply to …" sentences.
            let limiting = limiting || is_unlimited;
            let mut found =
                carve_outs_of(n, limiting, last_limiting.is_some_and(|l| index <= l + 3));
            // "Licensee's liability for breach of Section 7 shall be unlimited" beside a cap is
            // itself a carve-out from it, whatever it names.
            if is_unlimited && found.codes.is_empty() {
                found.codes.push("unlimited_liability");
            }
            if limiting {
                last_limiting = Some(index);
            }
            carves.add(found, s.span, &norm);
        }
        let exclusion = exclusion.or(weak_exclusion);
        let cap = cap.map(|(span, c, _)| (span, c));
        let list = |codes: &[&str]| {
            ParamValue::List(
                codes
                    .iter()
                    .map(|c| ParamValue::Text((*c).to_owned()))
                    .collect(),
            )
        };
        // The main quote stays the limit itself; a carve-out stated in that very sentence is
        // quoted by its own words ("EXCEPT FOR LIABILITY ARISING UNDER SECTION 8").
        let with_carves = |mut report: Report, main: Span| {
            for (sentence, words) in &carves.spans {
                let span = if *sentence == main { *words } else { *sentence };
                report = report.quote_for(span, "uncapped-carve-out");
            }
            report = report.param("uncapped_carve_outs", list(&carves.codes));
            if !carves.statutory.is_empty() {
                for (sentence, words) in &carves.statutory_spans {
                    let span = if *sentence == main { *words } else { *sentence };
                    report = report.quote_for(span, "statutory-carve-out");
                }
                report = report.param("statutory_carve_outs", list(&carves.statutory));
            }
            report
        };
        if let Some((span, c)) = cap {
            let mut problems: Vec<String> = Vec::new();
            let mut verdict = Verdict::Pass;
            let fixed = c.basis == Some("fixed_amount");
            if let Some(m) = c.multiple.filter(|m| !fixed && *m > self.max_multiple) {
                verdict = verdict.max(self.above_policy);
                problems.push(format!(
                    "the cap is {m}x the fees, above the policy's {}x",
                    self.max_multiple
                ));
            }
            if let (true, Some((a, cur)), Some(max)) = (fixed, c.amount, self.max_amount)
                && a > max
            {
                verdict = verdict.max(self.above_policy);
                problems.push(format!("the cap of {a} {cur} is above the policy's {max}"));
            }
            if exclusion.is_none() {
                verdict = verdict.max(self.no_consequential_exclusion);
                problems.push("indirect and consequential damages are not excluded".to_owned());
            }
            let basis = c.basis.unwrap_or("unspecified");
            let message = if problems.is_empty() {
                format!("Liability is capped ({basis}) and consequential damages are excluded.")
            } else {
                format!(
                    "Liability is capped ({basis}), but {}.",
                    problems.join("; ")
                )
            };
            let mut report = Report::new(verdict, message)
                .quote(span)
                .param("capped", true)
                .param("consequential_excluded", exclusion.is_some())
                .param_opt("cap_basis", c.basis)
                .param_opt(
                    "multiple",
                    c.multiple.filter(|_| c.basis != Some("fixed_amount")),
                );
            if let Some((a, cur)) = c.amount.filter(|_| c.basis == Some("fixed_amount")) {
                report = report.param("amount", a).param("currency", cur);
            }
            // Carve-outs first: a sentence that both excludes consequential damages and carves
            // out of the exclusion ("EXCEPT UNDER SECTION 11, IN NO EVENT …") is quoted once,
            // as the carve-out.
            report = with_carves(report, span);
            if let Some(e) = exclusion.filter(|e| *e != span) {
                report = report.quote_for(e, "consequential-exclusion");
            }
            return vec![report];
        }
        if let Some(span) = exclusion {
            // Stated unlimited liability outranks an exclusion of indirect damages.
            let (verdict, message) = match unlimited {
                Some(_) => (
                    self.unlimited.max(self.exclusion_only),
                    "Indirect and consequential damages are excluded, but liability is otherwise stated to be unlimited.",
                ),
                None => (
                    self.exclusion_only,
                    "Indirect and consequential damages are excluded, but direct damages have no cap.",
                ),
            };
            let mut report = Report::new(verdict, message)
                .quote(span)
                .param("capped", true)
                .param("consequential_excluded", true);
            if let Some(u) = unlimited.filter(|u| *u != span) {
                report = report.quote_for(u, "unlimited-liability");
            }
            return vec![with_carves(report, span)];
        }
        if let Some(span) = unlimited {
            let report = Report::new(self.unlimited, "Liability is unlimited.")
                .quote(span)
                .param("capped", false)
                .param("consequential_excluded", exclusion.is_some());
            return vec![with_carves(report, span)];
        }
        if let Some(span) = limitation {
            let report = Report::new(
                self.unlimited,
                "A limitation-of-liability clause is named, but no cap or exclusion was found in it.",
            )
            .quote(span)
            .param("capped", false)
            .param("consequential_excluded", false);
            return vec![with_carves(report, span)];
        }
        vec![Report::new(
            self.missing,
            "The contract has no limitation-of-liability clause.",
        )]
    }
}

clauselint_sdk::export_check!(LiabilityCap);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = LiabilityCap::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<LiabilityCap>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &CAP,
            &CONSEQUENTIAL,
            &EXCLUDE,
            &UNLIMITED,
            &LIMITATION_CLAUSE,
            &EXCEPTION,
            &FEES,
            &MONTHS_PRECEDING,
            &MULTIPLE,
            &INSURANCE,
            &STRONG_CAP,
            &NOT_APPLY,
            &EXCLUDED_FROM,
            &LIMIT_SUBJECT,
            &REFERS_BACK,
            &OTHER_SUBJECT,
            &LIMITATIONS_PERIOD,
            &MAIN_CLAUSE,
            &ENTITY_FORM,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert_eq!(CARVE_OUTS.len(), 12);
    }

    #[test]
    fn multiples() {
        for (text, m) in [
            ("two times (2x) the fees", 2.0),
            ("three (3) times the fees paid", 3.0),
            ("twice the fees", 2.0),
            ("1.5x the fees", 1.5),
            ("200% of the fees", 2.0),
        ] {
            assert_eq!(read_multiple(text), Some(m), "{text}");
        }
        assert_eq!(read_multiple("the fees paid"), None);
    }

    #[test]
    fn verdicts() {
        let excl = " In no event shall either party be liable for any indirect, incidental or consequential damages.";
        for (text, verdict) in [
            (
                "In no event shall either party's aggregate liability exceed the total fees paid or payable in the twelve (12) months preceding the claim.",
                Verdict::Warn,
            ),
            ("Provider's liability shall be unlimited.", Verdict::Fail),
            ("The fees are set out in Schedule 2.", Verdict::Missing),
        ] {
            assert_eq!(run(text).verdict(), verdict, "{text}");
        }
        let capped = format!(
            "Each party's total liability shall not exceed two times (2x) the fees paid hereunder.{excl}"
        );
        assert_eq!(run(&capped).verdict(), Verdict::Pass);
        let high = format!(
            "Each party's total liability shall not exceed three (3) times the fees paid hereunder.{excl}"
        );
        assert_eq!(run(&high).verdict(), Verdict::Warn);
    }

    #[test]
    fn carve_outs_are_read_from_the_limiting_sentences() {
        let text = "EXCEPT FOR OBLIGATIONS UNDER SECTION 9 (INDEMNIFICATION) AND BREACH OF CONFIDENTIALITY, IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES. The limitations in this Section shall not apply to gross negligence or wilful misconduct. Except as set forth in Schedule 1, the Services include data breach notification.";
        let report = run(text);
        let Some(ParamValue::List(codes)) = report.finding().params.get("uncapped_carve_outs")
        else {
            panic!("no carve-outs: {:?}", report.finding().params);
        };
        let codes: Vec<String> = codes
            .iter()
            .filter_map(|c| match c {
                ParamValue::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            codes,
            [
                "indemnification",
                "confidentiality",
                "referenced_provision",
                "gross_negligence",
                "wilful_misconduct"
            ]
        );
    }

    fn texts(report: &Report, param: &str) -> Vec<String> {
        match report.finding().params.get(param) {
            Some(ParamValue::List(l)) => l
                .iter()
                .filter_map(|c| match c {
                    ParamValue::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn the_object_of_an_exception_is_what_is_carved_out() {
        for (text, codes) in [
            // A leading exception ends where the limit begins.
            (
                "EXCEPT FOR CLAIMS UNDER SECTION 9 HEREOF, THE LIABILITY OF A PARTY TO THE OTHER FOR DIRECT DAMAGES SHALL NOT EXCEED FIFTEEN MILLION DOLLARS.",
                &["referenced_provision"][..],
            ),
            (
                "EXCEPT FOR EACH PARTY'S CONFIDENTIALITY OBLIGATIONS SET FORTH IN SECTION 12 AND INDEMNIFICATION OBLIGATIONS SET FORTH IN THIS SECTION 13, NEITHER PARTY SHALL BE LIABLE FOR ANY INDIRECT, INCIDENTAL, CONSEQUENTIAL, PUNITIVE OR SPECIAL DAMAGES.",
                &["indemnification", "confidentiality", "referenced_provision"][..],
            ),
            // A parenthesis holds its exception.
            (
                "THE LIABILITY OF EITHER PARTY FOR DAMAGES OR ALLEGED DAMAGES HEREUNDER (EXCEPT UNDER SECTIONS 15 AND 16), WHETHER IN CONTRACT, TORT OR ANY OTHER LEGAL THEORY, IS LIMITED TO, AND WILL NOT EXCEED, THE AMOUNTS TO BE PAID BY CLIENT HEREUNDER.",
                &["referenced_provision"][..],
            ),
            // "… shall not apply to", "does not apply to" after a limit.
            (
                "In no event will either party be liable to the other for special, incidental, or indirect damages or for any consequential damages, even if they are informed of the possibility; provided that this Section 10 does not apply to Customer's failure to pay any amounts owing to IBM under this Agreement.",
                &["payment_obligations"][..],
            ),
            // What precedes "are excluded from these limitations".
            (
                "Neither party shall be liable for any indirect or consequential damages. CHANNEL PARTNER'S PAYMENT OBLIGATIONS, BREACHES OF CONFIDENTIALITY BY EITHER PARTY, AND THE PARTIES' INDEMNIFICATION OBLIGATIONS UNDER THIS AGREEMENT ARE EXCLUDED FROM THESE LIMITATIONS OF LIABILITY.",
                &["indemnification", "confidentiality", "payment_obligations"][..],
            ),
            // "Subsection will not limit the liability of a Party for …", even when the sentence
            // runs into the next heading.
            (
                "Each Party waives any right to recover consequential, incidental or indirect damages from the other Party. Notwithstanding the preceding sentences, this Subsection will not limit the liability of a Party for any amount or type of damages for: (1) the defense and indemnification of an Indemnified Claim; or (2) the intentional misconduct of the Party in violation of Applicable Laws. c. Force Majeure.",
                &["indemnification", "wilful_misconduct"][..],
            ),
            // A redacted exception.
            (
                "EXCEPT FOR [***], IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES.",
                &["redacted"][..],
            ),
        ] {
            assert_eq!(texts(&run(text), "uncapped_carve_outs"), codes, "{text}");
        }
    }

    #[test]
    fn words_that_carve_nothing_out() {
        for text in [
            // "Notwithstanding" ranks the sentence; it excepts nothing.
            "Notwithstanding anything contained herein to the contrary, the indemnifying party's liability to the other hereunder shall not exceed the insurance coverage set out in Section 9.0.",
            // "Without limiting" another provision keeps it in force beside the limit.
            "Without limiting the terms set forth in Section 6.09 of the Separation Agreement, none of the parties shall in any event have any liability to the other for any indirect, special, punitive or consequential damages.",
            // "Unless" sets the fault standard of the exclusion.
            "MMI shall not be liable for indirect or consequential damages unless caused by intention or gross negligence.",
            // A confidentiality duty's and a limitations period's own exceptions.
            "In no event shall either party be liable for any consequential damages. The foregoing confidentiality and non-use obligations do not apply to any portion of the other Party's Confidential Information that the receiving Party can demonstrate was already known to it, including information relating to indemnification claims.",
            "In no event shall either party be liable for any consequential damages. No lawsuit may be brought by either party after one (1) year from the date on which the cause of action arose; provided, however, the foregoing limitation shall not apply to the collection of any amounts due under this Agreement.",
            // Insurance requirements do not cap liability; saying so carves nothing out.
            "In no event shall either party be liable for any consequential damages. These insurance requirements will not limit the Supplier's liability for indemnification under Section 9.",
        ] {
            assert_eq!(
                texts(&run(text), "uncapped_carve_outs"),
                Vec::<String>::new(),
                "{text}"
            );
        }
    }

    #[test]
    fn unlimited_liability_beside_a_cap_is_a_carve_out() {
        let cap =
            "In no event shall either party's aggregate liability exceed the fees paid hereunder. ";
        for (text, codes) in [
            (
                "Buyer, for itself and its insurers, expressly waives any and all limitations or liability caps, if any, on Buyer's contribution liability to Seller.",
                &["unlimited_liability"][..],
            ),
            // Insurance that does not cap liability says nothing about a cap.
            (
                "Supplier's liability under the Agreement shall not be limited or modified in any way by the amount or terms of any insurance it is required to maintain hereunder.",
                &[][..],
            ),
        ] {
            let report = run(&format!("{cap}{text}"));
            assert_eq!(texts(&report, "uncapped_carve_outs"), codes, "{text}");
        }
        // With the heads redacted, "even if aware of the possibility of such damages" still
        // shows the exclusion, and its exception.
        let redacted = "EXCEPT FOR [**], IN NO EVENT WILL EITHER PARTY BE LIABLE TO THE OTHER PARTY FOR [**], EVEN IF SUCH PARTY WAS ADVISED OR AWARE OF THE POSSIBILITY OF SUCH DAMAGES.";
        let report = run(redacted);
        assert_eq!(texts(&report, "uncapped_carve_outs"), ["redacted"]);
        assert_eq!(
            report.finding().params.get("consequential_excluded"),
            Some(&ParamValue::Bool(true))
        );
    }

    #[test]
    fn what_the_law_preserves_is_not_an_uncapped_carve_out() {
        let text = "In no event shall either party be liable for any consequential damages. Nothing in this Agreement shall exclude either party's liability for death or personal injury.";
        let report = run(text);
        assert_eq!(texts(&report, "uncapped_carve_outs"), Vec::<String>::new());
        assert_eq!(
            texts(&report, "statutory_carve_outs"),
            ["death_personal_injury"]
        );
        let with_indemnity = "In no event shall either party be liable for any consequential damages. Nothing in this Agreement shall exclude or limit either party's liability for death or personal injury or under Clause 10 (Indemnities).";
        assert_eq!(
            texts(&run(with_indemnity), "uncapped_carve_outs"),
            [
                "indemnification",
                "death_personal_injury",
                "referenced_provision"
            ]
        );
    }

    #[test]
    fn a_carve_out_in_the_cap_sentence_is_quoted_by_its_own_words() {
        let text = "EXCEPT FOR LIABILITY ARISING UNDER SECTION 8 OF THIS AGREEMENT, IN NO EVENT SHALL EITHER PARTY'S LIABILITY ARISING OUT OF THIS AGREEMENT EXCEED THE TOTAL AMOUNT ACTUALLY PAID HEREUNDER DURING THE TWELVE (12) MONTHS PRIOR TO THE CLAIM.";
        let report = run(text);
        let f = report.finding();
        assert_eq!(
            report.quoted(text, Some("uncapped-carve-out")),
            ["EXCEPT FOR LIABILITY ARISING UNDER SECTION 8 OF THIS AGREEMENT"]
        );
        // The untagged main quote is still the whole cap sentence.
        assert!(
            f.evidence
                .iter()
                .any(|e| e.about.is_none() && e.start == 0 && e.end == text.len())
        );
        // The same exception repeated by the next sentence is one carve-out, quoted once; a
        // different one is quoted too.
        let repeated = format!(
            "{text} EXCEPT FOR LIABILITY ARISING UNDER SECTION 8 OF THIS AGREEMENT, IN NO EVENT SHALL EITHER PARTY HAVE ANY LIABILITY FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES."
        );
        let carves = |t: &str| run(t).quoted(t, Some("uncapped-carve-out")).len();
        assert_eq!(carves(&repeated), 1);
        let other = format!(
            "{text} EXCEPT FOR BREACH OF SECTION 9 (CONFIDENTIALITY), IN NO EVENT SHALL EITHER PARTY HAVE ANY LIABILITY FOR ANY INDIRECT OR CONSEQUENTIAL DAMAGES."
        );
        assert_eq!(carves(&other), 2);
    }

    #[test]
    fn only_a_heading_names_a_limitation_clause() {
        let survival = "The provisions of Sections 1 (Definitions), 10 (Indemnification; Limitation of Liability) and 13 (General Provisions) shall survive any expiration or termination of this Agreement.";
        assert_eq!(run(survival).verdict(), Verdict::Missing);
        let heading = "9. LIMITATION OF LIABILITY.";
        assert_eq!(run(heading).verdict(), Verdict::Fail);
        let entity = "\"Person\" means any individual, limited liability or unlimited liability company, or other entity.";
        assert_eq!(run(entity).verdict(), Verdict::Missing);
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = LiabilityCap::new(Policy {
            unlimited: "missing".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("unlimited = \"missing\""), "{err}");
        assert!(
            LiabilityCap::new(Policy {
                max_multiple: -1.0,
                ..Policy::default()
            })
            .is_err()
        );
    }
}
