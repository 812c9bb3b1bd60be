"""The web page's files are answered from memory: the bytes of the file, revalidated by ETag, and
nothing outside api/static whatever the path says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import Server, start

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start(["--workers", "1"], tmp_path_factory.mktemp("assets") / "server.log")
    yield running
    running.stop()


def test_a_file_is_its_bytes_and_revalidates(server: Server) -> None:
    first = httpx.get(server.url + "static/style.css")
    assert first.status_code == 200 and first.content == (STATIC / "style.css").read_bytes()
    assert first.headers["content-type"].startswith("text/css")
    again = httpx.get(
        server.url + "static/style.css", headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""
    head = httpx.head(server.url + "static/style.css")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(first.content))


def test_the_pages_are_the_files(server: Server) -> None:
    for path, name in (("", "index.html"), ("explore", "explore.html"), ("docs", "docs.html")):
        page = httpx.get(server.url + path)
        assert page.status_code == 200 and page.content == (STATIC / name).read_bytes()
        assert page.headers["content-type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    "path", ["static/../app.py", "static/%2e%2e/app.py", "static/nothing.css", "static/"]
)
def test_nothing_but_the_files_is_served(server: Server, path: str) -> None:
    assert httpx.get(server.url + path).status_code == 404


def test_only_reading_is_allowed(server: Server) -> None:
    assert httpx.post(server.url + "static/style.css", content=b"x").status_code == 405
