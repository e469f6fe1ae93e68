"""The HTML pages: story list, story, article and search. Each answers `?format=json` with its JSON twin.

Pages are rendered on the server with Jinja2 templates (autoescaped) from the same view
dicts the API returns; the only script (static/live.js) polls /api/changes to refresh the
story list and an open story as articles arrive, and brings a cited sentence into view.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ..store.web_queries import StoryFilter, store_version
from . import views
from .api import Limit, Offset, story_filter
from .app import ApiError, context
from .markup import annotated_text, article_spans, places_map, snippet_html

router = APIRouter(include_in_schema=False)
Format = Annotated[Literal["html", "json"], Query(description="json for the page's JSON twin")]

STATUS_LABELS = {
    "agreed": "agreed",
    "single_source": "single source",
    "updated": "updated",
    "conflict": "conflict",
}


def article_url(source_id: str, highlight: dict[str, Any] | None = None) -> str:
    """The article page's address, with the cited span highlighted when one is given."""
    url = "/articles/" + quote(source_id, safe="")
    if highlight is not None and highlight.get("start") is not None and highlight.get("end") is not None:
        url += f"?hl={int(highlight['start'])}-{int(highlight['end'])}#hl"
    return url


def _plain(value: Any) -> str:
    """Any JSON value as short readable text, for fields whose shape the page does not know in detail."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items() if item not in (None, "", [], {}))
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


_templates = Environment(loader=PackageLoader("newsfusion.web", "templates"), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_templates.globals.update(article_url=article_url, status_labels=STATUS_LABELS)
_templates.filters.update(plain=_plain, urlquote=lambda text: quote(str(text), safe=""))


def _json_twin(request: Request) -> str:
    params = dict(request.query_params)
    params["format"] = "json"
    return request.url.path + "?" + urlencode(params)


def _page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    values.setdefault("json_url", _json_twin(request))
    values.setdefault("query", "")
    html = _templates.get_template(template).render(request=request, **values)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str) -> str:
    """The error page: the same message and status as the JSON error shape."""
    return _templates.get_template("error.html").render(
        request=request, status=status, message=message, title=f"Error {status}", json_url=None, query=""
    )


def _paging(request: Request, offset: int, limit: int, shown: int, total: int | None, more: bool | None = None) -> dict[str, str | None]:
    """Links to the previous and next pages of a listing, keeping its other parameters."""
    params = {key: value for key, value in request.query_params.items() if key not in ("offset", "format")}

    def link(new_offset: int) -> str:
        return request.url.path + "?" + urlencode({**params, "offset": new_offset, "limit": limit})

    has_next = more if more is not None else (total is not None and offset + shown < total)
    return {"previous": link(max(offset - limit, 0)) if offset > 0 else None, "next": link(offset + limit) if has_next else None}


@router.get("/")
def story_list_page(
    request: Request,
    filters: Annotated[StoryFilter, Depends(story_filter)],
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    ctx = context(request)
    store = ctx.readers.get()
    view = views.story_list(store, ctx.briefs, filters, limit, offset)
    if format == "json":
        return JSONResponse(view)
    return _page(
        request,
        "stories.html",
        title="Stories",
        view=view,
        filters=filters,
        query=filters.text or "",
        paging=_paging(request, offset, limit, len(view["stories"]), view["total"]),
        version=store_version(store.db.connection),
        briefs=ctx.briefs.available,
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: int, format: Format = "html") -> Response:
    ctx = context(request)
    store = ctx.readers.get()
    view = views.story_detail(store, ctx.briefs, story_id)
    if view is None:
        raise ApiError(404, f"no story {story_id}; the list is at /")
    if view["story"]["id"] != story_id:
        # The story was merged into another: its page is the other's.
        suffix = "?format=json" if format == "json" else ""
        return RedirectResponse(f"/stories/{view['story']['id']}{suffix}", status_code=308)
    if format == "json":
        return JSONResponse(view)
    brief = view.get("brief")
    numbers = {}
    if brief:
        numbers = {source["source_id"]: index for index, source in enumerate(brief.get("sources", []), start=1)}
    for article in view["articles"]:
        numbers.setdefault(article["source_id"], len(numbers) + 1)
    outlets = {article["source_id"]: article["outlet"] or article["source_id"] for article in view["articles"]}
    return _page(
        request,
        "story.html",
        title=(brief or {}).get("headline") or view["story"]["title"] or f"Story {story_id}",
        view=view,
        brief=brief,
        briefs=ctx.briefs.available,
        numbers=numbers,
        outlets=outlets,
        map_svg=places_map(view["places"]),
        version=store_version(store.db.connection),
    )


def _highlight(value: str | None, text_length: int) -> tuple[int, int] | None:
    if not value:
        return None
    start_text, _, end_text = value.partition("-")
    start, end = max(0, int(start_text)), min(text_length, int(end_text))
    return (start, end) if start < end else None


@router.get("/articles/{source_id:path}")
def article_page(
    request: Request,
    source_id: str,
    hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$", description="START-END: character span to highlight")] = None,
    format: Format = "html",
) -> Response:
    ctx = context(request)
    view = views.article_detail(ctx.readers.get(), source_id)
    if view is None:
        raise ApiError(404, f"no article {source_id!r}; search for it at /search")
    if format == "json":
        return JSONResponse(view)
    highlight = _highlight(hl, len(view["text"]))
    variants = sorted({(entity["text"], entity["variant_of"]) for entity in view.get("entities", []) if entity.get("variant_of")})
    return _page(
        request,
        "article.html",
        title=view["title"] or source_id,
        article=view,
        body=annotated_text(view["text"], article_spans(view, highlight)),
        highlight=highlight,
        variants=variants,
        metadata_json=json.dumps(view.get("metadata") or {}, ensure_ascii=False, indent=1) if view.get("metadata") else None,
    )


@router.get("/search")
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    view = views.search(context(request).readers.get(), q, limit, offset)
    if format == "json":
        return JSONResponse(view)
    for hit in view["articles"]:
        hit["snippet_html"] = snippet_html(hit["snippet"])
    return _page(
        request,
        "search.html",
        title=f"Search: {q}" if q else "Search",
        view=view,
        query=q,
        paging=_paging(request, offset, limit, len(view["articles"]), None, more=view["more"]),
    )
