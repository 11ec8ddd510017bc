//! DOCX rendering with docx-rs. Clause numbers are not typed into the text: headings,
//! sub-clauses and items are paragraphs that point at one numbering definition through
//! `w:numPr` (levels "%1.", "%1.%2" and "(%3)"), the way real contracts drafted in Word carry
//! their numbers. A reader has to resolve `numbering.xml` to see "7.2", as it must on real files.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Start, Style, StyleType,
};

use crate::Error;
use crate::source::{Block, Contract};

/// The id of the single abstract numbering and of the numbering instance that uses it.
// docx-rs's default numbering part already defines abstract numbering 1 and num 1; a
// second definition with the same id is ambiguous to readers, so ours takes 2.
const NUM_ID: usize = 2;
/// Style ids written into styles.xml.
const TITLE_STYLE: &str = "Title";
const HEADING_STYLE: &str = "Heading1";

/// Renders a contract as a DOCX archive (US letter, 1" margins, Calibri-free: Arial 10.5 pt).
pub fn render_docx(contract: &Contract) -> Result<Vec<u8>, Error> {
    let mut docx = Docx::new()
        .page_size(12_240, 15_840)
        .page_margin(
            PageMargin::new()
                .top(1440)
                .bottom(1440)
                .left(1440)
                .right(1440),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial"))
        .default_size(21)
        .add_style(
            Style::new(TITLE_STYLE, StyleType::Paragraph)
                .name("Title")
                .bold()
                .size(32)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new(HEADING_STYLE, StyleType::Paragraph)
                .name("Heading 1")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(24)
                .outline_lvl(0),
        )
        .add_abstract_numbering(clause_numbering())
        .add_numbering(Numbering::new(NUM_ID, NUM_ID));

    docx = docx.add_paragraph(
        Paragraph::new()
            .style(TITLE_STYLE)
            .add_run(Run::new().add_text(&contract.title)),
    );
    for block in &contract.blocks {
        let run = Run::new().add_text(block.text());
        let spacing = LineSpacing::new().after(120);
        let p = match block {
            Block::Heading { .. } => Paragraph::new()
                .style(HEADING_STYLE)
                .numbering(NumberingId::new(NUM_ID), IndentLevel::new(0)),
            Block::Clause { .. } => {
                Paragraph::new().numbering(NumberingId::new(NUM_ID), IndentLevel::new(1))
            }
            Block::Item { .. } => {
                Paragraph::new().numbering(NumberingId::new(NUM_ID), IndentLevel::new(2))
            }
            Block::Paragraph(_) => Paragraph::new(),
        };
        docx = docx.add_paragraph(p.line_spacing(spacing).add_run(run));
    }
    let mut buf = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buf)
        .map_err(|e| Error::Docx(e.to_string()))?;
    Ok(buf.into_inner())
}

/// The multi-level list every numbered paragraph uses: "1." / "1.1" / "(a)".
fn clause_numbering() -> AbstractNumbering {
    let level = |ilvl: usize, format: &str, text: &str, left: i32, hanging: i32| {
        Level::new(
            ilvl,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(left),
            Some(SpecialIndentType::Hanging(hanging)),
            None,
            None,
        )
    };
    AbstractNumbering::new(NUM_ID)
        .add_level(level(0, "decimal", "%1.", 432, 432).bold())
        .add_level(level(1, "decimal", "%1.%2", 720, 720))
        .add_level(level(2, "lowerLetter", "(%3)", 1152, 432))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn part(docx: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    fn sample() -> Vec<u8> {
        let c = crate::parse("s", include_str!("../tests/data/sample.txt")).unwrap();
        render_docx(&c).unwrap()
    }

    #[test]
    fn numbering_part_defines_the_clause_levels() {
        let numbering = part(&sample(), "word/numbering.xml");
        assert!(
            numbering.contains(r#"<w:lvlText w:val="%1." />"#),
            "{numbering}"
        );
        assert!(numbering.contains(r#"<w:lvlText w:val="%1.%2" />"#));
        assert!(numbering.contains(r#"<w:lvlText w:val="(%3)" />"#));
        assert!(numbering.contains(r#"<w:num w:numId="1">"#));
    }

    #[test]
    fn numbered_paragraphs_use_num_pr_and_carry_no_typed_numbers() {
        let doc = part(&sample(), "word/document.xml");
        // 2 headings + 3 sub-clauses + 3 items are numbered through numPr.
        assert_eq!(doc.matches("<w:numPr>").count(), 8, "{doc}");
        assert_eq!(doc.matches(r#"<w:ilvl w:val="0" />"#).count(), 2);
        assert_eq!(doc.matches(r#"<w:ilvl w:val="1" />"#).count(), 3);
        assert_eq!(doc.matches(r#"<w:ilvl w:val="2" />"#).count(), 3);
        assert_eq!(doc.matches(r#"<w:pStyle w:val="Heading1" />"#).count(), 2);
        assert!(doc.contains(">Definitions<"));
        assert!(doc.contains(">This Agreement lasts twelve (12) months.<"));
        assert!(
            !doc.contains(">2.1 "),
            "numbers must come from numbering.xml"
        );
        let styles = part(&sample(), "word/styles.xml");
        assert!(styles.contains(r#"w:styleId="Heading1""#));
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(sample(), sample());
    }
}
