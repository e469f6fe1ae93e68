"""The FastAPI application: configuration, the one error shape, static files and the API docs.

`create_app(db_path, token=None, read_only=False)` builds the app over one SQLite file. The
routes live in `api.py` (JSON under /api) and `pages.py` (HTML, each with a JSON twin).
Every error, whatever raised it, answers `{"ok": false, "error": "...", "status": N}`; a
browser asking for an HTML page gets the same message as a page.
"""

from __future__ import annotations

import hmac
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError
from ..settings import Settings, load_settings
from ..store import Store
from .readers import BriefCache, StoreReaders, find_brief_function
from .writer import IngestWriter

log = logging.getLogger("newsfusion.web")

# Largest request body accepted by POST /api/articles, whatever max_document_mb allows per
# record: a JSON-lines batch bigger than this should go through `newsfusion ingest`.
DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024


class ApiError(Exception):
    """An error answered with the common shape; `extra` adds keys (e.g. the rejections)."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None, extra: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


@dataclass
class WebContext:
    """What every request handler needs: the store's readers and writer, briefs, and the server's options."""

    db_path: str
    settings: Settings
    readers: StoreReaders
    writer: IngestWriter | None  # None when the server is read-only
    briefs: BriefCache
    token: str | None
    max_body_bytes: int

    @property
    def read_only(self) -> bool:
        return self.writer is None

    def check_write(self, request: Request) -> None:
        """Refuse a write unless the server takes writes and, with --token, the request carries the token."""
        if self.writer is None:
            raise ApiError(403, "this server was started with --read-only and refuses writes; restart `newsfusion serve` without it to ingest")
        if self.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        challenge = {"WWW-Authenticate": 'Bearer realm="newsfusion"'}
        if scheme.lower() != "bearer" or not given.strip():
            raise ApiError(401, "writes need the header `Authorization: Bearer TOKEN`, with the token given to `newsfusion serve --token`", challenge)
        if not hmac.compare_digest(given.strip().encode("utf-8"), self.token.encode("utf-8")):
            raise ApiError(401, "the bearer token is wrong; use the one given to `newsfusion serve --token`", challenge)


def context(request: Request) -> WebContext:
    return request.app.state.web


def static_folder() -> Path:
    return Path(str(resources.files("newsfusion.web") / "static"))


# -- errors -----------------------------------------------------------------------------------


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/api", "/openapi.json") or request.query_params.get("format") == "json":
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None, extra: Mapping[str, Any] | None = None) -> Response:
    """The common error shape as JSON, or as an HTML page for a browser asking for a page."""
    if _wants_html(request) and not extra:
        from .pages import render_error

        return HTMLResponse(render_error(request, status, message), status_code=status, headers=dict(headers or {}))
    body = {"ok": False, "error": message, "status": status, **(extra or {})}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _http_message(request: Request, exc: StarletteHTTPException) -> str:
    if exc.status_code == 404 and exc.detail in (None, "Not Found"):
        return f"nothing at {request.url.path}; the API is listed at /docs"
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow") or (exc.headers or {}).get("allow")
        return f"{request.method} is not allowed on {request.url.path}" + (f"; use {allowed}" if allowed else "")
    return str(exc.detail)


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors()[:5]:
        where = [str(part) for part in error.get("loc", ())]
        place = f"{where[0]} parameter {'.'.join(where[1:])!r}" if len(where) > 1 else ".".join(where) or "request"
        problems.append(f"{place}: {error.get('msg', 'is invalid')}")
    return "invalid request: " + "; ".join(problems)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message, exc.headers, exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, _http_message(request, exc), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.warning("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")


# -- the app ----------------------------------------------------------------------------------


def _check_database(db_path: str, read_only: bool) -> None:
    """Fail at start, in one line, when the file is missing or cannot be opened; bring its schema up to date."""
    if not Path(db_path).is_file():
        raise StoreError(f"{db_path} does not exist; run `newsfusion ingest PATH --db {db_path}` first, then serve it")
    Store(db_path, read_only=read_only).close()


def create_app(
    db_path: str,
    token: str | None = None,
    read_only: bool = False,
    settings: Settings | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> FastAPI:
    """The web UI and HTTP API over the store in `db_path`.

    With `token`, writes need `Authorization: Bearer TOKEN` (reads stay open); with
    `read_only`, writes are refused and the file is opened read-only. `settings` are the
    pipeline's (defaults, config file and environment when not given).
    """
    _check_database(db_path, read_only)
    if settings is None:
        settings, _ = load_settings({"db": db_path})
    readers = StoreReaders(db_path)
    writer = None if read_only else IngestWriter(db_path, settings)
    web = WebContext(db_path, settings, readers, writer, BriefCache(find_brief_function()), token or None, max_body_bytes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if web.writer is not None:
            web.writer.close()
        web.readers.close()

    app = FastAPI(
        title="newsfusion",
        version=__version__,
        description=(
            "Stories, briefs, articles and their extractions from a newsfusion store. "
            'Every error answers `{"ok": false, "error": "...", "status": N}`. '
            "Writes (POST /api/articles) need `Authorization: Bearer TOKEN` when the server was started with --token."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = web
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=static_folder()), name="static")
    _mount_docs(app)

    from . import api, pages

    app.include_router(api.build_router(web))
    app.include_router(pages.router)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files the swagger-ui-bundle package ships: nothing from the internet."""
    import swagger_ui_bundle

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsfusion API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


__all__ = ["ApiError", "WebContext", "create_app"]
