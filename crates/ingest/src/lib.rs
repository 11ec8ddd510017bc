//! Bytes to [`Document`]: format sniffing, DOCX, PDF and plain-text reading, clause segmentation.
//!
//! [`read`] is the whole job: it sniffs the format from the bytes (never the file name), hands
//! them to the reader for that format, which produces [`RawBlock`]s in reading order, joins
//! those into the document text with their spans and locations, and segments the body into
//! [`clauselint_model::Clause`]s.
//!
//! ```
//! let doc = clauselint_ingest::read(b"1. Term\nThis Agreement lasts two (2) years.\n")?;
//! assert_eq!(doc.format, clauselint_model::Format::Text);
//! assert_eq!(doc.clauses[0].number.as_deref(), Some("1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod assemble;
mod docx;
mod error;
mod limits;
mod pdf;
mod segment;
mod sniff;
mod text;

use clauselint_model::{BlockKind, Document, Format, Location, Metadata};

pub use error::Error;
pub use limits::{Limit, LimitExceeded, Limits};
pub use sniff::sniff;

/// Options for reading a document.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Read a DOCX's tracked changes as the original (deletions kept, insertions dropped)
    /// instead of the accepted view.
    pub original_view: bool,
    /// Per-file resource limits: a file that needs more fails with [`Error::TooLarge`].
    pub limits: Limits,
}

/// One block of text as a format reader produces it, before it is joined into the document.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, one line, without a trailing newline. A list number the source renders
    /// is *not* included here; it is in `number`.
    pub text: String,
    /// Where the block is in the source.
    pub location: Location,
    /// The rendered list number ("7.", "7.2", "(a)"), when the source numbers the paragraph.
    pub number: Option<String>,
    /// Heading outline level (1 = top), when the source marks the block as a heading.
    pub level: Option<u8>,
}

impl RawBlock {
    /// A plain paragraph block.
    pub fn paragraph(text: String, location: Location) -> RawBlock {
        RawBlock {
            kind: BlockKind::Paragraph,
            text,
            location,
            number: None,
            level: None,
        }
    }
}

/// What a format reader produces.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// Blocks in reading order.
    pub blocks: Vec<RawBlock>,
    /// Document-level facts.
    pub metadata: Metadata,
}

/// Reads a document from its bytes with default options.
pub fn read(bytes: &[u8]) -> Result<Document, Error> {
    read_with(bytes, &ReadOptions::default())
}

/// Reads a document from its bytes.
pub fn read_with(bytes: &[u8], options: &ReadOptions) -> Result<Document, Error> {
    let format = sniff(bytes)?;
    let raw = match format {
        Format::Docx => docx::read(bytes, options)?,
        Format::Pdf => pdf::read_limited(bytes, &options.limits)?,
        Format::Text => text::read(bytes)?,
    };
    let text_bytes: usize = raw.blocks.iter().map(|b| b.text.len()).sum();
    if text_bytes as u64 > options.limits.max_text_bytes {
        return Err(LimitExceeded::error(
            &options.limits,
            Limit::TextBytes,
            format!("the document's {text_bytes} bytes of text"),
        ));
    }
    let id = blake3::hash(bytes).to_hex()[..32].to_owned();
    let doc = assemble::assemble(id, format, raw);
    if !doc
        .blocks
        .iter()
        .any(|b| b.kind.is_body() && !doc.slice(b.span).trim().is_empty())
    {
        let any_text = doc
            .blocks
            .iter()
            .any(|b| !doc.slice(b.span).trim().is_empty());
        return Err(match format {
            _ if any_text => Error::NoBody,
            Format::Pdf => Error::NoTextLayer,
            _ => Error::Empty,
        });
    }
    Ok(doc)
}
