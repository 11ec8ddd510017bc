//! clauselint report.
