"""Real triplestore servers for the tests, started on free loopback ports: Oxigraph's server (the
PyPI package's CLI) and OpenLink Virtuoso (Debian's virtuoso-opensource, which .ci/run installs)."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
OURS = "https://w3id.org/policykg/"  # our graphs, beside a Virtuoso's own system graphs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process: subprocess.Popen, sig: signal.Signals, grace: float) -> None:
    """Ask a server to stop with a signal; kill it if it has not within the grace seconds."""
    process.send_signal(sig)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Engine:
    """A running store: where it answers queries, takes graphs (Graph Store Protocol) and
    updates, and its process."""

    name: str
    query: str
    store: str
    update: str
    process: subprocess.Popen

    def stop(self) -> None:
        stop(self.process, signal.SIGTERM, 30)

    def graph_sizes(self) -> dict[str, int]:
        """The triples in each of our named graphs."""
        query = (
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{OURS}")) }} GROUP BY ?g'
        )
        answer = httpx.post(
            self.query, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        answer.raise_for_status()
        rows = answer.json()["results"]["bindings"]
        return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the store at {url} exited with {process.returncode}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the store at {url} did not answer within {seconds:g} s")


def oxigraph(location: Path) -> Engine:
    """Oxigraph's server, its default graph the union of its graphs (as policykg loads it)."""
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    wait_until_answering(url + "query", process)
    return Engine("oxigraph", url + "query", url + "store", url + "update", process)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 60
"""


def virtuoso(directory: Path, max_rows: int = 10000) -> Engine:
    """Virtuoso with its default cap of 10,000 rows, its anonymous SPARQL user allowed to
    update (its Graph Store Protocol endpoint is /sparql-graph-crud)."""
    if VIRTUOSO is None or ISQL is None:
        raise RuntimeError("Virtuoso is not installed: apt-get install virtuoso-opensource")
    sql, http = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=directory, sql=sql, http=http, max_rows=max_rows))
    process = subprocess.Popen(
        [VIRTUOSO, "+foreground", "+configfile", str(ini)],
        cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{http}/"
    wait_until_answering(url + "sparql", process)
    grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'
    subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", f"exec={grant}"],
                   check=True, capture_output=True, timeout=60)  # fmt: skip
    return Engine("virtuoso", url + "sparql", url + "sparql-graph-crud", url + "sparql", process)
