//! Builds clauselint's sample corpus: contract sources in a light text markup are rendered to
//! DOCX (with real Word numbering), PDF (Helvetica, wrapped with the font's real widths, with a
//! "Page N of M" footer) and plain text, so ingest and the checks are tested on the same
//! contract in every format.
//!
//! - [`parse`] reads a source into a [`Contract`] (title and numbered [`Block`]s).
//! - [`render_docx`], [`render_pdf`] and [`render_txt`] turn a contract into file bytes; the
//!   output is deterministic (no timestamps), so a rebuild gives identical bytes.
//! - [`build`] renders every source named in a `manifest.toml` into the formats listed there.
//!
//! # Example
//!
//! ```
//! let contract = clauselint_corpus::parse(
//!     "example",
//!     "# Consulting Agreement\n## 1. Governing Law\n1.1 This Agreement is governed by the laws of Germany.\n",
//! )?;
//! let text = clauselint_corpus::render_txt(&contract);
//! assert!(text.contains("1.1 This Agreement is governed"));
//! let pdf = clauselint_corpus::render_pdf(&contract)?;
//! assert!(pdf.starts_with(b"%PDF-"));
//! let docx = clauselint_corpus::render_docx(&contract)?;
//! assert!(docx.starts_with(b"PK"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod docx;
mod manifest;
mod metrics;
mod pdf;
mod source;
mod txt;

use std::path::{Path, PathBuf};

pub use docx::render_docx;
pub use manifest::{Entry, Format, Manifest};
pub use pdf::render_pdf;
pub use source::{Block, Contract, parse};
pub use txt::render_txt;

/// Everything that can go wrong while building the corpus; each variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A contract source does not follow the markup (see `corpus/README.md`).
    #[error("{name}:{line}: {message}")]
    Source {
        /// The source's name.
        name: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// The manifest is not valid TOML or names something that does not exist.
    #[error("{path}: {message}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// docx-rs failed to write the archive.
    #[error("DOCX rendering failed: {0}")]
    Docx(String),
    /// lopdf failed to write the document.
    #[error("PDF rendering failed: {0}")]
    Pdf(String),
}

/// Renders one contract into one format.
pub fn render(contract: &Contract, format: Format) -> Result<Vec<u8>, Error> {
    match format {
        Format::Docx => render_docx(contract),
        Format::Pdf => render_pdf(contract),
        Format::Txt => Ok(render_txt(contract).into_bytes()),
    }
}

/// Renders every source listed in the manifest: reads `manifest.toml` from the parent directory
/// of `sources` (the layout of `corpus/`), parses each listed source from `sources`, and writes
/// `<stem>.<ext>` into `out` for each listed format. Returns the written paths in manifest
/// order. `out` is created if needed; files in it that the manifest does not name are left alone.
pub fn build(sources: &Path, out: &Path) -> Result<Vec<PathBuf>, Error> {
    let manifest_path = sources.parent().map_or_else(
        || PathBuf::from("manifest.toml"),
        |p| p.join("manifest.toml"),
    );
    let manifest = Manifest::load(&manifest_path)?;
    build_from(&manifest, sources, out)
}

/// Renders the entries of an already loaded manifest; see [`build`].
pub fn build_from(manifest: &Manifest, sources: &Path, out: &Path) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(out).map_err(|source| Error::Io {
        path: out.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for entry in &manifest.contract {
        let path = sources.join(&entry.source);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let contract = parse(&entry.source, &text)?;
        for &format in &entry.formats {
            let bytes = render(&contract, format)?;
            let target = out.join(entry.output_name(format));
            std::fs::write(&target, bytes).map_err(|source| Error::Io {
                path: target.clone(),
                source,
            })?;
            written.push(target);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_renders_each_listed_format() {
        let dir =
            std::env::temp_dir().join(format!("clauselint-corpus-build-{}", std::process::id()));
        let sources = dir.join("sources");
        std::fs::create_dir_all(&sources).unwrap();
        std::fs::write(
            sources.join("01_sample.txt"),
            include_str!("../tests/data/sample.txt"),
        )
        .unwrap();
        std::fs::write(
            dir.join("manifest.toml"),
            "[[contract]]\nsource = \"01_sample.txt\"\nformats = [\"docx\", \"txt\"]\n",
        )
        .unwrap();
        let out = dir.join("contracts");
        let written = build(&sources, &out).unwrap();
        assert_eq!(
            written,
            vec![out.join("01_sample.docx"), out.join("01_sample.txt")]
        );
        let txt = std::fs::read_to_string(out.join("01_sample.txt")).unwrap();
        assert!(txt.contains("2.1 This Agreement lasts twelve (12) months."));
        // A second build gives identical bytes (deterministic output).
        let first = std::fs::read(out.join("01_sample.docx")).unwrap();
        build(&sources, &out).unwrap();
        assert_eq!(first, std::fs::read(out.join("01_sample.docx")).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn build_reports_a_missing_source_with_its_path() {
        let manifest: Manifest =
            toml::from_str("[[contract]]\nsource = \"nope.txt\"\nformats = [\"pdf\"]\n").unwrap();
        let dir =
            std::env::temp_dir().join(format!("clauselint-corpus-miss-{}", std::process::id()));
        let e = build_from(&manifest, &dir, &dir.join("out")).unwrap_err();
        assert!(e.to_string().contains("nope.txt"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
