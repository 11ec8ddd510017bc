//! Stage-by-stage benchmarks: ingest per format, and the cost of running the four core check
//! plugins through the real loader (C ABI, JSON answers) against the cost of ingest.
//!
//! Run with `cargo bench --bench pipeline`. The plugin libraries are built in release mode first
//! (or taken from the folder named by `CLAUSELINT_BENCH_PLUGINS`).

use std::path::{Path, PathBuf};
use std::process::Command;

use clauselint_engine::{PluginSet, Policy};
use criterion::{Criterion, criterion_group, criterion_main};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_file(ext: &str) -> Option<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/contracts"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files.into_iter().next()
}

fn release_plugins() -> PluginSet {
    // `CLAUSELINT_BENCH_PLUGINS=<dir>` measures the plugin libraries in that folder instead of
    // this tree's release build, so two builds of the checks can be compared on one machine.
    if let Some(dir) = std::env::var_os("CLAUSELINT_BENCH_PLUGINS") {
        let (set, problems) =
            PluginSet::load_default(Path::new(&dir), &Policy::default()).expect("plugins load");
        assert!(problems.is_empty(), "{problems:?}");
        return set;
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--workspace", "--quiet"])
        .current_dir(root())
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --release failed");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("release");
    let (set, problems) = PluginSet::load_default(&dir, &Policy::default()).expect("plugins load");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(set.len(), 4, "the four core checks");
    set
}

fn bench(c: &mut Criterion) {
    let mut inputs: Vec<(String, Vec<u8>)> = ["docx", "pdf", "txt"]
        .iter()
        .filter_map(|ext| corpus_file(ext))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    let orig = root().join("../shared/data/cuad/orig");
    if let Some(p) = std::fs::read_dir(&orig).ok().and_then(|d| {
        let mut v: Vec<PathBuf> = d
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        v.sort();
        v.into_iter().next()
    }) {
        inputs.push((
            format!("cuad-orig/{}", p.file_name().unwrap().to_string_lossy()),
            std::fs::read(&p).unwrap(),
        ));
    }

    let plugins = release_plugins();
    let mut group = c.benchmark_group("ingest");
    for (name, bytes) in &inputs {
        group.bench_function(name, |b| b.iter(|| clauselint_ingest::read(bytes).unwrap()));
    }
    group.finish();

    let mut group = c.benchmark_group("checks");
    for (name, bytes) in &inputs {
        let doc = clauselint_ingest::read(bytes).unwrap();
        group.bench_function(name, |b| b.iter(|| plugins.check(&doc)));
    }
    group.finish();

    // Checks against extraction on several real contracts at once (the first CUAD renders, by
    // name): DESIGN.md wants extraction to dominate, so `real-contracts/checks` must stay well
    // below `real-contracts/ingest`.
    let real: Vec<Vec<u8>> = std::fs::read_dir(root().join("../shared/data/cuad/docs"))
        .map(|d| {
            let mut v: Vec<PathBuf> = d.filter_map(|e| e.ok().map(|e| e.path())).collect();
            v.sort();
            v.into_iter()
                .take(6)
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if !real.is_empty() {
        let docs: Vec<_> = real
            .iter()
            .filter_map(|b| clauselint_ingest::read(b).ok())
            .collect();
        let mut group = c.benchmark_group("real-contracts");
        group.sample_size(20);
        group.bench_function("ingest", |b| {
            b.iter(|| {
                real.iter()
                    .filter_map(|bytes| clauselint_ingest::read(bytes).ok())
                    .count()
            })
        });
        group.bench_function("checks", |b| {
            b.iter(|| docs.iter().map(|d| plugins.check(d).len()).sum::<usize>())
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
