//! Finding the files to audit.

use std::path::{Path, PathBuf};

/// A path found by [`discover`]: a file to audit, or one that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovered {
    /// A regular file.
    File(PathBuf),
    /// A path that could not be visited; the audit reports it as an error record.
    Unreadable(PathBuf, String),
}

impl Discovered {
    /// The path this entry is about.
    pub fn path(&self) -> &Path {
        match self {
            Discovered::File(p) | Discovered::Unreadable(p, _) => p,
        }
    }
}

/// Walks the given paths: files are taken as they are (whatever their extension: the format is
/// sniffed later), directories are walked recursively, skipping hidden and ignored entries
/// (`.gitignore`, `.ignore`) and following symbolic links. A path that is neither a file nor a
/// folder (a socket, a FIFO) is reported, never opened. The result is sorted, so runs are
/// reproducible.
pub fn discover(paths: &[PathBuf]) -> Vec<Discovered> {
    let mut found = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => found.push(Discovered::Unreadable(root.clone(), e.to_string())),
            Ok(meta) if meta.is_file() => found.push(Discovered::File(root.clone())),
            Ok(meta) if !meta.is_dir() => found.push(Discovered::Unreadable(
                root.clone(),
                "not a regular file or folder".to_owned(),
            )),
            Ok(_) => {
                let walker = ignore::WalkBuilder::new(root)
                    .hidden(true)
                    .git_global(false)
                    .require_git(false)
                    // Corpora are often assembled from symlinks; `ignore` detects loops and
                    // reports them as errors, which become error records.
                    .follow_links(true)
                    .build();
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                            found.push(Discovered::File(e.into_path()));
                        }
                        Ok(_) => {}
                        Err(err) => {
                            let path = error_path(&err).unwrap_or_else(|| root.clone());
                            found.push(Discovered::Unreadable(path, err.to_string()));
                        }
                    }
                }
            }
        }
    }
    found.sort_by(|a, b| a.path().cmp(b.path()));
    found.dedup_by(|a, b| a.path() == b.path());
    found
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_skips_hidden_and_reports_missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.pdf"), b"x").unwrap();
        std::fs::write(dir.path().join("sub/a.docx"), b"x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), b"x").unwrap();
        let missing = dir.path().join("nope");
        let found = discover(&[dir.path().to_path_buf(), missing.clone()]);
        let names: Vec<_> = found
            .iter()
            .map(|d| {
                d.path()
                    .strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["b.pdf", "nope", "sub/a.docx"]);
        assert!(matches!(&found[1], Discovered::Unreadable(p, _) if *p == missing));
    }

    #[cfg(unix)]
    #[test]
    fn follows_symlinks_and_reports_special_files() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("c.txt"), b"x").unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        std::os::unix::fs::symlink(&real, corpus.join("linked")).unwrap();
        let found = discover(std::slice::from_ref(&corpus));
        assert_eq!(found, [Discovered::File(corpus.join("linked/c.txt"))]);

        let found = discover(&[PathBuf::from("/dev/null")]);
        assert!(
            matches!(&found[..], [Discovered::Unreadable(_, m)] if m.contains("not a regular file")),
            "{found:?}"
        );
    }
}
