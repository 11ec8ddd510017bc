//! clauselint sdk.
