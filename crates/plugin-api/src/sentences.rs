//! Splits clause text into sentences with byte spans, so evidence quotes the sentence that
//! matters rather than the whole clause.
//!
//! A sentence ends at `.`, `?` or `!` (optionally followed by a closing quote or bracket) when
//! whitespace and a capital letter, digit, quote or bracket follow, or at a blank line. It does
//! not end after common abbreviations ("Inc.", "Ltd.", "e.g.", "No.", "Sec."), initials
//! ("U.S."), a clause number opening the sentence ("7.", "7.2.") or inside decimals ("1.5").
//! A single newline (a wrapped line) is whitespace.
//!
//! The host splits each document once ([`contract_spans`]) and lends the sentences to every
//! plugin; the SDK's `sentences` module builds on them.
//!
//! ```
//! let text = "Acme Inc. shall pay. The U.S. courts decide.";
//! let s = clauselint_plugin_api::sentences::split(text);
//! assert_eq!(s.len(), 2);
//! assert_eq!(&text[s[1].start..s[1].end], "The U.S. courts decide.");
//! ```

use crate::{ClauseKind, ClauseRef, Contract, Span};

/// The sentences of every clause of `contract`, in document order, signature blocks skipped:
/// for each, the index of its clause and its span in the contract text. The host computes this
/// once per document and lends it to every plugin.
pub fn contract_spans(contract: &Contract<'_>) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (index, clause) in contract.clauses().enumerate() {
        if clause.kind() == ClauseKind::Signature {
            continue;
        }
        let body = heading_line_end(clause);
        for span in split(&clause.text()[body..]) {
            out.push((index, clause.span_of(body + span.start, body + span.end)));
        }
    }
    out
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
            ClauseKind::Body,
        )];
        let contract = Contract::new(text, &clauses);
        let sentences = contract_spans(&contract);
        assert_eq!(sentences.len(), 1);
        let (clause, span) = sentences[0];
        assert_eq!(clause, 0);
        assert_eq!(
            &text[span.start..span.end],
            "This Agreement is governed by the laws of Delaware."
        );
    }
}
