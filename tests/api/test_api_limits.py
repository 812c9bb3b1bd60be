"""Time limit, concurrency and result size limits against live servers."""

from __future__ import annotations

import concurrent.futures
import itertools
import os
import time

import httpx
from live import Server, wait_for_workers

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def post(server: Server, query: str) -> tuple[httpx.Response, float]:
    """The response and the moment (monotonic) it arrived."""
    response = httpx.post(server.sparql, data={"query": query}, timeout=60)
    return response, time.monotonic()


def test_runaway_is_stopped_and_others_are_served_meanwhile(hasty: Server) -> None:
    before = hasty.workers()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runaway = pool.submit(post, hasty, RUNAWAY)
        time.sleep(0.3)
        quick = [post(hasty, "ASK { ?s ?p ?o }") for _ in range(5)]
        stopped, stopped_at = runaway.result()
    assert stopped.status_code == 503
    assert "time limit of 2 s" in stopped.text
    assert all(r.status_code == 200 and r.json()["boolean"] for r, _ in quick)
    assert all(at < stopped_at for _, at in quick), "quick queries waited for the runaway"
    killed = before - hasty.workers()
    assert len(killed) == 1
    assert not any(os.path.exists(f"/proc/{pid}") for pid in killed), "the runaway still runs"


def test_pool_recovers_after_a_kill(hasty: Server) -> None:
    post(hasty, RUNAWAY)
    wait_for_workers(hasty, 2)
    response, _ = post(hasty, "ASK {}")
    assert response.status_code == 200


def test_too_many_concurrent_queries(tight: Server) -> None:
    """Once the runaway holds the only worker (no queue), a query for a worker is refused: asked
    again (a new query each time, never a cached answer) until the runaway is seen running. Where
    a question took the worker first and the runaway was the one refused, it starts again."""
    questions = (f"ASK {{ FILTER({n} >= 0) }}" for n in itertools.count())
    refused = None
    while refused is None:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            runaway = pool.submit(post, tight, RUNAWAY)
            while refused is None and not runaway.done():
                answer, _ = post(tight, next(questions))
                refused = answer if answer.status_code != 200 else None
            stopped, _ = runaway.result()
        assert refused is not None or "too many concurrent" in stopped.text, stopped.text
    assert refused.status_code == 503
    assert "too many concurrent queries" in refused.text
    assert refused.headers["retry-after"] == "1"


def test_result_too_large(tight: Server) -> None:
    wait_for_workers(tight, 1)
    response, _ = post(tight, "SELECT * WHERE { ?s ?p ?o }")
    assert response.status_code == 413
    assert "limit of 4000 bytes" in response.text
    small, _ = post(tight, "SELECT * WHERE { ?s ?p ?o } LIMIT 2")
    assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 2


def test_a_lookup_is_answered_while_every_worker_is_busy(tight: Server) -> None:
    """One triple pattern runs in the server itself: no worker, so no queue to be refused by."""
    wait_for_workers(tight, 1)
    lookup = "SELECT ?type WHERE { <https://w3id.org/policykg/org/miit> a ?type }"
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runaway = pool.submit(post, tight, RUNAWAY)
        time.sleep(0.5)
        answered, _ = post(tight, lookup)
        refused, _ = post(tight, "ASK { ?s ?p ?o . ?o ?q ?s }")
        runaway.result()
    assert answered.status_code == 200 and answered.json()["results"]["bindings"]
    assert refused.status_code == 503


def test_a_one_pattern_answer_past_the_event_loops_budget_is_whole(readonly: Server) -> None:
    everything, _ = post(readonly, "SELECT * WHERE { ?s ?p ?o }")
    counted, _ = post(readonly, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert everything.status_code == 200 and len(everything.content) > 256 * 1024
    rows = everything.json()["results"]["bindings"]
    assert len(rows) == int(counted.json()["results"]["bindings"][0]["n"]["value"])
