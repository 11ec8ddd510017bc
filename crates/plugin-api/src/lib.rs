//! The boundary between the clauselint host and its check plugins.
//!
//! Rust has no stable ABI, so plugins talk to the host through a small C ABI ([`abi`]): a plugin
//! library exports one symbol, [`abi::ENTRY_SYMBOL`], a function returning a `'static`
//! [`abi::PluginDescriptor`]. The descriptor's first field is [`abi::ABI_VERSION`]; the host
//! reads it before anything else and refuses a library built against another version.
//!
//! A plugin author never touches the ABI: they implement [`Check`] and call [`export_check!`],
//! which generates the entry symbol and wraps every entry point in `catch_unwind`, so that a
//! panic becomes an `error` finding instead of aborting the host.
//!
//! The host lends the document to the plugin as borrowed views (text and clause spans); the
//! plugin answers with findings encoded as JSON in a buffer it owns, which the host hands back
//! to the plugin's own free function. Evidence is given as byte spans into the document text; the
//! host turns them into quotes and locations.
//!
//! ```
//! use clauselint_plugin_api::{Check, Contract, Report, Verdict};
//!
//! #[derive(Default, serde::Deserialize, serde::Serialize)]
//! #[serde(deny_unknown_fields)]
//! struct Policy {}
//!
//! struct Shouting;
//!
//! impl Check for Shouting {
//!     const ID: &'static str = "shouting";
//!     const NAME: &'static str = "All-caps clauses";
//!     const VERSION: &'static str = "0.1.0";
//!     const DESCRIPTION: &'static str = "Flags clauses written entirely in capitals.";
//!     const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Warn];
//!     type Policy = Policy;
//!
//!     fn new(_: Policy) -> Result<Self, String> {
//!         Ok(Shouting)
//!     }
//!
//!     fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
//!         let loud = contract.clauses().find(|c| {
//!             let t = c.text();
//!             t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
//!         });
//!         match loud {
//!             Some(c) => vec![Report::new(Verdict::Warn, "A clause is all capitals.").quote(c.span())],
//!             None => vec![Report::new(Verdict::Pass, "No all-caps clause.")],
//!         }
//!     }
//! }
//!
//! clauselint_plugin_api::export_check!(Shouting);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod abi;
mod contract;
mod export;
pub mod sentences;
pub mod text;
mod wire;

pub use clauselint_model::{ClauseKind, ParamValue, Params, Span, Verdict};
pub use contract::{Analysis, ClauseRef, Contract};
#[doc(hidden)]
pub use export::__private;
pub use export::Check;
pub use wire::{Report, WireFinding, WireFindings, WireSpan};
