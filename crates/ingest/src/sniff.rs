//! Format detection from the bytes.
use clauselint_model::Format;

use crate::Error;

/// Detects the format from the bytes: `%PDF-` near the start is PDF, a ZIP with a Word part is
/// DOCX, decodable text is text. Never looks at the file name.
pub fn sniff(bytes: &[u8]) -> Result<Format, Error> {
    todo_sniff(bytes)
}

fn todo_sniff(_bytes: &[u8]) -> Result<Format, Error> {
    Err(Error::UnknownFormat("not implemented"))
}
