//! `corpus/manifest.toml`: which source is rendered into which formats.
//!
//! ```toml
//! [[contract]]
//! source = "01_acme_msa.txt"
//! formats = ["docx", "pdf"]
//! ```

use std::path::Path;

use serde::Deserialize;

use crate::Error;

/// An output format of the corpus builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Word document with real numbering.
    Docx,
    /// PDF with Helvetica text and page footers.
    Pdf,
    /// Plain UTF-8 text with typed numbers.
    Txt,
}

impl Format {
    /// The file extension for this format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }
}

/// The parsed manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The contracts to render, in order.
    #[serde(default)]
    pub contract: Vec<Entry>,
}

/// One source and the formats it is rendered into.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// File name of the source in `corpus/sources/` ("01_acme_msa.txt").
    pub source: String,
    /// The formats to write; each gives `<stem>.<ext>`.
    pub formats: Vec<Format>,
}

impl Entry {
    /// The output file name for `format`: the source's stem with the format's extension.
    pub fn output_name(&self, format: Format) -> String {
        let stem = Path::new(&self.source)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(&self.source);
        format!("{stem}.{}", format.extension())
    }
}

impl Manifest {
    /// Reads and validates a manifest file: known keys only, at least one format per entry, no
    /// output file named twice, sources given as plain file names.
    pub fn load(path: &Path) -> Result<Manifest, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Manifest::parse(&text).map_err(|message| Error::Manifest {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses and validates manifest text; the error is a message for [`Error::Manifest`].
    pub fn parse(text: &str) -> Result<Manifest, String> {
        let manifest: Manifest = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::BTreeSet::new();
        for entry in &manifest.contract {
            if entry.source.contains(['/', '\\']) || entry.source.starts_with('.') {
                return Err(format!(
                    "source {:?} must be a plain file name",
                    entry.source
                ));
            }
            if entry.formats.is_empty() {
                return Err(format!("source {:?} lists no formats", entry.source));
            }
            for &f in &entry.formats {
                let name = entry.output_name(f);
                if !seen.insert(name.clone()) {
                    return Err(format!("output {name} is produced twice"));
                }
            }
        }
        Ok(manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_names_outputs() {
        let m =
            Manifest::parse("[[contract]]\nsource = \"02_x.txt\"\nformats = [\"pdf\", \"txt\"]\n")
                .unwrap();
        let e = &m.contract[0];
        assert_eq!(e.formats, vec![Format::Pdf, Format::Txt]);
        assert_eq!(e.output_name(Format::Pdf), "02_x.pdf");
    }

    #[test]
    fn rejects_bad_manifests() {
        for (text, needle) in [
            (
                "[[contract]]\nsource = \"a.txt\"\nformats = [\"rtf\"]\n",
                "unknown variant",
            ),
            (
                "[[contract]]\nsource = \"a.txt\"\nformats = []\n",
                "lists no formats",
            ),
            (
                "[[contract]]\nsource = \"../a.txt\"\nformats = [\"pdf\"]\n",
                "plain file name",
            ),
            (
                "[[contract]]\nsource = \"a.txt\"\nformats = [\"pdf\", \"pdf\"]\n",
                "produced twice",
            ),
            (
                "[[contract]]\nsource = \"a.txt\"\nformats = [\"pdf\"]\ncolour = 1\n",
                "unknown field",
            ),
        ] {
            let e = Manifest::parse(text).unwrap_err();
            assert!(e.contains(needle), "{text}: {e}");
        }
    }
}
