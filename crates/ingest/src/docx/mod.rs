//! DOCX reading: a streaming quick-xml walk over the package's story parts.
//!
//! The main part is found through `_rels/.rels` (not assumed to be `word/document.xml`),
//! WordprocessingML is matched by namespace (transitional and strict), never by prefix, and
//! list numbers are rendered from `numbering.xml` because clause numbers are evidence.
//! Malformed or truncated XML fails with [`Error::Xml`] naming the part; sizes are capped.
mod body;
mod numbering;
mod package;
mod styles;
mod xml;

use body::{Story, Walker};
use numbering::{Counters, Definitions};
use package::Package;
use styles::Styles;
use xml::{Ev, Ns, XmlPart};

use crate::{Error, RawDocument, ReadOptions};

/// Whether the bytes are a ZIP holding a Word main document part.
pub(crate) fn has_main_part(bytes: &[u8]) -> Result<bool, Error> {
    let mut pkg = Package::open(bytes, &crate::Limits::default())?;
    Ok(pkg.main_part()?.is_some())
}

/// Reads a DOCX into raw blocks: the body in reading order, then headers, footers,
/// footnotes and endnotes.
pub(crate) fn read(bytes: &[u8], options: &ReadOptions) -> Result<RawDocument, Error> {
    let mut pkg = Package::open(bytes, &options.limits)?;
    let main = pkg
        .main_part()?
        .ok_or_else(|| Error::Docx("no main document part (word/document.xml)".to_owned()))?;
    let rels = pkg.relationships(&main)?;
    let first = |kind: &str| {
        rels.iter()
            .find(|r| r.kind == kind)
            .map(|r| r.target.clone())
    };

    let styles = match first("styles") {
        Some(p) => match pkg.read(&p)? {
            Some(xml) => Styles::parse(&xml, &p)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let numbering = match first("numbering") {
        Some(p) => match pkg.read(&p)? {
            Some(xml) => Definitions::parse(&xml, &p)?,
            None => Definitions::default(),
        },
        None => Definitions::default(),
    };
    let body = pkg
        .read(&main)?
        .ok_or_else(|| Error::Docx(format!("main part {main} is missing")))?;
    let mut walker = Walker {
        styles: &styles,
        numbering: &numbering,
        counters: Counters::default(),
        options,
        blocks: Vec::new(),
        tracked_changes: false,
        paragraphs: 0,
    };
    walker.walk(&body, &main, Story::Body)?;
    drop(body);

    // Headers and footers in part-name order (header1, header2 …), then the notes.
    let mut stories: Vec<(String, Story)> = Vec::new();
    for (kind, story) in [
        ("header", Story::Header),
        ("footer", Story::Footer),
        ("footnotes", Story::Notes),
        ("endnotes", Story::Notes),
    ] {
        let mut parts: Vec<String> = rels
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.target.clone())
            .collect();
        parts.sort_by_key(|p| natural_key(p));
        parts.dedup();
        stories.extend(parts.into_iter().map(|p| (p, story)));
    }
    for (part, story) in stories {
        if let Some(xml) = pkg.read(&part)? {
            walker.walk(&xml, &part, story)?;
        }
    }

    let mut raw = RawDocument {
        blocks: walker.blocks,
        ..RawDocument::default()
    };
    raw.metadata.tracked_changes = walker.tracked_changes;
    raw.metadata.title = title(&mut pkg)?.or_else(|| {
        raw.blocks
            .iter()
            .find(|b| b.kind == clauselint_model::BlockKind::Heading)
            .map(|b| b.text.clone())
    });
    Ok(raw)
}

/// `header10.xml` sorts after `header2.xml`.
fn natural_key(s: &str) -> (String, u64) {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let stem: String = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    (stem, digits.parse().unwrap_or(0))
}

/// `dc:title` from the core properties part, if it says something.
fn title(pkg: &mut Package<'_>) -> Result<Option<String>, Error> {
    let rels = pkg.relationships("")?;
    let part = rels
        .iter()
        .find(|r| r.kind == "core-properties")
        .map(|r| r.target.clone())
        .unwrap_or_else(|| "docProps/core.xml".to_owned());
    let Some(xml) = pkg.read(&part)? else {
        return Ok(None);
    };
    // Core properties are metadata: a damaged part loses the title, not the document.
    let Ok(text) = xml::decode(&xml, &part) else {
        return Ok(None);
    };
    let mut x = XmlPart::new(&text, &part);
    let mut in_title = 0;
    let mut out = String::new();
    while let Ok(Some((depth, ev))) = x.next() {
        match ev {
            Ev::Start(Ns::Dc, e, false) if e.local_name().as_ref() == "title" => in_title = depth,
            Ev::End(_, _) if depth == in_title => in_title = 0,
            Ev::Text(t) if in_title > 0 => out.push_str(&t),
            _ => {}
        }
    }
    let t = body::normalise(&out);
    Ok((!t.is_empty()).then_some(t))
}

#[cfg(test)]
mod tests {
    use clauselint_model::BlockKind;

    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn blocks(name: &str, options: &ReadOptions) -> Vec<(BlockKind, Option<String>, String)> {
        let raw = read(&fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"));
        raw.blocks
            .into_iter()
            .map(|b| (b.kind, b.number, b.text))
            .collect()
    }

    fn numbers(name: &str) -> Vec<(Option<String>, String)> {
        blocks(name, &ReadOptions::default())
            .into_iter()
            .map(|(_, n, t)| (n, t))
            .collect()
    }

    #[test]
    fn numbering_is_rendered_with_levels_styles_and_overrides() {
        let got = numbers("numbering.docx");
        let want: Vec<(Option<&str>, &str)> = vec![
            (None, "Master Services Agreement"),
            (Some("1."), "Definitions"),
            (Some("1.1"), "Affiliate means any entity."),
            (Some("(a)"), "first item"),
            (Some("(b)"), "second item"),
            (Some("(i)"), "sub item"),
            (None, "a bullet"),
            (Some("2."), "Term"),
            (Some("2.1"), "The term is two years."),
            (None, "Not numbered"),
            (Some("Article I"), "General"),
            (Some("Section 1.01"), "Notices go to the address above."),
            (Some("Section 1.02"), "Assignment is not allowed."),
            (Some("7."), "Restarted list"),
        ];
        let got: Vec<(Option<&str>, &str)> = got
            .iter()
            .map(|(n, t)| (n.as_deref(), t.as_str()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn headings_come_from_styles_and_title_from_core_properties() {
        let raw = read(&fixture("numbering.docx"), &ReadOptions::default()).ok();
        let raw = raw.unwrap_or_default();
        assert_eq!(raw.metadata.title.as_deref(), Some("Fixture Title"));
        assert_eq!(raw.blocks[0].kind, BlockKind::Heading);
        assert_eq!(raw.blocks[0].level, Some(1));
        assert_eq!(
            raw.blocks[10].kind,
            BlockKind::Heading,
            "style based on Heading 1"
        );
        assert_eq!(raw.blocks[1].kind, BlockKind::Paragraph);
        assert_eq!(raw.blocks[2].location.paragraph, Some(3));
        assert_eq!(
            raw.blocks[7].location.paragraph,
            Some(9),
            "empty paragraphs still count"
        );
    }

    #[test]
    fn tracked_changes_read_accepted_or_original() {
        let accepted = read(&fixture("tracked.docx"), &ReadOptions::default()).unwrap_or_default();
        assert!(accepted.metadata.tracked_changes);
        let texts: Vec<&str> = accepted.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Fees are twenty dollars.", "Old place."]);
        let original = ReadOptions {
            original_view: true,
            ..ReadOptions::default()
        };
        let texts: Vec<String> = blocks("tracked.docx", &original)
            .into_iter()
            .map(|b| b.2)
            .collect();
        assert_eq!(texts, ["Fees are ten dollars. Old place."]);
    }

    #[test]
    fn alternate_content_is_read_once_after_its_anchor() {
        let texts: Vec<String> = blocks("alternate.docx", &ReadOptions::default())
            .into_iter()
            .map(|b| b.2)
            .collect();
        assert_eq!(texts, ["Before the box.", "Boxed text.", "After the box."]);
    }

    #[test]
    fn fields_runs_tables_and_side_stories() {
        let got = blocks("fields.docx", &ReadOptions::default());
        assert_eq!(
            got[0].2,
            "See Section 4.2 and 7, the link in Paris (controlled)\ttabbed broken-hyphen§ softhyphen nbsp \u{201C}quoted\u{201D}",
            "field results kept, instructions and hidden text dropped, text normalised"
        );
        let rest: Vec<(BlockKind, &str)> = got[1..].iter().map(|b| (b.0, b.2.as_str())).collect();
        assert_eq!(
            rest,
            [
                (BlockKind::TableCell, "A1"),
                (BlockKind::TableCell, "inner"),
                (BlockKind::TableCell, "B1"),
                (BlockKind::TableCell, "A2"),
                (BlockKind::Paragraph, "Body end."),
                (BlockKind::Header, "Confidential header"),
                (BlockKind::Footer, "Page footer"),
                (BlockKind::Note, "A footnote."),
            ]
        );
    }

    #[test]
    fn strict_namespace_other_prefix_and_renamed_main_part() {
        let texts: Vec<String> = blocks("strict.docx", &ReadOptions::default())
            .into_iter()
            .map(|b| b.2)
            .collect();
        assert_eq!(texts, ["1. Strict clause text.", "Second paragraph."]);
    }

    #[test]
    fn broken_packages_fail_fast_with_the_part_named() {
        let e = read(&fixture("truncated.docx"), &ReadOptions::default()).err();
        assert!(
            matches!(&e, Some(Error::Xml { part, .. }) if part == "word/document.xml"),
            "{e:?}"
        );
        let e = read(&fixture("bomb.docx"), &ReadOptions::default()).err();
        assert!(matches!(e, Some(Error::TooLarge(_))), "{e:?}");
        let e = read(b"PK\x03\x04 not really a zip", &ReadOptions::default()).err();
        assert!(matches!(e, Some(Error::Docx(_))), "{e:?}");
    }
}
