//! Small, panic-free accessors for lopdf objects.

use lopdf::{Dictionary, Document, Object, Stream};

use crate::limits::{Budget, Limit};

/// Follows references (a bounded number of hops); a dangling one becomes `Null`.
pub(super) fn deref<'a>(doc: &'a Document, mut object: &'a Object) -> &'a Object {
    for _ in 0..16 {
        match object {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(next) => object = next,
                Err(_) => return &Object::Null,
            },
            _ => return object,
        }
    }
    &Object::Null
}

/// The dictionary an object is or refers to (a stream's dictionary counts).
pub(super) fn dict_of<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, object) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A name's bytes.
pub(super) fn name_of(object: &Object) -> Option<&[u8]> {
    match object {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// A finite number.
pub(super) fn number(object: &Object) -> Option<f64> {
    let n = match object {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// The decoded bytes of a stream an object is or refers to, charged to the budget.
pub(super) fn stream_bytes(doc: &Document, object: &Object, budget: &Budget) -> Option<Vec<u8>> {
    match deref(doc, object) {
        Object::Stream(s) => decode(s, usize::MAX, budget, || "a font or CMap stream".into()),
        _ => None,
    }
}

/// A stream's decoded bytes, at most `max` (and [`crate::Limits::max_stream_bytes`]), charged
/// to the file's budget of decompressed bytes. `None` when the stream cannot be decoded or is
/// over `max`; a stream over the per-stream limit, or one that spends the budget, is recorded
/// as exceeding it.
pub(super) fn decode(
    stream: &Stream,
    max: usize,
    budget: &Budget,
    what: impl FnOnce() -> String,
) -> Option<Vec<u8>> {
    if budget.exhausted() {
        return None;
    }
    let per_stream = usize::try_from(budget.limits().max_stream_bytes).unwrap_or(usize::MAX);
    match stream.get_plain_content_with_limit(max.min(per_stream)) {
        Ok(bytes) => budget
            .charge(Limit::DecompressedBytes, bytes.len() as u64, what)
            .then_some(bytes),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }))
            if max >= per_stream =>
        {
            budget.exceed(Limit::StreamBytes, what);
            None
        }
        Err(_) => None,
    }
}

/// A dictionary entry, dereferenced, as a dictionary.
pub(super) fn sub_dict<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    dict.get(key).ok().and_then(|o| dict_of(doc, o))
}
