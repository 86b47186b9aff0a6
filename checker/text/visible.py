"""Text made safe to print: control characters shown as escapes instead of acting on the terminal or the log.

File names come from whoever sent the files, and a Linux file name may hold any character but ``/`` and NUL:
ESC starts a terminal control sequence (``ESC[2J`` clears the screen, ``ESC]52;…`` writes the clipboard),
BEL rings, a carriage return moves the cursor back over a line already printed, a line feed starts a line
that a CI runner reads as a command (``::add-mask::…``, ``::error …``), and a right-to-left override
(U+202E) shows the rest of the line reversed (``gpj.exe`` read as ``exe.jpg``). Document text is cleaned of
controls when it is read (:func:`checker.text.normalize.clean`); :func:`visible` is what every report
format, message and the progress bar pass what they print through, so that neither reaches the reader raw.

Rendering: a character is replaced by a Python-style escape of its code point — ``\\xNN`` below U+0100,
``\\uNNNN`` above (ESC → ``\\x1b``, BEL → ``\\x07``, line feed → ``\\x0a``, RLO → ``\\u202e``). Escaped are the
C0 controls but tab (which only moves the cursor forward), DEL, the C1 controls, the bidirectional marks,
embeddings, overrides and isolates, the line and paragraph separators (U+2028, U+2029), and lone surrogates
(the bytes of a file name that is not UTF-8, which would otherwise stop the output with an encoding
error). A backslash is left as it is, so a name that holds the four characters ``\\x1b`` looks the same as
one holding ESC: the escape is for a person to read; the JSON report keeps the real name for programs.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ESCAPED = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@lru_cache(maxsize=16)
def _pattern(keep: str) -> re.Pattern[str]:
    kept = set(keep)
    characters = [c for c in map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA0)]) if c != "\t" and c not in kept]
    others = [c for c in _BIDI + "\u2028\u2029" if c not in kept]
    return re.compile("[" + re.escape("".join(characters + others)) + "\ud800-\udfff]")


def visible(text: str, keep: str = "") -> str:
    """``text`` with its control characters written as escapes (see the module's documentation); the
    characters in ``keep`` (e.g. ``"\\n"`` for a multi-line message whose format shows line breaks) are left."""
    pattern = _pattern(keep) if keep else _ESCAPED
    return pattern.sub(_escape, text) if pattern.search(text) else text
