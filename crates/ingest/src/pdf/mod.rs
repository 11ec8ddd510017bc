//! The PDF reader: lopdf parses the file; our own content interpreter places the glyphs; lines
//! come from glyph positions, so word and line breaks follow what the page shows.
//!
//! Each text line becomes one [`RawBlock`] with its page and line number. Running headers and
//! footers (lines in the page margins that repeat across pages, and bare page numbers) become
//! [`BlockKind::Header`]/[`BlockKind::Footer`] blocks, kept but out of the body. Line-end
//! hyphenation is joined when the next line continues the word.

mod cmap;
mod encoding;
mod font;
mod interp;
mod layout;
mod objects;
mod std14;

use std::collections::HashMap;

use clauselint_model::{BlockKind, Location};
use lopdf::{Document, LoadOptions, Object};

use crate::limits::{Budget, Limit, LimitExceeded, Limits};
use crate::{Error, RawBlock, RawDocument};
use interp::Interpreter;
use layout::Line;
use objects::{deref, dict_of, number};

/// Share of the page height at the top and bottom where running headers and footers live.
const MARGIN_SHARE: f64 = 0.12;
/// How many lines at each end of a page are candidates for running headers/footers.
const EDGE_LINES: usize = 3;

/// Reads a PDF into text lines.
pub(crate) fn read_limited(bytes: &[u8], limits: &Limits) -> Result<RawDocument, Error> {
    // lopdf can panic on malformed input; a panic must become an error for this file only.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_inner(bytes, limits))) {
        Ok(result) => result,
        Err(_) => Err(Error::Pdf(
            "the PDF parser failed on malformed data".to_owned(),
        )),
    }
}

/// [`read_limited`] with the default limits.
#[cfg(test)]
fn read(bytes: &[u8]) -> Result<RawDocument, Error> {
    read_limited(bytes, &Limits::default())
}

/// Parses the file. lopdf decrypts with the empty user password on load; a file encrypted
/// without a trailer `/ID` (which the key derivation mixes in) is retried with an empty `/ID`,
/// as other readers do. If neither decrypts, the document is still encrypted and its objects
/// are unreadable.
fn load(bytes: &[u8], limits: &Limits) -> Result<Document, Error> {
    let load = |bytes: &[u8]| {
        let options = LoadOptions {
            max_decompressed_size: Some(
                usize::try_from(limits.max_stream_bytes).unwrap_or(usize::MAX),
            ),
            ..LoadOptions::default()
        };
        Document::load_mem_with_options(bytes, options).map_err(|e| match e {
            lopdf::Error::InvalidPassword => Error::Encrypted,
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                LimitExceeded::error(limits, Limit::StreamBytes, "an object stream")
            }
            other => Error::Pdf(other.to_string()),
        })
    };
    let still_encrypted = |doc: &Document| doc.trailer.has(b"Encrypt") && !doc.was_encrypted();
    let doc = load(bytes)?;
    if !still_encrypted(&doc) {
        return Ok(doc);
    }
    if !doc.trailer.has(b"ID")
        && let Some(patched) = with_empty_id(bytes)
        && let Ok(doc) = load(&patched)
        && !still_encrypted(&doc)
    {
        return Ok(doc);
    }
    Err(Error::Encrypted)
}

/// The file with `/ID [<> <>]` added to its last trailer dictionary (the one `startxref`
/// points at: after a classic `xref` table, or the dictionary of a cross-reference stream).
/// Inserted bytes land after every object the cross-reference data locates, so no offset
/// moves. `None` when the trailer cannot be found.
fn with_empty_id(bytes: &[u8]) -> Option<Vec<u8>> {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let rfind = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).rposition(|w| w == needle);
    let at = rfind(bytes, b"startxref")? + b"startxref".len();
    let digits: String = bytes[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    let xref: usize = digits.parse().ok()?;
    let tail = bytes.get(xref..)?;
    let dict = if tail.starts_with(b"xref") {
        let trailer = find(tail, b"trailer")?;
        trailer + find(&tail[trailer..], b"<<")?
    } else {
        find(tail, b"<<")?
    };
    let insert = xref + dict + 2;
    let mut out = Vec::with_capacity(bytes.len() + 16);
    out.extend_from_slice(bytes.get(..insert)?);
    out.extend_from_slice(b" /ID [<> <>] ");
    out.extend_from_slice(bytes.get(insert..)?);
    Some(out)
}

fn read_inner(bytes: &[u8], limits: &Limits) -> Result<RawDocument, Error> {
    let doc = load(bytes, limits)?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Error::Pdf("no pages found".to_owned()));
    }
    if pages.len() as u64 > limits.max_pages {
        return Err(LimitExceeded::error(
            limits,
            Limit::Pages,
            format!("the document's {} pages", pages.len()),
        ));
    }
    let budget = Budget::new(*limits);
    let per_stream = usize::try_from(limits.max_stream_bytes).unwrap_or(usize::MAX);
    let mut interpreter = Interpreter::new(&doc, &budget);
    let mut page_lines: Vec<PageLines> = Vec::with_capacity(pages.len());
    let mut any_text = false;
    for (index, &page_id) in pages.values().enumerate() {
        let page_number = index + 1;
        let content = match doc.get_page_content_with_limit(page_id, per_stream) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(LimitExceeded::error(
                    limits,
                    Limit::StreamBytes,
                    format!("the content of page {page_number}"),
                ));
            }
            Err(_) => Vec::new(),
        };
        budget.charge(Limit::DecompressedBytes, content.len() as u64, || {
            format!("the content of page {page_number}")
        });
        budget.check()?;
        let (own, inherited) = doc
            .get_page_resources(page_id)
            .unwrap_or((None, Vec::new()));
        let mut resources = Vec::new();
        resources.extend(own);
        resources.extend(
            inherited
                .iter()
                .filter_map(|id| doc.get_object(*id).ok())
                .filter_map(|o| dict_of(&doc, o)),
        );
        let text = interpreter.run_page(page_number, &content, &resources);
        drop(content);
        budget.charge(Limit::TextBytes, text.text.len() as u64, || {
            format!("the text up to page {page_number}")
        });
        budget.check()?;
        any_text |= !text.glyphs.is_empty();
        let lines = layout::lines(&text);
        page_lines.push(PageLines {
            height_band: page_band(&doc, page_id),
            lines,
        });
    }
    if !any_text {
        return Err(if interpreter.unmapped {
            Error::NoUnicodeMapping
        } else {
            Error::NoTextLayer
        });
    }
    let kinds = classify_running_lines(&page_lines);
    let mut blocks = Vec::new();
    for (page_index, (page, kinds)) in page_lines.iter().zip(&kinds).enumerate() {
        for (line_index, (line, kind)) in page.lines.iter().zip(kinds).enumerate() {
            blocks.push(RawBlock {
                kind: *kind,
                text: line.text.clone(),
                location: Location {
                    page: Some(page_index as u32 + 1),
                    line: Some(line_index as u32 + 1),
                    paragraph: None,
                },
                number: None,
                level: None,
            });
        }
    }
    join_hyphenation(&mut blocks);
    blocks.retain(|b| !b.text.is_empty());
    let mut raw = RawDocument {
        blocks,
        ..RawDocument::default()
    };
    raw.metadata.pages = Some(pages.len() as u32);
    raw.metadata.title = title(&doc);
    Ok(raw)
}

struct PageLines {
    /// Bottom and top of the page (y of the MediaBox), when known.
    height_band: Option<(f64, f64)>,
    lines: Vec<Line>,
}

/// The vertical extent of a page from its (inherited) MediaBox.
fn page_band(doc: &Document, page_id: lopdf::ObjectId) -> Option<(f64, f64)> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    for _ in 0..32 {
        if let Ok(object) = node.get(b"MediaBox")
            && let Object::Array(items) = deref(doc, object)
        {
            let values: Vec<f64> = items.iter().filter_map(|o| number(deref(doc, o))).collect();
            if let [_, y0, _, y1] = values.as_slice() {
                return Some((y0.min(*y1), y0.max(*y1)));
            }
            return None;
        }
        node = node.get(b"Parent").ok().and_then(|o| dict_of(doc, o))?;
    }
    None
}

/// The document title from the Info dictionary.
fn title(doc: &Document) -> Option<String> {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| dict_of(doc, o))?;
    let title = info.get(b"Title").ok().map(|o| deref(doc, o))?;
    let text = lopdf::decode_text_string(title).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether a line is a bare page number: "3", "- 3 -", "Page 3", "Page 3 of 10", "3/10", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | ' '));
    let lower = t.to_lowercase();
    let t = lower
        .strip_prefix("page")
        .map_or(lower.as_str(), str::trim_start);
    if t.is_empty() {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let is_num = |w: &str| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let is_roman = |w: &str| w.len() <= 6 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    match words.as_slice() {
        [n] => is_num(n) || is_roman(n),
        [n, m] => is_num(n) && is_num(m),
        [n, "of", m] => is_num(n) && is_num(m),
        _ => false,
    }
}

/// The form of a line that stays the same from page to page: digits folded, case and spacing
/// ignored.
fn running_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else if !c.is_whitespace() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Marks running headers and footers: lines at the top or bottom of a page (among the first or
/// last few lines, and inside the margin band when the page size is known) that are bare page
/// numbers or repeat, digits aside, on a large share of the pages.
fn classify_running_lines(pages: &[PageLines]) -> Vec<Vec<BlockKind>> {
    // Candidate (page, line, is_top) positions.
    let mut candidates: Vec<(usize, usize, bool)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let n = page.lines.len();
        for (i, line) in page.lines.iter().enumerate() {
            let near_top = i < EDGE_LINES;
            let near_bottom = i + EDGE_LINES >= n;
            if !near_top && !near_bottom {
                continue;
            }
            let in_margin = |top: bool| match page.height_band {
                Some((y0, y1)) if line.dir == 0 => {
                    let band = (y1 - y0) * MARGIN_SHARE;
                    if top {
                        line.y >= y1 - band
                    } else {
                        line.y <= y0 + band
                    }
                }
                _ => true,
            };
            if near_top && in_margin(true) {
                candidates.push((p, i, true));
            } else if near_bottom && in_margin(false) {
                candidates.push((p, i, false));
            }
        }
    }
    let mut pages_with_key: HashMap<(String, bool), usize> = HashMap::new();
    let mut last_page: HashMap<(String, bool), usize> = HashMap::new();
    for &(p, i, top) in &candidates {
        let key = (running_key(&pages[p].lines[i].text), top);
        if last_page.get(&key) != Some(&(p + 1)) {
            last_page.insert(key.clone(), p + 1);
            *pages_with_key.entry(key).or_default() += 1;
        }
    }
    let threshold = (pages.len() as f64 * 0.5).ceil().max(3.0) as usize;
    let mut kinds: Vec<Vec<BlockKind>> = pages
        .iter()
        .map(|p| vec![BlockKind::Paragraph; p.lines.len()])
        .collect();
    for &(p, i, top) in &candidates {
        let text = &pages[p].lines[i].text;
        let key = (running_key(text), top);
        // A page whose only line repeats is content (a slide, a label), not a running line.
        let repeated = pages.len() >= 3
            && pages[p].lines.len() > 1
            && pages_with_key.get(&key).copied().unwrap_or(0) >= threshold;
        if repeated || is_page_number(text) {
            kinds[p][i] = if top {
                BlockKind::Header
            } else {
                BlockKind::Footer
            };
        }
    }
    kinds
}

/// Prefixes that form hyphenated compounds in contract language ("non-exclusive",
/// "self-employed", "third-party"): a line break after them keeps the hyphen, because the
/// word is hyphenated in its own right. None of them is also a syllable that typesetting
/// splits ordinary words at ("part-ner", "long-er", "post-pone", "sub-stantial" are, so those
/// prefixes are not listed).
const COMPOUND_PREFIXES: &[&str] = &[
    "non", "self", "third", "cross", "well", "anti", "multi", "semi",
];

/// Joins words hyphenated across body lines ("termi-" + "nation"): when a line ends with a
/// letter and a hyphen and the next body line starts with a lowercase letter, the rest of the
/// word moves up. The hyphen goes, unless the part before it is a compounding prefix
/// ("non-" + "exclusive" gives "non-exclusive"); a soft hyphen always goes.
fn join_hyphenation(blocks: &mut [RawBlock]) {
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].kind.is_body())
        .collect();
    for pair in body.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        let text = &blocks[i].text;
        let (stem, soft) = if let Some(stem) = text.strip_suffix('\u{00AD}') {
            (stem, true)
        } else if let Some(stem) = text
            .strip_suffix('-')
            .or_else(|| text.strip_suffix('\u{2010}'))
        {
            (stem, false)
        } else {
            continue;
        };
        if !stem.chars().next_back().is_some_and(char::is_alphabetic) {
            continue;
        }
        let next = &blocks[j].text;
        if !next.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let word_end = next.find(' ').unwrap_or(next.len());
        let (word, rest) = next.split_at(word_end);
        let last_word = stem
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or(stem);
        let compound = !soft
            && COMPOUND_PREFIXES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(last_word));
        let joined = if compound {
            format!("{stem}-{word}")
        } else {
            format!("{stem}{word}")
        };
        let rest = rest.trim_start().to_owned();
        blocks[i].text = joined;
        blocks[j].text = rest;
    }
}

#[cfg(test)]
mod limits_tests;
#[cfg(test)]
mod tests;
