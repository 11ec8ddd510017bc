//! Reading CUAD-format labelled contracts: one JSON record per line, plain or gzip'd, read
//! lazily so memory follows the contracts in flight, not the file.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::Error;

/// Longest line accepted: the largest CUAD contract is a few MB; anything far above is not a
/// record but a broken file, and must not be read into memory whole.
pub const MAX_LINE_BYTES: u64 = 64 * 1024 * 1024;

/// One labelled span: a piece of the contract's text a lawyer marked for a category.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LabelSpan {
    /// The span's text, exactly as in the contract.
    pub text: String,
    /// Character (Unicode code point) offset of the span in the contract's text.
    pub start: usize,
}

impl LabelSpan {
    /// The span's end, one past its last character.
    pub fn end(&self) -> usize {
        self.start + self.text.chars().count()
    }
}

/// One contract of a CUAD-format file.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledContract {
    /// The contract's name.
    pub id: String,
    /// The full text.
    pub text: String,
    /// Spans per CUAD category; an empty list means "labelled, and none found". A category
    /// absent from the map is unlabelled for this contract and not scored.
    pub labels: BTreeMap<String, Vec<LabelSpan>>,
}

impl LabelledContract {
    /// Parses one line and checks every span against the text, so that scores never rest on
    /// misplaced labels.
    pub fn parse(line: &str, path: &Path, line_no: usize) -> Result<LabelledContract, Error> {
        let contract: LabelledContract = serde_json::from_str(line).map_err(|e| Error::Record {
            path: path.to_owned(),
            line: line_no,
            message: e.to_string(),
        })?;
        contract.validate(path, line_no)?;
        Ok(contract)
    }

    fn validate(&self, path: &Path, line_no: usize) -> Result<(), Error> {
        let starts = char_starts(&self.text);
        for (category, spans) in &self.labels {
            for span in spans {
                let fail = |message: String| Error::Label {
                    path: path.to_owned(),
                    line: line_no,
                    id: self.id.clone(),
                    category: category.clone(),
                    start: span.start,
                    message,
                };
                let end = span.end();
                let (Some(&a), Some(&b)) = (starts.get(span.start), starts.get(end)) else {
                    return Err(fail(format!(
                        "it ends at character {end}, past the text's {} characters",
                        starts.len().saturating_sub(1)
                    )));
                };
                if self.text[a..b] != span.text {
                    return Err(fail("the text there differs".to_owned()));
                }
            }
        }
        Ok(())
    }
}

/// Byte offset of every character of `text`, and of its end: `result[i]` is where character
/// `i` starts; the vector has one entry more than the text has characters.
pub fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// The lines of a labelled file, decompressed when the bytes say gzip (not the name), yielded
/// one at a time with their 0-based contract index and 1-based line number. Blank lines are
/// skipped and do not count as contracts.
pub struct Lines {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    index: usize,
    done: bool,
}

/// A raw record line, not parsed yet (parsing happens on the workers).
#[derive(Debug)]
pub struct RawLine {
    /// 0-based index of the contract in the file (blank lines excluded): its fold is
    /// `index % folds`.
    pub index: usize,
    /// 1-based line number, for messages.
    pub line_no: usize,
    /// The line's text.
    pub text: String,
}

impl Lines {
    /// Opens a labelled file.
    pub fn open(path: &Path) -> Result<Lines, Error> {
        let open_err = |source| Error::Open {
            path: path.to_owned(),
            source,
        };
        let file = File::open(path).map_err(open_err)?;
        let mut buffered = BufReader::new(file);
        let gz = buffered
            .fill_buf()
            .map_err(open_err)?
            .starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn BufRead + Send> = if gz {
            Box::new(BufReader::new(MultiGzDecoder::new(buffered)))
        } else {
            Box::new(buffered)
        };
        Ok(Lines::from_reader(path, reader))
    }

    /// Reads lines from any reader (for tests and callers holding the bytes already).
    pub fn from_reader(path: &Path, reader: Box<dyn BufRead + Send>) -> Lines {
        Lines {
            path: path.to_owned(),
            reader,
            line_no: 0,
            index: 0,
            done: false,
        }
    }

    fn next_line(&mut self) -> Result<Option<RawLine>, Error> {
        loop {
            let mut buf = Vec::new();
            self.line_no += 1;
            let n = (&mut self.reader)
                .take(MAX_LINE_BYTES + 1)
                .read_until(b'\n', &mut buf)
                .map_err(|source| Error::Read {
                    path: self.path.clone(),
                    line: self.line_no,
                    source,
                })?;
            if n == 0 {
                return Ok(None);
            }
            if buf.len() as u64 > MAX_LINE_BYTES {
                return Err(self.record_error(format!("line longer than {MAX_LINE_BYTES} bytes")));
            }
            let text =
                String::from_utf8(buf).map_err(|_| self.record_error("not UTF-8".to_owned()))?;
            if text.trim().is_empty() {
                continue;
            }
            let index = self.index;
            self.index += 1;
            return Ok(Some(RawLine {
                index,
                line_no: self.line_no,
                text,
            }));
        }
    }

    fn record_error(&self, message: String) -> Error {
        Error::Record {
            path: self.path.clone(),
            line: self.line_no,
            message,
        }
    }
}

impl Iterator for Lines {
    type Item = Result<RawLine, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_line() {
            Ok(Some(line)) => Some(Ok(line)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                // One error ends the file: what follows a broken line cannot be trusted.
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(id: &str, text: &str, spans: &[(&str, &str, usize)]) -> String {
        let mut labels = serde_json::Map::new();
        for (cat, t, s) in spans {
            let entry = labels
                .entry(cat.to_string())
                .or_insert_with(|| serde_json::Value::Array(vec![]));
            if let serde_json::Value::Array(a) = entry {
                a.push(serde_json::json!({"text": t, "start": s}));
            }
        }
        serde_json::json!({"id": id, "text": text, "labels": labels}).to_string()
    }

    #[test]
    fn reads_plain_and_gzip_lazily_with_indices_skipping_blank_lines() {
        let body = format!(
            "{}\n\n{}\n",
            record(
                "a",
                "Governed by Ohio law.",
                &[("Governing Law", "Ohio", 12)]
            ),
            record("b", "Nothing.", &[])
        );
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("x.jsonl");
        std::fs::write(&plain, &body).unwrap();
        let gz = dir.path().join("x.data");
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz).unwrap(),
            flate2::Compression::fast(),
        );
        enc.write_all(body.as_bytes()).unwrap();
        enc.finish().unwrap();
        for p in [&plain, &gz] {
            let lines: Vec<RawLine> = Lines::open(p).unwrap().map(Result::unwrap).collect();
            assert_eq!(lines.len(), 2);
            assert_eq!((lines[0].index, lines[0].line_no), (0, 1));
            assert_eq!((lines[1].index, lines[1].line_no), (1, 3));
            let c = LabelledContract::parse(&lines[0].text, p, 1).unwrap();
            assert_eq!(c.labels["Governing Law"][0].end(), 16);
        }
    }

    #[test]
    fn misplaced_and_out_of_range_spans_are_errors_with_line_numbers() {
        let p = Path::new("f.jsonl");
        let shifted = record(
            "a",
            "Governed by Ohio law.",
            &[("Governing Law", "Ohio", 11)],
        );
        let err = LabelledContract::parse(&shifted, p, 7).unwrap_err();
        assert!(matches!(err, Error::Label { line: 7, .. }), "{err}");
        let past = record("a", "Ohio", &[("Governing Law", "Ohio law", 0)]);
        assert!(matches!(
            LabelledContract::parse(&past, p, 1),
            Err(Error::Label { .. })
        ));
        // Offsets count characters, not bytes.
        let accents = record("a", "Café law: Ohio", &[("Governing Law", "Ohio", 10)]);
        assert!(LabelledContract::parse(&accents, p, 1).is_ok());
    }

    #[test]
    fn bad_json_and_bad_utf8_are_record_errors() {
        let p = Path::new("f.jsonl");
        assert!(matches!(
            LabelledContract::parse("{\"id\": 1}", p, 2),
            Err(Error::Record { line: 2, .. })
        ));
        let bytes: &[u8] = b"{\"id\":\"a\"}\n\xff\xfe\n";
        let mut lines = Lines::from_reader(p, Box::new(std::io::Cursor::new(bytes)));
        assert!(lines.next().unwrap().is_ok());
        assert!(matches!(
            lines.next(),
            Some(Err(Error::Record { line: 2, .. }))
        ));
        assert!(lines.next().is_none(), "an error ends the file");
    }
}
