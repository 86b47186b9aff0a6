"""Digitally signed PDFs: the signatures read with pyHanko, their rules, --trust-roots and the config key.

A CA and signer certificates are made here with ``cryptography``; the plan PDF of ``test_read_pdf`` is signed
with pyHanko once per module.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import pickle
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from test_read_pdf import PAGE_1, PAGE_2, PAGE_3, make_pdf, plan_pdf

from checker import check_file
from checker.batch import Job, _start, check_one
from checker.kinds.digital_signature import same_person
from checker.model.report import DocumentReport
from checker.read.pdf import read_pdf_bytes
from checker.read.pdf_signatures import signed
from checker.trust import Roots, TrustError, load_roots, trusting

ROOT = Path(__file__).resolve().parents[1]
SIGNER = "Nguyễn Văn An"
ORGANISATION = "Ủy ban nhân dân huyện Vạn Ninh"
PAGE_3_TITLE_ONLY = [line for line in PAGE_3 if line[2] != SIGNER]  # the name is an image on the page


class Authority:
    """A self-signed CA that issues signer certificates."""

    def __init__(self, name: str) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        self.cert = self._issue(self.name, self.key, ca=True)

    def _issue(self, subject: x509.Name, key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, ca: bool,
               stamps: bool = False) -> x509.Certificate:
        now = dt.datetime.now(dt.UTC)
        usage = dict(digital_signature=True, content_commitment=not ca, key_encipherment=False,
                     data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                     encipher_only=False, decipher_only=False)
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(self.name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                   .add_extension(x509.KeyUsage(**usage), critical=True))
        if stamps:  # a time-stamping authority's certificate
            builder = builder.add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.TIME_STAMPING]),
                                            critical=True)
        return builder.sign(self.key, hashes.SHA256())

    def timestamper(self, when: dt.datetime) -> Any:
        """A time-stamping authority this CA certifies, stamping every signature with ``when`` (pyHanko)."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's test TSA signs with RSA
        cert = self._issue(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA thử nghiệm")]), key, ca=False,
                           stamps=True)
        der = serialization.Encoding.DER
        return DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
            tsa_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(der, serialization.PrivateFormat.PKCS8,
                                                                    serialization.NoEncryption())),
            fixed_dt=when)

    def pem(self, folder: Path) -> Path:
        path = folder / f"{id(self)}.pem"
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path

    def sign(self, data: bytes, person: str, organisation: str = ORGANISATION, timestamper: Any = None) -> bytes:
        """``data`` signed by ``person`` with a certificate this CA issues (pyHanko)."""
        from asn1crypto import keys as asn1_keys
        from asn1crypto import x509 as asn1_x509
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        with warnings.catch_warnings():  # cryptography's deprecation of DSA, which pyHanko imports
            warnings.simplefilter("ignore")
            from pyhanko.sign import signers

        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, person),
                             x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation)])
        cert = self._issue(subject, key, ca=False)
        der = serialization.Encoding.DER
        signer = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(cert.public_bytes(der)),
            signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
                der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
            cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(self.cert.public_bytes(der))]),
        )
        out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data)),
                               signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer,
                               timestamper=timestamper)
        return out.getvalue()


@pytest.fixture(scope="module")
def ca() -> Authority:
    return Authority("CA thử nghiệm plancheck")


@pytest.fixture(scope="module")
def other_ca() -> Authority:
    return Authority("CA khác")


@pytest.fixture(scope="module")
def signed_pdf(ca: Authority) -> bytes:
    return ca.sign(plan_pdf(), SIGNER)


@pytest.fixture(scope="module")
def title_only_signed(ca: Authority) -> bytes:
    return ca.sign(make_pdf([PAGE_1, PAGE_2, PAGE_3_TITLE_ONLY]), SIGNER)


def write(folder: Path, data: bytes, name: str = "plan.pdf") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def findings(report: DocumentReport, prefix: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.code, f.severity) for f in report.findings if f.rule.startswith(prefix)]


# --- reading -----------------------------------------------------------------------------------------------------

def test_signer_organisation_time_and_integrity_are_read(signed_pdf: bytes) -> None:
    before = dt.datetime.now(dt.UTC)
    (signature,) = read_pdf_bytes(signed_pdf, "plan.pdf").signatures
    assert (signature.field, signature.signer, signature.organisation) == ("Signature1", SIGNER, ORGANISATION)
    assert signature.signed_at is not None and abs(signature.signed_at - before) < dt.timedelta(minutes=5)
    assert signature.intact and signature.covers_whole and signature.modification == "none"
    assert signature.trusted is None and signature.problem is None  # no trust store: the chain not checked


def test_an_unsigned_pdf_has_no_signatures() -> None:
    assert not signed(plan_pdf())
    assert read_pdf_bytes(plan_pdf(), "plan.pdf").signatures == []


def test_the_plan_carries_the_signatures(tmp_path: Path, signed_pdf: bytes) -> None:
    report = check_file(write(tmp_path, signed_pdf), "default")
    assert report.plan is not None and [s.signer for s in report.plan.signatures] == [SIGNER]
    assert findings(report, "signature-") == [] and findings(report, "has-signer") == []


def test_bytes_changed_inside_the_signed_range_break_the_signature(tmp_path: Path, signed_pdf: bytes) -> None:
    altered = signed_pdf.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 843]", 1)
    assert altered != signed_pdf
    (signature,) = read_pdf_bytes(altered, "plan.pdf").signatures
    assert not signature.intact and signature.problem and "signed bytes were changed" in signature.problem
    report = check_file(write(tmp_path, altered), "default")
    assert findings(report, "signature-") == [("signature-invalid", "signature-broken", "error")]


def test_a_damaged_signature_is_a_result_not_a_crash(signed_pdf: bytes) -> None:
    start = signed_pdf.index(b"/Contents <") + len(b"/Contents <") + 200
    damaged = signed_pdf[:start] + b"0" * 40 + signed_pdf[start + 40:]
    document = read_pdf_bytes(damaged, "plan.pdf")
    assert document.blocks  # the text is still read
    (signature,) = document.signatures
    assert not signature.intact and signature.problem


def test_an_update_appended_after_signing_is_a_change(tmp_path: Path, signed_pdf: bytes) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    page["/Rotate"] = generic.NumberObject(90)
    writer.mark_update(page_ref)
    out = io.BytesIO()
    writer.write(out)
    (signature,) = read_pdf_bytes(out.getvalue(), "plan.pdf").signatures
    assert signature.intact and not signature.covers_whole
    assert signature.modification == "other" and signature.modified_after
    report = check_file(write(tmp_path, out.getvalue()), "default")
    assert findings(report, "signature-") == [("signature-invalid", "signature-changed", "error")]


# --- trust ---------------------------------------------------------------------------------------------------

def test_trust_roots_say_whether_the_chain_is_trusted(tmp_path: Path, ca: Authority, other_ca: Authority,
                                                      signed_pdf: bytes) -> None:
    with trusting(load_roots(ca.pem(tmp_path))):
        (trusted,) = read_pdf_bytes(signed_pdf, "plan.pdf").signatures
    with trusting(load_roots(other_ca.pem(tmp_path))):
        (untrusted,) = read_pdf_bytes(signed_pdf, "plan.pdf").signatures
    assert trusted.trusted is True and trusted.problem is None
    assert untrusted.trusted is False and untrusted.intact and "trusted root" in (untrusted.problem or "")


def test_several_pem_roots_and_a_der_root_are_read(tmp_path: Path, ca: Authority, other_ca: Authority) -> None:
    both = tmp_path / "both.pem"
    both.write_bytes(ca.pem(tmp_path).read_bytes() + other_ca.pem(tmp_path).read_bytes())
    assert len(load_roots(both)) == 2
    der = write(tmp_path, ca.cert.public_bytes(serialization.Encoding.DER), "ca.der")
    assert load_roots(der) == (ca.cert.public_bytes(serialization.Encoding.DER),)
    with pytest.raises(TrustError, match="not PEM or DER"):
        load_roots(write(tmp_path, b"not a certificate", "bad.pem"))


def test_the_workers_job_carries_the_trust_roots(tmp_path: Path, ca: Authority, signed_pdf: bytes) -> None:
    job = pickle.loads(pickle.dumps(Job(rules="default", trust_roots=load_roots(ca.pem(tmp_path)))))
    _start(job)
    report = check_one(str(write(tmp_path, signed_pdf)))
    assert report.plan is not None and report.plan.signatures[0].trusted is True


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--lang", "en", *args],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)


def signatures_of(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    report = json.loads(result.stdout)
    signatures: list[dict[str, object]] = report["documents"][0]["plan"]["signatures"]
    return signatures


def test_cli_option_and_config_key(tmp_path: Path, ca: Authority, other_ca: Authority, signed_pdf: bytes) -> None:
    write(tmp_path, signed_pdf)
    ca.pem(tmp_path).rename(tmp_path / "roots.pem")
    other_ca.pem(tmp_path).rename(tmp_path / "other.pem")
    plain = run_cli("--isolated", "plan.pdf", cwd=tmp_path)
    assert signatures_of(plain)[0]["trusted"] is None
    given = run_cli("--isolated", "--trust-roots", "other.pem", "plan.pdf", cwd=tmp_path)
    assert signatures_of(given)[0]["trusted"] is False
    assert any(f["rule"] == "signature-untrusted" and f["severity"] == "warning"
               for f in json.loads(given.stdout)["documents"][0]["findings"])
    (tmp_path / ".plancheck.yaml").write_text("trust-roots: roots.pem\n", encoding="utf-8")
    configured = run_cli("plan.pdf", cwd=tmp_path)
    assert signatures_of(configured)[0]["trusted"] is True
    bad = run_cli("--isolated", "--trust-roots", "plan.pdf", "plan.pdf", cwd=tmp_path)
    assert bad.returncode == 2 and "--trust-roots" in bad.stderr


# --- the signer -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("certificate", "written", "same"), [
    ("Nguyễn Văn An", "Nguyễn Văn An", True), ("NGUYEN VAN AN", "Nguyễn Văn An", True),
    ("An Nguyễn Văn", "Nguyễn Văn An", True), ("Nguyễn Văn Anh", "Nguyễn Văn An", False),
    ("Trần Thị Bình", "Nguyễn Văn An", False),
])
def test_names_compare_without_diacritics_case_or_order(certificate: str, written: str, same: bool) -> None:
    assert same_person(certificate, written) is same


def test_a_certificate_of_another_person_is_a_warning(tmp_path: Path, ca: Authority) -> None:
    report = check_file(write(tmp_path, ca.sign(plan_pdf(), "Trần Thị Bình")), "default")
    assert findings(report, "signature-") == [("signature-signer", "signer-name-differs", "warning")]
    (finding,) = [f for f in report.findings if f.rule == "signature-signer"]
    assert "Trần Thị Bình" in finding.message and SIGNER in finding.message


def test_a_certificate_of_an_organisation_is_not_compared(tmp_path: Path, ca: Authority) -> None:
    report = check_file(write(tmp_path, ca.sign(plan_pdf(), ORGANISATION)), "default")
    assert findings(report, "signature-") == []


def test_a_title_only_block_is_completed_by_a_valid_signature(tmp_path: Path, title_only_signed: bytes) -> None:
    unsigned = check_file(write(tmp_path, make_pdf([PAGE_1, PAGE_2, PAGE_3_TITLE_ONLY]), "unsigned.pdf"), "default")
    assert findings(unsigned, "has-signer") == [("has-signer", "field-incomplete", "warning")]
    report = check_file(write(tmp_path, title_only_signed), "default")
    assert report.plan is not None and report.plan.signer is not None and report.plan.signer.name is None
    assert findings(report, "has-signer") == [] and findings(report, "signature-") == []


def test_a_broken_signature_does_not_complete_the_block(tmp_path: Path, title_only_signed: bytes) -> None:
    altered = title_only_signed.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 843]", 1)
    report = check_file(write(tmp_path, altered), "default")
    assert findings(report, "has-signer") == [("has-signer", "field-incomplete", "warning")]


# --- pyHanko is imported only for signed PDFs ------------------------------------------------------------------

def loaded_after_checking(*paths: Path) -> list[str]:
    """The pyHanko modules loaded in a fresh interpreter after checking ``paths``."""
    code = ("import sys; from checker import check_file; [check_file(p) for p in sys.argv[1:]]; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('pyhanko', 'asn1crypto'))))")
    return subprocess.run([sys.executable, "-c", code, *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=120).stdout.split()


def test_checking_a_txt_or_an_unsigned_pdf_does_not_import_pyhanko(tmp_path: Path, signed_pdf: bytes) -> None:
    (tmp_path / "plan.txt").write_text("KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2023\n", encoding="utf-8")
    assert loaded_after_checking(tmp_path / "plan.txt", write(tmp_path, plan_pdf())) == []
    assert "pyhanko" in loaded_after_checking(write(tmp_path, signed_pdf, "signed.pdf"))


# --- reports ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "junit", "github", "sarif", "json"])
@pytest.mark.parametrize(("lang", "unchecked"), [("vi", "đã ký số, chưa kiểm tra chuỗi chứng thư"),
                                                 ("en", "signed, chain not checked")])
def test_every_format_shows_the_signatures(tmp_path: Path, signed_pdf: bytes, fmt: str, lang: str,
                                           unchecked: str) -> None:
    from checker.engine.packs import load_pack
    from checker.engine.run import make_report
    from checker.formatters import rendered

    document = check_file(write(tmp_path, signed_pdf), "default", lang=lang)
    output = rendered(fmt, make_report([document], [load_pack("default")], lang))
    text = output if isinstance(output, str) else "".join(output)
    assert SIGNER in text and ORGANISATION in text
    if fmt in ("sarif", "json"):  # the fields themselves
        assert '"intact": true' in text and '"covers_whole": true' in text and '"trusted": null' in text
    else:
        assert unchecked in text and ("nguyên vẹn" if lang == "vi" else "intact") in text


def test_the_self_check_service_uses_its_trust_roots(tmp_path: Path, ca: Authority, signed_pdf: bytes) -> None:
    """``serve --trust-roots``: the page and the API say whether the chain is trusted; without, not checked."""
    from starlette.testclient import TestClient

    from checker.web import create_app

    def trusted(roots: Roots | None) -> object:
        with TestClient(create_app(workers=1, trust_roots=roots)) as client:
            reply = client.post("/api/check", files={"file": ("ke-hoach.pdf", signed_pdf, "application/pdf")})
        return reply.json()["documents"][0]["plan"]["signatures"][0]["trusted"]

    assert trusted(None) is None
    assert trusted(load_roots(ca.pem(tmp_path))) is True


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "009.pdf").exists(), reason="../shared/corpus is absent")
def test_a_real_signed_letter_reads_its_four_signatures() -> None:
    """Corpus 009: a provincial department's letter signed four times with its office's certificate, each in an
    incremental update: each intact, only the last covering the whole file, the earlier ones followed by
    signing and form filling only; an organisation's certificate is no person to compare with the text."""
    report = check_file(CORPUS / "009.pdf", "default")
    assert report.plan is not None
    signatures = report.plan.signatures
    assert len(signatures) == 4 and all(s.intact for s in signatures)
    assert [s.modification for s in signatures] == ["signing", "signing", "signing", "none"]
    assert {s.signer for s in signatures} == {"SỞ NỘI VỤ"} and all(s.trusted is None for s in signatures)
    assert all(s.signed_at is not None and s.signed_at.year == 2025 for s in signatures)
    assert not [f for f in report.findings if f.rule.startswith("signature-")]


def test_a_timestamped_signature_is_dated_by_its_timestamp(ca: Authority) -> None:
    """The signing time is the time-stamping authority's when the signature carries a timestamp, not the one the
    signer's own clock wrote."""
    when = dt.datetime(2025, 11, 10, 4, 1, tzinfo=dt.UTC)
    (signature,) = read_pdf_bytes(ca.sign(plan_pdf(), SIGNER, timestamper=ca.timestamper(when)), "plan.pdf").signatures
    assert signature.signed_at == when
    assert signature.intact and signature.covers_whole and signature.signer == SIGNER


def test_the_summary_names_who_signed(tmp_path: Path, signed_pdf: bytes) -> None:
    from checker.summary import row

    assert row(check_file(write(tmp_path, signed_pdf), "default"))["signed_by"] == SIGNER
    assert row(check_file(write(tmp_path, plan_pdf(), "unsigned.pdf"), "default"))["signed_by"] is None


def test_the_annotated_copy_of_a_signed_pdf_names_its_signatures(tmp_path: Path, signed_pdf: bytes) -> None:
    import re
    import zipfile

    from checker.annotate import annotate

    out = tmp_path / "plan.checked.docx"
    annotate(check_file(write(tmp_path, signed_pdf), "default"), out, "vi")
    comments = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", zipfile.ZipFile(out).read("word/comments.xml").decode())
    assert any(line.startswith(f"Chữ ký số: {SIGNER} ({ORGANISATION})") and "chưa kiểm tra chuỗi chứng thư" in line
               for line in comments)
