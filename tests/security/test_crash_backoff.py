"""A client whose queries crash workers is refused (429, Retry-After) while the others are served
(api.backoff): real worker processes, really killed by a job of tests/security/crashing.py."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
from crashing import Crash
from fastapi import FastAPI
from pools import LONG, query, small_pool

from api import responses
from api.backoff import CLIENTS, CrashBackoff, CrashedTooOften, CrashPolicy
from api.config import Settings
from api.errors import JobError

POLICY = CrashPolicy(limit=2, window=300.0, refusal=60.0, longest=240.0)


def test_crashes_get_their_client_refused_and_no_one_else(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with small_pool(tmp_path, Settings(workers=2)) as executor:
            assert await executor.run(Crash(crash=False), LONG, "A") == "not crashed"
            for _ in range(2):
                with pytest.raises(JobError) as crashed:
                    await executor.run(Crash(), LONG, "A")
                assert crashed.value.status == 500
                assert "stopped unexpectedly" in crashed.value.message
            with pytest.raises(CrashedTooOften) as refused:
                await executor.run(query("ASK {}"), LONG, "A")
            assert refused.value.status == 429
            assert 0 < int(refused.value.headers["Retry-After"]) <= 60
            assert "queries from A have crashed the query worker 2 times" in refused.value.message
            answer = await executor.run(query("ASK {}"), LONG, "B")
            assert json.loads(answer.body)["boolean"] is True

    asyncio.run(scenario())


def test_a_job_already_waiting_is_refused_once_its_client_is(tmp_path: Path) -> None:
    """A's jobs run one at a time (its share of two workers): its third, waiting while the first
    two crash, is refused when its turn comes, not run."""

    async def scenario() -> None:
        async with small_pool(tmp_path, Settings(workers=2)) as executor:
            jobs = [asyncio.create_task(executor.run(Crash(), LONG, "A")) for _ in range(3)]
            outcomes = await asyncio.gather(*jobs, return_exceptions=True)
            assert [e.status for e in outcomes if isinstance(e, JobError)] == [500, 500, 429]

    asyncio.run(scenario())


def test_each_further_crash_doubles_the_refusal_up_to_the_longest() -> None:
    backoff = CrashBackoff(POLICY)
    assert backoff.crashed("A", 0.0) == 0.0
    backoff.check("A", 1.0)
    assert backoff.crashed("A", 10.0) == 60.0
    with pytest.raises(CrashedTooOften) as refused:
        backoff.check("A", 10.5)
    assert refused.value.headers == {"Retry-After": "60"}
    backoff.check("A", 70.0)  # the refusal is over
    assert [backoff.crashed("A", t) for t in (80.0, 200.0, 500.0, 800.0)] == [120, 240, 240, 240]
    backoff.check("B", 800.0)


def test_a_client_is_forgiven_after_a_quiet_window() -> None:
    backoff = CrashBackoff(POLICY)
    backoff.crashed("A", 0.0)
    assert backoff.crashed("A", 1.0) == 60.0
    assert backoff.crashed("A", 61.0 + POLICY.window + 1) == 0.0  # a first crash again
    assert backoff.crashed("A", 61.0 + POLICY.window + 2) == 60.0


def test_the_clients_remembered_are_bounded() -> None:
    backoff = CrashBackoff(POLICY)
    for n in range(CLIENTS + 100):
        backoff.crashed(f"client {n}", 0.0)
    assert len(backoff.records) == CLIENTS
    assert "client 0" not in backoff.records and f"client {CLIENTS + 99}" in backoff.records


def test_a_refusal_is_answered_429_with_its_retry_after() -> None:
    app = FastAPI()
    responses.install(app)

    @app.get("/refused")
    async def refused() -> None:
        raise CrashedTooOften("A", 3, 119.2)

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/refused")

    answer = asyncio.run(get())
    assert answer.status_code == 429
    assert answer.headers["retry-after"] == "120"
    assert "crashed the query worker 3 times" in answer.text
