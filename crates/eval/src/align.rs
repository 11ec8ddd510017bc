//! Maps character offsets in the ingested text back to the labelled source text.
//!
//! The text reader does not hand the checks the source text verbatim: it drops blank lines,
//! trailing whitespace, form feeds and a BOM, and ends every line with `\n`. Evidence offsets
//! are offsets into the ingested text, labels are offsets into the source; comparing them
//! needs this map.
//!
//! The alignment is a single left-to-right walk. A source character the reader may drop
//! (whitespace, control and invisible format characters) is skipped when the ingested text
//! does not have it; any other difference is taken as a one-for-one substitution (a decoding
//! difference) and counted, so a caller can tell "equal up to dropped whitespace" from "really
//! different". Every non-whitespace character of an ingested text that differs from its
//! source only by dropped characters is mapped exactly to its source position: the walk takes
//! the leftmost match, and everything it can skip before a non-whitespace character is
//! whitespace or invisible.

/// Character offsets of the ingested text → character offsets of the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetMap {
    /// Source offset of each ingested character; `None` when the texts are identical.
    map: Option<Vec<usize>>,
    /// Characters in the source.
    source_len: usize,
    /// Ingested characters that matched no source character (neither equal nor droppable).
    substitutions: usize,
}

/// Characters a reader may drop or normalise away without changing the words.
fn droppable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}'
        )
}

impl OffsetMap {
    /// Aligns `ingested` (the document text the checks saw) with `source` (the labelled text).
    pub fn new(ingested: &str, source: &str) -> OffsetMap {
        let source_len = source.chars().count();
        if ingested == source {
            return OffsetMap {
                map: None,
                source_len,
                substitutions: 0,
            };
        }
        let src: Vec<char> = source.chars().collect();
        let mut map = Vec::with_capacity(ingested.len());
        let mut substitutions = 0;
        let mut j = 0;
        for c in ingested.chars() {
            // Look past droppable source characters for `c`, without committing to the skip.
            let mut k = j;
            while k < src.len() && src[k] != c && droppable(src[k]) {
                k += 1;
            }
            if k < src.len() && src[k] == c {
                map.push(k);
                j = k + 1;
            } else if droppable(c) {
                // The reader inserted it (a line end the source lacks): it sits where we are.
                map.push(j.min(src.len()));
            } else if k < src.len() {
                // A changed character: take the next visible source character for it.
                map.push(k);
                j = k + 1;
                substitutions += 1;
            } else {
                map.push(src.len());
                substitutions += 1;
            }
        }
        OffsetMap {
            map: Some(map),
            source_len,
            substitutions,
        }
    }

    /// Whether the two texts were identical.
    pub fn is_identity(&self) -> bool {
        self.map.is_none()
    }

    /// Ingested characters that do not correspond to a source character (0 when the texts
    /// differ only by dropped whitespace and invisible characters).
    pub fn substitutions(&self) -> usize {
        self.substitutions
    }

    /// The source offset of an ingested start offset.
    pub fn start(&self, ingested: usize) -> usize {
        match &self.map {
            None => ingested.min(self.source_len),
            Some(m) => m.get(ingested).copied().unwrap_or(self.source_len),
        }
    }

    /// The source offset of an ingested (exclusive) end offset: one past the source position
    /// of the last character inside the range, so dropped text after it is not included.
    pub fn end(&self, ingested: usize) -> usize {
        match &self.map {
            None => ingested.min(self.source_len),
            Some(_) if ingested == 0 => 0,
            Some(m) => m
                .get(ingested - 1)
                .map_or(self.source_len, |&p| (p + 1).min(self.source_len)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str, a: usize, b: usize) -> String {
        s.chars().skip(a).take(b - a).collect()
    }

    #[test]
    fn identical_texts_map_to_themselves() {
        let m = OffsetMap::new("abc", "abc");
        assert!(m.is_identity());
        assert_eq!((m.start(1), m.end(3)), (1, 3));
    }

    #[test]
    fn real_text_reader_output_maps_quotes_back_to_the_source() {
        // What the CUAD texts look like: a BOM-less text with CRLF, blank lines, trailing
        // blanks, a form feed and indented lines. The text reader drops all of that.
        let source = "AGREEMENT  \r\n\r\n\x0c   \n  1. Governing Law.\tThis Agreement is \
                      governed by the laws of Ohio.   \n\n  2. Term. Two years.";
        let doc = clauselint_ingest::read(source.as_bytes()).unwrap();
        assert_ne!(doc.text, source, "the reader normalises the text");
        let m = OffsetMap::new(&doc.text, source);
        assert!(!m.is_identity());
        assert_eq!(m.substitutions(), 0);
        for word in [
            "AGREEMENT",
            "1. Governing Law.",
            "the laws of Ohio.",
            "Two years.",
        ] {
            let di = doc.text.find(word).unwrap();
            let dstart = doc.text[..di].chars().count();
            let dend = dstart + word.chars().count();
            let (s, e) = (m.start(dstart), m.end(dend));
            assert_eq!(chars(source, s, e), word);
        }
        // A quote spanning a dropped blank line maps to the whole source range.
        let di = doc.text.find("Ohio.").unwrap();
        let dstart = doc.text[..di].chars().count();
        let dend = doc.text.chars().count() - 1; // before the final inserted '\n'
        assert_eq!(
            chars(source, m.start(dstart), m.end(dend)),
            "Ohio.   \n\n  2. Term. Two years."
        );
        // The reader's final '\n' has no source character: it maps to the end.
        assert_eq!(m.end(doc.text.chars().count()), source.chars().count());
    }

    #[test]
    fn leading_indent_after_a_dropped_blank_line_does_not_shift_words() {
        let source = "a\n   \n  x y";
        let ingested = "a\n  x y\n";
        let m = OffsetMap::new(ingested, source);
        assert_eq!(m.substitutions(), 0);
        assert_eq!(m.start(4), 8, "`x` maps to its source position");
        assert_eq!(chars(source, m.start(4), m.end(7)), "x y");
    }

    #[test]
    fn changed_characters_are_counted_and_keep_the_alignment() {
        let m = OffsetMap::new("caf\u{e9} law\n", "caf\u{fffd} law");
        assert_eq!(m.substitutions(), 1);
        assert_eq!((m.start(5), m.end(8)), (5, 8));
        assert_eq!(m.end(0), 0);
        assert_eq!(m.start(100), 8, "out of range clamps to the end");
    }
}
