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

One client cannot hold up the others: the reply is rendered in the worker and bounded in size
(:mod:`checker.web.render`), the event loop only waits; a worker that overruns the time limit by
:data:`GRACE` (stuck in C code the alarm cannot interrupt) is killed and replaced
(:mod:`checker.web.workers`); on shutdown every worker is stopped, so nothing outlives the server.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from pathlib import Path, PurePath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.engine.packs import BUILTIN, load_pack
from checker.engine.run import unreadable
from checker.limits import Limits
from checker.model.report import DocumentReport, Report
from checker.read import SUPPORTED
from checker.read.errors import shown
from checker.text.visible import visible
from checker.trust import Roots
from checker.web import render
from checker.web.render import WORDS
from checker.web.work import Reply, Upload, respond
from checker.web.workers import Closed, Died, Overrun, Workers

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
UPLOAD_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields around the file
GRACE = 5.0
"""Seconds a worker may run past the time limit in one stage (checking, annotating, rendering) before it is
killed: the alarm of the time limit stops Python code at once, C code (libxml2) never."""
SHUTDOWN_WAIT = 5
"""Seconds a stopping server (SIGTERM, Ctrl+C) gives the checks in progress before it cuts them short and
stops every worker: a stop never waits for the time limit of a stuck check."""


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


def create_app(rules: str | None = None, limits: Limits | None = None, workers: int = 2,
               response_size: int = render.RESPONSE_SIZE, trust_roots: Roots | None = None) -> Starlette:
    """The application; ``rules`` is the pack used when the user picks none (default: by subject);
    ``response_size`` bounds every reply (see :mod:`checker.web.render`)."""
    limits = limits or Limits()
    if rules:
        load_pack(rules)  # a bad pack fails at start-up, not on the first upload
    state: dict[str, Workers] = {}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        state["workers"] = Workers(workers)
        try:
            yield
        finally:
            await run_in_threadpool(state.pop("workers").close)

    def pool() -> Workers:
        if "workers" not in state:  # a test client without lifespan
            state["workers"] = Workers(workers)
        return state["workers"]

    async def check(request: Request, page: bool) -> tuple[Reply | None, str | None, str, str | None, str | None]:
        """(reply, problem, lang, pack choice, parent choice) for the uploaded form."""
        form = await request.form(max_files=1, max_fields=10)
        lang = _lang(str(form.get("lang") or request.query_params.get("lang") or "vi"))
        pack, parent = _choice(str(form.get("rules") or ""), rules)
        upload = form.get("file")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return None, WORDS[lang]["no_file"], lang, pack, parent
        # The name the client sent, as a base name with its control characters escaped: it is shown, never used.
        name = visible(PurePath(upload.filename.replace("\\", "/")).name[:200]) or "tep"
        suffix = PurePath(name).suffix.lower()
        if suffix not in SUPPORTED:
            return None, WORDS[lang]["unsupported"].format(suffix=suffix or "?"), lang, pack, parent
        with tempfile.TemporaryDirectory(prefix="plancheck-upload-") as folder:
            path = Path(folder) / f"upload{suffix}"  # only the checked extension comes from the user
            data = await upload.read(limits.file_size + 1)
            await run_in_threadpool(path.write_bytes, data)
            job = Upload(str(path), name, pack, parent, lang, limits, page, response_size, trust_roots)
            seconds = limits.timeout + GRACE if limits.timeout > 0 else 0
            try:
                reply = await pool().run(seconds, respond, job)
            except (Overrun, Died, Closed) as exc:
                reply = await run_in_threadpool(_failed, job, exc)
        return reply, None, lang, pack, parent

    async def page(request: Request) -> Response:
        lang = _lang(request.query_params.get("lang", "vi"))
        return HTMLResponse(await run_in_threadpool(render.page, lang, None, None, None, rules))

    async def submit(request: Request) -> Response:
        reply, problem, lang, pack, parent = await check(request, page=True)
        if reply is None:
            html = await run_in_threadpool(render.page, lang, None, problem, None, pack, parent)
            return HTMLResponse(html, status_code=400)
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type)

    async def api_check(request: Request) -> Response:
        reply, problem, _lang, _pack, _parent = await check(request, page=False)
        if reply is None:
            return JSONResponse({"error": problem}, status_code=400)
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type)

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


def run_server(app: Starlette, host: str, port: int) -> None:
    """Serve ``app`` with uvicorn, as ``plancheck serve`` does."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_WAIT)


def _failed(job: Upload, exc: Exception) -> Reply:
    """The reply when the worker did not answer: it overran the time limit (and was killed), it died, or the
    server is stopping."""
    words = WORDS[job.lang]
    if isinstance(exc, Overrun):
        reason = f"{shown(job.name)}: " + words["time_limit"].format(seconds=job.limits.timeout)
        document = unreadable(job.name, reason, "time-limit")
    elif isinstance(exc, Closed):
        document = unreadable(job.name, f"{shown(job.name)}: " + words["stopping"], "crashed")
    else:
        document = unreadable(job.name, words["busy"], "crashed")
    if job.page:
        return Reply(200, "text/html; charset=utf-8", render.page_body(document, job.lang, limit=job.size))
    status = 503 if isinstance(exc, Closed) else 422
    return Reply(status, "application/json", render.json_body(document, job.lang, job.size))


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


def _lang(value: str) -> str:
    return "en" if value == "en" else "vi"


def _choice(choice: str, default: str | None) -> tuple[str | None, str | None]:
    """The form's choice as (pack, parent): ``pack:ttdn``, ``parent:93-HD/BTGTU``, or empty (the default)."""
    kind, _, value = choice.partition(":")
    if kind == "pack" and value in BUILTIN:
        return value, None
    if kind == "parent" and value in {symbol for symbol, _ in render.directives()}:
        return default, value
    return default, None


def _openapi() -> dict[str, Any]:
    schema = Report.model_json_schema(ref_template="#/components/schemas/{model}")
    components = schema.pop("$defs", {})
    components["Report"] = schema
    form = {"type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "The plan: .docx, .doc, .odt, .pdf, .html, .htm, .txt, or a scan read by "
                                "OCR (.png, .jpg, .jpeg, .tif, .tiff)."},
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


__all__ = ["DocumentReport", "create_app", "run_server"]
