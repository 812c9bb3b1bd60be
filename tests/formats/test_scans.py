"""Scans read by OCR: the automobile table's PDF rendered at 200 dpi by pdftoppm (one straight,
one tilted 1.5° with noise and blur; make_files.py), read to the records of its text; the grid of
a ruled table with merged cells; confidence in the graph."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from published import FILES, TEXT, records
from rdflib import RDF

from kg.build import Inputs, graph_from
from kg.graph.iris import POL
from kg.sources.formats.ruling import grid, skew, straightened
from kg.sources.read import read_source
from kg.sources.records import SourceDocument
from kg.sources.text import read_source_text


def assigned(document: SourceDocument) -> list[tuple[object, ...]]:
    """Each task's number, theme and bodies (what OCR reads of its words is measured in bench/)."""
    return [(task[0], task[1], task[3], task[4]) for task in records(document)[2]]  # type: ignore[index]


def test_a_straight_scan_reads_as_its_text() -> None:
    assert assigned(read_source(FILES / "auto-table-scan.pdf")) == assigned(read_source(TEXT))


def test_a_tilted_noisy_scan_reads_every_task_under_its_theme() -> None:
    """The share of names read right is measured (bench/formats.py), not asserted."""
    read, text = (
        assigned(read_source(FILES / "auto-table-scan-tilted.pdf")),
        assigned(read_source(TEXT)),
    )
    assert [task[:2] for task in read] == [task[:2] for task in text]


def test_names_read_by_ocr_carry_their_confidence() -> None:
    graph = graph_from(Inputs([FILES / "auto-table-scan.pdf"]))
    scores = [float(c) for c in graph.objects(None, POL.ocrConfidence)]
    assignments = list(graph.subjects(RDF.type, POL.Assignment))
    assert len(scores) == len(assignments) == 131
    assert all(0 < score <= 1 for score in scores)
    low = set(graph.subjects(POL.lowConfidence, None))
    assert all(float(graph.value(a, POL.ocrConfidence)) < 0.9 for a in low)


def test_an_image_file_is_a_page_read_by_ocr(tmp_path: Path) -> None:
    """The scan's first page saved as a PNG: its rows, each with where it stands."""
    import pdfplumber

    with pdfplumber.open(FILES / "auto-table-scan.pdf") as pdf:
        pdf.pages[0].to_image(resolution=200).original.save(tmp_path / "page.png")
    source = read_source_text(tmp_path / "page.png")
    first = next(line for line in source.lines if line.row and line.text.startswith("1\t"))
    assert first.text.split("\t")[3] == "市工业和信息化局"
    assert source.locations[first.number].where == "page 1, table 1, row 2"
    assert source.confidence and len(source.confidence) > 100


def drawn_table(merged: bool, angle: float = 0.0) -> np.ndarray:
    """A white page with a 3 by 3 ruled table; `merged`: the first column's rows 2 and 3 are
    one cell (no ruling between them)."""
    page = np.full((600, 800), 255, np.uint8)
    xs, ys = [100, 300, 500, 700], [100, 200, 300, 400]
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 2)
    for i, y in enumerate(ys):
        start = xs[1] if merged and i == 2 else xs[0]
        cv2.line(page, (start, y), (xs[-1], y), 0, 2)
    if angle:
        matrix = cv2.getRotationMatrix2D((400, 300), angle, 1.0)
        page = cv2.warpAffine(page, matrix, (800, 600), borderValue=255)
    return page


def test_a_ruled_grid_and_its_merged_cells() -> None:
    table = grid(drawn_table(merged=True))
    assert table is not None
    assert len(table.columns) == 4 and len(table.rows) == 4
    assert table.has_top(1, 0) and not table.has_top(2, 0) and table.has_top(2, 1)
    assert grid(drawn_table(merged=False)).has_top(2, 0)  # type: ignore[union-attr]


def test_a_tilted_page_is_straightened_before_its_grid_is_read() -> None:
    tilted = drawn_table(merged=False, angle=2.0)
    assert abs(skew(tilted) + 2.0) <= 0.2
    table = grid(straightened(tilted))
    assert table is not None and len(table.columns) == 4 and len(table.rows) == 4


def test_a_page_without_rulings_has_no_grid() -> None:
    assert grid(np.full((600, 800), 255, np.uint8)) is None
