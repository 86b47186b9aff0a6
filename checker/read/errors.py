"""The one exception readers raise: a file that cannot be turned into a :class:`Document`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from checker.text.visible import visible


class ReadError(Exception):
    """A file could not be read.

    ``reason`` is the Vietnamese message shown to users, ``reason_en`` its English counterpart;
    ``str(err)`` is ``"{path}: {reason_en}"`` so logs and tracebacks stay readable for everyone.
    """

    def __init__(self, path: str, reason: str, reason_en: str, code: str = "unreadable") -> None:
        self.path = str(path)
        self.reason = reason
        self.reason_en = reason_en
        self.code = code  # the finding's code: "unreadable", or "input-too-large" for a file over a limit
        super().__init__(f"{self.path}: {reason_en}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason_en}"

    def __reduce__(self):  # keep the fields when pickled (e.g. across worker processes)
        return (type(self), (self.path, self.reason, self.reason_en, self.code))

    def message(self, lang: str = "vi") -> str:
        """``"{path}: {reason}"`` in the requested language (``vi`` or ``en``); control characters in the
        file name are shown escaped, so a hostile name cannot forge lines of a report."""
        return f"{shown(self.path)}: {self.reason_en if lang == 'en' else self.reason}"


def shown(path: str) -> str:
    """A path for a message: control characters (new lines, escapes) and direction overrides escaped
    (:func:`checker.text.visible.visible`)."""
    return visible(path)


def xml_limit(message: str) -> Literal["depth", "size"] | None:
    """Which of libxml2's safety limits a parser message is about: elements nested more than 256 levels deep,
    or one text or attribute over 10 MB (libxml2 words them with advice, "use XML_PARSE_HUGE", that names
    an option kept off on purpose); None for any other message."""
    if "Excessive depth" in message:
        return "depth"
    if "XML_PARSE_HUGE" in message:
        return "size"
    return None


def too_large(path: str, what_vi: str, what_en: str, limit_key: str) -> ReadError:
    """A file over one of the limits of :mod:`checker.limits` (``limit_key`` names the setting)."""
    return ReadError(path, f"{what_vi}; vượt giới hạn an toàn (đổi bằng --limit {limit_key}=…)",
                     f"{what_en}; over the safety limit (change it with --limit {limit_key}=…)", code="input-too-large")


def out_of_memory(path: str) -> ReadError:
    """A file whose reading or checking needs more memory than the ``memory`` limit allows (a MemoryError
    in the process checking it)."""
    return too_large(path, "đọc và kiểm tra tệp cần nhiều bộ nhớ hơn mức cho phép",
                     "reading and checking it needs more memory than allowed", "memory")


def os_error(path: str, exc: OSError) -> ReadError:
    """Turn an :class:`OSError` from opening or reading ``path`` into a :class:`ReadError`."""
    if isinstance(exc, FileNotFoundError):
        return ReadError(path, "không tìm thấy tệp", "file not found")
    if isinstance(exc, IsADirectoryError):
        return ReadError(path, "đây là một thư mục, không phải tệp", "is a directory, not a file")
    if isinstance(exc, PermissionError):
        return ReadError(path, "không có quyền đọc tệp", "permission denied")
    detail = exc.strerror or exc.__class__.__name__
    return ReadError(path, f"không đọc được tệp ({detail})", f"cannot read the file ({detail})")


def file_bytes(path: str | Path) -> bytes:
    """The content of ``path``; an I/O problem, or a file over the ``file-size`` limit (checked before
    reading), becomes a :class:`ReadError` naming the file."""
    from checker.limits import MB, current

    limit = current().file_size
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise too_large(str(path), f"tệp có {size / MB:.1f} MB", f"the file has {size / MB:.1f} MB",
                                "file-size")
            data = stream.read(limit + 1)
    except OSError as exc:
        raise os_error(str(path), exc) from exc
    if len(data) > limit:  # grew while being read, or a device that reports no size
        raise too_large(str(path), "tệp quá lớn", "the file is too large", "file-size")
    return data
