//! A matching form of text that remembers where each byte came from.
//!
//! Contract text arrives with smart quotes, non-breaking spaces, line wraps and capitals;
//! patterns are easier to write against `lowercase, straight quotes, single spaces`. The
//! [`Normalized`] text keeps, for every byte, the byte offset it came from, so a match in the
//! normalised text maps back to a span of the original, which is what evidence must quote.
//!
//! ```
//! use clauselint_sdk::text::Normalized;
//! let original = "Governed  by\nthe “Laws”";
//! let n = Normalized::new(original);
//! assert_eq!(n.as_str(), "governed by the \"laws\"");
//! let at = n.as_str().find("the").unwrap();
//! let span = n.original_span(at, at + 3);
//! assert_eq!(&original[span.start..span.end], "the");
//! ```

use crate::Span;

/// Text normalised for matching, with a map back to the original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry maps the
    /// end of the normalised text to the end of the last original character used.
    origin: Vec<usize>,
    /// `origin_end[i]` is the original offset just past the character normalised byte `i`
    /// came from.
    origin_end: Vec<usize>,
}

impl Normalized {
    /// Normalises `original`: lower-case, smart quotes to straight ones, dashes to `-`, every
    /// run of whitespace (including non-breaking spaces and newlines) to one space, and leading
    /// and trailing whitespace dropped.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut origin_end = Vec::with_capacity(original.len());
        let mut pending_space: Option<usize> = None;
        for (at, ch) in original.char_indices() {
            let end = at + ch.len_utf8();
            if ch.is_whitespace() {
                if !text.is_empty() && pending_space.is_none() {
                    pending_space = Some(at);
                }
                continue;
            }
            if let Some(space_at) = pending_space.take() {
                text.push(' ');
                origin.push(space_at);
                origin_end.push(space_at + 1);
            }
            let mapped = match ch {
                '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Some('"'),
                '‘' | '’' | '‚' | '‛' | '′' | '`' => Some('\''),
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
        }
        let last_end = origin_end.last().copied().unwrap_or(0);
        origin.push(last_end);
        Normalized {
            text,
            origin,
            origin_end,
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
        let end = end.min(self.text.len());
        let start = start.min(end);
        if start == end {
            let at = self.original_offset(start);
            return Span::new(at, at);
        }
        let first = self.original_offset(start);
        let last = self.origin_end.get(end - 1).copied().unwrap_or(first);
        Span::new(first, last)
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

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let n = Normalized::new("ab  ");
        assert_eq!(n.original_span(0, 99), Span::new(0, 2));
        assert_eq!(n.original_offset(99), 2);
        let empty = Normalized::new("   ");
        assert_eq!(empty.original_span(0, 5), Span::new(0, 0));
    }
}
