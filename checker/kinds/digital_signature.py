"""digital_signature — the digital signatures of a signed PDF hold, and name the signer the text shows.

Only PDFs carry digital signatures; a document without any passes. What differs between the rules of the
default pack is data (``params.check``), not code:

* ``check: integrity`` (rule ``signature-invalid``)

  * ``signature-broken`` — the signature is not intact: the signed bytes were changed, or the signature
    does not verify;
  * ``signature-changed`` — the file was changed after signing (an incremental update that changes the
    content); comments added after signing are a warning. Signatures, timestamps and form fields added
    after signing (a second signer, the clerk's number and date) are allowed.

* ``check: trust`` (rule ``signature-untrusted``, only with ``check --trust-roots``)

  * ``signature-untrusted`` — the signer's certificate does not chain to a root of the trust store.
    Without ``--trust-roots`` the chain is not checked and nothing is reported.

* ``check: signer`` (rule ``signature-signer``)

  * ``signer-name-differs`` — the certificate names another person than the signature block of the text.
    Names are compared without diacritics or case, in any word order (``NGUYEN VAN AN`` = ``An Nguyễn Văn``);
    only when the block gives a name and the certificate names a person (not an organisation).

Params::

    check: integrity     # one of: integrity, trust, signer

Passes (``check: signer``)::

    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An      (signed with the certificate of "Nguyễn Văn An")

Fails::

    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An      (signed with the certificate of "Trần Thị Bình")
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from checker.extract.closing import looks_like_name
from checker.kinds.base import Message, Params, Problem
from checker.model.document import Signature
from checker.model.plan import Plan
from checker.text.normalize import strip_diacritics

NAME = "digital_signature"
DOC_VI = """digital_signature — chữ ký số của tệp PDF đã ký còn nguyên vẹn và đứng tên đúng người ký ghi trong văn bản.

Chỉ tệp PDF mới có chữ ký số; văn bản không có chữ ký số thì đạt. Chỗ khác nhau giữa các quy tắc trong bộ quy tắc
mặc định là dữ liệu (``params.check``), không phải mã nguồn:

* ``check: integrity`` (quy tắc ``signature-invalid``)

  * ``signature-broken`` — chữ ký số không còn nguyên vẹn: phần đã ký bị thay đổi, hoặc chữ ký không hợp lệ;
  * ``signature-changed`` — tệp bị sửa sau khi ký (bản cập nhật nối thêm làm thay đổi nội dung); thêm ghi chú
    sau khi ký là cảnh báo. Thêm chữ ký số, dấu thời gian hoặc điền ô nhập liệu sau khi ký (người ký thứ hai,
    văn thư ghi số và ngày) thì được phép.

* ``check: trust`` (quy tắc ``signature-untrusted``, chỉ khi có ``check --trust-roots``)

  * ``signature-untrusted`` — chứng thư số của người ký không dẫn tới chứng thư gốc nào trong kho tin cậy.
    Không có ``--trust-roots`` thì chuỗi chứng thư không được kiểm tra và không báo gì.

* ``check: signer`` (quy tắc ``signature-signer``)

  * ``signer-name-differs`` — chứng thư số đứng tên người khác với họ tên ở phần chữ ký của văn bản.
    Họ tên được so không phân biệt dấu, hoa thường và thứ tự các từ (``NGUYEN VAN AN`` = ``An Nguyễn Văn``);
    chỉ so khi phần chữ ký có họ tên và chứng thư đứng tên một người (không phải một cơ quan).

Tham số::

    check: integrity     # một trong: integrity, trust, signer

Đạt (``check: signer``)::

    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An      (ký bằng chứng thư số của "Nguyễn Văn An")

Không đạt::

    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An      (ký bằng chứng thư số của "Trần Thị Bình")
"""


class DigitalSignatureParams(Params):
    check: Literal["integrity", "trust", "signer"]


PARAMS = DigitalSignatureParams

MESSAGES = {
    "signature-broken": Message(
        "Chữ ký số của {who} không hợp lệ: {problem}.",
        "The digital signature of {who} is not valid: {problem}.",
        "Đề nghị đơn vị gửi lại đúng bản đã ký số; không sửa tệp sau khi ký.",
        "Ask the unit for the file exactly as it was signed; do not edit a file after signing it.",
    ),
    "signature-changed": Message(
        "Tệp đã bị sửa sau khi {who} ký số: {change}.",
        "The file was changed after {who} signed it: {change}.",
        "Đề nghị đơn vị gửi lại đúng bản đã ký số, hoặc ký lại bản đã sửa.",
        "Ask the unit for the file as it was signed, or to sign the changed file again.",
    ),
    "signature-untrusted": Message(
        "Chứng thư số của {who} không dẫn tới chứng thư gốc tin cậy: {problem}.",
        "The certificate of {who} does not chain to a trusted root: {problem}.",
        "Kiểm tra chứng thư số của người ký (do tổ chức cung cấp dịch vụ chứng thực chữ ký số cấp) và tệp "
        "--trust-roots.",
        "Check the signer's certificate (issued by a certification authority) and the --trust-roots file.",
    ),
    "signer-name-differs": Message(
        "Chứng thư số đứng tên «{certificate}», nhưng phần chữ ký ghi «{written}».",
        "The signing certificate names '{certificate}', but the signature block reads '{written}'.",
        "Người có thẩm quyền ghi trong văn bản phải tự ký số bằng chứng thư số của mình.",
        "The person named in the signature block must sign with their own certificate.",
    ),
}


def names_person(signature: Signature) -> bool:
    """The signature's certificate names a person (``Nguyễn Văn An``), not an organisation."""
    return signature.signer is not None and looks_like_name(signature.signer)


def same_person(a: str, b: str) -> bool:
    """Two names of one person: the same words without diacritics or case, in any order."""
    return sorted(strip_diacritics(a).split()) == sorted(strip_diacritics(b).split())


_BROKEN = {"vi": "phần đã ký bị thay đổi, hoặc chữ ký không khớp với chứng thư số",
           "en": "the signed bytes were changed, or the signature does not verify against its certificate"}
_CHANGES = {
    "other": {"vi": "nội dung bị thay đổi (bản cập nhật nối thêm sau khi ký)",
              "en": "the content changed (an update appended after signing)"},
    "annotations": {"vi": "có ghi chú thêm vào sau khi ký", "en": "comments were added after signing"},
}
_UNTRUSTED = {"vi": "không có chứng thư gốc nào trong tệp --trust-roots xác nhận chứng thư này",
              "en": "no root certificate of the --trust-roots file vouches for it"}


def _who(signature: Signature) -> str:
    return signature.signer or signature.organisation or signature.field or "?"


def check(plan: Plan, params: DigitalSignatureParams) -> Iterator[Problem]:
    location = plan.signer.location if plan.signer is not None else None
    if params.check == "signer":
        written = plan.signer.name if plan.signer is not None else None
        people = [s for s in plan.signatures if names_person(s)]
        if written and people and not any(same_person(s.signer or "", written) for s in people):
            yield Problem("signer-name-differs", {"certificate": people[0].signer, "written": written},
                          location=location, evidence=written)
        return
    for signature in plan.signatures:
        who = _who(signature)
        if params.check == "trust":
            if signature.trusted is False and signature.intact:
                yield Problem("signature-untrusted", {"who": who, "problem": _UNTRUSTED}, location=location,
                              evidence=signature.problem)
        elif not signature.intact:
            yield Problem("signature-broken", {"who": who, "problem": _BROKEN}, location=location,
                          evidence=signature.problem)
        elif signature.modification in ("other", "annotations"):
            yield Problem("signature-changed", {"who": who, "change": _CHANGES[signature.modification]},
                          level="warning" if signature.modification == "annotations" else None, location=location,
                          evidence=signature.modified_after)
