//! Clause segmentation: where clauses start, their numbers and headings.
//!
//! A clause starts at a block that carries a rendered list number, starts with a clause
//! number ("7.2", "(a)", "Section 7", "ARTICLE VII", "§ 7"), is a heading by style, or is a
//! short all-caps line. Precision comes first: a PDF gives one block per *line*, so a wrapped
//! sentence that happens to start with "10 days" or "2018." must not start a clause. Tables of
//! contents are recognised and skipped; recitals, the preamble and signature blocks get their
//! own [`ClauseKind`]s.
use std::sync::LazyLock;

use clauselint_model::{Block, Clause, ClauseKind, Location, Span};
use regex::Regex;

/// Longest line (in words) taken as an all-caps heading.
const MAX_HEADING_WORDS: usize = 12;
/// Longest table-of-contents entry, in words.
const MAX_TOC_WORDS: usize = 20;
/// Lines longer than this (in words) are paragraphs, not layout lines, even in text files.
const MAX_LAYOUT_LINE_WORDS: usize = 30;
/// Median line length (in words) up to which a document's lines are taken as layout lines.
const MAX_LAYOUT_MEDIAN_WORDS: usize = 20;
/// Longest inline heading ("Governing Law" in "12. Governing Law. This …"), in words.
const MAX_INLINE_HEADING_WORDS: usize = 10;

/// "ARTICLE VII", "Section 7.2", "§ 7", "Clause 4", "PART 2", "Section 2.3(a)(ii)", "Schedule
/// 1.1(b)". A word keyword needs a space after it, or "PARTY DISCLAIMS" would read as "PART Y"
/// and "SECTIONS 2 AND 3" as "SECTION S".
static KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix)\s+|(?:SEC\.|Sec\.|§§?)\s*)(\d{1,3}(?:\.\d{1,3})*(?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\))*|[IVXLCDM]{1,7}|[A-Z])\.?",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// The keywords [`KEYWORD`] starts with: a line starting with none of them cannot match it.
const KEYWORDS: &[&str] = &[
    "ARTICLE", "Article", "SECTION", "Section", "CLAUSE", "Clause", "PART", "Part", "SCHEDULE",
    "Schedule", "EXHIBIT", "Exhibit", "ANNEX", "Annex", "APPENDIX", "Appendix", "SEC.", "Sec.",
    "§",
];

fn starts_with_keyword(t: &str) -> bool {
    KEYWORDS.iter().any(|k| t.starts_with(k))
}

/// "7.", "7.2", "7.2.1", "7.2.1."
static DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*)(\.?)")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// "(a)", "(iv)", "(12)", "(A)".
static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(([a-zA-Z]{1,6}|\d{1,3})\)").unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// "a.", "a)", "IV.", "iv)".
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-zA-Z]|[ivxlIVXL]{2,6})([.)])")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// A table-of-contents entry: dot leaders, a tab or an ellipsis, then a page number.
static TOC_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{3,}|…+|(?:\. ){3,}|_{3,}|\t|\s{3,})\s*(?:\d{1,4}|[ivxlc]{1,5})$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// A looser TOC entry, trusted only after a "Table of Contents" title: text then a page number.
static TOC_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^\d\s.,;:]\.?\s+(?:\d{1,4}|[ivxlc]{1,5})$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// A page number alone on a line.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?$",
    )
    .unwrap_or_else(|_| unreachable!("constant pattern"))
});
static TOC_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:table\s+of\s+contents|contents|index)\s*:?$")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});
/// Signature lines: "By: ____", "By:" alone, "/s/ Name".
static SIGNATURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By\s*:\s*(?:_{2,}.*|/s/.*)?$|/s/\s)")
        .unwrap_or_else(|_| unreachable!("constant pattern"))
});

/// Words that, following "(a)" at the start of a line, show it is a cross-reference carried
/// over from the previous line, not a list item ("…Section 4.2\n(a) of this Agreement").
const CONTINUATION_WORDS: &[&str] = &[
    "of",
    "and",
    "or",
    "hereof",
    "above",
    "below",
    "herein",
    "hereunder",
    "through",
    "to",
    "shall",
    "is",
    "are",
    "will",
    "may",
    "as",
    "in",
];
/// Small words a title-case heading leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "by", "with", "at", "from", "as",
    "vs", "per", "upon", "under", "its", "into", "out", "not", "nor", "than", "that",
];
/// Words that mark an all-caps line as a party name.
const COMPANY_SUFFIXES: &[&str] = &[
    "INC", "LLC", "L.L.C", "LTD", "CORP", "PLC", "GMBH", "L.P", "LLP", "N.A", "S.A", "AG", "B.V",
];
/// A line ending in one of these words continues on the next line.
const DANGLING_WORDS: &[&str] = &[
    "section",
    "sections",
    "article",
    "articles",
    "paragraph",
    "paragraphs",
    "clause",
    "clauses",
    "and",
    "or",
    "of",
    "to",
    "in",
    "the",
    "a",
    "an",
    "under",
    "with",
    "by",
    "for",
    "than",
    "exhibit",
    "schedule",
    "§",
];

/// How a clause number was written; decides which guards apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberShape {
    /// "ARTICLE VII", "Section 7.2".
    Keyword,
    /// "7.", "7.2".
    Decimal,
    /// "(a)", "(iv)".
    Paren,
    /// "a.", "IV)".
    Letter,
}

/// A clause number found at the start of a line.
#[derive(Debug)]
struct Number {
    /// As the clause will report it: "7.2", "(a)", "VII".
    value: String,
    /// Bytes of the line the number (and its keyword) takes.
    len: usize,
    shape: NumberShape,
}

/// A body block as segmentation sees it.
struct Line<'a> {
    text: &'a str,
    block: &'a Block,
}

/// Where a clause starts and what it is.
#[derive(Debug)]
struct Start {
    line: usize,
    number: Option<String>,
    heading: Option<String>,
    kind: ClauseKind,
}

/// Splits the body blocks of a document into clauses.
pub(crate) fn segment(text: &str, blocks: &[Block]) -> Vec<Clause> {
    let lines: Vec<Line<'_>> = blocks
        .iter()
        .filter(|b| b.kind.is_body())
        .filter_map(|b| {
            let t = b.span.slice(text)?.trim();
            (!t.is_empty()).then_some(Line { text: t, block: b })
        })
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let line_mode = is_layout(&lines);
    let toc = find_toc(&lines);
    let starts = find_starts(&lines, &toc, line_mode);

    let mut clauses = Vec::new();
    if starts.is_empty() {
        // No structure: each block is its own clause.
        for l in &lines {
            clauses.push(Clause {
                number: None,
                heading: None,
                span: l.block.span,
                location: l.block.location,
                kind: ClauseKind::Body,
            });
        }
        return clauses;
    }
    let span_of =
        |from: usize, to: usize| Span::new(lines[from].block.span.start, lines[to].block.span.end);
    if starts[0].line > 0 {
        clauses.push(Clause {
            number: None,
            heading: None,
            span: span_of(0, starts[0].line - 1),
            location: lines[0].block.location,
            kind: ClauseKind::Preamble,
        });
    }
    for (i, s) in starts.iter().enumerate() {
        let last = starts.get(i + 1).map_or(lines.len() - 1, |n| n.line - 1);
        clauses.push(Clause {
            number: s.number.clone(),
            heading: s.heading.clone(),
            span: span_of(s.line, last),
            location: location(&lines[s.line]),
            kind: s.kind,
        });
    }
    clauses
}

/// Whether blocks are layout lines (PDF, hard-wrapped text) rather than paragraphs (DOCX,
/// text with one paragraph per line): located by line, and mostly short.
fn is_layout(lines: &[Line<'_>]) -> bool {
    if lines.iter().any(|l| l.block.location.paragraph.is_some()) {
        return false;
    }
    let mut words: Vec<usize> = lines
        .iter()
        // Capped: only whether the median is above the limit matters.
        .map(|l| word_count_capped(l.text, MAX_LAYOUT_MEDIAN_WORDS + 1))
        .collect();
    words.sort_unstable();
    words
        .get(words.len() / 2)
        .is_none_or(|&m| m <= MAX_LAYOUT_MEDIAN_WORDS)
}

fn location(l: &Line<'_>) -> Location {
    l.block.location
}

/// The start of a line in capitals, for keyword tests ("IN WITNESS WHEREOF", "WHEREAS"): whether
/// the upper-cased first 20 characters start with a keyword, without building that string
/// when the line starts in ASCII.
struct UpperStart<'a>(&'a str);

impl UpperStart<'_> {
    /// `keyword` is upper-case ASCII, at most 20 characters.
    fn is(&self, keyword: &str) -> bool {
        let t = self.0;
        match t.as_bytes().get(..keyword.len()) {
            // ASCII upper-cases byte for byte, so the first bytes decide alone.
            Some(head) if head.is_ascii() => head.eq_ignore_ascii_case(keyword.as_bytes()),
            // Fewer bytes than the keyword: ASCII text that short cannot match, and anything
            // else (a letter that upper-cases to two) takes the general path.
            None if t.is_ascii() => false,
            _ => t
                .chars()
                .take(20)
                .collect::<String>()
                .to_uppercase()
                .starts_with(keyword),
        }
    }
}

/// Whether `s` has at most `max` words (as `split_whitespace` counts them), without counting
/// the words of a long paragraph past `max`.
fn words_at_most(s: &str, max: usize) -> bool {
    word_count_capped(s, max + 1) <= max
}

/// `s.split_whitespace().count()`, capped at `cap`: bytes at a time, decoding only non-ASCII
/// characters (to ask whether they are white space).
fn word_count_capped(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() && words < cap {
        let (space, len) = if b[i].is_ascii() {
            (
                matches!(b[i], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'),
                1,
            )
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            }
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
        i += len;
    }
    words
}

/// Walks the lines once, deciding which start clauses.
fn find_starts(lines: &[Line<'_>], toc: &[bool], line_mode: bool) -> Vec<Start> {
    let mut starts: Vec<Start> = Vec::new();
    let mut in_signature = false;
    let mut in_recitals = false;
    // A line consumed as the heading of the number-only line before it.
    let mut consumed = usize::MAX;
    for (i, line) in lines.iter().enumerate() {
        if toc[i] || i == consumed {
            continue;
        }
        let t = line.text;
        let prev = i.checked_sub(1).map(|p| lines[p].text);
        // What the line follows in the running text: page numbers a reader did not mark as
        // footers ("15", "- 3 -", "Page 2 of 9") say nothing about how the sentence goes on.
        let prev_text = lines[..i]
            .iter()
            .rev()
            .map(|l| l.text)
            .find(|p| !is_page_number(p));
        let next = lines.get(i + 1).map(|l| l.text);
        // Likewise what the running text goes on with after the line.
        let next_text = lines[i + 1..]
            .iter()
            .map(|l| l.text)
            .find(|n| !is_page_number(n));
        let upper_start = UpperStart(t);

        if upper_start.is("IN WITNESS WHEREOF") {
            in_signature = true;
            in_recitals = false;
            starts.push(Start {
                line: i,
                number: None,
                heading: None,
                kind: ClauseKind::Signature,
            });
            continue;
        }
        if upper_start.is("WHEREAS") {
            in_recitals = true;
            starts.push(Start {
                line: i,
                number: None,
                heading: None,
                kind: ClauseKind::Recital,
            });
            continue;
        }
        if upper_start.is("NOW, THEREFORE") || upper_start.is("NOW THEREFORE") {
            in_recitals = false;
            continue;
        }

        // A running header a reader left inside a sentence cut by a page break ("… market
        // any / SECTION 8 OBLIGATIONS OF ICC / - 14 - / products or services to …") starts
        // nothing: the sentence goes on after it.
        if !in_signature
            && is_upper_text(t)
            && !t.trim_end().ends_with([',', ';'])
            && interrupts_sentence(prev_text, next_text)
        {
            continue;
        }
        let number = match line.block.number.as_deref() {
            Some(n) => rendered_number(n, t),
            None => parse_number(t).filter(|n| number_is_plausible(n, t, prev_text, line_mode)),
        };
        let is_heading_block = line.block.kind == clauselint_model::BlockKind::Heading;
        let caps = is_caps_heading(t, prev, next);

        if in_signature {
            // Party names in capitals and "By:" lines belong to the signature block; only an
            // attachment or a numbered clause ends it.
            let attachment = ["EXHIBIT", "SCHEDULE", "ANNEX", "APPENDIX", "ATTACHMENT"]
                .iter()
                .any(|w| upper_start.is(w));
            let numbered = number
                .as_ref()
                .is_some_and(|n| matches!(n.shape, NumberShape::Decimal | NumberShape::Keyword));
            if !(attachment && (caps || is_heading_block) || numbered) {
                continue;
            }
            in_signature = false;
        } else if SIGNATURE_LINE.is_match(t) {
            if starts
                .last()
                .is_some_and(|s| s.kind == ClauseKind::Signature)
            {
                continue;
            }
            in_signature = true;
            starts.push(Start {
                line: i,
                number: None,
                heading: None,
                kind: ClauseKind::Signature,
            });
            continue;
        }

        if let Some(n) = number {
            let rest = t
                .get(n.len..)
                .unwrap_or("")
                .trim_start_matches(separator)
                .trim();
            let mut heading = inline_heading(rest);
            if rest.is_empty()
                && let Some(nt) = next
                && i + 1 < lines.len()
                && !toc[i + 1]
                && lines[i + 1].block.number.is_none()
                && parse_number(nt).is_none()
                && (lines[i + 1].block.kind == clauselint_model::BlockKind::Heading
                    || is_caps_heading(nt, Some(t), lines.get(i + 2).map(|l| l.text))
                    || is_title_case_line(nt))
            {
                heading = Some(clean_heading(nt));
                consumed = i + 1;
            }
            let kind = if in_recitals && matches!(n.shape, NumberShape::Letter | NumberShape::Paren)
            {
                ClauseKind::Recital
            } else {
                in_recitals = false;
                ClauseKind::Body
            };
            starts.push(Start {
                line: i,
                number: Some(n.value),
                heading,
                kind,
            });
            continue;
        }
        if (is_heading_block || caps) && i > 0 {
            let heading = clean_heading(t);
            let upper = heading.to_uppercase();
            let kind = if matches!(
                upper.as_str(),
                "RECITALS" | "BACKGROUND" | "WITNESSETH" | "PRELIMINARY STATEMENTS"
            ) {
                in_recitals = true;
                ClauseKind::Recital
            } else {
                in_recitals = false;
                ClauseKind::Body
            };
            starts.push(Start {
                line: i,
                number: None,
                heading: Some(heading),
                kind,
            });
        }
    }
    starts
}

fn separator(c: char) -> bool {
    matches!(c, '.' | ':' | '-' | '–' | '—' | ')' | ' ' | '\t')
}

/// The clause number of a block whose list number Word rendered ("7." -> "7", "Article I"
/// -> "I", "(a)" stays). `len` is the rendered number's length in the block text.
fn rendered_number(rendered: &str, text: &str) -> Option<Number> {
    let r = rendered.trim();
    let value = match parse_number(r) {
        Some(n) if n.len >= r.trim_end_matches(['.', ':', ')']).len() => n.value,
        _ => r.trim_end_matches(['.', ':']).to_owned(),
    };
    if value.is_empty() {
        return None;
    }
    let len = if text.starts_with(r) { r.len() } else { 0 };
    Some(Number {
        value,
        len,
        shape: NumberShape::Keyword,
    })
}

/// A clause number at the start of `t`, followed by whitespace or the end of the line.
fn parse_number(t: &str) -> Option<Number> {
    let followed_ok = |len: usize| {
        t.get(len..)
            .and_then(|r| r.chars().next())
            .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—'))
    };
    // Each pattern runs only on lines that start the way it needs.
    if starts_with_keyword(t)
        && let Some(c) = KEYWORD.captures(t)
    {
        let all = c.get(0)?;
        let v = c.get(1)?.as_str();
        if followed_ok(all.end()) && paren_labels_ok(v) {
            // Attachments keep their kind: "Exhibit A" says more than "A".
            let keyword = t[..c.get(1)?.start()].trim();
            let attachment = ["SCHEDULE", "EXHIBIT", "ANNEX", "APPENDIX"]
                .iter()
                .any(|w| keyword.eq_ignore_ascii_case(w));
            let value = if attachment {
                format!("{keyword} {v}")
            } else {
                v.to_owned()
            };
            return Some(Number {
                value,
                len: all.end(),
                shape: NumberShape::Keyword,
            });
        }
    }
    if t.chars().next().is_some_and(char::is_numeric)
        && let Some(c) = DECIMAL.captures(t)
    {
        let all = c.get(0)?;
        let v = c.get(1)?.as_str();
        let dot = !c.get(2)?.as_str().is_empty();
        if followed_ok(all.end()) {
            let rest = t[all.end()..].trim_start();
            let tabbed = t[all.end()..].starts_with('\t');
            // A bare integer ("10 days", a page number) is a number only when a tab or an
            // all-caps heading follows it.
            if dot || v.contains('.') || tabbed || (is_upper_text(rest) && !rest.is_empty()) {
                return Some(Number {
                    value: v.to_owned(),
                    len: all.end(),
                    shape: NumberShape::Decimal,
                });
            }
        }
        return None;
    }
    if t.starts_with('(')
        && let Some(c) = PAREN.captures(t)
    {
        let all = c.get(0)?;
        let v = c.get(1)?.as_str();
        let rest = &t[all.end()..];
        let good_label = v.chars().all(|c| c.is_ascii_digit()) || is_list_label(v);
        if good_label && rest.chars().next().is_none_or(|c| !c.is_ascii_digit()) {
            return Some(Number {
                value: all.as_str().to_owned(),
                len: all.end(),
                shape: NumberShape::Paren,
            });
        }
        return None;
    }
    if t.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && t.bytes().take(7).skip(1).any(|b| matches!(b, b'.' | b')'))
        && let Some(c) = LETTER.captures(t)
    {
        let all = c.get(0)?;
        let v = c.get(1)?.as_str();
        if followed_ok(all.end()) && is_list_label(v) && !t[all.end()..].trim().is_empty() {
            let value = if &c[2] == ")" {
                format!("{v})")
            } else {
                v.to_owned()
            };
            return Some(Number {
                value,
                len: all.end(),
                shape: NumberShape::Letter,
            });
        }
    }
    None
}

/// Whether the parenthesised parts of a keyword number ("(a)", "(ii)" in "2.3(a)(ii)") are all
/// list labels or numbers: "Section 2(the)" is not a clause number.
fn paren_labels_ok(v: &str) -> bool {
    v.split('(').skip(1).all(|p| {
        let label = p.trim_end_matches(')');
        label.bytes().all(|b| b.is_ascii_digit()) || is_list_label(label)
    })
}

/// "a", "aa", "iv", "B": labels lists use; not words like "the".
fn is_list_label(v: &str) -> bool {
    let mut cs = v.chars();
    let Some(first) = cs.next() else { return false };
    v.len() == 1 || v.chars().all(|c| c == first) && v.len() <= 3 || is_roman(v)
}

fn is_roman(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    !lower.is_empty()
        && lower
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))
        && (v.chars().all(|c| c.is_ascii_lowercase()) || v.chars().all(|c| c.is_ascii_uppercase()))
        && roman_value(&lower).is_some()
}

/// The value of a well-formed lower-case roman numeral below 400.
fn roman_value(s: &str) -> Option<u32> {
    const TABLE: [(&str, u32); 9] = [
        ("c", 100),
        ("xc", 90),
        ("l", 50),
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
    ];
    let mut rest = s;
    let mut total = 0;
    for (sym, val) in TABLE {
        let mut count = 0;
        while let Some(r) = rest.strip_prefix(sym) {
            rest = r;
            total += val;
            count += 1;
            if count > 3 {
                return None;
            }
        }
    }
    rest.is_empty().then_some(total)
}

/// Guards on a number found in the text (not rendered by the source): what follows it must
/// read like a clause, and the line must not be the continuation of a sentence.
fn number_is_plausible(n: &Number, t: &str, prev: Option<&str>, line_mode: bool) -> bool {
    let rest = t
        .get(n.len..)
        .unwrap_or("")
        .trim_start_matches(separator)
        .trim_start();
    // Case matters: "(a) To each seller" is an item, "(a) to the extent" a carried-over reference.
    let first_word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let first_char = rest.chars().next();
    let starts_like_clause = match first_char {
        None => true,
        Some(c) => c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '§'),
    };
    // A long previous line is a paragraph of its own (text files often hold one per line),
    // so what it ends with says nothing about this line.
    let prev = prev.filter(|p| words_at_most(p, MAX_LAYOUT_LINE_WORDS));
    if let Some(p) = prev {
        let last_word = p
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_lowercase();
        // "…Section\n4.2 of" runs on; "…breaches; or\n(b)" is the next item of a list.
        if DANGLING_WORDS.contains(&last_word.as_str()) && !ends_list_item(p) {
            return false;
        }
    }
    match n.shape {
        NumberShape::Keyword | NumberShape::Decimal => {
            // "Section 4.2 hereof", "3.5 million": lower case after the number is prose.
            if !starts_like_clause {
                return false;
            }
            // "…set forth in the first two sentences of this\nSection 12.4(c). If …": a
            // number with a list label is far more often a cross-reference than a heading, so
            // in layout lines it starts a clause only after a line that ended.
            if line_mode && n.value.contains('(') && prev.is_some_and(|p| !ends_list_item(p)) {
                return false;
            }
            if n.shape == NumberShape::Keyword
                && rest.is_empty()
                && !is_upper_text(t)
                && !t.starts_with('§')
            {
                // "Section 5" alone on a line is a heading only in capitals ("SECTION 5") or
                // as "Article"/"Section" in title case with nothing else.
                return t.split_whitespace().count() <= 2;
            }
            true
        }
        NumberShape::Paren | NumberShape::Letter => {
            if CONTINUATION_WORDS.contains(&first_word.as_str()) {
                return false;
            }
            if n.shape == NumberShape::Letter && !starts_like_clause {
                // "a. the …" is rare; "e. g." and initials are not list items.
                return !line_mode && first_char.is_some_and(char::is_alphabetic);
            }
            if line_mode {
                // In a layout line, "(ii) the Licensee" is a list item only when the line
                // before ended a sentence, a list item or an introduction.
                return prev.is_none_or(ends_list_item);
            }
            true
        }
    }
}

/// Whether a line between `prev` and `next` sits inside one sentence: `prev` breaks off
/// inside it (a lower-case word or a comma) and `next` goes on with a lower-case word that is
/// no list label ("a.", "(ii)").
fn interrupts_sentence(prev: Option<&str>, next: Option<&str>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    if !p
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',')
    {
        return false;
    }
    let n = n.trim_start();
    let word_end = n.find(|c: char| !c.is_alphabetic()).unwrap_or(n.len());
    let word = &n[..word_end];
    word.chars().count() >= 2
        && word.chars().all(char::is_lowercase)
        && !matches!(n[word_end..].chars().next(), Some('.' | ')'))
}

/// Whether a line ends the way a line before a new list item does: a sentence end, an
/// introduction, "; and", or a numbered heading ("3.31 Records and Audits").
fn ends_list_item(p: &str) -> bool {
    let p = p.trim_end();
    if p.ends_with(['.', ':', ';', '—']) {
        return true;
    }
    if let Some(n) = parse_number(p)
        && matches!(n.shape, NumberShape::Keyword | NumberShape::Decimal)
    {
        let rest = p
            .get(n.len..)
            .unwrap_or("")
            .trim_start_matches(separator)
            .trim();
        if rest.is_empty()
            || words_at_most(rest, MAX_HEADING_WORDS)
                && (is_title_case(rest) || is_upper_text(rest))
        {
            return true;
        }
    }
    let lower = p.to_lowercase();
    (lower.ends_with(" and") || lower.ends_with(" or"))
        && lower
            .trim_end_matches(" and")
            .trim_end_matches(" or")
            .ends_with([';', ','])
}

/// "Governing Law" from "Governing Law. This Agreement …", or the whole rest when it is a
/// short title-case phrase.
fn inline_heading(rest: &str) -> Option<String> {
    if rest.is_empty() {
        return None;
    }
    let short = words_at_most(rest, MAX_HEADING_WORDS);
    if short && !rest.ends_with(['.', ';', ',']) && is_title_case(rest) {
        return Some(clean_heading(rest));
    }
    if short && rest.ends_with('.') && !rest[..rest.len() - 1].contains(". ") {
        let h = &rest[..rest.len() - 1];
        if words_at_most(h, MAX_INLINE_HEADING_WORDS) && is_title_case(h) {
            return Some(clean_heading(h));
        }
    }
    let h = &rest[..heading_cut(rest)?];
    (words_at_most(h, MAX_INLINE_HEADING_WORDS) && is_title_case(h)).then(|| clean_heading(h))
}

/// Where an inline heading ends: the first of ". ", ": ", " - ", " – ", " — ", ".\t", ":\t",
/// "\t" or three spaces. `None` when there is none, or none before the heading would have more
/// than [`MAX_INLINE_HEADING_WORDS`] words (it is not a heading then).
fn heading_cut(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    // Words seen so far: an ASCII graphic byte after ASCII whitespace (or first) starts a word
    // of its own, so this undercounts `split_whitespace` at worst; any later cut would leave
    // at least these words in the heading.
    let mut words = 0;
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        match c {
            b'.' | b':' if matches!(next, Some(b' ' | b'\t')) => return Some(i),
            b'\t' => return Some(i),
            b' ' => {
                let after = &b[i + 1..];
                if after.starts_with(b"  ")
                    || ["-", "–", "—"].iter().any(|d| {
                        after.starts_with(d.as_bytes()) && after.get(d.len()) == Some(&b' ')
                    })
                {
                    return Some(i);
                }
            }
            _ => {}
        }
        let after_space = i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == 0x0B;
        if c.is_ascii_graphic() && after_space {
            words += 1;
            if words > MAX_INLINE_HEADING_WORDS {
                return None;
            }
        }
    }
    None
}

/// A heading's text without trailing punctuation and inner tabs.
fn clean_heading(t: &str) -> String {
    let t = t.trim().trim_end_matches(['.', ':', ';', ',']).trim();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title Case or CAPITALS: the first word capitalised, as are most non-small words. A
/// definition ("\"Territory\" means Japan") or a sentence with a verb is not a heading.
fn is_title_case(s: &str) -> bool {
    if s.starts_with(['"', '“', '\'', '‘'])
        || s.split_whitespace().any(|w| {
            matches!(
                w,
                "means" | "shall" | "will" | "may" | "is" | "are" | "has" | "have"
            )
        })
    {
        return false;
    }
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let caps = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 5 >= content.len() * 4
}

/// A short title-case line with no final period (a heading on its own line).
fn is_title_case_line(t: &str) -> bool {
    t.split_whitespace().count() <= 8 && !t.ends_with(['.', ';', ',']) && is_title_case(t)
}

/// Letters present and all upper case.
fn is_upper_text(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 3
}

/// An all-caps heading line: short, capitals, no sentence ending, and not one line of an
/// all-caps paragraph (disclaimers are often set in capitals and wrap over many lines).
fn is_caps_heading(t: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    // Cheapest test first: most lines have a lower-case letter early on.
    if !is_upper_text(t) || !words_at_most(t, MAX_HEADING_WORDS) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() {
        return false;
    }
    if !words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return false;
    }
    // Dates ("NOV 02, 2019") and party names ("ACME, INC.") in capitals are not headings.
    if words.iter().any(|w| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        digits >= 4 && digits == w.trim_end_matches([',', '.']).len()
    }) {
        return false;
    }
    if words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        COMPANY_SUFFIXES.contains(&w.trim_end_matches('.'))
    }) {
        return false;
    }
    let trimmed = t.trim_end();
    if trimmed.ends_with([',', ';']) || (trimmed.ends_with('.') && !ends_with_number(trimmed)) {
        return false;
    }
    let last = words
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    if DANGLING_WORDS.contains(&last.as_str())
        || matches!(last.as_str(), "any" | "all" | "such" | "be" | "is")
    {
        return false;
    }
    if let Some(p) = prev {
        // The previous line runs on into this one.
        let p = p.trim_end();
        if p.chars()
            .last()
            .is_some_and(|c| c.is_lowercase() || c == ',')
            && is_upper_text(p)
        {
            return false;
        }
        if is_upper_text(p) && p.split_whitespace().count() > 8 && !p.ends_with(['.', ':']) {
            return false;
        }
    }
    if let Some(n) = next {
        if n.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        if is_upper_text(n)
            && words.len() > 6
            && trimmed.chars().last().is_some_and(char::is_alphabetic)
        {
            return false;
        }
    }
    true
}

/// A page number printed as a line: "15", "iv", "- 3 -", "Page 2", "Page 2 of 9".
fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    // Only these ASCII bytes can be part of a match (other letters do not fold to them), so a
    // line with any other (nearly every line) is refused without running the pattern.
    t.bytes().all(|b| {
        !b.is_ascii()
            || b.is_ascii_digit()
            || b.is_ascii_whitespace()
            || b == 0x0B
            || b"-pageivxlcofPAGEIVXLCOF".contains(&b)
    }) && PAGE_NUMBER.is_match(t)
}

fn ends_with_number(t: &str) -> bool {
    parse_number(t).is_some_and(|n| n.len >= t.len())
}

/// Marks the lines of tables of contents: after a "Table of Contents" title, and runs of at
/// least three dot-leader entries.
fn find_toc(lines: &[Line<'_>]) -> Vec<bool> {
    let n = lines.len();
    let mut toc = vec![false; n];
    // Entries are short; a long line ending in a page number is a page of running text.
    let strict: Vec<bool> = lines
        .iter()
        .map(|l| TOC_ENTRY.is_match(l.text) && words_at_most(l.text, MAX_TOC_WORDS))
        .collect();
    let loose: Vec<bool> = lines
        .iter()
        .zip(&strict)
        .map(|(l, &s)| s || (TOC_LOOSE.is_match(l.text) && words_at_most(l.text, MAX_TOC_WORDS)))
        .collect();
    let short = |i: usize| words_at_most(lines[i].text, MAX_HEADING_WORDS);

    // After a title, entries (and short lines between entries) until the body starts. A PDF
    // reader may give the page numbers as a column of their own, after the entries they
    // belong to: short lines that end no sentence, and bare page numbers, are entries too.
    // The body starts at a paragraph line, at the first entry's heading again, or at a clause
    // number the contents already listed (a TOC lists each number once).
    let mut i = 0;
    while i < n {
        if TOC_TITLE.is_match(lines[i].text) {
            toc[i] = true;
            let mut first_key: Option<String> = None;
            let mut seen_numbers: Vec<String> = Vec::new();
            let mut j = i + 1;
            while j < n {
                let t = lines[j].text;
                let near_entry = (j + 1..(j + 3).min(n)).any(|k| loose[k]);
                let key = toc_key(t);
                if first_key.as_deref() == Some(key.as_str()) && !loose[j] {
                    break;
                }
                let number = parse_number(t)
                    .filter(|num| matches!(num.shape, NumberShape::Keyword | NumberShape::Decimal))
                    .map(|num| num.value);
                if number.as_ref().is_some_and(|v| seen_numbers.contains(v)) {
                    break;
                }
                let entry_like = short(j) && !t.trim_end().ends_with(['.', ',', ';', ':']);
                if loose[j] || is_page_number(t) || (short(j) && near_entry) || entry_like {
                    if (loose[j] || entry_like) && first_key.is_none() {
                        first_key = Some(key);
                    }
                    seen_numbers.extend(number);
                    toc[j] = true;
                    j += 1;
                } else {
                    break;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // Runs of leader entries without a title.
    let mut i = 0;
    while i < n {
        if !strict[i] {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut count = 1;
        let mut j = i + 1;
        while j < n && j <= last + 3 {
            if strict[j] {
                last = j;
                count += 1;
            } else if !short(j) {
                break;
            }
            j += 1;
        }
        if count >= 3 {
            for t in toc.iter_mut().take(last + 1).skip(i) {
                *t = true;
            }
        }
        i = last + 1;
    }
    toc
}

/// A TOC entry's text without its page number and leaders, for spotting the body heading
/// that repeats the first entry.
fn toc_key(t: &str) -> String {
    let t = t.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | '…' | '_')
    });
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests;
