//! A thin layer over quick-xml's namespace-aware reader: namespace classes instead of
//! prefixes, entity references folded into text, depth tracking so truncated parts fail.
use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use crate::Error;

/// The namespaces the DOCX reader cares about, whatever prefix a file binds them to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// WordprocessingML main, transitional or strict.
    W,
    /// Markup compatibility (`mc:AlternateContent`).
    Mc,
    /// Dublin Core elements (`dc:title` in core properties).
    Dc,
    /// Anything else, or no namespace.
    Other,
}

const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const DC: &str = "http://purl.org/dc/elements/1.1/";

fn classify(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(Namespace(ns)) => match *ns {
            W_TRANSITIONAL | W_STRICT => Ns::W,
            MC => Ns::Mc,
            DC => Ns::Dc,
            _ => Ns::Other,
        },
        _ => Ns::Other,
    }
}

/// One event, reduced to what the readers use.
pub(super) enum Ev<'b> {
    /// A start tag; the flag says it is self-closing (`<w:tab/>`), with no end event to come.
    Start(Ns, BytesStart<'b>, bool),
    /// An end tag (its name borrowed from the part's text: no copy per element).
    End(Ns, BytesEnd<'b>),
    /// Character data, entities resolved.
    Text(Cow<'b, str>),
}

/// A part's bytes as text: UTF-8 (BOM or not), or UTF-16 with a BOM. Anything else is an
/// [`Error::Xml`] naming the part.
pub(super) fn decode<'b>(xml: &'b [u8], part: &str) -> Result<Cow<'b, str>, Error> {
    if xml.starts_with(&[0xFF, 0xFE]) || xml.starts_with(&[0xFE, 0xFF]) {
        let (text, _, errors) = encoding_rs::UTF_16LE.decode(xml);
        if errors {
            return Err(Error::Xml {
                part: part.to_owned(),
                message: "malformed UTF-16".to_owned(),
            });
        }
        return Ok(text);
    }
    let body = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    std::str::from_utf8(body)
        .map(Cow::Borrowed)
        .map_err(|e| Error::Xml {
            part: part.to_owned(),
            message: format!("not UTF-8 ({e})"),
        })
}

/// A part being read, with its name for error messages.
pub(super) struct XmlPart<'a> {
    reader: NsReader<&'a [u8]>,
    part: &'a str,
    depth: usize,
    pop_pending: bool,
    seen_root: bool,
}

impl<'a> XmlPart<'a> {
    /// Starts reading `xml`, the content of part `part`.
    pub fn new(xml: &'a str, part: &'a str) -> XmlPart<'a> {
        let mut reader = NsReader::from_str(xml);
        reader.config_mut().check_end_names = true;
        XmlPart {
            reader,
            part,
            depth: 0,
            pop_pending: false,
            seen_root: false,
        }
    }

    /// An `Error::Xml` for this part.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::Xml {
            part: self.part.to_owned(),
            message: message.into(),
        }
    }

    /// The next interesting event with its element depth (for start and end tags, the depth
    /// of that element; root = 1), `None` at a well-formed end. A part that ends with open
    /// elements (a truncated file) is an error, never a silent partial read.
    pub fn next(&mut self) -> Result<Option<(usize, Ev<'a>)>, Error> {
        if self.pop_pending {
            self.depth = self.depth.saturating_sub(1);
            self.pop_pending = false;
        }
        loop {
            let (res, ev) = match self.reader.read_resolved_event() {
                Ok(x) => x,
                Err(e) => {
                    let pos = self.reader.buffer_position();
                    return Err(Error::Xml {
                        part: self.part.to_owned(),
                        message: format!("{e} at byte {pos}"),
                    });
                }
            };
            let ns = classify(&res);
            match ev {
                Event::Start(e) => {
                    self.depth += 1;
                    self.seen_root = true;
                    return Ok(Some((self.depth, Ev::Start(ns, e, false))));
                }
                Event::Empty(e) => {
                    self.seen_root = true;
                    return Ok(Some((self.depth, Ev::Start(ns, e, true))));
                }
                Event::End(e) => {
                    self.pop_pending = true;
                    return Ok(Some((self.depth, Ev::End(ns, e))));
                }
                Event::Text(t) if self.depth > 0 => {
                    return Ok(Some((self.depth, Ev::Text(t.xml10_content()))));
                }
                Event::CData(t) if self.depth > 0 => {
                    return Ok(Some((self.depth, Ev::Text(t.xml10_content()))));
                }
                Event::GeneralRef(r) => {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten()
                    } else {
                        match r.as_ref() as &str {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        }
                    };
                    if let Some(c) = c {
                        return Ok(Some((self.depth, Ev::Text(Cow::Owned(c.to_string())))));
                    }
                }
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.error(format!(
                            "unexpected end of part with {} element(s) still open (truncated?)",
                            self.depth
                        )));
                    }
                    if !self.seen_root {
                        return Err(self.error("no root element"));
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }
}

/// The unescaped value of the attribute with local name `local`, whatever its prefix.
/// Attribute prefixes are not checked: the elements read here carry no clashing names.
pub(super) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().as_ref() == local {
            return a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
                .or_else(|| Some(a.value.into_owned()));
        }
    }
    None
}

/// A WordprocessingML on/off value: absent `val` or `true`/`1`/`on` mean on.
pub(super) fn on_off(e: &BytesStart<'_>) -> bool {
    match attr(e, "val") {
        None => true,
        Some(v) => !matches!(v.as_str(), "false" | "0" | "off" | "none"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<String, Error> {
        let mut x = XmlPart::new(xml, "test.xml");
        let mut out = String::new();
        while let Some((_, ev)) = x.next()? {
            if let Ev::Text(t) = ev {
                out.push_str(&t);
            }
        }
        Ok(out)
    }

    #[test]
    fn entities_are_folded_into_text() {
        assert_eq!(
            texts("<a>x &amp; y &#233;&#x41;</a>").ok().as_deref(),
            Some("x & y éA")
        );
    }

    #[test]
    fn truncated_parts_fail() {
        let e = texts("<a><b>text").err();
        assert!(
            matches!(e, Some(Error::Xml { ref part, .. }) if part == "test.xml"),
            "{e:?}"
        );
        assert!(texts("").is_err());
        assert!(texts("<a></b>").is_err());
    }

    #[test]
    fn namespaces_are_matched_not_prefixes() {
        let xml = r#"<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:p/></x:document>"#;
        let mut x = XmlPart::new(xml, "d");
        let mut found = false;
        while let Ok(Some((_, ev))) = x.next() {
            if let Ev::Start(Ns::W, e, _) = ev {
                found |= e.local_name().as_ref() == "p";
            }
        }
        assert!(found);
    }
}
