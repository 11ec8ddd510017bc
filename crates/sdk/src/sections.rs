//! Sections: a numbered heading and the sub-clauses and items under it.
//!
//! Segmenters return "4. Deletion of Data", "4.1 …", "4.2 …", "(a) …" as separate clauses, and
//! only the first carries the heading. A rule that means "in the deletion clause" or "in the
//! same clause as the obligation" needs the section: sub-clause 4.2 (the backup carve-out)
//! belongs with 4.1 (the obligation), and both sit under the heading of 4.
//!
//! A clause numbered `N`, `Section N`, `Article N` or `Clause N` opens section `N`; a clause
//! numbered `N.x…` belongs to section `N` (opening it if the previous clause was in another);
//! lettered items and unnumbered body clauses belong to the section before them. Preamble and
//! signature clauses are each a section of their own.
//!
//! ```
//! use clauselint_sdk::{sections::Sections, segment::simple_clauses};
//! let text = "4. Deletion of Data\n4.1 Provider shall delete it.\n4.2 Backups excepted.\n5. Fees\n5.1 Pay.";
//! let clauses = simple_clauses(text);
//! let s = Sections::new(&clauses);
//! assert_eq!(s.heading(&clauses[2]), Some("Deletion of Data"));
//! assert!(s.same_section(&clauses[1], &clauses[2]));
//! assert!(!s.same_section(&clauses[2], &clauses[4]));
//! ```

use std::sync::LazyLock;

use regex::Regex;

use crate::{ClauseKind, ClauseRef, Span};

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern; the unit tests compile it.
    Regex::new(r"(?i)^\s*(?:(?:section|article|clause|§)\s*)?([0-9]+|[ivxlc]+)\b\.?(\S*)")
        .expect("constant pattern compiles")
});

/// The section of every clause of a contract.
#[derive(Debug, Clone)]
pub struct Sections<'a> {
    /// Per clause in document order: its span, section id and section heading.
    entries: Vec<(Span, usize, Option<&'a str>)>,
}

impl<'a> Sections<'a> {
    /// Groups `clauses` (in document order) into sections.
    pub fn new<'c>(clauses: impl IntoIterator<Item = &'c ClauseRef<'a>>) -> Sections<'a>
    where
        'a: 'c,
    {
        let mut entries = Vec::new();
        let mut id = 0usize;
        let mut key: Option<String> = None;
        let mut heading: Option<&'a str> = None;
        for clause in clauses {
            if matches!(clause.kind(), ClauseKind::Preamble | ClauseKind::Signature) {
                id += 1;
                key = None;
                heading = None;
                entries.push((clause.span(), id, clause.heading()));
                id += 1;
                continue;
            }
            let parsed = clause
                .number()
                .and_then(|n| NUMBER.captures(n))
                .and_then(|c| Some((c.get(1)?.as_str().to_lowercase(), c.get(2)?.as_str())));
            match parsed {
                Some((top, rest)) => {
                    let sub = rest
                        .trim_start_matches('.')
                        .starts_with(|c: char| c.is_alphanumeric());
                    if !sub || key.as_deref() != Some(top.as_str()) {
                        id += 1;
                        key = Some(top);
                        heading = clause.heading();
                    }
                }
                // Items and unnumbered paragraphs continue the current section.
                None if key.is_some() => {}
                None => {
                    id += 1;
                    heading = clause.heading();
                }
            }
            entries.push((clause.span(), id, clause.heading().or(heading)));
        }
        Sections { entries }
    }

    /// The sections of a contract's clauses.
    pub fn of(contract: &crate::Contract<'a>) -> Sections<'a> {
        Sections::new(contract.clauses())
    }

    fn entry(&self, clause: &ClauseRef<'_>) -> Option<&(Span, usize, Option<&'a str>)> {
        let span = clause.span();
        // Clauses come in document order, so a binary search finds the entry; the linear scan
        // covers clause lists that were not sorted (it returns the same entry).
        let at = self
            .entries
            .partition_point(|(s, _, _)| (s.start, s.end) < (span.start, span.end));
        match self.entries.get(at) {
            Some(e) if e.0 == span => Some(e),
            _ => self.entries.iter().find(|(s, _, _)| *s == span),
        }
    }

    /// The section id of `clause` (equal ids = same section), or `None` for a clause that is
    /// not one of this contract's.
    pub fn section(&self, clause: &ClauseRef<'_>) -> Option<usize> {
        self.entry(clause).map(|(_, id, _)| *id)
    }

    /// The clause's own heading, or else the heading of the section it is in.
    pub fn heading(&self, clause: &ClauseRef<'a>) -> Option<&'a str> {
        self.entry(clause)
            .and_then(|(_, _, h)| *h)
            .or_else(|| clause.heading())
    }

    /// Whether two clauses are in the same section (a clause is in its own).
    pub fn same_section(&self, a: &ClauseRef<'_>, b: &ClauseRef<'_>) -> bool {
        a.span() == b.span()
            || matches!((self.section(a), self.section(b)), (Some(x), Some(y)) if x == y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::simple_clauses;

    #[test]
    fn sub_clauses_and_items_join_their_heading() {
        let text = "Intro text\n1. Definitions\n1.1 the first.\n(a) item\n2. Return of Data\n2.1 delete it.\n(a) sub\n2.2 backups too.\n3.1 an orphan.\n3.2 a sibling.\nSection 4 Term\n4.1 x";
        let clauses = simple_clauses(text);
        let s = Sections::new(&clauses);
        let ids: Vec<_> = clauses.iter().map(|c| s.section(c)).collect();
        let headings: Vec<_> = clauses.iter().map(|c| s.heading(c)).collect();
        assert_eq!(
            headings,
            [
                None,
                Some("Definitions"),
                Some("Definitions"),
                Some("Definitions"),
                Some("Return of Data"),
                Some("Return of Data"),
                Some("Return of Data"),
                Some("Return of Data"),
                None,
                None,
                Some("Term"),
                Some("Term"),
            ]
        );
        assert_eq!(ids[1], ids[3]);
        assert_ne!(ids[3], ids[4]);
        assert_eq!(ids[4], ids[7]);
        assert_eq!(ids[8], ids[9]);
        assert_ne!(ids[7], ids[8]);
        assert_eq!(ids[10], ids[11]);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn foreign_clause_has_no_section() {
        let text = "1. A\n1.1 b";
        let clauses = simple_clauses(text);
        let s = Sections::new(&clauses);
        let other = ClauseRef::new("zzz", Span::new(0, 3), "", "", ClauseKind::Body);
        assert_eq!(s.section(&other), None);
        assert!(!s.same_section(&clauses[0], &other));
        assert!(s.same_section(&other, &other));
    }
}
