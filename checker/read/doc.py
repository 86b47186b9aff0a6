"""Legacy Word (.doc) files: read in Python (:mod:`checker.read.doc_binary`), else converted with LibreOffice.

A Word 97-2003 binary is read directly. Where that reader cannot (an encrypted, damaged or pre-97 file, an
RTF or Word-HTML file saved as .doc), LibreOffice is a second opinion when it is installed:
``soffice --headless --convert-to docx`` runs in a private temporary folder with its own user
profile (so parallel runs and a user's open LibreOffice do not interfere) and a time limit; the
result is read by the .docx reader, so a .doc gives the same :class:`Document` as the .docx would,
located by paragraph. LibreOffice is an optional dependency: without it, such a file is a clear
:class:`ReadError` that names the fix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from checker.model.document import Document
from checker.read.doc_binary import UnsupportedDoc, read_doc_binary
from checker.read.docx import read_docx_bytes
from checker.read.errors import ReadError, file_bytes

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Seconds a conversion may take (override with PLANCHECK_SOFFICE_TIMEOUT).
DEFAULT_TIMEOUT = 120.0


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _timeout() -> float:
    try:
        return float(os.environ.get("PLANCHECK_SOFFICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def read_doc(path: str | Path) -> Document:
    """Read a legacy .doc: in Python, else (encrypted, damaged, pre-97, RTF) by converting it to .docx with
    LibreOffice where it is installed; problems raise ReadError."""
    data = file_bytes(path)  # a missing or unreadable file is reported before LibreOffice is looked for
    if data.startswith(b"PK"):
        return read_docx_bytes(data, str(path))  # a .docx saved under a .doc name
    if not data.lstrip().startswith((_OLE_MAGIC, b"{\\rtf", b"<")):
        # LibreOffice would import any bytes as plain text; only Word binaries, RTF and Word-HTML are .doc.
        raise ReadError(str(path), "tệp .doc này không phải văn bản Word (không đúng định dạng)",
                        "this .doc file is not a Word document (unknown format)")
    reason = "RTF or Word-HTML saved as .doc"
    if data.startswith(_OLE_MAGIC):
        try:
            return read_doc_binary(data, str(path))
        except UnsupportedDoc as exc:
            reason = str(exc)  # an encrypted, damaged or pre-97 file: LibreOffice may still read it
    program = _soffice()
    if program is None:
        raise ReadError(str(path), f"không đọc được tệp .doc này ({reason}); cài LibreOffice (lệnh soffice) để "
                        "thử lại, hoặc lưu tệp thành .docx", f"cannot read this .doc ({reason}); install "
                        "LibreOffice (the soffice command) to try again, or save the file as .docx")
    timeout = _timeout()
    with tempfile.TemporaryDirectory(prefix="plancheck-doc-") as work:
        source = Path(work) / "input.doc"
        source.write_bytes(data)
        profile = Path(work) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", work, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(str(path), f"LibreOffice không chuyển xong tệp .doc trong {timeout:g} giây",
                            f"LibreOffice did not convert the .doc within {timeout:g} seconds") from exc
        except OSError as exc:
            raise ReadError(str(path), f"không chạy được LibreOffice: {exc}", f"cannot run LibreOffice: {exc}") from exc
        converted = Path(work) / "input.docx"
        if not converted.exists():
            raise ReadError(str(path), "LibreOffice không chuyển được tệp .doc (tệp hỏng hoặc không phải Word)",
                            "LibreOffice could not convert the .doc (damaged, or not a Word file)")
        document = read_docx_bytes(converted.read_bytes(), str(path))
    return document.model_copy(update={
        "format": "doc",
        "notes": [*document.notes, "Đã chuyển .doc sang .docx bằng LibreOffice (.doc converted with LibreOffice)"],
    })
