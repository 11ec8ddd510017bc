//! The contract source format: plain text with light markup (see `corpus/README.md`).
//!
//! ```text
//! # Master Services Agreement          <- first line: the title
//! This Agreement is made ...           <- any other line: a paragraph
//! ## 1. Definitions                    <- numbered top-level heading
//! 1.1 "Client Data" means ...          <- numbered sub-clause of heading 1
//! (a) first item                       <- lettered item under the last clause
//! ```
//!
//! Numbers are checked while parsing (headings 1, 2, 3…; sub-clauses N.1, N.2… under heading N;
//! items (a), (b)… restarting under each heading or sub-clause) because the DOCX renderer lets
//! Word compute them from the numbering definitions: a source whose typed numbers disagree with
//! that count would render differently in DOCX than in PDF and text.

use crate::Error;

/// A parsed contract: the title and its blocks in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    /// The document title (the `# ` line).
    pub title: String,
    /// The body, in order.
    pub blocks: Vec<Block>,
}

/// One block of a contract body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered top-level heading, `## 7. Governing Law`.
    Heading {
        /// The heading number (7).
        number: u32,
        /// The heading text ("Governing Law").
        text: String,
    },
    /// A numbered sub-clause, `7.2 text`.
    Clause {
        /// The number of the heading it belongs to (7).
        section: u32,
        /// Its number within the heading (2).
        number: u32,
        /// The clause text.
        text: String,
    },
    /// A lettered item, `(b) text`.
    Item {
        /// Its position in the list, 1 for `(a)`.
        index: u32,
        /// The item text.
        text: String,
    },
    /// An unnumbered paragraph.
    Paragraph(String),
}

impl Block {
    /// The number as it is typed in the text renderings ("7.", "7.2", "(b)"), if any.
    pub fn label(&self) -> Option<String> {
        match self {
            Block::Heading { number, .. } => Some(format!("{number}.")),
            Block::Clause {
                section, number, ..
            } => Some(format!("{section}.{number}")),
            Block::Item { index, .. } => Some(format!("({})", item_letter(*index))),
            Block::Paragraph(_) => None,
        }
    }

    /// The block's text without its number.
    pub fn text(&self) -> &str {
        match self {
            Block::Heading { text, .. }
            | Block::Clause { text, .. }
            | Block::Item { text, .. }
            | Block::Paragraph(text) => text,
        }
    }
}

/// The letter of the `index`-th item (1 → 'a'); items past 'z' are refused by the parser.
fn item_letter(index: u32) -> char {
    char::from_u32(u32::from(b'a') + index.saturating_sub(1)).unwrap_or('?')
}

/// Parses a contract source; `name` is used in error messages.
pub fn parse(name: &str, text: &str) -> Result<Contract, Error> {
    let err = |line: usize, message: String| Error::Source {
        name: name.to_owned(),
        line,
        message,
    };
    let mut lines = text.lines().enumerate();
    let title = loop {
        match lines.next() {
            Some((_, l)) if l.trim().is_empty() => continue,
            Some((i, l)) => match l.trim().strip_prefix("# ") {
                Some(t) if !t.trim().is_empty() => break t.trim().to_owned(),
                _ => return Err(err(i + 1, "the first line must be `# Title`".into())),
            },
            None => return Err(err(1, "empty source".into())),
        }
    };
    let mut blocks = Vec::new();
    let mut section = 0u32;
    let mut clause = 0u32;
    let mut item = 0u32;
    for (i, raw) in lines {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("## ") {
            let (number, text) = split_number(rest)
                .filter(|(n, t)| n.1.is_none() && !t.is_empty())
                .ok_or_else(|| err(line_no, "a heading must read `## N. Heading`".into()))?;
            if number.0 != section + 1 {
                return Err(err(
                    line_no,
                    format!("heading {} follows heading {section}", number.0),
                ));
            }
            section = number.0;
            clause = 0;
            item = 0;
            blocks.push(Block::Heading {
                number: section,
                text: text.to_owned(),
            });
        } else if line.starts_with('#') {
            return Err(err(line_no, "only one `# Title` line is allowed".into()));
        } else if let Some(((s, Some(n)), text)) = split_number(line) {
            if s != section || n != clause + 1 {
                return Err(err(
                    line_no,
                    format!(
                        "clause {s}.{n} out of order (expected {section}.{})",
                        clause + 1
                    ),
                ));
            }
            if text.is_empty() {
                return Err(err(line_no, format!("clause {s}.{n} has no text")));
            }
            clause = n;
            item = 0;
            blocks.push(Block::Clause {
                section: s,
                number: n,
                text: text.to_owned(),
            });
        } else if let Some((letter, text)) = split_item(line) {
            let index = u32::from(letter) - u32::from(b'a') + 1;
            if index != item + 1 {
                return Err(err(
                    line_no,
                    format!(
                        "item ({}) out of order (expected ({}))",
                        char::from(letter),
                        item_letter(item + 1)
                    ),
                ));
            }
            item = index;
            blocks.push(Block::Item {
                index,
                text: text.to_owned(),
            });
        } else {
            blocks.push(Block::Paragraph(line.to_owned()));
        }
    }
    Ok(Contract { title, blocks })
}

/// Splits "7. text" into ((7, None), "text") and "7.2 text" into ((7, Some(2)), "text").
/// A heading must end its number with a dot; a clause must not.
fn split_number(s: &str) -> Option<((u32, Option<u32>), &str)> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let n1 = digits(s);
    if n1 == 0 || n1 > 4 {
        return None;
    }
    let first: u32 = s[..n1].parse().ok()?;
    let rest = s[n1..].strip_prefix('.')?;
    let n2 = digits(rest);
    if n2 == 0 {
        let text = rest.strip_prefix(' ')?;
        return Some(((first, None), text.trim()));
    }
    if n2 > 4 {
        return None;
    }
    let second: u32 = rest[..n2].parse().ok()?;
    let text = rest[n2..].strip_prefix(' ')?;
    Some(((first, Some(second)), text.trim()))
}

/// Splits "(b) text" into ('b', "text").
fn split_item(s: &str) -> Option<(u8, &str)> {
    let b = s.as_bytes();
    if b.len() >= 4 && b[0] == b'(' && b[1].is_ascii_lowercase() && b[2] == b')' && b[3] == b' ' {
        Some((b[1], s[4..].trim()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../tests/data/sample.txt");

    #[test]
    fn parses_headings_clauses_items_and_paragraphs() {
        let c = parse("sample", SAMPLE).unwrap();
        assert_eq!(c.title, "Sample Services Agreement");
        let labels: Vec<_> = c.blocks.iter().map(|b| b.label()).collect();
        assert_eq!(
            labels,
            vec![
                None,
                Some("1.".into()),
                Some("1.1".into()),
                Some("1.2".into()),
                Some("(a)".into()),
                Some("(b)".into()),
                Some("2.".into()),
                None,
                Some("2.1".into()),
                Some("(a)".into()),
                None,
            ]
        );
        assert_eq!(c.blocks[1].text(), "Definitions");
        assert_eq!(c.blocks[4].text(), "first item;");
    }

    #[test]
    fn a_line_starting_with_a_decimal_is_a_clause() {
        let e = parse("x", "# T\n3.5 percent is not a clause here\n").unwrap_err();
        assert!(e.to_string().contains("clause 3.5 out of order"), "{e}");
    }

    #[test]
    fn a_number_with_a_dot_outside_a_heading_is_a_paragraph() {
        let c = parse("x", "# T\n2025. was a year\n").unwrap();
        assert_eq!(c.blocks, vec![Block::Paragraph("2025. was a year".into())]);
    }

    #[test]
    fn rejects_out_of_order_numbers() {
        for (src, needle) in [
            ("# T\n## 2. Skip\n", "heading 2 follows heading 0"),
            ("# T\n## 1. A\n1.2 text\n", "clause 1.2 out of order"),
            ("# T\n## 1. A\n(b) text\n", "item (b) out of order"),
            ("## 1. A\n", "first line must be `# Title`"),
            ("", "empty source"),
            ("# T\n## 1. A\n# again\n", "only one `# Title`"),
        ] {
            let e = parse("x", src).unwrap_err().to_string();
            assert!(e.contains(needle), "{src:?}: {e}");
        }
    }

    #[test]
    fn error_names_file_and_line() {
        let e = parse("03_x.txt", "# T\n\n## 1. A\n1.3 text\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "03_x.txt:4: clause 1.3 out of order (expected 1.1)"
        );
    }
}
