"""What a file of a publishing format holds, as lines, and where each line stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from kg.sources.html import PhysicalLine
from kg.sources.places import Place
from kg.sources.spans import SpannedText

# A wrapped line inside a cell or a paragraph: Chinese joins with nothing, Latin with a space
_WIDE = r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]"
_WRAP = re.compile(rf"(?<={_WIDE})\s*\n\s*|\s*\n\s*(?={_WIDE})")
_SPACE = re.compile(r"\s+")
_WIDE_CHAR = re.compile(_WIDE)


def unwrapped(text: str) -> str:
    """A cell's or a paragraph's lines as the one line they wrap."""
    return _SPACE.sub(" ", _WRAP.sub("", text.strip()))


Fragment = tuple[str, float]  # text read by OCR, and the confidence (0-1) it was read with


@dataclass
class Extracted:
    """The lines of a PDF, Word or spreadsheet file (numbered from 1 in reading order), and for
    each line number where it stands in the file: "page 2", "table 1, row 5", "sheet 分工, row 7".
    Each character has its offset in `text`; where OCR read any, `confidence` holds each
    character's confidence (0-1; 1 for what a text layer holds) at its offset."""

    lines: list[PhysicalLine] = field(default_factory=list)
    locations: dict[int, Place] = field(default_factory=dict)
    confidence: list[float] = field(default_factory=list)
    ocr: bool = False  # some of it was read by OCR

    def paragraph(self, text: str, location: str) -> None:
        self._add(unwrapped(text), location, row=False)

    def row(self, cells: list[str], location: str, names: list[str] | None = None) -> None:
        """A table row: its cells tab-separated (a merged cell's text in its first place only),
        each cell called as `names` says (default: cell 1, cell 2 ...)."""
        texts = [unwrapped(cell) for cell in cells]
        self._add("\t".join(texts), location, row=True, cells=(texts, names))

    def read_row(self, cells: list[list[Fragment]], location: str) -> None:
        """A table row read by OCR: each cell's fragments, in reading order."""
        texts: list[str] = []
        confidence: list[float] = []
        for cell in cells:
            text, scores = joined(cell)
            confidence += ([1.0] if texts else []) + scores  # the tab before it, then its own
            texts.append(text)
        self._add("\t".join(texts), location, row=True, confidence=confidence)

    def read_paragraph(self, fragments: list[Fragment], location: str) -> None:
        text, confidence = joined(fragments)
        self._add(text, location, row=False, confidence=confidence)

    def page_break(self, location: str) -> None:
        """A blank line where a page ends: a table row may go on after it."""
        self._add("", location, row=False)

    def _add(
        self,
        text: str,
        location: str,
        row: bool,
        confidence: list[float] | None = None,
        cells: tuple[list[str], list[str] | None] | None = None,
    ) -> None:
        number = len(self.lines) + 1
        offset = len(self.confidence)
        self.lines.append((number, SpannedText.at(text, number, offset=offset), row))
        self.locations[number] = _place(location, offset, cells)
        self.confidence += (confidence or [1.0] * len(text)) + [1.0]  # and the line's break
        self.ocr = self.ocr or confidence is not None

    @property
    def text(self) -> str:
        return "\n".join(line[1].text for line in self.lines)


def _place(where: str, offset: int, cells: tuple[list[str], list[str] | None] | None) -> Place:
    """A line's place, and for a row where each of its cells starts (after a tab each)."""
    if cells is None:
        return Place(where)
    texts, names = cells
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=offset))
    called = names or [f"cell {number}" for number in range(1, len(texts) + 1)]
    return Place(where, tuple(starts), tuple(called))


def joined(fragments: list[Fragment]) -> tuple[str, list[float]]:
    """Fragments as one text (Chinese joined with nothing, Latin with a space) and the
    confidence of each of its characters."""
    text, confidence = "", []
    for fragment, score in fragments:
        fragment = " ".join(fragment.split())
        if text and fragment and not (_WIDE_CHAR.match(text[-1]) or _WIDE_CHAR.match(fragment[0])):
            text, confidence = text + " ", [*confidence, score]
        text, confidence = text + fragment, confidence + [score] * len(fragment)
    return text, confidence
