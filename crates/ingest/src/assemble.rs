//! Joins raw blocks into the document text and segments it.
use clauselint_model::{Block, Document, Format, Span};

use crate::RawDocument;

/// Builds the [`Document`]: each block's text (its rendered number first, then a space) on its
/// own line of `text`, spans recorded, clauses segmented.
pub(crate) fn assemble(id: String, format: Format, raw: RawDocument) -> Document {
    let cap = raw.blocks.iter().map(|b| b.text.len() + 8).sum();
    let mut text = String::with_capacity(cap);
    let mut blocks = Vec::with_capacity(raw.blocks.len());
    for b in raw.blocks {
        let start = text.len();
        if let Some(n) = &b.number {
            text.push_str(n);
            if !b.text.is_empty() {
                text.push(' ');
            }
        }
        text.push_str(&b.text);
        let end = text.len();
        text.push('\n');
        blocks.push(Block {
            kind: b.kind,
            span: Span::new(start, end),
            location: b.location,
            number: b.number,
            level: b.level,
        });
    }
    let clauses = crate::segment::segment(&text, &blocks);
    Document {
        id,
        format,
        text,
        blocks,
        clauses,
        metadata: raw.metadata,
    }
}
