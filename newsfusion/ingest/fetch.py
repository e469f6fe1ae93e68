"""Fetching http(s) inputs: one client, timeouts, bounded retries, a size cap."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from ..errors import FetchError
from ..settings import Settings

# Statuses worth another try: the server or a proxy was briefly unable to answer.
_RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchedPage:
    """The body of one http(s) response, with what the server said about it."""

    url: str
    body: bytes
    content_type: str
    charset: str | None


class Fetcher:
    """Fetches URLs with the run's timeout, retry and size settings. Use as a context manager."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self._settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout_s),
            follow_redirects=True,
            headers={"User-Agent": settings.user_agent},
            transport=transport,
        )

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> FetchedPage:
        """GET url; raise FetchError with a one-line reason after the retries are spent."""
        if self._settings.offline:
            raise FetchError("offline", f"{url} needs fetching but --offline is set; drop --offline to fetch it")
        attempts = self._settings.fetch_retries + 1
        last_problem = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(min(0.5 * 2 ** (attempt - 1), 4.0))
            try:
                return self._get(url)
            except httpx.TimeoutException:
                last_problem = f"timed out after {self._settings.fetch_timeout_s:g} s"
            except httpx.HTTPStatusError as exc:
                status = exc.response.status_code
                last_problem = f"HTTP {status}"
                if status not in _RETRY_STATUSES:
                    break
            except httpx.InvalidURL as exc:
                raise FetchError("bad_url", f"{url} is not a valid URL ({exc})") from None
            except httpx.HTTPError as exc:
                last_problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        tries = f"{attempts} attempt{'s' if attempts > 1 else ''}"
        raise FetchError(
            "fetch_failed",
            f"could not fetch {url}: {last_problem} ({tries}); check the address or raise --fetch-timeout-s",
        )

    def _get(self, url: str) -> FetchedPage:
        limit = self._settings.max_document_bytes
        with self._client.stream("GET", url) as response:
            response.raise_for_status()
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        "too_large",
                        f"{url} is over max_document_mb ({limit / 1e6:.1f} MB); raise it with --max-document-mb",
                    )
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            return FetchedPage(
                url=str(response.url),
                body=b"".join(chunks),
                content_type=content_type.split(";")[0].strip().lower(),
                charset=response.charset_encoding,
            )
