//! A matching form of text that remembers where each byte came from.
//!
//! Contract text arrives with smart quotes, non-breaking spaces, line wraps and capitals;
//! patterns are easier to write against `lowercase, straight quotes, single spaces`. The
//! [`Normalized`] text keeps, for every byte, the byte offset it came from, so a match in the
//! normalised text maps back to a span of the original, which is what evidence must quote.
//!
//! The host normalises each document once and lends the result to every plugin (see
//! [`crate::abi::DocumentView`]); [`Normalized::new`] is the same computation, for text a check
//! builds itself and for checks run in-process (fixtures, tests).
//!
//! ```
//! use clauselint_plugin_api::text::Normalized;
//! let original = "Governed  by\nthe “Laws”";
//! let n = Normalized::new(original);
//! assert_eq!(n.as_str(), "governed by the \"laws\"");
//! let at = n.as_str().find("the").unwrap();
//! let span = n.original_span(at, at + 3);
//! assert_eq!(&original[span.start..span.end], "the");
//! ```

use std::borrow::Cow;

use crate::Span;

/// Text normalised for matching, with a map back to the original byte offsets. It owns its
/// parts when made by [`Normalized::new`] and borrows them when lent by the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry maps the
    /// end of the normalised text to the end of the last original character used.
    origin: Cow<'a, [usize]>,
    /// `origin_end[i]` is the original offset just past the character normalised byte `i`
    /// came from.
    origin_end: Cow<'a, [usize]>,
}

impl<'a> Normalized<'a> {
    /// A normalised text from its parts, as [`Normalized::parts`] gives them (the host lends
    /// them across the plugin boundary). `None` unless there is one `origin` per byte plus
    /// one and one `origin_end` per byte. The offsets themselves are trusted to be what
    /// [`Normalized::new`] makes (non-decreasing, within the original): checked per document
    /// in every plugin, that would cost what lending them saves. Wrong offsets give wrong
    /// spans, which the host clamps like any evidence, never a panic.
    pub fn from_parts(
        text: &'a str,
        origin: &'a [usize],
        origin_end: &'a [usize],
    ) -> Option<Normalized<'a>> {
        let consistent = origin.len() == text.len() + 1 && origin_end.len() == text.len();
        consistent.then_some(Normalized {
            text: Cow::Borrowed(text),
            origin: Cow::Borrowed(origin),
            origin_end: Cow::Borrowed(origin_end),
        })
    }

    /// The parts: the normalised text, `origin` and `origin_end` (see the fields).
    pub fn parts(&self) -> (&str, &[usize], &[usize]) {
        (&self.text, &self.origin, &self.origin_end)
    }

    /// A view of the same normalised text that borrows this one's parts.
    pub fn borrowed(&self) -> Normalized<'_> {
        Normalized {
            text: Cow::Borrowed(&self.text),
            origin: Cow::Borrowed(&self.origin),
            origin_end: Cow::Borrowed(&self.origin_end),
        }
    }

    /// Normalises `original`: lower-case, smart quotes to straight ones, dashes to `-`, every
    /// run of whitespace (including non-breaking spaces and newlines) to one space, and leading
    /// and trailing whitespace dropped.
    pub fn new(original: &str) -> Normalized<'static> {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut origin_end = Vec::with_capacity(original.len());
        let mut pending_space: Option<usize> = None;
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // ASCII (nearly all of a contract) takes a path without char decoding or the
            // `to_lowercase` iterator; the result is identical to the general path below.
            if b.is_ascii() {
                if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
                    if !text.is_empty() && pending_space.is_none() {
                        pending_space = Some(at);
                    }
                } else {
                    if let Some(space_at) = pending_space.take() {
                        text.push(' ');
                        origin.push(space_at);
                        origin_end.push(space_at + 1);
                    }
                    let c = if b == b'`' {
                        b'\''
                    } else {
                        b.to_ascii_lowercase()
                    };
                    text.push(char::from(c));
                    origin.push(at);
                    origin_end.push(at + 1);
                }
                at += 1;
                continue;
            }
            let Some(ch) = original.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let end = at + ch.len_utf8();
            if ch.is_whitespace() {
                if !text.is_empty() && pending_space.is_none() {
                    pending_space = Some(at);
                }
                at = end;
                continue;
            }
            if let Some(space_at) = pending_space.take() {
                text.push(' ');
                origin.push(space_at);
                origin_end.push(space_at + 1);
            }
            let mapped = match ch {
                '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Some('"'),
                '‘' | '’' | '‚' | '‛' | '′' => Some('\''),
                '–' | '—' | '‐' | '‑' | '‒' | '−' => Some('-'),
                _ => None,
            };
            let mut push = |c: char| {
                let before = text.len();
                text.push(c);
                for _ in before..text.len() {
                    origin.push(at);
                    origin_end.push(end);
                }
            };
            match mapped {
                Some(c) => push(c),
                None => ch.to_lowercase().for_each(push),
            }
            at = end;
        }
        let last_end = origin_end.last().copied().unwrap_or(0);
        origin.push(last_end);
        Normalized {
            text: Cow::Owned(text),
            origin: Cow::Owned(origin),
            origin_end: Cow::Owned(origin_end),
        }
    }

    /// The matching form of the original bytes `start..end`, as a view into this text: for a
    /// span that starts and ends on non-whitespace (a trimmed sentence) its text equals
    /// `Normalized::new(&original[start..end])`, and its offsets map into that slice of the
    /// original. Normalising a contract once and slicing it per sentence saves normalising every
    /// sentence again in every rule.
    pub fn slice(&self, start: usize, end: usize) -> NormalizedSlice<'_> {
        let end = end.max(start);
        // `origin` is non-decreasing: the first normalised byte at or after an original offset
        // is found by binary search.
        let body = &self.origin[..self.text.len()];
        // A space standing for whitespace before `start` or at `end` has an origin outside the
        // part, so it is left out.
        let mut from = body.partition_point(|&o| o < start);
        let mut to = body.partition_point(|&o| o < end).max(from);
        while to > from && !self.text.is_char_boundary(to) {
            to -= 1;
        }
        while from < to && !self.text.is_char_boundary(from) {
            from += 1;
        }
        NormalizedSlice {
            text: &self.text[from..to],
            origin: &self.origin[from..to],
            origin_end: &self.origin_end[from..to],
            base: start,
            end,
        }
    }

    /// The whole text as a [`NormalizedSlice`] (offsets relative to the original).
    pub fn as_slice(&self) -> NormalizedSlice<'_> {
        let end = self.origin.last().copied().unwrap_or(0);
        NormalizedSlice {
            text: &self.text,
            origin: &self.origin[..self.text.len()],
            origin_end: &self.origin_end,
            base: 0,
            end,
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of normalised byte `at` (clamped to the end).
    pub fn original_offset(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        self.origin.get(at).copied().unwrap_or(0)
    }

    /// The original span covering normalised bytes `start..end`: from the start of the first
    /// character to the end of the last, so the quote is whole characters of the original.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        // The whole text as a slice cut from offset 0 answers the same.
        self.as_slice().original_span(start, end)
    }
}

/// A part of a [`Normalized`] text (see [`Normalized::slice`]), with offsets relative to the
/// start of the original part it was cut from; it answers like a [`Normalized`] of that part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizedSlice<'n> {
    text: &'n str,
    /// Original (whole-text) offset of each normalised byte.
    origin: &'n [usize],
    /// Original (whole-text) offset just past the character of each normalised byte.
    origin_end: &'n [usize],
    /// Original offset the slice was cut from; offsets returned are relative to it.
    base: usize,
    /// Original offset the slice was cut up to.
    end: usize,
}

impl<'n> NormalizedSlice<'n> {
    /// The normalised text of the part.
    pub fn as_str(&self) -> &'n str {
        self.text
    }

    /// The original offset (relative to the part) of normalised byte `at`, clamped to the end.
    pub fn original_offset(&self, at: usize) -> usize {
        match self.origin.get(at) {
            Some(&o) => o.saturating_sub(self.base),
            None => self.end_offset(),
        }
    }

    /// The original span (relative to the part) covering normalised bytes `start..end`, whole
    /// characters of the original, as [`Normalized::original_span`].
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let end = end.min(self.text.len());
        let start = start.min(end);
        if start == end {
            let at = self.original_offset(start);
            return Span::new(at, at);
        }
        let first = self.original_offset(start);
        let last = self
            .origin_end
            .get(end - 1)
            .map_or(first, |&e| e.saturating_sub(self.base));
        Span::new(first, last)
    }

    /// Where the part ends in the original, relative to its start: the end of its last
    /// character (as [`Normalized::new`] of the part maps its end).
    fn end_offset(&self) -> usize {
        self.origin_end
            .last()
            .map_or(0, |&e| e.min(self.end).saturating_sub(self.base))
    }
}

/// The largest char boundary of `text` at or before `at` (clamped to the text), so byte
/// arithmetic ("60 bytes before the match") can slice without panicking inside a character.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at` (clamped to the text).
pub fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `text[start..end]` with both ends moved outwards to char boundaries; never panics.
pub fn slice_lossless(text: &str, start: usize, end: usize) -> &str {
    let start = floor_boundary(text, start);
    let end = ceil_boundary(text, end.max(start));
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_never_split_characters() {
        let t = "aå€b";
        assert_eq!(floor_boundary(t, 2), 1);
        assert_eq!(ceil_boundary(t, 2), 3);
        assert_eq!(floor_boundary(t, 99), t.len());
        assert_eq!(slice_lossless(t, 2, 4), "å€");
        assert_eq!(slice_lossless(t, 5, 1), "");
        for i in 0..=t.len() + 1 {
            for j in 0..=t.len() + 1 {
                let _ = slice_lossless(t, i, j);
            }
        }
    }

    fn round_trip(original: &str, needle: &str, expected_quote: &str) {
        let n = Normalized::new(original);
        let at = n
            .as_str()
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {:?}", n.as_str()));
        let span = n.original_span(at, at + needle.len());
        assert_eq!(&original[span.start..span.end], expected_quote);
    }

    #[test]
    fn normal_form() {
        assert_eq!(
            Normalized::new("  A\u{a0}\u{a0}B\r\n\tC  ").as_str(),
            "a b c"
        );
        assert_eq!(
            Normalized::new("“Client Data” – it’s").as_str(),
            "\"client data\" - it's"
        );
        assert_eq!(Normalized::new("").as_str(), "");
        assert_eq!(Normalized::new("ÜBER").as_str(), "über");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        round_trip("Governed  by\nthe LAWS", "by the laws", "by\nthe LAWS");
        round_trip(
            "the “Client Data” shall",
            "\"client data\"",
            "“Client Data”",
        );
        round_trip("Straße ÉCOLE end", "école", "ÉCOLE");
        round_trip("x — y", "- y", "— y");
    }

    /// Every way of asking a slice must answer as `Normalized::new` of the part does.
    fn same_as_normalizing_the_part(original: &str, start: usize, end: usize) {
        let whole = Normalized::new(original);
        let part = &original[start..end];
        let alone = Normalized::new(part);
        let slice = whole.slice(start, end);
        assert_eq!(slice.as_str(), alone.as_str(), "{part:?}");
        for i in 0..=alone.as_str().len() + 1 {
            assert_eq!(
                slice.original_offset(i),
                alone.original_offset(i),
                "{part:?} offset {i}"
            );
            for j in i..=alone.as_str().len() + 1 {
                if alone.as_str().is_char_boundary(i.min(alone.as_str().len()))
                    && alone.as_str().is_char_boundary(j.min(alone.as_str().len()))
                {
                    assert_eq!(
                        slice.original_span(i, j),
                        alone.original_span(i, j),
                        "{part:?} span {i}..{j}"
                    );
                }
            }
        }
    }

    #[test]
    fn slices_answer_like_the_normalised_part() {
        let text = "  First  “Quoted”\n\tsentence.  Second — ÜBER straße İx,\u{a0}end. \r\nLast`s";
        // Every trimmed sentence-like part: from a non-space to a non-space.
        let starts: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| i)
            .collect();
        let ends: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        for &s in &starts {
            for &e in ends.iter().filter(|&&e| e > s) {
                same_as_normalizing_the_part(text, s, e);
            }
        }
        let whole = Normalized::new(text);
        assert_eq!(whole.as_slice().as_str(), whole.as_str());
        assert_eq!(
            whole.as_slice().original_span(0, 5),
            whole.original_span(0, 5)
        );
        // Out-of-range and empty requests do not panic.
        assert_eq!(whole.slice(5, 2).as_str(), "");
        assert_eq!(whole.slice(999, 9999).as_str(), "");
        assert_eq!(Normalized::new("").slice(0, 0).original_offset(3), 0);
    }

    #[test]
    fn ascii_and_general_paths_agree() {
        // Control characters, a vertical tab (whitespace), and ASCII punctuation.
        let n = Normalized::new("A\u{b}B\u{1c}C`D\u{85}E");
        assert_eq!(n.as_str(), "a b\u{1c}c'd e");
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let n = Normalized::new("ab  ");
        assert_eq!(n.original_span(0, 99), Span::new(0, 2));
        assert_eq!(n.original_offset(99), 2);
        let empty = Normalized::new("   ");
        assert_eq!(empty.original_span(0, 5), Span::new(0, 0));
    }

    #[test]
    fn parts_round_trip_and_bad_lengths_are_refused() {
        let original = "Governed  by “New York”\u{a0}law.";
        let own = Normalized::new(original);
        let (text, origin, origin_end) = own.parts();
        let lent = Normalized::from_parts(text, origin, origin_end).unwrap();
        assert_eq!(lent, own.borrowed());
        let at = lent.as_str().find("new").unwrap();
        assert_eq!(
            lent.original_span(at, at + 3),
            own.original_span(at, at + 3)
        );
        assert!(Normalized::from_parts(text, &origin[1..], origin_end).is_none());
        assert!(Normalized::from_parts(text, origin, &origin_end[1..]).is_none());
    }
}
