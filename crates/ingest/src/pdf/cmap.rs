//! A tolerant parser for the CMaps inside PDFs: `/ToUnicode` maps (`bfchar`/`bfrange`) and
//! embedded encoding CMaps (`codespacerange`, `cidchar`/`cidrange`).

use std::collections::HashMap;

/// Most entries one CMap may expand to; a range beyond it is cut, so a hostile
/// `<00000000> <FFFFFFFF>` range cannot exhaust memory.
const MAX_ENTRIES: usize = 1 << 18;

/// One code-space range: codes of `len` bytes whose every byte lies between the bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CodeRange {
    low: Vec<u8>,
    high: Vec<u8>,
}

impl CodeRange {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.low.len()
            && bytes
                .iter()
                .zip(self.low.iter().zip(&self.high))
                .all(|(b, (lo, hi))| lo <= b && b <= hi)
    }
}

/// A parsed CMap.
#[derive(Debug, Default, Clone)]
pub(super) struct CMap {
    /// Code-space ranges, which say how a byte string splits into codes.
    pub(super) codespace: Vec<CodeRange>,
    /// Code (keyed with its byte length) to Unicode text.
    unicode: HashMap<u64, String>,
    /// Code to CID, from `cidchar`/`cidrange`.
    cids: HashMap<u64, u32>,
}

fn key(code: u32, len: u8) -> u64 {
    (u64::from(len) << 32) | u64::from(code)
}

impl CMap {
    /// Parses CMap text; whatever cannot be understood is skipped.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut tokens = Tokens { data, pos: 0 };
        let mut entries = 0usize;
        while let Some(token) = tokens.next() {
            let Token::Keyword(keyword) = token else {
                continue;
            };
            match keyword {
                b"begincodespacerange" => {
                    while let Some(low) = tokens.code(b"endcodespacerange") {
                        let Some(high) = tokens.code(b"endcodespacerange") else {
                            break;
                        };
                        if low.len() == high.len() && (1..=4).contains(&low.len()) {
                            cmap.codespace.push(CodeRange { low, high });
                        }
                    }
                }
                b"beginbfchar" => {
                    while let Some(src) = tokens.code(b"endbfchar") {
                        let Some(dst) = tokens.next() else { break };
                        if let (Some((code, len)), Some(text)) = (code_value(&src), dst_text(&dst))
                            && entries < MAX_ENTRIES
                        {
                            entries += 1;
                            cmap.unicode.insert(key(code, len), text);
                        }
                    }
                }
                b"beginbfrange" => {
                    while let Some(low) = tokens.code(b"endbfrange") {
                        let Some(high) = tokens.code(b"endbfrange") else {
                            break;
                        };
                        let Some(dst) = tokens.next() else { break };
                        let (Some((lo, len)), Some((hi, _))) =
                            (code_value(&low), code_value(&high))
                        else {
                            continue;
                        };
                        if hi < lo {
                            continue;
                        }
                        match dst {
                            Token::Hex(units) => {
                                let units = utf16_units(&units);
                                for (offset, code) in (lo..=hi).enumerate() {
                                    if entries >= MAX_ENTRIES {
                                        break;
                                    }
                                    let mut shifted = units.clone();
                                    if let Some(last) = shifted.last_mut() {
                                        *last = last.wrapping_add(offset as u16);
                                    }
                                    entries += 1;
                                    cmap.unicode.insert(key(code, len), decode_utf16(&shifted));
                                }
                            }
                            Token::ArrayStart => {
                                let mut code = lo;
                                while let Some(item) = tokens.next() {
                                    if matches!(item, Token::ArrayEnd) {
                                        break;
                                    }
                                    if let Some(text) = dst_text(&item)
                                        && code <= hi
                                        && entries < MAX_ENTRIES
                                    {
                                        entries += 1;
                                        cmap.unicode.insert(key(code, len), text);
                                    }
                                    code = code.saturating_add(1);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                b"begincidchar" => {
                    while let Some(src) = tokens.code(b"endcidchar") {
                        let Some(Token::Number(cid)) = tokens.next() else {
                            break;
                        };
                        if let Some((code, len)) = code_value(&src)
                            && entries < MAX_ENTRIES
                        {
                            entries += 1;
                            cmap.cids.insert(key(code, len), cid.max(0) as u32);
                        }
                    }
                }
                b"begincidrange" => {
                    while let Some(low) = tokens.code(b"endcidrange") {
                        let Some(high) = tokens.code(b"endcidrange") else {
                            break;
                        };
                        let Some(Token::Number(cid)) = tokens.next() else {
                            break;
                        };
                        let (Some((lo, len)), Some((hi, _))) =
                            (code_value(&low), code_value(&high))
                        else {
                            continue;
                        };
                        for (offset, code) in (lo..=hi).enumerate() {
                            if entries >= MAX_ENTRIES {
                                break;
                            }
                            entries += 1;
                            let cid = (cid.max(0) as u32).saturating_add(offset as u32);
                            cmap.cids.insert(key(code, len), cid);
                        }
                    }
                }
                _ => {}
            }
        }
        cmap
    }

    /// Whether the CMap maps any code to text.
    pub(super) fn has_unicode(&self) -> bool {
        !self.unicode.is_empty()
    }

    /// The text a code maps to.
    pub(super) fn unicode(&self, code: u32, len: u8) -> Option<&str> {
        self.unicode.get(&key(code, len)).map(String::as_str)
    }

    /// The CID a code selects, when the CMap says.
    pub(super) fn cid(&self, code: u32, len: u8) -> Option<u32> {
        self.cids.get(&key(code, len)).copied()
    }

    /// The byte length of the code that starts `bytes`, by the code-space ranges; `None` when
    /// the CMap has no ranges.
    pub(super) fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        if self.codespace.is_empty() {
            return None;
        }
        for len in 1..=4.min(bytes.len()) {
            if self.codespace.iter().any(|r| r.matches(&bytes[..len])) {
                return Some(len);
            }
        }
        // No range matches: take the shortest length the CMap uses, as readers do.
        self.codespace.iter().map(|r| r.low.len()).min()
    }
}

/// The numeric value and byte length of a source code.
fn code_value(bytes: &[u8]) -> Option<(u32, u8)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let value = bytes.iter().fold(0u32, |v, &b| (v << 8) | u32::from(b));
    Some((value, bytes.len() as u8))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        // A one-byte destination is not UTF-16; take it as a Latin-1 code.
        return vec![u16::from(bytes[0])];
    }
    bytes
        .chunks(2)
        .map(|c| match c {
            [hi, lo] => u16::from_be_bytes([*hi, *lo]),
            [b] => u16::from(*b),
            _ => 0,
        })
        .collect()
}

fn decode_utf16(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// The text a `bfchar`/`bfrange` destination stands for: UTF-16BE hex or a glyph name.
fn dst_text(token: &Token) -> Option<String> {
    match token {
        Token::Hex(bytes) => Some(decode_utf16(&utf16_units(bytes))),
        Token::Name(name) => super::encoding::glyph_name_to_unicode(name),
        _ => None,
    }
}

#[derive(Debug)]
enum Token<'a> {
    Hex(Vec<u8>),
    Literal(Vec<u8>),
    Name(&'a [u8]),
    Number(i64),
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    Other,
}

struct Tokens<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// The next source code (hex or literal string), or `None` at `end` or end of input.
    fn code(&mut self, end: &[u8]) -> Option<Vec<u8>> {
        loop {
            match self.next()? {
                Token::Hex(bytes) | Token::Literal(bytes) => return Some(bytes),
                Token::Keyword(k) if k == end => return None,
                // Any other keyword means the section is malformed; stop it there.
                Token::Keyword(_) => return None,
                _ => {}
            }
        }
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let data = self.data;
        loop {
            while self.pos < data.len() && data[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if self.pos < data.len() && data[self.pos] == b'%' {
                while self.pos < data.len() && data[self.pos] != b'\n' && data[self.pos] != b'\r' {
                    self.pos += 1;
                }
                continue;
            }
            break;
        }
        let start = self.pos;
        let &first = data.get(start)?;
        self.pos += 1;
        Some(match first {
            b'<' if data.get(self.pos) == Some(&b'<') => {
                self.pos += 1;
                Token::Other
            }
            b'>' if data.get(self.pos) == Some(&b'>') => {
                self.pos += 1;
                Token::Other
            }
            b'<' => {
                let mut nibbles = Vec::new();
                while let Some(&b) = data.get(self.pos) {
                    self.pos += 1;
                    if b == b'>' {
                        break;
                    }
                    if let Some(n) = (b as char).to_digit(16) {
                        nibbles.push(n as u8);
                    }
                }
                if nibbles.len() % 2 == 1 {
                    nibbles.push(0);
                }
                Token::Hex(nibbles.chunks(2).map(|c| (c[0] << 4) | c[1]).collect())
            }
            b'(' => {
                let mut out = Vec::new();
                let mut depth = 1usize;
                while let Some(&b) = data.get(self.pos) {
                    self.pos += 1;
                    match b {
                        b'\\' => {
                            if let Some(&e) = data.get(self.pos) {
                                self.pos += 1;
                                out.push(match e {
                                    b'n' => b'\n',
                                    b'r' => b'\r',
                                    b't' => b'\t',
                                    other => other,
                                });
                            }
                        }
                        b'(' => {
                            depth += 1;
                            out.push(b);
                        }
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            out.push(b);
                        }
                        _ => out.push(b),
                    }
                }
                Token::Literal(out)
            }
            b'[' => Token::ArrayStart,
            b']' => Token::ArrayEnd,
            b'{' | b'}' | b')' | b'>' => Token::Other,
            b'/' => {
                while self.pos < data.len() && !is_delimiter(data[self.pos]) {
                    self.pos += 1;
                }
                Token::Name(&data[start + 1..self.pos])
            }
            _ => {
                while self.pos < data.len() && !is_delimiter(data[self.pos]) {
                    self.pos += 1;
                }
                let word = &data[start..self.pos];
                match std::str::from_utf8(word).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => Token::Number(n),
                    None => Token::Keyword(word),
                }
            }
        })
    }
}

fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00660069>
<0012> /quoteright
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0031> [<0078> <D83DDE00>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_and_bfrange_map_two_byte_codes() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(cmap.unicode(0x03, 2), Some(" "));
        assert_eq!(cmap.unicode(0x11, 2), Some("fi"));
        assert_eq!(cmap.unicode(0x12, 2), Some("\u{2019}"));
        assert_eq!(cmap.unicode(0x24, 2), Some("A"));
        assert_eq!(cmap.unicode(0x26, 2), Some("C"));
        assert_eq!(cmap.unicode(0x27, 2), None);
        assert_eq!(cmap.unicode(0x30, 2), Some("x"));
        assert_eq!(cmap.unicode(0x31, 2), Some("😀"));
        // A one-byte code is a different code from the two-byte code of the same value.
        assert_eq!(cmap.unicode(0x24, 1), None);
        assert_eq!(cmap.code_len(&[0x00, 0x24]), Some(2));
    }

    #[test]
    fn mixed_codespace_splits_by_first_byte() {
        let cmap = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
              1 beginbfchar <41> <0041> endbfchar 1 beginbfchar <8140> <3000> endbfchar",
        );
        assert_eq!(cmap.code_len(&[0x41, 0x81]), Some(1));
        assert_eq!(cmap.code_len(&[0x81, 0x40]), Some(2));
        assert_eq!(cmap.unicode(0x41, 1), Some("A"));
        assert_eq!(cmap.unicode(0x8140, 2), Some("\u{3000}"));
    }

    #[test]
    fn cid_ranges_and_garbage_do_not_panic() {
        let cmap = CMap::parse(b"1 begincidrange <0000> <00ff> 10 endcidrange <zz> ((( [ ]");
        assert_eq!(cmap.cid(0x05, 2), Some(15));
        for junk in [
            &b"beginbfrange <00> <ff"[..],
            b"beginbfchar <",
            b"%",
            b"beginbfrange <ffff> <0000> <0041> endbfrange",
            b"beginbfrange <00000000> <ffffffff> <0041> endbfrange",
        ] {
            let _ = CMap::parse(junk);
        }
    }
}
