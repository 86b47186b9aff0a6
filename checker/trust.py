"""The trust store for digital signatures (``check --trust-roots FILE``): the root certificates a signer's
certificate must chain to.

The certificates are kept as DER bytes, so that a job holding them can be sent to worker processes however
they are started. The store in force is a context variable, as the limits are (:mod:`checker.limits`):
``with trusting(roots):`` around reading (the batch does it for each document, in each worker process),
:func:`trust_roots` inside the PDF reader. None means no trust store: signatures are then reported as
signed, their chain not checked.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

Roots = tuple[bytes, ...]

_PEM = re.compile(rb"-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----(.*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----",
                  re.DOTALL)


class TrustError(Exception):
    """A trust-roots file that cannot be read or holds no certificate; the message is bilingual."""


def load_roots(path: str | Path) -> Roots:
    """The certificates of a PEM file (one or several) or of a DER file, as DER bytes; :class:`TrustError`
    when the file cannot be read or is not certificates."""
    from cryptography import x509  # lazy: only when a trust store is given

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TrustError(f"{path}: không đọc được tệp / cannot be read: {exc.strerror or exc}") from exc
    blocks = _PEM.findall(data)
    try:
        ders = [base64.b64decode(b"".join(block.split()), validate=True) for block in blocks] if blocks else [data]
        for der in ders:
            x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise TrustError(f"{path}: không phải chứng thư số PEM hoặc DER / not PEM or DER certificates ({exc})") from exc
    return tuple(ders)


_current: ContextVar[Roots | None] = ContextVar("plancheck_trust_roots", default=None)


def trust_roots() -> Roots | None:
    """The trust store in force for the document being read; None when none was given."""
    return _current.get()


@contextmanager
def trusting(roots: Roots | None) -> Iterator[Roots | None]:
    token = _current.set(roots)
    try:
        yield roots
    finally:
        _current.reset(token)
