//! Small, panic-free accessors for lopdf objects.

use lopdf::{Dictionary, Document, Object};

/// Largest decoded stream we accept for fonts, CMaps and content, so one object cannot
/// exhaust memory.
pub(super) const MAX_STREAM: usize = 64 << 20;

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

/// The decoded bytes of a stream an object is or refers to.
pub(super) fn stream_bytes(doc: &Document, object: &Object) -> Option<Vec<u8>> {
    match deref(doc, object) {
        Object::Stream(s) => s.get_plain_content_with_limit(MAX_STREAM).ok(),
        _ => None,
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
