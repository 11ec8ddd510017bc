use serde::{Deserialize, Serialize};

/// The file format a document was read from, as sniffed from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Office Open XML word-processing document.
    Docx,
    /// Portable Document Format.
    Pdf,
    /// Plain text (UTF-8, UTF-16 with BOM, or Latin-1).
    Text,
}

impl Format {
    /// The lowercase name used in reports (`docx`, `pdf`, `text`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Text => "text",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open byte range `start..end` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; an inverted pair is clamped to an empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers, or `None` when it is out of bounds or splits a character.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

/// Where a piece of text sits in the source file. Each field is 1-based and present only when
/// the format has that notion: PDF pages, DOCX paragraphs, text lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Location {
    /// Page number (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Paragraph index among the body's paragraphs (DOCX).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// Line number (plain text; also the line on the page for PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// What a block of text is in the source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Body paragraph (or a text line / layout line in PDF and text).
    Paragraph,
    /// A heading, by style or by shape.
    Heading,
    /// A paragraph inside a table cell.
    TableCell,
    /// Running header text, kept out of clause text.
    Header,
    /// Running footer text, kept out of clause text.
    Footer,
    /// Footnote or endnote text, kept out of clause text.
    Note,
}

impl BlockKind {
    /// Whether text of this kind belongs to the body that clauses are made of.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            BlockKind::Paragraph | BlockKind::Heading | BlockKind::TableCell
        )
    }
}

/// One paragraph-like unit of a document: a DOCX paragraph, a PDF line, a text line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text in [`Document::text`], including any rendered list number.
    pub span: Span,
    /// Where it is in the source file.
    pub location: Location,
    /// The list number the source renders in front of it ("7.", "7.2", "(a)"), if any. The
    /// number is also part of the text the span covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Outline level for headings (1 = top), when the source says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

/// What role a clause plays in the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// Text before the first numbered or headed clause (title, parties).
    Preamble,
    /// "WHEREAS" recitals.
    Recital,
    /// An operative clause.
    Body,
    /// A signature block.
    Signature,
}

/// A clause: a numbered or headed section of the contract and the text up to the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// The clause number as the document shows it ("7.2", "(a)", "VII").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The clause heading ("Governing Law"), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The clause text in [`Document::text`], number and heading included.
    pub span: Span,
    /// Where the clause starts.
    pub location: Location,
    /// The clause's role.
    pub kind: ClauseKind,
}

/// Facts about the document as a whole.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Title from document properties or the first heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Number of pages (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// The DOCX carried tracked changes (read here in their accepted view).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tracked_changes: bool,
}

/// A contract as the checks see it: its text, the blocks the text came from, and its clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content hash of the source bytes (hex), so duplicates are recognised.
    pub id: String,
    /// The format the bytes were read as.
    pub format: Format,
    /// The extracted text: blocks in reading order, each ending with `\n`.
    pub text: String,
    /// The blocks, in reading order, with their spans into `text`.
    pub blocks: Vec<Block>,
    /// The clauses, in order; their spans are disjoint and increasing.
    pub clauses: Vec<Clause>,
    /// Document-level facts.
    pub metadata: Metadata,
}

impl Document {
    /// The text a span covers, or `""` when the span is not valid for this document.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// The index of the block that contains byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }

    /// The index of the clause that contains byte `offset`, if any.
    pub fn clause_at(&self, offset: usize) -> Option<usize> {
        let i = self.clauses.partition_point(|c| c.span.end <= offset);
        (i < self.clauses.len() && self.clauses[i].span.start <= offset).then_some(i)
    }

    /// Converts a byte offset into `text` to a character offset (clamped to the text). Linear
    /// in the offset; use [`CharIndex`] to convert many offsets.
    pub fn char_offset(&self, byte: usize) -> usize {
        CharIndex::new(&self.text).char_offset(&self.text, byte)
    }
}

/// Converts byte offsets of one text to character offsets in near-constant time: free for ASCII
/// text, otherwise a checkpoint every [`CharIndex::STRIDE`] bytes.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Characters before each multiple of `STRIDE`; empty when the text is ASCII.
    checkpoints: Vec<usize>,
}

impl CharIndex {
    /// Bytes between checkpoints.
    pub const STRIDE: usize = 256;

    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut chars = 0;
        for chunk in bytes.chunks(Self::STRIDE) {
            checkpoints.push(chars);
            // A character starts at every byte that is not a UTF-8 continuation byte.
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        checkpoints.push(chars);
        CharIndex { checkpoints }
    }

    /// The character offset of byte `byte` of `text` (the text this index was built from),
    /// rounded down to a character boundary and clamped to the text.
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / Self::STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0);
        let from = block * Self::STRIDE;
        base + text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, spans: &[(usize, usize)]) -> Document {
        Document {
            id: String::new(),
            format: Format::Text,
            text: text.to_owned(),
            blocks: spans
                .iter()
                .map(|&(s, e)| Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(s, e),
                    location: Location::default(),
                    number: None,
                    level: None,
                })
                .collect(),
            clauses: Vec::new(),
            metadata: Metadata::default(),
        }
    }

    #[test]
    fn block_at_finds_the_containing_block() {
        let d = doc("ab\ncd\n", &[(0, 3), (3, 6)]);
        assert_eq!(d.block_at(0), Some(0));
        assert_eq!(d.block_at(2), Some(0));
        assert_eq!(d.block_at(3), Some(1));
        assert_eq!(d.block_at(6), None);
    }

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let d = doc("é€x", &[]);
        assert_eq!(d.char_offset(0), 0);
        assert_eq!(d.char_offset(2), 1);
        assert_eq!(d.char_offset(5), 2);
        assert_eq!(d.char_offset(4), 1, "inside a character rounds down");
        assert_eq!(d.char_offset(99), 3);
    }

    #[test]
    fn char_index_agrees_with_counting_on_long_mixed_text() {
        let text: String = (0..400)
            .map(|i| if i % 7 == 0 { "€é" } else { "ab" })
            .collect();
        let index = CharIndex::new(&text);
        for byte in 0..=text.len() + 3 {
            let mut b = byte.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            assert_eq!(
                index.char_offset(&text, byte),
                text[..b].chars().count(),
                "byte {byte}"
            );
        }
    }

    #[test]
    fn spans_never_invert() {
        assert!(Span::new(5, 2).is_empty());
        assert_eq!(Span::new(1, 4).slice("abcdef"), Some("bcd"));
        assert_eq!(Span::new(1, 2).slice("é"), None);
    }
}
