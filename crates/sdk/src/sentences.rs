//! Splits clause text into sentences with byte spans, so evidence quotes the sentence that
//! matters rather than the whole clause.
//!
//! A sentence ends at `.`, `?` or `!` (optionally followed by a closing quote or bracket) when
//! whitespace and a capital letter, digit, quote or bracket follow, or at a blank line. It does
//! not end after common abbreviations ("Inc.", "Ltd.", "e.g.", "No.", "Sec."), initials
//! ("U.S."), a clause number opening the sentence ("7.", "7.2.") or inside decimals ("1.5").
//! A single newline (a wrapped line) is whitespace.
//!
//! ```
//! let text = "Acme Inc. shall pay. The U.S. courts decide.";
//! let s = clauselint_sdk::sentences::split(text);
//! assert_eq!(s.len(), 2);
//! assert_eq!(&text[s[1].start..s[1].end], "The U.S. courts decide.");
//! ```

use crate::text::{Normalized, NormalizedSlice};
use crate::{ClauseRef, Contract, Span};

/// One sentence of a contract, with the clause it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct ContractSentence<'a> {
    /// The clause the sentence is in.
    pub clause: &'a ClauseRef<'a>,
    /// The sentence's span in the contract text (ready for [`crate::Report::quote`]).
    pub span: Span,
    /// The sentence text.
    pub text: &'a str,
}

/// Every sentence of every clause of `contract`, in document order, signature blocks skipped.
/// Checks that scan a whole contract for a kind of statement start here.
pub fn of_contract<'a>(contract: &Contract<'a>) -> Vec<ContractSentence<'a>> {
    let mut out = Vec::new();
    for clause in contract.clauses() {
        if clause.kind() == crate::ClauseKind::Signature {
            continue;
        }
        let body = heading_line_end(clause);
        for (span, text) in split_str(&clause.text()[body..]) {
            out.push(ContractSentence {
                clause,
                span: clause.span_of(body + span.start, body + span.end),
                text,
            });
        }
    }
    out
}

/// Every sentence of a contract (as [`of_contract`]) with its matching form, the contract text
/// normalised once. A check that runs many patterns over every sentence starts here rather than
/// calling [`Normalized::new`] per sentence: the slices are the same text, with offsets relative
/// to the sentence, and [`NormalizedSentences::normalized`] serves whole-contract searches
/// (defined terms, parties) without normalising the contract again.
///
/// ```
/// use clauselint_sdk::{Contract, sentences::NormalizedSentences, segment::simple_clauses};
/// let text = "1. Law. This Agreement is GOVERNED by “New York” law.";
/// let clauses = simple_clauses(text);
/// let sentences = NormalizedSentences::of(&Contract::new(text, &clauses));
/// let (s, norm) = sentences.iter().nth(1).unwrap();
/// assert_eq!(norm.as_str(), "this agreement is governed by \"new york\" law.");
/// let at = norm.as_str().find("governed").unwrap();
/// let span = norm.original_span(at, at + 8);
/// assert_eq!(&s.text[span.start..span.end], "GOVERNED");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizedSentences<'a> {
    norm: Normalized,
    sentences: Vec<ContractSentence<'a>>,
}

impl<'a> NormalizedSentences<'a> {
    /// Splits `contract` into sentences and normalises its text once.
    pub fn of(contract: &Contract<'a>) -> NormalizedSentences<'a> {
        NormalizedSentences {
            norm: Normalized::new(contract.text()),
            sentences: of_contract(contract),
        }
    }

    /// The whole contract text in matching form (offsets relative to the contract text).
    pub fn normalized(&self) -> &Normalized {
        &self.norm
    }

    /// The sentences, in document order.
    pub fn sentences(&self) -> &[ContractSentence<'a>] {
        &self.sentences
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether the contract has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The matching form of one sentence, with offsets relative to the sentence text.
    pub fn normalized_of(&self, sentence: &ContractSentence<'_>) -> NormalizedSlice<'_> {
        self.norm.slice(sentence.span.start, sentence.span.end)
    }

    /// Each sentence with its matching form, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&ContractSentence<'a>, NormalizedSlice<'_>)> {
        self.sentences.iter().map(|s| (s, self.normalized_of(s)))
    }
}

/// Where the clause's body starts: after a first line that holds only the number and heading
/// ("12. Governing Law"), which is a title, not part of the first sentence; else 0.
fn heading_line_end(clause: &ClauseRef<'_>) -> usize {
    let text = clause.text();
    let (Some(heading), Some(newline)) = (clause.heading(), text.find('\n')) else {
        return 0;
    };
    let first = text[..newline]
        .trim_end()
        .trim_end_matches(['.', ':'])
        .trim_end();
    if first.ends_with(heading.trim_end_matches(['.', ':']).trim_end())
        && first.len() <= heading.len() + 24
    {
        newline + 1
    } else {
        0
    }
}

/// Words that end with a period without ending the sentence (compared lower-case, without the
/// final period).
const ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "llc", "l.l.c", "corp", "co", "plc", "lp", "l.p", "llp", "n.v", "b.v", "s.a",
    "gmbh", "ag", "pty", "e.g", "i.e", "etc", "viz", "cf", "vs", "v", "no", "nos", "sec", "secs",
    "art", "arts", "para", "paras", "cl", "sch", "ex", "exh", "mr", "mrs", "ms", "dr", "st", "jr",
    "sr", "u.s", "u.k", "u.s.a", "approx", "dept", "p", "pp", "fig", "min", "max", "incl", "est",
    "et al", "al", "ref", "rev", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Sentence spans of `text` (relative to `text`), trimmed of surrounding whitespace, in order.
/// Text with no terminal punctuation is one sentence.
pub fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' && blank_line_follows(bytes, i) {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'?' | b'!') {
            // Include closing quotes and brackets in the sentence.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            if let Some(close) = closing_quote_len(&text[end..]) {
                end += close;
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The text of each sentence of `text`, with its span.
pub fn split_str(text: &str) -> Vec<(Span, &str)> {
    split(text)
        .into_iter()
        .filter_map(|s| Some((s, text.get(s.start..s.end)?)))
        .collect()
}

/// The sentence of `text` containing byte `offset`, or the nearest one before it.
pub fn sentence_at(text: &str, offset: usize) -> Option<Span> {
    let all = split(text);
    all.iter()
        .copied()
        .find(|s| s.start <= offset && offset < s.end)
        .or_else(|| all.iter().copied().rev().find(|s| s.start <= offset))
        .or_else(|| all.first().copied())
}

fn closing_quote_len(rest: &str) -> Option<usize> {
    ['”', '’', '»']
        .iter()
        .find(|q| rest.starts_with(**q))
        .map(|q| q.len_utf8())
}

fn blank_line_follows(bytes: &[u8], newline: usize) -> bool {
    let mut j = newline + 1;
    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
        j += 1;
    }
    j < bytes.len() && bytes[j] == b'\n'
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the terminator at `dot` (with closing marks up to `after`) ends the sentence that
/// began at `start`.
fn ends_sentence(text: &str, start: usize, dot: usize, after: usize) -> bool {
    let rest = &text[after..];
    // Must be followed by whitespace (or the end) ...
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    // ... and then by something that can open a sentence.
    let next = rest.trim_start().chars().next();
    let Some(next) = next else {
        return true;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '“' | '\'' | '‘' | '(' | '[' | '§' | '•' | '-' | '—'
        ))
    {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Initials: "J." or "U.S" style words of single letters separated by periods.
    if !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
    {
        return false;
    }
    // A clause number opening the sentence: "7." or "7.2." or "(a)." before any other word.
    let is_number_label = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c.is_ascii_uppercase() && word.len() <= 2)
        && before[..word_start].trim().is_empty();
    if is_number_label {
        return false;
    }
    // "Section 7." at a sentence start is a heading label too.
    let head = before[..word_start].trim();
    if !head.contains(' ')
        && ["section", "article", "clause"].contains(&head.to_lowercase().as_str())
        && word.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn plain_sentences() {
        check("One. Two? Three!", &["One.", "Two?", "Three!"]);
        check("No terminal punctuation", &["No terminal punctuation"]);
        check("", &[]);
        check("   \n  ", &[]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        check(
            "Acme Inc. and Beta Ltd. agree, e.g. to pay. Then i.e. stop.",
            &[
                "Acme Inc. and Beta Ltd. agree, e.g. to pay.",
                "Then i.e. stop.",
            ],
        );
        check(
            "The U.S. District Court decides. See No. 5 and Sec. 3 Above.",
            &[
                "The U.S. District Court decides.",
                "See No. 5 and Sec. 3 Above.",
            ],
        );
        check(
            "Signed by J. Smith today. Done.",
            &["Signed by J. Smith today.", "Done."],
        );
    }

    #[test]
    fn clause_numbers_and_decimals() {
        check(
            "7.2 Governing Law. This Agreement is governed by Delaware law.",
            &[
                "7.2 Governing Law.",
                "This Agreement is governed by Delaware law.",
            ],
        );
        check(
            "7. The Provider shall pay 1.5 percent. It is due.",
            &["7. The Provider shall pay 1.5 percent.", "It is due."],
        );
        check(
            "Section 7. Term. It lasts a year.",
            &["Section 7. Term.", "It lasts a year."],
        );
        check(
            "as set out in Section 7. The rest follows.",
            &["as set out in Section 7.", "The rest follows."],
        );
    }

    #[test]
    fn newlines_are_whitespace_but_blank_lines_split() {
        check(
            "This Agreement shall be\ngoverned by the laws. Next\nsentence.",
            &[
                "This Agreement shall be\ngoverned by the laws.",
                "Next\nsentence.",
            ],
        );
        check(
            "Heading\n\nBody text here.",
            &["Heading", "Body text here."],
        );
    }

    #[test]
    fn quotes_and_brackets_stay_with_their_sentence() {
        check(
            "It is called the \"Term.\" The Term ends (as agreed.) Then “done.” Fin.",
            &[
                "It is called the \"Term.\"",
                "The Term ends (as agreed.)",
                "Then “done.”",
                "Fin.",
            ],
        );
    }

    #[test]
    fn lowercase_continuation_does_not_split() {
        check(
            "the amount in U.S. dollars is due.",
            &["the amount in U.S. dollars is due."],
        );
        check("per annum. and then", &["per annum. and then"]);
    }

    #[test]
    fn contract_sentences_carry_document_spans() {
        let text = "Preamble here.\n1. Term. It runs. Ends.\n2. Law. Delaware.";
        let clauses = crate::segment::simple_clauses(text);
        let contract = Contract::new(text, &clauses);
        let all = of_contract(&contract);
        let quoted: Vec<&str> = all
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect();
        assert_eq!(
            quoted,
            [
                "Preamble here.",
                "1. Term.",
                "It runs.",
                "Ends.",
                "2. Law.",
                "Delaware."
            ]
        );
        assert!(
            all.iter()
                .all(|s| s.text == &text[s.span.start..s.span.end])
        );
        assert_eq!(all[2].clause.number(), Some("1"));
    }

    #[test]
    fn normalized_sentences_equal_normalising_each_sentence() {
        let text = "Preamble “here”.\n12. Governing Law\nThis  Agreement is\ngoverned by the LAWS of New York. Über\u{a0}alles — fine.\n(a) Item.\n";
        let clauses = crate::segment::simple_clauses(text);
        let contract = Contract::new(text, &clauses);
        let all = NormalizedSentences::of(&contract);
        assert_eq!(all.len(), of_contract(&contract).len());
        assert!(!all.is_empty());
        for (s, norm) in all.iter() {
            let alone = Normalized::new(s.text);
            assert_eq!(norm.as_str(), alone.as_str());
            for i in 0..=alone.as_str().len() {
                assert_eq!(norm.original_offset(i), alone.original_offset(i));
            }
        }
        assert_eq!(all.normalized().as_str(), Normalized::new(text).as_str());
        assert_eq!(all.sentences()[0].text, "Preamble “here”.");
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let text = "First one. Second one here.";
        let s = sentence_at(text, 15).unwrap();
        assert_eq!(&text[s.start..s.end], "Second one here.");
    }

    #[test]
    fn unicode_text_never_panics() {
        let text = "Café «Über». Ünïcode — “quoted.” Ω. ☂!";
        for s in split(text) {
            assert!(text.get(s.start..s.end).is_some());
        }
    }

    #[test]
    fn a_heading_line_is_not_part_of_the_first_sentence() {
        let text = "12. Governing Law\nThis Agreement is governed by the laws of Delaware.\n";
        let clauses = [ClauseRef::new(
            text,
            Span::new(0, text.len()),
            "12",
            "Governing Law",
            crate::ClauseKind::Body,
        )];
        let contract = Contract::new(text, &clauses);
        let sentences = of_contract(&contract);
        assert_eq!(sentences.len(), 1);
        assert_eq!(
            sentences[0].text,
            "This Agreement is governed by the laws of Delaware."
        );
        assert_eq!(
            &text[sentences[0].span.start..sentences[0].span.end],
            sentences[0].text
        );
    }
}
