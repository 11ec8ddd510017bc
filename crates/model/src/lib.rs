//! The shared vocabulary of clauselint.
//!
//! Every other crate speaks in these types: ingest turns bytes into a [`Document`] made of
//! [`Block`]s and [`Clause`]s, check plugins answer with [`Finding`]s, and the report crate
//! renders them. The crate does no I/O and knows nothing of formats or plugins.
//!
//! All offsets inside a document are **byte** offsets into [`Document::text`] (a [`Span`]);
//! reports convert them to character offsets at the edge, because that is what outside tools
//! expect.
//!
//! ```
//! use clauselint_model::{Span, Verdict};
//!
//! let text = "7.2 Governing Law. New York.";
//! let span = Span::new(4, 17);
//! assert_eq!(span.slice(text), Some("Governing Law"));
//! assert!(Verdict::Fail > Verdict::Warn);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod document;
mod finding;
mod record;

pub use document::{
    Block, BlockKind, CharIndex, Clause, ClauseKind, Document, Format, Location, Metadata, Span,
};
pub use finding::{Evidence, Finding, ParamValue, Params, Verdict};
pub use record::{FileRecord, FileStatus, Timings};
