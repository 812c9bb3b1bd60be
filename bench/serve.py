"""Throughput and latency of the HTTP endpoint against its peers, measured in one run with wrk
(Debian's native load generator, so the client is never what saturates first).

    .venv/bin/python bench/serve.py [--seconds 5] [--workers 4] [--data FILE]

Servers, each in its own process on loopback, all serving the same graph: policykg (answers
cached, the same query again; and uncached, each request made unique by a comment), Oxigraph's
own server (PyPI oxigraph), rdflib-endpoint, and a FastAPI route returning a constant (the ceiling
of a Python web stack). For each question and concurrency (1, 16): requests/s, p50 and p99
latency, non-2xx answers, and policykg's ratio to rdflib-endpoint. Before the table: each
server's start-up time (until it answers) and resident memory (its processes together).
Needs wrk (apt install wrk) and the bench and test extras.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import TRIPLES  # noqa: E402
from kg.questions import load_questions  # noqa: E402

QUESTIONS = ("lead-most-tasks", "partners-of-industry-bureau")
LOOKUP = (
    "SELECT ?d WHERE { <https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25/task/30> "
    "<http://purl.org/dc/terms/description> ?d }"
)
CONCURRENCY = (1, 16)
ACCEPT = "application/sparql-results+json"
UNIQUE = """counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "{path}%23" .. counter, {{["Accept"] = "{accept}"}})
end
"""


def rdflib_endpoint_app(data: Path):  # a peer: rdflib-endpoint over the same graph
    from rdflib import Graph
    from rdflib_endpoint import SparqlEndpoint

    return SparqlEndpoint(graph=Graph().parse(data), path="/sparql", cors_enabled=True)


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], url: str) -> tuple[subprocess.Popen, float]:
    """Start a server; how long until it answered a query."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if (
                httpx.get(
                    url, params={"query": "ASK {}"}, headers={"Accept": ACCEPT}, timeout=5
                ).status_code
                == 200
            ):
                return process, time.perf_counter() - began
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command} did not start")


def resident_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total / 1024


def wrk(endpoint: str, query: str, concurrency: int, seconds: float, unique: bool) -> dict:
    """One cell: wrk with one thread and `concurrency` connections; unique: no two alike."""
    base, route = endpoint.rsplit("/", 1)
    path = f"/{route}?query=" + quote(query)
    command = ["wrk", "-t1", f"-c{concurrency}", f"-d{seconds:g}s", "--latency"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if unique:  # a script that makes each request's query text its own
            script.write(UNIQUE.format(path=path, accept=ACCEPT))
            script.flush()
            command += ["-s", script.name, base]
        else:
            command += ["-H", f"Accept: {ACCEPT}", base + path]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50": milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1)),  # type: ignore[union-attr]
        "p99": milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1)),  # type: ignore[union-attr]
        "errors": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", output))
        else 0,
    }


def milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--data", type=Path, default=TRIPLES)
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/serve.py needs wrk: apt install wrk")
    data = arguments.data.resolve()
    ports = {name: free_port() for name in ("policykg", "oxigraph", "rdflib-endpoint", "constant")}
    url = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    oxigraph_dir = tempfile.mkdtemp(prefix="bench-oxigraph-")
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    python, here = sys.executable, __file__
    oxigraph_serve = (
        f"{oxigraph} load --location {oxigraph_dir} --file {data} && exec {oxigraph} "
        f"serve-read-only --location {oxigraph_dir} --bind 127.0.0.1:{ports['oxigraph']}"
    )
    commands = {
        "policykg": [python, "-m", "kg.cli", "serve", "--port", str(ports["policykg"]),
                     "--workers", str(arguments.workers), "--data", str(data)],
        "oxigraph": ["sh", "-c", oxigraph_serve],
        "rdflib-endpoint": [python, here, "--serve", "rdflib-endpoint",
                            str(ports["rdflib-endpoint"]), str(data)],
        "constant": [python, here, "--serve", "constant", str(ports["constant"]), str(data)],
    }  # fmt: skip
    endpoint = {name: url[name] + ("/query" if name == "oxigraph" else "/sparql") for name in url}
    servers = {}
    try:
        workers = arguments.workers
        print(f"graph: {data.name}; {arguments.seconds:g} s per cell; policykg: {workers} workers")
        print(f"{'server':<18} {'start s':>8} {'memory MB':>10}")
        for name, command in commands.items():
            servers[name], took = start(command, endpoint[name])
            print(f"{name:<18} {took:>8.2f} {resident_mb(servers[name].pid):>10.0f}")
        queries = {q.id: q.query for q in load_questions() if q.id in QUESTIONS}
        queries["lookup (task 30's text)"] = LOOKUP
        print()
        print("| question | c | server | req/s | p50 ms | p99 ms | non-2xx | / rdflib-endpoint |")
        print("|---|---|---|---|---|---|---|---|")
        for concurrency in CONCURRENCY:
            ceiling = wrk(endpoint["constant"], "ASK {}", concurrency, arguments.seconds, False)
            print(row("(constant route)", concurrency, "fastapi-constant", ceiling, None))
            for question, query in queries.items():
                runs = {
                    "policykg cached": ("policykg", False),
                    "policykg uncached": ("policykg", True),
                    "oxigraph server": ("oxigraph", True),
                    "rdflib-endpoint": ("rdflib-endpoint", True),
                }
                cells = {
                    name: wrk(endpoint[server], query, concurrency, arguments.seconds, unique)
                    for name, (server, unique) in runs.items()
                }
                baseline = cells["rdflib-endpoint"]["rps"]
                for name, result in cells.items():
                    ratio = result["rps"] / baseline if name.startswith("policykg") else None
                    print(row(question, concurrency, name, result, ratio), flush=True)
    finally:
        for process in servers.values():
            process.terminate()
            process.wait(30)
        shutil.rmtree(oxigraph_dir, ignore_errors=True)


def row(question: str, concurrency: int, server: str, result: dict, ratio: float | None) -> str:
    shown = f"{ratio:.1f}x" if ratio is not None else ""
    return (
        f"| {question} | {concurrency} | {server} | {result['rps']:,.0f} | {result['p50']:.2f} | "
        f"{result['p99']:.2f} | {result['errors']} | {shown} |"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_baseline(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
    else:
        main()
