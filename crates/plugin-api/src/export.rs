//! The [`Check`] trait and the glue [`crate::export_check!`] instantiates.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Contract, Report, Verdict};

/// A contract check. Implement it, then export it with [`crate::export_check!`].
pub trait Check: Sized + Send + Sync + 'static {
    /// Check id, kebab-case; also the name of the check's table in the policy file.
    const ID: &'static str;
    /// Human name.
    const NAME: &'static str;
    /// The check's own version.
    const VERSION: &'static str;
    /// What the check looks for, in a sentence or two.
    const DESCRIPTION: &'static str;
    /// Every verdict the check can give.
    const VERDICTS: &'static [Verdict];

    /// The check's policy section. Defaults come from `Default`; mark it
    /// `#[serde(deny_unknown_fields, default)]` so a misspelt key is an error and an absent
    /// key takes its default. `Serialize` gives the host the effective policy back
    /// (`clauselint policy`); it must serialise to a map with one entry per key.
    type Policy: DeserializeOwned + Serialize + Default;

    /// One line of documentation per policy key, in declaration order: `(key, comment)`. The
    /// comment says what the key does, its unit and its allowed values; `clauselint policy
    /// --init` writes it above the key. The SDK's fixture harness checks that it names exactly
    /// the keys of the serialised default policy.
    const POLICY_DOC: &'static [(&'static str, &'static str)] = &[];

    /// Builds the check from its policy, rejecting bad values with a message that names the key.
    fn new(policy: Self::Policy) -> Result<Self, String>;

    /// Examines one contract. Returns one finding in the usual case.
    fn check(&self, contract: &Contract<'_>) -> Vec<Report>;
}

#[doc(hidden)]
pub mod __private {
    //! Implementation of the exported entry points; used only by `export_check!`.

    use std::any::Any;
    use std::ffi::c_void;
    use std::panic::{AssertUnwindSafe, catch_unwind};

    use clauselint_model::{ClauseKind, Span};

    use crate::abi::{ClauseView, DocumentView, RBuf, RStr, SentenceView, status};
    use crate::text::Normalized;
    use crate::{Analysis, Check, ClauseRef, Contract, WireFindings};

    pub use crate::abi::{ABI_VERSION, PluginDescriptor};

    /// The descriptor's `policy_doc` text: a JSON object of the `(key, comment)` pairs, in
    /// their order (a later duplicate key is dropped, as JSON readers would keep only one).
    pub fn policy_doc_json(doc: &[(&str, &str)]) -> String {
        let mut json = String::from("{");
        let mut seen = std::collections::HashSet::new();
        for (key, comment) in doc {
            if !seen.insert(*key) {
                continue;
            }
            if json.len() > 1 {
                json.push(',');
            }
            // `Value`'s `Display` writes a correctly escaped JSON string and cannot fail.
            json.push_str(&serde_json::Value::String((*key).to_owned()).to_string());
            json.push(':');
            json.push_str(&serde_json::Value::String((*comment).to_owned()).to_string());
        }
        json.push('}');
        json
    }

    /// The effective policy as a JSON object: what `configure` hands back on success. Written
    /// straight from the struct, not through `serde_json::Value`, so the keys keep their
    /// declaration order (a `Value` map would sort them) and the template follows the struct.
    fn effective_json<C: Check>(policy: &C::Policy) -> Result<Vec<u8>, String> {
        let json = serde_json::to_vec(policy)
            .map_err(|e| format!("[{}]: cannot serialise the effective policy: {e}", C::ID))?;
        match json.first() {
            Some(b'{') => Ok(json),
            // A unit struct: a policy with no keys.
            _ if json == b"null" => Ok(b"{}".to_vec()),
            _ => Err(format!(
                "[{}]: the check's policy does not serialise to a table",
                C::ID
            )),
        }
    }

    fn panic_message(payload: &(dyn Any + Send)) -> String {
        if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic payload".to_owned()
        }
    }

    fn write(out: *mut RBuf, bytes: Vec<u8>) {
        if !out.is_null() {
            // SAFETY: the host passes a valid, writable RBuf it owns for this call.
            unsafe { out.write(RBuf::from_vec(bytes)) };
        }
    }

    /// `configure` entry point.
    ///
    /// # Safety
    /// Called by the host with a valid policy view and valid out-pointers.
    pub unsafe fn configure<C: Check>(
        policy: RStr,
        state: *mut *mut c_void,
        out: *mut RBuf,
    ) -> i32 {
        let result = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: the host keeps the policy text alive for this call.
            let text = unsafe { policy.as_str() };
            let text = if text.trim().is_empty() { "{}" } else { &text };
            let mut de = serde_json::Deserializer::from_str(text);
            let parsed: C::Policy = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let path = e.path().to_string();
                if path == "." {
                    format!("[{}]: {}", C::ID, e.inner())
                } else {
                    format!("[{}] `{path}`: {}", C::ID, e.inner())
                }
            })?;
            // Serialised before `new` consumes it: this is what the check will run with.
            let effective = effective_json::<C>(&parsed)?;
            let check = C::new(parsed).map_err(|e| format!("[{}]: {e}", C::ID))?;
            Ok::<_, String>((check, effective))
        }));
        match result {
            Ok(Ok((check, effective))) => {
                let handle = Box::into_raw(Box::new(check)).cast::<c_void>();
                if !state.is_null() {
                    // SAFETY: the host passes a valid, writable pointer slot.
                    unsafe { state.write(handle) };
                }
                write(out, effective);
                status::OK
            }
            Ok(Err(msg)) => {
                write(out, msg.into_bytes());
                status::ERROR
            }
            Err(payload) => {
                write(out, panic_message(payload.as_ref()).into_bytes());
                status::PANIC
            }
        }
    }

    /// The analysis the host lent with `doc` (ABI version 3), or `None` when it lent none or
    /// what it lent is inconsistent with the document; the check then computes its own.
    ///
    /// # Safety
    /// `doc`'s sentence and origin pointers, when not null, point at `sentence_count`
    /// sentences and at `normalized.len + 1` / `normalized.len` offsets, live for the call.
    unsafe fn lent_analysis<'a>(
        doc: &'a DocumentView,
        normalized: &'a str,
        contract: &Contract<'_>,
    ) -> Option<Analysis<'a>> {
        if doc.sentences.is_null()
            || doc.origin.is_null()
            || doc.origin_end.is_null()
            || normalized.len() != doc.normalized.len
        {
            return None;
        }
        // SAFETY: guaranteed by the caller.
        let views: &[SentenceView] =
            unsafe { std::slice::from_raw_parts(doc.sentences, doc.sentence_count) };
        // SAFETY: as above; the length is the lent string's, checked equal to `normalized`.
        let origin = unsafe { std::slice::from_raw_parts(doc.origin, doc.normalized.len + 1) };
        // SAFETY: as above.
        let origin_end = unsafe { std::slice::from_raw_parts(doc.origin_end, doc.normalized.len) };
        let normalized = Normalized::from_parts(normalized, origin, origin_end)?;
        let sentences = views
            .iter()
            .map(|v| (v.clause, Span::new(v.start, v.end)))
            .collect();
        Analysis::from_parts(contract, normalized, sentences)
    }

    fn kind_of(code: u32) -> ClauseKind {
        match code {
            0 => ClauseKind::Preamble,
            1 => ClauseKind::Recital,
            3 => ClauseKind::Signature,
            _ => ClauseKind::Body,
        }
    }

    /// `check` entry point.
    ///
    /// # Safety
    /// `state` comes from `configure::<C>`; `doc` and everything it points to stay valid and
    /// unchanged for the call.
    pub unsafe fn check<C: Check>(
        state: *const c_void,
        doc: *const DocumentView,
        out: *mut RBuf,
    ) -> i32 {
        let result = catch_unwind(AssertUnwindSafe(|| {
            if state.is_null() || doc.is_null() {
                return Err("host passed a null handle".to_owned());
            }
            // SAFETY: `state` was made by `configure::<C>` from a `Box<C>` and is still live.
            let check = unsafe { &*state.cast::<C>() };
            // SAFETY: the host lends a valid view for the duration of the call.
            let doc = unsafe { &*doc };
            // SAFETY: as above.
            let text = unsafe { doc.text.as_str() };
            let views: &[ClauseView] = if doc.clauses.is_null() || doc.clause_count == 0 {
                &[]
            } else {
                // SAFETY: the host lends `clause_count` initialised views.
                unsafe { std::slice::from_raw_parts(doc.clauses, doc.clause_count) }
            };
            let strings: Vec<_> = views
                .iter()
                // SAFETY: clause strings live as long as the document view.
                .map(|v| unsafe { (v.number.as_str(), v.heading.as_str()) })
                .collect();
            let clauses: Vec<ClauseRef<'_>> = views
                .iter()
                .zip(&strings)
                .map(|(v, (n, h))| {
                    ClauseRef::new(&text, Span::new(v.start, v.end), n, h, kind_of(v.kind))
                })
                .collect();
            let contract = Contract::new(&text, &clauses);
            // SAFETY: the analysis the view points to lives as long as the view.
            let normalized = unsafe { doc.normalized.as_str() };
            // SAFETY: as above.
            let analysis = unsafe { lent_analysis(doc, &normalized, &contract) };
            let contract = match &analysis {
                Some(a) => contract.with_analysis(a),
                None => contract,
            };
            let findings = check
                .check(&contract)
                .into_iter()
                .map(|r| r.into_finding())
                .collect();
            serde_json::to_vec(&WireFindings { findings }).map_err(|e| e.to_string())
        }));
        match result {
            Ok(Ok(json)) => {
                write(out, json);
                status::OK
            }
            Ok(Err(msg)) => {
                write(out, msg.into_bytes());
                status::ERROR
            }
            Err(payload) => {
                write(out, panic_message(payload.as_ref()).into_bytes());
                status::PANIC
            }
        }
    }

    /// `free_buf` entry point.
    ///
    /// # Safety
    /// `buf` was filled by this library and is freed once.
    pub unsafe fn free_buf(buf: RBuf) {
        // Dropping cannot unwind in practice, but catch it anyway so nothing crosses the boundary.
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: guaranteed by the caller: `buf` was filled by this library, freed once.
            drop(unsafe { buf.into_vec() })
        }));
    }

    /// `destroy` entry point.
    ///
    /// # Safety
    /// `state` was made by `configure::<C>` and is destroyed once.
    pub unsafe fn destroy<C: Check>(state: *mut c_void) {
        if state.is_null() {
            return;
        }
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: guaranteed by the caller: the pointer is a live `Box<C>`, destroyed once.
            drop(unsafe { Box::from_raw(state.cast::<C>()) })
        }));
    }
}

/// Exports a [`Check`] as a clauselint plugin: generates the entry symbol and the C entry
/// points, each wrapped in `catch_unwind`. Use it once, in the plugin crate's `lib.rs`, and build
/// the crate as a `cdylib`.
#[macro_export]
macro_rules! export_check {
    ($check:ty) => {
        const _: () = {
            use $crate::__private as p;
            use $crate::abi::{DocumentView, RBuf, RStr};

            unsafe extern "C" fn configure(
                policy: RStr,
                state: *mut *mut ::std::ffi::c_void,
                out: *mut RBuf,
            ) -> i32 {
                // SAFETY: forwarded from the host, which upholds the ABI contract.
                unsafe { p::configure::<$check>(policy, state, out) }
            }
            unsafe extern "C" fn check(
                state: *const ::std::ffi::c_void,
                doc: *const DocumentView,
                out: *mut RBuf,
            ) -> i32 {
                // SAFETY: forwarded from the host, which upholds the ABI contract.
                unsafe { p::check::<$check>(state, doc, out) }
            }
            unsafe extern "C" fn free_buf(buf: RBuf) {
                // SAFETY: forwarded from the host, which upholds the ABI contract.
                unsafe { p::free_buf(buf) }
            }
            unsafe extern "C" fn destroy(state: *mut ::std::ffi::c_void) {
                // SAFETY: forwarded from the host, which upholds the ABI contract.
                unsafe { p::destroy::<$check>(state) }
            }

            static VERDICTS: ::std::sync::LazyLock<String> = ::std::sync::LazyLock::new(|| {
                <$check as $crate::Check>::VERDICTS
                    .iter()
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            });

            static POLICY_DOC: ::std::sync::LazyLock<String> = ::std::sync::LazyLock::new(|| {
                p::policy_doc_json(<$check as $crate::Check>::POLICY_DOC)
            });

            static DESCRIPTOR: ::std::sync::LazyLock<p::PluginDescriptor> =
                ::std::sync::LazyLock::new(|| p::PluginDescriptor {
                    abi_version: p::ABI_VERSION,
                    id: RStr::new(<$check as $crate::Check>::ID),
                    name: RStr::new(<$check as $crate::Check>::NAME),
                    version: RStr::new(<$check as $crate::Check>::VERSION),
                    description: RStr::new(<$check as $crate::Check>::DESCRIPTION),
                    verdicts: RStr::new(VERDICTS.as_str()),
                    configure,
                    check,
                    free_buf,
                    destroy,
                    policy_doc: RStr::new(POLICY_DOC.as_str()),
                });

            #[unsafe(no_mangle)]
            pub extern "C" fn clauselint_plugin_entry() -> *const p::PluginDescriptor {
                // A panic cannot happen here (LazyLock init only joins a few strings), but
                // catch it so nothing unwinds into the host.
                ::std::panic::catch_unwind(|| &*DESCRIPTOR as *const p::PluginDescriptor)
                    .unwrap_or(::std::ptr::null())
            }
        };
    };
}

#[cfg(test)]
mod tests {
    //! The glue exercised in-process, as the host calls it, without building a library.

    use std::ffi::c_void;

    use serde::{Deserialize, Serialize};

    use super::__private as p;
    use super::*;
    use crate::abi::{ClauseView, DocumentView, RBuf, RStr, SentenceView, status};
    use crate::{Analysis, ClauseKind, ClauseRef, Span};

    #[derive(Debug, Default, Deserialize, Serialize)]
    #[serde(deny_unknown_fields, default)]
    struct Policy {
        max: u32,
        label: String,
    }

    /// Passes unless the text says "boom", then panics.
    struct Touchy {
        max: u32,
    }

    impl Check for Touchy {
        const ID: &'static str = "touchy";
        const NAME: &'static str = "Touchy";
        const VERSION: &'static str = "0.0.0";
        const DESCRIPTION: &'static str = "Panics on one word.";
        const VERDICTS: &'static [Verdict] = &[Verdict::Pass];
        const POLICY_DOC: &'static [(&'static str, &'static str)] = &[
            ("max", "Largest allowed value (a count, 0 to 100)."),
            ("label", "A \"quoted\" name\\with a backslash."),
        ];
        type Policy = Policy;

        fn new(policy: Policy) -> Result<Self, String> {
            if policy.max > 100 {
                return Err("`max` must be at most 100".to_owned());
            }
            Ok(Touchy { max: policy.max })
        }

        fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
            assert!(!contract.text().contains("boom"), "boom in the text");
            let n = contract.clauses().count();
            vec![Report::new(
                Verdict::Pass,
                format!("{n} clauses, max {}", self.max),
            )]
        }
    }

    fn configure(policy: &str) -> (i32, *mut c_void, String) {
        let mut state: *mut c_void = std::ptr::null_mut();
        let mut out = RBuf::EMPTY;
        // SAFETY: valid policy view, state slot and out buffer for the call.
        let code = unsafe { p::configure::<Touchy>(RStr::new(policy), &mut state, &mut out) };
        (code, state, take(out))
    }

    fn take(out: RBuf) -> String {
        // SAFETY: filled by this same code (same allocator), taken once.
        String::from_utf8_lossy(&unsafe { out.into_vec() }).into_owned()
    }

    fn check(state: *const c_void, text: &str, clauses: &[ClauseView]) -> (i32, String) {
        let doc = DocumentView {
            text: RStr::new(text),
            clauses: clauses.as_ptr(),
            clause_count: clauses.len(),
            sentences: std::ptr::null(),
            sentence_count: 0,
            normalized: RStr::new(""),
            origin: std::ptr::null(),
            origin_end: std::ptr::null(),
        };
        let mut out = RBuf::EMPTY;
        // SAFETY: `state` comes from `configure::<Touchy>`; the view outlives the call.
        let code = unsafe { p::check::<Touchy>(state, &doc, &mut out) };
        (code, take(out))
    }

    #[test]
    fn an_empty_policy_section_means_the_defaults() {
        let (code, state, msg) = configure("");
        assert_eq!(code, status::OK, "{msg}");
        let (code, json) = check(state, "1. Terms", &[]);
        assert_eq!(code, status::OK);
        assert!(json.contains("0 clauses, max 0"), "{json}");
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Touchy>(state) };
    }

    #[test]
    fn configure_hands_back_the_effective_policy() {
        let (code, state, json) = configure("");
        assert_eq!(code, status::OK, "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value, serde_json::json!({"max": 0, "label": ""}));
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Touchy>(state) };

        let (code, state, json) = configure(r#"{"max": 7}"#);
        assert_eq!(code, status::OK, "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value, serde_json::json!({"max": 7, "label": ""}));
        // Declaration order, not alphabetical: the template lists keys as the struct does.
        assert_eq!(json, r#"{"max":7,"label":""}"#);
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Touchy>(state) };
    }

    #[test]
    fn policy_doc_json_is_a_well_formed_object_in_declaration_order() {
        let json = p::policy_doc_json(Touchy::POLICY_DOC);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "max": "Largest allowed value (a count, 0 to 100).",
                "label": "A \"quoted\" name\\with a backslash.",
            })
        );
        assert!(json.find("\"max\"") < json.find("\"label\""), "{json}");
        assert_eq!(p::policy_doc_json(&[]), "{}");
        assert_eq!(
            p::policy_doc_json(&[("a", "first"), ("a", "second")]),
            r#"{"a":"first"}"#
        );
    }

    crate::export_check!(Touchy);

    unsafe extern "C" {
        // Defined by `export_check!(Touchy)` above, in this same test binary.
        fn clauselint_plugin_entry() -> *const p::PluginDescriptor;
    }

    #[test]
    fn the_exported_descriptor_carries_version_and_policy_doc() {
        // SAFETY: the entry point generated above takes nothing and returns static data.
        let d = unsafe { &*clauselint_plugin_entry() };
        assert_eq!(d.abi_version, p::ABI_VERSION);
        // SAFETY: descriptor strings are static.
        let (id, doc) = unsafe { (d.id.as_str(), d.policy_doc.as_str()) };
        assert_eq!(id, "touchy");
        let value: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(value["max"], "Largest allowed value (a count, 0 to 100).");
    }

    #[test]
    fn bad_policy_values_are_refused_with_the_key() {
        let (code, state, msg) = configure(r#"{"max": "lots"}"#);
        assert_eq!(code, status::ERROR);
        assert!(state.is_null());
        assert!(msg.starts_with("[touchy] `max`:"), "{msg}");
        let (code, _, msg) = configure(r#"{"max": 500}"#);
        assert_eq!(
            (code, msg.as_str()),
            (status::ERROR, "[touchy]: `max` must be at most 100")
        );
        let (code, _, msg) = configure(r#"{"mx": 5}"#);
        assert_eq!(code, status::ERROR);
        assert!(msg.contains("unknown field `mx`"), "{msg}");
    }

    #[test]
    fn a_panicking_check_returns_panic_status_and_stays_usable() {
        let (_, state, _) = configure("{}");
        let (code, msg) = check(state, "it goes boom", &[]);
        assert_eq!(code, status::PANIC);
        assert!(msg.contains("boom in the text"), "{msg}");
        let (code, _) = check(state, "calm", &[]);
        assert_eq!(code, status::OK);
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Touchy>(state) };
    }

    #[test]
    fn null_handles_and_bad_clause_spans_are_errors_not_crashes() {
        let (code, msg) = check(std::ptr::null(), "text", &[]);
        assert_eq!(
            (code, msg.as_str()),
            (status::ERROR, "host passed a null handle")
        );
        let (_, state, _) = configure("{}");
        let text = "Straße 1";
        // The clause end falls inside "ß" and past the text: it must be ignored, not trusted.
        let clauses = [ClauseView {
            number: RStr::new("1"),
            heading: RStr::new(""),
            start: 0,
            end: 5,
            kind: 2,
        }];
        let (code, json) = check(state, text, &clauses);
        assert_eq!(code, status::OK, "{json}");
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Touchy>(state) };
    }

    /// Says whether the host's analysis arrived and equals what the check computes itself.
    struct Lent;

    impl Check for Lent {
        const ID: &'static str = "lent";
        const NAME: &'static str = "Lent";
        const VERSION: &'static str = "0.0.0";
        const DESCRIPTION: &'static str = "Compares the lent analysis with its own.";
        const VERDICTS: &'static [Verdict] = &[Verdict::Pass, Verdict::Fail];
        const POLICY_DOC: &'static [(&'static str, &'static str)] = &[];
        type Policy = Empty;

        fn new(_: Empty) -> Result<Self, String> {
            Ok(Lent)
        }

        fn check(&self, contract: &Contract<'_>) -> Vec<Report> {
            let Some(lent) = contract.lent() else {
                return vec![Report::new(Verdict::Fail, "nothing lent")];
            };
            let own = Analysis::of(&Contract::new(
                contract.text(),
                &contract.clauses().copied().collect::<Vec<_>>(),
            ));
            let same = lent.sentences() == own.sentences()
                && lent.normalized().parts() == own.normalized().parts();
            vec![Report::new(
                if same { Verdict::Pass } else { Verdict::Fail },
                format!("{} sentences lent", lent.sentences().len()),
            )]
        }
    }

    #[derive(Debug, Default, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    struct Empty {}

    /// Runs `Lent` on `text` with one body clause over all of it and the host's analysis,
    /// after `tamper` had a go at the lent sentences.
    fn run_lent(text: &str, tamper: impl Fn(&mut Vec<SentenceView>)) -> String {
        let clauses = [ClauseView {
            number: RStr::new("1"),
            heading: RStr::new(""),
            start: 0,
            end: text.len(),
            kind: 2,
        }];
        let refs = [ClauseRef::new(
            text,
            Span::new(0, text.len()),
            "1",
            "",
            ClauseKind::Body,
        )];
        let analysis = Analysis::of(&Contract::new(text, &refs));
        let mut sentences: Vec<SentenceView> = analysis
            .sentences()
            .iter()
            .map(|&(clause, span)| SentenceView {
                clause,
                start: span.start,
                end: span.end,
            })
            .collect();
        tamper(&mut sentences);
        let (normalized, origin, origin_end) = analysis.normalized().parts();
        let doc = DocumentView {
            text: RStr::new(text),
            clauses: clauses.as_ptr(),
            clause_count: clauses.len(),
            sentences: sentences.as_ptr(),
            sentence_count: sentences.len(),
            normalized: RStr::new(normalized),
            origin: origin.as_ptr(),
            origin_end: origin_end.as_ptr(),
        };
        let mut state: *mut c_void = std::ptr::null_mut();
        let mut out = RBuf::EMPTY;
        // SAFETY: valid policy view, state slot and out buffer for the call.
        let code = unsafe { p::configure::<Lent>(RStr::new("{}"), &mut state, &mut out) };
        assert_eq!(code, status::OK, "{}", take(out));
        let mut out = RBuf::EMPTY;
        // SAFETY: `state` comes from `configure::<Lent>`; the view outlives the call.
        let code = unsafe { p::check::<Lent>(state, &doc, &mut out) };
        assert_eq!(code, status::OK);
        // SAFETY: made by configure, destroyed once.
        unsafe { p::destroy::<Lent>(state) };
        take(out)
    }

    #[test]
    fn the_lent_analysis_reaches_the_check_and_equals_its_own() {
        let text = "1. Term. It “runs”\u{a0}two YEARS. Then Straße ends.";
        let json = run_lent(text, |_| {});
        assert!(json.contains(r#""verdict":"pass""#), "{json}");
        assert!(json.contains("3 sentences lent"), "{json}");
    }

    #[test]
    fn an_inconsistent_analysis_is_not_trusted() {
        let text = "1. Term. It runs. Then Straße ends.";
        let inside_sz = text.find('ß').unwrap() + 1;
        // A sentence of a clause the document does not have.
        let json = run_lent(text, |s| s[0].clause = 7);
        assert!(json.contains("nothing lent"), "{json}");
        // A sentence ending inside a character.
        let json = run_lent(text, |s| s[2].end = inside_sz);
        assert!(json.contains("nothing lent"), "{json}");
    }
}
