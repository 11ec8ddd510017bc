//! Fonts as text extraction needs them: how a shown string splits into codes, what text each
//! code stands for, and how far each glyph advances.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::encoding::{BaseEncoding, glyph_name_to_unicode, type1_builtin_encoding};
use super::objects::{decode, deref, dict_of, name_of, number, stream_bytes};
use crate::limits::Budget;

/// The glyph width used when a font says nothing, in 1/1000 em.
const DEFAULT_WIDTH: f64 = 500.0;
/// Largest font program we read to find a Type 1 built-in encoding.
const MAX_FONT_PROGRAM: usize = 8 << 20;

/// How a font's byte strings split into character codes.
#[derive(Debug, Clone)]
enum CodeSplit {
    /// One byte per code (simple fonts).
    One,
    /// Two bytes per code (Identity-H/V and most CID fonts).
    Two,
    /// By the code-space ranges of an embedded encoding CMap.
    CMap(Box<CMap>),
}

/// One code of a shown string, decoded.
#[derive(Debug, Clone, Copy)]
pub(super) struct Code<'f> {
    /// The character code.
    pub(super) code: u32,
    /// The text the glyph stands for; empty when the font does not say.
    pub(super) text: &'f str,
    /// Horizontal advance in text-space units per unit of font size.
    pub(super) advance: f64,
    /// Whether this is the single-byte code 32, to which word spacing (`Tw`) applies.
    pub(super) is_space_byte: bool,
}

/// A font, reduced to what text extraction needs.
#[derive(Debug, Clone)]
pub(super) struct Font {
    split: CodeSplit,
    to_unicode: Option<CMap>,
    /// Simple fonts: the text of each one-byte code from the encoding.
    simple: Option<Box<[Option<String>]>>,
    /// CID fonts whose encoding CMap is UCS-2/UTF-16: the code is the character.
    codes_are_unicode: bool,
    /// Simple fonts: widths from `/FirstChar`.
    first_char: u32,
    widths: Vec<f64>,
    /// CID fonts: widths by CID.
    cid_widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph space to text space (1/1000, or Type 3's `/FontMatrix`).
    width_scale: f64,
    /// Vertical extent of glyphs relative to the font size (differs for Type 3).
    pub(super) size_scale: f64,
}

impl Font {
    /// A font for a missing or broken font resource: one byte per code, standard encoding.
    pub(super) fn fallback() -> Font {
        Font {
            split: CodeSplit::One,
            to_unicode: None,
            simple: Some(table_from_base(BaseEncoding::Standard)),
            codes_are_unicode: false,
            first_char: 0,
            widths: Vec::new(),
            cid_widths: HashMap::new(),
            default_width: DEFAULT_WIDTH,
            width_scale: 0.001,
            size_scale: 1.0,
        }
    }

    /// Reads a font dictionary; the streams it decodes are charged to `budget`.
    pub(super) fn load(doc: &Document, dict: &Dictionary, budget: &Budget) -> Font {
        let subtype = dict.get(b"Subtype").ok().and_then(name_of).unwrap_or(b"");
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_bytes(doc, o, budget))
            .map(|bytes| CMap::parse(&bytes))
            .filter(CMap::has_unicode);
        if subtype == b"Type0" {
            Font::load_type0(doc, dict, to_unicode, budget)
        } else {
            Font::load_simple(doc, dict, subtype, to_unicode, budget)
        }
    }

    fn load_type0(
        doc: &Document,
        dict: &Dictionary,
        to_unicode: Option<CMap>,
        budget: &Budget,
    ) -> Font {
        let descendant = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| match o {
                Object::Array(items) => items.first().and_then(|d| dict_of(doc, d)),
                other => dict_of(doc, other),
            });
        let mut codes_are_unicode = false;
        let split = match dict.get(b"Encoding").ok().map(|o| deref(doc, o)) {
            Some(Object::Name(name)) => {
                let name = name.as_slice();
                codes_are_unicode = contains(name, b"UCS2") || contains(name, b"UTF16");
                if name.starts_with(b"Identity") || codes_are_unicode {
                    CodeSplit::Two
                } else {
                    // Another predefined CMap (mixed one- and two-byte Shift-JIS, GBK…):
                    // borrow the ToUnicode code space when it has one.
                    match &to_unicode {
                        Some(cmap) if !cmap.codespace.is_empty() => {
                            CodeSplit::CMap(Box::new(cmap.clone()))
                        }
                        _ => CodeSplit::Two,
                    }
                }
            }
            Some(Object::Stream(stream)) => {
                let cmap = decode(stream, MAX_FONT_PROGRAM, budget, || "a CMap".into())
                    .map(|b| CMap::parse(&b))
                    .unwrap_or_default();
                if cmap.codespace.is_empty() {
                    CodeSplit::Two
                } else {
                    CodeSplit::CMap(Box::new(cmap))
                }
            }
            _ => CodeSplit::Two,
        };
        let mut cid_widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(desc) = descendant {
            if let Some(dw) = desc.get(b"DW").ok().and_then(|o| number(deref(doc, o))) {
                default_width = dw;
            }
            if let Some(Object::Array(w)) = desc.get(b"W").ok().map(|o| deref(doc, o)) {
                read_cid_widths(doc, w, &mut cid_widths);
            }
        }
        Font {
            split,
            to_unicode,
            simple: None,
            codes_are_unicode,
            first_char: 0,
            widths: Vec::new(),
            cid_widths,
            default_width,
            width_scale: 0.001,
            size_scale: 1.0,
        }
    }

    fn load_simple(
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        to_unicode: Option<CMap>,
        budget: &Budget,
    ) -> Font {
        let base_font = dict.get(b"BaseFont").ok().and_then(name_of).unwrap_or(b"");
        // Subset fonts carry a six-letter tag ("ABCDEF+Times-Roman").
        let base_font = match base_font.iter().position(|&b| b == b'+') {
            Some(6) => &base_font[7..],
            _ => base_font,
        };
        let descriptor = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| dict_of(doc, o));
        let symbolic_name = contains(base_font, b"Symbol") || contains(base_font, b"Dingbats");

        let encoding = dict.get(b"Encoding").ok().map(|o| deref(doc, o));
        let mut base = None;
        let mut differences: Option<&Vec<Object>> = None;
        match encoding {
            Some(Object::Name(name)) => base = BaseEncoding::from_name(name),
            Some(Object::Dictionary(enc)) => {
                base = enc
                    .get(b"BaseEncoding")
                    .ok()
                    .and_then(name_of)
                    .and_then(BaseEncoding::from_name);
                if let Some(Object::Array(diff)) =
                    enc.get(b"Differences").ok().map(|o| deref(doc, o))
                {
                    differences = Some(diff);
                }
            }
            _ => {}
        }
        let mut table = match base {
            Some(base) => table_from_base(base),
            None => {
                // No base encoding: the font program's own encoding applies. Read it from an
                // embedded Type 1 program; otherwise use the usual default for the font type.
                let builtin = descriptor
                    .and_then(|d| d.get(b"FontFile").ok())
                    .and_then(|o| match deref(doc, o) {
                        Object::Stream(s) => {
                            decode(s, MAX_FONT_PROGRAM, budget, || "a font program".into())
                        }
                        _ => None,
                    })
                    .and_then(|program| type1_builtin_encoding(&program));
                let default = if symbolic_name {
                    BaseEncoding::Symbol
                } else if subtype == b"TrueType" {
                    BaseEncoding::WinAnsi
                } else {
                    BaseEncoding::Standard
                };
                let mut table = table_from_base(default);
                if let Some(entries) = builtin {
                    for (code, name) in entries {
                        table[code as usize] = glyph_name_to_unicode(&name);
                    }
                }
                table
            }
        };
        if let Some(diff) = differences {
            let mut code: usize = 0;
            for item in diff {
                match deref(doc, item) {
                    Object::Integer(n) => code = (*n).clamp(0, 256) as usize,
                    Object::Real(n) => code = (*n as i64).clamp(0, 256) as usize,
                    Object::Name(name) => {
                        if let Some(slot) = table.get_mut(code) {
                            *slot = glyph_name_to_unicode(name);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }

        let first_char = dict
            .get(b"FirstChar")
            .ok()
            .and_then(|o| number(deref(doc, o)))
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        let widths: Vec<f64> = match dict.get(b"Widths").ok().map(|o| deref(doc, o)) {
            Some(Object::Array(items)) => items
                .iter()
                .take(256)
                .map(|o| number(deref(doc, o)).unwrap_or(0.0))
                .collect(),
            _ => Vec::new(),
        };
        let missing = descriptor
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| number(deref(doc, o)))
            .filter(|w| *w > 0.0);
        let mut font = Font {
            split: CodeSplit::One,
            to_unicode,
            simple: Some(table),
            codes_are_unicode: false,
            first_char,
            widths,
            cid_widths: HashMap::new(),
            default_width: missing.unwrap_or(DEFAULT_WIDTH),
            width_scale: 0.001,
            size_scale: 1.0,
        };
        if font.widths.is_empty()
            && let Some(std) = super::std14::widths(base_font)
        {
            font.first_char = 32;
            font.widths = std.iter().map(|&w| f64::from(w)).collect();
        }
        if subtype == b"Type3"
            && let Some(Object::Array(m)) = dict.get(b"FontMatrix").ok().map(|o| deref(doc, o))
        {
            let m: Vec<f64> = m.iter().filter_map(|o| number(deref(doc, o))).collect();
            if let [a, _, _, d, ..] = m.as_slice()
                && a.is_finite()
                && *a != 0.0
            {
                font.width_scale = *a;
                font.size_scale = (d * 1000.0).abs().clamp(0.01, 100.0);
                font.default_width = 0.0;
            }
        }
        font
    }

    /// Splits a shown string into codes and calls `f` with each, decoded.
    pub(super) fn decode<'f>(&'f self, bytes: &[u8], mut f: impl FnMut(Code<'f>)) {
        let mut i = 0;
        while i < bytes.len() {
            let len = match &self.split {
                CodeSplit::One => 1,
                CodeSplit::Two => 2,
                CodeSplit::CMap(cmap) => cmap.code_len(&bytes[i..]).unwrap_or(1),
            }
            .clamp(1, bytes.len() - i);
            let code = bytes[i..i + len]
                .iter()
                .fold(0u32, |v, &b| (v << 8) | u32::from(b));
            i += len;
            let len = len as u8;
            let text = self.text(code, len);
            let width = if self.simple.is_some() {
                code.checked_sub(self.first_char)
                    .and_then(|i| self.widths.get(i as usize))
                    .copied()
                    .unwrap_or(self.default_width)
            } else {
                let cid = match &self.split {
                    CodeSplit::CMap(cmap) => cmap.cid(code, len).unwrap_or(code),
                    _ => code,
                };
                self.cid_widths
                    .get(&cid)
                    .copied()
                    .unwrap_or(self.default_width)
            };
            f(Code {
                code,
                text,
                advance: width * self.width_scale,
                is_space_byte: len == 1 && code == 32,
            });
        }
    }

    fn text(&self, code: u32, len: u8) -> &str {
        if let Some(cmap) = &self.to_unicode {
            if let Some(text) = cmap.unicode(code, len)
                && !text.is_empty()
                && !text.starts_with('\0')
            {
                return text;
            }
            // Some writers declare two-byte codes in the ToUnicode map of a simple font.
            if len == 1
                && let Some(text) = cmap.unicode(code, 2)
                && !text.starts_with('\0')
            {
                return text;
            }
        }
        if let Some(table) = &self.simple {
            return table
                .get(code as usize)
                .and_then(|t| t.as_deref())
                .unwrap_or("");
        }
        ""
    }

    /// The character a code of a UCS-2 CID font stands for.
    pub(super) fn unicode_code(&self, code: u32) -> Option<char> {
        if self.codes_are_unicode {
            char::from_u32(code)
        } else {
            None
        }
    }
}

fn table_from_base(base: BaseEncoding) -> Box<[Option<String>]> {
    base.table().iter().map(|c| c.map(String::from)).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Reads a CID font's `/W` array: `c [w1 w2 …]` and `c_first c_last w` entries.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f64>) {
    const MAX: usize = 1 << 17;
    let mut i = 0;
    while i < w.len() && out.len() < MAX {
        let Some(first) = number(deref(doc, &w[i])) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, item) in list.iter().enumerate().take(MAX) {
                    if let Some(width) = number(deref(doc, item)) {
                        out.insert(first.saturating_add(k as u32), width);
                    }
                }
                i += 2;
            }
            Some(other) => {
                let last = number(other).map(|n| n.max(0.0) as u32);
                let width = w.get(i + 2).and_then(|o| number(deref(doc, o)));
                if let (Some(last), Some(width)) = (last, width) {
                    for cid in first..=last.min(first.saturating_add(MAX as u32)) {
                        out.insert(cid, width);
                    }
                }
                i += 3;
            }
            None => break,
        }
    }
}
