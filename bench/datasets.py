"""Reading a crawled dataset at scale: a CSV of N records (default 10,000) recombined from real
documents' text (the corpus's, the held-out and the crawled documents', in turn; one in ten a
record that assigns nothing), read by the same function (kg.sources.inputs.read_item) in this
process, in a pool of processes on every core, and on a Dask cluster of as many local workers;
then whole `policykg build` runs on it. Each run is a process of its own, timed with its peak
memory (the largest process's resident set) by GNU time.

.venv/bin/python bench/datasets.py [--records 10000]     # the table the README shows
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.parallel import cores, mapped
from kg.sources.datasets import Columns, records
from kg.sources.inputs import read_item

ROOT = Path(__file__).parent.parent
DOCUMENTS = [
    *sorted((ROOT / "data" / "sources").glob("*.txt")),
    *sorted((ROOT / "tests" / "corpus" / "heldout").glob("*.txt")),
    *sorted((ROOT / "tests" / "corpus" / "crawled").glob("*.txt")),
]
NOTHING = "市政府召开常务会议，研究部署下一阶段经济工作。会议强调，要坚定信心，狠抓落实。"
COLUMNS = Columns("content", title="title", id="id")


def make_dataset(path: Path, size: int) -> None:
    texts = [document.read_text(encoding="utf-8") for document in DOCUMENTS]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "content"])
        for number in range(size):
            text = NOTHING if number % 10 == 9 else texts[number % len(texts)]
            writer.writerow([f"r{number}", "", text])


def read_all(dataset: Path, mode: str) -> None:
    """Read every record (no graph), as a mode says: one, processes, dask."""
    workers = 1 if mode == "one" else cores()
    if mode == "dask":
        from distributed import LocalCluster

        with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None,
                          host="127.0.0.1", scheduler_port=0) as cluster:  # fmt: skip
            outcomes = mapped(
                read_item, records(dataset, COLUMNS), scheduler=cluster.scheduler_address
            )
            print(sum(1 for outcome in outcomes if outcome.document))
        return
    print(
        sum(
            1
            for outcome in mapped(read_item, records(dataset, COLUMNS), workers)
            if outcome.document
        )
    )


def timed(command: list[str]) -> tuple[float, int, str]:
    """Seconds, peak resident memory (MB) and standard output of a command run alone."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
                              capture_output=True, text=True, check=True)  # fmt: skip
        seconds = time.perf_counter() - start
        return seconds, int(report.read().split()[-1]) // 1024, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--read", choices=["one", "processes", "dask"])
    parser.add_argument("--dataset", type=Path)
    arguments = parser.parse_args()
    if arguments.read:
        read_all(arguments.dataset, arguments.read)
        return
    with tempfile.TemporaryDirectory() as work:
        dataset = Path(work) / "crawl.csv"
        make_dataset(dataset, arguments.records)
        size = dataset.stat().st_size // 1_000_000
        print(f"{arguments.records} records, {size} MB of CSV, {cores()} cores\n")
        print(
            "| run | documents read | seconds | documents/s | peak memory (MB) | vs one process |"
        )
        print("|---|---|---|---|---|---|")
        baseline = None
        runs = [
            ("read: one process", "one"),
            (f"read: {cores()} processes", "processes"),
            (f"read: Dask, {cores()} local workers", "dask"),
        ]
        for name, mode in runs:
            command = [sys.executable, __file__, "--read", mode, "--dataset", str(dataset)]
            seconds, memory, out = timed(command)
            baseline = baseline or seconds
            rate = arguments.records / seconds
            ratio = baseline / seconds
            print(f"| {name} | {out} | {seconds:.1f} | {rate:.0f} | {memory} | {ratio:.2f}x |")
        policykg = str(Path(sys.executable).with_name("policykg"))
        for jobs in ("1", str(cores())):
            output = Path(work) / f"graph-{jobs}.ttl"
            command = [
                policykg, "build", str(dataset), "--text-column", "content", "--id-column", "id",
                "--keep-unresolved", "-j", jobs, "-o", str(output),
            ]  # fmt: skip
            seconds, memory, _ = timed(command)
            rate, ratio = arguments.records / seconds, baseline / seconds
            name = f"whole build (graph written), -j {jobs}"
            print(f"| {name} | | {seconds:.1f} | {rate:.0f} | {memory} | {ratio:.2f}x |")


if __name__ == "__main__":
    main()
