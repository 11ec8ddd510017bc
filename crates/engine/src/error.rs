use std::path::PathBuf;

/// Errors that stop a run: before any contract is audited, or by the caller's request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The policy file could not be read.
    #[error("{path}: cannot read policy file: {source}")]
    PolicyIo {
        /// The policy file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The policy file is not valid, or a plugin rejected its section.
    #[error("{path}:{line}: {message}")]
    Policy {
        /// The policy file (or `<default>` when none was given).
        path: PathBuf,
        /// 1-based line of the offending table or key (0 when unknown).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A plugin folder could not be listed.
    #[error("{path}: cannot list plugin folder: {source}")]
    PluginDir {
        /// The folder.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
    /// The caller stopped the run (its report sink failed); not every file was audited.
    #[error("audit stopped before every file was audited")]
    Cancelled,
    /// The worker thread pool could not be built.
    #[error("cannot start worker threads: {0}")]
    ThreadPool(String),
}
