"""Any published file's lines: by what its bytes are, the reader of its format (converting what
only an office suite reads first)."""

from __future__ import annotations

from pathlib import Path

from kg.errors import SourceError
from kg.sources.formats.detect import kind_of
from kg.sources.formats.engines import Engine, default_engine
from kg.sources.formats.extracted import Extracted
from kg.sources.formats.ocr import pdf_page_reader, read_image
from kg.sources.formats.office import SPREADSHEET_SUFFIXES, converted
from kg.sources.formats.pdf import read_pdf
from kg.sources.formats.sheets import read_xls, read_xlsx
from kg.sources.formats.word import read_docx

TEXT_KINDS = ("text", "html")
OFFICE_ONLY = ("doc", "odt", "ods")


def extract(kind: str, raw: bytes, path: Path, engine: Engine | None = None) -> Extracted:
    """The lines of a file of a publishing format (any kind but text and html); scans are read
    by `engine` (default: the best OCR installed)."""
    if kind in OFFICE_ONLY:
        spreadsheet = kind == "ods" or path.suffix.lower() in SPREADSHEET_SUFFIXES
        done = converted(raw, path, spreadsheet)
        return extract(kind_of(done, path), done, path, engine)
    if kind == "pdf":
        ocr = engine or default_engine()
        return read_pdf(raw, path, pdf_page_reader(ocr) if ocr else None)
    if kind == "docx":
        return read_docx(raw, path)
    if kind == "xlsx":
        return read_xlsx(raw, path)
    if kind == "xls":
        return read_xls(raw, path)
    if kind == "ofd":
        raise SourceError(
            path, None, "an OFD file: no maintained OFD reader is installed; print it to PDF"
        )
    if kind == "image":
        return read_image(raw, path, engine or default_engine())
    raise SourceError(path, None, f"a file of a kind no reader reads: {kind}")
