//! The audit engine: finds the files, loads the check plugins, and runs every check on every
//! document in parallel, containing faults so that one bad file or plugin never ends the run.
//!
//! The engine never knows a plugin by name: it loads whatever libraries it is pointed at
//! ([`PluginSet::load`]), hands each its policy section once, and calls each on each
//! [`clauselint_model::Document`]. Results leave as [`clauselint_model::FileRecord`]s through
//! a sink the caller passes in, in completion order, so a report can stream them.
//!
//! ```no_run
//! use clauselint_engine::{Audit, AuditOptions, Policy, PluginSet, discover};
//! use std::path::PathBuf;
//!
//! let policy = Policy::default();
//! let (plugins, problems) = PluginSet::load(&[PathBuf::from("target/release")], &policy)?;
//! assert!(problems.is_empty());
//! let files = discover(&[PathBuf::from("corpus")]);
//! Audit::new(&plugins, AuditOptions::default()).run(files, |record| {
//!     println!("{}: {:?}", record.path, record.status);
//!     std::ops::ControlFlow::Continue(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod discover;
mod error;
mod loader;
mod policy;
mod run;

pub use discover::{Discovered, discover};
pub use error::Error;
pub use loader::{LoadProblem, Plugin, PluginInfo, PluginSet, Prepared, is_default_plugin_name};
pub use policy::Policy;
pub use run::{Audit, AuditOptions, WORKER_THREAD_PREFIX, audit_document};
