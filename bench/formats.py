"""How well each published format reads: the automobile table as its text file, as HTML, as
LibreOffice's DOCX, PDF and XLSX, as PDFs without rulings (cells centred, at the top, and with
Word's default cell margins), as a Word 97 DOC (made by LibreOffice in this run), and scanned at
200 dpi (straight; tilted with noise and blur) read by each OCR engine installed. For each, the
assignments read right as a share of the hand reading (131), the tasks, and the time.

.venv/bin/python bench/formats.py        # the table the README shows
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.errors import SourceError
from kg.sources.evaluation import Score, load_reading, score
from kg.sources.formats.detect import kind_of
from kg.sources.formats.engines import Engine, RapidOcr, Tesseract
from kg.sources.formats.office import saved_as
from kg.sources.read import read_document
from kg.sources.text import source_text

ROOT = Path(__file__).parent.parent
FILES = ROOT / "tests" / "formats" / "files"
TEXT = ROOT / "data" / "sources" / "guangzhou-auto-2020-task-division.txt"
READING = ROOT / "tests" / "corpus" / "readings" / "guangzhou-auto-2020-task-division.csv"


def measured(path: Path, engine: Engine | None = None) -> tuple[Score | str, float]:
    """The file's score against the hand reading (or the error that stopped it), and seconds."""
    raw = path.read_bytes()
    start = time.perf_counter()
    try:
        document = read_document(source_text(path, raw, kind_of(raw, path), engine))
        result: Score | str = score(document, load_reading(READING))
    except SourceError as error:
        result = f"error: {error.problem.split(' (')[0]}"
    return result, time.perf_counter() - start


def word_97(work: Path) -> Path:
    docx = FILES / "auto-table.docx"
    path = work / "auto-table.doc"
    path.write_bytes(saved_as(docx.read_bytes(), docx, "doc"))
    return path


def row(name: str, how: str, result: Score | str, seconds: float) -> str:
    if isinstance(result, str):
        return f"| {name} | {how} | | {result} | | {seconds:.2f} |"
    share = result.correct / result.expected
    return (
        f"| {name} | {how} | {result.tasks_read}/{result.tasks_expected} "
        f"| {result.correct}/{result.expected} | {share:.1%} | {seconds:.2f} |"
    )


def main() -> None:
    print("| file | read by | tasks | assignments right | share of the reading | seconds |")
    print("|---|---|---|---|---|---|")
    files: list[tuple[str, Path, str]] = [
        ("text (the corpus file)", TEXT, "text reader"),
        ("HTML, merged cells as rowspan/colspan", FILES / "auto-table.html", "HTML flattener"),
        ("DOCX (LibreOffice)", FILES / "auto-table.docx", "python-docx"),
        ("PDF, rows split across pages (LibreOffice)", FILES / "auto-table.pdf", "pdfplumber"),
        *(
            (f"PDF without rulings, {how} (LibreOffice)", FILES / name, "pdfplumber, unruled")
            for how, name in (
                ("cells centred, from HTML", "auto-table-unruled.pdf"),
                ("cells at the top, from HTML", "auto-table-unruled-top.pdf"),
                ("Word's cell margins, centred", "auto-table-unruled-word.pdf"),
                ("Word's cell margins, at the top", "auto-table-unruled-word-top.pdf"),
            )
        ),
        ("XLSX (LibreOffice)", FILES / "auto-table.xlsx", "openpyxl"),
    ]
    with tempfile.TemporaryDirectory() as work:
        if shutil.which("soffice"):
            files.append(
                ("DOC, Word 97 (LibreOffice)", word_97(Path(work)), "LibreOffice -> python-docx")
            )
        for name, path, how in files:
            print(row(name, how, *measured(path)))
    engines: list[Callable[[], Engine]] = [RapidOcr]
    if shutil.which("tesseract"):
        engines.append(Tesseract)
    scans = [
        ("auto-table-scan.pdf", "scan, 200 dpi"),
        ("auto-table-scan-tilted.pdf", "scan, 200 dpi, tilted 1.5°, noise, blur"),
    ]
    for scan, name in scans:
        for make in engines:
            engine = make()
            print(row(name, f"OCR: {engine.name}", *measured(FILES / scan, engine)))


if __name__ == "__main__":
    main()
