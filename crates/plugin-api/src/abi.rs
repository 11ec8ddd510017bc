//! The C ABI itself. Only this module, the export glue ([`crate::export`]) and the engine's
//! loader contain `unsafe` code.
//!
//! Layout rules that keep the ABI stable: every type is `#[repr(C)]`; the descriptor's first
//! field is the ABI version and will stay first in every future version; any change to a type
//! here bumps [`ABI_VERSION`].

use std::ffi::c_void;

/// The ABI version this crate speaks. The host refuses plugins built with another one.
///
/// Version 2 added the effective policy (returned by `configure` on success) and
/// [`PluginDescriptor::policy_doc`]. Version 3 added the analysis the host lends with each
/// document: its sentences and its text in matching form ([`DocumentView::sentences`],
/// [`DocumentView::normalized`]).
pub const ABI_VERSION: u32 = 3;

/// The one symbol a plugin library exports: `extern "C" fn() -> *const PluginDescriptor`.
pub const ENTRY_SYMBOL: &str = "clauselint_plugin_entry";

/// The type of the entry symbol.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginDescriptor;

/// A borrowed UTF-8 string: pointer and length, not NUL-terminated.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct RStr {
    /// First byte (may dangle when `len` is 0).
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

// SAFETY: an `RStr` is a read-only view; the data it points to is either `'static` (descriptor
// strings) or borrowed for the duration of one call, during which nobody mutates it.
unsafe impl Send for RStr {}
// SAFETY: as above, the view is read-only.
unsafe impl Sync for RStr {}

impl RStr {
    /// A view of `s`; the caller keeps `s` alive while the view is used.
    pub const fn new(s: &str) -> RStr {
        RStr {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// The string this view points to.
    ///
    /// # Safety
    /// `ptr..ptr+len` must be readable for `'a` and not mutated meanwhile. Invalid UTF-8 is
    /// replaced, never trusted.
    pub unsafe fn as_str<'a>(self) -> std::borrow::Cow<'a, str> {
        if self.len == 0 {
            return std::borrow::Cow::Borrowed("");
        }
        // SAFETY: the caller guarantees the range is readable for 'a.
        let bytes = unsafe { std::slice::from_raw_parts(self.ptr, self.len) };
        String::from_utf8_lossy(bytes)
    }
}

/// A byte buffer allocated by the plugin and released only by its `free_buf`.
#[repr(C)]
#[derive(Debug)]
pub struct RBuf {
    /// Start of the allocation (null when empty).
    pub ptr: *mut u8,
    /// Bytes in use.
    pub len: usize,
    /// Capacity of the allocation.
    pub cap: usize,
}

impl RBuf {
    /// An empty buffer that owns nothing.
    pub const EMPTY: RBuf = RBuf {
        ptr: std::ptr::null_mut(),
        len: 0,
        cap: 0,
    };

    /// Moves a `Vec<u8>` into a buffer; [`RBuf::into_vec`] must be called on the same side.
    pub fn from_vec(v: Vec<u8>) -> RBuf {
        let mut v = std::mem::ManuallyDrop::new(v);
        RBuf {
            ptr: v.as_mut_ptr(),
            len: v.len(),
            cap: v.capacity(),
        }
    }

    /// Takes the buffer back as the `Vec<u8>` it was made from.
    ///
    /// # Safety
    /// The buffer must come from [`RBuf::from_vec`] in the same library (same allocator) and not
    /// have been freed yet.
    pub unsafe fn into_vec(self) -> Vec<u8> {
        if self.ptr.is_null() {
            return Vec::new();
        }
        // SAFETY: guaranteed by the caller: the parts come from a Vec of this allocator.
        unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) }
    }

    /// Reads the bytes without taking ownership.
    ///
    /// # Safety
    /// The buffer must be live (not yet freed).
    pub unsafe fn as_bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: guaranteed by the caller: the buffer is live and `len` bytes are initialised.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// A clause as the host lends it to a plugin.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ClauseView {
    /// The clause number ("7.2"), empty when none.
    pub number: RStr,
    /// The clause heading, empty when none.
    pub heading: RStr,
    /// Byte offset of the clause's start in the document text.
    pub start: usize,
    /// Byte offset one past the clause's end.
    pub end: usize,
    /// The clause kind: 0 preamble, 1 recital, 2 body, 3 signature.
    pub kind: u32,
}

/// A document as the host lends it to a plugin, for the duration of one `check` call.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct DocumentView {
    /// The whole extracted text (UTF-8).
    pub text: RStr,
    /// The clauses, in document order.
    pub clauses: *const ClauseView,
    /// Number of clauses.
    pub clause_count: usize,
    /// The sentences of the clauses, in document order (version 3); null when not lent, and
    /// the plugin splits the text itself.
    pub sentences: *const SentenceView,
    /// Number of sentences.
    pub sentence_count: usize,
    /// The text in matching form (version 3; see `text::Normalized`): lower-case, straight
    /// quotes, single spaces. Empty with null `origin` when not lent.
    pub normalized: RStr,
    /// `normalized.len + 1` original byte offsets, one per normalised byte and one for its end.
    pub origin: *const usize,
    /// `normalized.len` original byte offsets just past the character each normalised byte
    /// came from.
    pub origin_end: *const usize,
}

/// A sentence as the host lends it (version 3).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceView {
    /// Index of the clause the sentence is in.
    pub clause: usize,
    /// Byte offset of the sentence's start in the document text.
    pub start: usize,
    /// Byte offset one past the sentence's end.
    pub end: usize,
}

/// Status a `check` or `configure` call returns.
pub mod status {
    /// The output buffer holds the JSON result.
    pub const OK: i32 = 0;
    /// The output buffer holds a UTF-8 error message.
    pub const ERROR: i32 = 1;
    /// The plugin panicked; the output buffer holds the panic message.
    pub const PANIC: i32 = 2;
}

/// What a plugin exports: who it is, and its entry points.
#[repr(C)]
#[derive(Debug)]
pub struct PluginDescriptor {
    /// Must equal the host's [`ABI_VERSION`]. Always the first field.
    pub abi_version: u32,
    /// Check id, kebab-case (`governing-law`); it names the policy table too.
    pub id: RStr,
    /// Human name.
    pub name: RStr,
    /// The plugin's own version.
    pub version: RStr,
    /// One-paragraph description.
    pub description: RStr,
    /// The verdicts the check can give, comma-separated (`pass,warn,fail`).
    pub verdicts: RStr,
    /// Builds the check from its policy section (JSON object text). On success writes a handle
    /// to `*state`, fills `out` with the **effective policy** (the parsed section with every
    /// default filled in, as a JSON object) and returns [`status::OK`]; otherwise fills `out`
    /// with a message.
    pub configure:
        unsafe extern "C" fn(policy: RStr, state: *mut *mut c_void, out: *mut RBuf) -> i32,
    /// Runs the check on one document. On [`status::OK`], `out` holds [`crate::WireFindings`]
    /// as JSON; otherwise a message.
    ///
    /// The host calls it **concurrently from many worker threads with the same handle**, so the
    /// state behind the handle must be thread-safe (the SDK requires `Check: Send + Sync`). A
    /// panic is caught inside the plugin and returned as [`status::PANIC`]; a plugin built with
    /// `panic = "abort"` cannot be contained and takes the host down with it.
    pub check:
        unsafe extern "C" fn(state: *const c_void, doc: *const DocumentView, out: *mut RBuf) -> i32,
    /// Releases a buffer the plugin filled.
    pub free_buf: unsafe extern "C" fn(buf: RBuf),
    /// Releases a handle made by `configure`.
    pub destroy: unsafe extern "C" fn(state: *mut c_void),
    /// The policy's documentation: a static JSON object mapping each policy key to a one-line
    /// comment (units, allowed values), in the order the keys are declared. `{}` when the
    /// check documents nothing. Added in ABI version 2; the template `clauselint policy --init`
    /// writes comes from it.
    pub policy_doc: RStr,
}

// SAFETY: the descriptor is immutable static data plus function pointers.
unsafe impl Sync for PluginDescriptor {}
