//! `numbering.xml`: list definitions and the counters that render "7.2", "(a)", "Article I".
use std::collections::HashMap;

use super::styles::Styles;
use super::xml::{Ev, Ns, XmlPart, attr, on_off};
use crate::Error;

/// Levels in a WordprocessingML list.
const LEVELS: usize = 9;
/// Longest `numStyleLink` indirection followed (cycles exist in damaged files).
const MAX_LINKS: usize = 4;

/// How a level's counter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum NumFmt {
    /// 1, 2, 3 (also the fallback for formats not rendered here).
    #[default]
    Decimal,
    /// 01, 02 … 10.
    DecimalZero,
    /// a … z, aa …
    LowerLetter,
    /// A … Z, AA …
    UpperLetter,
    /// i, ii, iii
    LowerRoman,
    /// I, II, III
    UpperRoman,
    /// 1st, 2nd
    Ordinal,
    /// A bullet: no number.
    Bullet,
    /// Counter not shown.
    None,
}

impl NumFmt {
    fn parse(s: &str) -> NumFmt {
        match s {
            "decimalZero" => NumFmt::DecimalZero,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "ordinal" => NumFmt::Ordinal,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }
}

/// One list level's definition.
#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    start: Option<u32>,
    fmt: NumFmt,
    text: Option<String>,
    legal: bool,
    /// `w:lvlRestart`: restart after this (1-based) level or a shallower one is used; 0 never.
    restart: Option<u32>,
    /// `w:pStyle`: the paragraph style bound to this level.
    pstyle: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Level; LEVELS],
    num_style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Per level: start override and/or a whole replacement level.
    overrides: Vec<(usize, Option<u32>, Option<Level>)>,
}

/// The list definitions of a document.
#[derive(Debug, Default)]
pub(super) struct Definitions {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Which counters a paragraph advances: the abstract list's (lists continue across `w:num`
/// instances), or the instance's own when it overrides start values (a restarted list).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum CounterKey {
    Abstract(String),
    Num(String),
}

/// Running counters while paragraphs are read in order.
#[derive(Debug, Default)]
pub(super) struct Counters {
    values: HashMap<CounterKey, [Option<u32>; LEVELS]>,
}

impl Definitions {
    /// Parses `numbering.xml`.
    pub fn parse(xml: &[u8], part: &str) -> Result<Definitions, Error> {
        let mut out = Definitions::default();
        let text = super::xml::decode(xml, part)?;
        let mut x = XmlPart::new(&text, part);
        // What is being read: an abstractNum (id), a num (id), a level inside either.
        let mut abs: Option<(String, Abstract, usize)> = None;
        let mut num: Option<(String, Num, usize)> = None;
        let mut lvl: Option<(usize, Level, usize)> = None;
        let mut over: Option<(usize, Option<u32>, usize)> = None;
        while let Some((depth, ev)) = x.next()? {
            match ev {
                Ev::Start(Ns::W, e, empty) => match e.local_name().as_ref() {
                    "abstractNum" if !empty => {
                        let id = attr(&e, "abstractNumId").unwrap_or_default();
                        abs = Some((id, Abstract::default(), depth));
                    }
                    "num" if !empty => {
                        let id = attr(&e, "numId").unwrap_or_default();
                        num = Some((id, Num::default(), depth));
                    }
                    "abstractNumId" => {
                        if let Some((_, n, _)) = num.as_mut() {
                            n.abstract_id = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "lvlOverride" if !empty => {
                        let i = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        over = Some((i, None, depth));
                    }
                    "startOverride" => {
                        if let Some((_, s, _)) = over.as_mut() {
                            *s = attr(&e, "val").and_then(|v| v.parse().ok());
                        }
                    }
                    "lvl" if !empty => {
                        let i = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        lvl = Some((i, Level::default(), depth));
                    }
                    "numStyleLink" => {
                        if let Some((_, a, _)) = abs.as_mut() {
                            a.num_style_link = attr(&e, "val");
                        }
                    }
                    name => {
                        if let Some((_, l, _)) = lvl.as_mut() {
                            match name {
                                "start" => l.start = attr(&e, "val").and_then(|v| v.parse().ok()),
                                "numFmt" => {
                                    l.fmt = NumFmt::parse(&attr(&e, "val").unwrap_or_default())
                                }
                                "lvlText" => l.text = attr(&e, "val"),
                                "isLgl" => l.legal = on_off(&e),
                                "lvlRestart" => {
                                    l.restart = attr(&e, "val").and_then(|v| v.parse().ok())
                                }
                                "pStyle" => l.pstyle = attr(&e, "val"),
                                _ => {}
                            }
                        }
                    }
                },
                Ev::End(Ns::W, _) => {
                    if lvl.as_ref().is_some_and(|l| l.2 == depth) {
                        if let Some((i, l, _)) = lvl.take() {
                            if let Some((_, a, _)) = abs.as_mut().filter(|_| over.is_none()) {
                                if let Some(slot) = a.levels.get_mut(i) {
                                    *slot = l;
                                }
                            } else if let Some((_, n, _)) = num.as_mut()
                                && let Some((oi, _, _)) = over
                            {
                                n.overrides.push((oi, None, Some(l)));
                            }
                        }
                    } else if over.as_ref().is_some_and(|o| o.2 == depth) {
                        if let (Some((i, start, _)), Some((_, n, _))) = (over.take(), num.as_mut())
                        {
                            n.overrides.push((i, start, None));
                        }
                    } else if abs.as_ref().is_some_and(|a| a.2 == depth) {
                        if let Some((id, a, _)) = abs.take() {
                            out.abstracts.entry(id).or_insert(a);
                        }
                    } else if num.as_ref().is_some_and(|n| n.2 == depth)
                        && let Some((id, n, _)) = num.take()
                    {
                        out.nums.entry(id).or_insert(n);
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The abstract list behind `num_id`, following `numStyleLink` through numbering styles.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..MAX_LINKS {
            let (key, a) = self.abstracts.get_key_value(id)?;
            let Some(link) = &a.num_style_link else {
                return Some((key.as_str(), a));
            };
            let linked = styles
                .get(link)
                .and_then(|s| s.num_id.as_deref())
                .and_then(|n| self.nums.get(n))
                .map(|n| n.abstract_id.as_str());
            match linked {
                Some(next) if next != id => id = next,
                _ => return Some((key.as_str(), a)),
            }
        }
        None
    }

    /// The level bound to paragraph style `style` in list `num_id`, if any (`w:lvl/w:pStyle`).
    pub fn level_for_style(&self, num_id: &str, style: &str, styles: &Styles) -> Option<u8> {
        let (_, a) = self.abstract_of(num_id, styles)?;
        a.levels
            .iter()
            .position(|l| l.pstyle.as_deref() == Some(style))
            .and_then(|i| u8::try_from(i).ok())
    }

    /// Advances the counters for a paragraph in list `num_id` at level `ilvl` and renders
    /// its number; `None` for bullets, unnumbered levels and unknown lists.
    pub fn advance(
        &self,
        counters: &mut Counters,
        num_id: &str,
        ilvl: u8,
        styles: &Styles,
    ) -> Option<String> {
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let num = self.nums.get(num_id)?;
        let (abs_id, a) = self.abstract_of(num_id, styles)?;
        let mut levels = a.levels.clone();
        let mut has_start_override = false;
        for (i, start, lvl) in &num.overrides {
            if let Some(slot) = levels.get_mut(*i) {
                if let Some(l) = lvl {
                    *slot = l.clone();
                }
                if let Some(s) = start {
                    slot.start = Some(*s);
                    has_start_override = true;
                }
            }
        }
        let key = if has_start_override || num.overrides.iter().any(|o| o.2.is_some()) {
            CounterKey::Num(num_id.to_owned())
        } else {
            CounterKey::Abstract(abs_id.to_owned())
        };
        let values = counters.values.entry(key).or_insert([None; LEVELS]);
        let start = |l: &Level| l.start.unwrap_or(1);
        values[ilvl] = Some(match values[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start(&levels[ilvl]),
        });
        // A shallower level moving on restarts the deeper ones (unless they say otherwise).
        for (k, v) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels[k].restart.unwrap_or(k as u32);
            if restart != 0 && (ilvl as u32) < restart {
                *v = None;
            }
        }
        let level = &levels[ilvl];
        if level.fmt == NumFmt::Bullet {
            return None;
        }
        let template = level.text.as_deref()?;
        let mut out = String::with_capacity(template.len() + 4);
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=9).contains(&d)
            {
                chars.next();
                let k = d as usize - 1;
                let value = values[k].unwrap_or_else(|| start(&levels[k]));
                let fmt = if level.legal
                    && !matches!(levels[k].fmt, NumFmt::None | NumFmt::DecimalZero)
                {
                    NumFmt::Decimal
                } else {
                    levels[k].fmt
                };
                out.push_str(&render(value, fmt));
            } else {
                out.push(c);
            }
        }
        let out = out.trim();
        (!out.is_empty()).then(|| out.to_owned())
    }
}

/// Writes one counter value in a number format.
pub(super) fn render(value: u32, fmt: NumFmt) -> String {
    match fmt {
        NumFmt::Decimal => value.to_string(),
        NumFmt::DecimalZero => format!("{value:02}"),
        NumFmt::LowerLetter => letters(value).to_lowercase(),
        NumFmt::UpperLetter => letters(value),
        NumFmt::LowerRoman => roman(value).to_lowercase(),
        NumFmt::UpperRoman => roman(value),
        NumFmt::Ordinal => {
            let suffix = match (value % 10, value % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{value}{suffix}")
        }
        NumFmt::Bullet | NumFmt::None => String::new(),
    }
}

/// Word's letter numbering: A … Z, then AA, BB … (the letter repeated), not spreadsheet
/// columns.
fn letters(value: u32) -> String {
    if value == 0 {
        return "0".to_owned();
    }
    let i = (value - 1) % 26;
    let times = ((value - 1) / 26 + 1).min(50) as usize;
    let c = char::from(b'A' + i as u8);
    std::iter::repeat_n(c, times).collect()
}

/// Roman numerals; values Word cannot write that way (0, ≥ 4000) fall back to decimal.
fn roman(mut value: u32) -> String {
    if value == 0 || value >= 4000 {
        return value.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while value >= v {
            out.push_str(s);
            value -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_render_like_word() {
        assert_eq!(render(4, NumFmt::LowerRoman), "iv");
        assert_eq!(render(1994, NumFmt::UpperRoman), "MCMXCIV");
        assert_eq!(render(27, NumFmt::LowerLetter), "aa");
        assert_eq!(render(3, NumFmt::DecimalZero), "03");
        assert_eq!(render(12, NumFmt::Ordinal), "12th");
        assert_eq!(render(22, NumFmt::Ordinal), "22nd");
    }

    const XML: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalZero"/><w:isLgl/><w:lvlText w:val="Section %1.%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn counters_nest_restart_and_override() {
        let d = Definitions::parse(XML.as_bytes(), "numbering.xml")
            .ok()
            .unwrap_or_default();
        let s = Styles::default();
        let mut c = Counters::default();
        let mut n = |id: &str, l: u8| d.advance(&mut c, id, l, &s);
        assert_eq!(n("1", 0).as_deref(), Some("Article I"));
        assert_eq!(n("1", 1).as_deref(), Some("Section 1.01"));
        assert_eq!(n("1", 1).as_deref(), Some("Section 1.02"));
        assert_eq!(n("1", 2).as_deref(), Some("(a)"));
        assert_eq!(n("1", 3), None, "bullets have no number");
        assert_eq!(n("1", 2).as_deref(), Some("(b)"));
        assert_eq!(n("1", 0).as_deref(), Some("Article II"));
        assert_eq!(
            n("1", 1).as_deref(),
            Some("Section 2.01"),
            "deeper levels restart"
        );
        assert_eq!(n("1", 2).as_deref(), Some("(a)"));
        assert_eq!(
            n("2", 0).as_deref(),
            Some("Article V"),
            "start override restarts"
        );
        assert_eq!(n("9", 0), None, "unknown list");
    }
}
