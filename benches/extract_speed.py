#!/usr/bin/env python3
"""Times extraction per file, single-threaded: clauselint vs pdftotext on CUAD's original EDGAR
PDFs, clauselint vs python-docx on CUAD's DOCX renders. Run through benches/extract-speed.sh,
which installs the tools and pins the process to one CPU.

Each file is read once to warm the page cache, then timed `--repeat` times; a file's time is
the median of its runs, and a set's rate is its files (pages) over the sum of those medians.

What is timed:
  clauselint   `clauselint extract --format json FILE > /dev/null`: the real binary, process
               start, reading, segmentation and JSON output included.
  pdftotext    `pdftotext -q -enc UTF-8 FILE -` (plain mode; `-layout` is timed too), process
               start included, output to a pipe.
  python-docx  `docx.Document(path)` plus the text of every paragraph and table cell, timed two
               ways: in-process (interpreter start and import left out) and as a process per
               file (`python -c ...`, like the clauselint CLI).
  in-process   `clauselint_ingest::read` timed inside one process by the `read_timing` example
               (`--timing-bin`): the like-for-like match for python-docx in-process. It includes
               clause segmentation and hashing, which python-docx does not do.

Process-per-file times include spawning the process from Python (a few ms on a busy machine),
which dominates small DOCX files on both sides; the in-process ratio is the fairer one for DOCX.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run_cmd(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def python_docx(path: Path) -> float:
    import docx  # noqa: PLC0415  (imported here so the PDF part runs without it)

    t0 = time.perf_counter()
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    "\n".join(parts)
    return time.perf_counter() - t0


PYTHON_DOCX_CLI = """
import sys, docx
d = docx.Document(sys.argv[1])
parts = [p.text for p in d.paragraphs]
for t in d.tables:
    for r in t.rows:
        for c in r.cells:
            parts.append(c.text)
sys.stdout.write("\\n".join(parts))
"""


def timed(fn, repeat: int) -> float:
    fn()  # warm-up: page cache, lazy imports
    return statistics.median(fn() for _ in range(repeat))


def in_process(timing_bin: str | None, files: list[Path], repeat: int) -> dict[str, float]:
    """Median seconds of `clauselint_ingest::read` per file, in one process (empty without
    the timing binary)."""
    if not timing_bin or not Path(timing_bin).exists():
        return {}
    out = subprocess.run(
        [timing_bin, "--repeat", str(repeat), *map(str, files)], capture_output=True, text=True, check=False
    )
    times = {}
    for line in out.stdout.splitlines():
        e = json.loads(line)
        times[e["file"]] = e["median_ms"] / 1e3
    return times


def pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def files_of(cuad: Path, folder: str, fmt: str) -> list[Path]:
    out = []
    for line in (cuad / folder / "manifest.jsonl").read_text().splitlines():
        if line.strip():
            e = json.loads(line)
            if e["format"] == fmt:
                out.append(cuad / folder / e["file"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--cuad", default=os.environ.get("CUAD_DIR", str(Path(__file__).resolve().parents[2] / "shared/data/cuad")))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--timing-bin", default=None, help="the read_timing example of clauselint-ingest")
    args = ap.parse_args()
    cuad = Path(args.cuad)
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    print(f"CPUs this run may use: {cpus}; repeats per file: {args.repeat} (median)\n")

    # PDF: the original EDGAR filings.
    pdfs = files_of(cuad, "orig", "pdf")
    rows = []
    for p in pdfs:
        n = pages(p)
        ours = timed(lambda: run_cmd([args.bin, "extract", "--format", "json", str(p)]), args.repeat)
        plain = timed(lambda: run_cmd(["pdftotext", "-q", "-enc", "UTF-8", str(p), "-"]), args.repeat)
        layout = timed(lambda: run_cmd(["pdftotext", "-q", "-enc", "UTF-8", "-layout", str(p), "-"]), args.repeat)
        rows.append((p.name, n, ours, plain, layout))
    total_pages = sum(r[1] for r in rows)
    t_ours, t_plain, t_layout = (sum(r[i] for r in rows) for i in (2, 3, 4))
    med = lambda i: statistics.median(r[i] for r in rows) * 1e3
    per_file_ratio = statistics.median(r[3] / r[2] for r in rows)
    print(f"### PDF: {len(rows)} original EDGAR PDFs, {total_pages} pages (cuad/orig)\n")
    print("| tool | pages/s | median ms per file | total s |")
    print("|---|---:|---:|---:|")
    print(f"| clauselint extract --format json | {total_pages / t_ours:.1f} | {med(2):.2f} | {t_ours:.2f} |")
    pdf_inproc = in_process(args.timing_bin, pdfs, args.repeat)
    if pdf_inproc:
        t_in = sum(pdf_inproc.values())
        print(
            f"| clauselint_ingest::read, in-process | {total_pages / t_in:.1f} | "
            f"{statistics.median(pdf_inproc.values()) * 1e3:.2f} | {t_in:.2f} |"
        )
    print(f"| pdftotext | {total_pages / t_plain:.1f} | {med(3):.2f} | {t_plain:.2f} |")
    print(f"| pdftotext -layout | {total_pages / t_layout:.1f} | {med(4):.2f} | {t_layout:.2f} |")
    print(
        f"\nclauselint / pdftotext pages/s: {t_plain / t_ours:.2f}x (vs -layout: {t_layout / t_ours:.2f}x); "
        f"median per-file ratio pdftotext time / clauselint time: {per_file_ratio:.2f}x"
    )
    slowest = sorted(rows, key=lambda r: r[2] / max(r[1], 1), reverse=True)[:3]
    print("slowest per page (clauselint): " + ", ".join(f"{r[0][:40]} {r[2] / max(r[1], 1) * 1e3:.2f} ms/page" for r in slowest))

    # DOCX: the renders.
    docxs = files_of(cuad, "docs", "docx")
    try:
        import docx  # noqa: F401
    except ImportError:
        print("\npython-docx is not installed: run this through benches/extract-speed.sh", file=sys.stderr)
        return 1
    drows = []
    for p in docxs:
        ours = timed(lambda: run_cmd([args.bin, "extract", "--format", "json", str(p)]), args.repeat)
        theirs = timed(lambda: python_docx(p), args.repeat)
        cli = timed(lambda: run_cmd([sys.executable, "-c", PYTHON_DOCX_CLI, str(p)]), args.repeat)
        drows.append((p.name, ours, theirs, cli))
    t_ours = sum(r[1] for r in drows)
    t_theirs = sum(r[2] for r in drows)
    print(f"\n### DOCX: {len(drows)} DOCX renders (cuad/docs)\n")
    print("| tool | files/s | median ms per file | total s |")
    print("|---|---:|---:|---:|")
    print(f"| clauselint extract --format json (process per file) | {len(drows) / t_ours:.1f} | {statistics.median(r[1] for r in drows) * 1e3:.2f} | {t_ours:.3f} |")
    print(f"| python-docx (in-process, import excluded) | {len(drows) / t_theirs:.1f} | {statistics.median(r[2] for r in drows) * 1e3:.2f} | {t_theirs:.3f} |")
    docx_inproc = in_process(args.timing_bin, docxs, args.repeat)
    if docx_inproc:
        t_in = sum(docx_inproc.values())
        print(
            f"| clauselint_ingest::read, in-process (segmentation included) | {len(drows) / t_in:.1f} | "
            f"{statistics.median(docx_inproc.values()) * 1e3:.2f} | {t_in:.3f} |"
        )
    t_cli = sum(r[3] for r in drows)
    print(f"| python-docx (process per file, like the CLI) | {len(drows) / t_cli:.1f} | {statistics.median(r[3] for r in drows) * 1e3:.2f} | {t_cli:.3f} |")
    print(f"\nclauselint / python-docx files/s, process against process: {t_cli / t_ours:.1f}x")
    if docx_inproc:
        t_in = sum(docx_inproc.values())
        ratios = [r[2] / docx_inproc[str(docxs[i])] for i, r in enumerate(drows) if str(docxs[i]) in docx_inproc]
        print(
            f"clauselint / python-docx files/s, in-process against in-process: {t_theirs / t_in:.1f}x "
            f"(median per-file ratio {statistics.median(ratios):.1f}x)"
        )
    print(
        f"clauselint CLI process against python-docx in-process: {t_theirs / t_ours:.1f}x "
        f"(median per-file ratio {statistics.median(r[2] / r[1] for r in drows):.1f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
