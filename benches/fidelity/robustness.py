#!/usr/bin/env python3
"""Robustness of `clauselint extract` on real-world and damaged files: every file must extract
or fail with a clear message -- no panic, no hang -- and stay within time and memory.

Runs the real binary once per file of `realdocs/` (docx/, pdf/, broken/), each in its own
process with a time limit, and reports its exit status, the first line of its error, wall time
and peak memory (the child's own max RSS, from wait4). With `--synthetic` it also builds a few
hostile files in a temporary folder (a PDF page whose 60 MiB content stream holds 12 M
operators, the same stream shared by 50 pages, a 2000-page text PDF, forms drawing forms ten
times over ten levels, a DOCX zip bomb) to see
whether time and memory per file are capped.

    python3 benches/fidelity/robustness.py [--bin PATH] [--realdocs DIR] [--timeout 10]
        [--synthetic] [--synthetic-timeout 60]
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path


def run(binary: str, path: Path, limit: float) -> tuple[str, str, float, int]:
    """(outcome, message, seconds, max RSS KiB) of `clauselint extract --format json path`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "extract", "--format", "json", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(os.environ, RUST_BACKTRACE="0"),
    )
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > limit:
            proc.send_signal(signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            timed_out = True
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    # The path is in the table already: keep the message itself.
    lines = [l.strip().replace(f"clauselint: error: {path}: ", "") for l in err.splitlines() if l.strip()]
    message = " / ".join(lines[:2])[:200]
    code = os.waitstatus_to_exitcode(status)
    if timed_out:
        outcome = f"TIMEOUT (> {limit:.0f} s)"
    elif code == 0:
        outcome = "ok"
    elif "panicked" in err or code < 0 or code == 101:
        outcome = f"PANIC/CRASH (exit {code})"
    else:
        outcome = f"error (exit {code})"
    return outcome, message, seconds, usage.ru_maxrss


def synthetic(folder: Path) -> list[Path]:
    """Hostile files, made here so nothing large is stored in the repository."""

    def pdf(npages: int, content: bytes, name: str) -> Path:
        comp = zlib.compress(content, 9)
        objs = {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids ["
            + " ".join(f"{10 + i} 0 R" for i in range(npages)).encode()
            + b"] /Count "
            + str(npages).encode()
            + b" >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            4: b"<< /Length " + str(len(comp)).encode() + b" /Filter /FlateDecode >>\nstream\n" + comp + b"\nendstream",
        }
        for i in range(npages):
            objs[10 + i] = (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
            )
        return write(objs, name)

    def fan_out(levels: int, name: str) -> Path:
        """One page drawing form X0; form Xk draws X(k+1) ten times; the last draws a line:
        10^levels draws from a file of a few KiB, and no text to stop at."""
        objs = {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 4 0 R /Contents 5 0 R >>",
            4: b"<< /Font << /F1 6 0 R >> /XObject << "
            + b" ".join(f"/X{k} {10 + k} 0 R".encode() for k in range(levels + 1))
            + b" >> >>",
            5: b"<< /Length 6 >>\nstream\n/X0 Do\nendstream",
            6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        }
        for k in range(levels + 1):
            body = (f"/X{k + 1} Do " * 10).encode() if k < levels else b"0 0 m 612 792 l S"
            objs[10 + k] = (
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 4 0 R /Length "
                + str(len(body)).encode()
                + b" >>\nstream\n"
                + body
                + b"\nendstream"
            )
        return write(objs, name)

    def write(objs: dict[int, bytes], name: str) -> Path:
        out = bytearray(b"%PDF-1.4\n")
        offsets = {}
        for k in sorted(objs):
            offsets[k] = len(out)
            out += f"{k} 0 obj\n".encode() + objs[k] + b"\nendobj\n"
        xref = len(out)
        n = max(objs) + 1
        out += f"xref\n0 {n}\n".encode() + b"0000000000 65535 f \n"
        for k in range(1, n):
            out += (f"{offsets[k]:010d} 00000 n \n" if k in offsets else "0000000000 65535 f \n").encode()
        out += f"trailer\n<< /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        path = folder / name
        path.write_bytes(bytes(out))
        return path

    unit = b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n"
    many_ops = unit * ((60 << 20) // len(unit))
    files = [
        pdf(1, many_ops, "synthetic-1-page-12M-operators.pdf"),
        pdf(50, many_ops, "synthetic-50-pages-sharing-that-stream.pdf"),
        pdf(2000, b"BT /F1 12 Tf 72 700 Td (" + b"word " * 2000 + b") Tj ET\n", "synthetic-2000-pages-of-text.pdf"),
        fan_out(10, "synthetic-forms-fan-out-10^10-draws.pdf"),
    ]
    # A DOCX whose document.xml inflates to 1 GiB of spaces inside a real-looking package.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    bomb = folder / "synthetic-docx-zip-bomb-1GiB.docx"
    bomb.write_bytes(buf.getvalue())
    files.append(bomb)
    return files


def main() -> int:
    here = Path(__file__).resolve()
    repo = here.parents[2]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=None)
    ap.add_argument("--realdocs", default=str(repo.parent / "shared/data/realdocs"))
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--synthetic-timeout", type=float, default=60.0)
    args = ap.parse_args()
    binary = args.bin or str(Path(os.environ.get("CARGO_TARGET_DIR", repo / "target")) / "release" / "clauselint")
    if not Path(binary).exists():
        print(f"no clauselint binary at {binary}", file=sys.stderr)
        return 2

    root = Path(args.realdocs)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".pdf", ".docx"))
    print("| file | outcome | message | s | max RSS MiB |")
    print("|---|---|---|---:|---:|")
    counts: dict[str, int] = {}
    worst_s, worst_rss = 0.0, 0
    for p in files:
        outcome, message, s, rss = run(binary, p, args.timeout)
        key = outcome.split(" ")[0]
        counts[key] = counts.get(key, 0) + 1
        worst_s, worst_rss = max(worst_s, s), max(worst_rss, rss)
        print(f"| {p.relative_to(root)} | {outcome} | {message.replace('|', '/')} | {s:.3f} | {rss / 1024:.0f} |")
    print(
        f"\nrealdocs: {len(files)} files: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        + f"; slowest {worst_s:.2f} s, largest peak memory {worst_rss / 1024:.0f} MiB"
    )
    if args.synthetic:
        with tempfile.TemporaryDirectory(prefix="clauselint-hostile-") as tmp:
            print("\n| synthetic file | bytes | outcome | message | s | max RSS MiB |")
            print("|---|---:|---|---|---:|---:|")
            for p in synthetic(Path(tmp)):
                outcome, message, s, rss = run(binary, p, args.synthetic_timeout)
                print(f"| {p.name} | {p.stat().st_size} | {outcome} | {message.replace('|', '/')} | {s:.2f} | {rss / 1024:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
