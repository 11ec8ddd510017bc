//! From placed glyphs to text lines: baseline grouping, word spaces from gaps, reading order.

use super::interp::{Glyph, PageText};

/// A gap wider than this share of the font size between two glyphs is a word space. Kerning
/// (`TJ` adjustments) stays well below it; the narrowest real spaces are around 0.2 em.
const SPACE_GAP: f64 = 0.15;
/// After a digit, a gap wider than this share of the font size before a letter or an opening
/// quote or bracket is a word space: a clause number set apart from its heading by positioning
/// ("2.1" then "Term." a little further on) rather than by a space character. Nothing kerns a
/// digit away from a letter, so the bar can be lower than [`SPACE_GAP`], which must let
/// loosely kerned letter pairs ("AT&T") stay together.
const NUMBER_SPACE_GAP: f64 = 0.1;
/// Glyphs whose baselines differ by less than this share of the font size share a line
/// (superscripts and subscripts included).
const BASELINE_TOLERANCE: f64 = 0.45;

/// One line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub(super) text: String,
    /// Baseline in the reading frame (larger is higher on the page).
    pub(super) y: f64,
    /// Left and right ends.
    pub(super) x0: f64,
    pub(super) x1: f64,
    /// Typical font size.
    pub(super) size: f64,
    /// Writing direction in quarter turns.
    pub(super) dir: u8,
}

/// Builds the lines of a page in reading order: writing directions by how much text they carry,
/// and top to bottom within a direction.
pub(super) fn lines(page: &PageText) -> Vec<Line> {
    let mut counts = [0usize; 4];
    for g in &page.glyphs {
        counts[usize::from(g.dir & 3)] += 1;
    }
    let mut dirs: Vec<u8> = (0..4u8).filter(|&d| counts[usize::from(d)] > 0).collect();
    dirs.sort_by_key(|&d| std::cmp::Reverse(counts[usize::from(d)]));
    let mut out = Vec::new();
    for dir in dirs {
        let glyphs: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.dir == dir && (g.space || g.len > 0))
            .collect();
        let mut bands = group_bands(glyphs);
        match find_gutter(&bands).filter(|&(g0, g1)| reads_as_columns(&bands, g0, g1)) {
            Some((g0, g1)) => {
                // Two columns: a band that crosses the gutter (a title, a full-width
                // paragraph) is read whole; between such bands, the left column is read
                // before the right one.
                let middle = (g0 + g1) / 2.0;
                let (mut left, mut right) = (Vec::new(), Vec::new());
                for mut band in bands {
                    if band.iter().any(|g| !g.space && g.x < g1 && g.end > g0) {
                        flush_columns(page, &mut left, &mut right, dir, &mut out);
                        out.extend(build_line(page, &mut band, dir));
                    } else {
                        for g in band {
                            if g.x < middle {
                                left.push(g);
                            } else {
                                right.push(g);
                            }
                        }
                    }
                }
                flush_columns(page, &mut left, &mut right, dir, &mut out);
            }
            None => {
                for band in &mut bands {
                    out.extend(build_line(page, band, dir));
                }
            }
        }
    }
    out
}

/// Groups glyphs (any order) into bands of shared baseline, top to bottom.
fn group_bands(mut glyphs: Vec<&Glyph>) -> Vec<Vec<&Glyph>> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut bands = Vec::new();
    let mut rest = glyphs.as_slice();
    while let Some(first) = rest.first() {
        let mut size = first.size.max(0.1);
        let mut end = 1;
        while let Some(g) = rest.get(end) {
            let tolerance = BASELINE_TOLERANCE * size.max(g.size).max(0.1);
            if first.y - g.y > tolerance {
                break;
            }
            if !g.space {
                size = size.max(g.size);
            }
            end += 1;
        }
        bands.push(rest[..end].to_vec());
        rest = &rest[end..];
    }
    bands
}

/// Emits the lines of the left column, then of the right column, gathered so far.
fn flush_columns<'g>(
    page: &PageText,
    left: &mut Vec<&'g Glyph>,
    right: &mut Vec<&'g Glyph>,
    dir: u8,
    out: &mut Vec<Line>,
) {
    for side in [left, right] {
        for mut band in group_bands(std::mem::take(side)) {
            out.extend(build_line(page, &mut band, dir));
        }
    }
}

/// Finds a column gutter: a vertical strip near the middle of the text that few bands cross,
/// wider than a word space (0.6 em), with text side by side on both sides of it in several bands.
fn find_gutter(bands: &[Vec<&Glyph>]) -> Option<(f64, f64)> {
    let text_bands = bands.iter().filter(|b| b.iter().any(|g| !g.space)).count();
    if text_bands < 6 {
        return None;
    }
    let solid = || bands.iter().flatten().filter(|g| !g.space);
    let x_min = solid().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let x_max = solid()
        .map(|g| g.end.max(g.x))
        .fold(f64::NEG_INFINITY, f64::max);
    let width = x_max - x_min;
    if !width.is_finite() || width < 100.0 {
        return None;
    }
    let bins = (width.ceil() as usize).clamp(1, 4000);
    let scale = bins as f64 / width;
    let bin_of = |x: f64| (((x - x_min) * scale) as usize).min(bins - 1);
    // How many bands have ink over each bin: each band's glyph spans are merged first, so a
    // band counts once, and the work stays proportional to the glyph count.
    let mut delta = vec![0isize; bins + 1];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for band in bands {
        spans.clear();
        spans.extend(
            band.iter()
                .filter(|g| !g.space)
                .map(|g| (bin_of(g.x), bin_of(g.end.max(g.x)))),
        );
        spans.sort_unstable();
        let mut current: Option<(usize, usize)> = None;
        for &(start, end) in spans.iter() {
            match current {
                Some((s, e)) if start <= e + 1 => current = Some((s, e.max(end))),
                _ => {
                    if let Some((s, e)) = current {
                        delta[s] += 1;
                        delta[e + 1] -= 1;
                    }
                    current = Some((start, end));
                }
            }
        }
        if let Some((s, e)) = current {
            delta[s] += 1;
            delta[e + 1] -= 1;
        }
    }
    let mut running = 0isize;
    let coverage: Vec<usize> = delta[..bins]
        .iter()
        .map(|d| {
            running += d;
            running.max(0) as usize
        })
        .collect();
    let mut sizes: Vec<f64> = solid().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0);
    let limit = text_bands / 5;
    let (lo, hi) = (bins * 35 / 100, bins * 65 / 100);
    let mut best: Option<(usize, usize)> = None;
    let mut run_start = None;
    // The strip ends at `hi`, which is treated as covered so that a run open there closes.
    let strip = coverage[lo..hi]
        .iter()
        .map(Some)
        .chain(std::iter::once(None));
    for (bin, count) in (lo..).zip(strip) {
        let open = count.is_some_and(|&c| c <= limit);
        match (open, run_start) {
            (true, None) => run_start = Some(bin),
            (false, Some(start)) => {
                if best.is_none_or(|(s, e)| bin - start > e - s) {
                    best = Some((start, bin));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    let (start, end) = best?;
    let g0 = x_min + start as f64 / scale;
    let g1 = x_min + end as f64 / scale;
    if g1 - g0 < (0.6 * size).max(4.0) {
        return None;
    }
    let side_by_side = bands
        .iter()
        .filter(|b| {
            b.iter().any(|g| !g.space && g.end <= g0) && b.iter().any(|g| !g.space && g.x >= g1)
        })
        .count();
    (side_by_side >= 3).then_some((g0, g1))
}

/// A gap between two glyphs of one column wider than this many font sizes separates table
/// cells: word spaces, even in justified narrow columns, stay well below it.
const CELL_GAP: f64 = 1.5;
/// The lines of a column of running text fill at least this share of the column's width
/// (the median line; paragraph ends and headings are shorter).
const COLUMN_FILL: f64 = 0.5;

/// Whether the text on the two sides of a gutter reads as two columns of running text, one
/// after the other, rather than as one table or list read across (as it prints): a table of
/// contents with its page numbers, a table whose last column holds short codes, a table of
/// several columns, signature blocks side by side. Each side must be filled by its lines (the
/// median line covers at least [`COLUMN_FILL`] of the side's width) and must not be cut into
/// cells itself (no cell gap in half of its lines).
fn reads_as_columns(bands: &[Vec<&Glyph>], g0: f64, g1: f64) -> bool {
    let solid = || bands.iter().flatten().filter(|g| !g.space);
    let x_min = solid().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let x_max = solid()
        .map(|g| g.end.max(g.x))
        .fold(f64::NEG_INFINITY, f64::max);
    let widths = [g0 - x_min, x_max - g1];
    let mut fills: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut gapped = [0usize; 2];
    let mut side: Vec<&Glyph> = Vec::new();
    for band in bands {
        let solid = || band.iter().filter(|g| !g.space);
        if solid().any(|g| g.x < g1 && g.end > g0) {
            continue;
        }
        for (s, left) in [(0, true), (1, false)] {
            side.clear();
            side.extend(solid().filter(|g| (g.end <= g0) == left).copied());
            if side.is_empty() {
                continue;
            }
            side.sort_by(|a, b| a.x.total_cmp(&b.x));
            let x0 = side.first().map_or(0.0, |g| g.x);
            let x1 = side.iter().map(|g| g.end.max(g.x)).fold(x0, f64::max);
            fills[s].push((x1 - x0) / widths[s].max(1.0));
            if side
                .windows(2)
                .any(|w| w[1].x - w[0].end > CELL_GAP * w[0].size.max(w[1].size).max(0.1))
            {
                gapped[s] += 1;
            }
        }
    }
    (0..2).all(|s| {
        let fill = &mut fills[s];
        fill.sort_by(f64::total_cmp);
        let median = fill.get(fill.len() / 2).copied().unwrap_or(0.0);
        median >= COLUMN_FILL && gapped[s] * 2 < fill.len()
    })
}

/// The gap, as a share of the font size, above which two glyphs are separate words.
fn space_gap(before: &str, after: &str) -> f64 {
    let digit_before = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    let opens_word = after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, '“' | '‘' | '"' | '(' | '['));
    if digit_before && opens_word {
        NUMBER_SPACE_GAP
    } else {
        SPACE_GAP
    }
}

fn build_line(page: &PageText, glyphs: &mut [&Glyph], dir: u8) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut pending_space = false;
    let mut prev: Option<&Glyph> = None;
    let mut sizes: Vec<f64> = Vec::new();
    let (mut x0, mut x1) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut baseline = 0.0;
    for &g in glyphs.iter() {
        if g.space {
            pending_space = true;
            continue;
        }
        let glyph_text = page.glyph_text(g);
        if let Some(p) = prev {
            // The same glyph drawn again at (almost) the same place fakes bold: keep one.
            if (g.x - p.x).abs() < 0.1 * g.size
                && (g.y - p.y).abs() < 0.1 * g.size
                && page.glyph_text(p) == glyph_text
            {
                continue;
            }
            let gap = g.x - p.end;
            if (pending_space
                || gap > space_gap(page.glyph_text(p), glyph_text) * g.size.max(p.size))
                && !text.is_empty()
                && !text.ends_with(' ')
            {
                text.push(' ');
            }
        }
        pending_space = false;
        text.push_str(glyph_text);
        if sizes.is_empty() {
            baseline = g.y;
        }
        sizes.push(g.size);
        x0 = x0.min(g.x);
        x1 = x1.max(g.end.max(g.x));
        prev = Some(g);
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let text = if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_owned()
    };
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    Some(Line {
        text,
        y: baseline,
        x0,
        x1,
        size,
        dir,
    })
}
