"""A PDF's text layer (pdfplumber): on each page, its ruled tables as rows of cells (a merged
cell's text in its first row and column only), or where it has none a table printed without
rulings (kg.sources.formats.unruled), and the lines outside them, top to bottom; a blank line
between pages, so that a row a page break splits goes on where the next page takes it up."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.table import Table

from kg.errors import SourceError
from kg.sources.formats.extracted import Extracted
from kg.sources.formats.unruled import Columns, CrowdedTable, read_unruled

Entry = tuple[float, Callable[[Extracted], None]]  # where on the page it starts, and its lines
WRAP_MARGIN = 1.5  # characters short of the right margin a wrapped line may end
Ocr = Callable[[Page, int, Extracted], None]


def read_pdf(raw: bytes, path: Path, ocr: Ocr | None) -> Extracted:
    """Every page's text; a page of images only is read by `ocr`, or is an error without it."""
    found = Extracted()
    unruled: Columns | None = None  # the unruled table the page before ended with
    try:
        with pdfplumber.open(BytesIO(raw)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if number > 1:
                    found.page_break(f"page {number}")
                unruled = _page(page, number, found, unruled) if page.chars else None
                if not page.chars and page.images and ocr is None:
                    raise SourceError(
                        path, None, f"page {number} is an image with no text: {NO_OCR}"
                    )
                if not page.chars and page.images and ocr is not None:
                    ocr(page, number, found)
    except SourceError:
        raise
    except CrowdedTable as error:
        raise SourceError(path, None, f"page {number}: {error}") from error
    except Exception as error:  # pdfminer raises many kinds: encrypted, truncated, malformed
        raise SourceError(path, None, f"not a readable PDF: {_reason(error)}") from error
    return found


NO_OCR = "reading scans needs OCR (pip install rapidocr-onnxruntime)"


def _reason(error: Exception) -> str:
    """What went wrong, in words: pdfplumber wraps pdfminer's own errors in its args."""
    inner = [error, *(arg for arg in error.args if isinstance(arg, Exception))]
    if any("Password" in type(e).__name__ or "Encrypt" in type(e).__name__ for e in inner):
        return "it is encrypted (a password is needed to open it)"
    cause = inner[-1]
    return f"{type(cause).__name__} {cause}".strip()


def _page(page: Page, number: int, found: Extracted, before: Columns | None) -> Columns | None:
    """Read a page with a text layer; the unruled table it ends with, if any (a table may go on
    to the next page)."""
    tables = page.find_tables()
    entries: list[Entry] = [
        (table.bbox[1], _table_lines(table.extract(), f"page {number}, table {i}"))
        for i, table in enumerate(tables, start=1)
    ]
    outside = page.filter(lambda obj: not any(_inside(obj, table) for table in tables))
    lines = outside.extract_text_lines(return_chars=True)
    unruled = None if tables else read_unruled(lines, before)
    if unruled is not None:
        entries.append((unruled.top, _table_lines(unruled.rows, f"page {number}, table 1")))
        lines = unruled.before + unruled.after
    for top, text, first, last in _paragraphs(lines):
        where = f"page {number}, line {first}" + (f" to line {last}" if last > first else "")
        entries.append((top, _text_line(text, where)))
    for _, add in sorted(entries, key=lambda entry: entry[0]):
        add(found)
    return unruled.columns if unruled is not None else None


def _paragraphs(lines: list[dict[str, Any]]) -> list[tuple[float, str, int, int]]:
    """The page's lines with each line that runs to the right margin joined to the next (a
    paragraph the page width wrapped): where it starts, its text, its first and last line."""
    right = max((line["x1"] for line in lines), default=0.0)
    found: list[tuple[float, str, int, int]] = []
    wrapped = False
    for number, line in enumerate(lines, start=1):
        if wrapped:
            top, text, first, _ = found[-1]
            found[-1] = (top, text + "\n" + line["text"], first, number)
        else:
            found.append((line["top"], line["text"], number, number))
        size = line["bottom"] - line["top"]  # a character is about as wide as the line is high
        wrapped = line["x1"] >= right - WRAP_MARGIN * size
    return found


def _inside(obj: dict[str, Any], table: Table) -> bool:
    x0, top, x1, bottom = table.bbox
    x, y = obj.get("x0"), obj.get("top")
    return x is not None and y is not None and x0 <= x <= x1 and top <= y <= bottom


def _table_lines(rows: Sequence[Sequence[str | None]], name: str) -> Callable[[Extracted], None]:
    def add(found: Extracted) -> None:
        for row_number, row in enumerate(rows, start=1):
            cells = [cell or "" for cell in row]
            if any(cell.strip() for cell in cells):
                found.row(cells, f"{name}, row {row_number}")

    return add


def _text_line(text: str, location: str) -> Callable[[Extracted], None]:
    return lambda found: found.paragraph(text, location)
