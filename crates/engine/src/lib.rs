//! clauselint engine.
