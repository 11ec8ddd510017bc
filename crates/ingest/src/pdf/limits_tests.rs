//! Per-file limits on crafted PDFs: each runaway file ends in the typed error for the limit it
//! exceeds, and cycles or harmless structure do not.
use super::*;
use lopdf::{Dictionary, Stream, dictionary};

/// A PDF of `pages` pages sharing one content stream (`content`, Flate-compressed when
/// `compress`) with Helvetica as `/F1` and `forms` as Form XObjects `/X0`, `/X1` … (each a
/// content string that may draw the others by name).
fn pdf(pages: usize, content: &[u8], compress: bool, forms: &[&str]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let form_ids: Vec<_> = forms.iter().map(|_| doc.new_object_id()).collect();
    let mut xobjects = Dictionary::new();
    for (i, id) in form_ids.iter().enumerate() {
        xobjects.set(format!("X{i}"), Object::Reference(*id));
    }
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => xobjects,
    });
    for (id, body) in form_ids.iter().zip(forms) {
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
                "Resources" => resources,
            },
            body.as_bytes().to_vec(),
        );
        doc.objects.insert(*id, Object::Stream(form));
    }
    let mut stream = Stream::new(Dictionary::new(), content.to_vec());
    if compress {
        stream.compress().unwrap();
    }
    let content_id = doc.add_object(stream);
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            Object::Reference(doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            }))
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 700 Td (Hello world) Tj ET";

/// The limit a read ran into, or `None` when it did not fail on one.
fn exceeded(result: Result<RawDocument, Error>) -> Option<(Limit, String)> {
    match result {
        Err(Error::TooLarge(e)) => Some((e.limit, e.detail)),
        _ => None,
    }
}

fn body_text(raw: &RawDocument) -> Vec<&str> {
    raw.blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn forms_that_draw_each_other_in_a_cycle_are_drawn_once_per_path() {
    // X0 draws X1, X1 draws X0 and itself: the cycle is cut, the text of each is kept.
    let forms = [
        "BT /F1 12 Tf 72 500 Td (Form zero) Tj ET /X1 Do",
        "BT /F1 12 Tf 72 400 Td (Form one) Tj ET /X0 Do /X1 Do",
    ];
    let raw = read(&pdf(1, b"/X0 Do", false, &forms)).unwrap();
    assert_eq!(body_text(&raw), ["Form zero", "Form one"]);
}

#[test]
fn forms_nested_deeper_than_the_limit_are_an_error() {
    // A chain X0 -> X1 -> … -> X19, each showing a word: 20 levels.
    let bodies: Vec<String> = (0..20)
        .map(|i| {
            format!(
                "BT /F1 12 Tf 72 {} Td (w{i}) Tj ET /X{} Do",
                700 - i * 14,
                i + 1
            )
        })
        .collect();
    let forms: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let bytes = pdf(1, b"/X0 Do", false, &forms);
    let got = exceeded(read(&bytes));
    assert_eq!(got.map(|g| g.0), Some(Limit::FormDepth));
    let deep = Limits::default().with(Limit::FormDepth, 32);
    let raw = read_limited(&bytes, &deep).unwrap();
    assert_eq!(raw.blocks.len(), 20);
}

#[test]
fn a_fan_out_of_forms_runs_out_of_operators_instead_of_running_for_ever() {
    // Each form draws the next one ten times: 10^10 draws of the last.
    let bodies: Vec<String> = (0..10)
        .map(|i| format!("/X{} Do ", i + 1).repeat(10))
        .chain(["BT /F1 12 Tf 72 700 Td (leaf) Tj ET".to_owned()])
        .collect();
    let forms: Vec<&str> = bodies.iter().map(String::as_str).collect();
    let limits = Limits::default().with(Limit::Operations, 200_000);
    let got = exceeded(read_limited(&pdf(1, b"/X0 Do", false, &forms), &limits));
    assert_eq!(got, Some((Limit::Operations, "page 1".to_owned())));
}

#[test]
fn operators_count_across_pages_and_the_error_names_the_page() {
    let content = b"BT /F1 12 Tf 72 700 Td (a) Tj ET\n".repeat(1000);
    let bytes = pdf(4, &content, false, &[]);
    // 5000 operators per page: three pages fit, the fourth does not.
    let limits = Limits::default().with(Limit::Operations, 17_000);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(got, Some((Limit::Operations, "page 4".to_owned())));
    assert!(read(&bytes).is_ok());
}

#[test]
fn too_many_pages_is_an_error_before_any_page_is_read() {
    let bytes = pdf(5, TEXT, false, &[]);
    let limits = Limits::default().with(Limit::Pages, 4);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(got.map(|g| g.0), Some(Limit::Pages));
    assert_eq!(read(&bytes).map(|r| r.metadata.pages).ok(), Some(Some(5)));
}

#[test]
fn a_content_stream_that_inflates_past_the_stream_limit_is_an_error() {
    // 4 MiB of spaces around the text deflate to a few KiB.
    let mut content = vec![b' '; 4 << 20];
    content.extend_from_slice(TEXT);
    let bytes = pdf(1, &content, true, &[]);
    assert!(bytes.len() < 64 * 1024, "{}", bytes.len());
    let limits = Limits::default().with(Limit::StreamBytes, 1 << 20);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(
        got,
        Some((Limit::StreamBytes, "the content of page 1".to_owned()))
    );
    assert!(read(&bytes).is_ok());
}

#[test]
fn a_stream_shared_by_many_pages_counts_each_time_it_is_decoded() {
    let mut content = vec![b' '; 1 << 20];
    content.extend_from_slice(TEXT);
    let bytes = pdf(10, &content, true, &[]);
    let limits = Limits::default().with(Limit::DecompressedBytes, 5 << 20);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(
        got,
        Some((Limit::DecompressedBytes, "the content of page 5".to_owned()))
    );
}

#[test]
fn glyphs_per_page_and_text_per_file_are_capped() {
    let content = b"BT /F1 12 Tf 72 700 Td (abcdefghij) Tj ET\n".repeat(200);
    let bytes = pdf(3, &content, false, &[]);
    let limits = Limits::default().with(Limit::PageGlyphs, 1000);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(got, Some((Limit::PageGlyphs, "page 1".to_owned())));
    // 2000 bytes of text a page: the third page passes 5000.
    let limits = Limits::default().with(Limit::TextBytes, 5000);
    let got = exceeded(read_limited(&bytes, &limits));
    assert_eq!(got.map(|g| g.0), Some(Limit::TextBytes));
}

#[test]
fn text_in_fonts_without_a_unicode_mapping_is_told_apart_from_a_scan() {
    // An Identity-H CID font with no ToUnicode: the page shows glyphs no one can name.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEE+Arial",
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEE+Arial",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Reference(descendant)],
    });
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"BT /F1 12 Tf 72 700 Td <0033004800510047> Tj ET".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(page)], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let e = read(&bytes).err();
    assert!(matches!(e, Some(Error::NoUnicodeMapping)), "{e:?}");
    // A page with nothing to show at all stays a scan.
    let e = read(&pdf(1, b"0 0 m 100 100 l S", false, &[])).err();
    assert!(matches!(e, Some(Error::NoTextLayer)), "{e:?}");
}

#[test]
fn an_rc4_file_without_a_trailer_id_opens_with_the_empty_password() {
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    let plain = pdf(1, TEXT, false, &[]);
    let mut doc = Document::load_mem(&plain).unwrap();
    // Encrypt as if the file identifier were empty, then drop the identifier, as producers
    // that write no /ID do.
    let empty = Object::String(Vec::new(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![empty.clone(), empty]);
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "",
        key_length: 128,
        permissions: Permissions::default(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    doc.trailer.remove(b"ID");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    assert!(!contains(&bytes, b"Hello world"), "the text is encrypted");
    assert!(!contains(&bytes, b"/ID"));
    let raw = read(&bytes).unwrap();
    assert_eq!(body_text(&raw), ["Hello world"]);

    // With a user password the file stays closed, with the error that says so.
    let mut doc = Document::load_mem(&plain).unwrap();
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::default(),
    });
    if let Ok(state) = state {
        doc.encrypt(&state).unwrap();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        assert!(matches!(read(&bytes), Err(Error::Encrypted)));
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn the_empty_id_goes_into_the_last_trailer_without_moving_an_object() {
    let startxref = |b: &[u8]| -> usize {
        let at = b.windows(9).rposition(|w| w == b"startxref").unwrap() + 9;
        let digits: String = b[at..]
            .iter()
            .map(|&c| char::from(c))
            .skip_while(char::is_ascii_whitespace)
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap()
    };
    // lopdf writes a cross-reference stream; a classic table and trailer is made by hand.
    let stream = pdf(1, TEXT, false, &[]);
    let classic = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n0 2\n\
        0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n\
        startxref\n45\n%%EOF\n";
    assert_eq!(&classic[45..49], b"xref");
    for bytes in [stream.as_slice(), classic.as_slice()] {
        let patched = with_empty_id(bytes).unwrap();
        assert_eq!(patched.len(), bytes.len() + b" /ID [<> <>] ".len());
        let xref = startxref(bytes);
        assert_eq!(startxref(&patched), xref);
        assert_eq!(&patched[..xref], &bytes[..xref]);
        let doc = Document::load_mem(&patched).unwrap();
        assert!(doc.trailer.has(b"ID"));
    }
    assert!(with_empty_id(b"%PDF-1.4 no trailer").is_none());
}
