"""A source file as lines of normalized text: decoded, HTML flattened, one script, one punctuation.

Every reader works on these lines. Each character keeps the source line it came from and the form
the file prints it in, so a name read from a traditional-script copy is still written as printed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import opencc

from kg.errors import SourceError
from kg.sources.breaks import broken
from kg.sources.encoding import decode
from kg.sources.formats.detect import kind_of
from kg.sources.formats.engines import Engine
from kg.sources.formats.extract import TEXT_KINDS, extract
from kg.sources.html import PhysicalLine, lines_of, parse
from kg.sources.main_content import article, is_whole_page
from kg.sources.page_metadata import PageMetadata, page_metadata
from kg.sources.places import Place
from kg.sources.spans import SpannedText

# Half-width punctuation that Chinese text also writes full-width; the readers see full-width.
HALF_WIDTH = {":": "：", "(": "（", ")": "）", ",": "，", ";": "；"}
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ASCII_ALNUM = re.compile(r"[0-9A-Za-z]")
TRADITIONAL_SHARE = 0.02  # converted characters per CJK character above which a file is traditional
_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_TEXT = 32_000_000  # bytes of text (or HTML) a source may hold
MAX_FILE = 512_000_000  # bytes of any source file (a PDF of scans, a workbook)


@dataclass(frozen=True)
class Line:
    """One logical line: a line of a text file, or a paragraph or table row of an HTML page."""

    number: int  # the source line it starts on
    content: SpannedText
    row: bool = False  # a row of a table (an HTML <tr>, or a text line with tab-separated cells)

    @property
    def text(self) -> str:
        return self.content.text


def row_line(number: int, cells: list[SpannedText]) -> Line:
    """Cells as one table row: a line of tab-separated cells."""
    content = cells[0]
    for cell in cells[1:]:
        content = content + SpannedText.at("\t", number) + cell
    return Line(number, content, row=True)


@dataclass(frozen=True)
class SourceText:
    """A source file read and normalized, with what a build records of it."""

    path: Path
    sha256: str
    lines: tuple[Line, ...]
    traditional: bool  # the file prints traditional characters (the lines hold simplified)
    metadata: PageMetadata  # what a portal prints above the article (发文字号, 成文日期 ...)
    kind: str = "text"  # what the file is: text, html, pdf, docx, xlsx ... (formats.detect)
    # where each line stands in a file of no lines of its own: "page 2, line 4", "table 1, row 5"
    locations: Mapping[int, Place] = field(default_factory=dict)
    # where OCR read any of it: each character's confidence (0-1) at its offset
    confidence: tuple[float, ...] = ()

    @property
    def html(self) -> bool:
        return self.kind == "html"

    @property
    def spanned_text(self) -> SpannedText:
        """The normalized lines, each ending in a line break, as one text that keeps its lines."""
        return SpannedText.concat(
            line.content + SpannedText.at("\n", line.number) for line in self.lines
        )

    @property
    def run_on(self) -> frozenset[int]:
        """The source lines that hold more than one line of the text: lost line breaks."""
        counts = Counter(line.number for line in self.lines)
        return frozenset(number for number, count in counts.items() if count > 1)

    @property
    def full_text(self) -> str:
        """The normalized lines joined, for what a document states once (排在第一位的为牵头单位)."""
        return "".join(line.text for line in self.lines)


def read_source_text(path: Path) -> SourceText:
    """Read a source file of any kind; unreadable files are located errors."""
    raw = _read(path)
    return source_text(path, raw, kind_of(raw, path))


def _checked_size(raw: bytes, path: Path, kind: str) -> None:
    """No document's text runs to tens of megabytes: a larger text is refused, not read for
    minutes (a published file of scans may be larger)."""
    if kind in TEXT_KINDS and len(raw) > MAX_TEXT:
        size = len(raw) // 1_000_000
        problem = (
            f"{size} MB of text: larger than any document ({MAX_TEXT // 1_000_000} MB at most)"
        )
        raise SourceError(path, None, problem)


def source_text(path: Path, raw: bytes, kind: str, engine: Engine | None = None) -> SourceText:
    """The lines of a source's bytes of a kind (formats.detect); `path` names it in errors; a
    scan is read by the OCR `engine` (default: the best installed)."""
    _checked_size(raw, path, kind)
    locations: Mapping[int, Place] = {}
    confidence: tuple[float, ...] = ()
    if kind in TEXT_KINDS:
        decoded = decode(raw, path, kind == "html")
        page, physical = html_page(decoded) if kind == "html" else (text_lines(decoded),) * 2
    else:
        extracted = extract(kind, raw, path, engine)
        page = physical = extracted.lines
        decoded, locations = extracted.text, extracted.locations
        confidence = tuple(extracted.confidence) if extracted.ocr else ()
    traditional = is_traditional(decoded)
    metadata = page_metadata((normalize(content, traditional), row) for _, content, row in page)
    lines = tuple(
        Line(number, part, row)
        for number, content, row in physical
        for part in lines_in(normalize(content, traditional), row)
    )
    digest = hashlib.sha256(raw).hexdigest()
    return SourceText(path, digest, lines, traditional, metadata, kind, locations, confidence)


def html_page(html: str) -> tuple[list[PhysicalLine], list[PhysicalLine]]:
    """A page's lines, and its article's (a whole page's main content; a fragment's all)."""
    root = parse(html)
    page = lines_of(root)
    body = article(root, html) if is_whole_page(root) else root
    return page, page if body is root else lines_of(body)


def lines_in(content: SpannedText, row: bool) -> list[SpannedText]:
    """A line of text as the lines it holds (kg.sources.breaks); a table row as it is."""
    return [content] if row else broken(content)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            problem = f"{size // 1_000_000} MB: larger than {MAX_FILE // 1_000_000} MB"
            raise SourceError(path, None, problem)
        return path.read_bytes()
    except OSError as error:
        raise SourceError(path, None, f"cannot read the file: {error.strerror}") from error


def text_lines(text: str) -> list[PhysicalLine]:
    """Each line with its number, each character with its offset in the text."""
    found: list[PhysicalLine] = []
    offset = 0
    for number, kept in enumerate(text.splitlines(keepends=True), start=1):
        line = kept.splitlines()[0] if kept.strip("\r\n") else kept.rstrip("\r\n")
        found.append((number, SpannedText.at(line, number, offset=offset), "\t" in line))
        offset += len(kept)
    return found


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


def is_traditional(text: str) -> bool:
    """Whether a text prints traditional characters: converting it to simplified changes many."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return False
    converted = _converter().convert(text)
    if len(converted) != len(text):
        return True
    changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    return changed / cjk > TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    """Simplified characters, one for one (phrase-level where that keeps the length)."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_converter().convert(char) or char for char in text)


def full_width(text: str) -> str:
    """Half-width :(),; as full-width, except between two ASCII letters or digits (1,000; a:b)."""
    chars = list(text.translate(FULL_WIDTH_DIGITS))
    for i, char in enumerate(chars):
        if char not in HALF_WIDTH:
            continue
        before = chars[i - 1] if i else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if not (_ASCII_ALNUM.match(before) and _ASCII_ALNUM.match(after)):
            chars[i] = HALF_WIDTH[char]
    return "".join(chars)


def normalize(content: SpannedText, traditional: bool) -> SpannedText:
    """The text the readers parse, the printed form kept beside it."""
    printed = content.as_printed
    text = full_width(to_simplified(printed) if traditional else printed)
    return SpannedText(text, content.lines, None if text == printed else printed, content.offsets)
