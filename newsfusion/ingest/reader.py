"""Reading the inputs of `newsfusion ingest` in order: files, folders, stdin and URLs.

Every input yields RawDocuments, or Rejections for what cannot be read; one bad input never
stops the others. Folders are walked recursively in name order, so a run is repeatable.
"""

from __future__ import annotations

import functools
import gzip
import json
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from ..errors import InputError
from ..settings import Settings
from ..types import RawDocument, Rejection
from .decode import decode_bytes
from .feeds import feed_records, looks_like_feed
from .fetch import Fetcher
from .records import document_from_html, document_from_record, document_from_text, parse_json_line

STAGE = "ingest"

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSONL_GZ_SUFFIXES = {".jsonl.gz", ".ndjson.gz", ".json.gz"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | JSONL_GZ_SUFFIXES | FEED_SUFFIXES

Item = RawDocument | Rejection


def suffix_of(path: Path) -> str:
    """The format suffix of a path, double for compressed JSON lines ('.jsonl.gz')."""
    name = path.name.lower()
    for double in JSONL_GZ_SUFFIXES:
        if name.endswith(double):
            return double
    return path.suffix.lower()


def stem_of(path: Path) -> str:
    """The file name without its format suffix: the default source_id."""
    suffix = suffix_of(path)
    return path.name[: len(path.name) - len(suffix)] if suffix else path.name


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def source_id_for_url(url: str) -> str:
    """A readable, stable source_id for a page fetched by URL: host and path, no scheme or query."""
    without_scheme = url.split("://", 1)[-1]
    return without_scheme.split("#", 1)[0].split("?", 1)[0].rstrip("/") or url


@dataclass
class ReadStats:
    """What the reader passed over without rejecting: files of other types found in folders."""

    skipped_files: list[str] = field(default_factory=list)


class InputReader:
    """Turns the PATH arguments of `newsfusion ingest` into an ordered stream of documents."""

    def __init__(
        self,
        settings: Settings,
        fetcher: Fetcher | None = None,
        stdin: BinaryIO | None = None,
        skip_feed_entry: Callable[[str, int, dict[str, Any]], bool] | None = None,
    ):
        """`skip_feed_entry(origin, number, entry)` may leave out feed entries before they are fetched (see `feed_records`)."""
        self.settings = settings
        self._fetcher = fetcher
        self._stdin = stdin
        self._skip_feed_entry = skip_feed_entry
        self.stats = ReadStats()

    # -- the stream ------------------------------------------------------------------------

    def read(self, inputs: Iterable[str]) -> Iterator[Item]:
        """Yield every document of every input, in order."""
        for given in inputs:
            if given == "-":
                stream = self._stdin if self._stdin is not None else sys.stdin.buffer
                yield from self._read_json_lines(stream, origin="-", stem="stdin")
            elif is_url(given):
                yield from self._read_url(given)
            else:
                path = Path(given)
                if path.is_dir():
                    yield from self._read_folder(path)
                elif path.exists():
                    yield from self._read_file(path, explicit=True)
                else:
                    yield Rejection(STAGE, "not_found", f"{given} does not exist; check the path", origin=given)

    def _read_folder(self, folder: Path) -> Iterator[Item]:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                continue
            if suffix_of(path) in SUPPORTED_SUFFIXES:
                yield from self._read_file(path, explicit=False)
            else:
                self.stats.skipped_files.append(str(path))

    def _read_file(self, path: Path, explicit: bool) -> Iterator[Item]:
        origin = str(path)
        suffix = suffix_of(path)
        if suffix not in SUPPORTED_SUFFIXES:
            known = ", ".join(sorted(SUPPORTED_SUFFIXES))
            yield Rejection(STAGE, "unsupported", f"{origin}: unknown file type {suffix or '(none)'}; use one of {known}", origin=origin)
            return
        try:
            if suffix in JSONL_SUFFIXES:
                with path.open("rb") as handle:
                    yield from self._read_json_lines(handle, origin, stem_of(path))
                return
            if suffix in JSONL_GZ_SUFFIXES:
                with gzip.open(path, "rb") as handle:
                    yield from self._read_json_lines(handle, origin, stem_of(path))
                return
            size = path.stat().st_size
            if size > self.settings.max_document_bytes:
                raise InputError(
                    "too_large",
                    f"is {size / 1e6:.1f} MB, over max_document_mb ({self.settings.max_document_mb:g} MB); "
                    "raise --max-document-mb if it is a real article",
                )
            data = path.read_bytes()
            if not data.strip():
                raise InputError("empty", "is empty; remove it or fill it")
            if suffix in JSON_SUFFIXES:
                yield from self._read_json_document(data, origin, stem_of(path))
            elif suffix in FEED_SUFFIXES:
                yield from self._read_feed(data, origin)
            else:
                text, encoding = decode_bytes(data)
                if suffix in HTML_SUFFIXES:
                    yield document_from_html(data, text, encoding, stem_of(path), origin)
                else:
                    yield document_from_text(data, text, encoding, stem_of(path), origin)
        except InputError as exc:
            yield Rejection(STAGE, exc.code, f"{origin}: {exc}", source_id=None, origin=origin)
        except (OSError, EOFError, zlib.error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
            yield Rejection(STAGE, "unreadable", f"{origin}: cannot be read ({reason}); check the file and its permissions", origin=origin)

    # -- formats ---------------------------------------------------------------------------

    def _read_json_lines(self, handle: BinaryIO, origin: str, stem: str) -> Iterator[Item]:
        limit = self.settings.max_document_bytes
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                if len(line) > limit:
                    raise InputError(
                        "too_large",
                        f"is {len(line) / 1e6:.1f} MB, over max_document_mb ({self.settings.max_document_mb:g} MB); "
                        "raise --max-document-mb if it is a real article",
                    )
                record = parse_json_line(line)
                yield document_from_record(record, origin, number, f"{stem}-{number}", raw=line.rstrip(b"\r\n"))
            except InputError as exc:
                yield Rejection(STAGE, exc.code, f"{origin} line {number}: {exc}", origin=origin, line=number)

    def _read_json_document(self, data: bytes, origin: str, stem: str) -> Iterator[Item]:
        text, _ = decode_bytes(data)
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                "bad_json", f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); fix the file"
            ) from None
        if isinstance(parsed, list):
            for number, record in enumerate(parsed, start=1):
                try:
                    yield document_from_record(record, origin, number, f"{stem}-{number}", max_bytes=self.settings.max_document_bytes)
                except InputError as exc:
                    yield Rejection(STAGE, exc.code, f"{origin} record {number}: {exc}", origin=origin, line=number)
        else:
            yield document_from_record(parsed, origin, None, stem, max_bytes=self.settings.max_document_bytes)

    def _read_feed(self, data: bytes, origin: str) -> Iterator[Item]:
        fetch = None if self.settings.offline or self._fetcher is None else self._fetch_html
        skip = None if self._skip_feed_entry is None else functools.partial(self._skip_feed_entry, origin)
        for number, outcome in feed_records(data, origin, fetch, skip):
            if isinstance(outcome, InputError):
                yield Rejection(STAGE, outcome.code, f"{origin} entry {number}: {outcome}", origin=origin, line=number)
                continue
            try:
                yield document_from_record(outcome, origin, number, f"{origin}#{number}", max_bytes=self.settings.max_document_bytes)
            except InputError as exc:
                yield Rejection(STAGE, exc.code, f"{origin} entry {number}: {exc}", origin=origin, line=number)

    def _fetch_html(self, url: str) -> str:
        assert self._fetcher is not None
        page = self._fetcher.fetch(url)
        text, _ = decode_bytes(page.body, declared=page.charset)
        return text

    def _read_url(self, url: str) -> Iterator[Item]:
        try:
            if self._fetcher is None or self.settings.offline:
                raise InputError("offline", f"{url} needs fetching but --offline is set; drop --offline to fetch it")
            page = self._fetcher.fetch(url)
            if not page.body.strip():
                raise InputError("empty", "answered with an empty body")
            text, encoding = decode_bytes(page.body, declared=page.charset)
            if looks_like_feed(text):
                yield from self._read_feed(page.body, url)
            else:
                yield document_from_html(page.body, text, encoding, source_id_for_url(page.url), url, url=page.url)
        except InputError as exc:
            message = str(exc) if str(exc).startswith(url) else f"{url}: {exc}"
            yield Rejection(STAGE, exc.code, message, origin=url)
