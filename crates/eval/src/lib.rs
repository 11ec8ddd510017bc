//! The accuracy harness: runs the loaded check plugins on labelled contracts in CUAD's format
//! and scores them per category, at contract level, with cross-validation folds.
//!
//! Each contract's text is read the way `clauselint audit` reads a text file
//! ([`clauselint_ingest::read`]) and checked by the real plugins ([`clauselint_engine::PluginSet`]);
//! a data table ([`mapping::TABLE`]) says which check, and which of its findings, answers each
//! labelled category. Evidence offsets are mapped back from the ingested text to the labelled
//! text ([`align::OffsetMap`]) before they are compared with the labelled spans.
//!
//! ```no_run
//! use clauselint_engine::{PluginSet, Policy};
//! use clauselint_eval::{EvalOptions, evaluate, render_text};
//! use std::path::{Path, PathBuf};
//!
//! let (plugins, _) = PluginSet::load(&[PathBuf::from("target/release")], &Policy::default())?;
//! let eval = evaluate(Path::new("train.jsonl.gz"), &plugins, &EvalOptions::default())?;
//! print!("{}", render_text(&eval));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod align;
pub mod cuad;
mod error;
pub mod label;
pub mod mapping;
pub mod metrics;
mod render;
mod run;

pub use error::Error;
pub use render::render_text;
pub use run::{
    CategoryResult, Errors, EvalOptions, Evaluation, Example, FoldResult, HeldOut, Share, Skipped,
    TextFidelity, Timing, Unreadable, evaluate,
};
