//! The streaming walk over a story part (body, header, footer, notes) that produces blocks.
use clauselint_model::{BlockKind, Location};

use super::numbering::{Counters, Definitions};
use super::styles::Styles;
use super::xml::{Ev, Ns, XmlPart, attr, on_off};
use crate::{Error, RawBlock, ReadOptions};

/// Which story a part is; decides block kinds and locations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Story {
    /// `document.xml`.
    Body,
    /// A header part.
    Header,
    /// A footer part.
    Footer,
    /// Footnotes or endnotes.
    Notes,
}

/// Shared, read-only context plus the state that runs across parts.
pub(super) struct Walker<'c> {
    pub styles: &'c Styles,
    pub numbering: &'c Definitions,
    pub counters: Counters,
    pub options: &'c ReadOptions,
    pub blocks: Vec<RawBlock>,
    pub tracked_changes: bool,
    /// Body paragraphs seen so far (every `w:p` of the body, in document order).
    pub paragraphs: u32,
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    depth: usize,
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    index: u32,
    in_table: bool,
    /// Blocks of paragraphs nested inside this one (text boxes), emitted after it.
    nested: Vec<RawBlock>,
}

/// A complex field (`w:fldChar`) whose instruction is still being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Instruction,
    Result,
}

impl Walker<'_> {
    /// Reads one story part and appends its blocks.
    pub fn walk(&mut self, xml: &[u8], part: &str, story: Story) -> Result<(), Error> {
        let source = super::xml::decode(xml, part)?;
        let mut x = XmlPart::new(&source, part);
        let original = self.options.original_view;
        let mut paras: Vec<Para> = Vec::new();
        // Depth of an element whose whole subtree is ignored; 0 = not skipping.
        let mut skip = 0usize;
        let mut ppr = 0usize;
        let mut run = 0usize;
        let mut rpr = 0usize;
        let mut hidden = false;
        let mut text = 0usize;
        let mut fields: Vec<Field> = Vec::new();
        // Per open mc:AlternateContent: (its depth, whether a branch was taken).
        let mut alternates: Vec<(usize, bool)> = Vec::new();
        let mut tables = 0usize;
        while let Some((depth, ev)) = x.next()? {
            match ev {
                Ev::Start(ns, e, empty) => {
                    let local = e.local_name();
                    let local = local.as_ref();
                    if ns == Ns::W && matches!(local, "ins" | "del" | "moveFrom" | "moveTo") {
                        self.tracked_changes = true;
                    }
                    if skip > 0 {
                        continue;
                    }
                    // Elements whose subtree is dropped (only a start tag needs a skip).
                    let mut drop = false;
                    match (ns, local) {
                        (Ns::Mc, "AlternateContent") if !empty => alternates.push((depth, false)),
                        (Ns::Mc, "Choice" | "Fallback") => {
                            // One branch only: the first one, which the writer prefers.
                            match alternates.last_mut() {
                                Some((_, taken)) if *taken => drop = true,
                                Some((_, taken)) => *taken = true,
                                None => {}
                            }
                        }
                        (Ns::W, _) => {
                            match local {
                                "p" if !empty => {
                                    let mut p = Para {
                                        depth,
                                        in_table: tables > 0,
                                        ..Para::default()
                                    };
                                    if story == Story::Body {
                                        self.paragraphs += 1;
                                        p.index = self.paragraphs;
                                    }
                                    paras.push(p);
                                }
                                "pPr"
                                    if !empty
                                        && paras.last().is_some_and(|p| p.depth + 1 == depth) =>
                                {
                                    ppr = depth
                                }
                                "rPr" | "pPrChange" | "sectPr" if ppr > 0 => drop = true,
                                "pStyle" if ppr > 0 => {
                                    if let Some(p) = paras.last_mut() {
                                        p.style = attr(&e, "val");
                                    }
                                }
                                "numId" if ppr > 0 => {
                                    if let Some(p) = paras.last_mut() {
                                        p.num_id = attr(&e, "val");
                                    }
                                }
                                "ilvl" if ppr > 0 => {
                                    if let Some(p) = paras.last_mut() {
                                        p.ilvl = attr(&e, "val").and_then(|v| v.parse().ok());
                                    }
                                }
                                "outlineLvl" if ppr > 0 => {
                                    if let Some(p) = paras.last_mut() {
                                        p.outline = attr(&e, "val").and_then(|v| v.parse().ok());
                                    }
                                }
                                _ if ppr > 0 => {}
                                "r" if !empty => {
                                    run = depth;
                                    hidden = false;
                                }
                                "rPr" if run > 0 && !empty => rpr = depth,
                                "rPrChange" => drop = true,
                                "vanish" if rpr > 0 => hidden = on_off(&e),
                                _ if rpr > 0 => {}
                                "t" if !empty => text = depth,
                                "delText" if !empty => {
                                    if original {
                                        text = depth;
                                    } else {
                                        drop = true;
                                    }
                                }
                                "instrText" | "delInstrText" => drop = true,
                                "del" | "moveFrom" => drop = !original,
                                "ins" | "moveTo" => drop = original,
                                "tbl" if !empty => tables += 1,
                                "tblPr" | "tblGrid" | "trPr" | "tcPr" | "sectPr" | "sdtPr"
                                | "sdtEndPr" | "customXmlPr" | "smartTagPr" => drop = true,
                                "footnote" | "endnote" => {
                                    // Separator "notes" hold only rules, never text.
                                    drop = attr(&e, "type").is_some_and(|t| t != "normal");
                                }
                                "fldChar" => match attr(&e, "fldCharType").as_deref() {
                                    Some("begin") => fields.push(Field::Instruction),
                                    Some("separate") => {
                                        if let Some(f) = fields.last_mut() {
                                            *f = Field::Result;
                                        }
                                    }
                                    Some("end") => {
                                        fields.pop();
                                    }
                                    _ => {}
                                },
                                _ if run == 0 || hidden => {}
                                _ if fields.contains(&Field::Instruction) => {}
                                "tab" | "ptab" => push(&mut paras, "\t"),
                                "br" | "cr" => push(&mut paras, " "),
                                "noBreakHyphen" => push(&mut paras, "-"),
                                "sym" => {
                                    if let Some(c) = attr(&e, "char").and_then(|c| symbol(&c)) {
                                        let mut b = [0u8; 4];
                                        push(&mut paras, c.encode_utf8(&mut b));
                                    }
                                }
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                    if drop && !empty {
                        skip = depth;
                    }
                }
                Ev::End(ns, local) => {
                    if skip > 0 {
                        if depth == skip {
                            skip = 0;
                        }
                        continue;
                    }
                    if depth == text {
                        text = 0;
                    }
                    if depth == rpr {
                        rpr = 0;
                    }
                    if depth == run {
                        run = 0;
                        hidden = false;
                    }
                    if depth == ppr {
                        ppr = 0;
                    }
                    if alternates.last().is_some_and(|a| a.0 == depth) {
                        alternates.pop();
                    }
                    if ns == Ns::W {
                        match local.local_name().as_ref() {
                            "p" if paras.last().is_some_and(|p| p.depth == depth) => {
                                if let Some(mut p) = paras.pop() {
                                    let nested = std::mem::take(&mut p.nested);
                                    let block = self.finish(p, story);
                                    match paras.last_mut() {
                                        // A text box's paragraphs follow their anchor paragraph.
                                        Some(outer) => {
                                            outer.nested.extend(block);
                                            outer.nested.extend(nested);
                                        }
                                        None => {
                                            self.blocks.extend(block);
                                            self.blocks.extend(nested);
                                        }
                                    }
                                }
                                // An instruction never spans paragraphs; an unterminated one
                                // must not hide the rest of the document.
                                while fields.last() == Some(&Field::Instruction) {
                                    fields.pop();
                                }
                            }
                            "tbl" => tables = tables.saturating_sub(1),
                            _ => {}
                        }
                    }
                }
                Ev::Text(t) => {
                    if skip == 0 && text > 0 && !hidden && !fields.contains(&Field::Instruction) {
                        push(&mut paras, &t);
                    }
                }
            }
        }
        Ok(())
    }

    /// Completes a paragraph: numbering, heading level, normalised text, block. An empty
    /// paragraph gives no block and does not advance its list: empty numbered paragraphs are
    /// layout debris (section breaks, spacing) and counting them shifts every later number
    /// away from the numbers the contract's own cross-references use.
    fn finish(&mut self, p: Para, story: Story) -> Option<RawBlock> {
        let text = normalise(&p.text);
        if text.is_empty() {
            return None;
        }
        let style = p.style.as_deref();
        // Direct numbering wins; numId 0 switches off what the style would give.
        let inherited = self.styles.numbering(style);
        let num = match (&p.num_id, p.ilvl) {
            (Some(id), ilvl) => Some((id.clone(), ilvl, None)),
            (None, Some(ilvl)) => inherited.map(|(id, _, s)| (id, Some(ilvl), s)),
            (None, None) => inherited,
        };
        let number = num.and_then(|(id, ilvl, from_style)| {
            if id == "0" || id.is_empty() {
                return None;
            }
            let ilvl = ilvl
                .or_else(|| {
                    from_style
                        .as_deref()
                        .or(style)
                        .and_then(|s| self.numbering.level_for_style(&id, s, self.styles))
                })
                .unwrap_or(0);
            self.numbering
                .advance(&mut self.counters, &id, ilvl, self.styles)
        });
        let level = self.styles.heading_level(style, p.outline);
        let kind = match story {
            Story::Header => BlockKind::Header,
            Story::Footer => BlockKind::Footer,
            Story::Notes => BlockKind::Note,
            Story::Body if p.in_table => BlockKind::TableCell,
            Story::Body if level.is_some() => BlockKind::Heading,
            Story::Body => BlockKind::Paragraph,
        };
        let location = Location {
            paragraph: (story == Story::Body).then_some(p.index),
            ..Location::default()
        };
        Some(RawBlock {
            kind,
            text,
            location,
            number,
            level: if kind == BlockKind::Heading {
                level
            } else {
                None
            },
        })
    }
}

fn push(paras: &mut [Para], s: &str) {
    if let Some(p) = paras.last_mut() {
        p.text.push_str(s);
    }
}

/// `w:sym/@w:char`: a hex code point. Symbol-font glyphs (Wingdings boxes, Symbol bullets)
/// sit in the private-use area and mean nothing as text, so they are left out.
fn symbol(hex: &str) -> Option<char> {
    let v = u32::from_str_radix(hex.trim(), 16).ok()?;
    char::from_u32(v).filter(|c| !c.is_control() && !('\u{E000}'..='\u{F8FF}').contains(c))
}

/// Bytes that can start a character [`normalise`] changes.
static MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xEF] = true;
    t
};

/// Text normalised for matching: no-break spaces become spaces, soft hyphens and zero-width
/// characters go, control characters become spaces, ends trimmed. Quotes are left alone.
pub(super) fn normalise(s: &str) -> String {
    let s = s.trim();
    let mut out = String::with_capacity(s.len());
    // Copy runs of characters that stay as they are in one go: only ASCII controls and
    // characters whose UTF-8 starts with 0xC2 (C1 controls, U+00A0, U+00AD), 0xE2 (U+2007,
    // U+200B-D, U+202F, U+2060) or 0xEF (U+FEFF) can change.
    let mut copied = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !MAY_CHANGE[usize::from(b)] {
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let replacement = match c {
            '\u{00A0}' | '\u{2007}' | '\u{202F}' => Some(" "),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
            '\t' => None,
            c if c.is_control() => Some(" "),
            _ => None,
        };
        if let Some(r) = replacement {
            out.push_str(&s[copied..i]);
            out.push_str(r);
            copied = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[copied..]);
    // Removed or replaced characters may leave new space at the ends.
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    /// The character-at-a-time definition `normalise` must agree with.
    fn reference(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '\u{00A0}' | '\u{2007}' | '\u{202F}' => out.push(' '),
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
                '\t' => out.push('\t'),
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out.trim().to_owned()
    }

    #[test]
    fn normalise_replaces_spaces_and_drops_invisible_characters() {
        assert_eq!(normalise("a\u{A0}b\u{AD}c\u{200B}d\te"), "a bcd\te");
        let samples = [
            "",
            "  plain text  ",
            "\u{FEFF}\u{A0} lead and trail \u{202F}\u{200D}",
            "ctrl\u{1}x\u{7F}y\u{85}z\u{9F}",
            "é ü — “quotes” ‘x’ \u{2060}joined\u{2007}figure",
            "\u{C2A0}\u{E000}\u{EFFF}\u{2028}line\u{2029}",
            "\r\n\tboth\u{B}\u{C}",
            "\u{AD}",
        ];
        for s in samples {
            assert_eq!(normalise(s), reference(s), "{s:?}");
        }
    }
}
