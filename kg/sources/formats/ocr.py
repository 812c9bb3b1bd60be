"""Scans read by OCR (an engine of kg.sources.formats.engines): each page straightened; where it
has a ruled table, each text line read put in the cell of the grid its centre falls in (read
again cell by cell where it crosses a ruling), a merged cell's text in its first row and column,
and a cell detection passed over (a lone digit) read on its own; the rest are paragraphs."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from itertools import pairwise
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import PIL.Image
import PIL.ImageSequence
from pdfplumber.page import Page as PdfPage

from kg.errors import SourceError
from kg.sources.formats.engines import Engine, Read
from kg.sources.formats.extracted import Extracted, Fragment
from kg.sources.formats.ruling import Grid, Image, grid, ink, straightened

INSTALL = (
    "reading scans needs OCR: pip install rapidocr-onnxruntime (or Debian's tesseract-ocr-chi-sim)"
)
RESOLUTION = 200  # dots per inch a scanned PDF page is rendered at
CROSSING = 12  # pixels a text line may overrun a ruling before it is split there
INSET = 5  # pixels inside a cell's rulings where its content starts
SPECK = 12  # pixels: a mark smaller than this is noise, not writing
SURE = 0.5  # below this confidence, what a lone cell seems to hold is a scan's noise


def recognized(crop: Image, engine: Engine) -> Read | None:
    """The text of a small image that holds one line (no detection: a lone digit in a cell,
    which detection passes over), or None where it holds no writing."""
    marks = ink(crop)
    count, _, stats, _ = cv2.connectedComponentsWithStats(marks, connectivity=8)
    kept = [stats[i] for i in range(1, count) if stats[i][4] >= SPECK]
    if not kept:
        return None
    left, top = min(s[0] for s in kept), min(s[1] for s in kept)
    right, bottom = max(s[0] + s[2] for s in kept), max(s[1] + s[3] for s in kept)
    tight = cv2.copyMakeBorder(
        crop[top:bottom, left:right], 10, 10, 10, 10, cv2.BORDER_CONSTANT, value=255
    )
    text, score = engine.line(tight)
    return Read(left, top, right, bottom, text, score) if text and score >= SURE else None


def read_image(raw: bytes, path: Path, engine: Engine | None) -> Extracted:
    """A scanned page saved as an image (PNG, JPEG, TIFF, BMP; each frame of a TIFF a page)."""
    if engine is None:
        raise SourceError(path, None, INSTALL)
    try:
        frames = PIL.Image.open(BytesIO(raw))
        pages = [np.array(frame.convert("L")) for frame in PIL.ImageSequence.Iterator(frames)]
    except (OSError, ValueError, PIL.Image.DecompressionBombError) as error:
        raise SourceError(path, None, f"not a readable image: {error}") from error
    found = Extracted()
    for number, page in enumerate(pages, start=1):
        if number > 1:
            found.page_break(f"page {number}")
        read_page(page, number, found, engine)
    return found


def pdf_page_reader(engine: Engine) -> Callable[[PdfPage, int, Extracted], None]:
    """How a PDF page of images only is read: rendered at the resolution scans are made at."""

    def read(page: PdfPage, number: int, found: Extracted) -> None:
        image = page.to_image(resolution=RESOLUTION).original.convert("L")
        read_page(np.array(image), number, found, engine)

    return read


def read_page(gray: Image, page: int, found: Extracted, engine: Engine) -> None:
    """A scanned page's lines, in reading order, each character with its confidence."""
    level = straightened(gray)
    reads = engine.lines(level)
    table = grid(level)
    if table is None:
        _paragraphs(reads, f"page {page}", found)
        return
    _, top, _, bottom = table.box
    above = [r for r in reads if r.centre[1] < top]
    below = [r for r in reads if r.centre[1] > bottom]
    inside = [r for r in reads if top <= r.centre[1] <= bottom]
    _paragraphs(above, f"page {page}", found)
    _rows(table, inside, (level, engine), f"page {page}, table 1", found)
    _paragraphs(below, f"page {page}", found)


def _paragraphs(reads: list[Read], location: str, found: Extracted) -> None:
    """Text lines outside a table, one line each, top to bottom."""
    for read in sorted(reads, key=lambda r: (r.top, r.left)):
        found.read_paragraph([(read.text, read.confidence)], location)


def _rows(
    table: Grid, reads: list[Read], page: tuple[Image, Engine], location: str, found: Extracted
) -> None:
    rows, columns = len(table.rows) - 1, len(table.columns) - 1
    cells: list[list[list[tuple[float, float, Fragment]]]] = [
        [[] for _ in range(columns)] for _ in range(rows)
    ]
    for part in (piece for read in reads for piece in _split(read, table.columns, page)):
        row = _band(part.centre[1], table.rows)
        column = _band(part.centre[0], table.columns)
        if row is None or column is None:
            continue
        row, column = _origin(table, row, column)
        cells[row][column].append((part.top, part.left, (part.text, part.confidence)))
    for row, column in _unread(table, cells):
        crop = page[0][
            table.rows[row] + INSET : table.rows[row + 1] - INSET,
            table.columns[column] + INSET : table.columns[column + 1] - INSET,
        ]
        if crop.size and (read := recognized(crop, page[1])):
            cells[row][column].append((0, 0, (read.text, read.confidence)))
    for number, row_cells in enumerate(cells, start=1):
        if any(row_cells):
            ordered = [[fragment for _, _, fragment in sorted(cell)] for cell in row_cells]
            found.read_row(ordered, f"{location}, row {number}")


def _unread(table: Grid, cells: list[list[list[Any]]]) -> list[tuple[int, int]]:
    """The cells of their own (merged with none) in which detection read nothing."""
    return [
        (row, column)
        for row in range(len(cells))
        for column in range(len(cells[row]))
        if not cells[row][column]
        and table.has_top(row, column)
        and table.has_left(row, column)
        and (row + 1 == len(cells) or table.has_top(row + 1, column))
        and (column + 1 == len(cells[row]) or table.has_left(row, column + 1))
    ]


def _split(read: Read, columns: list[int], page: tuple[Image, Engine]) -> list[Read]:
    """A text line that runs over a ruling, read again in each cell it crosses."""
    cuts = [x for x in columns if read.left + CROSSING < x < read.right - CROSSING]
    if not cuts:
        return [read]
    bounds = [read.left, *cuts, read.right]
    parts = []
    for left, right in pairwise(bounds):
        crop = page[0][
            max(int(read.top) - INSET, 0) : int(read.bottom) + INSET,
            int(left) + (INSET if left in cuts else 0) : int(right)
            - (INSET if right in cuts else 0),
        ]
        piece = recognized(crop, page[1]) if crop.size else None
        if piece is not None:
            parts.append(Read(left, read.top, right, read.bottom, piece.text, piece.confidence))
    return parts


def _band(at: float, bounds: list[int]) -> int | None:
    index = int(np.searchsorted(bounds, at)) - 1
    return index if 0 <= index < len(bounds) - 1 else None


def _origin(table: Grid, row: int, column: int) -> tuple[int, int]:
    """The first row and column of the merged cell (row, column) lies in."""
    while row > 0 and not table.has_top(row, column):
        row -= 1
    while column > 0 and not table.has_left(row, column):
        column -= 1
    return row, column
