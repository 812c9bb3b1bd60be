"""A spreadsheet (.xlsx with openpyxl, .xls with xlrd): each sheet's rows as lines of cells, a
merged cell's value in its first row and column only, whole numbers as whole (1, not 1.0)."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import openpyxl
import xlrd
from openpyxl.utils import get_column_letter

from kg.errors import SourceError
from kg.sources.formats.extracted import Extracted

Value = str | int | float | bool | dt.datetime | dt.date | dt.time | None


def cell_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(raw: bytes, path: Path) -> Extracted:
    try:
        book = openpyxl.load_workbook(BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises whatever its zip and XML layers raise
        raise SourceError(path, None, f"not a readable Excel workbook: {error}") from error
    found = Extracted()
    try:
        for sheet in book.worksheets:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                _row(
                    [cell_text(value) for value in values],
                    f"sheet {sheet.title}, row {number}",
                    found,
                )
    finally:
        book.close()
    return found


def read_xls(raw: bytes, path: Path) -> Extracted:
    try:
        book = xlrd.open_workbook(file_contents=raw, on_demand=True)
    except Exception as error:  # xlrd raises its own errors and the OLE2 layer's
        raise SourceError(path, None, f"not a readable Excel 97-2003 workbook: {error}") from error
    found = Extracted()
    for sheet in book.sheets():
        for number in range(sheet.nrows):
            values = [cell_text(value) for value in sheet.row_values(number)]
            _row(values, f"sheet {sheet.name}, row {number + 1}", found)
    return found


def _row(cells: list[str], location: str, found: Extracted) -> None:
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) > 1:
        found.row(
            cells, location, [f"column {get_column_letter(i)}" for i in range(1, len(cells) + 1)]
        )
    elif filled:  # a title or a note across the sheet: a paragraph
        found.paragraph(filled[0], location)
