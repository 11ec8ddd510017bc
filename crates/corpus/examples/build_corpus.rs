//! Rebuilds `corpus/contracts/` from `corpus/sources/` and `corpus/manifest.toml`.
//!
//! Usage: `cargo run -p clauselint-corpus --example build_corpus [CORPUS_DIR]`
//! (default: the `corpus/` folder of this workspace).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let corpus = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus"),
        PathBuf::from,
    );
    match clauselint_corpus::build(&corpus.join("sources"), &corpus.join("contracts")) {
        Ok(written) => {
            for path in &written {
                println!("{}", path.display());
            }
            eprintln!("wrote {} files", written.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
