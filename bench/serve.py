"""Throughput and latency of the HTTP endpoint, next to baselines measured in the same run.

    .venv/bin/python bench/serve.py [--seconds 5] [--workers 4]

Three example questions at concurrency 1 and 16 against: policykg serve (pyoxigraph in worker
processes), rdflib-endpoint serving the same graph (the baseline), and a FastAPI route returning
a constant (the ceiling of the web stack). Each server runs in its own process and the load
comes from another process (httpx, asyncio); all share this machine's cores, so the ceiling row
says what the client and the stack allow at most. Needs the bench extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import TRIPLES  # noqa: E402
from kg.questions import load_questions  # noqa: E402

QUESTIONS = ("lead-most-tasks", "partners-of-industry-bureau", "money")
CONCURRENCY = (1, 16)


def rdflib_endpoint_app():  # the baseline server (rdflib-endpoint over the same graph)
    from rdflib import Graph
    from rdflib_endpoint import SparqlEndpoint

    return SparqlEndpoint(graph=Graph().parse(TRIPLES), path="/sparql", cors_enabled=True)


def constant_app():  # the ceiling: a FastAPI route that returns a constant
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()
    body = b'{"head":{"vars":[]},"results":{"bindings":[]}}'

    @app.get("/sparql")
    def constant() -> Response:
        return Response(body, media_type="application/sparql-results+json")

    return app


def serve_baseline(name: str, port: int) -> None:
    import uvicorn

    app = rdflib_endpoint_app() if name == "rdflib-endpoint" else constant_app()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def load(url: str, query: str, concurrency: int, seconds: float) -> dict:
    """Send GET queries from `concurrency` tasks for `seconds`; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    params = {"query": query}
    headers = {"Accept": "application/sparql-results+json"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        for _ in range(3):  # warm up
            await client.get(url, params=params, headers=headers)
        stop = time.perf_counter() + seconds

        async def user() -> None:
            nonlocal errors
            while time.perf_counter() < stop and len(latencies) < 20000:
                start = time.perf_counter()
                response = await client.get(url, params=params, headers=headers)
                latencies.append((time.perf_counter() - start) * 1000)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": errors,
    }


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            probe = httpx.get(
                f"http://127.0.0.1:{port}/sparql", params={"query": "ASK {}"}, timeout=5
            )
            if probe.status_code != 200:
                raise RuntimeError(f"{command} answers {probe.status_code} at /sparql")
            return process
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"{command} did not start")


def measure(url: str, query: str, concurrency: int, seconds: float) -> dict:
    """Run the load generator in its own process, so it does not share the server's interpreter."""
    arguments = ["--load", url, query, str(concurrency), str(seconds)]
    output = subprocess.run(
        [sys.executable, __file__, *arguments], capture_output=True, text=True, check=True
    )
    return json.loads(output.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=4)
    arguments = parser.parse_args()
    servers = {}
    ports = {name: free_port() for name in ("policykg", "rdflib-endpoint", "constant")}
    policykg = [
        sys.executable,
        "-m",
        "kg.cli",
        "serve",
        "--port",
        str(ports["policykg"]),
        "--workers",
        str(arguments.workers),
    ]
    servers["policykg"] = start(policykg, ports["policykg"])
    for name in ("rdflib-endpoint", "constant"):
        servers[name] = start(
            [sys.executable, __file__, "--serve", name, str(ports[name])], ports[name]
        )
    queries = {q.id: q.query for q in load_questions() if q.id in QUESTIONS}
    try:
        print(
            f"{arguments.seconds:g} s per cell; policykg with {arguments.workers} workers; "
            "ratio = policykg / rdflib-endpoint (req/s)"
        )
        print(
            f"{'question':<30} {'c':>3} {'server':<16} {'req/s':>9} {'p50 ms':>9} "
            f"{'p99 ms':>9} {'errors':>6} {'ratio':>8}"
        )
        for concurrency in CONCURRENCY:
            ceiling = measure(
                f"http://127.0.0.1:{ports['constant']}/sparql",
                "ASK {}",
                concurrency,
                arguments.seconds,
            )
            print(row("(constant route: ceiling)", concurrency, "fastapi-constant", ceiling, None))
            for question, query in queries.items():
                results = {
                    name: measure(
                        f"http://127.0.0.1:{ports[name]}/sparql",
                        query,
                        concurrency,
                        arguments.seconds,
                    )
                    for name in ("rdflib-endpoint", "policykg")
                }
                baseline = results["rdflib-endpoint"]["rps"]
                for name, result in results.items():
                    ratio = result["rps"] / baseline if name == "policykg" else None
                    print(row(question, concurrency, name, result, ratio))
    finally:
        for process in servers.values():
            process.terminate()
            process.wait(30)


def row(question: str, concurrency: int, server: str, result: dict, ratio: float | None) -> str:
    shown = f"{ratio:7.1f}x" if ratio is not None else ""
    return (
        f"{question:<30} {concurrency:>3} {server:<16} {result['rps']:>9.1f} {result['p50']:>9.2f} "
        f"{result['p99']:>9.2f} {result['errors']:>6} {shown:>8}"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_baseline(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1:2] == ["--load"]:
        url, query, concurrency, seconds = sys.argv[2:6]
        print(json.dumps(asyncio.run(load(url, query, int(concurrency), float(seconds)))))
    else:
        main()
