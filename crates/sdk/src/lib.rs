//! The clauselint plugin SDK: everything a check plugin needs, in one dependency.
//!
//! A plugin implements [`Check`] over a [`Contract`] and answers with [`Report`]s; it exports
//! itself with [`export_check!`]. The SDK re-exports those from `clauselint-plugin-api` and adds
//! the helpers most checks need:
//!
//! - [`numbers`]: "twenty-four", "one hundred", "1,000" → values;
//! - [`duration`]: "two (2) years" → 24 months, "thirty (30) days" → 30 days, with spans;
//! - [`percent`] and [`money`]: "25%", "twenty-five percent", "$1,000,000", "€10.000";
//! - [`jurisdiction`]: "State of New York" → `US-NY`, "England and Wales" → `GB-ENG`;
//! - [`sentences`]: sentence spans that survive "Inc.", "U.S." and "7.2", and the sentences of a
//!   contract with their matching forms, normalised once ([`sentences::NormalizedSentences`]);
//! - [`pattern`]: compiling patterns with ASCII word boundaries, which keeps regex searches on
//!   the fast engine whatever characters a contract holds, and a check's constant patterns
//!   ([`pattern::constant`]);
//! - [`verdicts`]: a policy's verdict settings ("pass", "warn", …) read into [`Verdict`]s, with
//!   an error naming the key and the choices;
//! - [`parties`]: client and provider — role words, the contract's own party names placed on a
//!   side by what they do ("Corvid shall deliver"), and each side's mentions in a sentence;
//! - [`text`]: a lower-cased, quote-straightened matching form that maps back to the original;
//! - [`defined`]: defined terms ("X" means …, (the "X")) with their definitions;
//! - [`sections`]: sub-clauses and items grouped under their numbered heading;
//! - [`segment`]: a simple plain-text clause splitter for tests and examples;
//! - [`fixtures`]: the fixture harness (`fixtures/<verdict>/NNNN_name.txt` + `.expect.toml`).
//!
//! ```
//! use clauselint_sdk::{Check, Contract, Report, Verdict, duration::find_durations, sentences};
//!
//! #[derive(Default, serde::Deserialize, serde::Serialize)]
//! #[serde(deny_unknown_fields, default)]
//! struct Policy {
//!     max_days: u32,
//! }
//!
//! struct LongNotice {
//!     max_days: f64,
//! }
//!
//! impl Check for LongNotice {
//!     const ID: &'static str = "long-notice";
//!     const NAME: &'static str = "Long notice periods";
//!     const VERSION: &'static str = "0.1.0";
//!     const DESCRIPTION: &'static str = "Warns on notice periods longer than the policy allows.";
//!     const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Warn];
//!     const POLICY_DOC: &'static [(&'static str, &'static str)] =
//!         &[("max_days", "Longest notice period that passes, in days (1 or more).")];
//!     type Policy = Policy;
//!
//!     fn new(policy: Policy) -> Result<Self, String> {
//!         Ok(LongNotice { max_days: f64::from(policy.max_days.max(1)) })
//!     }
//!
//!     fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
//!         for clause in contract.body() {
//!             for (span, sentence) in sentences::split_str(clause.text()) {
//!                 if !sentence.contains("notice") {
//!                     continue;
//!                 }
//!                 for d in find_durations(sentence) {
//!                     if d.duration.as_days() > self.max_days {
//!                         return vec![Report::new(Verdict::Warn, "Notice period is long.")
//!                             .quote(clause.span_of(span.start, span.end))
//!                             .param("days", d.duration.as_days().round() as i64)];
//!                     }
//!                 }
//!             }
//!         }
//!         vec![Report::new(Verdict::Pass, "No long notice period.")]
//!     }
//! }
//!
//! clauselint_sdk::export_check!(LongNotice);
//!
//! let text = "1. Notice. Either party may terminate on ninety (90) days' notice.";
//! let clauses = clauselint_sdk::segment::simple_clauses(text);
//! let check = LongNotice::new(Policy { max_days: 30 })?;
//! let reports = check.check(&Contract::new(text, &clauses));
//! assert_eq!(reports[0].verdict(), Verdict::Warn);
//! assert_eq!(reports[0].finding().params["days"], 90i64.into());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod defined;
pub mod duration;
pub mod fixtures;
pub mod jurisdiction;
pub mod money;
pub mod numbers;
pub mod parties;
pub mod pattern;
pub mod percent;
pub mod sections;
pub mod segment;
pub mod sentences;
pub use clauselint_plugin_api::text;
pub mod verdicts;

// The plugin API, re-exported so a plugin depends on the SDK alone. `export_check!` expands to
// `$crate::…` paths, and `$crate` always names the defining crate (`clauselint-plugin-api`),
// which is linked through this crate; the crate doc example above compiles with the SDK alone.
pub use clauselint_plugin_api::{
    Check, ClauseKind, ClauseRef, Contract, ParamValue, Params, Report, Span, Verdict, WireFinding,
    WireFindings, WireSpan, export_check,
};
