"""The HTTP endpoint against its peers at 3k to 10M triples, measured in one run with wrk (Debian's
native load generator, so the client is never what saturates first).

    .venv/bin/python bench/serve.py [--sizes real,100k,1m,10m] [--seconds 3] [--workers 4]

For each size, the graph is the real one or a synthetic corpus built by `policykg build` from
tables of bench/sources.py (kept under --cache between runs; the build's time and peak memory
are reported). Servers, each in its own process on loopback, all serving the same graph:
policykg (its default store for the size; answers cached, the same query again, and uncached,
each request made unique by a comment), Oxigraph's own server (PyPI oxigraph), rdflib-endpoint
(up to --rdflib-max, past which rdflib's in-memory graph does not load in reasonable time), and a
FastAPI route returning a constant (the ceiling of a Python web stack). One pyoxigraph Store in
memory is the yardstick for memory. Two tables: load time and memory (every process of a server
together, as proportional set sizes: shared pages count once), then requests/s, p50 and p99
latency at concurrency 1 and 16, with ratios to rdflib-endpoint, the constant route and Oxigraph's
server.
Needs wrk (apt install wrk) and the bench and test extras.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sources import write_corpus  # noqa: E402
from kg.build import TRIPLES  # noqa: E402
from kg.questions import load_questions  # noqa: E402

QUESTIONS = ("lead-most-tasks", "partners-of-industry-bureau")
LOOKUP = "SELECT ?d WHERE {{ <https://w3id.org/policykg/doc/{doc}/task/30> <http://purl.org/dc/terms/description> ?d }}"  # noqa: E501
CONCURRENCY = (1, 16)
ACCEPT = "application/sparql-results+json"
SIZES = {"real": 0, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
UNIQUE = """counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "{path}%23" .. counter, {{["Accept"] = "{accept}"}})
end
"""


@dataclass
class Graph:
    triples: int
    path: Path
    lookup: str  # the document whose task 30 the lookup asks for
    build: str = ""  # how long the build took and its peak memory, for the synthetic ones
    real: bool = False

    @property
    def label(self) -> str:
        return f"real ({self.triples:,})" if self.real else f"{self.triples:,}"


@dataclass
class Running:
    name: str
    process: subprocess.Popen
    endpoint: str
    load_s: float
    peak_mb: float = 0.0  # from its start, loading included
    serving_mb: float = 0.0  # once it answers
    sampler: threading.Thread | None = None
    stopped: threading.Event = field(default_factory=threading.Event)

    def watch(self) -> None:
        """Sample the memory of every process of the server until it stops."""

        def sample() -> None:
            while not self.stopped.wait(0.25):
                now = resident_mb(self.process.pid)
                self.peak_mb = max(self.peak_mb, now)
                if self.load_s:
                    self.serving_mb = max(self.serving_mb, now)

        self.sampler = threading.Thread(target=sample, daemon=True)
        self.sampler.start()

    def stop(self) -> None:
        self.stopped.set()
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def rdflib_endpoint_app(data: Path):  # a peer: rdflib-endpoint over the same graph
    from rdflib import Graph as RdflibGraph
    from rdflib_endpoint import SparqlEndpoint

    return SparqlEndpoint(graph=RdflibGraph().parse(data), path="/sparql", cors_enabled=True)


def constant_app():  # the ceiling: a FastAPI route that returns a constant
    from fastapi import FastAPI
    from fastapi.responses import Response

    app = FastAPI()
    body = b'{"head":{"vars":[]},"results":{"bindings":[]}}'

    @app.get("/sparql")
    def constant() -> Response:
        return Response(body, media_type=ACCEPT)

    return app


def serve_baseline(name: str, port: int, data: Path) -> None:
    import uvicorn

    app = rdflib_endpoint_app(data) if name == "rdflib-endpoint" else constant_app()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False,
                loop="uvloop", http="httptools")  # fmt: skip


def hold_in_pyoxigraph(data: Path) -> None:
    """The yardstick: one pyoxigraph Store holding the graph in memory, then idle."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.load(path=str(data), format=RdfFormat.TURTLE)
    print(len(store), flush=True)
    time.sleep(3600)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def resident_mb(pid: int) -> float:
    """Memory of a process and all its descendants in MB: their proportional set sizes, so that
    pages they share (libraries, a fork server's) count once, as for a single process."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.MULTILINE).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total / 1024


def graph_of(size_name: str, cache: Path) -> Graph:
    """The real graph, or a synthetic corpus of about that many triples, built once."""
    if SIZES[size_name] == 0:
        return Graph(count_triples(TRIPLES), TRIPLES, "sui-fu-ban-gui-2020-25", real=True)
    sources, output = cache / f"sources-{size_name}", cache / f"graph-{size_name}.ttl"
    timing = cache / f"graph-{size_name}.build"
    if not output.exists() or not timing.exists():
        write_corpus(SIZES[size_name], sources)
        began = time.perf_counter()
        command = [sys.executable, "-m", "kg.cli", "build", str(sources), "-o", str(output)]
        process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            sys.exit(f"the build of {sources} failed")
        seconds = time.perf_counter() - began
        timing.write_text(f"build {seconds:.0f} s, peak {usage.ru_maxrss / 1024:.0f} MB")
    return Graph(count_triples(output), output, "synthetic-000001", timing.read_text())


def count_triples(path: Path) -> int:
    from pyoxigraph import RdfFormat, parse

    return sum(1 for _ in parse(path=str(path), format=RdfFormat.TURTLE))


def start(name: str, command: list[str], endpoint: str) -> Running:
    """Start a server and wait until it answers a query (the load time)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    running = Running(name, process, endpoint, 0.0)
    running.watch()
    deadline = time.monotonic() + 3600
    while time.monotonic() < deadline and process.poll() is None:
        try:
            answer = httpx.get(endpoint, params={"query": "ASK {}"}, headers={"Accept": ACCEPT})
            if answer.status_code == 200:
                running.load_s = time.perf_counter() - began
                return running
        except httpx.TransportError:
            time.sleep(0.2)
    running.stop()
    raise RuntimeError(f"{command} did not start")


def yardstick(data: Path) -> tuple[float, float]:
    """Load time and memory of one pyoxigraph Store holding the graph."""
    began = time.perf_counter()
    command = [sys.executable, __file__, "--hold", str(data)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    process.stdout.readline()
    seconds = time.perf_counter() - began
    memory = resident_mb(process.pid)
    process.kill()
    process.wait()
    return seconds, memory


def wrk(endpoint: str, query: str, concurrency: int, seconds: float, unique: bool) -> dict:
    """One cell: wrk with one thread and `concurrency` connections; unique: no two alike."""
    base, route = endpoint.rsplit("/", 1)
    path = f"/{route}?query=" + quote(query)
    duration = f"-d{math.ceil(seconds)}s"  # wrk takes whole seconds
    command = ["wrk", "-t1", f"-c{concurrency}", duration, "--latency", "--timeout", "60s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if unique:  # a script that makes each request's query text its own
            script.write(UNIQUE.format(path=path, accept=ACCEPT))
            script.flush()
            command += ["-s", script.name, base]
        else:
            command += ["-H", f"Accept: {ACCEPT}", base + path]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"50%\s+([\d.]+\w+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50": milliseconds(found.group(1)) if found else float("nan"),
        "p99": milliseconds(m.group(1)) if (m := re.search(r"99%\s+([\d.]+\w+)", output)) else 0,
        "errors": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output))
        else 0,
    }


def milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def servers_for(
    graph: Graph, workers: int, rdflib_max: int, scratch: Path
) -> dict[str, tuple[list[str], str]]:
    """Each server's command and SPARQL endpoint."""
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    python, here, data = sys.executable, __file__, str(graph.path)
    port = {name: free_port() for name in ("policykg", "oxigraph", "rdflib", "constant")}
    oxigraph_serve = (
        f"{oxigraph} load --location {scratch / 'oxigraph'} --file {data} && exec {oxigraph} "
        f"serve-read-only --location {scratch / 'oxigraph'} --bind 127.0.0.1:{port['oxigraph']}"
    )
    found = {
        "policykg": ([python, "-m", "kg.cli", "serve", "--port", str(port["policykg"]),
                      "--workers", str(workers), "--data", data, "--time-limit", "60",
                      "--store", str(scratch / "policykg")], port["policykg"]),
        "oxigraph server": (["sh", "-c", oxigraph_serve], port["oxigraph"]),
        "rdflib-endpoint": ([python, here, "--serve", "rdflib-endpoint", str(port["rdflib"]), data],
                            port["rdflib"]),
        "constant route": ([python, here, "--serve", "constant", str(port["constant"]), data],
                           port["constant"]),
    }  # fmt: skip
    if graph.triples > rdflib_max:
        del found["rdflib-endpoint"]
    route = {"oxigraph server": "/query"}
    return {
        name: (command, f"http://127.0.0.1:{number}{route.get(name, '/sparql')}")
        for name, (command, number) in found.items()
    }


def measure(graph: Graph, arguments: argparse.Namespace) -> tuple[list[str], list[str]]:
    """One size: the load table's rows and the speed table's rows."""
    measured = yardstick(graph.path)
    loads = [load_row(graph, "one pyoxigraph Store (yardstick)", None, measured)]
    speeds: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    servers: dict[str, Running] = {}
    try:
        planned = servers_for(graph, arguments.workers, arguments.rdflib_max, scratch)
        for name, (command, endpoint) in planned.items():
            servers[name] = start(name, command, endpoint)
        queries = {q.id: q.query for q in load_questions() if q.id in QUESTIONS}
        queries["lookup (task 30's text)"] = LOOKUP.format(doc=graph.lookup)
        for concurrency in CONCURRENCY:
            for question, query in queries.items():
                speeds += cells(graph, servers, question, query, concurrency, arguments.seconds)
                print(f"  {graph.label} {question} c={concurrency}", file=sys.stderr, flush=True)
    finally:
        for running in servers.values():
            running.stop()
        for name, running in servers.items():
            loads.append(load_row(graph, name, running, measured))
        shutil.rmtree(scratch, ignore_errors=True)
    return loads, speeds


def cells(
    graph: Graph,
    servers: dict[str, Running],
    question: str,
    query: str,
    concurrency: int,
    seconds: float,
) -> list[str]:
    """One question at one concurrency on every server, with policykg's ratios to the others."""
    runs = {"policykg cached": ("policykg", False), "policykg uncached": ("policykg", True),
            "oxigraph server": ("oxigraph server", True),
            "rdflib-endpoint": ("rdflib-endpoint", True)}  # fmt: skip
    found = {}
    for name, (server, unique) in runs.items():
        if server in servers:
            endpoint = servers[server].endpoint
            duration = long_enough(endpoint, query, seconds, concurrency, unique)
            found[name] = wrk(endpoint, query, concurrency, duration, unique)
            settle(servers.values())
    found["constant route"] = wrk(
        servers["constant route"].endpoint, "ASK {}", concurrency, seconds, False
    )
    rows = []
    for name, cell in found.items():
        ratios = ["", "", ""]
        if name.startswith("policykg"):
            baselines = ("rdflib-endpoint", "constant route", "oxigraph server")
            ratios = [ratio(cell, found.get(baseline)) for baseline in baselines]
        rows.append(
            f"| {graph.label} | {question} | {concurrency} | {name} | {cell['rps']:,.1f} | "
            f"{cell['p50']:.2f} | {cell['p99']:.2f} | {cell['errors']} | {' | '.join(ratios)} |"
        )
    return rows


def long_enough(endpoint: str, query: str, seconds: float, concurrency: int, unique: bool) -> float:
    """A cell's duration: `seconds`, or for a slow query long enough for a few answers at this
    concurrency (one answer timed first, made unique like the cell's, which also warms the
    server up); at most a minute."""
    began = time.perf_counter()
    text = query + "\n#warm-up" if unique else query
    httpx.get(endpoint, params={"query": text}, headers={"Accept": ACCEPT}, timeout=120)
    return min(60.0, max(seconds, 3 * concurrency * (time.perf_counter() - began)))


def settle(servers: Iterable[Running], quiet: float = 0.05) -> None:
    """Wait (up to two minutes) until no server is still working on a cell's last queries,
    so that they do not slow the next cell: their CPU time stops growing."""
    deadline = time.monotonic() + 120
    before = sum(cpu_seconds(s.process.pid) for s in servers)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = sum(cpu_seconds(s.process.pid) for s in servers)
        if now - before < quiet:
            return
        before = now


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its descendants."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def ratio(cell: dict, baseline: dict | None) -> str:
    return f"{cell['rps'] / baseline['rps']:.2f}" if baseline and baseline["rps"] else ""


def load_row(graph: Graph, name: str, running: Running | None, yardstick: tuple) -> str:
    """A server's load time and memory (all its processes), against one pyoxigraph Store."""
    seconds, memory = yardstick
    load_s, peak, serving = (
        (running.load_s, running.peak_mb, running.serving_mb)
        if running
        else (seconds, memory, memory)
    )
    return (
        f"| {graph.label} | {name} | {load_s:.1f} | {peak:,.0f} | {serving:,.0f} | "
        f"{serving / memory:.2f} |"
    )


LOAD_HEADER = [
    "| triples | server | load s | peak MB (loading) | MB serving "
    "| serving / one pyoxigraph Store |",
    "|---|---|---|---|---|---|",
]
SPEED_HEADER = [
    "| triples | question | c | server | req/s | p50 ms | p99 ms | non-2xx "
    "| / rdflib-endpoint | / constant route | / oxigraph server |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="real,100k,1m,10m", help=f"of {', '.join(SIZES)}")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rdflib-max", type=int, default=1_100_000)
    cache = Path(tempfile.gettempdir()) / "policykg-bench"
    parser.add_argument("--cache", type=Path, default=cache, help="where the corpora are kept")
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/serve.py needs wrk: apt install wrk")
    arguments.cache.mkdir(parents=True, exist_ok=True)
    loads, speeds = list(LOAD_HEADER), list(SPEED_HEADER)
    builds = []
    for size in arguments.sizes.split(","):
        graph = graph_of(size, arguments.cache)
        if graph.build:
            builds.append(f"- {graph.label} triples: {graph.build}")
        more_loads, more_speeds = measure(graph, arguments)
        loads += more_loads
        speeds += more_speeds
    print(f"{arguments.seconds:g} s per cell; policykg: {arguments.workers} workers\n")
    print("\n".join([*builds, "", *loads, "", *speeds]))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_baseline(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
    elif sys.argv[1:2] == ["--hold"]:
        hold_in_pyoxigraph(Path(sys.argv[2]))
    else:
        main()
