"""Hostile documents of real size (issue 16): peak memory and time of ``plancheck check`` on each.

    python benchmarks/stress.py [--only NAME,…] [--timeout 10] [--ceiling 6GB] [--wall 400] [--keep DIR]

It builds, in a temporary folder (``--keep DIR``: in DIR, kept afterwards), the documents that took
gigabytes or minutes before the limits bounded them:

* ``citations-7.6MB.txt`` — one line repeating ``Hướng dẫn số 1-HD/TU`` (7.6 MB);
* ``kh-1MB.txt``, ``kh-3MB.txt`` — ``1/KH `` repeated (1 MB, 3 MB);
* ``empty-p-2.4MB.docx`` — 2.4 MB of empty ``<w:p/>`` stored in the package (400,000 paragraphs);
* ``empty-p-99MB.docx`` — a 2.4 MB package whose ``word/document.xml`` is ~99 MB of empty paragraphs
  (compressed ~40:1, under the zip-bomb ratio);
* ``lying-zip.docx`` — a 1.5 MB package whose ZIP directory declares a 4 KB ``word/document.xml`` that
  inflates to 1 GB;
* ``three-99MB-parts.docx`` — document, footnotes and endnotes of ~99 MB each (5.4 MB package), and
  ``one-99MB-part.docx`` — a 99 MB document part; both also checked with ``--limit
  docx-part-size=100MB`` (the old default), where the element cap and the memory ceiling bound them;
* ``attributes-100k.html``, ``attributes-400k.html`` — one element with 100,000 / 400,000 attributes
  (libxml2's HTML parser is quadratic in them and cannot be interrupted);
* ``styles-6000-deep.docx`` — a 6,000-deep ``w:basedOn`` chain (84 KB ``styles.xml``), a paragraph in
  each style;

then runs ``plancheck check FILE… --format json -o OUT --limit timeout=T`` (the ``plancheck`` beside this
interpreter) on each one, and with ``--jobs 2`` on two pairs, and prints for each run: wall-clock time,
peak resident memory of the whole process tree (the sum over the command and its worker processes,
sampled every 20 ms with psutil) and of its largest process (``VmHWM``, exact), the size of the JSON
report, and what the report says of each document. Each run has an address-space ceiling of its own
(``--ceiling``, applied with ``setrlimit`` to the command and inherited by its workers), so that a
regression fails the run instead of swapping the machine; a run still going after ``--wall`` seconds is
killed. Linux only (``/proc``). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

MB = 1024 * 1024
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats'
                 '.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
DOCUMENT_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode()
DOCUMENT_TAIL = b"</w:body></w:document>"
PART = 99_000_000  # bytes: under the old docx-part-size (100 MB)


# --- Building the documents ------------------------------------------------------------------------------------

def repeated_txt(path: Path, unit: str, size: int) -> None:
    data = unit.encode("utf-8")
    path.write_bytes(data * (size // len(data)))


def _noisy(piece: bytes, size: int, seed: int, bits: int = 6) -> bytes:
    """``piece`` repeated to ``size`` bytes, one copy in 2**(bits - 2) followed by a random blank: enough
    entropy that the part compresses under the zip-bomb ratio (200) that would refuse it at once (empty
    paragraphs ~45:1, paragraphs of text with ``bits=4`` ~130:1)."""
    rng = random.Random(seed)
    blanks = (b" ", b"\n", b"\t", b"  ") + (b"",) * (2 ** bits - 4)
    out, length = [], 0
    while length < size:  # whole copies only: the part stays well-formed
        chunk = b"".join(piece + blanks[rng.getrandbits(bits)] for _ in range(min(4096, 1 + (size - length) //
                                                                                  (len(piece) + 1))))
        out.append(chunk)
        length += len(chunk)
    return b"".join(out)


def docx(path: Path, parts: dict[str, bytes], stored: bool = False) -> None:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            package.writestr(name, data)


def empty_paragraphs_stored(path: Path) -> None:
    docx(path, {"word/document.xml": DOCUMENT_HEAD + b"<w:p/>" * 400_000 + DOCUMENT_TAIL}, stored=True)


def empty_paragraphs_big(path: Path) -> None:
    docx(path, {"word/document.xml": DOCUMENT_HEAD + _noisy(b"<w:p/>", PART, 1) + DOCUMENT_TAIL})


def _text_part(root: str, item: str, size: int, seed: int) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:{root} xmlns:w="{W}">'.encode()
    if root == "document":
        head += b"<w:body>"
    body = _noisy(item.encode(), size, seed, bits=4)
    return head + body + (b"</w:body>" if root == "document" else b"") + f"</w:{root}>".encode()


PARAGRAPH = "<w:p><w:r><w:t>Các cơ quan, đơn vị triển khai thực hiện kế hoạch.</w:t></w:r></w:p>"


def one_big_part(path: Path) -> None:
    docx(path, {"word/document.xml": _text_part("document", PARAGRAPH, PART, 2)})


def three_big_parts(path: Path) -> None:
    docx(path, {"word/document.xml": _text_part("document", PARAGRAPH, PART, 3),
                "word/footnotes.xml": _text_part("footnotes", f'<w:footnote w:id="9">{PARAGRAPH}</w:footnote>',
                                                 PART, 4),
                "word/endnotes.xml": _text_part("endnotes", f'<w:endnote w:id="9">{PARAGRAPH}</w:endnote>',
                                                PART, 5)})


def lying_zip(path: Path) -> None:
    """A package whose one ``word/document.xml`` entry says 4 KB in both headers and inflates to 1 GB: the
    ZIP is written by hand, the deflate stream made a piece at a time (never 1 GB in memory)."""
    name = b"word/document.xml"
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, compressed = 0, []
    body = b"<w:p/>" * (MB // 6)
    pieces = [DOCUMENT_HEAD] + [body] * 1024 + [DOCUMENT_TAIL]
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
        compressed.append(squeeze.compress(piece))
    compressed.append(squeeze.flush())
    data = b"".join(compressed)
    declared = 4096
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), declared, len(name),
                          0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)


def attributes_html(count: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        attributes = " ".join(f"a{i}=x" for i in range(count))
        path.write_text(f"<html><body><p {attributes}>Kế hoạch số 12/KH-UBND</p></body></html>", encoding="utf-8")
    return build


def deep_styles(path: Path, depth: int = 6000) -> None:
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
                     + (f'<w:basedOn w:val="s{i - 1}"/>' if i else "") + "</w:style>" for i in range(depth))
    paragraphs = "".join(f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>'
                         for i in range(depth - 1, -1, -1))
    docx(path, {"word/document.xml": DOCUMENT_HEAD + paragraphs.encode() + DOCUMENT_TAIL,
                "word/styles.xml": f'<?xml version="1.0"?><w:styles xmlns:w="{W}">{styles}</w:styles>'.encode()})


BUILDERS: dict[str, Callable[[Path], None]] = {
    "citations-7.6MB.txt": lambda p: repeated_txt(p, "Hướng dẫn số 1-HD/TU ", int(7.6 * MB)),
    "kh-1MB.txt": lambda p: repeated_txt(p, "1/KH ", MB),
    "kh-1MB-b.txt": lambda p: repeated_txt(p, "1/KH ", MB),
    "kh-3MB.txt": lambda p: repeated_txt(p, "1/KH ", 3 * MB),
    "empty-p-2.4MB.docx": empty_paragraphs_stored,
    "empty-p-99MB.docx": empty_paragraphs_big,
    "lying-zip.docx": lying_zip,
    "three-99MB-parts.docx": three_big_parts,
    "one-99MB-part.docx": one_big_part,
    "attributes-100k.html": attributes_html(100_000),
    "attributes-400k.html": attributes_html(400_000),
    "styles-6000-deep.docx": deep_styles,
}


@dataclass(frozen=True)
class Case:
    name: str
    files: tuple[str, ...]
    options: tuple[str, ...] = ()


CASES = [Case(name, (name,)) for name in BUILDERS if name != "kh-1MB-b.txt"] + [
    Case("three-99MB-parts.docx, old part limit", ("three-99MB-parts.docx",), ("--limit", "docx-part-size=100MB")),
    Case("one-99MB-part.docx, old part limit", ("one-99MB-part.docx",), ("--limit", "docx-part-size=100MB")),
    Case("--jobs 2: kh-1MB.txt ×2", ("kh-1MB.txt", "kh-1MB-b.txt"), ("--jobs", "2")),
    Case("--jobs 2: attributes-400k.html + citations", ("attributes-400k.html", "citations-7.6MB.txt"),
         ("--jobs", "2")),
]


# --- Running and measuring -------------------------------------------------------------------------------------

@dataclass
class Run:
    wall: float
    tree_peak: int  # bytes: the largest sum of the tree's resident memory seen
    process_peak: int  # bytes: the largest VmHWM of any process of the tree
    code: int | None  # None: killed after --wall seconds
    report: int  # bytes of the JSON report (0: none written)
    outcome: str


def _hwm(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(command: list[str], ceiling: int, wall: float, report: Path) -> Run:
    def bounded() -> None:  # in the child, before exec: a runaway case fails instead of swapping the machine
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    report.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=bounded)
    root = psutil.Process(process.pid)
    tree_peak = process_peak = 0
    code: int | None = None
    while True:
        try:
            members = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        total = 0
        for member in members:
            try:
                total += member.memory_info().rss
                process_peak = max(process_peak, _hwm(member.pid))
            except psutil.NoSuchProcess:
                continue
        tree_peak = max(tree_peak, total)
        if process.poll() is not None:
            code = process.returncode
            break
        if time.perf_counter() - started > wall:
            for member in reversed(members):
                with contextlib.suppress(psutil.NoSuchProcess):
                    member.kill()
            process.wait()
            break
        time.sleep(0.02)
    elapsed = time.perf_counter() - started
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    size = report.stat().st_size if report.exists() else 0
    return Run(elapsed, tree_peak, process_peak, code, size, _outcome(report, errors) if code is not None else "killed")


def _outcome(report: Path, errors: str) -> str:
    """What the report says of each document: its status (or finding code), and the caps it reached."""
    try:
        documents = json.loads(report.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError):
        return "no report: " + " ".join(errors.split())[-150:]
    said = []
    for document in documents:
        if document["status"] != "checked":
            said.append(document["findings"][0]["code"])
            continue
        notes = (document.get("plan") or {}).get("notes") or []
        capped = [re.search(r"--limit ([a-z-]+)=", n).group(1) for n in notes if re.search(r"--limit ([a-z-]+)=", n)]
        capped += ["style chain" for n in notes if "style chains deeper" in n]
        said.append(f"checked, {len(document['findings'])} finding(s)"
                    + (f", capped: {', '.join(capped)}" if capped else ""))
    return " | ".join(said)


def _size(value: str) -> int:
    units = {"k": 1024, "m": MB, "g": 1024 * MB}
    value = value.strip().lower().removesuffix("b")
    return int(float(value[:-1]) * units[value[-1]]) if value[-1:] in units else int(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated case names (or parts of them)")
    parser.add_argument("--timeout", type=float, default=10, help="--limit timeout passed to each run (s)")
    parser.add_argument("--ceiling", default="6GB", help="address space of each process of a run")
    parser.add_argument("--wall", type=float, default=400, help="a run still going after this is killed (s)")
    parser.add_argument("--keep", help="build the documents in this folder and keep them")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="plancheck-stress-"))
    folder.mkdir(parents=True, exist_ok=True)
    wanted = [part for part in (args.only or "").split(",") if part]
    cases = [c for c in CASES if not wanted or any(part in c.name for part in wanted)]
    beside = Path(sys.executable).with_name("plancheck")
    command = [str(beside) if beside.exists() else shutil.which("plancheck") or "plancheck", "check"]
    print(f"plancheck check … --format json --limit timeout={args.timeout:g}; ceiling {args.ceiling} per process")
    print(f"{'case':45} {'time s':>7} {'tree MB':>8} {'proc MB':>8} {'report':>9}  exit  outcome")
    try:
        for case in cases:
            for name in case.files:
                if not (folder / name).exists():
                    BUILDERS[name](folder / name)
            report = folder / "report.json"
            run = measure([*command, *(str(folder / n) for n in case.files), "--format", "json", "-o", str(report),
                           "--limit", f"timeout={args.timeout:g}", *case.options], _size(args.ceiling), args.wall,
                          report)
            code = "kill" if run.code is None else str(run.code)
            print(f"{case.name:45} {run.wall:7.1f} {run.tree_peak / MB:8.0f} {run.process_peak / MB:8.0f} "
                  f"{run.report / 1024:8.0f}K  {code:>4}  {run.outcome}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
