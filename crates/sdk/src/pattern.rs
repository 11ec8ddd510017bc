//! Compiling check patterns so they stay fast on real contract text.
//!
//! The `regex` crate answers most searches with a lazy DFA, which is fast. That engine cannot
//! evaluate a Unicode word boundary (`\b`) once the text holds a non-ASCII byte — a "§", an
//! "é", a bullet, a non-breaking space — and then the whole search falls back to a far slower
//! engine (the PikeVM), which on contracts made every check several times slower than the
//! extraction. An ASCII word boundary (`(?-u:\b)`) keeps the fast engine on any text; it differs
//! only next to a non-ASCII letter ("café" ends in a word character for Unicode, not for ASCII),
//! which English contract vocabulary never depends on.
//!
//! A check's own patterns are constants of its source: [`constant`] compiles one the way every
//! check does (case-insensitive, `.` matching newlines, ASCII word boundaries) and panics on a
//! pattern that does not compile, a bug a unit test of the check catches. Anything built from
//! data — a policy, a contract — goes through [`compile`], which returns the error instead.
//!
//! ```
//! use std::sync::LazyLock;
//! use clauselint_sdk::pattern::{ascii_word_boundaries, compile, constant};
//! use regex::Regex;
//! assert_eq!(ascii_word_boundaries(r"\bshall\b"), r"(?-u:\b)shall(?-u:\b)");
//! let re = compile(r"(?i)\bgoverned\s+by\b").unwrap();
//! assert!(re.is_match("§ 12 – This Agreement is Governed by the laws of Québec."));
//!
//! static GOVERNED: LazyLock<Regex> = LazyLock::new(|| constant(r"\bgoverned\s+by\b"));
//! assert!(GOVERNED.is_match("This Agreement is GOVERNED\nby the laws of Québec."));
//! ```

use regex::Regex;

/// `pattern` with every word-boundary assertion (`\b`, `\B`) outside a character class made
/// ASCII (`(?-u:\b)`, `(?-u:\B)`); escaped backslashes (`\\b`) and everything else unchanged.
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars().peekable();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if in_class == 0 => {
                    out.push_str(r"(?-u:\");
                    out.push(b);
                    out.push(')');
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push('[');
                // "[]…]" and "[^]…]": a first `]` is a literal, not the end of the class.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compiles `pattern` with ASCII word boundaries (see the module documentation). Flags such
/// as `(?is)` are the caller's, as with [`Regex::new`].
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_word_boundaries(pattern))
}

/// Compiles a pattern that is a **compile-time constant** of the calling check: with `(?is)`
/// (case-insensitive, `.` matching newlines) prepended and ASCII word boundaries (see the
/// module documentation). Meant for `static X: LazyLock<Regex>` and for patterns assembled with
/// `format!` from other constants; a check's unit tests should force every such pattern once.
///
/// # Panics
///
/// If the pattern does not compile. That is a bug in the check's source, never a property of
/// its input: do not pass anything read from a policy, a contract or a user — use [`compile`]
/// and handle the error.
pub fn constant(pattern: &str) -> Regex {
    match compile(&format!("(?is){pattern}")) {
        Ok(re) => re,
        Err(e) => panic!("constant pattern {pattern:?} does not compile: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_word_boundaries_change() {
        assert_eq!(
            ascii_word_boundaries(r"\bnot\B\s+\w+\\b[\b-]\.x"),
            r"(?-u:\b)not(?-u:\B)\s+\w+\\b[\b-]\.x"
        );
        assert_eq!(ascii_word_boundaries(r"[]\b]\b"), r"[]\b](?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"[^]]\b"), r"[^]](?-u:\b)");
        assert_eq!(ascii_word_boundaries("tail\\"), "tail\\");
        assert_eq!(ascii_word_boundaries(""), "");
    }

    #[test]
    fn compiled_patterns_match_like_unicode_ones_on_english_text() {
        let ascii = compile(r"(?is)\b(?:shall|will)\s+not\b.{0,40}?\bcompete\b").unwrap();
        let unicode = Regex::new(r"(?is)\b(?:shall|will)\s+not\b.{0,40}?\bcompete\b").unwrap();
        for text in [
            "The Consultant shall not, directly or indirectly, compete — anywhere.",
            "§ 7 “Consultant” will not compete with Société Générale.",
            "shallnot compete; will notcompete",
            "Café owners will not be asked to compete.",
        ] {
            assert_eq!(
                ascii.find(text).map(|m| m.range()),
                unicode.find(text).map(|m| m.range()),
                "{text}"
            );
        }
    }

    #[test]
    fn constants_are_case_insensitive_dot_all_and_ascii_bounded() {
        let re = constant(r"\bterminate\b.+\bnotice\b");
        assert!(re.is_match("Either party may TERMINATE\non notice."));
        assert!(!re.is_match("terminated on notice"));
        assert!(re.as_str().starts_with("(?is)(?-u:\\b)"));
    }

    #[test]
    #[should_panic(expected = "does not compile")]
    fn a_bad_constant_panics_with_its_pattern() {
        let _ = constant(r"(unclosed");
    }

    #[test]
    fn ascii_boundaries_never_split_a_character() {
        let re = compile(r"\b").unwrap();
        let text = "é§a b";
        for m in re.find_iter(text) {
            assert!(text.is_char_boundary(m.start()));
        }
    }
}
