"""The JSON API under /api: stories, briefs, claims, articles, entities, events, search, live ingest and changes.

Reads are open to everyone. `POST /api/articles` is the one write: it is refused on a
--read-only server, needs the bearer token when the server has one, and is handed to the
app's single writer thread. Routes for briefs and claims exist only when the brief stage
(`newsfusion.brief`) is installed.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPBearer
from pydantic import BaseModel

from ..store.web_queries import StoryFilter, store_version, stories_changed_since
from . import views
from .app import ApiError, WebContext, context
from .intake import BodyError, read_body

class ErrorBody(BaseModel):
    """The shape of every error the server answers."""

    ok: bool = False
    error: str
    status: int


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in ((404, "no such story or article"), (422, "a parameter is invalid"), (500, "a server error"))
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "the body is not JSON"),
        (401, "the bearer token is missing or wrong"),
        (403, "the server is read-only"),
        (413, "the body is too large"),
        (422, "every record was rejected; `results` and `rejections` say why"),
    )
}
# Declares the bearer scheme in the OpenAPI document, so /docs can send the token; the check is WebContext.check_write.
bearer_scheme = HTTPBearer(auto_error=False, description="the token given to `newsfusion serve --token`")

Limit = Annotated[int, Query(ge=1, le=100, description="most items to return")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip, for paging")]

INGEST_BODY_DOC = {
    "requestBody": {
        "required": True,
        "description": (
            "One JSON record, a JSON list of records, or JSON lines. A record holds `text` or `html`, and may hold "
            "`id`, `url`, `source` (the outlet), `title`, `published`, `language`; other fields are kept as metadata."
        ),
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {"id": {"type": "string"}, "text": {"type": "string"}}},
                "example": {"id": "example-1", "source": "Example News", "title": "A headline", "text": "The article text."},
            },
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


def story_filter(
    since: Annotated[date | None, Query(description="stories that end on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="stories that start on or before this day (YYYY-MM-DD)")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="stories with an article from this outlet")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="stories whose articles name this entity (whole words)")] = None,
    q: Annotated[str | None, Query(max_length=500, description="stories with an article holding every word")] = None,
) -> StoryFilter:
    """The story-list filters, shared by /api/stories and the story list page."""
    return StoryFilter(
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        outlet=outlet or None,
        entity=entity or None,
        text=q if q and q.strip() else None,
    )


def _not_found(what: str) -> ApiError:
    return ApiError(404, what)


async def _read_limited_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length")
    too_big = f"the body is over the {limit / 1024 / 1024:g} MB limit; send fewer records per request, or use `newsfusion ingest` for bulk loads"
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "the Content-Length header is not a number")
        if int(declared) > limit:
            raise ApiError(413, too_big)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, too_big)
        chunks.append(chunk)
    return b"".join(chunks)


def build_router(web: WebContext) -> APIRouter:
    """The /api routes; brief and claims routes only when the brief stage is installed."""
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.get("/status", tags=["live"], summary="What the server holds and allows")
    def status(request: Request) -> dict[str, Any]:
        ctx = context(request)
        store = ctx.readers.get()
        return {
            "ok": True,
            "counts": {**store.counts(), "stories": store.live_story_count()},
            "version": store_version(store.db.connection),
            "read_only": ctx.read_only,
            "writes_need_token": ctx.token is not None,
            "briefs": ctx.briefs.available,
        }

    @router.get("/stories", tags=["stories"], summary="Stories, most recently updated first")
    def stories(
        request: Request, filters: Annotated[StoryFilter, Depends(story_filter)], limit: Limit = 20, offset: Offset = 0
    ) -> dict[str, Any]:
        """Paged, and narrowed by time range, outlet, entity or full-text words. With the brief stage, each
        story carries its brief's headline and `badges`: how many facts conflict and how many were updated."""
        ctx = context(request)
        return views.story_list(ctx.readers.get(), ctx.briefs, filters, limit, offset)

    @router.get("/stories/{story_id}", tags=["stories"], summary="One story: record, brief, articles, places, spelling variants")
    def story(request: Request, story_id: int) -> dict[str, Any]:
        ctx = context(request)
        view = views.story_detail(ctx.readers.get(), ctx.briefs, story_id)
        if view is None:
            raise _not_found(f"no story {story_id}; list them at /api/stories")
        return view

    @router.get("/stories/{story_id}/entities", tags=["stories"], summary="A story's entities under their canonical names")
    def story_entities(request: Request, story_id: int) -> dict[str, Any]:
        view = views.story_entities(context(request).readers.get(), story_id)
        if view is None:
            raise _not_found(f"no story {story_id}; list them at /api/stories")
        return view

    if web.briefs.available:

        @router.get("/stories/{story_id}/brief", tags=["stories"], summary="A story's brief: summary with citations, facts, timeline, framing")
        def story_brief(request: Request, story_id: int) -> dict[str, Any]:
            ctx = context(request)
            store = ctx.readers.get()
            record = store.story(story_id)
            if record is None:
                raise _not_found(f"no story {story_id}; list them at /api/stories")
            brief = ctx.briefs.brief(store, record["id"])
            if brief is None:
                raise _not_found(f"story {story_id} has no brief yet")
            return brief

        @router.get("/stories/{story_id}/claims", tags=["stories"], summary="The claims (facts) of a story's brief, with status and sources")
        def story_claims(request: Request, story_id: int) -> dict[str, Any]:
            ctx = context(request)
            view = views.story_claims(ctx.readers.get(), ctx.briefs, story_id)
            if view is None:
                raise _not_found(f"no story {story_id}; list them at /api/stories")
            return view

    @router.get("/articles", tags=["articles"], summary="Articles, newest arrival first")
    def articles(
        request: Request,
        outlet: Annotated[str | None, Query(max_length=200, description="only this outlet's articles")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.article_list(context(request).readers.get(), outlet, limit, offset)

    @router.post(
        "/articles",
        summary="Ingest articles (one JSON record, a list, or JSON lines)",
        openapi_extra=INGEST_BODY_DOC,
        responses=WRITE_ERRORS,
        dependencies=[Depends(bearer_scheme)],
        tags=["ingest"],
    )
    async def ingest(request: Request) -> Any:
        """Runs the whole pipeline on the records and answers what each became (`new`, `revision`,
        `unchanged` or `rejected`, with its story), plus every rejection with its reason. When every
        record is rejected the answer is a 422 error carrying the same lists."""
        ctx = context(request)
        ctx.check_write(request)
        body = await _read_limited_body(request, ctx.max_body_bytes)
        try:
            intake = read_body(body, ctx.settings.max_document_bytes)
        except BodyError as exc:
            raise ApiError(400, str(exc)) from None
        assert ctx.writer is not None
        outcome = await asyncio.wrap_future(ctx.writer.submit(intake.items))
        answer = outcome.as_dict()
        if outcome.accepted == 0:
            first = outcome.rejections[0]["message"] if outcome.rejections else "nothing could be stored"
            count = len(intake.items)
            raise ApiError(422, f"{'the record was' if count == 1 else f'all {count} records were'} rejected: {first}", extra=answer | {"ok": False})
        return answer

    @router.get("/articles/{source_id:path}", tags=["articles"], summary="One article with its extractions and removed boilerplate")
    def article(request: Request, source_id: str) -> dict[str, Any]:
        view = views.article_detail(context(request).readers.get(), source_id)
        if view is None:
            raise _not_found(f"no article {source_id!r}; search for it at /api/search?q=...")
        return view

    @router.get("/search", tags=["search"], summary="Full-text search: articles holding every word, and their stories")
    def search(
        request: Request,
        q: Annotated[str, Query(max_length=500, description="words to find; operators and quotes are searched as plain text")],
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.search(context(request).readers.get(), q, limit, offset)

    @router.get("/entities", tags=["search"], summary="Entity names across the store, most widespread first")
    def entities(
        request: Request,
        q: Annotated[str | None, Query(max_length=200, description="names holding this text")] = None,
        type: Annotated[str | None, Query(max_length=20, description="PERSON, ORG, PLACE, NORP, ...")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return views.entity_list(context(request).readers.get(), q, type, limit, offset)

    @router.get("/events", tags=["search"], summary="Coded events (PLOVER): who did what to whom, newest article first")
    def events(
        request: Request,
        type: Annotated[str | None, Query(max_length=20, description="one PLOVER type: AGREE, DEMAND, ASSAULT, ...")] = None,
        story: Annotated[int | None, Query(description="only the events of this story's articles")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Each event as the extract stage coded it (sentence and its span, type, mode, source and
        target actors with codes, location, date, dead, injured), with its article's source_id and story."""
        return views.event_list(context(request).readers.get(), type, story, limit, offset)

    @router.get("/rejects", tags=["ingest"], summary="Inputs that could not be used, and why")
    def rejects(request: Request, limit: Limit = 100) -> dict[str, Any]:
        return {"rejects": context(request).readers.get().rejections(limit=limit)}

    @router.get("/changes", tags=["live"], summary="Whether anything arrived since a version: the cheap call pages poll")
    def changes(
        request: Request,
        since: Annotated[int, Query(ge=0, description="the `version` a previous answer or page gave")] = 0,
        story: Annotated[int | None, Query(description="only say `changed` when this story changed")] = None,
    ) -> dict[str, Any]:
        store = context(request).readers.get()
        version = store_version(store.db.connection)
        changed_stories = stories_changed_since(store.db.connection, since) if version > since else []
        changed = version > since if story is None else story in changed_stories
        return {"version": version, "changed": changed, "stories": changed_stories}

    return router
