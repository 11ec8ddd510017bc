/// Why a document could not be read. Messages say what is wrong and, where there is one, what
/// to do about it; the caller adds the path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not DOCX, PDF or text.
    #[error("unrecognised format ({0}); clauselint reads DOCX, PDF and plain text")]
    UnknownFormat(&'static str),
    /// The file has no bytes or no text at all.
    #[error("the document contains no text")]
    Empty,
    /// Text only in headers, footers or notes: nothing a clause could be in.
    #[error("the document body is empty (text only in headers, footers or notes)")]
    NoBody,
    /// A PDF whose pages carry no text: a scan.
    #[error("no text layer (needs OCR)")]
    NoTextLayer,
    /// A PDF that shows text in fonts with no Unicode mapping (no ToUnicode CMap, no known
    /// encoding): the glyphs are there but what letters they are is not.
    #[error(
        "the PDF shows text, but its fonts have no Unicode mapping (no ToUnicode CMap), so \
         the characters cannot be recovered; needs OCR"
    )]
    NoUnicodeMapping,
    /// A PDF encrypted with a password other than the empty one.
    #[error("PDF is encrypted with a password; decrypt it first")]
    Encrypted,
    /// A broken or unsupported PDF.
    #[error("unreadable PDF: {0}")]
    Pdf(String),
    /// A broken ZIP container or missing DOCX part.
    #[error("unreadable DOCX: {0}")]
    Docx(String),
    /// Malformed XML inside a DOCX.
    #[error("malformed XML in DOCX part {part}: {message}")]
    Xml {
        /// The part (`word/document.xml`).
        part: String,
        /// What the parser said.
        message: String,
    },
    /// A resource limit of [`crate::Limits`] was hit: a zip bomb, an enormous part or
    /// stream, a page that runs forever.
    #[error("too large: {0}")]
    TooLarge(crate::LimitExceeded),
}
