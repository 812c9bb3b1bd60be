"""Text that remembers the source line of every character it holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


@dataclass(frozen=True)
class Span:
    """An inclusive range of 1-based line numbers in a source file."""

    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class SpannedText:
    """A string paired with the source line of each of its characters."""

    text: str
    lines: tuple[int, ...]

    @classmethod
    def at(cls, text: str, line: int) -> SpannedText:
        return cls(text, (line,) * len(text))

    @classmethod
    def empty(cls) -> SpannedText:
        return cls("", ())

    def __bool__(self) -> bool:
        return bool(self.text)

    def __add__(self, other: SpannedText) -> SpannedText:
        return SpannedText(self.text + other.text, self.lines + other.lines)

    def __getitem__(self, key: slice) -> SpannedText:
        return SpannedText(self.text[key], self.lines[key])

    @property
    def span(self) -> Span:
        if not self.lines:
            raise ValueError("an empty text has no span")
        return Span(min(self.lines), max(self.lines))

    def cleaned(self) -> SpannedText:
        """Drop the whitespace a PDF extraction puts inside words.

        Whitespace is kept (as one space) only between two ASCII letters or digits, where it
        separates words; everywhere else in Chinese text it is an artefact of the layout.
        """
        kept: list[int] = []
        text = self.text
        i = 0
        while i < len(text):
            if not text[i].isspace():
                kept.append(i)
                i += 1
                continue
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if (
                kept
                and j < len(text)
                and _ASCII_WORD.match(text[kept[-1]])
                and _ASCII_WORD.match(text[j])
            ):
                kept.append(i)
            i = j
        return SpannedText(
            "".join(" " if text[k].isspace() else text[k] for k in kept),
            tuple(self.lines[k] for k in kept),
        )

    def split(self, separators: str) -> list[SpannedText]:
        """Split on any of the given single-character separators."""
        parts: list[SpannedText] = []
        start = 0
        for i, char in enumerate(self.text):
            if char in separators:
                parts.append(self[start:i])
                start = i + 1
        parts.append(self[start:])
        return parts

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix)

    def merged_with(self, continuation: SpannedText) -> SpannedText:
        """Join text that a page break split, dropping characters printed on both sides of it."""
        return self + continuation[overlap(self.text, continuation.text) or 0 :]


def overlap(before: str, after: str, min_size: int = 2) -> int | None:
    """How many leading characters of `after` repeat the end of `before` (None: no overlap).

    `after` overlaps when it is `before` printed again, or when it starts with at least
    `min_size` of `before`'s last characters and goes on from there. A bare tail of `before`
    (扶持政策 then 政策) adds nothing and is not taken as the same text.
    """
    if after == before:
        return len(after)
    for size in range(min(len(before), len(after) - 1), min_size - 1, -1):
        if before.endswith(after[:size]):
            return size
    return None
