//! End-to-end tests of the `clauselint` binary.
