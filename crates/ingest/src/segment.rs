//! Clause segmentation.
use clauselint_model::{Block, Clause};

/// Splits the body blocks of a document into clauses.
pub(crate) fn segment(_text: &str, _blocks: &[Block]) -> Vec<Clause> {
    Vec::new()
}
