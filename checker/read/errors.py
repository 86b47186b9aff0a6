"""The one exception readers raise: a file that cannot be turned into a :class:`Document`."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """A file could not be read.

    ``reason`` is the Vietnamese message shown to users, ``reason_en`` its English counterpart;
    ``str(err)`` is ``"{path}: {reason_en}"`` so logs and tracebacks stay readable for everyone.
    """

    def __init__(self, path: str, reason: str, reason_en: str) -> None:
        self.path = str(path)
        self.reason = reason
        self.reason_en = reason_en
        super().__init__(f"{self.path}: {reason_en}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason_en}"

    def __reduce__(self):  # keep the three fields when pickled (e.g. across worker processes)
        return (type(self), (self.path, self.reason, self.reason_en))

    def message(self, lang: str = "vi") -> str:
        """``"{path}: {reason}"`` in the requested language (``vi`` or ``en``)."""
        return f"{self.path}: {self.reason_en if lang == 'en' else self.reason}"


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
    """The content of ``path``; an I/O problem becomes a :class:`ReadError` naming the file."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise os_error(str(path), exc) from exc
