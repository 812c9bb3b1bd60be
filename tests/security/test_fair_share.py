"""One client's runaway queries leave the other clients their share of the workers (api.fairness):
a real executor, real worker processes, one event loop."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pools import LONG, RUNAWAY, cancel, query, small_pool, until
from starlette.requests import Request

from api.clients import client_of
from api.config import Settings
from api.executor import Executor
from api.fairness import OverShare

QUICK = "ASK { ?s ?p ?o . ?s ?q ?r }"


def held(executor: Executor, client: str) -> tuple[int, int]:
    """The workers a client holds and its jobs waiting, as the executor counts them."""
    return executor.queue.running[client], len(executor.queue.waiting.get(client, ()))


async def quick_answer(executor: Executor, client: str) -> bool:
    answer = await executor.run(query(QUICK), LONG, client)
    return json.loads(answer.body)["boolean"]


def test_a_client_beyond_its_share_leaves_the_other_workers_free(tmp_path: Path) -> None:
    """A's three runaways on two workers: it holds one (its share) and waits for the other,
    which B gets at once."""

    async def scenario() -> None:
        async with small_pool(tmp_path, Settings(workers=2)) as executor:
            runaways = [
                asyncio.create_task(executor.run(query(RUNAWAY), LONG, "A")) for _ in range(3)
            ]
            try:
                await until(lambda: sum(held(executor, "A")) == 3)
                assert held(executor, "A") == (1, 2)
                assert await quick_answer(executor, "B")
                assert not any(task.done() for task in runaways), "B waited for A's runaways"
            finally:
                await cancel(runaways)

    asyncio.run(scenario())


def test_a_freed_worker_goes_to_the_client_holding_fewest(tmp_path: Path) -> None:
    """With A allowed both workers and a third runaway waiting, B's job arrives after it; when
    one of A's workers frees, B is served first (FIFO would hand it to A's third)."""

    async def scenario() -> None:
        settings = Settings(workers=2, max_running_per_client=2)
        async with small_pool(tmp_path, settings) as executor:
            runaways: list[asyncio.Task] = []
            try:
                for running, waiting in ((1, 0), (2, 0), (2, 1)):
                    runaways.append(asyncio.create_task(executor.run(query(RUNAWAY), LONG, "A")))
                    await until(lambda r=running, w=waiting: held(executor, "A") == (r, w))
                quick = asyncio.create_task(quick_answer(executor, "B"))
                runaways.append(quick)
                await until(lambda: held(executor, "B") == (0, 1))
                await cancel(runaways[:1])  # its worker is killed and replaced
                assert await quick
                assert not any(task.done() for task in runaways[1:3]), "B waited for A's"
            finally:
                await cancel(runaways)

    asyncio.run(scenario())


def test_a_client_past_its_share_of_the_queue_is_told_429(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with small_pool(tmp_path, Settings(workers=2, max_queued_per_client=1)) as executor:
            runaways = [
                asyncio.create_task(executor.run(query(RUNAWAY), LONG, "A")) for _ in range(2)
            ]
            try:
                await until(lambda: sum(held(executor, "A")) == 2)
                assert held(executor, "A") == (1, 1)
                with pytest.raises(OverShare) as refused:
                    await executor.run(query(RUNAWAY), LONG, "A")
                assert refused.value.status == 429
                assert refused.value.headers == {"Retry-After": "1"}
                assert "1 queries running and 1 waiting, its share" in refused.value.message
                assert await quick_answer(executor, "B")
            finally:
                await cancel(runaways)

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("host", "client"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("testclient", "testclient"),
    ],
)
def test_a_client_is_its_address_and_an_ipv6_one_its_64(host: str, client: str) -> None:
    request = Request({"type": "http", "client": (host, 50000), "headers": []})
    assert client_of(request) == client
