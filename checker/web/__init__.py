"""The self-check page: ``plancheck serve`` (Starlette, served by uvicorn).

A unit that drafts a plan drops the file on the page, picks the rule pack (or the parent directive from
the registry) and sees, in Vietnamese by default, what a reviewer will find: the verdict, the findings by
severity with the quoted text highlighted and the fix, the theme coverage, and a button to download the
annotated Word file. ``POST /api/check`` returns the same JSON report as ``plancheck check --format json``;
``GET /openapi.json`` describes it.

Security: uploads are bounded (``--limit file-size``, checked on the request body before parsing), read in
a private temporary folder deleted after the response and checked in a worker process with the limits
and time limit of the command line; nothing is stored, no name or path from the user reaches the file
system (only the extension, checked against the supported ones, picks the reader), the pages load
nothing from outside (a strict Content-Security-Policy), and the server binds to 127.0.0.1 unless told.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import multiprocessing
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from pathlib import Path, PurePath
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.engine.packs import BUILTIN, PackError, load_pack
from checker.engine.run import make_report, unreadable
from checker.formatters import json_format, view
from checker.limits import Limits
from checker.model.report import DocumentReport, Report
from checker.read import SUPPORTED
from checker.text.visible import visible
from checker.web.work import Outcome, check_upload

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

WORDS = {
    "vi": {
        "title": "Tự kiểm tra kế hoạch", "lead": "Chọn hoặc kéo thả dự thảo kế hoạch (.docx, .odt, .pdf, .html, "
        ".txt) để xem trước những gì người duyệt sẽ phát hiện. Tệp không được lưu lại.", "file": "Tệp kế hoạch",
        "pack": "Bộ quy tắc hoặc văn bản cấp trên", "auto": "Tự chọn theo trích yếu", "check": "Kiểm tra",
        "download": "Tải bản Word có nhận xét", "result": "Kết quả", "other": "English", "api": "API (JSON)",
        "parents": "Văn bản cấp trên (danh mục)", "packs": "Bộ quy tắc", "no_file": "Chưa chọn tệp.",
        "too_large": "Tệp quá lớn (giới hạn {limit}).", "busy": "Không kiểm tra được tệp này (tiến trình kiểm tra "
        "bị dừng). Hãy thử lại hoặc gửi cho người duyệt.", "unsupported": "Định dạng {suffix} chưa được hỗ trợ; "
        "hãy dùng .docx, .odt, .pdf, .html hoặc .txt.", "drop": "Thả tệp vào đây",
    },
    "en": {
        "title": "Plan self-check", "lead": "Choose or drop a draft plan (.docx, .odt, .pdf, .html, .txt) to see "
        "what a reviewer will find. The file is not stored.", "file": "Plan file",
        "pack": "Rule pack or parent directive",
        "auto": "Chosen from the subject", "check": "Check", "download": "Download the annotated Word file",
        "result": "Result", "other": "Tiếng Việt", "api": "API (JSON)", "parents": "Parent directives (registry)",
        "packs": "Rule packs", "no_file": "No file chosen.", "too_large": "The file is too large (limit {limit}).",
        "busy": "This file could not be checked (the checking process stopped). Try again or send it to the "
        "reviewer.", "unsupported": "The format {suffix} is not supported; use .docx, .odt, .pdf, .html or .txt.",
        "drop": "Drop the file here",
    },
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
UPLOAD_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields around the file


@cache
def _templates() -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("checker", "web/templates"),
                                  jinja2.PackageLoader("checker", "formatters/templates")])
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def _directives() -> list[tuple[str, str]]:
    """(symbol, description) of the directives in the shipped registry, for the parent choice."""
    try:
        params = load_pack("ttdn").rules["cites-parent"].params
    except (PackError, KeyError):
        return []
    entries = getattr(params, "registry", [])
    return [(e.symbol, f"{e.symbol} — {e.title or ''}".strip(" —")) for e in entries]


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes gets 413 before anything parses it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(scope: Scope, receive: Callable[[], Awaitable[Message]],
                     send: Callable[[Message], Awaitable[None]]) -> None:
    response = JSONResponse({"error": "request body too large / tệp quá lớn"}, status_code=413)
    await response(scope, receive, send)


def create_app(rules: str | None = None, limits: Limits | None = None, workers: int = 2) -> Starlette:
    """The application; ``rules`` is the pack used when the user picks none (default: by subject)."""
    limits = limits or Limits()
    if rules:
        load_pack(rules)  # a bad pack fails at start-up, not on the first upload
    state: dict[str, ProcessPoolExecutor] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        state["pool"] = _pool(workers)
        try:
            yield
        finally:
            state.pop("pool").shutdown(cancel_futures=True)

    def pool() -> ProcessPoolExecutor:
        if "pool" not in state:  # a test client without lifespan
            state["pool"] = _pool(workers)
        return state["pool"]

    async def run_check(request: Request) -> tuple[Outcome | None, str | None, str, str | None, str | None]:
        """(outcome, problem, lang, pack choice, parent choice) for the uploaded form."""
        form = await request.form(max_files=1, max_fields=10)
        lang = _lang(str(form.get("lang") or request.query_params.get("lang") or "vi"))
        choice = str(form.get("rules") or "")
        pack, parent = _choice(choice, rules)
        upload = form.get("file")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return None, WORDS[lang]["no_file"], lang, pack, parent
        # The name the client sent, as a base name with its control characters escaped: it is shown, never used.
        name = visible(PurePath(upload.filename.replace("\\", "/")).name[:200]) or "tep"
        suffix = PurePath(name).suffix.lower()
        if suffix not in SUPPORTED or suffix == ".doc":
            return None, WORDS[lang]["unsupported"].format(suffix=suffix or "?"), lang, pack, parent
        with tempfile.TemporaryDirectory(prefix="plancheck-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"  # only the checked extension comes from the user
            data = await upload.read(limits.file_size + 1)
            path.write_bytes(data)
            try:
                future = pool().submit(check_upload, str(path), name, pack, parent, lang, limits)
                outcome = await asyncio.wait_for(asyncio.wrap_future(future), limits.timeout + 30)
            except (BrokenProcessPool, TimeoutError):
                state.pop("pool", None)
                reason = WORDS[lang]["busy"]
                outcome = Outcome(unreadable(name, reason, "crashed"), None)
        return outcome, None, lang, pack, parent

    def report_of(outcome: Outcome, lang: str) -> Report:
        packs = [load_pack(outcome.report.pack)] if outcome.report.pack and "+" not in outcome.report.pack else []
        return make_report([outcome.report], packs, lang)

    async def page(request: Request) -> Response:
        lang = _lang(request.query_params.get("lang", "vi"))
        return _page(lang, None, None, None, rules, None)

    async def submit(request: Request) -> Response:
        outcome, problem, lang, pack, parent = await run_check(request)
        if outcome is None:
            return _page(lang, None, problem, None, pack, parent, status=400)
        return _page(lang, report_of(outcome, lang), None, outcome, pack, parent)

    async def api_check(request: Request) -> Response:
        outcome, problem, lang, _pack, _parent = await run_check(request)
        if outcome is None:
            return JSONResponse({"error": problem}, status_code=400)
        body = json_format.render(report_of(outcome, lang))
        status = 200 if outcome.report.status == "checked" else 422
        return Response(body, status_code=status, media_type="application/json")

    async def openapi(_request: Request) -> Response:
        return JSONResponse(_openapi())

    app = Starlette(routes=[
        Route("/", page, methods=["GET"]),
        Route("/", submit, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ], lifespan=lifespan)
    app.add_middleware(_Headers)
    app.add_middleware(BodyLimit, limit=limits.file_size + UPLOAD_OVERHEAD)
    return app


class _Headers:
    """Security headers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _pool(workers: int) -> ProcessPoolExecutor:
    # A server has threads (uvicorn's, a test's browser driver): forking it could copy a held lock into the
    # child. The fork server starts workers from a clean single-threaded process instead.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))


def _lang(value: str) -> str:
    return "en" if value == "en" else "vi"


def _choice(choice: str, default: str | None) -> tuple[str | None, str | None]:
    """The form's choice as (pack, parent): ``pack:ttdn``, ``parent:93-HD/BTGTU``, or empty (the default)."""
    kind, _, value = choice.partition(":")
    if kind == "pack" and value in BUILTIN:
        return value, None
    if kind == "parent" and value in {symbol for symbol, _ in _directives()}:
        return default, value
    return default, None


def _page(lang: str, report: Report | None, problem: str | None, outcome: Outcome | None, pack: str | None,
          parent: str | None, status: int = 200) -> HTMLResponse:
    words = WORDS[lang]
    v = view.build(report) if report is not None else None
    download = None
    if outcome is not None and outcome.annotated is not None:
        stem = PurePath(outcome.report.path).stem or "ke-hoach"
        download = {"name": f"{stem}.checked.docx",
                    "href": f"data:{DOCX};base64," + base64.b64encode(outcome.annotated).decode("ascii")}
    selected = f"parent:{parent}" if parent else f"pack:{pack}" if pack else ""
    html = _templates().get_template("page.html.j2").render(
        lang=lang, t=words, v=v, w=view.WORDS[lang], problem=problem, download=download, packs=list(BUILTIN),
        directives=_directives(), selected=selected, version=__version__, other="en" if lang == "vi" else "vi",
        accept=",".join(s for s in SUPPORTED if s != ".doc"))
    return HTMLResponse(html, status_code=status)


def _openapi() -> dict[str, Any]:
    schema = Report.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.pop("$defs", {})
    components["Report"] = schema
    form = {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "The plan: .docx, .odt, .pdf, .html, .htm or .txt."},
        "rules": {"type": "string", "description": "'pack:default', 'pack:ttdn', or 'parent:<number-symbol>' of a "
                  "directive of the registry; empty: the pack is chosen from the plan's subject."},
        "lang": {"type": "string", "enum": ["vi", "en"], "default": "vi"}}}
    report = {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "plancheck", "version": __version__,
                 "description": "Checks a Vietnamese plan (Kế hoạch): citation of the parent directive, themes, "
                                "a unit for every task, a reporting deadline. The same report as "
                                "`plancheck check --format json` (schemas/report.schema.json)."},
        "paths": {"/api/check": {"post": {
            "summary": "Check one plan", "operationId": "check",
            "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": form}}},
            "responses": {
                "200": {"description": "The report of a readable plan (findings may include errors).",
                        "content": report},
                "422": {"description": "The file could not be read: the report holds one 'readable' finding saying "
                                       "why.", "content": report},
                "400": {"description": "No file, or an unsupported format.",
                        "content": {"application/json": {"schema": {"type": "object",
                                                                    "properties": {"error": {"type": "string"}}}}}},
                "413": {"description": "The file is over the size limit."},
            }}}},
        "components": {"schemas": json.loads(json.dumps(components))},
    }


__all__ = ["DocumentReport", "create_app"]
