//! A library that exports the clauselint entry symbol but announces ABI version 999. The host
//! must read the version first and refuse the library without touching anything else: the rest
//! of this "descriptor" is deliberately not a valid layout of any real version.

/// Only the leading version field is meaningful.
#[repr(C)]
pub struct FutureDescriptor {
    abi_version: u32,
    reserved: [u64; 4],
}

static DESCRIPTOR: FutureDescriptor = FutureDescriptor {
    abi_version: 999,
    reserved: [0; 4],
};

/// The entry symbol every clauselint plugin exports.
#[unsafe(no_mangle)]
pub extern "C" fn clauselint_plugin_entry() -> *const FutureDescriptor {
    &DESCRIPTOR
}
