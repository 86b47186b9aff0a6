"""cites_parent — the plan cites the directive it answers, correctly.

The basis clause (*Căn cứ / Thực hiện / Triển khai …* before section I) must cite at least one
numbered directive. When the rule names the expected parent (``params.parent`` or
``plancheck check --parent SYMBOL`` or ``--against PARENT``), that directive must be cited, with the
same date and issuer (issuers are compared loosely: case, diacritics, ``UBND`` = ``Ủy ban nhân dân``, and
one name may contain the other). A parent without a number yet (a draft, ``/HD-MTTQ-BTT``) is cited by any
number with the same type and issuer code.

Cases (rule severity unless marked):

* ``no-basis`` — the basis clause cites no numbered directive.
* ``parent-not-cited`` — the expected parent is cited nowhere.
* ``parent-not-in-basis`` (warning) — it is cited, but not in the basis clause.
* ``parent-date-mismatch`` — it is cited with another date.
* ``parent-date-missing`` (warning) — it is cited without a date, while the rule gives one.
* ``parent-issuer-mismatch`` (warning) — it is cited with another issuer.
* ``malformed-symbol`` (warning) — a cited symbol is mistyped (case, spaces, ``Ð``, missing year).
* ``impossible-date`` (warning) — a cited date does not exist (``30/2/2013``).
* ``cited-after-plan`` (warning) — a cited directive is dated after the plan itself.
* ``registry-date-mismatch``, ``registry-issuer-mismatch`` (warnings) — a cited directive the
  registry knows is cited with another date or issuer (the registry's value is the fix).
* ``superseded`` (warning) — the registry says the cited directive was replaced.
* ``cites-child`` (warning) — the cited directive is one that implements the expected parent.

Params::

    parent:                   # optional; the directive this plan must answer
      symbol: 93-HD/BTGTU     # number-symbol, compared after canonicalising
      date: 2023-02-15        # optional
      issuer: Ban Tuyên giáo Tỉnh ủy   # optional, compared loosely
      title: Hướng dẫn công tác thông tin đối ngoại năm 2023   # optional, shown in messages
    registry: directives      # known directives: a file (rules/registry/directives.yaml, or a path
                              # relative to the pack) checked by schemas/directives.schema.json

Passes::

    Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, …

Fails (``no-basis``)::

    Để tổ chức tốt các hoạt động thông tin đối ngoại năm 2019, Ủy ban nhân dân huyện ban hành …
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.kinds.base import Message, Params, Problem
from checker.model.plan import Citation, NumberSymbol, Plan
from checker.text.names import same_issuer
from checker.text.symbols import parse_symbol, same_document

NAME = "cites_parent"
DOC_VI = """cites_parent — kế hoạch dẫn đúng văn bản cấp trên mà kế hoạch triển khai.

Phần căn cứ (*Căn cứ / Thực hiện / Triển khai …* trước mục I) phải dẫn ít nhất một văn bản chỉ đạo
có số, ký hiệu. Khi quy tắc nêu rõ văn bản cấp trên cần dẫn (``params.parent`` hoặc
``plancheck check --parent SYMBOL`` hoặc ``--against PARENT``), văn bản đó phải được dẫn, đúng ngày ban hành
và cơ quan ban hành (so sánh tên cơ quan không phân biệt hoa thường, dấu, ``UBND`` = ``Ủy ban nhân dân``, và tên
này có thể chứa tên kia). Văn bản cấp trên chưa có số (bản dự thảo, ``/HD-MTTQ-BTT``) được coi là được dẫn khi
kế hoạch dẫn một số bất kỳ cùng loại văn bản và ký hiệu cơ quan.

Các trường hợp (theo mức độ của quy tắc, trừ khi có ghi chú):

* ``no-basis`` — phần căn cứ không dẫn văn bản chỉ đạo nào có số, ký hiệu.
* ``parent-not-cited`` — văn bản cấp trên cần dẫn không được dẫn ở bất kỳ đâu.
* ``parent-not-in-basis`` (cảnh báo) — văn bản cấp trên có được dẫn, nhưng không nằm trong phần căn cứ.
* ``parent-date-mismatch`` — văn bản cấp trên được dẫn với một ngày khác.
* ``parent-date-missing`` (cảnh báo) — văn bản cấp trên được dẫn mà không ghi ngày, trong khi quy tắc có
  nêu ngày.
* ``parent-issuer-mismatch`` (cảnh báo) — văn bản cấp trên được ghi là của một cơ quan ban hành khác.
* ``malformed-symbol`` (cảnh báo) — một số, ký hiệu được dẫn viết sai quy cách (chữ hoa/thường, dấu cách,
  ``Ð``, thiếu năm).
* ``impossible-date`` (cảnh báo) — một ngày được dẫn không có thật (``30/2/2013``).
* ``cited-after-plan`` (cảnh báo) — một văn bản được dẫn có ngày sau ngày ban hành của chính kế hoạch.
* ``registry-date-mismatch``, ``registry-issuer-mismatch`` (cảnh báo) — một văn bản được dẫn có trong
  danh mục văn bản nhưng được ghi với ngày hoặc cơ quan ban hành khác (sửa theo giá trị trong danh mục).
* ``superseded`` (cảnh báo) — theo danh mục văn bản, văn bản được dẫn đã được thay thế.
* ``cites-child`` (cảnh báo) — văn bản được dẫn là một văn bản triển khai của văn bản cấp trên cần dẫn.

Tham số::

    parent:                   # không bắt buộc; văn bản cấp trên mà kế hoạch này phải triển khai
      symbol: 93-HD/BTGTU     # số, ký hiệu, được so sánh sau khi chuẩn hóa
      date: 2023-02-15        # không bắt buộc
      issuer: Ban Tuyên giáo Tỉnh ủy   # không bắt buộc, so sánh gần đúng
      title: Hướng dẫn công tác thông tin đối ngoại năm 2023   # không bắt buộc, hiện trong thông báo
    registry: directives      # danh mục văn bản đã biết: một tệp (rules/registry/directives.yaml, hoặc
                              # đường dẫn tương đối so với bộ quy tắc), được kiểm tra theo
                              # schemas/directives.schema.json

Đạt::

    Thực hiện Hướng dẫn số 93-HD/BTGTU ngày 15/02/2023 của Ban Tuyên giáo Tỉnh ủy, …

Không đạt (``no-basis``)::

    Để tổ chức tốt các hoạt động thông tin đối ngoại năm 2019, Ủy ban nhân dân huyện ban hành …
"""


class ParentSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    symbol: str
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None

    @field_validator("symbol")
    @classmethod
    def _is_symbol(cls, value: str) -> str:
        if parse_symbol(value) is None:
            raise ValueError(f"'{value}' is not a number-symbol such as 93-HD/BTGTU or 368/QĐ-TTg")
        return value


class Directive(BaseModel):
    """An entry of the directive registry (``rules/directives.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    symbol: str
    type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    parent: str | None = None
    superseded_by: str | None = None

    @field_validator("symbol", "parent", "superseded_by")
    @classmethod
    def _is_symbol(cls, value: str | None) -> str | None:
        if value is not None and parse_symbol(value) is None:
            raise ValueError(f"'{value}' is not a number-symbol such as 93-HD/BTGTU or 368/QĐ-TTg")
        return value


class CitesParentParams(Params):
    parent: ParentSpec | None = None
    registry: list[Directive] = Field(default_factory=list)


#: Params that name a data file instead of holding the data: the engine loads and validates it.
FILE_PARAMS = {"registry": ("directives.schema.json", "directives")}


PARAMS = CitesParentParams

MESSAGES = {
    "no-basis": Message(
        "Phần căn cứ không dẫn văn bản chỉ đạo nào có số, ký hiệu.",
        "The basis clause cites no numbered directive.",
        "Mở đầu kế hoạch bằng «Căn cứ/Thực hiện <loại văn bản> số <số, ký hiệu> ngày <ngày> của <cơ quan>».",
        "Open the plan with 'Căn cứ/Thực hiện <type> số <number-symbol> ngày <date> của <issuer>'.",
    ),
    "parent-not-cited": Message(
        "Văn bản không dẫn văn bản cấp trên {parent}.",
        "The document does not cite its parent directive {parent}.",
        "Thêm vào phần căn cứ: {parent_full}.",
        "Add to the basis clause: {parent_full}.",
    ),
    "parent-not-in-basis": Message(
        "Văn bản cấp trên {parent} được nhắc đến nhưng không nằm trong phần căn cứ.",
        "The parent directive {parent} is mentioned but not in the basis clause.",
        "Đưa {parent} vào câu «Căn cứ/Thực hiện …» trước mục I.",
        "Cite {parent} in the 'Căn cứ/Thực hiện …' sentence before section I.",
    ),
    "parent-date-mismatch": Message(
        "Văn bản {parent} được dẫn với ngày {cited_date}, nhưng ngày ban hành là {expected_date}.",
        "{parent} is cited with the date {cited_date}; it was issued on {expected_date}.",
        "Sửa ngày thành {expected_date}.",
        "Change the date to {expected_date}.",
    ),
    "registry-date-mismatch": Message(
        "Văn bản {symbol} được dẫn với ngày {cited_date}; theo danh mục văn bản, ngày ban hành là {known_date}.",
        "{symbol} is cited with the date {cited_date}; the directive registry gives {known_date}.",
        "Sửa ngày thành {known_date}.",
        "Change the date to {known_date}.",
    ),
    "registry-issuer-mismatch": Message(
        "Văn bản {symbol} được ghi là của «{cited_issuer}»; theo danh mục văn bản, cơ quan ban hành là "
        "«{known_issuer}».",
        "{symbol} is attributed to '{cited_issuer}'; the directive registry gives '{known_issuer}'.",
        "Sửa cơ quan ban hành thành «{known_issuer}».",
        "Change the issuer to '{known_issuer}'.",
    ),
    "superseded": Message(
        "Văn bản {symbol} ({title}) đã được thay thế bởi {successor}.",
        "{symbol} ({title}) has been superseded by {successor}.",
        "Dẫn văn bản còn hiệu lực: {successor}.",
        "Cite the directive in force: {successor}.",
    ),
    "cites-child": Message(
        "Văn bản {symbol} là văn bản triển khai của {parent}; kế hoạch cần dẫn chính văn bản cấp trên {parent}.",
        "{symbol} implements {parent}; the plan should cite the parent directive {parent} itself.",
        "Dẫn {parent} trong phần căn cứ.",
        "Cite {parent} in the basis clause.",
    ),
    "parent-date-missing": Message(
        "Văn bản {parent} được dẫn mà không ghi ngày ban hành.",
        "{parent} is cited without its date.",
        "Ghi rõ «ngày {expected_date}» sau số, ký hiệu.",
        "Add 'ngày {expected_date}' after the number-symbol.",
    ),
    "parent-issuer-mismatch": Message(
        "Văn bản {parent} được ghi là của «{cited_issuer}», nhưng cơ quan ban hành là «{expected_issuer}».",
        "{parent} is attributed to '{cited_issuer}'; its issuer is '{expected_issuer}'.",
        "Sửa cơ quan ban hành thành «{expected_issuer}».",
        "Change the issuer to '{expected_issuer}'.",
    ),
    "malformed-symbol": Message(
        "Số, ký hiệu «{raw}» viết chưa đúng quy cách ({problems}).",
        "The number-symbol '{raw}' is malformed ({problems_en}).",
        "Viết là {canonical}.",
        "Write it as {canonical}.",
    ),
    "impossible-date": Message(
        "Ngày «{date}» của văn bản {symbol} không tồn tại.",
        "The date '{date}' of {symbol} does not exist.",
        "Kiểm tra lại ngày ban hành của {symbol}.",
        "Check the issue date of {symbol}.",
    ),
    "cited-after-plan": Message(
        "Văn bản {symbol} ghi ngày {cited_date}, sau ngày của chính kế hoạch ({plan_date}).",
        "{symbol} is dated {cited_date}, after the plan's own date ({plan_date}).",
        "Kiểm tra lại ngày của văn bản được dẫn hoặc ngày ban hành kế hoạch.",
        "Check the cited date or the plan's own date.",
    ),
}

_PROBLEM_WORDS = {
    "spaces": ("có dấu cách thừa", "stray spaces"),
    "eth": ("dùng ký tự Ð (U+00D0) thay cho Đ", "Ð (U+00D0) typed for Đ"),
    "case": ("sai chữ hoa/thường", "wrong letter case"),
    "missing-year": ("thiếu năm ban hành", "the year is missing"),
    "slash": ("dùng dấu / thay cho dấu -", "a slash typed for a dash"),
}


def with_parent(params: CitesParentParams, symbol: str, known_as: ParentSpec | None = None) -> CitesParentParams:
    """``--parent SYMBOL``: expect this parent. When the rule already names the same directive (or
    one without a number yet, of the same type and issuer code), its date, issuer and title are kept;
    otherwise ``known_as`` (what the parent document itself says, for ``--against``) or the bare
    symbol replaces it."""
    current = params.parent
    wanted = parse_symbol(symbol)
    known = parse_symbol(current.symbol) if current else None
    if current is not None and wanted is not None and known is not None and _is_parent(wanted, known):
        return params.model_copy(update={"parent": current.model_copy(update={"symbol": symbol})})
    return params.model_copy(update={"parent": known_as or ParentSpec(symbol=symbol)})


def _fmt(date: dt.date | None) -> str:
    return date.strftime("%d/%m/%Y") if date else "?"


def _describe(spec: ParentSpec) -> str:
    expected = parse_symbol(spec.symbol)
    parts = [spec.title or "", f"số {_shown(expected) if expected else spec.symbol}"]
    if spec.date:
        parts.append(f"ngày {_fmt(spec.date)}")
    if spec.issuer:
        parts.append(f"của {spec.issuer}")
    return " ".join(p for p in parts if p)


def _symbol_problems(citation: Citation) -> Iterator[Problem]:
    symbol = citation.symbol_parts
    if symbol is not None and symbol.problems:
        vi = ", ".join(_PROBLEM_WORDS.get(p, (p, p))[0] for p in symbol.problems)
        en = ", ".join(_PROBLEM_WORDS.get(p, (p, p))[1] for p in symbol.problems)
        yield Problem("malformed-symbol", {"raw": symbol.raw, "problems": vi, "problems_en": en,
                                           "canonical": symbol.canonical},
                      level="warning", location=citation.location, evidence=citation.text)


def check(plan: Plan, params: CitesParentParams) -> Iterator[Problem]:
    numbered = [c for c in plan.basis if c.symbol_parts is not None]
    if not numbered:
        first = plan.basis[0] if plan.basis else None
        yield Problem("no-basis", location=first.location if first else None,
                      evidence=first.text if first else None)
    for citation in numbered:
        yield from _symbol_problems(citation)
        if citation.date_problem == "impossible":
            yield Problem("impossible-date", {"date": citation.date_text, "symbol": citation.symbol},
                          level="warning", location=citation.location, evidence=citation.text)
        elif citation.date and plan.date and citation.date > plan.date:
            yield Problem("cited-after-plan", {"symbol": citation.symbol, "cited_date": _fmt(citation.date),
                                               "plan_date": _fmt(plan.date)},
                          level="warning", location=citation.location, evidence=citation.text)
    if params.registry:
        yield from _check_registry(numbered, params)
    if params.parent is not None:
        yield from _check_parent(plan, params.parent)


def _known(symbol: NumberSymbol, registry: list[Directive]) -> Directive | None:
    for entry in registry:
        known = parse_symbol(entry.symbol)
        if known is not None and same_document(symbol, known):
            return entry
    return None


def _check_registry(citations: list[Citation], params: CitesParentParams) -> Iterator[Problem]:
    """What the registry knows about each cited directive: its date, issuer, successor, parent."""
    expected = parse_symbol(params.parent.symbol) if params.parent else None
    for citation in citations:
        assert citation.symbol_parts is not None
        entry = _known(citation.symbol_parts, params.registry)
        if entry is None:
            continue
        is_parent = expected is not None and same_document(citation.symbol_parts, expected)
        args = {"symbol": entry.symbol, "title": entry.title or entry.symbol}
        found: list[tuple[str, dict[str, object]]] = []
        # The expected parent's date and issuer are checked against params.parent (parent-* cases).
        if entry.date and citation.date and citation.date != entry.date and not is_parent:
            found.append(("registry-date-mismatch", {"cited_date": citation.date_text,
                                                     "known_date": _fmt(entry.date)}))
        if entry.issuer and citation.issuer and not is_parent and not same_issuer(entry.issuer, citation.issuer):
            found.append(("registry-issuer-mismatch", {"cited_issuer": citation.issuer,
                                                       "known_issuer": entry.issuer}))
        if entry.superseded_by:
            found.append(("superseded", {"successor": entry.superseded_by}))
        parent = parse_symbol(entry.parent) if entry.parent else None
        if expected is not None and parent is not None and same_document(parent, expected):
            found.append(("cites-child", {"parent": expected.canonical}))
        for code, extra in found:
            yield Problem(code, {**args, **extra}, level="warning", location=citation.location,
                          evidence=citation.text)


def _is_parent(cited: NumberSymbol, expected: NumberSymbol) -> bool:
    """The citation names the parent; a parent without a number yet (a draft: ``/HD-MTTQ-BTT``) is
    cited by any number with its type and issuer code."""
    if expected.number is None:
        return cited.key[1:] == expected.key[1:] and (cited.year is None or expected.year is None
                                                      or cited.year == expected.year)
    return same_document(cited, expected)


def _shown(symbol: NumberSymbol) -> str:
    return symbol.canonical if symbol.number else "…" + symbol.canonical


def _check_parent(plan: Plan, spec: ParentSpec) -> Iterator[Problem]:
    expected: NumberSymbol | None = parse_symbol(spec.symbol)
    assert expected is not None  # validated in ParentSpec
    args = {"parent": _shown(expected), "parent_full": _describe(spec)}
    in_basis = [c for c in plan.basis if c.symbol_parts and _is_parent(c.symbol_parts, expected)]
    anywhere = [c for c in plan.citations if c.symbol_parts and _is_parent(c.symbol_parts, expected)]
    if not in_basis and not anywhere:
        yield Problem("parent-not-cited", args)
        return
    if not in_basis:
        yield Problem("parent-not-in-basis", args, level="warning", location=anywhere[0].location,
                      evidence=anywhere[0].text)
    citation = (in_basis or anywhere)[0]
    if spec.date and citation.date_text is None:
        yield Problem("parent-date-missing", {**args, "expected_date": _fmt(spec.date)}, level="warning",
                      location=citation.location, evidence=citation.text)
    elif spec.date and citation.date_problem is None and citation.date != spec.date:
        yield Problem("parent-date-mismatch",
                      {**args, "cited_date": citation.date_text, "expected_date": _fmt(spec.date)},
                      location=citation.location, evidence=citation.text)
    if spec.issuer and citation.issuer and not same_issuer(spec.issuer, citation.issuer):
        yield Problem("parent-issuer-mismatch",
                      {**args, "cited_issuer": citation.issuer, "expected_issuer": spec.issuer},
                      level="warning", location=citation.location, evidence=citation.text)
