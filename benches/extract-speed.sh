#!/usr/bin/env bash
# Extraction speed of clauselint against poppler's pdftotext (CUAD's original EDGAR PDFs) and
# python-docx (CUAD's DOCX renders), single-threaded, on the same files, one run: medians and
# ratios. A measurement, not a test.
#
#   bash benches/extract-speed.sh [--no-build] [--repeat N] [--cuad DIR]
#
# Installs what it needs: poppler-utils through apt-get when pdftotext is missing (as root, or
# through sudo), python-docx into a venv under $CARGO_TARGET_DIR (default target/) — nothing
# into the system Python. Builds the CLI and the `read_timing` example of clauselint-ingest
# (in-process timing) unless --no-build. Everything it times runs pinned to one CPU (taskset) when available.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BUILD=1
ARGS=()
for a in "$@"; do
    if [[ $a == --no-build ]]; then BUILD=0; else ARGS+=("$a"); fi
done

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
    echo "installing poppler-utils (pdftotext, pdfinfo)" >&2
    if [[ $(id -u) == 0 ]]; then
        apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq poppler-utils >/dev/null
    fi
fi

VENV=$TARGET/bench-venv
if [[ ! -x $VENV/bin/python ]]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import docx" 2>/dev/null; then
    echo "installing python-docx into $VENV" >&2
    "$VENV/bin/python" -m pip install -q python-docx
fi

if [[ $BUILD == 1 ]]; then
    (cd "$ROOT" && cargo build --release -q -p clauselint &&
        cargo build --release -q -p clauselint-ingest --example read_timing)
fi

PIN=()
if command -v taskset >/dev/null; then
    # The last CPU the process may use: one core for everything timed.
    CPU=$(taskset -cp $$ | sed 's/.*: //; s/.*[,-]//')
    PIN=(taskset -c "$CPU")
fi

exec "${PIN[@]}" "$VENV/bin/python" "$ROOT/benches/extract_speed.py" \
    --bin "$TARGET/release/clauselint" --timing-bin "$TARGET/release/examples/read_timing" "${ARGS[@]}"
