"""What a file of a publishing format holds, as lines, and where each line stands in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.sources.html import PhysicalLine
from kg.sources.spans import SpannedText

# A wrapped line inside a cell or a paragraph: Chinese joins with nothing, Latin with a space
_WIDE = r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]"
_WRAP = re.compile(rf"(?<={_WIDE})\s*\n\s*|\s*\n\s*(?={_WIDE})")
_SPACE = re.compile(r"\s+")


def unwrapped(text: str) -> str:
    """A cell's or a paragraph's lines as the one line they wrap."""
    return _SPACE.sub(" ", _WRAP.sub("", text.strip()))


@dataclass
class Extracted:
    """The lines of a PDF, Word or spreadsheet file (numbered from 1 in reading order), and for
    each line number where it stands in the file: "page 2", "table 1, row 5", "sheet 分工, row 7".
    A character read by OCR has its confidence (0-100) in `confidence` by line and column."""

    lines: list[PhysicalLine] = field(default_factory=list)
    locations: dict[int, str] = field(default_factory=dict)
    confidence: dict[int, tuple[float, ...]] = field(default_factory=dict)

    def paragraph(self, text: str, location: str) -> None:
        number = len(self.lines) + 1
        self.lines.append((number, SpannedText.at(unwrapped(text), number), False))
        self.locations[number] = location

    def row(self, cells: list[str], location: str) -> None:
        """A table row: its cells tab-separated (a merged cell's text in its first place only)."""
        number = len(self.lines) + 1
        text = "\t".join(unwrapped(cell) for cell in cells)
        self.lines.append((number, SpannedText.at(text, number), True))
        self.locations[number] = location

    def page_break(self, location: str) -> None:
        """A blank line where a page ends: a table row may go on after it."""
        self.paragraph("", location)

    @property
    def text(self) -> str:
        return "\n".join(line[1].text for line in self.lines)
