"""Real servers for the tests: uvicorn in a subprocess on a free loopback port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
from engines import free_port, stop

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TOKEN = "test-token-6f1c"  # the update token of the writable test servers
W3C = ROOT / "tests" / "w3c"


@dataclass
class Server:
    """A running server: its base URL, its process, and where its log goes."""

    url: str
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "sparql"

    def logged(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        stop(self.process, signal.SIGINT, 15)

    def workers(self) -> set[int]:
        """The worker processes' ids: the children of the server's fork server."""
        return {
            pid
            for child in children(self.process.pid)
            if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes()
            for pid in children(child)
        }


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


def wait_for_workers(server: Server, count: int) -> None:
    """Wait until the server has `count` workers again (after one was killed and replaced)."""
    deadline = time.monotonic() + 30
    while len(server.workers()) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(server.workers()) == count
    while time.monotonic() < deadline:  # started is not yet ready: wait until one answers
        if httpx.get(server.sparql, params={"query": "ASK {}"}).status_code == 200:
            return
        time.sleep(0.2)
    raise AssertionError("the replaced worker never answered")


def start(arguments: Sequence[str], log: Path, launcher: bool = False) -> Server:
    """Start `policykg serve ARGS` (or the test launcher) and wait until it answers."""
    port = free_port()
    command = (
        [sys.executable, str(HERE / "launch.py"), str(port), *arguments]
        if launcher
        else [sys.executable, "-m", "kg.cli", "serve", "--port", str(port), *arguments]
    )
    environment = {**os.environ, "PYTHONPATH": f"{ROOT}:{HERE}"}
    stream = log.open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=stream, stderr=subprocess.STDOUT, env=environment
    )
    server = Server(f"http://127.0.0.1:{port}/", process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{server.logged()}")
        try:
            if httpx.get(server.url + "api/examples", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server did not start:\n{server.logged()}")
