//! Format detection from the bytes.
use clauselint_model::Format;

use crate::Error;

/// How far into the file `%PDF-` may start (some producers put junk before the header).
const PDF_HEADER_WINDOW: usize = 1024;
/// Share of control characters (other than tab, CR, LF, FF) above which bytes are not text.
const MAX_CONTROL_PER_MILLE: usize = 5;

/// Detects the format from the bytes: `%PDF-` near the start is PDF, a ZIP with a Word part is
/// DOCX, decodable text is text. Never looks at the file name.
pub fn sniff(bytes: &[u8]) -> Result<Format, Error> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    let head = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match crate::docx::has_main_part(bytes) {
            Ok(true) => Ok(Format::Docx),
            Ok(false) => Err(Error::UnknownFormat("ZIP archive without a Word document")),
            // A damaged ZIP that names Word parts is a broken DOCX: let the reader say why.
            Err(_) if looks_like_word_zip(bytes) => Ok(Format::Docx),
            Err(_) => Err(Error::UnknownFormat("damaged ZIP archive")),
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(Error::UnknownFormat(
            "OLE compound file: a legacy .doc or a password-protected Office file",
        ));
    }
    if is_text(bytes) {
        return Ok(Format::Text);
    }
    Err(Error::UnknownFormat("binary data"))
}

/// Local file headers of a truncated ZIP still name its parts.
fn looks_like_word_zip(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(1 << 20)];
    window.windows(17).any(|w| w == b"word/document.xml")
        || window.windows(19).any(|w| w == b"[Content_Types].xml")
}

/// Whether the bytes decode as text: UTF-16 with a BOM, or UTF-8 / Latin-1 with few
/// control characters.
fn is_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, errors) = crate::text::decode_utf16(bytes);
        return !errors && few_controls(text.chars());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => few_controls(s.chars()),
        // Latin-1 / Windows-1252: every byte is a character, so judge by the control bytes.
        Err(_) => few_controls(body.iter().map(|&b| char::from(b))),
    }
}

fn few_controls(chars: impl Iterator<Item = char>) -> bool {
    let (mut total, mut bad) = (0usize, 0usize);
    for c in chars {
        total += 1;
        if c == '\0' {
            return false;
        }
        if (c.is_ascii_control() && !matches!(c, '\t' | '\r' | '\n' | '\x0C')) || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    total > 0 && bad * 1000 <= total * MAX_CONTROL_PER_MILLE
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, body) in parts {
            let _ = w.start_file(*name, zip::write::SimpleFileOptions::default());
            let _ = w.write_all(body.as_bytes());
        }
        w.finish().map(|c| c.into_inner()).unwrap_or_default()
    }

    #[test]
    fn formats_are_told_from_bytes() {
        assert!(matches!(sniff(b""), Err(Error::Empty)));
        assert_eq!(sniff(b"%PDF-1.7\n...").ok(), Some(Format::Pdf));
        assert_eq!(
            sniff(b"\r\n\r\n%PDF-1.4").ok(),
            Some(Format::Pdf),
            "junk before the header"
        );
        assert_eq!(sniff("1. Term\nÉtat\n".as_bytes()).ok(), Some(Format::Text));
        assert_eq!(
            sniff(b"caf\xe9 au lait\n").ok(),
            Some(Format::Text),
            "Latin-1"
        );
        assert_eq!(
            sniff(b"\xFF\xFEa\0b\0").ok(),
            Some(Format::Text),
            "UTF-16 LE BOM"
        );
        assert_eq!(
            sniff(b"\xFE\xFF\0a\0b").ok(),
            Some(Format::Text),
            "UTF-16 BE BOM"
        );
        assert!(matches!(
            sniff(b"\x7FELF\x02\x01\x01\0\0\0\0"),
            Err(Error::UnknownFormat("binary data"))
        ));
        assert!(matches!(
            sniff(&[0x89, b'P', b'N', b'G', 1, 2, 3, 0]),
            Err(Error::UnknownFormat(_))
        ));
    }

    #[test]
    fn zips_need_a_word_part() {
        let docx = zip(&[("word/document.xml", "<x/>")]);
        assert_eq!(sniff(&docx).ok(), Some(Format::Docx));
        let other = zip(&[("xl/workbook.xml", "<x/>")]);
        assert!(matches!(
            sniff(&other),
            Err(Error::UnknownFormat("ZIP archive without a Word document"))
        ));
        let renamed = zip(&[
            (
                "_rels/.rels",
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>"#,
            ),
            ("word/main.xml", "<x/>"),
        ]);
        assert_eq!(
            sniff(&renamed).ok(),
            Some(Format::Docx),
            "main part found through rels"
        );
    }
}
