"""Live servers shared by the api tests (each started once per session, stopped at the end)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from live import TOKEN, Server, start


@pytest.fixture(scope="session")
def readonly(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`policykg serve` on the built graph, read-only, with a time limit no answer the tests
    expect comes near, however busy the machine (an example question takes half a second)."""
    log = tmp_path_factory.mktemp("readonly") / "server.log"
    server = start(["--time-limit", "120", "--workers", "2"], log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hasty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Read-only with a time limit of 2 s: for queries that would never end."""
    log = tmp_path_factory.mktemp("hasty") / "server.log"
    server = start(["--time-limit", "2", "--workers", "2"], log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def writable(tmp_path_factory: pytest.TempPathFactory, readonly: Server) -> Iterator[Server]:
    """Updates on with a token, writes checked by our shapes; SERVICE may call `readonly`."""
    log = tmp_path_factory.mktemp("writable") / "server.log"
    fields = {
        "update_token": TOKEN,
        "service_allow_list": [readonly.sparql],
        "workers": 2,
    }
    server = start([json.dumps(fields)], log, launcher=True)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One worker, no queue, small results: for the limits' errors."""
    log = tmp_path_factory.mktemp("tight") / "server.log"
    fields = {"workers": 1, "max_queued": 0, "max_result_bytes": 4000, "time_limit": 3}
    server = start([json.dumps(fields)], log, launcher=True)
    yield server
    server.stop()
