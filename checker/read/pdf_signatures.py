"""The digital signatures of a PDF (pyHanko): who signed, when, whether the signature holds.

:func:`signed` tells cheaply (the bytes hold a ``/ByteRange``) whether a PDF may carry signatures; only then is
pyHanko imported (:func:`read_signatures`), so checking a .txt, a .docx or an unsigned PDF never loads it.

Each signature is validated offline: no certificate, CRL or OCSP response is ever fetched
(``allow_fetching=False``). Its certificate chain is checked only against a trust store given with
``check --trust-roots`` (:mod:`checker.trust`); without one, ``trusted`` is None — signed, the chain not
checked — and nothing is called valid. A signature pyHanko cannot validate (damaged, an unknown format) is
reported as not intact with the reason; reading the signatures never makes the PDF unreadable.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from checker.model.document import Modification, Signature
from checker.trust import Roots, trust_roots

_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


def signed(data: bytes) -> bool:
    """Whether the PDF may hold digital signatures: every signature dictionary carries a ``/ByteRange``."""
    return b"/ByteRange" in data


def read_signatures(data: bytes) -> tuple[list[Signature], list[str]]:
    """The signatures of a PDF, validated against the trust store in force; and notes on what could not be
    read (a note, never an exception: the text of the document is still checked)."""
    roots = trust_roots()
    with _quiet():
        try:
            from pyhanko.pdf_utils.reader import PdfFileReader

            embedded = list(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
        except MemoryError:
            raise
        except Exception as exc:  # a damaged file: its text may still be readable
            return [], [f"Không đọc được chữ ký số của tệp ({type(exc).__name__}: {exc}) "
                        f"(the digital signatures could not be read: {type(exc).__name__}: {exc})"]
        return [_signature(sig, roots) for sig in embedded], []


@contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko's warnings and logged tracebacks (a chain that cannot be built is logged as an error) kept off
    standard error: what matters is in the result."""
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _signature(embedded: Any, roots: Roots | None) -> Signature:
    """One signature, validated; a signature that cannot be validated is not intact, with the reason."""
    field = _field_name(embedded)
    try:
        status = _validate(embedded, roots)
    except MemoryError:
        raise
    except Exception as exc:
        signer, organisation = _names(_signer_cert(embedded))
        return Signature(field=field, signer=signer, organisation=organisation, intact=False, modification="other",
                         trusted=False if roots is not None else None,
                         problem=f"không kiểm tra được chữ ký số ({type(exc).__name__}: {exc}) "
                                 f"(the signature cannot be validated: {type(exc).__name__}: {exc})")
    signer, organisation = _names(status.signing_cert)
    intact = bool(status.intact and status.valid)
    modification, modified_after = _changes(status)
    trusted = bool(status.trusted) if roots is not None else None
    return Signature(field=field, signer=signer, organisation=organisation, signed_at=_signed_at(status),
                     intact=intact, covers_whole=modification == "none", modification=modification,
                     modified_after=modified_after, trusted=trusted, problem=_problem(status, intact, trusted))


def _validate(embedded: Any, roots: Roots | None) -> Any:
    from asn1crypto import x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    # No roots: an empty trust store (never the system's), so that nothing is fetched or trusted by accident.
    context = ValidationContext(trust_roots=[x509.Certificate.load(der) for der in roots or ()],
                                allow_fetching=False)
    return validate_pdf_signature(embedded, context)


def _field_name(embedded: Any) -> str | None:
    try:
        name = embedded.field_name
    except Exception:
        return None
    return str(name) if name else None


def _signer_cert(embedded: Any) -> Any:
    try:
        return embedded.signer_cert
    except Exception:
        return None


def _names(cert: Any) -> tuple[str | None, str | None]:
    """The subject's common name, and its organisation (O, else OU)."""
    try:
        subject = dict(cert.subject.native)
    except Exception:
        return None, None

    def text(key: str) -> str | None:
        value = subject.get(key)
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        return (" ".join(str(value).split()) or None) if value else None

    return text("common_name"), text("organization_name") or text("organizational_unit_name")


def _signed_at(status: Any) -> datetime | None:
    stamp = getattr(status, "timestamp_validity", None)
    when = getattr(stamp, "timestamp", None) if stamp is not None else None
    return when or getattr(status, "signer_reported_dt", None)


def _changes(status: Any) -> tuple[Modification, str | None]:
    """What was added to the file after signing, as a kind and in words."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = status.coverage
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "none", None
    level = status.modification_level
    if coverage != SignatureCoverageLevel.ENTIRE_REVISION or level is None or status.docmdp_ok is False:
        return "other", ("tệp bị sửa sau khi ký (phần thêm vào không phân tích được hoặc không được phép) "
                         "(the file was changed after signing: changes that cannot be analysed or are not allowed)")
    if level <= ModificationLevel.FORM_FILLING:
        return "signing", ("sau khi ký chỉ thêm chữ ký số, dấu thời gian hoặc điền ô nhập liệu "
                           "(after signing only signatures, timestamps or form fields were added)")
    if level == ModificationLevel.ANNOTATIONS:
        return "annotations", "sau khi ký có thêm ghi chú (comments were added after signing)"
    return "other", ("nội dung tệp bị sửa sau khi ký (bản cập nhật nối thêm) "
                     "(the content was changed after signing: an incremental update)")


def _problem(status: Any, intact: bool, trusted: bool | None) -> str | None:
    if not status.intact:
        return ("chữ ký số không còn nguyên vẹn: phần đã ký bị thay đổi "
                "(the signature is broken: the signed bytes were changed)")
    if not intact:
        return "chữ ký số không hợp lệ về mật mã (the signature value does not verify)"
    if trusted is False:
        reason = getattr(status.trust_problem_indic, "name", None) or "?"
        return (f"chứng thư số không dẫn tới chứng thư gốc tin cậy ({reason}) "
                f"(the certificate does not chain to a trusted root: {reason})")
    return None
