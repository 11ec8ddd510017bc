//! Loading check plugins from shared libraries, and calling them.
//!
//! This module holds the host side of the C ABI defined in `clauselint_plugin_api::abi`. All of
//! the engine's `unsafe` code is here; each block says what makes it sound.

use std::ffi::c_void;
use std::path::{Path, PathBuf};

use clauselint_model::{CharIndex, ClauseKind, Document, Evidence, Finding, Span};
use clauselint_plugin_api::abi::{
    ABI_VERSION, ClauseView, DocumentView, ENTRY_SYMBOL, EntryFn, PluginDescriptor, RBuf, RStr,
    SentenceView, status,
};
use clauselint_plugin_api::sentences;
use clauselint_plugin_api::text::Normalized;
use clauselint_plugin_api::{ClauseRef, Contract, WireFinding, WireFindings};

use crate::{Error, Policy};

/// What a plugin says about itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PluginInfo {
    /// Check id (`governing-law`).
    pub id: String,
    /// Human name.
    pub name: String,
    /// The plugin's version.
    pub version: String,
    /// What it checks.
    pub description: String,
    /// The verdicts it can give.
    pub verdicts: Vec<String>,
    /// The library it was loaded from.
    pub path: PathBuf,
}

/// A library that was found but not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoadProblem {
    /// The library file.
    pub path: PathBuf,
    /// Why it was refused.
    pub message: String,
}

impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// A JSON object's entries in the order the plugin wrote them (struct declaration order), which
/// `serde_json::Map` would sort away; `clauselint policy` prints keys in this order.
pub type OrderedTable = Vec<(String, serde_json::Value)>;

/// Reads a JSON object keeping its key order; a repeated key keeps its last value, in the
/// place of its first, as JSON readers do.
fn ordered_object(bytes: &[u8]) -> Result<OrderedTable, String> {
    struct Entries(OrderedTable);

    impl<'de> serde::Deserialize<'de> for Entries {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Entries, D::Error> {
            struct Visit;
            impl<'de> serde::de::Visitor<'de> for Visit {
                type Value = Entries;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Entries, A::Error> {
                    let mut entries: OrderedTable = Vec::new();
                    while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                        match entries.iter_mut().find(|(key, _)| *key == k) {
                            Some(slot) => slot.1 = v,
                            None => entries.push((k, v)),
                        }
                    }
                    Ok(Entries(entries))
                }
            }
            d.deserialize_map(Visit)
        }
    }

    serde_json::from_slice::<Entries>(bytes)
        .map(|e| e.0)
        .map_err(|e| e.to_string())
}

/// A loaded, configured check plugin.
pub struct Plugin {
    info: PluginInfo,
    /// The policy the check runs with, as it reported it from `configure`.
    effective_policy: OrderedTable,
    /// One comment per policy key, from the descriptor's `policy_doc`.
    policy_doc: Vec<(String, String)>,
    descriptor: *const PluginDescriptor,
    state: *mut c_void,
    // Declared last so it is dropped last: `Drop` destroys `state` through the library's code
    // before the library is unloaded.
    _library: libloading::Library,
}

// SAFETY: a plugin's state is created by a `Check: Send + Sync` implementation (the SDK
// requires it), its descriptor is immutable static data, and the library handle is Send + Sync.
unsafe impl Send for Plugin {}
// SAFETY: as above; `check` only takes `&self` on the plugin side.
unsafe impl Sync for Plugin {}

impl std::fmt::Debug for Plugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plugin")
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

impl Drop for Plugin {
    fn drop(&mut self) {
        // SAFETY: `descriptor` points into the still-loaded library; `state` came from its
        // `configure` and is destroyed exactly once, here.
        unsafe { ((*self.descriptor).destroy)(self.state) };
    }
}

/// Whether a library file name is one of clauselint's own check plugins, the only libraries
/// loaded from the default folder next to the binary.
pub fn is_default_plugin_name(file_name: &str) -> bool {
    let stem = file_name.strip_prefix("lib").unwrap_or(file_name);
    stem.starts_with("clauselint_check_")
        && Path::new(file_name)
            .extension()
            .is_some_and(|e| e == std::env::consts::DLL_EXTENSION)
}

fn is_library(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == std::env::consts::DLL_EXTENSION)
}

/// Copies a descriptor string.
///
/// # Safety
/// `s` must be a valid view into the loaded library's static data.
unsafe fn owned(s: RStr) -> String {
    // SAFETY: guaranteed by the caller.
    unsafe { s.as_str() }.into_owned()
}

impl Plugin {
    /// Loads one library and configures it with its policy section.
    ///
    /// A library that is not a clauselint plugin, or speaks another ABI version, is a
    /// [`LoadProblem`]; a policy the plugin rejects is an [`Error`], because running with a
    /// policy other than the one asked for would give wrong verdicts.
    pub fn load(path: &Path, policy: &Policy) -> Result<Result<Plugin, LoadProblem>, Error> {
        let problem = |message: String| {
            Ok(Err(LoadProblem {
                path: path.to_owned(),
                message,
            }))
        };
        // SAFETY: loading a library runs its initialisers. Plugins are trusted code by design
        // (see ARCHITECTURE.md): they are only loaded from folders the user names, or the
        // tool's own folder, never from the contracts' folders.
        let library = match unsafe { libloading::Library::new(path) } {
            Ok(l) => l,
            Err(e) => return problem(format!("cannot load library: {e}")),
        };
        // SAFETY: the symbol, if present, has the signature `EntryFn` by the ABI contract; a
        // library exporting that name with another signature is not a clauselint plugin.
        let entry = match unsafe { library.get::<EntryFn>(ENTRY_SYMBOL.as_bytes()) } {
            Ok(f) => *f,
            Err(_) => {
                return problem(format!(
                    "not a clauselint plugin: it does not export `{ENTRY_SYMBOL}`"
                ));
            }
        };
        // SAFETY: the entry function takes no arguments and returns a pointer to static data.
        let descriptor = unsafe { entry() };
        if descriptor.is_null() {
            return problem("the plugin's entry point returned no descriptor".to_owned());
        }
        // SAFETY: every ABI version starts the descriptor with a `u32` version, so reading it is
        // sound whatever the version; nothing else is read before the version matches.
        let version = unsafe { descriptor.cast::<u32>().read() };
        if version != ABI_VERSION {
            return problem(format!(
                "plugin ABI version {version}, but this clauselint speaks ABI version \
                 {ABI_VERSION}; rebuild the plugin against clauselint-plugin-api with ABI \
                 version {ABI_VERSION}"
            ));
        }
        // SAFETY: the version matches, so the descriptor has this layout and its strings point
        // to the library's static data.
        let d = unsafe { &*descriptor };
        // SAFETY: as above.
        let info = unsafe {
            PluginInfo {
                id: owned(d.id),
                name: owned(d.name),
                version: owned(d.version),
                description: owned(d.description),
                verdicts: owned(d.verdicts)
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                path: path.to_owned(),
            }
        };
        if info.id.is_empty()
            || !info
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return problem(format!("invalid check id {:?}", info.id));
        }
        // SAFETY: as above, the descriptor's strings are the library's static data.
        let doc_text = unsafe { d.policy_doc.as_str() };
        let policy_doc = match ordered_object(doc_text.as_bytes()) {
            Ok(entries) => entries
                .into_iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => (k, s),
                    other => (k, other.to_string()),
                })
                .collect(),
            Err(e) => return problem(format!("the plugin's policy_doc is not a JSON object: {e}")),
        };
        let policy_json = policy.section_json(&info.id);
        let mut state: *mut c_void = std::ptr::null_mut();
        let mut out = RBuf::EMPTY;
        // SAFETY: the policy text outlives the call; `state` and `out` are valid slots.
        let code = unsafe { (d.configure)(RStr::new(policy_json), &mut state, &mut out) };
        // SAFETY: `out` was filled (or left empty) by this plugin and is freed once, by it.
        let message = unsafe { take(d, out) };
        match code {
            status::OK if !state.is_null() => {
                let mut plugin = Plugin {
                    info,
                    effective_policy: Vec::new(),
                    policy_doc,
                    descriptor,
                    state,
                    _library: library,
                };
                // On success the buffer holds the effective policy (ABI version 2). Refusing
                // the plugin drops it, which destroys its state before unloading the library.
                match ordered_object(message.as_bytes()) {
                    Ok(entries) => plugin.effective_policy = entries,
                    Err(e) => {
                        return problem(format!(
                            "the plugin's configure returned no effective policy (a JSON \
                             object): {e}"
                        ));
                    }
                }
                Ok(Ok(plugin))
            }
            status::OK => problem("the plugin's configure returned no state".to_owned()),
            status::PANIC => Err(policy.error(
                &info.id,
                format!(
                    "check `{}` panicked while reading its policy: {message}",
                    info.id
                ),
            )),
            _ => Err(policy.error(&info.id, strip_json_position(&message))),
        }
    }

    /// What the plugin says about itself.
    pub fn info(&self) -> &PluginInfo {
        &self.info
    }

    /// The policy the check runs with (the policy file's table with every default filled in),
    /// as a JSON object.
    pub fn effective_policy(&self) -> serde_json::Value {
        serde_json::Value::Object(self.effective_policy.iter().cloned().collect())
    }

    /// [`Plugin::effective_policy`]'s entries in the order the check declares its keys.
    pub fn effective_policy_entries(&self) -> &[(String, serde_json::Value)] {
        &self.effective_policy
    }

    /// One line of documentation per policy key (key, comment), in the check's order; empty
    /// when the check documents nothing.
    pub fn policy_doc(&self) -> &[(String, String)] {
        &self.policy_doc
    }

    /// Runs the check on a document. Never fails: a plugin error or panic becomes an `error`
    /// finding, and so does an answer the host cannot use.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        self.check_prepared(&Prepared::new(doc))
    }

    /// [`Plugin::check`] on a document prepared once for every plugin.
    pub fn check_prepared(&self, prepared: &Prepared<'_>) -> Vec<Finding> {
        let (doc, lent, index) = (prepared.doc, &prepared.lent, &prepared.index);
        let id = self.info.id.as_str();
        let view = lent.view();
        let mut out = RBuf::EMPTY;
        // SAFETY: the descriptor and state are live (the library is loaded); `view` and
        // everything it points to (owned by `lent` and `doc`) outlive the call and are not
        // mutated during it.
        let code = unsafe { ((*self.descriptor).check)(self.state, &view, &mut out) };
        // SAFETY: `out` was filled by this plugin and is not freed yet.
        let bytes = unsafe { out.as_bytes() };
        let findings = match code {
            status::OK => match serde_json::from_slice::<WireFindings>(bytes) {
                Ok(w) if w.findings.is_empty() => {
                    vec![Finding::error(id, "the check returned no verdict")]
                }
                Ok(w) => w
                    .findings
                    .into_iter()
                    .map(|f| resolve(id, doc, index, f))
                    .collect(),
                Err(e) => {
                    vec![Finding::error(
                        id,
                        format!("the check returned malformed output: {e}"),
                    )]
                }
            },
            status::PANIC => vec![Finding::error(
                id,
                format!("the check panicked: {}", String::from_utf8_lossy(bytes)),
            )],
            _ => vec![Finding::error(
                id,
                format!("the check failed: {}", String::from_utf8_lossy(bytes)),
            )],
        };
        if !out.ptr.is_null() {
            // SAFETY: the buffer was filled by this plugin; it is freed once, by its owner,
            // after the last use of `bytes` above.
            unsafe { ((*self.descriptor).free_buf)(out) };
        }
        findings
    }
}

/// A document made ready for the plugins, once for all of them: the views and analysis the
/// host lends (sentences, matching form) and the map from byte to character offsets that
/// evidence is reported in.
pub struct Prepared<'d> {
    doc: &'d Document,
    lent: LentDocument<'d>,
    index: CharIndex,
}

impl<'d> Prepared<'d> {
    /// Prepares `doc`: splits its clauses into sentences and normalises its text.
    pub fn new(doc: &'d Document) -> Prepared<'d> {
        Prepared {
            doc,
            lent: LentDocument::new(doc),
            index: CharIndex::new(&doc.text),
        }
    }
}

impl std::fmt::Debug for Prepared<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("clauses", &self.lent.clauses.len())
            .field("sentences", &self.lent.sentences.len())
            .finish_non_exhaustive()
    }
}

/// What the host lends to plugins, built once per document and shared by every plugin: the
/// clause views, and the analysis (sentences, matching form) each check would otherwise
/// compute for itself.
struct LentDocument<'d> {
    text: &'d str,
    clauses: Vec<ClauseView>,
    sentences: Vec<SentenceView>,
    normalized: Normalized<'static>,
}

impl<'d> LentDocument<'d> {
    fn new(doc: &'d Document) -> LentDocument<'d> {
        let clauses: Vec<ClauseView> = doc
            .clauses
            .iter()
            .map(|c| ClauseView {
                number: RStr::new(c.number.as_deref().unwrap_or("")),
                heading: RStr::new(c.heading.as_deref().unwrap_or("")),
                start: c.span.start,
                end: c.span.end,
                kind: match c.kind {
                    ClauseKind::Preamble => 0,
                    ClauseKind::Recital => 1,
                    ClauseKind::Body => 2,
                    ClauseKind::Signature => 3,
                },
            })
            .collect();
        // The same views a plugin builds from the lent clauses, for the shared analysis.
        let refs: Vec<ClauseRef<'_>> = doc
            .clauses
            .iter()
            .map(|c| {
                ClauseRef::new(
                    &doc.text,
                    c.span,
                    c.number.as_deref().unwrap_or(""),
                    c.heading.as_deref().unwrap_or(""),
                    c.kind,
                )
            })
            .collect();
        let sentences = sentences::contract_spans(&Contract::new(&doc.text, &refs))
            .into_iter()
            .map(|(clause, span)| SentenceView {
                clause,
                start: span.start,
                end: span.end,
            })
            .collect();
        LentDocument {
            text: &doc.text,
            clauses,
            sentences,
            normalized: Normalized::new(&doc.text),
        }
    }

    fn view(&self) -> DocumentView {
        let (normalized, origin, origin_end) = self.normalized.parts();
        DocumentView {
            text: RStr::new(self.text),
            clauses: self.clauses.as_ptr(),
            clause_count: self.clauses.len(),
            sentences: self.sentences.as_ptr(),
            sentence_count: self.sentences.len(),
            normalized: RStr::new(normalized),
            origin: origin.as_ptr(),
            origin_end: origin_end.as_ptr(),
        }
    }
}

/// Takes a plugin-filled buffer's bytes and frees it with the plugin's allocator.
///
/// # Safety
/// `out` must be empty or filled by the plugin `d` belongs to, and not freed yet.
unsafe fn take_bytes(d: &PluginDescriptor, out: RBuf) -> Vec<u8> {
    // SAFETY: guaranteed by the caller: the buffer is live.
    let bytes = unsafe { out.as_bytes() }.to_vec();
    if !out.ptr.is_null() {
        // SAFETY: guaranteed by the caller: freed once, by its owner.
        unsafe { (d.free_buf)(out) };
    }
    bytes
}

/// [`take_bytes`] as text.
///
/// # Safety
/// As for [`take_bytes`].
unsafe fn take(d: &PluginDescriptor, out: RBuf) -> String {
    // SAFETY: forwarded.
    String::from_utf8_lossy(&unsafe { take_bytes(d, out) }).into_owned()
}

/// serde_json's "at line 1 column 23" points into the JSON the host made, not the user's file.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_owned(),
        _ => message.to_owned(),
    }
}

/// Turns a plugin's answer into a finding: spans become quotes with clause and location.
/// Evidence is clamped to the text and widened to character boundaries; evidence that is
/// empty after that is dropped, the verdict kept.
fn resolve(check: &str, doc: &Document, index: &CharIndex, f: WireFinding) -> Finding {
    let text = doc.text.as_str();
    let mut evidence = Vec::with_capacity(f.evidence.len());
    for wire in &f.evidence {
        let mut start = wire.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = wire.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let raw = &text[start..end];
        // Quote without the surrounding whitespace.
        let quote = raw.trim();
        if quote.is_empty() {
            continue;
        }
        let start = start + (raw.len() - raw.trim_start().len());
        let span = Span::new(start, start + quote.len());
        let location = doc
            .block_at(span.start)
            .map(|i| doc.blocks[i].location)
            .unwrap_or_default();
        let clause = doc.clause_at(span.start).and_then(|i| {
            let c = &doc.clauses[i];
            c.number.clone().or_else(|| c.heading.clone())
        });
        evidence.push(Evidence {
            quote: quote.to_owned(),
            clause,
            span,
            start: index.char_offset(text, span.start),
            end: index.char_offset(text, span.end),
            location,
            about: wire.about.as_deref().map(about_tag),
        });
    }
    Finding {
        check: check.to_owned(),
        verdict: f.verdict,
        message: f.message,
        evidence,
        params: f.params,
    }
}

/// A plugin's tag for a supporting quote, kept to what reports can print safely: lower-case
/// ASCII letters, digits, `-` and `_`, at most [`ABOUT_MAX`] characters; a tag with nothing
/// printable left reads `supporting`.
fn about_tag(raw: &str) -> String {
    let tag: String = raw
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(ABOUT_MAX)
        .collect();
    if tag.is_empty() {
        "supporting".to_owned()
    } else {
        tag
    }
}

/// Longest tag a supporting quote keeps.
const ABOUT_MAX: usize = 32;

/// The configured plugins of a run.
#[derive(Debug, Default)]
pub struct PluginSet {
    plugins: Vec<Plugin>,
}

impl PluginSet {
    /// Loads every shared library in the given folders (sorted by file name within a folder).
    /// Returns the plugins and the libraries that were refused; fails when a folder cannot be
    /// listed or the policy is invalid.
    pub fn load(dirs: &[PathBuf], policy: &Policy) -> Result<(PluginSet, Vec<LoadProblem>), Error> {
        Self::load_filtered(dirs, policy, |_| true)
    }

    /// Loads clauselint's own check plugins (`libclauselint_check_*`) from the folder next to
    /// the binary, and its `plugins/` subfolder when there is one.
    pub fn load_default(
        dir: &Path,
        policy: &Policy,
    ) -> Result<(PluginSet, Vec<LoadProblem>), Error> {
        let mut dirs = vec![dir.to_owned()];
        if dir.join("plugins").is_dir() {
            dirs.push(dir.join("plugins"));
        }
        Self::load_filtered(&dirs, policy, is_default_plugin_name)
    }

    fn load_filtered(
        dirs: &[PathBuf],
        policy: &Policy,
        accept: impl Fn(&str) -> bool,
    ) -> Result<(PluginSet, Vec<LoadProblem>), Error> {
        let mut set = PluginSet::default();
        let mut problems = Vec::new();
        for dir in dirs {
            let entries = std::fs::read_dir(dir).map_err(|source| Error::PluginDir {
                path: dir.clone(),
                source,
            })?;
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_library(p))
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&accept))
                .collect();
            paths.sort();
            for path in paths {
                match Plugin::load(&path, policy)? {
                    Ok(plugin) => {
                        if let Some(first) = set.get(&plugin.info.id) {
                            problems.push(LoadProblem {
                                path,
                                message: format!(
                                    "check `{}` is already loaded from {}; skipped",
                                    plugin.info.id,
                                    first.info.path.display()
                                ),
                            });
                        } else {
                            set.plugins.push(plugin);
                        }
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        for check in policy.checks() {
            if set.get(check).is_none() {
                let known: Vec<_> = set.plugins.iter().map(|p| p.info.id.as_str()).collect();
                return Err(policy.error(
                    check,
                    format!(
                        "unknown check `{check}` (loaded checks: {})",
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join(", ")
                        }
                    ),
                ));
            }
        }
        Ok((set, problems))
    }

    /// The plugin for a check id.
    pub fn get(&self, id: &str) -> Option<&Plugin> {
        self.plugins.iter().find(|p| p.info.id == id)
    }

    /// The plugins in load order.
    pub fn iter(&self) -> impl Iterator<Item = &Plugin> {
        self.plugins.iter()
    }

    /// Number of loaded plugins.
    pub fn len(&self) -> usize {
        self.plugins.len()
    }

    /// Whether no plugin is loaded.
    pub fn is_empty(&self) -> bool {
        self.plugins.is_empty()
    }

    /// Runs every check on a document, in load order.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let prepared = Prepared::new(doc);
        self.plugins
            .iter()
            .flat_map(|p| p.check_prepared(&prepared))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_are_clauselint_checks_only() {
        let ext = std::env::consts::DLL_EXTENSION;
        assert!(is_default_plugin_name(&format!(
            "libclauselint_check_governing_law.{ext}"
        )));
        assert!(is_default_plugin_name(&format!("clauselint_check_x.{ext}")));
        assert!(!is_default_plugin_name(&format!(
            "libclauselint_testplugin_panicking.{ext}"
        )));
        assert!(!is_default_plugin_name("libclauselint_check_x.rlib"));
    }

    #[test]
    fn json_positions_are_stripped_from_policy_messages() {
        assert_eq!(
            strip_json_position("unknown field `x`, expected `y` at line 1 column 5"),
            "unknown field `x`, expected `y`"
        );
        assert_eq!(strip_json_position("bad value"), "bad value");
    }

    #[test]
    fn ordered_objects_keep_the_plugins_key_order() {
        let entries = ordered_object(br#"{"zeta": 1, "alpha": [true], "mid": {"b": 2}}"#).unwrap();
        let keys: Vec<_> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["zeta", "alpha", "mid"]);
        assert_eq!(entries[1].1, serde_json::json!([true]));
        let entries = ordered_object(br#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(
            entries,
            vec![
                ("a".to_owned(), serde_json::json!(3)),
                ("b".to_owned(), serde_json::json!(2))
            ]
        );
        assert_eq!(ordered_object(b"{}").unwrap(), Vec::new());
        assert!(ordered_object(b"").is_err());
        assert!(ordered_object(b"[1]").is_err());
        assert!(ordered_object(b"{\"a\": ").is_err());
    }

    #[test]
    fn a_file_that_is_not_a_library_is_refused_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join(format!(
            "libclauselint_check_fake.{}",
            std::env::consts::DLL_EXTENSION
        ));
        std::fs::write(&fake, b"not a library").unwrap();
        let (set, problems) =
            PluginSet::load(&[dir.path().to_owned()], &Policy::default()).unwrap();
        assert!(set.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("cannot load library"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn supporting_quotes_keep_a_printable_tag() {
        let doc = clauselint_ingest::read(
            b"1. Law. New York law governs.\n2. Venue. Courts of Albany.\n",
        )
        .unwrap();
        let index = CharIndex::new(&doc.text);
        let venue = doc.text.find("Courts").unwrap();
        let wire = WireFinding {
            verdict: clauselint_model::Verdict::Pass,
            message: "m".into(),
            evidence: vec![
                clauselint_plugin_api::WireSpan {
                    start: 0,
                    end: 10,
                    about: None,
                },
                clauselint_plugin_api::WireSpan {
                    start: venue,
                    end: venue + 6,
                    about: Some("Venue\u{1b}[31m!".into()),
                },
                clauselint_plugin_api::WireSpan {
                    start: venue,
                    end: venue + 3,
                    about: Some("\u{1b}".into()),
                },
            ],
            params: Default::default(),
        };
        let f = resolve("governing-law", &doc, &index, wire);
        let tags: Vec<Option<&str>> = f.evidence.iter().map(|e| e.about.as_deref()).collect();
        assert_eq!(tags, [None, Some("venue31m"), Some("supporting")]);
        assert_eq!(f.evidence[1].quote, "Courts");
    }
}
