"""One on-disk store shared by every worker (serve --shared-store): the same answers as copies in
memory, writes committed as a new on-disk version that every worker moves to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import TOKEN, Server, start

from kg.questions import load_questions


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("shared-store")


@pytest.fixture(scope="module")
def shared(store: Path) -> Iterator[Server]:
    fields = {"workers": 2, "shared": True, "store": str(store), "update_token": TOKEN}
    server = start([json.dumps(fields)], store.parent / f"{store.name}.log", launcher=True)
    yield server
    server.stop()


def versions(store: Path) -> list[str]:
    return sorted(p.name for p in store.iterdir() if p.name.startswith("dataset-"))


def csv(server: Server, query: str) -> list[str]:
    response = httpx.post(server.sparql, data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    return sorted(response.text.splitlines())


@pytest.mark.parametrize("question", load_questions()[:6], ids=lambda q: q.id)
def test_the_shared_store_answers_as_the_copies_do(
    shared: Server, readonly: Server, question
) -> None:
    assert csv(shared, question.query) == csv(readonly, question.query)


def test_the_store_is_one_directory_on_disk(shared: Server, store: Path) -> None:
    assert versions(store)[0] == "dataset-000001.oxigraph"
    assert (store / "dataset-000001.oxigraph").is_dir()


def test_a_write_becomes_a_new_shared_version(shared: Server, store: Path) -> None:
    update = "INSERT DATA { <urn:policykg-test:shared> a <urn:policykg-test:Thing> }"
    response = httpx.post(
        shared.sparql, data={"update": update}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code in (200, 204), response.text
    ask = "ASK { <urn:policykg-test:shared> a <urn:policykg-test:Thing> }"
    for _ in range(4):  # every worker sees it
        assert httpx.get(shared.sparql, params={"query": ask}).json()["boolean"] is True
    assert versions(store)[-1] == "dataset-000002.oxigraph"
