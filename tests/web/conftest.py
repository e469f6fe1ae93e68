"""Fixtures for the web tests: one store of the ingested seeds per session, copies to write to, clients."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.conftest import SEEDS, run_cli

# fastapi.testclient warns that starlette will want httpx2 one day; the tests use what is installed.
warnings.filterwarnings("ignore", message=".*httpx2.*")

from fastapi.testclient import TestClient  # noqa: E402

from newsfusion.web import create_app  # noqa: E402

KARABAKH_2023 = {"000_50e2646faf1d8608", "001_0a3c867d137370e9", "002_ba3696da157a7910", "004_ea40ac9fa0fa6313"}
BLINKEN_MISSPELT = "000_50e2646faf1d8608"
# A later report on the 2023 offensive: the clusterer puts it in the four-article story.
KARABAKH_FOLLOW_UP = {
    "id": "web-karabakh-1",
    "source": "Example Wire",
    "title": "Azerbaijan and Armenia trade blame as Karabakh ceasefire talks open",
    "published": "2023-09-21",
    "text": (
        "Representatives of the ethnic Armenian authorities of Nagorno-Karabakh met Azerbaijani officials in the town of "
        "Yevlakh on Thursday, a day after a Russian-brokered ceasefire ended Azerbaijan's military operation in the region.\n\n"
        "Antony Blinken called Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan again, "
        "the State Department said, urging both sides to protect civilians in Nagorno-Karabakh."
    ),
}


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The five seed articles ingested with the real pipeline (extraction included), once per session.

    Tests that write must use `writable_db`, a copy of it.
    """
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}; they ship with the shared data, not the project")
    path = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
    result = run_cli("ingest", str(SEEDS), "--db", str(path), "--quiet")
    # expected.json beside the seeds is not an article, and is rejected: exit code 1.
    assert result.code in (0, 1), result.err
    assert "ingested 5" in result.out, result.out
    return str(path)


@pytest.fixture
def writable_db(seeded_db: str, tmp_path: Path) -> str:
    """A private copy of the seeded store, for tests that ingest or otherwise change it."""
    target = tmp_path / "copy.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(seeded_db + suffix)
        if source.exists():
            shutil.copy(source, str(target) + suffix)
    return str(target)


@pytest.fixture(scope="session")
def client(seeded_db: str) -> Iterator[TestClient]:
    """A client of the app over the seeded store, for tests that only read."""
    with TestClient(create_app(seeded_db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def make_client(writable_db: str) -> Iterator[Callable[..., TestClient]]:
    """Builds clients over the writable copy with the given create_app options; closes them at the end."""
    opened: list[TestClient] = []

    def make(**options: object) -> TestClient:
        test_client = TestClient(create_app(writable_db, **options), raise_server_exceptions=False)  # type: ignore[arg-type]
        test_client.__enter__()
        opened.append(test_client)
        return test_client

    yield make
    for test_client in opened:
        test_client.__exit__(None, None, None)


@pytest.fixture(scope="session")
def karabakh_story(client: TestClient) -> dict:
    """The story record of the 2023 Karabakh offensive (the four-article story)."""
    stories = client.get("/api/stories").json()["stories"]
    matches = [story for story in stories if set(story["articles"]) == KARABAKH_2023]
    assert len(matches) == 1, [story["articles"] for story in stories]
    return matches[0]


def assert_error_shape(response, status: int) -> dict:
    """The response is the common error shape with this status; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]
    return body
