"""One client's runaway queries against another client's cheap ones (security finding 4b): client
B's answers/s, p50 and p99 latency on an idle `policykg serve`, then while client A keeps N
runaway queries in flight (each runs until the time limit, then is sent again), with the ratios.

    .venv/bin/python bench/fairness.py [--runaways 8] [--workers 4] [--seconds 20]
        [--time-limit 30] [--concurrency 1,4] [--root DIR]

A and B are told apart by X-Forwarded-For, which uvicorn trusts from 127.0.0.1 (its default).
B's query goes to a worker (two triple patterns) and is made unique per request (a comment), so
no answer comes from the cache; wrk (Debian's native load generator) sends it. A cell lasts
longer than the queue's timeout (10 s), so that B's requests refused at that timeout count.
--root measures another checkout's server (e.g. `git archive HEAD` unpacked: the code before a
change). Needs wrk (apt install wrk).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve import free_port, milliseconds  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "SELECT ?p ?o WHERE { <https://w3id.org/policykg/org/miit> a ?type ; ?p ?o } LIMIT 5"
ACCEPT = "application/sparql-results+json"
A, B = "10.0.0.1", "10.0.0.2"
SCRIPT = """counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "{path}" .. counter,
                    {{["Accept"] = "{accept}", ["X-Forwarded-For"] = "{client}"}})
end
"""


class Server:
    """`policykg serve` of a checkout on a free port, with its own scratch store."""

    def __init__(self, root: Path, workers: int, time_limit: float, scratch: Path):
        self.port = free_port()
        command = [sys.executable, "-m", "kg.cli", "serve", "--port", str(self.port),
                   "--workers", str(workers), "--time-limit", f"{time_limit:g}",
                   "--store", str(scratch / "store")]  # fmt: skip
        environment = {**os.environ, "PYTHONPATH": str(root)}
        self.log = (scratch / "server.log").open("w")
        self.process = subprocess.Popen(
            command, cwd=root, env=environment, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.endpoint = f"http://127.0.0.1:{self.port}/sparql"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if httpx.get(self.endpoint, params={"query": "ASK {}"}).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop(0)
        raise RuntimeError(f"the server did not start: see {self.log.name}")

    def stop(self, grace: float) -> None:
        """SIGINT (the workers are stopped on shutdown, the in-flight runaways at their time
        limit); past the grace seconds, kill the server and every process under it."""
        stop_tree(self.process, grace)
        self.log.close()


def stop_tree(process: subprocess.Popen, grace: float) -> None:
    """SIGINT to a server; past the grace seconds, kill it and every process under it."""
    everyone = descendants(process.pid)
    process.send_signal(signal.SIGINT)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *everyone, *descendants(process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait()


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        try:
            for task in Path(f"/proc/{todo.pop()}/task").iterdir():
                children = [int(c) for c in (task / "children").read_text().split()]
                found += children
                todo += children
        except OSError:
            continue
    return found


class Runaways:
    """Client A: threads each keeping one runaway query in flight until stopped."""

    def __init__(self, endpoint: str, count: int):
        self.endpoint = endpoint
        self.stopped = threading.Event()
        self.statuses: list[int] = []  # of the answers A got
        self.numbers = itertools.count()
        self.threads = [
            threading.Thread(target=self.keep_sending, daemon=True) for _ in range(count)
        ]
        for thread in self.threads:
            thread.start()

    def keep_sending(self) -> None:
        with httpx.Client(timeout=None, headers={"X-Forwarded-For": A, "Accept": ACCEPT}) as client:
            while not self.stopped.is_set():
                query = f"{RUNAWAY}\n# {next(self.numbers)}"
                try:
                    status = client.post(self.endpoint, data={"query": query}).status_code
                except httpx.TransportError:
                    return
                self.statuses.append(status)

    def stop(self) -> None:
        self.stopped.set()


def wrk(endpoint: str, concurrency: int, seconds: float) -> dict[str, float]:
    """Client B's cheap query for `seconds` at `concurrency`, each request unique (this run's
    nonce and a counter in a comment: no answer of an earlier run comes from the cache)."""
    base, route = endpoint.rsplit("/", 1)
    path = f"/{route}?query=" + quote(f"{CHEAP} #{uuid.uuid4().hex}-")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(SCRIPT.format(path=path, accept=ACCEPT, client=B))
        script.flush()
        command = ["wrk", "-t1", f"-c{concurrency}", f"-d{math.ceil(seconds)}s", "--latency",
                   "--timeout", "60s", "-s", script.name, base]  # fmt: skip
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    done = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    assert done is not None, output
    requests, took = int(done.group(1)), milliseconds(done.group(2)) / 1000
    refused = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output)) else 0
    return {
        "ok/s": (requests - refused) / took,
        "p50": percentile(output, 50),
        "p99": percentile(output, 99),
        "refused": refused,
    }


def percentile(output: str, which: int) -> float:
    """A latency percentile of wrk's output in ms (none when no request was answered)."""
    found = re.search(rf"{which}%\s+([\d.]+\w+)", output)
    return milliseconds(found.group(1)) if found else math.nan


def row(scenario: str, concurrency: int, cell: dict[str, float], alone: dict[str, float]) -> str:
    ratios = [cell[k] / alone[k] if alone[k] else math.nan for k in ("ok/s", "p50", "p99")]
    return (
        f"| {scenario} | {concurrency} | {cell['ok/s']:,.1f} | {cell['p50']:,.2f} | "
        f"{cell['p99']:,.2f} | {cell['refused']} | "
        f"{' | '.join(f'{r:,.2f}' for r in ratios)} |"
    )


HEADER = [
    "| B's cheap query | c | 200/s | p50 ms | p99 ms | non-2xx "
    "| 200/s ÷ alone | p50 ÷ alone | p99 ÷ alone |",
    "|---|---|---|---|---|---|---|---|---|",
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runaways", type=int, default=8, help="client A's queries in flight")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0, help="per measurement")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--concurrency", default="1,4", help="client B's connections")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/fairness.py needs wrk: apt install wrk")
    levels = [int(c) for c in arguments.concurrency.split(",")]
    scratch = Path(tempfile.mkdtemp(prefix="bench-fairness-"))
    server = Server(arguments.root, arguments.workers, arguments.time_limit, scratch)
    rows, runaways = list(HEADER), None
    try:
        wrk(server.endpoint, max(levels), 3)  # warm-up, not counted
        alone = {c: wrk(server.endpoint, c, arguments.seconds) for c in levels}
        runaways = Runaways(server.endpoint, arguments.runaways)
        time.sleep(2)  # A's queries reach their workers (or the queue)
        loaded = {c: wrk(server.endpoint, c, arguments.seconds) for c in levels}
    finally:
        if runaways is not None:
            runaways.stop()
        server.stop(arguments.time_limit + 30)
        shutil.rmtree(scratch, ignore_errors=True)
    for c in levels:
        rows.append(row("alone (idle server)", c, alone[c], alone[c]))
        rows.append(row(f"beside A's {arguments.runaways} runaways", c, loaded[c], alone[c]))
    print(
        f"{arguments.root}: {arguments.workers} workers, time limit {arguments.time_limit:g} s, "
        f"{arguments.seconds:g} s per cell; A's answers meanwhile: "
        f"{dict(sorted(Counter(runaways.statuses if runaways else ()).items()))}\n"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
