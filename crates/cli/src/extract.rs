//! `clauselint extract`: what the checks see.

use std::io::Write;

use anyhow::Context;
use clauselint_ingest::ReadOptions;
use clauselint_model::{BlockKind, ClauseKind, Document, Location};
use serde::Serialize;

use crate::Outcome;
use crate::args::{ExtractArgs, ExtractFormat};

#[derive(Serialize)]
struct JsonBlock<'a> {
    kind: BlockKind,
    start: usize,
    end: usize,
    #[serde(flatten)]
    location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
}

#[derive(Serialize)]
struct JsonClause<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<&'a str>,
    kind: ClauseKind,
    start: usize,
    end: usize,
    #[serde(flatten)]
    location: Location,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: String,
    id: &'a str,
    format: clauselint_model::Format,
    metadata: &'a clauselint_model::Metadata,
    text: &'a str,
    blocks: Vec<JsonBlock<'a>>,
    clauses: Vec<JsonClause<'a>>,
}

fn location_text(l: &Location) -> String {
    let mut parts = Vec::new();
    if let Some(p) = l.page {
        parts.push(format!("page {p}"));
    }
    if let Some(p) = l.paragraph {
        parts.push(format!("paragraph {p}"));
    }
    if let Some(n) = l.line {
        parts.push(format!("line {n}"));
    }
    parts.join(", ")
}

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let path = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("{path}: cannot read file"))?;
    let options = ReadOptions {
        original_view: args.original,
        ..ReadOptions::default()
    };
    let doc = clauselint_ingest::read_with(&bytes, &options).with_context(|| path.clone())?;
    // Buffered: stdout is line-buffered, and pretty JSON would be one write per line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ExtractFormat::Json => {
            let json = to_json(&doc, path);
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ExtractFormat::Text => {
            writeln!(
                out,
                "{path}: {} format, {} blocks, {} clauses{}{}",
                doc.format,
                doc.blocks.len(),
                doc.clauses.len(),
                doc.metadata
                    .pages
                    .map(|p| format!(", {p} pages"))
                    .unwrap_or_default(),
                if doc.metadata.tracked_changes {
                    ", tracked changes (accepted view)"
                } else {
                    ""
                },
            )?;
            for c in &doc.clauses {
                let label = match (&c.number, &c.heading) {
                    (Some(n), Some(h)) => format!("{n} {h}"),
                    (Some(n), None) => n.clone(),
                    (None, Some(h)) => h.clone(),
                    (None, None) => "(unnumbered)".to_owned(),
                };
                writeln!(
                    out,
                    "\n── {label} [{:?}; {}]",
                    c.kind,
                    location_text(&c.location)
                )?;
                writeln!(out, "{}", doc.slice(c.span).trim_end())?;
            }
            let outside: Vec<_> = doc.blocks.iter().filter(|b| !b.kind.is_body()).collect();
            if !outside.is_empty() {
                writeln!(out, "\n── outside the clauses (headers, footers, notes)")?;
                for b in outside {
                    writeln!(
                        out,
                        "[{:?}; {}] {}",
                        b.kind,
                        location_text(&b.location),
                        doc.slice(b.span)
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(Outcome::Clean)
}

/// Byte offset → character offset for every byte of `text`, so converting many spans is linear.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        map.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    map.push(text.chars().count());
    map
}

fn to_json(doc: &Document, path: String) -> JsonDocument<'_> {
    let map = char_offsets(&doc.text);
    let chars = |byte: usize| {
        map.get(byte)
            .copied()
            .unwrap_or(map.len().saturating_sub(1))
    };
    JsonDocument {
        path,
        id: &doc.id,
        format: doc.format,
        metadata: &doc.metadata,
        text: &doc.text,
        blocks: doc
            .blocks
            .iter()
            .map(|b| JsonBlock {
                kind: b.kind,
                start: chars(b.span.start),
                end: chars(b.span.end),
                location: b.location,
                number: b.number.as_deref(),
                level: b.level,
            })
            .collect(),
        clauses: doc
            .clauses
            .iter()
            .map(|c| JsonClause {
                number: c.number.as_deref(),
                heading: c.heading.as_deref(),
                kind: c.kind,
                start: chars(c.span.start),
                end: chars(c.span.end),
                location: c.location,
                text: doc.slice(c.span),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_offsets_follow_multibyte_characters() {
        let map = super::char_offsets("aé€b");
        assert_eq!(map, [0, 1, 1, 2, 2, 2, 3, 4]);
    }
}
