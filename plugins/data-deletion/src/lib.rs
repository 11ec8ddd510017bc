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
//! and a carve-out or certificate in 6.2 belongs to it. Verdicts follow the playbook: missing → fail; ≤ 30 days →
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
use clauselint_sdk::text::{Normalized, floor_boundary};
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
        r"\b(?:delet(?:e|es|ed|ing|ion)|destr(?:oy|oys|oyed|oying|uction)|eras(?:e|es|ed|ing|ure)|purg(?:e|es|ed|ing)|dispos(?:e|es|ed|al)\s+of|return(?:s|ed|ing)?|sanitiz\w+|wip(?:e|ed))\b",
    )
});
static DATA_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:data|confidential\s+information|information|materials?|records|documents|files|content|copies|datasets?|personal\s+data|property)\b",
    )
});
static OBLIGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+required\s+to|covenants?\s+to)\b")
});
static NOT_REQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:not|never)\s+(?:be\s+)?(?:required|obliged|obligated|needed)\s+to\s+(?:\w+\s+){0,2}(?:return|delete|destroy|erase|purge)|\bneed\s+not\s+(?:return|delete|destroy|erase)|\b(?:shall|does|will)\s+not\s+(?:apply|extend)\s+to\b|\bdoes\s+not\s+require\b|\bnotwithstanding\b",
    )
});
static TRIGGER_TERMINATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:termination|terminat(?:e|es|ed)|expiration|expiry|expires?|cessation)\b|\bend\s+of\s+(?:the\s+|this\s+|each\s+|any\s+)?(?:\w+\s+){0,2}(?:term|agreement|engagement|services?|provision|project|assignment|contract|sow|relationship|work)\b|\b(?:agreement|services?|engagement|assignment|project|term|sow|contract|relationship|work)\s+(?:ends?|ended|concludes?|concluded|comes?\s+to\s+an\s+end|is\s+over)\b",
    )
});
static TRIGGER_COMPLETION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:completion|completed|conclusion|no\s+longer\s+(?:needed|required|necessary)|fulfil(?:l)?ment\s+of\s+the\s+purpose)\b",
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
        r"\b(?:within|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|not\s+more\s+than|in\s+no\s+event\s+later\s+than|by\s+the\s+end\s+of)\s+(?:the\s+)?$",
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
        for (s, norm) in sentences.iter() {
            let n = norm.as_str();
            if AGGREGATE_WORD.is_match(n) && AGGREGATED.is_match(n) {
                aggregated = true;
                aggregated_span.get_or_insert(s.span);
            }
            // Sub-clause 4.1 sits under the heading of 4 ("Deletion or Return of Data").
            let heading = sections
                .heading(s.clause)
                .is_some_and(|h| DATA_HEADING.is_match(h));
            let Some(verb) = DELETE_VERB.find(n) else {
                continue;
            };
            let names_learned_term = learned.as_ref().is_some_and(|r| r.is_match(n));
            if !DATA_OBJECT.is_match(n) && !names_learned_term {
                continue;
            }
            let negated = NOT_REQUIRED.is_match(n);
            let has_trigger = TRIGGER_TERMINATION.is_match(n)
                || TRIGGER_COMPLETION.is_match(n)
                || TRIGGER_REQUEST.is_match(n);
            // "return" is everyday contract language; it counts only with data or
            // confidential information as its object and an end-of-engagement trigger.
            let is_return_only =
                verb.as_str().starts_with("return") && !n.contains("destr") && !n.contains("delet");
            if is_return_only
                && !(n.contains("data")
                    || n.contains("confidential")
                    || n.contains("materials")
                    || names_learned_term)
            {
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
            let obliges = OBLIGATION.is_match(n) && (has_trigger || heading);
            if !obliges {
                if !obligations.is_empty() && carves_out_backups(n) {
                    backup = true;
                    related.push(s.span);
                }
                continue;
            }
            for (re, name) in [
                (&*TRIGGER_TERMINATION, "termination"),
                (&*TRIGGER_COMPLETION, "completion"),
                (&*TRIGGER_REQUEST, "request"),
            ] {
                if re.is_match(n) && !triggers.contains(&name) {
                    triggers.push(name);
                }
            }
            certification |= CERTIFICATION.is_match(&CERT_NOISE.replace_all(n, ""));
            // Backups named as part of the duty ("including all backup media") are the
            // opposite of a carve-out.
            backup |= carves_out_backups(n);
            let days = deadline_days(s.text);
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
            let mut report = Report::new(
                self.missing,
                "no clause requires client data to be deleted or returned",
            )
            .param("aggregated_data_right", aggregated);
            if let Some(s) = aggregated_span {
                report = report.quote(s);
            }
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
