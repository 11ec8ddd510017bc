#!/usr/bin/env python3
"""Extraction fidelity of clauselint against CUAD's own contract text.

Runs the real binary (`clauselint extract --format json FILE`) on every file of three sets --
CUAD's DOCX renders, its PDF renders and its original EDGAR PDFs -- and compares the text it
extracts with the known text of each contract (`train.jsonl.gz`, mapped through each folder's
`manifest.jsonl`). `pdftotext` (plain and `-layout`) goes through the same comparison as the
reference rows. It also measures clause numbering against the numbering the source text shows.

Python 3 standard library only; it is a measurement, not a test (it asserts nothing and times
nothing).

How to run
----------
    export CARGO_TARGET_DIR=...            # wherever you build
    cargo build --release -p clauselint
    sudo apt-get install poppler-utils     # optional: the pdftotext reference rows
    python3 benches/fidelity/fidelity.py [--bin $CARGO_TARGET_DIR/release/clauselint]
        [--cuad ../shared/data/cuad] [--sets docs-docx,docs-pdf,orig-pdf] [--no-poppler]
        [--worst 5] [--examples 10] [--json OUT] [-v]

The whole run (120 files, three readers) takes about a minute on one core.

Text similarity
---------------
Both texts are tokenised the same way: whitespace is normalised away (any run of Unicode
whitespace separates tokens; soft hyphens and zero-width characters are dropped), the text is
put in NFC (canonical equivalents such as U+037E and ";" are the same character), typographic
quotes, dashes and "…" are folded to ASCII (CUAD's texts use straight quotes where the filed
PDFs show curly ones; ligatures are not folded, so an unexpanded "ﬁ" costs), and a token is a
run of letters/digits or a run of one punctuation character ("...." is one token), case kept.
  sim      token sequence similarity 2*M/(N+M), M the tokens matched in order (difflib's
           ratio: a word split in two ("b etter"), words run together, dropped or duplicated
           text, interleaved columns, lost punctuation and wrong characters all cost), plus
           text found elsewhere in runs of at least 8 tokens (a moved paragraph or table).
           Moves are credited because CUAD's own texts do not always keep the filed PDF's
           order (its converter put some paragraphs and tables elsewhere; pdftotext loses
           the same amount there), and the source's order is not what is being measured.
           The in-order matching is difflib's (longest common runs first, without the junk
           heuristic) inside stretches anchored on tokens unique to both texts (patience diff),
           so a 40k-token contract takes well under a second.
  strict   the same without the credit for moved text (plain in-order ratio).
  word-F1  token-bag F1 over letter/digit tokens only (order- and punctuation-blind), the
           measure the earlier numbers in ARCHITECTURE.md used; for comparison.
  body-sim clauselint only: sim of the body blocks alone (running headers, footers and notes
           left out). CUAD's texts keep running headers and page numbers, so this is a lower
           bound, shown to see how much the header/footer marking removes.
Files that fail to extract score 0.

Clause numbering
----------------
The source's numbering is read from CUAD's text, the truth for every set. Two directions:
  clauses  every clause clauselint reports with a number: its number and separators are cut
           off, the text that follows (the clause's content) is located in the source (exact
           token n-gram, in document order), and the number the source shows right before that
           content is read with one grammar ("1.", "1.1", "(a)", "iv.", "Section 2.03",
           "Article IV", "Exhibit A"). Labels compare without keyword, brackets and final dot
           ("Section 2.03" = "2.03", "(a)" = "a"). A clause is right when the labels match and
           the source number starts an item (at a line start, or after a sentence end) rather
           than sitting inside a sentence as a cross-reference. Locating by the content, not by
           the number, is what makes this a test: probing with clauselint's own number would
           only find places where the source shows that same number.
  source   every source line that starts with a clause number, minus tables of contents (dot
           leaders, or runs of short lines ending in page numbers) and
           wrapped cross-references ("...under Section\n4.2 of this Agreement"): a clause of
           clauselint should start there with the same number. Numbers after a sentence end and
           a run of spaces ("run-in": CUAD's texts often run paragraphs together that way) are
           shown apart and not in the rate: the DOCX and PDF renders of that text have them
           inside a paragraph too.
"clause-number match" in the summary is the share of source numbered items that clauselint
starts a clause at with the same number (the done-when measure: "clause numbers match the
source's numbering on numbered clauses"); "number precision" is the share of clauselint's
numbered clauses whose number is right.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SETS = {
    # name: (folder, format)
    "docs-docx": ("docs", "docx"),
    "docs-pdf": ("docs", "pdf"),
    "orig-pdf": ("orig", "pdf"),
}
THRESHOLDS = (0.99, 0.95, 0.90)
TIMEOUT_S = 60

# Invisible characters that are not whitespace but carry no text are dropped; typographic
# quotes, dashes and the ellipsis are folded to their ASCII forms (CUAD's texts mostly use
# straight quotes where the filed PDFs show curly ones).
FOLD = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")) | {
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
    ord("\u2026"): "...",
}
TOKEN = re.compile(r"[^\W_]+|_+|([^\w\s])\1*")
WORD = re.compile(r"[^\W_]+")

# A word keyword needs whitespace after it ("PARTY" is not "PART Y"); "§" and "Sec." need none.
KEYWORD = r"(?:(?:section|article|exhibit|schedule|annex|appendix|clause|part|attachment|addendum)\s+|(?:§§?|sec\.)\s*)"
LABEL = r"(?:\d+(?:\.\d+)*[a-z]?|[ivxlcdm]+|[a-z])"
# A number at the start of a string, in the forms contracts use. Order matters: keyword first.
NUMBER_AT = re.compile(
    rf"""(?ix)
    (?P<kw>{KEYWORD}(?P<kwlabel>{LABEL})\b[.:]?)
  | (?P<paren>\(\s*(?P<plabel>\d+|[a-z]{{1,2}}|[ivxlcdm]+)\s*\))
  | (?P<dec>(?P<dlabel>\d+(?:\.\d+)*)(?P<dsuffix>\.?\)?)(?=\s|$))
  | (?P<alpha>(?P<alabel>[a-z]|[ivxlcdm]+)[.)](?=\s))
    """
)
# A number right before a position: the same forms, then only separators up to the end.
NUMBER_BEFORE = re.compile(
    rf"""(?ix)
    (?:^|(?<=[\s(\[]))
    (?:
      {KEYWORD}(?P<kwlabel>{LABEL})\b
    | \(\s*(?P<plabel>\d+|[a-z]{{1,2}}|[ivxlcdm]+)\s*\)
    | (?P<dlabel>\d+(?:\.\d+)*)\.?\)?
    | (?P<alabel>[a-z]|[ivxlcdm]+)[.)]
    )
    [\s.:\-\u2013\u2014)]*$
    """
)
LEADER_DOTS = re.compile(r"\.{4,}|…{2,}|(?:\. ){4,}|_{4,}\s*\d+\s*$")
# A short line ending in a page number: a table-of-contents entry without leaders.
TOC_LINE = re.compile(r"^.{0,120}?[A-Za-z)\]]\s+(?:\d{1,3}|[ivx]{1,4})\s*$")
# A line ending in one of these runs on into the next: a number there is a cross-reference.
DANGLING = {
    "section", "sections", "article", "articles", "paragraph", "paragraphs", "clause", "clauses",
    "subsection", "subsections", "exhibit", "schedule", "and", "or", "of", "to", "in", "the",
    "a", "an", "under", "with", "by", "for", "than", "§", "per", "hereof", "thereof", "see",
}
# Words that, after "(a)" or "4.2", show a cross-reference carried over from the line before.
CONTINUATION = {
    "of", "and", "or", "hereof", "above", "below", "herein", "hereunder", "through", "to",
    "shall", "is", "are", "will", "may", "as", "in", "thereof", "or", "and",
}


def normalise(text: str) -> str:
    # NFC first: canonical equivalents are the same text (U+037E GREEK QUESTION MARK is ";").
    return unicodedata.normalize("NFC", text).translate(FOLD)


def tokens(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(normalise(text))]


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


# --- similarity ---------------------------------------------------------------------------

def _unique_anchors(a, alo, ahi, b, blo, bhi):
    """Pairs (i, j) of tokens that occur once in a[alo:ahi] and once in b[blo:bhi], longest
    increasing chain (patience diff)."""
    ca: dict = {}
    for i in range(alo, ahi):
        ca[a[i]] = -1 if a[i] in ca else i
    cb: dict = {}
    for j in range(blo, bhi):
        if ca.get(b[j], -1) >= 0:
            cb[b[j]] = -1 if b[j] in cb else j
    pairs = sorted((ca[t], j) for t, j in cb.items() if j >= 0)
    tails: list[int] = []
    tails_k: list[int] = []
    prev: list = [None] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        p = bisect.bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            tails_k.append(k)
        else:
            tails[p] = j
            tails_k[p] = k
        prev[k] = tails_k[p - 1] if p else None
    out = []
    k = tails_k[-1] if tails_k else None
    while k is not None:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _align_gap(a, alo, ahi, b, blo, bhi, ma, mb) -> None:
    """Marks an LCS of a[alo:ahi] and b[blo:bhi] in ma/mb: exact (difflib without its junk
    heuristic) for small gaps, anchored on tokens unique to both (patience diff) for large ones."""
    stack = [(alo, ahi, blo, bhi)]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            ma[alo] = mb[blo] = True
            alo += 1
            blo += 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi -= 1
            bhi -= 1
            ma[ahi] = mb[bhi] = True
        n, m = ahi - alo, bhi - blo
        if n == 0 or m == 0:
            continue
        anchors = _unique_anchors(a, alo, ahi, b, blo, bhi) if n * m > 250_000 else []
        if not anchors:
            if n * m > 25_000_000:
                continue  # nothing anchors two long, different stretches: left unmatched
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            for i, j, size in sm.get_matching_blocks():
                for t in range(size):
                    ma[alo + i + t] = mb[blo + j + t] = True
            continue
        pa, pb = alo, blo
        for i, j in anchors:
            stack.append((pa, i, pb, j))
            ma[i] = mb[j] = True
            pa, pb = i + 1, j + 1
        stack.append((pa, ahi, pb, bhi))


def align(a: list, b: list) -> tuple[list[bool], list[bool]]:
    """Which tokens of a and b a (near-)longest common subsequence matches."""
    ma, mb = [False] * len(a), [False] * len(b)
    _align_gap(a, 0, len(a), b, 0, len(b), ma, mb)
    return ma, mb


def moved_runs(a: list, b: list, ma: list, mb: list, k: int) -> int:
    """Tokens left unmatched by the alignment that match as runs of at least k tokens elsewhere
    (a paragraph or table the other text has in another place). Marks them matched."""
    index: dict = {}
    for j in range(len(b) - k + 1):
        if not any(mb[j:j + k]):
            index.setdefault(tuple(b[j:j + k]), []).append(j)
    moved = 0
    i = 0
    while i <= len(a) - k:
        if any(ma[i:i + k]):
            i += 1
            continue
        hit = None
        for j in index.get(tuple(a[i:i + k]), ()):
            if not any(mb[j:j + k]):
                hit = j
                break
        if hit is None:
            i += 1
            continue
        n = 0
        while i + n < len(a) and hit + n < len(b) and not ma[i + n] and not mb[hit + n] and a[i + n] == b[hit + n]:
            ma[i + n] = mb[hit + n] = True
            n += 1
        moved += n
        i += n
    return moved


MOVE_MIN = 8  # tokens: a shorter run found elsewhere is not credited as moved text


def similarity(a: list, b: list) -> tuple[float, float]:
    """(sim, strict): 2*matched/(N+M) with matched = LCS + text moved in runs of at least
    MOVE_MIN tokens, and without the moves (plain LCS ratio)."""
    if not a and not b:
        return 1.0, 1.0
    ma, mb = align(a, b)
    lcs = sum(ma)
    moved = moved_runs(a, b, ma, mb, MOVE_MIN)
    total = len(a) + len(b)
    return 2.0 * (lcs + moved) / total, 2.0 * lcs / total


def bag_f1(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 1.0
    common = sum(min(n, b.get(k, 0)) for k, n in a.items())
    return 2.0 * common / total


# --- clause numbering ---------------------------------------------------------------------

def norm_label(number: str) -> str:
    """'Section 2.03' -> '2.03', '(a)' -> 'a', '1.' -> '1', 'EXHIBIT A' -> 'a'."""
    s = number.strip().lower()
    s = re.sub(rf"^{KEYWORD}\s*", "", s)
    s = s.replace("(", "").replace(")", "").strip()
    return s.rstrip(".:").strip()


def label_of(m: re.Match) -> str:
    for g in ("kwlabel", "plabel", "dlabel", "alabel"):
        if m.group(g):
            return norm_label(m.group(g))
    return ""


def strip_number(text: str) -> str:
    """`text` (a clause's start) without its leading number and the separators after it."""
    m = NUMBER_AT.match(text)
    if not m:
        return text
    rest = text[m.end():]
    return rest.lstrip(" \t\n.:-\u2013\u2014)")


@dataclass
class Source:
    """A source text indexed for locating clause contents."""

    text: str
    toks: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # char offset of each token
    line_starts: list[int] = field(default_factory=list)
    index: dict = field(default_factory=dict)  # token -> list of token positions

    @classmethod
    def build(cls, text: str) -> "Source":
        s = cls(normalise(text))
        for m in TOKEN.finditer(s.text):
            s.starts.append(m.start())
            s.toks.append(m.group())
        s.line_starts = [0] + [m.end() for m in re.finditer(r"\n", s.text)]
        for i, t in enumerate(s.toks):
            s.index.setdefault(t, []).append(i)
        return s

    def token_at(self, char: int) -> int | None:
        i = bisect.bisect_left(self.starts, char)
        return i if i < len(self.starts) else None

    def locate(self, probe: list[str], after: int, anywhere: bool) -> int | None:
        """Token position where `probe` occurs: the first at or after `after`, else (when
        `anywhere`) the first anywhere."""
        if not probe:
            return None
        cands = self.index.get(probe[0], [])
        k = len(probe)
        for p in cands[bisect.bisect_left(cands, after):]:
            if self.toks[p:p + k] == probe:
                return p
        if anywhere:
            for p in cands:
                if self.toks[p:p + k] == probe:
                    return p
        return None

    def number_before(self, char: int) -> tuple[str, int] | None:
        """The number the source shows right before `char` (only separators between), as
        (label, start offset of the number)."""
        window = self.text[max(0, char - 60):char]
        m = NUMBER_BEFORE.search(window)
        if not m:
            return None
        return label_of(m), char - len(window) + m.start()

    def starts_item(self, num_start: int) -> bool:
        """Whether a number at `num_start` starts an item: first on its line, or after a
        sentence end (CUAD's texts run paragraphs and headings together), not inside a
        running sentence as a cross-reference."""
        ls = self.text.rfind("\n", 0, num_start) + 1
        raw = self.text[ls:num_start].rstrip("(")
        if not raw.strip():
            return True
        before = raw.rstrip(" \t")
        if re.search(r"(?:\s\s|\t)$", raw) or re.search(r"[.:;!?\]\"”']$", before):
            return True
        if re.search(r"(?:\band|\bor)$", before) and re.search(r"[;,]\s*(?:and|or)$", before):
            return True
        # A sentence runs on through the number: a comma or digit before it, a lower-case word
        # or "this"; capitalised words before it are a heading run into the paragraph.
        last = re.search(r"(\w+)$", before)
        if re.search(r"[,\d]$", before):
            return False
        if last and (last.group(1).islower() or last.group(1).lower() == "this"):
            return False
        return True

    def numbered_items(self) -> list[tuple[int, str, str, bool]]:
        """The source's numbered items: (char offset of the number, label, kind, whether it
        starts its line)."""
        out = []
        lines = self.text.split("\n")
        # A line ending in a page number is a TOC entry after a "Contents" title, or when two
        # of the four nearest non-blank lines end in page numbers too (CUAD's texts drop the
        # dot leaders).
        nonblank = [k for k, line in enumerate(lines) if line.strip()]
        toc_like = {
            k for k in nonblank
            if TOC_LINE.match(lines[k].strip()) and len(lines[k].split()) <= 12
        }
        toc_run = set()
        for idx, k in enumerate(nonblank):
            near = nonblank[max(0, idx - 2):idx] + nonblank[idx + 1:idx + 3]
            if k in toc_like and sum(1 for q in near if q in toc_like) >= 2:
                toc_run.add(k)
        in_toc = 0
        prev_text = ""
        pos = 0
        for li, line in enumerate(lines):
            ls = pos
            pos += len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            if re.match(r"(?i)^(?:table\s+of\s+contents|contents|index)\s*:?$", stripped):
                in_toc = 40  # the next lines that end in page numbers are entries
            is_toc = bool(LEADER_DOTS.search(line)) or li in toc_run or (li in toc_like and in_toc > 0)
            in_toc = max(0, in_toc - 1)
            candidates = [(ls + len(line) - len(line.lstrip()), True)]
            # Items run into the line after a sentence end and a run of spaces.
            for m in re.finditer(r"[.;:]\s{2,}(?=\S)", line):
                candidates.append((ls + m.end(), False))
            for start, first in candidates:
                rest = self.text[start:pos - 1]
                m = NUMBER_AT.match(rest)
                if not m or is_toc:
                    continue
                if m.group("dec") and "." not in m.group("dlabel") and not m.group("dsuffix"):
                    continue  # a bare integer ("30 days")
                after = rest[m.end():]
                if not WORD.search(after):
                    continue  # a number alone on its line (page number, stray label)
                if m.group("alpha") and re.match(r"\s*[A-Z]\.", after):
                    continue  # initials ("M. D. Anderson")
                nxt = re.match(r"[\s.:\-\u2013\u2014)]*(\w+)", after)
                if nxt and nxt.group(1) in CONTINUATION:
                    continue  # "(a) of this Agreement": a wrapped cross-reference
                if first:
                    last = re.findall(r"[\w§]+", prev_text.lower())[-1:] or [""]
                    if last[0] in DANGLING and not re.search(r"[.;:]\s*$", prev_text):
                        continue
                kind = "heading" if (m.group("kw") or (m.group("dec") and not m.group("dsuffix").endswith(")"))) else "list"
                out.append((start, label_of(m), kind, first))
            prev_text = stripped
        return out


@dataclass
class Numbering:
    numbered: int = 0  # clauses clauselint numbered
    located: int = 0
    right: int = 0  # same label, and the source number starts an item
    cross_ref: int = 0  # same label, but the source number sits inside a sentence
    mismatch: int = 0
    no_source_number: int = 0
    src_items: Counter = field(default_factory=Counter)  # kind -> source numbered items
    src_hit: Counter = field(default_factory=Counter)  # kind -> a clause starts there, same number
    src_wrong: Counter = field(default_factory=Counter)  # a clause starts there, other/no number
    examples: list = field(default_factory=list)
    missed_examples: list = field(default_factory=list)

    def add(self, other: "Numbering") -> None:
        for f in ("numbered", "located", "right", "cross_ref", "mismatch", "no_source_number"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.src_items.update(other.src_items)
        self.src_hit.update(other.src_hit)
        self.src_wrong.update(other.src_wrong)
        self.examples.extend(other.examples)
        self.missed_examples.extend(other.missed_examples)


def numbering(doc: dict, src: Source, name: str) -> Numbering:
    r = Numbering()
    after = 0
    # source token position of a clause's content start -> clause numbers starting there
    starts_at: dict[int, list[str | None]] = {}
    text = doc.get("text", "")
    for clause in doc.get("clauses", []):
        start = clause.get("start", 0)
        number = clause.get("number")
        head = text[start:start + 600]
        content = strip_number(head) if number else head
        ctoks = tokens(content)
        pos = None
        for k in (12, 8, 5):
            probe = ctoks[:k]
            # A short probe ("DEFINITIONS .") is trusted only in document order.
            pos = src.locate(probe, after, anywhere=len(probe) >= 8)
            if pos is not None or len(ctoks) <= k:
                break
        if number:
            r.numbered += 1
        if pos is None:
            continue
        after = pos + 1
        char = src.starts[pos]
        starts_at.setdefault(pos, []).append(number)
        if not number:
            # An unnumbered clause may start at a source number (it missed it): record the
            # content after that number too.
            got = NUMBER_AT.match(src.text, char)
            if got:
                rest = src.text[got.end():]
                off = got.end() + len(rest) - len(rest.lstrip(" \t\n.:-\u2013\u2014)"))
                p2 = src.token_at(off)
                if p2 is not None:
                    starts_at.setdefault(p2, []).append(None)
            continue
        r.located += 1
        got = src.number_before(char)
        if got is None:
            r.no_source_number += 1
            r.examples.append((name, "no number in source", number, src.text[max(0, char - 40):char + 40]))
        elif got[0] != norm_label(number):
            r.mismatch += 1
            r.examples.append((name, f"source has {got[0]!r}", number, src.text[max(0, char - 40):char + 40]))
        elif not src.starts_item(got[1]):
            r.cross_ref += 1
            r.examples.append((name, "cross-reference in source", number, src.text[max(0, got[1] - 40):char + 40]))
        else:
            r.right += 1
    for num_start, label, kind, first in src.numbered_items():
        if not first:
            # Run into a line by CUAD's text: a DOCX or PDF render of that text has it inside
            # a paragraph too, so it is counted apart.
            kind = "run-in"
        r.src_items[kind] += 1
        m = NUMBER_AT.match(src.text, num_start)
        rest = src.text[m.end():] if m else ""
        off = (m.end() if m else num_start) + len(rest) - len(rest.lstrip(" \t\n.:-\u2013\u2014)"))
        p = src.token_at(off)
        p0 = src.token_at(num_start)
        here = (starts_at.get(p, []) if p is not None else []) + (starts_at.get(p0, []) if p0 is not None else [])
        if not here:
            r.missed_examples.append((name, kind, src.text[num_start:num_start + 70]))
        elif any(n and norm_label(n) == label for n in here):
            r.src_hit[kind] += 1
        else:
            r.src_wrong[kind] += 1
            r.missed_examples.append((name, kind + " (other number)", src.text[num_start:num_start + 70]))
    return r


@dataclass
class Score:
    file: str
    sim: float
    strict: float
    wf1: float
    body: float | None = None
    error: str | None = None


def run_clauselint(binary: str, path: Path) -> tuple[dict | None, str | None]:
    try:
        out = subprocess.run(
            [binary, "extract", "--format", "json", str(path)],
            capture_output=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return None, f"timeout after {TIMEOUT_S} s"
    if out.returncode != 0:
        lines = out.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, lines[-1] if lines else f"exit {out.returncode}"
    try:
        return json.loads(out.stdout), None
    except json.JSONDecodeError as e:
        return None, f"bad JSON: {e}"


def run_pdftotext(path: Path, layout: bool) -> tuple[str | None, str | None]:
    args = ["pdftotext", "-q", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    try:
        out = subprocess.run(args, capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if out.returncode != 0:
        return None, f"exit {out.returncode}"
    return out.stdout.decode("utf-8", "replace"), None


@dataclass
class Truth:
    toks: list[str]
    wbag: Counter

    @classmethod
    def of(cls, text: str) -> "Truth":
        return cls(tokens(text), Counter(words(text)))


def score(name: str, text: str, truth: Truth) -> Score:
    sim, strict = similarity(tokens(text), truth.toks)
    return Score(name, sim, strict, bag_f1(Counter(words(text)), truth.wbag))


def load_truth(path: Path) -> dict[str, str]:
    truth = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            truth[entry["id"]] = entry["text"]
    return truth


def summary_row(reader: str, scores: list[Score], with_body: bool) -> str:
    errs = sum(1 for s in scores if s.error is not None)
    sims = [s.sim for s in scores]  # an error counts as 0
    wf1s = [s.wf1 for s in scores]
    stricts = [s.strict for s in scores]
    mean = lambda v: sum(v) / len(v) if v else float("nan")
    low = lambda v: min(v, default=float("nan"))
    below = " | ".join(f"{sum(1 for x in sims if x < t):>5}" for t in THRESHOLDS)
    if with_body:
        bodies = [s.body if s.body is not None else 0.0 for s in scores]
        body = f" {mean(bodies):.4f} | {low(bodies):.4f}"
    else:
        body = " - | -"
    return (
        f"| {reader:<18} | {len(scores):>5} | {errs:>4} | {mean(sims):.4f} | {low(sims):.4f} |"
        f" {below} | {mean(stricts):.4f} | {low(stricts):.4f} | {mean(wf1s):.4f} | {low(wf1s):.4f} |{body} |"
    )


def main() -> int:
    here = Path(__file__).resolve()
    repo = here.parents[2]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=None, help="clauselint binary (default: $CARGO_TARGET_DIR or target/release)")
    ap.add_argument("--cuad", default=os.environ.get("CUAD_DIR", str(repo.parent / "shared/data/cuad")))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--no-poppler", action="store_true")
    ap.add_argument("--worst", type=int, default=5)
    ap.add_argument("--json", help="write per-file scores here")
    ap.add_argument("--examples", type=int, default=0, help="print this many numbering examples")
    ap.add_argument("-v", action="store_true", help="print every file's scores")
    args = ap.parse_args()

    binary = args.bin
    if binary is None:
        target = Path(os.environ.get("CARGO_TARGET_DIR", repo / "target"))
        binary = str(target / "release" / "clauselint")
    if not Path(binary).exists():
        print(f"no clauselint binary at {binary}; build it with `cargo build --release -p clauselint`", file=sys.stderr)
        return 2
    poppler = not args.no_poppler and shutil.which("pdftotext") is not None
    if not args.no_poppler and not poppler:
        print("pdftotext not found (apt-get install poppler-utils): no reference rows", file=sys.stderr)
    cuad = Path(args.cuad)
    truth = load_truth(cuad / "train.jsonl.gz")
    dump = {}
    overview = []

    for set_name in args.sets.split(","):
        folder, fmt = SETS[set_name]
        manifest = [json.loads(l) for l in (cuad / folder / "manifest.jsonl").read_text().splitlines() if l.strip()]
        entries = [e for e in manifest if e["format"] == fmt and e["id"] in truth]
        readers: dict[str, list[Score]] = {"clauselint": []}
        if poppler and fmt == "pdf":
            readers["pdftotext"] = []
            readers["pdftotext -layout"] = []
        num_total = Numbering()
        for e in entries:
            path = cuad / folder / e["file"]
            src_text = truth[e["id"]]
            tr = Truth.of(src_text)
            doc, err = run_clauselint(binary, path)
            if doc is None:
                readers["clauselint"].append(Score(e["file"], 0.0, 0.0, 0.0, 0.0, str(err)))
            else:
                s = score(e["file"], doc["text"], tr)
                body = "\n".join(
                    doc["text"][b["start"]:b["end"]]
                    for b in doc["blocks"]
                    if b["kind"] in ("paragraph", "heading", "table_cell")
                )
                s.body = similarity(tokens(body), tr.toks)[0]
                readers["clauselint"].append(s)
                num_total.add(numbering(doc, Source.build(src_text), e["file"]))
            for reader in list(readers)[1:]:
                text, perr = run_pdftotext(path, layout=reader.endswith("-layout"))
                if text is None:
                    readers[reader].append(Score(e["file"], 0.0, 0.0, 0.0, None, perr))
                else:
                    readers[reader].append(score(e["file"], text, tr))
            if args.v:
                print("  " + "  ".join(f"{r}={v[-1].sim:.4f}" for r, v in readers.items()) + f"  {e['file']}")

        print(f"\n### {set_name} ({len(entries)} files, {cuad / folder})\n")
        print(
            "| reader             | files | errs | sim mean | sim min | <0.99 | <0.95 | <0.90 | strict mean | strict min | word-F1 mean | word-F1 min | body-sim mean | body-sim min |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for reader, scores in readers.items():
            print(summary_row(reader, scores, reader == "clauselint"))
        print(f"\nworst {args.worst} (clauselint sim / word-F1" + (" | pdftotext sim" if len(readers) > 1 else "") + "):")
        order = sorted(range(len(entries)), key=lambda i: readers["clauselint"][i].sim)
        for i in order[: args.worst]:
            s = readers["clauselint"][i]
            ref = f" | {readers['pdftotext'][i].sim:.4f}" if "pdftotext" in readers else ""
            print(f"  {s.sim:.4f} / {s.wf1:.4f}{ref}  {s.file}" + (f"  ERROR {s.error}" if s.error else ""))
        n = num_total
        pct = lambda a, b: f"{a / b:.1%}" if b else "n/a"
        items = n.src_items["heading"] + n.src_items["list"]
        hit = n.src_hit["heading"] + n.src_hit["list"]
        print(
            f"\nclause numbers, source side: {items} numbered items start a line of the source; a clause starts there "
            f"with the same number: {hit} ({pct(hit, items)})"
        )
        for kind in ("heading", "list", "run-in"):
            k_items, k_hit, k_wrong = n.src_items[kind], n.src_hit[kind], n.src_wrong[kind]
            print(
                f"  {kind:<7}: {k_items:>5} items, same number {k_hit} ({pct(k_hit, k_items)}), "
                f"a clause with another/no number {k_wrong}, inside another clause {k_items - k_hit - k_wrong}"
            )
        print(
            f"clause numbers, clauselint side: {n.numbered} numbered clauses, {n.located} located in the "
            f"source by their content; right {n.right} ({pct(n.right, n.located)}), other number "
            f"{n.mismatch}, no number in the source {n.no_source_number}, a cross-reference in the "
            f"source taken as a clause {n.cross_ref}"
        )
        for ex in n.examples[: args.examples]:
            print(f"    e.g. {ex[2]!r}: {ex[1]}  [{ex[3]!r}]  ({ex[0][:40]})")
        for ex in n.missed_examples[: args.examples]:
            print(f"    missed {ex[1]}: {ex[2]!r}  ({ex[0][:40]})")
        cl = readers["clauselint"]
        ref = readers.get("pdftotext")
        mean = lambda v: sum(v) / len(v) if v else float("nan")
        overview.append(
            f"| {set_name} | {len(cl)} | {mean([x.sim for x in cl]):.4f} | {min((x.sim for x in cl), default=float('nan')):.4f} | "
            f"{sum(1 for x in cl if x.sim < 0.95)} | {sum(1 for x in cl if x.sim < 0.90)} | "
            + (f"{mean([x.sim for x in ref]):.4f} | {min(x.sim for x in ref):.4f} | " if ref else "- | - | ")
            + f"{pct(hit, items)} | {pct(n.right, n.located)} |"
        )
        dump[set_name] = {
            r: [s.__dict__ for s in v] for r, v in readers.items()
        } | {"numbering": {k: v for k, v in n.__dict__.items() if not k.endswith("examples")}}
    print("\n### summary\n")
    print("| set | files | clauselint sim mean | min | <0.95 | <0.90 | pdftotext sim mean | min | clause-number match | number precision |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in overview:
        print(row)
    if args.json:
        Path(args.json).write_text(json.dumps(dump, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
