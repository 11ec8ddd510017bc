//! The end-to-end harness: builds the workspace once (binary and plugin libraries, the real
//! artifacts a user runs), then runs the real `clauselint` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shared data folder (`../shared/data`), if this checkout has it.
pub fn shared_data() -> Option<PathBuf> {
    let p = root().join("../shared/data");
    p.is_dir().then_some(p)
}

/// The folder holding the built binary and plugin libraries (`target/debug`).
pub fn artifacts() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        // Cargo builds test targets, not the workspace's binary and cdylibs; build them the way a
        // user does. Cargo's lock serialises concurrent test processes; later builds are no-ops.
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--workspace", "--quiet"])
            .current_dir(root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "cargo build --workspace failed");
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        tmp.parent().expect("target dir").join("debug")
    })
}

/// Path of a built library by crate name (`clauselint_check_governing_law`).
pub fn library(crate_name: &str) -> PathBuf {
    let file = format!(
        "{}{crate_name}{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    );
    artifacts().join(file)
}

/// The core check plugins' crate names.
pub const CORE_CHECKS: [&str; 4] = [
    "clauselint_check_non_compete",
    "clauselint_check_governing_law",
    "clauselint_check_data_deletion",
    "clauselint_check_genai_output",
];

/// A `clauselint` invocation.
pub fn clauselint() -> Command {
    let mut cmd =
        Command::new(artifacts().join(format!("clauselint{}", std::env::consts::EXE_SUFFIX)));
    cmd.current_dir(root());
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Runs and captures a command.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the clauselint binary runs")
}

/// Standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Parses JSON Lines output.
pub fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// A temporary plugin folder holding copies of the given built libraries.
pub fn plugin_dir(crate_names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in crate_names {
        let src = library(name);
        let dst = dir.path().join(src.file_name().expect("file name"));
        std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("copy {}: {e}", src.display()));
    }
    dir
}
