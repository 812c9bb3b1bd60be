"""A Word document (.docx, python-docx): its paragraphs and tables in the order they stand, a table
row a line of cells, a merged cell's text in its first row and column only (as it is printed)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from kg.errors import SourceError
from kg.sources.formats.extracted import Extracted

CONTINUED = "continue"  # w:vMerge without a value continues the merged cell above


def read_docx(raw: bytes, path: Path) -> Extracted:
    try:
        document = docx.Document(BytesIO(raw))
    except Exception as error:  # python-docx raises whatever its zip and XML layers raise
        raise SourceError(path, None, f"not a readable Word document: {error}") from error
    found = Extracted()
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            if block.text.strip():
                found.paragraph(block.text, f"paragraph {paragraphs}")
        else:
            tables += 1
            _table(block, f"table {tables}", found)
    return found


def _table(table: Table, name: str, found: Extracted) -> None:
    for number, row in enumerate(table.rows, start=1):
        cells = [""] * row.grid_cols_before
        for tc in row._tr.tc_lst:
            continued = tc.vMerge == CONTINUED
            cells.append("" if continued else _Cell(tc, table).text)
            cells += [""] * (tc.grid_span - 1)
        if any(cell.strip() for cell in cells):
            found.row(cells, f"{name}, row {number}")
