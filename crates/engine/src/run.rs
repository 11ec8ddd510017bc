//! The parallel audit of a corpus.

use std::io::Read;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use clauselint_model::{Document, FileRecord, FileStatus, Timings};
use rayon::prelude::*;

use crate::{Discovered, Error, PluginSet};

/// Name prefix of the audit's worker threads. Every panic on them is caught and becomes an
/// error record, so a binary may keep them off the terminal (see the CLI's panic hook).
pub const WORKER_THREAD_PREFIX: &str = "clauselint-worker-";

/// How an audit runs.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Files larger than this are reported as errors without being read.
    pub max_file_bytes: u64,
    /// Ingest options.
    pub read: clauselint_ingest::ReadOptions,
}

impl Default for AuditOptions {
    fn default() -> Self {
        AuditOptions {
            jobs: 0,
            max_file_bytes: 512 * 1024 * 1024,
            read: clauselint_ingest::ReadOptions::default(),
        }
    }
}

/// An audit of many files with one set of plugins.
#[derive(Debug)]
pub struct Audit<'p> {
    plugins: &'p PluginSet,
    options: AuditOptions,
}

impl<'p> Audit<'p> {
    /// Prepares an audit.
    pub fn new(plugins: &'p PluginSet, options: AuditOptions) -> Audit<'p> {
        Audit { plugins, options }
    }

    /// Audits every file in parallel and passes each record to `sink` as it completes, on the
    /// calling thread. Every discovered path yields exactly one record, unless `sink` returns
    /// [`ControlFlow::Break`] (its output is gone, say): then the workers stop taking new files
    /// and the run returns [`Error::Cancelled`].
    pub fn run(
        &self,
        files: Vec<Discovered>,
        mut sink: impl FnMut(FileRecord) -> ControlFlow<()>,
    ) -> Result<(), Error> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.options.jobs)
            .thread_name(|i| format!("{WORKER_THREAD_PREFIX}{i}"))
            .build()
            .map_err(|e| Error::ThreadPool(e.to_string()))?;
        let (tx, rx) = mpsc::sync_channel::<FileRecord>(64);
        let cancelled = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let cancelled = &cancelled;
            scope.spawn(move || {
                pool.install(|| {
                    files.into_par_iter().for_each_with(tx, |tx, file| {
                        if cancelled.load(Ordering::Relaxed) {
                            return;
                        }
                        // A send fails only once the receiver is gone, i.e. after cancelling.
                        let _ = tx.send(self.audit_one(&file));
                    });
                });
            });
            for record in rx.iter() {
                if sink(record).is_break() {
                    cancelled.store(true, Ordering::Relaxed);
                    break;
                }
            }
            // Dropping the receiver unblocks workers waiting to send.
            drop(rx);
        });
        if cancelled.into_inner() {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// Audits one discovered path. Never panics: a panic anywhere in reading, ingest or the
    /// host side of the checks becomes an error record for this file.
    pub fn audit_one(&self, file: &Discovered) -> FileRecord {
        let path = file.path().display().to_string();
        match file {
            Discovered::Unreadable(_, message) => FileRecord::failed(path, 0, message.clone()),
            Discovered::File(p) => {
                match catch_unwind(AssertUnwindSafe(|| self.audit_file(p, path.clone()))) {
                    Ok(record) => record,
                    Err(payload) => FileRecord::failed(path, 0, internal_error(&*payload)),
                }
            }
        }
    }

    fn audit_file(&self, p: &Path, path: String) -> FileRecord {
        let started = Instant::now();
        let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        if size > self.options.max_file_bytes {
            return FileRecord::failed(
                path,
                size,
                format!(
                    "file is {size} bytes, above the limit of {} bytes",
                    self.options.max_file_bytes
                ),
            );
        }
        // Read at most one byte past the limit: a file that grew since `metadata` is caught
        // without reading all of it.
        let limit = self.options.max_file_bytes;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        let read = std::fs::File::open(p)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes));
        if let Err(e) = read {
            return FileRecord::failed(path, size, format!("cannot read file: {e}"));
        }
        if bytes.len() as u64 > limit {
            return FileRecord::failed(
                path,
                bytes.len() as u64,
                format!("file is larger than the limit of {limit} bytes"),
            );
        }
        let read_us = micros(started);
        let mut record = audit_document(&bytes, path, self.plugins, &self.options.read);
        record.timings.read_us = read_us;
        record
    }
}

/// The message of an error record for a caught panic.
fn internal_error(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".to_owned());
    format!("internal error while reading the file (please report it): {what}")
}

fn micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Reads one document from its bytes and runs every check on it, containing panics of the
/// reader. Plugins contain their own panics (the SDK's export glue), so one failing check leaves
/// the others' findings intact.
pub fn audit_document(
    bytes: &[u8],
    path: String,
    plugins: &PluginSet,
    options: &clauselint_ingest::ReadOptions,
) -> FileRecord {
    let size = bytes.len() as u64;
    let started = Instant::now();
    let doc: Document = match catch_unwind(AssertUnwindSafe(|| {
        clauselint_ingest::read_with(bytes, options)
    })) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return FileRecord::failed(path, size, e.to_string()),
        Err(payload) => return FileRecord::failed(path, size, internal_error(&*payload)),
    };
    let ingest_us = micros(started);
    let started = Instant::now();
    let findings = plugins.check(&doc);
    let checks_us = micros(started);
    FileRecord {
        path,
        id: Some(doc.id),
        format: Some(doc.format),
        status: FileStatus::Ok,
        error: None,
        pages: doc.metadata.pages,
        bytes: size,
        findings,
        timings: Timings {
            read_us: 0,
            ingest_us,
            checks_us,
        },
    }
}
