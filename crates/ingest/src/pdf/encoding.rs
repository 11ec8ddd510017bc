//! Simple-font encodings: the base code tables (Standard, WinAnsi, MacRoman) and glyph names to
//! Unicode.
//!
//! The tables and the Adobe Glyph List come from lopdf, which keeps them private; they are
//! reached through its public font-encoding API once and cached, so we do not carry a second
//! copy of 4,000 glyph names.

use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object};

/// A one-byte code table: the Unicode text of each code, if the encoding defines it.
pub(super) type CodeTable = [Option<char>; 256];

/// The named base encodings a simple font may start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    MacExpert,
    Symbol,
}

impl BaseEncoding {
    /// The base encoding an `/Encoding` or `/BaseEncoding` name stands for.
    pub(super) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"MacExpertEncoding" => Some(BaseEncoding::MacExpert),
            _ => None,
        }
    }

    /// The code table of this encoding.
    pub(super) fn table(self) -> &'static CodeTable {
        static STANDARD: OnceLock<CodeTable> = OnceLock::new();
        static WIN_ANSI: OnceLock<CodeTable> = OnceLock::new();
        static MAC_ROMAN: OnceLock<CodeTable> = OnceLock::new();
        static MAC_EXPERT: OnceLock<CodeTable> = OnceLock::new();
        static SYMBOL: OnceLock<CodeTable> = OnceLock::new();
        match self {
            BaseEncoding::Standard => STANDARD.get_or_init(|| lopdf_table(b"StandardEncoding")),
            BaseEncoding::WinAnsi => WIN_ANSI.get_or_init(|| lopdf_table(b"WinAnsiEncoding")),
            BaseEncoding::MacRoman => MAC_ROMAN.get_or_init(|| lopdf_table(b"MacRomanEncoding")),
            BaseEncoding::MacExpert => MAC_EXPERT.get_or_init(|| lopdf_table(b"MacExpertEncoding")),
            // Symbol fonts draw Greek and math signs; without the font's own table the
            // printable ASCII range is the least wrong guess.
            BaseEncoding::Symbol => SYMBOL.get_or_init(|| {
                let mut table = [None; 256];
                for (code, slot) in table.iter_mut().enumerate().skip(32).take(95) {
                    *slot = char::from_u32(code as u32);
                }
                table
            }),
        }
    }
}

/// Builds a code table by asking lopdf to decode each code of a font that uses `name`.
fn lopdf_table(name: &[u8]) -> CodeTable {
    let doc = Document::new();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Name(name.to_vec()));
    let mut table = [None; 256];
    let Ok(encoding) = font.get_font_encoding(&doc) else {
        return table;
    };
    for (code, slot) in table.iter_mut().enumerate() {
        if let Ok(text) = encoding.bytes_to_string(&[code as u8]) {
            let mut chars = text.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                *slot = Some(c);
            }
        }
    }
    table
}

/// The Unicode text of a glyph name: Adobe Glyph List names, `uniXXXX[YYYY…]`, `uXXXX[XX]`,
/// ligature names joined by `_` (`f_f_i`), and suffixed variants (`a.sc`, `one.oldstyle`).
pub(super) fn glyph_name_to_unicode(name: &[u8]) -> Option<String> {
    // A suffix after the first period names a variant of the same character.
    let base = match name.iter().position(|&b| b == b'.') {
        Some(0) => return None,
        Some(i) => &name[..i],
        None => name,
    };
    if base.contains(&b'_') {
        let mut out = String::new();
        for part in base.split(|&b| b == b'_') {
            out.push_str(&glyph_name_to_unicode(part)?);
        }
        return Some(out);
    }
    if let Some(text) = agl_lookup(base) {
        return Some(text);
    }
    if let Some(hex) = base.strip_prefix(b"uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
    {
        let units: Option<Vec<u16>> = hex
            .chunks(4)
            .map(|c| {
                std::str::from_utf8(c)
                    .ok()
                    .and_then(|s| u16::from_str_radix(s, 16).ok())
            })
            .collect();
        let text: String = char::decode_utf16(units?)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return Some(text);
    }
    if let Some(hex) = base.strip_prefix(b"u")
        && (4..=6).contains(&hex.len())
    {
        let code = std::str::from_utf8(hex)
            .ok()
            .and_then(|s| u32::from_str_radix(s, 16).ok())?;
        return char::from_u32(code).map(String::from);
    }
    None
}

/// Looks a name up in lopdf's Adobe Glyph List through a one-entry `/Differences` array.
fn agl_lookup(name: &[u8]) -> Option<String> {
    // Code 0 is undefined in StandardEncoding, so when lopdf rejects an unknown name (and
    // falls back to StandardEncoding) code 0 decodes to nothing.
    let doc = Document::new();
    let mut differences = Dictionary::new();
    differences.set(
        "Differences",
        Object::Array(vec![Object::Integer(0), Object::Name(name.to_vec())]),
    );
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Dictionary(differences));
    let encoding = font.get_font_encoding(&doc).ok()?;
    let text = encoding.bytes_to_string(&[0]).ok()?;
    (!text.is_empty()).then_some(text)
}

/// Parses the built-in encoding of an embedded Type 1 font program (`dup 65 /A put` lines in
/// its clear-text part), which applies when the PDF font dictionary gives no base encoding.
pub(super) fn type1_builtin_encoding(program: &[u8]) -> Option<Vec<(u8, Vec<u8>)>> {
    // The encoding sits in the clear-text part, before `eexec`.
    let clear = match find(program, b"eexec") {
        Some(end) => &program[..end],
        None => program,
    };
    let start = find(clear, b"/Encoding")?;
    let rest = &clear[start + b"/Encoding".len()..];
    if rest.trim_ascii_start().starts_with(b"StandardEncoding") {
        return None;
    }
    let mut entries = Vec::new();
    let mut words = rest
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .take(4096);
    while let Some(word) = words.next() {
        match word {
            b"dup" => {
                let code = words
                    .next()
                    .and_then(|w| std::str::from_utf8(w).ok())
                    .and_then(|s| s.parse::<u8>().ok());
                let name = words.next().and_then(|w| w.strip_prefix(b"/"));
                if let (Some(code), Some(name)) = (code, name) {
                    entries.push((code, name.to_vec()));
                }
            }
            b"readonly" | b"def" if !entries.is_empty() => break,
            _ => {}
        }
    }
    (!entries.is_empty()).then_some(entries)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_tables_decode_ascii_and_specials() {
        let win = BaseEncoding::WinAnsi.table();
        assert_eq!(win[b'A' as usize], Some('A'));
        assert_eq!(win[0x93], Some('\u{201C}'));
        assert_eq!(win[0x97], Some('\u{2014}'));
        let std = BaseEncoding::Standard.table();
        assert_eq!(std[0x27], Some('\u{2019}'));
        assert_eq!(std[0xAE], Some('\u{FB01}'));
        let mac = BaseEncoding::MacRoman.table();
        assert_eq!(mac[0xD2], Some('\u{201C}'));
    }

    #[test]
    fn glyph_names_resolve() {
        let check = |name: &str, want: Option<&str>| {
            assert_eq!(
                glyph_name_to_unicode(name.as_bytes()).as_deref(),
                want,
                "{name}"
            );
        };
        check("A", Some("A"));
        check("quoteright", Some("\u{2019}"));
        check("section", Some("§"));
        check("uni00A7", Some("§"));
        check("uni00660069", Some("fi"));
        check("u1F600", Some("😀"));
        check("f_f_i", Some("ffi"));
        check("a.sc", Some("a"));
        check("g123", None);
        check(".notdef", None);
    }

    #[test]
    fn type1_builtin_encoding_is_read() {
        let program = b"%!PS-AdobeFont-1.0\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\ndup 65 /A put\ndup 97 /quoteright put\nreadonly def\ncurrentfile eexec \x00\x01";
        let entries = type1_builtin_encoding(program).unwrap_or_default();
        assert_eq!(
            entries,
            vec![(65, b"A".to_vec()), (97, b"quoteright".to_vec())]
        );
        assert_eq!(
            type1_builtin_encoding(b"/Encoding StandardEncoding def"),
            None
        );
    }
}
