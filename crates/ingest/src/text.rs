//! Plain-text reading: decoding and one block per non-empty line.
use std::borrow::Cow;

use clauselint_model::Location;

use crate::{Error, RawBlock, RawDocument};

/// Decodes UTF-16 with a BOM; the flag says whether malformed sequences were replaced.
pub(crate) fn decode_utf16(bytes: &[u8]) -> (Cow<'_, str>, &'static encoding_rs::Encoding, bool) {
    let (text, enc, errors) = encoding_rs::UTF_16LE.decode(bytes);
    (text, enc, errors)
}

/// Decodes text bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 when valid,
/// else Windows-1252 (the superset of Latin-1 that real "Latin-1" files use).
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // `decode` sniffs the BOM and switches to the right UTF-16 byte order.
        return decode_utf16(bytes).0;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(body)
                .0
        }
    }
}

/// Reads text: one paragraph block per non-empty line, located by its 1-based line number.
pub(crate) fn read(bytes: &[u8]) -> Result<RawDocument, Error> {
    let text = decode(bytes);
    let mut raw = RawDocument::default();
    // `\r\n` and a lone `\r` both end a line; counting them as one keeps line numbers right.
    let mut line_no = 0u32;
    for line in text.split('\n') {
        for (i, part) in line.split('\r').enumerate() {
            if i > 0 && part.is_empty() {
                continue;
            }
            line_no = line_no.saturating_add(1);
            let clean: String = part
                .chars()
                .filter(|&c| c != '\x0C' && c != '\u{FEFF}')
                .collect();
            let clean = clean.trim_end();
            if clean.trim_start().is_empty() {
                continue;
            }
            raw.blocks.push(RawBlock::paragraph(
                clean.to_owned(),
                Location {
                    line: Some(line_no),
                    ..Location::default()
                },
            ));
        }
    }
    if raw.blocks.is_empty() {
        return Err(Error::Empty);
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(String, u32)> {
        read(bytes)
            .map(|r| {
                r.blocks
                    .into_iter()
                    .map(|b| (b.text, b.location.line.unwrap_or(0)))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn decodes_boms_and_latin1() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc"), "abc");
        assert_eq!(decode(b"\xFF\xFEa\0\xE9\0"), "aé");
        assert_eq!(decode(b"\xFE\xFF\0a\0\xE9"), "aé");
        assert_eq!(
            decode(b"caf\xe9 \x93q\x94"),
            "café \u{201C}q\u{201D}",
            "Windows-1252"
        );
        assert_eq!(decode("café".as_bytes()), "café");
    }

    #[test]
    fn one_block_per_non_empty_line_with_source_line_numbers() {
        let got = lines(b"1. Term  \r\n\r\n   \nThe term is two years.\rEnd\x0C\n");
        assert_eq!(
            got,
            vec![
                ("1. Term".to_owned(), 1),
                ("The term is two years.".to_owned(), 4),
                ("End".to_owned(), 5),
            ]
        );
        assert!(matches!(read(b"\n \n\t\n"), Err(Error::Empty)));
    }
}
