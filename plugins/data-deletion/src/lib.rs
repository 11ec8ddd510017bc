//! The `data-deletion` check: whether and how fast the provider must return or destroy client
//! data when the engagement ends.
//!
//! It finds obligations to delete, destroy, erase or return client data / Confidential
//! Information / materials (defined terms such as "Client Data" or "Customer Materials"
//! included), reads the deadline ("within thirty (30) days" → 30), the trigger (termination,
//! completion, request), whether a certificate of destruction is required, whether backups are
//! carved out, and whether the provider may keep aggregated or anonymised data. Sentences that
//! remove the duty ("shall not be required to delete …") are not obligations; when they name
//! backups they are the carve-out. Backups named as part of the duty ("including all backup
//! media", "backup tapes … without exception") are no carve-out. The contract's own names for
//! client data are learned from its definitions ("… product photographs (\"Client Assets\")"),
//! and sub-clauses are read with their section: 6.1's obligation sits under the heading of 6,
//! and a carve-out or certificate in 6.2 belongs to it. Plain and schedule-style wordings count
//! too: present-tense duties ("Provider deletes …", "data … is deleted within 30 days"), "I'll",
//! any engagement ending ("when the campaign ends", "the commission is finished", "after project
//! delivery"), the client's things ("Client's product feeds", "your manuscript") and "remove …
//! from its systems". A sentence without its own trigger takes it from its section heading
//! ("Effect of Termination"), from the sentence before when it opens with "Thereafter", or from
//! the lead-in of its list, whose modal an item without one also takes; in a sentence listing
//! several duties the deadline is read from the deleting item and the lead-in. A bare return of
//! documents or Confidential Information (the confidentiality clause) is no deletion clause, nor
//! is the disposal of goods or promotional materials. Verdicts follow the playbook: missing → fail; ≤ 30 days →
//! pass; longer, "promptly" or no deadline → warn; immediate deletion with no backup carve-out
//! → warn.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::LazyLock;

use clauselint_sdk::defined::{defined_terms_in, terms_pattern};
use clauselint_sdk::duration::find_durations;
use clauselint_sdk::pattern::constant as re;
use clauselint_sdk::sections::Sections;
use clauselint_sdk::sentences::NormalizedSentences;
use clauselint_sdk::text::{Normalized, NormalizedSlice, floor_boundary};
use clauselint_sdk::verdicts::{GRADES, MISSING_GRADES, among};
use clauselint_sdk::{Check, ClauseRef, Contract, Report, Span, Verdict};
use regex::Regex;
use serde::{Deserialize, Serialize};

/// The `[data-deletion]` policy table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// A deadline of at most this many days passes.
    pub max_days: u32,
    /// Verdict when the contract has no deletion or return clause.
    pub missing: String,
    /// Verdict for a deadline longer than `max_days`.
    pub late: String,
    /// Verdict for "promptly" or no deadline at all.
    pub no_deadline: String,
    /// Verdict for immediate deletion without a backup carve-out.
    pub immediate_without_backup_carve_out: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            max_days: 30,
            missing: "fail".to_owned(),
            late: "warn".to_owned(),
            no_deadline: "warn".to_owned(),
            immediate_without_backup_carve_out: "warn".to_owned(),
        }
    }
}

/// The configured check.
#[derive(Debug)]
pub struct DataDeletion {
    max_days: u32,
    missing: Verdict,
    late: Verdict,
    no_deadline: Verdict,
    immediate_without_backup_carve_out: Verdict,
}

static DELETE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:delet(?:e|es|ed|ing|ion)|destr(?:oy|oys|oyed|oying|uction)|eras(?:e|es|ed|ing|ure)|purg(?:e|es|ed|ing)|dispos(?:e|es|ed|al)\s+of|return(?:s|ed|ing)?|sanitiz\w+|wip(?:e|es|ed|ing)|shred(?:s|ded|ding)?)\b",
    )
});
static DATA_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:data|confidential\s+information|information|records?|documents?|files?|content|copies|datasets?|personal\s+data|recordings?|transcripts?|images|photos|photographs|databases?|(?:customer|contact|mailing|subscriber|e-?mail|client)\s+lists?)\b",
    )
});
/// Things the sentence says belong to the client: "Client's product feeds", "your manuscript",
/// "Customer Materials". Goods and promotional materials are not data, so "materials" and
/// "property" count only when they are the client's; a possessive before "option", "request" and
/// the like names who decides, not what is deleted.
static CLIENT_OWNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:client|customer|sponsor|controller|company)'s|your)\s+(\w+)|\b(?:client|customer|sponsor|controller)\s+(?:materials|property|assets)\b",
    )
});
/// Words after a possessive that name who decides or pays, not what is deleted.
const NOT_OWNED_THING: &[&str] = &[
    "option",
    "election",
    "choice",
    "request",
    "written",
    "instruction",
    "instructions",
    "direction",
    "discretion",
    "cost",
    "expense",
    "sole",
    "reasonable",
    "prior",
    "consent",
    "behalf",
    "own",
    "account",
    "approval",
    "satisfaction",
];

/// Whether a (normalised) sentence names something of the client's other than its choices.
fn names_client_thing(n: &str) -> bool {
    CLIENT_OWNED.captures_iter(n).any(|c| {
        c.get(1)
            .is_none_or(|w| !NOT_OWNED_THING.contains(&w.as_str()))
    })
}
/// "remove … from its systems / my laptop / our servers": "remove" deletes data only when it
/// names where the data is stored; removing staff from a project or equipment from a site is
/// something else.
static REMOVE_FROM_STORAGE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bremov(?:e|es|ed|ing|al)\b[^.;]{0,120}?\bfrom\s+(?:\w+\s+){0,4}?(?:systems?|servers?|devices?|computers?|laptops?|drives?|storage|databases?|tools|platforms?|accounts?|networks?|cloud|repositor(?:y|ies)|environments?|inbox(?:es)?|e-?mail)\b",
    )
});
static OBLIGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+required\s+to|covenants?\s+to)\b|\w'll\b",
    )
});
/// A duty stated in the present tense, as schedules, product terms and plain-language SOWs
/// state them: "Provider deletes Customer Content within thirty (30) days after …", "all Client
/// data … is deleted within 30 days". Like the modal form it still needs a trigger.
static PRESENT_DUTY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deletes|erases|purges|destroys|wipes|shreds)\b|\b(?:is|are|gets?)\s+(?:(?:permanently|securely|automatically|irreversibly|then)\s+)?(?:deleted|erased|purged|destroyed|wiped|shredded)\b",
    )
});
/// The client as the subject of a present-tense deletion ("if Customer deletes …", "you
/// delete"): the client acting on its own data is no duty of the provider.
static CLIENT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:client|customer|you|user|users|licensee)\s+(?:\w+\s+)?(?:deletes|erases|purges|destroys|wipes)\b",
    )
});
static NOT_REQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not|never)\s+(?:be\s+)?(?:required|obliged|obligated|needed)\s+to\s+(?:\w+\s+){0,2}(?:return|delete|destroy|erase|purge)|\bneed\s+not\s+(?:return|delete|destroy|erase)|\b(?:neither|no)\s+(?:\w+\s+){0,3}(?:shall|will|is|are)\s+(?:be\s+)?(?:required|obliged|obligated)\s+to\b|\b(?:shall|does|will)\s+not\s+(?:apply|extend)\s+to\b|\bdoes\s+not\s+require\b|\bnotwithstanding\b",
    )
});
static TRIGGER_TERMINATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:termination|terminat(?:e|es|ed)|expiration|expiry|expires?|cessation)\b|\b(?:end|close)\s+of\s+(?:the\s+|this\s+|each\s+|any\s+|its\s+)?(?:\w+\s+){0,2}(?:term|agreement|engagement|services?|provision|project|assignment|contract|sow|relationship|work|campaign|subscription|commission|retainer|pilot|study|trial|program(?:me)?|matter|mandate|collaboration|evaluation|licen[cs]e)\b|\b(?:agreement|services?|engagement|assignment|project|term|sow|contract|relationship|work|campaign|subscription|commission|retainer|pilot|study|trial|program(?:me)?|matter|mandate|collaboration|evaluation|licen[cs]e)\s+(?:ends?|ended|concludes?|concluded|closes|closed|comes?\s+to\s+an\s+end|is\s+over|wraps?\s+up|winds?\s+down)\b",
    )
});
static TRIGGER_COMPLETION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:completion|completed|conclusion|close-?out|no\s+longer\s+(?:needed|required|necessary)|fulfil(?:l)?ment\s+of\s+the\s+purpose)\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:finished|complete|done|over)\b|\bwraps?\s+up\b|\b(?:after|upon|on|following)\s+(?:the\s+)?(?:\w+\s+)?delivery\b|\b(?:once|when|after|upon|on|following)\b[^.;,]{0,50}\bfinal\s+(?:\w+\s+){0,2}(?:deliverables?|reports?|version|delivery|results?|drafts?|files?|work)\b",
    )
});
static TRIGGER_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:request|requested|demand|written\s+notice\s+from|instruct(?:ion|ed)?)\b")
});
static IMMEDIATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:immediately|forthwith|without\s+delay|at\s+once)\b"));
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|within\s+a\s+reasonable\s+(?:time|period)|reasonable\s+time|without\s+(?:undue|unreasonable)\s+delay)\b",
    )
});
static CERTIFICATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bcertif(?:y|ies|ied|ication|icate)\b|\bwritten\s+(?:confirmation|statement|notice)\b.{0,60}\b(?:destr|delet|return)\w*|\bconfirm\w*\b[^.;]{0,40}?\b(?:in\s+writing|in\s+text\s+form|by\s+e-?mail|written)\b",
    )
});
/// "certify that it has complied", "no copies have been retained": a certificate about the
/// duty.
static COMPLIED: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bcompl(?:ied|iance|y)\b|\bno\s+copies\b"));
/// Certificates that are not of destruction: "certified mail", "certificate of insurance".
static CERT_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bcertified\s+(?:or\s+registered\s+)?(?:mail|post|or\s+cashier\w*|check|cheque|public)\b|\bregistered\s+or\s+certified\s+mail\b|\bcertificates?\s+of\s+(?:insurance|origin|analysis|incorporation|conformance|conformity|good\s+standing|formation)\b",
    )
});
static BACKUP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bback-?\s?ups?\b|\barchiv\w+\b|\bdisaster\s+recovery\b|\bautomatic\w*\s+(?:electronic\s+)?(?:archiv\w+|back-?\s?up\w*)|\bretained\s+in\s+accordance\s+with\s+(?:its|provider's)\s+(?:standard\s+)?(?:retention|record)",
    )
});
/// Words that take backups out of the duty: "except", "may retain … until overwritten",
/// "does not apply to", "in the ordinary course of its backup rotation".
static CARVE_OUT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bexcept(?:ing|ed)?\b|\b(?:the|an?)\s+exception\s+(?:of|for)\b|\bexclu(?:de|des|ded|ding|sion)\b|\bexempt\w*|\bother\s+than\b|\bsave\s+for\b|\b(?:does|do|shall|will)\s+not\s+(?:require|apply|extend|cover|include)\b|\bnot\s+(?:be\s+)?(?:required|obliged|obligated)\b|\bneed\s+not\b|\bmay\s+(?:\w+\s+){0,2}?(?:retain|keep|remain|persist|continue|store|hold|be\s+retained|be\s+kept|be\s+stored|be\s+held)\b|\b(?:permitted|entitled|right)\s+to\s+(?:retain|keep)\b|\buntil\s+(?:\w+\s+){0,4}?(?:overwritten|rotated|rotate|rotates|expire|expires|expiry|purged|recycled|cycled)\b|\b(?:in|under|according\s+to|in\s+accordance\s+with)\s+(?:the\s+|its\s+|their\s+|\w+'s\s+)?(?:normal|ordinary|regular|routine|standard|scheduled)\s+(?:course|backup|rotation|retention|cycle|schedule)",
    )
});
/// "including … backup media", "as well as backups": backups named as part of the duty.
static INCLUSION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:including|includes?|inclusive\s+of|as\s+well\s+as|together\s+with|and\s+also|even)\b")
});
/// "backup tapes included", "without exception" after the backup mention.
static INCLUDED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^.;]{0,40}?\b(?:included|without\s+exception|alike)\b"));
/// A negation just before a "may retain" cue: "no Client Data may be retained".
static NEGATED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:no|not|nor|never|neither|none)\b[^,;]{0,40}$"));

/// Whether a (normalised) sentence carves backups out of the deletion duty: it names backups
/// other than as part of what must be deleted ("including all backup media"), and says they
/// are excepted, may be kept, or are deleted in the ordinary backup cycle. A "may be retained"
/// that is negated ("no Client Data may be retained") is no carve-out.
fn carves_out_backups(n: &str) -> bool {
    let standalone_backup = BACKUP.find_iter(n).any(|m| {
        let before = &n[..m.start()];
        let lo = floor_boundary(before, before.len().saturating_sub(100));
        let window = &before[lo..];
        let window = window
            .rfind(['.', ';'])
            .map_or(window, |p| &window[p + 1..]);
        let included_before = INCLUSION.find_iter(window).last().is_some_and(|inc| {
            // "including X, except for copies in backups": the exception wins.
            !CARVE_OUT.is_match(&window[inc.end()..])
        });
        let included_after = INCLUDED_AFTER.is_match(&n[m.end()..]);
        !included_before && !included_after
    });
    standalone_backup
        && CARVE_OUT.find_iter(n).any(|c| {
            let cue = c.as_str();
            !(cue.starts_with("may") || cue.ends_with("retain") || cue.ends_with("keep"))
                || !NEGATED_BEFORE.is_match(&n[..c.start()])
        })
}

/// Nouns that make a definition one of data ("… names, contact details and health data").
/// "Materials" and "samples" are left out: a definition of goods ("raw materials supplied by
/// the Buyer") must not turn the return of goods into a data-return clause.
static DATA_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:data|information|records|documents|files|content|datasets?|images|photographs|photos|recordings|transcripts|databases?)\b",
    )
});
/// Words that say where defined data comes from: the client supplies it, or it is personal.
static DATA_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:provid\w*|suppl(?:y|ies|ied)|furnish\w*|made\s+available|disclos\w*|upload\w*|transmit\w*|on\s+behalf\s+of|personal|process(?:ed|es)?|collect\w*|belong\w*|owned\s+by|compris\w*|its\s+(?:users|customers|employees))\b",
    )
});
/// Defined terms that are not client data even when their definition mentions data: the
/// provider's own deliverables and tools, the agreement, the parties.
static NOT_DATA_TERM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:deliverables?|work\s+product|services?|agreement|documentation|software|outputs?|reports?|specifications?|fees?|background|foreground|inventions?|developments?|tools?|ip|intellectual\s+property|sow|statement|orders?|purpose|territory|date|term|party|parties|provider|processor|controller|client|customer|company|consultant|contractor|vendor|supplier)$",
    )
});
/// Definitions of a party ("Acme Inc., a Delaware corporation with offices at …").
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:inc|llc|ltd|limited|corporation|corp|company|gmbh|ag|plc|incorporated|offices?|address|principal\s+place)\b",
    )
});

/// The contract's own names for client data, learned from its definitions: any defined term
/// whose definition names data supplied by the client or personal data ("brand guidelines and
/// product photographs (\"Client Assets\")"), so "delete all Client Assets" is recognised.
fn data_terms(contract: &Normalized) -> Option<Regex> {
    let terms = defined_terms_in(contract);
    let names = terms
        .iter()
        .filter(|t| {
            DATA_NOUN.is_match(&t.definition)
                && DATA_SOURCE.is_match(&t.definition)
                && !ENTITY.is_match(&t.definition)
                && !NOT_DATA_TERM.is_match(&t.term)
        })
        .map(|t| t.term.as_str());
    terms_pattern(names)
}

static AGGREGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:aggregated?|anonymi[sz]ed|de-?identified|pseudonymi[sz]ed|statistical|usage)\b.{0,60}\b(?:data|information)\b.{0,160}\b(?:use|retain|exploit|improve)\w*\b|\b(?:use|retain)\w*\b.{0,80}\b(?:aggregated?|anonymi[sz]ed|de-?identified)\b.{0,30}\b(?:data|information|form)\b",
    )
});
/// The words every [`AGGREGATED`] statement contains: a cheap test that spares most sentences the
/// longer pattern.
static AGGREGATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:aggregated?|anonymi[sz]ed|de-?identified|pseudonymi[sz]ed|statistical|usage)\b")
});
static DATA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:return|destruction|deletion|disposal)\s+of\b|\bdata\s+(?:deletion|retention|destruction|return)\b",
    )
});

/// "within", "no later than": words that make a following duration a deadline.
static BEFORE_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:within|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|not\s+more\s+than|in\s+no\s+event\s+later\s+than|by\s+the\s+end\s+of)\s+(?:the\s+|an?\s+(?:further|additional)\s+(?:period\s+of\s+)?)?$",
    )
});
/// "thirty (30) days after termination": a duration counted from the trigger.
static AFTER_DEADLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^['’]?\s*(?:after|following|of|from)\b"));
/// "retain for five (5) years", "thirty (30) days' prior notice": periods that are not deadlines.
static NOT_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:retain|retained|keep|kept|store|stored|maintain|maintained|prior|notice)\b[^.;]{0,40}$|^['’]?\s*(?:prior|notice|advance)",
    )
});

/// The shortest deadline in days a sentence sets: a duration introduced by "within" / "no
/// later than", or counted "after"/"following" the trigger, but not a retention or notice
/// period.
fn deadline_days(text: &str) -> Option<i64> {
    find_durations(text)
        .iter()
        .filter(|d| {
            let before = &text[..floor_boundary(text, d.span.start)];
            let after = text.get(d.span.end..).unwrap_or("");
            let before_lower = before.to_lowercase();
            let after_lower = after.to_lowercase();
            let window_start = floor_boundary(&before_lower, before_lower.len().saturating_sub(60));
            let before_window = &before_lower[window_start..];
            (BEFORE_DEADLINE.is_match(before_window) || AFTER_DEADLINE.is_match(&after_lower))
                && !NOT_DEADLINE.is_match(before_window)
                && !NOT_DEADLINE.is_match(&after_lower)
        })
        .map(|d| d.duration.as_days().round() as i64)
        .min()
}

/// A sentence that opens with "Thereafter" / "After that" / "Then": its trigger is the event
/// of the sentence before ("For thirty (30) days after termination, Customer may export its
/// data. Thereafter, Provider will delete it …").
static THEREAFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\W*(?:\(?[0-9a-z]{1,3}[.)]\s*)?(?:[0-9]+(?:\.[0-9]+)*\s+)?(?:thereafter|after\s+that|following\s+that|subsequently|then)\b",
    )
});
/// Storage named as where the data is removed from: "from its systems", "from my laptop".
static STORAGE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bfrom\s+(?:\w+\s+){0,4}?(?:systems?|servers?|devices?|computers?|laptops?|drives?|storage|databases?|tools|platforms?|accounts?|networks?|cloud|repositor(?:y|ies)|environments?|inbox(?:es)?|e-?mail)\b",
    )
});

/// A sentence that is a list item: "(b) erase …", "ii. delete …".
static ITEM_START: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\W*\(?(?:[a-z]|[ivx]{1,4}|[0-9]{1,2})[.)]\s"));

/// The triggers a (normalised) text names, in the order termination, completion, request.
fn triggers_of(n: &str) -> Vec<&'static str> {
    [
        (&*TRIGGER_TERMINATION, "termination"),
        (&*TRIGGER_COMPLETION, "completion"),
        (&*TRIGGER_REQUEST, "request"),
    ]
    .into_iter()
    .filter(|(re, _)| re.is_match(n))
    .map(|(_, name)| name)
    .collect()
}

/// A sentence that introduces a list: it ends with a colon, or a colon opens its first item
/// ("each Party shall: (a) return …").
static LEAD_IN: LazyLock<Regex> =
    LazyLock::new(|| re(r":\s*(?:$|\(?(?:[a-z]|[ivx]{1,4}|[0-9]{1,2})[.)]\s)"));

/// The lead-in of the list a sentence is an item of: the nearest sentence before it in the same
/// section that introduces a list, with its text up to the colon.
fn lead_in<'s>(
    sentences: &'s NormalizedSentences<'_>,
    i: usize,
    sections: &Sections<'_>,
) -> Option<NormalizedSlice<'s>> {
    let all = sentences.sentences();
    let me = all.get(i)?;
    for j in (i.saturating_sub(8)..i).rev() {
        let prev = all.get(j)?;
        if !sections.same_section(prev.clause, me.clause) {
            return None;
        }
        let norm = sentences.normalized_of(prev);
        if LEAD_IN.is_match(norm.as_str()) {
            return Some(norm);
        }
    }
    None
}

/// The text of a lead-in before its colon: what every item of the list continues.
fn before_colon(n: &str) -> &str {
    n.find(':').map_or(n, |p| &n[..p])
}

/// The triggers a deletion sentence that names none takes from its context: the heading of its
/// section ("12. Effect of Termination", "Close-out"), the sentence before when it opens with
/// "Thereafter", or the lead-in of the list it is an item of ("Upon any termination of this
/// Agreement: … (c) the Supplier shall securely erase all Customer Data …"). A heading lends
/// only an end of the engagement, never a request.
fn inherited_triggers(
    sentences: &NormalizedSentences<'_>,
    i: usize,
    sections: &Sections<'_>,
    heading: Option<&str>,
    n: &str,
) -> Vec<&'static str> {
    if let Some(h) = heading {
        let ends: Vec<&'static str> = triggers_of(h)
            .into_iter()
            .filter(|t| *t != "request")
            .collect();
        if !ends.is_empty() {
            return ends;
        }
    }
    let all = sentences.sentences();
    let Some(me) = all.get(i) else {
        return Vec::new();
    };
    let before = |j: usize| {
        all.get(j)
            .filter(|prev| sections.same_section(prev.clause, me.clause))
    };
    if THEREAFTER.is_match(n)
        && let Some(prev) = i.checked_sub(1).and_then(before)
    {
        let t = triggers_of(sentences.normalized_of(prev).as_str());
        if !t.is_empty() {
            return t;
        }
    }
    lead_in(sentences, i, sections).map_or_else(Vec::new, |l| triggers_of(before_colon(l.as_str())))
}

/// Inline list markers: " (a) ", "; (ii) ", ": (1) ". A number in brackets after a word is
/// a numeral's figures ("ninety (90) days", "one (1) copy"), not an item.
static INLINE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|\s)\((?:[a-z]|[ivx]{1,4})\)\s|(?:^|[;:,]\s*|\b(?:and|or)\s+)\([0-9]{1,2}\)\s")
});

/// The deadline of the deletion duty in a sentence. When the sentence lists several duties
/// ("(b) i-Escrow shall pay … within six (6) weeks of termination, and (c) each party shall
/// remove …"), another item's period is not the deletion's: the deadline is read from the
/// lead-in before the first item, which governs them all, and from the items that delete.
fn sentence_deadline(text: &str) -> Option<i64> {
    let marks: Vec<usize> = INLINE_ITEM.find_iter(text).map(|m| m.start()).collect();
    if marks.len() < 2 {
        return deadline_days(text);
    }
    let mut bounds = vec![0];
    bounds.extend(marks.iter().copied().filter(|&m| m > 0));
    bounds.push(text.len());
    bounds
        .windows(2)
        .enumerate()
        .filter_map(|(k, w)| {
            let part = text.get(w[0]..w[1])?;
            let deletes = DELETE_VERB.is_match(part) || REMOVE_FROM_STORAGE.is_match(part);
            // A nested lead-in ("(3) within five (5) days of termination, Reseller must:
            // (a) destroy …") governs the items under it.
            if k == 0 || deletes || part.trim_end().ends_with(':') {
                deadline_days(part)
            } else {
                None
            }
        })
        .min()
}

/// The deadline a sentence sets.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Deadline {
    Days(i64),
    Immediate,
    Prompt,
    None,
}

impl DataDeletion {
    fn grade(&self, deadline: Deadline, backup: bool) -> (Verdict, String) {
        match deadline {
            Deadline::Days(d) if d > i64::from(self.max_days) => (
                self.late,
                format!("deadline of {d} days exceeds the {} allowed", self.max_days),
            ),
            Deadline::Days(d) => (Verdict::Pass, format!("deadline of {d} days")),
            Deadline::Immediate if !backup => (
                self.immediate_without_backup_carve_out,
                "immediate deletion with no backup carve-out, which ordinary backups cannot honour"
                    .to_owned(),
            ),
            Deadline::Immediate => (
                Verdict::Pass,
                "immediate deletion, backups carved out".to_owned(),
            ),
            Deadline::Prompt => (
                self.no_deadline,
                "\"promptly\" with no deadline in days".to_owned(),
            ),
            Deadline::None => (self.no_deadline, "no deadline".to_owned()),
        }
    }
}

impl Check for DataDeletion {
    const ID: &'static str = "data-deletion";
    const NAME: &'static str = "Return and destruction of client data";
    const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    const DESCRIPTION: &'static str = "Finds the obligation to delete or return client data after the engagement, extracts the deadline, trigger, certification, backup carve-out and aggregated-data right, and grades the deadline against the policy.";
    const VERDICTS: &'static [Verdict] = &[
        Verdict::Pass,
        Verdict::Missing,
        Verdict::Warn,
        Verdict::Fail,
    ];
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
        (
            "max_days",
            "Longest deadline that passes for deleting or returning client data, in days (integer, at least 1); longer gets `late`.",
        ),
        (
            "missing",
            "Verdict when the contract has no deletion or return clause: pass, missing, warn or fail.",
        ),
        (
            "late",
            "Verdict for a deadline longer than max_days: pass, warn or fail.",
        ),
        (
            "no_deadline",
            "Verdict for \"promptly\" or no deadline at all: pass, warn or fail.",
        ),
        (
            "immediate_without_backup_carve_out",
            "Verdict for immediate deletion with no carve-out for backups: pass, warn or fail.",
        ),
    ];
    type Policy = Policy;

    fn new(policy: Policy) -> Result<Self, String> {
        if policy.max_days == 0 {
            return Err("max_days = 0: a deadline must allow at least one day".to_owned());
        }
        Ok(DataDeletion {
            max_days: policy.max_days,
            missing: among("missing", &policy.missing, MISSING_GRADES)?,
            late: among("late", &policy.late, GRADES)?,
            no_deadline: among("no_deadline", &policy.no_deadline, GRADES)?,
            immediate_without_backup_carve_out: among(
                "immediate_without_backup_carve_out",
                &policy.immediate_without_backup_carve_out,
                GRADES,
            )?,
        })
    }

    fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
        let sentences = NormalizedSentences::of(contract);
        let sections = Sections::of(contract);
        let learned = data_terms(sentences.normalized());
        let mut obligations: Vec<(Span, Deadline, &ClauseRef<'_>)> = Vec::new();
        let mut related: Vec<Span> = Vec::new();
        let mut triggers: Vec<&'static str> = Vec::new();
        let (mut certification, mut backup, mut aggregated) = (false, false, false);
        let mut aggregated_span = None;
        for (i, (s, norm)) in sentences.iter().enumerate() {
            let n = norm.as_str();
            if AGGREGATE_WORD.is_match(n) && AGGREGATED.is_match(n) {
                aggregated = true;
                aggregated_span.get_or_insert(s.span);
            }
            // Sub-clause 4.1 sits under the heading of 4 ("Deletion or Return of Data").
            let heading_text = sections.heading(s.clause);
            let heading = heading_text.is_some_and(|h| DATA_HEADING.is_match(h));
            let Some(verb) = DELETE_VERB.find(n).or_else(|| REMOVE_FROM_STORAGE.find(n)) else {
                continue;
            };
            let names_learned_term = learned.as_ref().is_some_and(|r| r.is_match(n));
            if !DATA_OBJECT.is_match(n)
                && !names_learned_term
                && !names_client_thing(n)
                && !STORAGE_FROM.is_match(n)
            {
                continue;
            }
            let negated = NOT_REQUIRED.is_match(n);
            let own_triggers = triggers_of(n);
            let sentence_triggers = if own_triggers.is_empty() {
                inherited_triggers(&sentences, i, &sections, heading_text, n)
            } else {
                own_triggers
            };
            let has_trigger = !sentence_triggers.is_empty();
            // "return" is everyday contract language, and handing back documents, materials or
            // Confidential Information ("each party shall return the other's Confidential
            // Information") is the confidentiality clause's duty: a bare return counts only with
            // data as its object. Return *or destroy* is a disposal duty and counts.
            let is_return_only =
                verb.as_str().starts_with("return") && !n.contains("destr") && !n.contains("delet");
            if is_return_only && !(n.contains("data") || names_learned_term) {
                continue;
            }
            if negated {
                if BACKUP.is_match(n) {
                    backup = true;
                    related.push(s.span);
                }
                continue;
            }
            // A heading alone ("5.6 Return of Confidential Information.") obliges nobody; under
            // such a heading an obligation needs no explicit trigger.
            // An item of a list ("(b) erase all …") takes its modal from the lead-in ("each
            // Party shall: (a) … (b) …").
            let duty = OBLIGATION.is_match(n)
                || (PRESENT_DUTY.is_match(n) && !CLIENT_SUBJECT.is_match(n))
                || (ITEM_START.is_match(n)
                    && lead_in(&sentences, i, &sections)
                        .is_some_and(|l| OBLIGATION.is_match(before_colon(l.as_str()))));
            let obliges = duty && (has_trigger || heading);
            if !obliges {
                if !obligations.is_empty() && carves_out_backups(n) {
                    backup = true;
                    related.push(s.span);
                }
                continue;
            }
            for name in sentence_triggers {
                if !triggers.contains(&name) {
                    triggers.push(name);
                }
            }
            certification |= CERTIFICATION.is_match(&CERT_NOISE.replace_all(n, ""));
            // Backups named as part of the duty ("including all backup media") are the
            // opposite of a carve-out.
            backup |= carves_out_backups(n);
            let days = sentence_deadline(s.text);
            let deadline = match days {
                Some(d) => Deadline::Days(d),
                None if IMMEDIATE.is_match(n) => Deadline::Immediate,
                None if PROMPT.is_match(n) => Deadline::Prompt,
                None => Deadline::None,
            };
            obligations.push((s.span, deadline, s.clause));
        }
        // Certification and backups are often separate sentences or sub-clauses of the same
        // section ("6.2 … delete …", "6.3 Backups are excepted …").
        if !obligations.is_empty() {
            for (s, norm) in sentences.iter() {
                let near = obligations
                    .iter()
                    .any(|(_, _, clause)| sections.same_section(s.clause, clause));
                if !near {
                    continue;
                }
                let same_clause = obligations
                    .iter()
                    .any(|(_, _, clause)| clause.span() == s.clause.span());
                let n = norm.as_str();
                // Outside the obligation's own clause a certificate must be one of deletion or
                // compliance, not of insurance or an accountant's.
                if !certification
                    && CERTIFICATION.is_match(&CERT_NOISE.replace_all(n, ""))
                    && (same_clause || DELETE_VERB.is_match(n) || COMPLIED.is_match(n))
                {
                    certification = true;
                    related.push(s.span);
                }
                if !backup && carves_out_backups(n) {
                    backup = true;
                    related.push(s.span);
                }
            }
        }

        if obligations.is_empty() {
            // The aggregated-data sentence is a parameter, not a quote: a finding with evidence
            // says the clause is there, and an aggregated-data right is no deletion clause.
            let report = Report::new(
                self.missing,
                "no clause requires client data to be deleted or returned",
            )
            .param("aggregated_data_right", aggregated)
            .param_opt(
                "aggregated_data_sentence",
                aggregated_span.map(|s| contract.slice(s).trim()),
            );
            return vec![report];
        }
        // The obligation with a stated deadline in days governs; otherwise the first one.
        let (main_span, deadline, _) = obligations
            .iter()
            .copied()
            .find(|(_, d, _)| matches!(d, Deadline::Days(_)))
            .or_else(|| {
                obligations
                    .iter()
                    .copied()
                    .find(|(_, d, _)| *d == Deadline::Immediate)
            })
            .unwrap_or(obligations[0]);
        let (verdict, reason) = self.grade(deadline, backup);
        let mut message = format!("Client data must be deleted or returned: {reason}");
        if aggregated {
            message.push_str("; the provider may keep aggregated/anonymised data");
        }
        message.push('.');
        let mut report = Report::new(verdict, message)
            .quote(main_span)
            .param("certification", certification)
            .param("backup_carve_out", backup)
            .param("aggregated_data_right", aggregated);
        match deadline {
            Deadline::Days(d) => report = report.param("deadline_days", d),
            Deadline::Immediate => {
                report = report.param("deadline_days", 0i64).param("immediate", true)
            }
            Deadline::Prompt | Deadline::None => {}
        }
        if let Some(first) = triggers.first() {
            report = report
                .param("trigger", *first)
                .param("triggers", triggers.clone());
        }
        for (s, _, _) in obligations.iter().take(3) {
            report = report.quote(*s);
        }
        for s in related.iter().take(2) {
            report = report.quote(*s);
        }
        if let Some(s) = aggregated_span {
            report = report.quote(s);
        }
        vec![report]
    }
}

clauselint_sdk::export_check!(DataDeletion);

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clauselint_sdk::ParamValue;
    use clauselint_sdk::segment::simple_clauses;

    use super::*;

    fn run(text: &str) -> Report {
        let clauses = simple_clauses(text);
        let check = DataDeletion::new(Policy::default()).expect("valid policy");
        let mut reports = check.check(&Contract::new(text, &clauses));
        assert_eq!(reports.len(), 1);
        reports.remove(0)
    }

    fn param<'a>(r: &'a Report, name: &str) -> Option<&'a ParamValue> {
        r.finding().params.get(name)
    }

    #[test]
    fn fixtures() {
        clauselint_sdk::fixtures::run::<DataDeletion>(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        );
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &DELETE_VERB,
            &DATA_OBJECT,
            &OBLIGATION,
            &NOT_REQUIRED,
            &TRIGGER_TERMINATION,
            &TRIGGER_COMPLETION,
            &TRIGGER_REQUEST,
            &IMMEDIATE,
            &PROMPT,
            &CERTIFICATION,
            &BACKUP,
            &AGGREGATED,
            &AGGREGATE_WORD,
            &DATA_HEADING,
            &BEFORE_DEADLINE,
            &AFTER_DEADLINE,
            &NOT_DEADLINE,
            &CARVE_OUT,
            &INCLUSION,
            &INCLUDED_AFTER,
            &NEGATED_BEFORE,
            &DATA_NOUN,
            &DATA_SOURCE,
            &NOT_DATA_TERM,
            &ENTITY,
            &CERT_NOISE,
            &COMPLIED,
            &CLIENT_OWNED,
            &REMOVE_FROM_STORAGE,
            &PRESENT_DUTY,
            &CLIENT_SUBJECT,
            &THEREAFTER,
            &STORAGE_FROM,
            &LEAD_IN,
            &ITEM_START,
            &INLINE_ITEM,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn deadlines_in_words_and_digits() {
        for (deadline, days, verdict) in [
            ("within thirty (30) days", 30, Verdict::Pass),
            ("within 30 days", 30, Verdict::Pass),
            ("within ten business days", 14, Verdict::Pass),
            ("within sixty (60) days", 60, Verdict::Warn),
            ("within three months", 90, Verdict::Warn),
        ] {
            let r = run(&format!(
                "Upon termination of this Agreement, Provider shall delete all Client Data {deadline}."
            ));
            assert_eq!(
                param(&r, "deadline_days"),
                Some(&ParamValue::Int(days)),
                "{deadline}"
            );
            assert_eq!(r.verdict(), verdict, "{deadline}");
        }
    }

    #[test]
    fn notice_and_retention_periods_are_not_deadlines() {
        assert_eq!(
            deadline_days(
                "Prior to any disposal of such records, Vendor shall give thirty (30) days' prior written notice."
            ),
            None
        );
        assert_eq!(
            deadline_days(
                "Vendor shall retain such records for five (5) years and then destroy them."
            ),
            None
        );
        assert_eq!(
            deadline_days("within fifteen (15) days after termination"),
            Some(15)
        );
        assert_eq!(
            deadline_days("no later than 30 days following the request"),
            Some(30)
        );
        assert_eq!(
            deadline_days("ten (10) days after the end of the Term"),
            Some(10)
        );
    }

    #[test]
    fn backup_carve_outs_and_inclusions() {
        for (sentence, carved) in [
            (
                "Provider may retain copies in its routine backups until they are overwritten.",
                true,
            ),
            (
                "Copies in backup systems are excepted from Section 6.1.",
                true,
            ),
            (
                "This obligation does not apply to data stored in backup systems.",
                true,
            ),
            (
                "Automatic backups that the Consultant cannot delete are excluded.",
                true,
            ),
            (
                "Delete all copies, except for copies held in routine encrypted backups.",
                true,
            ),
            (
                "Data in disaster-recovery backups may remain until those backups are purged.",
                true,
            ),
            (
                "Section 6.2 does not require Provider to purge Client Data from backup systems.",
                true,
            ),
            (
                "Erase all Client Data, including all backup media, and no Client Data may be retained.",
                false,
            ),
            (
                "Destroy every copy on workstations, file shares and backup tapes, without exception.",
                false,
            ),
            ("Delete all Client Data, backups included.", false),
            ("Delete all Client Data within 30 days.", false),
            ("Provider may retain Client Data for its records.", false),
        ] {
            let norm = Normalized::new(sentence);
            assert_eq!(carves_out_backups(norm.as_str()), carved, "{sentence}");
        }
    }

    #[test]
    fn end_of_the_engagement_is_a_trigger() {
        for sentence in [
            "Within 30 days after the Agreement ends, Consultant will delete all Client Data.",
            "When the Services end, Consultant shall delete all Client Data within 30 days.",
            "Within 30 days after the end of the provision of the services, Processor shall delete all Controller Data.",
        ] {
            let r = run(sentence);
            assert_eq!(r.verdict(), Verdict::Pass, "{sentence}");
            assert_eq!(
                param(&r, "trigger"),
                Some(&ParamValue::Text("termination".into())),
                "{sentence}"
            );
        }
    }

    #[test]
    fn defined_data_terms_are_learned() {
        let r = run(
            "Client will supply store photographs and shelf scans (the \"Source Assets\"). Upon termination, Provider shall return all Source Assets within ten (10) days.",
        );
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(param(&r, "deadline_days"), Some(&ParamValue::Int(10)));
        let goods = run(
            "Buyer will supply raw materials (\"Buyer Components\"). Upon termination, Supplier shall return all Buyer Components within ten (10) days.",
        );
        assert_eq!(goods.verdict(), Verdict::Fail);
    }

    #[test]
    fn present_tense_duties_oblige() {
        for sentence in [
            "Provider deletes Customer Content within thirty (30) days after the end of the subscription.",
            "Deletion: on contract end, all Client data is deleted within 30 days.",
        ] {
            let r = run(sentence);
            assert_eq!(r.verdict(), Verdict::Pass, "{sentence}");
            assert_eq!(param(&r, "deadline_days"), Some(&ParamValue::Int(30)));
        }
        // The client deleting its own data is no duty of the provider.
        let own = run(
            "If Customer deletes any Customer Content after termination, it cannot be restored.",
        );
        assert_eq!(own.verdict(), Verdict::Fail);
        // A conditional disposal of an interest is no deletion duty.
        let interest = run(
            "If Your interest is not disposed of within 6 months after such death, we may terminate this Agreement.",
        );
        assert_eq!(interest.verdict(), Verdict::Fail);
    }

    #[test]
    fn end_of_any_engagement_and_plain_completion_are_triggers() {
        for (sentence, trigger) in [
            (
                "After the Campaign ends, Agency shall promptly delete the customer lists and any copies of them.",
                "termination",
            ),
            (
                "At the end of each campaign Agency will purge Client's product feeds and customer segments from its tools within ten (10) days.",
                "termination",
            ),
            (
                "When the project wraps up, I will wipe every file you sent me from my laptop within 30 days.",
                "termination",
            ),
            (
                "I will delete your manuscript and reference photos from my devices when the commission is finished.",
                "completion",
            ),
            (
                "All client data will be deleted from our servers within 2 weeks after project delivery.",
                "completion",
            ),
            (
                "Interview recordings will be destroyed within 10 days after Client accepts the final report.",
                "completion",
            ),
        ] {
            let r = run(sentence);
            assert_ne!(r.verdict(), Verdict::Fail, "{sentence}");
            assert_eq!(
                param(&r, "trigger"),
                Some(&ParamValue::Text(trigger.into())),
                "{sentence}"
            );
        }
        assert_eq!(
            param(
                &run(
                    "All client data will be deleted from our servers within 2 weeks after project delivery."
                ),
                "deadline_days"
            ),
            Some(&ParamValue::Int(14))
        );
    }

    #[test]
    fn client_things_and_storage_name_the_data() {
        assert!(names_client_thing("purge client's product feeds"));
        assert!(names_client_thing("delete your manuscript"));
        assert!(names_client_thing("destroy all customer materials"));
        assert!(!names_client_thing("at client's option, return the goods"));
        assert!(!names_client_thing("destroy all promotional materials"));
        // Goods and promotional materials are not data, even with a certificate.
        let goods = run(
            "Upon termination of this Agreement, Distributor shall, at Supplier's option, return or destroy all remaining stock of Products and all promotional materials within thirty (30) days, and certify the destruction in writing.",
        );
        assert_eq!(goods.verdict(), Verdict::Fail);
        // "remove" deletes only from storage.
        let site = run(
            "The Contractor shall remove all its equipment, surplus materials and rubbish from the Site within fourteen (14) days after completion of the Works.",
        );
        assert_eq!(site.verdict(), Verdict::Fail);
        let laptop = run(
            "On termination, Consultant shall remove Client's source documents from its laptops and cloud storage within seven (7) days.",
        );
        assert_eq!(laptop.verdict(), Verdict::Pass);
    }

    #[test]
    fn bare_return_of_confidential_documents_is_no_deletion_clause() {
        let r = run(
            "Upon the Disclosing Party's written request, the Receiving Party shall promptly return all documents, drawings, samples and other tangible materials containing Confidential Information.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
        let data = run("Upon termination, Vendor shall return all Customer Data within 15 days.");
        assert_eq!(data.verdict(), Verdict::Pass);
    }

    #[test]
    fn context_lends_the_trigger_and_the_modal() {
        // "Thereafter" takes the event of the sentence before.
        let r = run(
            "For thirty (30) days after termination, Customer may export its Customer Content. Thereafter, Provider will delete Customer Content from its production systems within a further sixty (60) days.",
        );
        assert_eq!(r.verdict(), Verdict::Warn);
        assert_eq!(param(&r, "deadline_days"), Some(&ParamValue::Int(60)));
        assert_eq!(
            param(&r, "trigger"),
            Some(&ParamValue::Text("termination".into()))
        );
        // An item takes the trigger of its lead-in, and the modal when it has none.
        let r = run(
            "12. Effect of Termination\n12.1 Upon any termination or expiry of this Agreement, the Supplier shall:\n(a) cease using the Customer Marks;\n(b) erase all Customer Data from its systems within fourteen (14) days.",
        );
        assert_eq!(r.verdict(), Verdict::Pass);
        assert_eq!(param(&r, "deadline_days"), Some(&ParamValue::Int(14)));
        // "Neither Party shall be required to destroy …" removes the duty.
        let r = run(
            "12. Effect of Termination\n12.1 Neither Party shall be required to destroy Confidential Information contained in electronic back-up files.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
    }

    #[test]
    fn another_items_period_is_not_the_deadline() {
        assert_eq!(
            sentence_deadline(
                "Upon termination: (a) all rights shall terminate, (b) Reseller shall pay all amounts within six (6) weeks of termination, and (c) each party shall delete the other party's content from their servers."
            ),
            None
        );
        assert_eq!(
            sentence_deadline(
                "Upon termination: (1) all rights shall end; and (2) within five (5) days of termination, Reseller must: (a) destroy all copies of the data; and (b) deliver a certificate."
            ),
            Some(5)
        );
        assert_eq!(
            sentence_deadline(
                "Within ninety (90) days after termination, Ono shall destroy all Data, subject to its right to keep one (1) copy for archiving."
            ),
            Some(90)
        );
    }

    #[test]
    fn aggregated_data_alone_is_no_clause_and_no_quote() {
        let r = run("Provider may use such data in aggregated form to improve the Platform.");
        assert_eq!(r.verdict(), Verdict::Fail);
        assert!(r.finding().evidence.is_empty());
        assert_eq!(
            param(&r, "aggregated_data_right"),
            Some(&ParamValue::Bool(true))
        );
    }

    #[test]
    fn not_required_to_delete_is_no_obligation() {
        let r = run(
            "Provider shall not be required to delete or return any Client Data upon termination.",
        );
        assert_eq!(r.verdict(), Verdict::Fail);
    }

    #[test]
    fn policy_validation_names_the_key() {
        let err = DataDeletion::new(Policy {
            late: "sometimes".into(),
            ..Policy::default()
        })
        .unwrap_err();
        assert!(err.starts_with("late = \"sometimes\""), "{err}");
        assert!(
            DataDeletion::new(Policy {
                max_days: 0,
                ..Policy::default()
            })
            .unwrap_err()
            .starts_with("max_days")
        );
    }
}
