//! The content-stream interpreter: runs a page's operators with a text state machine and
//! records where each glyph lands on the page, with its text.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};

use super::font::Font;
use super::objects::{decode, deref, dict_of, number, sub_dict};
use crate::limits::{Budget, Limit};

/// Forms whose decoded content is at most this large keep their decoded operators for the
/// next time they are drawn (a letterhead on every page); larger ones are decoded each time.
const FORM_CACHE_ONE: usize = 1 << 20;
/// Decoded form content kept in the cache in all, so the cache's memory stays bounded.
const FORM_CACHE_TOTAL: usize = 8 << 20;

/// An affine matrix `[a b c d e f]` in PDF's row-vector convention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Matrix([f64; 6]);

impl Matrix {
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other`: first apply `self`, then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    fn translate(tx: f64, ty: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        if operands.len() < 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(operands) {
            *slot = number(o)?;
        }
        Some(Matrix(m))
    }

    fn is_sane(&self) -> bool {
        self.0.iter().all(|v| v.is_finite() && v.abs() < 1e9)
    }
}

/// One glyph placed on the page, in the reading frame of its writing direction (x grows along
/// the baseline, y grows up the page).
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    /// Start of the glyph along the baseline.
    pub(super) x: f64,
    /// The baseline.
    pub(super) y: f64,
    /// Where the glyph's advance ends along the baseline.
    pub(super) end: f64,
    /// Font size on the page.
    pub(super) size: f64,
    /// Writing direction in quarter turns counter-clockwise (0 = normal).
    pub(super) dir: u8,
    /// The glyph's text in [`PageText::text`].
    pub(super) start: u32,
    pub(super) len: u32,
    /// Whether the glyph is a space.
    pub(super) space: bool,
}

/// Everything a page shows as text.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub(super) glyphs: Vec<Glyph>,
    pub(super) text: String,
}

impl PageText {
    /// The text of a glyph.
    pub(super) fn glyph_text(&self, g: &Glyph) -> &str {
        self.text
            .get(g.start as usize..(g.start + g.len) as usize)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
    rise: f64,
}

impl GraphicsState {
    fn new(ctm: Matrix) -> GraphicsState {
        GraphicsState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Runs content streams, caching fonts and decoded forms across the pages of a document.
pub(super) struct Interpreter<'d> {
    doc: &'d Document,
    budget: &'d Budget,
    fonts: HashMap<usize, Rc<Font>>,
    forms: HashMap<usize, Rc<Vec<Operation>>>,
    /// Decoded bytes of the forms in `forms`.
    cached: usize,
    /// The page being run (1-based), for error messages.
    page_number: usize,
    /// Whether a shown glyph had no text (a font without a Unicode mapping).
    pub(super) unmapped: bool,
    page: PageText,
}

impl<'d> Interpreter<'d> {
    pub(super) fn new(doc: &'d Document, budget: &'d Budget) -> Interpreter<'d> {
        Interpreter {
            doc,
            budget,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            cached: 0,
            page_number: 0,
            unmapped: false,
            page: PageText::default(),
        }
    }

    /// Runs one page's content (already decoded) with its resources. Operators, glyphs and
    /// forms are charged to the budget; once a limit is exceeded the page stops where it is
    /// and the budget holds the error.
    pub(super) fn run_page(
        &mut self,
        page_number: usize,
        content: &[u8],
        resources: &[&'d Dictionary],
    ) -> PageText {
        self.page_number = page_number;
        self.page = PageText::default();
        let mut stack = Vec::new();
        self.run(
            decode_operations(content),
            resources,
            GraphicsState::new(Matrix::IDENTITY),
            &mut stack,
        );
        std::mem::take(&mut self.page)
    }

    fn run<O: Borrow<Operation>>(
        &mut self,
        ops: impl Iterator<Item = O>,
        resources: &[&'d Dictionary],
        state: GraphicsState,
        forms: &mut Vec<usize>,
    ) {
        let mut gs = state;
        let mut saved: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let page_number = self.page_number;
        for op in ops {
            let op: &Operation = op.borrow();
            if !self
                .budget
                .charge(Limit::Operations, 1, || format!("page {page_number}"))
                || self.budget.exhausted()
            {
                return;
            }
            let args = op.operands.as_slice();
            let num = |i: usize| args.get(i).and_then(number);
            match op.operator.as_str() {
                "q" if saved.len() < 256 => saved.push(gs.clone()),
                "Q" => {
                    if let Some(prev) = saved.pop() {
                        gs = prev;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(args) {
                        let ctm = m.then(gs.ctm);
                        if ctm.is_sane() {
                            gs.ctm = ctm;
                        }
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tf" => {
                    if let Some(size) = num(1) {
                        gs.size = size;
                    }
                    if let Some(Object::Name(name)) = args.first() {
                        gs.font = Some(self.font(resources, name));
                    }
                }
                "Tc" => gs.char_spacing = num(0).unwrap_or(gs.char_spacing),
                "Tw" => gs.word_spacing = num(0).unwrap_or(gs.word_spacing),
                "Tz" => gs.h_scale = num(0).map_or(gs.h_scale, |v| v / 100.0),
                "TL" => gs.leading = num(0).unwrap_or(gs.leading),
                "Ts" => gs.rise = num(0).unwrap_or(gs.rise),
                "Td" | "TD" => {
                    if let (Some(tx), Some(ty)) = (num(0), num(1)) {
                        if op.operator == "TD" {
                            gs.leading = -ty;
                        }
                        tlm = Matrix::translate(tx, ty).then(tlm);
                        tm = tlm;
                    }
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(args)
                        && m.is_sane()
                    {
                        tm = m;
                        tlm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(bytes, _)) = args.first() {
                        self.show(&gs, &mut tm, bytes);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.word_spacing = num(0).unwrap_or(gs.word_spacing);
                        gs.char_spacing = num(1).unwrap_or(gs.char_spacing);
                    }
                    tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    tm = tlm;
                    if let Some(Object::String(bytes, _)) = args.last() {
                        self.show(&gs, &mut tm, bytes);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(&gs, &mut tm, bytes),
                                other => {
                                    if let Some(adjust) = number(other) {
                                        let tx = -adjust / 1000.0 * gs.size * gs.h_scale;
                                        tm = Matrix::translate(tx, 0.0).then(tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = args.first() {
                        self.form(resources, name, &gs, forms);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs a Form XObject named in the resources.
    fn form(
        &mut self,
        resources: &[&'d Dictionary],
        name: &[u8],
        gs: &GraphicsState,
        forms: &mut Vec<usize>,
    ) {
        let doc = self.doc;
        let Some(object) = resources
            .iter()
            .filter_map(|r| sub_dict(doc, r, b"XObject"))
            .find_map(|x| x.get(name).ok())
        else {
            return;
        };
        let Object::Stream(stream) = deref(doc, object) else {
            return;
        };
        if !matches!(stream.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") {
            return;
        }
        let key = std::ptr::from_ref(stream) as usize;
        if forms.contains(&key) {
            // A form that draws itself: skip the cycle, as viewers do.
            return;
        }
        if forms.len() as u64 >= self.budget.limits().max_form_depth {
            let page_number = self.page_number;
            self.budget.exceed(Limit::FormDepth, || {
                format!("the forms on page {page_number}")
            });
            return;
        }
        let page_number = self.page_number;
        let what = || format!("a form drawn on page {page_number}");
        let cached = self.forms.get(&key).map(Rc::clone);
        let decoded = match cached {
            Some(ops) => Ok(ops),
            None => {
                let bytes = decode(stream, usize::MAX, self.budget, what).unwrap_or_default();
                if bytes.len() <= FORM_CACHE_ONE && self.cached + bytes.len() <= FORM_CACHE_TOTAL {
                    let ops = Rc::new(decode_operations(&bytes).collect::<Vec<_>>());
                    self.cached += bytes.len();
                    self.forms.insert(key, Rc::clone(&ops));
                    Ok(ops)
                } else {
                    Err(bytes)
                }
            }
        };
        let matrix = match stream.dict.get(b"Matrix").map(|o| deref(doc, o)) {
            Ok(Object::Array(items)) => Matrix::from_operands(items).unwrap_or(Matrix::IDENTITY),
            _ => Matrix::IDENTITY,
        };
        let mut inner = gs.clone();
        let ctm = matrix.then(gs.ctm);
        if ctm.is_sane() {
            inner.ctm = ctm;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| dict_of(doc, o));
        let mut inner_resources: Vec<&'d Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Some(own) = own {
            inner_resources.push(own);
        }
        inner_resources.extend_from_slice(resources);
        forms.push(key);
        match decoded {
            Ok(ops) => self.run(ops.iter(), &inner_resources, inner, forms),
            Err(bytes) => self.run(decode_operations(&bytes), &inner_resources, inner, forms),
        }
        forms.pop();
    }

    fn font(&mut self, resources: &[&'d Dictionary], name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let dict = resources
            .iter()
            .filter_map(|r| sub_dict(doc, r, b"Font"))
            .find_map(|fonts| fonts.get(name).ok())
            .and_then(|o| dict_of(doc, o));
        let Some(dict) = dict else {
            return Rc::new(Font::fallback());
        };
        let key = std::ptr::from_ref(dict) as usize;
        Rc::clone(
            self.fonts
                .entry(key)
                .or_insert_with(|| Rc::new(Font::load(doc, dict, self.budget))),
        )
    }

    /// Shows a string: places each glyph and advances the text matrix.
    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        let page = &mut self.page;
        let unmapped = &mut self.unmapped;
        let budget = self.budget;
        let max_glyphs = budget.limits().max_page_glyphs;
        let page_number = self.page_number;
        font.decode(bytes, |code| {
            if page.glyphs.len() as u64 >= max_glyphs {
                budget.exceed(Limit::PageGlyphs, || format!("page {page_number}"));
                return;
            }
            let m = tm.then(gs.ctm);
            let [a, b, c, d, e, f] = m.0;
            let px = gs.rise * c + e;
            let py = gs.rise * d + f;
            let size = (gs.size * (c * c + d * d).sqrt() * font.size_scale).abs();
            let mut tx = code.advance * gs.size + gs.char_spacing;
            if code.is_space_byte {
                tx += gs.word_spacing;
            }
            tx *= gs.h_scale;
            let (dx, dy) = (tx * a, tx * b);
            let dir = if a.abs() >= b.abs() {
                if a >= 0.0 { 0 } else { 2 }
            } else if b > 0.0 {
                1
            } else {
                3
            };
            let (x, y) = rotate(dir, px, py);
            let (adv, _) = rotate(dir, dx, dy);
            let start = page.text.len() as u32;
            let fallback;
            let text = if code.text.is_empty() {
                match font.unicode_code(code.code) {
                    Some(ch) => {
                        fallback = ch.to_string();
                        fallback.as_str()
                    }
                    None => {
                        *unmapped = true;
                        ""
                    }
                }
            } else {
                code.text
            };
            if !text.is_empty() && size.is_finite() && x.is_finite() && y.is_finite() {
                let space = text.chars().all(|c| c.is_whitespace());
                push_text(&mut page.text, text);
                page.glyphs.push(Glyph {
                    x,
                    y,
                    end: x + adv,
                    size,
                    dir,
                    start,
                    len: page.text.len() as u32 - start,
                    space,
                });
            }
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        });
    }
}

/// Rotates a point by `dir` quarter turns clockwise, into the reading frame of text written
/// `dir` quarter turns counter-clockwise.
fn rotate(dir: u8, x: f64, y: f64) -> (f64, f64) {
    match dir {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

/// Appends glyph text, expanding ligatures, folding canonical-equivalent punctuation and
/// dropping control characters.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            // Canonical equivalents (NFC singletons) some fonts map punctuation to: a GREEK
            // QUESTION MARK is a semicolon, a GREEK ANO TELEIA a middle dot.
            '\u{037E}' => out.push(';'),
            '\u{0387}' => out.push('\u{00B7}'),
            '\u{00A0}' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Decodes content operators lazily, keeping those before any syntax error.
fn decode_operations(content: &[u8]) -> impl Iterator<Item = Operation> + '_ {
    Content::decode_iter(content).map_while(Result::ok)
}

#[cfg(test)]
mod push_text_tests {
    use super::push_text;

    #[test]
    fn ligatures_expand_and_canonical_punctuation_folds() {
        let mut out = String::new();
        push_text(
            &mut out,
            "\u{FB01}nal\u{037E} and\u{00A0}x\u{0387}y\u{0007}",
        );
        assert_eq!(out, "final; and x\u{00B7}y");
    }
}
