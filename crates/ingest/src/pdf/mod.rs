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

/// Fingerprints of the form of a line that stays the same from page to page, case and spacing
/// ignored: `[word for word, digits folded]`, the second taking every run of digits as one
/// ("Page 3 of 9" is "Page 4 of 9"). FNV-1a over the characters, so that counting forms
/// allocates nothing.
fn line_forms(text: &str) -> [u64; 2] {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let step = |hash: u64, c: char| (hash ^ u64::from(c)).wrapping_mul(PRIME);
    let (mut exact, mut folded) = (OFFSET, step(OFFSET, '\u{1}'));
    let mut in_digits = false;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            exact = step(exact, c);
            if !in_digits {
                folded = step(folded, '#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            exact = step(exact, lower);
            folded = step(folded, lower);
        } else {
            for lower in c.to_lowercase() {
                exact = step(exact, lower);
                folded = step(folded, lower);
            }
        }
    }
    [exact, folded]
}

/// Lines repeated (digits aside) on at least this share of the pages, at the same height or at
/// the same rank from the page edge, are running headers or footers wherever they are on the
/// page, as long as nothing but other running lines lies between them and the page edge.
const REPEAT_SHARE: f64 = 0.25;
/// Outside the margins, a running line must repeat on at least this many pages: a signature
/// block repeated at the foot of the three pages of a short filing is not one.
const MIN_REPEATS_INSIDE: usize = 4;
/// Height tolerance for "the same height" (PDF units): a running line drifts by a point or two
/// between pages. Heights are compared in buckets of this size, a bucket and its neighbours.
const POSITION_SLACK: f64 = 4.0;
/// At most this many running lines at each edge of a page.
const MAX_RUNNING_LINES: usize = 8;

/// Where a line's form (one of its [`line_forms`], direction and page edge) was seen.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Seen {
    key: u64,
    dir: u8,
    top: bool,
    /// Height bucket, or rank from the edge.
    at: i64,
}

/// Pages (ascending, no repeats) on which a form was seen, by place.
#[derive(Default)]
struct Sightings {
    pages: HashMap<Seen, Vec<usize>>,
    /// Cached: how many pages show the form at a place or at one of its two neighbours.
    near: HashMap<Seen, usize>,
}

impl Sightings {
    fn add(&mut self, seen: Seen, page: usize) {
        let pages = self.pages.entry(seen).or_default();
        if pages.last() != Some(&page) {
            pages.push(page);
        }
    }

    /// How many pages show the form at `seen.at` or next to it.
    fn count(&mut self, seen: &Seen) -> usize {
        if let Some(&n) = self.near.get(seen) {
            return n;
        }
        let mut all: Vec<usize> = [seen.at - 1, seen.at, seen.at + 1]
            .iter()
            .filter_map(|&at| self.pages.get(&Seen { at, ..*seen }))
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        self.near.insert(*seen, all.len());
        all.len()
    }
}

/// Marks running headers and footers. From each edge of a page inwards (top down, bottom up, by
/// baseline), lines are running lines as long as each one
/// - repeats on a share of the pages ([`REPEAT_SHARE`]), at the same distance from that edge
///   or at the same rank among the lines counted from it: digits aside in the margin, word for
///   word and on at least [`MIN_REPEATS_INSIDE`] pages further in ("Proprietary and
///   Confidential" above a legend and a page number, on pages scaled differently),
/// - or lies in the page margin ([`MARGIN_SHARE`]) among the [`EDGE_LINES`] outermost lines and
///   repeats, anywhere in the margin, on half of the pages,
/// - or is a bare page number, which counts when it is in the margin or when a running line
///   lies further in.
///
/// Repetition at a height or rank counts only for lines with letters in them that occur once on
/// their page: rows of "***" that stand for redacted text and rows of a table repeat from page
/// to page as content. The first line that is
/// none of these ends the run, so body text is never taken from between running lines, and a
/// page whose only line repeats is content (a slide, a label).
fn classify_running_lines(pages: &[PageLines]) -> Vec<Vec<BlockKind>> {
    let mut kinds: Vec<Vec<BlockKind>> = pages
        .iter()
        .map(|p| vec![BlockKind::Paragraph; p.lines.len()])
        .collect();
    if pages.len() < 3 {
        // Only page numbers in the margin.
        for (page, kinds) in pages.iter().zip(&mut kinds) {
            for order in by_direction(page) {
                for top in [true, false] {
                    if let Some(&i) = edge_first(&order, top).next()
                        && in_margin(page, &page.lines[i], top)
                        && is_page_number(&page.lines[i].text)
                        && kinds[i] == BlockKind::Paragraph
                    {
                        kinds[i] = if top {
                            BlockKind::Header
                        } else {
                            BlockKind::Footer
                        };
                    }
                }
            }
        }
        return kinds;
    }
    let orders: Vec<Vec<Vec<usize>>> = pages.iter().map(by_direction).collect();
    let forms: Vec<Vec<[u64; 2]>> = pages
        .iter()
        .map(|page| page.lines.iter().map(|l| line_forms(&l.text)).collect())
        .collect();
    let seen_as = |p: usize, i: usize, top: bool, at: i64, fold_digits: bool| Seen {
        key: forms[p][i][usize::from(fold_digits)],
        dir: pages[p].lines[i].dir,
        top,
        at,
    };
    let seen = |p: usize, i: usize, top: bool, at: i64| seen_as(p, i, top, at, true);
    // How often each form occurs on its page: a form that occurs twice on one page (a table
    // row, a repeated mark) is content there.
    let mut on_page: HashMap<(usize, u64), usize> = HashMap::new();
    for (p, page_forms) in forms.iter().enumerate() {
        for form in page_forms {
            *on_page.entry((p, form[1])).or_default() += 1;
        }
    }
    let height = |page: &PageLines, line: &Line, top: bool| {
        let (y0, y1) = page.height_band.unwrap_or((0.0, 0.0));
        let offset = if top { y1 - line.y } else { line.y - y0 };
        (offset / POSITION_SLACK).round() as i64
    };
    let (mut at_height, mut at_rank) = (Sightings::default(), Sightings::default());
    let mut in_edge: HashMap<Seen, Vec<usize>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for order in &orders[p] {
            for top in [false, true] {
                for (rank, &i) in edge_first(order, top).take(MAX_RUNNING_LINES).enumerate() {
                    let line = &page.lines[i];
                    for fold in [true, false] {
                        at_height.add(seen_as(p, i, top, height(page, line, top), fold), p);
                        at_rank.add(seen_as(p, i, top, rank as i64, fold), p);
                    }
                    if rank < EDGE_LINES && in_margin(page, line, top) {
                        let pages_in = in_edge.entry(seen(p, i, top, 0)).or_default();
                        if pages_in.last() != Some(&p) {
                            pages_in.push(p);
                        }
                    }
                }
            }
        }
    }
    let repeats = (pages.len() as f64 * REPEAT_SHARE).ceil().max(3.0) as usize;
    let in_margins = (pages.len() as f64 * 0.5).ceil().max(3.0) as usize;
    for (p, page) in pages.iter().enumerate() {
        for order in &orders[p] {
            for top in [true, false] {
                let mut run = Vec::new();
                let mut accepted = 0;
                for (rank, &i) in edge_first(order, top).take(MAX_RUNNING_LINES).enumerate() {
                    if kinds[p][i] != BlockKind::Paragraph {
                        break;
                    }
                    let line = &page.lines[i];
                    let margin = in_margin(page, line, top);
                    let needed = if margin {
                        repeats
                    } else {
                        repeats.max(MIN_REPEATS_INSIDE)
                    };
                    // In the margin, digits may change from page to page ("Page 3 of 9");
                    // further in, only the very same text is a running line, as body lines
                    // that differ in numbers alone (rows of a table) are common there.
                    let seen_on = at_height
                        .count(&seen_as(p, i, top, height(page, line, top), margin))
                        .max(at_rank.count(&seen_as(p, i, top, rank as i64, margin)));
                    // Lines of marks alone ("***" for redacted text) repeat as content does,
                    // and so does a form that occurs more than once on its page.
                    let worded = line.text.chars().any(char::is_alphabetic);
                    let once = on_page.get(&(p, forms[p][i][1])).is_some_and(|&n| n == 1);
                    let repeated = page.lines.len() > 1
                        && ((worded && once && seen_on >= needed)
                            || (margin
                                && rank < EDGE_LINES
                                && in_edge.get(&seen(p, i, top, 0)).map_or(0, Vec::len)
                                    >= in_margins));
                    let page_number = is_page_number(&line.text);
                    if repeated || (margin && page_number) {
                        run.push(i);
                        accepted = run.len();
                    } else if page_number {
                        run.push(i);
                    } else {
                        break;
                    }
                }
                for &i in &run[..accepted] {
                    kinds[p][i] = if top {
                        BlockKind::Header
                    } else {
                        BlockKind::Footer
                    };
                }
            }
        }
    }
    kinds
}

/// A page's lines of each writing direction, bottom to top.
fn by_direction(page: &PageLines) -> Vec<Vec<usize>> {
    (0..4u8)
        .map(|dir| {
            let mut order: Vec<usize> = (0..page.lines.len())
                .filter(|&i| page.lines[i].dir == dir)
                .collect();
            order.sort_by(|&a, &b| page.lines[a].y.total_cmp(&page.lines[b].y));
            order
        })
        .collect()
}

/// Whether a line lies in the top (`top`) or bottom margin band of its page; lines not written
/// left to right and pages of unknown size count as in the margin.
fn in_margin(page: &PageLines, line: &Line, top: bool) -> bool {
    match page.height_band {
        Some((y0, y1)) if line.dir == 0 => {
            let band = (y1 - y0) * MARGIN_SHARE;
            if top {
                line.y >= y1 - band
            } else {
                line.y <= y0 + band
            }
        }
        _ => true,
    }
}

/// The lines of one direction from the top edge inwards (`top`) or from the bottom edge.
fn edge_first(bottom_up: &[usize], top: bool) -> Box<dyn Iterator<Item = &usize> + '_> {
    if top {
        Box::new(bottom_up.iter().rev())
    } else {
        Box::new(bottom_up.iter())
    }
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
