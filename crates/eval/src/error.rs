use std::path::PathBuf;

/// Errors that stop an evaluation: the labelled file cannot be read or is not CUAD-format, or
/// the options make no sense. A contract the ingest cannot read is not an error: it is scored as
/// a contract on which no check found anything, and counted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The labelled file could not be opened.
    #[error("{path}: cannot open: {source}")]
    Open {
        /// The labelled file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// Reading (or decompressing) the labelled file failed.
    #[error("{path}:{line}: cannot read: {source}")]
    Read {
        /// The labelled file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What failed.
        source: std::io::Error,
    },
    /// A line is not a CUAD record (bad JSON, missing field, not UTF-8, too long).
    #[error("{path}:{line}: not a CUAD record: {message}")]
    Record {
        /// The labelled file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A labelled span does not sit where its offset says.
    #[error(
        "{path}:{line}: contract `{id}`, category `{category}`: the span at character {start} \
         does not match the text ({message})"
    )]
    Label {
        /// The labelled file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The contract id.
        id: String,
        /// The CUAD category.
        category: String,
        /// The span's claimed character offset.
        start: usize,
        /// What is wrong.
        message: String,
    },
    /// `--folds` / `--fold` are inconsistent.
    #[error("{0}")]
    Options(String),
    /// The worker thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    ThreadPool(String),
}
