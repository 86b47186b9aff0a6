"""Automatic numbering on the real corpus (``../shared/corpus``; skipped when absent).

Two references:

* **The .txt extracts.** Their converter did *not* render Word's list numbers: where a number was,
  the .txt has a tab (017) or nothing (002, 014). So the docx and txt block sequences are aligned by
  their text after the marker, and for every aligned pair the markers (:func:`split_marker`) must
  agree wherever the .txt has one (typed numbers are kept and never doubled); where the .txt has
  none the docx may add the Word label, and those are counted.
* **LibreOffice.** The exact labels were taken from LibreOffice 7.4 (``ListLabelString`` of every
  paragraph, read through UNO; LibreOffice numbers footnote lists apart from the body and reports
  no label for bullets) and are pinned below as ``paragraph:label`` (``fN.K:label`` for the K-th
  block of footnote N), without any text of the documents.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from checker.model.document import Block
from checker.read.docx import read_docx
from checker.read.txt import read_txt
from checker.text.markers import split_marker
from checker.text.normalize import squash

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

LIBREOFFICE_LABELS = {
    "017": """
        22:1. 23:2. 24:3. 26:4. 27:5. 28:6. 34:I. 38:II. 39:1. 40:2. 41:3. 43:4. 47:5. 56:1. 57:2. 58:3.
        59:I. 60:1. 61:1.1. 67:1.2. 71:2. 72:2.1. 73:2.2. 74:a) 75:b) 76:c) 77:d) 79:e) 81:2.3. 82:2.4.
        84:2.4. 85:2.5. 87:a. 88:b. 89:c. 90:d. 92:2.5.2. 93:2.5.3. 94:2.5.4. 95:2.5.5. 96:2.5.6.
        99:2.5.7. 100:2.5.8. 101:2.6. 102:2.7. 104:3. 105:3.1. 106:a) 107:b) 108:c) 109:d) 111:e)
        112:3.2. 119:2. 123:3. 126:I. 129:1. 130:2. 131:3. 133:1. 134:1.1. 140:1.2. 144:2. 145:2.1.
        146:2.2. 147:a) 148:b) 149:c) 150:d) 152:e) 153:g) 154:h) 155:2.3. 157:2.4. 158:2.5. 160:a.
        161:b. 162:c. 163:d. 165:2.5.2. 166:2.5.3. 167:2.5.4. 168:2.5.5. 169:2.5.6. 172:2.5.7.
        173:2.5.8. 174:2.6. 175:2.7. 177:3. 178:3.1. 179:a) 180:b) 181:c) 182:d) 184:e) 185:g) 186:h)
        187:i) 189:l) 190:3.2. 195:4. 196:4.1. 197:4.2. 203:4.3. 207:1. 208:1.1. 209:1.2. 210:1.3.
        216:2. 223:2.2. 236:3. 247:I. 249:II. 250:1. 251:2. 257:3. 258:4. 259:5. 260:6. 266:I. 268:II.
        269:1. 270:2. 276:3. 277:4. 278:5. 279:6. 287:1. 288:2. 290:3. 291:3.1. 293:3.2. 296:3.3.
        297:3.4. 298:3.5. 299:4. 301:1. 302:2. 304:3. 305:3.1. 307:3.2. 310:3.3. 311:3.4. 312:3.5.
        313:4. 316:1. 317:2. 328:I. 330:II. 331:1. 334:2. 336:3. 338:4. 343:I. 345:II. 346:1. 349:2.
        351:3. 353:4.
        f3.1:1. f3.2:a) f3.3:b) f3.4:c) f3.5:d) f3.7:e) f4.1:1. f4.2:2. f4.3:3. f4.4:4. f4.5:5.
    """,
    "002": "10:1. 22:2. 46:3. 58:4. 69:5. 84:6. 112:7. 123:a) 124:b) 125:c) 127:a) 128:b)",
    "014": "12:1.",
}
#: Labels the reader writes in all (LibreOffice's numbered ones plus the bullets it does not report):
#: 017 = 159 numbered body paragraphs + 57 bullets "-" (lvlText "-") + 11 numbered footnote paragraphs.
LABELS_WRITTEN = {"017": 227, "002": 12, "014": 1}


def corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus not available")
    return path


def _markers(blocks: list[Block]) -> list[tuple[str, str]]:
    """(marker or "", the start of the text after it) for the body blocks (footnotes are elsewhere in a .txt)."""
    out = []
    for block in blocks:
        if block.kind != "footnote":
            found = split_marker(block.text)
            out.append((found[0] if found else "", squash(found[2] if found else block.text)[:50]))
    return out


@pytest.mark.parametrize("stem", sorted(LIBREOFFICE_LABELS))
def test_labels_agree_with_libreoffice(stem):
    doc = read_docx(corpus(f"{stem}.docx"))
    first: dict[str, Block] = {}
    seen_in_note: dict[int | None, int] = {}
    for block in doc.blocks:
        if block.kind == "footnote":
            seen_in_note[block.footnote] = seen_in_note.get(block.footnote, 0) + 1
            first[f"f{block.footnote}.{seen_in_note[block.footnote] - 1}"] = block
        elif block.kind == "paragraph":
            first.setdefault(str(block.paragraph), block)
    for pair in LIBREOFFICE_LABELS[stem].split():
        where, label = pair.split(":", 1)
        assert first[where].text.startswith(label + " "), (where, label, first[where].text[:40])
    assert any(f"{LABELS_WRITTEN[stem]} automatic numbering labels" in note for note in doc.notes)


@pytest.mark.parametrize(("stem", "rendered"), [("017", 215), ("002", 12), ("014", 1)])
def test_markers_agree_with_the_txt_extract(stem, rendered):
    docx = _markers(read_docx(corpus(f"{stem}.docx")).blocks)
    txt = _markers(read_txt(corpus(f"{stem}.txt")).blocks)
    matcher = difflib.SequenceMatcher(None, [t for _, t in docx], [t for _, t in txt], autojunk=False)
    added, differ = 0, []
    for a, b, size in matcher.get_matching_blocks():
        for (mine, text), (theirs, _) in zip(docx[a:a + size], txt[b:b + size], strict=True):
            if mine != theirs:
                if theirs:
                    differ.append((mine, theirs, text))
                else:
                    added += 1  # the Word label the .txt converter dropped
    assert differ == []
    assert added == rendered  # 017: one of its 216 labels sits on a paragraph the .txt splits differently


def _sequence(stem: str) -> list[str]:
    return [marker for marker, _ in _markers(read_docx(corpus(f"{stem}.docx")).blocks) if marker]


def test_main_sections_and_items_are_found():
    # 017 repeats I./II. under each step (BƯỚC MỘT…) and part (A., B.); every heading is a Word number
    markers_017 = _sequence("017")
    assert [m for m in markers_017 if m in ("I.", "II.", "III.")] == ["I.", "II."] * 8
    assert markers_017.count("2.5.2.") == 2 and markers_017.count("1.1.") == 3
    # 002: the seven reform areas of section II are Word-numbered 1. … 7.
    markers_002 = _sequence("002")
    numbered = [m for m in markers_002 if m[:-1].isdigit() and m.endswith(".")]
    assert all(f"{n}." in numbered for n in range(1, 8))
    assert [m for m in markers_002 if m in ("I.", "II.", "III.")] == ["I.", "II."]
    # 014: I. … V. are typed; "1. Mục đích" is a Word number
    markers_014 = _sequence("014")
    assert [m for m in markers_014 if split_marker(m + " x")[1] == 1] == ["I.", "II.", "III.", "IV.", "V."]
    assert markers_014[1] == "1."
