//! The OPC package under a DOCX: ZIP access with resource limits, relationships, part names.
use std::io::{Cursor, Read};

use super::xml::XmlPart;
use crate::{Error, Limit, LimitExceeded, Limits};

/// Parts above this size must not expand more than [`Limits::max_zip_ratio`] times their
/// compressed size.
const RATIO_FLOOR: u64 = 8 * 1024 * 1024;

/// Relationship type suffixes, shared by transitional and strict OOXML (only the base URI
/// differs, so matching the tail after the last `/` covers both).
pub(super) const REL_OFFICE_DOCUMENT: &str = "officeDocument";

/// A ZIP archive opened as an OPC package, tracking how much it has decompressed.
pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    total: u64,
    limits: Limits,
}

/// One relationship of a part: its type tail (`styles`, `header`) and resolved target part.
#[derive(Debug, Clone)]
pub(super) struct Relationship {
    /// The last path segment of the relationship type URI.
    pub kind: String,
    /// The target part name, resolved against the source part, without a leading `/`.
    pub target: String,
}

impl<'a> Package<'a> {
    /// Opens the ZIP's central directory.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, Error> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Error::Docx(format!("not a readable ZIP archive ({e})")))?;
        if archive.len() as u64 > limits.max_zip_entries {
            return Err(LimitExceeded::error(
                limits,
                Limit::ZipEntries,
                format!("the ZIP directory's {} entries", archive.len()),
            ));
        }
        let names = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect();
        Ok(Package {
            archive,
            names,
            total: 0,
            limits: *limits,
        })
    }

    /// The stored name of a part, matching case-insensitively as OPC requires.
    pub fn find(&self, part: &str) -> Option<&str> {
        let part = part.trim_start_matches('/');
        self.names
            .iter()
            .find(|n| n.as_str() == part)
            .or_else(|| self.names.iter().find(|n| n.eq_ignore_ascii_case(part)))
            .map(String::as_str)
    }

    /// Reads one part, or `None` if the package has no such part. Enforces the size limits.
    pub fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(name) = self.find(part).map(str::to_owned) else {
            return Ok(None);
        };
        let mut file = self
            .archive
            .by_name(&name)
            .map_err(|e| Error::Docx(format!("cannot open part {name} ({e})")))?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let limits = self.limits;
        let too_large = |limit| LimitExceeded::error(&limits, limit, format!("DOCX part {name}"));
        if declared > limits.max_part_bytes {
            return Err(too_large(Limit::PartBytes));
        }
        if declared > RATIO_FLOOR && declared / compressed > limits.max_zip_ratio {
            return Err(too_large(Limit::ZipRatio));
        }
        // The declared size can lie: cap what is actually decompressed as well.
        let left = limits.max_decompressed_bytes.saturating_sub(self.total);
        let room = limits.max_part_bytes.min(left);
        let mut out = Vec::with_capacity(declared.min(room) as usize);
        (&mut file)
            .take(room + 1)
            .read_to_end(&mut out)
            .map_err(|e| Error::Docx(format!("cannot decompress part {name} ({e})")))?;
        let got = out.len() as u64;
        if got > room {
            return Err(too_large(if room < limits.max_part_bytes {
                Limit::DecompressedBytes
            } else {
                Limit::PartBytes
            }));
        }
        if got > RATIO_FLOOR && got / compressed > limits.max_zip_ratio {
            return Err(too_large(Limit::ZipRatio));
        }
        self.total += got;
        Ok(Some(out))
    }

    /// The relationships of `part` (from `dir/_rels/name.rels`), empty when there are none.
    pub fn relationships(&mut self, part: &str) -> Result<Vec<Relationship>, Error> {
        let rels_name = rels_part_name(part);
        let Some(xml) = self.read(&rels_name)? else {
            return Ok(Vec::new());
        };
        parse_relationships(&xml, &rels_name, part)
    }

    /// The main document part, resolved through the package relationships, falling back to
    /// `word/document.xml`. `None` when the package holds no Word document.
    pub fn main_part(&mut self) -> Result<Option<String>, Error> {
        let rels = self.relationships("")?;
        for rel in rels.iter().filter(|r| r.kind == REL_OFFICE_DOCUMENT) {
            if let Some(name) = self.find(&rel.target) {
                let name = name.to_owned();
                if self.is_word_part(&name)? {
                    return Ok(Some(name));
                }
            }
        }
        Ok(self.find("word/document.xml").map(str::to_owned))
    }

    /// Whether `[Content_Types].xml` declares `part` a WordprocessingML main part (or, when
    /// it says nothing about the part, whether the name looks like one).
    fn is_word_part(&mut self, part: &str) -> Result<bool, Error> {
        let Some(xml) = self.read("[Content_Types].xml")? else {
            return Ok(part.starts_with("word/"));
        };
        let text = super::xml::decode(&xml, "[Content_Types].xml")?;
        let mut x = XmlPart::new(&text, "[Content_Types].xml");
        let want = format!("/{part}");
        while let Some((_, ev)) = x.next()? {
            if let super::xml::Ev::Start(_, e, _) = ev
                && e.local_name().as_ref() == "Override"
            {
                let name = super::xml::attr(&e, "PartName").unwrap_or_default();
                if name.eq_ignore_ascii_case(&want) {
                    let ct = super::xml::attr(&e, "ContentType").unwrap_or_default();
                    return Ok(is_word_content_type(&ct));
                }
            }
        }
        Ok(part.starts_with("word/") || part.ends_with("document.xml"))
    }
}

/// Whether a content type names a Word main document part (document, template, macro
/// variants).
fn is_word_content_type(ct: &str) -> bool {
    ct.contains("wordprocessingml") || ct.contains("ms-word")
}

/// `word/document.xml` -> `word/_rels/document.xml.rels`; the package itself (`""`) ->
/// `_rels/.rels`.
fn rels_part_name(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Parses a `.rels` part; targets are resolved against the directory of `source`.
fn parse_relationships(
    xml: &[u8],
    rels_name: &str,
    source: &str,
) -> Result<Vec<Relationship>, Error> {
    let base = source.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Vec::new();
    let text = super::xml::decode(xml, rels_name)?;
    let mut x = XmlPart::new(&text, rels_name);
    while let Some((_, ev)) = x.next()? {
        if let super::xml::Ev::Start(_, e, _) = ev
            && e.local_name().as_ref() == "Relationship"
        {
            if super::xml::attr(&e, "TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("External"))
            {
                continue;
            }
            let (Some(kind), Some(target)) =
                (super::xml::attr(&e, "Type"), super::xml::attr(&e, "Target"))
            else {
                continue;
            };
            let kind = kind.rsplit('/').next().unwrap_or_default().to_owned();
            out.push(Relationship {
                kind,
                target: resolve_target(base, &target),
            });
        }
    }
    Ok(out)
}

/// Resolves a relationship target against a base directory: `../x`, `/abs`, `%20`.
pub(super) fn resolve_target(base: &str, target: &str) -> String {
    let target = percent_decode(target);
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Decodes `%XX` escapes in a URI path; malformed escapes stay as they are.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Some(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_relative_to_the_source_part() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("", "/word/document2.xml"),
            "word/document2.xml"
        );
        assert_eq!(resolve_target("", "word/my%20doc.xml"), "word/my doc.xml");
    }

    /// A DOCX package built here: `[Content_Types].xml`, the package relationships, and
    /// `word/document.xml` made of `body` (deflated), plus `extra` small parts.
    fn package(body: &[u8], extra: usize) -> Vec<u8> {
        use std::io::Write;
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts: [(&str, &[u8]); 3] = [
            (
                "[Content_Types].xml",
                br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
            ),
            ("word/document.xml", body),
        ];
        for (name, data) in parts {
            zip.start_file(name, deflated).unwrap();
            zip.write_all(data).unwrap();
        }
        for i in 0..extra {
            zip.start_file(format!("customXml/item{i}.xml"), deflated)
                .unwrap();
            zip.write_all(b"<x/>").unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    fn limit_of(e: Result<Option<Vec<u8>>, Error>) -> Option<Limit> {
        match e {
            Err(Error::TooLarge(e)) => Some(e.limit),
            _ => None,
        }
    }

    #[test]
    fn a_zip_bomb_part_is_refused_by_its_compression_ratio() {
        // 9 MiB of spaces deflate to a few KiB: over 200x, and above the 8 MiB floor.
        let bytes = package(&vec![b' '; 9 << 20], 0);
        assert!(bytes.len() < 100_000, "{}", bytes.len());
        let mut pkg = Package::open(&bytes, &Limits::default()).unwrap();
        assert_eq!(
            limit_of(pkg.read("word/document.xml")),
            Some(Limit::ZipRatio)
        );
        // Small parts may compress as well as they like.
        assert!(pkg.read("_rels/.rels").unwrap().is_some());
    }

    #[test]
    fn part_size_and_the_total_per_file_are_capped() {
        let bytes = package(&vec![b'a'; 4096], 0);
        let small_part = Limits::default().with(Limit::PartBytes, 1000);
        let mut pkg = Package::open(&bytes, &small_part).unwrap();
        assert_eq!(
            limit_of(pkg.read("word/document.xml")),
            Some(Limit::PartBytes)
        );

        // The same part read twice counts twice against the file's budget.
        let small_total = Limits::default().with(Limit::DecompressedBytes, 6000);
        let mut pkg = Package::open(&bytes, &small_total).unwrap();
        assert_eq!(
            pkg.read("word/document.xml").unwrap().map(|b| b.len()),
            Some(4096)
        );
        assert_eq!(
            limit_of(pkg.read("word/document.xml")),
            Some(Limit::DecompressedBytes)
        );
        let e = pkg.read("word/document.xml").err().map(|e| e.to_string());
        assert!(
            e.as_deref().is_some_and(|e| e.starts_with("too large: DOCX part word/document.xml exceeds the limit on bytes decompressed per file")),
            "{e:?}"
        );
    }

    #[test]
    fn a_package_with_too_many_entries_is_refused() {
        let bytes = package(b"<w:document/>", 20);
        let few = Limits::default().with(Limit::ZipEntries, 10);
        let e = Package::open(&bytes, &few).err();
        assert!(
            matches!(&e, Some(Error::TooLarge(e)) if e.limit == Limit::ZipEntries),
            "{e:?}"
        );
        assert!(Package::open(&bytes, &Limits::default()).is_ok());
    }

    #[test]
    fn rels_part_names_follow_opc() {
        assert_eq!(rels_part_name(""), "_rels/.rels");
        assert_eq!(
            rels_part_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
    }
}
