//! Resource limits per file: how much a single document may make the readers decompress,
//! interpret and hold, so that a crafted or damaged file (a zip bomb, a PDF whose forms draw
//! each other, a page of millions of operators) ends in [`Error::TooLarge`] instead of a hang
//! or an out-of-memory abort.
//!
//! The defaults are far above what real contracts need and far below what exhausts a machine.
//! On the 107 real PDFs of the shared data (CUAD's original EDGAR filings and renders, and
//! `realdocs/pdf`) the most any file needed was under 1 M operators (a 28-page filing that
//! places every glyph on its own), under 4 MiB decompressed and under 10 000 glyphs on a page;
//! the defaults are 50×, 128× and 20× that. 50 M operators is a few seconds of work on one
//! core, or a dense filing of well over a thousand pages.

use std::cell::{Cell, RefCell};
use std::fmt;

use crate::Error;

/// Per-file resource limits. `Limits::default()` suits untrusted input; raise a field for a
/// known-good corpus of unusual size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Bytes decompressed from one file in all: DOCX parts, and PDF content streams, forms,
    /// fonts and CMaps, each time they are decoded.
    pub max_decompressed_bytes: u64,
    /// Decompressed size of one DOCX part.
    pub max_part_bytes: u64,
    /// Decompressed size of one PDF stream (also passed to the PDF parser for object streams).
    pub max_stream_bytes: u64,
    /// Expansion ratio (decompressed / compressed) allowed for DOCX parts above 8 MiB; only
    /// crafted data (zip bombs) reaches it at that size.
    pub max_zip_ratio: u64,
    /// Entries in a DOCX's ZIP directory.
    pub max_zip_entries: u64,
    /// PDF pages.
    pub max_pages: u64,
    /// PDF content-stream operators run for the whole file, counting a form's operators each
    /// time the form is drawn.
    pub max_operations: u64,
    /// Glyphs shown on one PDF page.
    pub max_page_glyphs: u64,
    /// Nesting depth of PDF form XObjects (a form drawing a form …). Cycles are skipped
    /// without error; a deeper chain than this is an error.
    pub max_form_depth: u64,
    /// Bytes of extracted text (UTF-8) for the whole document.
    pub max_text_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_decompressed_bytes: 512 * MIB,
            max_part_bytes: 200 * MIB,
            max_stream_bytes: 64 * MIB,
            max_zip_ratio: 200,
            max_zip_entries: 10_000,
            max_pages: 10_000,
            max_operations: 50_000_000,
            max_page_glyphs: 200_000,
            max_form_depth: 16,
            max_text_bytes: 64 * MIB,
        }
    }
}

impl Limits {
    /// The value of one limit.
    pub fn get(&self, limit: Limit) -> u64 {
        match limit {
            Limit::DecompressedBytes => self.max_decompressed_bytes,
            Limit::PartBytes => self.max_part_bytes,
            Limit::StreamBytes => self.max_stream_bytes,
            Limit::ZipRatio => self.max_zip_ratio,
            Limit::ZipEntries => self.max_zip_entries,
            Limit::Pages => self.max_pages,
            Limit::Operations => self.max_operations,
            Limit::PageGlyphs => self.max_page_glyphs,
            Limit::FormDepth => self.max_form_depth,
            Limit::TextBytes => self.max_text_bytes,
        }
    }

    /// The same limits with one changed (handy for tests and callers that raise one budget).
    pub fn with(mut self, limit: Limit, value: u64) -> Limits {
        let slot = match limit {
            Limit::DecompressedBytes => &mut self.max_decompressed_bytes,
            Limit::PartBytes => &mut self.max_part_bytes,
            Limit::StreamBytes => &mut self.max_stream_bytes,
            Limit::ZipRatio => &mut self.max_zip_ratio,
            Limit::ZipEntries => &mut self.max_zip_entries,
            Limit::Pages => &mut self.max_pages,
            Limit::Operations => &mut self.max_operations,
            Limit::PageGlyphs => &mut self.max_page_glyphs,
            Limit::FormDepth => &mut self.max_form_depth,
            Limit::TextBytes => &mut self.max_text_bytes,
        };
        *slot = value;
        self
    }
}

/// One of the [`Limits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_decompressed_bytes`].
    DecompressedBytes,
    /// [`Limits::max_part_bytes`].
    PartBytes,
    /// [`Limits::max_stream_bytes`].
    StreamBytes,
    /// [`Limits::max_zip_ratio`].
    ZipRatio,
    /// [`Limits::max_zip_entries`].
    ZipEntries,
    /// [`Limits::max_pages`].
    Pages,
    /// [`Limits::max_operations`].
    Operations,
    /// [`Limits::max_page_glyphs`].
    PageGlyphs,
    /// [`Limits::max_form_depth`].
    FormDepth,
    /// [`Limits::max_text_bytes`].
    TextBytes,
}

impl Limit {
    /// What the limit bounds, and its unit.
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Limit::DecompressedBytes => ("bytes decompressed per file", "bytes"),
            Limit::PartBytes => ("decompressed size of one DOCX part", "bytes"),
            Limit::StreamBytes => ("decompressed size of one PDF stream", "bytes"),
            Limit::ZipRatio => ("compression ratio of a large DOCX part", "x"),
            Limit::ZipEntries => ("entries in the DOCX package", "entries"),
            Limit::Pages => ("pages per PDF", "pages"),
            Limit::Operations => ("content operators run per PDF", "operators"),
            Limit::PageGlyphs => ("glyphs per PDF page", "glyphs"),
            Limit::FormDepth => ("nesting depth of PDF forms", "levels"),
            Limit::TextBytes => ("extracted text per document", "bytes"),
        }
    }
}

/// Which limit a file exceeded, its value, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    /// The limit.
    pub limit: Limit,
    /// Its value in this run.
    pub max: u64,
    /// Where it was exceeded ("DOCX part word/document.xml", "page 3").
    pub detail: String,
}

impl fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, unit) = self.limit.describe();
        let max = match unit {
            "bytes" if self.max >= MIB && self.max.is_multiple_of(MIB) => {
                format!("{} MiB", self.max / MIB)
            }
            "x" => format!("{}x", self.max),
            _ => format!("{} {unit}", self.max),
        };
        write!(
            f,
            "{} exceeds the limit on {what} ({max}); a damaged or crafted file?",
            self.detail
        )
    }
}

impl LimitExceeded {
    /// The error for `limit` exceeded at `detail`.
    pub(crate) fn error(limits: &Limits, limit: Limit, detail: impl Into<String>) -> Error {
        Error::TooLarge(LimitExceeded {
            limit,
            max: limits.get(limit),
            detail: detail.into(),
        })
    }
}

/// The cumulative budgets of one read (decompressed bytes, operators, text), shared by
/// reference through a reader. The first limit exceeded is recorded; readers check
/// [`Budget::exhausted`] to stop early and [`Budget::check`] to turn it into the error.
#[derive(Debug)]
pub(crate) struct Budget {
    limits: Limits,
    bytes: Cell<u64>,
    operations: Cell<u64>,
    text: Cell<u64>,
    exceeded: Cell<Option<Limit>>,
    detail: RefCell<String>,
}

impl Budget {
    pub(crate) fn new(limits: Limits) -> Budget {
        Budget {
            limits,
            bytes: Cell::new(0),
            operations: Cell::new(0),
            text: Cell::new(0),
            exceeded: Cell::new(None),
            detail: RefCell::new(String::new()),
        }
    }

    pub(crate) fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Adds `amount` to a cumulative budget ([`Limit::DecompressedBytes`],
    /// [`Limit::Operations`] or [`Limit::TextBytes`]); `false` once the budget is spent, with
    /// the first excess recorded (`detail` is only called then).
    pub(crate) fn charge(
        &self,
        limit: Limit,
        amount: u64,
        detail: impl FnOnce() -> String,
    ) -> bool {
        let counter = match limit {
            Limit::DecompressedBytes => &self.bytes,
            Limit::Operations => &self.operations,
            Limit::TextBytes => &self.text,
            other => {
                debug_assert!(false, "{other:?} is not a cumulative budget");
                return true;
            }
        };
        let total = counter.get().saturating_add(amount);
        counter.set(total);
        if total > self.limits.get(limit) {
            self.exceed(limit, detail);
            return false;
        }
        true
    }

    /// Records that `limit` was exceeded (the first record wins).
    pub(crate) fn exceed(&self, limit: Limit, detail: impl FnOnce() -> String) {
        if self.exceeded.get().is_none() {
            self.exceeded.set(Some(limit));
            let detail = detail();
            *self.detail.borrow_mut() = detail;
        }
    }

    /// Whether a limit has been exceeded.
    pub(crate) fn exhausted(&self) -> bool {
        self.exceeded.get().is_some()
    }

    /// The error for the first limit exceeded, if any.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match self.exceeded.get() {
            None => Ok(()),
            Some(limit) => Err(LimitExceeded::error(
                &self.limits,
                limit,
                self.detail.borrow().clone(),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cumulative_budget_fails_once_spent_and_keeps_the_first_excess() {
        let limits = Limits::default().with(Limit::Operations, 10);
        let budget = Budget::new(limits);
        assert!(budget.charge(Limit::Operations, 10, || "page 1".into()));
        assert!(budget.check().is_ok());
        assert!(!budget.charge(Limit::Operations, 1, || "page 2".into()));
        budget.exceed(Limit::FormDepth, || "page 3".into());
        assert!(budget.exhausted());
        let Err(Error::TooLarge(e)) = budget.check() else {
            panic!("expected TooLarge");
        };
        assert_eq!(
            (e.limit, e.max, e.detail.as_str()),
            (Limit::Operations, 10, "page 2")
        );
        // Checking twice gives the same error.
        assert!(matches!(
            budget.check(),
            Err(Error::TooLarge(LimitExceeded {
                limit: Limit::Operations,
                ..
            }))
        ));
    }

    #[test]
    fn the_message_names_the_place_the_limit_and_its_value() {
        let e = LimitExceeded::error(
            &Limits::default(),
            Limit::PartBytes,
            "DOCX part word/document.xml",
        );
        assert_eq!(
            e.to_string(),
            "too large: DOCX part word/document.xml exceeds the limit on decompressed size of one \
             DOCX part (200 MiB); a damaged or crafted file?"
        );
        let e = LimitExceeded::error(&Limits::default(), Limit::Operations, "page 7");
        assert!(e.to_string().contains("(50000000 operators)"), "{e}");
    }

    #[test]
    fn with_changes_exactly_one_limit() {
        let base = Limits::default();
        let changed = base.with(Limit::Pages, 3);
        assert_eq!(changed.get(Limit::Pages), 3);
        assert_eq!(changed.with(Limit::Pages, base.max_pages), base);
    }
}
