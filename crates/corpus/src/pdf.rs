//! PDF rendering with lopdf: US-letter pages, Helvetica and Helvetica-Bold (standard 14 fonts,
//! WinAnsiEncoding, not embedded), text wrapped at a fixed measure with the fonts' AFM widths,
//! clause numbers typed as text ("7.", "7.2", "(a)") with a hanging indent, and a footer
//! "Page N of M" on every page. Content streams are left uncompressed and nothing time-dependent
//! is written, so the bytes are reproducible.

use lopdf::{Document, Object, Stream, dictionary};

use crate::Error;
use crate::metrics::{Font, encode, text_width};
use crate::source::{Block, Contract};

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 72.0;
const BODY_SIZE: f32 = 10.5;
const LEADING: f32 = 13.5;
const HEADING_SIZE: f32 = 11.5;
const TITLE_SIZE: f32 = 15.0;
const FOOTER_SIZE: f32 = 9.0;
const FOOTER_Y: f32 = 40.0;
/// Space after each block, and extra space before a heading.
const BLOCK_GAP: f32 = 6.0;
const HEADING_GAP: f32 = 8.0;

/// Where a block's number and text start, measured from the left margin.
fn indents(block: &Block) -> (f32, f32) {
    match block {
        Block::Heading { .. } => (0.0, 22.0),
        Block::Clause { .. } => (22.0, 50.0),
        Block::Item { .. } => (50.0, 72.0),
        Block::Paragraph(_) => (0.0, 0.0),
    }
}

/// One line of text placed on a page.
struct Placed {
    x: f32,
    y: f32,
    font: Font,
    size: f32,
    text: String,
}

/// Lays out pages as lists of placed lines.
struct Layout {
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    /// Starts a new page unless `needed` points still fit above the bottom margin.
    fn ensure(&mut self, needed: f32) {
        if self.y - needed < MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
    }

    fn put(&mut self, x: f32, font: Font, size: f32, text: String) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed {
                x,
                y,
                font,
                size,
                text,
            });
        }
    }
}

/// Greedy word wrap at `width` points; a word longer than the line is split by characters.
fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(font, size, &candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone may still be too long: cut it where it stops fitting.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if text_width(font, size, &piece) > width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Places the whole contract on pages.
fn layout(contract: &Contract) -> Layout {
    let measure = PAGE_WIDTH - 2.0 * MARGIN;
    let mut l = Layout::new();
    for line in wrap(&contract.title, Font::Bold, TITLE_SIZE, measure) {
        l.ensure(TITLE_SIZE);
        l.y -= TITLE_SIZE;
        let x = MARGIN + (measure - text_width(Font::Bold, TITLE_SIZE, &line)) / 2.0;
        l.put(x, Font::Bold, TITLE_SIZE, line);
        l.y -= 4.0;
    }
    l.y -= 2.0 * BLOCK_GAP;
    for block in &contract.blocks {
        let (font, size) = match block {
            Block::Heading { .. } => (Font::Bold, HEADING_SIZE),
            _ => (Font::Regular, BODY_SIZE),
        };
        let (label_x, text_x) = indents(block);
        let lines = wrap(block.text(), font, size, measure - text_x);
        if matches!(block, Block::Heading { .. }) {
            l.y -= HEADING_GAP;
            // Keep a heading with the first two lines of what follows it.
            l.ensure(LEADING * 3.0);
        }
        let mut label = block.label();
        for line in lines {
            l.ensure(LEADING);
            l.y -= LEADING;
            if let Some(label) = label.take() {
                l.put(MARGIN + label_x, font, size, label);
            }
            l.put(MARGIN + text_x, font, size, line);
        }
        l.y -= BLOCK_GAP;
    }
    l
}

/// A PDF literal string body: WinAnsi bytes with `(`, `)` and `\` escaped and bytes outside
/// printable ASCII written as octal escapes.
fn pdf_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    for b in encode(text) {
        match b {
            b'(' | b')' | b'\\' => {
                s.push('\\');
                s.push(char::from(b));
            }
            32..=126 => s.push(char::from(b)),
            _ => s.push_str(&format!("\\{b:03o}")),
        }
    }
    s
}

/// The content stream of one page: its lines and the footer.
fn page_content(lines: &[Placed], page: usize, pages: usize) -> Vec<u8> {
    let mut out = String::new();
    for p in lines {
        let font = match p.font {
            Font::Regular => "F1",
            Font::Bold => "F2",
        };
        out.push_str(&format!(
            "BT /{font} {:.1} Tf {:.2} {:.2} Td ({}) Tj ET\n",
            p.size,
            p.x,
            p.y,
            pdf_string(&p.text)
        ));
    }
    let footer = format!("Page {page} of {pages}");
    let x = (PAGE_WIDTH - text_width(Font::Regular, FOOTER_SIZE, &footer)) / 2.0;
    out.push_str(&format!(
        "BT /F1 {FOOTER_SIZE:.1} Tf {x:.2} {FOOTER_Y:.2} Td ({}) Tj ET\n",
        pdf_string(&footer)
    ));
    out.into_bytes()
}

/// Renders a contract as a PDF document (see the module docs for the layout).
pub fn render_pdf(contract: &Contract) -> Result<Vec<u8>, Error> {
    let layout = layout(contract);
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => Object::Name(name.as_bytes().to_vec()),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let regular = doc.add_object(font("Helvetica"));
    let bold = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let total = layout.pages.len();
    let mut kids = Vec::with_capacity(total);
    for (i, lines) in layout.pages.iter().enumerate() {
        let content = doc.add_object(Stream::new(
            dictionary! {},
            page_content(lines, i + 1, total),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content,
            "Resources" => resources,
        });
        kids.push(Object::Reference(page));
    }
    let count = i64::try_from(total).map_err(|e| Error::Pdf(e.to_string()))?;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info = doc.add_object(dictionary! {
        "Title" => Object::string_literal(encode(&contract.title)),
        "Producer" => Object::string_literal("clauselint-corpus"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut buf = Vec::new();
    doc.save_to(&mut buf)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Contract {
        crate::parse("s", include_str!("../tests/data/sample.txt")).unwrap()
    }

    /// A contract long enough to need several pages.
    fn long() -> Contract {
        let mut src = String::from("# Long Agreement\n");
        for h in 1..=12 {
            src.push_str(&format!("## {h}. Heading {h}\n"));
            for c in 1..=4 {
                src.push_str(&format!(
                    "{h}.{c} The Provider shall perform clause {h}.{c} with reasonable skill and care, \
                     in accordance with good industry practice, within thirty (30) days.\n"
                ));
            }
        }
        crate::parse("long", &src).unwrap()
    }

    #[test]
    fn loads_back_with_one_page_and_the_text() {
        let bytes = render_pdf(&sample()).unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1);
        let content = String::from_utf8_lossy(&doc.get_page_content(pages[&1])).into_owned();
        assert!(content.contains("(2.1) Tj"), "{content}");
        assert!(content.contains("(This Agreement lasts twelve \\(12\\) months.) Tj"));
        assert!(content.contains("(Page 1 of 1) Tj"));
        assert!(content.contains("/F2 11.5 Tf"));
    }

    #[test]
    fn long_contracts_span_pages_with_running_footer() {
        let bytes = render_pdf(&long()).unwrap();
        let doc = Document::load_mem(&bytes).unwrap();
        let pages = doc.get_pages();
        let n = pages.len();
        assert!(n >= 3, "{n} pages");
        for (num, id) in &pages {
            let content = String::from_utf8_lossy(&doc.get_page_content(*id)).into_owned();
            assert!(
                content.contains(&format!("(Page {num} of {n}) Tj")),
                "page {num}"
            );
        }
        assert!(render_pdf(&long()).unwrap() == bytes, "deterministic");
    }

    #[test]
    fn wrapped_lines_fit_the_measure() {
        let text = "Notwithstanding anything to the contrary in this Agreement, the Provider may retain \
                    copies of Client Data in routine backup media for up to thirty (30) days.";
        let lines = wrap(text, Font::Regular, BODY_SIZE, 200.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(
                text_width(Font::Regular, BODY_SIZE, line) <= 200.0,
                "{line}"
            );
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        // A word longer than the measure is cut rather than overflowing.
        let cut = wrap(&"W".repeat(50), Font::Bold, BODY_SIZE, 100.0);
        assert!(
            cut.len() > 1
                && cut
                    .iter()
                    .all(|l| text_width(Font::Bold, BODY_SIZE, l) <= 100.0)
        );
    }

    #[test]
    fn strings_are_escaped_and_win_ansi_encoded() {
        assert_eq!(pdf_string("a(b)\\c"), "a\\(b\\)\\\\c");
        assert_eq!(pdf_string("Client\u{2019}s"), "Client\\222s");
    }
}
