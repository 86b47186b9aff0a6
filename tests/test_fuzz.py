"""Property-based fuzzing of everything that reads text from outside: the .txt reader on arbitrary bytes, the
number-symbol, date, time and citation parsers on arbitrary text, the whole pipeline on mangled plans, and
the .docx reader on damaged packages (issue "hostile and broken input").

The properties are the readers' contract (checker/read/__init__.py) and the extraction's ("never raises on
odd text"): a reader returns a :class:`Document` whose blocks are non-empty, stripped and NFC, or raises
:class:`ReadError`, nothing else; a parser never raises and only returns spans inside its text; nothing
takes long (a bound against catastrophic regex backtracking, not a speed target).

Every test is derandomized and keeps no example database, so a CI run is the same on every machine.
"""

from __future__ import annotations

import io
import random
import re
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import to_cp1258
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import check_file, parse_file
from checker.extract.citations import find_citations, find_named_citations
from checker.extract.reporting import find_duties
from checker.extract.tasks import units_of
from checker.extract.units import coordinating_units, lead_units_in, leading_units, split_units
from checker.model.document import Block, Document
from checker.read import ReadError, read_file
from checker.read.txt import read_txt_bytes
from checker.text.dates import find_dates, parse_date
from checker.text.markers import bare_marker, split_marker
from checker.text.normalize import clean, fold
from checker.text.symbols import find_symbols, parse_symbol
from checker.text.timeframes import parse_timeframe

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + [
    p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "defects").glob("*.txt"))
]
SAMPLE_LINES = sorted({line.strip() for text in SAMPLE_TEXTS for line in text.splitlines() if line.strip()})
# The TCVN3 copy holds legacy-font 8-bit text: its lines are fragments of another encoding.
TCVN3_LINES = [line for line in (SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019-tcvn3.txt").read_bytes()
               .split(b"\n") if line.strip()]
DOCX_SAMPLES = [SAMPLES / "ke-hoach-ttdn-van-ninh-2019.docx",
                SAMPLES / "formats" / "ke-hoach-ttdn-van-ninh-2019-numbering.docx"]

# Characters a reader must drop (clean()): zero-width, BOM and direction controls.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # no control character but the tab survives reading


def cp1258(text: str) -> bytes:
    """``text`` as Windows-1258 (:func:`conftest.to_cp1258`), characters it cannot hold written as ``?``."""
    out = []
    for char in text:
        try:
            out.append(to_cp1258(char))
        except UnicodeEncodeError:
            out.append(b"?")
    return b"".join(out)


def fuzz(max_examples: int) -> settings:
    """Deterministic settings: derandomized, no example database, no per-example deadline (the time bounds
    are asserted explicitly, with margins for slow CI machines)."""
    return settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


def timed(call, *args, limit: float = 1.0):
    """Run ``call(*args)`` and assert it took less than ``limit`` seconds; return what it returned."""
    start = time.perf_counter()
    result = call(*args)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"{getattr(call, '__name__', call)} took {elapsed:.2f} s"
    return result


def assert_document(doc: Document) -> None:
    """The reader contract for a document that was read."""
    assert isinstance(doc, Document)
    assert doc.blocks, "a document without blocks must be a ReadError"
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    for block in doc.blocks:
        text = block.text
        assert text, block
        assert text == text.strip(), repr(text[:80])
        assert unicodedata.is_normalized("NFC", text), repr(text[:80])
        assert not any(c in INVISIBLE for c in text), repr(text[:80])
        assert not _CONTROL.search(text), repr(text[:80])


def read_or_error(path: Path, limit: float = 3.0) -> Document | ReadError:
    """``read_file(path)``: a Document (checked against the contract) or a ReadError, nothing else."""
    start = time.perf_counter()
    try:
        doc = read_file(path)
    except ReadError as exc:
        assert exc.reason and exc.reason_en
        result: Document | ReadError = exc
    else:
        assert_document(doc)
        result = doc
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"reading {path.name} took {elapsed:.2f} s"
    return result


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- strategies ---------------------------------------------------------------------------------

sample_line = st.sampled_from(SAMPLE_LINES)
# Text that looks like the parsers' input: citation words, symbols, dates and the separators between them,
# in any order and any number, plus arbitrary characters.
TOKENS = [
    "Quyết định", "số", " ", "  ", "/", "-", "–", ".", ",", ";", ":", "(", ")", "QĐ", "TTg", "KH", "UBND", "HD",
    "BTGTU", "NĐ", "CP", "TW", "93", "368", "2013", "2023", "2020", "12", "ngày", "tháng", "năm", "của", "do",
    "Ban", "Tuyên giáo", "Tỉnh ủy", "và", "về", "Căn cứ", "Thực hiện", "Luật", "Nghị quyết", "Hướng dẫn",
    "Kết luận", "Thông tri", "Kế hoạch", "chủ trì", "phối hợp với", "Sở", "Phòng", "Công an", "huyện", "Đ", "Ð",
    "…", "_", "\u200b", "\u202e", "\u00a0", "\n", "1.", "a)", "I.", "quý", "hằng năm", "trước", "Số:", "/KH-UBND",
]
token_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=60).map("".join)
SAMPLE_WORDS = [line.split() for line in SAMPLE_LINES if len(line.split()) > 1]


@st.composite
def sample_phrase(draw: st.DrawFn) -> str:
    """A few consecutive words of a sample line and a separator: ``Đào tạo, ``, ``Ban Tuyên giáo và ``."""
    words = draw(st.sampled_from(SAMPLE_WORDS))
    start = draw(st.integers(min_value=0, max_value=len(words) - 1))
    size = draw(st.integers(min_value=1, max_value=5))
    return " ".join(words[start:start + size]) + draw(st.sampled_from([" ", ", ", "; ", ": ", " và ", " - ", ". "]))


# Long repetitions of one small pattern: what makes a badly written regex backtrack catastrophically, and
# what makes a loop that looks at the whole rest of the text at each step quadratic.
repeated_text = st.builds(lambda unit, n: (unit * n)[:60_000],
                          st.one_of(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=4).map("".join),
                                    sample_phrase()),
                          st.integers(min_value=50, max_value=3000))
any_text = st.one_of(st.text(max_size=200), token_text, repeated_text, sample_line,
                     st.lists(sample_line, max_size=5).map(" ".join))


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Bytes a .txt submission may hold: real Vietnamese lines in UTF-8 mixed with random bytes, NULs,
    badly encoded lone surrogates, cp1258, TCVN3 and UTF-16 fragments, BOMs and very long lines."""
    piece = st.one_of(
        sample_line.map(lambda s: s.encode("utf-8")),
        sample_line.map(lambda s: s.encode("utf-8") + b"\n"),
        sample_line.map(lambda s: cp1258(s) + b"\r\n"),
        sample_line.map(lambda s: s.encode("utf-16-le")),
        sample_line.map(lambda s: s.encode("utf-16-be")),
        st.sampled_from(TCVN3_LINES),
        st.binary(max_size=40),
        st.integers(min_value=1, max_value=8).map(lambda n: b"\x00" * n),
        st.sampled_from(["\ud800", "\udfff", "\udc80x"]).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n", b"\f", b"\v", b"\t", b"\x1a", b"\x1b", b"\x7f",
                         b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "\u200b\u202e\u200f".encode()]),
        st.builds(lambda s, n: (s * n).encode("utf-8"), sample_line, st.integers(min_value=20, max_value=400)),
        st.integers(min_value=1000, max_value=100_000).map(lambda n: b"a" * n),
    )
    prefix = draw(st.sampled_from([b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]))
    return prefix + b"".join(draw(st.lists(piece, max_size=25)))


# --- the .txt reader on arbitrary bytes -------------------------------------------------------------

@fuzz(300)
@given(data=st.binary(max_size=3000))
def test_txt_reader_on_random_bytes(fuzz_dir, data):
    path = fuzz_dir / "random.txt"
    path.write_bytes(data)
    read_or_error(path)


@fuzz(300)
@given(data=hostile_bytes())
def test_txt_reader_on_mixed_hostile_bytes(fuzz_dir, data):
    path = fuzz_dir / "hostile.txt"
    path.write_bytes(data)
    read_or_error(path)


@fuzz(150)
@given(lines=st.lists(sample_line, min_size=1, max_size=40), junk=st.lists(
    st.tuples(st.integers(min_value=0), st.sampled_from([*INVISIBLE, "\x00", "\u2028", "\u2029"])), max_size=10))
def test_txt_reader_keeps_valid_text_and_drops_invisibles(lines, junk):
    """Valid UTF-8 text with invisible characters (and a few NULs) scattered in it reads as the same words
    without them."""
    chars = list("\n\n".join(lines))
    for at, char in junk:
        chars.insert(at % (len(chars) + 1), char)
    text = "".join(chars)
    try:
        doc = read_txt_bytes(text.encode("utf-8"), "mem.txt")
    except ReadError as exc:  # NULs are dropped when they are a few strays, more than 1 in 1000 is binary
        assert "NUL" in exc.reason_en and text.rstrip("\x00").count("\x00") * 1000 > len(text.rstrip("\x00"))
        return
    assert_document(doc)
    expected = unicodedata.normalize("NFC", "".join(c for c in text if c not in INVISIBLE and c != "\x00"))
    assert [w for block in doc.blocks for w in block.text.split()] == expected.split()


# --- the symbol, date, time and citation parsers on arbitrary text -----------------------------------

@fuzz(400)
@given(text=any_text)
def test_symbol_parsers_never_raise_and_stay_inside_the_text(text):
    found = timed(lambda t: list(find_symbols(t)), text)
    for start, end, symbol in found:
        assert 0 <= start < end <= len(text)
        assert symbol.raw.strip() == symbol.raw and symbol.raw in text[start:end]
        assert symbol.canonical
    timed(parse_symbol, text)
    timed(parse_symbol, text[:40])


@fuzz(400)
@given(text=any_text)
def test_date_and_time_parsers_never_raise_and_stay_inside_the_text(text):
    found = timed(lambda t: list(find_dates(t)), text)
    for start, end, date in found:
        assert 0 <= start < end <= len(text)
        assert date.text == text[start:end]
        assert date.problem in (None, "impossible", "incomplete")
    value = timed(parse_date, text)
    assert (value is None) == (not found)
    frame = timed(parse_timeframe, text)
    assert frame is None or frame.text in text


@fuzz(300)
@given(text=any_text, section=st.lists(st.sampled_from(["I.", "1.", "a)", "-"]), max_size=3))
def test_citation_finders_never_raise_and_stay_inside_the_block(text, section):
    cleaned = clean(text).strip() or "x"
    block = Block(index=0, text=cleaned, line=1, end_line=1)
    for blank in (False, True):
        for citation in timed(lambda b, blank=blank: list(find_citations(b, section, blank=blank)), block):
            loc = citation.location
            assert loc.start is not None and loc.end is not None
            assert 0 <= loc.start <= loc.end <= len(cleaned)
            assert citation.text == citation.text.strip() and citation.text in cleaned
            assert loc.section == section
    for citation in timed(lambda b: list(find_named_citations(b, 0, len(cleaned))), block):
        assert citation.text in cleaned
        assert 0 <= citation.location.start <= citation.location.end <= len(cleaned)


@fuzz(300)
@given(text=any_text, previous=st.one_of(st.none(), st.integers(min_value=0, max_value=9999)))
def test_marker_unit_and_fold_helpers_never_raise(text, previous):
    assert len(timed(fold, text)) == len(text)
    found = timed(split_marker, text, previous)
    assert found is None or found[2] in text
    timed(bare_marker, text)
    units, at = timed(leading_units, text)
    assert 0 <= at <= len(text)
    for unit in timed(split_units, text) + timed(lead_units_in, text) + timed(coordinating_units, text) + units:
        assert unit and unit in text
    timed(units_of, text)
    block = Block(index=0, text=clean(text).strip() or "x", line=1, end_line=1)
    for duty in timed(find_duties, block, ["III."]):
        assert duty.location.block == 0


# --- the whole pipeline on mangled plans ----------------------------------------------------------

BASE_PLANS = [(SAMPLES / "defects" / "task-without-unit.txt").read_text(encoding="utf-8"),
              (SAMPLES / "ke-hoach-ttdn-van-ninh-2019.txt").read_text(encoding="utf-8")]


def _mutate(line: str, how: int, rng: random.Random) -> str:
    if not line:
        return line
    at = rng.randrange(len(line) + 1)
    return [
        lambda: line,
        lambda: line[:at] + rng.choice(INVISIBLE) + line[at:],
        lambda: line[:at] + line[at + rng.randrange(1, 20):],  # a deletion
        lambda: line[:at],  # a truncation
        lambda: line.upper(),
        lambda: unicodedata.normalize("NFD", line),
        lambda: line[:at] + "\n" + line[at:],  # a hard wrap
        lambda: rng.choice(["1. ", "1.1.1. ", "a) ", "- ", "+ ", "II. ", "2.3.\n"]) + line,
        lambda: line * rng.randrange(2, 30),
        lambda: line[:at] + rng.choice(["93-HD/\u200bBTGTU", "ngày 31/02/2024", "(", ")", ";", ":", "“"]) + line[at:],
    ][how % 10]()


@st.composite
def mangled_plan(draw: st.DrawFn) -> str:
    """A plan from real sample lines: shuffled blocks of them, each line maybe mutated."""
    lines = [line for line in draw(st.sampled_from(BASE_PLANS)).splitlines()]
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32)))
    if draw(st.booleans()):
        cut = sorted(draw(st.lists(st.integers(min_value=0, max_value=len(lines)), max_size=6)))
        chunks = [lines[a:b] for a, b in zip([0, *cut], [*cut, len(lines)], strict=True)]
        rng.shuffle(chunks)
        lines = [line for chunk in chunks for line in chunk]
    rate = draw(st.sampled_from([0.0, 0.05, 0.3, 1.0]))
    lines = [_mutate(line, rng.randrange(10), rng) if rng.random() < rate else line for line in lines]
    extra = draw(st.lists(sample_line, max_size=10))
    for line in extra:
        lines.insert(rng.randrange(len(lines) + 1), line)
    return "\n".join(lines)


@fuzz(60)
@given(text=mangled_plan(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
def test_pipeline_on_mangled_plans(fuzz_dir, text, encoding):
    path = fuzz_dir / "mangled.txt"
    path.write_bytes(cp1258(text) if encoding == "cp1258" else text.encode(encoding, "surrogatepass"))
    start = time.perf_counter()
    try:
        plan = parse_file(path)
    except ReadError:
        plan = None
    report = check_file(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"parse and check took {elapsed:.1f} s"
    if plan is None:
        assert report.status == "unreadable" and report.error
        return
    assert report.status == "checked", report.error
    assert [b.index for b in plan.blocks] == list(range(len(plan.blocks)))
    for finding in report.findings:
        assert not any(c in INVISIBLE for c in finding.evidence or "")
    for task in plan.tasks:
        assert task.location.block < len(plan.blocks)
        assert all(unit and unit == unit.strip() for unit in task.units)
    for citation in plan.citations:
        block = plan.blocks[citation.location.block].text
        assert citation.text in block


# --- the .docx reader on damaged packages -----------------------------------------------------------

def _parts(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


DOCX_PARTS = {path.name: _parts(path) for path in DOCX_SAMPLES}
DOCX_BYTES = {path.name: path.read_bytes() for path in DOCX_SAMPLES}


def _zip(parts: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info if isinstance(info, str) else info.filename, data)
    return out.getvalue()


docx_name = st.sampled_from(sorted(DOCX_PARTS))


@fuzz(80)
@given(name=docx_name, edits=st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete"]),
                                                st.integers(min_value=0), st.integers(0, 255)),
                                      min_size=1, max_size=8))
def test_docx_reader_on_byte_edits_of_the_zip(fuzz_dir, name, edits):
    data = bytearray(DOCX_BYTES[name])
    for op, at, value in edits:
        at %= len(data)
        if op == "flip":
            data[at] ^= value or 1
        elif op == "insert":
            data[at:at] = bytes([value])
        elif len(data) > 1:
            del data[at]
    path = fuzz_dir / "edited.docx"
    path.write_bytes(bytes(data))
    read_or_error(path)


JUNK_ELEMENTS = [
    b"<w:p><w:r><w:t>Junk \xe2\x80\xae reversed</w:t></w:r></w:p>",
    b"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"-1\"/></w:numPr></w:pPr></w:p>",
    b"<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    b"<w:p><w:r><w:footnoteReference w:id=\"424242\"/></w:r></w:p>",
    b"<w:p><w:r><w:t xml:space=\"preserve\">\x00</w:t></w:r></w:p>",
    b"<unknown xmlns=\"urn:x\"><w:p/></unknown>",
    b"<w:sdt><w:sdtContent><w:p><w:r><w:t>s\xc3\xa1ch</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    b"&a;&#0;&#xD800;",
    b"<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r></w:p>",
    "<w:p><w:r><w:t>Số 93-HD/&#x202E;BTGTU&#13;giả &#x9B;31m&#x7F;&#x85;x&#x2029;y</w:t></w:r></w:p>".encode(),
]


# Elements that really nest in WordprocessingML (a table in a cell, a content control in a content control,
# a hyperlink in a smart tag), and a paragraph at the bottom.
NESTINGS = [(b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"), (b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
            (b"<w:p><w:hyperlink>", b"</w:hyperlink></w:p>"), (b"<w:r>", b"</w:r>"), (b"<x>", b"</x>")]
DEEP_PARAGRAPH = "<w:p><w:r><w:t>Sâu trong tài liệu</w:t></w:r></w:p>".encode()


def _nested(depth: int, nesting: tuple[bytes, bytes]) -> bytes:
    return nesting[0] * depth + DEEP_PARAGRAPH + nesting[1] * depth


@st.composite
def mutated_document_xml(draw: st.DrawFn, xml: bytes) -> bytes:
    kind = draw(st.sampled_from(["bytes", "truncate", "junk", "nested", "attribute", "text"]))
    body = xml.find(b"<w:body>") + len(b"<w:body>")
    if kind == "bytes":
        data = bytearray(xml)
        for at, value in draw(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1,
                                       max_size=10)):
            data[at % len(data)] = value
        return bytes(data)
    if kind == "truncate":
        return xml[: draw(st.integers(min_value=0, max_value=len(xml) - 1))]
    if kind == "junk":
        junk = b"".join(draw(st.lists(st.sampled_from(JUNK_ELEMENTS), min_size=1, max_size=5)))
        at = draw(st.sampled_from([body, len(xml) // 2, xml.rfind(b"</w:body>")]))
        return xml[:at] + junk + xml[at:]
    if kind == "nested":
        depth = draw(st.sampled_from([20, 50, 84, 126, 255, 300, 5000, 100_000]))
        return xml[:body] + _nested(depth, draw(st.sampled_from(NESTINGS))) + xml[body:]
    if kind == "attribute":
        size = draw(st.sampled_from([10_000, 1_000_000, 12_000_000]))
        attr = b" w:val=\"" + b"9" * size + b"\""
        return xml[:body] + b"<w:p><w:pPr><w:pStyle" + attr + b"/><w:numPr><w:ilvl" + attr[:1000] + b"/></w:numPr>" \
            b"</w:pPr><w:r><w:t>x</w:t></w:r></w:p>" + xml[body:]
    text = draw(st.sampled_from(["a" * 2_000_000, "Kế hoạch\u202e" * 10_000, "\ud800", "1.1." * 5000]))
    return xml[:body] + b"<w:p><w:r><w:t>" + text.encode("utf-8", "surrogatepass") + b"</w:t></w:r></w:p>" + xml[body:]


@fuzz(60)
@given(name=docx_name, data=st.data())
def test_docx_reader_on_a_mutated_document_part(fuzz_dir, name, data):
    parts = DOCX_PARTS[name]
    xml = next(content for info, content in parts if info.filename == "word/document.xml")
    mutated = data.draw(mutated_document_xml(xml))
    path = fuzz_dir / "mutated.docx"
    path.write_bytes(_zip([(info, mutated if info.filename == "word/document.xml" else content)
                           for info, content in parts]))
    read_or_error(path, limit=5.0)


@fuzz(60)
@given(name=docx_name, data=st.data())
def test_docx_reader_with_parts_dropped(fuzz_dir, name, data):
    parts = DOCX_PARTS[name]
    dropped = data.draw(st.sets(st.sampled_from([info.filename for info, _ in parts]), min_size=1, max_size=6))
    path = fuzz_dir / "dropped.docx"
    path.write_bytes(_zip([(info, content) for info, content in parts if info.filename not in dropped]))
    result = read_or_error(path)
    if "word/document.xml" in dropped:
        assert isinstance(result, ReadError)
    elif isinstance(result, Document):
        assert any("Phòng Văn hóa và Thông tin" in b.text for b in result.blocks)
