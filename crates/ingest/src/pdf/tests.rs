use super::*;
use lopdf::{Dictionary, Stream, StringFormat, dictionary};

/// Builds a PDF whose pages show the given content streams. Fonts: `/F1` Helvetica with
/// WinAnsiEncoding and no widths, `/F2` an Identity-H CID font with a ToUnicode map
/// (`0001`→"H", `0002`→"i", `0003`→space, `0004`→"ﬁ"), `/F3` a simple font with a
/// `/Differences` array (1 = f_i, 2 = quoteright, 3 = uni00A7, 4 = a). `/X1` is a form showing
/// "In form" that also calls itself.
fn build_pdf(pages: &[&str]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let f1 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let to_unicode = doc.add_object(Stream::new(
        Dictionary::new(),
        b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
          3 beginbfchar <0001> <0048> <0003> <0020> <0004> <FB01> endbfchar
          1 beginbfrange <0002> <0002> <0069> endbfrange endcmap"
            .to_vec(),
    ));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
        "DW" => 1000, "W" => vec![Object::Integer(1), Object::Array(vec![700.into(), 250.into(), 250.into(), 550.into()])],
    });
    let f2 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(descendant)], "ToUnicode" => to_unicode,
    });
    let f3 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Custom",
        "FirstChar" => 1, "Widths" => vec![556.into(), 278.into(), 556.into(), 556.into()],
        "Encoding" => dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), Object::Name(b"f_i".to_vec()), Object::Name(b"quoteright".to_vec()),
                Object::Name(b"uni00A7".to_vec()), Object::Name(b"a".to_vec())],
        },
    });
    let form_id = doc.new_object_id();
    let form_resources = dictionary! { "Font" => dictionary! { "F1" => f1 }, "XObject" => dictionary! { "X1" => form_id } };
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => form_resources },
        b"BT /F1 12 Tf 72 400 Td (In form) Tj ET /X1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => f1, "F2" => f2, "F3" => f3 },
        "XObject" => dictionary! { "X1" => form_id },
    });
    let mut kids = Vec::new();
    for content in pages {
        let content_id =
            doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let info = doc.add_object(dictionary! {
        "Title" => Object::String(b"Test Agreement".to_vec(), StringFormat::Literal),
    });
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn texts(raw: &RawDocument) -> Vec<(BlockKind, &str)> {
    raw.blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

fn body(raw: &RawDocument) -> Vec<&str> {
    raw.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn lines_words_and_kerning() {
    let pdf = build_pdf(&[
        "BT /F1 12 Tf 72 700 Td (7.2 Governing) Tj ( Law) Tj 0 -14 Td [(Ker) 30 (ned) -20 (word)] TJ \
         0 -14 Td [(two) -300 (words)] TJ ET \
         BT /F1 12 Tf 72 650 Td (left) Tj ET BT /F1 12 Tf 130 650 Td (right) Tj ET",
    ]);
    let raw = read(&pdf).unwrap();
    assert_eq!(
        body(&raw),
        ["7.2 Governing Law", "Kernedword", "two words", "left right"]
    );
    assert_eq!(raw.metadata.pages, Some(1));
    assert_eq!(raw.metadata.title.as_deref(), Some("Test Agreement"));
    let first = &raw.blocks[0];
    assert_eq!(first.location.page, Some(1));
    assert_eq!(first.location.line, Some(1));
    assert_eq!(first.number, None);
}

#[test]
fn text_state_operators_place_lines() {
    // TL + T*, the ' and " operators, Tm, cm scaling and Tz all move or size the text.
    let pdf = build_pdf(&[
        "BT /F1 10 Tf 14 TL 1 0 0 1 72 700 Tm (one) Tj T* (two) Tj (three) ' 2 1 (four) \" ET \
         q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 250 Td 50 Tz (scaled text) Tj ET Q \
         BT /F1 10 Tf 72 300 Td 3 Ts (raised) Tj 0 Ts ( base) Tj ET",
    ]);
    let raw = read(&pdf).unwrap();
    assert_eq!(
        body(&raw),
        ["one", "two", "three", "four", "scaled text", "raised base"]
    );
}

#[test]
fn cid_font_with_tounicode_and_ligature() {
    let pdf = build_pdf(&["BT /F2 12 Tf 72 700 Td <0001000200030004000200030001> Tj ET"]);
    let raw = read(&pdf).unwrap();
    assert_eq!(body(&raw), ["Hi fii H"]);
}

#[test]
fn differences_encoding_with_glyph_names() {
    let pdf = build_pdf(&["BT /F3 12 Tf 72 700 Td <01020304> Tj ( A) Tj ET"]);
    let raw = read(&pdf).unwrap();
    assert_eq!(body(&raw), ["fi\u{2019}§a A"]);
}

#[test]
fn form_xobjects_run_once_per_level_without_endless_recursion() {
    let pdf = build_pdf(&["/X1 Do BT /F1 12 Tf 72 700 Td (Page text) Tj ET"]);
    let raw = read(&pdf).unwrap();
    let lines = body(&raw);
    assert_eq!(lines[0], "Page text");
    // The self-calling form draws at the same place at every level: one line survives.
    assert_eq!(lines[1], "In form");
    assert_eq!(lines.len(), 2);
}

#[test]
fn hyphenated_words_are_joined_across_lines() {
    let pdf = build_pdf(&[
        "BT /F1 12 Tf 72 700 Td (upon termi-) Tj 0 -14 Td (nation of this) Tj 0 -14 Td (Non-) Tj \
         0 -14 Td (Compete stays) Tj 0 -14 Td (whole-) Tj 0 -14 Td (word) Tj \
         0 -14 Td (a non-) Tj 0 -14 Td (exclusive and third-) Tj 0 -14 Td (party licence) Tj ET",
    ]);
    let raw = read(&pdf).unwrap();
    assert_eq!(
        body(&raw),
        [
            "upon termination",
            "of this",
            "Non-",
            "Compete stays",
            "wholeword",
            "a non-exclusive",
            "and third-party",
            "licence"
        ]
    );
}

#[test]
fn running_headers_footers_and_page_numbers() {
    let page = |n: usize| {
        format!(
            "BT /F1 9 Tf 72 760 Td (ACME Corp. Confidential - Draft {n}) Tj ET \
             BT /F1 12 Tf 72 600 Td (Body text of page {n}.) Tj ET \
             BT /F1 9 Tf 300 30 Td (Page {n} of 4) Tj ET"
        )
    };
    let pages: Vec<String> = (1..=4).map(page).collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let raw = read(&build_pdf(&refs)).unwrap();
    let got = texts(&raw);
    assert_eq!(got.len(), 12);
    for (p, chunk) in got.chunks(3).enumerate() {
        assert_eq!(chunk[0].0, BlockKind::Header, "{chunk:?}");
        assert_eq!(
            chunk[1],
            (
                BlockKind::Paragraph,
                format!("Body text of page {}.", p + 1).as_str()
            )
        );
        assert_eq!(chunk[2].0, BlockKind::Footer);
    }
    assert_eq!(raw.blocks[4].location.page, Some(2));
    assert_eq!(raw.blocks[4].location.line, Some(2));
}

#[test]
fn lone_page_number_in_margin_is_footer_even_on_short_documents() {
    let pdf = build_pdf(&[
        "BT /F1 12 Tf 72 700 Td (Only body.) Tj ET BT /F1 10 Tf 300 30 Td (- 1 -) Tj ET",
    ]);
    let raw = read(&pdf).unwrap();
    assert_eq!(
        texts(&raw),
        [
            (BlockKind::Paragraph, "Only body."),
            (BlockKind::Footer, "- 1 -")
        ]
    );
}

#[test]
fn page_number_shapes() {
    for yes in [
        "3",
        "- 3 -",
        "Page 3",
        "page 3 of 10",
        "3/10",
        "iv",
        "[12]",
        "— 7 —",
    ] {
        assert!(is_page_number(yes), "{yes}");
    }
    for no in ["3. Term", "Section 3", "2020 Agreement", "", "-", "Page"] {
        assert!(!is_page_number(no), "{no}");
    }
}

#[test]
fn pages_without_text_are_no_text_layer() {
    let pdf = build_pdf(&["0 0 m 100 100 l S", "q 1 0 0 1 0 0 cm Q"]);
    assert!(matches!(read(&pdf), Err(Error::NoTextLayer)));
}

#[test]
fn garbage_and_truncation_are_errors_not_panics() {
    assert!(matches!(read(b"%PDF-1.4\n garbage"), Err(Error::Pdf(_))));
    assert!(read(b"").is_err());
    let pdf = build_pdf(&["BT /F1 12 Tf 72 700 Td (Hello) Tj ET"]);
    for cut in [10, pdf.len() / 3, pdf.len() / 2, pdf.len() - 40] {
        // Whatever lopdf recovers, the reader answers without panicking.
        let _ = read(&pdf[..cut]);
    }
}

#[test]
fn broken_content_and_missing_fonts_degrade_gracefully() {
    let pdf = build_pdf(&[
        "BT /Nope 12 Tf 72 700 Td (Still here) Tj ET BT /F1 12 Tf 1 0 0 1 72 600 Tm (Before junk) Tj ET ) ] >> <<",
    ]);
    let raw = read(&pdf).unwrap();
    assert_eq!(body(&raw), ["Still here", "Before junk"]);
}

#[test]
fn two_columns_are_read_left_then_right() {
    let mut content =
        String::from("BT /F1 14 Tf 150 740 Td (A Title Across Both Columns Here) Tj ET ");
    for i in 0..8 {
        let y = 700 - 14 * i;
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (left column line {i}) Tj ET "
        ));
        content.push_str(&format!(
            "BT /F1 10 Tf 320 {} Td (right column line {i}) Tj ET ",
            y - 3
        ));
    }
    let raw = read(&build_pdf(&[&content])).unwrap();
    let lines = body(&raw);
    assert_eq!(lines.len(), 17, "{lines:?}");
    assert_eq!(lines[0], "A Title Across Both Columns Here");
    for i in 0..8 {
        assert_eq!(lines[1 + i], format!("left column line {i}"));
        assert_eq!(lines[9 + i], format!("right column line {i}"));
    }
}

#[test]
fn single_column_prose_is_not_split() {
    let mut content = String::new();
    for i in 0..10 {
        let y = 700 - 14 * i;
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (Line {i} of prose that runs across the whole width of the page text.) Tj ET "
        ));
    }
    let raw = read(&build_pdf(&[&content])).unwrap();
    let lines = body(&raw);
    assert_eq!(lines.len(), 10);
    assert!(lines[3].starts_with("Line 3 of prose") && lines[3].ends_with("page text."));
}

#[test]
fn table_rows_are_read_across_not_as_columns() {
    // A three-column table: its gutter-like gap between the second and third column must not
    // turn the third column into a column of text read after all the rows.
    let mut content = String::from(
        "BT /F1 10 Tf 72 720 Td (Domain Name) Tj ET BT /F1 10 Tf 250 720 Td (Expiration date) Tj ET \
         BT /F1 10 Tf 470 720 Td (Owner) Tj ET ",
    );
    for i in 0..8 {
        let y = 700 - 14 * i;
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (domain{i}.com) Tj ET BT /F1 10 Tf 250 {y} Td (1{i}-Jun-2019) Tj ET \
             BT /F1 10 Tf 470 {y} Td (AFI) Tj ET "
        ));
    }
    let raw = read(&build_pdf(&[&content])).unwrap();
    let lines = body(&raw);
    assert_eq!(lines.len(), 9, "{lines:?}");
    assert_eq!(lines[0], "Domain Name Expiration date Owner");
    for i in 0..8 {
        assert_eq!(lines[1 + i], format!("domain{i}.com 1{i}-Jun-2019 AFI"));
    }
}

#[test]
fn table_of_contents_keeps_page_numbers_on_their_rows() {
    let mut content = String::new();
    for i in 0..10 {
        let y = 700 - 14 * i;
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (3.{i} Heading number {i}) Tj ET BT /F1 10 Tf 520 {y} Td ({}) Tj ET ",
            i + 4
        ));
    }
    let raw = read(&build_pdf(&[&content])).unwrap();
    let lines = body(&raw);
    assert_eq!(lines.len(), 10, "{lines:?}");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(*line, format!("3.{i} Heading number {i} {}", i + 4));
    }
}

#[test]
fn clause_number_set_apart_by_position_gets_a_space() {
    // Helvetica: "2.1" is 13.9 pt wide at 10 pt; "Term." starts 1.25 pt (0.125 em) after it,
    // as a heading placed at a tab stop. The same gap inside "AT&T" is kerning.
    let pdf = build_pdf(
        &["BT /F1 10 Tf 72 700 Td (2.1) Tj 15.15 0 Td (Term.) Tj ET \
         BT /F1 10 Tf 72 680 Td (AT&) Tj 20.7 0 Td (T) Tj ET \
         BT /F1 10 Tf 72 660 Td (10) Tj 11.6 0 Td (th day) Tj ET"],
    );
    let raw = read(&pdf).unwrap();
    assert_eq!(body(&raw), ["2.1 Term.", "AT&T", "10th day"]);
}

#[test]
fn running_footer_block_above_the_margin_is_found_by_repetition() {
    // Pages scaled differently put the same footer block at different heights, above the
    // bottom margin; its lines repeat at the same rank from the bottom edge.
    let page = |n: usize| {
        let top = 330 + 12 * n;
        let mut content = String::new();
        for l in 0..6 {
            content.push_str(&format!(
                "BT /F1 11 Tf 72 {} Td (Body line {l} of page {n}, which says something.) Tj ET ",
                680 - 14 * l
            ));
        }
        format!(
            "{content}BT /F1 8 Tf 72 {top} Td (Proprietary and Confidential) Tj ET \
             BT /F1 8 Tf 72 {} Td (Not for use or disclosure outside the parties.) Tj ET \
             BT /F1 8 Tf 300 {} Td ({n}) Tj ET \
             BT /F1 8 Tf 72 30 Td (Source: ACME CORP., 10-Q, 11/8/2019) Tj ET",
            top - 10,
            top - 20
        )
    };
    let pages: Vec<String> = (1..=6).map(page).collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let raw = read(&build_pdf(&refs)).unwrap();
    for (p, chunk) in texts(&raw).chunks(10).enumerate() {
        let kinds: Vec<BlockKind> = chunk.iter().map(|c| c.0).collect();
        assert_eq!(
            kinds[..6],
            [BlockKind::Paragraph; 6],
            "page {}: {chunk:?}",
            p + 1
        );
        assert_eq!(
            kinds[6..],
            [BlockKind::Footer; 4],
            "page {}: {chunk:?}",
            p + 1
        );
    }
}

#[test]
fn repeated_marks_and_short_repeats_away_from_the_margins_stay_body() {
    // Rows of "***" (redacted text) at the foot of every page are content, and so is a
    // signature block repeated at the foot of a three-page filing.
    let page = |n: usize| {
        format!(
            "BT /F1 11 Tf 72 660 Td (Service line {n} of the schedule.) Tj ET \
             BT /F1 11 Tf 72 400 Td (***) Tj ET BT /F1 11 Tf 72 386 Td (***) Tj ET"
        )
    };
    let pages: Vec<String> = (1..=5).map(page).collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let raw = read(&build_pdf(&refs)).unwrap();
    assert_eq!(raw.blocks.len(), 15);
    assert!(
        raw.blocks.iter().all(|b| b.kind.is_body()),
        "{:?}",
        texts(&raw)
    );

    let signed = |n: usize| {
        format!(
            "BT /F1 11 Tf 72 660 Td (Signature page {n} for one of the funds.) Tj ET \
             BT /F1 11 Tf 72 400 Td (/s/ John Madden) Tj ET \
             BT /F1 11 Tf 72 386 Td (Name: John Madden) Tj ET"
        )
    };
    let pages: Vec<String> = (1..=3).map(signed).collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let raw = read(&build_pdf(&refs)).unwrap();
    assert_eq!(raw.blocks.len(), 9);
    assert!(
        raw.blocks.iter().all(|b| b.kind.is_body()),
        "{:?}",
        texts(&raw)
    );
}

#[test]
fn repeated_form_that_differs_in_numbers_is_running_only_in_the_margin() {
    // Away from the margins, lines that differ in their numbers alone are body (rows of a
    // table at the top of each page); in the margin they are a running header.
    let page = |n: usize| {
        format!(
            "BT /F1 9 Tf 72 770 Td (Draft {n} for discussion) Tj ET \
             BT /F1 11 Tf 72 600 Td (Payment {n} due on 1/{n}/2020) Tj ET \
             BT /F1 11 Tf 72 586 Td (The amount of payment {n} is set in Schedule {n}.) Tj ET"
        )
    };
    let pages: Vec<String> = (1..=6).map(page).collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let raw = read(&build_pdf(&refs)).unwrap();
    for chunk in texts(&raw).chunks(3) {
        assert_eq!(chunk[0].0, BlockKind::Header, "{chunk:?}");
        assert!(
            chunk[1..].iter().all(|c| c.0 == BlockKind::Paragraph),
            "{chunk:?}"
        );
    }
}
