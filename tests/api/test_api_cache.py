"""Answers are kept while the dataset is unchanged: an ETag per answer, 304 for a client that has
it, a new answer (and tag) after any write, and another tag for another format."""

from __future__ import annotations

import httpx
from live import TOKEN, Server

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <urn:policykg-test:Cached> }"
JSON = {"Accept": "application/sparql-results+json"}


def get(server: Server, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.get(server.sparql, params={"query": QUERY}, headers={**JSON, **(headers or {})})


def test_the_same_answer_has_the_same_tag_and_revalidates(readonly: Server) -> None:
    first, second = get(readonly), get(readonly)
    assert first.headers["etag"] == second.headers["etag"] and first.content == second.content
    assert first.headers["cache-control"] == "no-cache"
    again = get(readonly, {"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    other = httpx.get(readonly.sparql, params={"query": QUERY}, headers={"Accept": "text/csv"})
    assert other.headers["etag"] != first.headers["etag"]


def test_a_write_makes_a_new_answer(writable: Server) -> None:
    before = get(writable)
    update = "INSERT DATA { <urn:policykg-test:x> a <urn:policykg-test:Cached> }"
    response = httpx.post(
        writable.sparql, data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code in (200, 204), response.text
    after = get(writable, {"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    count = int(after.json()["results"]["bindings"][0]["n"]["value"])
    assert count == int(before.json()["results"]["bindings"][0]["n"]["value"]) + 1
    cleanup = "DELETE DATA { <urn:policykg-test:x> a <urn:policykg-test:Cached> }"
    httpx.post(
        writable.sparql, data={"update": cleanup}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
