"""A synthetic corpus of source tables for measuring the build at scale: task-division tables in
the layout of the real automobile table, their rows recombined from its own cells (task texts,
themes, lead and cooperating cells as printed, funding lines), so every name resolves as in the
real build. Deterministic for a given size and seed. Bench data only: never put it in data/.

    python bench/sources.py 10000000 -o /tmp/sources-10m    # about 10M triples once built
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from kg.paths import SOURCES
from kg.sources.read import read_source
from kg.sources.records import Mention

REAL = SOURCES / "guangzhou-auto-2020-task-division.txt"
HEADER = "序号\t主要任务\t\t牵头(负责)部门\t配合部门\t备注"
IMPRINT = "广州市人民政府办公厅秘书处2020年9月10日印发"
TASKS = 100  # rows per document
TRIPLES_PER_DOCUMENT = 4500  # about what one document of TASKS rows builds into (measured)


@dataclass(frozen=True)
class Cells:
    """What the real table prints, to recombine."""

    texts: tuple[str, ...]
    themes: tuple[str, ...]
    leads: tuple[str, ...]
    cooperators: tuple[str, ...]


def joined(mentions: tuple[Mention, ...]) -> str:
    return "、".join(m.written for m in mentions)


def real_cells() -> Cells:
    table = read_source(REAL)
    tasks = [t for t in table.tasks if t.text]
    return Cells(
        texts=tuple(t.text for t in tasks if t.text),
        themes=tuple(theme.label for theme in table.themes),
        leads=tuple(sorted({joined(t.leads) for t in tasks if t.leads})),
        cooperators=tuple(sorted({joined(t.cooperators) for t in tasks if t.cooperators})),
    )


def document(number: int, cells: Cells, rng: random.Random) -> str:
    lines = ["", "", f"《广州市合成基准第{number}号意见》任务分工表", "", HEADER]
    for row in range(1, TASKS + 1):
        theme = rng.choice(cells.themes) if row % 5 == 1 else ""
        text = f"{rng.choice(cells.texts)}（第{row}项）"
        lead, cooperating = rng.choice(cells.leads), rng.choice(cells.cooperators)
        lines.append(f"{row}\t{theme}\t{text}\t{lead}\t{cooperating}\t")
    return "\n".join([*lines, "", IMPRINT, ""])


def write_corpus(size: int, directory: Path, seed: int = 2020) -> int:
    """Write about `size` triples' worth of tables into the directory; the number of files."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    cells, rng = real_cells(), random.Random(seed)
    count = max(1, size // TRIPLES_PER_DOCUMENT)
    for number in range(1, count + 1):
        text = document(number, cells, rng)
        (directory / f"synthetic-{number:06d}.txt").write_text(text, encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="about how many triples, once built")
    parser.add_argument("-o", "--output", type=Path, required=True, help="directory to fill")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    count = write_corpus(args.size, args.output, args.seed)
    print(f"{count} tables -> {args.output}")


if __name__ == "__main__":
    main()
