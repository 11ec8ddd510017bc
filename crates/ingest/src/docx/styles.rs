//! `styles.xml`: the paragraph style chain, for heading levels and inherited numbering.
use std::collections::HashMap;

use super::xml::{Ev, Ns, XmlPart, attr};
use crate::Error;

/// Longest `basedOn` chain followed; real chains are a handful deep, cycles exist in the wild.
const MAX_CHAIN: usize = 16;

/// One style's properties that matter for text structure.
#[derive(Debug, Default, Clone)]
pub(super) struct Style {
    /// `w:name`, lowercased (`heading 1`).
    pub name: String,
    /// `w:basedOn`.
    pub based_on: Option<String>,
    /// `w:pPr/w:numPr/w:numId`.
    pub num_id: Option<String>,
    /// `w:pPr/w:numPr/w:ilvl`.
    pub ilvl: Option<u8>,
    /// `w:pPr/w:outlineLvl` (0-based).
    pub outline: Option<u8>,
}

/// All styles by id, and the default paragraph style.
#[derive(Debug, Default)]
pub(super) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(xml: &[u8], part: &str) -> Result<Styles, Error> {
        let mut out = Styles::default();
        let text = super::xml::decode(xml, part)?;
        let mut x = XmlPart::new(&text, part);
        let mut cur: Option<(String, Style)> = None;
        let mut style_depth = 0;
        let mut in_ppr = 0;
        // Depth of an element whose subtree is ignored (tracked formatting changes).
        let mut skip = 0;
        while let Some((depth, ev)) = x.next()? {
            match ev {
                Ev::Start(ns, e, empty) => {
                    if skip > 0 {
                        continue;
                    }
                    if ns != Ns::W {
                        continue;
                    }
                    let local = e.local_name();
                    match local.as_ref() {
                        "style" if !empty => {
                            let id = attr(&e, "styleId").unwrap_or_default();
                            if attr(&e, "default").is_some_and(|d| d == "1" || d == "true")
                                && attr(&e, "type").as_deref() == Some("paragraph")
                            {
                                out.default_paragraph = Some(id.clone());
                            }
                            cur = Some((id, Style::default()));
                            style_depth = depth;
                        }
                        "pPrChange" | "rPrChange" if !empty => skip = depth,
                        "pPr" if !empty && cur.is_some() => in_ppr = depth,
                        "name" => {
                            if let Some((_, s)) = cur.as_mut() {
                                s.name = attr(&e, "val").unwrap_or_default().to_lowercase();
                            }
                        }
                        "basedOn" => {
                            if let Some((_, s)) = cur.as_mut() {
                                s.based_on = attr(&e, "val");
                            }
                        }
                        "numId" if in_ppr > 0 => {
                            if let Some((_, s)) = cur.as_mut() {
                                s.num_id = attr(&e, "val");
                            }
                        }
                        "ilvl" if in_ppr > 0 => {
                            if let Some((_, s)) = cur.as_mut() {
                                s.ilvl = attr(&e, "val").and_then(|v| v.parse().ok());
                            }
                        }
                        "outlineLvl" if in_ppr > 0 => {
                            if let Some((_, s)) = cur.as_mut() {
                                s.outline = attr(&e, "val").and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Ev::End(_, _) => {
                    if skip > 0 {
                        if depth == skip {
                            skip = 0;
                        }
                        continue;
                    }
                    if depth == in_ppr {
                        in_ppr = 0;
                    }
                    if depth == style_depth
                        && let Some((id, s)) = cur.take()
                    {
                        out.styles.entry(id).or_insert(s);
                    }
                }
                Ev::Text(_) => {}
            }
        }
        Ok(out)
    }

    /// The style chain of a paragraph style id (itself first), or of the default paragraph
    /// style when the paragraph names none.
    pub fn chain<'s>(&'s self, id: Option<&str>) -> Vec<&'s Style> {
        let mut out = Vec::new();
        let mut next = id.or(self.default_paragraph.as_deref());
        while let Some(id) = next {
            if out.len() >= MAX_CHAIN {
                break;
            }
            let Some(s) = self.styles.get(id) else { break };
            out.push(s);
            next = s.based_on.as_deref();
        }
        out
    }

    /// A style by id.
    pub fn get(&self, id: &str) -> Option<&Style> {
        self.styles.get(id)
    }

    /// Heading level (1-based) of a paragraph with style `id` and direct outline level
    /// `direct` (0-based, 9 = body text).
    pub fn heading_level(&self, id: Option<&str>, direct: Option<u8>) -> Option<u8> {
        if let Some(o) = direct {
            return (o < 9).then_some(o + 1);
        }
        for s in self.chain(id) {
            if let Some(level) = heading_name_level(&s.name) {
                return Some(level);
            }
            if let Some(o) = s.outline {
                return (o < 9).then_some(o + 1);
            }
        }
        None
    }

    /// Numbering inherited from the style chain: (numId, ilvl if the style gives one).
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, Option<u8>, Option<String>)> {
        let chain_ids = self.chain_ids(id);
        for (sid, s) in chain_ids {
            if let Some(n) = &s.num_id {
                return Some((n.clone(), s.ilvl, Some(sid.to_owned())));
            }
        }
        None
    }

    fn chain_ids<'s>(&'s self, id: Option<&'s str>) -> Vec<(&'s str, &'s Style)> {
        let mut out = Vec::new();
        let mut next = id.or(self.default_paragraph.as_deref());
        while let Some(id) = next {
            if out.len() >= MAX_CHAIN {
                break;
            }
            let Some(s) = self.styles.get(id) else { break };
            out.push((id, s));
            next = s.based_on.as_deref();
        }
        out
    }
}

/// `heading 3` -> 3, `title` -> 1: the built-in style names Word uses in every language
/// (the localised name is only shown in the UI).
fn heading_name_level(name: &str) -> Option<u8> {
    if name == "title" {
        return Some(1);
    }
    let n = name.strip_prefix("heading")?.trim();
    n.parse::<u8>().ok().filter(|l| (1..=9).contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My Head"/><w:basedOn w:val="Heading2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="l1"/><w:basedOn w:val="Loop2"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="l2"/><w:basedOn w:val="Loop1"/></w:style>
      <w:style w:type="paragraph" w:styleId="List"><w:name w:val="List Clause"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
    </w:styles>"#;

    #[test]
    fn heading_levels_come_through_the_chain() {
        let s = Styles::parse(XML.as_bytes(), "styles.xml")
            .ok()
            .unwrap_or_default();
        assert_eq!(s.heading_level(Some("Heading2"), None), Some(2));
        assert_eq!(s.heading_level(Some("Mine"), None), Some(2));
        assert_eq!(s.heading_level(None, None), None);
        assert_eq!(s.heading_level(Some("Normal"), Some(0)), Some(1));
        assert_eq!(s.heading_level(Some("Loop1"), None), None, "cycles end");
        assert_eq!(
            s.heading_level(Some("List"), None),
            None,
            "outline 9 is body text"
        );
        let n = s.numbering(Some("List"));
        assert_eq!(n.map(|(id, l, _)| (id, l)), Some(("4".to_owned(), Some(1))));
    }
}
