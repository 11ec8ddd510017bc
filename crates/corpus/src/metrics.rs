//! Glyph widths of the standard-14 Helvetica and Helvetica-Bold (Adobe AFM files, in 1/1000 em),
//! and the WinAnsiEncoding byte of each character we can draw. The PDF renderer wraps lines with
//! these widths so text never runs past the margin, as a word processor's output would.

/// Which of the two fonts a run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Font {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

/// Helvetica widths for WinAnsi codes 32..=126 (AFM `WX`).
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // '0'..'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 'P'..'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // '`'..'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // 'p'..'~'
];

/// Helvetica-Bold widths for WinAnsi codes 32..=126 (AFM `WX`).
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // '0'..'?'
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 'P'..'_'
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // '`'..'o'
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,      // 'p'..'~'
];

/// The WinAnsiEncoding byte for `c`, or `None` if the encoding cannot draw it.
pub(crate) fn win_ansi(c: char) -> Option<u8> {
    match c {
        ' '..='~' => Some(c as u8),
        '\u{2018}' => Some(0x91),
        '\u{2019}' => Some(0x92),
        '\u{201C}' => Some(0x93),
        '\u{201D}' => Some(0x94),
        '\u{2022}' => Some(0x95),
        '\u{2013}' => Some(0x96),
        '\u{2014}' => Some(0x97),
        '\u{20AC}' => Some(0x80),
        '\u{00A7}' => Some(0xA7),
        '\u{00A9}' => Some(0xA9),
        '\u{00E9}' => Some(0xE9),
        '\u{00FC}' => Some(0xFC),
        '\u{00F6}' => Some(0xF6),
        '\u{00E4}' => Some(0xE4),
        _ => None,
    }
}

/// The width of WinAnsi byte `b` in 1/1000 em.
pub(crate) fn width(font: Font, b: u8) -> u16 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    match b {
        32..=126 => table[usize::from(b - 32)],
        0x91 | 0x92 => {
            if font == Font::Bold {
                278
            } else {
                222
            }
        }
        0x93 | 0x94 => {
            if font == Font::Bold {
                500
            } else {
                333
            }
        }
        0x95 => 350,
        0x96 | 0x80 => 556,
        0x97 => 1000,
        0xA7 => 556,
        0xA9 => 737,
        0xE9 | 0xFC | 0xE4 => 556,
        0xF6 if font == Font::Bold => 611,
        _ => 556,
    }
}

/// The WinAnsi bytes of `s`; characters the encoding lacks become '?'.
pub(crate) fn encode(s: &str) -> Vec<u8> {
    s.chars().map(|c| win_ansi(c).unwrap_or(b'?')).collect()
}

/// The width of `s` in points at `size`.
pub(crate) fn text_width(font: Font, size: f32, s: &str) -> f32 {
    let units: u32 = encode(s).iter().map(|&b| u32::from(width(font, b))).sum();
    units as f32 * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_afm_widths() {
        assert_eq!(width(Font::Regular, b' '), 278);
        assert_eq!(width(Font::Regular, b'@'), 1015);
        assert_eq!(width(Font::Regular, b'i'), 222);
        assert_eq!(width(Font::Regular, b'~'), 584);
        assert_eq!(width(Font::Bold, b'@'), 975);
        assert_eq!(width(Font::Bold, b'i'), 278);
        assert_eq!(width(Font::Bold, b'z'), 500);
        assert_eq!(width(Font::Regular, 0x97), 1000);
    }

    #[test]
    fn widths_add_up_and_scale() {
        // "Wi" = 944 + 222 units; at 10 pt that is 11.66 pt.
        assert!((text_width(Font::Regular, 10.0, "Wi") - 11.66).abs() < 1e-4);
        assert_eq!(encode("a\u{2019}\u{4e2d}"), vec![b'a', 0x92, b'?']);
    }
}
