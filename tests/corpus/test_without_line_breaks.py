"""Every prose document of the corpus and the held-out set (the inline and list forms) reads to
the same tasks, roles and names with its line breaks removed, as crawled datasets keep text, and
with its paragraphs joined by 　　 indents. Structure comes from content, not from lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg import build as pipeline
from kg.sources.read import read_source
from kg.sources.records import SourceDocument

HELDOUT = Path(__file__).parent / "heldout"
FILES = [
    *sorted(pipeline.SOURCES.glob("*.txt")),
    *sorted(pipeline.SOURCES.glob("*.html")),
    *sorted(HELDOUT.glob("*.txt")),
]
PROSE = [path for path in FILES if read_source(path).form in ("inline", "list")]
JOINERS = {"no line breaks": "", "paragraphs joined by 　　": "\u3000\u3000"}


def records(document: SourceDocument) -> list[tuple]:
    return sorted(
        (t.number, t.label, [m.written for m in t.leads], [m.written for m in t.cooperators])
        for t in document.tasks
    )


CASES = [
    pytest.param(
        path,
        joiner,
        id=f"{path.name}-{name}",
    )
    for path in PROSE
    for name, joiner in JOINERS.items()
]


@pytest.mark.parametrize(("path", "joiner"), CASES)
def test_the_same_records_whatever_the_lines(path: Path, joiner: str, tmp_path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    joined = tmp_path / path.name
    joined.write_text(re.sub(r"\r?\n", joiner, text), encoding="utf-8")
    assert records(read_source(joined)) == records(read_source(path))
