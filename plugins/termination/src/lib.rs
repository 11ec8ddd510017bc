//! The `termination` check: who may end the contract for convenience, on what notice, and what
//! the provider is paid when that happens.
//!
//! It finds sentences that give a party the right to terminate ("may terminate", "shall have
//! the right to terminate", "may be terminated by") together with a convenience cue ("for
//! convenience", "without cause", "for any reason or no reason", "at any time upon thirty (30)
//! days' notice" with no breach condition). Non-renewal notices are not termination for
//! convenience. A sentence is weighed piece by piece (split at semicolons and at run-in item
//! labels), so a breach condition in one item does not hide a notice-only right in the next;
//! conditions stated as absent ("so long as no default exists") restrict nothing; a right to
//! end something other than the agreement ("terminate the Advertising Fund"), termination by
//! mutual consent and references to other termination provisions are not convenience.
//!
//! What counts, as CUAD's "Termination For Convenience" labels draw the line: a party may end
//! the agreement (or its own participation, or withdraw from a venture) by its own choice,
//! with notice or at any time, with no event required: "for convenience", "without cause",
//! "for any reason", "at any time upon ninety days' notice", "in the event the Company desires
//! to terminate, it shall give sixty days' notice", also after a lock-in ("at the end of the
//! Initial Period or at any time thereafter"). Not convenience: a right that hangs on an event,
//! whether stated before the right, after it, or as items of a list the right introduces or
//! is followed by ("if: (i) …", "(i) if there has been …", "whenever it determines that …");
//! a right of a party named by an event ("the non-breaching party", "the Party not delayed");
//! termination that happens automatically; non-renewal at the end of a term.
//!
//! It also reads the notice period (days), the cure period for breach, a kill fee (percent of
//! remaining fees), whether the provider is paid for work performed up to termination, and
//! whether anything survives termination. The verdict follows the playbook:
//! convenience termination without payment for work performed fails, no kill fee or a short
//! notice warns, and a contract with no termination clause at all is `missing`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::duration::find_durations;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::percent::find_percents;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseKind, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[termination]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// A convenience notice shorter than this many days gets the `short_notice` verdict.
    pub min_notice_days: u32,
    /// Verdict when the client may terminate for convenience without paying for work performed.
    pub unpaid_convenience: String,
    /// Verdict when the client may terminate for convenience and no kill fee is due.
    pub no_kill_fee: String,
    /// Verdict when the convenience notice is shorter than `min_notice_days`.
    pub short_notice: String,
    /// Verdict when the contract has no termination clause at all.
    pub missing: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            min_notice_days: 14,
            unpaid_convenience: "fail".to_owned(),
            no_kill_fee: "warn".to_owned(),
            short_notice: "warn".to_owned(),
            missing: "missing".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct Termination {
    min_notice_days: u32,
    unpaid_convenience: Verdict,
    no_kill_fee: Verdict,
    short_notice: Verdict,
    missing: Verdict,
}

/// A right to terminate: "may terminate", "shall have the right to terminate", "is entitled,
/// at its sole discretion, to terminate", "may be terminated by", "is terminable"; a party's
/// wish to terminate on which the contract hangs a notice duty ("in the event that the Company
/// desires to terminate …, it shall give sixty days' notice"); and a right to withdraw from a
/// venture or agreement, which ends that party's participation ("Any Participant will have
/// the right to voluntarily withdraw from the Joint Venture at any time").
static RIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:may|can|(?:is|are|be|shall\s+be)\s+entitled\s+to|(?:shall|will|has|have|reserves?|retains?)\s+(?:the\s+|a\s+)?(?:unilateral\s+|absolute\s+)?right\s+to|right\s+to|option\s+to|elect\s+to|ability\s+to)\b.{0,80}?\bterminat(?:e|ed|ing)\b|\bterminated\s+(?:\w+\s+){0,3}?by\s+(?:either|any|each)\s+part|\btermination\s+by\s+(?:either|any|each)\s+part|\bterminat\w*\b.{0,40}?\bat\s+the\s+option\s+of\b|\bterminated\b.{0,80}?\bat\s+any\s+time\b|\bmay\s+(?:\w+\s+){0,3}?be\s+terminated\b|\bterminable\b|\btermination\s+(?:of\s+this\s+agreement\s+)?for\s+convenience\b|\bright\b[^.;]{0,100}?\bto\s+terminate\b|\bentitled\b[^.;]{0,80}?\bto\s+terminate\b|\bat\s+the\s+option\s+of\s+(?:either|any|each)\s+part(?:y|ies)\b|\bshall\s+(?:\w+\s+){0,2}?be\s+(?:earlier\s+)?terminated\b|\b(?:desires|wishes|decides|chooses|wants)\s+to\s+terminate\b|\b(?:may|can|right\s+to|entitled\s+to)\s+(?:\w+\s+){0,2}?withdraw\s+from\s+(?:this|the)\s+(?:agreement|joint\s+venture|venture|partnership|jv|alliance|collaboration|consortium)\b|\buntil\s+(?:either|any|one)\s+party\s+(?:gives|provides|serves|informs|notifies|delivers)\b[^.;]{0,80}?\bnotice\b",
    )
});
/// Words that make a termination right one for convenience.
static CONVENIENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bfor\s+(?:its\s+|their\s+|the\s+|his\s+|her\s+)?(?:own\s+)?convenience\b|\bwithout\s+(?:any\s+)?(?:cause|reason|justification)\b|\bfor\s+non-?\s?cause\b|\bfor\s+any\s+(?:or\s+no\s+)?reason\b|\bfor\s+no\s+reason\b|\bwith\s+or\s+without\s+(?:cause|reason)\b|\bfor\s+any\s+reason\s+whatsoever\b|\bat\s+any\s+time\b[^.;]{0,40}?\b(?:in|at)\s+(?:its|their|his|her)\s+(?:sole\s+|absolute\s+)?(?:discretion|option)\b|\b(?:in|at)\s+(?:its|their|his|her)\s+(?:sole\s+|absolute\s+)?(?:discretion|option)\b[^.;]{0,60}?\bat\s+any\s+time\b",
    )
});
/// Weaker cues (discretion, option, notice alone) that make a right one for convenience only
/// when no condition is named.
static WEAK_CONVENIENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:in|at)\s+(?:its|their|his|her)\s+(?:sole\s+|absolute\s+)?(?:and\s+absolute\s+)?(?:discretion|option|election)\b|\bat\s+will\b|\bat\s+the\s+option\s+of\b|\bat\s+any\s+time\b|\b(?:notice|notify|notifying|notification)\b",
    )
});
/// A table of contents run together as one sentence ("7.3 Termination for Cause 50 7.4 …").
static TOC: LazyLock<Regex> = LazyLock::new(|| re(r"\b\d{1,3}\s+\d{1,2}\.\d{1,2}\b"));
/// A list item ("(d) By either party upon sixty (60) days notice", "15.02.1.1 By any party …").
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W{0,3}(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})\.|\d{1,3}(?:\.\d{1,3})+\.?)\s+|^\W{0,3}by\s",
    )
});
/// An item that completes the sentence of the list it belongs to ("… may be terminated as
/// follows: (b) by either party upon sixty days' notice"): after its label it opens with a
/// preposition or a gerund, not with a subject and verb of its own. An item that neither does
/// this nor names termination is the next clause ("11. Notice. Any written notice shall be
/// deemed delivered three days after …"), not part of the list.
static ITEM_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W{0,3}(?:(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})\.|\d{1,3}(?:\.\d{1,3})+\.?)\s+)?(?:by|upon|on|with|without|within|after|at|for|following|in|\w+ing)\b",
    )
});
/// "At any time … notice": a termination right on notice alone (convenience unless a breach
/// or other condition is named).
static ANY_TIME_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bat\s+any\s+time\b.{0,160}?\b(?:notice|notifying|notification)\b|\b(?:upon|on|by\s+giving|with|after)\s+(?:at\s+least\s+|not\s+less\s+than\s+|no\s+less\s+than\s+)?(?:\w+\s+)?(?:\(\d+\)\s+)?(?:calendar\s+|business\s+)?(?:days?|months?)\s*'?\s*(?:prior\s+|advance\s+)?(?:written\s+)?(?:notice|notification)\b",
    )
});
/// Conditions that make a notice-only right something other than convenience.
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bbreach|\bdefault|\bfail(?:s|ed|ure|ing)?\b|\binsolv|\bbankrupt|\breceiver|\bviolat|\bcure[ds]?\b|\bchange\s+(?:of|in)\s+control\b|\bif\b|\bin\s+the\s+event\b|\bupon\s+the\s+occurrence\b|\bforce\s+majeure\b|\bshould\b|\bin\s+case\b|\bwhenever\b|\b(?:with|for)\s+cause\b|\bat\s+the\s+end\s+of\b|\bprior\s+to\s+the\s+expiration\b|\bfor\s+\W?cause\b|\bimmediately\b|\bforthwith\b|\bin\s+(?:such|that|either|any\s+such)\s+event\b|\bmutual(?:ly)?\b|\b(?:written\s+)?(?:consent|agreement)\s+(?:in\s+writing\s+)?of\s+(?:all\s+)?(?:the\s+|both\s+)?parties\b|\b(?:in\s+accordance\s+with|pursuant\s+to|under)\s+(?:the\s+)?termination\s+provisions?\b|\bupon\s+(?:the\s+)?receipt\s+of\s+(?:\w+\s+)?notice\s+of\b|\bnon-?\s?(?:breaching|defaulting|affected)\s+part|\bparty\s+not\s+(?:delayed|affected|in\s+default|in\s+breach)\b|\b(?:unaffected|aggrieved|innocent)\s+part",
    )
});
/// Sentences that are not a convenience right whatever their words: non-renewal, negated
/// rights, and automatic termination (an agreement that ends by itself on an event is not ended
/// by a party's choice).
static NOT_CONVENIENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnon-?\s?renewal\b|\bnot\s+(?:to\s+)?renew\b|\bnot\s+be\s+renewed\b|\b(?:may|shall|will|can)\s+not\s+(?:\w+\s+){0,3}?terminat|\bno\s+(?:\w+\s+)?right\s+to\s+terminat|\bnot\s+(?:be\s+)?(?:entitled|permitted)\s+to\s+terminat|\bcannot\s+terminat|\b(?:agrees?|covenants?|undertakes?)\s+not\s+to\s+terminat|\b(?:in\s+the\s+event|should|if|whether|once)\s+(?:this\s+agreement|the\s+agreement|it)\s+(?:is|be|shall\s+be|has\s+been)\s+terminated\b|\b(?:upon|notwithstanding|after|following)\s+(?:any\s+|the\s+|such\s+)?termination\b|\b(?:from|of|after|upon|following)\s+(?:the|such|any|a)\s+termination\s+(?:of\s+this\s+agreement\s+)?for\s+convenience\b|\bif\s+for\s+any\s+reason\b|\b(?:employment|engagement)\b[^.;]{0,60}?\bterminate[sd]?\s+for\s+any\s+reason\b|\bin\s+exercising\b|\bterminat\w*\s+(?:\w+\s+)?automatically\b|\bautomatically\s+terminat",
    )
});
static CURE: LazyLock<Regex> = LazyLock::new(|| re(r"\bcure[ds]?\b|\bremed(?:y|ied)\b|\brectif"));
static KILL_FEE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:early\s+)?termination\s+fee\b|\bkill\s+fee\b|\bcancell?ation\s+(?:fee|charge)\b|\bbreak\s+fee\b",
    )
});
/// Payment for work performed up to termination.
static PAID_WORK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bpa(?:y|ys|id|yment)\b.{0,200}?\b(?:(?:services|work|deliverables)\s+(?:\w+\s+){0,3}?(?:performed|rendered|completed|provided|delivered)|(?:through|to|up\s+to|until|prior\s+to)\s+(?:and\s+including\s+)?the\s+(?:effective\s+)?date\s+of\s+(?:such\s+)?termination|costs\s+(?:\w+\s+){0,2}?incurred|expenses\s+(?:\w+\s+){0,2}?incurred|accrued|earned)",
    )
});
static SURVIVAL: LazyLock<Regex> = LazyLock::new(|| re(r"\bsurviv"));
/// Where a sentence divides into parts that may hold different rights: a semicolon, ", but",
/// or an item label run into the sentence ("… notice, or (ii) immediately if …", "… breach.
/// d. Either party may …").
static PIECE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r";|,?\s+but\s+(?:the\s+)?(?:party|either|neither|each|no|[a-z]+\s+(?:may|shall|will|can))\b|[.:,]\s+(?:[a-z]|[ivx]{1,4})\.\s|\s\((?:[a-z]|[ivx]{1,4})\)\s|[:,]\s+(?:or\s+|and\s+)?\(?\d{1,2}\)\s",
    )
});
/// The verbs of a sentence that grants something; a heading has none.
static HEADING_VERB: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:may|shall|will|can|is|are|has|have|reserves?)\b"));
/// A word.
static WORD: LazyLock<Regex> = LazyLock::new(|| re(r"[\w'-]+"));
/// A run-in item label after a full stop ("d. Either party …").
static RUN_IN_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:[a-z]|[ivx]{1,4})\.\s"));
/// A piece that opens with an item label.
static ITEM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s;:,.]*(?:but\s+)?(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\.)\s|^[\s]*(?:or\s+|and\s+)?by\s",
    )
});
/// An item that opens with a condition ("(i) if there has been …", "(ii) upon the occurrence
/// of …"): a condition of the right it follows.
static CONDITION_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s;:,.]*(?:or\s+|and\s+)?(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\.)\s+(?:if|in\s+the\s+event|in\s+case|should|whenever|upon\s+the\s+occurrence)\b",
    )
});
/// A sentence that opens with a condition over a list of items ("In the event that 8.2.1 …",
/// "If the Executive: (a) fails …").
static CONDITION_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W{0,3}(?:[\d.]+\s+)?(?:if|in\s+the\s+event(?:\s+that)?|should|upon\s+the\s+occurrence\s+of)\b[^.;:()]{0,60}?[:,]?\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|\d{1,3}(?:\.\d{1,3})+\.?)\s",
    )
});
/// A piece that names its own holder ("; by Licensor or Licensee upon sixty days' notice").
static ITEM_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s;:,.]*(?:or\s+|and\s+)?(?:(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\.)\s+)?by\s",
    )
});
/// Conditions that restrict nothing; they are blanked before conditions are looked for:
/// conditions stated as absent ("so long as no default exists", "provided that no breach has
/// occurred", "if MPL is in compliance with this Agreement"), the holder's own wish as the
/// only trigger ("in the event that the Company desires to terminate …, it shall give sixty
/// days' notice"), and a lock-in period after which the right runs at any time ("at the end
/// of the Initial Period or at any time thereafter by giving one year's notice").
static NEGATED_CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:so\s+long\s+as|provided\s+(?:that\s+)?|if)\s+(?:there\s+is\s+)?(?:no|not\s+in)\s+(?:\w+\s+)?(?:default|breach|event\s+of\s+default)\b[^,;]*|\b(?:so\s+long\s+as|provided\s+(?:that\s+)?|if)\s+(?:\w+\s+){1,3}?(?:is|are|remains?)\s+(?:then\s+)?in\s+(?:full\s+)?compliance\b[^,;]*|\b(?:if|in\s+the\s+event(?:\s+that)?|should|when)\s+(?:\w+\s+){1,3}?(?:desires|wishes|decides|chooses|wants)\s+to\s+terminate\b|\bat\s+the\s+end\s+of\s+(?:\w+\s+){1,4}?or\s+(?:at\s+)?any\s+time\s+thereafter\b",
    )
});
/// A condition word between a right and a strong cue puts the cue inside the condition ("may
/// terminate for cause if the bureaus decline to serve it for any reason").
static IF_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:if|in\s+the\s+event|should|where|when|unless|for\s+cause)\b"));
/// What the right ends: the agreement, or something that stands for it or a part of it. A
/// right to terminate anything else (a fund, a council, a display, payment terms) is not
/// termination of the contract.
static AGREEMENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:agreements?|contracts?|term|licen[cs]es?|engagements?|services?|statements?\s+of\s+work|sows?|orders?|appointments?|arrangements?|relationships?|addend(?:um|a)|exhibits?|schedules?|amendments?|leases?|programs?|programmes?|participation|employment|obligations?|subscriptions?|projects?|work|stud(?:y|ies)|whole|periods?|scope|distributorship|franchises?|sponsorship|endorsement|collaboration|alliance|venture|partnership|supply|purchases?|pilot|rights?|it|this|hereof|hereunder|same|deals?|transactions?|maintenance|support|portions?|parts?)\b",
    )
});
/// The object of an active "terminate": its first few words after a determiner.
static OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:(?:or|and/or|and)\s+(?:\w+\s+){1,2}?)?(?:the|this|that|these|those|its|his|her|their|our|your|such|a|an)\s+((?:[\w-]+\s+){0,3}[\w-]+)",
    )
});
/// Party names that stand for the client and the provider.
static CLIENT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:client|customer|company|buyer|purchaser|licensee|owner|sponsor)\b"));
static PROVIDER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:provider|consultant|contractor|supplier|vendor|agency|licensor|developer|seller|service\s+provider|executive|employee)\b",
    )
});
static EITHER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:either|each|any|both)\s+part(?:y|ies)\b|\bthe\s+parties\b"));

/// Recitals and preambles longer than this hold a whole unsegmented contract.
const MAX_PREAMBLE: usize = 4000;

/// One convenience-termination right.
#[derive(Debug)]
struct Right {
    span: Span,
    by: &'static str,
    notice_days: Option<i64>,
    /// The sentence is only a heading ("7.7 Termination for Convenience."): quoted only when
    /// no sentence grants the right in words.
    heading: bool,
}

impl Termination {
    /// Who holds a right in `n` (the matching form of its sentence): the words before the
    /// right.
    fn holder(n: &str, at: usize) -> &'static str {
        let before = n.get(..at).unwrap_or(n);
        let from = before.len().saturating_sub(120);
        let before = before.get(from..).unwrap_or(before);
        if EITHER.is_match(before) {
            "either"
        } else if CLIENT.is_match(before) {
            "client"
        } else if PROVIDER.is_match(before) {
            "provider"
        } else {
            let after = n.get(at..).unwrap_or("");
            // "may be terminated by Client".
            if let Some(by) = after.find(" by ").and_then(|i| after.get(i + 4..)) {
                let by = by.get(..by.len().min(40)).unwrap_or(by);
                if EITHER.is_match(by) {
                    return "either";
                } else if CLIENT.is_match(by) {
                    return "client";
                } else if PROVIDER.is_match(by) {
                    return "provider";
                }
            }
            "unknown"
        }
    }

    /// The convenience right a sentence grants, if any: the first of its pieces (see
    /// [`PIECE_BREAK`]) that grants one, either with its own right ("either party may terminate
    /// … on thirty days' notice") or as an item under the right of an earlier piece ("may
    /// terminate this Agreement: (i) upon thirty days' notice, or (ii) immediately if …").
    fn right(n: &str, span: Span) -> Option<Right> {
        if TOC.find_iter(n).nth(2).is_some() {
            return None;
        }
        // The head: the last piece with a right, and where the right is in it.
        let mut head: Option<(&str, usize, usize)> = None;
        // Where the current semicolon-delimited part of the sentence starts.
        let mut part = 0;
        // A sentence that opens with a condition over a list ("In the event that 8.2.1 one
        // Party is in breach …; 8.2.2 …") is one part: the condition governs every item.
        let one_part = CONDITION_LIST.is_match(n);
        let all = pieces(n);
        for (i, &(from, to)) in all.iter().enumerate() {
            let piece = n.get(from..to).unwrap_or("");
            // The items that follow a right and open with a condition ("may terminate … at any
            // time (i) if there has been …, (ii) if …") are the right's conditions.
            // A right whose piece ends in a full stop or semicolon is complete: the next item
            // is a sibling, not its condition.
            let conditions_follow = !piece.trim_end().ends_with(['.', ';'])
                && all
                    .get(i + 1)
                    .and_then(|&(a, b)| n.get(a..b))
                    .is_some_and(|next| CONDITION_ITEM.is_match(next));
            if let Some(m) = RIGHT.find(piece) {
                head = Some((piece, m.start(), m.end()));
                // A condition earlier in the same part ("If the other party breaches, …
                // either party may terminate") governs this right too.
                let earlier = n.get(part..from).unwrap_or("");
                if let Some(r) = Self::convenient(piece, m.start(), m.end(), piece, span)
                    && unconditional(earlier)
                    && !conditions_follow
                {
                    return Some(r);
                }
            } else if let Some((h, start, end)) = head
                && ITEM_LABEL.is_match(piece)
                && let Some(r) = Self::convenient(h, start, end, piece, span)
            {
                return Some(r);
            }
            // A semicolon or a run-in item ("… breach. d. Either party …") starts a new part.
            let new_part =
                piece.ends_with(';') || n.get(to..).is_some_and(|next| RUN_IN_ITEM.is_match(next));
            if new_part && !one_part {
                part = to;
            }
        }
        None
    }

    /// Whether `piece` makes the right found at `start..end` of `head` (the same text, or the
    /// list introduction it is an item of) a right to terminate the agreement for convenience.
    fn convenient(head: &str, start: usize, end: usize, piece: &str, span: Span) -> Option<Right> {
        let own = std::ptr::eq(head, piece);
        if NOT_CONVENIENCE.is_match(piece) || (!own && NOT_CONVENIENCE.is_match(head)) {
            return None;
        }
        // A list introduction ("may terminate … as follows:") grants nothing by itself unless
        // it names the right as one for convenience ("may terminate … for convenience … by:
        // a. giving one month's notice; and b. paying …"); its items are then the procedure.
        let introduction = piece.trim_end().ends_with(':');
        let matched = head.get(start..end).unwrap_or("");
        let after = head.get(end..).unwrap_or("");
        let before = head.get(..start).unwrap_or("");
        // An item that names its own holder ("…; by Licensor or Licensee upon sixty days'
        // notice; or …") is an alternative of its own: the conditions of the head's own
        // alternative do not govern it. Any other item completes the head: the conditions
        // that follow the right govern it, and when the head introduces its items ("… if:")
        // so do those before the right ("If NPC does not request …, either party may terminate
        // … effective at the later of: (a) …"), and a strong cue inside an item is then one
        // of the conditions ("may terminate … upon notice if: (iii) the Study is cancelled
        // for any reason").
        let independent = !own && ITEM_BY.is_match(piece);
        let head_introduces = head.trim_end().ends_with(':');
        let head_unconditional =
            own || independent || unconditional(after) && (!head_introduces || unconditional(head));
        // "terminate the Fund", "terminate or modify these payment terms": not the agreement.
        if matched.ends_with("terminate")
            && let Some(object) = OBJECT.captures(after).and_then(|c| c.get(1))
            && !AGREEMENT_NOUN.is_match(noun_phrase(object.as_str()))
        {
            return None;
        }
        // "The Advisory Council may be terminated": the subject is not the agreement.
        if (matched.starts_with("may") || matched.starts_with("shall"))
            && (matched.ends_with("terminated") || matched.ends_with("terminable"))
        {
            let subject = before.rsplit([',', ':', ')']).next().unwrap_or("").trim();
            if subject.split_whitespace().count() >= 2 && !AGREEMENT_NOUN.is_match(subject) {
                return None;
            }
        }
        // A strong cue counts unless it sits inside a condition that follows the right.
        let strong = CONVENIENCE.find_iter(piece).any(|c| {
            // Before the right, the cue may belong to a condition too ("in the event Sponsor,
            // with or without cause, terminates …, Provider may terminate").
            let between = if own && c.start() < start {
                piece.get(..c.start()).unwrap_or("")
            } else if own {
                piece.get(end.min(c.start())..c.start()).unwrap_or("")
            } else {
                piece.get(..c.start()).unwrap_or("")
            };
            !IF_WORD.is_match(between)
        }) && (own || independent || !head_introduces || !IF_WORD.is_match(head))
            && (!introduction || !IF_WORD.is_match(after));
        let weak = !introduction
            && (ANY_TIME_NOTICE.is_match(piece) || WEAK_CONVENIENCE.is_match(piece))
            && unconditional(piece)
            && head_unconditional
            && !piece.contains("renew")
            && !head.contains("renew");
        if !(strong || weak) {
            return None;
        }
        // An item may name its own holder ("(b) by Licensor upon sixty days' notice").
        let by = match Self::holder(piece, piece.len().min(60)) {
            by if !own && by != "unknown" => by,
            // "At the option of any party": the holder is in the right's own words.
            _ if EITHER.is_match(matched) => "either",
            _ => Self::holder(head, start),
        };
        Some(Right {
            span,
            by,
            notice_days: find_durations(piece)
                .first()
                .map(|d| d.duration.as_days().round() as i64),
            heading: piece.len() < 80 && !HEADING_VERB.is_match(piece),
        })
    }
}

/// Words that end a noun phrase: prepositions, conjunctions and adverbs.
const STOP_WORDS: &[&str] = &[
    "at",
    "upon",
    "on",
    "by",
    "for",
    "with",
    "without",
    "in",
    "within",
    "if",
    "and",
    "or",
    "to",
    "effective",
    "immediately",
    "prior",
    "after",
    "as",
    "under",
    "pursuant",
    "from",
    "forthwith",
    "subject",
    "unless",
    "during",
    "before",
    "following",
    "of",
];

/// The leading words of `words` up to the first [`STOP_WORDS`] word: the head of the phrase.
fn noun_phrase(words: &str) -> &str {
    let end = WORD
        .find_iter(words)
        .take_while(|w| !STOP_WORDS.contains(&w.as_str()))
        .last()
        .map_or(0, |w| w.end());
    words.get(..end).unwrap_or(words)
}

/// Whether `text` names no condition (conditions stated as absent do not count).
fn unconditional(text: &str) -> bool {
    !CONDITION.is_match(&NEGATED_CONDITION.replace_all(text, ""))
}

/// The pieces of a sentence's matching form (byte ranges), split at each [`PIECE_BREAK`].
fn pieces(n: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for m in PIECE_BREAK.find_iter(n) {
        // A semicolon ends the piece before it; a label starts the next one.
        let cut = if m.as_str().starts_with(';') {
            m.end()
        } else {
            m.start() + 1
        };
        if cut > from && n.is_char_boundary(cut) {
            out.push((from, cut));
            from = cut;
        }
    }
    if from < n.len() {
        out.push((from, n.len()));
    }
    out
}

/// How many sentences after "may be terminated as follows:" may be its items.
const MAX_ITEMS: usize = 8;

impl Termination {
    /// A list item under a termination right that grants it on notice alone ("(d) By either
    /// party upon sixty (60) days prior written notice").
    fn item(text: &str, n: &str, span: Span) -> Option<Right> {
        if NOT_CONVENIENCE.is_match(n) || !n.contains("notice") && !CONVENIENCE.is_match(n) {
            return None;
        }
        // An item names a period or termination; a heading ("10. Notices.") does neither. It
        // completes the list's sentence (see [`ITEM_TAIL`]): one with a subject of its own is
        // the next clause or an event ("4.2.3 The LSA is terminated for any reason"), and one
        // with its own right is read as a sentence of its own.
        if !n.contains("terminat") && find_durations(text).is_empty() || !ITEM_TAIL.is_match(n) {
            return None;
        }
        if !CONVENIENCE.is_match(n) && CONDITION.is_match(n) {
            return None;
        }
        Some(Right {
            span,
            heading: n.len() < 80 && !HEADING_VERB.is_match(n),
            by: Self::holder(n, n.len().min(60)),
            notice_days: find_durations(text)
                .first()
                .map(|d| d.duration.as_days().round() as i64),
        })
    }
}

fn longest_days(text: &str) -> Option<i64> {
    find_durations(text)
        .iter()
        .map(|d| d.duration.as_days().round() as i64)
        .max()
}

impl Check for Termination {
    const ID: &'static str = "termination";
    const NAME: &'static str = "Termination terms";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds termination for convenience (who may terminate, on how many days' notice), payment for work performed, kill fees, cure periods and survival, and grades them against the policy.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "min_notice_days",
            "A convenience notice shorter than this many days gets the short_notice verdict (integer days).",
        ),
        (
            "unpaid_convenience",
            "Verdict when the client may terminate for convenience without paying for work performed: pass, warn or fail.",
        ),
        (
            "no_kill_fee",
            "Verdict when the client may terminate for convenience and no kill fee is due: pass, warn or fail.",
        ),
        (
            "short_notice",
            "Verdict when the convenience notice is shorter than min_notice_days: pass, warn or fail.",
        ),
        (
            "missing",
            "Verdict when the contract has no termination clause: pass, missing, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        Ok(Termination {
            min_notice_days: policy.min_notice_days,
            unpaid_convenience: among("unpaid_convenience", &policy.unpaid_convenience, GRADES)?,
            no_kill_fee: among("no_kill_fee", &policy.no_kill_fee, GRADES)?,
            short_notice: among("short_notice", &policy.short_notice, GRADES)?,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let mut rights: Vec<Right> = Vec::new();
        let mut any_termination: Option<Span> = None;
        let mut cure_days: Option<i64> = None;
        let mut kill_fee: Option<f64> = None;
        let mut kill_fee_span: Option<Span> = None;
        let mut paid: Option<Span> = None;
        let mut survival = false;
        // How many more sentences may be items of a list a termination right introduces.
        let mut lead = 0usize;
        for (s, norm) in sentences.iter() {
            if s.clause.kind() == ClauseKind::Recital && s.clause.text().len() <= MAX_PREAMBLE {
                continue;
            }
            let n = norm.as_str();
            let item_notice = lead > 0 && n.contains("notice");
            if !(n.contains("termina")
                || n.contains("cancel")
                || n.contains("withdraw")
                || item_notice)
            {
                lead = lead.saturating_sub(1);
                continue;
            }
            if any_termination.is_none() && RIGHT.is_match(n) {
                any_termination = Some(s.span);
            }
            if let Some(r) = Self::right(n, s.span) {
                rights.push(r);
            } else if lead > 0
                && ITEM.is_match(n)
                && let Some(r) = Self::item(s.text, n, s.span)
            {
                rights.push(r);
            }
            let open_ended = !n.trim_end().ends_with(['.', ';', '!', '?', ')', '"']);
            if RIGHT.is_match(n)
                && (n.trim_end().ends_with(':') || n.contains("following") || open_ended)
            {
                lead = MAX_ITEMS;
            } else {
                lead = lead.saturating_sub(1);
            }
            if cure_days.is_none() && CURE.is_match(n) {
                cure_days = longest_days(s.text);
            }
            if kill_fee.is_none() && KILL_FEE.is_match(n) {
                kill_fee_span = Some(s.span);
                kill_fee = find_percents(s.text).first().map(|p| p.value);
            }
            if paid.is_none() && PAID_WORK.is_match(n) {
                paid = Some(s.span);
            }
            if !survival && SURVIVAL.is_match(n) {
                survival = true;
            }
        }
        if any_termination.is_none() && rights.is_empty() {
            return vec![Report::new(self.missing, "No termination clause found.")];
        }
        let mut report;
        let mut verdict = Verdict::Pass;
        let mut reasons = Vec::new();
        // The client's right matters most to the provider; then a mutual one.
        // Rights granted in words before headings that only name one.
        let (mut preferred, headings): (Vec<&Right>, Vec<&Right>) =
            rights.iter().partition(|r| !r.heading);
        if preferred.is_empty() {
            preferred = headings;
        }
        let first = preferred
            .iter()
            .find(|r| r.by == "client")
            .or_else(|| preferred.iter().find(|r| r.by == "either"))
            .or_else(|| preferred.first())
            .copied();
        if let Some(r) = first {
            let client_may = r.by != "provider";
            if client_may && paid.is_none() {
                verdict = verdict.max(self.unpaid_convenience);
                reasons
                    .push("may be terminated for convenience without payment for work performed");
            }
            if client_may && kill_fee_span.is_none() {
                verdict = verdict.max(self.no_kill_fee);
                reasons.push("no kill fee on termination for convenience");
            }
            if r.notice_days
                .is_some_and(|d| d < i64::from(self.min_notice_days))
            {
                verdict = verdict.max(self.short_notice);
                reasons.push("convenience notice is shorter than the policy minimum");
            }
            let message = if reasons.is_empty() {
                "Termination for convenience is within policy.".to_owned()
            } else {
                format!("Termination for convenience: {}.", reasons.join("; "))
            };
            report = Report::new(verdict, message)
                .param("for_convenience", true)
                .param("by", r.by)
                .param_opt("notice_days", r.notice_days)
                .quote(r.span);
        } else {
            report = Report::new(Verdict::Pass, "No termination for convenience.")
                .param("for_convenience", false);
            if let Some(s) = any_termination {
                report = report.quote(s);
            }
        }
        report = report
            .param_opt("cure_days", cure_days)
            .param_opt("kill_fee_percent", kill_fee)
            .param("paid_for_work_performed", paid.is_some())
            .param("survival", survival);
        vec![report]
    }
}

clauselint_sdk::export_check!(Termination);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = Termination::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<Termination>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &RIGHT,
            &CONVENIENCE,
            &ANY_TIME_NOTICE,
            &CONDITION,
            &NOT_CONVENIENCE,
            &CURE,
            &KILL_FEE,
            &PAID_WORK,
            &SURVIVAL,
            &CLIENT,
            &PROVIDER,
            &EITHER,
            &WEAK_CONVENIENCE,
            &TOC,
            &ITEM,
            &ITEM_TAIL,
            &CONDITION_ITEM,
            &CONDITION_LIST,
            &ITEM_BY,
            &PIECE_BREAK,
            &ITEM_LABEL,
            &NEGATED_CONDITION,
            &IF_WORD,
            &AGREEMENT_NOUN,
            &OBJECT,
            &RUN_IN_ITEM,
            &HEADING_VERB,
            &WORD,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn mutual_convenience_on_notice() {
        let r = run(
            "12. Termination. Either party may terminate this Agreement at any time, without cause, upon thirty (30) days' prior written notice to the other party.",
        );
        assert_eq!(param(&r, "for_convenience"), Some(&ParamValue::Bool(true)));
        assert_eq!(param(&r, "notice_days"), Some(&ParamValue::Int(30)));
        assert_eq!(param(&r, "by"), Some(&ParamValue::Text("either".into())));
        assert_eq!(r.verdict(), Verdict::Fail);
    }

    #[test]
    fn breach_only_is_not_convenience() {
        let r = run(
            "12. Termination. Either party may terminate this Agreement upon thirty (30) days' written notice if the other party materially breaches this Agreement and fails to cure such breach within thirty (30) days.",
        );
        assert_eq!(param(&r, "for_convenience"), Some(&ParamValue::Bool(false)));
        assert_eq!(param(&r, "cure_days"), Some(&ParamValue::Int(30)));
        assert_eq!(r.verdict(), Verdict::Pass);
    }

    #[test]
    fn sentences_split_at_semicolons_and_run_in_items_not_at_numbers() {
        let n = "either party may terminate: (i) upon thirty (30) days notice, or (ii) if the other party breaches; and b. client may terminate.";
        let got: Vec<&str> = pieces(n).into_iter().map(|(a, b)| &n[a..b]).collect();
        assert_eq!(
            got,
            [
                "either party may terminate: ",
                "(i) upon thirty (30) days notice, or ",
                "(ii) if the other party breaches;",
                " and b. client may terminate."
            ]
        );
        assert_eq!(
            noun_phrase("advertising fund at any time"),
            "advertising fund"
        );
        assert_eq!(noun_phrase("upon notice"), "");
    }

    #[test]
    fn heading_is_quoted_only_without_a_worded_right() {
        let text = "7. Termination for Convenience.\nClient may terminate this Agreement for convenience upon thirty (30) days' notice.";
        let r = run(text);
        let e = &r.finding().evidence;
        assert_eq!(e.len(), 1);
        assert!(text[e[0].start..e[0].end].starts_with("Client may"));
    }

    fn convenience(text: &str) -> bool {
        param(&run(text), "for_convenience") == Some(&ParamValue::Bool(true))
    }

    #[test]
    fn rights_in_other_words_are_found() {
        // "entitled, at its sole discretion, to terminate".
        assert!(convenience(
            "16.2 Contractor shall be entitled, at its sole discretion, to terminate this Agreement only during the Extended Term, with or without cause, upon a prior written notice of termination to NICE of not less than six (6) months."
        ));
        // The holder's wish as the only trigger.
        assert!(convenience(
            "3. Term. In the event that the Company desires to terminate the Agreement prior to the Termination Date, it shall provide AGI with at least 60 days prior written notice of its intention to terminate this Agreement."
        ));
        // A lock-in period, then a right at any time.
        assert!(convenience(
            "18.1 However, any Party may terminate its participation in this Agreement at the end of the Initial Period or any time thereafter by giving not less than one (1) year's prior notice thereof, in writing, to the other Parties."
        ));
        // Withdrawal from a venture.
        assert!(convenience(
            "9. Voluntary Withdrawal. Any Participant will have the right to voluntarily withdraw from the Joint Venture at any time, on thirty (30) days' written notice to the other Participants."
        ));
        // "terminable" alone, with alternatives that name their own holder.
        assert!(convenience(
            "4.1 This Agreement shall be terminable by Licensor at any time and in its sole discretion in the event that Licensor receives notice of any Third Party Claim; by Licensor or Licensee upon sixty (60) days' written notice to the other party; or by Licensee at any time in the event Licensee assigns this Agreement."
        ));
        // An introduction that names the right as one for convenience.
        assert!(convenience(
            "Customer may terminate this Agreement for convenience at the end of any calendar month by: a. providing at least one month's prior written notice to IBM; and b. paying the applicable early termination charges."
        ));
    }

    #[test]
    fn conditioned_rights_are_not_convenience() {
        // Automatic termination is no party's choice.
        assert!(!convenience(
            "8.3 Automatic Termination This Agreement shall be terminated automatically, without notice, (i) upon the institution by or against either party of insolvency proceedings, or (ii) upon either party's dissolution."
        ));
        // "whenever" states a condition.
        assert!(!convenience(
            "14. Either Party may terminate this Agreement upon ten (10) business days written notice to the other Party whenever the notifying Party in its sole discretion determines that the continuation of the Agreement will damage its reputation."
        ));
        // Conditions as items that follow the right.
        assert!(!convenience(
            "(a) The Agent may terminate this Agreement, by notice to the Company, at any time at or prior to Closing Time (i) if there has been any material adverse change in the financial condition of the Company, or (ii) if trading in securities has been suspended."
        ));
        // An introduction that ends in a condition makes every item a condition.
        assert!(!convenience(
            "LBIO may terminate a Study Order immediately upon written notice to MD Anderson if: (i) the applicable approvals are not obtained; (ii) the Study is canceled, terminated or placed on hold for any reason."
        ));
        // A condition that opens the sentence governs every item of its list.
        assert!(!convenience(
            "8.2 In the event that 8.2.1 one Party is in breach of its obligations and fails to cure such breach within ten (10) days, then the non-breaching Party may terminate this Agreement; 8.2.2 one Party ceases its business operation, then the other Party may terminate this Agreement at any time upon written notice."
        ));
        // A holder named by an event (the party not delayed, the non-breaching party).
        assert!(!convenience(
            "The Party not delayed may act, in its sole discretion, to terminate the affected order, or any part of the order, for the duration of the delaying cause."
        ));
    }

    #[test]
    fn list_items_complete_their_introduction() {
        // A multi-level item under "in the following manner:".
        assert!(convenience(
            "15.02.1 Termination. This Agreement may be terminated by either party in the following manner:\n15.02.1.1 By either party providing one hundred and twenty (120) days prior written notice to the other party.\n15.02.1.2 By ICC, if the other party materially breaches this Agreement."
        ));
        // The next clause has a subject of its own: not an item.
        assert!(!convenience(
            "10. Termination. This Agreement shall be terminated upon the occurrence of any of the following: (1) the Parties mutually agree to terminate this Agreement; or (2) Service Provider terminates upon a default by Service Recipient.\n11. Notice Any written notice sent by registered mail shall be deemed delivered three (3) business days after the date on which the mail is dispatched."
        ));
        assert!(
            ITEM_TAIL
                .is_match("(e) without cause on no less than seven (7) days prior written notice.")
        );
        assert!(!ITEM_TAIL.is_match("4.2.3 the lsa is terminated or expires for any reason."));
    }

    #[test]
    fn policy_rejects_bad_verdicts() {
        let err = Termination::new(Policy {
            no_kill_fee: "block".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("no_kill_fee = \"block\""), "{err}");
    }
}
