"""The security issue's "done when", measured on one real `policykg serve` (default settings,
--workers 4, a free loopback port): each attack, sent by wrk from one client, and meanwhile two
cheap requests from another client (a static file of the app, and `ASK {}`, answered from the
cache), one after the other, each by its own wrk at one connection. For the cheap requests:
req/s, p50 and p99, with their ratios to the same wrk on the idle server, measured first in the
same run. For each attack: the statuses it got (counted by the Lua script's response() and
printed in its done()), wrk's socket errors and its req/s. The distinct long queries (attack 4)
run until --requests are answered; the server's memory (the PSS of it and its children) before
and after is set beside the answer cache's bound (api/cache.py, 64 MB).

    .venv/bin/python bench/attack.py [--seconds 14] [--requests 10000] [--workers 4]

A and B are told apart by X-Forwarded-For, which uvicorn trusts from 127.0.0.1 (its default).
The Lua scripts are written to a temporary directory. Needs wrk (apt install wrk).
"""

from __future__ import annotations

import argparse
import contextlib
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
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.cache import ResultCache  # noqa: E402
from bench.fairness import descendants, stop_tree  # noqa: E402
from bench.serve import cpu_seconds, free_port, milliseconds, resident_mb  # noqa: E402

ACCEPT = "application/sparql-results+json"
ATTACKER, BYSTANDER = "10.0.0.1", "10.0.0.2"
LONG_QUERY_BYTES = 60 * 1024
SLOW_MS = 100.0  # a cheap request slower than this at p99 beside an attack is reported
# Counts each status in response(), stops the thread at its quota (if any), and sums every
# thread's counts in done(); the attack's own part follows it.
COUNTING = """
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
statuses = {}
answered = 0
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if quota and answered == quota then
    io.write("quota reached\\n")
    io.stdout:flush()
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      total[code] = (total[code] or 0) + count
    end
  end
  for code, count in pairs(total) do
    io.write(string.format("status %d %d\\n", code, count))
  end
end
"""
# Attack 4: each request its own 60 kB ASK (thread number and counter in the IRI, a comment
# padding it to exactly `size` bytes)
DISTINCT = """
counter = 0
local pad = string.rep("x", {size})
function request()
  counter = counter + 1
  local head = "ASK {{ <urn:x:" .. tid .. "-" .. counter .. "> ?p ?o }} #"
  return wrk.format(nil, nil, nil, head .. string.sub(pad, 1, {size} - #head))
end
"""


@dataclass
class Attack:
    name: str
    expected: int
    method: str = "GET"
    path: str = "/sparql"
    body: str | None = None  # sent as application/sparql-query
    headers: dict[str, str] = field(default_factory=dict)
    connections: int = 16
    extra_lua: str = ""  # requests built in Lua (then no fixed request)
    quota: int | None = None  # answers to wait for, instead of a duration


@dataclass
class Run:
    """What one wrk printed, read."""

    requests: int
    seconds: float
    rps: float
    p50: float
    p99: float
    non_2xx: int
    statuses: dict[int, int]
    socket_errors: dict[str, int]

    @property
    def ok_rps(self) -> float:
        return (self.requests - self.non_2xx) / self.seconds if self.seconds else math.nan


class Server:
    """`policykg serve --port P --workers N`, nothing else, from the project's root."""

    def __init__(self, workers: int, scratch: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "kg.cli", "serve", "--port", str(self.port),
                   "--workers", str(workers)]  # fmt: skip
        self.log = (scratch / "server.log").open("w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and self.process.poll() is None:
            with contextlib.suppress(httpx.TransportError):
                answer = httpx.get(f"{self.base}/sparql", params={"query": "ASK {}"})
                if answer.status_code == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not start: see {self.log.name}")

    def memory_mb(self) -> float:
        return resident_mb(self.process.pid)

    def settle(self, quiet: float = 0.05, longest: float = 60) -> None:
        """Wait until the server and its workers stop using CPU (an attack's queued work done)."""
        deadline, before = time.monotonic() + longest, self.cpu()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu()
            if now - before < quiet:
                return
            before = now

    def cpu(self) -> float:
        return sum(cpu_seconds(pid) for pid in [self.process.pid, *descendants(self.process.pid)])

    def stop(self, grace: float = 30) -> None:
        stop_tree(self.process, grace)
        self.log.close()


def lua_string(text: str) -> str:
    """A Lua long string holding the text as it is (no escapes are read in one)."""
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    opening = "\n" if text.startswith(("\n", "\r")) else ""
    return f"[{'=' * level}[{opening}{text}]{'=' * level}]"


def script(attack: Attack, client: str) -> str:
    """The Lua for one wrk: its fixed request (or the attack's own request()), and counting."""
    headers = {"Accept": ACCEPT, "X-Forwarded-For": client, **attack.headers}
    if attack.body is not None or attack.extra_lua:
        headers["Content-Type"] = "application/sparql-query"
    lines = [f"wrk.method = {lua_string(attack.method)}", f"wrk.path = {lua_string(attack.path)}"]
    lines += [f"wrk.headers[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items()]
    if attack.body is not None:
        lines.append(f"wrk.body = {lua_string(attack.body)}")
    lines.append(f"quota = {attack.quota}" if attack.quota else "quota = nil")
    return "\n".join(lines) + COUNTING + attack.extra_lua


def start_wrk(
    attack: Attack, client: str, base: str, threads: int, seconds: float, scratch: Path
) -> subprocess.Popen:
    name = re.sub(r"\W+", "-", f"{attack.name}-{client}").strip("-")
    path = scratch / f"{name}.lua"
    path.write_text(script(attack, client))
    command = ["wrk", f"-t{threads}", f"-c{attack.connections}", f"-d{math.ceil(seconds)}s",
               "--latency", "--timeout", "30s", "-s", str(path), base]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> Run:
    output, errors = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"wrk failed ({process.returncode}): {errors}\n{output}")
    return read_run(output)


def read_run(output: str) -> Run:
    done = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    assert done is not None, output
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    kinds = ("connect", "read", "write", "timeout")
    return Run(
        requests=int(done.group(1)),
        seconds=milliseconds(done.group(2)) / 1000,
        rps=float(rate.group(1)) if rate else math.nan,
        p50=percentile(output, 50),
        p99=percentile(output, 99),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        statuses={int(c): int(n) for c, n in re.findall(r"^status (\d+) (\d+)$", output, re.M)},
        socket_errors=dict(zip(kinds, map(int, sockets.groups()), strict=True)) if sockets else {},
    )


def percentile(output: str, which: int) -> float:
    found = re.search(rf"^\s+{which}%\s+([\d.]+\w+)", output, re.MULTILINE)
    return milliseconds(found.group(1)) if found else math.nan


def cheap_requests() -> list[Attack]:
    """The bystander's two cheap requests: a static file, and a query answered from the cache."""
    return [
        Attack("static /static/style.css", 200, path="/static/style.css", connections=1),
        Attack("ASK {} (cached)", 200, path="/sparql?query=" + quote("ASK {}"), connections=1),
    ]


def attacks(port: int, requests: int) -> list[Attack]:
    service = (
        f"SELECT ?s WHERE {{ ?x ?y ?z.SERVICE <http://127.0.0.1:{port}/sparql> "
        "{ SELECT ?s { ?s ?p ?o } LIMIT 1 } } LIMIT 1"
    )
    quadratic = ("'\\'" * (64 * 1024 // 3 + 1))[: 64 * 1024]
    nested = "SELECT * WHERE " + "{" * 3000 + "}" * 3000
    return [
        Attack("1 SERVICE bypass", 403, "POST", body=service),
        Attack("2 quadratic lexing (64 kB of '\\')", 400, "POST", body=quadratic),
        Attack("3 deep nesting (3000 {)", 400, "POST", body=nested),
        Attack(
            f"4 distinct 60 kB ASKs ({requests:,})",
            200,
            "POST",
            extra_lua=DISTINCT.format(size=LONG_QUERY_BYTES),
            quota=requests,
        ),
        Attack("5 ontology turtle, c=64", 200, path="/ontology?format=turtle", connections=64),
        Attack(
            "6 escape of no character",
            400,
            "POST",
            body='SELECT * WHERE { BIND("\\U00110000" AS ?x) }',
        ),
        Attack(
            "7 bad Host (a%zz)",
            400,
            path="/sparql?query=" + quote("ASK {}"),
            headers={"Host": "a%zz"},
        ),
    ]


def measure_cheap(base: str, seconds: float, scratch: Path) -> list[Run]:
    """The cheap requests one after the other, each its own wrk at one connection for
    `seconds` (not at once: each would slow the other on the server's one event loop)."""
    return [finish(start_wrk(c, BYSTANDER, base, 1, seconds, scratch)) for c in cheap_requests()]


def window(seconds: float) -> int:
    """Each cheap request's whole seconds beside an attack of `seconds`: both of them from 1 s
    into it to 1 s before its end."""
    return max(1, math.floor((seconds - 2) / len(cheap_requests())))


@dataclass
class Outcome:
    attack: Attack
    run: Run
    cheap: list[Run]
    cheap_window_inside: bool = True  # the cheap wrks ran while the attack still did


def run_attack(attack: Attack, server: Server, seconds: float, scratch: Path) -> Outcome:
    """The attack for `seconds` (or until its quota of answers), the cheap requests in turn
    from 1 s in."""
    threads, began = 2, time.monotonic()
    sent = per_thread(attack, threads)
    process = start_wrk(sent, ATTACKER, server.base, threads, 600 if sent.quota else seconds,
                        scratch)  # fmt: skip
    watch = QuotaWatch(process, threads if sent.quota else 0)
    watch.start()
    time.sleep(1)
    cheap = measure_cheap(server.base, window(seconds), scratch)
    inside = process.poll() is None
    watch.join()
    process.wait()
    errors = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"wrk failed ({process.returncode}): {errors}\n{watch.output}")
    print(f"  {attack.name}: {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    return Outcome(attack, read_run(watch.output), cheap, inside)


class QuotaWatch(threading.Thread):
    """Reads a wrk's output to its end; when each of its `threads` has reported its quota,
    interrupts it (wrk then prints its summary and runs done())."""

    def __init__(self, process: subprocess.Popen, threads: int):
        super().__init__(daemon=True)
        self.process, self.threads, self.output = process, threads, ""

    def run(self) -> None:
        assert self.process.stdout is not None
        reached = 0
        for line in self.process.stdout:
            self.output += line
            if self.threads and line.strip() == "quota reached":
                reached += 1
                if reached == self.threads:
                    self.process.send_signal(signal.SIGINT)


def per_thread(attack: Attack, threads: int) -> Attack:
    """The attack with its quota split between wrk's threads (each stops at its share)."""
    return replace(attack, quota=math.ceil(attack.quota / threads)) if attack.quota else attack


def statuses_cell(run: Run) -> str:
    seen = ", ".join(f"{code}×{count:,}" for code, count in sorted(run.statuses.items()))
    errors = ", ".join(f"{kind} {n:,}" for kind, n in run.socket_errors.items() if n)
    return seen + (f"; socket errors: {errors}" if errors else "") or "none"


def ratio(value: float, idle: float) -> str:
    return f"{value / idle:,.2f}" if idle and not math.isnan(value) else ""


def rows(outcome: Outcome | None, idle: list[Run]) -> list[str]:
    """One row per cheap request, beside the attack (or alone: the idle baseline)."""
    names = [c.name for c in cheap_requests()]
    found = []
    for name, cheap, alone in zip(names, outcome.cheap if outcome else idle, idle, strict=True):
        if outcome is None:
            head = "none (idle server) | | | "
        else:
            attack, run = outcome.attack, outcome.run
            expected = f"{attack.name} (expect {attack.expected})"
            head = f"{expected} | {statuses_cell(run)} | {run.rps:,.1f} | {run.p50:,.2f}"
        found.append(
            f"| {head} | {name} | {cheap.rps:,.1f} | {cheap.p50:,.2f} | {cheap.p99:,.2f} | "
            f"{cheap.non_2xx} | {ratio(cheap.rps, alone.rps)} | {ratio(cheap.p50, alone.p50)} | "
            f"{ratio(cheap.p99, alone.p99)} |"
        )
    return found


HEADER = [
    "| attack | statuses it got | attack req/s | attack p50 ms | cheap request | req/s | p50 ms "
    "| p99 ms | non-2xx | req/s ÷ idle | p50 ÷ idle | p99 ÷ idle |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
]


def surprises(outcomes: list[Outcome]) -> list[str]:
    """What was not as expected: another status, a slow or refused cheap request."""
    found = []
    names = [c.name for c in cheap_requests()]
    for outcome in outcomes:
        attack, run = outcome.attack, outcome.run
        others = {c: n for c, n in run.statuses.items() if c != attack.expected}
        if others or not run.statuses:
            found.append(f"{attack.name}: expected {attack.expected}, got {statuses_cell(run)}")
        if any(run.socket_errors.values()):
            found.append(f"{attack.name}: wrk's socket errors {run.socket_errors}")
        if not outcome.cheap_window_inside:
            found.append(f"{attack.name}: the attack ended before the cheap requests' window")
        for name, cheap in zip(names, outcome.cheap, strict=True):
            if math.isnan(cheap.p99) or cheap.p99 > SLOW_MS:
                found.append(f"{attack.name}: {name} p99 {cheap.p99:,.1f} ms (over {SLOW_MS:g})")
            if cheap.non_2xx or cheap.statuses.keys() - {200}:
                found.append(f"{attack.name}: {name} got {statuses_cell(cheap)}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=14.0, help="per attack")
    parser.add_argument("--requests", type=int, default=10_000, help="of attack 4")
    parser.add_argument("--workers", type=int, default=4)
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench/attack.py needs wrk: apt install wrk")
    print(
        f"machine: nproc {len(os.sched_getaffinity(0))} ({os.cpu_count()} CPUs); another load may "
        f"be running (load average {os.getloadavg()[0]:.2f} at start). policykg serve, default "
        f"settings, --workers {arguments.workers}; attacks by wrk -t2 -c16 (c64 for the ontology) "
        f"for {arguments.seconds:g} s from {ATTACKER}; cheap requests by wrk -t1 -c1 from "
        f"{BYSTANDER}, one after the other, {window(arguments.seconds)} s each, from 1 s into each "
        "attack (the idle baseline: the same, before the attacks)\n"
    )
    scratch = Path(tempfile.mkdtemp(prefix="bench-attack-"))
    server = Server(arguments.workers, scratch)
    try:
        outcomes, idle, memory = campaign(server, arguments, scratch)
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    lines = [*HEADER, *rows(None, idle)]
    for outcome in outcomes:
        lines += rows(outcome, idle)
    print("\n".join(lines))
    print(f"\n{memory}")
    found = surprises(outcomes)
    print("\nsurprises:" if found else "\nsurprises: none")
    print("\n".join(f"- {line}" for line in found))


def campaign(
    server: Server, arguments: argparse.Namespace, scratch: Path
) -> tuple[list[Outcome], list[Run], str]:
    """The idle baseline, then every attack in turn; the memory line of attack 4."""
    measure_cheap(server.base, 2, scratch)  # warm-up (the cache gets ASK {}), not counted
    idle = measure_cheap(server.base, window(arguments.seconds), scratch)
    print("  idle baseline done", file=sys.stderr, flush=True)
    outcomes, memory = [], ""
    started_mb = server.memory_mb()
    for attack in attacks(server.port, arguments.requests):
        server.settle()
        before = server.memory_mb()
        outcomes.append(run_attack(attack, server, arguments.seconds, scratch))
        if attack.name.startswith("4 "):
            server.settle()
            memory = memory_line(started_mb, before, server.memory_mb(), outcomes[-1].run)
    return outcomes, idle, memory


def memory_line(started: float, before: float, after: float, run: Run) -> str:
    bound = ResultCache().limit / 2**20
    answered = sum(run.statuses.values())
    return (
        f"memory (PSS of the server and its workers): {started:,.0f} MB once started, "
        f"{before:,.0f} MB before attack 4, {after:,.0f} MB after its {answered:,} answers "
        f"({statuses_cell(run)}): growth {after - before:+,.1f} MB, "
        f"beside the answer cache's bound of {bound:,.0f} MB"
    )


if __name__ == "__main__":
    main()
